/* The version macros, the run-time answers, and the release number
 * configure was given. */
#include <stdio.h>
#include <string.h>

#include "config.h"
#include "ipledge/version.h"
#include "harness.h"

START_TEST(test_macros_match_functions)
{
    ck_assert_int_eq(ipl_version_number(), IPL_VERSION_NUMBER);
    ck_assert_str_eq(ipl_version_string(), IPL_VERSION_STRING);
    ck_assert_str_eq(ipl_version_string(), PACKAGE_VERSION);
}
END_TEST

START_TEST(test_number_encodes_parts)
{
    char text[32];

    ck_assert_int_eq(IPL_VERSION_NUMBER, IPL_VERSION_MAJOR * 1000000 +
                     IPL_VERSION_MINOR * 1000 + IPL_VERSION_PATCH);
    snprintf(text, sizeof text, "%d.%d.%d", IPL_VERSION_MAJOR,
             IPL_VERSION_MINOR, IPL_VERSION_PATCH);
    ck_assert_str_eq(text, IPL_VERSION_STRING);
}
END_TEST

START_TEST(test_version_check)
{
    ck_assert(IPL_VERSION_CHECK(IPL_VERSION_MAJOR, IPL_VERSION_MINOR,
                                IPL_VERSION_PATCH));
    ck_assert(IPL_VERSION_CHECK(0, 0, 0));
    ck_assert(!IPL_VERSION_CHECK(IPL_VERSION_MAJOR, IPL_VERSION_MINOR,
                                 IPL_VERSION_PATCH + 1));
    ck_assert(!IPL_VERSION_CHECK(IPL_VERSION_MAJOR + 1, 0, 0));
}
END_TEST

static Suite *
version_suite(void)
{
    Suite *s = suite_create("version");
    TCase *tc = tcase_create("version");

    tcase_add_test(tc, test_macros_match_functions);
    tcase_add_test(tc, test_number_encodes_parts);
    tcase_add_test(tc, test_version_check);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return iplt_run(version_suite());
}
