/* The pledge decision: eligibility, ratios, collateral values and the
 * largest loan, with a trace of every step (include/ipledge/pledge.h). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ipledge/pledge.h"
#include "alloc_internal.h"
#include "error_internal.h"
#include "pledge_internal.h"

/* ---- trace ---- */

static ipl__pledge_step *
ipl__step_push(ipl__step_list *list)
{
    if (list->count == list->capacity) {
        size_t cap = list->capacity ? list->capacity * 2 : 16;
        ipl__pledge_step *items = ipl__realloc(list->items, cap * sizeof *items);

        if (items == NULL)
            return NULL;
        list->items = items;
        list->capacity = cap;
    }
    return memset(&list->items[list->count++], 0, sizeof *list->items);
}

/* Records a step: right (−1 for the request), the rule, its source, the
 * figure before and after, and a sentence. */
static int
ipl__step(ipl__step_list *list, int right, const char *rule,
          const char *source, double before, double after, const char *fmt,
          ...) IPL__PRINTF(7, 8);

static int
ipl__step(ipl__step_list *list, int right, const char *rule,
          const char *source, double before, double after, const char *fmt,
          ...)
{
    ipl__pledge_step *s = ipl__step_push(list);
    va_list ap;

    if (s == NULL)
        return IPL_ENOMEM;
    s->view.right = right;
    s->view.before = before;
    s->view.after = after;
    snprintf(s->rule, sizeof s->rule, "%s", rule);
    snprintf(s->source, sizeof s->source, "%s", source != NULL ? source : "");
    va_start(ap, fmt);
    vsnprintf(s->text, sizeof s->text, fmt, ap);
    va_end(ap);
    return IPL_OK;
}

/* The views point into their own steps; done once the lists stop growing. */
static void
ipl__steps_seal(ipl__step_list *list)
{
    size_t i;

    for (i = 0; i < list->count; i++) {
        list->items[i].view.rule = list->items[i].rule;
        list->items[i].view.source = list->items[i].source;
        list->items[i].view.text = list->items[i].text;
    }
}

void
ipl_pledge_free(ipl_pledge *p)
{
    if (p == NULL)
        return;
    ipl__free(p->shares);
    ipl__free(p->trace.items);
    ipl__free(p->failures.items);
    ipl__free(p);
}

/* ---- input checks ---- */

static int
ipl__check_request(const ipl_pledge_request *req, const char *currency,
                   ipl_error *err)
{
    IPL__CHECK_ARG(err, req);
    if (req->version != IPL_PLEDGE_REQUEST_VERSION)
        return ipl__fail(err, IPL_EVERSION, "request.version",
                         "unknown version %u", req->version);
    if (!ipl_date_is_valid(req->start))
        return ipl__fail(err, IPL_EINVAL, "request.start",
                         "the loan's start date is missing or invalid");
    if (req->tenor_months < 1 || req->tenor_months > 600)
        return ipl__fail(err, IPL_EINVAL, "request.tenor_months",
                         "must be 1..600, got %u", req->tenor_months);
    if (!isfinite(req->firm_age_years))
        return ipl__fail(err, IPL_EINVAL, "request.firm_age_years",
                         "must be a finite number (negative = unknown)");
    if (req->requested.currency[0] != '\0' &&
        (strcmp(req->requested.currency, currency) != 0 ||
         req->requested.minor <= 0))
        return ipl__fail(err, IPL_EINVAL, "request.requested",
                         "must be a positive amount in %s", currency);
    if (req->exposure.currency[0] != '\0' &&
        (strcmp(req->exposure.currency, currency) != 0 ||
         req->exposure.minor < 0))
        return ipl__fail(err, IPL_EINVAL, "request.exposure",
                         "must be an amount >= 0 in %s", currency);
    return IPL_OK;
}

static int
ipl__check_right(const ipl_pledge_right *r, size_t i, const char *currency,
                 ipl_error *err)
{
    char where[48];

#define IPL__WHERE(field) \
    (snprintf(where, sizeof where, "rights[%zu].%s", i, field), where)
    if (r->version != IPL_PLEDGE_RIGHT_VERSION)
        return ipl__fail(err, IPL_EVERSION, IPL__WHERE("version"),
                         "unknown version %u", r->version);
    if (ipl_right_type_name(r->type) == NULL)
        return ipl__fail(err, IPL_EINVAL, IPL__WHERE("type"),
                         "unknown kind of right %d", (int)r->type);
    if (ipl_legal_status_name(r->status) == NULL)
        return ipl__fail(err, IPL_EINVAL, IPL__WHERE("status"),
                         "unknown legal status %d", (int)r->status);
    if (strcmp(r->value.currency, currency) != 0 || r->value.minor <= 0)
        return ipl__fail(err, IPL_EINVAL, IPL__WHERE("value"),
                         "must be a positive amount in %s", currency);
    if (r->value_low.currency[0] != '\0' &&
        (strcmp(r->value_low.currency, currency) != 0 ||
         r->value_low.minor <= 0 || r->value_low.minor > r->value.minor))
        return ipl__fail(err, IPL_EINVAL, IPL__WHERE("value_low"),
                         "must be a positive amount in %s, at most the value",
                         currency);
    if (!isfinite(r->value_cv) || r->value_cv < 0)
        return ipl__fail(err, IPL_EINVAL, IPL__WHERE("value_cv"),
                         "must be a finite number >= 0");
    if (!isfinite(r->dependence) || r->dependence < 0 || r->dependence > 1)
        return ipl__fail(err, IPL_EINVAL, IPL__WHERE("dependence"),
                         "must be 0..1, got %g", r->dependence);
    if (r->expiry.year != 0 && !ipl_date_is_valid(r->expiry))
        return ipl__fail(err, IPL_EINVAL, IPL__WHERE("expiry"),
                         "not a calendar date (year 0 = unknown)");
    if (r->registered.year != 0 && !ipl_date_is_valid(r->registered))
        return ipl__fail(err, IPL_EINVAL, IPL__WHERE("registered"),
                         "not a calendar date (year 0 = unknown)");
#undef IPL__WHERE
    return IPL_OK;
}

/* ---- tests ---- */

/* start + months < limit, in calendar months; an unknown or unreachable
 * limit counts as "below" (the conservative reading). */
static int
ipl__before_offset(ipl_date limit, ipl_date start, double months)
{
    ipl_date edge;

    if (limit.year == 0 ||
        ipl_date_add_months(&edge, start, (int64_t)lround(months),
                            IPL_MONTH_CLAMP, NULL) < 0)
        return 1;
    return ipl_date_compare(limit, edge) < 0;
}

/* Whether a rule's test holds for a right (or, with r NULL, for the
 * request), with a clause saying why for the trace. */
static int
ipl__test_holds(const ipl_pledge_rule *rule, const ipl_pledge_right *r,
                const ipl_pledge_request *req, char *why, size_t size)
{
    switch (rule->test) {
    case IPL_PLEDGE_TEST_FLAGS:
        snprintf(why, size, "circumstance flags 0x%x present", rule->flags);
        return (r->flags & rule->flags) != 0;
    case IPL_PLEDGE_TEST_TYPE:
        snprintf(why, size, "right is a %s", ipl_right_type_name(rule->right));
        return r->type == rule->right;
    case IPL_PLEDGE_TEST_NOT_IN_FORCE:
        snprintf(why, size, "legal status is %s",
                 ipl_legal_status_name(r->status));
        return r->status != IPL_STATUS_IN_FORCE;
    case IPL_PLEDGE_TEST_LIFE_BELOW:
        snprintf(why, size, "remaining legal life under %g years", rule->threshold);
        return ipl__before_offset(r->expiry, req->start, rule->threshold * 12);
    case IPL_PLEDGE_TEST_LIFE_VS_TENOR:
        snprintf(why, size, "remaining legal life under %g x the %u-month tenor",
                 rule->threshold, req->tenor_months);
        return ipl__before_offset(r->expiry, req->start,
                                  rule->threshold * req->tenor_months);
    case IPL_PLEDGE_TEST_REGISTERED_BELOW:
        snprintf(why, size, "registered for under %g years", rule->threshold);
        return r->registered.year == 0 ||
               ipl__before_offset(req->start, r->registered,
                                  rule->threshold * 12);
    case IPL_PLEDGE_TEST_INDUSTRY:
        snprintf(why, size, "industry is %.40s", rule->text);
        return r->industry != NULL && strcmp(r->industry, rule->text) == 0;
    case IPL_PLEDGE_TEST_FIRM_AGE_BELOW:
        snprintf(why, size, "borrower in operation under %g years%s",
                 rule->threshold, req->firm_age_years < 0 ? " (unknown)" : "");
        return req->firm_age_years < rule->threshold;
    case IPL_PLEDGE_TEST_TENOR_ABOVE:
        snprintf(why, size, "tenor %u months above %g", req->tenor_months,
                 rule->threshold);
        return req->tenor_months > rule->threshold;
    case IPL_PLEDGE_TEST_DEPENDENCE:
        snprintf(why, size, "dependence on the borrower %.2f", r->dependence);
        return r->dependence > 0;
    case IPL_PLEDGE_TEST_UNCERTAINTY:
        snprintf(why, size, "value coefficient of variation %.3f", r->value_cv);
        return r->value_cv > 0;
    case IPL_PLEDGE_TEST_NONE:
        break;
    }
    return 0;
}

/* Whether a rule concerns a right at all: a rule restricted to one kind
 * of right (other than through the kind test itself) skips the others. */
static int
ipl__rule_applies(const ipl_pledge_rule *rule, const ipl_pledge_right *r)
{
    return rule->test == IPL_PLEDGE_TEST_TYPE || rule->right == IPL_RIGHT_NONE ||
           rule->right == r->type;
}

/* The multiplier an adjustment applies once its test holds. */
static double
ipl__factor(const ipl_pledge_rule *rule, const ipl_pledge_right *r)
{
    double f;

    if (rule->test == IPL_PLEDGE_TEST_DEPENDENCE)
        f = 1 - rule->slope * r->dependence;
    else if (rule->test == IPL_PLEDGE_TEST_UNCERTAINTY)
        f = 1 - rule->slope * r->value_cv;
    else
        return rule->factor;
    return f > rule->floor ? f : rule->floor;
}

/* ---- the decision ---- */

/* The state of one decision while it is taken. */
typedef struct ipl__decision {
    ipl_pledge *p;
    const ipl_pledge_rules *rules;
    const ipl_pledge_request *req;
    const ipl_pledge_right *rights;
    int request_ok;
    size_t eligible;
} ipl__decision;

static const char *
ipl__show(char *buf, const ipl_money *m)
{
    if (ipl_money_format(buf, IPL_MONEY_FORMAT_MAX, m,
                         IPL_MONEY_FORMAT_GROUP | IPL_MONEY_FORMAT_CODE,
                         NULL) < 0)
        snprintf(buf, IPL_MONEY_FORMAT_MAX, "?");
    return buf;
}

static int
ipl__fail_step(ipl__decision *d, int right, const char *rule,
               const char *source, const char *why)
{
    if (right < 0)
        d->request_ok = 0;
    if (ipl__step(&d->p->failures, right, rule, source, 0, 0, "%s", why) < 0 ||
        ipl__step(&d->p->trace, right, rule, source, 0, 0, "ineligible: %s",
                  why) < 0)
        return IPL_ENOMEM;
    return IPL_OK;
}

/* Request-wide gates and the tenor cap. */
static int
ipl__request_gates(ipl__decision *d)
{
    const ipl__rule_list *gates = &d->rules->gates;
    unsigned max_tenor = d->rules->caps.max_tenor_months;
    char why[160];
    size_t i;

    for (i = 0; i < gates->count; i++) {
        const ipl_pledge_rule *g = &gates->items[i];

        if (ipl__pledge_test_is_request_wide(g->test) &&
            ipl__test_holds(g, NULL, d->req, why, sizeof why) &&
            ipl__fail_step(d, -1, g->name, g->source, why) < 0)
            return IPL_ENOMEM;
    }
    if (max_tenor != 0 && d->req->tenor_months > max_tenor) {
        snprintf(why, sizeof why, "tenor %u months exceeds the cap of %u",
                 d->req->tenor_months, max_tenor);
        if (ipl__fail_step(d, -1, "max_tenor_months", NULL, why) < 0)
            return IPL_ENOMEM;
    }
    return IPL_OK;
}

/* Whether right i may serve as collateral at all. */
static int
ipl__right_gates(ipl__decision *d, size_t i)
{
    const ipl_pledge_right *r = &d->rights[i];
    const ipl__rule_list *gates = &d->rules->gates;
    char why[160];
    size_t g;
    int ok = 1;

    if (!d->rules->ratios[r->type].set) {
        snprintf(why, sizeof why, "no pledge ratio for %s under these rules",
                 ipl_right_type_name(r->type));
        if (ipl__fail_step(d, (int)i, "ratio", NULL, why) < 0)
            return IPL_ENOMEM;
        ok = 0;
    }
    for (g = 0; g < gates->count; g++) {
        const ipl_pledge_rule *gate = &gates->items[g];

        if (!ipl__pledge_test_is_request_wide(gate->test) &&
            ipl__rule_applies(gate, r) &&
            ipl__test_holds(gate, r, d->req, why, sizeof why)) {
            if (ipl__fail_step(d, (int)i, gate->name, gate->source, why) < 0)
                return IPL_ENOMEM;
            ok = 0;
        }
    }
    d->p->shares[i].eligible = ok;
    d->eligible += (size_t)ok;
    return IPL_OK;
}

/* Multiplies *ratio by a factor and records the step. */
static int
ipl__scale(ipl__decision *d, size_t i, double *ratio, double factor,
           const char *rule, const char *source, const char *why)
{
    double before = *ratio;

    *ratio *= factor;
    return ipl__step(&d->p->trace, (int)i, rule, source, before, *ratio,
                     "%s: ratio %.4f x %.4f = %.4f", why, before, factor,
                     *ratio);
}

/* Lowers *ratio to cap when above it, recording the step. */
static int
ipl__clip(ipl__decision *d, size_t i, double *ratio, double cap,
          const char *rule, const char *source)
{
    double before = *ratio;

    if (*ratio <= cap)
        return IPL_OK;
    *ratio = cap;
    return ipl__step(&d->p->trace, (int)i, rule, source, before, cap,
                     "ratio %.4f capped at %.4f", before, cap);
}

/* The ratio of an eligible right: base, adjustments, bundle, caps. */
static int
ipl__right_ratio(ipl__decision *d, size_t i, double *out)
{
    const ipl_pledge_right *r = &d->rights[i];
    const ipl__pledge_ratio *base = &d->rules->ratios[r->type];
    const ipl_pledge_caps *caps = &d->rules->caps;
    double ratio = base->base;
    char why[160];
    size_t a;

    if (ipl__step(&d->p->trace, (int)i, "base", base->source, 0, ratio,
                  "base ratio for %s: %.4f", ipl_right_type_name(r->type),
                  ratio) < 0)
        return IPL_ENOMEM;
    for (a = 0; a < d->rules->adjustments.count; a++) {
        const ipl_pledge_rule *adj = &d->rules->adjustments.items[a];

        if (ipl__rule_applies(adj, r) &&
            ipl__test_holds(adj, r, d->req, why, sizeof why) &&
            ipl__scale(d, i, &ratio, ipl__factor(adj, r), adj->name,
                       adj->source, why) < 0)
            return IPL_ENOMEM;
    }
    if (d->eligible > 1 && caps->bundle_max >= 1) {
        double bonus = 1 + caps->bundle_step * (double)(d->eligible - 1);

        snprintf(why, sizeof why, "bundle of %zu eligible rights", d->eligible);
        if (ipl__scale(d, i, &ratio, bonus < caps->bundle_max ? bonus
                                                              : caps->bundle_max,
                       "bundle", NULL, why) < 0)
            return IPL_ENOMEM;
    }
    if (ipl__clip(d, i, &ratio, base->max, "max_ratio_by_kind", base->source) < 0 ||
        (caps->max_ratio > 0 &&
         ipl__clip(d, i, &ratio, caps->max_ratio, "max_ratio", NULL) < 0))
        return IPL_ENOMEM;
    *out = ratio;
    return IPL_OK;
}

/* Ratio and collateral value of right i, added to the total. */
static int
ipl__right_collateral(ipl__decision *d, size_t i, ipl_error *err)
{
    const ipl_pledge_right *r = &d->rights[i];
    ipl__pledge_share *share = &d->p->shares[i];
    const ipl_money *basis = &r->value;
    char a[IPL_MONEY_FORMAT_MAX], b[IPL_MONEY_FORMAT_MAX];
    int rc;

    if ((rc = ipl__right_ratio(d, i, &share->ratio)) < 0)
        return ipl__fail(err, rc, "trace", "out of memory");
    if (d->rules->caps.basis == IPL_BASIS_LOW_QUANTILE &&
        r->value_low.currency[0] != '\0')
        basis = &r->value_low;
    if ((rc = ipl_money_mul_rate(&share->collateral, basis, share->ratio,
                                 IPL_ROUND_DOWN, err)) < 0 ||
        (rc = ipl_money_add(&d->p->collateral, &d->p->collateral,
                            &share->collateral, err)) < 0)
        return rc;
    if (ipl__step(&d->p->trace, (int)i, "collateral", NULL,
                  ipl_money_to_double(basis),
                  ipl_money_to_double(&share->collateral),
                  "%s value %s x %.4f = %s (rounded down)",
                  basis == &r->value ? "appraised" : "low-quantile",
                  ipl__show(a, basis), share->ratio,
                  ipl__show(b, &share->collateral)) < 0)
        return ipl__fail(err, IPL_ENOMEM, "trace", "out of memory");
    return IPL_OK;
}

/* Lowers the largest loan to a cap when it binds. */
static int
ipl__cap_loan(ipl__decision *d, int64_t cap, const char *rule, const char *why)
{
    ipl_money *loan = &d->p->max_loan;
    char a[IPL_MONEY_FORMAT_MAX], b[IPL_MONEY_FORMAT_MAX];
    ipl_money capped = *loan;
    double before = ipl_money_to_double(loan);

    if (loan->minor <= cap)
        return IPL_OK;
    capped.minor = cap;
    ipl__show(a, loan);
    *loan = capped;
    return ipl__step(&d->p->trace, -1, rule, NULL, before,
                     ipl_money_to_double(loan), "%s: %s lowered to %s", why, a,
                     ipl__show(b, loan));
}

/* The largest loan: the collateral, within the loan and borrower caps. */
static int
ipl__largest_loan(ipl__decision *d)
{
    const ipl_pledge_caps *caps = &d->rules->caps;
    const ipl_pledge_request *req = d->req;

    d->p->max_loan = d->p->collateral;
    if (!d->request_ok || d->eligible == 0) {
        d->p->max_loan.minor = 0;
        return IPL_OK;
    }
    if (caps->max_loan > 0 &&
        ipl__cap_loan(d, caps->max_loan, "max_loan", "cap per loan") < 0)
        return IPL_ENOMEM;
    if (caps->max_borrower > 0) {
        int64_t room = caps->max_borrower - (req->exposure.currency[0] != '\0'
                                             ? req->exposure.minor : 0);

        if (ipl__cap_loan(d, room > 0 ? room : 0, "max_borrower",
                          "cap per borrower less existing loans") < 0)
            return IPL_ENOMEM;
    }
    if (req->requested.currency[0] != '\0' &&
        req->requested.minor > d->p->max_loan.minor) {
        char a[IPL_MONEY_FORMAT_MAX], b[IPL_MONEY_FORMAT_MAX];

        if (ipl__step(&d->p->trace, -1, "requested", NULL,
                      ipl_money_to_double(&req->requested),
                      ipl_money_to_double(&d->p->max_loan),
                      "requested %s exceeds the largest loan %s",
                      ipl__show(a, &req->requested),
                      ipl__show(b, &d->p->max_loan)) < 0)
            return IPL_ENOMEM;
    }
    return IPL_OK;
}

static int
ipl__decide(ipl__decision *d, size_t n, ipl_error *err)
{
    ipl_money total = d->p->collateral;   /* zero, in the rules' currency */
    size_t i;
    int rc;

    if (ipl__request_gates(d) < 0)
        return ipl__fail(err, IPL_ENOMEM, "trace", "out of memory");
    for (i = 0; i < n; i++)
        if (ipl__right_gates(d, i) < 0)
            return ipl__fail(err, IPL_ENOMEM, "trace", "out of memory");
    for (i = 0; i < n; i++) {
        if (d->p->shares[i].eligible &&
            (rc = ipl__right_collateral(d, i, err)) < 0)
            return rc;
        if ((rc = ipl_money_add(&total, &total, &d->rights[i].value, err)) < 0)
            return rc;
    }
    if (d->eligible == 0 &&
        ipl__fail_step(d, -1, "eligibility", NULL, "no right is eligible") < 0)
        return ipl__fail(err, IPL_ENOMEM, "trace", "out of memory");
    if (ipl__largest_loan(d) < 0)
        return ipl__fail(err, IPL_ENOMEM, "trace", "out of memory");
    d->p->eligible = d->request_ok && d->eligible > 0;
    d->p->ratio = (double)d->p->max_loan.minor / (double)total.minor;
    return IPL_OK;
}

int
ipl_pledge_new(ipl_pledge **out, const ipl_pledge_rules *rules,
               const ipl_pledge_request *request,
               const ipl_pledge_right *rights, size_t n, ipl_error *err)
{
    ipl__decision d;
    size_t i;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, rules);
    IPL__CHECK_ARG(err, rights);
    if (n == 0)
        return ipl__fail(err, IPL_EINVAL, "n", "at least one right is needed");
    if ((rc = ipl__check_request(request, rules->currency, err)) < 0)
        return rc;
    for (i = 0; i < n; i++)
        if ((rc = ipl__check_right(&rights[i], i, rules->currency, err)) < 0)
            return rc;

    memset(&d, 0, sizeof d);
    d.rules = rules;
    d.req = request;
    d.rights = rights;
    d.request_ok = 1;
    if ((d.p = ipl__calloc(1, sizeof *d.p)) == NULL ||
        (d.p->shares = ipl__calloc(n, sizeof *d.p->shares)) == NULL) {
        ipl_pledge_free(d.p);
        return ipl__fail(err, IPL_ENOMEM, "pledge", "out of memory");
    }
    d.p->nrights = n;
    for (i = 0; i < n; i++)
        memcpy(d.p->shares[i].collateral.currency, rules->currency, 4);
    memcpy(d.p->collateral.currency, rules->currency, 4);
    if ((rc = ipl__decide(&d, n, err)) < 0) {
        ipl_pledge_free(d.p);
        return rc;
    }
    ipl__steps_seal(&d.p->trace);
    ipl__steps_seal(&d.p->failures);
    *out = d.p;
    return IPL_OK;
}

/* ---- accessors ---- */

int
ipl_pledge_eligible(const ipl_pledge *p)
{
    return p != NULL && p->eligible;
}

const ipl_money *
ipl_pledge_max_loan(const ipl_pledge *p)
{
    return p != NULL ? &p->max_loan : NULL;
}

const ipl_money *
ipl_pledge_collateral(const ipl_pledge *p)
{
    return p != NULL ? &p->collateral : NULL;
}

double
ipl_pledge_ratio(const ipl_pledge *p)
{
    return p != NULL ? p->ratio : 0;
}

double
ipl_pledge_right_ratio(const ipl_pledge *p, size_t right)
{
    if (p == NULL || right >= p->nrights || !p->shares[right].eligible)
        return 0;
    return p->shares[right].ratio;
}

const ipl_money *
ipl_pledge_right_collateral(const ipl_pledge *p, size_t right)
{
    if (p == NULL || right >= p->nrights)
        return NULL;
    return &p->shares[right].collateral;
}

size_t
ipl_pledge_failure_count(const ipl_pledge *p)
{
    return p != NULL ? p->failures.count : 0;
}

const ipl_pledge_step *
ipl_pledge_failure(const ipl_pledge *p, size_t i)
{
    if (p == NULL || i >= p->failures.count)
        return NULL;
    return &p->failures.items[i].view;
}

size_t
ipl_pledge_trace_count(const ipl_pledge *p)
{
    return p != NULL ? p->trace.count : 0;
}

const ipl_pledge_step *
ipl_pledge_trace(const ipl_pledge *p, size_t i)
{
    if (p == NULL || i >= p->trace.count)
        return NULL;
    return &p->trace.items[i].view;
}
