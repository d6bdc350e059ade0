/* Reading a double as the decimal number it was written as
 * (decimal_internal.h). */
#include <float.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>

#include "ipledge/error.h"
#include "decimal_internal.h"

#define IPL__SIGNIFICANT 15

/* Strips trailing zeros so that equal values have equal digits. */
static void
ipl__decimal_normalise(ipl__decimal *d)
{
    if (d->digits == 0) {
        d->negative = 0;
        d->exp10 = 0;
    }
    while (d->digits != 0 && d->digits % 10 == 0) {
        d->digits /= 10;
        d->exp10++;
    }
}

/* The reference conversion through the C library's correctly rounded
 * printf. */
static int
ipl__decimal_from_text(ipl__decimal *out, double v)
{
    /* "-d.dddddddddddddde-308": the C library rounds correctly to 15
     * significant digits. The radix character depends on LC_NUMERIC and
     * may take several bytes, so the parse skips whatever stands between
     * the first digit and the next. */
    char text[32];
    const char *p = text;
    int i, exp_sign = 1, exp10 = 0;
    ipl__decimal d = { 0, 0, 0 };

    if (!isfinite(v))
        return IPL_EINVAL;
    snprintf(text, sizeof text, "%.*e", IPL__SIGNIFICANT - 1, v);
    if (*p == '-') {
        d.negative = 1;
        p++;
    }
    for (i = 0; i < IPL__SIGNIFICANT; i++) {
        if (i == 1)
            while (*p < '0' || *p > '9')        /* the radix character */
                p++;
        d.digits = d.digits * 10 + (uint64_t)(*p++ - '0');
    }
    p++;                                        /* 'e' */
    if (*p == '-')
        exp_sign = -1;
    for (p++; *p >= '0' && *p <= '9'; p++)
        exp10 = exp10 * 10 + (*p - '0');
    d.exp10 = exp_sign * exp10 - (IPL__SIGNIFICANT - 1);
    ipl__decimal_normalise(&d);
    *out = d;
    return IPL_OK;
}

#if LDBL_MANT_DIG >= 64
/* Powers of ten that a long double holds exactly (5^27 < 2^64). */
static const long double ipl__pow10l[] = {
    1e0L, 1e1L, 1e2L, 1e3L, 1e4L, 1e5L, 1e6L, 1e7L, 1e8L, 1e9L, 1e10L,
    1e11L, 1e12L, 1e13L, 1e14L, 1e15L, 1e16L, 1e17L, 1e18L, 1e19L, 1e20L,
    1e21L, 1e22L, 1e23L, 1e24L, 1e25L, 1e26L, 1e27L
};

/* |v| scaled by 10^k into [10^14, 10^15), with one rounding of a 64-bit
 * significand: an absolute error below 10^15 × 2^-64 < 6e-5. */
static long double
ipl__scaled(double a, int k)
{
    return k >= 0 ? (long double)a * ipl__pow10l[k]
                  : (long double)a / ipl__pow10l[-k];
}

/* The same digits as the printf conversion without formatting text, for
 * the common magnitudes. Returns 0 when it cannot be sure (the scaled
 * value lies within 10^-3 of a rounding tie, or the magnitude is out of
 * reach of exact powers), and the caller falls back. */
static int
ipl__decimal_fast(ipl__decimal *out, double v)
{
    double a = fabs(v);
    long double s, whole, frac;
    int k;

    if (!(a >= 1e-12 && a < 1e13))
        return 0;
    /* log10(2) ≈ 0.30103: an estimate of the decimal exponent, put right
     * below by at most one step either way. */
    k = 14 - (int)floor((double)ilogb(a) * 0.30102999566398120);
    if (k < -27 || k > 27)
        return 0;
    s = ipl__scaled(a, k);
    if (s >= 1e15L && k > -27)
        s = ipl__scaled(a, --k);
    else if (s < 1e14L && k < 27)
        s = ipl__scaled(a, ++k);
    if (s < 1e14L || s >= 1e15L)
        return 0;
    whole = floorl(s);
    frac = s - whole;
    if (fabsl(frac - 0.5L) < 1e-3L)
        return 0;
    out->negative = v < 0;
    out->digits = (uint64_t)whole + (frac > 0.5L);
    out->exp10 = -k;
    if (out->digits == 1000000000000000ULL) {   /* 999…9.6 rounds up */
        out->digits /= 10;
        out->exp10++;
    }
    ipl__decimal_normalise(out);
    return 1;
}
#else
static int
ipl__decimal_fast(ipl__decimal *out, double v)
{
    (void)out;
    (void)v;
    return 0;               /* no extended precision: always the slow way */
}
#endif

int
ipl__decimal_from_double(ipl__decimal *out, double v)
{
    if (!isfinite(v))
        return IPL_EINVAL;
    if (ipl__decimal_fast(out, v))
        return IPL_OK;
    return ipl__decimal_from_text(out, v);
}

int
ipl__decimal_from_double_reference(ipl__decimal *out, double v)
{
    return ipl__decimal_from_text(out, v);
}

int
ipl__decimal_parse(ipl__decimal *out, const char *text, size_t *bad_at)
{
    const char *p = text;
    ipl__decimal d = { 0, 0, 0 };
    int digits = 0, significant = 0, point = 0;

    if (*p == '+' || *p == '-')
        d.negative = *p++ == '-';
    for (;; p++) {
        if (*p == '.' && !point) {
            point = 1;
            continue;
        }
        if (*p < '0' || *p > '9')
            break;
        digits++;
        if (significant > 0 || *p != '0')
            significant++;
        if (significant > IPL__SIGNIFICANT)
            break;
        d.digits = d.digits * 10 + (uint64_t)(*p - '0');
        if (point)
            d.exp10--;
    }
    if (digits == 0 || *p != '\0') {
        *bad_at = (size_t)(p - text);
        return IPL_EPARSE;
    }
    if (d.digits == 0)
        d.negative = 0;
    *out = d;
    return IPL_OK;
}

double
ipl__decimal_to_double(const ipl__decimal *d)
{
    static const double pow10[] = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };
    double v = (double)d->digits;   /* exact: digits < 10^15 < 2^53 */
    int e = d->exp10;

    for (; e < -22; e += 22)
        v /= pow10[22];
    for (; e > 22; e -= 22)
        v *= pow10[22];
    v = e < 0 ? v / pow10[-e] : v * pow10[e];
    return d->negative ? -v : v;
}
