/* Allocation behaviour of appraisals and their reports (oom_api.h): the
 * chain over the example cases of examples/cases/, the accessors, and
 * the report writers (of appraisals, valuations and lending results). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipledge/appraisal.h"
#include "ipledge/policy.h"
#include "ipledge/report.h"
#include "oom_api.h"

static const char *
case_path(const char *name)
{
    static char buf[4096];
    const char *root = getenv("IPL_SRCDIR");

    ck_assert_msg(root != NULL && root[0] != '\0', "IPL_SRCDIR is not set (run through "
                  "make check)");
    snprintf(buf, sizeof buf, "%s/examples/cases/%s", root, name);
    return buf;
}

/* A case and, unless only the case is wanted, its appraisal. */
typedef struct appraised {
    ipl_case *c;
    ipl_appraisal *a;
} appraised;

static int
setup(void **state, const char *name, int appraise)
{
    appraised *s = calloc(1, sizeof *s);
    int rc;

    ck_assert_ptr_nonnull(s);
    *state = s;
    if ((rc = ipl_case_load_file(&s->c, case_path(name), NULL)) < 0 || !appraise)
        return rc;
    return ipl_appraisal_new(&s->a, s->c, NULL, NULL);
}

static void
teardown(void *state)
{
    appraised *s = state;

    ipl_appraisal_free(s->a);
    ipl_case_free(s->c);
    free(s);
}

/* Dongguan: a subsidy, two notes. Henan: a default. US: a simulation. */
static int dongguan_case(void **state) { return setup(state, "dongguan-invention.xml", 0); }
static int dongguan(void **state) { return setup(state, "dongguan-invention.xml", 1); }
static int henan(void **state) { return setup(state, "henan-default.xml", 1); }
static int us(void **state) { return setup(state, "us-patent.xml", 1); }

static const iplt_fixture dongguan_case_fixture = { dongguan_case, teardown };
static const iplt_fixture dongguan_fixture = { dongguan, teardown };
static const iplt_fixture henan_fixture = { henan, teardown };
static const iplt_fixture us_fixture = { us, teardown };

#define A(ctx) (((const appraised *)(ctx))->a)

/* ---- the chain ---- */

static int
appraisal_options_init(void *ctx)
{
    ipl_appraisal_options o;

    (void)ctx;
    memset(&o, 0xff, sizeof o);
    return IPLT_EXPECT(ipl_appraisal_options_init(&o, IPL_APPRAISAL_OPTIONS_VERSION) == IPL_OK &&
                       o.n_record_dirs == 0 && o.loan_rounding == IPL_ROUND_DEFAULT);
}

static int
appraisal_new(void *ctx)
{
    ipl_appraisal *a = NULL;
    int rc = ipl_appraisal_new(&a, ((const appraised *)ctx)->c, NULL, IPLT_ERR);

    if (rc < 0)
        return rc;
    rc = IPLT_EXPECT(ipl_appraisal_right_get(a, 0)->value.minor == 189539338 &&
                     ipl_appraisal_subsidy_count(a) == 1);
    ipl_appraisal_free(a);
    return rc;
}

static int
appraisal_free(void *ctx)
{
    appraised *s = ctx;

    ipl_appraisal_free(s->a);
    ipl_case_free(s->c);
    free(s);
    return IPL_OK;
}

/* ---- accessors ---- */

static int
appraisal_case(void *ctx)
{
    return IPLT_EXPECT(ipl_appraisal_case(A(ctx)) == ((const appraised *)ctx)->c);
}

static int
appraisal_right_count(void *ctx)
{
    return IPLT_EXPECT(ipl_appraisal_right_count(A(ctx)) == 1);
}

static int
appraisal_right_get(void *ctx)
{
    return IPLT_EXPECT(ipl_appraisal_right_get(A(ctx), 0)->value.minor == 189539338 &&
                       ipl_appraisal_right_get(A(ctx), 1) == NULL);
}

static int
appraisal_assumptions(void *ctx)
{
    return IPLT_EXPECT(ipl_appraisal_assumptions(A(ctx), 0) != NULL);
}

static int
appraisal_value_count(void *ctx)
{
    return IPLT_EXPECT(ipl_appraisal_value_count(A(ctx), 0) == 1);
}

static int
appraisal_value_at(void *ctx)
{
    return IPLT_EXPECT(ipl_appraisal_value_at(A(ctx), 0, 0) != NULL);
}

static int
appraisal_montecarlo(void *ctx)
{
    const ipl_montecarlo *mc = ipl_appraisal_montecarlo(A(ctx), 0);

    return IPLT_EXPECT(mc != NULL && ipl_montecarlo_paths(mc) == 4000);
}

static int
appraisal_policy(void *ctx)
{
    return IPLT_EXPECT(strcmp(ipl_policy_name(ipl_appraisal_policy(A(ctx))), "dongguan") == 0);
}

static int
appraisal_policy_path(void *ctx)
{
    return IPLT_EXPECT(strcmp(ipl_appraisal_policy_path(A(ctx)), "") == 0);
}

static int
appraisal_pledge(void *ctx)
{
    return IPLT_EXPECT(ipl_pledge_collateral(ipl_appraisal_pledge(A(ctx)))->minor == 47384834);
}

static int
appraisal_eligible(void *ctx)
{
    return IPLT_EXPECT(ipl_appraisal_eligible(A(ctx)) == 1);
}

static int
appraisal_loan_terms(void *ctx)
{
    return IPLT_EXPECT(ipl_appraisal_loan_terms(A(ctx))->principal.minor == 45000000);
}

static int
appraisal_loan(void *ctx)
{
    return IPLT_EXPECT(ipl_loan_schedule_count(ipl_appraisal_loan(A(ctx))) == 12);
}

static int
appraisal_subsidy_count(void *ctx)
{
    return IPLT_EXPECT(ipl_appraisal_subsidy_count(A(ctx)) == 1);
}

static int
appraisal_subsidy_get(void *ctx)
{
    return IPLT_EXPECT(strcmp(ipl_appraisal_subsidy_get(A(ctx), 0)->name, "appraisal-fee") == 0);
}

static int
appraisal_regime(void *ctx)
{
    const char *source = NULL;

    return IPLT_EXPECT(ipl_appraisal_regime(A(ctx), &source) != NULL && source != NULL);
}

static int
appraisal_outstanding(void *ctx)
{
    return IPLT_EXPECT(ipl_appraisal_outstanding(A(ctx))->minor == 25000004);
}

static int
appraisal_compensation(void *ctx)
{
    return IPLT_EXPECT(ipl_appraisal_compensation(A(ctx)) != NULL);
}

static int
appraisal_note_count(void *ctx)
{
    return IPLT_EXPECT(ipl_appraisal_note_count(A(ctx)) == 2);
}

static int
appraisal_note(void *ctx)
{
    return IPLT_EXPECT(strstr(ipl_appraisal_note(A(ctx), 0), "not found") != NULL);
}

/* ---- reports ---- */

static int
discard(void *ctx, const char *bytes, size_t n)
{
    *(size_t *)ctx += n;
    (void)bytes;
    return 0;
}

static int
report_format_from_name(void *ctx)
{
    ipl_report_format f = IPL_REPORT_TEXT;

    (void)ctx;
    return IPLT_EXPECT(ipl_report_format_from_name(&f, "xml", IPLT_ERR) == IPL_OK &&
                       f == IPL_REPORT_XML);
}

/* HTML: its charts allocate their data. */
static int
report_appraisal(void *ctx)
{
    size_t n = 0;
    int rc = ipl_report_appraisal(A(ctx), IPL_REPORT_HTML, discard, &n, IPLT_ERR);

    return rc < 0 ? rc : IPLT_EXPECT(n > 1000);
}

static int
report_appraisal_string(void *ctx)
{
    char *s = NULL;
    size_t n = 0;
    int rc = ipl_report_appraisal_string(&s, &n, A(ctx), IPL_REPORT_JSON, IPLT_ERR);

    if (rc < 0)
        return rc;
    rc = IPLT_EXPECT(strstr(s, "\"max_loan\": \"473848.34\"") != NULL && strlen(s) == n);
    ipl_report_string_free(s);
    return rc;
}

/* A valuation with its simulation, written as JSON. */
static int
report_value(void *ctx)
{
    const ipl_value *vs[1];
    size_t n = 0;
    int rc;

    vs[0] = ipl_appraisal_value_at(A(ctx), 0, 0);
    rc = ipl_report_value(vs, 1, ipl_appraisal_montecarlo(A(ctx), 0), IPL_REPORT_JSON, discard,
                          &n, IPLT_ERR);
    return rc < 0 ? rc : IPLT_EXPECT(n > 1000);
}

static int
report_value_string(void *ctx)
{
    const ipl_value *vs[1];
    char *s = NULL;
    int rc;

    vs[0] = ipl_appraisal_value_at(A(ctx), 0, 0);
    rc = ipl_report_value_string(&s, NULL, vs, 1, ipl_appraisal_montecarlo(A(ctx), 0),
                                 IPL_REPORT_XML, IPLT_ERR);
    if (rc < 0)
        return rc;
    rc = IPLT_EXPECT(strstr(s, "<montecarlo paths=\"4000\"") != NULL);
    ipl_report_string_free(s);
    return rc;
}

/* ---- the lending results, taken from the appraisals (the loan and
 *      subsidy of Dongguan, the compensation of Henan), and a pledge
 *      decision made here ---- */

static int
report_loan(void *ctx)
{
    size_t n = 0;
    int rc = ipl_report_loan(ipl_appraisal_loan(A(ctx)), ipl_appraisal_loan_terms(A(ctx)),
                             IPL_REPORT_CSV, discard, &n, IPLT_ERR);

    return rc < 0 ? rc : IPLT_EXPECT(n > 500);
}

static int
report_loan_string(void *ctx)
{
    char *s = NULL;
    int rc = ipl_report_loan_string(&s, NULL, ipl_appraisal_loan(A(ctx)),
                                    ipl_appraisal_loan_terms(A(ctx)), IPL_REPORT_XML,
                                    IPLT_ERR);

    if (rc < 0)
        return rc;
    rc = IPLT_EXPECT(strstr(s, "<residual period=") != NULL);
    ipl_report_string_free(s);
    return rc;
}

static const ipl_subsidy_schedule *
first_subsidy(void *ctx)
{
    return ipl_appraisal_subsidy_get(A(ctx), 0)->schedule;
}

static int
report_subsidy(void *ctx)
{
    size_t n = 0;
    int rc = ipl_report_subsidy(first_subsidy(ctx), IPL_REPORT_TEXT, discard, &n, IPLT_ERR);

    return rc < 0 ? rc : IPLT_EXPECT(n > 100);
}

static int
report_subsidy_string(void *ctx)
{
    char *s = NULL;
    int rc = ipl_report_subsidy_string(&s, NULL, first_subsidy(ctx), IPL_REPORT_JSON,
                                       IPLT_ERR);

    if (rc < 0)
        return rc;
    rc = IPLT_EXPECT(strstr(s, "\"capped\": ") != NULL);
    ipl_report_string_free(s);
    return rc;
}

static int
report_compensation(void *ctx)
{
    size_t n = 0;
    int rc = ipl_report_compensation(ipl_appraisal_compensation(A(ctx)), IPL_REPORT_XML,
                                     discard, &n, IPLT_ERR);

    return rc < 0 ? rc : IPLT_EXPECT(n > 100);
}

static int
report_compensation_string(void *ctx)
{
    char *s = NULL;
    int rc = ipl_report_compensation_string(&s, NULL, ipl_appraisal_compensation(A(ctx)),
                                            IPL_REPORT_CSV, IPLT_ERR);

    if (rc < 0)
        return rc;
    rc = IPLT_EXPECT(strncmp(s, "record,date,party,", 18) == 0);
    ipl_report_string_free(s);
    return rc;
}

/* A decision on one invention under the Dongguan preset. */
typedef struct decided {
    ipl_policy *policy;
    ipl_pledge_request q;
    ipl_pledge_right right;
    ipl_pledge *p;
} decided;

static void
decided_teardown(void *state)
{
    decided *d = state;

    ipl_pledge_free(d->p);
    ipl_policy_free(d->policy);
    free(d);
}

static int
decided_setup(void **state)
{
    decided *d = calloc(1, sizeof *d);
    int rc;

    ck_assert_ptr_nonnull(d);
    *state = d;
    d->q = (ipl_pledge_request)IPL_PLEDGE_REQUEST_INIT;
    d->q.start = iplt_api_ymd(2024, 1, 15);
    d->q.tenor_months = 36;
    d->q.firm_age_years = 6;
    d->right = (ipl_pledge_right)IPL_PLEDGE_RIGHT_INIT;
    d->right.type = IPL_RIGHT_INVENTION;
    d->right.status = IPL_STATUS_IN_FORCE;
    d->right.value = iplt_api_cny(400000000);
    d->right.expiry = iplt_api_ymd(2035, 8, 10);
    d->right.registered = iplt_api_ymd(2017, 3, 1);
    if ((rc = ipl_policy_preset(&d->policy, "dongguan", NULL)) < 0)
        return rc;
    return ipl_pledge_new(&d->p, ipl_policy_pledge_rules(d->policy), &d->q, &d->right, 1,
                          NULL);
}

static const iplt_fixture decided_fixture = { decided_setup, decided_teardown };

static int
report_pledge(void *ctx)
{
    const decided *d = ctx;
    size_t n = 0;
    int rc = ipl_report_pledge(d->p, d->policy, &d->q, &d->right, 1, IPL_REPORT_JSON, discard,
                               &n, IPLT_ERR);

    return rc < 0 ? rc : IPLT_EXPECT(n > 100);
}

static int
report_pledge_string(void *ctx)
{
    const decided *d = ctx;
    char *s = NULL;
    int rc = ipl_report_pledge_string(&s, NULL, d->p, d->policy, &d->q, &d->right, 1,
                                      IPL_REPORT_TEXT, IPLT_ERR);

    if (rc < 0)
        return rc;
    rc = IPLT_EXPECT(strstr(s, "Eligible          yes\n") != NULL);
    ipl_report_string_free(s);
    return rc;
}

/* The fixture: a report string alone. */
static void
string_teardown(void *state)
{
    ipl_report_string_free(state);
}

static int
report_string_setup(void **state)
{
    appraised *s = NULL;
    int rc = dongguan((void **)&s);

    if (rc == IPL_OK)
        rc = ipl_report_appraisal_string((char **)state, NULL, s->a, IPL_REPORT_TEXT, NULL);
    teardown(s);
    return rc;
}

static const iplt_fixture report_string_fixture = { report_string_setup, string_teardown };

static int
report_string_free(void *ctx)
{
    ipl_report_string_free(ctx);
    return IPL_OK;
}

const iplt_api iplt_api_reports[] = {
    IPLT_API(IPLT_NO_ALLOC, ipl_appraisal_options_init, appraisal_options_init, NULL),
    IPLT_API(IPLT_OOM, ipl_appraisal_new, appraisal_new, &dongguan_case_fixture),
    IPLT_API(IPLT_FREES, ipl_appraisal_free, appraisal_free, &henan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_appraisal_case, appraisal_case, &dongguan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_appraisal_right_count, appraisal_right_count, &dongguan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_appraisal_right_get, appraisal_right_get, &dongguan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_appraisal_assumptions, appraisal_assumptions, &dongguan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_appraisal_value_count, appraisal_value_count, &dongguan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_appraisal_value_at, appraisal_value_at, &dongguan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_appraisal_montecarlo, appraisal_montecarlo, &us_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_appraisal_policy, appraisal_policy, &dongguan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_appraisal_policy_path, appraisal_policy_path, &dongguan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_appraisal_pledge, appraisal_pledge, &dongguan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_appraisal_eligible, appraisal_eligible, &dongguan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_appraisal_loan_terms, appraisal_loan_terms, &dongguan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_appraisal_loan, appraisal_loan, &dongguan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_appraisal_subsidy_count, appraisal_subsidy_count,
             &dongguan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_appraisal_subsidy_get, appraisal_subsidy_get, &dongguan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_appraisal_regime, appraisal_regime, &henan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_appraisal_outstanding, appraisal_outstanding, &henan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_appraisal_compensation, appraisal_compensation, &henan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_appraisal_note_count, appraisal_note_count, &dongguan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_appraisal_note, appraisal_note, &dongguan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_report_format_from_name, report_format_from_name, NULL),
    IPLT_API(IPLT_OOM, ipl_report_appraisal, report_appraisal, &dongguan_fixture),
    IPLT_API(IPLT_OOM, ipl_report_appraisal_string, report_appraisal_string, &dongguan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_report_value, report_value, &us_fixture),
    IPLT_API(IPLT_OOM, ipl_report_value_string, report_value_string, &us_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_report_loan, report_loan, &dongguan_fixture),
    IPLT_API(IPLT_OOM, ipl_report_loan_string, report_loan_string, &dongguan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_report_subsidy, report_subsidy, &dongguan_fixture),
    IPLT_API(IPLT_OOM, ipl_report_subsidy_string, report_subsidy_string, &dongguan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_report_compensation, report_compensation, &henan_fixture),
    IPLT_API(IPLT_OOM, ipl_report_compensation_string, report_compensation_string,
             &henan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_report_pledge, report_pledge, &decided_fixture),
    IPLT_API(IPLT_OOM, ipl_report_pledge_string, report_pledge_string, &decided_fixture),
    IPLT_API(IPLT_FREES, ipl_report_string_free, report_string_free, &report_string_fixture),
    IPLT_API_END
};
