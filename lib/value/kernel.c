/* The Monte Carlo kernel of an income right: the engine's rows at scale
 * 1, kept, so that a path which only rescales them and changes the rate
 * costs one short loop. */
#include <math.h>
#include <string.h>

#include "alloc_internal.h"
#include "montecarlo_internal.h"

/* Exactly one year apart (or at t = 1), without == on doubles. */
static int
one_year(double dt)
{
    return !(dt < 1) && !(dt > 1);
}

int
ipl__kernel_build(ipl__kernel *k, const ipl_value_income *in,
                  const ipl__income_plan *plan)
{
    ipl_value_row *rows = ipl__calloc(plan->rows, sizeof *rows);
    double value, end = 0;
    size_t i;

    k->n = plan->rows;
    k->flow = ipl__calloc(k->n, sizeof *k->flow);
    k->time = ipl__calloc(k->n, sizeof *k->time);
    k->step = ipl__calloc(k->n, sizeof *k->step);
    if (rows == NULL || k->flow == NULL || k->time == NULL || k->step == NULL ||
        ipl__income_eval(&value, in, plan, plan->rate, 1, 1, rows, NULL, NULL, NULL) < 0) {
        ipl__free(rows);
        ipl__kernel_free(k);
        return IPL_ENOMEM;
    }
    for (i = 0; i < k->n; i++) {
        k->flow[i] = rows[i].aftertax;
        k->time[i] = rows[i].time;
        k->step[i] = one_year(i == 0 ? rows[i].time : rows[i].time - rows[i - 1].time);
        end += rows[i].years;
    }
    for (k->head = 0; k->head < k->n && !k->step[k->head]; k->head++)
        ;
    for (k->tail = 0; k->tail < k->n - k->head && !k->step[k->n - 1 - k->tail]; k->tail++)
        ;
    k->regular = 1;
    for (i = k->head; i < k->n - k->tail; i++)
        k->regular &= k->step[i];
    k->annual = rows[k->n - 1].aftertax / rows[k->n - 1].years;
    k->tv_time = in->timing == IPL_VALUE_TIMING_MID ? end - 0.5 : end;
    ipl__free(rows);
    return IPL_OK;
}

void
ipl__kernel_free(ipl__kernel *k)
{
    ipl__free(k->flow);
    ipl__free(k->time);
    ipl__free(k->step);
    k->flow = k->time = NULL;
    k->step = NULL;
    k->n = 0;
}

/* The terminal value and the TAB factor at rate, applied to the sum of
 * the explicit periods' present values. */
static int
finish(double *out, const ipl__kernel *k, const ipl_value_income *in, double rate,
       double scale, double g, double sum, ipl_error *err)
{
    double tv = 0, f = 1;
    int rc;

    if (in->terminal) {
        if (!(rate > g))
            return ipl__fail(err, IPL_ERANGE, "terminal_growth",
                             "must be below the discount rate %g %%, got %g %%",
                             rate * 100, g * 100);
        tv = k->annual * (1 + g) / (rate - g) * pow(1 + rate, -k->tv_time);
    }
    if (in->tab_years > 0 &&
        (rc = ipl_value_tab_factor(&f, in->tax_rate, in->tab_years, rate, in->tab_timing,
                                   err)) < 0)
        return rc;
    *out = scale * (sum + tv) * f;
    return IPL_OK;
}

static int
check_rate(double rate, ipl_error *err)
{
    if (!(rate > -1))
        return ipl__fail(err, IPL_ERANGE, "discount_rate",
                         "must be above -100 %%, got %g %%", rate * 100);
    return IPL_OK;
}

int
ipl__kernel_value(double *out, const ipl__kernel *k, const ipl_value_income *in,
                  double rate, double scale, double g, ipl_error *err)
{
    double step, df = 1, sum = 0;
    size_t i;
    int rc;

    if ((rc = check_rate(rate, err)) < 0)
        return rc;
    step = 1 / (1 + rate);
    if (k->regular) {
        for (i = 0; i < k->head; i++)
            sum += k->flow[i] * (df = pow(1 + rate, -k->time[i]));
        for (; i < k->n - k->tail; i++)
            sum += k->flow[i] * (df *= step);
        for (; i < k->n; i++)
            sum += k->flow[i] * pow(1 + rate, -k->time[i]);
    } else {
        for (i = 0; i < k->n; i++) {
            df = k->step[i] ? df * step : pow(1 + rate, -k->time[i]);
            sum += k->flow[i] * df;
        }
    }
    return finish(out, k, in, rate, scale, g, sum, err);
}

#define PAIRS (IPL__LANES / 2)

/* Sums of IPL__LANES paths of a regular kernel side by side: the
 * operations of ipl__kernel_value(), in the same order for each path
 * (so the same bits); over the whole years, in pairs of lanes that the
 * compiler keeps in registers once the loop over them is unrolled, so
 * that the paths share each instruction and hide each other's latency. */
static void
sum_lanes(double *out, const ipl__kernel *k, const double *rate)
{
    double step[IPL__LANES], df[IPL__LANES], sum[IPL__LANES];
    ipl__pair vstep[PAIRS], vdf[PAIRS], vsum[PAIRS];
    size_t i, j;

    for (j = 0; j < IPL__LANES; j++) {
        step[j] = 1 / (1 + rate[j]);
        df[j] = 1;
        sum[j] = 0;
    }
    for (i = 0; i < k->head; i++)
        for (j = 0; j < IPL__LANES; j++)
            sum[j] += k->flow[i] * (df[j] = pow(1 + rate[j], -k->time[i]));
    memcpy(vstep, step, sizeof vstep);
    memcpy(vdf, df, sizeof vdf);
    memcpy(vsum, sum, sizeof vsum);
    for (; i < k->n - k->tail; i++) {
        double flow = k->flow[i];

#pragma GCC unroll 4 /* PAIRS: a literal is required here */
        for (j = 0; j < PAIRS; j++)
            vsum[j] += flow * (vdf[j] *= vstep[j]);
    }
    memcpy(sum, vsum, sizeof vsum);
    for (; i < k->n; i++)
        for (j = 0; j < IPL__LANES; j++)
            sum[j] += k->flow[i] * pow(1 + rate[j], -k->time[i]);
    memcpy(out, sum, sizeof sum);
}

int
ipl__kernel_values(double *out, size_t m, const ipl__kernel *k,
                   const ipl_value_income *in, double *rate, const double *scale,
                   const double *g)
{
    size_t j, t;
    int rc;

    for (j = 0; j < m; j++)
        if ((rc = check_rate(rate[j], NULL)) < 0)
            return rc;
    if (!k->regular) {
        for (j = 0; j < m; j++)
            if ((rc = ipl__kernel_value(&out[j], k, in, rate[j], scale[j], g[j], NULL)) < 0)
                return rc;
        return IPL_OK;
    }
    /* The last group's unused lanes compute a copy of the first path. */
    for (j = m; j % IPL__LANES != 0; j++)
        rate[j] = rate[0];
    for (t = 0; t < m; t += IPL__LANES)
        sum_lanes(&out[t], k, &rate[t]);
    if (!in->terminal && !(in->tab_years > 0)) {
        /* finish() with no terminal value and no TAB factor. */
        for (j = 0; j < m; j++)
            out[j] = scale[j] * (out[j] + 0.0) * 1.0;
        return IPL_OK;
    }
    for (j = 0; j < m; j++)
        if ((rc = finish(&out[j], k, in, rate[j], scale[j], g[j], out[j], NULL)) < 0)
            return rc;
    return IPL_OK;
}
