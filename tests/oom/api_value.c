/* Allocation behaviour of valuation: income, cost and market approaches,
 * their results, royalty shares, Monte Carlo (oom_api.h). */
#include <string.h>

#include "ipledge/montecarlo.h"
#include "ipledge/value.h"
#include "oom_api.h"

/* An MPEEM valuation with a contributory charge and a premium: every
 * part of a result is there (as in tests/check_value_income.c). */
static ipl_value_income
mpeem(void)
{
    static const ipl_value_charge cacs[] = { { "workforce", 500, 0.1, 0 } };
    static const ipl_value_premium premia[] = { { "technology", 0.03 } };
    static const double shares[] = { 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2 };
    ipl_value_income in = IPL_VALUE_INCOME_INIT;

    in.method = IPL_VALUE_MPEEM;
    in.base_first = 1000;
    in.shares = shares;
    in.share_count = 8;
    in.charges = cacs;
    in.charge_count = 1;
    in.discount_rate = 0.05;
    in.premia = premia;
    in.premium_count = 1;
    in.economic_years = 8;
    in.renewable = 1;
    in.terminal = 1;
    return in;
}

/* A licence: 20 % of 100 a year for 10 years at 10 %. */
static ipl_value_income
licence(void)
{
    ipl_value_income in = IPL_VALUE_INCOME_INIT;

    in.base_first = 100;
    in.share = 0.2;
    in.discount_rate = 0.10;
    in.economic_years = 10;
    return in;
}

/* A patent at replacement cost by multipliers (tests/check_value_cost.c). */
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

static ipl_value_market
three_comparables(void)
{
    static const ipl_value_comparable c[3] = {
        { 100, 0, 0, 0, 0, 0, 0 }, { 110, 1.1, 0, 0, 0, 0, 0 }, { 90, 0, 1.2, 0.9, 0, 0, 2 } };
    ipl_value_market in = IPL_VALUE_MARKET_INIT;

    in.comparables = c;
    in.count = 3;
    return in;
}

/* ---- fixtures ---- */

static int
income_setup(void **state)
{
    ipl_value_income in = mpeem();

    return ipl_value_income_new((ipl_value **)state, &in, IPLT_ERR);
}

static int
cost_setup(void **state)
{
    ipl_value_cost in = multiplier_patent();

    return ipl_value_cost_new((ipl_value **)state, &in, IPLT_ERR);
}

static int
market_setup(void **state)
{
    ipl_value_market in = three_comparables();

    return ipl_value_market_new((ipl_value **)state, &in, IPLT_ERR);
}

static void
value_teardown(void *state)
{
    ipl_value_free(state);
}

static const iplt_fixture income_fixture = { income_setup, value_teardown };
static const iplt_fixture cost_fixture = { cost_setup, value_teardown };
static const iplt_fixture market_fixture = { market_setup, value_teardown };

/* 300 paths of the licence with its base scaled by N(1, 0.1), on two
 * threads. */
static int
montecarlo_run(ipl_montecarlo **out)
{
    static ipl_value_income a;
    ipl_montecarlo_right right = { &a, NULL };
    ipl_montecarlo_input in;
    ipl_montecarlo_options o = IPL_MONTECARLO_OPTIONS_INIT;

    a = licence();
    memset(&in, 0, sizeof in);
    in.right = 0;
    in.field = IPL_MONTECARLO_BASE_SCALE;
    in.dist.kind = IPL_MONTECARLO_NORMAL;
    in.dist.a = 1;
    in.dist.b = 0.1;
    o.paths = 300;
    o.threads = 2;
    return ipl_montecarlo_new(out, &right, 1, &in, 1, &o, IPLT_ERR);
}

static int
montecarlo_setup(void **state)
{
    return montecarlo_run((ipl_montecarlo **)state);
}

static void
montecarlo_teardown(void *state)
{
    ipl_montecarlo_free(state);
}

static const iplt_fixture montecarlo_fixture = { montecarlo_setup, montecarlo_teardown };

/* ---- constructors ---- */

static int
value_income_init(void *ctx)
{
    ipl_value_income in;

    (void)ctx;
    return IPLT_EXPECT(ipl_value_income_init(&in, IPL_VALUE_INCOME_VERSION) == IPL_OK);
}

static int
value_cost_init(void *ctx)
{
    ipl_value_cost in;

    (void)ctx;
    return IPLT_EXPECT(ipl_value_cost_init(&in, IPL_VALUE_COST_VERSION) == IPL_OK);
}

static int
value_market_init(void *ctx)
{
    ipl_value_market in;

    (void)ctx;
    return IPLT_EXPECT(ipl_value_market_init(&in, IPL_VALUE_MARKET_VERSION) == IPL_OK);
}

/* Builds with setup and checks the total against the fixture's. */
static int
same_total(int (*setup)(void **), const ipl_value *want)
{
    ipl_value *v;
    int rc = setup((void **)&v);

    if (rc < 0)
        return rc;
    rc = IPLT_EXPECT(iplt_same_double(ipl_value_total(v), ipl_value_total(want)));
    ipl_value_free(v);
    return rc;
}

static int
value_income_new(void *ctx)
{
    return same_total(income_setup, ctx);
}

static int
value_cost_new(void *ctx)
{
    return same_total(cost_setup, ctx);
}

static int
value_market_new(void *ctx)
{
    return same_total(market_setup, ctx);
}

static int
value_income_batch(void *ctx)
{
    ipl_value_income cases[3];
    double values[3];
    size_t i;
    int rc;

    (void)ctx;
    for (i = 0; i < 3; i++)
        cases[i] = licence();
    cases[1].textbook = 1;
    cases[2].tax_rate = 0.25;
    if ((rc = ipl_value_income_batch(values, cases, 3, IPLT_ERR)) < 0)
        return rc;
    /* 20 × the 10-year annuity factor at 10 %, 6.144567105704685. */
    return IPLT_EXPECT(values[0] > 122.89 && values[0] < 122.90);
}

static int
value_free(void *ctx)
{
    ipl_value_free(ctx);
    return IPL_OK;
}

/* ---- results ---- */

static int
value_total(void *ctx)
{
    return IPLT_EXPECT(ipl_value_total(ctx) > 0);
}

static int
value_to_money(void *ctx)
{
    ipl_money m;

    return IPLT_EXPECT(ipl_value_to_money(&m, ctx, "CNY", IPL_ROUND_HALF_EVEN, IPLT_ERR) ==
                       IPL_OK && m.minor > 0);
}

static int
value_method_of(void *ctx)
{
    return IPLT_EXPECT(ipl_value_method_of(ctx) == IPL_VALUE_MPEEM);
}

static int
value_method_name(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(ipl_value_method_name(IPL_VALUE_MPEEM) != NULL);
}

static int
value_method_from_name(void *ctx)
{
    ipl_value_method m;

    (void)ctx;
    return IPLT_EXPECT(ipl_value_method_from_name(&m, ipl_value_method_name(IPL_VALUE_MPEEM),
                                                  IPLT_ERR) == IPL_OK && m == IPL_VALUE_MPEEM);
}

static int
value_row_count(void *ctx)
{
    return IPLT_EXPECT(ipl_value_row_count(ctx) >= 8);
}

static int
value_row_at(void *ctx)
{
    return IPLT_EXPECT(ipl_value_row_at(ctx, 0) != NULL);
}

static int
value_period(void *ctx)
{
    return IPLT_EXPECT(iplt_same_double(ipl_value_period(ctx), 8));
}

static int
value_period_reason(void *ctx)
{
    return IPLT_EXPECT(ipl_value_period_reason(ctx) != IPL_VALUE_REASON_NONE);
}

static int
value_reason_name(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(strcmp(ipl_value_reason_name(IPL_VALUE_REASON_NONE), "none") == 0);
}

static int
value_discount_rate(void *ctx)
{
    /* 5 % plus the 3 % premium. */
    return IPLT_EXPECT(ipl_value_discount_rate(ctx) > 0.0799 &&
                       ipl_value_discount_rate(ctx) < 0.0801);
}

static int
value_rate_count(void *ctx)
{
    /* The risk-free rate and the premium. */
    return IPLT_EXPECT(ipl_value_rate_count(ctx) == 2);
}

static int
value_rate_at(void *ctx)
{
    return IPLT_EXPECT(strcmp(ipl_value_rate_at(ctx, 1)->name, "technology") == 0);
}

static int
value_sensitivity(void *ctx)
{
    return IPLT_EXPECT(ipl_value_sensitivity(ctx, IPL_VALUE_RATE_UP) < ipl_value_total(ctx));
}

static int
value_figure_count(void *ctx)
{
    return IPLT_EXPECT(ipl_value_figure_count(ctx) > 0);
}

static int
value_figure_at(void *ctx)
{
    return IPLT_EXPECT(ipl_value_figure_at(ctx, 0) != NULL);
}

static int
value_figure_get(void *ctx)
{
    double x;

    return IPLT_EXPECT(ipl_value_figure_get(&x, ctx, "newness", IPLT_ERR) == IPL_OK &&
                       iplt_same_double(x, 0.625));
}

static int
value_trace(void *ctx)
{
    return IPLT_EXPECT(ipl_value_trace(ctx)[0] != '\0');
}

static int
value_income_echo(void *ctx)
{
    return IPLT_EXPECT(ipl_value_income_echo(ctx)->share_count == 8);
}

static int
value_cost_echo(void *ctx)
{
    return IPLT_EXPECT(iplt_same_double(ipl_value_cost_echo(ctx)->labour, 30));
}

static int
value_market_echo(void *ctx)
{
    return IPLT_EXPECT(ipl_value_market_echo(ctx)->count == 3);
}

/* ---- royalty shares and factors ---- */

static int
value_tab_factor(void *ctx)
{
    double f;

    (void)ctx;
    return IPLT_EXPECT(ipl_value_tab_factor(&f, 0.25, 10, 0.1, IPL_VALUE_TIMING_END, IPLT_ERR) ==
                       IPL_OK && f > 1);
}

static int
value_share_equivalent(void *ctx)
{
    ipl_value_share s;

    (void)ctx;
    return IPLT_EXPECT(ipl_value_share_equivalent(&s, 100, 0.2, 1000, 0.1, IPLT_ERR) == IPL_OK);
}

static int
value_share_revenue(void *ctx)
{
    ipl_value_share s;

    (void)ctx;
    return IPLT_EXPECT(ipl_value_share_revenue(&s, 0.25, 0.2, IPLT_ERR) == IPL_OK);
}

static int
value_share_rule25(void *ctx)
{
    ipl_value_share s;

    (void)ctx;
    return IPLT_EXPECT(ipl_value_share_rule25(&s, 0.2, IPLT_ERR) == IPL_OK);
}

static int
value_share_score(void *ctx)
{
    ipl_value_share s;

    (void)ctx;
    return IPLT_EXPECT(ipl_value_share_score(&s, 0.01, 0.05, 0.5, IPLT_ERR) == IPL_OK);
}

static int
value_share_band(void *ctx)
{
    ipl_value_share s;

    (void)ctx;
    return IPLT_EXPECT(ipl_value_share_band(&s, "high-tech", 0.5, IPLT_ERR) == IPL_OK);
}

/* ---- Monte Carlo ---- */

static int
montecarlo_options_init(void *ctx)
{
    ipl_montecarlo_options o;

    (void)ctx;
    return IPLT_EXPECT(ipl_montecarlo_options_init(&o, IPL_MONTECARLO_OPTIONS_VERSION) ==
                       IPL_OK);
}

/* The same seed gives the same paths, whatever failed before. */
static int
montecarlo_new(void *ctx)
{
    ipl_montecarlo *mc;
    int rc = montecarlo_run(&mc);

    if (rc < 0)
        return rc;
    rc = IPLT_EXPECT(memcmp(ipl_montecarlo_values(mc), ipl_montecarlo_values(ctx),
                            300 * sizeof(double)) == 0);
    ipl_montecarlo_free(mc);
    return rc;
}

static int
montecarlo_free(void *ctx)
{
    ipl_montecarlo_free(ctx);
    return IPL_OK;
}

static int
montecarlo_paths(void *ctx)
{
    return IPLT_EXPECT(ipl_montecarlo_paths(ctx) == 300);
}

static int
montecarlo_deterministic(void *ctx)
{
    return IPLT_EXPECT(ipl_montecarlo_deterministic(ctx) > 122.89 &&
                       ipl_montecarlo_deterministic(ctx) < 122.90);
}

static int
montecarlo_mean(void *ctx)
{
    return IPLT_EXPECT(ipl_montecarlo_mean(ctx) > 100 && ipl_montecarlo_mean(ctx) < 150);
}

static int
montecarlo_sd(void *ctx)
{
    return IPLT_EXPECT(ipl_montecarlo_sd(ctx) > 0);
}

static int
montecarlo_quantile(void *ctx)
{
    return IPLT_EXPECT(ipl_montecarlo_quantile(ctx, 0.05) < ipl_montecarlo_quantile(ctx, 0.95));
}

static int
montecarlo_values(void *ctx)
{
    return IPLT_EXPECT(ipl_montecarlo_values(ctx) != NULL);
}

static int
montecarlo_bin_count(void *ctx)
{
    return IPLT_EXPECT(ipl_montecarlo_bin_count(ctx) > 0);
}

static int
montecarlo_bin(void *ctx)
{
    double lo, hi;
    size_t n;

    return IPLT_EXPECT(ipl_montecarlo_bin(&lo, &hi, &n, ctx, 0, IPLT_ERR) == IPL_OK && lo < hi);
}

const iplt_api iplt_api_value[] = {
    IPLT_API(IPLT_NO_ALLOC, ipl_value_income_init, value_income_init, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_cost_init, value_cost_init, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_market_init, value_market_init, NULL),
    IPLT_API(IPLT_OOM, ipl_value_income_new, value_income_new, &income_fixture),
    IPLT_API(IPLT_OOM, ipl_value_cost_new, value_cost_new, &cost_fixture),
    IPLT_API(IPLT_OOM, ipl_value_market_new, value_market_new, &market_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_income_batch, value_income_batch, NULL),
    IPLT_API(IPLT_FREES, ipl_value_free, value_free, &income_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_total, value_total, &income_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_to_money, value_to_money, &income_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_method_of, value_method_of, &income_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_method_name, value_method_name, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_method_from_name, value_method_from_name, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_row_count, value_row_count, &income_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_row_at, value_row_at, &income_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_period, value_period, &income_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_period_reason, value_period_reason, &income_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_reason_name, value_reason_name, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_discount_rate, value_discount_rate, &income_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_rate_count, value_rate_count, &income_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_rate_at, value_rate_at, &income_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_sensitivity, value_sensitivity, &income_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_figure_count, value_figure_count, &cost_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_figure_at, value_figure_at, &cost_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_figure_get, value_figure_get, &cost_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_trace, value_trace, &income_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_income_echo, value_income_echo, &income_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_cost_echo, value_cost_echo, &cost_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_market_echo, value_market_echo, &market_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_tab_factor, value_tab_factor, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_share_equivalent, value_share_equivalent, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_share_revenue, value_share_revenue, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_share_rule25, value_share_rule25, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_share_score, value_share_score, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_value_share_band, value_share_band, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_montecarlo_options_init, montecarlo_options_init, NULL),
    IPLT_API(IPLT_OOM, ipl_montecarlo_new, montecarlo_new, &montecarlo_fixture),
    IPLT_API(IPLT_FREES, ipl_montecarlo_free, montecarlo_free, &montecarlo_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_montecarlo_paths, montecarlo_paths, &montecarlo_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_montecarlo_deterministic, montecarlo_deterministic,
             &montecarlo_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_montecarlo_mean, montecarlo_mean, &montecarlo_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_montecarlo_sd, montecarlo_sd, &montecarlo_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_montecarlo_quantile, montecarlo_quantile,
             &montecarlo_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_montecarlo_values, montecarlo_values, &montecarlo_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_montecarlo_bin_count, montecarlo_bin_count,
             &montecarlo_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_montecarlo_bin, montecarlo_bin, &montecarlo_fixture),
    IPLT_API_END
};
