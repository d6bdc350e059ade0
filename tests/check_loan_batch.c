/* Check suite for ipl_loan_schedule_batch() (include/ipledge/loan.h).
 *
 * References, none of them the batch itself:
 * - ipl_loan_schedule_new(), field by field, over 12,000 random loans
 *   from a fixed-seed PRNG, in batches that share dates (the batch's
 *   fast case) and batches that do not, with LPR paths, plans,
 *   prepayments, every day count and rounding, and the errors;
 * - vectors/loan/expected.csv: Gnumeric's PMT, IPMT and PPMT
 *   (loan_vectors.c), all twelve cases in one batch;
 * - the hand-checked figure CNY 1,000,000.00 at 4.35 % over 36 months:
 *   instalment 29,679.93, first interest 1,000,000 × 0.0435 / 12 =
 *   3,625.00. */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ipledge/loan.h"
#include "harness.h"
#include "loan_vectors.h"

#define STRIDE 120                /* the random loans' most periods */
#define BATCH 60                  /* loans per random batch */
#define BATCHES 200               /* 12,000 loans */
#define UNTOUCHED INT64_C(-7777)  /* what the batch must not overwrite */

/* Caller arrays for up to BATCH loans of STRIDE periods, pre-filled
 * with UNTOUCHED. */
typedef struct arrays {
    int64_t instalment[BATCH], interest[BATCH], repaid[BATCH];
    unsigned int rows[BATCH];
    int64_t r_interest[BATCH * STRIDE], r_principal[BATCH * STRIDE],
            r_balance[BATCH * STRIDE];
    ipl_loan_batch_outputs out;
} arrays;

static void
arrays_init(arrays *a, int matrices)
{
    size_t i;

    for (i = 0; i < BATCH; i++) {
        a->instalment[i] = a->interest[i] = a->repaid[i] = UNTOUCHED;
        a->rows[i] = 9999;
    }
    for (i = 0; i < BATCH * STRIDE; i++)
        a->r_interest[i] = a->r_principal[i] = a->r_balance[i] = UNTOUCHED;
    ck_assert_int_eq(ipl_loan_batch_outputs_init(&a->out, IPL_LOAN_BATCH_OUTPUTS_VERSION),
                     IPL_OK);
    a->out.instalment = a->instalment;
    a->out.interest = a->interest;
    a->out.repaid = a->repaid;
    a->out.rows = a->rows;
    if (matrices) {
        a->out.stride = STRIDE;
        a->out.row_interest = a->r_interest;
        a->out.row_principal = a->r_principal;
        a->out.row_balance = a->r_balance;
    }
}

/* Where loan i's figures differ from schedule s, or NULL. */
static const char *
differs(const arrays *a, size_t i, const ipl_loan_schedule *s, int matrices)
{
    const ipl_loan_totals *tot = ipl_loan_schedule_totals(s);
    size_t k, n = ipl_loan_schedule_count(s);

    if (a->rows[i] != n)
        return "rows";
    if (a->instalment[i] != ipl_loan_schedule_row(s, 0)->payment.minor)
        return "instalment";
    if (a->interest[i] != tot->interest.minor)
        return "interest";
    if (a->repaid[i] != tot->payment.minor)
        return "repaid";
    for (k = 0; matrices && k < STRIDE; k++) {
        const ipl_loan_row *r = ipl_loan_schedule_row(s, k);
        size_t at = i * STRIDE + k;

        if (a->r_interest[at] != (r != NULL ? r->interest.minor : 0))
            return "row interest";
        if (a->r_principal[at] != (r != NULL ? r->principal.minor : 0))
            return "row principal";
        if (a->r_balance[at] != (r != NULL ? r->closing.minor : 0))
            return "row balance";
    }
    return NULL;
}

/* Whether loan i's per-loan entries are as arrays_init() left them. */
static int
untouched(const arrays *a, size_t i)
{
    return a->instalment[i] == UNTOUCHED && a->interest[i] == UNTOUCHED
           && a->repaid[i] == UNTOUCHED && a->rows[i] == 9999;
}

/* ---- the hand-checked loan and the spreadsheet ---- */

START_TEST(test_hand_checked)
{
    static arrays a;
    ipl_loan_terms t[2];
    ipl_error err;

    t[0] = base_terms(IPL_LOAN_ANNUITY);
    /* Equal principal over 4 months of CNY 1,000.00 at 12 %, 30/360:
     * 250.00 a month; interest 10.00, 7.50, 5.00, 2.50 = 25.00. */
    t[1] = base_terms(IPL_LOAN_EQUAL_PRINCIPAL);
    t[1].principal = cny(100000);
    t[1].rate = 0.12;
    t[1].periods = 4;
    arrays_init(&a, 1);
    ck_assert_int_eq(ipl_loan_schedule_batch(&a.out, t, 2, &err), IPL_OK);
    ck_assert_int_eq(a.instalment[0], 2967993);
    ck_assert_int_eq(a.r_interest[0], 362500);
    ck_assert_int_eq(a.r_principal[0], 2967993 - 362500);
    ck_assert_int_eq(a.r_balance[35], 0);
    ck_assert_int_eq(a.repaid[0], a.interest[0] + 100000000);
    ck_assert_uint_eq(a.rows[1], 4);
    ck_assert_int_eq(a.instalment[1], 25000 + 1000);
    ck_assert_int_eq(a.interest[1], 2500);
    ck_assert_int_eq(a.repaid[1], 102500);
    ck_assert_int_eq(a.r_interest[STRIDE + 3], 250);
    ck_assert_int_eq(a.r_principal[STRIDE + 3], 25000);
    ck_assert_int_eq(a.r_balance[STRIDE + 2], 25000);
    ck_assert_int_eq(a.r_balance[STRIDE + 4], 0);   /* after the last row */
    ck_assert_int_eq(a.r_interest[STRIDE + STRIDE - 1], 0);
    ck_assert(untouched(&a, 2));
}
END_TEST

/* Ties in every mode, four loans at a time as a portfolio goes: bullet
 * loans at 12 % over 3 months, 30/360, accrue 1 % of the balance a
 * month, so 2.50 fen on 250 fen and 3.50 on 350: half-even 2 and 4,
 * half-up 3 and 4, down 2 and 3, up 3 and 4 each month. */
START_TEST(test_rounding_ties)
{
    static const ipl_rounding modes[] = { IPL_ROUND_DEFAULT, IPL_ROUND_HALF_EVEN,
                                          IPL_ROUND_HALF_UP, IPL_ROUND_DOWN,
                                          IPL_ROUND_UP };
    static const int64_t on250[] = { 2, 2, 3, 2, 3 }, on350[] = { 4, 4, 4, 3, 4 };
    ipl_loan_terms t[8];
    int64_t interest[8];
    ipl_loan_batch_outputs out = IPL_LOAN_BATCH_OUTPUTS_INIT;
    ipl_error err;
    size_t m, j;

    out.interest = interest;
    for (m = 0; m < 5; m++) {
        for (j = 0; j < 8; j++) {
            t[j] = base_terms(IPL_LOAN_BULLET);
            t[j].principal = cny(j % 2 ? 350 : 250);
            t[j].rate = 0.12;
            t[j].periods = 3;
            t[j].rounding = modes[m];
        }
        ck_assert_int_eq(ipl_loan_schedule_batch(&out, t, 8, &err), IPL_OK);
        for (j = 0; j < 8; j++)
            ck_assert_int_eq(interest[j], 3 * (j % 2 ? on350[m] : on250[m]));
    }
}
END_TEST

/* The twelve Gnumeric cases in one batch: every row within k minor
 * units of IPMT and PPMT at period k, the instalment the rounded PMT. */
START_TEST(test_gnumeric_batch)
{
    static int64_t r_interest[12 * 400], r_principal[12 * 400];
    int64_t instalment[12];
    ipl_loan_terms t[12];
    ipl_loan_batch_outputs out = IPL_LOAN_BATCH_OUTPUTS_INIT;
    ipl_error err;
    int c, k;

    ck_assert_msg(vec_problem[0] == '\0', "%s", vec_problem);
    ck_assert_int_eq(vec_cases, 12);
    for (c = 0; c < 12; c++) {
        const vec_row *v = &vec_rows[vec_case_first[c]];

        t[c] = base_terms(IPL_LOAN_ANNUITY);
        t[c].principal = cny(llround(v->principal * 100.0));
        t[c].rate = v->rate;
        t[c].periods = (unsigned)v->nper;
        t[c].frequency = frequency_of(v->per_year);
        ck_assert_int_le(v->nper, 400);
    }
    out.instalment = instalment;
    out.stride = 400;
    out.row_interest = r_interest;
    out.row_principal = r_principal;
    ck_assert_int_eq(ipl_loan_schedule_batch(&out, t, 12, &err), IPL_OK);
    for (c = 0; c < 12; c++) {
        const vec_row *v = &vec_rows[vec_case_first[c]];

        ck_assert(fabs((double)instalment[c] - v->pmt * 100.0) <= 0.5 + 1e-6);
        for (k = 1; k <= v->nper; k++) {
            const vec_row *e = &vec_rows[vec_case_first[c] + k - 1];
            size_t at = (size_t)c * 400 + (size_t)k - 1;

            ck_assert_msg(fabs((double)r_interest[at] - e->ipmt * 100.0) <= k + 1e-6
                          && fabs((double)r_principal[at] - e->ppmt * 100.0) <= k + 1e-6,
                          "case %d period %d: %lld/%lld, IPMT %.6f PPMT %.6f", v->id, k,
                          (long long)r_interest[at], (long long)r_principal[at],
                          e->ipmt, e->ppmt);
        }
    }
}
END_TEST

/* ---- the batch against the object, over random loans ---- */

/* xorshift64*: a fixed seed gives the same loans on every machine. */
static uint64_t prng_state = 0x9E3779B97F4A7C15ULL;

/* Every rounding a schedule accepts. */
static const ipl_rounding roundings[] = { IPL_ROUND_DEFAULT, IPL_ROUND_HALF_EVEN,
                                          IPL_ROUND_HALF_UP, IPL_ROUND_DOWN,
                                          IPL_ROUND_UP };

static uint64_t
prng(void)
{
    return iplt_xorshift(&prng_state);
}

static unsigned
pick(unsigned n)
{
    return (unsigned)(prng() % n);
}

/* Storage a random loan's arrays point into. */
typedef struct loan_store {
    ipl_money plan[STRIDE];
    ipl_loan_prepayment pre[2];
    ipl_loan_fixing fix[2];
} loan_store;

/* Gives t a prepayment on one of its payment dates, taken from a build
 * without it, of at most half the balance then. */
static void
add_prepayment(ipl_loan_terms *t, loan_store *st)
{
    ipl_loan_schedule *probe;
    size_t at;

    if (ipl_loan_schedule_new(&probe, t, NULL) < 0)
        return;
    if (ipl_loan_schedule_count(probe) > 2) {
        at = pick((unsigned)ipl_loan_schedule_count(probe) - 1);
        st->pre[0].date = ipl_loan_schedule_row(probe, at)->date;
        st->pre[0].amount = cny(1 + (int64_t)(prng() % (uint64_t)(
                                    ipl_loan_schedule_row(probe, at)->closing.minor / 2 + 1)));
        st->pre[0].recalc = (ipl_loan_recalc)pick(3);
        t->prepayments = st->pre;
        t->n_prepayments = 1;
    }
    ipl_loan_schedule_free(probe);
}

/* A random loan like *shared, departing from it field by field once in
 * odd draws: odd 6 gives a motley batch, 40 a portfolio where most
 * loans share dates, method and rounding (the batch's fast case). Each
 * field departs on its own, so that a cache keyed on too few of them
 * shows. One loan in six prepays or floats when odd is 6; one in 400
 * is so large that its sums overflow. */
static void
random_loan(ipl_loan_terms *t, loan_store *st, const ipl_loan_terms *shared,
            unsigned odd)
{
    static const ipl_daycount dcs[] = { IPL_DC_ACT_360, IPL_DC_ACT_365F, IPL_DC_30_360,
                                        IPL_DC_30E_360, IPL_DC_ACT_ACT_ISDA };
    size_t i;

    *t = *shared;
    if (pick(odd) == 0) {
        t->start = ymd(2000 + (int)pick(30), 1 + (int)pick(12), 1 + (int)pick(31));
        if (t->start.day > 28)
            t->start.day = 28 + (int)pick(2);
    }
    if (pick(odd) == 0)
        t->periods = 1 + pick(STRIDE);
    if (pick(odd) == 0)
        t->frequency = (ipl_loan_frequency)pick(5);
    if (pick(odd) == 0)
        t->daycount = dcs[pick(5)];
    if (pick(odd) == 0)
        t->month_rule = (ipl_month_rule)pick(3);
    if (pick(odd) == 0)
        t->first_payment = ymd(t->start.year + (t->start.month == 12),
                               t->start.month % 12 + 1, 1 + (int)pick(28));
    if (pick(odd) == 0)
        t->method = (ipl_loan_method)(1 + pick(4));
    if (pick(odd) == 0)
        t->rounding = roundings[pick(5)];
    /* A quarter are tiny, where parts round to 0; a few large enough to
     * leave the fast path, a few so large that their sums overflow. */
    t->principal = cny(1 + (int64_t)(prng() % (pick(4) == 0 ? 1000ULL
                                               : pick(400) == 0 ? 1ULL << 61
                                               : pick(50) == 0 ? 1ULL << (40 + pick(20))
                                               : 100000000000ULL)));
    t->rate = pick(5) == 0 ? (double)(prng() % 1000000000000ULL) / 1e13 : pick(2001) / 10000.0;
    if (pick(odd) == 0) {
        st->fix[0].date = t->start;
        st->fix[0].lpr = pick(500) / 10000.0;
        st->fix[1].date = ymd(t->start.year + 1, 1, 1);
        st->fix[1].lpr = pick(500) / 10000.0;
        t->fixings = st->fix;
        t->n_fixings = 2;
    }
    if (t->method == IPL_LOAN_PLAN) {
        int64_t left = t->principal.minor;

        for (i = 0; i + 1 < t->periods; i++) {
            st->plan[i] = cny(pick(3) == 0 ? 0 : (int64_t)(prng() % (uint64_t)(left / 2 + 1)));
            left -= st->plan[i].minor;
        }
        st->plan[i] = cny(left);
        t->plan = st->plan;
        t->n_plan = t->periods;
    }
    if (pick(odd) == 0)
        add_prepayment(t, st);
}

/* One batch: built one by one as objects first; then the batch must
 * give every loan before the first failing one its object's figures,
 * fail there with the object's code and message and "terms[i]" in
 * front of its where, and leave the later loans alone. */
static void
check_batch(const ipl_loan_terms *t, size_t n, int matrices, int *failures)
{
    static arrays a;
    ipl_loan_schedule *s[BATCH];
    ipl_error obj_err, err;
    size_t i, fail = n;
    int obj_rc = IPL_OK, rc;

    for (i = 0; i < n && fail == n; i++)
        if ((obj_rc = ipl_loan_schedule_new(&s[i], &t[i], &obj_err)) < 0)
            fail = i;
    arrays_init(&a, matrices);
    rc = ipl_loan_schedule_batch(&a.out, t, n, &err);
    if (fail < n) {
        char where[512];

        if (strncmp(obj_err.where, "terms", 5) == 0)
            snprintf(where, sizeof where, "terms[%zu]%s", fail, obj_err.where + 5);
        else
            snprintf(where, sizeof where, "terms[%zu].%s", fail, obj_err.where);
        ck_assert_msg(rc == obj_rc && strcmp(err.where, where) == 0
                      && strcmp(err.message, obj_err.message) == 0,
                      "loan %zu: batch %d %s: %s; object %d %s: %s", fail, rc, err.where,
                      err.message, obj_rc, obj_err.where, obj_err.message);
        for (i = fail; i < n; i++)
            ck_assert_msg(untouched(&a, i), "loan %zu written after a failure", i);
        (*failures)++;
    } else {
        ck_assert_msg(rc == IPL_OK, "%s: %s", err.where, err.message);
    }
    for (i = 0; i < fail; i++) {
        const char *why = differs(&a, i, s[i], matrices);

        if (why != NULL)
            ck_abort_msg("loan %zu (%s, %u periods): %s differs", i,
                         ipl_loan_method_name(t[i].method), t[i].periods, why);
        ipl_loan_schedule_free(s[i]);
    }
}

START_TEST(test_same_as_objects)
{
    static ipl_loan_terms t[BATCH];
    static loan_store st[BATCH];
    int b, failures = 0;
    size_t i;

    for (b = 0; b < BATCHES; b++) {
        ipl_loan_terms shared = base_terms((ipl_loan_method)(1 + b % 3));

        shared.start = ymd(2010 + b % 20, 1 + b % 12, 1 + b % 31 % 28);
        shared.periods = 1 + pick(STRIDE);
        shared.daycount = b % 2 ? IPL_DC_30_360 : IPL_DC_ACT_360;
        shared.rounding = roundings[b / 3 % 5];
        for (i = 0; i < BATCH; i++)
            random_loan(&t[i], &st[i], &shared, b % 2 ? 6 : 40);
        if (b % 10 == 9) {      /* a malformed loan somewhere */
            i = pick(BATCH);
            if (t[i].n_prepayments > 0)
                st[i].pre[0].date.day = 31 - st[i].pre[0].date.day % 2;
            else
                t[i].rate = -0.01;
        }
        check_batch(t, BATCH, b % 4 != 0, &failures);
    }
    /* Some batches must have met an error, and most must not have. */
    ck_assert_int_gt(failures, 5);
    ck_assert_int_lt(failures, BATCHES / 2);
}
END_TEST

/* ---- errors ---- */

START_TEST(test_errors)
{
    static arrays a;
    ipl_loan_terms t[3];
    ipl_loan_batch_outputs bad;
    ipl_error err;

    t[0] = t[1] = t[2] = base_terms(IPL_LOAN_ANNUITY);
    t[1].periods = 0;
    arrays_init(&a, 1);
    iplt_assert_error(err, ipl_loan_schedule_batch(&a.out, t, 3, &err), IPL_EINVAL,
                      "terms[1].periods");
    ck_assert(!untouched(&a, 0));
    ck_assert(untouched(&a, 1) && untouched(&a, 2));

    /* A loan longer than the matrices' rows. */
    t[1].periods = STRIDE + 1;
    iplt_assert_error(err, ipl_loan_schedule_batch(&a.out, t, 3, &err), IPL_EINVAL,
                      "outputs.stride");
    /* Without matrices it fits. */
    arrays_init(&a, 0);
    ck_assert_int_eq(ipl_loan_schedule_batch(&a.out, t, 3, &err), IPL_OK);
    ck_assert_uint_eq(a.rows[1], STRIDE + 1);

    /* Payments past 9999-12-31, found on the way, located. */
    t[2].start = ymd(9999, 1, 1);
    iplt_assert_error(err, ipl_loan_schedule_batch(&a.out, t, 3, &err), IPL_ERANGE,
                      "terms[2].periods");

    bad = a.out;
    bad.version = 99;
    iplt_assert_error(err, ipl_loan_schedule_batch(&bad, t, 1, &err), IPL_EVERSION,
                      "outputs.version");
    ck_assert_int_eq(ipl_loan_batch_outputs_init(&bad, 99), IPL_EVERSION);
    ck_assert_int_eq(ipl_loan_batch_outputs_init(NULL, IPL_LOAN_BATCH_OUTPUTS_VERSION),
                     IPL_EINVAL);
    ck_assert_int_eq(ipl_loan_schedule_batch(NULL, t, 1, &err), IPL_EINVAL);
    ck_assert_int_eq(ipl_loan_schedule_batch(&a.out, NULL, 1, &err), IPL_EINVAL);
    ck_assert_int_eq(ipl_loan_schedule_batch(&a.out, NULL, 0, &err), IPL_OK);
    /* Nothing wanted is allowed, and the err record is optional. */
    ck_assert_int_eq(ipl_loan_batch_outputs_init(&bad, IPL_LOAN_BATCH_OUTPUTS_VERSION),
                     IPL_OK);
    ck_assert_int_eq(ipl_loan_schedule_batch(&bad, t, 2, NULL), IPL_OK);
    ck_assert_int_eq(ipl_loan_schedule_batch(&bad, t, 3, NULL), IPL_ERANGE);
}
END_TEST

/* ---- allocation ---- */

typedef struct oom_ctx {
    ipl_loan_terms t[4];
    int64_t interest[4];
    ipl_loan_batch_outputs out;
} oom_ctx;

static int
oom_batch(void *ctx)
{
    oom_ctx *c = ctx;
    ipl_error err;
    int rc = ipl_loan_schedule_batch(&c->out, c->t, 4, &err);

    if (rc == IPL_ENOMEM)
        ck_assert_msg(strncmp(err.where, "terms[", 6) == 0, "%s", err.where);
    return rc;
}

START_TEST(test_allocation)
{
    static oom_ctx c;
    ipl_loan_prepayment pre;
    int rc;
    size_t i;

    for (i = 0; i < 4; i++)
        c.t[i] = base_terms((ipl_loan_method)(IPL_LOAN_ANNUITY + i % 3));
    ck_assert_int_eq(ipl_loan_batch_outputs_init(&c.out, IPL_LOAN_BATCH_OUTPUTS_VERSION),
                     IPL_OK);
    c.out.interest = c.interest;
    /* Fixed rates without prepayments: nothing allocated. */
    ck_assert_uint_eq(iplt_oom_none(oom_batch, &c, &rc), 0);
    ck_assert_int_eq(rc, IPL_OK);
    ck_assert_int_gt(c.interest[3], 0);
    /* A prepayment goes through the object: one block, then freed. */
    pre.date = ymd(2025, 1, 15);
    pre.amount = cny(1000000);
    pre.recalc = IPL_LOAN_SHORTEN_TERM;
    c.t[2].prepayments = &pre;
    c.t[2].n_prepayments = 1;
    ck_assert_uint_eq(iplt_oom_check(oom_batch, &c), 1);
}
END_TEST

static Suite *
loan_batch_suite(void)
{
    Suite *s = suite_create("loan_batch");
    TCase *tc = tcase_create("figures");

    tcase_add_test(tc, test_hand_checked);
    tcase_add_test(tc, test_rounding_ties);
    tcase_add_test(tc, test_gnumeric_batch);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_allocation);
    suite_add_tcase(s, tc);

    tc = tcase_create("properties");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_same_as_objects);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    vec_load();
    iplt_oom_install();
    return iplt_run(loan_batch_suite());
}
