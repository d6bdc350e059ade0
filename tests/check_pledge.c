/* Pledge decisions: ratios, gates, adjustments, bundles, caps, traces,
 * monitoring and book statistics. Every expected amount is worked out
 * by hand in the comment beside it. */
#include <math.h>
#include <string.h>

#include "ipledge/pledge.h"
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
day(int y, int m, int d)
{
    ipl_date r;

    r.year = y;
    r.month = m;
    r.day = d;
    return r;
}

/* Bank of Communications' published caps (DOMAIN.md §3.1): invention
 * 25 %, utility model 15 %, trademark 50 % of appraised value, tenor at
 * most 3 years. Design patents get no ratio. */
static ipl_pledge_rules *
bocom_rules(void)
{
    ipl_pledge_rules *r;
    ipl_pledge_caps caps = IPL_PLEDGE_CAPS_INIT;

    ck_assert_int_eq(ipl_pledge_rules_new(&r, "CNY", NULL), IPL_OK);
    ck_assert_int_eq(ipl_pledge_rules_set_ratio(r, IPL_RIGHT_INVENTION, 0.25,
                                                0.25, "BoCom", NULL), IPL_OK);
    ck_assert_int_eq(ipl_pledge_rules_set_ratio(r, IPL_RIGHT_UTILITY_MODEL,
                                                0.15, 0.15, "BoCom", NULL),
                     IPL_OK);
    ck_assert_int_eq(ipl_pledge_rules_set_ratio(r, IPL_RIGHT_TRADEMARK, 0.50,
                                                0.50, "BoCom", NULL), IPL_OK);
    caps.max_tenor_months = 36;
    ck_assert_int_eq(ipl_pledge_rules_set_caps(r, &caps, NULL), IPL_OK);
    return r;
}

static ipl_pledge_right
invention(int64_t value)
{
    ipl_pledge_right r = IPL_PLEDGE_RIGHT_INIT;

    r.id = "CN201510481495.9";
    r.type = IPL_RIGHT_INVENTION;
    r.status = IPL_STATUS_IN_FORCE;
    r.value = cny(value);
    r.expiry = day(2035, 8, 10);
    r.registered = day(2017, 3, 1);
    return r;
}

static ipl_pledge_request
request(unsigned tenor)
{
    ipl_pledge_request q = IPL_PLEDGE_REQUEST_INIT;

    q.start = day(2024, 1, 15);
    q.tenor_months = tenor;
    q.firm_age_years = 6;
    return q;
}

static ipl_pledge *
decide(const ipl_pledge_rules *rules, const ipl_pledge_request *q,
       const ipl_pledge_right *rights, size_t n)
{
    ipl_pledge *p = NULL;
    ipl_error err;

    ck_assert_msg(ipl_pledge_new(&p, rules, q, rights, n, &err) == IPL_OK,
                  "%s: %s", err.where, err.message);
    return p;
}

static void
add_rule(ipl_pledge_rules *r, int gate, const char *name, ipl_pledge_test t,
         double threshold, double factor, unsigned flags)
{
    ipl_pledge_rule rule = IPL_PLEDGE_RULE_INIT;
    ipl_error err;
    int rc;

    rule.name = name;
    rule.test = t;
    rule.threshold = threshold;
    rule.factor = factor;
    rule.flags = flags;
    rule.source = "test rules";
    rc = gate ? ipl_pledge_rules_add_gate(r, &rule, &err)
              : ipl_pledge_rules_add_adjustment(r, &rule, &err);
    ck_assert_msg(rc == IPL_OK, "%s: %s", err.where, err.message);
}

START_TEST(test_single_invention)
{
    ipl_pledge_rules *r = bocom_rules();
    ipl_pledge_right right = invention(400000000);    /* CNY 4,000,000.00 */
    ipl_pledge_request q = request(36);
    ipl_pledge *p = decide(r, &q, &right, 1);

    /* 4,000,000.00 × 25 % = 1,000,000.00 */
    ck_assert(ipl_pledge_eligible(p));
    ck_assert_int_eq(ipl_pledge_max_loan(p)->minor, 100000000);
    ck_assert_str_eq(ipl_pledge_max_loan(p)->currency, "CNY");
    ck_assert_int_eq(ipl_pledge_collateral(p)->minor, 100000000);
    ck_assert_int_eq(ipl_pledge_right_collateral(p, 0)->minor, 100000000);
    ck_assert_double_eq_tol(ipl_pledge_right_ratio(p, 0), 0.25, 1e-15);
    ck_assert_double_eq_tol(ipl_pledge_ratio(p), 0.25, 1e-15);
    ck_assert_uint_eq(ipl_pledge_failure_count(p), 0);
    ck_assert_ptr_null(ipl_pledge_right_collateral(p, 1));
    ipl_pledge_free(p);
    ipl_pledge_rules_free(r);
}
END_TEST

START_TEST(test_collateral_rounds_down)
{
    ipl_pledge_rules *r = bocom_rules();
    ipl_pledge_right right = invention(123456789);    /* 1,234,567.89 */
    ipl_pledge_request q = request(12);
    ipl_pledge *p;

    right.type = IPL_RIGHT_UTILITY_MODEL;
    p = decide(r, &q, &right, 1);
    /* 1,234,567.89 × 15 % = 185,185.1835 → 185,185.18 */
    ck_assert_int_eq(ipl_pledge_max_loan(p)->minor, 18518518);
    ipl_pledge_free(p);
    ipl_pledge_rules_free(r);
}
END_TEST

START_TEST(test_adjustment_binds_or_not)
{
    ipl_pledge_rules *r = bocom_rules();
    ipl_pledge_right right = invention(400000000);
    ipl_pledge_request q = request(36);
    const ipl_pledge_step *s;
    ipl_pledge *p;

    add_rule(r, 0, "litigation", IPL_PLEDGE_TEST_FLAGS, 0, 0.5,
             IPL_PLEDGE_LITIGATION);
    p = decide(r, &q, &right, 1);
    ck_assert_int_eq(ipl_pledge_max_loan(p)->minor, 100000000);
    ipl_pledge_free(p);

    right.flags = IPL_PLEDGE_LITIGATION | IPL_PLEDGE_CO_OWNED;
    p = decide(r, &q, &right, 1);
    /* 25 % × 0.5 = 12.5 %: 500,000.00 */
    ck_assert_int_eq(ipl_pledge_max_loan(p)->minor, 50000000);
    ck_assert_uint_eq(ipl_pledge_trace_count(p), 3);
    s = ipl_pledge_trace(p, 0);
    ck_assert_str_eq(s->rule, "base");
    ck_assert_str_eq(s->source, "BoCom");
    ck_assert_int_eq(s->right, 0);
    s = ipl_pledge_trace(p, 1);
    ck_assert_str_eq(s->rule, "litigation");
    ck_assert_str_eq(s->source, "test rules");
    ck_assert_double_eq_tol(s->before, 0.25, 1e-15);
    ck_assert_double_eq_tol(s->after, 0.125, 1e-15);
    ck_assert_ptr_nonnull(strstr(s->text, "0.2500 x 0.5000 = 0.1250"));
    s = ipl_pledge_trace(p, 2);
    ck_assert_str_eq(s->rule, "collateral");
    ck_assert_ptr_nonnull(strstr(s->text, "CNY 4,000,000.00 x 0.1250 = CNY 500,000.00"));
    ck_assert_ptr_null(ipl_pledge_trace(p, 3));
    ipl_pledge_free(p);
    ipl_pledge_rules_free(r);
}
END_TEST

START_TEST(test_life_gate_boundary)
{
    ipl_pledge_rules *r = bocom_rules();
    ipl_pledge_right right = invention(400000000);
    ipl_pledge_request q = request(36);
    ipl_pledge *p;

    /* Remaining legal life of at least 5 years at 2024-01-15: the right
     * must not expire before 2029-01-15. */
    add_rule(r, 1, "min_life", IPL_PLEDGE_TEST_LIFE_BELOW, 5, 1, 0);
    right.expiry = day(2029, 1, 15);
    p = decide(r, &q, &right, 1);
    ck_assert(ipl_pledge_eligible(p));
    ipl_pledge_free(p);

    right.expiry = day(2029, 1, 14);
    p = decide(r, &q, &right, 1);
    ck_assert(!ipl_pledge_eligible(p));
    ck_assert_int_eq(ipl_pledge_max_loan(p)->minor, 0);
    ck_assert(iplt_same_double(ipl_pledge_ratio(p), 0.0));
    /* The right's own failure, then the request's: nothing eligible. */
    ck_assert_uint_eq(ipl_pledge_failure_count(p), 2);
    ck_assert_str_eq(ipl_pledge_failure(p, 0)->rule, "min_life");
    ck_assert_int_eq(ipl_pledge_failure(p, 0)->right, 0);
    ck_assert_ptr_nonnull(strstr(ipl_pledge_failure(p, 0)->text, "5 years"));
    ck_assert_str_eq(ipl_pledge_failure(p, 1)->rule, "eligibility");
    ck_assert_int_eq(ipl_pledge_failure(p, 1)->right, -1);
    ipl_pledge_free(p);

    /* An unknown expiry cannot show the life the gate asks for. */
    right.expiry = day(0, 0, 0);
    p = decide(r, &q, &right, 1);
    ck_assert(!ipl_pledge_eligible(p));
    ipl_pledge_free(p);
    ipl_pledge_rules_free(r);
}
END_TEST

START_TEST(test_life_against_tenor)
{
    ipl_pledge_rules *r = bocom_rules();
    ipl_pledge_right right = invention(400000000);
    ipl_pledge_request q = request(24);
    ipl_pledge *p;

    /* The right must outlive twice the 24-month tenor (to 2028-01-15),
     * else its ratio is cut by 40 %. */
    add_rule(r, 0, "life_vs_tenor", IPL_PLEDGE_TEST_LIFE_VS_TENOR, 2, 0.6, 0);
    right.expiry = day(2028, 1, 15);
    p = decide(r, &q, &right, 1);
    ck_assert_int_eq(ipl_pledge_max_loan(p)->minor, 100000000);
    ipl_pledge_free(p);
    right.expiry = day(2028, 1, 1);
    p = decide(r, &q, &right, 1);
    /* 25 % × 0.6 = 15 %: 600,000.00 */
    ck_assert_int_eq(ipl_pledge_max_loan(p)->minor, 60000000);
    ipl_pledge_free(p);
    ipl_pledge_rules_free(r);
}
END_TEST

START_TEST(test_request_gates)
{
    ipl_pledge_rules *r = bocom_rules();
    ipl_pledge_right right = invention(400000000);
    ipl_pledge_request q = request(48);
    ipl_pledge *p;

    /* 48 months against BoCom's 36. */
    p = decide(r, &q, &right, 1);
    ck_assert(!ipl_pledge_eligible(p));
    ck_assert_int_eq(ipl_pledge_max_loan(p)->minor, 0);
    ck_assert_uint_eq(ipl_pledge_failure_count(p), 1);
    ck_assert_str_eq(ipl_pledge_failure(p, 0)->rule, "max_tenor_months");
    ck_assert_int_eq(ipl_pledge_failure(p, 0)->right, -1);
    /* The right itself was fine: its ratio stands in the trace. */
    ck_assert_double_eq_tol(ipl_pledge_right_ratio(p, 0), 0.25, 1e-15);
    ipl_pledge_free(p);

    /* A firm operating for at least 2 years; unknown age fails too. */
    add_rule(r, 1, "firm_age", IPL_PLEDGE_TEST_FIRM_AGE_BELOW, 2, 1, 0);
    q = request(36);
    q.firm_age_years = 1.5;
    p = decide(r, &q, &right, 1);
    ck_assert(!ipl_pledge_eligible(p));
    ck_assert_str_eq(ipl_pledge_failure(p, 0)->rule, "firm_age");
    ipl_pledge_free(p);
    q.firm_age_years = -1;
    p = decide(r, &q, &right, 1);
    ck_assert(!ipl_pledge_eligible(p));
    ipl_pledge_free(p);
    q.firm_age_years = 2;
    p = decide(r, &q, &right, 1);
    ck_assert(ipl_pledge_eligible(p));
    ipl_pledge_free(p);
    ipl_pledge_rules_free(r);
}
END_TEST

START_TEST(test_kind_without_ratio_and_gates_by_kind)
{
    ipl_pledge_rule tm_age = IPL_PLEDGE_RULE_INIT;
    ipl_pledge_rules *r = bocom_rules();
    ipl_pledge_right rights[2];
    ipl_pledge_request q = request(36);
    ipl_pledge *p;

    rights[0] = invention(400000000);
    rights[1] = invention(100000000);
    rights[1].type = IPL_RIGHT_DESIGN;
    rights[1].id = "CN302222222.2";
    p = decide(r, &q, rights, 2);
    /* The design patent counts for nothing; the invention stands. */
    ck_assert(ipl_pledge_eligible(p));
    ck_assert_int_eq(ipl_pledge_max_loan(p)->minor, 100000000);
    ck_assert_int_eq(ipl_pledge_right_collateral(p, 1)->minor, 0);
    ck_assert_uint_eq(ipl_pledge_failure_count(p), 1);
    ck_assert_str_eq(ipl_pledge_failure(p, 0)->rule, "ratio");
    ck_assert_int_eq(ipl_pledge_failure(p, 0)->right, 1);
    /* 1,000,000.00 lent on 5,000,000.00 appraised: 20 %. */
    ck_assert_double_eq_tol(ipl_pledge_ratio(p), 0.2, 1e-15);
    ipl_pledge_free(p);

    /* A trademark registered for under 3 years is refused; the rule
     * asks nothing of the invention (whose registration date is then
     * unknown, which would otherwise fail it). */
    tm_age.name = "tm_age";
    tm_age.test = IPL_PLEDGE_TEST_REGISTERED_BELOW;
    tm_age.threshold = 3;
    tm_age.right = IPL_RIGHT_TRADEMARK;
    ck_assert_int_eq(ipl_pledge_rules_add_gate(r, &tm_age, NULL), IPL_OK);
    rights[0].registered = day(0, 0, 0);
    rights[1] = invention(100000000);
    rights[1].type = IPL_RIGHT_TRADEMARK;
    rights[1].registered = day(2021, 1, 16);
    p = decide(r, &q, rights, 2);
    /* 2021-01-16 + 3 years = 2024-01-16, after the 2024-01-15 start. */
    ck_assert_int_eq(ipl_pledge_right_collateral(p, 1)->minor, 0);
    ipl_pledge_free(p);
    rights[1].registered = day(2021, 1, 15);
    p = decide(r, &q, rights, 2);
    /* 1,000,000.00 + 1,000,000.00 × 50 % = 1,500,000.00 */
    ck_assert_int_eq(ipl_pledge_max_loan(p)->minor, 150000000);
    ipl_pledge_free(p);
    ipl_pledge_rules_free(r);
}
END_TEST

START_TEST(test_bundle_and_caps)
{
    ipl_pledge_rules *r;
    ipl_pledge_caps caps = IPL_PLEDGE_CAPS_INIT;
    ipl_pledge_right rights[2];
    ipl_pledge_request q = request(36);
    ipl_pledge *p;

    ck_assert_int_eq(ipl_pledge_rules_new(&r, "CNY", NULL), IPL_OK);
    ck_assert_int_eq(ipl_pledge_rules_set_ratio(r, IPL_RIGHT_INVENTION, 0.25,
                                                0.30, NULL, NULL), IPL_OK);
    ck_assert_int_eq(ipl_pledge_rules_set_ratio(r, IPL_RIGHT_TRADEMARK, 0.50,
                                                0.52, NULL, NULL), IPL_OK);
    caps.bundle_step = 0.05;
    caps.bundle_max = 1.10;
    ck_assert_int_eq(ipl_pledge_rules_set_caps(r, &caps, NULL), IPL_OK);
    rights[0] = invention(400000000);
    rights[1] = invention(100000000);
    rights[1].type = IPL_RIGHT_TRADEMARK;

    /* Two rights: × 1.05. Invention 26.25 % (under its 30 % cap):
     * 1,050,000.00; trademark 52.5 % capped at 52 %: 520,000.00. */
    p = decide(r, &q, rights, 2);
    ck_assert_int_eq(ipl_pledge_right_collateral(p, 0)->minor, 105000000);
    ck_assert_int_eq(ipl_pledge_right_collateral(p, 1)->minor, 52000000);
    ck_assert_int_eq(ipl_pledge_max_loan(p)->minor, 157000000);
    ipl_pledge_free(p);

    /* A cap per loan of 1,200,000.00 binds. */
    caps.max_loan = 120000000;
    ck_assert_int_eq(ipl_pledge_rules_set_caps(r, &caps, NULL), IPL_OK);
    p = decide(r, &q, rights, 2);
    ck_assert_int_eq(ipl_pledge_collateral(p)->minor, 157000000);
    ck_assert_int_eq(ipl_pledge_max_loan(p)->minor, 120000000);
    ck_assert_str_eq(ipl_pledge_trace(p, ipl_pledge_trace_count(p) - 1)->rule,
                     "max_loan");
    ipl_pledge_free(p);

    /* A borrower cap of 2,000,000.00 with 1,000,000.00 already lent
     * leaves 1,000,000.00, and the request for 1,500,000.00 is noted. */
    caps.max_borrower = 200000000;
    ck_assert_int_eq(ipl_pledge_rules_set_caps(r, &caps, NULL), IPL_OK);
    q.exposure = cny(100000000);
    q.requested = cny(150000000);
    p = decide(r, &q, rights, 2);
    ck_assert_int_eq(ipl_pledge_max_loan(p)->minor, 100000000);
    ck_assert_double_eq_tol(ipl_pledge_ratio(p), 0.2, 1e-15);
    ck_assert_str_eq(ipl_pledge_trace(p, ipl_pledge_trace_count(p) - 2)->rule,
                     "max_borrower");
    ck_assert_str_eq(ipl_pledge_trace(p, ipl_pledge_trace_count(p) - 1)->rule,
                     "requested");
    ipl_pledge_free(p);

    /* Exposure above the cap leaves nothing. */
    q.exposure = cny(250000000);
    p = decide(r, &q, rights, 2);
    ck_assert_int_eq(ipl_pledge_max_loan(p)->minor, 0);
    ipl_pledge_free(p);
    ipl_pledge_rules_free(r);
}
END_TEST

START_TEST(test_a_bundle_never_exceeds_its_caps)
{
    ipl_pledge_rules *r = bocom_rules();
    ipl_pledge_caps caps = *ipl_pledge_rules_caps(r);
    ipl_pledge_right rights[6];
    ipl_pledge_request q = request(36);
    unsigned seed = 12345;
    int round;
    size_t i;

    caps.bundle_step = 0.1;
    caps.bundle_max = 1.5;
    caps.max_ratio = 0.4;
    caps.max_loan = 300000000;
    ck_assert_int_eq(ipl_pledge_rules_set_caps(r, &caps, NULL), IPL_OK);
    for (round = 0; round < 200; round++) {
        ipl_pledge *p;
        int64_t sum = 0;

        for (i = 0; i < 6; i++) {
            seed = seed * 1103515245u + 12345u;
            rights[i] = invention(1 + (int64_t)(seed >> 4) % 500000000);
            rights[i].type = (ipl_right_type)(1 + (seed >> 8) % 5);
        }
        p = decide(r, &q, rights, 6);
        for (i = 0; i < 6; i++) {
            ck_assert(ipl_pledge_right_ratio(p, i) <= 0.4 + 1e-12);
            sum += ipl_pledge_right_collateral(p, i)->minor;
        }
        ck_assert_int_eq(sum, ipl_pledge_collateral(p)->minor);
        ck_assert_int_le(ipl_pledge_max_loan(p)->minor, 300000000);
        ck_assert_int_le(ipl_pledge_max_loan(p)->minor, sum);
        ipl_pledge_free(p);
    }
    ipl_pledge_rules_free(r);
}
END_TEST

START_TEST(test_dependence_and_uncertainty)
{
    ipl_pledge_rules *r = bocom_rules();
    ipl_pledge_rule dep = IPL_PLEDGE_RULE_INIT;
    ipl_pledge_caps caps = *ipl_pledge_rules_caps(r);
    ipl_pledge_right right = invention(400000000);
    ipl_pledge_request q = request(36);
    ipl_pledge *p;

    dep.name = "dependence";
    dep.test = IPL_PLEDGE_TEST_DEPENDENCE;
    dep.slope = 0.5;
    dep.floor = 0.6;
    ck_assert_int_eq(ipl_pledge_rules_add_adjustment(r, &dep, NULL), IPL_OK);
    right.dependence = 0.4;
    p = decide(r, &q, &right, 1);
    /* 1 − 0.5 × 0.4 = 0.8: 25 % × 0.8 = 20 %, 800,000.00 */
    ck_assert_int_eq(ipl_pledge_max_loan(p)->minor, 80000000);
    ipl_pledge_free(p);
    right.dependence = 1.0;
    p = decide(r, &q, &right, 1);
    /* 1 − 0.5 = 0.5, floored at 0.6: 15 %, 600,000.00 */
    ck_assert_int_eq(ipl_pledge_max_loan(p)->minor, 60000000);
    ipl_pledge_free(p);

    /* The low quantile as the basis: P10 of 3,000,000.00 × 25 %. */
    right.dependence = 0;
    right.value_low = cny(300000000);
    caps.basis = IPL_BASIS_LOW_QUANTILE;
    ck_assert_int_eq(ipl_pledge_rules_set_caps(r, &caps, NULL), IPL_OK);
    p = decide(r, &q, &right, 1);
    ck_assert_int_eq(ipl_pledge_max_loan(p)->minor, 75000000);
    ck_assert_ptr_nonnull(strstr(ipl_pledge_trace(p, 1)->text, "low-quantile"));
    ipl_pledge_free(p);
    ipl_pledge_rules_free(r);
}
END_TEST

/* Each remaining test, once where it binds and once where it does not. */
START_TEST(test_every_test_binds_and_not)
{
    ipl_pledge_rules *r = bocom_rules();
    ipl_pledge_rule rule = IPL_PLEDGE_RULE_INIT;
    ipl_pledge_right right = invention(400000000);
    ipl_pledge_request q = request(36);
    ipl_pledge *p;

    add_rule(r, 1, "in-force", IPL_PLEDGE_TEST_NOT_IN_FORCE, 0, 1, 0);
    add_rule(r, 1, "short-tenor", IPL_PLEDGE_TEST_TENOR_ABOVE, 24, 1, 0);
    rule.name = "biotech";
    rule.test = IPL_PLEDGE_TEST_INDUSTRY;
    rule.text = "C27";
    rule.factor = 0.9;
    ck_assert_int_eq(ipl_pledge_rules_add_adjustment(r, &rule, NULL), IPL_OK);
    rule = (ipl_pledge_rule)IPL_PLEDGE_RULE_INIT;
    rule.name = "trademark-bonus";
    rule.test = IPL_PLEDGE_TEST_TYPE;
    rule.right = IPL_RIGHT_TRADEMARK;
    rule.factor = 0.5;
    ck_assert_int_eq(ipl_pledge_rules_add_adjustment(r, &rule, NULL), IPL_OK);
    rule = (ipl_pledge_rule)IPL_PLEDGE_RULE_INIT;
    rule.name = "volatility";
    rule.test = IPL_PLEDGE_TEST_UNCERTAINTY;
    rule.slope = 1.0;
    rule.floor = 0.5;
    ck_assert_int_eq(ipl_pledge_rules_add_adjustment(r, &rule, NULL), IPL_OK);

    /* None binds: a 24-month loan on an in-force invention outside C27
     * with no spread: 25 %. */
    q.tenor_months = 24;
    right.industry = "C26";
    p = decide(r, &q, &right, 1);
    ck_assert_int_eq(ipl_pledge_max_loan(p)->minor, 100000000);
    ck_assert_uint_eq(ipl_pledge_trace_count(p), 2);
    ipl_pledge_free(p);

    /* Industry C27 (× 0.9) and a value spread of cv 0.2 (× 0.8):
     * 25 % × 0.9 × 0.8 = 18 %, 720,000.00. */
    right.industry = "C27";
    right.value_cv = 0.2;
    p = decide(r, &q, &right, 1);
    ck_assert_int_eq(ipl_pledge_max_loan(p)->minor, 72000000);
    ipl_pledge_free(p);
    /* A spread of 0.7 is floored at × 0.5: 25 % × 0.9 × 0.5 = 11.25 %. */
    right.value_cv = 0.7;
    p = decide(r, &q, &right, 1);
    ck_assert_int_eq(ipl_pledge_max_loan(p)->minor, 45000000);
    ipl_pledge_free(p);

    /* The kind test binds only on trademarks: 50 % × 0.5. */
    right = invention(100000000);
    right.type = IPL_RIGHT_TRADEMARK;
    p = decide(r, &q, &right, 1);
    ck_assert_int_eq(ipl_pledge_max_loan(p)->minor, 25000000);
    ipl_pledge_free(p);

    /* A lapsed right fails the in-force gate; 36 months fail the tenor gate. */
    right.status = IPL_STATUS_LAPSED;
    p = decide(r, &q, &right, 1);
    ck_assert_str_eq(ipl_pledge_failure(p, 0)->rule, "in-force");
    ck_assert_ptr_nonnull(strstr(ipl_pledge_failure(p, 0)->text, "lapsed"));
    ipl_pledge_free(p);
    right.status = IPL_STATUS_IN_FORCE;
    q.tenor_months = 36;
    p = decide(r, &q, &right, 1);
    ck_assert(!ipl_pledge_eligible(p));
    ck_assert_str_eq(ipl_pledge_failure(p, 0)->rule, "short-tenor");
    ipl_pledge_free(p);
    ipl_pledge_rules_free(r);
}
END_TEST

START_TEST(test_bad_input)
{
    ipl_pledge_rules *r = bocom_rules();
    ipl_pledge_rule rule = IPL_PLEDGE_RULE_INIT;
    ipl_pledge_caps caps = IPL_PLEDGE_CAPS_INIT;
    ipl_pledge_right right = invention(400000000);
    ipl_pledge_request q = request(36);
    ipl_pledge *p = NULL;
    ipl_error err = iplt_stale_error();
    int rc;

    right.value = cny(1);
    memcpy(right.value.currency, "USD", 4);
    rc = ipl_pledge_new(&p, r, &q, &right, 1, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "rights[0].value");
    right = invention(400000000);
    right.dependence = 1.5;
    rc = ipl_pledge_new(&p, r, &q, &right, 1, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "rights[0].dependence");
    right = invention(400000000);
    right.version = 99;
    rc = ipl_pledge_new(&p, r, &q, &right, 1, &err);
    iplt_assert_error(err, rc, IPL_EVERSION, "rights[0].version");
    right = invention(400000000);
    q.tenor_months = 0;
    rc = ipl_pledge_new(&p, r, &q, &right, 1, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "request.tenor_months");
    q = request(36);
    rc = ipl_pledge_new(&p, r, &q, &right, 0, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "n");
    ck_assert_ptr_null(p);

    rc = ipl_pledge_rules_set_ratio(r, IPL_RIGHT_INVENTION, 0.3, 0.2, NULL, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "base");
    rc = ipl_pledge_rules_set_ratio(r, IPL_RIGHT_NONE, 0.3, 0.3, NULL, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "type");
    rule.name = "dep";
    rule.test = IPL_PLEDGE_TEST_DEPENDENCE;
    rc = ipl_pledge_rules_add_gate(r, &rule, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "rule.test");
    rule.test = IPL_PLEDGE_TEST_TENOR_ABOVE;
    rc = ipl_pledge_rules_add_adjustment(r, &rule, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "rule.test");
    rule.test = IPL_PLEDGE_TEST_FLAGS;
    rc = ipl_pledge_rules_add_adjustment(r, &rule, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "rule.flags");
    rule.flags = IPL_PLEDGE_LITIGATION;
    rule.factor = NAN;
    rc = ipl_pledge_rules_add_adjustment(r, &rule, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "rule.factor");
    rule.name = NULL;
    rc = ipl_pledge_rules_add_adjustment(r, &rule, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "rule.name");
    caps.max_ratio = 1.5;
    rc = ipl_pledge_rules_set_caps(r, &caps, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "caps.max_ratio");
    caps.version = 7;
    rc = ipl_pledge_rules_set_caps(r, &caps, &err);
    iplt_assert_error(err, rc, IPL_EVERSION, "caps.version");
    ck_assert_int_eq(ipl_pledge_rules_new(&r, "XYZ", &err), IPL_EINVAL);
    ck_assert_int_eq(ipl_pledge_rule_init(&rule, 2), IPL_EVERSION);
    ipl_pledge_rules_free(r);
}
END_TEST

START_TEST(test_copy_is_independent)
{
    ipl_pledge_rules *r = bocom_rules(), *c;
    ipl_pledge_right right = invention(400000000);
    ipl_pledge_request q = request(36);
    ipl_pledge *p;

    add_rule(r, 0, "litigation", IPL_PLEDGE_TEST_FLAGS, 0, 0.5,
             IPL_PLEDGE_LITIGATION);
    ck_assert_int_eq(ipl_pledge_rules_copy(&c, r, NULL), IPL_OK);
    ipl_pledge_rules_free(r);
    right.flags = IPL_PLEDGE_LITIGATION;
    p = decide(c, &q, &right, 1);
    ck_assert_int_eq(ipl_pledge_max_loan(p)->minor, 50000000);
    ck_assert_str_eq(ipl_pledge_trace(p, 1)->rule, "litigation");
    ipl_pledge_free(p);
    ck_assert_str_eq(ipl_pledge_rules_currency(c), "CNY");
    ipl_pledge_rules_free(c);
}
END_TEST

START_TEST(test_monitor)
{
    ipl_pledge_rules *r = bocom_rules();
    ipl_pledge_caps caps = *ipl_pledge_rules_caps(r);
    ipl_money balance = cny(60000000), value = cny(100000000);
    ipl_pledge_health h;
    ipl_error err;

    caps.maintenance_ltv = 0.5;
    ck_assert_int_eq(ipl_pledge_rules_set_caps(r, &caps, NULL), IPL_OK);
    /* 600,000 against 1,000,000 at 50 %: pledge 200,000 more value, or
     * repay 100,000. */
    ck_assert_int_eq(ipl_pledge_monitor(&h, r, &balance, &value, 0.25, &err),
                     IPL_OK);
    ck_assert_double_eq_tol(h.ltv, 0.6, 1e-15);
    ck_assert(iplt_same_double(h.threshold, 0.5));
    ck_assert(h.breached);
    ck_assert_int_eq(h.top_up.minor, 20000000);
    ck_assert_int_eq(h.repayment.minor, 10000000);

    /* Exactly at the threshold: no breach. */
    balance = cny(50000000);
    ck_assert_int_eq(ipl_pledge_monitor(&h, r, &balance, &value, 0.25, &err),
                     IPL_OK);
    ck_assert(!h.breached);
    ck_assert_int_eq(h.top_up.minor, 0);
    ck_assert_int_eq(h.repayment.minor, 0);

    /* Rounded up: 100.01 ÷ 0.3 = 333.3666…, so 333.37 is needed
     * (100.01 ÷ 333.36 is still above 0.3): top-up 33.37; repay
     * 100.01 − 90.00 = 10.01. The initial ratio is the threshold. */
    caps.maintenance_ltv = 0;
    ck_assert_int_eq(ipl_pledge_rules_set_caps(r, &caps, NULL), IPL_OK);
    balance = cny(10001);
    value = cny(30000);
    ck_assert_int_eq(ipl_pledge_monitor(&h, r, &balance, &value, 0.3, &err),
                     IPL_OK);
    ck_assert(h.breached);
    ck_assert_int_eq(h.top_up.minor, 3337);
    ck_assert_int_eq(h.repayment.minor, 1001);

    ck_assert_int_eq(ipl_pledge_monitor(&h, r, &balance, &value, 0, &err),
                     IPL_EINVAL);
    value = cny(0);
    ck_assert_int_eq(ipl_pledge_monitor(&h, r, &balance, &value, 0.3, &err),
                     IPL_EINVAL);
    ck_assert_str_eq(err.where, "value");
    ipl_pledge_rules_free(r);
}
END_TEST

static ipl_pledge_loan
loan(const char *who, int64_t amount, int64_t balance, double ratio,
     ipl_loan_class grade, int is_new)
{
    ipl_pledge_loan l = IPL_PLEDGE_LOAN_INIT;

    l.borrower = who;
    l.amount = cny(amount);
    l.balance = cny(balance);
    l.ratio = ratio;
    l.grade = grade;
    l.new_in_period = is_new;
    return l;
}

START_TEST(test_book)
{
    ipl_pledge_loan loans[4];
    ipl_pledge_book b;
    ipl_error err;

    loans[0] = loan("a", 100000000, 80000000, 0.25, IPL_CLASS_NORMAL, 1);
    loans[1] = loan("b", 200000000, 200000000, 0.40, IPL_CLASS_SUBSTANDARD, 1);
    loans[2] = loan("a", 50000000, 0, 0.50, IPL_CLASS_NORMAL, 0);
    loans[3] = loan("c", 100000000, 20000000, 0.30, IPL_CLASS_DOUBTFUL, 0);
    ck_assert_int_eq(ipl_pledge_book_summarise(&b, loans, 4, "CNY", 0.015, &err),
                     IPL_OK);
    /* New: 1,000,000 + 2,000,000; balance 800,000 + 2,000,000 + 200,000. */
    ck_assert_int_eq(b.new_amount.minor, 300000000);
    ck_assert_int_eq(b.balance.minor, 300000000);
    ck_assert_uint_eq(b.clients, 3);
    ck_assert_uint_eq(b.new_clients, 2);
    /* (0.25 × 1,000,000 + 0.40 × 2,000,000) ÷ 3,000,000 = 0.35 */
    ck_assert_double_eq_tol(b.weighted_ratio, 0.35, 1e-15);
    /* (2,000,000 + 200,000) ÷ 3,000,000 */
    ck_assert_double_eq_tol(b.npl_ratio, 2.2 / 3.0, 1e-15);
    ck_assert_double_eq_tol(b.class_ratio[IPL_CLASS_NORMAL], 0.8 / 3.0, 1e-15);
    ck_assert_double_eq_tol(b.npl_tolerance, 0.045, 1e-15);
    ck_assert(!b.within_tolerance);

    /* 45 of 1,000 non-performing against 1.5 % + 3 pp: at the limit. */
    loans[0] = loan("a", 95500, 95500, 0.25, IPL_CLASS_NORMAL, 1);
    loans[1] = loan("b", 4500, 4500, 0.25, IPL_CLASS_LOSS, 1);
    ck_assert_int_eq(ipl_pledge_book_summarise(&b, loans, 2, "CNY", 0.015, &err),
                     IPL_OK);
    ck_assert_double_eq_tol(b.npl_ratio, 0.045, 1e-15);
    ck_assert(b.within_tolerance);

    ck_assert_int_eq(ipl_pledge_book_summarise(&b, NULL, 0, "CNY", 0.01, &err),
                     IPL_OK);
    ck_assert_int_eq(b.balance.minor, 0);
    ck_assert_str_eq(b.balance.currency, "CNY");
    loans[1].borrower = "";
    ck_assert_int_eq(ipl_pledge_book_summarise(&b, loans, 2, "CNY", 0.01, &err),
                     IPL_EINVAL);
    ck_assert_str_eq(err.where, "loans[1].borrower");
}
END_TEST

/* ---- allocation failure ---- */

static int
oom_rules_and_decision(void *ctx)
{
    ipl_pledge_rules *r = NULL, *c = NULL;
    ipl_pledge_rule rule = IPL_PLEDGE_RULE_INIT;
    ipl_pledge_right rights[2];
    ipl_pledge_request q = request(36);
    ipl_pledge *p = NULL;
    int rc;

    (void)ctx;
    rights[0] = invention(400000000);
    rights[1] = invention(100000000);
    rights[1].type = IPL_RIGHT_DESIGN;
    rule.name = "litigation";
    rule.test = IPL_PLEDGE_TEST_FLAGS;
    rule.flags = IPL_PLEDGE_LITIGATION;
    rule.factor = 0.5;
    rule.source = "src";
    if ((rc = ipl_pledge_rules_new(&r, "CNY", NULL)) < 0 ||
        (rc = ipl_pledge_rules_set_ratio(r, IPL_RIGHT_INVENTION, 0.25, 0.25,
                                         "BoCom", NULL)) < 0 ||
        (rc = ipl_pledge_rules_add_adjustment(r, &rule, NULL)) < 0 ||
        (rc = ipl_pledge_rules_add_gate(r, &rule, NULL)) < 0 ||
        (rc = ipl_pledge_rules_copy(&c, r, NULL)) < 0 ||
        (rc = ipl_pledge_new(&p, c, &q, rights, 2, NULL)) < 0)
        goto out;
    rc = ipl_pledge_max_loan(p)->minor == 100000000 ? IPL_OK : IPL_ERROR;
out:
    ipl_pledge_free(p);
    ipl_pledge_rules_free(c);
    ipl_pledge_rules_free(r);
    return rc;
}

static int
oom_book(void *ctx)
{
    ipl_pledge_loan loans[2];
    ipl_pledge_book b;

    (void)ctx;
    loans[0] = loan("a", 100, 100, 0.25, IPL_CLASS_NORMAL, 1);
    loans[1] = loan("b", 100, 100, 0.25, IPL_CLASS_NORMAL, 1);
    return ipl_pledge_book_summarise(&b, loans, 2, "CNY", 0.01, NULL);
}

START_TEST(test_allocation_failure)
{
    ck_assert_uint_gt(iplt_oom_check(oom_rules_and_decision, NULL), 10);
    ck_assert_uint_eq(iplt_oom_check(oom_book, NULL), 2);
}
END_TEST

static Suite *
pledge_suite(void)
{
    Suite *s = suite_create("pledge");
    TCase *tc = tcase_create("decision");

    tcase_add_test(tc, test_single_invention);
    tcase_add_test(tc, test_collateral_rounds_down);
    tcase_add_test(tc, test_adjustment_binds_or_not);
    tcase_add_test(tc, test_life_gate_boundary);
    tcase_add_test(tc, test_life_against_tenor);
    tcase_add_test(tc, test_request_gates);
    tcase_add_test(tc, test_kind_without_ratio_and_gates_by_kind);
    tcase_add_test(tc, test_bundle_and_caps);
    tcase_add_test(tc, test_a_bundle_never_exceeds_its_caps);
    tcase_add_test(tc, test_dependence_and_uncertainty);
    tcase_add_test(tc, test_every_test_binds_and_not);
    tcase_add_test(tc, test_bad_input);
    tcase_add_test(tc, test_copy_is_independent);
    suite_add_tcase(s, tc);
    tc = tcase_create("monitoring");
    tcase_add_test(tc, test_monitor);
    tcase_add_test(tc, test_book);
    tcase_add_test(tc, test_allocation_failure);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    iplt_oom_install();
    return iplt_run(pledge_suite());
}
