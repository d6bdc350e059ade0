/* Distributions of uncertain inputs. Every draw is the inverse CDF of
 * u = Φ(z) for a standard normal z, so correlating the z's (through a
 * Cholesky factor) correlates any mix of families: a Gaussian copula.
 * Normal and lognormal draws use z directly, which is the same map
 * without the round trip through Φ. */
#include <float.h>
#include <math.h>
#include <stdio.h>

#include <gsl/gsl_cdf.h>

#include "montecarlo_internal.h"
#include "value_internal.h"

static int
is_finite(double x)
{
    return !isnan(x) && !isinf(x);
}

static double
cdf(const ipl__dist *p, double x)
{
    const ipl_montecarlo_dist *d = &p->d;

    switch (d->kind) {
    case IPL_MONTECARLO_UNIFORM:
        return x <= d->a ? 0 : x >= d->b ? 1 : (x - d->a) / (d->b - d->a);
    case IPL_MONTECARLO_TRIANGULAR:
        if (x <= d->a)
            return 0;
        if (x >= d->b)
            return 1;
        if (x <= d->mode)
            return (x - d->a) * (x - d->a) / ((d->b - d->a) * (d->mode - d->a));
        return 1 - (d->b - x) * (d->b - x) / ((d->b - d->a) * (d->b - d->mode));
    case IPL_MONTECARLO_PERT:
        return gsl_cdf_beta_P((x - d->a) / (d->b - d->a), p->alpha, p->beta);
    case IPL_MONTECARLO_NORMAL:
        return gsl_cdf_gaussian_P(x - d->a, d->b);
    case IPL_MONTECARLO_LOGNORMAL:
        return x <= 0 ? 0 : gsl_cdf_lognormal_P(x, p->mu, p->sigma);
    default:
        return 0;
    }
}

static double
inverse(const ipl__dist *p, double u)
{
    const ipl_montecarlo_dist *d = &p->d;
    double w = d->b - d->a;

    switch (d->kind) {
    case IPL_MONTECARLO_UNIFORM:
        return d->a + w * u;
    case IPL_MONTECARLO_TRIANGULAR:
        if (u * w <= d->mode - d->a)
            return d->a + sqrt(u * w * (d->mode - d->a));
        return d->b - sqrt((1 - u) * w * (d->b - d->mode));
    case IPL_MONTECARLO_PERT:
        return d->a + w * gsl_cdf_beta_Pinv(u, p->alpha, p->beta);
    case IPL_MONTECARLO_NORMAL:
        return d->a + d->b * gsl_cdf_ugaussian_Pinv(u);
    case IPL_MONTECARLO_LOGNORMAL:
        return exp(p->mu + p->sigma * gsl_cdf_ugaussian_Pinv(u));
    default:
        return d->a;
    }
}

static int
check_shape(const ipl_montecarlo_dist *d, const char *where, ipl_error *err)
{
    char w[IPL_ERROR_WHERE_MAX];
    int ranged = d->kind == IPL_MONTECARLO_UNIFORM || d->kind == IPL_MONTECARLO_TRIANGULAR
                 || d->kind == IPL_MONTECARLO_PERT;

    if ((unsigned)d->kind > IPL_MONTECARLO_LOGNORMAL) {
        snprintf(w, sizeof w, "%s.kind", where);
        return ipl__fail(err, IPL_EINVAL, w, "unknown distribution %d", (int)d->kind);
    }
    if (!is_finite(d->a) || !is_finite(d->b) || !is_finite(d->mode)) {
        snprintf(w, sizeof w, "%s.%s", where, !is_finite(d->a) ? "a" : !is_finite(d->b) ? "b"
                 : "mode");
        return ipl__fail(err, IPL_EINVAL, w, "must be a finite number");
    }
    snprintf(w, sizeof w, "%s.b", where);
    if (ranged && !(d->b > d->a))
        return ipl__fail(err, IPL_ERANGE, w, "the maximum %g must exceed the minimum %g",
                         d->b, d->a);
    if ((d->kind == IPL_MONTECARLO_NORMAL || d->kind == IPL_MONTECARLO_LOGNORMAL) &&
        d->b < 0)
        return ipl__fail(err, IPL_ERANGE, w, "a standard deviation must not be negative");
    snprintf(w, sizeof w, "%s.mode", where);
    if ((d->kind == IPL_MONTECARLO_TRIANGULAR || d->kind == IPL_MONTECARLO_PERT) &&
        (d->mode < d->a || d->mode > d->b))
        return ipl__fail(err, IPL_ERANGE, w, "the mode %g must lie in [%g, %g]", d->mode,
                         d->a, d->b);
    snprintf(w, sizeof w, "%s.a", where);
    if (d->kind == IPL_MONTECARLO_LOGNORMAL && !(d->a > 0))
        return ipl__fail(err, IPL_ERANGE, w, "a lognormal mean must be positive");
    return IPL_OK;
}

int
ipl__dist_prepare(ipl__dist *out, const ipl_montecarlo_dist *d, const char *where,
                  ipl_error *err)
{
    char w[IPL_ERROR_WHERE_MAX];
    ipl__dist p;
    int rc;

    if ((rc = check_shape(d, where, err)) < 0)
        return rc;
    p.d = *d;
    p.mu = p.sigma = p.alpha = p.beta = 0;
    if (d->kind == IPL_MONTECARLO_LOGNORMAL) {
        /* From the value's mean m and sd s: σ² = ln(1 + s²/m²),
         * μ = ln m − σ²/2. */
        p.sigma = sqrt(log1p(d->b * d->b / (d->a * d->a)));
        p.mu = log(d->a) - p.sigma * p.sigma / 2;
    }
    if (d->kind == IPL_MONTECARLO_PERT) {
        p.alpha = 1 + 4 * (d->mode - d->a) / (d->b - d->a);
        p.beta = 1 + 4 * (d->b - d->mode) / (d->b - d->a);
    }
    p.flo = 0;
    p.fhi = 1;
    if (d->truncated && d->kind != IPL_MONTECARLO_FIXED) {
        snprintf(w, sizeof w, "%s.upper", where);
        if (!is_finite(d->lower) || !is_finite(d->upper) || !(d->upper > d->lower))
            return ipl__fail(err, IPL_EINVAL, w, "truncation needs finite bounds, "
                             "lower < upper");
        p.flo = cdf(&p, d->lower);
        p.fhi = cdf(&p, d->upper);
        if (!(p.fhi > p.flo))
            return ipl__fail(err, IPL_ERANGE, w, "no probability between %g and %g",
                             d->lower, d->upper);
    }
    *out = p;
    return IPL_OK;
}


double
ipl__dist_draw_uniform(const ipl__dist *p, double u)
{
    double x;

    if (p->d.kind == IPL_MONTECARLO_FIXED)
        return p->d.a;
    u = p->flo + (p->fhi - p->flo) * u;
    /* Keep u inside (0, 1): the inverse CDFs of unbounded families are
     * infinite at the ends. */
    if (u <= 0)
        u = DBL_MIN;
    if (u >= 1)
        u = 1 - DBL_EPSILON / 2;
    x = inverse(p, u);
    /* Guard the bounds against the rounding of CDF and inverse. */
    if (p->d.truncated)
        x = x < p->d.lower ? p->d.lower : x > p->d.upper ? p->d.upper : x;
    return x;
}

double
ipl__dist_draw(const ipl__dist *p, double z)
{
    if (p->d.kind == IPL_MONTECARLO_NORMAL && !p->d.truncated)
        return p->d.a + p->d.b * z;
    if (p->d.kind == IPL_MONTECARLO_LOGNORMAL && !p->d.truncated)
        return exp(p->mu + p->sigma * z);
    return ipl__dist_draw_uniform(p, gsl_cdf_ugaussian_P(z));
}

/* inverse() of a triangular distribution on m uniforms in (0, 1) (no
 * truncation: ipl__dist_draw_uniform() leaves them as they are), the
 * same bits, with the side chosen without a branch, which the uniforms
 * would make unpredictable: both sides are finite, and x × 1 + y × 0 is
 * exactly x. */
static void
triangular(const ipl_montecarlo_dist *d, double *x, size_t m)
{
    double w = d->b - d->a, left = d->mode - d->a, right = d->b - d->mode;
    size_t j;

    for (j = 0; j < m; j++) {
        double u = x[j], low = (double)(u * w <= left), high = 1 - low;
        double s = sqrt(low * (u * w * left) + high * ((1 - u) * w * right));

        x[j] = low * (d->a + s) + high * (d->b - s);
    }
}

/* m draws by a transform no loop iteration depends on: the compiler
 * can vectorise it. */
static void
transform(const ipl__dist *p, double *x, size_t m)
{
    const ipl_montecarlo_dist *d = &p->d;
    size_t j;

    if (d->kind == IPL_MONTECARLO_NORMAL && !d->truncated)
        for (j = 0; j < m; j++)
            x[j] = d->a + d->b * x[j];
    else if (d->kind == IPL_MONTECARLO_LOGNORMAL && !d->truncated) {
        for (j = 0; j < m; j++)
            x[j] = p->mu + p->sigma * x[j];
        ipl__exp_block(x, m);
    }
    else if (d->kind == IPL_MONTECARLO_TRIANGULAR && !d->truncated)
        triangular(d, x, m);
    else
        for (j = 0; j < m; j++)
            x[j] = ipl__dist_draw_uniform(p, x[j]);
}

/* The generator's numbers for m draws into x: standard normals,
 * truncated normals by rejection, or uniforms for transform(). */
static void
raw(double *x, size_t m, const ipl__dist *p, ipl__rng *r)
{
    const ipl_montecarlo_dist *d = &p->d;
    double a = d->a, b = d->b, lower = d->lower, upper = d->upper;
    size_t j;

    if ((d->kind == IPL_MONTECARLO_NORMAL || d->kind == IPL_MONTECARLO_LOGNORMAL) &&
        !d->truncated)
        for (j = 0; j < m; j++)
            x[j] = ipl__rng_normal(r);
    /* A truncated normal keeping at least half its mass: draw and reject,
     * on average fewer than two normals, cheaper than Φ⁻¹. */
    else if (d->kind == IPL_MONTECARLO_NORMAL && p->fhi - p->flo >= 0.5)
        for (j = 0; j < m; j++) {
            double y;

            do
                y = a + b * ipl__rng_normal(r);
            while (y < lower || y > upper);
            x[j] = y;
        }
    else
        for (j = 0; j < m; j++)
            x[j] = ipl__rng_uniform_pos(r);
}

void
ipl__dist_fill(double *x, size_t m, const ipl__dist *p, ipl__rng *rng)
{
    const ipl_montecarlo_dist *d = &p->d;
    /* A copy the compiler can keep in registers: x cannot alias it. */
    ipl__rng r = *rng;
    size_t j;

    if (d->kind == IPL_MONTECARLO_FIXED) {
        for (j = 0; j < m; j++)
            x[j] = d->a;
        return;
    }
    raw(x, m, p, &r);
    *rng = r;
    if (!(d->kind == IPL_MONTECARLO_NORMAL && d->truncated && p->fhi - p->flo >= 0.5))
        transform(p, x, m);
}
