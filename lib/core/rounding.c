/* Exact rounding of quotients to int64 minor units (rounding_internal.h). */
#include "ipledge/error.h"
#include "rounding_internal.h"

/* 10^38 is the largest power of ten an unsigned 128-bit integer holds. */
#define IPL__POW10_MAX 38

static ipl__u128
ipl__pow10(int n)
{
    ipl__u128 p = 1;

    while (n-- > 0)
        p *= 10;
    return p;
}

int
ipl__rounding_resolve(ipl_rounding mode)
{
    switch (mode) {
    case IPL_ROUND_DEFAULT:
        return IPL_ROUND_HALF_EVEN;
    case IPL_ROUND_HALF_EVEN:
    case IPL_ROUND_HALF_UP:
    case IPL_ROUND_DOWN:
    case IPL_ROUND_NEVER:
    case IPL_ROUND_UP:
        return (int)mode;
    }
    return -1;
}

ipl__u128
ipl__magnitude(int64_t v)
{
    return v < 0 ? (ipl__u128)(-(v + 1)) + 1 : (ipl__u128)v;
}

/* num / den and its remainder; 64-bit division when both fit, which
 * is most of the time and several times faster than 128-bit division. */
static void
ipl__divide(ipl__u128 *q, ipl__u128 *rem, ipl__u128 num, ipl__u128 den)
{
    if ((num >> 64) == 0 && (den >> 64) == 0) {
        uint64_t n = (uint64_t)num, d = (uint64_t)den;

        *q = n / d;
        *rem = n % d;
    } else {
        *q = num / den;
        *rem = num % den;
    }
}

int
ipl__round_quotient(int64_t *out, int negative, ipl__u128 num, ipl__u128 den,
                    ipl_rounding mode)
{
    ipl__u128 q, rem;

    ipl__divide(&q, &rem, num, den);
    if (rem != 0) {
        /* Compare rem with den − rem: doubling rem could overflow when
         * den is above 2^127. */
        ipl__u128 rest = den - rem;

        if (mode == IPL_ROUND_NEVER)
            return IPL_EINEXACT;
        q += (ipl__u128)ipl__round_away((rem > rest) - (rem < rest), (int)(q & 1),
                                        mode);
    }
    if (q > IPL__AMOUNT_MAX)
        return IPL_EOVERFLOW;
    *out = negative ? -(int64_t)q : (int64_t)q;
    return IPL_OK;
}

void
ipl__divisor_init(ipl__divisor *dv, uint64_t d)
{
    /* s = ceil(log2 d): the bit length of d − 1. */
    int s = d == 1 ? 0 : 64 - __builtin_clzll(d - 1);

    dv->d = d;
    dv->shift1 = s < 1 ? s : 1;
    dv->shift2 = s - dv->shift1;
    /* m − 2^64 = floor(2^64 × (2^s − d) / d) + 1, below 2^64 because
     * d > 2^(s−1). One 128-bit division, paid once per divisor. */
    dv->magic = (uint64_t)((((ipl__u128)(((uint64_t)1 << s) - d)) << 64) / d) + 1;
}

int
ipl__round_scaled(int64_t *out, int negative, ipl__u128 mag, int exp10,
                  ipl_rounding mode)
{
    if (mag == 0) {
        *out = 0;
        return IPL_OK;
    }
    if (exp10 >= 0) {
        /* Any non-zero magnitude times 10^19 or more exceeds INT64_MAX. */
        if (exp10 > 18 || mag > IPL__AMOUNT_MAX)
            return IPL_EOVERFLOW;
        return ipl__round_quotient(out, negative, mag * ipl__pow10(exp10), 1,
                                   mode);
    }
    /* Callers keep mag below 10^37, so past 10^-38 every quotient is
     * zero with a remainder below one half, exactly as at 10^-38. */
    if (-exp10 > IPL__POW10_MAX)
        exp10 = -IPL__POW10_MAX;
    return ipl__round_quotient(out, negative, mag, ipl__pow10(-exp10), mode);
}
