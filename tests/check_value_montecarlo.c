/* Check suite for include/ipledge/montecarlo.h.
 *
 * The references are the distributions' own moments and quantiles
 * (closed forms shown beside each case), the deterministic value the
 * simulation tends to as spreads shrink, and bit-for-bit agreement
 * between thread counts. A valuation that is linear in the simulated
 * input (a split value in its base scale) turns the value's quantiles
 * into the distribution's, scaled. Sampling tolerances are five
 * standard errors, so a correct implementation fails about once in
 * 3.5 million runs; the seeds are fixed, so it never flakes. */
#include <check.h>
#include <math.h>
#include <string.h>

#include "ipledge/init.h"
#include "ipledge/montecarlo.h"
#include "harness.h"

/* 100 a year × 20 % for 10 years at 10 %: 20 × PA(10 %, 10)
 * = 122.891342… */
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

static const double LICENCE = 20 * 6.144567105704685;

static ipl_montecarlo_dist
dist(ipl_montecarlo_kind kind, double a, double b, double mode)
{
    ipl_montecarlo_dist d;

    memset(&d, 0, sizeof d);
    d.kind = kind;
    d.a = a;
    d.b = b;
    d.mode = mode;
    return d;
}

static ipl_montecarlo *
simulate(const ipl_montecarlo_right *rights, size_t nrights,
         const ipl_montecarlo_input *inputs, size_t ninputs,
         const ipl_montecarlo_options *opts)
{
    ipl_montecarlo *mc = NULL;
    ipl_error err;
    int rc = ipl_montecarlo_new(&mc, rights, nrights, inputs, ninputs, opts, &err);

    ck_assert_msg(rc == IPL_OK, "%s: %s", err.where, err.message);
    return mc;
}

/* One licence with its base scaled by d, over n paths. */
static ipl_montecarlo *
scaled(ipl_montecarlo_dist d, size_t paths, uint64_t seed)
{
    static ipl_value_income in;
    ipl_montecarlo_right right = { NULL, NULL };
    ipl_montecarlo_input input;
    ipl_montecarlo_options o = IPL_MONTECARLO_OPTIONS_INIT;

    in = licence();
    right.income = &in;
    input.right = 0;
    input.field = IPL_MONTECARLO_BASE_SCALE;
    input.dist = d;
    o.paths = paths;
    o.seed = seed;
    return simulate(&right, 1, &input, 1, &o);
}

static void
assert_moments(ipl_montecarlo_dist d, double mean, double sd)
{
    ipl_montecarlo *mc = scaled(d, 40000, 7);
    double se = sd / sqrt(40000.0);

    ck_assert_double_eq_tol(ipl_montecarlo_mean(mc) / LICENCE, mean, 5 * se);
    ck_assert_double_eq_tol(ipl_montecarlo_sd(mc) / LICENCE, sd, 0.03 * sd);
    ck_assert_double_eq_tol(ipl_montecarlo_deterministic(mc), LICENCE, 1e-9);
    ipl_montecarlo_free(mc);
}

START_TEST(test_distribution_moments)
{
    ipl_montecarlo_dist d;

    /* Uniform [0.5, 1.5]: mean 1, sd 1/√12. */
    assert_moments(dist(IPL_MONTECARLO_UNIFORM, 0.5, 1.5, 0), 1, 1 / sqrt(12.0));
    /* Triangular (0.6, 0.9, 1.8): mean (a + b + c)/3 = 1.1, variance
     * (a² + b² + c² − ab − ac − bc)/18 = 1.17/18 = 0.065. */
    assert_moments(dist(IPL_MONTECARLO_TRIANGULAR, 0.6, 1.8, 0.9), 1.1,
                   sqrt((0.36 + 3.24 + 0.81 - 1.08 - 0.54 - 1.62) / 18));
    /* PERT (0.6, 0.9, 1.8): mean (a + 4c + b)/6 = 1.0; α = 2, β = 4, so
     * sd = (b − a)·√(αβ/((α+β)²(α+β+1))) = 1.2·√(8/252). */
    assert_moments(dist(IPL_MONTECARLO_PERT, 0.6, 1.8, 0.9), 1.0, 1.2 * sqrt(8.0 / 252));
    /* Normal (1, 0.1) and lognormal with mean 1, sd 0.3 of the value. */
    assert_moments(dist(IPL_MONTECARLO_NORMAL, 1, 0.1, 0), 1, 0.1);
    assert_moments(dist(IPL_MONTECARLO_LOGNORMAL, 1, 0.3, 0), 1, 0.3);
    /* Normal (1, 0.1) truncated to [0.9, 1.15] (drawn by rejection: it
     * keeps 77 % of the mass) and to [1.2, 1.5] (2 %: by the inverse
     * CDF). With α, β the standardised bounds and Z = Φ(β) − Φ(α):
     * mean μ + σ(φ(α) − φ(β))/Z, variance σ²[1 + (αφ(α) − βφ(β))/Z
     * − ((φ(α) − φ(β))/Z)²]: 1.0145187, sd 0.0644736; 1.2373180, sd
     * 0.0337906. */
    d = dist(IPL_MONTECARLO_NORMAL, 1, 0.1, 0);
    d.truncated = 1, d.lower = 0.9, d.upper = 1.15;
    assert_moments(d, 1.0145187447152526, 0.06447363850112611);
    d.lower = 1.2, d.upper = 1.5;
    assert_moments(d, 1.2373180084953133, 0.033790590706571);
    /* Fixed at 1.25: every path the same. */
    d = dist(IPL_MONTECARLO_FIXED, 1.25, 0, 0);
    {
        ipl_montecarlo *mc = scaled(d, 1000, 1);

        ck_assert_double_eq_tol(ipl_montecarlo_quantile(mc, 0), 1.25 * LICENCE, 1e-9);
        ck_assert_double_eq_tol(ipl_montecarlo_quantile(mc, 1), 1.25 * LICENCE, 1e-9);
        ck_assert_double_eq_tol(ipl_montecarlo_sd(mc), 0, 1e-9);
        ipl_montecarlo_free(mc);
    }
}
END_TEST

START_TEST(test_quantiles_and_histogram)
{
    ipl_montecarlo *mc = scaled(dist(IPL_MONTECARLO_UNIFORM, 0, 1, 0), 20000, 3);
    static const double ps[] = { 0.05, 0.10, 0.50, 0.90, 0.95 };
    double lo = 0, hi = 0, prev = -1;
    size_t i, count = 0, total = 0;
    ipl_error err;

    /* Uniform [0, 1]: the p-quantile is p; its standard error is
     * √(p(1 − p)/n) ≤ 0.0036, so 0.02 is over five. */
    for (i = 0; i < 5; i++)
        ck_assert_double_eq_tol(ipl_montecarlo_quantile(mc, ps[i]) / LICENCE, ps[i], 0.02);
    ck_assert(isnan(ipl_montecarlo_quantile(mc, 1.5)));
    ck_assert_double_eq(ipl_montecarlo_quantile(mc, 0), ipl_montecarlo_values(mc)[0]);
    ck_assert_uint_eq(ipl_montecarlo_bin_count(mc), 20);
    for (i = 0; i < 20; i++) {
        ck_assert_int_eq(ipl_montecarlo_bin(&lo, &hi, &count, mc, i, &err), IPL_OK);
        ck_assert(lo > prev && hi > lo);
        /* 1,000 expected per bin, sd about 31. */
        ck_assert_uint_lt(count > 1000 ? count - 1000 : 1000 - count, 160);
        prev = lo;
        total += count;
    }
    ck_assert_uint_eq(total, 20000);
    ck_assert_double_eq(hi, ipl_montecarlo_values(mc)[19999]);
    err = iplt_stale_error();
    iplt_assert_error(err, ipl_montecarlo_bin(&lo, &hi, &count, mc, 20, &err), IPL_EINVAL,
                      "i");
    for (i = 1; i < 20000; i++)
        ck_assert(ipl_montecarlo_values(mc)[i - 1] <= ipl_montecarlo_values(mc)[i]);
    ipl_montecarlo_free(mc);
}
END_TEST

/* Values of both signs (a normal base scale around 0) and values lumped
 * near 0 with a long tail (a lognormal with sd 50 × its mean, which
 * defeats sorting by value buckets): the values come out sorted, and
 * they are still the simulated ones (their sum is the mean × n). */
START_TEST(test_values_sorted_whatever_the_shape)
{
    ipl_montecarlo_dist shapes[2];
    size_t k, i, n = 20000;

    shapes[0] = dist(IPL_MONTECARLO_NORMAL, 0, 1, 0);
    shapes[1] = dist(IPL_MONTECARLO_LOGNORMAL, 1, 50, 0);
    for (k = 0; k < 2; k++) {
        ipl_montecarlo *mc = scaled(shapes[k], n, 5);
        const double *v = ipl_montecarlo_values(mc);
        double sum = v[0];

        for (i = 1; i < n; i++) {
            ck_assert_msg(v[i - 1] <= v[i], "shape %zu: values[%zu] > values[%zu]", k,
                          i - 1, i);
            sum += v[i];
        }
        ck_assert(v[0] < 0 || k == 1);
        ck_assert_double_eq_tol(sum / (double)n, ipl_montecarlo_mean(mc),
                                1e-9 * fabs(v[n - 1]));
        ipl_montecarlo_free(mc);
    }
}
END_TEST

/* A bundle of two rights with three uncertain inputs, correlated. */
static ipl_montecarlo *
bundle(unsigned threads, size_t paths, uint64_t seed, const double *rho)
{
    static ipl_value_income a, b;
    ipl_montecarlo_right rights[2];
    ipl_montecarlo_input inputs[3];
    ipl_montecarlo_options o = IPL_MONTECARLO_OPTIONS_INIT;

    a = licence();
    b = licence();
    b.tax_rate = 0.25;
    b.renewable = 1;
    b.terminal = 1;
    b.terminal_growth = 0.02;
    rights[0].income = &a, rights[0].cost = NULL;
    rights[1].income = &b, rights[1].cost = NULL;
    inputs[0].right = 0, inputs[0].field = IPL_MONTECARLO_DISCOUNT_RATE;
    inputs[0].dist = dist(IPL_MONTECARLO_TRIANGULAR, 0.08, 0.14, 0.10);
    inputs[1].right = 1, inputs[1].field = IPL_MONTECARLO_SHARE_SCALE;
    inputs[1].dist = dist(IPL_MONTECARLO_PERT, 0.7, 1.2, 1.0);
    inputs[2].right = 1, inputs[2].field = IPL_MONTECARLO_TAX_RATE;
    inputs[2].dist = dist(IPL_MONTECARLO_NORMAL, 0.25, 0.05, 0);
    inputs[2].dist.truncated = 1;
    inputs[2].dist.lower = 0.15;
    inputs[2].dist.upper = 0.35;
    o.paths = paths;
    o.seed = seed;
    o.threads = threads;
    o.correlation = rho;
    return simulate(rights, 2, inputs, 3, &o);
}

static const double RHO[9] = { 1, 0.5, -0.3, 0.5, 1, 0.2, -0.3, 0.2, 1 };

START_TEST(test_same_seed_any_thread_count)
{
    /* 2,600 paths: five full blocks and a partial one. */
    ipl_montecarlo *one = bundle(1, 2600, 42, RHO), *two = bundle(2, 2600, 42, RHO);
    ipl_montecarlo *three = bundle(3, 2600, 42, RHO), *other = bundle(2, 2600, 43, RHO);
    size_t i;

    ck_assert(iplt_same_double(ipl_montecarlo_mean(one), ipl_montecarlo_mean(two)));
    ck_assert(iplt_same_double(ipl_montecarlo_sd(one), ipl_montecarlo_sd(three)));
    for (i = 0; i < 2600; i++) {
        ck_assert(iplt_same_double(ipl_montecarlo_values(one)[i],
                                   ipl_montecarlo_values(two)[i]));
        ck_assert(iplt_same_double(ipl_montecarlo_values(one)[i],
                                   ipl_montecarlo_values(three)[i]));
    }
    ck_assert(!iplt_same_double(ipl_montecarlo_mean(one), ipl_montecarlo_mean(other)));
    ipl_montecarlo_free(one);
    ipl_montecarlo_free(two);
    ipl_montecarlo_free(three);
    ipl_montecarlo_free(other);
}
END_TEST

START_TEST(test_mean_tends_to_deterministic)
{
    double prev = HUGE_VAL, spread;

    /* Normal base scale and discount rate around their given values:
     * as the spread shrinks, the mean closes on the deterministic value
     * (the error falls with the spread: sampling error ∝ σ, convexity
     * bias ∝ σ²). */
    for (spread = 0.1; spread > 1e-5; spread /= 10) {
        static ipl_value_income in;
        ipl_montecarlo_right right = { NULL, NULL };
        ipl_montecarlo_input inputs[2];
        ipl_montecarlo_options o = IPL_MONTECARLO_OPTIONS_INIT;
        ipl_montecarlo *mc;
        double gap;

        in = licence();
        right.income = &in;
        inputs[0].right = 0, inputs[0].field = IPL_MONTECARLO_BASE_SCALE;
        inputs[0].dist = dist(IPL_MONTECARLO_NORMAL, 1, spread, 0);
        inputs[1].right = 0, inputs[1].field = IPL_MONTECARLO_DISCOUNT_RATE;
        inputs[1].dist = dist(IPL_MONTECARLO_NORMAL, 0.10, spread / 10, 0);
        o.paths = 4000;
        o.seed = 11;
        mc = simulate(&right, 1, inputs, 2, &o);
        gap = fabs(ipl_montecarlo_mean(mc) - LICENCE) / LICENCE;
        ck_assert_msg(gap < 5 * spread / sqrt(4000.0) + spread * spread,
                      "spread %g: mean off by %g", spread, gap);
        ck_assert(gap < prev);
        prev = gap;
        ipl_montecarlo_free(mc);
    }
    /* At the last spread, 1e-4, five standard errors of the mean are
     * 5 × 1e-4 / √4000 ≈ 7.9e-6 (the bias, σ², is negligible). */
    ck_assert(prev < 1e-5);
}
END_TEST

START_TEST(test_correlation_widens_a_bundle)
{
    static ipl_value_income a, b;
    const double rho[4] = { 1, 0.8, 0.8, 1 };
    ipl_montecarlo_right rights[2] = { { &a, NULL }, { &b, NULL } };
    ipl_montecarlo_input inputs[2];
    ipl_montecarlo_options o = IPL_MONTECARLO_OPTIONS_INIT;
    ipl_montecarlo *ind, *cor;
    double ratio;

    a = licence();
    b = licence();
    inputs[0].right = 0, inputs[0].field = IPL_MONTECARLO_BASE_SCALE;
    inputs[0].dist = dist(IPL_MONTECARLO_NORMAL, 1, 0.1, 0);
    inputs[1] = inputs[0];
    inputs[1].right = 1;
    o.paths = 20000;
    ind = simulate(rights, 2, inputs, 2, &o);
    o.correlation = rho;
    cor = simulate(rights, 2, inputs, 2, &o);
    /* Var(X + Y) = σ²(2 + 2ρ): sd ratio √(3.6 / 2) = 1.3416 against
     * independence; each sd is estimated to about 0.5 %. */
    ratio = ipl_montecarlo_sd(cor) / ipl_montecarlo_sd(ind);
    ck_assert_double_eq_tol(ratio, sqrt(1.8), 0.03);
    ck_assert_double_eq_tol(ipl_montecarlo_sd(ind) / LICENCE, 0.1 * sqrt(2.0), 0.005);
    ck_assert_double_eq_tol(ipl_montecarlo_deterministic(cor), 2 * LICENCE, 1e-9);
    ipl_montecarlo_free(ind);
    ipl_montecarlo_free(cor);
}
END_TEST

START_TEST(test_cost_right)
{
    static ipl_value_cost c;
    ipl_montecarlo_right right = { NULL, &c };
    ipl_montecarlo_input input;
    ipl_montecarlo_options o = IPL_MONTECARLO_OPTIONS_INIT;
    ipl_montecarlo *mc;

    /* The multiplier patent, replacement cost 142, with 成新率 uniform on
     * [0.5, 0.75]: mean 142 × 0.625 = 88.75. */
    c = (ipl_value_cost)IPL_VALUE_COST_INIT;
    c.basis = IPL_VALUE_COST_MULTIPLIER;
    c.materials = 15, c.overhead = 20, c.labour = 30;
    c.beta1 = 1.2, c.beta2 = 0.4, c.profit_rate = 0.2;
    c.newness = 0.625;
    input.right = 0;
    input.field = IPL_MONTECARLO_NEWNESS;
    input.dist = dist(IPL_MONTECARLO_UNIFORM, 0.5, 0.75, 0);
    o.paths = 20000;
    mc = simulate(&right, 1, &input, 1, &o);
    /* sd of the mean: 142 × 0.25/√12 / √20000 = 0.072. */
    ck_assert_double_eq_tol(ipl_montecarlo_mean(mc), 88.75, 0.4);
    ck_assert_double_eq_tol(ipl_montecarlo_deterministic(mc), 88.75, 1e-9);
    ck_assert(ipl_montecarlo_values(mc)[0] >= 71 - 1e-9);
    ck_assert(ipl_montecarlo_values(mc)[19999] <= 106.5 + 1e-9);
    ipl_montecarlo_free(mc);
    /* 成新率 from the years when newness is not given: 13 remaining of
     * 16 gives 142 × 13/16 = 115.375; a functional obsolescence rate of
     * 10 % then takes 14.2 off: 101.175. */
    c.newness = 0;
    c.used_years = 3;
    c.remaining_years = 5;
    input.field = IPL_MONTECARLO_REMAINING_YEARS;
    input.dist = dist(IPL_MONTECARLO_FIXED, 13, 0, 0);
    o.paths = 10;
    mc = simulate(&right, 1, &input, 1, &o);
    ck_assert_double_eq_tol(ipl_montecarlo_mean(mc), 115.375, 1e-9);
    ck_assert_double_eq_tol(ipl_montecarlo_deterministic(mc), 88.75, 1e-9);
    ipl_montecarlo_free(mc);
    c.remaining_years = 13;
    input.field = IPL_MONTECARLO_FUNCTIONAL_RATE;
    input.dist = dist(IPL_MONTECARLO_FIXED, 0.1, 0, 0);
    mc = simulate(&right, 1, &input, 1, &o);
    ck_assert_double_eq_tol(ipl_montecarlo_mean(mc), 101.175, 1e-9);
    ipl_montecarlo_free(mc);
}
END_TEST

START_TEST(test_period_fields)
{
    static ipl_value_income in;
    ipl_montecarlo_right right = { NULL, NULL };
    ipl_montecarlo_input input;
    ipl_montecarlo_options o = IPL_MONTECARLO_OPTIONS_INIT;
    ipl_montecarlo *mc;

    /* The licence (10 economic years) under a contract drawn at 3 years:
     * 20 × PA(10 %, 3) = 49.7370398196844; a legal life of 4 years: 20 ×
     * PA(10 %, 4) = 63.3973089269859. */
    in = licence();
    right.income = &in;
    input.right = 0;
    input.field = IPL_MONTECARLO_CONTRACT_YEARS;
    input.dist = dist(IPL_MONTECARLO_FIXED, 3, 0, 0);
    o.paths = 10;
    mc = simulate(&right, 1, &input, 1, &o);
    ck_assert_double_eq_tol(ipl_montecarlo_mean(mc), 49.7370398196844, 1e-9);
    ipl_montecarlo_free(mc);
    input.field = IPL_MONTECARLO_LEGAL_YEARS;
    input.dist = dist(IPL_MONTECARLO_FIXED, 4, 0, 0);
    mc = simulate(&right, 1, &input, 1, &o);
    ck_assert_double_eq_tol(ipl_montecarlo_mean(mc), 63.3973089269859, 1e-9);
    ck_assert_double_eq_tol(ipl_montecarlo_deterministic(mc), LICENCE, 1e-9);
    ipl_montecarlo_free(mc);
}
END_TEST

/* A simulation whose inputs are fixed at a base scale of 1.3 and the
 * given discount rate equals 1.3 × the engine's value, whatever the
 * timing, stub, terminal value, TAB or method: the kernel that paths use
 * agrees with ipl_value_income_new(). Fixing the tax rate instead sends
 * the paths through the engine itself. */
START_TEST(test_paths_agree_with_the_engine)
{
    int k, via_engine;

    for (k = 0; k < 12; k++)
        for (via_engine = 0; via_engine < 2; via_engine++) {
            static ipl_value_income in;
            ipl_montecarlo_right right = { NULL, NULL };
            ipl_montecarlo_input inputs[3];
            ipl_montecarlo_options o = IPL_MONTECARLO_OPTIONS_INIT;
            ipl_montecarlo *mc;
            ipl_value *v = NULL;
            double want;

            in = licence();
            in.tax_rate = 0.25;
            in.base_growth = 0.03;
            in.base_decline = k % 4 == 3 ? 5 : 0;
            in.timing = k % 2 ? IPL_VALUE_TIMING_MID : IPL_VALUE_TIMING_END;
            in.first_period = k % 3 == 1 ? 0.4 : 0;
            in.economic_years = k % 3 == 2 ? 7.5 : 10;
            in.renewable = in.terminal = k >= 6;
            in.terminal_growth = 0.02;
            in.tab_years = k % 4 == 1 ? 15 : 0;
            in.method = k % 5 == 4 ? IPL_VALUE_DIRECT_EXCESS : IPL_VALUE_SPLIT;
            in.premium = 3;
            ck_assert_int_eq(ipl_value_income_new(&v, &in, NULL), IPL_OK);
            want = 1.3 * ipl_value_total(v);
            ipl_value_free(v);
            right.income = &in;
            inputs[0].right = 0, inputs[0].field = IPL_MONTECARLO_BASE_SCALE;
            inputs[0].dist = dist(IPL_MONTECARLO_FIXED, 1.3, 0, 0);
            inputs[1].right = 0, inputs[1].field = IPL_MONTECARLO_DISCOUNT_RATE;
            inputs[1].dist = dist(IPL_MONTECARLO_FIXED, 0.10, 0, 0);
            inputs[2].right = 0, inputs[2].field = IPL_MONTECARLO_TAX_RATE;
            inputs[2].dist = dist(IPL_MONTECARLO_FIXED, 0.25, 0, 0);
            o.paths = 10;
            mc = simulate(&right, 1, inputs, via_engine ? 3 : 2, &o);
            ck_assert_msg(fabs(ipl_montecarlo_quantile(mc, 0.5) - want) < 1e-12 * want,
                          "case %d (%s): %.15g, engine %.15g", k,
                          via_engine ? "engine" : "kernel",
                          ipl_montecarlo_quantile(mc, 0.5), want);
            ck_assert_double_eq_tol(ipl_montecarlo_deterministic(mc), want / 1.3,
                                    1e-12 * want);
            ipl_montecarlo_free(mc);
        }
}
END_TEST

/* ---- bad input ------------------------------------------------------- */

static void
assert_refused(const ipl_montecarlo_input *inputs, size_t n, const double *rho,
               int code, const char *where)
{
    static ipl_value_income a;
    static ipl_value_cost c;
    ipl_montecarlo_right rights[2] = { { &a, NULL }, { NULL, &c } };
    ipl_montecarlo_options o = IPL_MONTECARLO_OPTIONS_INIT;
    ipl_montecarlo *mc = NULL;
    ipl_error err = iplt_stale_error();

    a = licence();
    c = (ipl_value_cost)IPL_VALUE_COST_INIT;
    c.labour = 10;
    o.paths = 3000;
    o.correlation = rho;
    iplt_assert_error(err, ipl_montecarlo_new(&mc, rights, 2, inputs, n, &o, &err),
                      code, where);
    ck_assert_ptr_null(mc);
}

START_TEST(test_bad_input)
{
    const double not_pd[4] = { 1, 1.0, 1.0, 1 }, asym[4] = { 1, 0.2, 0.3, 1 };
    const double bad_pd[9] = { 1, 0.9, -0.9, 0.9, 1, 0.9, -0.9, 0.9, 1 };
    ipl_montecarlo_input in[3];
    ipl_montecarlo_right none = { NULL, NULL };
    ipl_montecarlo *mc = NULL;
    ipl_montecarlo_options o = IPL_MONTECARLO_OPTIONS_INIT;
    ipl_error err = iplt_stale_error();

    in[0].right = 0, in[0].field = IPL_MONTECARLO_BASE_SCALE;
    in[0].dist = dist(IPL_MONTECARLO_NORMAL, 1, 0.1, 0);
    in[1] = in[0];
    in[2] = in[0];
    assert_refused(in, 2, not_pd, IPL_EINVAL, "correlation");
    assert_refused(in, 3, bad_pd, IPL_EINVAL, "correlation");
    assert_refused(in, 2, asym, IPL_EINVAL, "correlation[0][1]");
    in[1].dist = dist(IPL_MONTECARLO_UNIFORM, 2, 1, 0);
    assert_refused(in, 2, NULL, IPL_ERANGE, "inputs[1].dist.b");
    in[1].dist = dist(IPL_MONTECARLO_LOGNORMAL, 0, 1, 0);
    assert_refused(in, 2, NULL, IPL_ERANGE, "inputs[1].dist.a");
    in[1].dist = dist(IPL_MONTECARLO_PERT, 0, 1, 2);
    assert_refused(in, 2, NULL, IPL_ERANGE, "inputs[1].dist.mode");
    in[1].dist = dist(IPL_MONTECARLO_NORMAL, NAN, 1, 0);
    assert_refused(in, 2, NULL, IPL_EINVAL, "inputs[1].dist.a");
    in[1].dist = dist(IPL_MONTECARLO_NORMAL, 1, 0.1, 0);
    in[1].dist.truncated = 1, in[1].dist.lower = 5, in[1].dist.upper = 4;
    assert_refused(in, 2, NULL, IPL_EINVAL, "inputs[1].dist.upper");
    in[1].dist = dist(IPL_MONTECARLO_NORMAL, 1, 0.1, 0);
    in[1].right = 5;
    assert_refused(in, 2, NULL, IPL_EINVAL, "inputs[1].right");
    in[1].right = 1;
    assert_refused(in, 2, NULL, IPL_EINVAL, "inputs[1].field");
    /* An untruncated normal tax rate soon draws outside [0, 0.99]. */
    in[1].right = 0;
    in[1].field = IPL_MONTECARLO_TAX_RATE;
    in[1].dist = dist(IPL_MONTECARLO_NORMAL, 0.25, 0.5, 0);
    assert_refused(in, 2, NULL, IPL_ERANGE, "rights[0].tax_rate");
    ck_assert_int_eq(ipl_montecarlo_new(&mc, &none, 1, NULL, 0, NULL, &err), IPL_EINVAL);
    ck_assert_str_eq(err.where, "rights[0]");
    o.paths = 200000000;
    iplt_assert_error(err, ipl_montecarlo_new(&mc, &none, 1, NULL, 0, &o, &err),
                      IPL_ERANGE, "opts.paths");
    o.version = 3;
    iplt_assert_error(err, ipl_montecarlo_new(&mc, &none, 1, NULL, 0, &o, &err),
                      IPL_EVERSION, "opts.version");
    iplt_assert_error(err, ipl_montecarlo_new(&mc, &none, 0, NULL, 0, NULL, &err),
                      IPL_EINVAL, "nrights");
    ck_assert_int_eq(ipl_montecarlo_options_init(&o, IPL_MONTECARLO_OPTIONS_VERSION),
                     IPL_OK);
    ck_assert_int_eq(ipl_montecarlo_options_init(&o, 0), IPL_EVERSION);
    ipl_montecarlo_free(NULL);
}
END_TEST

static int
montecarlo_raw_call(void *ctx)
{
    static ipl_value_income a;
    ipl_montecarlo_right right = { &a, NULL };
    ipl_montecarlo_input in[2];
    ipl_montecarlo_options o = IPL_MONTECARLO_OPTIONS_INIT;
    ipl_montecarlo *mc = NULL;
    const double rho[4] = { 1, 0.3, 0.3, 1 };
    int rc;

    (void)ctx;
    a = licence();
    in[0].right = 0, in[0].field = IPL_MONTECARLO_BASE_SCALE;
    in[0].dist = dist(IPL_MONTECARLO_NORMAL, 1, 0.1, 0);
    in[1] = in[0];
    in[1].field = IPL_MONTECARLO_SHARE_SCALE;
    o.paths = 1100;
    o.threads = 2;
    o.correlation = rho;
    rc = ipl_montecarlo_new(&mc, &right, 1, in, 2, &o, NULL);
    ipl_montecarlo_free(mc);
    return rc;
}

START_TEST(test_allocation_failure)
{
    ck_assert_uint_gt(iplt_oom_check(montecarlo_raw_call, NULL), 5);
}
END_TEST

static Suite *
montecarlo_suite(void)
{
    Suite *s = suite_create("value_montecarlo");
    TCase *tc = tcase_create("distributions");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_distribution_moments);
    tcase_add_test(tc, test_quantiles_and_histogram);
    tcase_add_test(tc, test_values_sorted_whatever_the_shape);
    tcase_add_test(tc, test_cost_right);
    tcase_add_test(tc, test_period_fields);
    suite_add_tcase(s, tc);
    tc = tcase_create("properties");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_same_seed_any_thread_count);
    tcase_add_test(tc, test_paths_agree_with_the_engine);
    tcase_add_test(tc, test_mean_tends_to_deterministic);
    tcase_add_test(tc, test_correlation_widens_a_bundle);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_bad_input);
    tcase_add_test(tc, test_allocation_failure);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    int status;

    iplt_oom_install();
    if (ipl_init() < 0)
        return 99;
    status = iplt_run(montecarlo_suite());
    ipl_shutdown();
    return status;
}
