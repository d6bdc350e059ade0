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

/* The same through the C library's printf alone: the reference the fast
 * path of ipl__decimal_from_double() is tested against. */
int ipl__decimal_from_double_reference(ipl__decimal *out, double v);

/* Reads an xs:decimal ("-0.25", "+1.4", ".5", "12.") of at most 15
 * significant digits from text, independent of the locale. Returns
 * IPL_OK, or IPL_EPARSE with *bad_at set to the 0-based offset of the
 * first offending byte (the whole text must be the number). */
int ipl__decimal_parse(ipl__decimal *out, const char *text, size_t *bad_at);

/* The double nearest to d: exact arithmetic on one correctly rounded
 * operation while |exp10| <= 22 (every power of ten up to 10^22 is a
 * double), so "0.25" gives exactly what the compiler makes of 0.25. */
double ipl__decimal_to_double(const ipl__decimal *d);

#endif /* IPL_DECIMAL_INTERNAL_H */
