/* Numbers of an assumptions document, read as written (xs:double and
 * xs:unsignedLong lexical forms) with no locale and no strtod: the
 * mantissa goes through the core's decimal reader, so "0.1" gives
 * exactly the double the compiler makes of 0.1. */
#include <math.h>
#include <string.h>

#include "ipledge/error.h"

#include "assumptions_internal.h"
#include "decimal_internal.h"

/* Longer than any xs:double of 15 significant digits needs. */
#define IPL__NUMBER_MAX 64
/* Beyond this the value is 0 or infinite whatever the digits. */
#define IPL__EXPONENT_MAX 1000

static int
ipl__is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Copies text without surrounding white space into buf; 0 when it does
 * not fit or is empty. */
static size_t
ipl__trimmed(char *buf, const char *text)
{
    size_t len;

    while (ipl__is_space(*text))
        text++;
    len = strlen(text);
    while (len > 0 && ipl__is_space(text[len - 1]))
        len--;
    if (len == 0 || len >= IPL__NUMBER_MAX)
        return 0;
    memcpy(buf, text, len);
    buf[len] = '\0';
    return len;
}

/* "e-12" → -12; IPL_EPARSE unless the whole text is a signed integer. */
static int
ipl__exponent(int *out, const char *p)
{
    int negative = 0, e = 0;

    if (*p == '+' || *p == '-')
        negative = *p++ == '-';
    if (*p == '\0')
        return IPL_EPARSE;
    for (; *p != '\0'; p++) {
        if (*p < '0' || *p > '9')
            return IPL_EPARSE;
        if (e < IPL__EXPONENT_MAX)
            e = e * 10 + (*p - '0');
    }
    *out = negative ? -e : e;
    return IPL_OK;
}

int
ipl__assumptions_double(double *out, const char *text)
{
    char buf[IPL__NUMBER_MAX], *e;
    ipl__decimal d;
    size_t bad;
    int exp10 = 0;

    if (ipl__trimmed(buf, text) == 0)
        return IPL_EPARSE;
    if (strcmp(buf, "INF") == 0 || strcmp(buf, "-INF") == 0) {
        *out = buf[0] == '-' ? -HUGE_VAL : HUGE_VAL;
        return IPL_OK;
    }
    if ((e = strpbrk(buf, "eE")) != NULL) {
        if (ipl__exponent(&exp10, e + 1) < 0)
            return IPL_EPARSE;
        *e = '\0';
    }
    if (ipl__decimal_parse(&d, buf, &bad) < 0)
        return IPL_EPARSE;
    d.exp10 += exp10;
    *out = ipl__decimal_to_double(&d);
    return IPL_OK;
}

int
ipl__assumptions_uint64(uint64_t *out, const char *text)
{
    char buf[IPL__NUMBER_MAX];
    uint64_t v = 0;
    const char *p = buf;

    if (ipl__trimmed(buf, text) == 0)
        return IPL_EPARSE;
    if (*p == '+')
        p++;
    if (*p == '\0')
        return IPL_EPARSE;
    for (; *p != '\0'; p++) {
        unsigned digit = (unsigned)(*p - '0');

        if (*p < '0' || *p > '9' || v > (UINT64_MAX - digit) / 10)
            return IPL_EPARSE;
        v = v * 10 + digit;
    }
    *out = v;
    return IPL_OK;
}
