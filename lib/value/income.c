/* The income approach: a checked block becomes a result with rows,
 * sensitivities, the rate build-up, an echo of the inputs and a trace. */
#include <math.h>
#include <string.h>

#include "alloc_internal.h"
#include "value_internal.h"

static const char *const base_names[] = {
    "revenue", "revenue", "profit", "cash flow", "volume"
};

/* A copy of n doubles owned by v; *dst stays NULL when src is. */
static int
copy_doubles(ipl_value *v, const double **dst, const double *src, size_t n)
{
    double *copy;

    *dst = NULL;
    if (src == NULL)
        return IPL_OK;
    if ((copy = ipl__value_own(v, n * sizeof *copy)) == NULL)
        return IPL_ENOMEM;
    if (n)
        memcpy(copy, src, n * sizeof *copy);
    *dst = copy;
    return IPL_OK;
}

static int
copy_charges(ipl_value *v, const ipl_value_income *in)
{
    ipl_value_charge *c;
    size_t i;

    v->income.charges = NULL;
    if (in->charges == NULL || in->charge_count == 0)
        return IPL_OK;
    if ((c = ipl__value_own(v, in->charge_count * sizeof *c)) == NULL)
        return IPL_ENOMEM;
    v->income.charges = c;
    for (i = 0; i < in->charge_count; i++) {
        c[i] = in->charges[i];
        c[i].name = ipl__value_keep(v, in->charges[i].name ? in->charges[i].name : "");
        if (c[i].name == NULL)
            return IPL_ENOMEM;
    }
    return IPL_OK;
}

static int
copy_premia(ipl_value *v, const ipl_value_income *in)
{
    ipl_value_premium *p;
    size_t i;

    v->income.premia = NULL;
    if (in->premium_count == 0)
        return IPL_OK;
    if ((p = ipl__value_own(v, in->premium_count * sizeof *p)) == NULL)
        return IPL_ENOMEM;
    v->income.premia = p;
    for (i = 0; i < in->premium_count; i++) {
        p[i].rate = in->premia[i].rate;
        if ((p[i].name = ipl__value_keep(v, in->premia[i].name)) == NULL)
            return IPL_ENOMEM;
    }
    return IPL_OK;
}

/* The echo holds copies of every array, owned by the result. */
static int
echo_income(ipl_value *v, const ipl_value_income *in)
{
    ipl_value_income *e = &v->income;
    int rc;

    *e = *in;
    if (e->method == IPL_VALUE_METHOD_DEFAULT)
        e->method = IPL_VALUE_SPLIT;
    if ((rc = copy_doubles(v, &e->base, in->base, in->base_count)) < 0 ||
        (rc = copy_doubles(v, &e->shares, in->shares, in->share_count)) < 0 ||
        (rc = copy_doubles(v, &e->without, in->without, in->without_count)) < 0 ||
        (rc = copy_charges(v, in)) < 0 ||
        (rc = copy_premia(v, in)) < 0)
        return rc;
    return IPL_OK;
}

/* The rate as components: the rate given, or risk-free plus premia. */
static int
build_rates(ipl_value *v, const ipl_value_income *in)
{
    size_t i, n = 1 + in->premium_count;

    if ((v->rates = ipl__calloc(n, sizeof *v->rates)) == NULL)
        return IPL_ENOMEM;
    v->nrates = n;
    v->rates[0].rate = in->discount_rate;
    v->rates[0].name = ipl__value_keep(v, n > 1 ? "risk_free" : "discount_rate");
    if (v->rates[0].name == NULL)
        return IPL_ENOMEM;
    for (i = 1; i < n; i++) {
        v->rates[i] = in->premia[i - 1];
        if ((v->rates[i].name = ipl__value_keep(v, in->premia[i - 1].name)) == NULL)
            return IPL_ENOMEM;
    }
    return IPL_OK;
}

static int
trace_header(ipl_value *v, const ipl__income_plan *p)
{
    const ipl_value_income *in = &v->income;
    ipl__text *t = &v->trace;
    size_t i;
    int rc;

    if ((rc = ipl__text_add(t, "method: %s on %s%s\n",
                            ipl_value_method_name(in->method),
                            base_names[in->base_kind],
                            in->textbook ? " (textbook mode: discount factors to "
                            "4 decimals, shares to 0.01 %)" : "")) < 0 ||
        (rc = (p->reason == IPL_VALUE_REASON_PERPETUAL
               ? ipl__text_add(t, "benefit period: perpetual (a renewable right): %g "
                               "explicit years, then Gordon growth\n", p->period)
               : ipl__text_add(t, "benefit period: %g years, set by the %s limit\n",
                               p->period, ipl_value_reason_name(p->reason)))) < 0 ||
        (rc = ipl__text_add(t, "limits (0 = none): legal %g%s, contract %g, economic %g, "
                            "income reaching zero %g\n", p->legal,
                            in->renewable ? " (renewable, not binding)" : "", p->contract,
                            p->economic, p->decline_life)) < 0 ||
        (rc = ipl__text_add(t, "discount rate: %.4f %%", p->rate * 100)) < 0)
        return rc;
    for (i = 0; i < v->nrates; i++)
        if ((rc = ipl__text_add(t, "%s %s %.4f %%", i ? " +" : " =",
                                v->rates[i].name, v->rates[i].rate * 100)) < 0)
            return rc;
    return ipl__text_add(t, "\ntiming: %s of period; first period %g years; tax %.4f %%\n",
                         in->timing == IPL_VALUE_TIMING_MID ? "middle" : "end",
                         p->first, in->tax_rate * 100);
}

static int
trace_rows(ipl_value *v)
{
    size_t i;
    int rc;

    for (i = 0; i < v->nrows; i++) {
        const ipl_value_row *r = &v->rows[i];

        rc = ipl__text_add(&v->trace, "period %zu (%g y, t=%g): (base %.2f x share "
                           "%.6f - charge %.2f) x %g = pre-tax %.2f; tax %.2f; "
                           "after tax %.2f x DF %.6f = PV %.2f\n", i + 1, r->years,
                           r->time, r->base, r->share, r->charge, r->years, r->pretax,
                           r->tax, r->aftertax, r->discount, r->present);
        if (rc < 0)
            return rc;
    }
    return IPL_OK;
}

static int
trace_footer(ipl_value *v, double explicit_pv, double tv, double tab)
{
    ipl__text *t = &v->trace;
    int rc, i;

    if ((rc = ipl__text_add(t, "explicit period PV: %.2f\n", explicit_pv)) < 0 ||
        (v->income.terminal &&
         (rc = ipl__text_add(t, "terminal value (Gordon, g = %.4f %%), PV: %.2f\n",
                             v->income.terminal_growth * 100, tv)) < 0) ||
        (v->income.tab_years > 0 &&
         (rc = ipl__text_add(t, "TAB factor (%g years, %s-year): %.6f\n",
                             v->income.tab_years,
                             v->income.tab_timing == IPL_VALUE_TIMING_MID ? "mid"
                             : "end", tab)) < 0) ||
        (rc = ipl__text_add(t, "value: %.2f\n", v->total)) < 0)
        return rc;
    for (i = 0; i < 4; i++)
        if ((rc = ipl__text_add(t, "sensitivity, %s: %.2f\n", ipl__value_shift_names[i],
                                v->sensitivity[i])) < 0)
            return rc;
    return IPL_OK;
}

static int
sensitivities(ipl_value *v, const ipl__income_plan *p)
{
    static const double drate[4] = { -0.01, 0.01, 0, 0 };
    static const double scale[4] = { 1, 1, 0.9, 1.1 };
    int i, rc;

    for (i = 0; i < 4; i++) {
        rc = ipl__income_eval(&v->sensitivity[i], &v->income, p, p->rate + drate[i],
                              1, scale[i], NULL, NULL, NULL, NULL);
        /* A shift that leaves the domain (rate −1 pp under the terminal
         * growth) has no value; say so with NaN rather than fail. */
        if (rc < 0)
            v->sensitivity[i] = NAN;
    }
    v->has_sensitivity = 1;
    return IPL_OK;
}

static int
figures(ipl_value *v, const ipl__income_plan *p, double explicit_pv, double tv,
        double tab)
{
    int rc;

    if ((rc = ipl__value_figure(v, "discount_rate", p->rate)) < 0 ||
        (rc = ipl__value_figure(v, "period_years", p->period)) < 0 ||
        (rc = ipl__value_figure(v, "explicit_value", explicit_pv)) < 0 ||
        (rc = ipl__value_figure(v, "terminal_value", tv)) < 0 ||
        (rc = ipl__value_figure(v, "tab_factor", tab)) < 0 ||
        (rc = ipl__value_figure(v, "value", v->total)) < 0)
        return rc;
    return IPL_OK;
}

static int
build(ipl_value *v, const ipl_value_income *in, const ipl__income_plan *p,
      ipl_error *err)
{
    double tv = 0, tab = 1, explicit_pv = 0;
    size_t i;
    int rc;

    if ((rc = echo_income(v, in)) < 0 || (rc = build_rates(v, in)) < 0)
        return rc;
    if ((v->rows = ipl__calloc(p->rows, sizeof *v->rows)) == NULL)
        return IPL_ENOMEM;
    v->nrows = p->rows;
    v->period = p->period;
    v->reason = p->reason;
    v->rate = p->rate;
    if ((rc = ipl__income_eval(&v->total, &v->income, p, p->rate, 1, 1, v->rows, &tv,
                               &tab, err)) < 0 ||
        (rc = sensitivities(v, p)) < 0)
        return rc;
    for (i = 0; i < v->nrows; i++)
        explicit_pv += v->rows[i].present;
    if ((rc = figures(v, p, explicit_pv, tv, tab)) < 0 ||
        (rc = trace_header(v, p)) < 0 || (rc = trace_rows(v)) < 0 ||
        (rc = trace_footer(v, explicit_pv, tv, tab)) < 0)
        return rc;
    return IPL_OK;
}

int
ipl_value_income_new(ipl_value **out, const ipl_value_income *in, ipl_error *err)
{
    ipl__income_plan plan;
    ipl_value *v;
    int rc;

    IPL__CHECK_ARG(err, out);
    if ((rc = ipl__income_check(&plan, in, err)) < 0)
        return rc;
    if ((v = ipl__value_alloc(in->method ? in->method : IPL_VALUE_SPLIT)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, "value", "out of memory");
    if ((rc = build(v, in, &plan, err)) < 0) {
        ipl_value_free(v);
        return rc == IPL_ENOMEM ? ipl__fail(err, rc, "value", "out of memory") : rc;
    }
    *out = v;
    return IPL_OK;
}
