/* The compensation regime and the subsidy rules of the case's policy
 * (ipl_policy_compensation(), ipl_policy_subsidy()), completed with what
 * the case adds: the agreed shares where the policy publishes none, the
 * appraisal fee, the LPR. */
#include <stdio.h>
#include <string.h>

#include "alloc_internal.h"
#include "appraisal_internal.h"
#include "emit_internal.h"

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
        if (j == d->n_parties)
            return ipl__fail(err, IPL_EINVAL, "default.party",
                             "the policy's party \"%s\" has no share in the case",
                             policy_parties->parties[i].name);
        w[i] = (int64_t)(d->parties[j].share * IPL_COMPENSATION_BP + 0.5);
    }
    return IPL_OK;
}

/* A regime made of the case's parties alone, for a policy with no
 * compensation section (a bank's own agreement with a guarantor); the
 * shares add up exactly, by the largest remainder. */
static int
case_regime(ipl_compensation_regime *r, const ipl_case_default *d, ipl_error *err)
{
    int64_t w[IPL_COMPENSATION_MAX_PARTIES];
    ipl_money total = { IPL_COMPENSATION_BP, "XXX" }, parts[IPL_COMPENSATION_MAX_PARTIES];
    size_t i;
    int rc;

    ipl_compensation_regime_init(r, IPL_COMPENSATION_REGIME_VERSION);
    if (d->n_parties > IPL_COMPENSATION_MAX_PARTIES)
        return ipl__fail(err, IPL_EINVAL, "default.party", "at most %d parties, got %zu",
                         IPL_COMPENSATION_MAX_PARTIES, d->n_parties);
    r->n_parties = d->n_parties;
    r->n_tiers = 1;
    for (i = 0; i < d->n_parties; i++) {
        snprintf(r->parties[i].name, sizeof r->parties[i].name, "%s", d->parties[i].name);
        r->parties[i].role = d->parties[i].role;
        w[i] = (int64_t)(d->parties[i].share * IPL_COMPENSATION_BP + 0.5);
    }
    if ((rc = ipl_money_split(parts, &total, w, d->n_parties, err)) < 0)
        return rc;
    for (i = 0; i < d->n_parties; i++)
        r->tiers[0].shares[i] = parts[i].minor;
    return IPL_OK;
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
ipl__appraisal_regime(ipl_appraisal *a, ipl_error *err)
{
    const ipl_case_default *d = ipl_case_default_get(a->c);
    int64_t w[IPL_COMPENSATION_MAX_PARTIES];
    ipl_compensation_regime probe;
    char low[IPL__NUMBER_MAX], high[IPL__NUMBER_MAX];
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
        rc = ipl__appraisal_note(a, err, "%s: the bank's yearly compensation cap (%s-%s %% "
                                 "of its eligible new loans) is not applied: the case "
                                 "gives neither the agreed share nor the bank's new "
                                 "loans", ipl_policy_name(a->policy),
                                 ipl__fmt_real(low, 100 * lo, 0),
                                 ipl__fmt_real(high, 100 * hi, 0));
    return rc;
}

/* Completes a rule from the case; 0 with a note when the case lacks
 * what the rule needs. */
static int
complete(ipl_appraisal *a, ipl_appraisal_subsidy *s, int *usable, ipl_error *err)
{
    const ipl_case_loan *loan = ipl_case_loan_get(a->c);
    const char *policy = ipl_policy_name(a->policy);

    *usable = 0;
    if (strcmp(s->name, "appraisal-fee") == 0) {
        if (loan->appraisal_fee.minor == 0)
            return ipl__appraisal_note(a, err, "%s: appraisal-fee subsidy not shown: the "
                                       "case gives no appraisal fee", policy);
        s->rule.fee = loan->appraisal_fee;
    } else if (strcmp(s->name, "guarantee-fee") == 0 ||
               strcmp(s->name, "insurance-premium") == 0) {
        return ipl__appraisal_note(a, err, "%s: %s subsidy not shown: the case gives no "
                                   "fee rate", policy, s->name);
    }
    *usable = 1;
    return IPL_OK;
}

int
ipl__appraisal_subsidy_rules(ipl_appraisal *a, ipl_error *err)
{
    size_t i, n = ipl_policy_subsidy_count(a->policy);
    int rc, usable;

    if (n > 0 && (a->subsidies = ipl__calloc(n, sizeof *a->subsidies)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, "subsidies", "out of memory");
    for (i = 0; i < n; i++) {
        ipl_appraisal_subsidy *s = &a->subsidies[a->nsubsidies].view;
        ipl_error why;

        if (ipl_policy_subsidy(a->policy, i, ipl_case_loan_get(a->c)->lpr, &s->rule,
                               &s->name, &why) < 0) {
            if ((rc = ipl__appraisal_note(a, err, "%s: subsidy %zu not shown: %s",
                                          ipl_policy_name(a->policy), i + 1,
                                          why.message)) < 0)
                return rc;
            continue;
        }
        s->source = ipl_policy_name(a->policy);
        if ((rc = complete(a, s, &usable, err)) < 0)
            return rc;
        a->nsubsidies += usable != 0;
    }
    return IPL_OK;
}
