/* The stages after the values: the policy, the pledge decision, the
 * loan and its schedule, the subsidies and, on default, the risk
 * compensation. */
#include <stdio.h>
#include <string.h>

#include "alloc_internal.h"
#include "appraisal_internal.h"

/* Puts the stage in front of err->where, so every failure says where in
 * the chain it happened: a field path follows it ("loan.rate"), a file
 * moves into the message ("policy" with "us-lender.xml: ..."). */
static int
at_stage(int rc, const char *stage, ipl_error *err)
{
    char where[IPL_ERROR_WHERE_MAX];
    ipl_error inner;

    if (rc >= 0 || err == NULL || strncmp(err->where, stage, strlen(stage)) == 0)
        return rc;
    inner = *err;
    if (strchr(inner.where, '/') != NULL)
        return ipl__fail_at(err, rc, stage, inner.line, inner.column, "%s: %s", inner.where,
                            inner.message);
    if (snprintf(where, sizeof where, "%s%s%s", stage, inner.where[0] ? "." : "",
                 inner.where) < 0)
        where[0] = '\0';
    return ipl__fail_at(err, rc, where, inner.line, inner.column, "%s", inner.message);
}

static int
load_policy(ipl_appraisal *a, ipl_error *err)
{
    int is_file = 0;
    const char *name = ipl_case_policy(a->c, &is_file);
    char path[4096] = "";
    int rc;

    if (is_file) {
        if ((rc = ipl_case_path(path, sizeof path, a->c, name, err)) < 0 ||
            (rc = ipl_policy_load_file(&a->policy, path, err)) < 0)
            return rc;
    } else if ((rc = ipl_policy_preset(&a->policy, name, err)) < 0) {
        return rc;
    }
    if ((a->policy_path = ipl__strdup(path)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, "policy", "out of memory");
    if (strcmp(ipl_policy_currency(a->policy), ipl_case_currency(a->c)) != 0)
        return ipl__fail(err, IPL_EINVAL, "policy", "%s: policy %s is in %s, the case in %s",
                         ipl_case_label(a->c), ipl_policy_name(a->policy),
                         ipl_policy_currency(a->policy), ipl_case_currency(a->c));
    return IPL_OK;
}

static void
pledge_right(ipl_pledge_right *p, const ipl_appraisal_right *r, const char *industry)
{
    ipl_pledge_right_init(p, IPL_PLEDGE_RIGHT_VERSION);
    p->id = r->in->number;
    p->type = r->type;
    p->status = r->status;
    p->value = r->value;
    p->value_low = r->p5;
    p->value_cv = r->cv;
    p->expiry = r->expiry;
    p->registered = r->registered;
    p->flags = r->in->flags;
    p->industry = industry;
    p->dependence = r->in->dependence;
}

static int
decide(ipl_appraisal *a, ipl_error *err)
{
    const ipl_case_loan *loan = ipl_case_loan_get(a->c);
    ipl_pledge_request req = IPL_PLEDGE_REQUEST_INIT;
    ipl_pledge_right *rights;
    const char *industry = NULL;
    size_t k;
    int rc;

    if ((rights = ipl__calloc(a->nrights, sizeof *rights)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, "pledge", "out of memory");
    ipl_case_borrower(a->c, &req.firm_age_years, &industry);
    req.start = loan->start;
    req.tenor_months = loan->months;
    req.requested = loan->amount;
    for (k = 0; k < a->nrights; k++)
        pledge_right(&rights[k], &a->rights[k].view, industry);
    rc = ipl_pledge_new(&a->pledge, ipl_policy_pledge_rules(a->policy), &req, rights,
                        a->nrights, err);
    ipl__free(rights);
    if (rc < 0)
        return rc;
    a->eligible = ipl_pledge_eligible(a->pledge) && ipl_pledge_max_loan(a->pledge)->minor > 0;
    return IPL_OK;
}

/* The loan lent: what was asked for, cut to the largest the pledge allows. */
static int
schedule(ipl_appraisal *a, ipl_error *err)
{
    static const unsigned per_year[] = { 12, 12, 4, 2, 1 };
    const ipl_case_loan *loan = ipl_case_loan_get(a->c);
    const ipl_money *max = ipl_pledge_max_loan(a->pledge);
    unsigned n = per_year[loan->frequency];

    ipl_loan_terms_init(&a->terms, IPL_LOAN_TERMS_VERSION);
    a->terms.principal = loan->amount.minor <= max->minor ? loan->amount : *max;
    a->terms.start = loan->start;
    a->terms.frequency = loan->frequency;
    a->terms.periods = loan->months * n / 12;
    a->terms.method = loan->method;
    a->terms.rate = loan->rate;
    a->terms.daycount = loan->daycount;
    a->terms.rounding = a->opts.loan_rounding != IPL_ROUND_DEFAULT ? a->opts.loan_rounding
                                                                   : IPL_ROUND_HALF_UP;
    if (a->terms.periods == 0 || loan->months * n % 12 != 0)
        return ipl__fail(err, IPL_EINVAL, "loan", "%s: %u months is not a whole number "
                         "of periods", ipl_case_label(a->c), loan->months);
    return ipl_loan_schedule_new(&a->loan, &a->terms, err);
}

static int
subsidise(ipl_appraisal *a, ipl_error *err)
{
    size_t i;
    int rc;

    if ((rc = ipl__appraisal_subsidy_rules(a, err)) < 0)
        return rc;
    for (i = 0; i < a->nsubsidies; i++) {
        ipl__appraised_subsidy *s = &a->subsidies[i];

        char stage[32];

        snprintf(stage, sizeof stage, "subsidies[%zu]", i);
        rc = ipl_subsidy_schedule_new(&s->schedule, a->loan, &s->view.rule, err);
        if (at_stage(rc, stage, err) < 0)
            return rc;
        s->view.schedule = s->schedule;
    }
    return IPL_OK;
}

/* Principal unpaid at NPL: the loan less what was repaid by then. */
static ipl_money
outstanding_at(const ipl_loan_schedule *s, ipl_date npl)
{
    ipl_money left = ipl_loan_schedule_row(s, 0)->opening;
    size_t i;

    for (i = 0; i < ipl_loan_schedule_count(s); i++) {
        const ipl_loan_row *row = ipl_loan_schedule_row(s, i);

        if (ipl_date_compare(row->date, npl) <= 0)
            left = row->closing;
    }
    return left;
}

static int
compensate(ipl_appraisal *a, ipl_error *err)
{
    const ipl_case_default *d = ipl_case_default_get(a->c);
    ipl_compensation_claim claim;
    int rc;

    if (d == NULL)
        return IPL_OK;
    if ((rc = ipl__appraisal_regime(a, err)) < 0)
        return rc;
    a->outstanding = outstanding_at(a->loan, d->npl);
    ipl_compensation_claim_init(&claim, IPL_COMPENSATION_CLAIM_VERSION);
    claim.npl_date = d->npl;
    claim.outstanding_principal = a->outstanding;
    claim.outstanding_interest = d->interest;
    claim.ip_share = d->ip_share;
    claim.recoveries = d->recoveries;
    claim.n_recoveries = d->n_recoveries;
    claim.settlement_date = d->settlement;
    return ipl_compensation_new(&a->compensation, &a->regime, &claim, err);
}

/* Runs every stage; stops at the first failure. */
int
ipl__appraisal_run(ipl_appraisal *a, ipl_error *err)
{
    int rc;

    if ((rc = at_stage(load_policy(a, err), "policy", err)) < 0 ||
        (rc = ipl__appraisal_rights(a, err)) < 0 ||
        (rc = at_stage(decide(a, err), "pledge", err)) < 0 || !a->eligible)
        return rc;
    if ((rc = at_stage(schedule(a, err), "loan", err)) < 0 ||
        (rc = at_stage(subsidise(a, err), "subsidies", err)) < 0)
        return rc;
    return at_stage(compensate(a, err), "default", err);
}
