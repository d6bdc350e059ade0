/* Check suite for the cost and market approaches and the share (分成率)
 * helpers of include/ipledge/value.h. Expected figures are the issue's
 * published examples and hand calculations shown beside each case. */
#include <check.h>
#include <math.h>
#include <string.h>

#include "ipledge/value.h"
#include "harness.h"

#define REL 1e-12
#define ck_near(got, want) ck_assert_double_eq_tol((got), (want), fabs((double)(want)) * REL + 1e-12)

static double
figure(const ipl_value *v, const char *name)
{
    double x = NAN;

    ck_assert_msg(ipl_value_figure_get(&x, v, name, NULL) == IPL_OK, "no %s", name);
    return x;
}

static ipl_value *
costed(const ipl_value_cost *in)
{
    ipl_value *v = NULL;
    ipl_error err;

    ck_assert_msg(ipl_value_cost_new(&v, in, &err) == IPL_OK, "%s: %s", err.where,
                  err.message);
    return v;
}

/* The patent: (15 + 20 + 30 × 1.2) ÷ (1 − 0.4) × (1 + 0.2) = 142,
 * used 3 years with 5 remaining: 142 × 5/8 = 88.75. */
static ipl_value_cost
multiplier_patent(void)
{
    ipl_value_cost in = IPL_VALUE_COST_INIT;

    in.basis = IPL_VALUE_COST_MULTIPLIER;
    in.materials = 15;
    in.overhead = 20;
    in.labour = 30;
    in.beta1 = 1.2;
    in.beta2 = 0.4;
    in.profit_rate = 0.2;
    in.used_years = 3;
    in.remaining_years = 5;
    return in;
}

START_TEST(test_multiplier_patent)
{
    ipl_value_cost in = multiplier_patent();
    ipl_value *v = costed(&in);

    ck_near(figure(v, "replacement_cost"), 142);
    ck_near(figure(v, "newness"), 0.625);
    ck_near(ipl_value_total(v), 88.75);
    ck_assert_int_eq(ipl_value_method_of(v), IPL_VALUE_COST);
    ck_assert_int_eq(ipl_value_row_count(v), 0);
    ck_assert_int_eq(ipl_value_period_reason(v), IPL_VALUE_REASON_NONE);
    ck_assert(isnan(ipl_value_sensitivity(v, IPL_VALUE_RATE_UP)));
    ck_assert_ptr_nonnull(ipl_value_cost_echo(v));
    ck_assert_double_eq(ipl_value_cost_echo(v)->beta1, 1.2);
    ck_assert_ptr_null(ipl_value_income_echo(v));
    ck_assert_ptr_nonnull(strstr(ipl_value_trace(v), "value: 88.7500"));
    ipl_value_free(v);
}
END_TEST

START_TEST(test_components_obsolescence_and_fee)
{
    ipl_value_cost in = IPL_VALUE_COST_INIT;
    ipl_value *v;

    /* Components 40 + 25 + 10 + 5 + 3 + 17 = 100; 成新率 given 0.8 → 80;
     * functional 5 + 2 % × 100 = 7; economic 10 % × 100 = 10: 63.
     * Minimum fee: 80 × 0.3 + 12 = 36. */
    in.labour = 40;
    in.materials = 25;
    in.overhead = 10;
    in.fees = 5;
    in.financing = 3;
    in.profit = 17;
    in.newness = 0.8;
    in.functional_amount = 5;
    in.functional_rate = 0.02;
    in.economic_rate = 0.10;
    in.transfer_share = 0.3;
    in.opportunity_cost = 12;
    v = costed(&in);
    ck_near(figure(v, "replacement_cost"), 100);
    ck_near(figure(v, "net_replacement_cost"), 80);
    ck_near(ipl_value_total(v), 63);
    ck_near(figure(v, "minimum_fee"), 36);
    ipl_value_free(v);
    /* Price index: 250 × 118 ÷ 100 = 295, no life given → 成新率 1. */
    in = (ipl_value_cost)IPL_VALUE_COST_INIT;
    in.basis = IPL_VALUE_COST_INDEXED;
    in.historical_cost = 250;
    in.index_then = 100;
    in.index_now = 118;
    v = costed(&in);
    ck_near(ipl_value_total(v), 295);
    ipl_value_free(v);
}
END_TEST

START_TEST(test_cost_bad_input)
{
    ipl_value_cost ok = multiplier_patent(), in;
    ipl_value *v = NULL;
    ipl_error err = iplt_stale_error();

    in = ok, in.beta2 = 1;
    iplt_assert_error(err, ipl_value_cost_new(&v, &in, &err), IPL_ERANGE, "beta2");
    in = ok, in.labour = NAN;
    iplt_assert_error(err, ipl_value_cost_new(&v, &in, &err), IPL_EINVAL, "labour");
    in = ok, in.used_years = -1;
    iplt_assert_error(err, ipl_value_cost_new(&v, &in, &err), IPL_ERANGE, "used_years");
    in = ok, in.newness = 1.5;
    iplt_assert_error(err, ipl_value_cost_new(&v, &in, &err), IPL_ERANGE, "newness");
    in = ok, in.profit_rate = -1;
    iplt_assert_error(err, ipl_value_cost_new(&v, &in, &err), IPL_ERANGE, "profit_rate");
    in = ok, in.basis = IPL_VALUE_COST_INDEXED;
    iplt_assert_error(err, ipl_value_cost_new(&v, &in, &err), IPL_ERANGE, "index_then");
    in = ok, in.version = 0;
    iplt_assert_error(err, ipl_value_cost_new(&v, &in, &err), IPL_EVERSION, "version");
    iplt_assert_error(err, ipl_value_cost_new(&v, NULL, &err), IPL_EINVAL, "in");
    ck_assert_ptr_null(v);
    ck_assert_int_eq(ipl_value_cost_init(&in, IPL_VALUE_COST_VERSION), IPL_OK);
    ck_assert_int_eq(ipl_value_cost_init(&in, 7), IPL_EVERSION);
}
END_TEST

/* ---- market approach ------------------------------------------------- */

START_TEST(test_market)
{
    ipl_value_comparable c[2];
    ipl_value_market in = IPL_VALUE_MARKET_INIT;
    ipl_value *v = NULL;
    ipl_error err;

    memset(c, 0, sizeof c);
    /* Subject Q = 90. Comparable 1: 100 × 90/80 = 112.5. Comparable 2:
     * 120 × time 1.05 × 90/100 = 113.4. Equal weights: 112.95;
     * weights 1 and 3: (112.5 + 3 × 113.4) / 4 = 113.175. */
    c[0].price = 100, c[0].quality = 80;
    c[1].price = 120, c[1].time = 1.05, c[1].quality = 100;
    in.comparables = c;
    in.count = 2;
    in.quality = 90;
    ck_assert_int_eq(ipl_value_market_new(&v, &in, &err), IPL_OK);
    ck_near(ipl_value_total(v), 112.95);
    ck_near(figure(v, "comparables[1].adjusted"), 113.4);
    ck_assert_ptr_ne(ipl_value_market_echo(v)->comparables, c);
    ipl_value_free(v);
    c[1].weight = 3;
    ck_assert_int_eq(ipl_value_market_new(&v, &in, &err), IPL_OK);
    ck_near(ipl_value_total(v), 113.175);
    ipl_value_free(v);
    v = NULL;
    c[1].price = -5;
    iplt_assert_error(err, ipl_value_market_new(&v, &in, &err), IPL_ERANGE,
                      "comparables[1].price");
    c[1].price = 120, c[0].quality = 0;
    iplt_assert_error(err, ipl_value_market_new(&v, &in, &err), IPL_ERANGE,
                      "comparables[0].quality");
    in.count = 0;
    iplt_assert_error(err, ipl_value_market_new(&v, &in, &err), IPL_EINVAL, "comparables");
    ck_assert_ptr_null(v);
}
END_TEST

/* ---- share helpers --------------------------------------------------- */

START_TEST(test_shares)
{
    ipl_value_share s;
    ipl_error err = iplt_stale_error();

    /* The split: IP 80 × 1.05 = 84 at 400 % cost-profit rate,
     * buyer's assets 4,000 at 12.5 %: 420 / (420 + 4,500) = 8.5366 %,
     * published as 8.54 %. */
    ck_assert_int_eq(ipl_value_share_equivalent(&s, 80 * 1.05, 4.0, 4000, 0.125, &err),
                     IPL_OK);
    ck_near(s.rate, 420.0 / 4920.0);
    ck_assert_double_eq_tol(round(s.rate * 1e4) / 1e4, 0.0854, 1e-15);
    ck_assert_int_eq(s.method, IPL_VALUE_SHARE_EQUIVALENT);
    ck_assert_int_eq(s.heuristic, 0);
    ck_assert_ptr_nonnull(strstr(s.how, "equivalent investment"));
    /* Revenue share = profit share × margin: 25 % × 15 % = 3.75 %. */
    ck_assert_int_eq(ipl_value_share_revenue(&s, 0.25, 0.15, &err), IPL_OK);
    ck_near(s.rate, 0.0375);
    /* The 25 % rule on a 20 % margin: 5 %, flagged heuristic. */
    ck_assert_int_eq(ipl_value_share_rule25(&s, 0.20, &err), IPL_OK);
    ck_near(s.rate, 0.05);
    ck_assert_int_eq(s.heuristic, 1);
    ck_assert_ptr_nonnull(strstr(s.how, "heuristic"));
    /* Score interpolation: 15 % + (30 % − 15 %) × 0.6 = 24 %. */
    ck_assert_int_eq(ipl_value_share_score(&s, 0.15, 0.30, 0.6, &err), IPL_OK);
    ck_near(s.rate, 0.24);
    /* High-tech band 5–6 %: middle 5.5 %, top 6 %. */
    ck_assert_int_eq(ipl_value_share_band(&s, "high-tech", 0.5, &err), IPL_OK);
    ck_near(s.rate, 0.055);
    ck_assert_int_eq(ipl_value_share_band(&s, "basic", 1, &err), IPL_OK);
    ck_near(s.rate, 0.03);
    iplt_assert_error(err, ipl_value_share_band(&s, "shipbuilding", 0.5, &err),
                      IPL_EINVAL, "industry");
    iplt_assert_error(err, ipl_value_share_score(&s, 0.3, 0.2, 0.5, &err), IPL_ERANGE,
                      "upper");
    iplt_assert_error(err, ipl_value_share_equivalent(&s, 0, 1, 1, 1, &err), IPL_ERANGE,
                      "ip_cost");
    iplt_assert_error(err, ipl_value_share_revenue(&s, NAN, 0.1, &err), IPL_EINVAL,
                      "profit_share");
    iplt_assert_error(err, ipl_value_share_rule25(NULL, 0.1, &err), IPL_EINVAL, "out");
}
END_TEST

START_TEST(test_tab_factor_domain)
{
    double f = -1;
    ipl_error err = iplt_stale_error();

    /* No tax, no benefit: factor 1. At k = 0 PA is n: 1/(1 − 0.25) for
     * any n. */
    ck_assert_int_eq(ipl_value_tab_factor(&f, 0, 15, 0.1, IPL_VALUE_TIMING_END, &err),
                     IPL_OK);
    ck_assert_double_eq(f, 1);
    ck_assert_int_eq(ipl_value_tab_factor(&f, 0.25, 10, 0, IPL_VALUE_TIMING_END, &err),
                     IPL_OK);
    ck_near(f, 1 / 0.75);
    iplt_assert_error(err, ipl_value_tab_factor(&f, 0.25, 0, 0.1, 0, &err), IPL_ERANGE,
                      "years");
    iplt_assert_error(err, ipl_value_tab_factor(&f, 1.5, 10, 0.1, 0, &err), IPL_ERANGE,
                      "tax_rate");
    iplt_assert_error(err, ipl_value_tab_factor(&f, 0.25, 10, -1, 0, &err), IPL_ERANGE,
                      "rate");
    iplt_assert_error(err, ipl_value_tab_factor(&f, 0.25, 10, NAN, 0, &err), IPL_EINVAL,
                      "rate");
}
END_TEST

/* ---- allocation failure ---------------------------------------------- */

static int
cost_new_call(void *ctx)
{
    ipl_value_cost in = multiplier_patent();
    ipl_value *v = NULL;
    int rc;

    (void)ctx;
    in.transfer_share = 0.5;
    rc = ipl_value_cost_new(&v, &in, NULL);
    ipl_value_free(v);
    return rc;
}

static int
market_new_call(void *ctx)
{
    ipl_value_comparable c[3] = { { 100, 0, 0, 0, 0, 0, 0 }, { 110, 1.1, 0, 0, 0, 0, 0 },
                                  { 90, 0, 1.2, 0.9, 0, 0, 2 } };
    ipl_value_market in = IPL_VALUE_MARKET_INIT;
    ipl_value *v = NULL;
    int rc;

    (void)ctx;
    in.comparables = c;
    in.count = 3;
    rc = ipl_value_market_new(&v, &in, NULL);
    ipl_value_free(v);
    return rc;
}

START_TEST(test_allocation_failure)
{
    ck_assert_uint_gt(iplt_oom_check(cost_new_call, NULL), 2);
    ck_assert_uint_gt(iplt_oom_check(market_new_call, NULL), 2);
}
END_TEST

static Suite *
cost_suite(void)
{
    Suite *s = suite_create("value_cost");
    TCase *tc = tcase_create("cost");

    tcase_add_test(tc, test_multiplier_patent);
    tcase_add_test(tc, test_components_obsolescence_and_fee);
    tcase_add_test(tc, test_cost_bad_input);
    suite_add_tcase(s, tc);
    tc = tcase_create("market");
    tcase_add_test(tc, test_market);
    suite_add_tcase(s, tc);
    tc = tcase_create("helpers");
    tcase_add_test(tc, test_shares);
    tcase_add_test(tc, test_tab_factor_domain);
    tcase_add_test(tc, test_allocation_failure);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    iplt_oom_install();
    return iplt_run(cost_suite());
}
