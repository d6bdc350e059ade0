/* ISO 4217 exponents, from the standard's list one. */
#include <string.h>

#include "ipledge/currency.h"
#include "harness.h"

START_TEST(test_exponents)
{
    static const struct {
        const char *code;
        int exponent;
    } known[] = {
        { "CNY", 2 }, { "USD", 2 }, { "EUR", 2 }, { "HKD", 2 }, { "GBP", 2 },
        { "JPY", 0 }, { "KRW", 0 }, { "VND", 0 }, { "ISK", 0 }, { "CLP", 0 },
        { "KWD", 3 }, { "BHD", 3 }, { "JOD", 3 }, { "OMR", 3 }, { "TND", 3 },
        { "IQD", 3 }, { "LYD", 3 }, { "CLF", 4 }, { "UYW", 4 }, { "AED", 2 },
        { "ZWG", 2 }, { "XCG", 2 }, { "XOF", 0 }, { "XPF", 0 }, { "ZMW", 2 },
    };
    size_t i;

    for (i = 0; i < sizeof known / sizeof known[0]; i++)
        ck_assert_msg(ipl_currency_exponent(known[i].code) == known[i].exponent,
                      "%s: %d", known[i].code,
                      ipl_currency_exponent(known[i].code));
}
END_TEST

START_TEST(test_rejected)
{
    static const char *const bad[] = {
        "cny", "Cny", "CN", "CNYY", "", "XAU", "XDR", "XXX", "XTS", "HRK",
        "ABC", "C1Y", "CNY\n"
    };
    size_t i;
    ipl_error err;

    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_msg(ipl_currency_exponent(bad[i]) == IPL_EINVAL, "'%s'", bad[i]);
        ck_assert_int_eq(ipl_currency_check(bad[i], &err), IPL_EINVAL);
        ck_assert_str_eq(err.where, "currency");
    }
    ck_assert_int_eq(ipl_currency_exponent(NULL), IPL_EINVAL);
    ck_assert_int_eq(ipl_currency_check(NULL, &err), IPL_EINVAL);
    ck_assert_int_eq(ipl_currency_check("CNY", &err), IPL_OK);
}
END_TEST

/* The lookup is a binary search: an entry out of order would hide
 * others. Every one of the 17,576 three-letter codes is tried; exactly
 * the table's 167 must be found. */
START_TEST(test_every_code_findable)
{
    char code[4] = "AAA";
    int found = 0;

    for (code[0] = 'A'; code[0] <= 'Z'; code[0]++)
        for (code[1] = 'A'; code[1] <= 'Z'; code[1]++)
            for (code[2] = 'A'; code[2] <= 'Z'; code[2]++)
                if (ipl_currency_exponent(code) >= 0)
                    found++;
    ck_assert_int_eq(found, 167);
}
END_TEST

static Suite *
currency_suite(void)
{
    Suite *s = suite_create("currency");
    TCase *tc = tcase_create("iso4217");

    tcase_add_test(tc, test_exponents);
    tcase_add_test(tc, test_rejected);
    tcase_add_test(tc, test_every_code_findable);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return iplt_run(currency_suite());
}
