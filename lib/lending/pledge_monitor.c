/* Loan-to-value during a loan: breach, top-up and restoring repayment
 * (ipl_pledge_monitor() in include/ipledge/pledge.h). */
#include <math.h>
#include <string.h>

#include "ipledge/pledge.h"
#include "decimal_internal.h"
#include "error_internal.h"
#include "pledge_internal.h"

/* balance ÷ threshold in minor units, rounded up: the collateral value
 * at which the loan-to-value is exactly back at the threshold. The
 * threshold is read as the decimal it was written as. */
static int
ipl__value_needed(ipl_money *out, const ipl_money *balance, double threshold,
                  ipl_error *err)
{
    ipl__decimal t;
    int64_t num = 1, den;
    int e;

    ipl__decimal_from_double(&t, threshold);
    den = (int64_t)t.digits;
    for (e = t.exp10; e < 0; e++)
        num *= 10;
    for (; e > 0; e--)
        den *= 10;
    return ipl_money_mul_ratio(out, balance, num, den, IPL_ROUND_UP, err);
}

int
ipl_pledge_monitor(ipl_pledge_health *out, const ipl_pledge_rules *rules,
                   const ipl_money *balance, const ipl_money *value,
                   double initial_ratio, ipl_error *err)
{
    ipl_pledge_health h;
    ipl_money needed, allowed;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, rules);
    IPL__CHECK_ARG(err, balance);
    IPL__CHECK_ARG(err, value);
    if (strcmp(balance->currency, rules->currency) != 0 || balance->minor < 0)
        return ipl__fail(err, IPL_EINVAL, "balance",
                         "must be an amount >= 0 in %s", rules->currency);
    if (strcmp(value->currency, rules->currency) != 0 || value->minor <= 0)
        return ipl__fail(err, IPL_EINVAL, "value",
                         "must be a positive amount in %s", rules->currency);
    if (!isfinite(initial_ratio) || initial_ratio < 0 || initial_ratio > 1)
        return ipl__fail(err, IPL_EINVAL, "initial_ratio",
                         "must be 0..1, got %g", initial_ratio);
    memset(&h, 0, sizeof h);
    h.threshold = rules->caps.maintenance_ltv > 0 ? rules->caps.maintenance_ltv
                                                  : initial_ratio;
    /* Thresholds finer than 10^-12 are not ratios anyone writes; they
     * would also overflow the exact arithmetic below. */
    if (h.threshold < 1e-12)
        return ipl__fail(err, IPL_EINVAL, "initial_ratio",
                         "no maintenance loan-to-value: the rules have none "
                         "and the initial ratio is 0");
    h.ltv = (double)balance->minor / (double)value->minor;
    h.top_up = *value;
    h.top_up.minor = 0;
    h.repayment = h.top_up;
    if ((rc = ipl__value_needed(&needed, balance, h.threshold, err)) < 0 ||
        (rc = ipl_money_mul_rate(&allowed, value, h.threshold, IPL_ROUND_DOWN,
                                 err)) < 0)
        return rc;
    /* Exact comparison in minor units: the balance exceeds what the value
     * allows at the threshold. */
    h.breached = balance->minor > allowed.minor;
    if (h.breached) {
        h.top_up.minor = needed.minor - value->minor;
        h.repayment.minor = balance->minor - allowed.minor;
    }
    *out = h;
    return IPL_OK;
}
