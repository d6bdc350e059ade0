/* Several threads at once: each parses the shared office records, values
 * a right (deterministically and by Monte Carlo) and decides a pledge
 * under a policy all threads share read-only. Every thread must get
 * exactly what one thread alone gets. Built with ThreadSanitizer
 * (./configure --enable-thread-sanitizer), the same run must report no
 * data race. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipledge.h"
#include "harness.h"

#define THREADS 4

/* Sample files read by every thread: one per format family. */
static const char *const samples[] = {
    "records/cnipa/CN113783949A-new-sipo-business.xml",
    "records/cnipa/CN104223352A-old-cn-patent-document-bom.xml",
    "records/epo/EP3383757B1-v1-5-1.xml",
    "records/epo-docdb/ops-biblio-EP2906782A2.xml",
    "records/st66/uspto-tsdr-sn77478018-ST66.xml",
    "records/st36/JP2021193879A-jp-official-gazette.xml",
};

#define NSAMPLES (sizeof samples / sizeof samples[0])

/* What one pass computes; two passes must agree to the bit. */
typedef struct outcome {
    int rc;
    size_t records;
    size_t title_bytes;
    double value;
    double mc_mean, mc_p5;
    int64_t max_loan;
} outcome;

typedef struct job {
    const ipl_policy *policy;
    outcome result;
} job;

static void
read_samples(outcome *o)
{
    const char *dir = getenv("IPL_SHARED_DATA");
    size_t i;

    for (i = 0; i < NSAMPLES && o->rc == IPL_OK; i++) {
        char path[1024];
        ipl_reader *rd;
        ipl_record *rec;
        int n;

        snprintf(path, sizeof path, "%s/%s", dir != NULL ? dir : ".", samples[i]);
        if ((o->rc = ipl_parse_reader_new_file(&rd, path, NULL, NULL)) < 0)
            return;
        while ((n = ipl_parse_reader_next(&rec, rd, NULL)) == 1) {
            const ipl_record_item *title = ipl_record_row(rec, IPL_LIST_TITLES, 0);

            o->records++;
            if (title != NULL && title->text != NULL)
                o->title_bytes += strlen(title->text);
            ipl_record_free(rec);
        }
        if (n < 0)
            o->rc = n;
        ipl_parse_reader_free(rd);
    }
}

/* A patent whose income of 1,000,000 falls by 100,000 a year, at 10 %:
 * the declining-income case of the valuation tests. */
static void
value_and_simulate(outcome *o)
{
    ipl_value_income in = IPL_VALUE_INCOME_INIT;
    ipl_montecarlo_options opts = IPL_MONTECARLO_OPTIONS_INIT;
    ipl_montecarlo_input uncertain;
    ipl_montecarlo_right right;
    ipl_montecarlo *mc;
    ipl_value *v;

    in.base_first = 1000000;
    in.base_decline = 100000;
    in.share = 1;
    in.discount_rate = 0.10;
    in.legal_years = 20;
    if ((o->rc = ipl_value_income_new(&v, &in, NULL)) < 0)
        return;
    o->value = ipl_value_total(v);
    ipl_value_free(v);

    memset(&uncertain, 0, sizeof uncertain);
    uncertain.field = IPL_MONTECARLO_DISCOUNT_RATE;
    uncertain.dist.kind = IPL_MONTECARLO_TRIANGULAR;
    uncertain.dist.a = 0.08;
    uncertain.dist.mode = 0.10;
    uncertain.dist.b = 0.14;
    right.income = &in;
    right.cost = NULL;
    opts.paths = 4096;
    opts.seed = 20241121;
    opts.threads = 1;
    if ((o->rc = ipl_montecarlo_new(&mc, &right, 1, &uncertain, 1, &opts,
                                    NULL)) < 0)
        return;
    o->mc_mean = ipl_montecarlo_mean(mc);
    o->mc_p5 = ipl_montecarlo_quantile(mc, 0.05);
    ipl_montecarlo_free(mc);
}

static void
decide(outcome *o, const ipl_policy *policy)
{
    ipl_pledge_right r = IPL_PLEDGE_RIGHT_INIT;
    ipl_pledge_request q = IPL_PLEDGE_REQUEST_INIT;
    ipl_pledge *d;

    r.type = IPL_RIGHT_INVENTION;
    r.status = IPL_STATUS_IN_FORCE;
    r.value.minor = (int64_t)(o->value * 100);
    memcpy(r.value.currency, "CNY", 4);
    r.expiry.year = 2041;
    r.expiry.month = 8;
    r.expiry.day = 26;
    q.start.year = 2024;
    q.start.month = 1;
    q.start.day = 15;
    q.tenor_months = 36;
    q.firm_age_years = 5;
    if ((o->rc = ipl_pledge_new(&d, ipl_policy_pledge_rules(policy), &q, &r, 1,
                                NULL)) < 0)
        return;
    o->max_loan = ipl_pledge_max_loan(d)->minor;
    ipl_pledge_free(d);
}

static void *
work(void *arg)
{
    job *j = arg;

    memset(&j->result, 0, sizeof j->result);
    read_samples(&j->result);
    if (j->result.rc == IPL_OK)
        value_and_simulate(&j->result);
    if (j->result.rc == IPL_OK)
        decide(&j->result, j->policy);
    return NULL;
}

START_TEST(test_threads_agree_with_one)
{
    ipl_policy *policy;
    job alone, jobs[THREADS];
    pthread_t tid[THREADS];
    int i;

    ck_assert_int_eq(ipl_policy_preset(&policy, "bank-conservative", NULL), IPL_OK);
    alone.policy = policy;
    work(&alone);
    ck_assert_int_eq(alone.result.rc, IPL_OK);
    ck_assert_uint_ge(alone.result.records, NSAMPLES);
    /* 25 % of the declining patent's value. */
    ck_assert_int_gt(alone.result.max_loan, 0);

    for (i = 0; i < THREADS; i++) {
        jobs[i].policy = policy;
        ck_assert_int_eq(pthread_create(&tid[i], NULL, work, &jobs[i]), 0);
    }
    for (i = 0; i < THREADS; i++) {
        ck_assert_int_eq(pthread_join(tid[i], NULL), 0);
        ck_assert_int_eq(jobs[i].result.rc, IPL_OK);
        ck_assert_uint_eq(jobs[i].result.records, alone.result.records);
        ck_assert_uint_eq(jobs[i].result.title_bytes, alone.result.title_bytes);
        ck_assert(iplt_same_double(jobs[i].result.value, alone.result.value));
        ck_assert(iplt_same_double(jobs[i].result.mc_mean, alone.result.mc_mean));
        ck_assert(iplt_same_double(jobs[i].result.mc_p5, alone.result.mc_p5));
        ck_assert_int_eq(jobs[i].result.max_loan, alone.result.max_loan);
    }
    ipl_policy_free(policy);
}
END_TEST

static Suite *
threads_suite(void)
{
    Suite *s = suite_create("threads");
    TCase *tc = tcase_create("threads");

    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_threads_agree_with_one);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    int rc;

    /* libxml2 and GSL are set up here, before any thread starts. */
    ipl_init();
    rc = iplt_run(threads_suite());
    ipl_shutdown();
    return rc;
}
