/* The compensation regime and the subsidy rules of the case's policy.
 * The library turns a policy's <compensation> and <subsidies> sections
 * into the lending structs only from ipl_policy_compensation() and
 * ipl_policy_subsidy() on; until then this file holds the published
 * numbers of the presets the example cases use (DOMAIN.md 4.2, the
 * presets' sources), and is the one place to switch over. */
#include <string.h>

#include "appraise.h"

typedef struct preset_party {
    const char *name;
    ipl_compensation_role role;
    int64_t bp;
} preset_party;

typedef struct preset_regime {
    const char *policy;
    ipl_compensation_timing timing;
    size_t n;
    preset_party parties[4];   /* bp < 0: the case gives the shares */
} preset_regime;

static const preset_regime presets[] = {
    /* seed 000: losses compensated at 100 % within the bank's ceiling */
    { "dongguan", IPL_COMPENSATION_AFTER_DISPOSAL, 2,
      { { "fund", IPL_COMPENSATION_FUND, 10000 },
        { "bank", IPL_COMPENSATION_LENDER, 0 } } },
    /* seed 002: "4321" */
    { "xianning-4321", IPL_COMPENSATION_AFTER_DISPOSAL, 4,
      { { "guarantor", IPL_COMPENSATION_OTHER, 4000 },
        { "re-guarantor", IPL_COMPENSATION_OTHER, 3000 },
        { "bank", IPL_COMPENSATION_LENDER, 2000 },
        { "government", IPL_COMPENSATION_FUND, 1000 } } },
    /* seed 003: the fund pays its share at NPL, settlement after
     * disposal; the shares are not published */
    { "henan", IPL_COMPENSATION_PRECOMPENSATE, 2,
      { { "fund", IPL_COMPENSATION_FUND, -1 },
        { "bank", IPL_COMPENSATION_LENDER, -1 } } },
};

static const preset_regime *
preset_of(const char *policy)
{
    size_t i;

    for (i = 0; i < sizeof presets / sizeof presets[0]; i++)
        if (strcmp(presets[i].policy, policy) == 0)
            return &presets[i];
    return NULL;
}

static int
refuse(ipl_error *err, const char *where, const char *message)
{
    ipl_error_clear(err);
    err->code = IPL_EINVAL;
    snprintf(err->where, sizeof err->where, "%s", where);
    snprintf(err->message, sizeof err->message, "%s", message);
    return IPL_EINVAL;
}

/* The shares the case writes down (as fractions; basis points here). */
static int
case_parties(ipl_compensation_regime *r, const ipl_case_default *d, ipl_error *err)
{
    int64_t sum = 0;
    size_t i;

    if (d->n_parties < 2 || d->n_parties > IPL_COMPENSATION_MAX_PARTIES)
        return refuse(err, "default/party", "give 2 to 8 parties");
    r->n_parties = d->n_parties;
    r->n_tiers = 1;
    for (i = 0; i < d->n_parties; i++) {
        snprintf(r->parties[i].name, sizeof r->parties[i].name, "%s", d->parties[i].name);
        r->parties[i].role = d->parties[i].role;
        r->tiers[0].shares[i] = (int64_t)(d->parties[i].share * IPL_COMPENSATION_BP + 0.5);
        sum += r->tiers[0].shares[i];
    }
    if (sum != IPL_COMPENSATION_BP)
        return refuse(err, "default/party", "the shares must add up to 1");
    return IPL_OK;
}

int
appraise_regime(appraisal *a, ipl_error *err)
{
    const ipl_case_default *d = ipl_case_default_get(a->c);
    const preset_regime *p = preset_of(ipl_policy_name(a->policy));
    ipl_compensation_regime *r = &a->regime;
    size_t i;

    ipl_compensation_regime_init(r, IPL_COMPENSATION_REGIME_VERSION);
    r->timing = p != NULL ? p->timing : IPL_COMPENSATION_AFTER_DISPOSAL;
    r->prepay_fraction = r->timing == IPL_COMPENSATION_PRECOMPENSATE ? 1.0 : 0.0;
    if (d->n_parties > 0) {
        a->regime_source = "case";
        return case_parties(r, d, err);
    }
    if (p == NULL)
        return refuse(err, "default/party", "this policy's regime is not built in: give "
                      "the parties and their shares in the case");
    if (p->parties[0].bp < 0)
        return refuse(err, "default/party", "the policy publishes no shares: give the "
                      "agreed parties and shares in the case");
    a->regime_source = p->policy;
    r->n_parties = p->n;
    r->n_tiers = 1;
    for (i = 0; i < p->n; i++) {
        snprintf(r->parties[i].name, sizeof r->parties[i].name, "%s", p->parties[i].name);
        r->parties[i].role = p->parties[i].role;
        r->tiers[0].shares[i] = p->parties[i].bp;
    }
    return IPL_OK;
}

int
appraise_subsidy_rules(appraisal *a, ipl_error *err)
{
    const ipl_case_loan *loan = ipl_case_loan_get(a->c);
    appraised_subsidy *s;

    (void)err;
    if (strcmp(ipl_policy_name(a->policy), "dongguan") != 0)
        return IPL_OK;
    appraise_note(a, "dongguan: the interest subsidy's share is unpublished (seed 000 "
                  "gives only the 500,000.00 yearly cap); no interest subsidy is shown");
    if (loan->appraisal_fee.minor == 0) {
        appraise_note(a, "dongguan: no appraisal fee in the case; the 50 %% fee subsidy "
                      "is not shown");
        return IPL_OK;
    }
    s = &a->subsidies[a->nsubsidies++];
    s->name = "appraisal-fee";
    s->source = "seed 000: 50 % of the actual appraisal fee";
    ipl_subsidy_rule_init(&s->rule, IPL_SUBSIDY_RULE_VERSION);
    s->rule.base = IPL_SUBSIDY_FIXED_FEE;
    s->rule.share = 0.5;
    s->rule.fee = loan->appraisal_fee;
    return IPL_OK;
}
