/* The tree of a validated assumptions document, read into the blocks of
 * value.h and montecarlo.h. The schema has already checked every
 * element, enumeration and lexical form, so what can still fail here is
 * memory, and numbers or dates the library cannot hold (more than 15
 * significant digits, NaN, a date outside the calendar it supports).
 * An attribute that is absent leaves 0 in its field: the valuation
 * modules read 0 as "the library default". */
#include <math.h>
#include <string.h>

#include <libxml/tree.h>

#include "alloc_internal.h"
#include "error_internal.h"
#include "xmldoc_internal.h"

#include "assumptions_internal.h"

/* The document being read, the error record, and the field path prefix
 * of the right being read ("rights[1]."; "" outside rights). */
typedef struct ipl__reader {
    ipl_assumptions *a;
    ipl_error *err;
    char scope[24];
} ipl__reader;

static int
ipl__named(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static xmlNodePtr
ipl__child(xmlNodePtr n, const char *name)
{
    for (n = n != NULL ? n->children : NULL; n != NULL; n = n->next)
        if (ipl__named(n, name))
            return n;
    return NULL;
}

static size_t
ipl__count(xmlNodePtr n, const char *name)
{
    size_t k = 0;

    for (n = n != NULL ? n->children : NULL; n != NULL; n = n->next)
        k += ipl__named(n, name);
    return k;
}

static xmlChar *
ipl__attr(xmlNodePtr n, const char *name)
{
    return n != NULL ? xmlGetNoNsProp(n, (const xmlChar *)name) : NULL;
}

/* Fields starting with scope + field come from node. */
static int
ipl__note(ipl__reader *r, const char *field, xmlNodePtr node)
{
    char prefix[sizeof r->a->lines[0].prefix];

    snprintf(prefix, sizeof prefix, "%s%s", r->scope, field);
    return ipl__assumptions_note(r->a, prefix, node, r->err);
}

/* The same for the i-th element of a list: "charges[2]". */
static int
ipl__note_at(ipl__reader *r, const char *list, size_t i, xmlNodePtr node)
{
    char field[32];

    snprintf(field, sizeof field, "%s[%zu]", list, i);
    return ipl__note(r, field, node);
}

static int
ipl__number_text(ipl__reader *r, double *out, const xmlChar *text, xmlNodePtr node,
                 const char *what)
{
    if (ipl__assumptions_double(out, (const char *)text) < 0 || isnan(*out))
        return ipl__xmldoc_fail_at(r->err, IPL_EPARSE, r->a->label, node,
                                   "%s: \"%s\" is not a number of at most 15 "
                                   "significant digits", what, (const char *)text);
    return IPL_OK;
}

/* The attribute as a double, or dflt when it is absent. */
static int
ipl__num(ipl__reader *r, double *out, xmlNodePtr node, const char *attr, double dflt)
{
    xmlChar *text = ipl__attr(node, attr);
    int rc = IPL_OK;

    *out = dflt;
    if (text != NULL)
        rc = ipl__number_text(r, out, text, node, attr);
    xmlFree(text);
    return rc;
}

/* An element's content as a double. */
static int
ipl__content(ipl__reader *r, double *out, xmlNodePtr node)
{
    xmlChar *text = xmlNodeGetContent(node);
    int rc;

    if (text == NULL)
        return ipl__fail(r->err, IPL_ENOMEM, r->a->label, "out of memory");
    rc = ipl__number_text(r, out, text, node, (const char *)node->name);
    xmlFree(text);
    return rc;
}

/* A count attribute (xs:positiveInteger and the like), or dflt when it
 * is absent; values beyond size_t become SIZE_MAX, which the simulation
 * refuses with its own range. */
static int
ipl__size(ipl__reader *r, size_t *out, xmlNodePtr node, const char *attr, size_t dflt)
{
    xmlChar *text = ipl__attr(node, attr);
    uint64_t v = dflt;
    int rc = IPL_OK;

    if (text != NULL && ipl__assumptions_uint64(&v, (const char *)text) < 0)
        rc = ipl__xmldoc_fail_at(r->err, IPL_EPARSE, r->a->label, node,
                                 "%s: \"%s\" is not a whole number below 2^64", attr,
                                 (const char *)text);
    xmlFree(text);
    *out = v > SIZE_MAX ? SIZE_MAX : (size_t)v;
    return rc;
}

/* The position of the attribute's value in names, or 0 when absent. */
static int
ipl__pick(xmlNodePtr node, const char *attr, const char *const *names)
{
    xmlChar *s = ipl__attr(node, attr);
    int i, found = 0;

    for (i = 0; s != NULL && names[i] != NULL; i++)
        if (strcmp((const char *)s, names[i]) == 0)
            found = i;
    xmlFree(s);
    return found;
}

/* An xs:boolean attribute; absent is false. */
static int
ipl__truth(xmlNodePtr node, const char *attr)
{
    static const char *const truths[] = { "", "true", "1", NULL };

    return ipl__pick(node, attr, truths) != 0;
}

/* A timing attribute: "mid", or the end of each period. */
static ipl_value_timing
ipl__timing(xmlNodePtr node)
{
    static const char *const timings[] = { "end", "mid", NULL };

    return ipl__pick(node, "timing", timings) == 1 ? IPL_VALUE_TIMING_MID
                                                   : IPL_VALUE_TIMING_END;
}

static int
ipl__date(ipl__reader *r, ipl_date *out, xmlNodePtr node, const char *attr)
{
    xmlChar *text = ipl__attr(node, attr);
    int rc = IPL_OK;

    if (text != NULL && ipl_date_parse(out, (const char *)text, NULL) < 0)
        rc = ipl__xmldoc_fail_at(r->err, IPL_EPARSE, r->a->label, node,
                                 "%s: \"%s\" is not a date ipledge can hold", attr,
                                 (const char *)text);
    xmlFree(text);
    return rc;
}

/* The <v> children of node as a new array (NULL when there are none). */
static int
ipl__series(ipl__reader *r, double **out, size_t *len, xmlNodePtr node)
{
    size_t k = ipl__count(node, "v"), i = 0;
    xmlNodePtr v;
    int rc;

    *len = k;
    if (k == 0)
        return IPL_OK;
    if ((*out = ipl__calloc(k, sizeof **out)) == NULL)
        return ipl__fail(r->err, IPL_ENOMEM, r->a->label, "out of memory");
    for (v = node->children; v != NULL; v = v->next)
        if (ipl__named(v, "v") && (rc = ipl__content(r, &(*out)[i++], v)) < 0)
            return rc;
    return IPL_OK;
}

/* A copy of the name attribute, owned by the right. */
static int
ipl__name(ipl__reader *r, ipl__assumptions_right *right, const char **out, xmlNodePtr node)
{
    xmlChar *text = ipl__attr(node, "name");
    char *copy = text != NULL ? ipl__strdup((const char *)text) : NULL;

    xmlFree(text);
    if (copy == NULL)
        return ipl__fail(r->err, IPL_ENOMEM, r->a->label, "out of memory");
    right->names[right->nnames++] = copy;
    *out = copy;
    return IPL_OK;
}

static int
ipl__read_charges(ipl__reader *r, ipl__assumptions_right *right, xmlNodePtr income)
{
    size_t i = 0;
    xmlNodePtr n;
    int rc;

    if (right->income.charge_count == 0)
        return IPL_OK;
    if ((right->charges = ipl__calloc(right->income.charge_count,
                                      sizeof *right->charges)) == NULL)
        return ipl__fail(r->err, IPL_ENOMEM, r->a->label, "out of memory");
    right->income.charges = right->charges;
    for (n = income->children; n != NULL; n = n->next)
        if (ipl__named(n, "charge")) {
            ipl_value_charge *c = &right->charges[i];

            if ((rc = ipl__note_at(r, "charges", i++, n)) < 0 ||
                (rc = ipl__name(r, right, &c->name, n)) < 0 ||
                (rc = ipl__num(r, &c->amount, n, "amount", 0)) < 0 ||
                (rc = ipl__num(r, &c->return_on, n, "return-on", 0)) < 0 ||
                (rc = ipl__num(r, &c->return_of, n, "return-of", 0)) < 0)
                return rc;
        }
    return IPL_OK;
}

static int
ipl__read_premia(ipl__reader *r, ipl__assumptions_right *right, xmlNodePtr discount)
{
    size_t i = 0;
    xmlNodePtr n;
    int rc;

    if (right->income.premium_count == 0)
        return IPL_OK;
    if ((right->premia = ipl__calloc(right->income.premium_count,
                                     sizeof *right->premia)) == NULL)
        return ipl__fail(r->err, IPL_ENOMEM, r->a->label, "out of memory");
    right->income.premia = right->premia;
    for (n = discount->children; n != NULL; n = n->next)
        if (ipl__named(n, "premium")) {
            ipl_value_premium *p = &right->premia[i];

            if ((rc = ipl__note_at(r, "premia", i++, n)) < 0 ||
                (rc = ipl__name(r, right, &p->name, n)) < 0 ||
                (rc = ipl__num(r, &p->rate, n, "rate", 0)) < 0)
                return rc;
        }
    return IPL_OK;
}

/* The charges' and premia's names live in one array of the right. */
static int
ipl__read_named(ipl__reader *r, ipl__assumptions_right *right, xmlNodePtr income)
{
    xmlNodePtr discount = ipl__child(income, "discount");
    size_t names;
    int rc;

    right->income.charge_count = ipl__count(income, "charge");
    right->income.premium_count = ipl__count(discount, "premium");
    names = right->income.charge_count + right->income.premium_count;
    if (names > 0 && (right->names = ipl__calloc(names, sizeof *right->names)) == NULL)
        return ipl__fail(r->err, IPL_ENOMEM, r->a->label, "out of memory");
    if ((rc = ipl__read_charges(r, right, income)) < 0)
        return rc;
    return ipl__read_premia(r, right, discount);
}

/* Which element gives which of the income block's fields. */
static int
ipl__income_lines(ipl__reader *r, xmlNodePtr n)
{
    static const char *const period_fields[] = {
        "legal", "valuation_date", "contract_years", "economic_years", "first_period",
        "renewable", NULL
    };
    static const struct { const char *field, *element; } fields[] = {
        { "base", "base" }, { "share", "share" }, { "share", "shares" },
        { "premium", "premium" }, { "without", "without" }, { "charges", "charge" },
        { "tax_rate", "tax" }, { "discount_rate", "discount" }, { "premia", "discount" },
        { "terminal", "terminal" }, { "tab", "tab" }, { NULL, NULL }
    };
    xmlNodePtr period = ipl__child(n, "period");
    size_t i;
    int rc;

    for (i = 0; period_fields[i] != NULL; i++)
        if ((rc = ipl__note(r, period_fields[i], period)) < 0)
            return rc;
    for (i = 0; fields[i].field != NULL; i++)
        if ((rc = ipl__note(r, fields[i].field, ipl__child(n, fields[i].element))) < 0)
            return rc;
    return IPL_OK;
}

static int
ipl__read_period(ipl__reader *r, ipl_value_income *in, xmlNodePtr period)
{
    int rc;

    in->renewable = ipl__truth(period, "renewable");
    if ((rc = ipl__num(r, &in->legal_years, period, "legal-years", 0)) < 0 ||
        (rc = ipl__num(r, &in->contract_years, period, "contract-years", 0)) < 0 ||
        (rc = ipl__num(r, &in->economic_years, period, "economic-years", 0)) < 0 ||
        (rc = ipl__num(r, &in->first_period, period, "first-period", 0)) < 0 ||
        (rc = ipl__date(r, &in->legal_expiry, period, "legal-expiry")) < 0 ||
        (rc = ipl__date(r, &in->valuation_date, period, "valuation-date")) < 0)
        return rc;
    return IPL_OK;
}

/* <base>, <share>/<shares>, <premium> and <without>. */
static int
ipl__read_flows(ipl__reader *r, ipl__assumptions_right *right, xmlNodePtr n)
{
    static const char *const kinds[] = {
        "", "revenue", "profit", "cash-flow", "volume", NULL
    };
    ipl_value_income *in = &right->income;
    xmlNodePtr base = ipl__child(n, "base"), x;
    int rc;

    in->base_kind = (ipl_value_base)ipl__pick(base, "kind", kinds);
    if ((rc = ipl__series(r, &right->base, &in->base_count, base)) < 0 ||
        (rc = ipl__num(r, &in->base_first, base, "first", 0)) < 0 ||
        (rc = ipl__num(r, &in->base_growth, base, "growth", 0)) < 0 ||
        (rc = ipl__num(r, &in->base_decline, base, "decline", 0)) < 0 ||
        (rc = ipl__num(r, &in->share, ipl__child(n, "share"), "value", 0)) < 0 ||
        (rc = ipl__series(r, &right->shares, &in->share_count,
                          ipl__child(n, "shares"))) < 0 ||
        (rc = ipl__series(r, &right->without, &in->without_count,
                          ipl__child(n, "without"))) < 0)
        return rc;
    in->base = right->base;
    in->shares = right->shares;
    in->without = right->without;
    if ((x = ipl__child(n, "premium")) != NULL)
        return ipl__content(r, &in->premium, x);
    return IPL_OK;
}

static int
ipl__read_income(ipl__reader *r, ipl__assumptions_right *right, xmlNodePtr n)
{
    static const char *const methods[] = {
        "", "split", "relief-from-royalty", "mpeem", "with-and-without", "direct-excess",
        NULL
    };
    ipl_value_income *in = &right->income;
    xmlNodePtr x;
    int rc;

    if ((rc = ipl__income_lines(r, n)) < 0)
        return rc;
    in->method = (ipl_value_method)ipl__pick(n, "method", methods);
    in->timing = ipl__timing(n);
    in->textbook = ipl__truth(n, "textbook");
    if ((rc = ipl__read_flows(r, right, n)) < 0 ||
        (rc = ipl__num(r, &in->tax_rate, ipl__child(n, "tax"), "rate", 0)) < 0 ||
        (rc = ipl__num(r, &in->discount_rate, ipl__child(n, "discount"), "rate", 0)) < 0 ||
        (rc = ipl__read_period(r, in, ipl__child(n, "period"))) < 0)
        return rc;
    if ((x = ipl__child(n, "terminal")) != NULL) {
        in->terminal = 1;
        if ((rc = ipl__num(r, &in->terminal_growth, x, "growth", 0)) < 0)
            return rc;
    }
    if ((x = ipl__child(n, "tab")) != NULL) {
        in->tab_timing = ipl__timing(x);
        if ((rc = ipl__num(r, &in->tab_years, x, "years", 0)) < 0)
            return rc;
    }
    return ipl__read_named(r, right, n);
}

static int
ipl__read_cost(ipl__reader *r, ipl_value_cost *c, xmlNodePtr n)
{
    static const char *const bases[] = {
        "", "components", "multiplier", "indexed", NULL
    };
    const struct { double *field; const char *attr; } fields[] = {
        { &c->labour, "labour" }, { &c->materials, "materials" },
        { &c->overhead, "overhead" }, { &c->fees, "fees" },
        { &c->financing, "financing" }, { &c->profit, "profit" },
        { &c->beta1, "beta1" }, { &c->beta2, "beta2" },
        { &c->profit_rate, "profit-rate" }, { &c->historical_cost, "historical-cost" },
        { &c->index_then, "index-then" }, { &c->index_now, "index-now" },
        { &c->used_years, "used-years" }, { &c->remaining_years, "remaining-years" },
        { &c->newness, "newness" }, { &c->functional_amount, "functional-amount" },
        { &c->functional_rate, "functional-rate" },
        { &c->economic_amount, "economic-amount" },
        { &c->economic_rate, "economic-rate" }, { &c->transfer_share, "transfer-share" },
        { &c->opportunity_cost, "opportunity-cost" }
    };
    size_t i;
    int rc;

    c->basis = (ipl_value_cost_basis)ipl__pick(n, "basis", bases);
    for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if ((rc = ipl__num(r, fields[i].field, n, fields[i].attr, 0)) < 0)
            return rc;
    return IPL_OK;
}

static int
ipl__read_comparable(ipl__reader *r, ipl_value_comparable *x, xmlNodePtr n)
{
    const struct { double *field; const char *attr; } fields[] = {
        { &x->price, "price" }, { &x->time, "time" }, { &x->technology, "technology" },
        { &x->legal, "legal" }, { &x->terms, "terms" }, { &x->quality, "quality" },
        { &x->weight, "weight" }
    };
    size_t i;
    int rc;

    for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if ((rc = ipl__num(r, fields[i].field, n, fields[i].attr, 0)) < 0)
            return rc;
    return IPL_OK;
}

static int
ipl__read_market(ipl__reader *r, ipl__assumptions_right *right, xmlNodePtr n)
{
    size_t k = ipl__count(n, "comparable"), i = 0;
    xmlNodePtr c;
    int rc;

    /* The schema asks for at least one comparable. */
    if ((right->comparables = ipl__calloc(k, sizeof *right->comparables)) == NULL)
        return ipl__fail(r->err, IPL_ENOMEM, r->a->label, "out of memory");
    right->market.comparables = right->comparables;
    right->market.count = k;
    for (c = n->children; c != NULL; c = c->next)
        if (ipl__named(c, "comparable")) {
            if ((rc = ipl__note_at(r, "comparables", i, c)) < 0 ||
                (rc = ipl__read_comparable(r, &right->comparables[i++], c)) < 0)
                return rc;
        }
    return ipl__num(r, &right->market.quality, n, "quality", 0);
}

/* Right k from element n (<income>, <cost> or <market>). */
static int
ipl__read_right(ipl__reader *r, size_t k, xmlNodePtr n)
{
    ipl__assumptions_right *right = &r->a->rights[k];
    int rc;

    /* "rights[k]" and every field with no closer element come from the
     * right's own element. */
    r->scope[0] = '\0';
    snprintf(r->scope, sizeof r->scope, "rights[%zu]", k);
    if ((rc = ipl__note(r, "", n)) < 0)
        return rc;
    snprintf(r->scope, sizeof r->scope, "rights[%zu].", k);
    ipl_value_income_init(&right->income, IPL_VALUE_INCOME_VERSION);
    ipl_value_cost_init(&right->cost, IPL_VALUE_COST_VERSION);
    ipl_value_market_init(&right->market, IPL_VALUE_MARKET_VERSION);
    if (ipl__named(n, "income")) {
        right->approach = IPL_ASSUMPTIONS_INCOME;
        return ipl__read_income(r, right, n);
    }
    if (ipl__named(n, "cost")) {
        right->approach = IPL_ASSUMPTIONS_COST;
        return ipl__read_cost(r, &right->cost, n);
    }
    right->approach = IPL_ASSUMPTIONS_MARKET;
    return ipl__read_market(r, right, n);
}

/* <correlation>: the xs:list of the inputs' matrix, row by row. */
static int
ipl__read_correlation(ipl__reader *r, xmlNodePtr n)
{
    ipl_assumptions *a = r->a;
    size_t want = a->ninputs * a->ninputs, k = 0, len;
    xmlChar *text = xmlNodeGetContent(n);
    const char *p = (const char *)text;
    char item[64];
    double x;
    int rc = IPL_OK;

    if (text == NULL || (a->correlation = ipl__calloc(want ? want : 1,
                                                      sizeof *a->correlation)) == NULL) {
        xmlFree(text);
        return ipl__fail(r->err, IPL_ENOMEM, a->label, "out of memory");
    }
    for (; rc == IPL_OK && *p != '\0'; p += len) {
        p += strspn(p, " \t\r\n");
        if ((len = strcspn(p, " \t\r\n")) == 0)
            break;
        snprintf(item, sizeof item, "%.*s", (int)(len < sizeof item ? len : sizeof item - 1),
                 p);
        if ((rc = ipl__number_text(r, &x, (const xmlChar *)item, n, "correlation")) == 0 &&
            k < want)
            a->correlation[k] = x;
        k++;
    }
    xmlFree(text);
    if (rc == IPL_OK && k != want)
        rc = ipl__xmldoc_fail_at(r->err, IPL_EPARSE, a->label, n,
                                 "correlation: %zu numbers for %zu inputs, expected %zu",
                                 k, a->ninputs, want);
    a->mc.correlation = a->correlation;
    return rc;
}

static int
ipl__read_input(ipl__reader *r, ipl_montecarlo_input *in, xmlNodePtr c)
{
    static const char *const fields[] = {   /* in the order of ipl_montecarlo_field */
        "base-scale", "base-growth", "base-decline", "share-scale", "tax-rate",
        "discount-rate", "legal-years", "contract-years", "economic-years",
        "terminal-growth", "cost-scale", "newness", "remaining-years", "functional-rate",
        "economic-rate", NULL
    };
    static const char *const dists[] = {
        "fixed", "uniform", "triangular", "pert", "normal", "lognormal", NULL
    };
    xmlChar *lower = ipl__attr(c, "lower"), *upper = ipl__attr(c, "upper");
    int rc;

    in->dist.truncated = lower != NULL || upper != NULL;
    xmlFree(lower);
    xmlFree(upper);
    in->field = (ipl_montecarlo_field)ipl__pick(c, "field", fields);
    in->dist.kind = (ipl_montecarlo_kind)ipl__pick(c, "dist", dists);
    if ((rc = ipl__size(r, &in->right, c, "right", 0)) < 0 ||
        (rc = ipl__num(r, &in->dist.a, c, "a", 0)) < 0 ||
        (rc = ipl__num(r, &in->dist.b, c, "b", 0)) < 0 ||
        (rc = ipl__num(r, &in->dist.mode, c, "mode", 0)) < 0 ||
        (rc = ipl__num(r, &in->dist.lower, c, "lower",
                       in->dist.truncated ? -HUGE_VAL : 0)) < 0 ||
        (rc = ipl__num(r, &in->dist.upper, c, "upper",
                       in->dist.truncated ? HUGE_VAL : 0)) < 0)
        return rc;
    return IPL_OK;
}

static int
ipl__read_options(ipl__reader *r, ipl_montecarlo_options *mc, xmlNodePtr n)
{
    xmlChar *seed = ipl__attr(n, "seed");
    size_t threads;
    int rc = IPL_OK;

    ipl_montecarlo_options_init(mc, IPL_MONTECARLO_OPTIONS_VERSION);
    if (seed != NULL && ipl__assumptions_uint64(&mc->seed, (const char *)seed) < 0)
        rc = ipl__xmldoc_fail_at(r->err, IPL_EPARSE, r->a->label, n,
                                 "seed: \"%s\" is not a whole number below 2^64",
                                 (const char *)seed);
    xmlFree(seed);
    if (rc < 0 || (rc = ipl__size(r, &mc->paths, n, "paths", 10000)) < 0 ||
        (rc = ipl__size(r, &threads, n, "threads", 1)) < 0 ||
        (rc = ipl__size(r, &mc->bins, n, "bins", 20)) < 0)
        return rc;
    /* Beyond UINT_MAX is beyond the simulation's range, which says so. */
    mc->threads = threads > UINT_MAX ? UINT_MAX : (unsigned int)threads;
    return IPL_OK;
}

static int
ipl__read_montecarlo(ipl__reader *r, xmlNodePtr n)
{
    ipl_assumptions *a = r->a;
    size_t i = 0;
    xmlNodePtr c;
    int rc;

    a->has_montecarlo = 1;
    /* Of two notes of one prefix the first wins: the <correlation>
     * element, when there is one, over <montecarlo>. */
    if ((rc = ipl__note(r, "opts", n)) < 0 || (rc = ipl__note(r, "montecarlo", n)) < 0 ||
        (rc = ipl__note(r, "correlation", ipl__child(n, "correlation"))) < 0 ||
        (rc = ipl__note(r, "correlation", n)) < 0 ||
        (rc = ipl__read_options(r, &a->mc, n)) < 0)
        return rc;
    /* The schema asks for at least one input. */
    a->ninputs = ipl__count(n, "input");
    if ((a->inputs = ipl__calloc(a->ninputs, sizeof *a->inputs)) == NULL)
        return ipl__fail(r->err, IPL_ENOMEM, a->label, "out of memory");
    for (c = n->children; c != NULL; c = c->next)
        if (ipl__named(c, "input")) {
            if ((rc = ipl__note_at(r, "inputs", i, c)) < 0 ||
                (rc = ipl__read_input(r, &a->inputs[i++], c)) < 0)
                return rc;
        }
    if ((c = ipl__child(n, "correlation")) != NULL)
        return ipl__read_correlation(r, c);
    return IPL_OK;
}

int
ipl__assumptions_build(ipl_assumptions *a, xmlNodePtr root, ipl_error *err)
{
    ipl__reader r = { NULL, NULL, "" };
    xmlChar *currency = ipl__attr(root, "currency");
    xmlNodePtr n;
    size_t k = 0;
    int rc = IPL_OK;

    r.a = a;
    r.err = err;
    if (currency != NULL && strlen((const char *)currency) != 3) {
        xmlFree(currency);
        return ipl__xmldoc_fail_at(err, IPL_EPARSE, a->label, root,
                                   "currency: not an ISO 4217 code of three letters");
    }
    snprintf(a->currency, sizeof a->currency, "%s",
             currency != NULL ? (const char *)currency : "CNY");
    xmlFree(currency);
    a->root_line = (int)xmlGetLineNo(root);
    a->nrights = ipl__count(root, "income") + ipl__count(root, "cost") +
                 ipl__count(root, "market");
    /* The schema asks for at least one right. */
    if ((a->rights = ipl__calloc(a->nrights, sizeof *a->rights)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, a->label, "out of memory");
    for (n = root->children; rc == IPL_OK && n != NULL; n = n->next)
        if (n->type == XML_ELEMENT_NODE && !ipl__named(n, "montecarlo"))
            rc = ipl__read_right(&r, k++, n);
    r.scope[0] = '\0';
    if (rc == IPL_OK && (n = ipl__child(root, "montecarlo")) != NULL)
        rc = ipl__read_montecarlo(&r, n);
    return rc;
}
