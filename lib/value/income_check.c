/* Checking income assumptions and settling the benefit period: every
 * field is checked once here, so the engine can run without checks. */
#include <math.h>
#include <stdio.h>

#include "value_internal.h"

/* Longest benefit period accepted; anything longer is a typing error. */
#define MAX_YEARS 1000.0

/* The checks run once per case of a batch: the good case is one
 * comparison pair (NaN fails both), the diagnosis comes after. */
static inline int
finite_at_least(const double *x, double lo, const char *where, ipl_error *err)
{
    if (*x >= lo && *x < HUGE_VAL)
        return IPL_OK;
    if (isnan(*x) || isinf(*x))
        return ipl__fail(err, IPL_EINVAL, where, "must be a finite number");
    return ipl__fail(err, IPL_ERANGE, where, "must be at least %g, got %g", lo, *x);
}

static inline int
check_fraction(double x, double lo, double hi, const char *where, ipl_error *err)
{
    if (x >= lo && x <= hi)
        return IPL_OK;
    if (isnan(x) || isinf(x))
        return ipl__fail(err, IPL_EINVAL, where, "must be a finite number");
    return ipl__fail(err, IPL_ERANGE, where, "must be in [%g, %g], got %g", lo, hi, x);
}

static int
check_series(const double *xs, size_t n, const char *name, ipl_error *err)
{
    char where[48];
    size_t i;

    for (i = 0; i < n; i++)
        if (isnan(xs[i]) || isinf(xs[i])) {
            snprintf(where, sizeof where, "%s[%zu]", name, i);
            return ipl__fail(err, IPL_EINVAL, where, "must be a finite number");
        }
    return IPL_OK;
}

static int
needs_share(ipl_value_method m)
{
    return m == IPL_VALUE_METHOD_DEFAULT || m == IPL_VALUE_SPLIT ||
           m == IPL_VALUE_RELIEF_FROM_ROYALTY;
}

static int
check_base(const ipl_value_income *in, ipl_error *err)
{
    int rc;

    if (in->base != NULL) {
        if (in->base_count == 0)
            return ipl__fail(err, IPL_EINVAL, "base_count",
                             "must be at least 1 when base is given");
        return check_series(in->base, in->base_count, "base", err);
    }
    if (isnan(in->base_first) || isinf(in->base_first))
        return ipl__fail(err, IPL_EINVAL, "base_first", "must be a finite number");
    if ((rc = finite_at_least(&in->base_growth, -0.99, "base_growth", err)) < 0 ||
        (rc = finite_at_least(&in->base_decline, 0, "base_decline", err)) < 0)
        return rc;
    return IPL_OK;
}

static int
check_shares(const ipl_value_income *in, ipl_error *err)
{
    char where[48];
    size_t i;
    int rc;

    if (in->shares != NULL) {
        if (in->share_count == 0)
            return ipl__fail(err, IPL_EINVAL, "share_count",
                             "must be at least 1 when shares is given");
        for (i = 0; i < in->share_count; i++) {
            snprintf(where, sizeof where, "shares[%zu]", i);
            if ((rc = check_fraction(in->shares[i], 0, 1, where, err)) < 0)
                return rc;
        }
        return IPL_OK;
    }
    if (needs_share(in->method) && fpclassify(in->share) == FP_ZERO)
        return ipl__fail(err, IPL_EINVAL, "share", "must be given for the %s method",
                         ipl_value_method_name(in->method));
    return check_fraction(in->share, 0, 1, "share", err);
}

static int
check_method_inputs(ipl__income_plan *plan, const ipl_value_income *in,
                    ipl_error *err)
{
    char where[48];
    size_t i;
    int rc;

    plan->charge = 0;
    if (in->method == IPL_VALUE_DIRECT_EXCESS &&
        (isnan(in->premium) || isinf(in->premium) ||
         fpclassify(in->premium) == FP_ZERO))
        return ipl__fail(err, IPL_EINVAL, "premium",
                         "a finite, non-zero price premium per unit is needed");
    if (in->method == IPL_VALUE_WITH_WITHOUT) {
        if (in->without == NULL || in->without_count == 0)
            return ipl__fail(err, IPL_EINVAL, "without",
                             "the with-and-without method needs the base without the right");
        if ((rc = check_series(in->without, in->without_count, "without", err)) < 0)
            return rc;
    }
    if (in->method != IPL_VALUE_MPEEM)
        return IPL_OK;
    if (in->charges == NULL || in->charge_count == 0)
        return ipl__fail(err, IPL_EINVAL, "charges",
                         "MPEEM needs at least one contributory asset charge");
    for (i = 0; i < in->charge_count; i++) {
        const ipl_value_charge *c = &in->charges[i];

        snprintf(where, sizeof where, "charges[%zu].amount", i);
        if ((rc = finite_at_least(&c->amount, 0, where, err)) < 0)
            return rc;
        snprintf(where, sizeof where, "charges[%zu].return_on", i);
        if ((rc = check_fraction(c->return_on, 0, 1, where, err)) < 0)
            return rc;
        snprintf(where, sizeof where, "charges[%zu].return_of", i);
        if ((rc = check_fraction(c->return_of, 0, 1, where, err)) < 0)
            return rc;
        plan->charge += c->amount * (c->return_on + c->return_of);
    }
    return IPL_OK;
}

static int
check_rate(ipl__income_plan *plan, const ipl_value_income *in, ipl_error *err)
{
    char where[48];
    size_t i;

    if (isnan(in->discount_rate) || isinf(in->discount_rate))
        return ipl__fail(err, IPL_EINVAL, "discount_rate", "must be a finite number");
    plan->rate = in->discount_rate;
    if (in->premia == NULL && in->premium_count > 0)
        return ipl__fail(err, IPL_EINVAL, "premia", "must not be NULL with premium_count %zu",
                         in->premium_count);
    for (i = 0; i < in->premium_count; i++) {
        snprintf(where, sizeof where, "premia[%zu]", i);
        if (in->premia[i].name == NULL || in->premia[i].name[0] == '\0')
            return ipl__fail(err, IPL_EINVAL, where, "a premium needs a name");
        if (isnan(in->premia[i].rate) || isinf(in->premia[i].rate))
            return ipl__fail(err, IPL_EINVAL, where, "must be a finite number");
        plan->rate += in->premia[i].rate;
    }
    if (plan->rate <= -1)
        return ipl__fail(err, IPL_ERANGE, "discount_rate",
                         "must be above -100 %%, got %g %%", plan->rate * 100);
    if (in->terminal && (isnan(in->terminal_growth) || isinf(in->terminal_growth)))
        return ipl__fail(err, IPL_EINVAL, "terminal_growth", "must be a finite number");
    if (in->terminal && !(plan->rate > in->terminal_growth))
        return ipl__fail(err, IPL_ERANGE, "terminal_growth",
                         "must be below the discount rate %g %%, got %g %%",
                         plan->rate * 100, in->terminal_growth * 100);
    return IPL_OK;
}

/* Years from the valuation date to the expiry, ACT/365F. */
static int
legal_from_dates(double *years, const ipl_value_income *in, ipl_error *err)
{
    int64_t days;

    if (!ipl_date_is_valid(in->legal_expiry))
        return ipl__fail(err, IPL_EINVAL, "legal_expiry", "is not a valid date");
    if (!ipl_date_is_valid(in->valuation_date))
        return ipl__fail(err, IPL_EINVAL, "valuation_date",
                         "is needed, as a valid date, with legal_expiry");
    if (ipl_date_days_between(&days, in->valuation_date, in->legal_expiry, err) < 0)
        return IPL_EINVAL;
    if (days <= 0)
        return ipl__fail(err, IPL_ERANGE, "legal_expiry",
                         "the right expires on or before the valuation date");
    *years = (double)days / 365.0;
    return IPL_OK;
}

/* The year index at which base_first with its growth and decline first
 * reaches zero: the economic end of a declining income. 0 = never. */
static double
decline_life(const ipl_value_income *in)
{
    double b = in->base_first, grow = 1;
    int k;

    if (in->base != NULL || in->base_decline <= 0 || in->base_first <= 0)
        return 0;
    for (k = 1; k <= (int)MAX_YEARS; k++) {
        grow *= 1 + in->base_growth;
        b = in->base_first * grow - in->base_decline * k;
        if (b <= 0)
            return k;
    }
    return 0;
}

static int
check_limits(ipl__income_plan *plan, const ipl_value_income *in, ipl_error *err)
{
    int rc;

    plan->legal = 0;
    if ((rc = finite_at_least(&in->legal_years, 0, "legal_years", err)) < 0 ||
        (rc = finite_at_least(&in->contract_years, 0, "contract_years", err)) < 0 ||
        (rc = finite_at_least(&in->economic_years, 0, "economic_years", err)) < 0)
        return rc;
    if (in->legal_years > 0)
        plan->legal = in->legal_years;
    else if (in->legal_expiry.year != 0 &&
             (rc = legal_from_dates(&plan->legal, in, err)) < 0)
        return rc;
    plan->contract = in->contract_years;
    plan->economic = in->economic_years;
    plan->decline_life = decline_life(in);
    return IPL_OK;
}

/* Takes limit when it is given and shorter than the best so far. */
static void
consider(ipl__income_plan *plan, double limit, ipl_value_reason why)
{
    if (limit > 0 && (!(plan->period > 0) || limit < plan->period)) {
        plan->period = limit;
        plan->reason = why;
    }
}

static int
settle_period(ipl__income_plan *plan, const ipl_value_income *in, ipl_error *err)
{
    double rest;

    if (in->terminal && !in->renewable)
        return ipl__fail(err, IPL_EINVAL, "terminal",
                         "only a renewable right may run in perpetuity");
    plan->period = 0;
    plan->reason = IPL_VALUE_REASON_NONE;
    if (!in->renewable)
        consider(plan, plan->legal, IPL_VALUE_REASON_LEGAL);
    consider(plan, plan->contract, IPL_VALUE_REASON_CONTRACT);
    consider(plan, plan->economic, IPL_VALUE_REASON_ECONOMIC);
    consider(plan, plan->decline_life, IPL_VALUE_REASON_ECONOMIC);
    if (in->base != NULL)
        consider(plan, (double)in->base_count, IPL_VALUE_REASON_FORECAST);
    if (!(plan->period > 0))
        return ipl__fail(err, IPL_EINVAL, "economic_years",
                         "no benefit period: give legal_years, legal_expiry, "
                         "contract_years, economic_years or a base series");
    if (plan->period > MAX_YEARS)
        return ipl__fail(err, IPL_ERANGE, "economic_years",
                         "a benefit period of %g years is beyond %g", plan->period,
                         MAX_YEARS);
    if (in->terminal)
        plan->reason = IPL_VALUE_REASON_PERPETUAL;
    plan->first = in->first_period > 0 && in->first_period < plan->period
                  ? in->first_period : (plan->period < 1 ? plan->period : 1);
    rest = plan->period - plan->first;
    /* Whole years after the first; a remainder below a second in a
     * year is float noise from the date arithmetic, not a period. */
    plan->rows = 1 + (size_t)ceil(rest - 1e-9);
    plan->last = plan->rows == 1 ? plan->first
                 : rest - (double)(plan->rows - 2);
    return IPL_OK;
}

static int
check_lengths(const ipl__income_plan *plan, const ipl_value_income *in,
              ipl_error *err)
{
    if (in->shares != NULL && in->share_count < plan->rows)
        return ipl__fail(err, IPL_EINVAL, "shares",
                         "%zu shares for a period of %zu years", in->share_count,
                         plan->rows);
    if (in->method == IPL_VALUE_WITH_WITHOUT && in->without_count < plan->rows)
        return ipl__fail(err, IPL_EINVAL, "without",
                         "%zu values for a period of %zu years", in->without_count,
                         plan->rows);
    return IPL_OK;
}

static int
check_enums(const ipl_value_income *in, ipl_error *err)
{
    if ((unsigned)in->method > IPL_VALUE_DIRECT_EXCESS)
        return ipl__fail(err, IPL_EINVAL, "method", "%d is not an income method",
                         (int)in->method);
    if ((unsigned)in->base_kind > IPL_VALUE_BASE_VOLUME)
        return ipl__fail(err, IPL_EINVAL, "base_kind", "unknown base kind %d",
                         (int)in->base_kind);
    if ((unsigned)in->timing > IPL_VALUE_TIMING_MID)
        return ipl__fail(err, IPL_EINVAL, "timing", "unknown timing %d",
                         (int)in->timing);
    if ((unsigned)in->tab_timing > IPL_VALUE_TIMING_MID)
        return ipl__fail(err, IPL_EINVAL, "tab_timing", "unknown timing %d",
                         (int)in->tab_timing);
    return IPL_OK;
}

int
ipl__income_check(ipl__income_plan *plan, const ipl_value_income *in,
                  ipl_error *err)
{
    int rc;

    IPL__CHECK_ARG(err, in);
    if (in->version != IPL_VALUE_INCOME_VERSION)
        return ipl__fail(err, IPL_EVERSION, "version", "unknown version %u",
                         in->version);
    if ((rc = check_enums(in, err)) < 0 ||
        (rc = check_base(in, err)) < 0 ||
        (rc = check_shares(in, err)) < 0 ||
        (rc = check_method_inputs(plan, in, err)) < 0 ||
        (rc = check_fraction(in->tax_rate, 0, 0.99, "tax_rate", err)) < 0 ||
        (rc = check_rate(plan, in, err)) < 0 ||
        (rc = check_fraction(in->first_period, 0, 1, "first_period", err)) < 0 ||
        (rc = check_fraction(in->tab_years, 0, 100, "tab_years", err)) < 0 ||
        (rc = check_limits(plan, in, err)) < 0 ||
        (rc = settle_period(plan, in, err)) < 0 ||
        (rc = check_lengths(plan, in, err)) < 0)
        return rc;
    return IPL_OK;
}
