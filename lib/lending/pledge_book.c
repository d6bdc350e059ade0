/* Quarterly statistics of an IP-pledge loan book
 * (ipl_pledge_book_summarise() in include/ipledge/pledge.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipledge/currency.h"
#include "ipledge/pledge.h"
#include "alloc_internal.h"
#include "error_internal.h"

/* The supervisory tolerance: IP-pledge NPL ratio up to 3 percentage
 * points above the bank's overall NPL ratio (CBIRC, CNIPA, NCAC 2019). */
#define IPL__NPL_TOLERANCE 0.03

static int
ipl__check_loan(const ipl_pledge_loan *l, size_t i, const char *currency,
                ipl_error *err)
{
    char where[48];

#define IPL__WHERE(field) \
    (snprintf(where, sizeof where, "loans[%zu].%s", i, field), where)
    if (l->version != IPL_PLEDGE_LOAN_VERSION)
        return ipl__fail(err, IPL_EVERSION, IPL__WHERE("version"),
                         "unknown version %u", l->version);
    if (l->borrower == NULL || l->borrower[0] == '\0')
        return ipl__fail(err, IPL_EINVAL, IPL__WHERE("borrower"),
                         "a borrower identifier is required");
    if (strcmp(l->amount.currency, currency) != 0 || l->amount.minor < 0)
        return ipl__fail(err, IPL_EINVAL, IPL__WHERE("amount"),
                         "must be an amount >= 0 in %s", currency);
    if (strcmp(l->balance.currency, currency) != 0 || l->balance.minor < 0)
        return ipl__fail(err, IPL_EINVAL, IPL__WHERE("balance"),
                         "must be an amount >= 0 in %s", currency);
    if (!isfinite(l->ratio) || l->ratio < 0 || l->ratio > 1)
        return ipl__fail(err, IPL_EINVAL, IPL__WHERE("ratio"),
                         "must be 0..1, got %g", l->ratio);
    if ((unsigned)l->grade > IPL_CLASS_LOSS)
        return ipl__fail(err, IPL_EINVAL, IPL__WHERE("grade"),
                         "unknown classification %d", (int)l->grade);
#undef IPL__WHERE
    return IPL_OK;
}

static int
ipl__name_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Distinct borrowers among the loans that pass keep(). */
static int
ipl__count_borrowers(size_t *out, const ipl_pledge_loan *loans, size_t n,
                     int (*keep)(const ipl_pledge_loan *))
{
    const char **names;
    size_t i, m = 0, distinct = 0;

    *out = 0;
    if (n == 0)
        return IPL_OK;
    if ((names = ipl__calloc(n, sizeof *names)) == NULL)
        return IPL_ENOMEM;
    for (i = 0; i < n; i++)
        if (keep(&loans[i]))
            names[m++] = loans[i].borrower;
    qsort(names, m, sizeof *names, ipl__name_cmp);
    for (i = 0; i < m; i++)
        if (i == 0 || strcmp(names[i], names[i - 1]) != 0)
            distinct++;
    ipl__free(names);
    *out = distinct;
    return IPL_OK;
}

static int
ipl__has_balance(const ipl_pledge_loan *l)
{
    return l->balance.minor > 0;
}

static int
ipl__is_new(const ipl_pledge_loan *l)
{
    return l->new_in_period;
}

int
ipl_pledge_book_summarise(ipl_pledge_book *out, const ipl_pledge_loan *loans,
                          size_t n, const char *currency,
                          double bank_npl_ratio, ipl_error *err)
{
    ipl_pledge_book b;
    ipl_money by_class[5], npl;
    double weighted = 0;
    size_t i;
    int rc;

    IPL__CHECK_ARG(err, out);
    if (n > 0)
        IPL__CHECK_ARG(err, loans);
    if ((rc = ipl_currency_check(currency, err)) < 0)
        return rc;
    if (!isfinite(bank_npl_ratio) || bank_npl_ratio < 0 || bank_npl_ratio > 1)
        return ipl__fail(err, IPL_EINVAL, "bank_npl_ratio",
                         "must be 0..1, got %g", bank_npl_ratio);
    memset(&b, 0, sizeof b);
    if ((rc = ipl_money_from_minor(&b.new_amount, 0, currency, err)) < 0)
        return rc;
    b.balance = b.new_amount;
    for (i = 0; i < 5; i++)
        by_class[i] = b.new_amount;
    for (i = 0; i < n; i++) {
        const ipl_pledge_loan *l = &loans[i];

        if ((rc = ipl__check_loan(l, i, currency, err)) < 0 ||
            (rc = ipl_money_add(&b.balance, &b.balance, &l->balance, err)) < 0 ||
            (rc = ipl_money_add(&by_class[l->grade], &by_class[l->grade],
                                &l->balance, err)) < 0)
            return rc;
        if (l->new_in_period) {
            if ((rc = ipl_money_add(&b.new_amount, &b.new_amount, &l->amount,
                                    err)) < 0)
                return rc;
            weighted += l->ratio * (double)l->amount.minor;
        }
    }
    if (ipl__count_borrowers(&b.clients, loans, n, ipl__has_balance) < 0 ||
        ipl__count_borrowers(&b.new_clients, loans, n, ipl__is_new) < 0)
        return ipl__fail(err, IPL_ENOMEM, "loans", "out of memory");
    if (b.new_amount.minor > 0)
        b.weighted_ratio = weighted / (double)b.new_amount.minor;
    /* Non-performing: substandard, doubtful and loss. The classes add up
     * to the balance, which cannot overflow, so neither can these. */
    npl = by_class[IPL_CLASS_SUBSTANDARD];
    npl.minor += by_class[IPL_CLASS_DOUBTFUL].minor +
                 by_class[IPL_CLASS_LOSS].minor;
    for (i = 0; i < 5 && b.balance.minor > 0; i++)
        b.class_ratio[i] = (double)by_class[i].minor / (double)b.balance.minor;
    if (b.balance.minor > 0)
        b.npl_ratio = (double)npl.minor / (double)b.balance.minor;
    b.npl_tolerance = bank_npl_ratio + IPL__NPL_TOLERANCE;
    /* Both sides are binary approximations of decimal ratios; a book
     * exactly at the tolerance must count as within it. */
    b.within_tolerance = b.npl_ratio <= b.npl_tolerance + 1e-12;
    *out = b;
    return IPL_OK;
}
