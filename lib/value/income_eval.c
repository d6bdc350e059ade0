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

/* Exact comparisons without == on doubles. */
static int
is_one(double x)
{
    return !(x < 1) && !(x > 1);
}

static int
is_zero(double x)
{
    return fpclassify(x) == FP_ZERO;
}

/* What stays the same over the periods of one evaluation, hoisted out
 * of the loop: the loop is the hot path of batches and simulations. */
typedef struct loop {
    double share;       /* the share when there is no per-year vector */
    double charge;      /* MPEEM: charges per year */
    double unit;        /* base multiplier: scale × premium (direct excess) */
    double keep;        /* 1 − tax */
    double step;        /* one year's discount factor, 1 / (1 + rate) */
} loop;

static double
rounded_share(const ipl_value_income *in, double s)
{
    return in->textbook ? ipl__round4(s) : s;
}

static loop
hoist(const ipl_value_income *in, const ipl__income_plan *plan, double rate,
      double base_scale, double share_scale)
{
    loop l;
    int given = fpclassify(in->share) != FP_ZERO || in->method == IPL_VALUE_SPLIT ||
                in->method == IPL_VALUE_RELIEF_FROM_ROYALTY;

    l.share = rounded_share(in, (given ? in->share : 1) * share_scale);
    l.charge = in->method == IPL_VALUE_MPEEM ? plan->charge : 0;
    l.unit = base_scale * (in->method == IPL_VALUE_DIRECT_EXCESS ? in->premium : 1);
    l.keep = 1 - in->tax_rate;
    l.step = 1 / (1 + rate);
    return l;
}

/* Discount factor at time t; textbook mode reads it from the
 * 4-decimal table, as exams do. */
static double
discount(const ipl_value_income *in, double rate, double t)
{
    double df = pow(1 + rate, -t);

    return in->textbook ? ipl__round4(df) : df;
}

static void
fill_row(ipl_value_row *r, double len, double t, double base, double share,
         double charge, double pretax, double after, double df)
{
    r->years = len;
    r->time = t;
    r->base = base;
    r->share = share;
    r->charge = charge;
    r->pretax = pretax;
    r->tax = pretax - after;
    r->aftertax = after;
    r->discount = df;
    r->present = after * df;
}

/* Gordon: the next year's after-tax income over (r − g), valued at the
 * end of the explicit period, or half a year earlier under mid-period
 * timing, where the growing flows themselves arrive mid-year. */
static int
terminal_value(double *tv, const ipl_value_income *in, double rate, double annual,
               double end, ipl_error *err)
{
    double at = in->timing == IPL_VALUE_TIMING_MID ? end - 0.5 : end;
    double df = pow(1 + rate, -at);

    if (!(rate > in->terminal_growth))
        return ipl__fail(err, IPL_ERANGE, "terminal_growth",
                         "must be below the discount rate %g %%, got %g %%",
                         rate * 100, in->terminal_growth * 100);
    if (in->textbook)
        df = ipl__round4(df);
    *tv = annual * (1 + in->terminal_growth) / (rate - in->terminal_growth) * df;
    return IPL_OK;
}

/* The running state of one evaluation. */
typedef struct acc {
    const ipl_value_income *in;
    loop           l;
    double         share_scale;
    double         grow, growth, decline;  /* base_first × grow − decline */
    double         sum, after;             /* Σ PV; the last after-tax flow */
    ipl_value_row *rows;
} acc;

/* Adds period i, of len years, discounted at df from time t. */
static inline void
period(acc *a, size_t i, double len, double t, double df)
{
    const ipl_value_income *in = a->in;
    double base = (in->base != NULL ? in->base[i] : in->base_first * a->grow - a->decline)
                  * a->l.unit;
    double share = in->shares != NULL ? rounded_share(in, in->shares[i] * a->share_scale)
                   : a->l.share;
    double charge = in->method == IPL_VALUE_WITH_WITHOUT ? in->without[i] : a->l.charge;
    double pretax = (base * share - charge) * len;

    a->grow *= a->growth;
    a->decline += in->base_decline;
    a->after = pretax * a->l.keep;
    a->sum += a->after * df;
    if (a->rows != NULL)
        fill_row(&a->rows[i], len, t, base, share, charge, pretax, a->after, df);
}

int
ipl__income_eval(double *value, const ipl_value_income *in,
                 const ipl__income_plan *plan, double rate, double base_scale,
                 double share_scale, ipl_value_row *rows, double *terminal, double *tab,
                 ipl_error *err)
{
    int mid = in->timing == IPL_VALUE_TIMING_MID;
    double half = mid ? 0.5 : 0, end = plan->first, t, df, tv = 0, f = 1;
    size_t i, n = plan->rows;
    acc a;
    int rc;

    if (!(rate > -1))
        return ipl__fail(err, IPL_ERANGE, "discount_rate",
                         "must be above -100 %%, got %g %%", rate * 100);
    a.in = in;
    a.l = hoist(in, plan, rate, base_scale, share_scale);
    a.share_scale = share_scale;
    a.grow = 1;
    a.growth = 1 + in->base_growth;
    a.decline = a.sum = a.after = 0;
    a.rows = rows;
    /* The first period (perhaps a short one), then whole years, then the last
     * (perhaps partial). Inside, each year's factor is the previous one
     * times one year's step, exactly one year later: one multiplication
     * instead of pow(), except in textbook mode, which reads every
     * factor from the 4-decimal table. */
    t = mid ? plan->first / 2 : plan->first;
    /* A full first year at its end is one step from the valuation date. */
    df = !in->textbook && !mid && !(plan->first < 1) ? a.l.step : discount(in, rate, t);
    period(&a, 0, plan->first, t, df);
    i = 1;
    if (mid && n > 2) {
        end += 1;
        period(&a, i++, 1, end - half, df = discount(in, rate, end - half));
    }
    if (rows == NULL && in->base == NULL && in->shares == NULL && !in->textbook &&
        in->method != IPL_VALUE_WITH_WITHOUT) {
        /* The hot path of batches and simulations: period() on whole
         * years of a first value with growth and decline, the same
         * operations in the same order (so the same bits) with every
         * invariant in a register. */
        double grow = a.grow, dec = a.decline, unit = a.l.unit, share = a.l.share;
        double charge = a.l.charge, keep = a.l.keep, step = a.l.step, sum = a.sum;
        double first = in->base_first, decline = in->base_decline, after = a.after;

        double growth = a.growth;

        if (is_one(unit) && is_zero(charge) && is_zero(decline))
            /* The commonest case: − 0 and × 1 change no bits, so they
             * go, and the loop needs half the arithmetic. */
            for (; i + 1 < n; i++) {
                end += 1;
                df *= step;
                after = first * grow * share * keep;
                sum += after * df;
                grow *= growth;
            }
        for (; i + 1 < n; i++) {
            double base = (first * grow - dec) * unit;

            end += 1;
            df *= step;
            after = (base * share - charge) * keep;   /* × len = 1 is exact */
            sum += after * df;
            grow *= growth;
            dec += decline;
        }
        a.grow = grow, a.decline = dec, a.sum = sum, a.after = after;
    }
    for (; i + 1 < n; i++) {
        end += 1;
        t = end - half;
        df = in->textbook ? discount(in, rate, t) : df * a.l.step;
        period(&a, i, 1, t, df);
    }
    if (n > 1) {
        /* A whole last year after a whole year steps like the others. */
        int stepped = !in->textbook && !(plan->last < 1) && (!mid || n > 2);

        end += plan->last;
        t = mid ? end - plan->last / 2 : end;
        period(&a, n - 1, plan->last, t, stepped ? df * a.l.step : discount(in, rate, t));
    }
    if (in->terminal &&
        (rc = terminal_value(&tv, in, rate, a.after / (n > 1 ? plan->last : plan->first),
                             end, err)) < 0)
        return rc;
    if (in->tab_years > 0 &&
        (rc = ipl_value_tab_factor(&f, in->tax_rate, in->tab_years, rate, in->tab_timing,
                                   err)) < 0)
        return rc;
    *value = (a.sum + tv) * f;
    if (terminal != NULL)
        *terminal = tv;
    if (tab != NULL)
        *tab = f;
    return IPL_OK;
}
