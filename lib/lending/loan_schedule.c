/* Building a repayment schedule period by period (ipl_loan_schedule_new()
 * in include/ipledge/loan.h) and reading it back. */
#include <stdio.h>
#include <string.h>

#include "ipledge/currency.h"
#include "ipledge/loan.h"
#include "alloc_internal.h"
#include "daycount_internal.h"
#include "error_internal.h"
#include "rounding_internal.h"
#include "loan_internal.h"

/* The state carried from one period to the next. The terms are checked
 * once, before the first period; the loop then steps through months
 * and accrues with internal helpers that check nothing again. */
typedef struct loan__build {
    const ipl_loan_terms *t;
    ipl_rounding how;
    int months;            /* months in a regular period */
    int exponent;          /* the currency's minor-unit exponent */
    size_t end;            /* periods planned; a shortening prepayment lowers it */
    int64_t balance;       /* outstanding principal before the current period */
    int64_t level;         /* annuity instalment or equal principal part */
    int level_stale;       /* recompute level before using it */
    double level_rate;     /* the annual rate level was computed at */
    int64_t *plan;         /* IPL_LOAN_PLAN: the parts still to repay */
    ipl_money *scratch;    /* IPL_LOAN_PLAN: room for a proportional split */
    size_t next_prepay;    /* first prepayment not yet made */
    ipl__loan_dates dates; /* the payment dates still to come */
    double accrual_rate;   /* the annual rate accrual is prepared for ... */
    ipl__loan_accrual accrual;   /* ... and that preparation */
} loan__build;

/* The annual rate of a period that starts on `from`: fixed, or the
 * latest LPR fixing on or before it plus the spread. */
static double
loan__rate(const ipl_loan_terms *t, ipl_date from)
{
    size_t i = t->n_fixings;

    if (i == 0)
        return t->rate;
    while (i > 1 && ipl_date_compare(t->fixings[i - 1].date, from) > 0)
        i--;
    return t->fixings[i - 1].lpr + t->rate;
}

static int
loan__differ(double a, double b)
{
    return a < b || a > b;
}

/* The principal the method repays in period k before any prepayment:
 * never negative, but possibly more than the balance. Refreshes the
 * level payment when it is stale or the rate moved. */
static int
loan__regular(int64_t *out, loan__build *b, size_t k, double rate,
              int64_t interest, ipl_error *err)
{
    int64_t p = 0;
    int rc;

    switch (b->t->method) {
    case IPL_LOAN_ANNUITY:
        if (b->level_stale || loan__differ(rate, b->level_rate)) {
            rc = ipl__loan_annuity(&b->level, b->balance, rate * b->months / 12.0,
                                   (unsigned)(b->end - k), b->exponent, b->how, err);
            if (rc < 0)
                return rc;
            b->level_rate = rate;
            b->level_stale = 0;
        }
        p = b->level - interest;
        break;
    case IPL_LOAN_EQUAL_PRINCIPAL:
        if (b->level_stale) {
            rc = ipl__round_quotient(&b->level, 0, (ipl__u128)b->balance,
                                     (ipl__u128)(b->end - k), b->how);
            if (rc < 0)
                return ipl__fail(err, rc, "terms.principal", "cannot divide the balance");
            b->level_stale = 0;
        }
        p = b->level;
        break;
    case IPL_LOAN_BULLET:
        p = k + 1 == b->end ? b->balance : 0;
        break;
    default:
        p = b->plan[k];
        break;
    }
    *out = p < 0 ? 0 : p;
    return IPL_OK;
}

/* A prepayment of amount in period k comes off the plan's remaining
 * parts: in proportion to them, or from the last backwards. */
static int
loan__replan(loan__build *b, size_t k, int64_t amount, ipl_loan_recalc how,
             ipl_error *err)
{
    size_t i, n = b->end - k - 1;
    ipl_money total;
    int rc;

    if (how == IPL_LOAN_SHORTEN_TERM) {
        for (i = b->end; amount > 0 && i-- > k + 1;) {
            int64_t take = amount < b->plan[i] ? amount : b->plan[i];

            b->plan[i] -= take;
            amount -= take;
        }
        return IPL_OK;
    }
    total.minor = amount;
    memcpy(total.currency, b->t->principal.currency, 4);
    if ((rc = ipl_money_split(b->scratch, &total, b->plan + k + 1, n, err)) < 0)
        return rc;
    for (i = 0; i < n; i++)
        b->plan[k + 1 + i] -= b->scratch[i].minor;
    return IPL_OK;
}

/* After a partial prepayment in period k the method's level payment or
 * horizon changes as the prepayment asks. */
static int
loan__recalc(loan__build *b, size_t k, int64_t amount, ipl_loan_recalc how,
             ipl_error *err)
{
    unsigned need = 0;
    int shorten = how == IPL_LOAN_SHORTEN_TERM;

    switch (b->t->method) {
    case IPL_LOAN_ANNUITY:
        if (!shorten)
            b->level_stale = 1;
        else
            need = ipl__loan_periods_needed(b->balance, b->level,
                                            b->level_rate * b->months / 12.0);
        break;
    case IPL_LOAN_EQUAL_PRINCIPAL:
        if (!shorten)
            b->level_stale = 1;
        else if (b->level > 0)      /* a part rounded to 0 leaves all to the end */
            need = (unsigned)((b->balance + b->level - 1) / b->level);
        break;
    case IPL_LOAN_PLAN:
        return loan__replan(b, k, amount, how, err);
    default:
        break;
    }
    if (need > 0 && k + 1 + need < b->end)
        b->end = k + 1 + need;
    return IPL_OK;
}

/* Writes "terms.prepayments[i]", naming the next prepayment, into
 * where and returns it. */
static const char *
loan__prepay_where(char *where, size_t size, const loan__build *b)
{
    snprintf(where, size, "terms.prepayments[%zu]", b->next_prepay);
    return where;
}

/* Makes the prepayment due on the date of period k, if any, out of the
 * balance left after the period's regular principal, adding it to
 * *principal and *prepaid. */
static int
loan__prepay(loan__build *b, size_t k, ipl_date date, int64_t *principal,
             int64_t *prepaid, ipl_error *err)
{
    const ipl_loan_terms *t = b->t;
    const ipl_loan_prepayment *p;
    char where[48];

    if (b->next_prepay >= t->n_prepayments)
        return IPL_OK;
    p = &t->prepayments[b->next_prepay];
    if (ipl_date_compare(p->date, date) < 0)
        return ipl__fail(err, IPL_EINVAL, loan__prepay_where(where, sizeof where, b),
                         "date is not a payment date of the schedule");
    if (ipl_date_compare(p->date, date) > 0)
        return IPL_OK;
    if (p->amount.minor > b->balance)
        return ipl__fail(err, IPL_EINVAL, loan__prepay_where(where, sizeof where, b),
                         "amount %lld exceeds the balance %lld left after payment %zu",
                         (long long)p->amount.minor, (long long)b->balance, k + 1);
    *prepaid = p->amount.minor;
    *principal += p->amount.minor;
    b->balance -= p->amount.minor;
    b->next_prepay++;
    if (b->balance == 0)
        return IPL_OK;
    return loan__recalc(b, k, p->amount.minor,
                        p->recalc == IPL_LOAN_RECALC_DEFAULT
                            ? IPL_LOAN_LOWER_INSTALMENT : p->recalc, err);
}

static void
loan__put(ipl_money *m, int64_t minor, const char *currency)
{
    m->minor = minor;
    memcpy(m->currency, currency, 4);
}

/* Fills row k; sets *done when the loan is repaid. The amounts are
 * worked out in locals and the row is written last: a store into the
 * row might alias the build's balance (both are int64_t), and the next
 * step would then wait for the balance to come back from memory. */
static int
loan__period(loan__build *b, ipl_loan_schedule *s, size_t k, int *done,
             ipl_error *err)
{
    const ipl_loan_terms *t = b->t;
    const char *currency = t->principal.currency;
    ipl_loan_row *r = &s->rows[k];
    ipl_date start = k == 0 ? t->start : r[-1].date, date;
    int64_t opening = b->balance, interest, regular = 0, principal, prepaid = 0;
    int64_t payment, num;
    double rate;
    int rc;

    if ((rc = ipl__loan_dates_next(&date, &b->dates, k, err)) < 0)
        return rc;
    rate = loan__rate(t, start);
    if (k == 0 || loan__differ(rate, b->accrual_rate)) {
        ipl__loan_accrual_init(&b->accrual, rate,
                               ipl__daycount_denominator(t->daycount));
        b->accrual_rate = rate;
    }
    num = ipl__daycount_numerator(t->daycount, start, date);
    if (ipl__loan_accrual_interest(&interest, &b->accrual, opening, num, b->how) < 0)
        return ipl__fail(err, IPL_EOVERFLOW, "terms.principal",
                         "the interest of period %zu overflows", k + 1);
    if ((rc = loan__regular(&regular, b, k, rate, interest, err)) < 0)
        return rc;
    principal = k + 1 == b->end || regular > opening ? opening : regular;
    if (k + 1 == b->end)
        s->residual.minor = opening - regular;
    b->balance = opening - principal;
    if ((rc = loan__prepay(b, k, date, &principal, &prepaid, err)) < 0)
        return rc;
    if (__builtin_add_overflow(interest, principal, &payment))
        return ipl__fail(err, IPL_EOVERFLOW, "terms.principal",
                         "the payment of period %zu overflows", k + 1);
    *done = opening == principal;
    r->start = start;
    r->date = date;
    r->rate = rate;
    loan__put(&r->opening, opening, currency);
    loan__put(&r->interest, interest, currency);
    loan__put(&r->principal, principal, currency);
    loan__put(&r->payment, payment, currency);
    loan__put(&r->closing, opening - principal, currency);
    loan__put(&r->prepaid, prepaid, currency);
    return IPL_OK;
}

static int
loan__totals(ipl_loan_schedule *s, ipl_error *err)
{
    ipl_loan_totals *tot = &s->totals;
    size_t i;

    tot->interest = tot->principal = tot->payment = tot->prepaid = s->rows[0].opening;
    tot->interest.minor = tot->principal.minor = 0;
    tot->payment.minor = tot->prepaid.minor = 0;
    for (i = 0; i < s->count; i++) {
        const ipl_loan_row *r = &s->rows[i];

        if (__builtin_add_overflow(tot->interest.minor, r->interest.minor,
                                   &tot->interest.minor)
            || __builtin_add_overflow(tot->payment.minor, r->payment.minor,
                                      &tot->payment.minor))
            return ipl__fail(err, IPL_EOVERFLOW, "totals",
                             "the sum of interest or payments overflows");
        tot->principal.minor += r->principal.minor;   /* ≤ the principal */
        tot->prepaid.minor += r->prepaid.minor;
    }
    return IPL_OK;
}

static int
loan__run(loan__build *b, ipl_loan_schedule *s, ipl_error *err)
{
    int done = 0, rc;
    size_t k;

    for (k = 0; !done; k++)
        if ((rc = loan__period(b, s, k, &done, err)) < 0)
            return rc;
    s->count = k;
    if (b->next_prepay < b->t->n_prepayments) {
        char where[48];

        return ipl__fail(err, IPL_EINVAL, loan__prepay_where(where, sizeof where, b),
                         "date is not a payment date of the schedule");
    }
    return loan__totals(s, err);
}

static int
loan__alloc(loan__build *b, ipl_loan_schedule **s, ipl_error *err)
{
    const ipl_loan_terms *t = b->t;
    size_t i;

    /* periods <= IPL__LOAN_MAX_PERIODS: the size cannot overflow. */
    *s = ipl__malloc(sizeof **s + t->periods * sizeof (*s)->rows[0]);
    if (*s == NULL)
        return ipl__fail(err, IPL_ENOMEM, "schedule", "cannot allocate %u rows",
                         t->periods);
    if (t->method != IPL_LOAN_PLAN)
        return IPL_OK;
    b->plan = ipl__calloc(t->periods, sizeof *b->plan);
    b->scratch = ipl__calloc(t->periods, sizeof *b->scratch);
    if (b->plan == NULL || b->scratch == NULL)
        return ipl__fail(err, IPL_ENOMEM, "terms.plan", "cannot copy %u parts",
                         t->periods);
    for (i = 0; i < t->periods; i++)
        b->plan[i] = t->plan[i].minor;
    return IPL_OK;
}

/* The build's starting state, from checked terms. */
static void
loan__start(loan__build *b, const ipl_loan_terms *terms)
{
    b->t = terms;
    b->months = ipl__loan_period_months(terms->frequency);
    b->exponent = ipl_currency_exponent(terms->principal.currency);
    b->end = terms->periods;
    b->balance = terms->principal.minor;
    b->level_stale = 1;
    ipl__loan_dates_init(&b->dates, terms, b->months);
}

int
ipl_loan_schedule_new(ipl_loan_schedule **out, const ipl_loan_terms *terms,
                      ipl_error *err)
{
    loan__build b;
    ipl_loan_schedule *s = NULL;
    int rc;

    IPL__CHECK_ARG(err, out);
    memset(&b, 0, sizeof b);
    if ((rc = ipl__loan_check_terms(terms, &b.how, err)) < 0)
        return rc;
    loan__start(&b, terms);
    if ((rc = loan__alloc(&b, &s, err)) == IPL_OK) {
        s->daycount = terms->daycount;
        s->rounding = b.how;
        s->residual = terms->principal;
        s->residual.minor = 0;
        rc = loan__run(&b, s, err);
    }
    ipl__free(b.plan);
    ipl__free(b.scratch);
    if (rc < 0) {
        ipl_loan_schedule_free(s);
        return rc;
    }
    *out = s;
    return IPL_OK;
}

void
ipl_loan_schedule_free(ipl_loan_schedule *s)
{
    ipl__free(s);
}

size_t
ipl_loan_schedule_count(const ipl_loan_schedule *s)
{
    return s == NULL ? 0 : s->count;
}

const ipl_loan_row *
ipl_loan_schedule_row(const ipl_loan_schedule *s, size_t i)
{
    return s == NULL || i >= s->count ? NULL : &s->rows[i];
}

const ipl_loan_totals *
ipl_loan_schedule_totals(const ipl_loan_schedule *s)
{
    return s == NULL ? NULL : &s->totals;
}

int
ipl_loan_schedule_residual(ipl_money *amount, const ipl_loan_schedule *s,
                           ipl_error *err)
{
    IPL__CHECK_ARG(err, amount);
    IPL__CHECK_ARG(err, s);
    *amount = s->residual;
    return (int)(s->count - 1);
}

ipl_daycount
ipl_loan_schedule_daycount(const ipl_loan_schedule *s)
{
    return s == NULL ? IPL_DC_NONE : s->daycount;
}

ipl_rounding
ipl_loan_schedule_rounding(const ipl_loan_schedule *s)
{
    return s == NULL ? IPL_ROUND_DEFAULT : s->rounding;
}
