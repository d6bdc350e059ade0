/* Allocation behaviour of pledge rules and decisions (oom_api.h). */
#include <string.h>

#include "ipledge/pledge.h"
#include "oom_api.h"

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

    q.start = iplt_api_ymd(2024, 1, 15);
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
    r[0].value = iplt_api_cny(400000000);
    r[0].expiry = iplt_api_ymd(2035, 8, 10);
    r[0].registered = iplt_api_ymd(2017, 3, 1);
    r[0].flags = IPL_PLEDGE_LITIGATION;
    r[1] = r[0];
    r[1].id = "12345678";
    r[1].type = IPL_RIGHT_TRADEMARK;
    r[1].value = iplt_api_cny(100000000);
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
    ipl_money balance = iplt_api_cny(80000000), value = iplt_api_cny(100000000);
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
    loans[0].amount = loans[0].balance = iplt_api_cny(100);
    loans[0].ratio = 0.25;
    loans[0].new_in_period = 1;
    loans[1] = loans[0];
    loans[1].borrower = "b";
    if ((rc = ipl_pledge_book_summarise(&b, loans, 2, "CNY", 0.01, IPLT_ERR)) < 0)
        return rc;
    return IPLT_EXPECT(b.clients == 2 && b.balance.minor == 200);
}
const iplt_api iplt_api_pledge[] = {
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
