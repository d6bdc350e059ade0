/* The compensation regime and the subsidy rules of the case's policy,
 * from the policy document (ipl_policy_compensation(),
 * ipl_policy_subsidy()), completed with what the case adds: the agreed
 * shares where the policy publishes none, the appraisal fee, the LPR. */
#include <string.h>

#include "appraise.h"

/* The case's agreed shares as weights in the policy's party order
 * (basis points); the names must be the policy's. */
static int
weights_of(int64_t *w, const ipl_compensation_regime *policy_parties,
           const ipl_case_default *d, ipl_error *err)
{
    size_t i, j;

    for (i = 0; i < policy_parties->n_parties; i++) {
        for (j = 0; j < d->n_parties; j++)
            if (strcmp(d->parties[j].name, policy_parties->parties[i].name) == 0)
                break;
        if (j == d->n_parties) {
            ipl_error_clear(err);
            err->code = IPL_EINVAL;
            snprintf(err->where, sizeof err->where, "default/party");
            snprintf(err->message, sizeof err->message,
                     "the policy's party \"%s\" has no share in the case",
                     policy_parties->parties[i].name);
            return IPL_EINVAL;
        }
        w[i] = (int64_t)(d->parties[j].share * IPL_COMPENSATION_BP + 0.5);
    }
    return IPL_OK;
}

/* A regime made of the case's parties alone, for a policy with no
 * compensation section (a bank's own agreement with a guarantor). */
static int
case_regime(ipl_compensation_regime *r, const ipl_case_default *d, ipl_error *err)
{
    int64_t w[IPL_COMPENSATION_MAX_PARTIES];
    size_t i;

    ipl_compensation_regime_init(r, IPL_COMPENSATION_REGIME_VERSION);
    if (d->n_parties > IPL_COMPENSATION_MAX_PARTIES) {
        ipl_error_clear(err);
        err->code = IPL_EINVAL;
        snprintf(err->where, sizeof err->where, "default/party");
        snprintf(err->message, sizeof err->message, "at most %d parties",
                 IPL_COMPENSATION_MAX_PARTIES);
        return IPL_EINVAL;
    }
    r->n_parties = d->n_parties;
    r->n_tiers = 1;
    for (i = 0; i < d->n_parties; i++) {
        snprintf(r->parties[i].name, sizeof r->parties[i].name, "%s", d->parties[i].name);
        r->parties[i].role = d->parties[i].role;
        w[i] = (int64_t)(d->parties[i].share * IPL_COMPENSATION_BP + 0.5);
    }
    /* the shares add up exactly, by the largest remainder */
    {
        ipl_money total = { IPL_COMPENSATION_BP, "XXX" }, parts[IPL_COMPENSATION_MAX_PARTIES];
        int rc = ipl_money_split(parts, &total, w, d->n_parties, err);

        for (i = 0; rc == IPL_OK && i < d->n_parties; i++)
            r->tiers[0].shares[i] = parts[i].minor;
        return rc;
    }
}

/* The policy's regime with its parties, whether or not it publishes
 * their shares; 0 when it has no compensation section. Unpublished
 * shares need as many weights as the document has parties, which only
 * the document knows: the count is found by trying each. */
static int
policy_parties(ipl_compensation_regime *out, const ipl_policy *policy)
{
    int64_t ones[IPL_COMPENSATION_MAX_PARTIES];
    size_t n;

    if (ipl_policy_compensation(policy, NULL, 0, out, NULL) == IPL_OK)
        return 1;
    for (n = 0; n < IPL_COMPENSATION_MAX_PARTIES; n++)
        ones[n] = 1;
    for (n = 2; n <= IPL_COMPENSATION_MAX_PARTIES; n++)
        if (ipl_policy_compensation(policy, ones, n, out, NULL) == IPL_OK)
            return 1;
    return 0;
}

int
appraise_regime(appraisal *a, ipl_error *err)
{
    const ipl_case_default *d = ipl_case_default_get(a->c);
    int64_t w[IPL_COMPENSATION_MAX_PARTIES];
    ipl_compensation_regime probe;
    double lo, hi;
    int rc;

    if (d->n_parties == 0) {
        a->regime_source = ipl_policy_name(a->policy);
        rc = ipl_policy_compensation(a->policy, NULL, 0, &a->regime, err);
    } else if (policy_parties(&probe, a->policy)) {
        a->regime_source = "case";
        if ((rc = weights_of(w, &probe, d, err)) == IPL_OK)
            rc = ipl_policy_compensation(a->policy, w, probe.n_parties, &a->regime, err);
    } else {
        a->regime_source = "case";
        rc = case_regime(&a->regime, d, err);
    }
    if (rc == IPL_OK && ipl_policy_bank_cap_share(a->policy, &lo, &hi))
        appraise_note(a, "%s: the bank's yearly compensation cap (%g-%g %% of its "
                      "eligible new loans) is not applied: the case gives neither the "
                      "agreed share nor the bank's new loans", ipl_policy_name(a->policy),
                      100 * lo, 100 * hi);
    return rc;
}

int
appraise_subsidy_rules(appraisal *a, ipl_error *err)
{
    const ipl_case_loan *loan = ipl_case_loan_get(a->c);
    size_t i, n = ipl_policy_subsidy_count(a->policy);

    (void)err;
    for (i = 0; i < n && a->nsubsidies < APPRAISE_MAX_SUBSIDIES; i++) {
        appraised_subsidy *s = &a->subsidies[a->nsubsidies];
        const char *kind = NULL;
        ipl_error why;

        if (ipl_policy_subsidy(a->policy, i, loan->lpr, &s->rule, &kind, &why) < 0) {
            appraise_note(a, "%s: subsidy %zu not shown: %s", ipl_policy_name(a->policy),
                          i + 1, why.message);
            continue;
        }
        s->name = kind;
        s->source = ipl_policy_name(a->policy);
        if (strcmp(kind, "appraisal-fee") == 0) {
            if (loan->appraisal_fee.minor == 0) {
                appraise_note(a, "%s: appraisal-fee subsidy not shown: the case gives no "
                              "appraisal fee", ipl_policy_name(a->policy));
                continue;
            }
            s->rule.fee = loan->appraisal_fee;
        } else if (strcmp(kind, "guarantee-fee") == 0 ||
                   strcmp(kind, "insurance-premium") == 0) {
            appraise_note(a, "%s: %s subsidy not shown: the case gives no fee rate",
                          ipl_policy_name(a->policy), kind);
            continue;
        }
        a->nsubsidies++;
    }
    if (i < n)
        appraise_note(a, "%s: only the first %d subsidies are shown",
                      ipl_policy_name(a->policy), APPRAISE_MAX_SUBSIDIES);
    return IPL_OK;
}
