/* Reference-counted initialisation, GSL's error handler, and the rules
 * for replacing the allocator. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_log.h>

#include "ipledge/init.h"
#include "ipledge/sys/alloc.h"
#include "ipledge/error.h"
#include "harness.h"

START_TEST(test_reference_count)
{
    ck_assert_int_eq(ipl_shutdown(), IPL_EINVAL);
    ck_assert_int_eq(ipl_init(), 1);
    ck_assert_int_eq(ipl_init(), 2);
    ck_assert_int_eq(ipl_shutdown(), 1);
    ck_assert_int_eq(ipl_shutdown(), 0);
    ck_assert_int_eq(ipl_shutdown(), IPL_EINVAL);
    ck_assert_int_eq(ipl_init(), 1);
    ck_assert_int_eq(ipl_shutdown(), 0);
}
END_TEST

/* GSL's default handler would abort the process on log(−1). */
START_TEST(test_gsl_error_returns_status)
{
    gsl_sf_result r;

    ck_assert_int_eq(ipl_init(), 1);
    ck_assert_int_eq(gsl_sf_log_e(-1.0, &r), GSL_EDOM);
    ck_assert_int_eq(ipl_shutdown(), 0);
}
END_TEST

/* Without ipledge's handler the same call aborts: the reason for it. */
START_TEST(test_gsl_default_aborts)
{
    gsl_sf_result r;

    gsl_sf_log_e(-1.0, &r);
}
END_TEST

/* The last ipl_shutdown() puts GSL's default back. */
START_TEST(test_gsl_default_restored)
{
    gsl_sf_result r;

    ck_assert_int_eq(ipl_init(), 1);
    ck_assert_int_eq(ipl_shutdown(), 0);
    gsl_sf_log_e(-1.0, &r);
}
END_TEST

static int host_handler_calls;

static void
host_handler(const char *reason, const char *file, int line, int gsl_errno)
{
    (void)reason;
    (void)file;
    (void)line;
    (void)gsl_errno;
    host_handler_calls++;
}

START_TEST(test_gsl_host_handler_kept)
{
    gsl_sf_result r;
    gsl_error_handler_t *before;

    before = gsl_set_error_handler(host_handler);
    host_handler_calls = 0;
    ck_assert_int_eq(ipl_init(), 1);
    ck_assert_int_eq(gsl_sf_log_e(-1.0, &r), GSL_EDOM);
    ck_assert_int_eq(host_handler_calls, 1);
    ck_assert_int_eq(ipl_shutdown(), 0);
    ck_assert_int_eq(gsl_sf_log_e(-1.0, &r), GSL_EDOM);
    ck_assert_int_eq(host_handler_calls, 2);
    gsl_set_error_handler(before);
}
END_TEST

static void *
plain_malloc(size_t size, void *ud)
{
    (void)ud;
    return malloc(size);
}

static void *
plain_realloc(void *ptr, size_t size, void *ud)
{
    (void)ud;
    return realloc(ptr, size);
}

static void
plain_free(void *ptr, void *ud)
{
    (void)ud;
    free(ptr);
}

START_TEST(test_allocator_rules)
{
    ipl_allocator a = { plain_malloc, plain_realloc, plain_free, NULL };
    ipl_allocator broken = a;

    broken.free = NULL;
    ck_assert_int_eq(ipl_alloc_set(&broken), IPL_EINVAL);
    ck_assert_int_eq(ipl_alloc_set(&a), IPL_OK);
    ck_assert_int_eq(ipl_init(), 1);
    ck_assert_int_eq(ipl_alloc_set(NULL), IPL_EINVAL);   /* in use */
    ck_assert_int_eq(ipl_shutdown(), 0);
    ck_assert_int_eq(ipl_alloc_set(NULL), IPL_OK);
}
END_TEST

static Suite *
init_suite(void)
{
    Suite *s = suite_create("init");
    TCase *tc = tcase_create("init");

    tcase_add_test(tc, test_reference_count);
    tcase_add_test(tc, test_gsl_error_returns_status);
    tcase_add_test(tc, test_gsl_host_handler_kept);
    tcase_add_test(tc, test_allocator_rules);
    /* An abort can only be watched from another process. */
    if (getenv("CK_FORK") == NULL || strcmp(getenv("CK_FORK"), "no") != 0) {
        tcase_add_test_raise_signal(tc, test_gsl_default_aborts, SIGABRT);
        tcase_add_test_raise_signal(tc, test_gsl_default_restored, SIGABRT);
    }
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    return iplt_run(init_suite());
}
