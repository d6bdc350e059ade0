/* The rights of an assumptions document (<income>, <cost>, <market>)
 * read into the blocks of value.h. An attribute that is absent leaves 0
 * in its field: the valuation modules read 0 as "the library default". */
#include <stdio.h>

#include "alloc_internal.h"
#include "error_internal.h"
#include "xmldoc_internal.h"

#include "assumptions_internal.h"

/* An xs:boolean attribute; absent is false. */
static int
ipl__truth(xmlNodePtr node, const char *attr)
{
    static const char *const truths[] = { "", "true", "1", NULL };

    return ipl__vdoc_pick(node, attr, truths) != 0;
}

/* A timing attribute: "mid", or the end of each period. */
static ipl_value_timing
ipl__timing(xmlNodePtr node)
{
    static const char *const timings[] = { "end", "mid", NULL };

    return ipl__vdoc_pick(node, "timing", timings) == 1 ? IPL_VALUE_TIMING_MID
                                                        : IPL_VALUE_TIMING_END;
}

static int
ipl__date(ipl__vdoc_reader *r, ipl_date *out, xmlNodePtr node, const char *attr)
{
    xmlChar *text = ipl__vdoc_attr(node, attr);
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
ipl__series(ipl__vdoc_reader *r, double **out, size_t *len, xmlNodePtr node)
{
    size_t k = ipl__vdoc_count(node, "v"), i = 0;
    xmlNodePtr v;
    int rc;

    *len = k;
    if (k == 0)
        return IPL_OK;
    if ((*out = ipl__calloc(k, sizeof **out)) == NULL)
        return ipl__fail(r->err, IPL_ENOMEM, r->a->label, "out of memory");
    for (v = node->children; v != NULL; v = v->next)
        if (ipl__vdoc_named(v, "v") && (rc = ipl__vdoc_content(r, &(*out)[i++], v)) < 0)
            return rc;
    return IPL_OK;
}

/* A copy of the name attribute, owned by the right. */
static int
ipl__name(ipl__vdoc_reader *r, ipl__assumptions_right *right, const char **out,
          xmlNodePtr node)
{
    xmlChar *text = ipl__vdoc_attr(node, "name");
    char *copy = text != NULL ? ipl__strdup((const char *)text) : NULL;

    xmlFree(text);
    if (copy == NULL)
        return ipl__fail(r->err, IPL_ENOMEM, r->a->label, "out of memory");
    right->names[right->nnames++] = copy;
    *out = copy;
    return IPL_OK;
}

static int
ipl__read_charges(ipl__vdoc_reader *r, ipl__assumptions_right *right, xmlNodePtr income)
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
        if (ipl__vdoc_named(n, "charge")) {
            ipl_value_charge *c = &right->charges[i];

            if ((rc = ipl__vdoc_note_at(r, "charges", i++, n)) < 0 ||
                (rc = ipl__name(r, right, &c->name, n)) < 0 ||
                (rc = ipl__vdoc_num(r, &c->amount, n, "amount", 0)) < 0 ||
                (rc = ipl__vdoc_num(r, &c->return_on, n, "return-on", 0)) < 0 ||
                (rc = ipl__vdoc_num(r, &c->return_of, n, "return-of", 0)) < 0)
                return rc;
        }
    return IPL_OK;
}

static int
ipl__read_premia(ipl__vdoc_reader *r, ipl__assumptions_right *right, xmlNodePtr discount)
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
        if (ipl__vdoc_named(n, "premium")) {
            ipl_value_premium *p = &right->premia[i];

            if ((rc = ipl__vdoc_note_at(r, "premia", i++, n)) < 0 ||
                (rc = ipl__name(r, right, &p->name, n)) < 0 ||
                (rc = ipl__vdoc_num(r, &p->rate, n, "rate", 0)) < 0)
                return rc;
        }
    return IPL_OK;
}

/* The charges' and premia's names live in one array of the right. */
static int
ipl__read_named(ipl__vdoc_reader *r, ipl__assumptions_right *right, xmlNodePtr income)
{
    xmlNodePtr discount = ipl__vdoc_child(income, "discount");
    size_t names;
    int rc;

    right->income.charge_count = ipl__vdoc_count(income, "charge");
    right->income.premium_count = ipl__vdoc_count(discount, "premium");
    names = right->income.charge_count + right->income.premium_count;
    if (names > 0 && (right->names = ipl__calloc(names, sizeof *right->names)) == NULL)
        return ipl__fail(r->err, IPL_ENOMEM, r->a->label, "out of memory");
    if ((rc = ipl__read_charges(r, right, income)) < 0)
        return rc;
    return ipl__read_premia(r, right, discount);
}

/* Which element gives which of the income block's fields. */
static int
ipl__income_lines(ipl__vdoc_reader *r, xmlNodePtr n)
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
    xmlNodePtr period = ipl__vdoc_child(n, "period");
    size_t i;
    int rc;

    for (i = 0; period_fields[i] != NULL; i++)
        if ((rc = ipl__vdoc_note(r, period_fields[i], period)) < 0)
            return rc;
    for (i = 0; fields[i].field != NULL; i++)
        if ((rc = ipl__vdoc_note(r, fields[i].field,
                                 ipl__vdoc_child(n, fields[i].element))) < 0)
            return rc;
    return IPL_OK;
}

static int
ipl__read_period(ipl__vdoc_reader *r, ipl_value_income *in, xmlNodePtr period)
{
    int rc;

    in->renewable = ipl__truth(period, "renewable");
    if ((rc = ipl__vdoc_num(r, &in->legal_years, period, "legal-years", 0)) < 0 ||
        (rc = ipl__vdoc_num(r, &in->contract_years, period, "contract-years", 0)) < 0 ||
        (rc = ipl__vdoc_num(r, &in->economic_years, period, "economic-years", 0)) < 0 ||
        (rc = ipl__vdoc_num(r, &in->first_period, period, "first-period", 0)) < 0 ||
        (rc = ipl__date(r, &in->legal_expiry, period, "legal-expiry")) < 0 ||
        (rc = ipl__date(r, &in->valuation_date, period, "valuation-date")) < 0)
        return rc;
    return IPL_OK;
}

/* <base>, <share>/<shares>, <premium> and <without>. */
static int
ipl__read_flows(ipl__vdoc_reader *r, ipl__assumptions_right *right, xmlNodePtr n)
{
    static const char *const kinds[] = {
        "", "revenue", "profit", "cash-flow", "volume", NULL
    };
    ipl_value_income *in = &right->income;
    xmlNodePtr base = ipl__vdoc_child(n, "base"), x;
    int rc;

    in->base_kind = (ipl_value_base)ipl__vdoc_pick(base, "kind", kinds);
    if ((rc = ipl__series(r, &right->base, &in->base_count, base)) < 0 ||
        (rc = ipl__vdoc_num(r, &in->base_first, base, "first", 0)) < 0 ||
        (rc = ipl__vdoc_num(r, &in->base_growth, base, "growth", 0)) < 0 ||
        (rc = ipl__vdoc_num(r, &in->base_decline, base, "decline", 0)) < 0 ||
        (rc = ipl__vdoc_num(r, &in->share, ipl__vdoc_child(n, "share"), "value", 0)) < 0 ||
        (rc = ipl__series(r, &right->shares, &in->share_count,
                          ipl__vdoc_child(n, "shares"))) < 0 ||
        (rc = ipl__series(r, &right->without, &in->without_count,
                          ipl__vdoc_child(n, "without"))) < 0)
        return rc;
    in->base = right->base;
    in->shares = right->shares;
    in->without = right->without;
    if ((x = ipl__vdoc_child(n, "premium")) != NULL)
        return ipl__vdoc_content(r, &in->premium, x);
    return IPL_OK;
}

static int
ipl__read_income(ipl__vdoc_reader *r, ipl__assumptions_right *right, xmlNodePtr n)
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
    in->method = (ipl_value_method)ipl__vdoc_pick(n, "method", methods);
    in->timing = ipl__timing(n);
    in->textbook = ipl__truth(n, "textbook");
    if ((rc = ipl__read_flows(r, right, n)) < 0 ||
        (rc = ipl__vdoc_num(r, &in->tax_rate, ipl__vdoc_child(n, "tax"), "rate", 0)) < 0 ||
        (rc = ipl__vdoc_num(r, &in->discount_rate, ipl__vdoc_child(n, "discount"), "rate",
                            0)) < 0 ||
        (rc = ipl__read_period(r, in, ipl__vdoc_child(n, "period"))) < 0)
        return rc;
    if ((x = ipl__vdoc_child(n, "terminal")) != NULL) {
        in->terminal = 1;
        if ((rc = ipl__vdoc_num(r, &in->terminal_growth, x, "growth", 0)) < 0)
            return rc;
    }
    if ((x = ipl__vdoc_child(n, "tab")) != NULL) {
        in->tab_timing = ipl__timing(x);
        if ((rc = ipl__vdoc_num(r, &in->tab_years, x, "years", 0)) < 0)
            return rc;
    }
    return ipl__read_named(r, right, n);
}

static int
ipl__read_cost(ipl__vdoc_reader *r, ipl_value_cost *c, xmlNodePtr n)
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

    c->basis = (ipl_value_cost_basis)ipl__vdoc_pick(n, "basis", bases);
    for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if ((rc = ipl__vdoc_num(r, fields[i].field, n, fields[i].attr, 0)) < 0)
            return rc;
    return IPL_OK;
}

static int
ipl__read_comparable(ipl__vdoc_reader *r, ipl_value_comparable *x, xmlNodePtr n)
{
    const struct { double *field; const char *attr; } fields[] = {
        { &x->price, "price" }, { &x->time, "time" }, { &x->technology, "technology" },
        { &x->legal, "legal" }, { &x->terms, "terms" }, { &x->quality, "quality" },
        { &x->weight, "weight" }
    };
    size_t i;
    int rc;

    for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if ((rc = ipl__vdoc_num(r, fields[i].field, n, fields[i].attr, 0)) < 0)
            return rc;
    return IPL_OK;
}

static int
ipl__read_market(ipl__vdoc_reader *r, ipl__assumptions_right *right, xmlNodePtr n)
{
    size_t k = ipl__vdoc_count(n, "comparable"), i = 0;
    xmlNodePtr c;
    int rc;

    /* The schema asks for at least one comparable. */
    if ((right->comparables = ipl__calloc(k, sizeof *right->comparables)) == NULL)
        return ipl__fail(r->err, IPL_ENOMEM, r->a->label, "out of memory");
    right->market.comparables = right->comparables;
    right->market.count = k;
    for (c = n->children; c != NULL; c = c->next)
        if (ipl__vdoc_named(c, "comparable")) {
            if ((rc = ipl__vdoc_note_at(r, "comparables", i, c)) < 0 ||
                (rc = ipl__read_comparable(r, &right->comparables[i++], c)) < 0)
                return rc;
        }
    return ipl__vdoc_num(r, &right->market.quality, n, "quality", 0);
}

int
ipl__vdoc_read_right(ipl__vdoc_reader *r, size_t k, xmlNodePtr n)
{
    ipl__assumptions_right *right = &r->a->rights[k];
    int rc;

    /* "rights[k]" and every field with no closer element come from the
     * right's own element. */
    r->scope[0] = '\0';
    snprintf(r->scope, sizeof r->scope, "rights[%zu]", k);
    if ((rc = ipl__vdoc_note(r, "", n)) < 0)
        return rc;
    snprintf(r->scope, sizeof r->scope, "rights[%zu].", k);
    ipl_value_income_init(&right->income, IPL_VALUE_INCOME_VERSION);
    ipl_value_cost_init(&right->cost, IPL_VALUE_COST_VERSION);
    ipl_value_market_init(&right->market, IPL_VALUE_MARKET_VERSION);
    if (ipl__vdoc_named(n, "income")) {
        right->approach = IPL_ASSUMPTIONS_INCOME;
        return ipl__read_income(r, right, n);
    }
    if (ipl__vdoc_named(n, "cost")) {
        right->approach = IPL_ASSUMPTIONS_COST;
        return ipl__read_cost(r, &right->cost, n);
    }
    right->approach = IPL_ASSUMPTIONS_MARKET;
    return ipl__read_market(r, right, n);
}
