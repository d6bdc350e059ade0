/* Allocation behaviour of lending schedules: loans, subsidies and
 * compensation (oom_api.h). */
#include <string.h>

#include "ipledge/compensation.h"
#include "ipledge/loan.h"
#include "ipledge/subsidy.h"
#include "oom_api.h"

/* ---- loans and subsidies ---- */

/* CNY 1,200,000.00 over 12 months at 4.35 %, equal principal, 30/360. */
static ipl_loan_terms
terms(void)
{
    ipl_loan_terms t = IPL_LOAN_TERMS_INIT;

    t.principal = iplt_api_cny(120000000);
    t.start = iplt_api_ymd(2024, 1, 15);
    t.periods = 12;
    t.method = IPL_LOAN_EQUAL_PRINCIPAL;
    t.rate = 0.0435;
    t.daycount = IPL_DC_30_360;
    return t;
}

static ipl_subsidy_rule
half_of_interest(void)
{
    ipl_subsidy_rule r;

    ipl_subsidy_rule_init(&r, IPL_SUBSIDY_RULE_VERSION);
    r.base = IPL_SUBSIDY_ACTUAL_INTEREST;
    r.share = 0.5;
    return r;
}

static int
loan_setup(void **state)
{
    ipl_loan_terms t = terms();

    return ipl_loan_schedule_new((ipl_loan_schedule **)state, &t, IPLT_ERR);
}

static void
loan_teardown(void *state)
{
    ipl_loan_schedule_free(state);
}

static const iplt_fixture loan_fixture = { loan_setup, loan_teardown };

static int
subsidy_setup(void **state)
{
    ipl_loan_schedule *loan;
    ipl_subsidy_rule r = half_of_interest();
    int rc;

    if ((rc = loan_setup((void **)&loan)) < 0)
        return rc;
    rc = ipl_subsidy_schedule_new((ipl_subsidy_schedule **)state, loan, &r, IPLT_ERR);
    ipl_loan_schedule_free(loan);
    return rc;
}

static void
subsidy_teardown(void *state)
{
    ipl_subsidy_schedule_free(state);
}

static const iplt_fixture subsidy_fixture = { subsidy_setup, subsidy_teardown };

static int
loan_terms_init(void *ctx)
{
    ipl_loan_terms t;

    (void)ctx;
    return IPLT_EXPECT(ipl_loan_terms_init(&t, IPL_LOAN_TERMS_VERSION) == IPL_OK &&
                       t.version == IPL_LOAN_TERMS_VERSION);
}

static int
loan_schedule_new(void *ctx)
{
    ipl_loan_terms t = terms();
    ipl_loan_schedule *s;
    int rc = ipl_loan_schedule_new(&s, &t, IPLT_ERR);

    if (rc < 0)
        return rc;
    /* The same totals as the fixture's, built without a failure. */
    rc = IPLT_EXPECT(ipl_loan_schedule_totals(s)->interest.minor ==
                     ipl_loan_schedule_totals(ctx)->interest.minor &&
                     ipl_loan_schedule_totals(s)->payment.minor ==
                     ipl_loan_schedule_totals(ctx)->payment.minor);
    ipl_loan_schedule_free(s);
    return rc;
}

static int
loan_batch_outputs_init(void *ctx)
{
    ipl_loan_batch_outputs o;

    (void)ctx;
    return IPLT_EXPECT(ipl_loan_batch_outputs_init(&o, IPL_LOAN_BATCH_OUTPUTS_VERSION)
                       == IPL_OK && o.version == IPL_LOAN_BATCH_OUTPUTS_VERSION);
}

/* Four fixed-rate loans (the lanes) and a fifth alone, with every
 * output: nothing allocated, the fixture's figures. */
static int
loan_schedule_batch(void *ctx)
{
    ipl_loan_terms t[5];
    int64_t instalment[5], interest[5], repaid[5], rows_i[5 * 12], rows_p[5 * 12],
            rows_b[5 * 12];
    unsigned int rows[5];
    ipl_loan_batch_outputs o = IPL_LOAN_BATCH_OUTPUTS_INIT;
    size_t i;
    int rc;

    for (i = 0; i < 5; i++)
        t[i] = terms();
    o.instalment = instalment;
    o.interest = interest;
    o.repaid = repaid;
    o.rows = rows;
    o.stride = 12;
    o.row_interest = rows_i;
    o.row_principal = rows_p;
    o.row_balance = rows_b;
    if ((rc = ipl_loan_schedule_batch(&o, t, 5, IPLT_ERR)) < 0)
        return rc;
    return IPLT_EXPECT(interest[0] == ipl_loan_schedule_totals(ctx)->interest.minor
                       && repaid[4] == ipl_loan_schedule_totals(ctx)->payment.minor
                       && rows[4] == 12 && rows_p[4 * 12] == 10000000
                       && rows_b[4 * 12 + 11] == 0);
}

static int
loan_schedule_free(void *ctx)
{
    ipl_loan_schedule_free(ctx);
    return IPL_OK;
}

static int
loan_schedule_count(void *ctx)
{
    return IPLT_EXPECT(ipl_loan_schedule_count(ctx) == 12);
}

static int
loan_schedule_row(void *ctx)
{
    /* 1,200,000.00 / 12 = 100,000.00 a month. */
    return IPLT_EXPECT(ipl_loan_schedule_row(ctx, 0)->principal.minor == 10000000);
}

static int
loan_schedule_totals(void *ctx)
{
    return IPLT_EXPECT(ipl_loan_schedule_totals(ctx)->principal.minor == 120000000);
}

static int
loan_schedule_residual(void *ctx)
{
    ipl_money m;

    /* The residual sits in the last row. */
    return IPLT_EXPECT(ipl_loan_schedule_residual(&m, ctx, IPLT_ERR) == 11);
}

static int
loan_schedule_daycount(void *ctx)
{
    return IPLT_EXPECT(ipl_loan_schedule_daycount(ctx) == IPL_DC_30_360);
}

static int
loan_schedule_rounding(void *ctx)
{
    return IPLT_EXPECT(ipl_loan_schedule_rounding(ctx) != IPL_ROUND_DEFAULT);
}

static int
loan_instalment(void *ctx)
{
    ipl_money p = iplt_api_cny(100000000), out;

    (void)ctx;
    /* Zero rate: 1,000,000.00 / 24 = 41,666.666... → 41,666.67. */
    return IPLT_EXPECT(ipl_loan_instalment(&out, &p, 0.0, IPL_LOAN_MONTHLY, 24,
                                           IPL_ROUND_HALF_EVEN, IPLT_ERR) == IPL_OK &&
                       out.minor == 4166667);
}

static int
loan_method_name(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(ipl_loan_method_name(IPL_LOAN_BULLET) != NULL);
}

static int
loan_method_from_name(void *ctx)
{
    ipl_loan_method m;

    (void)ctx;
    return IPLT_EXPECT(ipl_loan_method_from_name(&m, ipl_loan_method_name(IPL_LOAN_BULLET),
                                                 IPLT_ERR) == IPL_OK && m == IPL_LOAN_BULLET);
}

static int
loan_frequency_from_name(void *ctx)
{
    ipl_loan_frequency f;

    (void)ctx;
    return IPLT_EXPECT(ipl_loan_frequency_from_name(&f, "quarterly", IPLT_ERR) == IPL_OK &&
                       f == IPL_LOAN_QUARTERLY);
}

static int
subsidy_rule_init(void *ctx)
{
    ipl_subsidy_rule r;

    (void)ctx;
    return IPLT_EXPECT(ipl_subsidy_rule_init(&r, IPL_SUBSIDY_RULE_VERSION) == IPL_OK);
}

static int
subsidy_schedule_new(void *ctx)
{
    ipl_subsidy_rule r = half_of_interest();
    ipl_subsidy_schedule *s;
    int64_t diff;
    int rc = ipl_subsidy_schedule_new(&s, ctx, &r, IPLT_ERR);

    if (rc < 0)
        return rc;
    /* Half of each period's interest, each rounded: within a cent a
     * period of half the total. */
    diff = 2 * ipl_subsidy_schedule_totals(s)->subsidy.minor -
           ipl_loan_schedule_totals(ctx)->interest.minor;
    rc = IPLT_EXPECT(diff >= -12 && diff <= 12);
    ipl_subsidy_schedule_free(s);
    return rc;
}

static int
subsidy_schedule_free(void *ctx)
{
    ipl_subsidy_schedule_free(ctx);
    return IPL_OK;
}

static int
subsidy_schedule_count(void *ctx)
{
    return IPLT_EXPECT(ipl_subsidy_schedule_count(ctx) > 0);
}

static int
subsidy_schedule_row(void *ctx)
{
    return IPLT_EXPECT(ipl_subsidy_schedule_row(ctx, 0) != NULL);
}

static int
subsidy_schedule_totals(void *ctx)
{
    return IPLT_EXPECT(ipl_subsidy_schedule_totals(ctx)->paid.minor > 0);
}

/* ---- compensation ---- */

/* 4321: guarantor 40 %, re-guarantor 30 %, bank 20 %, fund 10 %. */
static ipl_compensation_regime
regime_4321(void)
{
    static const char *const names[] = { "guarantor", "re-guarantor", "bank", "fund" };
    static const ipl_compensation_role roles[] = {
        IPL_COMPENSATION_OTHER, IPL_COMPENSATION_OTHER, IPL_COMPENSATION_LENDER,
        IPL_COMPENSATION_FUND };
    static const int64_t bp[] = { 4000, 3000, 2000, 1000 };
    ipl_compensation_regime r;
    size_t i;

    ipl_compensation_regime_init(&r, IPL_COMPENSATION_REGIME_VERSION);
    r.n_parties = 4;
    r.n_tiers = 1;
    for (i = 0; i < 4; i++) {
        strcpy(r.parties[i].name, names[i]);
        r.parties[i].role = roles[i];
        r.tiers[0].shares[i] = bp[i];
    }
    return r;
}

static ipl_compensation_claim
claim(void)
{
    ipl_compensation_claim c;

    ipl_compensation_claim_init(&c, IPL_COMPENSATION_CLAIM_VERSION);
    c.npl_date = iplt_api_ymd(2024, 12, 31);
    c.outstanding_principal = iplt_api_cny(100000);
    c.outstanding_interest = iplt_api_cny(100);
    c.settlement_date = iplt_api_ymd(2025, 12, 31);
    return c;
}

static int
compensation_setup(void **state)
{
    ipl_compensation_regime r = regime_4321();
    ipl_compensation_claim c = claim();

    return ipl_compensation_new((ipl_compensation **)state, &r, &c, IPLT_ERR);
}

static void
compensation_teardown(void *state)
{
    ipl_compensation_free(state);
}

static const iplt_fixture compensation_fixture = { compensation_setup,
                                                   compensation_teardown };

static int
compensation_regime_init(void *ctx)
{
    ipl_compensation_regime r;

    (void)ctx;
    return IPLT_EXPECT(ipl_compensation_regime_init(&r, IPL_COMPENSATION_REGIME_VERSION) ==
                       IPL_OK);
}

static int
compensation_claim_init(void *ctx)
{
    ipl_compensation_claim c;

    (void)ctx;
    return IPLT_EXPECT(ipl_compensation_claim_init(&c, IPL_COMPENSATION_CLAIM_VERSION) ==
                       IPL_OK);
}

static int
compensation_new(void *ctx)
{
    ipl_compensation *c;
    int rc = compensation_setup((void **)&c);
    size_t i;

    if (rc < 0)
        return rc;
    /* The same shares as the fixture's, built without a failure. */
    for (i = 0; i < 4; i++)
        rc |= ipl_compensation_share_get(c, i)->final.minor !=
              ipl_compensation_share_get(ctx, i)->final.minor;
    ipl_compensation_free(c);
    return IPLT_EXPECT(rc == 0);
}

static int
compensation_free(void *ctx)
{
    ipl_compensation_free(ctx);
    return IPL_OK;
}

static int
compensation_statement_get(void *ctx)
{
    return IPLT_EXPECT(ipl_compensation_statement_get(ctx)->loss.minor > 0);
}

static int
compensation_share_count(void *ctx)
{
    return IPLT_EXPECT(ipl_compensation_share_count(ctx) == 4);
}

static int
compensation_share_get(void *ctx)
{
    return IPLT_EXPECT(ipl_compensation_share_get(ctx, 3) != NULL);
}

static int
compensation_flow_count(void *ctx)
{
    return IPLT_EXPECT(ipl_compensation_flow_count(ctx) > 0);
}

static int
compensation_flow_get(void *ctx)
{
    return IPLT_EXPECT(ipl_compensation_flow_get(ctx, 0) != NULL);
}

static int
compensation_sim_options_init(void *ctx)
{
    ipl_compensation_sim_options o;

    (void)ctx;
    return IPLT_EXPECT(ipl_compensation_sim_options_init(
                           &o, IPL_COMPENSATION_SIM_OPTIONS_VERSION) == IPL_OK);
}

/* Three loans, 100 scenarios on two threads. */
static int
simulate(ipl_compensation_sim_result *out)
{
    ipl_compensation_regime r = regime_4321();
    ipl_compensation_exposure loans[3];
    ipl_compensation_sim_options o;
    size_t i;

    ipl_compensation_sim_options_init(&o, IPL_COMPENSATION_SIM_OPTIONS_VERSION);
    o.seed = 20240101;
    o.scenarios = 100;
    o.threads = 2;
    o.fund_balance = iplt_api_cny(100000000);
    for (i = 0; i < 3; i++) {
        loans[i].principal = iplt_api_cny(100000000);
        loans[i].pd = 0.1;
        loans[i].lgd = 0.5;
        loans[i].ip_share = 0;
    }
    return ipl_compensation_simulate(out, loans, 3, &r, &o, IPLT_ERR);
}

/* The figures of a run that never failed. */
static int
simulation_setup(void **state)
{
    static ipl_compensation_sim_result want;

    *state = &want;
    return simulate(&want);
}

static const iplt_fixture simulation_fixture = { simulation_setup, iplt_api_no_teardown };

/* The same figures as a run that never failed (the seed fixes them). */
static int
compensation_simulate(void *ctx)
{
    const ipl_compensation_sim_result *want = ctx;
    ipl_compensation_sim_result got;
    int rc = simulate(&got);

    return rc < 0 ? rc : IPLT_EXPECT(iplt_same_double(got.expected_payout,
                                                      want->expected_payout) &&
                                     iplt_same_double(got.p95_payout, want->p95_payout) &&
                                     iplt_same_double(got.prob_exhaustion,
                                                      want->prob_exhaustion) &&
                                     got.scenarios == want->scenarios);
}
const iplt_api iplt_api_lending[] = {
    IPLT_API(IPLT_NO_ALLOC, ipl_loan_terms_init, loan_terms_init, NULL),
    IPLT_API(IPLT_OOM, ipl_loan_schedule_new, loan_schedule_new, &loan_fixture),
    IPLT_API(IPLT_FREES, ipl_loan_schedule_free, loan_schedule_free, &loan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_loan_schedule_count, loan_schedule_count, &loan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_loan_schedule_row, loan_schedule_row, &loan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_loan_schedule_totals, loan_schedule_totals, &loan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_loan_schedule_residual, loan_schedule_residual,
             &loan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_loan_schedule_daycount, loan_schedule_daycount,
             &loan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_loan_schedule_rounding, loan_schedule_rounding,
             &loan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_loan_instalment, loan_instalment, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_loan_batch_outputs_init, loan_batch_outputs_init, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_loan_schedule_batch, loan_schedule_batch, &loan_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_loan_method_name, loan_method_name, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_loan_method_from_name, loan_method_from_name, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_loan_frequency_from_name, loan_frequency_from_name, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_subsidy_rule_init, subsidy_rule_init, NULL),
    IPLT_API(IPLT_OOM, ipl_subsidy_schedule_new, subsidy_schedule_new, &loan_fixture),
    IPLT_API(IPLT_FREES, ipl_subsidy_schedule_free, subsidy_schedule_free,
             &subsidy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_subsidy_schedule_count, subsidy_schedule_count,
             &subsidy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_subsidy_schedule_row, subsidy_schedule_row,
             &subsidy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_subsidy_schedule_totals, subsidy_schedule_totals,
             &subsidy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_compensation_regime_init, compensation_regime_init, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_compensation_claim_init, compensation_claim_init, NULL),
    IPLT_API(IPLT_OOM, ipl_compensation_new, compensation_new, &compensation_fixture),
    IPLT_API(IPLT_FREES, ipl_compensation_free, compensation_free, &compensation_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_compensation_statement_get, compensation_statement_get,
             &compensation_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_compensation_share_count, compensation_share_count,
             &compensation_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_compensation_share_get, compensation_share_get,
             &compensation_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_compensation_flow_count, compensation_flow_count,
             &compensation_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_compensation_flow_get, compensation_flow_get,
             &compensation_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_compensation_sim_options_init, compensation_sim_options_init,
             NULL),
    IPLT_API(IPLT_OOM, ipl_compensation_simulate, compensation_simulate,
             &simulation_fixture),
    IPLT_API_END
};
