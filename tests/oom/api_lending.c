/* Allocation behaviour of lending: loan schedules, subsidies,
 * compensation, pledge rules and decisions (oom_api.h). */
#include <string.h>

#include "ipledge/compensation.h"
#include "ipledge/loan.h"
#include "ipledge/pledge.h"
#include "ipledge/subsidy.h"
#include "oom_api.h"

static ipl_money
cny(int64_t minor)
{
    ipl_money m;

    m.minor = minor;
    memcpy(m.currency, "CNY", 4);
    return m;
}

static ipl_date
ymd(int y, int m, int d)
{
    ipl_date r;

    r.year = y;
    r.month = m;
    r.day = d;
    return r;
}

static void
no_teardown(void *state)
{
    (void)state;
}

/* ---- loans and subsidies ---- */

/* CNY 1,200,000.00 over 12 months at 4.35 %, equal principal, 30/360. */
static ipl_loan_terms
terms(void)
{
    ipl_loan_terms t = IPL_LOAN_TERMS_INIT;

    t.principal = cny(120000000);
    t.start = ymd(2024, 1, 15);
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
    ipl_money p = cny(100000000), out;

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
    c.npl_date = ymd(2024, 12, 31);
    c.outstanding_principal = cny(100000);
    c.outstanding_interest = cny(100);
    c.settlement_date = ymd(2025, 12, 31);
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
    o.fund_balance = cny(100000000);
    for (i = 0; i < 3; i++) {
        loans[i].principal = cny(100000000);
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

static const iplt_fixture simulation_fixture = { simulation_setup, no_teardown };

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

/* ---- pledge rules and decisions ---- */

static ipl_pledge_rule
litigation(void)
{
    ipl_pledge_rule rule = IPL_PLEDGE_RULE_INIT;

    rule.name = "litigation";
    rule.test = IPL_PLEDGE_TEST_FLAGS;
    rule.flags = IPL_PLEDGE_LITIGATION;
    rule.factor = 0.5;
    rule.source = "src";
    return rule;
}

/* Invention 25 %, maintenance loan-to-value 60 %. */
static int
rules_setup(void **state)
{
    ipl_pledge_caps caps = IPL_PLEDGE_CAPS_INIT;
    ipl_pledge_rules *r;
    int rc;

    caps.maintenance_ltv = 0.6;
    if ((rc = ipl_pledge_rules_new(&r, "CNY", IPLT_ERR)) < 0)
        return rc;
    if ((rc = ipl_pledge_rules_set_ratio(r, IPL_RIGHT_INVENTION, 0.25, 0.25, "BoCom",
                                         IPLT_ERR)) < 0 ||
        (rc = ipl_pledge_rules_set_caps(r, &caps, IPLT_ERR)) < 0) {
        ipl_pledge_rules_free(r);
        return rc;
    }
    *state = r;
    return IPL_OK;
}

static void
rules_teardown(void *state)
{
    ipl_pledge_rules_free(state);
}

static const iplt_fixture rules_fixture = { rules_setup, rules_teardown };

static ipl_pledge_request
request(void)
{
    ipl_pledge_request q = IPL_PLEDGE_REQUEST_INIT;

    q.start = ymd(2024, 1, 15);
    q.tenor_months = 36;
    q.firm_age_years = 6;
    return q;
}

/* An invention worth 4,000,000.00 under litigation, and a trademark
 * worth 1,000,000.00. */
static void
rights(ipl_pledge_right r[2])
{
    r[0] = (ipl_pledge_right)IPL_PLEDGE_RIGHT_INIT;
    r[0].id = "CN201510481495.9";
    r[0].type = IPL_RIGHT_INVENTION;
    r[0].status = IPL_STATUS_IN_FORCE;
    r[0].value = cny(400000000);
    r[0].expiry = ymd(2035, 8, 10);
    r[0].registered = ymd(2017, 3, 1);
    r[0].flags = IPL_PLEDGE_LITIGATION;
    r[1] = r[0];
    r[1].id = "12345678";
    r[1].type = IPL_RIGHT_TRADEMARK;
    r[1].value = cny(100000000);
    r[1].flags = 0;
}

/* What a decision comes to, for comparing two. */
typedef struct decision {
    int rc, eligible;
    int64_t max_loan;
    size_t failures, steps;
} decision;

static int
decide(decision *d, const ipl_pledge_rules *rules)
{
    ipl_pledge_request q = request();
    ipl_pledge_right r[2];
    ipl_pledge *p;

    rights(r);
    memset(d, 0, sizeof *d);
    if ((d->rc = ipl_pledge_new(&p, rules, &q, r, 2, IPLT_ERR)) == IPL_ENOMEM)
        return IPL_ENOMEM;
    if (d->rc == IPL_OK) {
        d->eligible = ipl_pledge_eligible(p);
        d->max_loan = ipl_pledge_max_loan(p)->minor;
        d->failures = ipl_pledge_failure_count(p);
        d->steps = ipl_pledge_trace_count(p);
        ipl_pledge_free(p);
    }
    return IPL_OK;
}

static int
same_decision(const decision *a, const decision *b)
{
    return a->rc == b->rc && a->eligible == b->eligible && a->max_loan == b->max_loan &&
           a->failures == b->failures && a->steps == b->steps;
}

typedef int (*rules_change)(ipl_pledge_rules *r);

/* Applies change to a copy of the fixture's rules. When the change runs
 * out of memory the rules must be as they were (the decision on them is
 * the one before the change) and the same change must then succeed
 * (the failed allocation is past) and decide as a change that never
 * failed. Returns IPL_ENOMEM when any allocation failed. */
static int
change_rules(const ipl_pledge_rules *base, rules_change change)
{
    decision before, after, want_before, want_after;
    ipl_pledge_rules *r;
    int rc, ok = 1, failed = 0;

    /* The references, with every allocation granted (the injected
     * failure comes later or has passed: then this ENOMEM is the one). */
    if ((rc = ipl_pledge_rules_copy(&r, base, IPLT_ERR)) < 0)
        return rc;
    if ((rc = decide(&want_before, r)) < 0 || (rc = change(r)) < 0 ||
        (rc = decide(&want_after, r)) < 0) {
        ipl_pledge_rules_free(r);
        return rc;
    }
    ipl_pledge_rules_free(r);
    if ((rc = ipl_pledge_rules_copy(&r, base, IPLT_ERR)) < 0)
        return rc;
    if ((rc = change(r)) == IPL_ENOMEM) {
        failed = 1;
        ok &= decide(&before, r) == IPL_OK && same_decision(&before, &want_before);
        rc = change(r);
    }
    if (rc == IPL_OK && (rc = decide(&after, r)) == IPL_OK)
        ok &= same_decision(&after, &want_after);
    failed |= rc == IPL_ENOMEM;
    ok &= rc == IPL_OK || rc == IPL_ENOMEM;
    ipl_pledge_rules_free(r);
    return !ok ? IPL_ERROR : failed ? IPL_ENOMEM : IPL_OK;
}

static int
add_ratio(ipl_pledge_rules *r)
{
    return ipl_pledge_rules_set_ratio(r, IPL_RIGHT_TRADEMARK, 0.5, 0.5, "BoCom", IPLT_ERR);
}

static int
add_adjustment(ipl_pledge_rules *r)
{
    ipl_pledge_rule rule = litigation();

    return ipl_pledge_rules_add_adjustment(r, &rule, IPLT_ERR);
}

static int
add_gate(ipl_pledge_rules *r)
{
    ipl_pledge_rule rule = litigation();

    return ipl_pledge_rules_add_gate(r, &rule, IPLT_ERR);
}

static int
pledge_rules_set_ratio(void *ctx)
{
    return change_rules(ctx, add_ratio);
}

static int
pledge_rules_add_adjustment(void *ctx)
{
    return change_rules(ctx, add_adjustment);
}

static int
pledge_rules_add_gate(void *ctx)
{
    return change_rules(ctx, add_gate);
}

static int
pledge_rule_init(void *ctx)
{
    ipl_pledge_rule r;

    (void)ctx;
    return IPLT_EXPECT(ipl_pledge_rule_init(&r, IPL_PLEDGE_RULE_VERSION) == IPL_OK);
}

static int
pledge_caps_init(void *ctx)
{
    ipl_pledge_caps c;

    (void)ctx;
    return IPLT_EXPECT(ipl_pledge_caps_init(&c, IPL_PLEDGE_CAPS_VERSION) == IPL_OK);
}

static int
pledge_right_init(void *ctx)
{
    ipl_pledge_right r;

    (void)ctx;
    return IPLT_EXPECT(ipl_pledge_right_init(&r, IPL_PLEDGE_RIGHT_VERSION) == IPL_OK);
}

static int
pledge_request_init(void *ctx)
{
    ipl_pledge_request q;

    (void)ctx;
    return IPLT_EXPECT(ipl_pledge_request_init(&q, IPL_PLEDGE_REQUEST_VERSION) == IPL_OK);
}

static int
pledge_rules_new(void *ctx)
{
    ipl_pledge_rules *r;
    int rc = ipl_pledge_rules_new(&r, "CNY", IPLT_ERR);

    (void)ctx;
    if (rc < 0)
        return rc;
    rc = IPLT_EXPECT(strcmp(ipl_pledge_rules_currency(r), "CNY") == 0);
    ipl_pledge_rules_free(r);
    return rc;
}

static int
pledge_rules_copy(void *ctx)
{
    decision a, b;
    ipl_pledge_rules *r;
    int rc = ipl_pledge_rules_copy(&r, ctx, IPLT_ERR);

    if (rc < 0)
        return rc;
    if ((rc = decide(&a, r)) == IPL_OK && (rc = decide(&b, ctx)) == IPL_OK)
        rc = IPLT_EXPECT(same_decision(&a, &b));
    ipl_pledge_rules_free(r);
    return rc;
}

static int
pledge_rules_free(void *ctx)
{
    ipl_pledge_rules_free(ctx);
    return IPL_OK;
}

static int
pledge_rules_set_caps(void *ctx)
{
    ipl_pledge_caps caps = IPL_PLEDGE_CAPS_INIT;

    caps.max_tenor_months = 36;
    caps.maintenance_ltv = 0.6;
    return IPLT_EXPECT(ipl_pledge_rules_set_caps(ctx, &caps, IPLT_ERR) == IPL_OK &&
                       ipl_pledge_rules_caps(ctx)->max_tenor_months == 36);
}

static int
pledge_rules_caps(void *ctx)
{
    return IPLT_EXPECT(iplt_same_double(ipl_pledge_rules_caps(ctx)->maintenance_ltv, 0.6));
}

static int
pledge_rules_currency(void *ctx)
{
    return IPLT_EXPECT(strcmp(ipl_pledge_rules_currency(ctx), "CNY") == 0);
}

static int
pledge_new(void *ctx)
{
    decision d;
    int rc = decide(&d, ctx);

    /* The trademark has no ratio: the decision is a refusal, not an error. */
    return rc < 0 ? rc : IPLT_EXPECT(d.rc == IPL_OK && d.steps > 0);
}

/* The decision on the fixture's rules, for the accessors. */
static int
pledge_setup(void **state)
{
    ipl_pledge_rules *rules;
    ipl_pledge_request q = request();
    ipl_pledge_right r[2];
    int rc;

    rights(r);
    r[1].type = IPL_RIGHT_INVENTION;
    if ((rc = rules_setup((void **)&rules)) < 0)
        return rc;
    rc = ipl_pledge_new((ipl_pledge **)state, rules, &q, r, 2, IPLT_ERR);
    ipl_pledge_rules_free(rules);
    return rc;
}

static void
pledge_teardown(void *state)
{
    ipl_pledge_free(state);
}

static const iplt_fixture pledge_fixture = { pledge_setup, pledge_teardown };

static int
pledge_free(void *ctx)
{
    ipl_pledge_free(ctx);
    return IPL_OK;
}

static int
pledge_eligible(void *ctx)
{
    return IPLT_EXPECT(ipl_pledge_eligible(ctx) == 1);
}

/* 25 % of 4,000,000.00 + 1,000,000.00 = 1,250,000.00. */
static int
pledge_max_loan(void *ctx)
{
    return IPLT_EXPECT(ipl_pledge_max_loan(ctx)->minor == 125000000);
}

static int
pledge_collateral(void *ctx)
{
    return IPLT_EXPECT(ipl_pledge_collateral(ctx)->minor == 125000000);
}

static int
pledge_ratio(void *ctx)
{
    return IPLT_EXPECT(iplt_same_double(ipl_pledge_ratio(ctx), 0.25));
}

static int
pledge_right_ratio(void *ctx)
{
    return IPLT_EXPECT(iplt_same_double(ipl_pledge_right_ratio(ctx, 1), 0.25));
}

static int
pledge_right_collateral(void *ctx)
{
    return IPLT_EXPECT(ipl_pledge_right_collateral(ctx, 1)->minor == 25000000);
}

static int
pledge_failure_count(void *ctx)
{
    return IPLT_EXPECT(ipl_pledge_failure_count(ctx) == 0);
}

static int
pledge_failure(void *ctx)
{
    return IPLT_EXPECT(ipl_pledge_failure(ctx, 0) == NULL);
}

static int
pledge_trace_count(void *ctx)
{
    return IPLT_EXPECT(ipl_pledge_trace_count(ctx) > 0);
}

static int
pledge_trace(void *ctx)
{
    return IPLT_EXPECT(ipl_pledge_trace(ctx, 0) != NULL);
}

/* 800,000.00 owed on rights now worth 1,000,000.00: 80 % > 60 %. */
static int
pledge_monitor(void *ctx)
{
    ipl_money balance = cny(80000000), value = cny(100000000);
    ipl_pledge_health h;

    return IPLT_EXPECT(ipl_pledge_monitor(&h, ctx, &balance, &value, 0.25, IPLT_ERR) == IPL_OK &&
                       h.breached);
}

static int
pledge_book_summarise(void *ctx)
{
    ipl_pledge_loan loans[2] = { IPL_PLEDGE_LOAN_INIT, IPL_PLEDGE_LOAN_INIT };
    ipl_pledge_book b;
    int rc;

    (void)ctx;
    loans[0].borrower = "a";
    loans[0].amount = loans[0].balance = cny(100);
    loans[0].ratio = 0.25;
    loans[0].new_in_period = 1;
    loans[1] = loans[0];
    loans[1].borrower = "b";
    if ((rc = ipl_pledge_book_summarise(&b, loans, 2, "CNY", 0.01, IPLT_ERR)) < 0)
        return rc;
    return IPLT_EXPECT(b.clients == 2 && b.balance.minor == 200);
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
    IPLT_API(IPLT_NO_ALLOC, ipl_pledge_rule_init, pledge_rule_init, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_pledge_caps_init, pledge_caps_init, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_pledge_right_init, pledge_right_init, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_pledge_request_init, pledge_request_init, NULL),
    IPLT_API(IPLT_OOM, ipl_pledge_rules_new, pledge_rules_new, NULL),
    IPLT_API(IPLT_OOM, ipl_pledge_rules_copy, pledge_rules_copy, &rules_fixture),
    IPLT_API(IPLT_FREES, ipl_pledge_rules_free, pledge_rules_free, &rules_fixture),
    IPLT_API(IPLT_OOM, ipl_pledge_rules_set_ratio, pledge_rules_set_ratio, &rules_fixture),
    IPLT_API(IPLT_OOM, ipl_pledge_rules_add_adjustment, pledge_rules_add_adjustment,
             &rules_fixture),
    IPLT_API(IPLT_OOM, ipl_pledge_rules_add_gate, pledge_rules_add_gate, &rules_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_pledge_rules_set_caps, pledge_rules_set_caps,
             &rules_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_pledge_rules_caps, pledge_rules_caps, &rules_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_pledge_rules_currency, pledge_rules_currency,
             &rules_fixture),
    IPLT_API(IPLT_OOM, ipl_pledge_new, pledge_new, &rules_fixture),
    IPLT_API(IPLT_FREES, ipl_pledge_free, pledge_free, &pledge_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_pledge_eligible, pledge_eligible, &pledge_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_pledge_max_loan, pledge_max_loan, &pledge_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_pledge_collateral, pledge_collateral, &pledge_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_pledge_ratio, pledge_ratio, &pledge_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_pledge_right_ratio, pledge_right_ratio, &pledge_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_pledge_right_collateral, pledge_right_collateral,
             &pledge_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_pledge_failure_count, pledge_failure_count, &pledge_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_pledge_failure, pledge_failure, &pledge_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_pledge_trace_count, pledge_trace_count, &pledge_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_pledge_trace, pledge_trace, &pledge_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_pledge_monitor, pledge_monitor, &rules_fixture),
    IPLT_API(IPLT_OOM, ipl_pledge_book_summarise, pledge_book_summarise, NULL),
    IPLT_API_END
};
