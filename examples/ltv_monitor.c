/* An LTV monitor over a bank's IP pledge book: each running loan's
 * balance against the current value of its pledged rights (re-appraised
 * this quarter), the top-up or repayment that restores the maintenance
 * loan-to-value, and the quarter's statistics a bank reports (seed 003:
 * balance, clients, pledge ratio, NPL ratio). Public API only. */
#include <stdio.h>

#include <ipledge.h>

typedef struct book_line {
    const char *borrower;
    int64_t amount, balance, value;  /* fen */
    double ratio;                    /* granted at origination */
    ipl_loan_class grade;
    int new_in_period;
} book_line;

static const book_line book[] = {
    { "Dongguan Radiotherapy", 100000000, 80000000, 280000000, 0.25, IPL_CLASS_NORMAL, 0 },
    { "Xianning Flavour", 60000000, 30000000, 202000000, 0.3169, IPL_CLASS_NORMAL, 1 },
    { "Zhengzhou Process", 50000000, 25000004, 90000000, 0.25, IPL_CLASS_SUBSTANDARD, 0 },
    { "Dongguan Radiotherapy", 20000000, 20000000, 100000000, 0.25, IPL_CLASS_NORMAL, 1 },
};

#define NBOOK (sizeof book / sizeof book[0])

static ipl_money
cny(int64_t fen)
{
    ipl_money m = { 0, "CNY" };

    m.minor = fen;
    return m;
}

int
main(void)
{
    const ipl_pledge_loan blank = IPL_PLEDGE_LOAN_INIT;
    ipl_pledge_loan loans[NBOOK];
    ipl_pledge_book stats;
    ipl_policy *policy = NULL;
    char bal[IPL_MONEY_FORMAT_MAX], fix[IPL_MONEY_FORMAT_MAX], rep[IPL_MONEY_FORMAT_MAX];
    ipl_error err;
    size_t i;
    int rc = 1;

    if (ipl_init() < 0)
        return 1;
    if (ipl_policy_preset(&policy, "bank-conservative", &err) < 0)
        goto fail;
    for (i = 0; i < NBOOK; i++) {
        ipl_money balance = cny(book[i].balance), value = cny(book[i].value);
        ipl_pledge_health h;

        if (ipl_pledge_monitor(&h, ipl_policy_pledge_rules(policy), &balance, &value,
                               book[i].ratio, &err) < 0)
            goto fail;
        ipl_money_format(bal, sizeof bal, &balance, IPL_MONEY_FORMAT_GROUP, NULL);
        ipl_money_format(fix, sizeof fix, &h.top_up, IPL_MONEY_FORMAT_GROUP, NULL);
        ipl_money_format(rep, sizeof rep, &h.repayment, IPL_MONEY_FORMAT_GROUP, NULL);
        printf("%-22s balance %14s  LTV %6.2f %% / %6.2f %%  %s", book[i].borrower, bal,
               100 * h.ltv, 100 * h.threshold, h.breached ? "BREACH" : "ok");
        if (h.breached)
            printf(": pledge %s more or repay %s", fix, rep);
        putchar('\n');
        loans[i] = blank;
        loans[i].borrower = book[i].borrower;
        loans[i].amount = cny(book[i].amount);
        loans[i].balance = balance;
        loans[i].ratio = book[i].ratio;
        loans[i].grade = book[i].grade;
        loans[i].new_in_period = book[i].new_in_period;
    }
    if (ipl_pledge_book_summarise(&stats, loans, NBOOK, "CNY", 0.015, &err) < 0)
        goto fail;
    ipl_money_format(bal, sizeof bal, &stats.balance, IPL_MONEY_FORMAT_GROUP, NULL);
    ipl_money_format(fix, sizeof fix, &stats.new_amount, IPL_MONEY_FORMAT_GROUP, NULL);
    printf("book: balance %s, %zu clients; new %s to %zu clients at %.2f %%\n", bal,
           stats.clients, fix, stats.new_clients, 100 * stats.weighted_ratio);
    printf("NPL ratio %.2f %% (tolerance %.2f %%): %s\n", 100 * stats.npl_ratio,
           100 * stats.npl_tolerance, stats.within_tolerance ? "within" : "OVER");
    rc = 0;
    goto out;
fail:
    fprintf(stderr, "ltv_monitor: %s: %s\n", err.where, err.message);
out:
    ipl_policy_free(policy);
    ipl_shutdown();
    return rc;
}
