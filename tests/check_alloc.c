/* The library's allocation functions, through the counting allocator of
 * the harness; and the harness itself. */
#include <stdint.h>
#include <string.h>

#include "ipledge/error.h"
#include "alloc_internal.h"
#include "harness.h"

START_TEST(test_strdup)
{
    char *s = ipl__strdup("pledge"), *t = ipl__strndup("pledge", 3);
    char *u = ipl__strndup("ab", 10);

    ck_assert_str_eq(s, "pledge");
    ck_assert_str_eq(t, "ple");
    ck_assert_str_eq(u, "ab");
    ck_assert_uint_eq(iplt_alloc_live(), 3);
    ipl__free(s);
    ipl__free(t);
    ipl__free(u);
    ck_assert_uint_eq(iplt_alloc_live(), 0);
}
END_TEST

START_TEST(test_calloc)
{
    unsigned char *p = ipl__calloc(16, 4);
    size_t i;

    ck_assert_ptr_nonnull(p);
    for (i = 0; i < 64; i++)
        ck_assert_int_eq(p[i], 0);
    ipl__free(p);
    ck_assert_ptr_null(ipl__calloc(SIZE_MAX / 2, 3));    /* n × size overflows */
    ck_assert_uint_eq(iplt_alloc_live(), 0);
}
END_TEST

START_TEST(test_realloc_and_zero)
{
    char *p = ipl__realloc(NULL, 4), *q;

    ck_assert_ptr_nonnull(p);
    memcpy(p, "abc", 4);
    q = ipl__realloc(p, 4096);
    ck_assert_ptr_nonnull(q);
    ck_assert_str_eq(q, "abc");
    ipl__free(q);
    p = ipl__malloc(0);                 /* never NULL for success */
    ck_assert_ptr_nonnull(p);
    ipl__free(p);
    ipl__free(NULL);
    ck_assert_uint_eq(iplt_alloc_live(), 0);
}
END_TEST

/* A call that needs three allocations and cleans up after any failure. */
static int
three_copies(void *ctx)
{
    char *a, *b = NULL, *c = NULL, *grown;
    int rc = IPL_ENOMEM;

    (void)ctx;
    if ((a = ipl__strdup("a")) == NULL || (b = ipl__strdup("b")) == NULL)
        goto out;
    if ((c = ipl__realloc(NULL, 8)) == NULL)
        goto out;
    if ((grown = ipl__realloc(c, 64)) == NULL)  /* c stays valid */
        goto out;
    c = grown;
    rc = IPL_OK;
out:
    ipl__free(a);
    ipl__free(b);
    ipl__free(c);
    return rc;
}

START_TEST(test_harness_counts_allocations)
{
    ck_assert_uint_eq(iplt_oom_check(three_copies, NULL), 4);
    ck_assert_uint_eq(iplt_alloc_live(), 0);
}
END_TEST

static Suite *
alloc_suite(void)
{
    Suite *s = suite_create("alloc");
    TCase *tc = tcase_create("alloc");

    tcase_add_test(tc, test_strdup);
    tcase_add_test(tc, test_calloc);
    tcase_add_test(tc, test_realloc_and_zero);
    tcase_add_test(tc, test_harness_counts_allocations);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    iplt_oom_install();
    return iplt_run(alloc_suite());
}
