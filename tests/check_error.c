/* Status codes, their texts, and the caller-owned error record. */
#include <string.h>

#include "ipledge/error.h"
#include "error_internal.h"
#include "harness.h"

START_TEST(test_status_texts)
{
    static const struct {
        int code;
        const char *name;
    } all[] = {
        { IPL_OK, "IPL_OK" }, { IPL_ERROR, "IPL_ERROR" },
        { IPL_ENOMEM, "IPL_ENOMEM" }, { IPL_EINVAL, "IPL_EINVAL" },
        { IPL_ERANGE, "IPL_ERANGE" }, { IPL_EOVERFLOW, "IPL_EOVERFLOW" },
        { IPL_EINEXACT, "IPL_EINEXACT" },
        { IPL_ENOCONVERGE, "IPL_ENOCONVERGE" },
        { IPL_EPARSE, "IPL_EPARSE" }, { IPL_EVERSION, "IPL_EVERSION" },
    };
    size_t i, j;

    for (i = 0; i < sizeof all / sizeof all[0]; i++) {
        ck_assert_int_eq(all[i].code, -(int)i);     /* dense, stable values */
        ck_assert_str_eq(ipl_status_name(all[i].code), all[i].name);
        ck_assert_str_ne(ipl_status_str(all[i].code), "unknown status");
        for (j = 0; j < i; j++)
            ck_assert_str_ne(ipl_status_str(all[i].code),
                             ipl_status_str(all[j].code));
    }
    ck_assert_str_eq(ipl_status_str(IPL_ENOMEM), "out of memory");
    ck_assert_str_eq(ipl_status_str(-1000), "unknown status");
    ck_assert_str_eq(ipl_status_str(1), "unknown status");
    ck_assert_str_eq(ipl_status_name(-1000), "IPL_UNKNOWN");
}
END_TEST

START_TEST(test_constants_callable)
{
    ck_assert_uint_eq(ipl_error_message_max(), IPL_ERROR_MESSAGE_MAX);
    ck_assert_uint_eq(ipl_error_where_max(), IPL_ERROR_WHERE_MAX);
    ck_assert_uint_eq(sizeof(((ipl_error *)0)->message), IPL_ERROR_MESSAGE_MAX);
    ck_assert_uint_eq(sizeof(((ipl_error *)0)->where), IPL_ERROR_WHERE_MAX);
}
END_TEST

START_TEST(test_fail_fills_record)
{
    ipl_error err;
    char long_where[400];

    ck_assert_int_eq(ipl__fail(&err, IPL_ERANGE, "loan.term_months",
                               "must be 1..%d, got %d", 600, 0), IPL_ERANGE);
    ck_assert_int_eq(err.code, IPL_ERANGE);
    ck_assert_str_eq(err.where, "loan.term_months");
    ck_assert_str_eq(err.message, "must be 1..600, got 0");
    ck_assert_int_eq(err.line, 0);
    ck_assert_int_eq(err.column, 0);

    ck_assert_int_eq(ipl__fail_at(&err, IPL_EPARSE, "grant.xml", 12, 7,
                                  "unknown element <%s>", "royalty_rat"),
                     IPL_EPARSE);
    ck_assert_int_eq(err.line, 12);
    ck_assert_int_eq(err.column, 7);

    /* Too long: truncated, still terminated. */
    memset(long_where, 'w', sizeof long_where - 1);
    long_where[sizeof long_where - 1] = '\0';
    ipl__fail(&err, IPL_EINVAL, long_where, "%s", long_where);
    ck_assert_uint_eq(strlen(err.where), IPL_ERROR_WHERE_MAX - 1);
    ck_assert_uint_eq(strlen(err.message), IPL_ERROR_MESSAGE_MAX - 1);

    ipl__fail(&err, IPL_EINVAL, NULL, "no place");
    ck_assert_str_eq(err.where, "");

    /* No record: the code still comes back. */
    ck_assert_int_eq(ipl__fail(NULL, IPL_ENOMEM, "x", "y"), IPL_ENOMEM);
}
END_TEST

START_TEST(test_clear)
{
    ipl_error err;

    ipl__fail_at(&err, IPL_EPARSE, "f", 3, 4, "m");
    ipl_error_clear(&err);
    ck_assert_int_eq(err.code, IPL_OK);
    ck_assert_int_eq(err.line, 0);
    ck_assert_str_eq(err.where, "");
    ck_assert_str_eq(err.message, "");
    ipl_error_clear(NULL);
}
END_TEST

START_TEST(test_format)
{
    ipl_error err;
    char buf[128];

    ipl__fail(&err, IPL_EINVAL, "loan.term_months", "must be 1..600, got 0");
    ck_assert_int_eq(ipl_error_format(buf, sizeof buf, &err), 39);
    ck_assert_str_eq(buf, "loan.term_months: must be 1..600, got 0");

    ipl__fail_at(&err, IPL_EPARSE, "grant.xml", 12, 7, "unknown element");
    ipl_error_format(buf, sizeof buf, &err);
    ck_assert_str_eq(buf, "grant.xml:12:7: unknown element");

    ipl__fail_at(&err, IPL_EPARSE, "amount", 0, 3, "unexpected character");
    ipl_error_format(buf, sizeof buf, &err);
    ck_assert_str_eq(buf, "amount:3: unexpected character");

    ipl__fail(&err, IPL_ERROR, NULL, "bare");
    ipl_error_format(buf, sizeof buf, &err);
    ck_assert_str_eq(buf, "bare");

    /* Truncation reports the full length, as snprintf does. */
    ipl__fail(&err, IPL_EINVAL, "abc", "defgh");
    ck_assert_int_eq(ipl_error_format(buf, 5, &err), 10);
    ck_assert_str_eq(buf, "abc:");
    ck_assert_int_eq(ipl_error_format(buf, 0, &err), IPL_EINVAL);
    ck_assert_int_eq(ipl_error_format(NULL, 5, &err), IPL_EINVAL);
    ck_assert_int_eq(ipl_error_format(buf, 5, NULL), IPL_EINVAL);
}
END_TEST

static Suite *
error_suite(void)
{
    Suite *s = suite_create("error");
    TCase *tc = tcase_create("error");

    tcase_add_test(tc, test_status_texts);
    tcase_add_test(tc, test_constants_callable);
    tcase_add_test(tc, test_fail_fills_record);
    tcase_add_test(tc, test_clear);
    tcase_add_test(tc, test_format);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return iplt_run(error_suite());
}
