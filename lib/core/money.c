/* Exact money: construction, arithmetic, rates and ratios, conversion
 * from model values, splitting (include/ipledge/money.h). Parsing and
 * formatting live in money_text.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ipledge/currency.h"
#include "ipledge/money.h"
#include "alloc_internal.h"
#include "decimal_internal.h"
#include "error_internal.h"
#include "money_internal.h"
#include "rounding_internal.h"

int
ipl__money_check(const ipl_money *m, const char *where, ipl_error *err)
{
    if (m == NULL)
        return ipl__fail(err, IPL_EINVAL, where, "must not be NULL");
    if (ipl_currency_exponent(m->currency) < 0)
        return ipl__fail(err, IPL_EINVAL, where,
                         "currency '%.3s' is not an ISO 4217 currency with a minor unit",
                         m->currency);
    if (m->minor == INT64_MIN)
        return ipl__fail(err, IPL_EOVERFLOW, where,
                         "amount INT64_MIN is outside ±(2^63 − 1) minor units");
    return IPL_OK;
}

int
ipl__money_rounding(ipl_rounding rounding, ipl_error *err)
{
    int mode = ipl__rounding_resolve(rounding);

    if (mode < 0)
        return ipl__fail(err, IPL_EINVAL, "rounding",
                         "%d is not an ipl_rounding", (int)rounding);
    return mode;
}

/* Names the operation whose result left the range of an amount, or
 * which lost a remainder under IPL_ROUND_NEVER. */
static int
ipl__money_result(int rc, const char *op, ipl_error *err)
{
    if (rc == IPL_EOVERFLOW)
        return ipl__fail(err, rc, op,
                         "result is outside ±(2^63 − 1) minor units");
    if (rc == IPL_EINEXACT)
        return ipl__fail(err, rc, op,
                         "result is not a whole number of minor units and rounding is IPL_ROUND_NEVER");
    return rc;
}

int
ipl_money_from_minor(ipl_money *out, int64_t minor, const char *currency,
                     ipl_error *err)
{
    int rc;

    IPL__CHECK_ARG(err, out);
    if ((rc = ipl_currency_check(currency, err)) < 0)
        return rc;
    if (minor == INT64_MIN)
        return ipl__fail(err, IPL_EOVERFLOW, "minor",
                         "INT64_MIN is outside ±(2^63 − 1) minor units");
    out->minor = minor;
    memcpy(out->currency, currency, 4);
    return IPL_OK;
}

static int
ipl__money_same_currency(const ipl_money *a, const ipl_money *b,
                         ipl_error *err)
{
    int rc;

    if ((rc = ipl__money_check(a, "a", err)) < 0 ||
        (rc = ipl__money_check(b, "b", err)) < 0)
        return rc;
    if (memcmp(a->currency, b->currency, 3) != 0)
        return ipl__fail(err, IPL_EINVAL, "b",
                         "currency %.3s differs from %.3s", b->currency,
                         a->currency);
    return IPL_OK;
}

/* Stores minor in *out with a's currency; out may alias a. */
static void
ipl__money_store(ipl_money *out, const ipl_money *a, int64_t minor)
{
    char currency[4];

    memcpy(currency, a->currency, 4);
    out->minor = minor;
    memcpy(out->currency, currency, 4);
}

/* a + b, or a − b when subtract is set. */
static int
ipl__money_sum(ipl_money *out, const ipl_money *a, const ipl_money *b,
               int subtract, ipl_error *err)
{
    int64_t result;
    int rc, overflow;

    IPL__CHECK_ARG(err, out);
    if ((rc = ipl__money_same_currency(a, b, err)) < 0)
        return rc;
    overflow = subtract ? __builtin_sub_overflow(a->minor, b->minor, &result)
                        : __builtin_add_overflow(a->minor, b->minor, &result);
    if (overflow || result == INT64_MIN)
        return ipl__money_result(IPL_EOVERFLOW,
                                 subtract ? "difference" : "sum", err);
    ipl__money_store(out, a, result);
    return IPL_OK;
}

int
ipl_money_add(ipl_money *out, const ipl_money *a, const ipl_money *b,
              ipl_error *err)
{
    return ipl__money_sum(out, a, b, 0, err);
}

int
ipl_money_sub(ipl_money *out, const ipl_money *a, const ipl_money *b,
              ipl_error *err)
{
    return ipl__money_sum(out, a, b, 1, err);
}

int
ipl_money_mul_rate(ipl_money *out, const ipl_money *a, double rate,
                   ipl_rounding rounding, ipl_error *err)
{
    ipl__decimal r;
    int mode;
    int64_t minor;
    int rc;

    IPL__CHECK_ARG(err, out);
    if ((rc = ipl__money_check(a, "a", err)) < 0)
        return rc;
    if ((mode = ipl__money_rounding(rounding, err)) < 0)
        return mode;
    if (ipl__decimal_from_double(&r, rate) < 0)
        return ipl__fail(err, IPL_EINVAL, "rate", "must be a finite number");
    /* |minor| < 2^63 and digits < 10^15: the product is exact in 128 bits. */
    rc = ipl__round_scaled(&minor, (a->minor < 0) != r.negative,
                           ipl__magnitude(a->minor) * r.digits, r.exp10,
                           (ipl_rounding)mode);
    if (rc < 0)
        return ipl__money_result(rc, "product", err);
    ipl__money_store(out, a, minor);
    return IPL_OK;
}

int
ipl_money_mul_ratio(ipl_money *out, const ipl_money *a, int64_t num,
                    int64_t den, ipl_rounding rounding, ipl_error *err)
{
    int mode;
    int64_t minor;
    int rc;

    IPL__CHECK_ARG(err, out);
    if ((rc = ipl__money_check(a, "a", err)) < 0)
        return rc;
    if ((mode = ipl__money_rounding(rounding, err)) < 0)
        return mode;
    if (num == INT64_MIN)
        return ipl__fail(err, IPL_EINVAL, "num", "INT64_MIN is not allowed");
    if (den == 0 || den == INT64_MIN)
        return ipl__fail(err, IPL_EINVAL, "den",
                         "must be non-zero and not INT64_MIN, got %lld",
                         (long long)den);
    rc = ipl__round_quotient(&minor, (a->minor < 0) != ((num < 0) != (den < 0)),
                             ipl__magnitude(a->minor) * ipl__magnitude(num),
                             ipl__magnitude(den), (ipl_rounding)mode);
    if (rc < 0)
        return ipl__money_result(rc, "product", err);
    ipl__money_store(out, a, minor);
    return IPL_OK;
}

int
ipl_money_from_double(ipl_money *out, double value, const char *currency,
                      ipl_rounding rounding, ipl_error *err)
{
    ipl__decimal v;
    int mode;
    int64_t minor;
    int exponent, rc;

    IPL__CHECK_ARG(err, out);
    if ((rc = ipl_currency_check(currency, err)) < 0)
        return rc;
    if ((mode = ipl__money_rounding(rounding, err)) < 0)
        return mode;
    if (ipl__decimal_from_double(&v, value) < 0)
        return ipl__fail(err, IPL_EINVAL, "value", "must be a finite number");
    exponent = ipl_currency_exponent(currency);
    rc = ipl__round_scaled(&minor, v.negative, v.digits, v.exp10 + exponent,
                           (ipl_rounding)mode);
    if (rc < 0)
        return ipl__money_result(rc, "value", err);
    out->minor = minor;
    memcpy(out->currency, currency, 4);
    return IPL_OK;
}

double
ipl_money_to_double(const ipl_money *m)
{
    static const double scale[] = { 1.0, 10.0, 100.0, 1000.0, 10000.0 };
    int exponent;

    if (m == NULL || (exponent = ipl_currency_exponent(m->currency)) < 0)
        return NAN;
    /* One correctly rounded division: the nearest double when |minor|
     * is below 2^53. */
    return (double)m->minor / scale[exponent];
}

size_t
ipl_money_format_max(void)
{
    return IPL_MONEY_FORMAT_MAX;
}
