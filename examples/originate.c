/* A bank's core system originating an IP pledge loan: the appraised
 * value comes from the appraiser, the policy from a built-in preset;
 * ipledge decides how much may be lent and books the repayment
 * schedule. Public API only: build with `pkg-config --cflags --libs
 * ipledge`. */
#include <stdio.h>

#include <ipledge.h>

static int
report(const char *what, int rc, const ipl_error *err)
{
    char text[IPL_ERROR_MESSAGE_MAX + IPL_ERROR_WHERE_MAX + 32];

    ipl_error_format(text, sizeof text, err);
    fprintf(stderr, "originate: %s: %s\n", what, text);
    return rc == IPL_ENOMEM ? 1 : 2;
}

int
main(void)
{
    ipl_pledge_request req = IPL_PLEDGE_REQUEST_INIT;
    ipl_pledge_right right = IPL_PLEDGE_RIGHT_INIT;
    ipl_loan_terms terms = IPL_LOAN_TERMS_INIT;
    ipl_policy *policy = NULL;
    ipl_pledge *pledge = NULL;
    ipl_loan_schedule *loan = NULL;
    char a[IPL_MONEY_FORMAT_MAX], b[IPL_MONEY_FORMAT_MAX], c[IPL_MONEY_FORMAT_MAX];
    ipl_error err;
    int rc = 0;

    if (ipl_init() < 0)
        return 1;
    /* The application: one invention patent appraised at 4,000,000.00. */
    right.id = "CN201510481495.9";
    right.type = IPL_RIGHT_INVENTION;
    right.status = IPL_STATUS_IN_FORCE;
    if ((rc = ipl_money_parse(&right.value, "4000000.00", "CNY", IPL_ROUND_NEVER, &err)) < 0 ||
        (rc = ipl_date_parse(&right.expiry, "2035-08-07", &err)) < 0 ||
        (rc = ipl_date_parse(&right.registered, "2018-03-02", &err)) < 0 ||
        (rc = ipl_date_parse(&req.start, "2024-07-01", &err)) < 0 ||
        (rc = ipl_money_parse(&req.requested, "1200000", "CNY", IPL_ROUND_NEVER, &err)) < 0) {
        rc = report("input", rc, &err);
        goto out;
    }
    req.tenor_months = 36;
    req.firm_age_years = 6;

    if ((rc = ipl_policy_preset(&policy, "bank-conservative", &err)) < 0 ||
        (rc = ipl_pledge_new(&pledge, ipl_policy_pledge_rules(policy), &req, &right, 1,
                             &err)) < 0) {
        rc = report("pledge", rc, &err);
        goto out;
    }
    if (!ipl_pledge_eligible(pledge)) {
        printf("refused: %s\n", ipl_pledge_failure(pledge, 0)->text);
        goto out;
    }
    ipl_money_format(a, sizeof a, ipl_pledge_collateral(pledge), IPL_MONEY_FORMAT_GROUP, NULL);
    printf("collateral %s at %.0f %%\n", a, 100 * ipl_pledge_ratio(pledge));

    /* Book the loan: what was asked for, cut to the largest loan. */
    terms.principal = req.requested.minor <= ipl_pledge_max_loan(pledge)->minor
                      ? req.requested : *ipl_pledge_max_loan(pledge);
    terms.start = req.start;
    terms.periods = 36;
    terms.method = IPL_LOAN_ANNUITY;
    terms.rate = 0.0435;
    terms.daycount = IPL_DC_30_360;
    if ((rc = ipl_loan_schedule_new(&loan, &terms, &err)) < 0) {
        rc = report("schedule", rc, &err);
        goto out;
    }
    ipl_money_format(a, sizeof a, &terms.principal, IPL_MONEY_FORMAT_GROUP, NULL);
    ipl_money_format(b, sizeof b, &ipl_loan_schedule_row(loan, 0)->payment,
                     IPL_MONEY_FORMAT_GROUP, NULL);
    ipl_money_format(c, sizeof c, &ipl_loan_schedule_totals(loan)->interest,
                     IPL_MONEY_FORMAT_GROUP, NULL);
    printf("lent %s over %zu months: %s a month, %s interest in all\n", a,
           ipl_loan_schedule_count(loan), b, c);
    rc = 0;
out:
    ipl_loan_schedule_free(loan);
    ipl_pledge_free(pledge);
    ipl_policy_free(policy);
    ipl_shutdown();
    return rc;
}
