/* Reading a double as the decimal number it was written as
 * (decimal_internal.h). */
#include <math.h>
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
