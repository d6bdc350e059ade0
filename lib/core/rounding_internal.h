/* Exact rounding of quotients to int64 minor units. Not installed.
 *
 * Every place where money meets a ratio (rates, day-count fractions,
 * weights, decimal text with too many places) reduces to one question:
 * round sign × num / den to an integer under a named mode, and say when
 * the result does not fit. This file answers it once. */
#ifndef IPL_ROUNDING_INTERNAL_H
#define IPL_ROUNDING_INTERNAL_H

#include <stdint.h>

#include "ipledge/error.h"
#include "ipledge/money.h"

typedef unsigned __int128 ipl__u128;

/* The largest magnitude of an amount: INT64_MIN is not one. */
#define IPL__AMOUNT_MAX ((ipl__u128)INT64_MAX)

/* Sets *out to sign × num / den rounded by mode (negative != 0 for a
 * negative quotient; modes act on the magnitude). den must be > 0 and
 * mode a concrete mode (resolve IPL_ROUND_DEFAULT first).
 * Returns IPL_OK, IPL_EOVERFLOW (magnitude above INT64_MAX) or
 * IPL_EINEXACT (IPL_ROUND_NEVER and a remainder); *out is written only
 * on success. */
int ipl__round_quotient(int64_t *out, int negative, ipl__u128 num,
                        ipl__u128 den, ipl_rounding mode);

/* Whether a truncated quotient moves one unit away from zero under
 * mode (a concrete mode other than IPL_ROUND_NEVER), given that its
 * remainder is not 0: half is negative, 0 or positive as the remainder
 * is below, at or above half the divisor, and odd is the quotient's
 * last bit. Whether the last digit moves depends on data that no
 * branch predictor can guess, so the tests combine without branches. */
static inline int
ipl__round_away(int half, int odd, ipl_rounding mode)
{
    return (mode == IPL_ROUND_UP)
           | ((mode == IPL_ROUND_HALF_UP) & (half >= 0))
           | ((mode == IPL_ROUND_HALF_EVEN) & ((half > 0) | ((half == 0) & odd)));
}

/* Division by a divisor known in advance, as a multiplication: a
 * hardware division of 64 bits takes 40 to 90 cycles on the Xeons we
 * measure on, a multiplication 3 or 4. This is the method of Granlund
 * and Montgomery ("Division by invariant integers using
 * multiplication", PLDI 1994, theorem 4.2): with s = ceil(log2 d) and
 * m = floor(2^(64+s) / d) + 1, which lies in [2^64, 2^65),
 * floor(n / d) = floor(m × n / 2^(64+s)) for every n < 2^64. */
typedef struct ipl__divisor {
    uint64_t d;         /* the divisor, 1 .. 2^63 */
    uint64_t magic;     /* m − 2^64 */
    int shift1;         /* min(s, 1) ... */
    int shift2;         /* ... and s − shift1: two shifts, each below 64 */
} ipl__divisor;

/* Prepares division by d, 1 <= d <= 2^63. */
void ipl__divisor_init(ipl__divisor *dv, uint64_t d);

/* floor(n / dv->d), exactly, for every n. */
static inline uint64_t
ipl__divisor_quotient(uint64_t n, const ipl__divisor *dv)
{
    /* m × n / 2^64 = n + high with high = magic × n / 2^64 <= n; their
     * sum needs 65 bits, so halve it first as (n − high) / 2 + high. */
    uint64_t high = (uint64_t)(((ipl__u128)n * dv->magic) >> 64);

    return (((n - high) >> dv->shift1) + high) >> dv->shift2;
}

/* *out = n / dv->d rounded by mode: ipl__round_quotient() of a
 * non-negative 64-bit numerator without a division instruction. */
static inline int
ipl__divisor_round(int64_t *out, uint64_t n, const ipl__divisor *dv,
                   ipl_rounding mode)
{
    uint64_t q = ipl__divisor_quotient(n, dv);
    uint64_t rem = n - q * dv->d, rest = dv->d - rem;

    /* As ipl__round_quotient(), in 64 bits. */
    if (rem != 0) {
        if (mode == IPL_ROUND_NEVER)
            return IPL_EINEXACT;
        q += (uint64_t)ipl__round_away((rem > rest) - (rem < rest), (int)(q & 1),
                                       mode);
    }
    if (q > (uint64_t)INT64_MAX)
        return IPL_EOVERFLOW;
    *out = (int64_t)q;
    return IPL_OK;
}

/* Sets *out to sign × mag × 10^exp10 rounded by mode, for any exp10
 * (the value may be far below one unit or far above the range).
 * Returns as ipl__round_quotient(). */
int ipl__round_scaled(int64_t *out, int negative, ipl__u128 mag, int exp10,
                      ipl_rounding mode);

/* Resolves IPL_ROUND_DEFAULT to IPL_ROUND_HALF_EVEN; returns -1 for a
 * value that is not an ipl_rounding. */
int ipl__rounding_resolve(ipl_rounding mode);

/* The magnitude of v as an unsigned 128-bit integer (v may be INT64_MIN). */
ipl__u128 ipl__magnitude(int64_t v);

#endif /* IPL_ROUNDING_INTERNAL_H */
