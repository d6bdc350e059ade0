/* Reading a double as the decimal number it was written as. Not installed. */
#ifndef IPL_DECIMAL_INTERNAL_H
#define IPL_DECIMAL_INTERNAL_H

#include <stdint.h>

/* sign × digits × 10^exp10, with digits < 10^15 and no trailing zeros. */
typedef struct ipl__decimal {
    int negative;
    uint64_t digits;
    int exp10;
} ipl__decimal;

/* The decimal with 15 significant digits nearest to v. Every decimal of
 * up to 15 significant digits converts to a double and back unchanged
 * (DBL_DIG), so a rate written as 0.0435 comes back as 435 × 10^-4, not
 * as the binary value 0.04349999999999999977... Returns IPL_OK, or
 * IPL_EINVAL when v is NaN or infinite. */
int ipl__decimal_from_double(ipl__decimal *out, double v);

#endif /* IPL_DECIMAL_INTERNAL_H */
