/* Check suite for include/ipledge/subsidy.h.
 *
 * Every case runs on one loan worked by hand: CNY 1,200,000.00 repaid
 * in 12 equal monthly parts of 100,000.00 from 2024-01-15 at 4.35 %,
 * 30/360, so period k (0-based) opens with (12 − k) × 100,000.00 and
 * its interest is (12 − k) × 362.50 (28,275.00 in all). The expected
 * subsidies below follow from the rules' definitions by hand. Caps are
 * property-tested over random loans and rules. */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ipledge/subsidy.h"
#include "harness.h"

static ipl_money
cny(int64_t minor)
{
    ipl_money m;

    m.minor = minor;
    memcpy(m.currency, "CNY", 4);
    return m;
}

static ipl_date
ymd(int y, int m, int d)
{
    ipl_date r;

    r.year = y;
    r.month = m;
    r.day = d;
    return r;
}

static ipl_loan_schedule *
the_loan(void)
{
    ipl_loan_terms t = IPL_LOAN_TERMS_INIT;
    ipl_loan_schedule *s = NULL;

    t.principal = cny(120000000);
    t.start = ymd(2024, 1, 15);
    t.periods = 12;
    t.method = IPL_LOAN_EQUAL_PRINCIPAL;
    t.rate = 0.0435;
    t.daycount = IPL_DC_30_360;
    ck_assert_int_eq(ipl_loan_schedule_new(&s, &t, NULL), IPL_OK);
    return s;
}

static ipl_subsidy_rule
rule_of(ipl_subsidy_base base, double share)
{
    ipl_subsidy_rule r;

    ck_assert_int_eq(ipl_subsidy_rule_init(&r, IPL_SUBSIDY_RULE_VERSION), IPL_OK);
    r.base = base;
    r.share = share;
    return r;
}

static ipl_subsidy_schedule *
build(const ipl_loan_schedule *loan, const ipl_subsidy_rule *r)
{
    ipl_subsidy_schedule *s = NULL;
    ipl_error err;
    int rc = ipl_subsidy_schedule_new(&s, loan, r, &err);

    ck_assert_msg(rc == IPL_OK, "%s: %s", err.where, err.message);
    return s;
}

static int64_t
col(const ipl_subsidy_schedule *s, size_t i, int which)
{
    const ipl_subsidy_row *r = ipl_subsidy_schedule_row(s, i);

    return which == 0 ? r->base.minor : which == 1 ? r->subsidy.minor : r->paid.minor;
}

enum { BASE, SUBSIDY, PAID };

/* Rows never pay more than their subsidy; totals are the sums. Returns
 * what is broken, or NULL (one assertion per schedule: Check records
 * every assertion passed, which would dominate the property test). */
static const char *
broken_sums(const ipl_subsidy_schedule *s)
{
    const ipl_subsidy_totals *t = ipl_subsidy_schedule_totals(s);
    int64_t b = 0, sub = 0, paid = 0;
    size_t i;

    for (i = 0; i < ipl_subsidy_schedule_count(s); i++) {
        if (col(s, i, PAID) < 0 || col(s, i, PAID) > col(s, i, SUBSIDY))
            return "a row pays more than its subsidy, or less than 0";
        b += col(s, i, BASE);
        sub += col(s, i, SUBSIDY);
        paid += col(s, i, PAID);
    }
    if (t->base.minor != b || t->subsidy.minor != sub || t->paid.minor != paid
        || t->capped.minor != sub - paid)
        return "totals are not the column sums";
    return NULL;
}

static void
assert_sums(const ipl_subsidy_schedule *s)
{
    const char *why = broken_sums(s);

    ck_assert_msg(why == NULL, "%s", why);
}

/* Zhongguancun: 40 % of actual interest when the loan rate is at most
 * LPR × 1.4 (3.45 % × 1.4 = 4.83 % ≥ 4.35 %): (12 − k) × 145.00 a
 * period, 11,310.00 in all. Capped at 5,000.00 a year: 2024 holds
 * periods 0..10; after 145 × (12 + 11 + 10) = 4,785.00 the fourth
 * period gets the 215.00 left and later 2024 periods nothing; 2025's
 * one period pays its 145.00. */
START_TEST(test_zhongguancun)
{
    ipl_loan_schedule *loan = the_loan();
    ipl_subsidy_rule r = rule_of(IPL_SUBSIDY_ACTUAL_INTEREST, 0.4);
    ipl_subsidy_schedule *s;
    size_t k;

    r.max_loan_rate = 0.0345 * 1.4;
    s = build(loan, &r);
    ck_assert_uint_eq(ipl_subsidy_schedule_count(s), 12);
    for (k = 0; k < 12; k++) {
        ck_assert_int_eq(col(s, k, BASE), (int64_t)(12 - k) * 36250);
        ck_assert_int_eq(col(s, k, SUBSIDY), (int64_t)(12 - k) * 14500);
        ck_assert_int_eq(col(s, k, PAID), col(s, k, SUBSIDY));
    }
    ck_assert_int_eq(ipl_subsidy_schedule_totals(s)->paid.minor, 1131000);
    assert_sums(s);
    ipl_subsidy_schedule_free(s);

    r.cap_per_year = cny(500000);
    s = build(loan, &r);
    ck_assert_int_eq(col(s, 2, PAID), 10 * 14500);
    ck_assert_int_eq(col(s, 3, PAID), 21500);
    ck_assert_int_eq(col(s, 4, PAID), 0);
    ck_assert_int_eq(col(s, 10, PAID), 0);
    ck_assert_int_eq(col(s, 11, PAID), 14500);
    ck_assert_int_eq(ipl_subsidy_schedule_totals(s)->paid.minor, 514500);
    ck_assert_int_eq(ipl_subsidy_schedule_totals(s)->capped.minor, 1131000 - 514500);
    assert_sums(s);
    ipl_subsidy_schedule_free(s);

    /* A loan rate above the ceiling: nothing. */
    r.max_loan_rate = 0.04;
    s = build(loan, &r);
    ck_assert_int_eq(ipl_subsidy_schedule_totals(s)->subsidy.minor, 0);
    ipl_subsidy_schedule_free(s);
    ipl_loan_schedule_free(loan);
}
END_TEST

/* Fujian: 20 % of interest at the 1-year LPR (3.45 %, below the loan's
 * 4.35 %) for at most 6 months: periods ending up to 2024-07-15, k =
 * 0..5. Base (12 − k) × 100,000 × 0.0345 / 12 = (12 − k) × 287.50;
 * subsidy (12 − k) × 57.50: 57.50 × 57 = 3,277.50. Capped at 2,000.00
 * in all. On an IP-secured share of 50 %: (12 − k) × 28.75, 1,638.75. */
START_TEST(test_fujian_reference)
{
    ipl_loan_schedule *loan = the_loan();
    ipl_subsidy_rule r = rule_of(IPL_SUBSIDY_REFERENCE_INTEREST, 0.2);
    ipl_subsidy_schedule *s;
    size_t k;

    r.rate = 0.0345;
    r.max_months = 6;
    s = build(loan, &r);
    for (k = 0; k < 12; k++) {
        ck_assert_int_eq(col(s, k, BASE), (int64_t)(12 - k) * 28750);
        ck_assert_int_eq(col(s, k, SUBSIDY), k < 6 ? (int64_t)(12 - k) * 5750 : 0);
    }
    ck_assert_int_eq(ipl_subsidy_schedule_totals(s)->paid.minor, 327750);
    ipl_subsidy_schedule_free(s);

    r.cap_total = cny(200000);
    s = build(loan, &r);
    ck_assert_int_eq(ipl_subsidy_schedule_totals(s)->paid.minor, 200000);
    assert_sums(s);
    ipl_subsidy_schedule_free(s);

    r.cap_total = cny(0);
    r.ip_share = 0.5;
    s = build(loan, &r);
    ck_assert_int_eq(ipl_subsidy_schedule_totals(s)->paid.minor, 163875);
    ipl_subsidy_schedule_free(s);

    /* A reference rate above the loan's: the loan's rate counts. */
    r.ip_share = 0;
    r.rate = 0.05;
    s = build(loan, &r);
    ck_assert_int_eq(col(s, 0, BASE), 12 * 36250);
    ipl_subsidy_schedule_free(s);
    ipl_loan_schedule_free(loan);
}
END_TEST

/* Beijing first-loan subsidy, 100 bp on the balance: (12 − k) ×
 * 100,000 × 0.01 / 12 = (12 − k) × 83.333..., rounded half-even per
 * period: 1,000.00, 916.67, 833.33, 750.00, ..., 83.33; 6,500.00 in all
 * (the roundings cancel in pairs). Paid once a year on 31 December. */
START_TEST(test_first_loan_bp)
{
    static const int64_t want[] = { 100000, 91667, 83333, 75000, 66667, 58333,
                                    50000, 41667, 33333, 25000, 16667, 8333 };
    ipl_loan_schedule *loan = the_loan();
    ipl_subsidy_rule r = rule_of(IPL_SUBSIDY_RATE_ON_BALANCE, 1.0);
    ipl_subsidy_schedule *s;
    size_t k;

    r.rate = 0.01;
    r.payment = IPL_SUBSIDY_PER_YEAR;
    s = build(loan, &r);
    for (k = 0; k < 12; k++) {
        ck_assert_int_eq(col(s, k, SUBSIDY), want[k]);
        ck_assert_int_eq(ipl_subsidy_schedule_row(s, k)->paid_on.month, 12);
        ck_assert_int_eq(ipl_subsidy_schedule_row(s, k)->paid_on.day, 31);
    }
    ck_assert_int_eq(ipl_subsidy_schedule_row(s, 10)->paid_on.year, 2024);
    ck_assert_int_eq(ipl_subsidy_schedule_row(s, 11)->paid_on.year, 2025);
    ck_assert_int_eq(ipl_subsidy_schedule_totals(s)->paid.minor, 650000);
    ipl_subsidy_schedule_free(s);
    ipl_loan_schedule_free(loan);
}
END_TEST

/* The same first-loan subsidy for a firm whose other loans have already
 * had 6,000.00 in 2024 under a cap of 10,000.00 per firm per year: this
 * loan may add 4,000.00 in 2024. Its periods give 1,000.00 + 916.67 +
 * 833.33 + 750.00 = 3,500.00, then 500.00 of the 666.67 due, then
 * nothing more in 2024; 2025's 83.33 is paid in full: 4,083.33 in all.
 * With 4,900.00 of a 5,000.00 total already paid to the firm, the loan
 * gets the remaining 100.00 in its first period and nothing after. */
START_TEST(test_caps_per_firm_across_loans)
{
    ipl_loan_schedule *loan = the_loan();
    ipl_subsidy_rule r = rule_of(IPL_SUBSIDY_RATE_ON_BALANCE, 1.0);
    ipl_subsidy_usage earlier[2];
    ipl_subsidy_schedule *s;
    ipl_error err;

    earlier[0].year = 2024;
    earlier[0].paid = cny(450000);
    earlier[1].year = 2024;
    earlier[1].paid = cny(150000);
    r.rate = 0.01;
    r.cap_per_year = cny(1000000);
    r.firm_usage = earlier;
    r.firm_usage_count = 2;
    s = build(loan, &r);
    ck_assert_int_eq(ipl_subsidy_schedule_row(s, 3)->paid.minor, 75000);
    ck_assert_int_eq(ipl_subsidy_schedule_row(s, 4)->paid.minor, 50000);
    ck_assert_int_eq(ipl_subsidy_schedule_row(s, 5)->paid.minor, 0);
    ck_assert_int_eq(ipl_subsidy_schedule_row(s, 11)->paid.minor, 8333);
    ck_assert_int_eq(ipl_subsidy_schedule_totals(s)->paid.minor, 408333);
    ipl_subsidy_schedule_free(s);

    r.cap_per_year = cny(0);
    r.firm_usage = NULL;
    r.firm_usage_count = 0;
    r.cap_total = cny(500000);
    r.firm_paid_total = cny(490000);
    s = build(loan, &r);
    ck_assert_int_eq(ipl_subsidy_schedule_row(s, 0)->paid.minor, 10000);
    ck_assert_int_eq(ipl_subsidy_schedule_totals(s)->paid.minor, 10000);
    ipl_subsidy_schedule_free(s);

    /* Already beyond the cap: nothing, never a negative payment. */
    r.firm_paid_total = cny(600000);
    s = build(loan, &r);
    ck_assert_int_eq(ipl_subsidy_schedule_totals(s)->paid.minor, 0);
    ipl_subsidy_schedule_free(s);

    r.firm_usage_count = 1;
    ck_assert_int_eq(ipl_subsidy_schedule_new(&s, loan, &r, &err), IPL_EINVAL);
    ck_assert_str_eq(err.where, "rule.firm_usage");
    ipl_loan_schedule_free(loan);
}
END_TEST

/* A guarantee-insurance premium of 1.2 % a year on the balance, half
 * subsidised: premium (12 − k) × 100,000 × 0.012 / 12 = (12 − k) ×
 * 100.00 (7,800.00 in all), subsidy (12 − k) × 50.00. Capped at
 * 2,000.00 a year: 600 + 550 + 500 = 1,650.00, so the fourth period
 * gets 350.00 and later 2024 periods nothing; 2025 pays 50.00. */
START_TEST(test_guarantee_premium)
{
    ipl_loan_schedule *loan = the_loan();
    ipl_subsidy_rule r = rule_of(IPL_SUBSIDY_RATE_ON_BALANCE, 0.5);
    ipl_subsidy_schedule *s;
    size_t k;

    r.rate = 0.012;
    r.cap_per_year = cny(200000);
    s = build(loan, &r);
    for (k = 0; k < 12; k++) {
        ck_assert_int_eq(col(s, k, BASE), (int64_t)(12 - k) * 10000);
        ck_assert_int_eq(col(s, k, SUBSIDY), (int64_t)(12 - k) * 5000);
    }
    ck_assert_int_eq(col(s, 3, PAID), 35000);
    ck_assert_int_eq(col(s, 4, PAID), 0);
    ck_assert_int_eq(col(s, 11, PAID), 5000);
    ck_assert_int_eq(ipl_subsidy_schedule_totals(s)->base.minor, 780000);
    ck_assert_int_eq(ipl_subsidy_schedule_totals(s)->paid.minor, 205000);
    assert_sums(s);
    ipl_subsidy_schedule_free(s);
    ipl_loan_schedule_free(loan);
}
END_TEST

/* Appraisal fee 30,000.00, 50 % subsidised: 15,000.00, but at most
 * 0.5 % of the 1,200,000.00 loan (6,000.00), paid after repayment
 * (2025-01-15). */
START_TEST(test_appraisal_fee)
{
    ipl_loan_schedule *loan = the_loan();
    ipl_subsidy_rule r = rule_of(IPL_SUBSIDY_FIXED_FEE, 0.5);
    ipl_subsidy_schedule *s;
    const ipl_subsidy_row *row;

    r.fee = cny(3000000);
    r.cap_loan_fraction = 0.005;
    r.payment = IPL_SUBSIDY_AFTER_REPAYMENT;
    s = build(loan, &r);
    ck_assert_uint_eq(ipl_subsidy_schedule_count(s), 1);
    row = ipl_subsidy_schedule_row(s, 0);
    ck_assert_int_eq(row->base.minor, 3000000);
    ck_assert_int_eq(row->subsidy.minor, 1500000);
    ck_assert_int_eq(row->paid.minor, 600000);
    ck_assert_int_eq(ipl_date_compare(row->end, ymd(2024, 1, 15)), 0);
    ck_assert_int_eq(ipl_date_compare(row->paid_on, ymd(2025, 1, 15)), 0);
    ck_assert_ptr_null(ipl_subsidy_schedule_row(s, 1));
    assert_sums(s);
    ipl_subsidy_schedule_free(s);

    /* Per period: paid on the loan's start. */
    r.payment = IPL_SUBSIDY_PER_PERIOD;
    r.cap_loan_fraction = 0;
    s = build(loan, &r);
    ck_assert_int_eq(ipl_date_compare(ipl_subsidy_schedule_row(s, 0)->paid_on,
                                      ymd(2024, 1, 15)), 0);
    ck_assert_int_eq(col(s, 0, PAID), 1500000);
    ipl_subsidy_schedule_free(s);
    ipl_loan_schedule_free(loan);
}
END_TEST

static void
assert_rule_error(const ipl_loan_schedule *loan, const ipl_subsidy_rule *r, int code,
                  const char *where)
{
    ipl_subsidy_schedule *s = NULL;
    ipl_error err = iplt_stale_error();
    int rc = ipl_subsidy_schedule_new(&s, loan, r, &err);

    iplt_assert_error(err, rc, code, where);
    ck_assert_ptr_null(s);
}

START_TEST(test_errors)
{
    ipl_loan_schedule *loan = the_loan();
    ipl_subsidy_rule r;

    r = rule_of(IPL_SUBSIDY_BASE_NONE, 0.5);
    assert_rule_error(loan, &r, IPL_EINVAL, "rule.base");
    r = rule_of(IPL_SUBSIDY_ACTUAL_INTEREST, 0);
    assert_rule_error(loan, &r, IPL_EINVAL, "rule.share");
    r = rule_of(IPL_SUBSIDY_ACTUAL_INTEREST, 1.5);
    assert_rule_error(loan, &r, IPL_EINVAL, "rule.share");
    r = rule_of(IPL_SUBSIDY_ACTUAL_INTEREST, 0.5); r.ip_share = -0.1;
    assert_rule_error(loan, &r, IPL_EINVAL, "rule");
    r = rule_of(IPL_SUBSIDY_FIXED_FEE, 0.5);
    assert_rule_error(loan, &r, IPL_EINVAL, "rule.fee");
    r = rule_of(IPL_SUBSIDY_FIXED_FEE, 0.5); r.fee.minor = 100; memcpy(r.fee.currency, "USD", 4);
    assert_rule_error(loan, &r, IPL_EINVAL, "rule.fee");
    r = rule_of(IPL_SUBSIDY_ACTUAL_INTEREST, 0.5); r.cap_total = cny(-1);
    assert_rule_error(loan, &r, IPL_EINVAL, "rule.cap_total");
    r = rule_of(IPL_SUBSIDY_ACTUAL_INTEREST, 0.5); r.rounding = IPL_ROUND_NEVER;
    assert_rule_error(loan, &r, IPL_EINVAL, "rule.rounding");
    r = rule_of(IPL_SUBSIDY_ACTUAL_INTEREST, 0.5); r.payment = (ipl_subsidy_payment)5;
    assert_rule_error(loan, &r, IPL_EINVAL, "rule.payment");
    r = rule_of(IPL_SUBSIDY_ACTUAL_INTEREST, 0.5); r.version = 9;
    assert_rule_error(loan, &r, IPL_EVERSION, "rule.version");
    assert_rule_error(loan, NULL, IPL_EINVAL, "r");
    assert_rule_error(NULL, &r, IPL_EINVAL, "loan");
    ck_assert_int_eq(ipl_subsidy_rule_init(&r, 2), IPL_EVERSION);
    ck_assert_int_eq(ipl_subsidy_rule_init(NULL, 1), IPL_EINVAL);
    ck_assert_uint_eq(ipl_subsidy_schedule_count(NULL), 0);
    ck_assert_ptr_null(ipl_subsidy_schedule_totals(NULL));
    ipl_subsidy_schedule_free(NULL);
    ipl_loan_schedule_free(loan);
}
END_TEST

typedef struct oom_ctx {
    const ipl_loan_schedule *loan;
    const ipl_subsidy_rule *rule;
} oom_ctx;

static int
oom_build(void *p)
{
    oom_ctx *ctx = p;
    ipl_subsidy_schedule *s = NULL;
    int rc = ipl_subsidy_schedule_new(&s, ctx->loan, ctx->rule, NULL);

    ipl_subsidy_schedule_free(s);
    return rc;
}

START_TEST(test_oom)
{
    ipl_loan_schedule *loan = the_loan();
    ipl_subsidy_rule r = rule_of(IPL_SUBSIDY_ACTUAL_INTEREST, 0.5);
    oom_ctx ctx;

    ctx.loan = loan;
    ctx.rule = &r;
    ck_assert_uint_eq(iplt_oom_check(oom_build, &ctx), 2);
    ipl_loan_schedule_free(loan);
}
END_TEST

/* ---- random loans and rules: caps never exceeded ---- */

static uint64_t prng_state = 0xD1B54A32D192ED03ULL;

static uint64_t
prng(void)
{
    return iplt_xorshift(&prng_state);
}

static int64_t
upto(int64_t n)
{
    return (int64_t)(prng() % (uint64_t)(n + 1));
}

START_TEST(test_random_caps)
{
    int n;

    for (n = 0; n < 2000; n++) {
        ipl_loan_terms t = IPL_LOAN_TERMS_INIT;
        ipl_loan_schedule *loan = NULL;
        ipl_subsidy_rule r = rule_of((ipl_subsidy_base)(1 + upto(3)), (1 + upto(99)) / 100.0);
        ipl_subsidy_schedule *s;
        int64_t year_paid = 0, total = 0;
        const char *why;
        int year = 0;
        size_t i;

        t.principal = cny(1 + upto(10000000000));
        t.start = ymd(2020 + (int)upto(5), 1 + (int)upto(11), 1 + (int)upto(27));
        t.periods = 1 + (unsigned)upto(60);
        t.frequency = (ipl_loan_frequency)(1 + upto(3));
        t.method = (ipl_loan_method)(1 + upto(2));
        t.rate = upto(1500) / 10000.0;
        t.daycount = IPL_DC_ACT_360;
        ck_assert_int_eq(ipl_loan_schedule_new(&loan, &t, NULL), IPL_OK);
        r.rate = upto(600) / 10000.0;
        r.ip_share = upto(100) / 100.0;
        r.max_months = (unsigned)upto(24);
        r.fee = cny(1 + upto(10000000));
        r.payment = (ipl_subsidy_payment)upto(2);
        if (upto(1)) r.cap_per_year = cny(1 + upto(10000000));
        if (upto(1)) r.cap_total = cny(1 + upto(30000000));
        s = build(loan, &r);
        why = broken_sums(s);
        for (i = 0; why == NULL && i < ipl_subsidy_schedule_count(s); i++) {
            const ipl_subsidy_row *row = ipl_subsidy_schedule_row(s, i);

            if (row->end.year != year) {
                year = row->end.year;
                year_paid = 0;
            }
            year_paid += row->paid.minor;
            total += row->paid.minor;
            if (row->base.minor < 0)
                why = "a negative base";
            else if (r.cap_per_year.minor > 0 && year_paid > r.cap_per_year.minor)
                why = "the yearly cap is exceeded";
            else if (i > 0 && ipl_date_compare(ipl_subsidy_schedule_row(s, i - 1)->end,
                                               row->end) > 0)
                why = "rows out of date order";
        }
        if (why == NULL && r.cap_total.minor > 0 && total > r.cap_total.minor)
            why = "the total cap is exceeded";
        if (why != NULL)
            ck_abort_msg("rule %d: %s", n, why);
        ipl_subsidy_schedule_free(s);
        ipl_loan_schedule_free(loan);
    }
}
END_TEST

static Suite *
subsidy_suite(void)
{
    Suite *s = suite_create("subsidy");
    TCase *tc = tcase_create("rules");

    tcase_add_test(tc, test_zhongguancun);
    tcase_add_test(tc, test_fujian_reference);
    tcase_add_test(tc, test_first_loan_bp);
    tcase_add_test(tc, test_caps_per_firm_across_loans);
    tcase_add_test(tc, test_guarantee_premium);
    tcase_add_test(tc, test_appraisal_fee);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_oom);
    suite_add_tcase(s, tc);

    tc = tcase_create("properties");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_random_caps);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    iplt_oom_install();
    return iplt_run(subsidy_suite());
}
