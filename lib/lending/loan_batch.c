/* Schedules of many loans at once into the caller's arrays
 * (ipl_loan_schedule_batch() in include/ipledge/loan.h).
 *
 * A fixed-rate loan without prepayments never recomputes its level
 * payment and never shortens, so its schedule is a plain recurrence on
 * the balance; that path is written out here (batch__fixed(), and for
 * four loans side by side batch__lanes()) and keeps across loans what
 * they share (the periods' day-count numerators, the prepared rate). It
 * follows loan__period() in loan_schedule.c step for step, with the
 * same helpers in the same order, so that both give the same units and
 * fail alike; check_loan_batch compares them over thousands of random
 * loans. A loan with an LPR path or prepayments is built as an object
 * and copied (batch__built()). */
#include <stdio.h>
#include <string.h>

#include "ipledge/currency.h"
#include "ipledge/loan.h"
#include "daycount_internal.h"
#include "error_internal.h"
#include "rounding_internal.h"
#include "loan_internal.h"

/* Prepared rates kept: a portfolio priced on a grid of basis points
 * reuses a few hundred rates at most, and preparing one reads a double
 * as a decimal, one of the dearest steps of a short schedule. A rate
 * may sit in two neighbouring slots, so that a few rates hashed alike
 * do not keep evicting each other. */
#define BATCH__RATES 256

/* The day-count numerator of every period of the last loan's dates:
 * valid for the loans after it with the same start, first payment,
 * periods, frequency, month rule and day count. */
typedef struct batch__calendar {
    const ipl_loan_terms *key;  /* the loan it was made for, or NULL */
    size_t n_ok;                /* periods whose payment date exists */
    uint64_t max_num;           /* the largest of num[0 .. n_ok - 1] */
    int64_t num[IPL__LOAN_MAX_PERIODS];
} batch__calendar;

/* One prepared rate, for one day-count denominator. */
typedef struct batch__rate {
    uint64_t rate;             /* the rate's bits */
    int64_t den;               /* 0: the slot is empty */
    ipl__loan_accrual accrual;
} batch__rate;

typedef struct batch__state {
    const ipl_loan_batch_outputs *out;
    int matrices;              /* some matrix is wanted */
    batch__calendar cal;
    batch__rate rates[BATCH__RATES];
    char currency[4];          /* the last loan's currency ... */
    int exponent;              /* ... and its minor-unit exponent */
} batch__state;

/* One loan's figures, written to the per-loan arrays once it succeeded. */
typedef struct batch__figures {
    int64_t instalment, interest, repaid;
    size_t rows;
} batch__figures;

int
ipl_loan_batch_outputs_init(ipl_loan_batch_outputs *outputs, unsigned int version)
{
    static const ipl_loan_batch_outputs zero = IPL_LOAN_BATCH_OUTPUTS_INIT;

    if (outputs == NULL)
        return IPL_EINVAL;
    if (version != IPL_LOAN_BATCH_OUTPUTS_VERSION)
        return IPL_EVERSION;
    *outputs = zero;
    return IPL_OK;
}

static int
batch__same_date(ipl_date a, ipl_date b)
{
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

/* Whether t's periods fall on the calendar's dates, with its day count. */
static int
batch__calendar_fits(const batch__calendar *c, const ipl_loan_terms *t)
{
    const ipl_loan_terms *k = c->key;

    return k != NULL && batch__same_date(k->start, t->start)
           && batch__same_date(k->first_payment, t->first_payment)
           && k->periods == t->periods
           && ipl__loan_period_months(k->frequency) == ipl__loan_period_months(t->frequency)
           && k->month_rule == t->month_rule && k->daycount == t->daycount;
}

/* Works out the numerators of t's periods, as far as their dates exist. */
static void
batch__calendar_make(batch__calendar *c, const ipl_loan_terms *t)
{
    ipl__loan_dates d;
    ipl_date from = t->start, date;

    ipl__loan_dates_init(&d, t, ipl__loan_period_months(t->frequency));
    c->max_num = 0;
    for (c->n_ok = 0; c->n_ok < t->periods; c->n_ok++) {
        if (ipl__loan_dates_next(&date, &d, c->n_ok, NULL) < 0)
            break;
        c->num[c->n_ok] = ipl__daycount_numerator(t->daycount, from, date);
        if ((uint64_t)c->num[c->n_ok] > c->max_num)
            c->max_num = (uint64_t)c->num[c->n_ok];
        from = date;
    }
    c->key = t;
}

/* The error of payment k, whose date does not exist, as the schedule
 * builder reports it. */
static int
batch__date_error(const ipl_loan_terms *t, size_t k, ipl_error *err)
{
    ipl__loan_dates d;
    ipl_date date;
    size_t i;
    int rc = IPL_OK;

    ipl__loan_dates_init(&d, t, ipl__loan_period_months(t->frequency));
    for (i = 0; i <= k && rc == IPL_OK; i++)
        rc = ipl__loan_dates_next(&date, &d, i, err);
    return rc;
}

/* The accrual prepared for rate and den, from the cache: the most
 * recent of the rate's two slots comes first. */
static const ipl__loan_accrual *
batch__accrual(batch__state *st, double rate, int64_t den)
{
    uint64_t bits;
    batch__rate *a, *b;

    memcpy(&bits, &rate, sizeof bits);
    a = &st->rates[((bits ^ (uint64_t)den) * UINT64_C(0x9E3779B97F4A7C15)) >> 56];
    b = &st->rates[(a - st->rates) ^ 1];
    if (a->den == den && a->rate == bits)
        return &a->accrual;
    if (b->den == den && b->rate == bits)
        return &b->accrual;
    *b = *a;
    ipl__loan_accrual_init(&a->accrual, rate, den);
    a->rate = bits;
    a->den = den;
    return &a->accrual;
}

/* The minor-unit exponent of a valid currency, looked up again only
 * when it changes from one loan to the next. */
static int
batch__exponent(batch__state *st, const char *currency)
{
    if (memcmp(st->currency, currency, 4) != 0) {
        st->exponent = ipl_currency_exponent(currency);
        memcpy(st->currency, currency, 4);
    }
    return st->exponent;
}

/* Stores period k of loan i in the matrices that are wanted. */
static void
batch__put_row(const batch__state *st, size_t i, size_t k, int64_t interest,
               int64_t principal, int64_t closing)
{
    const ipl_loan_batch_outputs *o = st->out;
    size_t at = i * o->stride + k;

    if (o->row_interest != NULL)
        o->row_interest[at] = interest;
    if (o->row_principal != NULL)
        o->row_principal[at] = principal;
    if (o->row_balance != NULL)
        o->row_balance[at] = closing;
}

/* Stores loan i's figures, and zeros in the matrices after its rows. */
static void
batch__write(const batch__state *st, const batch__figures *f, size_t i)
{
    const ipl_loan_batch_outputs *o = st->out;
    size_t k;

    for (k = f->rows; st->matrices && k < o->stride; k++)
        batch__put_row(st, i, k, 0, 0, 0);
    if (o->instalment != NULL)
        o->instalment[i] = f->instalment;
    if (o->interest != NULL)
        o->interest[i] = f->interest;
    if (o->repaid != NULL)
        o->repaid[i] = f->repaid;
    if (o->rows != NULL)
        o->rows[i] = (unsigned int)f->rows;
}

/* The principal the method repays in period k before the last-period
 * and balance limits, computing the level payment in period 0 as
 * loan__regular() does. */
static int
batch__regular(int64_t *out, int64_t *level, const ipl_loan_terms *t, size_t k,
               int64_t opening, int64_t interest, ipl_rounding how, ipl_error *err)
{
    int rc;

    switch (t->method) {
    case IPL_LOAN_ANNUITY:
        if (k == 0 && (rc = ipl__loan_annuity(
                           level, opening,
                           t->rate * ipl__loan_period_months(t->frequency) / 12.0,
                           t->periods, ipl_currency_exponent(t->principal.currency),
                           how, err)) < 0)
            return rc;
        *out = *level - interest;
        return IPL_OK;
    case IPL_LOAN_EQUAL_PRINCIPAL:
        if (k == 0 && (rc = ipl__round_quotient(level, 0, (ipl__u128)opening,
                                                (ipl__u128)t->periods, how)) < 0)
            return ipl__fail(err, rc, "terms.principal", "cannot divide the balance");
        *out = *level;
        return IPL_OK;
    case IPL_LOAN_BULLET:
        *out = k + 1 == t->periods ? opening : 0;
        return IPL_OK;
    default:
        *out = t->plan[k].minor;
        return IPL_OK;
    }
}

/* A fixed-rate loan without prepayments, i-th of the batch. */
static int
batch__fixed(batch__state *st, batch__figures *f, const ipl_loan_terms *t,
             size_t i, ipl_rounding how, ipl_error *err)
{
    const ipl__loan_accrual *acc;
    int64_t balance = t->principal.minor, level = 0, regular = 0;
    size_t k, end = t->periods;
    int rc, overflow = 0;

    if (!batch__calendar_fits(&st->cal, t))
        batch__calendar_make(&st->cal, t);
    acc = batch__accrual(st, t->rate, ipl__daycount_denominator(t->daycount));
    f->interest = f->repaid = 0;
    for (k = 0;; k++) {
        int64_t opening = balance, interest, principal, payment;

        if (k == st->cal.n_ok)
            return batch__date_error(t, k, err);
        if (ipl__loan_accrual_interest(&interest, acc, opening, st->cal.num[k], how) < 0)
            return ipl__fail(err, IPL_EOVERFLOW, "terms.principal",
                             "the interest of period %zu overflows", k + 1);
        if ((rc = batch__regular(&regular, &level, t, k, opening, interest, how,
                                 err)) < 0)
            return rc;
        if (regular < 0)
            regular = 0;
        principal = k + 1 == end || regular > opening ? opening : regular;
        balance = opening - principal;
        if (__builtin_add_overflow(interest, principal, &payment))
            return ipl__fail(err, IPL_EOVERFLOW, "terms.principal",
                             "the payment of period %zu overflows", k + 1);
        if (k == 0)
            f->instalment = payment;
        /* The builder sums after the last row: an overflowing sum is
         * reported only if no row fails. */
        overflow |= __builtin_add_overflow(f->interest, interest, &f->interest)
                    | __builtin_add_overflow(f->repaid, payment, &f->repaid);
        if (st->matrices)
            batch__put_row(st, i, k, interest, principal, balance);
        if (balance == 0)
            break;
    }
    f->rows = k + 1;
    if (overflow)
        return ipl__fail(err, IPL_EOVERFLOW, "totals",
                         "the sum of interest or payments overflows");
    return IPL_OK;
}

/* ---- several loans in step ----
 *
 * A period's interest waits for the balance the period before left: a
 * chain of multiplications a single loan cannot shorten. Loans with the
 * same dates are independent of each other, so BATCH__LANES of them
 * go through the periods side by side and the processor overlaps their
 * chains. This covers the usual portfolio: fixed rates, no prepayments,
 * equal instalments, equal principal or bullet, the same calendar and
 * rounding, and amounts small enough that nothing can overflow
 * (checked once per loan, so that the loop checks nothing). Any loan
 * outside that sends the loans one by one through batch__fixed() and
 * batch__built(). */

#define BATCH__LANES 4

typedef struct batch__lane {
    int64_t principal;
    int64_t balance;
    int64_t level;             /* the instalment, the equal part, or 0 */
    int64_t instalment_mask;   /* -1: regular = level − interest; 0: = level */
    uint64_t factor;           /* of the prepared accrual */
    ipl__divisor divisor;
} batch__lane;

/* Whether a loan of the given principal, periods and accrual can
 * overflow nothing: every product of a period fits in 64 bits (the
 * balance never exceeds the principal), and so do the sums of its
 * interest and payments. */
static int
batch__bounded(const ipl__loan_accrual *acc, const batch__calendar *c,
               int64_t principal, size_t periods)
{
    uint64_t most, interest;

    if (!acc->fast || __builtin_mul_overflow(acc->factor, c->max_num, &most)
        || __builtin_mul_overflow(most, (uint64_t)principal, &most))
        return 0;
    interest = most / acc->divisor.d + 1;     /* the most in any period */
    return !__builtin_mul_overflow(interest, (uint64_t)periods, &interest)
           && interest <= (uint64_t)(INT64_MAX - principal);
}

/* Prepares loan t as a lane with rounding how; 0 when it cannot be one.
 * The first lane sets the calendar the others must fit. */
static int
batch__lane_init(batch__lane *l, batch__state *st, const ipl_loan_terms *t,
                 int first, ipl_rounding *how)
{
    const ipl__loan_accrual *acc;
    ipl_rounding mine;

    if (ipl__loan_check_terms(t, &mine, NULL) < 0 || (!first && mine != *how)
        || t->n_fixings != 0 || t->n_prepayments != 0 || t->method == IPL_LOAN_PLAN)
        return 0;
    *how = mine;
    if (first && !batch__calendar_fits(&st->cal, t))
        batch__calendar_make(&st->cal, t);
    if (!batch__calendar_fits(&st->cal, t) || st->cal.n_ok != t->periods
        || (st->matrices && st->out->stride < t->periods))
        return 0;
    acc = batch__accrual(st, t->rate, ipl__daycount_denominator(t->daycount));
    if (!batch__bounded(acc, &st->cal, t->principal.minor, t->periods))
        return 0;
    l->principal = l->balance = t->principal.minor;
    l->factor = acc->factor;
    l->divisor = acc->divisor;
    l->instalment_mask = t->method == IPL_LOAN_ANNUITY ? -1 : 0;
    l->level = 0;
    if (t->method == IPL_LOAN_ANNUITY)
        return ipl__loan_annuity(&l->level, l->balance,
                                 t->rate * ipl__loan_period_months(t->frequency) / 12.0,
                                 t->periods, batch__exponent(st, t->principal.currency),
                                 mine, NULL) == IPL_OK;
    if (t->method == IPL_LOAN_EQUAL_PRINCIPAL)
        return ipl__round_quotient(&l->level, 0, (ipl__u128)l->balance,
                                   (ipl__u128)t->periods, mine) == IPL_OK;
    return 1;   /* a bullet: the last period takes the balance */
}

/* Period k of every lane, with the rounding mode and whether k is the
 * first or the last period constants where this is inlined, so that
 * they fold away.
 * As loan__period(): interest, the method's principal, the last period
 * or a short balance taking the rest. A loan repaid early runs on with
 * zeros, which its rows do not count. */
static inline __attribute__((always_inline)) void
batch__step(const batch__state *st, batch__lane *lane, batch__figures *f,
            size_t i, size_t k, int first, int last, ipl_rounding how)
{
    uint64_t num = (uint64_t)st->cal.num[k];
    size_t j;

#pragma GCC unroll 4
    for (j = 0; j < BATCH__LANES; j++) {
        batch__lane *l = &lane[j];
        int64_t opening = l->balance, interest = 0, regular, principal;

        /* Bounded: the product fits and the quotient is below 2^63. */
        (void)ipl__divisor_round(&interest, (uint64_t)opening * (l->factor * num),
                                 &l->divisor, how);
        regular = l->level - (interest & l->instalment_mask);
        regular = regular < 0 ? 0 : regular;
        principal = last || regular > opening ? opening : regular;
        l->balance = opening - principal;
        f[j].interest += interest;
        f[j].rows += opening != 0;
        if (first)
            f[j].instalment = interest + principal;
        if (st->matrices)
            batch__put_row(st, i + j, k, interest, principal, l->balance);
    }
}

/* The periods of the lanes. */
static inline __attribute__((always_inline)) void
batch__steps(const batch__state *st, batch__lane *lane, batch__figures *f,
             size_t i, size_t end, ipl_rounding how)
{
    size_t k, j;

    if (end == 1) {
        batch__step(st, lane, f, i, 0, 1, 1, how);
    } else {
        batch__step(st, lane, f, i, 0, 1, 0, how);
        for (k = 1; k + 1 < end; k++)
            batch__step(st, lane, f, i, k, 0, 0, how);
        batch__step(st, lane, f, i, end - 1, 0, 1, how);
    }
    /* The principal column sums to the principal. */
    for (j = 0; j < BATCH__LANES; j++)
        f[j].repaid = f[j].interest + lane[j].principal;
}

/* Loans i .. i + BATCH__LANES − 1 of the batch side by side; 0 when one
 * of them cannot go this way (nothing is then written). */
static int
batch__lanes(batch__state *st, const ipl_loan_terms *t, size_t i)
{
    batch__lane lane[BATCH__LANES];
    batch__figures f[BATCH__LANES];
    ipl_rounding how = IPL_ROUND_DEFAULT;
    size_t j, end = t[0].periods;

    for (j = 0; j < BATCH__LANES; j++) {
        if (!batch__lane_init(&lane[j], st, &t[j], j == 0, &how))
            return 0;
        f[j].interest = f[j].repaid = 0;
        f[j].rows = 0;
    }
    switch (how) {
    case IPL_ROUND_HALF_UP:
        batch__steps(st, lane, f, i, end, IPL_ROUND_HALF_UP);
        break;
    case IPL_ROUND_DOWN:
        batch__steps(st, lane, f, i, end, IPL_ROUND_DOWN);
        break;
    case IPL_ROUND_UP:
        batch__steps(st, lane, f, i, end, IPL_ROUND_UP);
        break;
    default:
        batch__steps(st, lane, f, i, end, IPL_ROUND_HALF_EVEN);
        break;
    }
    for (j = 0; j < BATCH__LANES; j++)
        batch__write(st, &f[j], i + j);
    return 1;
}

/* Any other loan: built as an object, its rows copied. */
static int
batch__built(const batch__state *st, batch__figures *f, const ipl_loan_terms *t,
             size_t i, ipl_error *err)
{
    ipl_loan_schedule *s;
    const ipl_loan_totals *tot;
    size_t k;
    int rc;

    if ((rc = ipl_loan_schedule_new(&s, t, err)) < 0)
        return rc;
    tot = ipl_loan_schedule_totals(s);
    f->rows = ipl_loan_schedule_count(s);
    f->instalment = ipl_loan_schedule_row(s, 0)->payment.minor;
    f->interest = tot->interest.minor;
    f->repaid = tot->payment.minor;
    for (k = 0; st->matrices && k < f->rows; k++) {
        const ipl_loan_row *r = ipl_loan_schedule_row(s, k);

        batch__put_row(st, i, k, r->interest.minor, r->principal.minor,
                       r->closing.minor);
    }
    ipl_loan_schedule_free(s);
    return IPL_OK;
}

/* Names loan i in err->where: "terms.periods" becomes "terms[i].periods",
 * and a where outside the terms ("totals") becomes "terms[i].totals";
 * "outputs..." stays as it is. */
static int
batch__locate(ipl_error *err, size_t i, int rc)
{
    char where[IPL_ERROR_WHERE_MAX];
    const char *rest;

    if (err == NULL || strncmp(err->where, "outputs", 7) == 0)
        return rc;
    rest = strncmp(err->where, "terms", 5) == 0 ? err->where + 5 : err->where;
    if (snprintf(where, sizeof where, "terms[%zu]%s%s", i, rest == err->where ? "." : "",
                 rest) >= (int)sizeof where)
        where[sizeof where - 1] = '\0';
    memcpy(err->where, where, sizeof where);
    return rc;
}

static int
batch__loan(batch__state *st, const ipl_loan_terms *t, size_t i, ipl_error *err)
{
    const ipl_loan_batch_outputs *o = st->out;
    batch__figures f = { 0, 0, 0, 0 };
    ipl_rounding how;
    int rc;

    if ((rc = ipl__loan_check_terms(t, &how, err)) < 0)
        return rc;
    if (st->matrices && o->stride < t->periods)
        return ipl__fail(err, IPL_EINVAL, "outputs.stride",
                         "is %zu, loan %zu has %u periods", o->stride, i, t->periods);
    if (t->n_fixings == 0 && t->n_prepayments == 0)
        rc = batch__fixed(st, &f, t, i, how, err);
    else
        rc = batch__built(st, &f, t, i, err);
    if (rc < 0)
        return rc;
    batch__write(st, &f, i);
    return IPL_OK;
}

int
ipl_loan_schedule_batch(const ipl_loan_batch_outputs *outputs,
                        const ipl_loan_terms *terms, size_t n, ipl_error *err)
{
    batch__state st;
    size_t i;
    int rc;

    IPL__CHECK_ARG(err, outputs);
    if (outputs->version != IPL_LOAN_BATCH_OUTPUTS_VERSION)
        return ipl__fail(err, IPL_EVERSION, "outputs.version",
                         "unknown version %u (this library has %u)",
                         outputs->version, IPL_LOAN_BATCH_OUTPUTS_VERSION);
    if (n == 0)
        return IPL_OK;
    IPL__CHECK_ARG(err, terms);
    st.out = outputs;
    st.matrices = outputs->row_interest != NULL || outputs->row_principal != NULL
                  || outputs->row_balance != NULL;
    st.cal.key = NULL;
    for (i = 0; i < BATCH__RATES; i++) {
        st.rates[i].rate = 0;
        st.rates[i].den = 0;
    }
    memset(st.currency, 0, sizeof st.currency);
    for (i = 0; i < n; i++) {
        if (n - i >= BATCH__LANES && batch__lanes(&st, &terms[i], i)) {
            i += BATCH__LANES - 1;
            continue;
        }
        if ((rc = batch__loan(&st, &terms[i], i, err)) < 0)
            return batch__locate(err, i, rc);
    }
    return IPL_OK;
}
