/* Check suite for include/ipledge/loan.h.
 *
 * References, none of them the code under test:
 * - vectors/loan/expected.csv: Gnumeric's PMT, IPMT and PPMT for every
 *   period of a dozen equal-period annuities (make-expected.sh there);
 *   a 30/360 schedule must agree with it within one minor unit per
 *   period elapsed, since each period rounds once;
 * - equal-principal, bullet, broken-period and prepayment cases worked
 *   by hand in the comments beside them;
 * - invariants over thousands of random loans from a fixed-seed PRNG.
 * The CSV is found under $IPL_VECTORS_DIR, else under ./vectors. */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipledge/loan.h"
#include "loan_internal.h"
#include "harness.h"
#include "loan_vectors.h"

static ipl_loan_schedule *
build(const ipl_loan_terms *t)
{
    ipl_loan_schedule *s = NULL;
    ipl_error err;
    int rc = ipl_loan_schedule_new(&s, t, &err);

    ck_assert_msg(rc == IPL_OK, "%s: %s", err.where, err.message);
    return s;
}

static int64_t
row_minor(const ipl_loan_schedule *s, size_t i, size_t field)
{
    const ipl_loan_row *r = ipl_loan_schedule_row(s, i);
    const ipl_money *m[] = { &r->opening, &r->interest, &r->principal,
                             &r->payment, &r->closing, &r->prepaid };

    return m[field]->minor;
}

enum { OPENING, INTEREST, PRINCIPAL, PAYMENT, CLOSING, PREPAID };

/* The invariants every schedule keeps: rows chain, each row adds up,
 * nothing goes negative, dates increase, and the totals are the sums,
 * with the principal column summing exactly to the loan. Returns the
 * first broken one, or NULL. (One assertion per schedule: Check records
 * every assertion it passes, which would dominate the property test.) */
static const char *
broken_invariant(const ipl_loan_schedule *s, int64_t principal)
{
    const ipl_loan_totals *tot = ipl_loan_schedule_totals(s);
    int64_t sum_i = 0, sum_p = 0, sum_pay = 0, balance = principal;
    size_t i, n = ipl_loan_schedule_count(s);

    if (n < 1)
        return "no rows";
    for (i = 0; i < n; i++) {
        const ipl_loan_row *r = ipl_loan_schedule_row(s, i);

        if (r->opening.minor != balance)
            return "opening is not the previous closing";
        if (r->interest.minor < 0 || r->principal.minor < 0 || r->prepaid.minor < 0
            || r->prepaid.minor > r->principal.minor)
            return "a negative amount, or prepaid above principal";
        if (r->payment.minor != r->interest.minor + r->principal.minor)
            return "payment != interest + principal";
        if (r->closing.minor != r->opening.minor - r->principal.minor || r->closing.minor < 0)
            return "closing != opening - principal, or negative";
        if (ipl_date_compare(r->start, r->date) >= 0
            || (i > 0 && ipl_date_compare(r->start, ipl_loan_schedule_row(s, i - 1)->date) != 0))
            return "dates do not increase or chain";
        if (strcmp(r->payment.currency, "CNY") != 0)
            return "currency lost";
        balance = r->closing.minor;
        sum_i += r->interest.minor;
        sum_p += r->principal.minor;
        sum_pay += r->payment.minor;
    }
    if (balance != 0 || sum_p != principal || tot->principal.minor != principal)
        return "the principal does not sum to the loan";
    if (tot->interest.minor != sum_i || tot->payment.minor != sum_pay)
        return "totals are not the column sums";
    if (ipl_loan_schedule_row(s, n) != NULL)
        return "a row past the end";
    return NULL;
}

static void
assert_invariants(const ipl_loan_schedule *s, int64_t principal)
{
    const char *why = broken_invariant(s, principal);

    ck_assert_msg(why == NULL, "%s", why);
}

/* ---- Gnumeric vectors (loan_vectors.c) ---- */

START_TEST(test_vectors_loaded)
{
    ck_assert_msg(vec_problem[0] == '\0', "%s", vec_problem);
    ck_assert_int_eq(vec_cases, 12);     /* make-expected.sh writes 12 cases */
    ck_assert_int_eq(vec_count, 366);
}
END_TEST

/* One spreadsheet case: every row within k minor units of IPMT and
 * PPMT at period k (each period's rounding moves the balance by at most
 * one unit), every payment but the last the rounded PMT, and the
 * totals exact. */
START_TEST(test_vector_case)
{
    const vec_row *v = &vec_rows[vec_case_first[_i]];
    ipl_loan_terms t = base_terms(IPL_LOAN_ANNUITY);
    ipl_loan_schedule *s;
    ipl_money level;
    int64_t principal = llround(v->principal * 100.0);
    double sheet_interest = 0.0;
    int k;

    t.principal = cny(principal);
    t.rate = v->rate;
    t.periods = (unsigned)v->nper;
    t.frequency = frequency_of(v->per_year);
    s = build(&t);
    ck_assert_uint_eq(ipl_loan_schedule_count(s), (size_t)v->nper);
    assert_invariants(s, principal);
    ck_assert_int_eq(ipl_loan_instalment(&level, &t.principal, t.rate, t.frequency,
                                         t.periods, IPL_ROUND_HALF_EVEN, NULL), IPL_OK);
    ck_assert(fabs((double)level.minor - v->pmt * 100.0) <= 0.5 + 1e-6);
    for (k = 1; k <= v->nper; k++) {
        const vec_row *e = &vec_rows[vec_case_first[_i] + k - 1];
        double tol = k + 1e-6;

        ck_assert_int_eq(e->period, k);
        ck_assert_msg(fabs((double)row_minor(s, (size_t)k - 1, INTEREST)
                           - e->ipmt * 100.0) <= tol,
                      "case %d period %d: interest %lld, IPMT %.6f", v->id, k,
                      (long long)row_minor(s, (size_t)k - 1, INTEREST), e->ipmt);
        ck_assert_msg(fabs((double)row_minor(s, (size_t)k - 1, PRINCIPAL)
                           - e->ppmt * 100.0) <= tol,
                      "case %d period %d: principal %lld, PPMT %.6f", v->id, k,
                      (long long)row_minor(s, (size_t)k - 1, PRINCIPAL), e->ppmt);
        if (k < v->nper)
            ck_assert_int_eq(row_minor(s, (size_t)k - 1, PAYMENT), level.minor);
        sheet_interest += e->ipmt * 100.0;
    }
    ck_assert(fabs((double)ipl_loan_schedule_totals(s)->interest.minor
                   - sheet_interest) <= v->nper);
    ipl_loan_schedule_free(s);
}
END_TEST

/* The spreadsheet's own example figure: CNY 1,000,000 at 4.35 % over
 * 36 months, PMT = 29,679.934... → 29,679.93; the first month's
 * interest is 1,000,000 × 0.0435 / 12 = 3,625.00 exactly. */
START_TEST(test_annuity_first_rows)
{
    ipl_loan_terms t = base_terms(IPL_LOAN_ANNUITY);
    ipl_loan_schedule *s = build(&t);
    ipl_money res;

    ck_assert_int_eq(row_minor(s, 0, INTEREST), 362500);
    ck_assert_int_eq(row_minor(s, 0, PAYMENT), 2967993);
    ck_assert_int_eq(row_minor(s, 0, PRINCIPAL), 2967993 - 362500);
    ck_assert_int_eq(ipl_date_compare(ipl_loan_schedule_row(s, 0)->date,
                                      ymd(2024, 2, 15)), 0);
    ck_assert_int_eq(ipl_date_compare(ipl_loan_schedule_row(s, 35)->date,
                                      ymd(2027, 1, 15)), 0);
    ck_assert_int_eq(ipl_loan_schedule_residual(&res, s, NULL), 35);
    /* The last principal is the balance left; the residual is what it
     * differs from the instalment less interest. */
    ck_assert_int_eq(res.minor, row_minor(s, 35, PRINCIPAL)
                     - (2967993 - row_minor(s, 35, INTEREST)));
    ck_assert_int_eq(ipl_loan_schedule_daycount(s), IPL_DC_30_360);
    ck_assert_int_eq(ipl_loan_schedule_rounding(s), IPL_ROUND_HALF_EVEN);
    ipl_loan_schedule_free(s);
}
END_TEST

/* Equal principal, 1,200,000.00 over 12 months at 4.35 %, 30/360:
 * principal 100,000.00 a month; interest on balance B is B × 0.003625:
 * 4,350.00, 3,987.50, ..., 362.50; total 0.003625 × 100,000 × 78 =
 * 28,275.00. */
START_TEST(test_equal_principal)
{
    ipl_loan_terms t = base_terms(IPL_LOAN_EQUAL_PRINCIPAL);
    ipl_loan_schedule *s;
    ipl_money res;
    size_t k;

    t.principal = cny(120000000);
    t.periods = 12;
    s = build(&t);
    assert_invariants(s, 120000000);
    for (k = 0; k < 12; k++) {
        ck_assert_int_eq(row_minor(s, k, PRINCIPAL), 10000000);
        ck_assert_int_eq(row_minor(s, k, INTEREST), (int64_t)(12 - k) * 36250);
    }
    ck_assert_int_eq(ipl_loan_schedule_totals(s)->interest.minor, 2827500);
    ck_assert_int_eq(ipl_loan_schedule_residual(&res, s, NULL), 11);
    ck_assert_int_eq(res.minor, 0);
    ipl_loan_schedule_free(s);

    /* 1,000,000.00 in 3 parts: 333,333.33 twice, and the last part takes
     * the residual cent: 333,333.34. */
    t.principal = cny(100000000);
    t.periods = 3;
    s = build(&t);
    ck_assert_int_eq(row_minor(s, 0, PRINCIPAL), 33333333);
    ck_assert_int_eq(row_minor(s, 1, PRINCIPAL), 33333333);
    ck_assert_int_eq(row_minor(s, 2, PRINCIPAL), 33333334);
    ck_assert_int_eq(ipl_loan_schedule_residual(&res, s, NULL), 2);
    ck_assert_int_eq(res.minor, 1);
    ipl_loan_schedule_free(s);
}
END_TEST

/* Bullet, quarterly, ACT/360 from 2024-01-15: periods of 91, 91, 92
 * and 92 days. Interest 100,000,000 fen × 0.0435 × 91/360 =
 * 1,099,583.33 → 1,099,583; × 92/360 = 1,111,666.67 → 1,111,667. */
START_TEST(test_bullet_act360)
{
    ipl_loan_terms t = base_terms(IPL_LOAN_BULLET);
    ipl_loan_schedule *s;

    t.periods = 4;
    t.frequency = IPL_LOAN_QUARTERLY;
    t.daycount = IPL_DC_ACT_360;
    s = build(&t);
    assert_invariants(s, 100000000);
    ck_assert_int_eq(row_minor(s, 0, INTEREST), 1099583);
    ck_assert_int_eq(row_minor(s, 1, INTEREST), 1099583);
    ck_assert_int_eq(row_minor(s, 2, INTEREST), 1111667);
    ck_assert_int_eq(row_minor(s, 3, INTEREST), 1111667);
    ck_assert_int_eq(row_minor(s, 2, PRINCIPAL), 0);
    ck_assert_int_eq(row_minor(s, 3, PAYMENT), 100000000 + 1111667);
    ck_assert_int_eq(ipl_loan_schedule_totals(s)->interest.minor, 4422500);
    ipl_loan_schedule_free(s);
}
END_TEST

/* A long first period under ACT/365F: drawn 2024-01-15, first payment
 * 2024-03-01 (46 days), then 04-01 (31) and 05-01 (30). Interest on
 * 500,000.00 at 3.65 %: 50,000,000 × 0.0365 / 365 = 5,000 fen a day,
 * so 230,000, 155,000 and 150,000 fen. */
START_TEST(test_long_first_period)
{
    ipl_loan_terms t = base_terms(IPL_LOAN_BULLET);
    ipl_loan_schedule *s;

    t.principal = cny(50000000);
    t.rate = 0.0365;
    t.periods = 3;
    t.daycount = IPL_DC_ACT_365F;
    t.first_payment = ymd(2024, 3, 1);
    s = build(&t);
    assert_invariants(s, 50000000);
    ck_assert_int_eq(row_minor(s, 0, INTEREST), 230000);
    ck_assert_int_eq(row_minor(s, 1, INTEREST), 155000);
    ck_assert_int_eq(row_minor(s, 2, INTEREST), 150000);
    ck_assert_int_eq(ipl_date_compare(ipl_loan_schedule_row(s, 2)->date,
                                      ymd(2024, 5, 1)), 0);
    ipl_loan_schedule_free(s);

    /* A short first period: 2024-01-15 to 2024-02-01 is 17 days. */
    t.first_payment = ymd(2024, 2, 1);
    s = build(&t);
    ck_assert_int_eq(row_minor(s, 0, INTEREST), 85000);
    ipl_loan_schedule_free(s);
}
END_TEST

/* Month ends: from 2024-01-31, clamping gives 02-29, 03-31, 04-30 (each
 * date counted from the start, so the 29th does not stick); the sticky
 * rule gives the same here, and from 2024-02-29 it gives 03-31. */
START_TEST(test_month_end_dates)
{
    ipl_loan_terms t = base_terms(IPL_LOAN_BULLET);
    ipl_loan_schedule *s;

    t.start = ymd(2024, 1, 31);
    t.periods = 3;
    s = build(&t);
    ck_assert_int_eq(ipl_date_compare(ipl_loan_schedule_row(s, 0)->date, ymd(2024, 2, 29)), 0);
    ck_assert_int_eq(ipl_date_compare(ipl_loan_schedule_row(s, 1)->date, ymd(2024, 3, 31)), 0);
    ck_assert_int_eq(ipl_date_compare(ipl_loan_schedule_row(s, 2)->date, ymd(2024, 4, 30)), 0);
    ipl_loan_schedule_free(s);
    t.start = ymd(2024, 2, 29);
    t.month_rule = IPL_MONTH_END_STICKY;
    s = build(&t);
    ck_assert_int_eq(ipl_date_compare(ipl_loan_schedule_row(s, 0)->date, ymd(2024, 3, 31)), 0);
    ck_assert_int_eq(ipl_date_compare(ipl_loan_schedule_row(s, 1)->date, ymd(2024, 4, 30)), 0);
    ipl_loan_schedule_free(s);
}
END_TEST

/* LPR + 80 bp, 12 months, 30/360: LPR 3.45 % from the start, 3.10 %
 * from 2024-07-01. Periods starting before the reset pay at 4.25 %;
 * the period starting 2024-07-15 and later at 3.90 %, with the
 * instalment recomputed as the spreadsheet's PMT of the balance over
 * the 6 periods left (checked through ipl_loan_instalment, itself
 * checked against Gnumeric above). */
START_TEST(test_lpr_reset)
{
    ipl_loan_terms t = base_terms(IPL_LOAN_ANNUITY);
    ipl_loan_fixing path[2];
    ipl_loan_schedule *s;
    ipl_money first, second, open6;
    size_t k;

    path[0].date = ymd(2023, 12, 20);
    path[0].lpr = 0.0345;
    path[1].date = ymd(2024, 7, 1);
    path[1].lpr = 0.031;
    t.rate = 0.008;
    t.fixings = path;
    t.n_fixings = 2;
    t.periods = 12;
    s = build(&t);
    assert_invariants(s, 100000000);
    ck_assert_int_eq(ipl_loan_instalment(&first, &t.principal, 0.0425,
                                         IPL_LOAN_MONTHLY, 12, 0, NULL), IPL_OK);
    open6 = ipl_loan_schedule_row(s, 6)->opening;
    ck_assert_int_eq(ipl_loan_instalment(&second, &open6, 0.039, IPL_LOAN_MONTHLY,
                                         6, 0, NULL), IPL_OK);
    for (k = 0; k < 6; k++) {
        ck_assert(fabs(ipl_loan_schedule_row(s, k)->rate - 0.0425) < 1e-15);
        ck_assert_int_eq(row_minor(s, k, PAYMENT), first.minor);
    }
    for (k = 6; k < 11; k++) {
        ck_assert(fabs(ipl_loan_schedule_row(s, k)->rate - 0.039) < 1e-15);
        ck_assert_int_eq(row_minor(s, k, PAYMENT), second.minor);
    }
    /* 4.25 % / 12 on 1,000,000.00 is 3,541.666... → 3,541.67 */
    ck_assert_int_eq(row_minor(s, 0, INTEREST), 354167);
    ipl_loan_schedule_free(s);
}
END_TEST

/* Equal principal 1,200,000.00 over 12 months with 300,000.00 prepaid
 * on the 3rd payment date (2024-04-15): after it the balance is
 * 1,200,000 − 3 × 100,000 − 300,000 = 600,000.00.
 * Shorten: 100,000.00 a month for 6 more months, 9 rows in all.
 * Lower: 600,000.00 over the 9 months left: 66,666.67 (half-even of
 * 66,666.666...) eight times and 66,666.64 last (residual −0.03). */
START_TEST(test_prepay_equal_principal)
{
    ipl_loan_terms t = base_terms(IPL_LOAN_EQUAL_PRINCIPAL);
    ipl_loan_prepayment pre;
    ipl_loan_schedule *s;
    ipl_money res;

    t.principal = cny(120000000);
    t.periods = 12;
    pre.date = ymd(2024, 4, 15);
    pre.amount = cny(30000000);
    pre.recalc = IPL_LOAN_SHORTEN_TERM;
    t.prepayments = &pre;
    t.n_prepayments = 1;
    s = build(&t);
    assert_invariants(s, 120000000);
    ck_assert_uint_eq(ipl_loan_schedule_count(s), 9);
    ck_assert_int_eq(row_minor(s, 2, PRINCIPAL), 40000000);
    ck_assert_int_eq(row_minor(s, 2, PREPAID), 30000000);
    ck_assert_int_eq(row_minor(s, 2, CLOSING), 60000000);
    ck_assert_int_eq(row_minor(s, 8, PRINCIPAL), 10000000);
    ck_assert_int_eq(ipl_loan_schedule_totals(s)->prepaid.minor, 30000000);
    ipl_loan_schedule_free(s);

    pre.recalc = IPL_LOAN_LOWER_INSTALMENT;
    s = build(&t);
    assert_invariants(s, 120000000);
    ck_assert_uint_eq(ipl_loan_schedule_count(s), 12);
    ck_assert_int_eq(row_minor(s, 3, PRINCIPAL), 6666667);
    ck_assert_int_eq(row_minor(s, 10, PRINCIPAL), 6666667);
    ck_assert_int_eq(row_minor(s, 11, PRINCIPAL), 6666664);
    ck_assert_int_eq(ipl_loan_schedule_residual(&res, s, NULL), 11);
    ck_assert_int_eq(res.minor, -3);
    ipl_loan_schedule_free(s);
}
END_TEST

/* Regression: equal principal of 0.05 over 12 months rounds each part
 * to 0.00; a shortening prepayment then divided by that zero part. Now
 * the remaining 0.04 is left to the last payment. */
START_TEST(test_prepay_tiny_equal_principal)
{
    ipl_loan_terms t = base_terms(IPL_LOAN_EQUAL_PRINCIPAL);
    ipl_loan_prepayment pre;
    ipl_loan_schedule *s;

    t.principal = cny(5);
    t.periods = 12;
    pre.date = ymd(2024, 2, 15);
    pre.amount = cny(1);
    pre.recalc = IPL_LOAN_SHORTEN_TERM;
    t.prepayments = &pre;
    t.n_prepayments = 1;
    s = build(&t);
    assert_invariants(s, 5);
    ck_assert_uint_eq(ipl_loan_schedule_count(s), 12);
    ck_assert_int_eq(row_minor(s, 11, PRINCIPAL), 4);
    ipl_loan_schedule_free(s);
}
END_TEST

/* Annuity prepayments: shortening keeps the instalment and ends early
 * (NPER of the balance left, rounded up); lowering keeps the maturity
 * and recomputes PMT over the periods left; a prepayment of the whole
 * balance left ends the loan on its date. */
START_TEST(test_prepay_annuity)
{
    ipl_loan_terms t = base_terms(IPL_LOAN_ANNUITY);
    ipl_loan_prepayment pre;
    ipl_loan_schedule *s;
    ipl_money level, after;
    int64_t left;

    pre.date = ymd(2024, 12, 15);     /* the 11th payment */
    pre.amount = cny(20000000);
    pre.recalc = IPL_LOAN_SHORTEN_TERM;
    t.prepayments = &pre;
    t.n_prepayments = 1;
    s = build(&t);
    assert_invariants(s, 100000000);
    ck_assert_uint_lt(ipl_loan_schedule_count(s), 36);
    ck_assert_uint_gt(ipl_loan_schedule_count(s), 11);
    ck_assert_int_eq(row_minor(s, 11, PAYMENT), 2967993);
    ck_assert_int_le(row_minor(s, ipl_loan_schedule_count(s) - 1, PAYMENT), 2967993);
    ipl_loan_schedule_free(s);

    pre.recalc = IPL_LOAN_LOWER_INSTALMENT;
    s = build(&t);
    assert_invariants(s, 100000000);
    ck_assert_uint_eq(ipl_loan_schedule_count(s), 36);
    after = ipl_loan_schedule_row(s, 10)->closing;
    ck_assert_int_eq(ipl_loan_instalment(&level, &after, 0.0435, IPL_LOAN_MONTHLY,
                                         25, 0, NULL), IPL_OK);
    ck_assert_int_eq(row_minor(s, 11, PAYMENT), level.minor);
    ck_assert_int_lt(level.minor, 2967993);
    ipl_loan_schedule_free(s);

    /* Full prepayment: the balance after the 11th regular payment. */
    pre.amount = cny(1);
    s = build(&t);
    left = row_minor(s, 10, CLOSING) + 1;
    ipl_loan_schedule_free(s);
    pre.amount = cny(left);
    s = build(&t);
    assert_invariants(s, 100000000);
    ck_assert_uint_eq(ipl_loan_schedule_count(s), 11);
    ipl_loan_schedule_free(s);
}
END_TEST

/* A caller's plan, with a prepayment spread over the parts left in
 * proportion (largest remainder) or taken from the end. Plan: 100.00,
 * 0, 200.00, 300.00 of 600.00; 150.00 prepaid with the first payment.
 * Lower: 150 over {0, 200, 300} → 0, 60.00, 90.00. Shorten: from the
 * end → 0, 200.00, 150.00. */
START_TEST(test_plan)
{
    ipl_loan_terms t = base_terms(IPL_LOAN_PLAN);
    ipl_money plan[4];
    ipl_loan_prepayment pre;
    ipl_loan_schedule *s;

    plan[0] = cny(10000);
    plan[1] = cny(0);
    plan[2] = cny(20000);
    plan[3] = cny(30000);
    t.principal = cny(60000);
    t.periods = 4;
    t.plan = plan;
    t.n_plan = 4;
    s = build(&t);
    assert_invariants(s, 60000);
    ck_assert_int_eq(row_minor(s, 1, PRINCIPAL), 0);
    ck_assert_int_eq(row_minor(s, 3, PRINCIPAL), 30000);
    ipl_loan_schedule_free(s);

    pre.date = ymd(2024, 2, 15);
    pre.amount = cny(15000);
    pre.recalc = IPL_LOAN_LOWER_INSTALMENT;
    t.prepayments = &pre;
    t.n_prepayments = 1;
    s = build(&t);
    assert_invariants(s, 60000);
    ck_assert_int_eq(row_minor(s, 0, PRINCIPAL), 25000);
    ck_assert_int_eq(row_minor(s, 1, PRINCIPAL), 0);
    ck_assert_int_eq(row_minor(s, 2, PRINCIPAL), 14000);
    ck_assert_int_eq(row_minor(s, 3, PRINCIPAL), 21000);
    ipl_loan_schedule_free(s);

    pre.recalc = IPL_LOAN_SHORTEN_TERM;
    s = build(&t);
    assert_invariants(s, 60000);
    ck_assert_int_eq(row_minor(s, 2, PRINCIPAL), 20000);
    ck_assert_int_eq(row_minor(s, 3, PRINCIPAL), 15000);
    ipl_loan_schedule_free(s);
}
END_TEST

/* Half-up and down change single cents: 4.25 % / 12 on 1,000,000.00 is
 * 3,541.666... → 3,541.67 half-up, 3,541.66 down. */
START_TEST(test_rounding_modes)
{
    ipl_loan_terms t = base_terms(IPL_LOAN_BULLET);
    ipl_loan_schedule *s;

    t.rate = 0.0425;
    t.periods = 1;
    t.rounding = IPL_ROUND_HALF_UP;
    s = build(&t);
    ck_assert_int_eq(row_minor(s, 0, INTEREST), 354167);
    ipl_loan_schedule_free(s);
    t.rounding = IPL_ROUND_DOWN;
    s = build(&t);
    ck_assert_int_eq(row_minor(s, 0, INTEREST), 354166);
    ipl_loan_schedule_free(s);
}
END_TEST

/* ---- errors ---- */

static void
assert_terms_error(const ipl_loan_terms *t, int code, const char *where)
{
    ipl_loan_schedule *s = (ipl_loan_schedule *)&s;   /* must stay untouched */
    ipl_loan_schedule *sentinel = s;
    ipl_error err = iplt_stale_error();
    int rc = ipl_loan_schedule_new(&s, t, &err);

    iplt_assert_error(err, rc, code, where);
    ck_assert_ptr_eq(s, sentinel);
    ck_assert_uint_eq(iplt_alloc_live(), 0);
}

START_TEST(test_terms_errors)
{
    ipl_loan_terms t;
    ipl_loan_prepayment pre;
    ipl_loan_fixing fix;
    ipl_money plan[2];

    t = base_terms(IPL_LOAN_ANNUITY); t.version = 99;
    assert_terms_error(&t, IPL_EVERSION, "terms.version");
    t = base_terms(IPL_LOAN_METHOD_NONE);
    assert_terms_error(&t, IPL_EINVAL, "terms.method");
    t = base_terms(IPL_LOAN_ANNUITY); t.daycount = IPL_DC_NONE;
    assert_terms_error(&t, IPL_EINVAL, "terms.daycount");
    t = base_terms(IPL_LOAN_ANNUITY); t.periods = 0;
    assert_terms_error(&t, IPL_EINVAL, "terms.periods");
    t = base_terms(IPL_LOAN_ANNUITY); t.periods = 1201;
    assert_terms_error(&t, IPL_EINVAL, "terms.periods");
    t = base_terms(IPL_LOAN_ANNUITY); t.principal = cny(0);
    assert_terms_error(&t, IPL_EINVAL, "terms.principal");
    t = base_terms(IPL_LOAN_ANNUITY); memcpy(t.principal.currency, "XYZ", 4);
    assert_terms_error(&t, IPL_EINVAL, "terms.principal");
    t = base_terms(IPL_LOAN_ANNUITY); t.rate = NAN;
    assert_terms_error(&t, IPL_EINVAL, "terms.rate");
    t = base_terms(IPL_LOAN_ANNUITY); t.rate = -0.01;
    assert_terms_error(&t, IPL_EINVAL, "terms.rate");
    t = base_terms(IPL_LOAN_ANNUITY); t.rounding = IPL_ROUND_NEVER;
    assert_terms_error(&t, IPL_EINVAL, "terms.rounding");
    t = base_terms(IPL_LOAN_ANNUITY); t.frequency = (ipl_loan_frequency)9;
    assert_terms_error(&t, IPL_EINVAL, "terms.frequency");
    t = base_terms(IPL_LOAN_ANNUITY); t.start = ymd(2023, 2, 29);
    assert_terms_error(&t, IPL_EINVAL, "terms.start");
    t = base_terms(IPL_LOAN_ANNUITY); t.first_payment = ymd(2024, 1, 15);
    assert_terms_error(&t, IPL_EINVAL, "terms.first_payment");
    t = base_terms(IPL_LOAN_ANNUITY); t.first_payment = ymd(2024, 3, 15);
    assert_terms_error(&t, IPL_EINVAL, "terms.first_payment");
    t = base_terms(IPL_LOAN_ANNUITY); t.start = ymd(9999, 1, 1);
    assert_terms_error(&t, IPL_ERANGE, "terms.periods");

    t = base_terms(IPL_LOAN_ANNUITY);
    fix.date = ymd(2024, 2, 1);
    fix.lpr = 0.0345;
    t.fixings = &fix; t.n_fixings = 1;
    assert_terms_error(&t, IPL_EINVAL, "terms.fixings[0]");
    fix.date = ymd(2024, 1, 1); fix.lpr = 0.0345; t.rate = -0.05;
    assert_terms_error(&t, IPL_EINVAL, "terms.fixings[0]");

    t = base_terms(IPL_LOAN_PLAN);
    assert_terms_error(&t, IPL_EINVAL, "terms.plan");
    plan[0] = cny(1); plan[1] = cny(2);
    t.periods = 2; t.plan = plan; t.n_plan = 2;
    assert_terms_error(&t, IPL_EINVAL, "terms.plan");
    plan[0] = cny(-1); plan[1] = cny(100000001);
    assert_terms_error(&t, IPL_EINVAL, "terms.plan[0]");
    t = base_terms(IPL_LOAN_ANNUITY); t.plan = plan; t.n_plan = 2;
    assert_terms_error(&t, IPL_EINVAL, "terms.plan");

    t = base_terms(IPL_LOAN_ANNUITY);
    pre.date = ymd(2024, 2, 16);
    pre.amount = cny(100);
    pre.recalc = IPL_LOAN_RECALC_DEFAULT;
    t.prepayments = &pre; t.n_prepayments = 1;
    assert_terms_error(&t, IPL_EINVAL, "terms.prepayments[0]");
    pre.date = ymd(2024, 2, 15); pre.amount = cny(100000000);
    assert_terms_error(&t, IPL_EINVAL, "terms.prepayments[0]");
    pre.amount = cny(0);
    assert_terms_error(&t, IPL_EINVAL, "terms.prepayments[0]");
    pre.amount = cny(100); pre.date = ymd(2030, 2, 15);
    assert_terms_error(&t, IPL_EINVAL, "terms.prepayments[0]");

    assert_terms_error(NULL, IPL_EINVAL, "t");
}
END_TEST

START_TEST(test_api_misc)
{
    ipl_loan_terms t;
    ipl_loan_method m;
    ipl_loan_frequency f;
    ipl_money out, p = cny(100000000);
    ipl_error err;

    ck_assert_int_eq(ipl_loan_terms_init(&t, IPL_LOAN_TERMS_VERSION), IPL_OK);
    ck_assert_uint_eq(t.version, IPL_LOAN_TERMS_VERSION);
    ck_assert_int_eq(t.method, IPL_LOAN_METHOD_NONE);
    ck_assert_int_eq(ipl_loan_terms_init(&t, 2), IPL_EVERSION);
    ck_assert_int_eq(ipl_loan_terms_init(NULL, 1), IPL_EINVAL);

    ck_assert_str_eq(ipl_loan_method_name(IPL_LOAN_EQUAL_PRINCIPAL), "equal-principal");
    ck_assert_ptr_null(ipl_loan_method_name(IPL_LOAN_METHOD_NONE));
    ck_assert_int_eq(ipl_loan_method_from_name(&m, "\xe5\x85\x88\xe6\x81\xaf\xe5\x90\x8e\xe6\x9c\xac",
                                               NULL), IPL_OK);
    ck_assert_int_eq(m, IPL_LOAN_BULLET);
    ck_assert_int_eq(ipl_loan_method_from_name(&m, "annuity", NULL), IPL_OK);
    ck_assert_int_eq(m, IPL_LOAN_ANNUITY);
    iplt_assert_error(err, ipl_loan_method_from_name(&m, "balloon", &err),
                      IPL_EINVAL, "method");
    ck_assert_int_eq(ipl_loan_frequency_from_name(&f, "semi-annual", NULL), IPL_OK);
    ck_assert_int_eq(f, IPL_LOAN_SEMIANNUAL);
    iplt_assert_error(err, ipl_loan_frequency_from_name(&f, "weekly", &err),
                      IPL_EINVAL, "frequency");

    /* Zero rate: PMT is the principal over n: 1,000,000.00 / 24 =
     * 41,666.666... → 41,666.67. */
    ck_assert_int_eq(ipl_loan_instalment(&out, &p, 0.0, 0, 24, 0, NULL), IPL_OK);
    ck_assert_int_eq(out.minor, 4166667);
    iplt_assert_error(err, ipl_loan_instalment(&out, &p, 0.04, 0, 0, 0, &err),
                      IPL_EINVAL, "n");
    iplt_assert_error(err, ipl_loan_instalment(&out, &p, -0.04, 0, 1, 0, &err),
                      IPL_EINVAL, "annual_rate");

    ck_assert_uint_eq(ipl_loan_schedule_count(NULL), 0);
    ck_assert_ptr_null(ipl_loan_schedule_row(NULL, 0));
    ck_assert_ptr_null(ipl_loan_schedule_totals(NULL));
    ck_assert_int_eq(ipl_loan_schedule_daycount(NULL), IPL_DC_NONE);
    ck_assert_int_eq(ipl_loan_schedule_residual(&out, NULL, NULL), IPL_EINVAL);
    ipl_loan_schedule_free(NULL);
}
END_TEST

/* ---- allocation failures ---- */

static int
oom_build(void *ctx)
{
    ipl_loan_schedule *s = NULL;
    int rc = ipl_loan_schedule_new(&s, ctx, NULL);

    ipl_loan_schedule_free(s);
    return rc;
}

START_TEST(test_oom)
{
    ipl_loan_terms t = base_terms(IPL_LOAN_ANNUITY);
    ipl_money plan[40];
    ipl_loan_prepayment pre;
    size_t i;

    /* One block holds the schedule and its rows. */
    ck_assert_uint_eq(iplt_oom_check(oom_build, &t), 1);
    /* A plan of 40 parts with a proportional prepayment: the working
     * copy of the plan, room for the split, and the split's own room
     * beyond 32 parties. */
    t = base_terms(IPL_LOAN_PLAN);
    for (i = 0; i < 40; i++)
        plan[i] = cny(2500000);
    t.periods = 40;
    t.plan = plan;
    t.n_plan = 40;
    pre.date = ymd(2024, 2, 15);
    pre.amount = cny(1000000);
    pre.recalc = IPL_LOAN_LOWER_INSTALMENT;
    t.prepayments = &pre;
    t.n_prepayments = 1;
    ck_assert_uint_eq(iplt_oom_check(oom_build, &t), 4);
}
END_TEST

/* ---- invariants over random loans ---- */

/* xorshift64*: a fixed seed gives the same loans on every machine. */
static uint64_t prng_state = 0x2545F4914F6CDD1DULL;

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

/* The prepared accrual (64-bit products, a divisor multiplied out) and
 * the general 128-bit accrual give the same interest to the unit: rates
 * as people write them and with 15 significant digits, from 1e-30 to
 * 10; balances from 0 to 2^62; every day count's denominator; every
 * rounding mode the schedules allow. */
START_TEST(test_accrual_paths_agree)
{
    static const int64_t dens[] = { 360, 365, IPL_DC_ACT_ACT_DENOMINATOR };
    static const ipl_rounding modes[] = { IPL_ROUND_HALF_EVEN, IPL_ROUND_HALF_UP,
                                          IPL_ROUND_DOWN, IPL_ROUND_UP };
    int n;

    for (n = 0; n < 20000; n++) {
        double rate = n % 4 == 0 ? pick(2001) / 10000.0
                    : n % 4 == 1 ? (double)(prng() % 1000000000000000ULL) / 1e16
                    : n % 4 == 2 ? pick(101) / 10.0 : pick(1000) * 1e-30;
        int64_t balance = (int64_t)(prng() >> (2 + pick(62)));
        int64_t num = pick(3) == 0 ? pick(400) : (int64_t)pick(40000);
        ipl_rounding how = modes[pick(4)];
        ipl__loan_accrual a;
        ipl__decimal d;
        int64_t fast = -1, slow = -1;
        int rc_fast, rc_slow;

        ipl__loan_accrual_init(&a, rate, dens[pick(3)]);
        ipl__decimal_from_double(&d, rate);
        rc_fast = ipl__loan_accrual_interest(&fast, &a, balance, num, how);
        rc_slow = ipl__loan_accrue(&slow, balance, &d, num, a.den, how);
        if (rc_fast != rc_slow || fast != slow)
            ck_abort_msg("%lld x %.17g x %lld / %lld mode %d: %d %lld, not %d %lld",
                         (long long)balance, rate, (long long)num, (long long)a.den,
                         (int)how, rc_fast, (long long)fast, rc_slow, (long long)slow);
    }
}
END_TEST

#define PROPERTY_LOANS 3000

START_TEST(test_random_loans)
{
    static const ipl_daycount dcs[] = { IPL_DC_ACT_360, IPL_DC_ACT_365F,
                                        IPL_DC_30_360, IPL_DC_30E_360,
                                        IPL_DC_ACT_ACT_ISDA };
    int n;

    for (n = 0; n < PROPERTY_LOANS; n++) {
        ipl_loan_terms t = IPL_LOAN_TERMS_INIT;
        ipl_money plan[120];
        ipl_loan_prepayment pre[2];
        ipl_loan_fixing fix[2];
        ipl_loan_schedule *s = NULL, *probe = NULL;
        const char *why;
        ipl_error err;
        size_t i;
        int rc;

        /* A quarter of the loans are tiny, where parts round to 0. */
        t.principal = cny(1 + (int64_t)(prng() % (pick(4) == 0 ? 1000ULL : 100000000000ULL)));
        t.start = ymd(2000 + (int)pick(30), 1 + (int)pick(12), 1 + (int)pick(31 - 3));
        t.periods = 1 + pick(120);
        t.frequency = (ipl_loan_frequency)(1 + pick(4));
        t.method = (ipl_loan_method)(1 + pick(4));
        t.rate = pick(2001) / 10000.0;
        t.daycount = dcs[pick(5)];
        t.rounding = (ipl_rounding)pick(4);
        t.month_rule = (ipl_month_rule)pick(3);
        if (pick(4) == 0) {           /* floating: LPR path with a reset */
            fix[0].date = t.start;
            fix[0].lpr = pick(500) / 10000.0;
            fix[1].date = ymd(t.start.year + 1, 1, 1);
            fix[1].lpr = pick(500) / 10000.0;
            t.fixings = fix;
            t.n_fixings = 2;
            t.rate = pick(200) / 10000.0;
        }
        if (t.method == IPL_LOAN_PLAN) {
            int64_t left = t.principal.minor;

            for (i = 0; i + 1 < t.periods; i++) {
                plan[i] = cny(pick(3) == 0 ? 0 : (int64_t)(prng() % (uint64_t)(left / 2 + 1)));
                left -= plan[i].minor;
            }
            plan[i] = cny(left);
            t.plan = plan;
            t.n_plan = t.periods;
        }
        /* Prepayments on payment dates taken from a plain build. */
        rc = ipl_loan_schedule_new(&probe, &t, &err);
        if (rc != IPL_OK || (why = broken_invariant(probe, t.principal.minor)) != NULL)
            ck_abort_msg("loan %d: %s", n, rc != IPL_OK ? err.message : why);
        if (ipl_loan_schedule_count(probe) > 3 && pick(2) == 0) {
            size_t at = pick((unsigned)ipl_loan_schedule_count(probe) - 2);

            pre[0].date = ipl_loan_schedule_row(probe, at)->date;
            pre[0].amount = cny(1 + (int64_t)(prng() % (uint64_t)(ipl_loan_schedule_row(probe, at)->closing.minor / 2 + 1)));
            pre[0].recalc = (ipl_loan_recalc)pick(3);
            pre[1].date = ipl_loan_schedule_row(probe, at + 1)->date;
            pre[1].amount = cny(1);
            pre[1].recalc = (ipl_loan_recalc)pick(3);
            t.prepayments = pre;
            t.n_prepayments = 1 + pick(2);
            rc = ipl_loan_schedule_new(&s, &t, &err);
            /* The second prepayment may fall after a shortened end or
             * exceed nothing left: an error naming it, never a crash. */
            if (rc != IPL_OK) {
                if (rc != IPL_EINVAL || strncmp(err.where, "terms.prepayments[", 18) != 0)
                    ck_abort_msg("loan %d: %s: %s", n, err.where, err.message);
            } else if ((why = broken_invariant(s, t.principal.minor)) != NULL
                       || ipl_loan_schedule_totals(s)->prepaid.minor < pre[0].amount.minor
                       || ipl_loan_schedule_count(s) > t.periods) {
                ck_abort_msg("loan %d with prepayments: %s", n,
                             why != NULL ? why : "prepaid or row count wrong");
            }
            ipl_loan_schedule_free(s);
        }
        ipl_loan_schedule_free(probe);
    }
}
END_TEST

static Suite *
loan_suite(void)
{
    Suite *s = suite_create("loan");
    TCase *tc = tcase_create("methods");

    tcase_add_test(tc, test_annuity_first_rows);
    tcase_add_test(tc, test_equal_principal);
    tcase_add_test(tc, test_bullet_act360);
    tcase_add_test(tc, test_long_first_period);
    tcase_add_test(tc, test_month_end_dates);
    tcase_add_test(tc, test_lpr_reset);
    tcase_add_test(tc, test_prepay_equal_principal);
    tcase_add_test(tc, test_prepay_tiny_equal_principal);
    tcase_add_test(tc, test_prepay_annuity);
    tcase_add_test(tc, test_plan);
    tcase_add_test(tc, test_rounding_modes);
    suite_add_tcase(s, tc);

    tc = tcase_create("errors");
    tcase_add_test(tc, test_terms_errors);
    tcase_add_test(tc, test_api_misc);
    tcase_add_test(tc, test_oom);
    suite_add_tcase(s, tc);

    tc = tcase_create("gnumeric");
    tcase_add_test(tc, test_vectors_loaded);
    tcase_add_loop_test(tc, test_vector_case, 0, vec_cases > 0 ? vec_cases : 1);
    suite_add_tcase(s, tc);

    tc = tcase_create("properties");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_random_loans);
    tcase_add_test(tc, test_accrual_paths_agree);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    vec_load();
    iplt_oom_install();
    return iplt_run(loan_suite());
}
