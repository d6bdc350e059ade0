/* The tax amortisation benefit factor (IVS 210; DOMAIN.md §2.2). */
#include <math.h>

#include "value_internal.h"

int
ipl_value_tab_factor(double *out, double tax_rate, double years, double rate,
                     ipl_value_timing timing, ipl_error *err)
{
    double annuity, denom;

    IPL__CHECK_ARG(err, out);
    if (isnan(tax_rate) || isnan(years) || isnan(rate))
        return ipl__fail(err, IPL_EINVAL, isnan(tax_rate) ? "tax_rate"
                         : isnan(years) ? "years" : "rate", "must be a number");
    if (!(tax_rate >= 0 && tax_rate < 1))
        return ipl__fail(err, IPL_ERANGE, "tax_rate", "must be in [0, 1), got %g",
                         tax_rate);
    if (!(years >= 1 && years <= 100))
        return ipl__fail(err, IPL_ERANGE, "years", "must be 1..100, got %g", years);
    if (!(rate > -1) || isinf(rate))
        return ipl__fail(err, IPL_ERANGE, "rate", "must be above -100 %%, got %g",
                         rate);
    if ((unsigned)timing > IPL_VALUE_TIMING_MID)
        return ipl__fail(err, IPL_EINVAL, "timing", "unknown timing %d", (int)timing);
    /* PA(k, n), the present value of 1 a year for n years; at k = 0 the
     * limit n. */
    annuity = fabs(rate) < 1e-12 ? years : (1 - pow(1 + rate, -years)) / rate;
    if (timing == IPL_VALUE_TIMING_MID)
        annuity *= sqrt(1 + rate);
    denom = 1 - tax_rate / years * annuity;
    if (!(denom > 0))
        return ipl__fail(err, IPL_ERANGE, "tax_rate",
                         "the amortisation benefit would exceed the value");
    *out = 1 / denom;
    return IPL_OK;
}
