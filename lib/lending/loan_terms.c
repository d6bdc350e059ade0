/* Loan terms: initialisation, the checks made before a schedule is
 * built, and the names of methods and frequencies. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ipledge/loan.h"
#include "error_internal.h"
#include "money_internal.h"
#include "loan_internal.h"

int
ipl_loan_terms_init(ipl_loan_terms *terms, unsigned int version)
{
    static const ipl_loan_terms zero = IPL_LOAN_TERMS_INIT;

    if (terms == NULL)
        return IPL_EINVAL;
    if (version != IPL_LOAN_TERMS_VERSION)
        return IPL_EVERSION;
    *terms = zero;
    return IPL_OK;
}

int
ipl__loan_period_months(ipl_loan_frequency frequency)
{
    switch (frequency) {
    case IPL_LOAN_FREQ_DEFAULT:
    case IPL_LOAN_MONTHLY:    return 1;
    case IPL_LOAN_QUARTERLY:  return 3;
    case IPL_LOAN_SEMIANNUAL: return 6;
    case IPL_LOAN_ANNUAL:     return 12;
    }
    return 0;
}

/* The LPR path: dates valid and strictly increasing, the first on or
 * before the start (so every period has a rate), every rate sane. */
static int
loan__check_fixings(const ipl_loan_terms *t, ipl_error *err)
{
    size_t i;

    if (t->n_fixings == 0)
        return IPL_OK;
    if (t->fixings == NULL)
        return ipl__fail(err, IPL_EINVAL, "terms.fixings",
                         "must not be NULL when n_fixings is %zu", t->n_fixings);
    for (i = 0; i < t->n_fixings; i++) {
        const ipl_loan_fixing *f = &t->fixings[i];
        char where[48];

        snprintf(where, sizeof where, "terms.fixings[%zu]", i);
        if (!ipl_date_is_valid(f->date))
            return ipl__fail(err, IPL_EINVAL, where, "date is not a valid date");
        if (i == 0 && ipl_date_compare(f->date, t->start) > 0)
            return ipl__fail(err, IPL_EINVAL, where,
                             "the first fixing must be on or before the start date");
        if (i > 0 && ipl_date_compare(f->date, t->fixings[i - 1].date) <= 0)
            return ipl__fail(err, IPL_EINVAL, where,
                             "fixing dates must increase strictly");
        if (!isfinite(f->lpr) || f->lpr < 0.0 || f->lpr > 1.0)
            return ipl__fail(err, IPL_EINVAL, where,
                             "lpr must be a fraction in [0, 1], got %g", f->lpr);
        if (f->lpr + t->rate < 0.0)
            return ipl__fail(err, IPL_EINVAL, where,
                             "lpr %g plus spread %g is negative", f->lpr, t->rate);
    }
    return IPL_OK;
}

/* A plan has one non-negative part per period, adding up exactly. */
static int
loan__check_plan(const ipl_loan_terms *t, ipl_error *err)
{
    int64_t sum = 0;
    size_t i;

    if (t->plan == NULL || t->n_plan != t->periods)
        return ipl__fail(err, IPL_EINVAL, "terms.plan",
                         "the plan method needs one part per period: %u, got %zu",
                         t->periods, t->plan == NULL ? 0 : t->n_plan);
    for (i = 0; i < t->n_plan; i++) {
        char where[40];

        snprintf(where, sizeof where, "terms.plan[%zu]", i);
        if (strcmp(t->plan[i].currency, t->principal.currency) != 0)
            return ipl__fail(err, IPL_EINVAL, where, "currency %.3s is not %s",
                             t->plan[i].currency, t->principal.currency);
        if (t->plan[i].minor < 0)
            return ipl__fail(err, IPL_EINVAL, where, "must be >= 0, got %lld minor units",
                             (long long)t->plan[i].minor);
        if (__builtin_add_overflow(sum, t->plan[i].minor, &sum))
            return ipl__fail(err, IPL_EOVERFLOW, where, "the plan's sum overflows");
    }
    if (sum != t->principal.minor)
        return ipl__fail(err, IPL_EINVAL, "terms.plan",
                         "parts sum to %lld minor units, the principal is %lld",
                         (long long)sum, (long long)t->principal.minor);
    return IPL_OK;
}

static int
loan__check_prepayments(const ipl_loan_terms *t, ipl_error *err)
{
    size_t i;

    if (t->n_prepayments > 0 && t->prepayments == NULL)
        return ipl__fail(err, IPL_EINVAL, "terms.prepayments",
                         "must not be NULL when n_prepayments is %zu",
                         t->n_prepayments);
    for (i = 0; i < t->n_prepayments; i++) {
        const ipl_loan_prepayment *p = &t->prepayments[i];
        char where[48];

        snprintf(where, sizeof where, "terms.prepayments[%zu]", i);
        if (!ipl_date_is_valid(p->date))
            return ipl__fail(err, IPL_EINVAL, where, "date is not a valid date");
        if (i > 0 && ipl_date_compare(p->date, t->prepayments[i - 1].date) <= 0)
            return ipl__fail(err, IPL_EINVAL, where,
                             "prepayment dates must increase strictly");
        if (strcmp(p->amount.currency, t->principal.currency) != 0)
            return ipl__fail(err, IPL_EINVAL, where, "currency %.3s is not %s",
                             p->amount.currency, t->principal.currency);
        if (p->amount.minor <= 0)
            return ipl__fail(err, IPL_EINVAL, where,
                             "amount must be > 0, got %lld minor units",
                             (long long)p->amount.minor);
        if ((unsigned)p->recalc > IPL_LOAN_SHORTEN_TERM)
            return ipl__fail(err, IPL_EINVAL, where, "unknown recalc %d",
                             (int)p->recalc);
    }
    return IPL_OK;
}

/* The first payment date, when given, makes a first period longer than
 * 0 and shorter than two regular periods. */
static int
loan__check_first_payment(const ipl_loan_terms *t, ipl_error *err)
{
    ipl_date limit;
    int months = ipl__loan_period_months(t->frequency);

    if (t->first_payment.year == 0 && t->first_payment.month == 0
        && t->first_payment.day == 0)
        return IPL_OK;
    if (!ipl_date_is_valid(t->first_payment))
        return ipl__fail(err, IPL_EINVAL, "terms.first_payment",
                         "is not a valid date (all zero for one regular period)");
    if (ipl_date_add_months(&limit, t->start, 2 * months, t->month_rule, NULL) < 0)
        return ipl__fail(err, IPL_ERANGE, "terms.first_payment", "beyond year 9999");
    if (ipl_date_compare(t->first_payment, t->start) <= 0
        || ipl_date_compare(t->first_payment, limit) >= 0)
        return ipl__fail(err, IPL_EINVAL, "terms.first_payment",
                         "must fall after the start and within two periods of it");
    return IPL_OK;
}

static int
loan__check_scalars(const ipl_loan_terms *t, ipl_rounding *how, ipl_error *err)
{
    int rc;

    if ((rc = ipl__money_check(&t->principal, "terms.principal", err)) < 0)
        return rc;
    if (t->principal.minor <= 0)
        return ipl__fail(err, IPL_EINVAL, "terms.principal",
                         "must be > 0, got %lld minor units",
                         (long long)t->principal.minor);
    if (!ipl_date_is_valid(t->start))
        return ipl__fail(err, IPL_EINVAL, "terms.start", "is not a valid date");
    if (t->periods < 1 || t->periods > IPL__LOAN_MAX_PERIODS)
        return ipl__fail(err, IPL_EINVAL, "terms.periods",
                         "must be 1..%u, got %u", IPL__LOAN_MAX_PERIODS, t->periods);
    if (ipl__loan_period_months(t->frequency) == 0)
        return ipl__fail(err, IPL_EINVAL, "terms.frequency", "unknown frequency %d",
                         (int)t->frequency);
    if (t->method == IPL_LOAN_METHOD_NONE || (unsigned)t->method > IPL_LOAN_PLAN)
        return ipl__fail(err, IPL_EINVAL, "terms.method",
                         "must be one of annuity, equal principal, bullet, plan; got %d",
                         (int)t->method);
    if (!isfinite(t->rate) || t->rate < -1.0 || t->rate > 10.0)
        return ipl__fail(err, IPL_EINVAL, "terms.rate",
                         "must be a fraction in [-1, 10], got %g", t->rate);
    if (t->n_fixings == 0 && t->rate < 0.0)
        return ipl__fail(err, IPL_EINVAL, "terms.rate",
                         "a fixed rate must be >= 0, got %g", t->rate);
    if (ipl_daycount_name(t->daycount) == NULL)
        return ipl__fail(err, IPL_EINVAL, "terms.daycount",
                         "a day-count convention is required, got %d",
                         (int)t->daycount);
    if (t->rounding == IPL_ROUND_NEVER
        || (rc = ipl__money_rounding(t->rounding, NULL)) < 0)
        return ipl__fail(err, IPL_EINVAL, "terms.rounding",
                         "must be half-even, half-up or down, got %d",
                         (int)t->rounding);
    *how = (ipl_rounding)rc;
    if ((unsigned)t->month_rule > IPL_MONTH_END_STICKY)
        return ipl__fail(err, IPL_EINVAL, "terms.month_rule", "unknown rule %d",
                         (int)t->month_rule);
    return IPL_OK;
}

int
ipl__loan_check_terms(const ipl_loan_terms *t, ipl_rounding *how, ipl_error *err)
{
    int rc;

    IPL__CHECK_ARG(err, t);
    if (t->version != IPL_LOAN_TERMS_VERSION)
        return ipl__fail(err, IPL_EVERSION, "terms.version",
                         "unknown version %u (this library knows %u)",
                         t->version, IPL_LOAN_TERMS_VERSION);
    if ((rc = loan__check_scalars(t, how, err)) < 0
        || (rc = loan__check_first_payment(t, err)) < 0
        || (rc = loan__check_fixings(t, err)) < 0
        || (rc = loan__check_prepayments(t, err)) < 0)
        return rc;
    if (t->method == IPL_LOAN_PLAN)
        return loan__check_plan(t, err);
    if (t->n_plan != 0 || t->plan != NULL)
        return ipl__fail(err, IPL_EINVAL, "terms.plan",
                         "is only for the plan method");
    return IPL_OK;
}

/* ---- names ---- */

static const struct {
    const char *name;
    ipl_loan_method method;
} loan__methods[] = {
    { "annuity", IPL_LOAN_ANNUITY },
    { "equal-principal", IPL_LOAN_EQUAL_PRINCIPAL },
    { "bullet", IPL_LOAN_BULLET },
    { "plan", IPL_LOAN_PLAN },
    { "\xe7\xad\x89\xe9\xa2\x9d\xe6\x9c\xac\xe6\x81\xaf", IPL_LOAN_ANNUITY },          /* 等额本息 */
    { "\xe7\xad\x89\xe9\xa2\x9d\xe6\x9c\xac\xe9\x87\x91", IPL_LOAN_EQUAL_PRINCIPAL },  /* 等额本金 */
    { "\xe5\x85\x88\xe6\x81\xaf\xe5\x90\x8e\xe6\x9c\xac", IPL_LOAN_BULLET }            /* 先息后本 */
};

const char *
ipl_loan_method_name(ipl_loan_method method)
{
    size_t i;

    for (i = 0; i < 4; i++)
        if (loan__methods[i].method == method)
            return loan__methods[i].name;
    return NULL;
}

int
ipl_loan_method_from_name(ipl_loan_method *out, const char *name, ipl_error *err)
{
    size_t i;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, name);
    for (i = 0; i < sizeof loan__methods / sizeof loan__methods[0]; i++)
        if (strcmp(name, loan__methods[i].name) == 0) {
            *out = loan__methods[i].method;
            return IPL_OK;
        }
    return ipl__fail(err, IPL_EINVAL, "method",
                     "unknown method '%.40s' (annuity, equal-principal, bullet, plan)",
                     name);
}

int
ipl_loan_frequency_from_name(ipl_loan_frequency *out, const char *name,
                             ipl_error *err)
{
    static const char *const names[] = { "monthly", "quarterly", "semi-annual",
                                         "annual" };
    size_t i;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, name);
    for (i = 0; i < 4; i++)
        if (strcmp(name, names[i]) == 0) {
            *out = (ipl_loan_frequency)(IPL_LOAN_MONTHLY + (int)i);
            return IPL_OK;
        }
    return ipl__fail(err, IPL_EINVAL, "frequency",
                     "unknown frequency '%.40s' (monthly, quarterly, semi-annual, annual)",
                     name);
}
