/* Subsidy schedules on a loan schedule (ipl_subsidy_schedule_new() in
 * include/ipledge/subsidy.h). */
#include <limits.h>
#include <math.h>
#include <string.h>

#include "ipledge/subsidy.h"
#include "alloc_internal.h"
#include "error_internal.h"
#include "money_internal.h"
#include "lending_internal.h"
#include "loan_internal.h"

struct ipl_subsidy_schedule {
    ipl_subsidy_row *rows;
    size_t count;
    ipl_subsidy_totals totals;
};

/* What the caps leave as rows are paid in date order. */
typedef struct subsidy__caps {
    int year;              /* calendar year of the rows counted in year_paid */
    int64_t year_paid;     /* the firm's for that year: other loans' and this one's */
    int64_t loan_paid;     /* this loan's, in all */
    int64_t loan_cap;      /* cap_loan_fraction of the principal, or -1 */
    int firm_capped;       /* cap_total applies */
    int64_t firm_left;     /* cap_total less the firm's other loans (may be < 0) */
} subsidy__caps;

int
ipl_subsidy_rule_init(ipl_subsidy_rule *rule, unsigned int version)
{
    if (rule == NULL)
        return IPL_EINVAL;
    if (version != IPL_SUBSIDY_RULE_VERSION)
        return IPL_EVERSION;
    memset(rule, 0, sizeof *rule);
    rule->version = version;
    return IPL_OK;
}

static int
subsidy__fraction(double v, int zero_ok, double max)
{
    return (zero_ok ? v >= 0.0 : v > 0.0) && v <= max;
}

/* The firm's payments on other loans: amounts in the loan's currency. */
static int
subsidy__check_usage(const ipl_subsidy_rule *r, const char *cur, ipl_error *err)
{
    size_t i;
    int rc;

    if (r->firm_usage_count > 0 && r->firm_usage == NULL)
        return ipl__fail(err, IPL_EINVAL, "rule.firm_usage",
                         "%zu entries announced, none given", r->firm_usage_count);
    for (i = 0; i < r->firm_usage_count; i++)
        if ((rc = ipl__lending_amount(&r->firm_usage[i].paid, cur,
                                      "rule.firm_usage", err)) < 0)
            return rc;
    return IPL_OK;
}

static int
subsidy__check(const ipl_subsidy_rule *r, const char *cur, ipl_error *err)
{
    int rc;

    IPL__CHECK_ARG(err, r);
    if (r->version != IPL_SUBSIDY_RULE_VERSION)
        return ipl__fail(err, IPL_EVERSION, "rule.version",
                         "unknown version %u (this library knows %u)", r->version,
                         IPL_SUBSIDY_RULE_VERSION);
    if (r->base == IPL_SUBSIDY_BASE_NONE || (unsigned)r->base > IPL_SUBSIDY_FIXED_FEE)
        return ipl__fail(err, IPL_EINVAL, "rule.base", "a base is required, got %d",
                         (int)r->base);
    if (!subsidy__fraction(r->share, 0, 1.0))
        return ipl__fail(err, IPL_EINVAL, "rule.share", "must lie in (0, 1], got %g",
                         r->share);
    if (!subsidy__fraction(r->rate, 1, 1.0) || !subsidy__fraction(r->ip_share, 1, 1.0)
        || !subsidy__fraction(r->max_loan_rate, 1, 10.0)
        || !subsidy__fraction(r->cap_loan_fraction, 1, 1.0))
        return ipl__fail(err, IPL_EINVAL, "rule",
                         "rate, ip_share, max_loan_rate and cap_loan_fraction must be "
                         "fractions >= 0 (got %g, %g, %g, %g)", r->rate, r->ip_share,
                         r->max_loan_rate, r->cap_loan_fraction);
    if (r->base == IPL_SUBSIDY_FIXED_FEE && r->fee.minor <= 0)
        return ipl__fail(err, IPL_EINVAL, "rule.fee", "a fixed fee must be > 0");
    if ((unsigned)r->payment > IPL_SUBSIDY_AFTER_REPAYMENT)
        return ipl__fail(err, IPL_EINVAL, "rule.payment", "unknown payment %d",
                         (int)r->payment);
    if (r->rounding != IPL_ROUND_DEFAULT
        && (r->rounding == IPL_ROUND_NEVER || ipl__money_rounding(r->rounding, NULL) < 0))
        return ipl__fail(err, IPL_EINVAL, "rule.rounding",
                         "must be half-even, half-up or down, got %d", (int)r->rounding);
    if ((rc = ipl__lending_amount(&r->fee, cur, "rule.fee", err)) < 0
        || (rc = ipl__lending_amount(&r->cap_per_year, cur, "rule.cap_per_year", err)) < 0
        || (rc = ipl__lending_amount(&r->cap_total, cur, "rule.cap_total", err)) < 0
        || (rc = ipl__lending_amount(&r->firm_paid_total, cur, "rule.firm_paid_total",
                                     err)) < 0)
        return rc;
    return subsidy__check_usage(r, cur, err);
}

/* amount × fraction in minor units. */
static int
subsidy__times(int64_t *out, int64_t amount, double fraction, ipl_rounding how,
               const char *cur, ipl_error *err)
{
    ipl_money m;
    int rc;

    m.minor = amount;
    memcpy(m.currency, cur, 4);
    if ((rc = ipl_money_mul_rate(&m, &m, fraction, how, err)) < 0)
        return rc;
    *out = m.minor;
    return IPL_OK;
}

/* The base of a loan row: its interest on the IP share, or a yearly
 * rate on its opening balance over the row's day-count fraction. */
static int
subsidy__base(int64_t *out, const ipl_loan_schedule *loan, const ipl_loan_row *row,
              const ipl_subsidy_rule *r, ipl_rounding how, ipl_error *err)
{
    double ip = r->ip_share > 0.0 ? r->ip_share : 1.0, rate = r->rate;
    ipl__decimal dec;
    int64_t num, den;
    int rc;

    if (r->base == IPL_SUBSIDY_ACTUAL_INTEREST)
        return subsidy__times(out, row->interest.minor, ip, how, row->interest.currency,
                              err);
    if (r->base == IPL_SUBSIDY_REFERENCE_INTEREST && row->rate < rate)
        rate = row->rate;
    if ((rc = ipl_daycount_fraction(&num, &den, loan->daycount, row->start, row->date,
                                    err)) < 0)
        return rc;
    /* One rounding: the rate and the share are read as one decimal. */
    if (ipl__decimal_from_double(&dec, rate * ip) < 0)
        return ipl__fail(err, IPL_EINVAL, "rule.rate", "is not finite");
    if (ipl__loan_accrue(out, row->opening.minor, &dec, num, den, how) < 0)
        return ipl__fail(err, IPL_EOVERFLOW, "rule.rate",
                         "the base of the period ending %04d-%02d-%02d overflows",
                         row->date.year, row->date.month, row->date.day);
    return IPL_OK;
}

/* What the firm's other loans were paid in a year. */
static int64_t
subsidy__firm_year(const ipl_subsidy_rule *r, int year)
{
    int64_t paid = 0;
    size_t i;

    for (i = 0; i < r->firm_usage_count; i++)
        if (r->firm_usage[i].year == year)
            paid += r->firm_usage[i].paid.minor;
    return paid;
}

/* The subsidy within the caps left; counts it against them. */
static int64_t
subsidy__cap(subsidy__caps *c, const ipl_subsidy_rule *r, int year, int64_t subsidy)
{
    int64_t pay = subsidy;

    if (year != c->year) {
        c->year = year;
        c->year_paid = subsidy__firm_year(r, year);
    }
    if (r->cap_per_year.minor > 0 && pay > r->cap_per_year.minor - c->year_paid)
        pay = r->cap_per_year.minor - c->year_paid;
    if (c->firm_capped && pay > c->firm_left - c->loan_paid)
        pay = c->firm_left - c->loan_paid;
    if (c->loan_cap >= 0 && pay > c->loan_cap - c->loan_paid)
        pay = c->loan_cap - c->loan_paid;
    if (pay < 0)            /* the firm's other loans used the cap up */
        pay = 0;
    c->year_paid += pay;
    c->loan_paid += pay;
    return pay;
}

static ipl_date
subsidy__paid_on(const ipl_subsidy_rule *r, const ipl_loan_schedule *loan, ipl_date due)
{
    ipl_date d = due;

    if (r->payment == IPL_SUBSIDY_PER_YEAR) {
        d.month = 12;
        d.day = 31;
    } else if (r->payment == IPL_SUBSIDY_AFTER_REPAYMENT) {
        d = loan->rows[loan->count - 1].date;
    }
    return d;
}

/* Whether a loan row qualifies: rate condition and duration. */
static int
subsidy__eligible(const ipl_subsidy_rule *r, const ipl_loan_row *row, ipl_date start)
{
    ipl_date limit;

    if (r->max_loan_rate > 0.0 && row->rate > r->max_loan_rate)
        return 0;
    if (r->max_months == 0)
        return 1;
    if (ipl_date_add_months(&limit, start, (int64_t)r->max_months, IPL_MONTH_CLAMP,
                            NULL) < 0)
        return 1;        /* beyond year 9999: no period ends after it */
    return ipl_date_compare(row->date, limit) <= 0;
}

static int
subsidy__row(ipl_subsidy_row *out, subsidy__caps *caps, const ipl_loan_schedule *loan,
             size_t i, const ipl_subsidy_rule *r, ipl_rounding how, ipl_error *err)
{
    const ipl_loan_row *row = &loan->rows[i];
    const char *cur = row->opening.currency;
    int fee = r->base == IPL_SUBSIDY_FIXED_FEE;
    int rc;

    out->start = row->start;
    out->end = fee ? row->start : row->date;
    out->paid_on = subsidy__paid_on(r, loan, out->end);
    out->base = out->subsidy = out->paid = row->opening;
    out->subsidy.minor = 0;
    if (fee)
        out->base.minor = r->fee.minor;
    else if ((rc = subsidy__base(&out->base.minor, loan, row, r, how, err)) < 0)
        return rc;
    if (subsidy__eligible(r, row, loan->rows[0].start)
        && (rc = subsidy__times(&out->subsidy.minor, out->base.minor, r->share, how, cur,
                                err)) < 0)
        return rc;
    out->paid.minor = subsidy__cap(caps, r, out->end.year, out->subsidy.minor);
    return IPL_OK;
}

static int
subsidy__totals(ipl_subsidy_schedule *s, ipl_error *err)
{
    ipl_subsidy_totals *t = &s->totals;
    size_t i;

    t->base = t->subsidy = t->paid = t->capped = s->rows[0].base;
    t->base.minor = t->subsidy.minor = t->paid.minor = 0;
    for (i = 0; i < s->count; i++)
        if (__builtin_add_overflow(t->base.minor, s->rows[i].base.minor, &t->base.minor)
            || __builtin_add_overflow(t->subsidy.minor, s->rows[i].subsidy.minor,
                                      &t->subsidy.minor))
            return ipl__fail(err, IPL_EOVERFLOW, "totals", "the sums overflow");
    for (i = 0; i < s->count; i++)
        t->paid.minor += s->rows[i].paid.minor;   /* ≤ Σ subsidy */
    t->capped.minor = t->subsidy.minor - t->paid.minor;
    return IPL_OK;
}

static int
subsidy__fill(ipl_subsidy_schedule *s, const ipl_loan_schedule *loan,
              const ipl_subsidy_rule *r, ipl_error *err)
{
    ipl_rounding how = r->rounding == IPL_ROUND_DEFAULT ? loan->rounding : r->rounding;
    subsidy__caps caps;
    size_t i;
    int rc;

    memset(&caps, 0, sizeof caps);
    caps.year = INT_MIN;
    caps.firm_capped = r->cap_total.minor > 0;
    caps.firm_left = r->cap_total.minor - r->firm_paid_total.minor;
    caps.loan_cap = -1;
    if (r->cap_loan_fraction > 0.0 &&
        (rc = subsidy__times(&caps.loan_cap, loan->rows[0].opening.minor,
                             r->cap_loan_fraction, how,
                             loan->rows[0].opening.currency, err)) < 0)
        return rc;
    for (i = 0; i < s->count; i++)
        if ((rc = subsidy__row(&s->rows[i], &caps, loan, i, r, how, err)) < 0)
            return rc;
    return subsidy__totals(s, err);
}

int
ipl_subsidy_schedule_new(ipl_subsidy_schedule **out, const ipl_loan_schedule *loan,
                         const ipl_subsidy_rule *rule, ipl_error *err)
{
    ipl_subsidy_schedule *s;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, loan);
    if ((rc = subsidy__check(rule, loan->rows[0].opening.currency, err)) < 0)
        return rc;
    if ((s = ipl__calloc(1, sizeof *s)) != NULL) {
        s->count = rule->base == IPL_SUBSIDY_FIXED_FEE ? 1 : loan->count;
        s->rows = ipl__calloc(s->count, sizeof *s->rows);
    }
    if (s == NULL || s->rows == NULL) {
        ipl_subsidy_schedule_free(s);
        return ipl__fail(err, IPL_ENOMEM, "subsidy", "cannot allocate the schedule");
    }
    if ((rc = subsidy__fill(s, loan, rule, err)) < 0) {
        ipl_subsidy_schedule_free(s);
        return rc;
    }
    *out = s;
    return IPL_OK;
}

void
ipl_subsidy_schedule_free(ipl_subsidy_schedule *s)
{
    if (s == NULL)
        return;
    ipl__free(s->rows);
    ipl__free(s);
}

size_t
ipl_subsidy_schedule_count(const ipl_subsidy_schedule *s)
{
    return s == NULL ? 0 : s->count;
}

const ipl_subsidy_row *
ipl_subsidy_schedule_row(const ipl_subsidy_schedule *s, size_t i)
{
    return s == NULL || i >= s->count ? NULL : &s->rows[i];
}

const ipl_subsidy_totals *
ipl_subsidy_schedule_totals(const ipl_subsidy_schedule *s)
{
    return s == NULL ? NULL : &s->totals;
}
