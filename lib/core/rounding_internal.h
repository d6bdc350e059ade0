/* Exact rounding of quotients to int64 minor units. Not installed.
 *
 * Every place where money meets a ratio (rates, day-count fractions,
 * weights, decimal text with too many places) reduces to one question:
 * round sign × num / den to an integer under a named mode, and say when
 * the result does not fit. This file answers it once. */
#ifndef IPL_ROUNDING_INTERNAL_H
#define IPL_ROUNDING_INTERNAL_H

#include <stdint.h>

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
