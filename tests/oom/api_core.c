/* Allocation behaviour of the core: errors, money, currencies, dates,
 * day counts, rights, identifiers, initialisation (oom_api.h). */
#include <string.h>

#include "ipledge/currency.h"
#include "ipledge/date.h"
#include "ipledge/daycount.h"
#include "ipledge/error.h"
#include "ipledge/ident.h"
#include "ipledge/init.h"
#include "ipledge/money.h"
#include "ipledge/right.h"
#include "ipledge/sys/alloc.h"
#include "ipledge/version.h"
#include "oom_api.h"

/* ---- initialisation and errors ---- */

static int
alloc_set(void *ctx)
{
    (void)ctx;
    /* The suite's main() holds ipl_init(): a change of allocator now is
     * refused, and the refusal itself must not allocate. */
    return IPLT_EXPECT(ipl_alloc_set(NULL) == IPL_EINVAL);
}

/* One more reference to the library and back (for ipl_init and
 * ipl_shutdown both). */
static int
init_and_shutdown(void *ctx)
{
    int count = ipl_init();

    (void)ctx;
    return IPLT_EXPECT(count >= 2 && ipl_shutdown() == count - 1);
}

static int
error_clear(void *ctx)
{
    ipl_error err = iplt_stale_error();

    (void)ctx;
    ipl_error_clear(&err);
    return IPLT_EXPECT(err.code == IPL_OK && err.message[0] == '\0');
}

static int
error_format(void *ctx)
{
    ipl_error err;
    char buf[256];
    int rc = ipl_date_parse(&(ipl_date){ 0, 0, 0 }, "2024-02-30", &err);

    (void)ctx;
    return IPLT_EXPECT(rc == IPL_EPARSE && ipl_error_format(buf, sizeof buf, &err) > 0);
}

static int
error_message_max(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(ipl_error_message_max() == sizeof ((ipl_error *)0)->message);
}

static int
error_where_max(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(ipl_error_where_max() == sizeof ((ipl_error *)0)->where);
}

static int
status_name(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(strcmp(ipl_status_name(IPL_ENOMEM), "IPL_ENOMEM") == 0);
}

static int
status_str(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(ipl_status_str(IPL_ENOMEM)[0] != '\0');
}

static int
version_number(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(ipl_version_number() == IPL_VERSION_NUMBER);
}

static int
version_string(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(strcmp(ipl_version_string(), IPL_VERSION_STRING) == 0);
}

/* ---- money and currencies ---- */

static int
currency_check(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(ipl_currency_check("JPY", IPLT_ERR) == IPL_OK);
}

static int
currency_exponent(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(ipl_currency_exponent("BHD") == 3);
}

static int
money_from_minor(void *ctx)
{
    ipl_money m;

    (void)ctx;
    return IPLT_EXPECT(ipl_money_from_minor(&m, 5, "EUR", IPLT_ERR) == IPL_OK && m.minor == 5);
}

static int
money_parse(void *ctx)
{
    ipl_money m;

    (void)ctx;
    return IPLT_EXPECT(ipl_money_parse(&m, "1,234.565", "CNY", IPL_ROUND_HALF_UP, IPLT_ERR) ==
                       IPL_OK && m.minor == 123457);
}

static int
money_format(void *ctx)
{
    ipl_money m = iplt_api_cny(123456);
    char buf[64];

    (void)ctx;
    return IPLT_EXPECT(ipl_money_format(buf, sizeof buf, &m, 0, IPLT_ERR) > 0 &&
                       strstr(buf, "234.56") != NULL);
}

static int
money_format_max(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(ipl_money_format_max() > 20);
}

static int
money_add(void *ctx)
{
    ipl_money a = iplt_api_cny(150), b = iplt_api_cny(50), m;

    (void)ctx;
    return IPLT_EXPECT(ipl_money_add(&m, &a, &b, IPLT_ERR) == IPL_OK && m.minor == 200);
}

static int
money_sub(void *ctx)
{
    ipl_money a = iplt_api_cny(150), b = iplt_api_cny(50), m;

    (void)ctx;
    return IPLT_EXPECT(ipl_money_sub(&m, &a, &b, IPLT_ERR) == IPL_OK && m.minor == 100);
}

static int
money_mul_rate(void *ctx)
{
    ipl_money a = iplt_api_cny(100), m;

    (void)ctx;
    /* 1.00 × 0.125 = 0.125 → 0.12 half-even. */
    return IPLT_EXPECT(ipl_money_mul_rate(&m, &a, 0.125, IPL_ROUND_HALF_EVEN, IPLT_ERR) ==
                       IPL_OK && m.minor == 12);
}

static int
money_mul_ratio(void *ctx)
{
    ipl_money a = iplt_api_cny(100), m;

    (void)ctx;
    return IPLT_EXPECT(ipl_money_mul_ratio(&m, &a, 1, 3, IPL_ROUND_HALF_EVEN, IPLT_ERR) ==
                       IPL_OK && m.minor == 33);
}

static int
money_from_double(void *ctx)
{
    ipl_money m;

    (void)ctx;
    return IPLT_EXPECT(ipl_money_from_double(&m, 12.5, "JPY", IPL_ROUND_HALF_EVEN, IPLT_ERR) ==
                       IPL_OK && m.minor == 12);
}

static int
money_to_double(void *ctx)
{
    ipl_money a = iplt_api_cny(250);

    (void)ctx;
    return IPLT_EXPECT(iplt_same_double(ipl_money_to_double(&a), 2.5));
}

/* 40 parties: beyond the 32 the split keeps on the stack, so it needs
 * room, and a failure there must be IPL_ENOMEM with nothing leaked. */
static int
money_split(void *ctx)
{
    int64_t w[40];
    ipl_money parts[40], total = iplt_api_cny(1000);
    int64_t sum = 0;
    size_t i;
    int rc;

    (void)ctx;
    for (i = 0; i < 40; i++)
        w[i] = 1;
    if ((rc = ipl_money_split(parts, &total, w, 40, IPLT_ERR)) < 0)
        return rc;
    for (i = 0; i < 40; i++)
        sum += parts[i].minor;
    return IPLT_EXPECT(sum == 1000 && parts[0].minor == 25);
}

/* ---- dates and day counts ---- */

static int
date_from_ymd(void *ctx)
{
    ipl_date d;

    (void)ctx;
    return IPLT_EXPECT(ipl_date_from_ymd(&d, 2024, 2, 29, IPLT_ERR) == IPL_OK && d.day == 29);
}

static int
date_is_valid(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(ipl_date_is_valid(iplt_api_ymd(2024, 2, 29)) &&
                       !ipl_date_is_valid(iplt_api_ymd(2023, 2, 29)));
}

static int
date_parse(void *ctx)
{
    ipl_date d;

    (void)ctx;
    return IPLT_EXPECT(ipl_date_parse(&d, "2024-03-01", IPLT_ERR) == IPL_OK && d.month == 3);
}

static int
date_format(void *ctx)
{
    char buf[16];

    (void)ctx;
    return IPLT_EXPECT(ipl_date_format(buf, sizeof buf, iplt_api_ymd(2024, 3, 1), IPLT_ERR) == 10 &&
                       strcmp(buf, "2024-03-01") == 0);
}

static int
date_compare(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(ipl_date_compare(iplt_api_ymd(2024, 3, 1), iplt_api_ymd(2024, 2, 29)) > 0);
}

static int
date_days_between(void *ctx)
{
    int64_t n;

    (void)ctx;
    return IPLT_EXPECT(ipl_date_days_between(&n, iplt_api_ymd(2024, 1, 1),
                                             iplt_api_ymd(2025, 1, 1), IPLT_ERR) ==
                       IPL_OK && n == 366);
}

static int
date_add_days(void *ctx)
{
    ipl_date d;

    (void)ctx;
    return IPLT_EXPECT(ipl_date_add_days(&d, iplt_api_ymd(2024, 2, 28), 1, IPLT_ERR) == IPL_OK &&
                       d.day == 29);
}

static int
date_add_months(void *ctx)
{
    ipl_date d;

    (void)ctx;
    return IPLT_EXPECT(ipl_date_add_months(&d, iplt_api_ymd(2024, 1, 31), 1, IPL_MONTH_CLAMP,
                                           IPLT_ERR) == IPL_OK &&
                       d.day == 29);
}

static int
date_add_years(void *ctx)
{
    ipl_date d;

    (void)ctx;
    return IPLT_EXPECT(ipl_date_add_years(&d, iplt_api_ymd(2024, 2, 29), 1, IPL_MONTH_CLAMP,
                                          IPLT_ERR) == IPL_OK &&
                       d.day == 28);
}

static int
date_is_leap_year(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(ipl_date_is_leap_year(2000) && !ipl_date_is_leap_year(1900));
}

static int
date_days_in_month(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(ipl_date_days_in_month(2024, 2) == 29);
}

static int
daycount_year_fraction(void *ctx)
{
    double f;

    (void)ctx;
    return IPLT_EXPECT(ipl_daycount_year_fraction(&f, IPL_DC_30_360, iplt_api_ymd(2024, 1, 15),
                                                  iplt_api_ymd(2024, 7, 15), IPLT_ERR) == IPL_OK &&
                       iplt_same_double(f, 0.5));
}

static int
daycount_fraction(void *ctx)
{
    int64_t num, den;

    (void)ctx;
    return IPLT_EXPECT(ipl_daycount_fraction(&num, &den, IPL_DC_ACT_360, iplt_api_ymd(2024, 1, 1),
                                             iplt_api_ymd(2024, 1, 31), IPLT_ERR) == IPL_OK &&
                       num == 30 && den == 360);
}

static int
daycount_name(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(strcmp(ipl_daycount_name(IPL_DC_30E_360), "30E/360") == 0);
}

static int
daycount_from_name(void *ctx)
{
    ipl_daycount dc;

    (void)ctx;
    return IPLT_EXPECT(ipl_daycount_from_name(&dc, "30E/360", IPLT_ERR) == IPL_OK &&
                       dc == IPL_DC_30E_360);
}

/* ---- rights and identifiers ---- */

static int
right_type_name(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(ipl_right_type_name(IPL_RIGHT_TRADEMARK)[0] != '\0');
}

static int
right_type_from_name(void *ctx)
{
    ipl_right_type t;

    (void)ctx;
    return IPLT_EXPECT(ipl_right_type_from_name(&t, ipl_right_type_name(IPL_RIGHT_DESIGN),
                                                IPLT_ERR) == IPL_OK && t == IPL_RIGHT_DESIGN);
}

static int
legal_status_name(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(strcmp(ipl_legal_status_name(IPL_STATUS_IN_FORCE), "in-force") == 0);
}

static int
legal_status_from_name(void *ctx)
{
    ipl_legal_status s;

    (void)ctx;
    return IPLT_EXPECT(ipl_legal_status_from_name(&s, "lapsed", IPLT_ERR) == IPL_OK &&
                       s == IPL_STATUS_LAPSED);
}

static int
ident_parse(void *ctx)
{
    ipl_ident id;
    int rc;

    (void)ctx;
    if ((rc = ipl_ident_parse(&id, IPL_IDENT_NICE, "9", IPLT_ERR)) < 0)
        return rc;
    return IPLT_EXPECT(strcmp(id.canonical, "9") == 0);
}

static int
ident_parse_kind(void *ctx)
{
    char out[8];
    int rc;

    (void)ctx;
    if ((rc = ipl_ident_parse_kind(out, sizeof out, IPL_IDENT_US_PATENT, "b2", IPLT_ERR)) < 0)
        return rc;
    return IPLT_EXPECT(strcmp(out, "B2") == 0);
}

static int
ident_type_name(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(ipl_ident_type_name(IPL_IDENT_NICE)[0] != '\0');
}

const iplt_api iplt_api_core[] = {
    IPLT_API(IPLT_NO_ALLOC, ipl_alloc_set, alloc_set, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_init, init_and_shutdown, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_shutdown, init_and_shutdown, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_error_clear, error_clear, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_error_format, error_format, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_error_message_max, error_message_max, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_error_where_max, error_where_max, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_status_name, status_name, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_status_str, status_str, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_version_number, version_number, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_version_string, version_string, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_currency_check, currency_check, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_currency_exponent, currency_exponent, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_money_from_minor, money_from_minor, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_money_parse, money_parse, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_money_format, money_format, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_money_format_max, money_format_max, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_money_add, money_add, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_money_sub, money_sub, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_money_mul_rate, money_mul_rate, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_money_mul_ratio, money_mul_ratio, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_money_from_double, money_from_double, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_money_to_double, money_to_double, NULL),
    IPLT_API(IPLT_OOM, ipl_money_split, money_split, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_date_from_ymd, date_from_ymd, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_date_is_valid, date_is_valid, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_date_parse, date_parse, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_date_format, date_format, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_date_compare, date_compare, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_date_days_between, date_days_between, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_date_add_days, date_add_days, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_date_add_months, date_add_months, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_date_add_years, date_add_years, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_date_is_leap_year, date_is_leap_year, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_date_days_in_month, date_days_in_month, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_daycount_year_fraction, daycount_year_fraction, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_daycount_fraction, daycount_fraction, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_daycount_name, daycount_name, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_daycount_from_name, daycount_from_name, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_right_type_name, right_type_name, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_right_type_from_name, right_type_from_name, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_legal_status_name, legal_status_name, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_legal_status_from_name, legal_status_from_name, NULL),
    IPLT_API(IPLT_OOM, ipl_ident_parse, ident_parse, NULL),
    IPLT_API(IPLT_OOM, ipl_ident_parse_kind, ident_parse_kind, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_ident_type_name, ident_type_name, NULL),
    IPLT_API_END
};
