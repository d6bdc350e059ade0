/* A policy's <compensation> and <subsidies> sections as the lending
 * layer's parameter blocks (ipl_policy_compensation(),
 * ipl_policy_subsidy() in include/ipledge/policy.h). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#include "ipledge/policy.h"
#include "error_internal.h"
#include "xmldoc_internal.h"
#include "policy_internal.h"

/* The n-th child element called name, or NULL. */
static xmlNodePtr
ipl__nth_child(xmlNodePtr node, const char *name, size_t n)
{
    xmlNodePtr c;

    for (c = node != NULL ? node->children : NULL; c != NULL; c = c->next)
        if (ipl__policy_is(c, name) && n-- == 0)
            return c;
    return NULL;
}

/* Whether an attribute equals value. */
static int
ipl__attr_is(xmlNodePtr node, const char *name, const char *value)
{
    xmlChar *v = ipl__policy_attr(node, name);
    int same = v != NULL && strcmp((const char *)v, value) == 0;

    xmlFree(v);
    return same;
}

static int
ipl__money_attr(ipl_money *out, xmlNodePtr node, const char *name,
                const ipl_policy *p, ipl_error *err)
{
    int64_t minor = 0;
    int rc = ipl__policy_amount(&minor, node, name, p->currency, p->name, err);

    if (rc == IPL_OK) {
        out->minor = minor;
        memcpy(out->currency, p->currency, 4);
    }
    return rc;
}

/* ---- compensation ---- */

/* The parties of the first tier: names and roles. */
static int
ipl__read_parties(ipl_compensation_regime *r, xmlNodePtr tier,
                  const ipl_policy *p, ipl_error *err)
{
    xmlNodePtr party;
    size_t i;

    for (i = 0; (party = ipl__nth_child(tier, "party", i)) != NULL; i++) {
        xmlChar *name = ipl__policy_attr(party, "name");

        if (i == IPL_COMPENSATION_MAX_PARTIES) {
            xmlFree(name);
            return ipl__xmldoc_fail_at(err, IPL_EINVAL, p->name, party,
                                       "more than %d parties",
                                       IPL_COMPENSATION_MAX_PARTIES);
        }
        snprintf(r->parties[i].name, sizeof r->parties[i].name, "%s",
                 (const char *)name);
        xmlFree(name);
        r->parties[i].role = ipl__attr_is(party, "role", "fund")
                             ? IPL_COMPENSATION_FUND
                             : ipl__attr_is(party, "role", "lender")
                             ? IPL_COMPENSATION_LENDER : IPL_COMPENSATION_OTHER;
    }
    r->n_parties = i;
    return IPL_OK;
}

/* A tier's shares in basis points: its own weights, or the caller's
 * where the document leaves them out. */
static int
ipl__read_shares(ipl_compensation_tier *t, const ipl_compensation_regime *r,
                 xmlNodePtr tier, const int64_t *weights, size_t n,
                 const ipl_policy *p, ipl_error *err)
{
    int64_t given[IPL_COMPENSATION_MAX_PARTIES];
    ipl_money whole, parts[IPL_COMPENSATION_MAX_PARTIES];
    size_t i, missing = 0;
    int rc;

    for (i = 0; i < r->n_parties; i++) {
        xmlNodePtr party = ipl__nth_child(tier, "party", i);
        xmlChar *name = party != NULL ? ipl__policy_attr(party, "name") : NULL;
        double share = -1;

        if (name == NULL || strcmp((const char *)name, r->parties[i].name) != 0) {
            xmlFree(name);
            return ipl__xmldoc_fail_at(err, IPL_EINVAL, p->name, tier,
                                       "every tier must name the first tier's "
                                       "parties in the same order");
        }
        xmlFree(name);
        if ((rc = ipl__policy_number(&share, party, "share", p->name, err)) < 0)
            return rc;
        missing += share < 0;
        given[i] = share < 0 ? 0 : (int64_t)share;
    }
    if (ipl__nth_child(tier, "party", r->n_parties) != NULL)
        return ipl__xmldoc_fail_at(err, IPL_EINVAL, p->name, tier,
                                   "every tier must name the first tier's parties");
    if (missing > 0) {
        if (weights == NULL)
            return ipl__fail(err, IPL_EINVAL, "compensation.shares",
                             "policy '%s' does not publish the parties' shares; "
                             "pass them as weights", p->name);
        if (n != r->n_parties)
            return ipl__fail(err, IPL_EINVAL, "weights",
                             "%zu weights for %zu parties", n, r->n_parties);
        memcpy(given, weights, n * sizeof *weights);
    }
    if ((rc = ipl_money_from_minor(&whole, IPL_COMPENSATION_BP, p->currency,
                                   err)) < 0 ||
        (rc = ipl_money_split(parts, &whole, given, r->n_parties, err)) < 0)
        return rc;
    for (i = 0; i < r->n_parties; i++)
        t->shares[i] = parts[i].minor;
    return IPL_OK;
}

static int
ipl__read_comp_caps(ipl_compensation_regime *r, xmlNodePtr comp,
                    const ipl_policy *p, ipl_error *err)
{
    xmlNodePtr caps = ipl__policy_child(comp, "caps");
    int rc;

    memcpy(r->cap_covered_per_loan.currency, p->currency, 4);
    memcpy(r->cap_payout_per_loan.currency, p->currency, 4);
    memcpy(r->cap_borrower_year.currency, p->currency, 4);
    memcpy(r->cap_bank_year.currency, p->currency, 4);
    if (caps == NULL)
        return IPL_OK;
    if ((rc = ipl__money_attr(&r->cap_covered_per_loan, caps,
                              "covered-per-loan", p, err)) < 0 ||
        (rc = ipl__money_attr(&r->cap_payout_per_loan, caps, "payout-per-loan",
                              p, err)) < 0 ||
        (rc = ipl__money_attr(&r->cap_borrower_year, caps, "per-borrower-year",
                              p, err)) < 0 ||
        (rc = ipl__money_attr(&r->cap_bank_year, caps, "per-bank-year", p,
                              err)) < 0)
        return rc;
    return IPL_OK;
}

int
ipl_policy_compensation(const ipl_policy *policy, const int64_t *weights,
                        size_t n, ipl_compensation_regime *out, ipl_error *err)
{
    ipl_compensation_regime r;
    xmlNodePtr comp, tier;
    double months = 0;
    size_t t;
    int rc;

    IPL__CHECK_ARG(err, policy);
    IPL__CHECK_ARG(err, out);
    comp = ipl__policy_child(xmlDocGetRootElement(policy->doc), "compensation");
    if (comp == NULL)
        return ipl__fail(err, IPL_EINVAL, "compensation",
                         "policy '%s' has no compensation regime", policy->name);
    ipl_compensation_regime_init(&r, IPL_COMPENSATION_REGIME_VERSION);
    r.cover = ipl__attr_is(comp, "cover", "principal-and-interest")
              ? IPL_COMPENSATION_PRINCIPAL_INTEREST : IPL_COMPENSATION_PRINCIPAL;
    if (ipl__attr_is(comp, "timing", "pre")) {
        r.timing = IPL_COMPENSATION_PRECOMPENSATE;
        r.prepay_fraction = 1;
    }
    if ((rc = ipl__policy_number(&r.prepay_fraction, comp, "prepay-share",
                                 policy->name, err)) < 0 ||
        (rc = ipl__policy_number(&r.min_ip_share, comp, "min-ip-share",
                                 policy->name, err)) < 0 ||
        (rc = ipl__policy_number(&months, comp, "prepay-after-months",
                                 policy->name, err)) < 0 ||
        (rc = ipl__read_parties(&r, ipl__nth_child(comp, "tier", 0), policy,
                                err)) < 0)
        return rc;
    r.prepay_delay_months = (unsigned int)months;
    for (t = 0; (tier = ipl__nth_child(comp, "tier", t)) != NULL; t++) {
        if (t == IPL_COMPENSATION_MAX_TIERS)
            return ipl__xmldoc_fail_at(err, IPL_EINVAL, policy->name, tier,
                                       "more than %d tiers",
                                       IPL_COMPENSATION_MAX_TIERS);
        if ((rc = ipl__money_attr(&r.tiers[t].up_to, tier, "up-to", policy,
                                  err)) < 0 ||
            (rc = ipl__read_shares(&r.tiers[t], &r, tier, weights, n, policy,
                                   err)) < 0)
            return rc;
        memcpy(r.tiers[t].up_to.currency, policy->currency, 4);
    }
    r.n_tiers = t;
    if ((rc = ipl__read_comp_caps(&r, comp, policy, err)) < 0)
        return rc;
    *out = r;
    return IPL_OK;
}

int
ipl_policy_bank_cap_share(const ipl_policy *policy, double *min, double *max)
{
    xmlNodePtr comp, caps;
    double lo = 0, hi = 0;

    if (min != NULL)
        *min = 0;
    if (max != NULL)
        *max = 0;
    if (policy == NULL)
        return 0;
    comp = ipl__policy_child(xmlDocGetRootElement(policy->doc), "compensation");
    caps = comp != NULL ? ipl__policy_child(comp, "caps") : NULL;
    if (caps == NULL ||
        ipl__policy_number(&lo, caps, "bank-share-of-new-loans-min", "", NULL) < 0 ||
        ipl__policy_number(&hi, caps, "bank-share-of-new-loans-max", "", NULL) < 0 ||
        (lo <= 0 && hi <= 0))
        return 0;
    if (min != NULL)
        *min = lo > 0 ? lo : hi;
    if (max != NULL)
        *max = hi > 0 ? hi : lo;
    return 1;
}

/* ---- subsidies ---- */

size_t
ipl_policy_subsidy_count(const ipl_policy *policy)
{
    xmlNodePtr subs, c;
    size_t n = 0;

    if (policy == NULL)
        return 0;
    subs = ipl__policy_child(xmlDocGetRootElement(policy->doc), "subsidies");
    for (c = subs != NULL ? subs->children : NULL; c != NULL; c = c->next)
        n += (size_t)ipl__policy_is(c, "subsidy");
    return n;
}

static const char *const ipl__subsidy_kinds[] = {
    "interest", "appraisal-fee", "guarantee-fee", "insurance-premium",
    "first-loan"
};

/* The base and the rate a kind of subsidy is computed on. */
static int
ipl__subsidy_base(ipl_subsidy_rule *r, xmlNodePtr s, size_t kind, double lpr,
                  const ipl_policy *p, ipl_error *err)
{
    double bp = 0, multiple = 0;
    int rc;

    switch (kind) {
    case 0:
        if (ipl__attr_is(s, "basis", "lower")) {
            r->base = IPL_SUBSIDY_REFERENCE_INTEREST;
            r->rate = lpr;
        } else {
            r->base = IPL_SUBSIDY_ACTUAL_INTEREST;
        }
        if ((rc = ipl__policy_number(&multiple, s, "max-rate-lpr-multiple",
                                     p->name, err)) < 0)
            return rc;
        r->max_loan_rate = lpr * multiple;
        if ((r->base == IPL_SUBSIDY_REFERENCE_INTEREST || multiple > 0) &&
            !(lpr > 0 && lpr < 1))
            return ipl__xmldoc_fail_at(err, IPL_EINVAL, p->name, s,
                                       "this rule needs the one-year LPR, got %g",
                                       lpr);
        return IPL_OK;
    case 1:
        r->base = IPL_SUBSIDY_FIXED_FEE;
        return IPL_OK;
    case 4:
        r->base = IPL_SUBSIDY_RATE_ON_BALANCE;
        r->share = 1;
        if ((rc = ipl__policy_number(&bp, s, "bp", p->name, err)) < 0)
            return rc;
        r->rate = bp / 10000;
        return IPL_OK;
    default:
        r->base = IPL_SUBSIDY_RATE_ON_BALANCE;
        return IPL_OK;
    }
}

static int
ipl__subsidy_caps(ipl_subsidy_rule *r, xmlNodePtr s, const ipl_policy *p,
                  ipl_error *err)
{
    double months = 0;
    int rc;

    memcpy(r->fee.currency, p->currency, 4);
    memcpy(r->cap_per_year.currency, p->currency, 4);
    memcpy(r->cap_total.currency, p->currency, 4);
    if ((rc = ipl__money_attr(&r->cap_per_year, s, "cap-per-year", p, err)) < 0 ||
        (rc = ipl__money_attr(&r->cap_total, s, "cap-total", p, err)) < 0 ||
        (rc = ipl__policy_number(&r->cap_loan_fraction, s, "cap-loan-share",
                                 p->name, err)) < 0 ||
        (rc = ipl__policy_number(&months, s, "max-months", p->name, err)) < 0)
        return rc;
    r->max_months = (unsigned int)months;
    r->payment = ipl__attr_is(s, "paid", "per-year") ? IPL_SUBSIDY_PER_YEAR
                 : ipl__attr_is(s, "paid", "after-repayment")
                 ? IPL_SUBSIDY_AFTER_REPAYMENT : IPL_SUBSIDY_PER_PERIOD;
    return IPL_OK;
}

int
ipl_policy_subsidy(const ipl_policy *policy, size_t i, double lpr,
                   ipl_subsidy_rule *out, const char **kind, ipl_error *err)
{
    ipl_subsidy_rule r;
    xmlNodePtr s;
    size_t k;
    int rc;

    IPL__CHECK_ARG(err, policy);
    IPL__CHECK_ARG(err, out);
    s = ipl__nth_child(ipl__policy_child(xmlDocGetRootElement(policy->doc),
                                         "subsidies"), "subsidy", i);
    if (s == NULL)
        return ipl__fail(err, IPL_EINVAL, "i",
                         "policy '%s' has %zu subsidies, asked for number %zu",
                         policy->name, ipl_policy_subsidy_count(policy), i);
    if (!isfinite(lpr))
        return ipl__fail(err, IPL_EINVAL, "lpr", "must be a finite number");
    for (k = 0; k < 5 && !ipl__attr_is(s, "kind", ipl__subsidy_kinds[k]); k++)
        ;
    if (k == 5)         /* the schema admits no other kind */
        return ipl__xmldoc_fail_at(err, IPL_ERROR, policy->name, s,
                                   "unknown kind of subsidy");
    ipl_subsidy_rule_init(&r, IPL_SUBSIDY_RULE_VERSION);
    if ((rc = ipl__policy_number(&r.share, s, "share", policy->name, err)) < 0 ||
        (rc = ipl__subsidy_base(&r, s, k, lpr, policy, err)) < 0 ||
        (rc = ipl__subsidy_caps(&r, s, policy, err)) < 0)
        return rc;
    if (!(r.share > 0))
        return ipl__xmldoc_fail_at(err, IPL_EINVAL, policy->name, s,
                                   "the sources do not publish the share "
                                   "subsidised");
    if (kind != NULL)
        *kind = ipl__subsidy_kinds[k];
    *out = r;
    return IPL_OK;
}
