/* Check suite for the Monte Carlo generator (lib/value/rng_internal.h).
 *
 * The references are independent of the code under test: GSL's own
 * taus2 (gsl_rng_taus2), which the inline generator must match bit for
 * bit, and the standard normal's closed forms (Φ from GSL's
 * gsl_cdf_ugaussian_P and _Q, moments, the tail mass beyond the
 * ziggurat's base strip and its shape there). Sampling
 * tolerances are five standard errors, and the seeds are fixed. */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_rng.h>

#include "montecarlo_internal.h"
#include "harness.h"

#define DRAWS 400000

START_TEST(test_taus2_is_gsl_bit_for_bit)
{
    static const uint32_t seeds[] = { 0, 1, 2, 7, 69069, 0x9e3779b9u, 0xffffffffu };
    gsl_rng *g = gsl_rng_alloc(gsl_rng_taus2);
    size_t s, i;

    ck_assert_ptr_nonnull(g);
    for (s = 0; s < sizeof seeds / sizeof *seeds; s++) {
        ipl__rng r;

        gsl_rng_set(g, seeds[s]);
        ipl__rng_seed(&r, seeds[s]);
        for (i = 0; i < 2000; i++)
            ck_assert_uint_eq(ipl__rng_next(&r), gsl_rng_get(g));
        for (i = 0; i < 2000; i++)
            ck_assert(iplt_same_double(ipl__rng_uniform_pos(&r), gsl_rng_uniform_pos(g)));
    }
    gsl_rng_free(g);
}
END_TEST

static int
by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

/* DRAWS normals from seed 2026, sorted. */
static double *
normals(void)
{
    double *x = malloc(DRAWS * sizeof *x);
    ipl__rng r;
    size_t i;

    ck_assert_ptr_nonnull(x);
    ipl__rng_seed(&r, 2026);
    for (i = 0; i < DRAWS; i++)
        x[i] = ipl__rng_normal(&r);
    qsort(x, DRAWS, sizeof *x, by_value);
    return x;
}

START_TEST(test_normal_moments)
{
    double *x = normals(), m1 = 0, m2 = 0, m4 = 0, n = DRAWS;
    size_t i, negative = 0;

    for (i = 0; i < DRAWS; i++) {
        m1 += x[i];
        m2 += x[i] * x[i];
        m4 += x[i] * x[i] * x[i] * x[i];
        negative += x[i] < 0;
    }
    /* Standard errors: mean 1/√n, variance √(2/n), fourth moment
     * √(96/n) (E x⁸ − (E x⁴)² = 105 − 9), a share of ½ √(1/(4n)). */
    ck_assert_double_eq_tol(m1 / n, 0, 5 / sqrt(n));
    ck_assert_double_eq_tol(m2 / n, 1, 5 * sqrt(2 / n));
    ck_assert_double_eq_tol(m4 / n, 3, 5 * sqrt(96 / n));
    ck_assert_double_eq_tol((double)negative / n, 0.5, 5 * 0.5 / sqrt(n));
    free(x);
}
END_TEST

/* Kolmogorov–Smirnov against Φ: √n D stays below 1.95 with
 * probability 0.999 for a correct sampler. */
START_TEST(test_normal_cdf)
{
    double *x = normals(), d = 0;
    size_t i;

    for (i = 0; i < DRAWS; i++) {
        double f = gsl_cdf_ugaussian_P(x[i]);
        double lo = f - (double)i / DRAWS, hi = (double)(i + 1) / DRAWS - f;

        d = fmax(d, fmax(lo, hi));
    }
    ck_assert_double_lt(sqrt((double)DRAWS) * d, 1.95);
    free(x);
}
END_TEST

/* The tail beyond the base strip, r = 3.442619855899, drawn by its own
 * method: its mass 2(1 − Φ(r)) = 5.76e-4 (230 of 400,000, sd 15), and
 * the shape of |x| within it, P(|x| > t | |x| > r) = Q(t)/Q(r), by
 * Kolmogorov–Smirnov as above. */
START_TEST(test_normal_tail)
{
    const double r = 3.442619855899, q = gsl_cdf_ugaussian_Q(r);
    double *x = normals(), *t = malloc(DRAWS * sizeof *t), expect = 2 * q * DRAWS, d = 0;
    size_t i, k = 0;

    ck_assert_ptr_nonnull(t);
    for (i = 0; i < DRAWS; i++)
        if (fabs(x[i]) > r)
            t[k++] = fabs(x[i]);
    ck_assert_double_eq_tol((double)k, expect, 5 * sqrt(expect));
    qsort(t, k, sizeof *t, by_value);
    for (i = 0; i < k; i++) {
        double f = 1 - gsl_cdf_ugaussian_Q(t[i]) / q;

        d = fmax(d, fmax(f - (double)i / (double)k, (double)(i + 1) / (double)k - f));
    }
    ck_assert_double_lt(sqrt((double)k) * d, 1.95);
    ck_assert_double_lt(x[0], -r);
    free(t);
    free(x);
}
END_TEST

/* ipl__exp_block() against libm's exp(): a relative error below 2.5 ε
 * over the whole range it computes itself (|x| ≤ 708, in steps that
 * meet every reduction interval many times; 1.94 ε against glibc 2.36),
 * exact at 0, and libm's own value beyond, at infinities and NaN, and
 * for the odd last value. */
START_TEST(test_exp_block)
{
    enum { N = 100001 };
    static double x[N];
    double worst = 0;
    size_t i;

    for (i = 0; i < N; i++)
        x[i] = -708 + 1416.0 * (double)i / (N - 1);
    ipl__exp_block(x, N);
    for (i = 0; i < N; i++) {
        double want = exp(-708 + 1416.0 * (double)i / (N - 1));

        worst = fmax(worst, fabs(x[i] - want) / want);
    }
    ck_assert_msg(worst < 2.5 * DBL_EPSILON, "relative error %g", worst);
    {
        double edge[7] = { 0, -0.0, 709.5, -745.0, INFINITY, -INFINITY, 1.25 };

        ipl__exp_block(edge, 6);
        ck_assert(iplt_same_double(edge[0], 1) && iplt_same_double(edge[1], 1));
        ck_assert(iplt_same_double(edge[2], exp(709.5)));
        ck_assert(iplt_same_double(edge[3], exp(-745.0)));
        ck_assert(isinf(edge[4]) && iplt_same_double(edge[5], 0));
        ck_assert(iplt_same_double(edge[6], 1.25));
        edge[0] = NAN;
        edge[1] = 0.5;
        edge[2] = 2.5;
        ipl__exp_block(edge, 3);
        ck_assert(isnan(edge[0]) && iplt_same_double(edge[1], exp(0.5)));
        ck_assert(iplt_same_double(edge[2], exp(2.5)));
    }
}
END_TEST

static Suite *
rng_suite(void)
{
    Suite *s = suite_create("value_rng");
    TCase *tc = tcase_create("generator");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_taus2_is_gsl_bit_for_bit);
    tcase_add_test(tc, test_normal_moments);
    tcase_add_test(tc, test_normal_cdf);
    tcase_add_test(tc, test_normal_tail);
    suite_add_tcase(s, tc);
    tc = tcase_create("transforms");
    tcase_add_test(tc, test_exp_block);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return iplt_run(rng_suite());
}
