/* Date helpers shared between lib/core/date.c and its neighbours
 * (daycount.c) and the schedules built on them. Not installed. */
#ifndef IPL_DATE_INTERNAL_H
#define IPL_DATE_INTERNAL_H

#include "ipledge/date.h"


/* Months counted as year × 12 + (month − 1): the index of the month a
 * date falls in, and that of the last month a date may fall in. */
#define IPL__DATE_LAST_MONTH ((int64_t)9999 * 12 + 11)

static inline int64_t
ipl__date_month_index(ipl_date d)
{
    return (int64_t)d.year * 12 + (d.month - 1);
}

/* The helpers below are inline: a schedule calls them once a period. */

static inline int
ipl__date_is_leap(int year)
{
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

/* The number of days of month (1..12) of year; nothing is checked. */
static inline int
ipl__date_month_length(int year, int month)
{
    static const int length[12] = {
        31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
    };

    return month == 2 && ipl__date_is_leap(year) ? 29 : length[month - 1];
}

/* The date on `day` (1..31) of the month with index `month` (of a month
 * of years 1..9999), clamped to the month's length; on the month's last
 * day instead when month_end is set. Nothing is checked: a schedule
 * checks its range once and then steps from month to month with it. */
static inline ipl_date
ipl__date_in_month(int64_t month, int day, int month_end)
{
    ipl_date r;

    r.year = (int)(month / 12);
    r.month = (int)(month % 12) + 1;
    r.day = day;
    /* Every month has 28 days: only later days need its length. */
    if (day > 28 || month_end) {
        int last = ipl__date_month_length(r.year, r.month);

        r.day = month_end || day > last ? last : day;
    }
    return r;
}

/* The day number of a valid date (ipl_date_is_valid() holds), counted
 * from 0000-03-01 of the proleptic Gregorian calendar, so 0001-01-01 is
 * 306. Only differences between day numbers carry meaning outside
 * date.c. */
static inline int64_t
ipl__date_serial(ipl_date d)
{
    /* Years that start in March end with the leap day, so a day's
     * position in its year does not depend on whether the year is
     * leap. Valid dates keep y >= 0, so the divisions truncate as
     * floors would. */
    int64_t y = d.year - (d.month <= 2);
    int64_t era = y / 400;
    int64_t year_of_era = y - era * 400;
    int64_t month_from_march = (d.month + 9) % 12;
    int64_t day_of_year = (153 * month_from_march + 2) / 5 + d.day - 1;
    int64_t day_of_era = year_of_era * 365 + year_of_era / 4
                         - year_of_era / 100 + day_of_year;

    return era * 146097 + day_of_era;
}

/* Records why d is not a valid date in err (which may be NULL), naming
 * the parameter `where`, and returns IPL_EINVAL. Call it only for a
 * date that ipl_date_is_valid() rejected. */
int ipl__date_fail_invalid(ipl_error *err, const char *where, ipl_date d);

#endif /* IPL_DATE_INTERNAL_H */
