/* ipl_value_income_batch(): many cases, no result objects. Cases are
 * checked one by one; eight plain ones in a row (see plain()) with the
 * same number of years are valued side by side, each with the
 * operations ipl__income_eval() performs on it, in the same order, so
 * with the same bits. The loop over years of one case waits on its
 * running products; eight cases share every instruction and hide each
 * other's waits. Other cases go through the engine one at a time. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "value_internal.h"

#define LANES 8
#define PAIRS (LANES / 2)

static int
is_one(double x)
{
    return !(x < 1) && !(x > 1);
}

/* A case whose every period is one whole year at its end, with the
 * share as given, no charge, premium, decline, terminal value, TAB or
 * textbook rounding: for it the engine computes, year i from 0,
 * after = first × grow × share × keep, sum += after × df, with grow
 * and df running products from 1 and from one year's step. */
static int
plain(const ipl_value_income *in, const ipl__income_plan *plan)
{
    return in->base == NULL && in->shares == NULL && !in->textbook &&
           in->timing != IPL_VALUE_TIMING_MID && !in->terminal && !(in->tab_years > 0) &&
           (in->method == IPL_VALUE_METHOD_DEFAULT || in->method == IPL_VALUE_SPLIT ||
            in->method == IPL_VALUE_RELIEF_FROM_ROYALTY) &&
           fpclassify(in->base_decline) == FP_ZERO && is_one(plan->first) &&
           is_one(plan->last) && plan->rows >= 2;
}

/* The values of LANES plain cases of n years each. */
static void
value_lanes(double *out, const ipl_value_income *c, const ipl__income_plan *plans,
            size_t n)
{
    double first[LANES], growth[LANES], share[LANES], keep[LANES], step[LANES];
    double one[LANES], sum[LANES];
    ipl__pair vfirst[PAIRS], vgrowth[PAIRS], vshare[PAIRS], vkeep[PAIRS], vstep[PAIRS];
    ipl__pair vgrow[PAIRS], vdf[PAIRS], vsum[PAIRS];
    size_t i, j;

    for (j = 0; j < LANES; j++) {
        first[j] = c[j].base_first;
        growth[j] = 1 + c[j].base_growth;
        share[j] = c[j].share;
        keep[j] = 1 - c[j].tax_rate;
        step[j] = 1 / (1 + plans[j].rate);
        one[j] = 1;
        sum[j] = 0;
    }
    memcpy(vfirst, first, sizeof vfirst);
    memcpy(vgrowth, growth, sizeof vgrowth);
    memcpy(vshare, share, sizeof vshare);
    memcpy(vkeep, keep, sizeof vkeep);
    memcpy(vstep, step, sizeof vstep);
    memcpy(vdf, step, sizeof vdf);
    memcpy(vgrow, one, sizeof vgrow);
    memcpy(vsum, sum, sizeof vsum);
    for (i = 0; i < n; i++) {
#pragma GCC unroll 4 /* PAIRS: a literal is required here */
        for (j = 0; j < PAIRS; j++) {
            vsum[j] += vfirst[j] * vgrow[j] * vshare[j] * vkeep[j] * vdf[j];
            vgrow[j] *= vgrowth[j];
            vdf[j] *= vstep[j];
        }
    }
    memcpy(sum, vsum, sizeof sum);
    /* The engine's (sum + terminal value) × TAB factor, with neither. */
    for (j = 0; j < LANES; j++)
        out[j] = (sum[j] + 0.0) * 1.0;
}

static int
located(ipl_error *err, size_t i, int rc)
{
    char prefix[48];

    snprintf(prefix, sizeof prefix, "cases[%zu].", i);
    ipl__where_prefix(err, prefix);
    return rc;
}

int
ipl_value_income_batch(double *values, const ipl_value_income *cases, size_t n,
                       ipl_error *err)
{
    ipl__income_plan plans[LANES];
    size_t i, k, m;
    int rc, lanes;

    IPL__CHECK_ARG(err, values);
    IPL__CHECK_ARG(err, cases);
    for (i = 0; i < n; i += m) {
        m = n - i < LANES ? n - i : LANES;
        lanes = m == LANES;
        for (k = 0; k < m; k++) {
            if ((rc = ipl__income_check(&plans[k], &cases[i + k], err)) < 0)
                return located(err, i + k, rc);
            lanes = lanes && plain(&cases[i + k], &plans[k]) &&
                    plans[k].rows == plans[0].rows;
        }
        if (lanes) {
            value_lanes(&values[i], &cases[i], plans, plans[0].rows);
            continue;
        }
        for (k = 0; k < m; k++)
            if ((rc = ipl__income_eval(&values[i + k], &cases[i + k], &plans[k],
                                       plans[k].rate, 1, 1, NULL, NULL, NULL, err)) < 0)
                return located(err, i + k, rc);
    }
    return IPL_OK;
}
