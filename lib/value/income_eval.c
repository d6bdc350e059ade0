/* The income engine: one pass over the periods of a checked block.
 * Allocation-free, so the batch entry point and Monte Carlo paths can
 * call it in tight loops. */
#include <math.h>

#include "value_internal.h"

double
ipl__round4(double x)
{
    return round(x * 1e4) / 1e4;
}

/* Base per year of period i (0-based). */
static double
base_at(const ipl_value_income *in, size_t i, double *grow)
{
    if (in->base != NULL)
        return in->base[i];
    if (i > 0)
        *grow *= 1 + in->base_growth;
    return in->base_first * *grow - in->base_decline * (double)i;
}

static double
share_at(const ipl_value_income *in, size_t i, double scale)
{
    double s = in->shares != NULL ? in->shares[i]
               : fpclassify(in->share) != FP_ZERO || in->method == IPL_VALUE_SPLIT ||
                 in->method == IPL_VALUE_RELIEF_FROM_ROYALTY ? in->share : 1;

    s *= scale;
    return in->textbook ? ipl__round4(s) : s;
}

static double
charge_at(const ipl_value_income *in, const ipl__income_plan *plan, size_t i)
{
    if (in->method == IPL_VALUE_MPEEM)
        return plan->charge;
    if (in->method == IPL_VALUE_WITH_WITHOUT)
        return in->without[i];
    return 0;
}

/* Discount factor at time t. Exact mode steps the previous factor by a
 * whole year when it can (one multiplication instead of pow()); textbook
 * mode reads every factor from the 4-decimal table, as exams do. */
static double
discount(const ipl_value_income *in, double rate, double t, int year_on,
         double prev_df)
{
    if (in->textbook)
        return ipl__round4(pow(1 + rate, -t));
    if (year_on)
        return prev_df / (1 + rate);
    return pow(1 + rate, -t);
}

int
ipl__income_eval(double *value, const ipl_value_income *in,
                 const ipl__income_plan *plan, double rate, double base_scale,
                 double share_scale, ipl_value_row *rows, double *terminal, double *tab,
                 ipl_error *err)
{
    int mid = in->timing == IPL_VALUE_TIMING_MID;
    double grow = 1, end = 0, t, df = 0, sum = 0, annual = 0, tv = 0, f = 1;
    size_t i;

    if (!(rate > -1))
        return ipl__fail(err, IPL_ERANGE, "discount_rate",
                         "must be above -100 %%, got %g %%", rate * 100);
    for (i = 0; i < plan->rows; i++) {
        double len = i == 0 ? plan->first : i + 1 == plan->rows ? plan->last : 1;
        double base = base_at(in, i, &grow), share = share_at(in, i, share_scale);
        double charge = charge_at(in, plan, i), pretax, after;
        /* Rows strictly inside the period are whole years, so their
         * discount time is exactly one year after the previous row's. */
        int year_on = i >= (mid ? 2u : 1u) && i + 1 < plan->rows;

        base *= base_scale;
        if (in->method == IPL_VALUE_DIRECT_EXCESS)
            base *= in->premium;
        end += len;
        t = mid ? end - len / 2 : end;
        df = discount(in, rate, t, year_on, df);
        pretax = (base * share - charge) * len;
        after = pretax - pretax * in->tax_rate;
        annual = after / len;
        sum += after * df;
        if (rows != NULL) {
            ipl_value_row *r = &rows[i];

            r->years = len;
            r->time = t;
            r->base = base;
            r->share = share;
            r->charge = charge;
            r->pretax = pretax;
            r->tax = pretax * in->tax_rate;
            r->aftertax = after;
            r->discount = df;
            r->present = after * df;
        }
    }
    if (in->terminal) {
        /* Gordon: the next year's after-tax income over (r − g), valued
         * at the end of the explicit period, or half a year earlier
         * under mid-period timing, where the growing flows themselves
         * arrive mid-year. */
        double at = mid ? end - 0.5 : end;
        double tdf = in->textbook ? ipl__round4(pow(1 + rate, -at)) : pow(1 + rate, -at);

        if (!(rate > in->terminal_growth))
            return ipl__fail(err, IPL_ERANGE, "terminal_growth",
                             "must be below the discount rate %g %%, got %g %%",
                             rate * 100, in->terminal_growth * 100);
        tv = annual * (1 + in->terminal_growth) / (rate - in->terminal_growth) * tdf;
    }
    if (in->tab_years > 0) {
        int rc = ipl_value_tab_factor(&f, in->tax_rate, in->tab_years, rate,
                                      in->tab_timing, err);
        if (rc < 0)
            return rc;
    }
    *value = (sum + tv) * f;
    if (terminal != NULL)
        *terminal = tv;
    if (tab != NULL)
        *tab = f;
    return IPL_OK;
}
