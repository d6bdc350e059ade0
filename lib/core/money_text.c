/* Decimal text to money and back, independent of the C locale
 * (ipl_money_parse() and ipl_money_format() in include/ipledge/money.h). */
#include <string.h>

#include "ipledge/currency.h"
#include "ipledge/money.h"
#include "error_internal.h"
#include "money_internal.h"
#include "rounding_internal.h"

/* Digits beyond this many significant ones exceed any amount. */
#define IPL__DIGITS_MAX 24

/* What the digits of a decimal amount say, read left to right: the
 * value in minor units, the first digit past the currency's places, and
 * whether any later digit is non-zero. */
typedef struct ipl__amount_text {
    ipl__u128 minor;      /* |value| × 10^exponent, truncated */
    int significant;      /* digits counted into minor, leading zeros excluded */
    int places;           /* fraction digits read so far */
    int first_extra;      /* first digit past the places, or -1 */
    int sticky;           /* a non-zero digit after first_extra */
} ipl__amount_text;

static int
ipl__is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

static int
ipl__is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int
ipl__parse_error(ipl_error *err, const char *text, const char *at,
                 const char *why)
{
    return ipl__fail_at(err, IPL_EPARSE, "amount", 0, (int)(at - text) + 1,
                        "'%.40s': %s", text, why);
}

/* Adds one digit; fraction digits past the currency's exponent only
 * decide the rounding. */
static void
ipl__amount_digit(ipl__amount_text *a, int digit, int in_fraction,
                  int exponent)
{
    if (in_fraction && a->places++ >= exponent) {
        if (a->first_extra < 0)
            a->first_extra = digit;
        else if (digit != 0)
            a->sticky = 1;
        return;
    }
    if (a->significant > 0 || digit != 0)
        a->significant++;
    if (a->significant <= IPL__DIGITS_MAX)
        a->minor = a->minor * 10 + (ipl__u128)digit;
}

/* Reads the integer digits, with optional ',' between groups of three.
 * Returns the position after them, or NULL after reporting an error. */
static const char *
ipl__parse_integer(ipl__amount_text *a, const char *text, const char *p,
                   int exponent, ipl_error *err)
{
    int group = 0, grouped = 0;

    for (;; p++) {
        if (ipl__is_digit(*p)) {
            ipl__amount_digit(a, *p - '0', 0, exponent);
            group++;
        } else if (*p == ',') {
            if (group == 0 || group > 3 || (grouped && group != 3)) {
                ipl__parse_error(err, text, p,
                                 "',' must separate groups of three digits");
                return NULL;
            }
            grouped = 1;
            group = 0;
        } else {
            break;
        }
    }
    if (grouped && group != 3) {
        ipl__parse_error(err, text, p,
                         "',' must separate groups of three digits");
        return NULL;
    }
    return p;
}

static int
ipl__amount_finish(ipl_money *out, const ipl__amount_text *a, int negative,
                   int exponent, const char *currency, ipl_rounding mode,
                   ipl_error *err)
{
    ipl__u128 mag = a->minor;
    int places = a->places < exponent ? a->places : exponent;
    int64_t minor;
    int rc;

    if (a->significant > IPL__DIGITS_MAX)
        return ipl__fail(err, IPL_EOVERFLOW, "amount",
                         "more than %d significant digits", IPL__DIGITS_MAX);
    /* Scale the digits to minor units, then append the first extra digit
     * and a sticky digit so that the remainder compares with one half
     * exactly as the full text would. */
    while (places++ < exponent)
        mag *= 10;
    mag = mag * 100 + (ipl__u128)(a->first_extra > 0 ? a->first_extra : 0) * 10 +
          (ipl__u128)a->sticky;
    rc = ipl__round_quotient(&minor, negative, mag, 100, mode);
    if (rc == IPL_EOVERFLOW)
        return ipl__fail(err, rc, "amount",
                         "outside ±(2^63 − 1) minor units of %s", currency);
    if (rc == IPL_EINEXACT)
        return ipl__fail(err, rc, "amount",
                         "has more than %d decimal places for %s and rounding is IPL_ROUND_NEVER",
                         exponent, currency);
    out->minor = minor;
    memcpy(out->currency, currency, 4);
    return IPL_OK;
}

int
ipl_money_parse(ipl_money *out, const char *text, const char *currency,
                ipl_rounding rounding, ipl_error *err)
{
    ipl__amount_text a = { 0, 0, 0, -1, 0 };
    const char *p;
    int exponent, mode, negative = 0, digits_seen, rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, text);
    if ((rc = ipl_currency_check(currency, err)) < 0)
        return rc;
    if ((mode = ipl__money_rounding(rounding, err)) < 0)
        return mode;
    exponent = ipl_currency_exponent(currency);

    for (p = text; ipl__is_space(*p); p++)
        ;
    if (*p == '+' || *p == '-')
        negative = *p++ == '-';
    digits_seen = ipl__is_digit(*p);
    if ((p = ipl__parse_integer(&a, text, p, exponent, err)) == NULL)
        return IPL_EPARSE;
    if (*p == '.') {
        for (p++; ipl__is_digit(*p); p++) {
            ipl__amount_digit(&a, *p - '0', 1, exponent);
            digits_seen = 1;
        }
    }
    if (!digits_seen)
        return ipl__parse_error(err, text, p, "expected a digit");
    while (ipl__is_space(*p))
        p++;
    if (*p != '\0')
        return ipl__parse_error(err, text, p, "unexpected character");
    return ipl__amount_finish(out, &a, negative, exponent, currency,
                              (ipl_rounding)mode, err);
}

int
ipl_money_format(char *buf, size_t size, const ipl_money *m,
                 unsigned int flags, ipl_error *err)
{
    char digits[24], text[IPL_MONEY_FORMAT_MAX];
    ipl__u128 mag;
    size_t nd = 0, len = 0, i;
    int exponent, rc;

    IPL__CHECK_ARG(err, buf);
    if (size > 0)
        buf[0] = '\0';
    if ((rc = ipl__money_check(m, "m", err)) < 0)
        return rc;
    if ((flags & ~(IPL_MONEY_FORMAT_GROUP | IPL_MONEY_FORMAT_CODE)) != 0)
        return ipl__fail(err, IPL_EINVAL, "flags", "unknown flags 0x%x", flags);
    exponent = ipl_currency_exponent(m->currency);

    /* Digits, least significant first, at least one more than the places
     * so that "0.05" gets its leading zero. */
    for (mag = ipl__magnitude(m->minor); mag > 0 || nd <= (size_t)exponent;
         mag /= 10)
        digits[nd++] = (char)('0' + (int)(mag % 10));

    if (flags & IPL_MONEY_FORMAT_CODE) {
        memcpy(text, m->currency, 3);
        text[3] = ' ';
        len = 4;
    }
    if (m->minor < 0)
        text[len++] = '-';
    for (i = nd; i-- > 0;) {
        text[len++] = digits[i];
        if (i == (size_t)exponent && exponent > 0)
            text[len++] = '.';
        else if ((flags & IPL_MONEY_FORMAT_GROUP) && i > (size_t)exponent &&
                 (i - (size_t)exponent) % 3 == 0)
            text[len++] = ',';
    }
    if (len + 1 > size)
        return ipl__fail(err, IPL_ERANGE, "size",
                         "%zu bytes are too few for %zu characters and the NUL",
                         size, len);
    memcpy(buf, text, len);
    buf[len] = '\0';
    return (int)len;
}
