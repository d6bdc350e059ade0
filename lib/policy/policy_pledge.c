/* The <pledge> section of a policy document, turned into pledge rules
 * (ipledge/pledge.h). The schema has checked the shapes; this file
 * checks what a schema cannot (max ≥ base, one ratio per kind, the
 * attributes each test needs) and names the element when it fails. */
#include <string.h>

#include <libxml/tree.h>

#include "ipledge/money.h"
#include "ipledge/pledge.h"
#include "decimal_internal.h"
#include "error_internal.h"
#include "xmldoc_internal.h"
#include "policy_internal.h"
#include "pledge_internal.h"

static const struct {
    const char *name;
    ipl_pledge_test test;
} ipl__tests[] = {
    { "flags", IPL_PLEDGE_TEST_FLAGS },
    { "type", IPL_PLEDGE_TEST_TYPE },
    { "not-in-force", IPL_PLEDGE_TEST_NOT_IN_FORCE },
    { "life-below", IPL_PLEDGE_TEST_LIFE_BELOW },
    { "life-vs-tenor", IPL_PLEDGE_TEST_LIFE_VS_TENOR },
    { "registered-below", IPL_PLEDGE_TEST_REGISTERED_BELOW },
    { "industry", IPL_PLEDGE_TEST_INDUSTRY },
    { "firm-age-below", IPL_PLEDGE_TEST_FIRM_AGE_BELOW },
    { "tenor-above", IPL_PLEDGE_TEST_TENOR_ABOVE },
    { "dependence", IPL_PLEDGE_TEST_DEPENDENCE },
    { "uncertainty", IPL_PLEDGE_TEST_UNCERTAINTY },
};

#define IPL__COUNT(a) (sizeof (a) / sizeof (a)[0])

int
ipl__policy_number(double *out, xmlNodePtr node, const char *name,
                   const char *label, ipl_error *err)
{
    xmlChar *text = ipl__policy_attr(node, name);
    ipl__decimal d;
    size_t bad;
    int rc;

    if (text == NULL)
        return IPL_OK;
    rc = ipl__decimal_parse(&d, (const char *)text, &bad);
    xmlFree(text);
    if (rc < 0)
        return ipl__xmldoc_fail_at(err, IPL_EPARSE, label, node,
                                   "%s: not a decimal of at most 15 significant digits",
                                   name);
    *out = ipl__decimal_to_double(&d);
    return IPL_OK;
}

int
ipl__policy_amount(int64_t *out, xmlNodePtr node, const char *name,
                   const char *currency, const char *label, ipl_error *err)
{
    xmlChar *text = ipl__policy_attr(node, name);
    ipl_error inner;
    ipl_money m;
    int rc;

    if (text == NULL)
        return IPL_OK;
    rc = ipl_money_parse(&m, (const char *)text, currency, IPL_ROUND_NEVER,
                         &inner);
    xmlFree(text);
    if (rc < 0)
        return ipl__xmldoc_fail_at(err, IPL_EPARSE, label, node, "%s: %s", name,
                                   inner.message);
    *out = m.minor;
    return IPL_OK;
}

/* Re-reports an error of the pledge API at the element it came from. */
static int
ipl__rethrow(int rc, const ipl_error *inner, const char *label,
             xmlNodePtr node, ipl_error *err)
{
    if (rc == IPL_ENOMEM)
        return ipl__fail(err, IPL_ENOMEM, label, "out of memory");
    return ipl__xmldoc_fail_at(err, IPL_EPARSE, label, node, "%s: %s",
                               inner->where, inner->message);
}

static int
ipl__read_ratio(ipl_pledge_rules *rules, xmlNodePtr node, int *seen,
                const char *label, ipl_error *err)
{
    xmlChar *right = ipl__policy_attr(node, "right");
    xmlChar *source = ipl__policy_attr(node, "source");
    ipl_right_type type = IPL_RIGHT_NONE;
    double base = 0, max = -1;
    ipl_error inner;
    int rc;

    rc = ipl_right_type_from_name(&type, (const char *)right, &inner);
    xmlFree(right);
    if (rc == IPL_OK && seen[type])
        rc = ipl__fail(&inner, IPL_EINVAL, "right", "a second ratio for %s",
                       ipl_right_type_name(type));
    if (rc == IPL_OK &&
        ((rc = ipl__policy_number(&base, node, "base", label, err)) < 0 ||
         (rc = ipl__policy_number(&max, node, "max", label, err)) < 0)) {
        xmlFree(source);
        return rc;
    }
    if (rc == IPL_OK)
        rc = ipl_pledge_rules_set_ratio(rules, type, base, max < 0 ? base : max,
                                        (const char *)source, &inner);
    xmlFree(source);
    if (rc < 0)
        return ipl__rethrow(rc, &inner, label, node, err);
    seen[type] = 1;
    return IPL_OK;
}

/* The test and the flags of a rule element. */
static int
ipl__read_test(ipl_pledge_rule *rule, xmlNodePtr node, const char *label,
               ipl_error *err)
{
    xmlChar *test = ipl__policy_attr(node, "test");
    xmlChar *flags = ipl__policy_attr(node, "flags");
    xmlChar *right = ipl__policy_attr(node, "right");
    size_t i;
    int rc = IPL_OK;

    for (i = 0; test != NULL && i < IPL__COUNT(ipl__tests); i++)
        if (strcmp((const char *)test, ipl__tests[i].name) == 0)
            rule->test = ipl__tests[i].test;
    /* An xs:list the schema has checked: names separated by spaces. */
    if (flags != NULL) {
        char *save = NULL, *tok;

        for (tok = strtok_r((char *)flags, " ", &save); tok != NULL;
             tok = strtok_r(NULL, " ", &save))
            rule->flags |= ipl__pledge_flag(tok);
    }
    if (right != NULL &&
        ipl_right_type_from_name(&rule->right, (const char *)right, NULL) < 0)
        rc = ipl__xmldoc_fail_at(err, IPL_EPARSE, label, node, "unknown right");
    xmlFree(test);
    xmlFree(flags);
    xmlFree(right);
    return rc;
}

static int
ipl__read_rule(ipl_pledge_rules *rules, xmlNodePtr node, int gate,
               const char *label, ipl_error *err)
{
    ipl_pledge_rule rule = IPL_PLEDGE_RULE_INIT;
    xmlChar *name = ipl__policy_attr(node, "name");
    xmlChar *industry = ipl__policy_attr(node, "industry");
    xmlChar *source = ipl__policy_attr(node, "source");
    ipl_error inner;
    int rc;

    rule.name = (const char *)name;
    rule.text = (const char *)industry;
    rule.source = (const char *)source;
    if ((rc = ipl__read_test(&rule, node, label, err)) == IPL_OK &&
        (rc = ipl__policy_number(&rule.threshold, node, "threshold", label,
                                 err)) == IPL_OK &&
        (rc = ipl__policy_number(&rule.factor, node, "factor", label,
                                 err)) == IPL_OK &&
        (rc = ipl__policy_number(&rule.slope, node, "slope", label,
                                 err)) == IPL_OK &&
        (rc = ipl__policy_number(&rule.floor, node, "floor", label,
                                 err)) == IPL_OK) {
        rc = gate ? ipl_pledge_rules_add_gate(rules, &rule, &inner)
                  : ipl_pledge_rules_add_adjustment(rules, &rule, &inner);
        if (rc < 0)
            rc = ipl__rethrow(rc, &inner, label, node, err);
    }
    xmlFree(name);
    xmlFree(industry);
    xmlFree(source);
    return rc;
}

static int
ipl__read_caps(ipl_pledge_rules *rules, xmlNodePtr node, const char *currency,
               const char *label, ipl_error *err)
{
    ipl_pledge_caps caps = IPL_PLEDGE_CAPS_INIT;
    xmlChar *basis = ipl__policy_attr(node, "basis");
    double months = 0;
    ipl_error inner;
    int rc;

    if (basis != NULL)
        caps.basis = strcmp((const char *)basis, "low-quantile") == 0
                     ? IPL_BASIS_LOW_QUANTILE : IPL_BASIS_APPRAISED;
    xmlFree(basis);
    if ((rc = ipl__policy_number(&months, node, "max-tenor-months", label,
                                 err)) < 0 ||
        (rc = ipl__policy_number(&caps.max_ratio, node, "max-ratio", label,
                                 err)) < 0 ||
        (rc = ipl__policy_number(&caps.maintenance_ltv, node,
                                 "maintenance-ltv", label, err)) < 0 ||
        (rc = ipl__policy_number(&caps.bundle_step, node, "bundle-step", label,
                                 err)) < 0 ||
        (rc = ipl__policy_number(&caps.bundle_max, node, "bundle-max", label,
                                 err)) < 0 ||
        (rc = ipl__policy_amount(&caps.max_loan, node, "max-loan", currency,
                                 label, err)) < 0 ||
        (rc = ipl__policy_amount(&caps.max_borrower, node, "max-borrower",
                                 currency, label, err)) < 0)
        return rc;
    caps.max_tenor_months = (unsigned int)months;   /* schema: 0 .. 600 */
    if ((rc = ipl_pledge_rules_set_caps(rules, &caps, &inner)) < 0)
        return ipl__rethrow(rc, &inner, label, node, err);
    return IPL_OK;
}

int
ipl__policy_pledge_rules(ipl_pledge_rules **out, xmlNodePtr pledge,
                         const char *currency, const char *label,
                         ipl_error *err)
{
    int seen[IPL_RIGHT_TYPE_COUNT] = { 0 };
    ipl_pledge_rules *rules;
    xmlNodePtr c;
    int rc = IPL_OK;

    if (ipl_pledge_rules_new(&rules, currency, NULL) < 0)
        return ipl__fail(err, IPL_ENOMEM, label, "out of memory");
    for (c = pledge->children; c != NULL && rc == IPL_OK; c = c->next) {
        if (ipl__policy_is(c, "ratio"))
            rc = ipl__read_ratio(rules, c, seen, label, err);
        else if (ipl__policy_is(c, "gate"))
            rc = ipl__read_rule(rules, c, 1, label, err);
        else if (ipl__policy_is(c, "adjustment"))
            rc = ipl__read_rule(rules, c, 0, label, err);
        else if (ipl__policy_is(c, "caps"))
            rc = ipl__read_caps(rules, c, currency, label, err);
    }
    if (rc < 0) {
        ipl_pledge_rules_free(rules);
        return rc;
    }
    *out = rules;
    return IPL_OK;
}
