/* Pledge rules: ratios by kind of right, adjustments, gates and caps
 * (include/ipledge/pledge.h). */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "ipledge/currency.h"
#include "ipledge/pledge.h"
#include "alloc_internal.h"
#include "error_internal.h"
#include "pledge_internal.h"

int
ipl_pledge_rule_init(ipl_pledge_rule *rule, unsigned int version)
{
    static const ipl_pledge_rule init = IPL_PLEDGE_RULE_INIT;

    if (rule == NULL)
        return IPL_EINVAL;
    if (version != IPL_PLEDGE_RULE_VERSION)
        return IPL_EVERSION;
    *rule = init;
    return IPL_OK;
}

int
ipl_pledge_caps_init(ipl_pledge_caps *caps, unsigned int version)
{
    static const ipl_pledge_caps init = IPL_PLEDGE_CAPS_INIT;

    if (caps == NULL)
        return IPL_EINVAL;
    if (version != IPL_PLEDGE_CAPS_VERSION)
        return IPL_EVERSION;
    *caps = init;
    return IPL_OK;
}

int
ipl_pledge_right_init(ipl_pledge_right *right, unsigned int version)
{
    static const ipl_pledge_right init = IPL_PLEDGE_RIGHT_INIT;

    if (right == NULL)
        return IPL_EINVAL;
    if (version != IPL_PLEDGE_RIGHT_VERSION)
        return IPL_EVERSION;
    *right = init;
    return IPL_OK;
}

int
ipl_pledge_request_init(ipl_pledge_request *req, unsigned int version)
{
    static const ipl_pledge_request init = IPL_PLEDGE_REQUEST_INIT;

    if (req == NULL)
        return IPL_EINVAL;
    if (version != IPL_PLEDGE_REQUEST_VERSION)
        return IPL_EVERSION;
    *req = init;
    return IPL_OK;
}

unsigned int
ipl__pledge_flag(const char *name)
{
    static const struct {
        const char *name;
        unsigned int bit;
    } flags[] = {
        { "invalidation", IPL_PLEDGE_INVALIDATION },
        { "litigation", IPL_PLEDGE_LITIGATION },
        { "exclusive-licence", IPL_PLEDGE_EXCLUSIVE },
        { "co-owned", IPL_PLEDGE_CO_OWNED },
        { "not-in-name", IPL_PLEDGE_NOT_IN_NAME },
        { "fees-overdue", IPL_PLEDGE_FEES_OVERDUE },
        { "already-pledged", IPL_PLEDGE_ALREADY_PLEDGED },
    };
    size_t i;

    for (i = 0; i < sizeof flags / sizeof flags[0]; i++)
        if (strcmp(name, flags[i].name) == 0)
            return flags[i].bit;
    return 0;
}

int
ipl__pledge_test_is_request_wide(ipl_pledge_test test)
{
    return test == IPL_PLEDGE_TEST_FIRM_AGE_BELOW ||
           test == IPL_PLEDGE_TEST_TENOR_ABOVE;
}

static void
ipl__rule_strings_free(ipl_pledge_rule *r)
{
    ipl__free((char *)(uintptr_t)r->name);
    ipl__free((char *)(uintptr_t)r->text);
    ipl__free((char *)(uintptr_t)r->source);
}

static void
ipl__rule_list_clear(ipl__rule_list *list)
{
    size_t i;

    for (i = 0; i < list->count; i++)
        ipl__rule_strings_free(&list->items[i]);
    ipl__free(list->items);
    memset(list, 0, sizeof *list);
}

void
ipl_pledge_rules_free(ipl_pledge_rules *rules)
{
    int i;

    if (rules == NULL)
        return;
    for (i = 0; i < IPL_RIGHT_TYPE_COUNT; i++)
        ipl__free(rules->ratios[i].source);
    ipl__rule_list_clear(&rules->adjustments);
    ipl__rule_list_clear(&rules->gates);
    ipl__free(rules);
}

int
ipl_pledge_rules_new(ipl_pledge_rules **out, const char *currency,
                     ipl_error *err)
{
    static const ipl_pledge_caps no_caps = IPL_PLEDGE_CAPS_INIT;
    ipl_pledge_rules *rules;
    int rc;

    IPL__CHECK_ARG(err, out);
    if ((rc = ipl_currency_check(currency, err)) < 0)
        return rc;
    if ((rules = ipl__calloc(1, sizeof *rules)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, "rules", "out of memory");
    memcpy(rules->currency, currency, 4);
    rules->caps = no_caps;
    *out = rules;
    return IPL_OK;
}

/* A copy of an optional string: *copy is NULL for NULL; 0 or IPL_ENOMEM. */
static int
ipl__copy_opt(char **copy, const char *s)
{
    *copy = NULL;
    if (s != NULL && (*copy = ipl__strdup(s)) == NULL)
        return IPL_ENOMEM;
    return IPL_OK;
}

/* Appends a copy of rule (with its own strings) to list. */
static int
ipl__rule_list_add(ipl__rule_list *list, const ipl_pledge_rule *rule)
{
    ipl_pledge_rule copy = *rule;
    char *name, *text, *source;

    if (list->count == list->capacity) {
        size_t cap = list->capacity ? list->capacity * 2 : 8;
        ipl_pledge_rule *items = ipl__realloc(list->items, cap * sizeof *items);

        if (items == NULL)
            return IPL_ENOMEM;
        list->items = items;
        list->capacity = cap;
    }
    if (ipl__copy_opt(&name, rule->name) < 0)
        return IPL_ENOMEM;
    if (ipl__copy_opt(&text, rule->text) < 0 ||
        ipl__copy_opt(&source, rule->source) < 0) {
        ipl__free(name);
        ipl__free(text);
        return IPL_ENOMEM;
    }
    copy.name = name;
    copy.text = text;
    copy.source = source;
    list->items[list->count++] = copy;
    return IPL_OK;
}

/* Checks the fields of a rule that every test needs. */
static int
ipl__rule_check(const ipl_pledge_rule *rule, int gate, ipl_error *err)
{
    IPL__CHECK_ARG(err, rule);
    if (rule->version != IPL_PLEDGE_RULE_VERSION)
        return ipl__fail(err, IPL_EVERSION, "rule.version",
                         "unknown version %u", rule->version);
    if (rule->name == NULL || rule->name[0] == '\0')
        return ipl__fail(err, IPL_EINVAL, "rule.name", "a rule needs a name");
    if (rule->test < IPL_PLEDGE_TEST_FLAGS ||
        rule->test > IPL_PLEDGE_TEST_UNCERTAINTY)
        return ipl__fail(err, IPL_EINVAL, "rule.test",
                         "rule '%.40s': unknown test %d", rule->name,
                         (int)rule->test);
    if (gate && (rule->test == IPL_PLEDGE_TEST_DEPENDENCE ||
                 rule->test == IPL_PLEDGE_TEST_UNCERTAINTY))
        return ipl__fail(err, IPL_EINVAL, "rule.test",
                         "rule '%.40s': a scaled test cannot be a gate",
                         rule->name);
    if (rule->test == IPL_PLEDGE_TEST_FLAGS && rule->flags == 0)
        return ipl__fail(err, IPL_EINVAL, "rule.flags",
                         "rule '%.40s': no flag to test", rule->name);
    if ((rule->test == IPL_PLEDGE_TEST_TYPE || rule->right != IPL_RIGHT_NONE) &&
        ipl_right_type_name(rule->right) == NULL)
        return ipl__fail(err, IPL_EINVAL, "rule.right",
                         "rule '%.40s': unknown kind of right %d", rule->name,
                         (int)rule->right);
    if (rule->test == IPL_PLEDGE_TEST_INDUSTRY &&
        (rule->text == NULL || rule->text[0] == '\0'))
        return ipl__fail(err, IPL_EINVAL, "rule.text",
                         "rule '%.40s': no industry to match", rule->name);
    if (!isfinite(rule->threshold) || rule->threshold < 0)
        return ipl__fail(err, IPL_EINVAL, "rule.threshold",
                         "rule '%.40s': threshold must be a finite number >= 0",
                         rule->name);
    return IPL_OK;
}

/* Checks what only adjustments use: the factor, or slope and floor. */
static int
ipl__adjustment_check(const ipl_pledge_rule *rule, ipl_error *err)
{
    int scaled = rule->test == IPL_PLEDGE_TEST_DEPENDENCE ||
                 rule->test == IPL_PLEDGE_TEST_UNCERTAINTY;

    if (!scaled && (!isfinite(rule->factor) || rule->factor < 0 ||
                    rule->factor > 10))
        return ipl__fail(err, IPL_EINVAL, "rule.factor",
                         "rule '%.40s': factor must be 0..10, got %g",
                         rule->name, rule->factor);
    if (scaled && (!isfinite(rule->slope) || rule->slope < 0 ||
                   !isfinite(rule->floor) || rule->floor < 0 ||
                   rule->floor > 1))
        return ipl__fail(err, IPL_EINVAL, "rule.slope",
                         "rule '%.40s': slope must be >= 0 and floor 0..1",
                         rule->name);
    return IPL_OK;
}

int
ipl_pledge_rules_add_adjustment(ipl_pledge_rules *rules,
                                const ipl_pledge_rule *rule, ipl_error *err)
{
    int rc;

    IPL__CHECK_ARG(err, rules);
    if ((rc = ipl__rule_check(rule, 0, err)) < 0 ||
        (rc = ipl__adjustment_check(rule, err)) < 0)
        return rc;
    if (ipl__pledge_test_is_request_wide(rule->test))
        return ipl__fail(err, IPL_EINVAL, "rule.test",
                         "rule '%.40s': a request-wide test can only be a gate",
                         rule->name);
    if (ipl__rule_list_add(&rules->adjustments, rule) < 0)
        return ipl__fail(err, IPL_ENOMEM, "rules", "out of memory");
    return IPL_OK;
}

int
ipl_pledge_rules_add_gate(ipl_pledge_rules *rules, const ipl_pledge_rule *rule,
                          ipl_error *err)
{
    int rc;

    IPL__CHECK_ARG(err, rules);
    if ((rc = ipl__rule_check(rule, 1, err)) < 0)
        return rc;
    if (ipl__rule_list_add(&rules->gates, rule) < 0)
        return ipl__fail(err, IPL_ENOMEM, "rules", "out of memory");
    return IPL_OK;
}

static int
ipl__ratio_in_range(double r)
{
    return isfinite(r) && r >= 0 && r <= 1;
}

int
ipl_pledge_rules_set_ratio(ipl_pledge_rules *rules, ipl_right_type type,
                           double base, double max, const char *source,
                           ipl_error *err)
{
    ipl__pledge_ratio *r;
    char *copy;

    IPL__CHECK_ARG(err, rules);
    if (ipl_right_type_name(type) == NULL)
        return ipl__fail(err, IPL_EINVAL, "type", "unknown kind of right %d",
                         (int)type);
    if (!ipl__ratio_in_range(base) || !ipl__ratio_in_range(max) || max < base)
        return ipl__fail(err, IPL_EINVAL, "base",
                         "%s: need 0 <= base <= max <= 1, got base %g max %g",
                         ipl_right_type_name(type), base, max);
    if (ipl__copy_opt(&copy, source) < 0)
        return ipl__fail(err, IPL_ENOMEM, "rules", "out of memory");
    r = &rules->ratios[type];
    ipl__free(r->source);
    r->set = 1;
    r->base = base;
    r->max = max;
    r->source = copy;
    return IPL_OK;
}

int
ipl_pledge_rules_set_caps(ipl_pledge_rules *rules, const ipl_pledge_caps *caps,
                          ipl_error *err)
{
    IPL__CHECK_ARG(err, rules);
    IPL__CHECK_ARG(err, caps);
    if (caps->version != IPL_PLEDGE_CAPS_VERSION)
        return ipl__fail(err, IPL_EVERSION, "caps.version",
                         "unknown version %u", caps->version);
    if (!ipl__ratio_in_range(caps->max_ratio))
        return ipl__fail(err, IPL_EINVAL, "caps.max_ratio",
                         "must be 0..1, got %g", caps->max_ratio);
    if (!ipl__ratio_in_range(caps->maintenance_ltv))
        return ipl__fail(err, IPL_EINVAL, "caps.maintenance_ltv",
                         "must be 0..1, got %g", caps->maintenance_ltv);
    if (caps->max_loan < 0 || caps->max_borrower < 0)
        return ipl__fail(err, IPL_EINVAL, "caps.max_loan",
                         "caps must be >= 0 (0 = none)");
    if (caps->max_tenor_months > 600)
        return ipl__fail(err, IPL_EINVAL, "caps.max_tenor_months",
                         "must be 0..600, got %u", caps->max_tenor_months);
    if (caps->basis > IPL_BASIS_LOW_QUANTILE)
        return ipl__fail(err, IPL_EINVAL, "caps.basis", "unknown basis %d",
                         (int)caps->basis);
    if (!isfinite(caps->bundle_step) || caps->bundle_step < 0 ||
        !isfinite(caps->bundle_max) ||
        caps->bundle_max < 0 || (caps->bundle_max > 0 && caps->bundle_max < 1))
        return ipl__fail(err, IPL_EINVAL, "caps.bundle_max",
                         "bundle_step must be >= 0 and bundle_max 0 or >= 1");
    rules->caps = *caps;
    return IPL_OK;
}

const ipl_pledge_caps *
ipl_pledge_rules_caps(const ipl_pledge_rules *rules)
{
    return rules != NULL ? &rules->caps : NULL;
}

const char *
ipl_pledge_rules_currency(const ipl_pledge_rules *rules)
{
    return rules != NULL ? rules->currency : NULL;
}

static int
ipl__rule_list_copy(ipl__rule_list *to, const ipl__rule_list *from)
{
    size_t i;

    for (i = 0; i < from->count; i++)
        if (ipl__rule_list_add(to, &from->items[i]) < 0)
            return IPL_ENOMEM;
    return IPL_OK;
}

int
ipl_pledge_rules_copy(ipl_pledge_rules **out, const ipl_pledge_rules *rules,
                      ipl_error *err)
{
    ipl_pledge_rules *copy;
    int i, rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, rules);
    if ((rc = ipl_pledge_rules_new(&copy, rules->currency, err)) < 0)
        return rc;
    copy->caps = rules->caps;
    for (i = 0; i < IPL_RIGHT_TYPE_COUNT; i++) {
        copy->ratios[i] = rules->ratios[i];
        if (ipl__copy_opt(&copy->ratios[i].source, rules->ratios[i].source) < 0)
            goto nomem;
    }
    if (ipl__rule_list_copy(&copy->adjustments, &rules->adjustments) < 0 ||
        ipl__rule_list_copy(&copy->gates, &rules->gates) < 0)
        goto nomem;
    *out = copy;
    return IPL_OK;
nomem:
    ipl_pledge_rules_free(copy);
    return ipl__fail(err, IPL_ENOMEM, "rules", "out of memory");
}
