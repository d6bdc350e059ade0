/* Loan schedules inside the library: the object's layout and the
 * helpers the schedule, subsidy and compensation code share. Not
 * installed. */
#ifndef IPL_LOAN_INTERNAL_H
#define IPL_LOAN_INTERNAL_H

#include "ipledge/loan.h"
#include "decimal_internal.h"
#include "rounding_internal.h"

/* Longest schedule accepted: 100 years of monthly payments. */
#define IPL__LOAN_MAX_PERIODS 1200u

/* One allocation holds a schedule and its rows. */
struct ipl_loan_schedule {
    size_t count;
    ipl_loan_totals totals;
    ipl_money residual;        /* last principal − its regular principal */
    ipl_daycount daycount;
    ipl_rounding rounding;     /* resolved: never IPL_ROUND_DEFAULT */
    ipl_loan_row rows[];       /* room for terms.periods, count used */
};

/* Checks every field of terms that can be checked without building the
 * schedule; where names the offending field as "terms.<field>". On
 * success *how is the resolved rounding. */
int ipl__loan_check_terms(const ipl_loan_terms *terms, ipl_rounding *how,
                          ipl_error *err);

/* Months in a period of the frequency (1, 3, 6 or 12), or 0 for a value
 * that is not an ipl_loan_frequency. */
int ipl__loan_period_months(ipl_loan_frequency frequency);

/* The payment dates of a schedule, produced in order. */
typedef struct ipl__loan_dates {
    int64_t next_month;    /* month index of the next payment date ... */
    int day;               /* ... its day, clamped to the month's length ... */
    int month_end;         /* ... or the month's last day (sticky month end) */
    int months;            /* months in a regular period */
} ipl__loan_dates;

/* Prepares d for the checked terms t, whose regular period has the
 * given months. */
void ipl__loan_dates_init(ipl__loan_dates *d, const ipl_loan_terms *t, int months);

/* *out = the next payment date, the k-th (from 0); IPL_ERANGE (where
 * "terms.periods") when it would fall after 9999-12-31. */
int ipl__loan_dates_next(ipl_date *out, ipl__loan_dates *d, size_t k, ipl_error *err);

/* *out = balance × rate × num ÷ den rounded by how (a concrete mode),
 * exactly, with rate the decimal a double was read as (see
 * ipl__decimal_from_double(); reading is the slow part, so callers
 * keep it while the rate stays). balance, rate and num are ≥ 0, den
 * > 0. Returns IPL_OK or IPL_EOVERFLOW, leaving the message to the
 * caller, which knows the row. */
int ipl__loan_accrue(int64_t *out, int64_t balance, const ipl__decimal *rate,
                     int64_t num, int64_t den, ipl_rounding how);

/* Interest at one annual rate under one day count, prepared once per
 * rate (ipl__loan_accrual_init()): the rate's decimal digits × 10^exp10
 * and the denominator are folded into one 64-bit factor and one
 * divisor, so that a period costs two multiplications and no division
 * instruction. Periods whose product needs more than 64 bits go the
 * 128-bit way of ipl__loan_accrue(); both are exact, so they agree to
 * the unit. */
typedef struct ipl__loan_accrual {
    ipl__decimal rate;     /* the rate, read as a decimal */
    int64_t den;           /* the day count's denominator */
    uint64_t factor;       /* digits × 10^exp10 for exp10 >= 0, else digits */
    ipl__divisor divisor;  /* den × 10^-exp10 for exp10 < 0, else den */
    int fast;              /* factor and divisor fit in 64 bits */
} ipl__loan_accrual;

/* Prepares a for the annual rate (finite, >= 0) and the day count's
 * denominator den (> 0). */
void ipl__loan_accrual_init(ipl__loan_accrual *a, double rate, int64_t den);

/* *out = balance × rate × num ÷ den rounded by how (a concrete mode),
 * as ipl__loan_accrue() with a's rate and denominator; balance and num
 * are >= 0. Returns IPL_OK or IPL_EOVERFLOW. Inline: each period's
 * interest waits for the balance the period before left, so every
 * cycle on this path counts. */
static inline int
ipl__loan_accrual_interest(int64_t *out, const ipl__loan_accrual *a,
                           int64_t balance, int64_t num, ipl_rounding how)
{
    uint64_t per_unit, n;

    /* factor × num does not wait for the balance; multiplying it first
     * leaves one multiplication on the path from one period to the
     * next. */
    if (a->fast && !__builtin_mul_overflow(a->factor, (uint64_t)num, &per_unit)
        && !__builtin_mul_overflow((uint64_t)balance, per_unit, &n))
        return ipl__divisor_round(out, n, &a->divisor, how);
    return ipl__loan_accrue(out, balance, &a->rate, num, a->den, how);
}

/* *out = the annuity instalment of balance over n periods at the
 * period rate r (balance ÷ n when r is 0), in minor units of a currency
 * with the given exponent (0..4), rounded by how as
 * ipl_money_from_double() rounds. Returns IPL_OK, IPL_EOVERFLOW or
 * (with IPL_ROUND_NEVER) IPL_EINEXACT. */
int ipl__loan_annuity(int64_t *out, int64_t balance, double r, unsigned n,
                      int exponent, ipl_rounding how, ipl_error *err);

/* The number of periods a level payment needs to repay balance at the
 * period rate r, rounded up; 0 when the payment does not cover the
 * interest (the loan never amortises). */
unsigned ipl__loan_periods_needed(int64_t balance, int64_t payment, double r);

#endif /* IPL_LOAN_INTERNAL_H */
