/**
 * @file ipledge/date.h
 * @brief Civil dates: validation, parsing, arithmetic.
 * @defgroup ipl_date Dates
 *
 * An ::ipl_date is a day of the proleptic Gregorian calendar, years 1 to
 * 9999, with no time of day and no time zone: the date as an office or
 * a contract writes it. Functions check the dates they are given; a
 * struct that names no real day (2023-02-30) is #IPL_EINVAL.
 * @{
 */
#ifndef IPL_DATE_H
#define IPL_DATE_H

#include "ipledge/common.h"
#include "ipledge/error.h"

IPL_BEGIN_DECL

/** A calendar day. A value type: copy it freely. */
typedef struct ipl_date {
    int year;   /**< 1 .. 9999 */
    int month;  /**< 1 .. 12 */
    int day;    /**< 1 .. the length of the month */
} ipl_date;

/** How adding months treats days that the target month lacks. */
typedef enum ipl_month_rule {
    IPL_MONTH_DEFAULT = 0, /**< the library default: #IPL_MONTH_CLAMP */
    /** The day is kept, or clamped to the target month's last day:
     *  2024-01-31 + 1 month = 2024-02-29; 2024-02-29 + 1 month = 2024-03-29. */
    IPL_MONTH_CLAMP,
    /** As #IPL_MONTH_CLAMP, but a month's last day stays a month's last
     *  day: 2024-02-29 + 1 month = 2024-03-31 (the end-of-month
     *  convention of payment schedules). */
    IPL_MONTH_END_STICKY
} ipl_month_rule;

/** A buffer of this many bytes holds "YYYY-MM-DD" and its NUL. */
#define IPL_DATE_STRING_SIZE 11

/**
 * Makes a date from its parts, checking that the day exists.
 *
 * @param[out] out  receives the date.
 * @param year      1 .. 9999.
 * @param month     1 .. 12.
 * @param day       1 .. the length of the month.
 * @param[out] err  optional; filled on failure (where: "date").
 * @return #IPL_OK, or #IPL_EINVAL (NULL @p out, or no such day).
 */
IPL_EXTERN(int) ipl_date_from_ymd(ipl_date *out, int year, int month, int day,
                                  ipl_error *err) IPL_WARN_UNUSED;

/**
 * Tells whether a struct names a real day between 0001-01-01 and
 * 9999-12-31.
 *
 * @param d  the date.
 * @return 1 if it does, 0 if not.
 */
IPL_EXTERN(int) ipl_date_is_valid(ipl_date d);

/**
 * Parses a date as the offices write them: "YYYYMMDD" (WIPO ST.36 and
 * the office formats built on it) or "YYYY-MM-DD" (ISO 8601, ST.66,
 * ST.96), the latter optionally followed by a time-zone designator as
 * xs:date allows ("Z", "+08:00", "-05:00"; the USPTO's trademark status
 * service writes "1995-02-07-05:00"). The designator is checked and
 * dropped: the result is the calendar date written. Nothing else is
 * accepted, not even surrounding white space.
 *
 * @param[out] out  receives the date.
 * @param text      NUL-terminated text.
 * @param[out] err  optional; on failure @c column is the 1-based byte
 *                  offset of the first offending character.
 * @return #IPL_OK; #IPL_EPARSE (wrong shape or no such day, e.g.
 *         "20230229"); #IPL_EINVAL (NULL pointer).
 */
IPL_EXTERN(int) ipl_date_parse(ipl_date *out, const char *text,
                               ipl_error *err) IPL_WARN_UNUSED;

/**
 * Writes a date as "YYYY-MM-DD".
 *
 * @param[out] buf  receives the NUL-terminated text.
 * @param size      capacity of @p buf; #IPL_DATE_STRING_SIZE suffices.
 * @param d         the date.
 * @param[out] err  optional; filled on failure.
 * @return 10 (the length written); #IPL_ERANGE when @p size is too
 *         small; #IPL_EINVAL (NULL @p buf, invalid date).
 */
IPL_EXTERN(int) ipl_date_format(char *buf, size_t size, ipl_date d,
                                ipl_error *err);

/**
 * Compares two dates in calendar order. The dates are not checked.
 *
 * @param a, b  the dates.
 * @return −1 if @p a is earlier, 0 if equal, 1 if later.
 */
IPL_EXTERN(int) ipl_date_compare(ipl_date a, ipl_date b);

/**
 * Counts the days from one date to another: @p to − @p from, negative
 * when @p to is earlier (2024-01-01 to 2024-07-01 is 182).
 *
 * @param[out] out  receives the number of days.
 * @param from, to  the dates.
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK, or #IPL_EINVAL (NULL @p out, invalid date).
 */
IPL_EXTERN(int) ipl_date_days_between(int64_t *out, ipl_date from, ipl_date to,
                                      ipl_error *err) IPL_WARN_UNUSED;

/**
 * Adds a number of days (negative to go back).
 *
 * @param[out] out  receives the new date.
 * @param d         the start date.
 * @param days      days to add.
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL @p out, invalid date); #IPL_ERANGE
 *         (the result falls outside years 1 .. 9999).
 */
IPL_EXTERN(int) ipl_date_add_days(ipl_date *out, ipl_date d, int64_t days,
                                  ipl_error *err) IPL_WARN_UNUSED;

/**
 * Adds calendar months (negative to go back); a day the target month
 * lacks is handled by @p rule. 2024-01-31 + 1 month = 2024-02-29.
 *
 * @param[out] out  receives the new date.
 * @param d         the start date.
 * @param months    months to add.
 * @param rule      an ::ipl_month_rule (0 for the default).
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL @p out, invalid date, unknown
 *         rule); #IPL_ERANGE (outside years 1 .. 9999).
 */
IPL_EXTERN(int) ipl_date_add_months(ipl_date *out, ipl_date d, int64_t months,
                                    ipl_month_rule rule, ipl_error *err)
    IPL_WARN_UNUSED;

/**
 * Adds calendar years: 12 × @p years months under @p rule, so
 * 2024-02-29 + 1 year = 2025-02-28.
 *
 * @param[out] out  receives the new date.
 * @param d         the start date.
 * @param years     years to add.
 * @param rule      an ::ipl_month_rule (0 for the default).
 * @param[out] err  optional; filled on failure.
 * @return as ipl_date_add_months().
 */
IPL_EXTERN(int) ipl_date_add_years(ipl_date *out, ipl_date d, int64_t years,
                                   ipl_month_rule rule, ipl_error *err)
    IPL_WARN_UNUSED;

/**
 * Tells whether a year is a Gregorian leap year.
 *
 * @param year  any year.
 * @return 1 for a leap year (2024, 2000), 0 otherwise (2023, 1900).
 */
IPL_EXTERN(int) ipl_date_is_leap_year(int year);

/**
 * The number of days in a month.
 *
 * @param year   any year (for February).
 * @param month  1 .. 12.
 * @return 28 .. 31, or #IPL_EINVAL for a month outside 1 .. 12.
 */
IPL_EXTERN(int) ipl_date_days_in_month(int year, int month);

IPL_END_DECL

/** @} */
#endif /* IPL_DATE_H */
