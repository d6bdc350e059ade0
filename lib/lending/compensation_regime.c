/* Compensation regimes: initialisation, checks and tier lookup. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ipledge/compensation.h"
#include "error_internal.h"
#include "money_internal.h"
#include "compensation_internal.h"
#include "lending_internal.h"

int
ipl_compensation_regime_init(ipl_compensation_regime *regime, unsigned int version)
{
    if (regime == NULL)
        return IPL_EINVAL;
    if (version != IPL_COMPENSATION_REGIME_VERSION)
        return IPL_EVERSION;
    memset(regime, 0, sizeof *regime);
    regime->version = version;
    return IPL_OK;
}

static int
comp__check_parties(const ipl_compensation_regime *r, size_t *lender, ipl_error *err)
{
    size_t i, lenders = 0;

    if (r->n_parties < 2 || r->n_parties > IPL_COMPENSATION_MAX_PARTIES)
        return ipl__fail(err, IPL_EINVAL, "regime.n_parties", "must be 2..%d, got %zu",
                         IPL_COMPENSATION_MAX_PARTIES, r->n_parties);
    for (i = 0; i < r->n_parties; i++) {
        const ipl_compensation_party *p = &r->parties[i];
        char where[40];

        snprintf(where, sizeof where, "regime.parties[%zu]", i);
        if (p->name[0] == '\0'
            || memchr(p->name, '\0', IPL_COMPENSATION_NAME_MAX) == NULL)
            return ipl__fail(err, IPL_EINVAL, where,
                             "name must be 1..%d bytes and NUL-terminated",
                             IPL_COMPENSATION_NAME_MAX - 1);
        if ((unsigned)p->role > IPL_COMPENSATION_LENDER)
            return ipl__fail(err, IPL_EINVAL, where, "unknown role %d", (int)p->role);
        if (p->role == IPL_COMPENSATION_LENDER) {
            *lender = i;
            lenders++;
        }
    }
    if (lenders != 1)
        return ipl__fail(err, IPL_EINVAL, "regime.parties",
                         "exactly one party must be the lender, found %zu", lenders);
    return IPL_OK;
}

static int
comp__check_tiers(const ipl_compensation_regime *r, const char *currency,
                  ipl_error *err)
{
    size_t i, j;
    int rc;

    if (r->n_tiers < 1 || r->n_tiers > IPL_COMPENSATION_MAX_TIERS)
        return ipl__fail(err, IPL_EINVAL, "regime.n_tiers", "must be 1..%d, got %zu",
                         IPL_COMPENSATION_MAX_TIERS, r->n_tiers);
    for (i = 0; i < r->n_tiers; i++) {
        const ipl_compensation_tier *t = &r->tiers[i];
        char where[40];
        int64_t sum = 0;

        snprintf(where, sizeof where, "regime.tiers[%zu]", i);
        if ((rc = ipl__lending_amount(&t->up_to, currency, where, err)) < 0)
            return rc;
        if (t->up_to.minor == 0 && i + 1 < r->n_tiers)
            return ipl__fail(err, IPL_EINVAL, where,
                             "only the last tier may be unbounded (up_to 0)");
        if (i > 0 && t->up_to.minor != 0 && t->up_to.minor <= r->tiers[i - 1].up_to.minor)
            return ipl__fail(err, IPL_EINVAL, where, "up_to must increase from tier to tier");
        for (j = 0; j < r->n_parties; j++) {
            if (t->shares[j] < 0 || t->shares[j] > IPL_COMPENSATION_BP)
                return ipl__fail(err, IPL_EINVAL, where,
                                 "shares[%zu] must be 0..%d basis points, got %lld", j,
                                 IPL_COMPENSATION_BP, (long long)t->shares[j]);
            sum += t->shares[j];
        }
        if (sum != IPL_COMPENSATION_BP)
            return ipl__fail(err, IPL_EINVAL, where,
                             "shares add up to %lld basis points, not %d",
                             (long long)sum, IPL_COMPENSATION_BP);
    }
    return IPL_OK;
}

static int
comp__check_caps(const ipl_compensation_regime *r, const char *currency,
                 ipl_error *err)
{
    int rc;

    if ((rc = ipl__lending_amount(&r->cap_covered_per_loan, currency,
                               "regime.cap_covered_per_loan", err)) < 0
        || (rc = ipl__lending_amount(&r->cap_payout_per_loan, currency,
                                  "regime.cap_payout_per_loan", err)) < 0
        || (rc = ipl__lending_amount(&r->cap_borrower_year, currency,
                                  "regime.cap_borrower_year", err)) < 0
        || (rc = ipl__lending_amount(&r->cap_bank_year, currency,
                                  "regime.cap_bank_year", err)) < 0)
        return rc;
    return IPL_OK;
}

int
ipl__comp_check_regime(const ipl_compensation_regime *r, const char *currency,
                       ipl_rounding *how, size_t *lender, ipl_error *err)
{
    int rc;

    IPL__CHECK_ARG(err, r);
    if (r->version != IPL_COMPENSATION_REGIME_VERSION)
        return ipl__fail(err, IPL_EVERSION, "regime.version",
                         "unknown version %u (this library knows %u)", r->version,
                         IPL_COMPENSATION_REGIME_VERSION);
    if ((rc = comp__check_parties(r, lender, err)) < 0
        || (rc = comp__check_tiers(r, currency, err)) < 0
        || (rc = comp__check_caps(r, currency, err)) < 0)
        return rc;
    if ((unsigned)r->cover > IPL_COMPENSATION_PRINCIPAL_INTEREST)
        return ipl__fail(err, IPL_EINVAL, "regime.cover", "unknown cover %d", (int)r->cover);
    if ((unsigned)r->timing > IPL_COMPENSATION_PRECOMPENSATE)
        return ipl__fail(err, IPL_EINVAL, "regime.timing", "unknown timing %d",
                         (int)r->timing);
    if (r->timing == IPL_COMPENSATION_PRECOMPENSATE
        && !(r->prepay_fraction > 0.0 && r->prepay_fraction <= 1.0))
        return ipl__fail(err, IPL_EINVAL, "regime.prepay_fraction",
                         "must lie in (0, 1] for pre-compensation, got %g",
                         r->prepay_fraction);
    if (!(r->cap_bank_year_fraction >= 0.0 && r->cap_bank_year_fraction <= 1.0))
        return ipl__fail(err, IPL_EINVAL, "regime.cap_bank_year_fraction",
                         "must be a fraction in [0, 1], got %g", r->cap_bank_year_fraction);
    if (!(r->min_ip_share >= 0.0 && r->min_ip_share <= 1.0))
        return ipl__fail(err, IPL_EINVAL, "regime.min_ip_share",
                         "must be a fraction in [0, 1], got %g", r->min_ip_share);
    if (r->prepay_delay_months > 120)
        return ipl__fail(err, IPL_EINVAL, "regime.prepay_delay_months",
                         "must be 0..120, got %u", r->prepay_delay_months);
    if (r->rounding == IPL_ROUND_NEVER || (rc = ipl__money_rounding(r->rounding, NULL)) < 0)
        return ipl__fail(err, IPL_EINVAL, "regime.rounding",
                         "must be half-even, half-up or down, got %d", (int)r->rounding);
    *how = (ipl_rounding)rc;
    return IPL_OK;
}

int
ipl__comp_tier(size_t *out, const ipl_compensation_regime *r, int64_t balance,
               const char *where, ipl_error *err)
{
    size_t i;

    for (i = 0; i < r->n_tiers; i++)
        if (r->tiers[i].up_to.minor == 0 || balance <= r->tiers[i].up_to.minor) {
            *out = i;
            return IPL_OK;
        }
    return ipl__fail(err, IPL_ERANGE, where,
                     "%lld minor units lies above the last tier (%lld)",
                     (long long)balance, (long long)r->tiers[r->n_tiers - 1].up_to.minor);
}

int64_t
ipl__comp_fund_bp(const ipl_compensation_regime *r, size_t tier)
{
    int64_t bp = 0;
    size_t i;

    for (i = 0; i < r->n_parties; i++)
        if (r->parties[i].role == IPL_COMPENSATION_FUND)
            bp += r->tiers[tier].shares[i];
    return bp;
}
