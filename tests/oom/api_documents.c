/* Allocation behaviour of the documents a lender loads: policies and
 * cases (oom_api.h). */
#include <string.h>

#include "ipledge/case.h"
#include "ipledge/policy.h"
#include "oom_api.h"

/* Dongguan: sources, unpublished items, a compensation regime with a
 * bank cap share, and a fee subsidy. */
static int
policy_setup(void **state)
{
    return ipl_policy_preset((ipl_policy **)state, "dongguan", IPLT_ERR);
}

static void
policy_teardown(void *state)
{
    ipl_policy_free(state);
}

static const iplt_fixture policy_fixture = { policy_setup, policy_teardown };

static int
case_setup(void **state)
{
    return ipl_case_load_file((ipl_case **)state, iplt_api_path("vectors", "case/full.xml"),
                              IPLT_ERR);
}

static void
case_teardown(void *state)
{
    ipl_case_free(state);
}

static const iplt_fixture case_fixture = { case_setup, case_teardown };

/* ---- policies ---- */

#define POLICY_FILE "policy/bank-with-monitoring.xml"

static int
policy_file_setup(void **state)
{
    return ipl_policy_load_file((ipl_policy **)state, iplt_api_path("vectors", POLICY_FILE),
                                NULL);
}

static int
henan_setup(void **state)
{
    return ipl_policy_preset((ipl_policy **)state, "henan", NULL);
}

static int
xianning_setup(void **state)
{
    return ipl_policy_preset((ipl_policy **)state, "xianning-4321", NULL);
}

static const iplt_fixture policy_file_fixture = { policy_file_setup, policy_teardown };
static const iplt_fixture henan_fixture = { henan_setup, policy_teardown };
static const iplt_fixture xianning_fixture = { xianning_setup, policy_teardown };

static int
same_text(const char *a, const char *b)
{
    return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* p, loaded with allocations failing before, is the policy want loaded
 * without: compares what the accessors show, then frees p. */
static int
same_policy(ipl_policy *p, const ipl_policy *want)
{
    const ipl_pledge_caps *a = ipl_pledge_rules_caps(ipl_policy_pledge_rules(p));
    const ipl_pledge_caps *b = ipl_pledge_rules_caps(ipl_policy_pledge_rules(want));
    int same = same_text(ipl_policy_name(p), ipl_policy_name(want)) &&
               same_text(ipl_policy_title(p), ipl_policy_title(want)) &&
               same_text(ipl_policy_pledge_origin(p), ipl_policy_pledge_origin(want)) &&
               ipl_policy_source_count(p) == ipl_policy_source_count(want) &&
               ipl_policy_unpublished_count(p) == ipl_policy_unpublished_count(want) &&
               ipl_policy_subsidy_count(p) == ipl_policy_subsidy_count(want) &&
               a->max_tenor_months == b->max_tenor_months &&
               iplt_same_double(a->maintenance_ltv, b->maintenance_ltv) &&
               a->max_loan == b->max_loan;

    ipl_policy_free(p);
    return IPLT_EXPECT(same);
}

static int
policy_load_file(void *ctx)
{
    ipl_policy *p;
    int rc = ipl_policy_load_file(&p, iplt_api_path("vectors", POLICY_FILE), IPLT_ERR);

    return rc < 0 ? rc : same_policy(p, ctx);
}

static int
policy_load_memory(void *ctx)
{
    size_t size;
    const char *doc = ipl_policy_preset_document("henan", &size);
    ipl_policy *p;
    int rc = ipl_policy_load_memory(&p, doc, size, "henan", IPLT_ERR);

    return rc < 0 ? rc : same_policy(p, ctx);
}

static int
policy_preset(void *ctx)
{
    ipl_policy *p;
    int rc = ipl_policy_preset(&p, "xianning-4321", IPLT_ERR);

    return rc < 0 ? rc : same_policy(p, ctx);
}

static int
policy_free(void *ctx)
{
    ipl_policy_free(ctx);
    return IPL_OK;
}

static int
policy_preset_count(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(ipl_policy_preset_count() >= 8);
}

static int
policy_preset_name(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(ipl_policy_preset_name(0) != NULL);
}

static int
policy_preset_document(void *ctx)
{
    size_t size = 0;

    (void)ctx;
    return IPLT_EXPECT(ipl_policy_preset_document("dongguan", &size) != NULL && size > 0);
}

static int
policy_schema(void *ctx)
{
    size_t size = 0;

    (void)ctx;
    return IPLT_EXPECT(ipl_policy_schema(&size) != NULL && size > 0);
}

static int
policy_name(void *ctx)
{
    return IPLT_EXPECT(strcmp(ipl_policy_name(ctx), "dongguan") == 0);
}

static int
policy_title(void *ctx)
{
    return IPLT_EXPECT(ipl_policy_title(ctx) != NULL);
}

static int
policy_currency(void *ctx)
{
    return IPLT_EXPECT(strcmp(ipl_policy_currency(ctx), "CNY") == 0);
}

static int
policy_source_count(void *ctx)
{
    return IPLT_EXPECT(ipl_policy_source_count(ctx) > 0);
}

static int
policy_source(void *ctx)
{
    ipl_date d;
    const char *ref;

    return IPLT_EXPECT(ipl_policy_source(ctx, 0, &d, &ref) != NULL);
}

static int
policy_unpublished_count(void *ctx)
{
    return IPLT_EXPECT(ipl_policy_unpublished_count(ctx) > 0);
}

static int
policy_unpublished(void *ctx)
{
    const char *what;

    return IPLT_EXPECT(ipl_policy_unpublished(ctx, 0, &what) != NULL);
}

static int
policy_pledge_rules(void *ctx)
{
    return IPLT_EXPECT(ipl_policy_pledge_rules(ctx) != NULL);
}

static int
policy_pledge_origin(void *ctx)
{
    return IPLT_EXPECT(ipl_policy_pledge_origin(ctx) != NULL);
}

static int
policy_compensation(void *ctx)
{
    ipl_compensation_regime r;

    return IPLT_EXPECT(ipl_policy_compensation(ctx, NULL, 0, &r, IPLT_ERR) == IPL_OK &&
                       r.tiers[0].shares[0] == 10000);
}

static int
policy_bank_cap_share(void *ctx)
{
    double lo, hi;

    return IPLT_EXPECT(ipl_policy_bank_cap_share(ctx, &lo, &hi) == 1 && lo < hi);
}

static int
policy_subsidy_count(void *ctx)
{
    return IPLT_EXPECT(ipl_policy_subsidy_count(ctx) == 2);
}

static int
policy_subsidy(void *ctx)
{
    ipl_subsidy_rule r;
    const char *kind;

    return IPLT_EXPECT(ipl_policy_subsidy(ctx, 1, 0.0345, &r, &kind, IPLT_ERR) == IPL_OK &&
                       strcmp(kind, "appraisal-fee") == 0);
}

/* ---- cases ---- */

/* The same case as the fixture's, loaded without a failure. */
static int
case_load_file(void *ctx)
{
    ipl_case *c;
    int rc = ipl_case_load_file(&c, iplt_api_path("vectors", "case/full.xml"), IPLT_ERR);
    size_t i;

    if (rc < 0)
        return rc;
    rc = ipl_case_right_count(c) == ipl_case_right_count(ctx) &&
         same_text(ipl_case_title(c), ipl_case_title(ctx)) &&
         same_text(ipl_case_policy(c, NULL), ipl_case_policy(ctx, NULL)) &&
         ipl_case_loan_get(c)->amount.minor == ipl_case_loan_get(ctx)->amount.minor &&
         ipl_case_default_get(c)->n_parties == ipl_case_default_get(ctx)->n_parties;
    for (i = 0; rc && i < ipl_case_right_count(c); i++)
        rc = same_text(ipl_case_right_get(c, i)->number, ipl_case_right_get(ctx, i)->number);
    ipl_case_free(c);
    return IPLT_EXPECT(rc);
}

static int
case_load_memory(void *ctx)
{
    static const char doc[] =
        "<case xmlns='urn:ipledge:case:1' currency='USD' date='2025-01-31'>\n"
        "<borrower name='B'/>\n"
        "<rights><right number='US 9,000,000' type='invention' valuation='v.xml'/></rights>\n"
        "<policy file='p.xml'/>\n"
        "<loan amount='10' start='2025-02-01' months='12' rate='0.05' method='bullet'/>\n"
        "</case>\n";
    ipl_case *c;
    int rc = ipl_case_load_memory(&c, doc, sizeof doc - 1, "dir/m.xml", IPLT_ERR);

    (void)ctx;
    if (rc < 0)
        return rc;
    rc = IPLT_EXPECT(strcmp(ipl_case_currency(c), "USD") == 0 &&
                     strcmp(ipl_case_right_get(c, 0)->number, "US 9,000,000") == 0 &&
                     ipl_case_loan_get(c)->months == 12);
    ipl_case_free(c);
    return rc;
}

static int
case_free(void *ctx)
{
    ipl_case_free(ctx);
    return IPL_OK;
}

static int
case_schema(void *ctx)
{
    size_t size = 0;

    (void)ctx;
    return IPLT_EXPECT(ipl_case_schema(&size) != NULL && size > 0);
}

static int
case_label(void *ctx)
{
    return IPLT_EXPECT(strstr(ipl_case_label(ctx), "full.xml") != NULL);
}

static int
case_title(void *ctx)
{
    return IPLT_EXPECT(strcmp(ipl_case_title(ctx), "A test case") == 0);
}

static int
case_currency(void *ctx)
{
    return IPLT_EXPECT(strcmp(ipl_case_currency(ctx), "CNY") == 0);
}

static int
case_date(void *ctx)
{
    return IPLT_EXPECT(ipl_case_date(ctx).year == 2024);
}

static int
case_borrower(void *ctx)
{
    double years = 0;
    const char *industry = NULL;

    return IPLT_EXPECT(strcmp(ipl_case_borrower(ctx, &years, &industry), "Test Co.") == 0 &&
                       iplt_same_double(years, 6.5) && strcmp(industry, "C39") == 0);
}

static int
case_right_count(void *ctx)
{
    return IPLT_EXPECT(ipl_case_right_count(ctx) == 2);
}

static int
case_right_get(void *ctx)
{
    return IPLT_EXPECT(strcmp(ipl_case_right_get(ctx, 1)->number, "12345678") == 0);
}

static int
case_policy(void *ctx)
{
    int is_file = -1;

    return IPLT_EXPECT(strcmp(ipl_case_policy(ctx, &is_file), "henan") == 0 && is_file == 0);
}

static int
case_loan_get(void *ctx)
{
    return IPLT_EXPECT(ipl_case_loan_get(ctx)->months == 36);
}

static int
case_default_get(void *ctx)
{
    return IPLT_EXPECT(ipl_case_default_get(ctx)->n_recoveries == 2);
}

static int
case_path(void *ctx)
{
    char buf[4096];

    return IPLT_EXPECT(ipl_case_path(buf, sizeof buf, ctx, "/abs/tm.xml", IPLT_ERR) >= 0 &&
                       strcmp(buf, "/abs/tm.xml") == 0);
}

const iplt_api iplt_api_documents[] = {
    IPLT_API(IPLT_OOM, ipl_policy_load_file, policy_load_file, &policy_file_fixture),
    IPLT_API(IPLT_OOM, ipl_policy_load_memory, policy_load_memory, &henan_fixture),
    IPLT_API(IPLT_OOM, ipl_policy_preset, policy_preset, &xianning_fixture),
    IPLT_API(IPLT_FREES, ipl_policy_free, policy_free, &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_preset_count, policy_preset_count, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_preset_name, policy_preset_name, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_preset_document, policy_preset_document, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_schema, policy_schema, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_name, policy_name, &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_title, policy_title, &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_currency, policy_currency, &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_source_count, policy_source_count, &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_source, policy_source, &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_unpublished_count, policy_unpublished_count,
             &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_unpublished, policy_unpublished, &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_pledge_rules, policy_pledge_rules, &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_pledge_origin, policy_pledge_origin, &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_compensation, policy_compensation, &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_bank_cap_share, policy_bank_cap_share,
             &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_subsidy_count, policy_subsidy_count, &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_subsidy, policy_subsidy, &policy_fixture),
    IPLT_API(IPLT_OOM, ipl_case_load_file, case_load_file, &case_fixture),
    IPLT_API(IPLT_OOM, ipl_case_load_memory, case_load_memory, NULL),
    IPLT_API(IPLT_FREES, ipl_case_free, case_free, &case_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_schema, case_schema, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_label, case_label, &case_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_title, case_title, &case_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_currency, case_currency, &case_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_date, case_date, &case_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_borrower, case_borrower, &case_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_right_count, case_right_count, &case_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_right_get, case_right_get, &case_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_policy, case_policy, &case_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_loan_get, case_loan_get, &case_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_default_get, case_default_get, &case_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_path, case_path, &case_fixture),
    IPLT_API_END
};
