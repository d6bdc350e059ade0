/* Deriving a share (分成率) and recording how (DOMAIN.md §1.2, §2.4). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "value_internal.h"

/* Industry royalty bands on net sales (UNIDO-style guidance quoted in
 * DOMAIN.md §1.2): data, not code; a band is [low, high]. */
static const struct {
    const char *industry;
    double      low, high;
} bands[] = {
    { "basic",               0.02, 0.03 },
    { "intermediate",        0.03, 0.04 },
    { "durable-consumer",    0.04, 0.05 },
    { "nondurable-consumer", 0.04, 0.05 },
    { "high-tech",           0.05, 0.06 }
};

static int
check_in(double x, double lo, double hi, const char *where, ipl_error *err)
{
    if (isnan(x) || isinf(x))
        return ipl__fail(err, IPL_EINVAL, where, "must be a finite number");
    if (x < lo || x > hi)
        return ipl__fail(err, IPL_ERANGE, where, "must be in [%g, %g], got %g", lo, hi, x);
    return IPL_OK;
}

static void
fill(ipl_value_share *out, double rate, ipl_value_share_method m, int heuristic)
{
    out->rate = rate;
    out->method = m;
    out->heuristic = heuristic;
}

int
ipl_value_share_equivalent(ipl_value_share *out, double ip_cost, double ip_margin,
                           double buyer_assets, double buyer_margin, ipl_error *err)
{
    double ip, buyer;
    int rc;

    IPL__CHECK_ARG(err, out);
    if ((rc = check_in(ip_cost, 1e-300, HUGE_VAL, "ip_cost", err)) < 0 ||
        (rc = check_in(ip_margin, -0.99, 1e6, "ip_margin", err)) < 0 ||
        (rc = check_in(buyer_assets, 1e-300, HUGE_VAL, "buyer_assets", err)) < 0 ||
        (rc = check_in(buyer_margin, -0.99, 1e6, "buyer_margin", err)) < 0)
        return rc;
    ip = ip_cost * (1 + ip_margin);
    buyer = buyer_assets * (1 + buyer_margin);
    fill(out, ip / (ip + buyer), IPL_VALUE_SHARE_EQUIVALENT, 0);
    snprintf(out->how, sizeof out->how, "equivalent investment: %g x (1 + %g) / "
             "(%g x (1 + %g) + %g x (1 + %g)) = %.6f", ip_cost, ip_margin, ip_cost,
             ip_margin, buyer_assets, buyer_margin, out->rate);
    return IPL_OK;
}

int
ipl_value_share_revenue(ipl_value_share *out, double profit_share, double margin,
                        ipl_error *err)
{
    int rc;

    IPL__CHECK_ARG(err, out);
    if ((rc = check_in(profit_share, 0, 1, "profit_share", err)) < 0 ||
        (rc = check_in(margin, 0, 1, "margin", err)) < 0)
        return rc;
    fill(out, profit_share * margin, IPL_VALUE_SHARE_REVENUE, 0);
    snprintf(out->how, sizeof out->how, "revenue share = profit share %g x margin %g "
             "= %.6f", profit_share, margin, out->rate);
    return IPL_OK;
}

int
ipl_value_share_rule25(ipl_value_share *out, double margin, ipl_error *err)
{
    int rc;

    IPL__CHECK_ARG(err, out);
    if ((rc = check_in(margin, 0, 1, "margin", err)) < 0)
        return rc;
    fill(out, 0.25 * margin, IPL_VALUE_SHARE_RULE_25, 1);
    snprintf(out->how, sizeof out->how, "25 %% rule (heuristic, not evidence): 0.25 x "
             "margin %g = %.6f", margin, out->rate);
    return IPL_OK;
}

int
ipl_value_share_score(ipl_value_share *out, double lower, double upper, double score,
                      ipl_error *err)
{
    int rc;

    IPL__CHECK_ARG(err, out);
    if ((rc = check_in(lower, 0, 1, "lower", err)) < 0 ||
        (rc = check_in(upper, lower, 1, "upper", err)) < 0 ||
        (rc = check_in(score, 0, 1, "score", err)) < 0)
        return rc;
    fill(out, lower + (upper - lower) * score, IPL_VALUE_SHARE_SCORE, 0);
    snprintf(out->how, sizeof out->how, "score interpolation: %g + (%g - %g) x %g = "
             "%.6f", lower, upper, lower, score, out->rate);
    return IPL_OK;
}

int
ipl_value_share_band(ipl_value_share *out, const char *industry, double score,
                     ipl_error *err)
{
    size_t i;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, industry);
    if ((rc = check_in(score, 0, 1, "score", err)) < 0)
        return rc;
    for (i = 0; i < sizeof bands / sizeof bands[0]; i++)
        if (strcmp(industry, bands[i].industry) == 0) {
            fill(out, bands[i].low + (bands[i].high - bands[i].low) * score,
                 IPL_VALUE_SHARE_BAND, 0);
            snprintf(out->how, sizeof out->how, "industry band %s [%g, %g] at %g = "
                     "%.6f", industry, bands[i].low, bands[i].high, score, out->rate);
            return IPL_OK;
        }
    return ipl__fail(err, IPL_EINVAL, "industry", "no royalty band for '%s'", industry);
}
