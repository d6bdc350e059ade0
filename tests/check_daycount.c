/* Check suite for include/ipledge/daycount.h.
 *
 * Two kinds of reference: cases worked by hand from the 2006 ISDA
 * Definitions 4.16 (and ISDA's published Actual/Actual example), and
 * vectors/daycount/expected.csv, which Gnumeric computed (YEARFRAC,
 * DAYS360, date subtraction; see make-expected.sh there). The CSV is
 * found under $IPL_VECTORS_DIR, else under ./vectors. */
#include <check.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipledge/daycount.h"
#include "daycount_internal.h"
#include "harness.h"

/* Relative tolerances: hand-worked fractions are num/den rounded once,
 * so 1e-15 holds; Gnumeric computes in long double through longer
 * formulas, so its values are held to 1e-12. */
#define REL_EXACT  1e-15
#define REL_VECTOR 1e-12

static ipl_date
ymd(int y, int m, int d)
{
    ipl_date r;

    r.year = y;
    r.month = m;
    r.day = d;
    return r;
}

/* ck_assert_double_eq_tol() wants |got - want| < tol strictly, so a
 * relative tolerance needs a floor for want == 0. */
static double
rel_tol(double want, double rel)
{
    double t = fabs(want) * rel;

    return t > DBL_MIN ? t : DBL_MIN;
}

/* Checks one convention on start..end against an exact num/den, both
 * directions, and the double against num/den. */
static void
check_fraction(ipl_daycount dc, ipl_date start, ipl_date end,
               int64_t want_num, int64_t want_den)
{
    ipl_error err = iplt_stale_error();
    int64_t num = -1, den = -1;
    double want = (double)want_num / (double)want_den, got = -1.0;

    ck_assert_int_eq(ipl_daycount_fraction(&num, &den, dc, start, end, &err),
                     IPL_OK);
    ck_assert_int_eq(num, want_num);
    ck_assert_int_eq(den, want_den);
    ck_assert_int_eq(ipl_daycount_fraction(&num, &den, dc, end, start, &err),
                     IPL_OK);
    ck_assert_int_eq(num, -want_num);
    ck_assert_int_eq(den, want_den);
    ck_assert_int_eq(ipl_daycount_year_fraction(&got, dc, start, end, &err),
                     IPL_OK);
    ck_assert_double_eq_tol(got, want, rel_tol(want, REL_EXACT));
    ck_assert_int_eq(ipl_daycount_year_fraction(&got, dc, end, start, &err),
                     IPL_OK);
    ck_assert_double_eq_tol(got, -want, rel_tol(want, REL_EXACT));
    ck_assert_int_eq(err.code, 12345);        /* untouched on success */
}

/* ---- hand-worked cases --------------------------------------------- */

START_TEST(test_act_360_and_365f)
{
    double f = 0.0;

    /* The example of daycount.h: 182 actual days. */
    check_fraction(IPL_DC_ACT_360, ymd(2024, 1, 1), ymd(2024, 7, 1), 182, 360);
    check_fraction(IPL_DC_ACT_365F, ymd(2024, 1, 1), ymd(2024, 7, 1), 182, 365);
    ck_assert_int_eq(ipl_daycount_year_fraction(&f, IPL_DC_ACT_360,
                                                ymd(2024, 1, 1),
                                                ymd(2024, 7, 1), NULL),
                     IPL_OK);
    ck_assert_double_eq_tol(f, 182.0 / 360.0, rel_tol(182.0 / 360.0,
                                                      REL_EXACT));
    /* A leap year is 366 actual days, still over 360 or 365. */
    check_fraction(IPL_DC_ACT_360, ymd(2024, 1, 1), ymd(2025, 1, 1), 366, 360);
    check_fraction(IPL_DC_ACT_365F, ymd(2024, 1, 1), ymd(2025, 1, 1), 366, 365);
    check_fraction(IPL_DC_ACT_365F, ymd(2023, 1, 1), ymd(2024, 1, 1), 365, 365);
    check_fraction(IPL_DC_ACT_360, ymd(2024, 2, 28), ymd(2024, 3, 1), 2, 360);
    check_fraction(IPL_DC_ACT_360, ymd(2024, 3, 3), ymd(2024, 3, 3), 0, 360);
    check_fraction(IPL_DC_ACT_365F, ymd(1, 1, 1), ymd(9999, 12, 31),
                   3652058, 365);
}
END_TEST

START_TEST(test_act_act_isda)
{
    double f = 0.0;

    /* ISDA's published example: 61 days of 2003 over 365 plus 121 days
     * of 2004 over 366 = 0.497724380567. */
    check_fraction(IPL_DC_ACT_ACT_ISDA, ymd(2003, 11, 1), ymd(2004, 5, 1),
                   61 * 366 + 121 * 365, IPL_DC_ACT_ACT_DENOMINATOR);
    ck_assert_int_eq(ipl_daycount_year_fraction(&f, IPL_DC_ACT_ACT_ISDA,
                                                ymd(2003, 11, 1),
                                                ymd(2004, 5, 1), NULL),
                     IPL_OK);
    ck_assert_double_eq_tol(f, 0.497724380567, 5e-13);
    ck_assert_int_eq(IPL_DC_ACT_ACT_DENOMINATOR, 365 * 366);

    /* Within one year: days over that year's length. */
    check_fraction(IPL_DC_ACT_ACT_ISDA, ymd(2024, 1, 1), ymd(2024, 7, 1),
                   182 * 365, IPL_DC_ACT_ACT_DENOMINATOR);
    check_fraction(IPL_DC_ACT_ACT_ISDA, ymd(2023, 1, 1), ymd(2023, 7, 1),
                   181 * 366, IPL_DC_ACT_ACT_DENOMINATOR);
    /* The start is counted, the end is not: Dec 31 belongs to 2023. */
    check_fraction(IPL_DC_ACT_ACT_ISDA, ymd(2023, 12, 31), ymd(2024, 1, 1),
                   366, IPL_DC_ACT_ACT_DENOMINATOR);
    /* Whole calendar years count 1 each, leap or not. */
    check_fraction(IPL_DC_ACT_ACT_ISDA, ymd(2023, 1, 1), ymd(2026, 1, 1),
                   3 * IPL_DC_ACT_ACT_DENOMINATOR, IPL_DC_ACT_ACT_DENOMINATOR);
    /* 1 day of 2023, all of 2024, 364 days of 2025: exactly 2 years. */
    check_fraction(IPL_DC_ACT_ACT_ISDA, ymd(2023, 12, 31), ymd(2025, 12, 31),
                   2 * IPL_DC_ACT_ACT_DENOMINATOR, IPL_DC_ACT_ACT_DENOMINATOR);
    /* 2000 is leap, 2100 is not. */
    check_fraction(IPL_DC_ACT_ACT_ISDA, ymd(2000, 2, 28), ymd(2000, 3, 1),
                   2 * 365, IPL_DC_ACT_ACT_DENOMINATOR);
    check_fraction(IPL_DC_ACT_ACT_ISDA, ymd(2100, 2, 28), ymd(2100, 3, 1),
                   1 * 366, IPL_DC_ACT_ACT_DENOMINATOR);
    check_fraction(IPL_DC_ACT_ACT_ISDA, ymd(1, 1, 1), ymd(9999, 12, 31),
                   (int64_t)9998 * IPL_DC_ACT_ACT_DENOMINATOR + 364 * 366,
                   IPL_DC_ACT_ACT_DENOMINATOR);
}
END_TEST

/* 30/360 Bond Basis (4.16(f)) against 30E/360 (4.16(g)). Each count is
 * 360*(Y2-Y1) + 30*(M2-M1) + (D2-D1) after the adjustments, worked by
 * hand; neither rule adjusts the end of February. */
static const struct {
    int y1, m1, d1, y2, m2, d2;
    int bond, euro;
} thirty[] = {
    /* D1 30 or 31: both rules take D2 31 as 30. */
    { 2024, 1, 30, 2024, 3, 31, 60, 60 },
    { 2024, 1, 31, 2024, 3, 31, 60, 60 },
    { 2024, 3, 31, 2024, 4, 30, 30, 30 },
    { 2024, 12, 31, 2025, 1, 31, 30, 30 },
    { 2024, 3, 30, 2024, 3, 31, 0, 0 },
    /* D1 below 30: Bond Basis keeps D2 = 31, Eurobond makes it 30. */
    { 2024, 1, 29, 2024, 3, 31, 62, 61 },
    { 2024, 5, 15, 2024, 7, 31, 76, 75 },
    { 2024, 7, 1, 2024, 7, 31, 30, 29 },
    /* February ends are taken as they are. */
    { 2024, 2, 29, 2024, 3, 31, 32, 31 },
    { 2023, 2, 28, 2023, 3, 31, 33, 32 },
    { 2024, 1, 31, 2024, 2, 29, 29, 29 },
    { 2024, 2, 28, 2024, 2, 29, 1, 1 },
    { 2024, 2, 29, 2024, 3, 1, 2, 2 },
    { 2023, 2, 28, 2023, 3, 1, 3, 3 },
    { 2024, 2, 29, 2025, 2, 28, 359, 359 },
    /* Whole years are 360; the same day is 0. */
    { 2023, 1, 1, 2024, 1, 1, 360, 360 },
    { 2024, 2, 29, 2024, 2, 29, 0, 0 },
    { 2020, 8, 31, 2024, 8, 31, 1440, 1440 },
};

START_TEST(test_30_360)
{
    ipl_date start = ymd(thirty[_i].y1, thirty[_i].m1, thirty[_i].d1);
    ipl_date end = ymd(thirty[_i].y2, thirty[_i].m2, thirty[_i].d2);

    check_fraction(IPL_DC_30_360, start, end, thirty[_i].bond, 360);
    check_fraction(IPL_DC_30E_360, start, end, thirty[_i].euro, 360);
}
END_TEST

START_TEST(test_reversed_30_360)
{
    int64_t num = 0, den = 0;

    /* Computing 2024-03-31 -> 2024-01-29 directly would make D1 30 and
     * give -61; the header defines it as minus the forward count, 62. */
    ck_assert_int_eq(ipl_daycount_fraction(&num, &den, IPL_DC_30_360,
                                           ymd(2024, 3, 31),
                                           ymd(2024, 1, 29), NULL), IPL_OK);
    ck_assert_int_eq(num, -62);
    ck_assert_int_eq(den, 360);
}
END_TEST

START_TEST(test_fraction_errors)
{
    ipl_error err = iplt_stale_error();
    int64_t num = 7, den = 7;
    double f = 7.0;
    int rc;

    rc = ipl_daycount_fraction(&num, &den, IPL_DC_NONE, ymd(2024, 1, 1),
                               ymd(2024, 7, 1), &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "dc");
    err = iplt_stale_error();
    rc = ipl_daycount_year_fraction(&f, IPL_DC_NONE, ymd(2024, 1, 1),
                                    ymd(2024, 7, 1), &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "dc");
    err = iplt_stale_error();
    rc = ipl_daycount_fraction(&num, &den, (ipl_daycount)99, ymd(2024, 1, 1),
                               ymd(2024, 7, 1), &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "dc");
    err = iplt_stale_error();
    rc = ipl_daycount_year_fraction(&f, (ipl_daycount)-1, ymd(2024, 1, 1),
                                    ymd(2024, 7, 1), &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "dc");
    err = iplt_stale_error();
    rc = ipl_daycount_fraction(&num, &den, IPL_DC_ACT_360, ymd(2023, 2, 29),
                               ymd(2024, 7, 1), &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "start");
    err = iplt_stale_error();
    rc = ipl_daycount_year_fraction(&f, IPL_DC_30_360, ymd(2024, 1, 1),
                                    ymd(2024, 6, 31), &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "end");
    err = iplt_stale_error();
    rc = ipl_daycount_fraction(NULL, &den, IPL_DC_ACT_360, ymd(2024, 1, 1),
                               ymd(2024, 7, 1), &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "num");
    err = iplt_stale_error();
    rc = ipl_daycount_fraction(&num, NULL, IPL_DC_ACT_360, ymd(2024, 1, 1),
                               ymd(2024, 7, 1), &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "den");
    err = iplt_stale_error();
    rc = ipl_daycount_year_fraction(NULL, IPL_DC_ACT_360, ymd(2024, 1, 1),
                                    ymd(2024, 7, 1), &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "out");
    /* Outputs are left alone on failure. */
    ck_assert_int_eq(num, 7);
    ck_assert_int_eq(den, 7);
    ck_assert_double_eq_tol(f, 7.0, 1e-300);
    ck_assert_int_eq(ipl_daycount_fraction(&num, &den, IPL_DC_NONE,
                                           ymd(2024, 1, 1), ymd(2024, 7, 1),
                                           NULL), IPL_EINVAL);
}
END_TEST

/* ---- names --------------------------------------------------------- */

START_TEST(test_names)
{
    ck_assert_str_eq(ipl_daycount_name(IPL_DC_ACT_360), "ACT/360");
    ck_assert_str_eq(ipl_daycount_name(IPL_DC_ACT_365F), "ACT/365F");
    ck_assert_str_eq(ipl_daycount_name(IPL_DC_30_360), "30/360");
    ck_assert_str_eq(ipl_daycount_name(IPL_DC_30E_360), "30E/360");
    ck_assert_str_eq(ipl_daycount_name(IPL_DC_ACT_ACT_ISDA), "ACT/ACT ISDA");
    ck_assert_ptr_null(ipl_daycount_name(IPL_DC_NONE));
    ck_assert_ptr_null(ipl_daycount_name((ipl_daycount)99));
    ck_assert_ptr_null(ipl_daycount_name((ipl_daycount)-1));
}
END_TEST

static const struct {
    const char *name;
    ipl_daycount dc;
} known_names[] = {
    { "ACT/360", IPL_DC_ACT_360 },
    { "Actual/360", IPL_DC_ACT_360 },
    { "A/360", IPL_DC_ACT_360 },
    { "act/360", IPL_DC_ACT_360 },
    { " actual / 360 ", IPL_DC_ACT_360 },
    { "ACT/365F", IPL_DC_ACT_365F },
    { "Actual/365 (Fixed)", IPL_DC_ACT_365F },
    { "actual/365(fixed)", IPL_DC_ACT_365F },
    { "ACT/365.FIXED", IPL_DC_ACT_365F },
    { "act/365.fixed", IPL_DC_ACT_365F },
    { "A/365F", IPL_DC_ACT_365F },
    { "a/365f", IPL_DC_ACT_365F },
    { "30/360", IPL_DC_30_360 },
    { "30/360 Bond Basis", IPL_DC_30_360 },
    { "30/360BONDBASIS", IPL_DC_30_360 },
    { "Bond Basis", IPL_DC_30_360 },
    { "bondbasis", IPL_DC_30_360 },
    { "30E/360", IPL_DC_30E_360 },
    { "30e/360", IPL_DC_30E_360 },
    { "30E/360 Eurobond", IPL_DC_30E_360 },
    { "Eurobond Basis", IPL_DC_30E_360 },
    { "EUROBOND  BASIS", IPL_DC_30E_360 },
    { "ACT/ACT ISDA", IPL_DC_ACT_ACT_ISDA },
    { "act/actisda", IPL_DC_ACT_ACT_ISDA },
    { "ACT/ACT", IPL_DC_ACT_ACT_ISDA },
    { "Actual/Actual", IPL_DC_ACT_ACT_ISDA },
    { "Actual/Actual (ISDA)", IPL_DC_ACT_ACT_ISDA },
    { "ACTUAL/ACTUAL(isda)", IPL_DC_ACT_ACT_ISDA },
};

START_TEST(test_from_name)
{
    ipl_error err = iplt_stale_error();
    ipl_daycount dc = IPL_DC_NONE;

    ck_assert_int_eq(ipl_daycount_from_name(&dc, known_names[_i].name, &err),
                     IPL_OK);
    ck_assert_int_eq(dc, known_names[_i].dc);
    ck_assert_int_eq(err.code, 12345);
}
END_TEST

/* Near misses: other conventions, or names the header does not list. */
static const char *const unknown_names[] = {
    "", " ", "ACT", "ACT/365", "Actual/365", "ACT/364", "ACTACT",
    "ACT/ACT ICMA", "ACT/ACT AFB", "30/360 US", "30E/360 ISDA", "30U/360",
    "NL/365", "ACT/360x", "ACT/3600", "ACT/36", "Eurobond", "Bond",
    "ACT\t/360", "ACT/360\n",
    "\303\201CT/360",    /* UTF-8 for an A with acute accent */
};

START_TEST(test_from_name_unknown)
{
    ipl_error err = iplt_stale_error();
    ipl_daycount dc = IPL_DC_ACT_360;
    int rc = ipl_daycount_from_name(&dc, unknown_names[_i], &err);

    iplt_assert_error(err, rc, IPL_EINVAL, "daycount");
    ck_assert_int_eq(dc, IPL_DC_ACT_360);
}
END_TEST

START_TEST(test_from_name_misc)
{
    char longname[300];
    ipl_error err = iplt_stale_error();
    ipl_daycount dc = IPL_DC_NONE;
    int i, rc;

    /* Every name the library gives is one it reads back. */
    for (i = IPL_DC_ACT_360; i <= IPL_DC_ACT_ACT_ISDA; i++) {
        ck_assert_int_eq(ipl_daycount_from_name(&dc,
                                                ipl_daycount_name((ipl_daycount)i),
                                                NULL), IPL_OK);
        ck_assert_int_eq(dc, i);
    }
    rc = ipl_daycount_from_name(&dc, "ACT/364", &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "daycount");
    ck_assert_ptr_nonnull(strstr(err.message, "ACT/364"));

    memset(longname, 'A', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    err = iplt_stale_error();
    rc = ipl_daycount_from_name(&dc, longname, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "daycount");

    err = iplt_stale_error();
    rc = ipl_daycount_from_name(&dc, NULL, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "daycount");
    err = iplt_stale_error();
    rc = ipl_daycount_from_name(NULL, "ACT/360", &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "daycount");
    ck_assert_int_eq(ipl_daycount_from_name(&dc, "nope", NULL), IPL_EINVAL);
}
END_TEST

/* ---- Gnumeric vectors ---------------------------------------------- */

#define VEC_MAX_ROWS 256
#define VEC_LINE_MAX 512
#define VEC_PATH_MAX 1024

static struct vec_row {
    ipl_date start, end;
    long long act_days, days_30e_360;
    double act360, act365f, act_act_isda;
} vec_rows[VEC_MAX_ROWS];
static int vec_count;
/* Why loading failed, for the test that reports it; "" when it did not. */
static char vec_problem[VEC_PATH_MAX + 256];

/* The columns the test reads, in the order vec_row lists them. */
static const char *const vec_columns[] = {
    "start", "end", "act_days", "days_30e_360", "act360", "act365f",
    "act_act_isda",
};
#define VEC_NCOLUMNS (sizeof vec_columns / sizeof vec_columns[0])
#define VEC_MAX_FIELDS 16

/* Splits a CSV line (no quoting in this file) in place at commas and
 * drops the line end. Returns the number of fields. */
static int
vec_split(char *line, char *fields[VEC_MAX_FIELDS])
{
    int n = 0;
    char *p = line;

    line[strcspn(line, "\r\n")] = '\0';
    for (;;) {
        char *comma = strchr(p, ',');

        if (n == VEC_MAX_FIELDS)
            return -1;
        fields[n++] = p;
        if (comma == NULL)
            return n;
        *comma = '\0';
        p = comma + 1;
    }
}

static int
vec_date(const char *text, ipl_date *d)
{
    char tail;

    return sscanf(text, "%4d-%2d-%2d%c", &d->year, &d->month, &d->day,
                  &tail) == 3;
}

static int
vec_number(const char *text, double *x)
{
    char *end;

    errno = 0;
    *x = strtod(text, &end);
    return *text != '\0' && *end == '\0' && errno == 0;
}

static int
vec_integer(const char *text, long long *x)
{
    char *end;

    errno = 0;
    *x = strtoll(text, &end, 10);
    return *text != '\0' && *end == '\0' && errno == 0;
}

/* Fills one row from its fields, `at` giving each column's position. */
static int
vec_parse_row(char *fields[], const int at[VEC_NCOLUMNS], struct vec_row *r)
{
    return vec_date(fields[at[0]], &r->start)
        && vec_date(fields[at[1]], &r->end)
        && vec_integer(fields[at[2]], &r->act_days)
        && vec_integer(fields[at[3]], &r->days_30e_360)
        && vec_number(fields[at[4]], &r->act360)
        && vec_number(fields[at[5]], &r->act365f)
        && vec_number(fields[at[6]], &r->act_act_isda);
}

/* Reads the header and finds each needed column by name. */
static int
vec_header(char *line, const char *path, int at[VEC_NCOLUMNS], int *width)
{
    char *fields[VEC_MAX_FIELDS];
    size_t c;
    int i;

    *width = vec_split(line, fields);
    for (c = 0; c < VEC_NCOLUMNS; c++) {
        at[c] = -1;
        for (i = 0; i < *width; i++)
            if (strcmp(fields[i], vec_columns[c]) == 0)
                at[c] = i;
        if (at[c] < 0) {
            snprintf(vec_problem, sizeof vec_problem,
                     "%s: no column %s in the header", path, vec_columns[c]);
            return 0;
        }
    }
    return 1;
}

/* Loads the vectors before the tests run, so each row can be its own
 * loop test; a failure is kept in vec_problem for test_vectors_loaded. */
static void
vec_load(void)
{
    const char *dir = getenv("IPL_VECTORS_DIR");
    char path[VEC_PATH_MAX], line[VEC_LINE_MAX];
    int at[VEC_NCOLUMNS], width, lineno = 1;
    FILE *f;

    snprintf(path, sizeof path, "%s/daycount/expected.csv",
             dir != NULL && *dir != '\0' ? dir : "vectors");
    f = fopen(path, "r");
    if (f == NULL) {
        snprintf(vec_problem, sizeof vec_problem,
                 "cannot open %s: %s (set IPL_VECTORS_DIR to tests/vectors)",
                 path, strerror(errno));
        return;
    }
    if (fgets(line, sizeof line, f) == NULL) {
        snprintf(vec_problem, sizeof vec_problem, "%s: empty", path);
    } else if (vec_header(line, path, at, &width)) {
        while (fgets(line, sizeof line, f) != NULL) {
            char *fields[VEC_MAX_FIELDS];

            lineno++;
            if (vec_count == VEC_MAX_ROWS || vec_split(line, fields) != width
                || !vec_parse_row(fields, at, &vec_rows[vec_count])) {
                snprintf(vec_problem, sizeof vec_problem,
                         "%s:%d: malformed or too many rows", path, lineno);
                vec_count = 0;
                break;
            }
            vec_count++;
        }
    }
    fclose(f);
    if (vec_problem[0] != '\0')
        fprintf(stderr, "check_daycount: %s\n", vec_problem);
}

START_TEST(test_vectors_loaded)
{
    ck_assert_msg(vec_problem[0] == '\0', "%s", vec_problem);
    /* make-expected.sh writes 42 pairs; far fewer means a broken file. */
    ck_assert_int_ge(vec_count, 40);
}
END_TEST

/* Checks one numerator and the matching year fraction on a row. */
static void
vec_check(ipl_daycount dc, const struct vec_row *r, int64_t want_num,
          int64_t want_den, double want_fraction)
{
    int64_t num = 0, den = 0;
    double got = 0.0;

    ck_assert_int_eq(ipl_daycount_fraction(&num, &den, dc, r->start, r->end,
                                           NULL), IPL_OK);
    ck_assert_int_eq(num, want_num);
    ck_assert_int_eq(den, want_den);
    ck_assert_int_eq(ipl_daycount_fraction(&num, &den, dc, r->end, r->start,
                                           NULL), IPL_OK);
    ck_assert_int_eq(num, -want_num);
    ck_assert_int_eq(ipl_daycount_year_fraction(&got, dc, r->start, r->end,
                                                NULL), IPL_OK);
    ck_assert_double_eq_tol(got, want_fraction,
                            rel_tol(want_fraction, REL_VECTOR));
}

START_TEST(test_vector_row)
{
    const struct vec_row *r;
    int64_t days = -1;

    /* With no rows loaded the loop still runs once, to fail here. */
    if (_i >= vec_count)
        ck_abort_msg("vector row %d missing: %s", _i, vec_problem);
    r = &vec_rows[_i];
    ck_assert_int_eq(ipl_date_days_between(&days, r->start, r->end, NULL),
                     IPL_OK);
    ck_assert_int_eq(days, r->act_days);
    vec_check(IPL_DC_ACT_360, r, r->act_days, 360, r->act360);
    vec_check(IPL_DC_ACT_365F, r, r->act_days, 365, r->act365f);
    vec_check(IPL_DC_30E_360, r, r->days_30e_360, 360,
              (double)r->days_30e_360 / 360.0);
    /* The true value is an integer over 133590 and Gnumeric's error is
     * far below half a unit of it, so rounding recovers the numerator. */
    vec_check(IPL_DC_ACT_ACT_ISDA, r,
              llround(r->act_act_isda * IPL_DC_ACT_ACT_DENOMINATOR),
              IPL_DC_ACT_ACT_DENOMINATOR, r->act_act_isda);
}
END_TEST

/* The unchecked numerator and denominator the schedules use are the
 * checked function's (itself tested against the references above) for
 * every convention, over date pairs in order from a fixed-seed walk. */
START_TEST(test_unchecked_agrees)
{
    uint64_t x = 0x9E3779B97F4A7C15ULL;
    int i, dc;

    for (i = 0; i < 20000; i++) {
        ipl_date a, b, t;

        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        a.year = 1 + (int)(x % 9999);
        a.month = 1 + (int)(x >> 20) % 12;
        a.day = 1 + (int)((x >> 30) % (uint64_t)ipl_date_days_in_month(a.year, a.month));
        if (ipl_date_add_days(&b, a, (int64_t)((x >> 40) % 800), NULL) != IPL_OK)
            continue;
        if (i % 2 && ipl_date_add_months(&t, a, (int64_t)((x >> 50) % 13), 0, NULL) == IPL_OK)
            b = t;
        for (dc = IPL_DC_ACT_360; dc <= IPL_DC_ACT_ACT_ISDA; dc++) {
            int64_t num = 0, den = 0;

            if (ipl_daycount_fraction(&num, &den, (ipl_daycount)dc, a, b, NULL) != IPL_OK
                || ipl__daycount_numerator((ipl_daycount)dc, a, b) != num
                || ipl__daycount_denominator((ipl_daycount)dc) != den)
                ck_abort_msg("%s %d-%02d-%02d to %d-%02d-%02d", ipl_daycount_name((ipl_daycount)dc),
                             a.year, a.month, a.day, b.year, b.month, b.day);
        }
    }
}
END_TEST

static Suite *
daycount_suite(void)
{
    Suite *s = suite_create("daycount");
    TCase *tc;

    tc = tcase_create("conventions");
    tcase_add_test(tc, test_act_360_and_365f);
    tcase_add_test(tc, test_act_act_isda);
    tcase_add_loop_test(tc, test_30_360, 0,
                        (int)(sizeof thirty / sizeof thirty[0]));
    tcase_add_test(tc, test_reversed_30_360);
    tcase_add_test(tc, test_fraction_errors);
    tcase_add_test(tc, test_unchecked_agrees);
    suite_add_tcase(s, tc);

    tc = tcase_create("names");
    tcase_add_test(tc, test_names);
    tcase_add_loop_test(tc, test_from_name, 0,
                        (int)(sizeof known_names / sizeof known_names[0]));
    tcase_add_loop_test(tc, test_from_name_unknown, 0,
                        (int)(sizeof unknown_names
                              / sizeof unknown_names[0]));
    tcase_add_test(tc, test_from_name_misc);
    suite_add_tcase(s, tc);

    tc = tcase_create("gnumeric");
    tcase_add_test(tc, test_vectors_loaded);
    tcase_add_loop_test(tc, test_vector_row, 0, vec_count > 0 ? vec_count : 1);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    vec_load();
    return iplt_run(daycount_suite());
}
