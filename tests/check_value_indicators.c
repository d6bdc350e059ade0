/* Check suite for include/ipledge/indicators.h. Totals are worked by
 * hand beside each case. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipledge/indicators.h"
#include "ipledge/init.h"
#include "ipledge/parse.h"
#include "harness.h"

/* legal 0.5 (status 0.6, scope 0.4), technical 0.3, economic 0.2. */
static const ipl_indicator_def tree[] = {
    { "legal.status", "legal", 0.6, NULL },
    { "legal", NULL, 0.5, "法律价值" },
    { "technical", "", 0.3, NULL },
    { "economic", NULL, 0.2, NULL },
    { "legal.scope", "legal", 0.4, "scope" }
};

static ipl_indicators *
built(const ipl_indicator_def *defs, size_t n)
{
    ipl_indicators *set = NULL;
    ipl_error err;

    ck_assert_msg(ipl_indicators_new(&set, defs, n, &err) == IPL_OK, "%s: %s", err.where,
                  err.message);
    return set;
}

START_TEST(test_weighted_score)
{
    static const char *const ids[] = { "legal.status", "legal.scope", "technical",
                                       "economic" };
    static const double leaf[] = { 1.0, 0.5, 0.7, 0.2 };
    ipl_indicators *set = built(tree, 5);
    double total = -1, scores[5];

    /* legal = 0.6 × 1 + 0.4 × 0.5 = 0.8; total = 0.5 × 0.8 + 0.3 × 0.7
     * + 0.2 × 0.2 = 0.4 + 0.21 + 0.04 = 0.65. */
    ck_assert_int_eq(ipl_indicators_score(&total, scores, set, ids, leaf, 4, NULL), IPL_OK);
    ck_assert_double_eq_tol(total, 0.65, 1e-15);
    ck_assert_double_eq_tol(scores[1], 0.8, 1e-15);
    ck_assert_double_eq(scores[4], 0.5);
    ck_assert_str_eq(ipl_indicators_at(set, 0)->parent, "legal");
    ck_assert_ptr_null(ipl_indicators_at(set, 2)->parent);
    ck_assert_str_eq(ipl_indicators_at(set, 1)->label, "法律价值");
    ck_assert_ptr_null(ipl_indicators_at(set, 5));
    ck_assert_uint_eq(ipl_indicators_count(set), 5);
    ipl_indicators_free(set);
}
END_TEST

START_TEST(test_default_tree)
{
    ipl_indicators *set = NULL;
    const char *ids[32];
    double leaf[32], total = -1;
    size_t i, n = 0;

    ck_assert_int_eq(ipl_indicators_new_default(&set, NULL), IPL_OK);
    ck_assert_str_eq(ipl_indicators_at(set, 0)->id, "legal");
    ck_assert_str_eq(ipl_indicators_at(set, 1)->id, "technical");
    ck_assert_str_eq(ipl_indicators_at(set, 2)->id, "economic");
    /* GB/T 42748-2023's level 1, by name, and nothing else at the root
     * (../shared/DOMAIN.md lines 33-35); equal weights, as the standard's
     * are not confirmed (doc/valuation.md). */
    for (i = 0; i < 3; i++) {
        static const char *const names[] = { "法律价值", "技术价值", "经济价值" };

        ck_assert_ptr_nonnull(strstr(ipl_indicators_at(set, i)->label, names[i]));
        ck_assert_ptr_null(ipl_indicators_at(set, i)->parent);
        ck_assert_double_eq_tol(ipl_indicators_at(set, i)->weight, 1.0 / 3, 1e-15);
    }
    for (i = 3; i < ipl_indicators_count(set); i++) {
        const char *parent = ipl_indicators_at(set, i)->parent;

        ck_assert_ptr_nonnull(parent);
        ck_assert(strcmp(parent, "legal") == 0 || strcmp(parent, "technical") == 0 ||
                  strcmp(parent, "economic") == 0);
    }
    /* Every leaf at 0.4: every weighted mean is 0.4. */
    for (i = 3; i < ipl_indicators_count(set); i++) {
        ids[n] = ipl_indicators_at(set, i)->id;
        leaf[n++] = 0.4;
    }
    ck_assert_int_eq(ipl_indicators_score(&total, NULL, set, ids, leaf, n, NULL), IPL_OK);
    ck_assert_double_eq_tol(total, 0.4, 1e-15);
    ipl_indicators_free(set);
}
END_TEST

static void
assert_tree_refused(const ipl_indicator_def *defs, size_t n, int code, const char *where)
{
    ipl_indicators *set = NULL;
    ipl_error err = iplt_stale_error();

    iplt_assert_error(err, ipl_indicators_new(&set, defs, n, &err), code, where);
    ck_assert_ptr_null(set);
}

START_TEST(test_bad_trees)
{
    ipl_indicator_def d[5];

    memcpy(d, tree, sizeof d);
    d[3].weight = 0.1;
    assert_tree_refused(d, 5, IPL_ERANGE, "defs[1].weight");      /* top sums to 0.9 */
    memcpy(d, tree, sizeof d);
    d[4].parent = "legals";
    assert_tree_refused(d, 5, IPL_EINVAL, "defs[4].parent");
    memcpy(d, tree, sizeof d);
    d[4].id = "legal";
    assert_tree_refused(d, 5, IPL_EINVAL, "defs[4].id");
    memcpy(d, tree, sizeof d);
    d[2].weight = NAN;
    assert_tree_refused(d, 5, IPL_ERANGE, "defs[2].weight");
    memcpy(d, tree, sizeof d);
    d[1].parent = "legal.status";                                  /* a cycle */
    assert_tree_refused(d, 5, IPL_EINVAL, "defs[0].parent");
    assert_tree_refused(d, 0, IPL_EINVAL, "n");
}
END_TEST

START_TEST(test_bad_scores)
{
    static const char *const ids[] = { "legal.status", "legal.scope", "technical",
                                       "economic" };
    static const char *const inner[] = { "legal" };
    static const char *const twice[] = { "technical", "technical" };
    double leaf[] = { 1.0, 0.5, 0.7, 0.2 }, total = -1;
    ipl_indicators *set = built(tree, 5);
    ipl_error err = iplt_stale_error();

    iplt_assert_error(err, ipl_indicators_score(&total, NULL, set, ids, leaf, 3, &err),
                      IPL_EINVAL, "economic");
    iplt_assert_error(err, ipl_indicators_score(&total, NULL, set, inner, leaf, 1, &err),
                      IPL_EINVAL, "ids[0]");
    iplt_assert_error(err, ipl_indicators_score(&total, NULL, set, twice, leaf, 2, &err),
                      IPL_EINVAL, "ids[1]");
    leaf[2] = 1.5;
    iplt_assert_error(err, ipl_indicators_score(&total, NULL, set, ids, leaf, 4, &err),
                      IPL_ERANGE, "leaf_scores[2]");
    leaf[2] = NAN;
    iplt_assert_error(err, ipl_indicators_score(&total, NULL, set, ids, leaf, 4, &err),
                      IPL_EINVAL, "leaf_scores[2]");
    ck_assert_double_eq(total, -1);
    ipl_indicators_free(set);
    ipl_indicators_free(NULL);
}
END_TEST

static int
new_default_call(void *ctx)
{
    ipl_indicators *set = NULL;
    int rc = ipl_indicators_new_default(&set, NULL);

    (void)ctx;
    ipl_indicators_free(set);
    return rc;
}

static int
score_call(void *ctx)
{
    static const char *const ids[] = { "legal.status", "legal.scope", "technical",
                                       "economic" };
    static const double leaf[] = { 1.0, 0.5, 0.7, 0.2 };
    double total;

    return ipl_indicators_score(&total, NULL, ctx, ids, leaf, 4, NULL);
}

START_TEST(test_allocation_failure)
{
    ipl_indicators *set;

    ck_assert_uint_gt(iplt_oom_check(new_default_call, NULL), 3);
    set = built(tree, 5);
    ck_assert_uint_eq(iplt_oom_check(score_call, set), 2);
    ipl_indicators_free(set);
}
END_TEST

/* CN113783949A (CNIPA, invention filed 2021-08-26, expiring
 * 2041-08-26): on 2024-01-01, 6,447 days remain of 20 × 365.25; 10
 * claims; one applicant and no owner listed; IPC subclasses H04L, G06Q
 * and G06F; no family. Counts from tests/vectors/records/expected.tsv. */
START_TEST(test_facts_from_a_record)
{
    const char *dir = getenv("IPL_SHARED_DATA");
    char path[1024];
    ipl_indicator_fact facts[IPL_INDICATOR_FACTS_MAX];
    ipl_date on = { 2024, 1, 1 };
    ipl_reader *rd;
    ipl_record *rec;
    ipl_error err;
    double independent;
    int n;

    ck_assert_msg(dir != NULL, "IPL_SHARED_DATA is not set");
    snprintf(path, sizeof path, "%s/records/cnipa/CN113783949A-new-sipo-business.xml",
             dir);
    ck_assert_int_eq(ipl_parse_reader_new_file(&rd, path, NULL, &err), IPL_OK);
    ck_assert_int_eq(ipl_parse_reader_next(&rec, rd, &err), 1);
    independent = (double)ipl_record_independent_claims_count(rec);

    n = ipl_indicators_from_record(facts, IPL_INDICATOR_FACTS_MAX, rec, on, &err);
    ck_assert_int_eq(n, 4);
    ck_assert_str_eq(facts[0].id, "legal.remaining_life");
    ck_assert_double_eq_tol(facts[0].score, 6447 / (20 * 365.25), 1e-12);
    ck_assert_str_eq(facts[1].id, "legal.scope");
    ck_assert_double_eq_tol(facts[1].score,
                            0.5 * 10 / 20 + 0.5 * (independent < 3 ? independent / 3 : 1),
                            1e-12);
    ck_assert_str_eq(facts[2].id, "legal.ownership");
    ck_assert_double_eq_tol(facts[2].score, 1.0, 1e-12);
    ck_assert_str_eq(facts[3].id, "technical.field");
    ck_assert_double_eq_tol(facts[3].score, 0.75, 1e-12);
    ck_assert(facts[0].basis[0] != '\0');

    ck_assert_int_eq(ipl_indicators_from_record(facts, 2, rec, on, &err), IPL_ERANGE);
    ck_assert_str_eq(err.where, "cap");
    on.month = 13;
    ck_assert_int_eq(ipl_indicators_from_record(facts, 5, rec, on, &err), IPL_EINVAL);
    ipl_record_free(rec);
    ipl_parse_reader_free(rd);
}
END_TEST

static Suite *
indicators_suite(void)
{
    Suite *s = suite_create("value_indicators");
    TCase *tc = tcase_create("indicators");

    tcase_add_test(tc, test_weighted_score);
    tcase_add_test(tc, test_default_tree);
    tcase_add_test(tc, test_bad_trees);
    tcase_add_test(tc, test_bad_scores);
    tcase_add_test(tc, test_allocation_failure);
    tcase_add_test(tc, test_facts_from_a_record);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    int rc;

    iplt_oom_install();
    ipl_init();
    rc = iplt_run(indicators_suite());
    ipl_shutdown();
    return rc;
}
