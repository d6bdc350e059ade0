/* Money: construction, arithmetic, rates and ratios, conversion from
 * model values, splitting, parsing and formatting. Expected amounts are
 * worked out by hand from the definitions (shown beside each case), not
 * taken from the code. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ipledge/money.h"
#include "decimal_internal.h"
#include "rounding_internal.h"
#include "harness.h"

static ipl_money
cny(int64_t minor)
{
    ipl_money m;

    m.minor = minor;
    memcpy(m.currency, "CNY", 4);
    return m;
}

/* minor × rate under a rounding, or the status. */
static int64_t
times_rate(int64_t minor, double rate, ipl_rounding how, int *rc)
{
    ipl_money a = cny(minor), out = cny(-777);

    *rc = ipl_money_mul_rate(&out, &a, rate, how, NULL);
    return out.minor;
}

static int64_t
parsed(const char *text, const char *currency, ipl_rounding how)
{
    ipl_money m = cny(-777);
    ipl_error err;

    ck_assert_msg(ipl_money_parse(&m, text, currency, how, &err) == IPL_OK,
                  "'%s': %s", text, err.message);
    ck_assert_str_eq(m.currency, currency);
    return m.minor;
}

static void
assert_parse_fails(const char *text, int code, int column)
{
    ipl_money m = cny(-777);
    ipl_error err;
    int rc;

    ipl_error_clear(&err);
    rc = ipl_money_parse(&m, text, "CNY", IPL_ROUND_NEVER, &err);
    ck_assert_msg(rc == code, "'%s': expected %s, got %s (%s)", text,
                  ipl_status_name(code), ipl_status_name(rc), err.message);
    ck_assert_int_eq(err.code, code);
    ck_assert_msg(err.column == column, "'%s': column %d, expected %d", text,
                  err.column, column);
    ck_assert_str_eq(err.where, "amount");
    ck_assert(err.message[0] != '\0');
    ck_assert_int_eq(m.minor, -777);    /* untouched on failure */
}

START_TEST(test_from_minor)
{
    ipl_money m;
    ipl_error err;

    ck_assert_int_eq(ipl_money_from_minor(&m, 123456, "CNY", &err), IPL_OK);
    ck_assert_int_eq(m.minor, 123456);
    ck_assert_str_eq(m.currency, "CNY");
    ck_assert_int_eq(ipl_money_from_minor(&m, INT64_MAX, "JPY", NULL), IPL_OK);
    ck_assert_int_eq(ipl_money_from_minor(&m, 1, "XYZ", &err), IPL_EINVAL);
    ck_assert_str_eq(err.where, "currency");
    ck_assert_int_eq(ipl_money_from_minor(&m, INT64_MIN, "CNY", &err),
                     IPL_EOVERFLOW);
    ck_assert_int_eq(ipl_money_from_minor(NULL, 1, "CNY", &err), IPL_EINVAL);
    ck_assert_str_eq(err.where, "out");
}
END_TEST

START_TEST(test_add_sub)
{
    ipl_money a = cny(150), b = cny(-275), usd = cny(1), out;
    ipl_error err;

    ck_assert_int_eq(ipl_money_add(&out, &a, &b, &err), IPL_OK);
    ck_assert_int_eq(out.minor, -125);
    ck_assert_int_eq(ipl_money_sub(&out, &a, &b, &err), IPL_OK);
    ck_assert_int_eq(out.minor, 425);
    ck_assert_str_eq(out.currency, "CNY");

    /* Results may be written over an operand. */
    ck_assert_int_eq(ipl_money_add(&a, &a, &a, &err), IPL_OK);
    ck_assert_int_eq(a.minor, 300);

    memcpy(usd.currency, "USD", 4);
    ck_assert_int_eq(ipl_money_add(&out, &a, &usd, &err), IPL_EINVAL);
    ck_assert_str_eq(err.where, "b");
    ck_assert_ptr_nonnull(strstr(err.message, "USD"));

    a = cny(INT64_MAX);
    b = cny(1);
    ck_assert_int_eq(ipl_money_add(&out, &a, &b, &err), IPL_EOVERFLOW);
    a = cny(-INT64_MAX);
    ck_assert_int_eq(ipl_money_sub(&out, &a, &b, &err), IPL_EOVERFLOW);
    ck_assert_int_eq(ipl_money_add(&out, &a, &b, &err), IPL_OK);
    ck_assert_int_eq(out.minor, -INT64_MAX + 1);
    a = cny(INT64_MIN);
    ck_assert_int_eq(ipl_money_add(&out, &a, &b, &err), IPL_EOVERFLOW);
    ck_assert_str_eq(err.where, "a");
}
END_TEST

START_TEST(test_mul_rate_reads_the_decimal_written)
{
    int rc;

    /* 100.00 × 0.015 = 1.50 exactly, although the double nearest 0.015
     * lies below it: truncation must not give 1.49. */
    ck_assert_int_eq(times_rate(10000, 0.015, IPL_ROUND_DOWN, &rc), 150);
    ck_assert_int_eq(rc, IPL_OK);
    ck_assert_int_eq(times_rate(10000, 0.015, IPL_ROUND_NEVER, &rc), 150);
    ck_assert_int_eq(rc, IPL_OK);
    /* 1,000,000.00 × 4.35 % = 43,500.00 */
    ck_assert_int_eq(times_rate(100000000, 0.0435, IPL_ROUND_NEVER, &rc),
                     4350000);
    /* 0.1 + 0.2 is 0.30000000000000004 in binary: 15 digits read 0.3. */
    ck_assert_int_eq(times_rate(1000, 0.1 + 0.2, IPL_ROUND_NEVER, &rc), 300);
    ck_assert_int_eq(rc, IPL_OK);
}
END_TEST

START_TEST(test_mul_rate_rounding_modes)
{
    int rc;

    /* 1.00 × 0.125 = 12.5 fen: a tie. */
    ck_assert_int_eq(times_rate(100, 0.125, IPL_ROUND_HALF_EVEN, &rc), 12);
    ck_assert_int_eq(times_rate(100, 0.125, IPL_ROUND_DEFAULT, &rc), 12);
    ck_assert_int_eq(times_rate(100, 0.125, IPL_ROUND_HALF_UP, &rc), 13);
    ck_assert_int_eq(times_rate(100, 0.125, IPL_ROUND_DOWN, &rc), 12);
    ck_assert_int_eq(times_rate(100, 0.125, IPL_ROUND_UP, &rc), 13);
    /* Up means away from zero, however small the remainder. */
    ck_assert_int_eq(times_rate(100, 0.1201, IPL_ROUND_UP, &rc), 13);
    ck_assert_int_eq(times_rate(-100, 0.1201, IPL_ROUND_UP, &rc), -13);
    ck_assert_int_eq(times_rate(100, 0.12, IPL_ROUND_UP, &rc), 12);
    times_rate(100, 0.125, IPL_ROUND_NEVER, &rc);
    ck_assert_int_eq(rc, IPL_EINEXACT);
    /* 1.00 × 0.135 = 13.5 fen: half-even goes up to the even 14. */
    ck_assert_int_eq(times_rate(100, 0.135, IPL_ROUND_HALF_EVEN, &rc), 14);
    /* Modes act on the magnitude. */
    ck_assert_int_eq(times_rate(-100, 0.125, IPL_ROUND_HALF_UP, &rc), -13);
    ck_assert_int_eq(times_rate(-100, 0.125, IPL_ROUND_HALF_EVEN, &rc), -12);
    ck_assert_int_eq(times_rate(100, -0.125, IPL_ROUND_DOWN, &rc), -12);
    /* Not a tie: 1.00 × 0.1251 = 12.51 fen. */
    ck_assert_int_eq(times_rate(100, 0.1251, IPL_ROUND_HALF_EVEN, &rc), 13);
    ck_assert_int_eq(times_rate(100, 0.1249, IPL_ROUND_HALF_UP, &rc), 12);
    /* Far below one fen. */
    ck_assert_int_eq(times_rate(INT64_MAX, 1e-300, IPL_ROUND_HALF_UP, &rc), 0);
    ck_assert_int_eq(rc, IPL_OK);
    times_rate(1, 1e-300, IPL_ROUND_NEVER, &rc);
    ck_assert_int_eq(rc, IPL_EINEXACT);
    ck_assert_int_eq(times_rate(0, 1e300, IPL_ROUND_NEVER, &rc), 0);
    ck_assert_int_eq(rc, IPL_OK);
}
END_TEST

START_TEST(test_mul_rate_errors)
{
    ipl_money a = cny(INT64_MAX), out = cny(5);
    ipl_error err;

    ck_assert_int_eq(ipl_money_mul_rate(&out, &a, 1.0, IPL_ROUND_NEVER, &err),
                     IPL_OK);
    ck_assert_int_eq(out.minor, INT64_MAX);
    ck_assert_int_eq(ipl_money_mul_rate(&out, &a, 1.0000000001,
                                        IPL_ROUND_DOWN, &err), IPL_EOVERFLOW);
    ck_assert_int_eq(ipl_money_mul_rate(&out, &a, 1e300, IPL_ROUND_DOWN, &err),
                     IPL_EOVERFLOW);
    ck_assert_int_eq(ipl_money_mul_rate(&out, &a, NAN, IPL_ROUND_DOWN, &err),
                     IPL_EINVAL);
    ck_assert_str_eq(err.where, "rate");
    ck_assert_int_eq(ipl_money_mul_rate(&out, &a, INFINITY, IPL_ROUND_DOWN,
                                        &err), IPL_EINVAL);
    ck_assert_int_eq(ipl_money_mul_rate(&out, &a, 0.5, (ipl_rounding)99, &err),
                     IPL_EINVAL);
    ck_assert_str_eq(err.where, "rounding");
    ck_assert_int_eq(out.minor, INT64_MAX);     /* untouched on failure */
}
END_TEST

START_TEST(test_mul_ratio)
{
    ipl_money a = cny(100000000), out;
    ipl_error err;

    /* 1,000,000.00 × 182/360 = 505,555.5555… */
    ck_assert_int_eq(ipl_money_mul_ratio(&out, &a, 182, 360,
                                         IPL_ROUND_HALF_EVEN, &err), IPL_OK);
    ck_assert_int_eq(out.minor, 50555556);
    ck_assert_int_eq(ipl_money_mul_ratio(&out, &a, 182, 360, IPL_ROUND_DOWN,
                                         &err), IPL_OK);
    ck_assert_int_eq(out.minor, 50555555);
    /* 0.01 × 1/2 is a tie; negative signs combine. */
    a = cny(1);
    ck_assert_int_eq(ipl_money_mul_ratio(&out, &a, -1, 2, IPL_ROUND_HALF_UP,
                                         &err), IPL_OK);
    ck_assert_int_eq(out.minor, -1);
    ck_assert_int_eq(ipl_money_mul_ratio(&out, &a, -1, -2,
                                         IPL_ROUND_HALF_EVEN, &err), IPL_OK);
    ck_assert_int_eq(out.minor, 0);
    /* No intermediate overflow: (2^63 − 1)² / (2^63 − 1). */
    a = cny(INT64_MAX);
    ck_assert_int_eq(ipl_money_mul_ratio(&out, &a, INT64_MAX, INT64_MAX,
                                         IPL_ROUND_NEVER, &err), IPL_OK);
    ck_assert_int_eq(out.minor, INT64_MAX);
    ck_assert_int_eq(ipl_money_mul_ratio(&out, &a, 2, 1, IPL_ROUND_NEVER,
                                         &err), IPL_EOVERFLOW);
    ck_assert_int_eq(ipl_money_mul_ratio(&out, &a, 1, 0, IPL_ROUND_NEVER,
                                         &err), IPL_EINVAL);
    ck_assert_str_eq(err.where, "den");
    ck_assert_int_eq(ipl_money_mul_ratio(&out, &a, 1, 3, IPL_ROUND_NEVER,
                                         &err), IPL_EINEXACT);
}
END_TEST

START_TEST(test_from_double)
{
    ipl_money m;
    ipl_error err;

    /* 1234.565 is stored as 1234.56499999999994…; read as written, it is
     * a tie at the cent. */
    ck_assert_int_eq(ipl_money_from_double(&m, 1234.565, "CNY",
                                           IPL_ROUND_HALF_UP, &err), IPL_OK);
    ck_assert_int_eq(m.minor, 123457);
    ck_assert_str_eq(m.currency, "CNY");
    ck_assert_int_eq(ipl_money_from_double(&m, 1234.565, "CNY",
                                           IPL_ROUND_HALF_EVEN, &err), IPL_OK);
    ck_assert_int_eq(m.minor, 123456);
    ck_assert_int_eq(ipl_money_from_double(&m, -0.005, "CNY",
                                           IPL_ROUND_HALF_UP, &err), IPL_OK);
    ck_assert_int_eq(m.minor, -1);
    ck_assert_int_eq(ipl_money_from_double(&m, 1234.5, "JPY",
                                           IPL_ROUND_HALF_EVEN, &err), IPL_OK);
    ck_assert_int_eq(m.minor, 1234);
    ck_assert_int_eq(ipl_money_from_double(&m, 1.2345, "KWD",
                                           IPL_ROUND_NEVER, &err), IPL_EINEXACT);
    ck_assert_int_eq(ipl_money_from_double(&m, 1.234, "KWD",
                                           IPL_ROUND_NEVER, &err), IPL_OK);
    ck_assert_int_eq(m.minor, 1234);
    ck_assert_int_eq(ipl_money_from_double(&m, 0.0, "CNY", IPL_ROUND_NEVER,
                                           &err), IPL_OK);
    ck_assert_int_eq(m.minor, 0);
    ck_assert_int_eq(ipl_money_from_double(&m, 1e17, "CNY", IPL_ROUND_NEVER,
                                           &err), IPL_EOVERFLOW);
    ck_assert_int_eq(ipl_money_from_double(&m, NAN, "CNY", IPL_ROUND_NEVER,
                                           &err), IPL_EINVAL);
    ck_assert_str_eq(err.where, "value");
    ck_assert_int_eq(ipl_money_from_double(&m, 1.0, "ABC", IPL_ROUND_NEVER,
                                           &err), IPL_EINVAL);
    ck_assert_str_eq(err.where, "currency");
}
END_TEST

START_TEST(test_to_double)
{
    ipl_money m = cny(123456);

    ck_assert(iplt_same_double(ipl_money_to_double(&m), 1234.56));
    memcpy(m.currency, "JPY", 4);
    ck_assert(iplt_same_double(ipl_money_to_double(&m), 123456.0));
    m = cny(-1);
    ck_assert(iplt_same_double(ipl_money_to_double(&m), -0.01));
    memcpy(m.currency, "???", 4);
    ck_assert(isnan(ipl_money_to_double(&m)));
    ck_assert(isnan(ipl_money_to_double(NULL)));
}
END_TEST

static void
assert_split(int64_t total, const int64_t *weights, size_t n,
             const int64_t *expected)
{
    ipl_money t = cny(total), parts[8];
    int64_t sum = 0;
    size_t i;

    ck_assert_int_eq(ipl_money_split(parts, &t, weights, n, NULL), IPL_OK);
    for (i = 0; i < n; i++) {
        ck_assert_msg(parts[i].minor == expected[i],
                      "part %zu: %lld, expected %lld", i,
                      (long long)parts[i].minor, (long long)expected[i]);
        ck_assert_str_eq(parts[i].currency, "CNY");
        sum += parts[i].minor;
    }
    ck_assert_int_eq(sum, total);
}

START_TEST(test_split_largest_remainder)
{
    static const int64_t thirds[] = { 1, 1, 1 };
    static const int64_t x4321[] = { 40, 30, 20, 10 };
    static const int64_t sevenths[] = { 1, 1, 1, 1, 1, 1, 1 };
    static const int64_t x5426[] = { 54, 26, 16, 4 };
    static const int64_t zero_first[] = { 0, 3 };

    /* 100.00 among three: 33.34 + 33.33 + 33.33. */
    assert_split(10000, thirds, 3, (const int64_t[]){ 3334, 3333, 3333 });
    assert_split(-10000, thirds, 3, (const int64_t[]){ -3334, -3333, -3333 });
    assert_split(10000, x4321, 4, (const int64_t[]){ 4000, 3000, 2000, 1000 });
    /* 1.00 in sevenths: 14 fen each and 2 left, to the first two. */
    assert_split(100, sevenths, 7,
                 (const int64_t[]){ 15, 15, 14, 14, 14, 14, 14 });
    /* 12,345.67 by 54/26/16/4: exact shares 666666.18, 320987.42,
     * 197530.72, 49382.68 fen; the 2 fen left go to .72 and .68. */
    assert_split(1234567, x5426, 4,
                 (const int64_t[]){ 666666, 320987, 197531, 49383 });
    assert_split(7, zero_first, 2, (const int64_t[]){ 0, 7 });
    /* The largest amount: halves of 2^63 − 1, the odd unit to the first. */
    assert_split(INT64_MAX, thirds, 2,
                 (const int64_t[]){ INT64_MAX / 2 + 1, INT64_MAX / 2 });
}
END_TEST

START_TEST(test_split_many_parties)
{
    enum { N = 101 };
    ipl_money parts[N], total = cny(100);
    int64_t weights[N];
    size_t i;

    for (i = 0; i < N; i++)
        weights[i] = 1;
    /* 1.00 among 101 parties: 100 of them get a fen, the last none. */
    ck_assert_int_eq(ipl_money_split(parts, &total, weights, N, NULL), IPL_OK);
    for (i = 0; i < N; i++)
        ck_assert_int_eq(parts[i].minor, i < 100 ? 1 : 0);
}
END_TEST

START_TEST(test_split_errors)
{
    ipl_money parts[3] = { { 11, "CNY" }, { 22, "CNY" }, { 33, "CNY" } };
    ipl_money total = cny(100);
    int64_t negative[] = { 1, -1, 1 }, zero[] = { 0, 0, 0 };
    int64_t huge[] = { INT64_MAX, 1, 0 };
    ipl_error err;

    ck_assert_int_eq(ipl_money_split(parts, &total, negative, 3, &err),
                     IPL_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "weights[1]"));
    ck_assert_int_eq(ipl_money_split(parts, &total, zero, 3, &err), IPL_EINVAL);
    ck_assert_int_eq(ipl_money_split(parts, &total, huge, 3, &err),
                     IPL_EOVERFLOW);
    ck_assert_int_eq(ipl_money_split(parts, &total, zero, 0, &err), IPL_EINVAL);
    ck_assert_str_eq(err.where, "n");
    ck_assert_int_eq(ipl_money_split(parts, NULL, zero, 3, &err), IPL_EINVAL);
    ck_assert_int_eq(parts[0].minor, 11);      /* untouched on failure */
    ck_assert_int_eq(parts[2].minor, 33);
}
END_TEST

START_TEST(test_split_over_its_total)
{
    ipl_money m[2] = { { 101, "CNY" }, { 0, "CNY" } };
    static const int64_t w[] = { 1, 1 };

    /* The total may be one of the parts. */
    ck_assert_int_eq(ipl_money_split(m, &m[0], w, 2, NULL), IPL_OK);
    ck_assert_int_eq(m[0].minor, 51);
    ck_assert_int_eq(m[1].minor, 50);
}
END_TEST

typedef struct {
    size_t n;
} split_call;

static int
split_many(void *ctx)
{
    const split_call *c = ctx;
    ipl_money parts[64], total = cny(100000);
    int64_t weights[64];
    size_t i;

    for (i = 0; i < c->n; i++)
        weights[i] = (int64_t)i + 1;
    return ipl_money_split(parts, &total, weights, c->n, NULL);
}

START_TEST(test_split_allocation_failure)
{
    split_call small = { 3 }, large = { 64 };

    /* Up to 32 parties need no allocation; more need one. */
    ck_assert_int_eq(iplt_oom_check(split_many, &small), 0);
    ck_assert_int_eq(iplt_oom_check(split_many, &large), 1);
}
END_TEST

START_TEST(test_parse_forms)
{
    ck_assert_int_eq(parsed("1,234.56", "CNY", IPL_ROUND_NEVER), 123456);
    ck_assert_int_eq(parsed("1234.5", "CNY", IPL_ROUND_NEVER), 123450);
    ck_assert_int_eq(parsed("-0.01", "CNY", IPL_ROUND_NEVER), -1);
    ck_assert_int_eq(parsed("+7", "CNY", IPL_ROUND_NEVER), 700);
    ck_assert_int_eq(parsed(".5", "CNY", IPL_ROUND_NEVER), 50);
    ck_assert_int_eq(parsed("5.", "CNY", IPL_ROUND_NEVER), 500);
    ck_assert_int_eq(parsed(" \t12.30\n", "CNY", IPL_ROUND_NEVER), 1230);
    ck_assert_int_eq(parsed("-0.00", "CNY", IPL_ROUND_NEVER), 0);
    ck_assert_int_eq(parsed("000123", "CNY", IPL_ROUND_NEVER), 12300);
    ck_assert_int_eq(parsed("1,234,567", "JPY", IPL_ROUND_NEVER), 1234567);
    ck_assert_int_eq(parsed("1.234", "KWD", IPL_ROUND_NEVER), 1234);
    ck_assert_int_eq(parsed("1.0000000", "CNY", IPL_ROUND_NEVER), 100);
    ck_assert_int_eq(parsed("92233720368547758.07", "CNY", IPL_ROUND_NEVER),
                     INT64_MAX);
    ck_assert_int_eq(parsed("-92233720368547758.07", "CNY", IPL_ROUND_NEVER),
                     -INT64_MAX);
}
END_TEST

START_TEST(test_parse_rounding)
{
    /* 1.005 is a tie at the fen. */
    ck_assert_int_eq(parsed("1.005", "CNY", IPL_ROUND_HALF_UP), 101);
    ck_assert_int_eq(parsed("1.005", "CNY", IPL_ROUND_HALF_EVEN), 100);
    ck_assert_int_eq(parsed("1.015", "CNY", IPL_ROUND_HALF_EVEN), 102);
    ck_assert_int_eq(parsed("1.00500000001", "CNY", IPL_ROUND_HALF_EVEN), 101);
    ck_assert_int_eq(parsed("1.00499999999", "CNY", IPL_ROUND_HALF_UP), 100);
    ck_assert_int_eq(parsed("1.009", "CNY", IPL_ROUND_DOWN), 100);
    ck_assert_int_eq(parsed("-1.005", "CNY", IPL_ROUND_HALF_UP), -101);
    ck_assert_int_eq(parsed("1.2345", "KWD", IPL_ROUND_HALF_EVEN), 1234);
    ck_assert_int_eq(parsed("0.5", "JPY", IPL_ROUND_HALF_EVEN), 0);
    ck_assert_int_eq(parsed("1.5", "JPY", IPL_ROUND_HALF_EVEN), 2);
    /* More digits than any amount has, all past the places. */
    ck_assert_int_eq(parsed("0.0000000000000000000000000000000000000000001",
                            "CNY", IPL_ROUND_HALF_UP), 0);
}
END_TEST

START_TEST(test_parse_errors)
{
    assert_parse_fails("", IPL_EPARSE, 1);
    assert_parse_fails("   ", IPL_EPARSE, 4);
    assert_parse_fails("abc", IPL_EPARSE, 1);
    assert_parse_fails("1,23", IPL_EPARSE, 5);
    assert_parse_fails("1234,567", IPL_EPARSE, 5);
    assert_parse_fails("12,345,67", IPL_EPARSE, 10);
    assert_parse_fails(",123", IPL_EPARSE, 1);
    assert_parse_fails("1,234,", IPL_EPARSE, 7);
    assert_parse_fails("1.2.3", IPL_EPARSE, 4);
    assert_parse_fails("1.2,3", IPL_EPARSE, 4);
    assert_parse_fails("--1", IPL_EPARSE, 2);
    assert_parse_fails("+", IPL_EPARSE, 2);
    assert_parse_fails(".", IPL_EPARSE, 2);
    assert_parse_fails("1e5", IPL_EPARSE, 2);
    assert_parse_fails("1 000", IPL_EPARSE, 3);
    assert_parse_fails("\xef\xbc\x91", IPL_EPARSE, 1);   /* fullwidth 1 */
    assert_parse_fails("1.001", IPL_EINEXACT, 0);
    assert_parse_fails("1.0050000", IPL_EINEXACT, 0);
    assert_parse_fails("92233720368547758.08", IPL_EOVERFLOW, 0);
    assert_parse_fails("-92233720368547758.08", IPL_EOVERFLOW, 0);
    assert_parse_fails("1000000000000000000000000000000", IPL_EOVERFLOW, 0);
}
END_TEST

START_TEST(test_parse_arguments)
{
    ipl_money m;
    ipl_error err;

    ck_assert_int_eq(ipl_money_parse(&m, "1", "cny", IPL_ROUND_NEVER, &err),
                     IPL_EINVAL);
    ck_assert_str_eq(err.where, "currency");
    ck_assert_int_eq(ipl_money_parse(&m, NULL, "CNY", IPL_ROUND_NEVER, &err),
                     IPL_EINVAL);
    ck_assert_str_eq(err.where, "text");
    ck_assert_int_eq(ipl_money_parse(&m, "1", "CNY", (ipl_rounding)-1, &err),
                     IPL_EINVAL);
}
END_TEST

static void
assert_format(int64_t minor, const char *currency, unsigned flags,
              const char *expected)
{
    ipl_money m;
    char buf[IPL_MONEY_FORMAT_MAX];

    m.minor = minor;
    memcpy(m.currency, currency, 4);
    ck_assert_int_eq(ipl_money_format(buf, sizeof buf, &m, flags, NULL),
                     (int)strlen(expected));
    ck_assert_str_eq(buf, expected);
}

START_TEST(test_format)
{
    const unsigned both = IPL_MONEY_FORMAT_GROUP | IPL_MONEY_FORMAT_CODE;

    assert_format(123456, "CNY", 0, "1234.56");
    assert_format(123456, "CNY", IPL_MONEY_FORMAT_GROUP, "1,234.56");
    assert_format(123456, "CNY", both, "CNY 1,234.56");
    assert_format(-5, "CNY", 0, "-0.05");
    assert_format(0, "CNY", 0, "0.00");
    assert_format(-100, "USD", IPL_MONEY_FORMAT_CODE, "USD -1.00");
    assert_format(1234567, "JPY", IPL_MONEY_FORMAT_GROUP, "1,234,567");
    assert_format(0, "JPY", 0, "0");
    assert_format(1234, "KWD", 0, "1.234");
    assert_format(12345, "CLF", IPL_MONEY_FORMAT_GROUP, "1.2345");
    assert_format(100000, "CNY", IPL_MONEY_FORMAT_GROUP, "1,000.00");
    assert_format(99999, "CNY", IPL_MONEY_FORMAT_GROUP, "999.99");
    assert_format(-INT64_MAX, "KWD", both, "KWD -9,223,372,036,854,775.807");
}
END_TEST

START_TEST(test_format_errors)
{
    ipl_money m = cny(123456);
    char buf[8] = "xxxxxxx";
    ipl_error err;

    ck_assert_int_eq(ipl_money_format(buf, 7, &m, 0, &err), IPL_ERANGE);
    ck_assert_str_eq(buf, "");
    ck_assert_int_eq(ipl_money_format(buf, 8, &m, 0, &err), 7);
    ck_assert_int_eq(ipl_money_format(buf, 8, &m, 0x80, &err), IPL_EINVAL);
    ck_assert_str_eq(err.where, "flags");
    m.minor = INT64_MIN;
    ck_assert_int_eq(ipl_money_format(buf, 8, &m, 0, &err), IPL_EOVERFLOW);
    ck_assert_int_eq(ipl_money_format(NULL, 8, &m, 0, &err), IPL_EINVAL);
    ck_assert_int_eq((int)ipl_money_format_max(), IPL_MONEY_FORMAT_MAX);
}
END_TEST

START_TEST(test_format_parse_round_trip)
{
    static const char *const currencies[] = { "CNY", "JPY", "KWD", "CLF" };
    static const int64_t amounts[] = {
        0, 1, -1, 9, 10, 99, 100, 101, 999999, 1000000, -1234567890123,
        INT64_MAX, -INT64_MAX, 4611686018427387904
    };
    char buf[IPL_MONEY_FORMAT_MAX];
    size_t c, i;

    for (c = 0; c < 4; c++)
        for (i = 0; i < sizeof amounts / sizeof amounts[0]; i++) {
            ipl_money m, back;

            m.minor = amounts[i];
            memcpy(m.currency, currencies[c], 4);
            ck_assert_int_ge(ipl_money_format(buf, sizeof buf, &m,
                                              IPL_MONEY_FORMAT_GROUP, NULL), 1);
            ck_assert_int_eq(ipl_money_parse(&back, buf, currencies[c],
                                             IPL_ROUND_NEVER, NULL), IPL_OK);
            ck_assert_msg(back.minor == m.minor, "%s %s", currencies[c], buf);
        }
}
END_TEST

/* The fast reading of a double as 15 significant digits gives exactly
 * what the C library's correctly rounded printf gives: random bit
 * patterns over the fast path's magnitudes, decimals as people write
 * them (rates, amounts), and values next to a rounding tie. */
START_TEST(test_decimal_fast_path_agrees)
{
    uint64_t x = 0x9E3779B97F4A7C15ULL;
    int i;

    for (i = 0; i < 100000; i++) {
        ipl__decimal fast, ref;
        double v;

        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        switch (i % 3) {
        case 0:     /* any double from 1e-13 to 1e14 */
            v = ldexp((double)(x >> 11) / 9007199254740992.0 + 1.0,
                      (int)(x % 90) - 43);
            break;
        case 1:     /* a decimal: up to 8 digits over a power of ten */
            v = (double)(x % 100000000) / pow(10, (double)(x >> 60));
            break;
        default:    /* next to a tie in the 15th digit */
            v = (1.0 + (double)(x % 1000000) * 1e-6 + 5e-15) *
                pow(10, (double)((int)(x >> 59) - 8));
            break;
        }
        if (x & 1)
            v = -v;
        /* Check records every assertion it passes: test, then assert. */
        if (ipl__decimal_from_double(&fast, v) != IPL_OK ||
            ipl__decimal_from_double_reference(&ref, v) != IPL_OK ||
            fast.digits != ref.digits || fast.exp10 != ref.exp10 ||
            fast.negative != ref.negative)
            ck_abort_msg("%.17g: %llue%d, reference %llue%d", v,
                         (unsigned long long)fast.digits, fast.exp10,
                         (unsigned long long)ref.digits, ref.exp10);
    }
}
END_TEST

/* xorshift64: a fixed seed gives the same cases on every machine. */
static uint64_t
divisor_prng(uint64_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return *x;
}

/* Division by a prepared divisor gives what the division instruction
 * gives (the C operators are the reference), and its rounding what
 * ipl__round_quotient() gives, in every mode: divisors 1, 2, 3, powers
 * of two and their neighbours up to 2^63, the day-count divisors of
 * the schedules (360 × 10^k, 365 × 10^k, 133590 × 10^k) and random
 * ones of every bit length; numerators at 0, around multiples of the
 * divisor, at 2^64 − 1 and random. */
START_TEST(test_divisor_matches_division)
{
    static const ipl_rounding modes[] = { IPL_ROUND_HALF_EVEN, IPL_ROUND_HALF_UP,
                                          IPL_ROUND_DOWN, IPL_ROUND_UP,
                                          IPL_ROUND_NEVER };
    uint64_t x = 0x2545F4914F6CDD1DULL;
    int i, j;

    for (i = 0; i < 3000; i++) {
        uint64_t d, n, base = i % 3 == 0 ? 360 : i % 3 == 1 ? 365 : 133590;
        ipl__divisor dv;

        switch (i % 5) {
        case 0:  d = (uint64_t)(i / 5 % 4) + 1; break;
        case 1:  d = ((uint64_t)1 << (i / 5 % 64))
                     + (uint64_t)(i / 5 % 3) - 1; break;
        case 2:  d = base; for (j = i / 15 % 14; j > 0; j--) d *= 10; break;
        default: d = divisor_prng(&x) >> (divisor_prng(&x) % 64); break;
        }
        if (d == 0 || d > (uint64_t)1 << 63)
            d = (uint64_t)1 << 63;
        ipl__divisor_init(&dv, d);
        for (j = 0; j < 40; j++) {
            uint64_t q;
            size_t m;

            switch (j % 5) {
            case 0:  n = (uint64_t)j; break;
            case 1:  n = d * (divisor_prng(&x) % 1000) + (d / 2) - 1 + (uint64_t)(j % 3); break;
            case 2:  n = UINT64_MAX - (uint64_t)j; break;
            case 3:  n = divisor_prng(&x) >> (divisor_prng(&x) % 64); break;
            default: n = divisor_prng(&x); break;
            }
            q = ipl__divisor_quotient(n, &dv);
            if (q != n / d)
                ck_abort_msg("%llu / %llu: %llu, not %llu", (unsigned long long)n,
                             (unsigned long long)d, (unsigned long long)q,
                             (unsigned long long)(n / d));
            for (m = 0; m < sizeof modes / sizeof modes[0]; m++) {
                int64_t got = -1, want = -1;
                int rc = ipl__divisor_round(&got, n, &dv, modes[m]);
                int want_rc = ipl__round_quotient(&want, 0, n, d, modes[m]);

                if (rc != want_rc || got != want)
                    ck_abort_msg("%llu / %llu mode %d: %d %lld, not %d %lld",
                                 (unsigned long long)n, (unsigned long long)d,
                                 (int)modes[m], rc, (long long)got, want_rc,
                                 (long long)want);
            }
        }
    }
}
END_TEST

/* Hand-checked rounding of a prepared divisor: 7 / 2 = 3.5 goes to 4
 * half-even and half-up, 3 down; 5 / 2 = 2.5 goes to 2 half-even;
 * 2^64 − 1 over 1 does not fit an amount. */
START_TEST(test_divisor_round_cases)
{
    ipl__divisor two, one;
    int64_t q = 0;

    ipl__divisor_init(&two, 2);
    ipl__divisor_init(&one, 1);
    ck_assert_int_eq(ipl__divisor_round(&q, 7, &two, IPL_ROUND_HALF_EVEN), IPL_OK);
    ck_assert_int_eq(q, 4);
    ck_assert_int_eq(ipl__divisor_round(&q, 5, &two, IPL_ROUND_HALF_EVEN), IPL_OK);
    ck_assert_int_eq(q, 2);
    ck_assert_int_eq(ipl__divisor_round(&q, 5, &two, IPL_ROUND_HALF_UP), IPL_OK);
    ck_assert_int_eq(q, 3);
    ck_assert_int_eq(ipl__divisor_round(&q, 7, &two, IPL_ROUND_DOWN), IPL_OK);
    ck_assert_int_eq(q, 3);
    ck_assert_int_eq(ipl__divisor_round(&q, 7, &two, IPL_ROUND_NEVER), IPL_EINEXACT);
    ck_assert_int_eq(ipl__divisor_round(&q, UINT64_MAX, &one, IPL_ROUND_DOWN),
                     IPL_EOVERFLOW);
    ck_assert_int_eq(q, 3);     /* untouched by the failures */
}
END_TEST

static Suite *
money_suite(void)
{
    Suite *s = suite_create("money");
    TCase *tc = tcase_create("arithmetic");

    tcase_add_test(tc, test_from_minor);
    tcase_add_test(tc, test_add_sub);
    tcase_add_test(tc, test_mul_rate_reads_the_decimal_written);
    tcase_add_test(tc, test_mul_rate_rounding_modes);
    tcase_add_test(tc, test_mul_rate_errors);
    tcase_add_test(tc, test_mul_ratio);
    tcase_add_test(tc, test_from_double);
    tcase_add_test(tc, test_to_double);
    tcase_add_test(tc, test_decimal_fast_path_agrees);
    tcase_add_test(tc, test_divisor_matches_division);
    tcase_add_test(tc, test_divisor_round_cases);
    suite_add_tcase(s, tc);

    tc = tcase_create("split");
    tcase_add_test(tc, test_split_largest_remainder);
    tcase_add_test(tc, test_split_many_parties);
    tcase_add_test(tc, test_split_errors);
    tcase_add_test(tc, test_split_over_its_total);
    tcase_add_test(tc, test_split_allocation_failure);
    suite_add_tcase(s, tc);

    tc = tcase_create("text");
    tcase_add_test(tc, test_parse_forms);
    tcase_add_test(tc, test_parse_rounding);
    tcase_add_test(tc, test_parse_errors);
    tcase_add_test(tc, test_parse_arguments);
    tcase_add_test(tc, test_format);
    tcase_add_test(tc, test_format_errors);
    tcase_add_test(tc, test_format_parse_round_trip);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    iplt_oom_install();
    return iplt_run(money_suite());
}
