/* Reading a double as the decimal number it was written as
 * (decimal_internal.h). */
#include <math.h>
#include <stddef.h>
#include <stdio.h>

#include "ipledge/error.h"
#include "decimal_internal.h"

#define IPL__SIGNIFICANT 15

int
ipl__decimal_from_double(ipl__decimal *out, double v)
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
    if (d.digits == 0) {
        d.negative = 0;
        d.exp10 = 0;
    }
    while (d.digits != 0 && d.digits % 10 == 0) {
        d.digits /= 10;
        d.exp10++;
    }
    *out = d;
    return IPL_OK;
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
