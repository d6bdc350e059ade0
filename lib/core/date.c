/* Civil dates of the proleptic Gregorian calendar, years 1 to 9999
 * (include/ipledge/date.h). Day numbers come from the era arithmetic
 * of Howard Hinnant's days_from_civil / civil_from_days. */
#include <inttypes.h>

#include "ipledge/date.h"
#include "date_internal.h"
#include "error_internal.h"

/* The index (see ipl__date_month_index()) of the first month a date
 * may fall in. */
#define DATE_FIRST_MONTH ((int64_t)1 * 12)

/* What a parse failure names in ipl_error::where. The text is one
 * string, not a file: line stays 0 and column locates the fault. */
#define DATE_TEXT "date"

int
ipl_date_is_leap_year(int year)
{
    return ipl__date_is_leap(year);
}

int
ipl_date_days_in_month(int year, int month)
{
    if (month < 1 || month > 12)
        return IPL_EINVAL;
    return ipl__date_month_length(year, month);
}

int
ipl_date_is_valid(ipl_date d)
{
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12
        && d.day >= 1 && d.day <= ipl__date_month_length(d.year, d.month);
}

int
ipl__date_fail_invalid(ipl_error *err, const char *where, ipl_date d)
{
    if (d.year < 1 || d.year > 9999)
        return ipl__fail(err, IPL_EINVAL, where,
                         "year %d out of range 1..9999", d.year);
    if (d.month < 1 || d.month > 12)
        return ipl__fail(err, IPL_EINVAL, where,
                         "month %d out of range 1..12", d.month);
    /* Only a two-digit day reads well inside a written-out date. */
    if (d.day >= 0 && d.day <= 99)
        return ipl__fail(err, IPL_EINVAL, where,
                         "%04d-%02d-%02d is not a calendar date "
                         "(%04d-%02d has %d days)", d.year, d.month, d.day,
                         d.year, d.month,
                         ipl_date_days_in_month(d.year, d.month));
    return ipl__fail(err, IPL_EINVAL, where,
                     "day %d out of range 1..%d for %04d-%02d", d.day,
                     ipl_date_days_in_month(d.year, d.month), d.year,
                     d.month);
}

/* The inverse of ipl__date_serial(), for day numbers of valid dates. */
static ipl_date
date_from_serial(int64_t serial)
{
    int64_t era = serial / 146097;
    int64_t day_of_era = serial - era * 146097;
    int64_t year_of_era = (day_of_era - day_of_era / 1460
                           + day_of_era / 36524 - day_of_era / 146096) / 365;
    int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4
                                        - year_of_era / 100);
    int64_t month_from_march = (5 * day_of_year + 2) / 153;
    ipl_date d;

    d.day = (int)(day_of_year - (153 * month_from_march + 2) / 5 + 1);
    d.month = (int)(month_from_march < 10 ? month_from_march + 3
                                          : month_from_march - 9);
    d.year = (int)(era * 400 + year_of_era + (d.month <= 2));
    return d;
}

int
ipl_date_from_ymd(ipl_date *out, int year, int month, int day,
                  ipl_error *err)
{
    ipl_date d;

    /* The header promises "date" as the place of every failure. */
    if (out == NULL)
        return ipl__fail(err, IPL_EINVAL, "date", "out must not be NULL");
    d.year = year;
    d.month = month;
    d.day = day;
    if (!ipl_date_is_valid(d))
        return ipl__date_fail_invalid(err, "date", d);
    *out = d;
    return IPL_OK;
}

/* Fails a parse at the 0-based byte offset `at`, saying what was
 * expected there and what was found instead. */
static int
date_parse_fail(ipl_error *err, const char *text, size_t at,
                const char *expected)
{
    unsigned char c = (unsigned char)text[at];
    int column = (int)at + 1;

    if (c == '\0')
        return ipl__fail_at(err, IPL_EPARSE, DATE_TEXT, 0, column,
                            "expected %s, but the text ends", expected);
    if (c >= 0x20 && c <= 0x7e)
        return ipl__fail_at(err, IPL_EPARSE, DATE_TEXT, 0, column,
                            "expected %s, got '%c'", expected, c);
    return ipl__fail_at(err, IPL_EPARSE, DATE_TEXT, 0, column,
                        "expected %s, got byte 0x%02X", expected,
                        (unsigned int)c);
}

/* ASCII digits only: isdigit() would follow the locale. */
static int
date_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Reads `width` digits at text[at] into *value. Stops at the first
 * non-digit, so it never reads past the terminating NUL. */
static int
date_scan_number(const char *text, size_t at, size_t width,
                 const char *what, int *value, ipl_error *err)
{
    size_t i;
    int v = 0;

    for (i = 0; i < width; i++) {
        if (!date_is_digit(text[at + i]))
            return date_parse_fail(err, text, at + i, what);
        v = v * 10 + (text[at + i] - '0');
    }
    *value = v;
    return IPL_OK;
}

/* Requires the text to end at text[at]. */
static int
date_expect_end(const char *text, size_t at, const char *what,
                ipl_error *err)
{
    return text[at] == '\0' ? IPL_OK : date_parse_fail(err, text, at, what);
}

/* Checks the optional xs:date time-zone designator at text[at]:
 * nothing, "Z", or a sign, hh:mm, within -14:00 .. +14:00. */
static int
date_scan_zone(const char *text, size_t at, ipl_error *err)
{
    const char *after = "the end of the text after the time zone";
    int hours = 0, minutes = 0, rc;

    if (text[at] == '\0')
        return IPL_OK;
    if (text[at] == 'Z')
        return date_expect_end(text, at + 1, after, err);
    if (text[at] != '+' && text[at] != '-')
        return date_parse_fail(err, text, at,
                               "'Z', '+', '-' or the end of the text");
    rc = date_scan_number(text, at + 1, 2, "a digit of the time-zone hours",
                          &hours, err);
    if (rc < 0)
        return rc;
    if (hours > 14)
        return ipl__fail_at(err, IPL_EPARSE, DATE_TEXT, 0, (int)at + 2,
                            "time-zone hours %02d out of range 00..14",
                            hours);
    if (text[at + 3] != ':')
        return date_parse_fail(err, text, at + 3,
                               "':' between time-zone hours and minutes");
    rc = date_scan_number(text, at + 4, 2,
                          "a digit of the time-zone minutes", &minutes, err);
    if (rc < 0)
        return rc;
    if (minutes > 59)
        return ipl__fail_at(err, IPL_EPARSE, DATE_TEXT, 0, (int)at + 5,
                            "time-zone minutes %02d out of range 00..59",
                            minutes);
    if (hours == 14 && minutes > 0)
        return ipl__fail_at(err, IPL_EPARSE, DATE_TEXT, 0, (int)at + 5,
                            "time-zone offset %c14:%02d lies beyond 14:00",
                            text[at], minutes);
    return date_expect_end(text, at + 6, after, err);
}

int
ipl_date_parse(ipl_date *out, const char *text, ipl_error *err)
{
    ipl_date d = { 0, 0, 0 };
    size_t month_at, day_at;
    int iso, last, rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, text);
    /* Each field is checked as soon as it is read, so the error points
     * at the first offending character in reading order. */
    rc = date_scan_number(text, 0, 4, "a digit of the year", &d.year, err);
    if (rc < 0)
        return rc;
    if (d.year < 1)
        return ipl__fail_at(err, IPL_EPARSE, DATE_TEXT, 0, 1,
                            "year 0000 out of range 0001..9999");
    iso = text[4] == '-';
    if (!iso && !date_is_digit(text[4]))
        return date_parse_fail(err, text, 4, "'-' or a digit of the month");
    month_at = iso ? 5 : 4;
    day_at = iso ? 8 : 6;
    rc = date_scan_number(text, month_at, 2, "a digit of the month",
                          &d.month, err);
    if (rc < 0)
        return rc;
    if (d.month < 1 || d.month > 12)
        return ipl__fail_at(err, IPL_EPARSE, DATE_TEXT, 0, (int)month_at + 1,
                            "month %02d out of range 01..12", d.month);
    if (iso && text[7] != '-')
        return date_parse_fail(err, text, 7, "'-' after the month");
    rc = date_scan_number(text, day_at, 2, "a digit of the day", &d.day,
                          err);
    if (rc < 0)
        return rc;
    last = ipl_date_days_in_month(d.year, d.month);
    if (d.day < 1 || d.day > last)
        return ipl__fail_at(err, IPL_EPARSE, DATE_TEXT, 0, (int)day_at + 1,
                            "%04d-%02d-%02d does not exist (%04d-%02d has "
                            "%d days)", d.year, d.month, d.day, d.year,
                            d.month, last);
    if (iso)
        rc = date_scan_zone(text, day_at + 2, err);
    else
        rc = date_expect_end(text, day_at + 2, "the end of the text "
                             "(YYYYMMDD takes no time zone)", err);
    if (rc < 0)
        return rc;
    *out = d;
    return IPL_OK;
}

/* Writes `value` as exactly `width` decimal digits, zero-padded. */
static void
date_put_digits(char *p, int value, int width)
{
    while (width-- > 0) {
        p[width] = (char)('0' + value % 10);
        value /= 10;
    }
}

int
ipl_date_format(char *buf, size_t size, ipl_date d, ipl_error *err)
{
    IPL__CHECK_ARG(err, buf);
    if (!ipl_date_is_valid(d))
        return ipl__date_fail_invalid(err, "d", d);
    if (size < IPL_DATE_STRING_SIZE) {
        /* Leave no stale text behind for a caller who ignores the code. */
        if (size > 0)
            buf[0] = '\0';
        return ipl__fail(err, IPL_ERANGE, "size",
                         "a date needs %d bytes, got %lu",
                         IPL_DATE_STRING_SIZE, (unsigned long)size);
    }
    date_put_digits(buf, d.year, 4);
    buf[4] = '-';
    date_put_digits(buf + 5, d.month, 2);
    buf[7] = '-';
    date_put_digits(buf + 8, d.day, 2);
    buf[10] = '\0';
    return IPL_DATE_STRING_SIZE - 1;
}

int
ipl_date_compare(ipl_date a, ipl_date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    if (a.day != b.day)
        return a.day < b.day ? -1 : 1;
    return 0;
}

int
ipl_date_days_between(int64_t *out, ipl_date from, ipl_date to,
                      ipl_error *err)
{
    IPL__CHECK_ARG(err, out);
    if (!ipl_date_is_valid(from))
        return ipl__date_fail_invalid(err, "from", from);
    if (!ipl_date_is_valid(to))
        return ipl__date_fail_invalid(err, "to", to);
    *out = ipl__date_serial(to) - ipl__date_serial(from);
    return IPL_OK;
}

int
ipl_date_add_days(ipl_date *out, ipl_date d, int64_t days, ipl_error *err)
{
    static const ipl_date first = { 1, 1, 1 }, last = { 9999, 12, 31 };
    int64_t serial;

    IPL__CHECK_ARG(err, out);
    if (!ipl_date_is_valid(d))
        return ipl__date_fail_invalid(err, "d", d);
    serial = ipl__date_serial(d);
    /* Compare before adding: days may be anywhere in int64_t. */
    if (days < ipl__date_serial(first) - serial
        || days > ipl__date_serial(last) - serial)
        return ipl__fail(err, IPL_ERANGE, "days",
                         "%04d-%02d-%02d + %" PRId64 " days falls outside "
                         "0001-01-01..9999-12-31", d.year, d.month, d.day,
                         days);
    *out = date_from_serial(serial + days);
    return IPL_OK;
}

/* Moves d by `months` under `rule`. add_months and add_years both land
 * here; `unit` and `count` say how the caller asked, for messages. */
static int
date_shift_months(ipl_date *out, ipl_date d, int64_t months,
                  ipl_month_rule rule, const char *unit, int64_t count,
                  ipl_error *err)
{
    int64_t index;

    IPL__CHECK_ARG(err, out);
    if (!ipl_date_is_valid(d))
        return ipl__date_fail_invalid(err, "d", d);
    if (rule != IPL_MONTH_DEFAULT && rule != IPL_MONTH_CLAMP
        && rule != IPL_MONTH_END_STICKY)
        return ipl__fail(err, IPL_EINVAL, "rule", "unknown month rule %d",
                         (int)rule);
    index = ipl__date_month_index(d);
    /* Compare before adding: months may be anywhere in int64_t. */
    if (months < DATE_FIRST_MONTH - index || months > IPL__DATE_LAST_MONTH - index)
        return ipl__fail(err, IPL_ERANGE, unit,
                         "%04d-%02d-%02d + %" PRId64 " %s falls outside "
                         "years 1..9999", d.year, d.month, d.day, count,
                         unit);
    *out = ipl__date_in_month(index + months, d.day,
                              rule == IPL_MONTH_END_STICKY
                              && d.day == ipl__date_month_length(d.year, d.month));
    return IPL_OK;
}

int
ipl_date_add_months(ipl_date *out, ipl_date d, int64_t months,
                    ipl_month_rule rule, ipl_error *err)
{
    return date_shift_months(out, d, months, rule, "months", months, err);
}

int
ipl_date_add_years(ipl_date *out, ipl_date d, int64_t years,
                   ipl_month_rule rule, ipl_error *err)
{
    /* Every |years| above 9998 leaves years 1..9999, so bounding it
     * first keeps the multiplication from overflowing without changing
     * the outcome. */
    int64_t bounded = years > 10000 ? 10000 : years < -10000 ? -10000 : years;

    return date_shift_months(out, d, bounded * 12, rule, "years", years, err);
}
