/* The arithmetic of a period: exact interest accrual, the annuity
 * instalment (the spreadsheet's PMT) and the number of periods a level
 * payment needs (NPER). */
#include <math.h>
#include <string.h>

#include "ipledge/currency.h"
#include "ipledge/loan.h"
#include "error_internal.h"
#include "money_internal.h"
#include "rounding_internal.h"
#include "loan_internal.h"

int
ipl__loan_accrue(int64_t *out, int64_t balance, const ipl__decimal *r, int64_t num,
                 int64_t den, ipl_rounding how)
{
    ipl__u128 n, d = (ipl__u128)den;
    int i;

    /* balance < 2^63 and digits < 10^15 < 2^50: this product fits. */
    n = (ipl__u128)balance * r->digits;
    if (__builtin_mul_overflow(n, (ipl__u128)num, &n))
        return IPL_EOVERFLOW;
    for (i = 0; i < r->exp10; i++)
        if (__builtin_mul_overflow(n, (ipl__u128)10, &n))
            return IPL_EOVERFLOW;
    for (i = 0; i > r->exp10; i--)
        if (__builtin_mul_overflow(d, (ipl__u128)10, &d))
            return IPL_EOVERFLOW;
    return ipl__round_quotient(out, 0, n, d, how);
}

/* *v × 10^n into *v; 0 when that exceeds limit. */
static int
loan__scale(uint64_t *v, int n, uint64_t limit)
{
    for (; n > 0; n--)
        if (__builtin_mul_overflow(*v, (uint64_t)10, v))
            return 0;
    return *v <= limit;
}

void
ipl__loan_accrual_init(ipl__loan_accrual *a, double rate, int64_t den)
{
    uint64_t divisor = (uint64_t)den;

    ipl__decimal_from_double(&a->rate, rate);     /* the rate is finite */
    a->den = den;
    a->factor = a->rate.digits;
    /* digits × 10^exp10 × num ÷ den: the power of ten goes up into the
     * factor or down into the divisor, whichever side it belongs to. */
    if (a->rate.exp10 >= 0)
        a->fast = loan__scale(&a->factor, a->rate.exp10, UINT64_MAX);
    else
        a->fast = loan__scale(&divisor, -a->rate.exp10, (uint64_t)1 << 63);
    if (a->fast)
        ipl__divisor_init(&a->divisor, divisor);
}

/* ipl_money_from_double() for a currency of the given exponent, with
 * its failures, without looking the currency up again. */
static int
loan__to_minor(int64_t *out, double value, int exponent, ipl_rounding how,
               ipl_error *err)
{
    ipl__decimal v;
    int rc;

    if (ipl__decimal_from_double(&v, value) < 0)
        return ipl__fail(err, IPL_EINVAL, "value", "must be a finite number");
    rc = ipl__round_scaled(out, v.negative, v.digits, v.exp10 + exponent, how);
    if (rc == IPL_EOVERFLOW)
        return ipl__fail(err, rc, "value",
                         "result is outside ±(2^63 − 1) minor units");
    if (rc == IPL_EINEXACT)
        return ipl__fail(err, rc, "value",
                         "result is not a whole number of minor units and rounding is IPL_ROUND_NEVER");
    return rc;
}

int
ipl__loan_annuity(int64_t *out, int64_t balance, double r, unsigned n,
                  int exponent, ipl_rounding how, ipl_error *err)
{
    static const double scale[] = { 1.0, 10.0, 100.0, 1000.0, 10000.0 };
    double level;

    /* PMT: the level payment whose present value at r is the balance. */
    if (!(r > 0.0))
        level = (double)balance / n;
    else
        level = (double)balance * r / -expm1(-(double)n * log1p(r));
    return loan__to_minor(out, level / scale[exponent], exponent, how, err);
}

unsigned
ipl__loan_periods_needed(int64_t balance, int64_t payment, double r)
{
    double x;

    if (payment <= 0)
        return 0;
    if (!(r > 0.0))
        x = (double)balance / (double)payment;
    else {
        double cover = 1.0 - (double)balance * r / (double)payment;

        if (cover <= 0.0)
            return 0;
        x = -log(cover) / log1p(r);     /* NPER */
    }
    /* A count a hair above an integer is that integer: the payment was
     * rounded, not the balance. */
    x = ceil(x - 1e-9);
    return x > (double)IPL__LOAN_MAX_PERIODS ? 0 : (unsigned)(x < 1.0 ? 1.0 : x);
}

int
ipl_loan_instalment(ipl_money *out, const ipl_money *principal,
                    double annual_rate, ipl_loan_frequency frequency,
                    unsigned int n, ipl_rounding rounding, ipl_error *err)
{
    int months = ipl__loan_period_months(frequency);
    int64_t level;
    int mode, rc;

    IPL__CHECK_ARG(err, out);
    if ((rc = ipl__money_check(principal, "principal", err)) < 0)
        return rc;
    if (principal->minor <= 0)
        return ipl__fail(err, IPL_EINVAL, "principal", "must be > 0, got %lld",
                         (long long)principal->minor);
    if (!isfinite(annual_rate) || annual_rate < 0.0 || annual_rate > 10.0)
        return ipl__fail(err, IPL_EINVAL, "annual_rate",
                         "must be a fraction in [0, 10], got %g", annual_rate);
    if (months == 0)
        return ipl__fail(err, IPL_EINVAL, "frequency", "unknown frequency %d",
                         (int)frequency);
    if (n < 1 || n > IPL__LOAN_MAX_PERIODS)
        return ipl__fail(err, IPL_EINVAL, "n", "must be 1..%u, got %u",
                         IPL__LOAN_MAX_PERIODS, n);
    if ((mode = ipl__money_rounding(rounding, err)) < 0)
        return mode;
    if ((rc = ipl__loan_annuity(&level, principal->minor, annual_rate * months / 12.0,
                                n, ipl_currency_exponent(principal->currency),
                                (ipl_rounding)mode, err)) < 0)
        return rc;
    out->minor = level;
    memcpy(out->currency, principal->currency, 4);
    return IPL_OK;
}
