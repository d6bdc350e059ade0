/* Day-count conventions of the 2006 ISDA Definitions, section 4.16
 * (include/ipledge/daycount.h). */
#include "ipledge/daycount.h"
#include "date_internal.h"
#include "daycount_internal.h"
#include "error_internal.h"

/* Accepted spellings, compared ignoring ASCII case and spaces. The
 * first entry of each convention is the name ipl_daycount_name() gives. */
static const struct {
    const char *name;
    ipl_daycount dc;
} dc_names[] = {
    { "ACT/360",              IPL_DC_ACT_360 },
    { "Actual/360",           IPL_DC_ACT_360 },
    { "A/360",                IPL_DC_ACT_360 },
    { "ACT/365F",             IPL_DC_ACT_365F },
    { "Actual/365 (Fixed)",   IPL_DC_ACT_365F },
    { "ACT/365.FIXED",        IPL_DC_ACT_365F },
    { "A/365F",               IPL_DC_ACT_365F },
    { "30/360",               IPL_DC_30_360 },
    { "30/360 Bond Basis",    IPL_DC_30_360 },
    { "Bond Basis",           IPL_DC_30_360 },
    { "30E/360",              IPL_DC_30E_360 },
    { "30E/360 Eurobond",     IPL_DC_30E_360 },
    { "Eurobond Basis",       IPL_DC_30E_360 },
    { "ACT/ACT ISDA",         IPL_DC_ACT_ACT_ISDA },
    { "ACT/ACT",              IPL_DC_ACT_ACT_ISDA },
    { "Actual/Actual",        IPL_DC_ACT_ACT_ISDA },
    { "Actual/Actual (ISDA)", IPL_DC_ACT_ACT_ISDA },
};

#define DC_NNAMES (sizeof dc_names / sizeof dc_names[0])

/* Longest part of an unknown name that a message repeats. */
#define DC_QUOTE_MAX 64

const char *
ipl_daycount_name(ipl_daycount dc)
{
    size_t i;

    for (i = 0; i < DC_NNAMES; i++)
        if (dc_names[i].dc == dc)
            return dc_names[i].name;
    return NULL;
}

/* ASCII upper case; toupper() would follow the locale. */
static char
dc_fold(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

/* Equality of two names, ignoring ASCII case and spaces. */
static int
dc_same_name(const char *a, const char *b)
{
    for (;;) {
        while (*a == ' ')
            a++;
        while (*b == ' ')
            b++;
        if (dc_fold(*a) != dc_fold(*b))
            return 0;
        if (*a == '\0')
            return 1;
        a++;
        b++;
    }
}

/* Copies the start of `s` into buf (at least 8 bytes) as printable
 * ASCII, other bytes as \xNN, so that a message stays readable text
 * whatever the input; "..." marks a cut. */
static void
dc_quote(char *buf, size_t size, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = 0;

    /* Each step writes at most 4 bytes and leaves room for "..." and
     * the NUL. */
    for (; *s != '\0' && n + 8 <= size; s++) {
        unsigned char c = (unsigned char)*s;

        if (c >= 0x20 && c <= 0x7e && c != '\\') {
            buf[n++] = (char)c;
        } else {
            buf[n++] = '\\';
            buf[n++] = 'x';
            buf[n++] = hex[c >> 4];
            buf[n++] = hex[c & 0xf];
        }
    }
    if (*s != '\0') {
        buf[n++] = '.';
        buf[n++] = '.';
        buf[n++] = '.';
    }
    buf[n] = '\0';
}

int
ipl_daycount_from_name(ipl_daycount *out, const char *name, ipl_error *err)
{
    char quoted[DC_QUOTE_MAX];
    size_t i;

    /* The header promises "daycount" as the place of every failure. */
    if (out == NULL)
        return ipl__fail(err, IPL_EINVAL, "daycount", "out must not be NULL");
    if (name == NULL)
        return ipl__fail(err, IPL_EINVAL, "daycount",
                         "name must not be NULL");
    for (i = 0; i < DC_NNAMES; i++) {
        if (dc_same_name(name, dc_names[i].name)) {
            *out = dc_names[i].dc;
            return IPL_OK;
        }
    }
    dc_quote(quoted, sizeof quoted, name);
    return ipl__fail(err, IPL_EINVAL, "daycount",
                     "unknown day-count convention \"%s\"", quoted);
}

/* Weight of one day of `year` over IPL_DC_ACT_ACT_DENOMINATOR: 1/366
 * is 365/133590, 1/365 is 366/133590. */
static int64_t
dc_act_act_weight(int year)
{
    return ipl__date_is_leap(year) ? 365 : 366;
}

int64_t
ipl__daycount_act_act(ipl_date start, ipl_date end)
{
    ipl_date after_start = { start.year + 1, 1, 1 };
    ipl_date end_jan1 = { end.year, 1, 1 };

    if (start.year == end.year)
        return (ipl__date_serial(end) - ipl__date_serial(start))
               * dc_act_act_weight(start.year);
    /* Every whole year in between counts 1, whatever its length:
     * 365 × 366 and 366 × 365 are both the denominator. */
    return (ipl__date_serial(after_start) - ipl__date_serial(start))
               * dc_act_act_weight(start.year)
           + (int64_t)(end.year - start.year - 1) * IPL_DC_ACT_ACT_DENOMINATOR
           + (ipl__date_serial(end) - ipl__date_serial(end_jan1))
               * dc_act_act_weight(end.year);
}

int
ipl_daycount_fraction(int64_t *num, int64_t *den, ipl_daycount dc,
                      ipl_date start, ipl_date end, ipl_error *err)
{
    IPL__CHECK_ARG(err, num);
    IPL__CHECK_ARG(err, den);
    if (dc == IPL_DC_NONE)
        return ipl__fail(err, IPL_EINVAL, "dc",
                         "no day-count convention given (IPL_DC_NONE)");
    if (dc < IPL_DC_ACT_360 || dc > IPL_DC_ACT_ACT_ISDA)
        return ipl__fail(err, IPL_EINVAL, "dc",
                         "unknown day-count convention %d", (int)dc);
    if (!ipl_date_is_valid(start))
        return ipl__date_fail_invalid(err, "start", start);
    if (!ipl_date_is_valid(end))
        return ipl__date_fail_invalid(err, "end", end);
    /* A reversed period is the forward one negated; the 30/360 rules
     * are not symmetric, so they must see the earlier date first. */
    if (ipl_date_compare(end, start) < 0)
        *num = -ipl__daycount_numerator(dc, end, start);
    else
        *num = ipl__daycount_numerator(dc, start, end);
    *den = ipl__daycount_denominator(dc);
    return IPL_OK;
}

int
ipl_daycount_year_fraction(double *out, ipl_daycount dc, ipl_date start,
                           ipl_date end, ipl_error *err)
{
    int64_t num = 0, den = 1;
    int rc;

    IPL__CHECK_ARG(err, out);
    rc = ipl_daycount_fraction(&num, &den, dc, start, end, err);
    if (rc < 0)
        return rc;
    /* Both fit in 53 bits (|num| < 2^31), so the conversions are exact
     * and the quotient is num/den correctly rounded. */
    *out = (double)num / (double)den;
    return IPL_OK;
}
