/* Check suite for include/ipledge/date.h.
 *
 * Expected values come from outside the library: day counts were
 * checked against Python's datetime.date (e.g. 0001-01-01 to 9999-12-31
 * is 3652058 days; 1970-01-01 to 2000-01-01 is 946684800 s / 86400 =
 * 10957 days), month arithmetic from the examples in date.h, and the
 * exhaustive walk below from a plain day-by-day calendar written here. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ipledge/date.h"
#include "date_internal.h"
#include "harness.h"

static ipl_date
ymd(int y, int m, int d)
{
    ipl_date r;

    r.year = y;
    r.month = m;
    r.day = d;
    return r;
}

#define ck_assert_date_eq(got, y, m, d) do { \
        ipl_date ck_d_ = (got); \
        ck_assert_int_eq(ck_d_.year, (y)); \
        ck_assert_int_eq(ck_d_.month, (m)); \
        ck_assert_int_eq(ck_d_.day, (d)); \
    } while (0)

/* ---- calendar facts ---------------------------------------------- */

START_TEST(test_leap_years)
{
    ck_assert_int_eq(ipl_date_is_leap_year(1900), 0);
    ck_assert_int_eq(ipl_date_is_leap_year(2000), 1);
    ck_assert_int_eq(ipl_date_is_leap_year(2024), 1);
    ck_assert_int_eq(ipl_date_is_leap_year(2023), 0);
    ck_assert_int_eq(ipl_date_is_leap_year(2100), 0);
    ck_assert_int_eq(ipl_date_is_leap_year(1600), 1);
    ck_assert_int_eq(ipl_date_is_leap_year(4), 1);
    ck_assert_int_eq(ipl_date_is_leap_year(1), 0);
}
END_TEST

START_TEST(test_days_in_month)
{
    static const int common[12] = {
        31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
    };
    int m;

    for (m = 1; m <= 12; m++) {
        ck_assert_int_eq(ipl_date_days_in_month(2023, m), common[m - 1]);
        ck_assert_int_eq(ipl_date_days_in_month(2024, m),
                         m == 2 ? 29 : common[m - 1]);
    }
    ck_assert_int_eq(ipl_date_days_in_month(2023, 2), 28);
    ck_assert_int_eq(ipl_date_days_in_month(2024, 2), 29);
    ck_assert_int_eq(ipl_date_days_in_month(1900, 2), 28);
    ck_assert_int_eq(ipl_date_days_in_month(2000, 2), 29);
    ck_assert_int_eq(ipl_date_days_in_month(2024, 0), IPL_EINVAL);
    ck_assert_int_eq(ipl_date_days_in_month(2024, 13), IPL_EINVAL);
    ck_assert_int_eq(ipl_date_days_in_month(2024, -1), IPL_EINVAL);
}
END_TEST

START_TEST(test_is_valid)
{
    ck_assert_int_eq(ipl_date_is_valid(ymd(1, 1, 1)), 1);
    ck_assert_int_eq(ipl_date_is_valid(ymd(9999, 12, 31)), 1);
    ck_assert_int_eq(ipl_date_is_valid(ymd(2024, 2, 29)), 1);
    ck_assert_int_eq(ipl_date_is_valid(ymd(0, 12, 31)), 0);
    ck_assert_int_eq(ipl_date_is_valid(ymd(10000, 1, 1)), 0);
    ck_assert_int_eq(ipl_date_is_valid(ymd(2023, 2, 29)), 0);
    ck_assert_int_eq(ipl_date_is_valid(ymd(1900, 2, 29)), 0);
    ck_assert_int_eq(ipl_date_is_valid(ymd(2024, 4, 31)), 0);
    ck_assert_int_eq(ipl_date_is_valid(ymd(2024, 1, 0)), 0);
    ck_assert_int_eq(ipl_date_is_valid(ymd(2024, 0, 1)), 0);
    ck_assert_int_eq(ipl_date_is_valid(ymd(2024, 13, 1)), 0);
    ck_assert_int_eq(ipl_date_is_valid(ymd(2024, 1, -1)), 0);
}
END_TEST

START_TEST(test_from_ymd)
{
    ipl_error err = iplt_stale_error();
    ipl_date d = ymd(7, 7, 7);
    int rc;

    ck_assert_int_eq(ipl_date_from_ymd(&d, 2024, 2, 29, &err), IPL_OK);
    ck_assert_date_eq(d, 2024, 2, 29);
    ck_assert_int_eq(err.code, 12345);        /* untouched on success */

    rc = ipl_date_from_ymd(&d, 2023, 2, 30, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "date");
    ck_assert_ptr_nonnull(strstr(err.message, "2023-02-30"));
    ck_assert_date_eq(d, 2024, 2, 29);        /* out untouched on failure */

    err = iplt_stale_error();
    rc = ipl_date_from_ymd(&d, 2024, 13, 1, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "date");
    ck_assert_ptr_nonnull(strstr(err.message, "13"));

    err = iplt_stale_error();
    rc = ipl_date_from_ymd(&d, 0, 1, 1, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "date");

    err = iplt_stale_error();
    rc = ipl_date_from_ymd(NULL, 2024, 1, 1, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "date");

    ck_assert_int_eq(ipl_date_from_ymd(&d, 2024, 2, 30, NULL), IPL_EINVAL);
}
END_TEST

START_TEST(test_compare)
{
    ck_assert_int_eq(ipl_date_compare(ymd(2024, 1, 31), ymd(2024, 2, 1)), -1);
    ck_assert_int_eq(ipl_date_compare(ymd(2024, 2, 1), ymd(2024, 1, 31)), 1);
    ck_assert_int_eq(ipl_date_compare(ymd(2023, 12, 31), ymd(2024, 1, 1)), -1);
    ck_assert_int_eq(ipl_date_compare(ymd(2024, 3, 5), ymd(2024, 3, 4)), 1);
    ck_assert_int_eq(ipl_date_compare(ymd(2024, 3, 5), ymd(2024, 3, 5)), 0);
}
END_TEST

/* ---- day arithmetic ---------------------------------------------- */

static int64_t
between(ipl_date from, ipl_date to)
{
    int64_t n = -99999999;

    ck_assert_int_eq(ipl_date_days_between(&n, from, to, NULL), IPL_OK);
    return n;
}

START_TEST(test_days_between)
{
    ipl_error err = iplt_stale_error();
    int64_t n = 0;
    int rc;

    ck_assert_int_eq(between(ymd(2024, 1, 1), ymd(2024, 7, 1)), 182);
    ck_assert_int_eq(between(ymd(1, 1, 1), ymd(9999, 12, 31)), 3652058);
    ck_assert_int_eq(between(ymd(1970, 1, 1), ymd(2000, 1, 1)), 10957);
    ck_assert_int_eq(between(ymd(2000, 1, 1), ymd(1970, 1, 1)), -10957);
    ck_assert_int_eq(between(ymd(9999, 12, 31), ymd(1, 1, 1)), -3652058);
    ck_assert_int_eq(between(ymd(2024, 7, 1), ymd(2024, 1, 1)), -182);
    ck_assert_int_eq(between(ymd(2024, 5, 5), ymd(2024, 5, 5)), 0);
    ck_assert_int_eq(between(ymd(2023, 12, 31), ymd(2024, 1, 1)), 1);
    ck_assert_int_eq(between(ymd(1900, 2, 28), ymd(1900, 3, 1)), 1);
    ck_assert_int_eq(between(ymd(2000, 2, 28), ymd(2000, 3, 1)), 2);

    rc = ipl_date_days_between(&n, ymd(2023, 2, 29), ymd(2024, 1, 1), &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "from");
    err = iplt_stale_error();
    rc = ipl_date_days_between(&n, ymd(2024, 1, 1), ymd(2024, 0, 1), &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "to");
    err = iplt_stale_error();
    rc = ipl_date_days_between(NULL, ymd(2024, 1, 1), ymd(2024, 1, 2), &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "out");
}
END_TEST

static ipl_date
plus_days(ipl_date d, int64_t days)
{
    ipl_date r = ymd(0, 0, 0);

    ck_assert_int_eq(ipl_date_add_days(&r, d, days, NULL), IPL_OK);
    return r;
}

START_TEST(test_add_days)
{
    ck_assert_date_eq(plus_days(ymd(2024, 2, 28), 1), 2024, 2, 29);
    ck_assert_date_eq(plus_days(ymd(2024, 2, 28), 2), 2024, 3, 1);
    ck_assert_date_eq(plus_days(ymd(2023, 2, 28), 1), 2023, 3, 1);
    ck_assert_date_eq(plus_days(ymd(2023, 12, 31), 1), 2024, 1, 1);
    ck_assert_date_eq(plus_days(ymd(2024, 3, 1), -1), 2024, 2, 29);
    ck_assert_date_eq(plus_days(ymd(2024, 1, 1), 182), 2024, 7, 1);
    ck_assert_date_eq(plus_days(ymd(1970, 1, 1), 10957), 2000, 1, 1);
    ck_assert_date_eq(plus_days(ymd(2024, 5, 5), 0), 2024, 5, 5);
    ck_assert_date_eq(plus_days(ymd(1, 1, 1), 3652058), 9999, 12, 31);
    ck_assert_date_eq(plus_days(ymd(9999, 12, 31), -3652058), 1, 1, 1);
}
END_TEST

START_TEST(test_add_days_range)
{
    static const struct {
        int y, m, d;
        int64_t days;
    } cases[] = {
        { 1, 1, 1, -1 },
        { 9999, 12, 31, 1 },
        { 1, 1, 1, 3652059 },
        { 9999, 12, 31, -3652059 },
        { 2024, 1, 1, INT64_MAX },
        { 2024, 1, 1, INT64_MIN },
        { 9999, 12, 31, INT64_MAX },
        { 1, 1, 1, INT64_MIN },
        { 2024, 1, 1, INT64_MAX / 2 },
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ipl_error err = iplt_stale_error();
        ipl_date out = ymd(7, 7, 7);
        int rc = ipl_date_add_days(&out, ymd(cases[i].y, cases[i].m,
                                             cases[i].d),
                                   cases[i].days, &err);

        iplt_assert_error(err, rc, IPL_ERANGE, "days");
        ck_assert_date_eq(out, 7, 7, 7);
    }
}
END_TEST

START_TEST(test_add_days_invalid)
{
    ipl_error err = iplt_stale_error();
    ipl_date out;
    int rc;

    rc = ipl_date_add_days(&out, ymd(2023, 2, 29), 1, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "d");
    err = iplt_stale_error();
    rc = ipl_date_add_days(NULL, ymd(2024, 2, 29), 1, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "out");
}
END_TEST

/* The whole calendar, one day at a time, against a successor function
 * written here from the Gregorian rules: add_days, days_between,
 * format and parse must agree with it on every day of years 1..9999. */
static int
walk_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static ipl_date
walk_next(ipl_date d)
{
    static const int len[13] = {
        0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
    };
    int last = d.month == 2 && walk_leap(d.year) ? 29 : len[d.month];

    if (d.day < last)
        return ymd(d.year, d.month, d.day + 1);
    if (d.month < 12)
        return ymd(d.year, d.month + 1, 1);
    return ymd(d.year + 1, 1, 1);
}

START_TEST(test_every_day)
{
    const ipl_date first = ymd(1, 1, 1);
    ipl_date want = first;
    int64_t n;

    for (n = 0; n <= 3652058; n++) {
        ipl_date got = ymd(0, 0, 0), back = ymd(0, 0, 0);
        int64_t days = -1;
        char buf[IPL_DATE_STRING_SIZE];

        if (ipl_date_add_days(&got, first, n, NULL) != IPL_OK
            || ipl_date_compare(got, want) != 0
            || ipl_date_days_between(&days, first, want, NULL) != IPL_OK
            || days != n
            || ipl_date_format(buf, sizeof buf, want, NULL) != 10
            || ipl_date_parse(&back, buf, NULL) != IPL_OK
            || ipl_date_compare(back, want) != 0)
            ck_abort_msg("day %lld (%04d-%02d-%02d) disagrees",
                         (long long)n, want.year, want.month, want.day);
        want = walk_next(want);
    }
    ck_assert_date_eq(want, 10000, 1, 1);
}
END_TEST

/* ---- month and year arithmetic ------------------------------------ */

static ipl_date
plus_months(ipl_date d, int64_t months, ipl_month_rule rule)
{
    ipl_date r = ymd(0, 0, 0);

    ck_assert_int_eq(ipl_date_add_months(&r, d, months, rule, NULL), IPL_OK);
    return r;
}

static ipl_date
plus_years(ipl_date d, int64_t years, ipl_month_rule rule)
{
    ipl_date r = ymd(0, 0, 0);

    ck_assert_int_eq(ipl_date_add_years(&r, d, years, rule, NULL), IPL_OK);
    return r;
}

START_TEST(test_add_months_clamp)
{
    ck_assert_date_eq(plus_months(ymd(2024, 1, 31), 1, IPL_MONTH_CLAMP),
                      2024, 2, 29);
    ck_assert_date_eq(plus_months(ymd(2024, 1, 31), 1, IPL_MONTH_DEFAULT),
                      2024, 2, 29);
    ck_assert_date_eq(plus_months(ymd(2024, 2, 29), 1, IPL_MONTH_CLAMP),
                      2024, 3, 29);
    ck_assert_date_eq(plus_months(ymd(2024, 4, 30), 1, IPL_MONTH_CLAMP),
                      2024, 5, 30);
    ck_assert_date_eq(plus_months(ymd(2024, 3, 31), -1, IPL_MONTH_DEFAULT),
                      2024, 2, 29);
    ck_assert_date_eq(plus_months(ymd(2023, 1, 31), 1, IPL_MONTH_DEFAULT),
                      2023, 2, 28);
    ck_assert_date_eq(plus_months(ymd(2024, 1, 15), 13, IPL_MONTH_DEFAULT),
                      2025, 2, 15);
    ck_assert_date_eq(plus_months(ymd(2024, 1, 15), -13, IPL_MONTH_DEFAULT),
                      2022, 12, 15);
    ck_assert_date_eq(plus_months(ymd(2024, 12, 31), 2, IPL_MONTH_DEFAULT),
                      2025, 2, 28);
    ck_assert_date_eq(plus_months(ymd(2024, 1, 31), 0, IPL_MONTH_DEFAULT),
                      2024, 1, 31);
    ck_assert_date_eq(plus_months(ymd(1, 1, 1), 119987, IPL_MONTH_DEFAULT),
                      9999, 12, 1);
    ck_assert_date_eq(plus_months(ymd(9999, 12, 31), -119987,
                                  IPL_MONTH_DEFAULT), 1, 1, 31);
}
END_TEST

START_TEST(test_add_months_end_sticky)
{
    ck_assert_date_eq(plus_months(ymd(2024, 2, 29), 1, IPL_MONTH_END_STICKY),
                      2024, 3, 31);
    ck_assert_date_eq(plus_months(ymd(2024, 4, 30), 1, IPL_MONTH_END_STICKY),
                      2024, 5, 31);
    ck_assert_date_eq(plus_months(ymd(2024, 1, 31), 1, IPL_MONTH_END_STICKY),
                      2024, 2, 29);
    ck_assert_date_eq(plus_months(ymd(2023, 2, 28), 1, IPL_MONTH_END_STICKY),
                      2023, 3, 31);
    ck_assert_date_eq(plus_months(ymd(2024, 2, 28), 1, IPL_MONTH_END_STICKY),
                      2024, 3, 28);    /* not the end of a leap February */
    ck_assert_date_eq(plus_months(ymd(2024, 4, 29), 1, IPL_MONTH_END_STICKY),
                      2024, 5, 29);
    ck_assert_date_eq(plus_months(ymd(2024, 3, 31), -1, IPL_MONTH_END_STICKY),
                      2024, 2, 29);
    ck_assert_date_eq(plus_months(ymd(2024, 6, 30), -2, IPL_MONTH_END_STICKY),
                      2024, 4, 30);
    ck_assert_date_eq(plus_months(ymd(2024, 2, 29), 0, IPL_MONTH_END_STICKY),
                      2024, 2, 29);
}
END_TEST

/* The unchecked month stepper of the schedules: hand-checked dates,
 * then every month of 1890..2110 and every day 1..31 against a month
 * length worked out here from the Gregorian rule. */
START_TEST(test_date_in_month)
{
    static const int length[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int64_t m;
    int day;

    ck_assert_date_eq(ipl__date_in_month(2024 * 12 + 1, 31, 0), 2024, 2, 29);
    ck_assert_date_eq(ipl__date_in_month(2023 * 12 + 1, 30, 0), 2023, 2, 28);
    ck_assert_date_eq(ipl__date_in_month(2024 * 12 + 3, 15, 1), 2024, 4, 30);
    ck_assert_date_eq(ipl__date_in_month(1 * 12 + 0, 1, 0), 1, 1, 1);
    ck_assert_date_eq(ipl__date_in_month(IPL__DATE_LAST_MONTH, 31, 0), 9999, 12, 31);
    ck_assert_int_eq(ipl__date_month_index(ymd(2024, 3, 9)), 2024 * 12 + 2);
    for (m = 1890 * 12; m < 2111 * 12; m++) {
        int y = (int)(m / 12), mo = (int)(m % 12) + 1;
        int leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
        int last = length[mo - 1] + (mo == 2 && leap);

        for (day = 1; day <= 31; day++) {
            ipl_date d = ipl__date_in_month(m, day, 0), e = ipl__date_in_month(m, day, 1);

            if (d.year != y || d.month != mo || d.day != (day < last ? day : last)
                || e.year != y || e.month != mo || e.day != last)
                ck_abort_msg("month %d-%02d day %d: %d-%02d-%02d, end %d-%02d-%02d",
                             y, mo, day, d.year, d.month, d.day, e.year, e.month, e.day);
        }
    }
}
END_TEST

START_TEST(test_add_months_errors)
{
    static const struct {
        int y, m, d;
        int64_t months;
    } range[] = {
        { 9999, 12, 1, 1 },
        { 1, 1, 31, -1 },
        { 1, 1, 1, 119988 },
        { 9999, 12, 31, -119988 },
        { 2024, 1, 31, INT64_MAX },
        { 2024, 1, 31, INT64_MIN },
        { 9999, 12, 31, INT64_MAX },
        { 1, 1, 1, INT64_MIN },
    };
    ipl_error err;
    ipl_date out = ymd(7, 7, 7);
    size_t i;
    int rc;

    for (i = 0; i < sizeof range / sizeof range[0]; i++) {
        err = iplt_stale_error();
        rc = ipl_date_add_months(&out, ymd(range[i].y, range[i].m,
                                           range[i].d),
                                 range[i].months, IPL_MONTH_DEFAULT, &err);
        iplt_assert_error(err, rc, IPL_ERANGE, "months");
        ck_assert_date_eq(out, 7, 7, 7);
    }
    err = iplt_stale_error();
    rc = ipl_date_add_months(&out, ymd(2024, 1, 1), 1, (ipl_month_rule)7,
                             &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "rule");
    err = iplt_stale_error();
    rc = ipl_date_add_months(&out, ymd(2024, 1, 1), 1, (ipl_month_rule)-1,
                             &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "rule");
    err = iplt_stale_error();
    rc = ipl_date_add_months(&out, ymd(2024, 2, 30), 1, IPL_MONTH_DEFAULT,
                             &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "d");
    err = iplt_stale_error();
    rc = ipl_date_add_months(NULL, ymd(2024, 2, 1), 1, IPL_MONTH_DEFAULT,
                             &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "out");
    ck_assert_date_eq(out, 7, 7, 7);
}
END_TEST

START_TEST(test_add_years)
{
    ck_assert_date_eq(plus_years(ymd(2024, 2, 29), 1, IPL_MONTH_DEFAULT),
                      2025, 2, 28);
    ck_assert_date_eq(plus_years(ymd(2024, 2, 29), 1, IPL_MONTH_END_STICKY),
                      2025, 2, 28);
    ck_assert_date_eq(plus_years(ymd(2024, 2, 29), 4, IPL_MONTH_DEFAULT),
                      2028, 2, 29);
    ck_assert_date_eq(plus_years(ymd(2024, 2, 29), -1, IPL_MONTH_DEFAULT),
                      2023, 2, 28);
    ck_assert_date_eq(plus_years(ymd(2023, 2, 28), 1, IPL_MONTH_CLAMP),
                      2024, 2, 28);
    ck_assert_date_eq(plus_years(ymd(2023, 2, 28), 1, IPL_MONTH_END_STICKY),
                      2024, 2, 29);
    ck_assert_date_eq(plus_years(ymd(2024, 7, 15), 0, IPL_MONTH_DEFAULT),
                      2024, 7, 15);
    ck_assert_date_eq(plus_years(ymd(1, 1, 1), 9998, IPL_MONTH_DEFAULT),
                      9999, 1, 1);
    ck_assert_date_eq(plus_years(ymd(9999, 12, 31), -9998,
                                 IPL_MONTH_DEFAULT), 1, 12, 31);
}
END_TEST

START_TEST(test_add_years_errors)
{
    /* INT64_MAX / 12 + 1 is the first count whose months overflow. */
    static const int64_t years[] = {
        9999, -9999, 10000, 10001, -10001, INT64_MAX / 12 + 1,
        -(INT64_MAX / 12) - 1, INT64_MAX, INT64_MIN,
    };
    ipl_error err;
    ipl_date out = ymd(7, 7, 7);
    size_t i;
    int rc;

    for (i = 0; i < sizeof years / sizeof years[0]; i++) {
        err = iplt_stale_error();
        rc = ipl_date_add_years(&out, ymd(5000, 6, 15), years[i],
                                IPL_MONTH_DEFAULT, &err);
        iplt_assert_error(err, rc, IPL_ERANGE, "years");
        ck_assert_date_eq(out, 7, 7, 7);
    }
    err = iplt_stale_error();
    rc = ipl_date_add_years(&out, ymd(9999, 1, 1), 1, IPL_MONTH_DEFAULT,
                            &err);
    iplt_assert_error(err, rc, IPL_ERANGE, "years");
    err = iplt_stale_error();
    rc = ipl_date_add_years(&out, ymd(2024, 1, 1), 1, (ipl_month_rule)3,
                            &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "rule");
    err = iplt_stale_error();
    rc = ipl_date_add_years(&out, ymd(2024, 4, 31), INT64_MAX,
                            IPL_MONTH_DEFAULT, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "d");
    err = iplt_stale_error();
    rc = ipl_date_add_years(NULL, ymd(2024, 1, 1), 1, IPL_MONTH_DEFAULT,
                            &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "out");
}
END_TEST

/* ---- parsing and formatting --------------------------------------- */

static const struct {
    const char *text;
    int y, m, d;
} parse_ok[] = {
    { "20240131", 2024, 1, 31 },
    { "2024-01-31", 2024, 1, 31 },
    { "1995-02-07-05:00", 1995, 2, 7 },
    { "2008-05-19-04:00", 2008, 5, 19 },
    { "2024-01-31Z", 2024, 1, 31 },
    { "2024-01-31+08:00", 2024, 1, 31 },
    { "2024-01-31+00:00", 2024, 1, 31 },
    { "2024-01-31-00:00", 2024, 1, 31 },
    { "2024-12-31+05:45", 2024, 12, 31 },
    { "2024-01-01+14:00", 2024, 1, 1 },
    { "2024-01-01-14:00", 2024, 1, 1 },
    { "2024-01-01-12:59", 2024, 1, 1 },
    { "20240229", 2024, 2, 29 },
    { "2000-02-29", 2000, 2, 29 },
    { "00010101", 1, 1, 1 },
    { "0001-01-01", 1, 1, 1 },
    { "9999-12-31", 9999, 12, 31 },
    { "99991231", 9999, 12, 31 },
};

START_TEST(test_parse_ok)
{
    ipl_error err = iplt_stale_error();
    ipl_date d = ymd(0, 0, 0);

    ck_assert_int_eq(ipl_date_parse(&d, parse_ok[_i].text, &err), IPL_OK);
    ck_assert_date_eq(d, parse_ok[_i].y, parse_ok[_i].m, parse_ok[_i].d);
    ck_assert_int_eq(err.code, 12345);        /* untouched on success */
}
END_TEST

/* Columns are the 1-based byte of the first offending character; for
 * text that ends too early, the position just past its end. */
static const struct {
    const char *text;
    int column;
} parse_bad[] = {
    { "", 1 },
    { "2024-1-31", 7 },
    { "2024/01/31", 5 },
    { "20240131Z", 9 },
    { "2024-01-31 ", 11 },
    { " 2024-01-31", 1 },
    { "2024-02-30", 9 },
    { "00000000", 1 },
    { "0000-01-01", 1 },
    { "2024-01-31+8:00", 13 },
    { "2024-01-31+15:00", 12 },
    { "2024-01-31-05:60", 15 },
    { "202401311", 9 },
    { "2024-13-01", 6 },
    { "2024-0a-01", 7 },
    { "20230229", 7 },
    { "20241301", 5 },
    { "2024-00-10", 6 },
    { "2024-01-00", 9 },
    { "2024-01-32", 9 },
    { "2024-04-31", 9 },
    { "2024-01", 8 },
    { "2024-01-3", 10 },
    { "2024", 5 },
    { "202", 4 },
    { "2024-01-31+14:30", 15 },
    { "2024-01-31+0800", 14 },
    { "2024-01-31+08", 14 },
    { "2024-01-31+08:00 ", 17 },
    { "2024-01-31-05:00x", 17 },
    { "2024-01-31ZZ", 12 },
    { "2024-01-31z", 11 },
    { "2024-01-31T00:00", 11 },
    { "2024-01-31\n", 11 },
    { "+2024-01-31", 1 },
    { "99999-01-01", 6 },
    { "2024-01+31", 8 },
    { "2024\xef\xbc\x8d" "01-31", 5 },  /* a full-width hyphen */
};

START_TEST(test_parse_errors)
{
    ipl_error err = iplt_stale_error();
    ipl_date d = ymd(7, 7, 7);
    int rc = ipl_date_parse(&d, parse_bad[_i].text, &err);

    iplt_assert_error(err, rc, IPL_EPARSE, "date");
    ck_assert_int_eq(err.line, 0);
    ck_assert_int_eq(err.column, parse_bad[_i].column);
    ck_assert_date_eq(d, 7, 7, 7);
    ck_assert_int_eq(ipl_date_parse(&d, parse_bad[_i].text, NULL),
                     IPL_EPARSE);
}
END_TEST

START_TEST(test_parse_messages)
{
    ipl_error err = iplt_stale_error();
    ipl_date d;

    ck_assert_int_eq(ipl_date_parse(&d, "20230229", &err), IPL_EPARSE);
    ck_assert_ptr_nonnull(strstr(err.message, "2023-02-29"));
    ck_assert_ptr_nonnull(strstr(err.message, "does not exist"));
    ck_assert_int_eq(ipl_date_parse(&d, "2024-13-01", &err), IPL_EPARSE);
    ck_assert_ptr_nonnull(strstr(err.message, "13"));
    ck_assert_int_eq(ipl_date_parse(&d, "2024-0a-01", &err), IPL_EPARSE);
    ck_assert_ptr_nonnull(strstr(err.message, "'a'"));
    ck_assert_int_eq(ipl_date_parse(&d, "2024-01-31+15:00", &err),
                     IPL_EPARSE);
    ck_assert_ptr_nonnull(strstr(err.message, "15"));
}
END_TEST

START_TEST(test_parse_null)
{
    ipl_error err = iplt_stale_error();
    ipl_date d;
    int rc;

    rc = ipl_date_parse(&d, NULL, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "text");
    err = iplt_stale_error();
    rc = ipl_date_parse(NULL, "2024-01-31", &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "out");
}
END_TEST

START_TEST(test_format)
{
    static const struct {
        int y, m, d;
        const char *text;
    } cases[] = {
        { 2024, 1, 31, "2024-01-31" },
        { 1, 1, 1, "0001-01-01" },
        { 9999, 12, 31, "9999-12-31" },
        { 999, 9, 9, "0999-09-09" },
        { 2024, 2, 29, "2024-02-29" },
        { 1970, 10, 10, "1970-10-10" },
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ipl_error err = iplt_stale_error();
        char buf[IPL_DATE_STRING_SIZE];
        ipl_date back = ymd(0, 0, 0);
        ipl_date d = ymd(cases[i].y, cases[i].m, cases[i].d);

        ck_assert_int_eq(ipl_date_format(buf, sizeof buf, d, &err), 10);
        ck_assert_str_eq(buf, cases[i].text);
        ck_assert_int_eq(err.code, 12345);
        ck_assert_int_eq(ipl_date_parse(&back, buf, NULL), IPL_OK);
        ck_assert_int_eq(ipl_date_compare(back, d), 0);
    }
}
END_TEST

START_TEST(test_format_errors)
{
    ipl_error err = iplt_stale_error();
    char buf[32];
    int rc;

    memset(buf, 'x', sizeof buf);
    rc = ipl_date_format(buf, IPL_DATE_STRING_SIZE - 1, ymd(2024, 1, 31),
                         &err);
    iplt_assert_error(err, rc, IPL_ERANGE, "size");
    ck_assert_int_eq(buf[0], '\0');

    memset(buf, 'x', sizeof buf);
    err = iplt_stale_error();
    rc = ipl_date_format(buf, 0, ymd(2024, 1, 31), &err);
    iplt_assert_error(err, rc, IPL_ERANGE, "size");
    ck_assert_int_eq(buf[0], 'x');            /* size 0: nothing written */

    err = iplt_stale_error();
    rc = ipl_date_format(buf, sizeof buf, ymd(2023, 2, 29), &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "d");
    err = iplt_stale_error();
    rc = ipl_date_format(buf, sizeof buf, ymd(10000, 1, 1), &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "d");
    err = iplt_stale_error();
    rc = ipl_date_format(NULL, 11, ymd(2024, 1, 31), &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "buf");

    ck_assert_int_eq(ipl_date_format(buf, 5, ymd(2024, 1, 31), NULL),
                     IPL_ERANGE);
}
END_TEST

static Suite *
date_suite(void)
{
    Suite *s = suite_create("date");
    TCase *tc;

    tc = tcase_create("calendar");
    tcase_add_test(tc, test_leap_years);
    tcase_add_test(tc, test_days_in_month);
    tcase_add_test(tc, test_is_valid);
    tcase_add_test(tc, test_from_ymd);
    tcase_add_test(tc, test_compare);
    suite_add_tcase(s, tc);

    tc = tcase_create("days");
    tcase_add_test(tc, test_days_between);
    tcase_add_test(tc, test_add_days);
    tcase_add_test(tc, test_add_days_range);
    tcase_add_test(tc, test_add_days_invalid);
    suite_add_tcase(s, tc);

    /* 3.6 million days: generous for valgrind. */
    tc = tcase_create("every_day");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_every_day);
    suite_add_tcase(s, tc);

    tc = tcase_create("months");
    tcase_add_test(tc, test_add_months_clamp);
    tcase_add_test(tc, test_add_months_end_sticky);
    tcase_add_test(tc, test_date_in_month);
    tcase_add_test(tc, test_add_months_errors);
    tcase_add_test(tc, test_add_years);
    tcase_add_test(tc, test_add_years_errors);
    suite_add_tcase(s, tc);

    tc = tcase_create("text");
    tcase_add_loop_test(tc, test_parse_ok, 0,
                        (int)(sizeof parse_ok / sizeof parse_ok[0]));
    tcase_add_loop_test(tc, test_parse_errors, 0,
                        (int)(sizeof parse_bad / sizeof parse_bad[0]));
    tcase_add_test(tc, test_parse_messages);
    tcase_add_test(tc, test_parse_null);
    tcase_add_test(tc, test_format);
    tcase_add_test(tc, test_format_errors);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return iplt_run(date_suite());
}
