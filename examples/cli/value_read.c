/* Reading an assumptions document: parse without network or DTDs,
 * validate against valuation.xsd, then walk the tree into the
 * library's assumption blocks. Numbers are xs:double by the schema, so
 * strtod (in the C locale this program never changes) reads them. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "value.h"

/* The first error libxml2 reports, with its line. */
typedef struct first_error {
    int  line;
    char message[512];
} first_error;

static void
keep_first(void *ctx, xmlErrorPtr e)
{
    first_error *f = ctx;
    size_t n;

    if (f->message[0] != '\0' || e == NULL || e->message == NULL)
        return;
    f->line = e->line;
    snprintf(f->message, sizeof f->message, "%s", e->message);
    n = strlen(f->message);
    if (n > 0 && f->message[n - 1] == '\n')
        f->message[n - 1] = '\0';
}

static int
complain(FILE *errs, const char *path, int line, const char *message)
{
    if (line > 0)
        fprintf(errs, "ipledge value: %s:%d: %s\n", path, line, message);
    else
        fprintf(errs, "ipledge value: %s: %s\n", path, message);
    return -1;
}

static int
validate(xmlDocPtr xml, const char *path, const char *schema_path, FILE *errs)
{
    xmlSchemaParserCtxtPtr pctx = xmlSchemaNewParserCtxt(schema_path);
    xmlSchemaPtr schema = NULL;
    xmlSchemaValidCtxtPtr vctx = NULL;
    first_error fe = { 0, "" };
    int rc = -1;

    if (pctx != NULL) {
        xmlSchemaSetParserStructuredErrors(pctx, keep_first, &fe);
        schema = xmlSchemaParse(pctx);
    }
    if (schema == NULL) {
        complain(errs, schema_path, fe.line, fe.message[0] ? fe.message
                 : "cannot read the schema");
        goto out;
    }
    if ((vctx = xmlSchemaNewValidCtxt(schema)) == NULL)
        goto out;
    xmlSchemaSetValidStructuredErrors(vctx, keep_first, &fe);
    if (xmlSchemaValidateDoc(vctx, xml) != 0)
        complain(errs, path, fe.line, fe.message[0] ? fe.message : "invalid document");
    else
        rc = 0;
out:
    xmlSchemaFreeValidCtxt(vctx);
    xmlSchemaFree(schema);
    xmlSchemaFreeParserCtxt(pctx);
    return rc;
}

/* ---- tree walking ---------------------------------------------------- */

static xmlNodePtr
child(xmlNodePtr n, const char *name)
{
    for (n = n ? n->children : NULL; n != NULL; n = n->next)
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0)
            return n;
    return NULL;
}

static size_t
count(xmlNodePtr n, const char *name)
{
    size_t k = 0;

    for (n = n ? n->children : NULL; n != NULL; n = n->next)
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0)
            k++;
    return k;
}

/* A new string the document owns; "" when absent. */
static const char *
keep(value_doc *doc, xmlChar *s)
{
    char *copy = strdup(s ? (const char *)s : "");
    char **grown = copy ? realloc(doc->names, (doc->nnames + 1) * sizeof *grown) : NULL;

    xmlFree(s);
    if (grown == NULL) {
        free(copy);
        return NULL;
    }
    doc->names = grown;
    doc->names[doc->nnames++] = copy;
    return copy;
}

/* Remembers that fields starting with prefix (within the right being
 * read) come from element n. */
static int
note(value_doc *doc, const char *prefix, xmlNodePtr n)
{
    struct value_line *grown;

    if (n == NULL)
        return 0;
    grown = realloc(doc->lines, (doc->nlines + 1) * sizeof *grown);
    if (grown == NULL)
        return -1;
    doc->lines = grown;
    snprintf(grown[doc->nlines].prefix, sizeof grown[doc->nlines].prefix, "%s%s",
             doc->scope, prefix);
    grown[doc->nlines++].line = (int)xmlGetLineNo(n);
    return 0;
}

/* note() for the i-th element of a list: "charges[2]". */
static int
note_at(value_doc *doc, const char *list, size_t i, xmlNodePtr n)
{
    char prefix[48];

    snprintf(prefix, sizeof prefix, "%s[%zu]", list, i);
    return note(doc, prefix, n);
}

int
value_doc_line(const value_doc *doc, const char *where)
{
    size_t i, best = 0, len;
    int line = doc->root_line;

    for (i = 0; i < doc->nlines; i++) {
        len = strlen(doc->lines[i].prefix);
        if (len > best && strncmp(where, doc->lines[i].prefix, len) == 0) {
            best = len;
            line = doc->lines[i].line;
        }
    }
    return line;
}

static double
number_text(const char *s)
{
    return strtod(s, NULL);
}

/* The attribute as a double, or dflt when it is absent. */
static double
num(xmlNodePtr n, const char *attr, double dflt)
{
    xmlChar *s = n ? xmlGetProp(n, (const xmlChar *)attr) : NULL;
    double x = s ? number_text((const char *)s) : dflt;

    xmlFree(s);
    return x;
}

/* Nonzero when the attribute equals want (absent: dflt). */
static int
is(xmlNodePtr n, const char *attr, const char *want, int dflt)
{
    xmlChar *s = n ? xmlGetProp(n, (const xmlChar *)attr) : NULL;
    int r = s ? strcmp((const char *)s, want) == 0 : dflt;

    xmlFree(s);
    return r;
}

/* The position of the attribute's value in a list, or 0 when absent. */
static int
pick(xmlNodePtr n, const char *attr, const char *const *names)
{
    xmlChar *s = n ? xmlGetProp(n, (const xmlChar *)attr) : NULL;
    int i, r = 0;

    for (i = 0; s != NULL && names[i] != NULL; i++)
        if (strcmp((const char *)s, names[i]) == 0)
            r = i;
    xmlFree(s);
    return r;
}

static int
truth(xmlNodePtr n, const char *attr)
{
    return is(n, attr, "true", 0) || is(n, attr, "1", 0);
}

/* The <v> children as a new array; *n receives their count. */
static double *
series(xmlNodePtr n, size_t *len)
{
    size_t k = count(n, "v"), i = 0;
    double *xs = calloc(k ? k : 1, sizeof *xs);

    *len = k;
    for (n = n ? n->children : NULL; xs != NULL && n != NULL; n = n->next)
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "v") == 0) {
            xmlChar *s = xmlNodeGetContent(n);

            xs[i++] = number_text((const char *)s);
            xmlFree(s);
        }
    return xs;
}

static int
read_date(ipl_date *d, xmlNodePtr n, const char *attr)
{
    xmlChar *s = xmlGetProp(n, (const xmlChar *)attr);
    int rc = 0;

    if (s != NULL)
        rc = ipl_date_parse(d, (const char *)s, NULL);
    xmlFree(s);
    return rc;
}

static int
read_charges_and_premia(value_doc *doc, value_right *r, xmlNodePtr income)
{
    xmlNodePtr discount = child(income, "discount"), n;
    size_t nc = count(income, "charge"), np = count(discount, "premium");

    size_t i = 0;

    r->charges = calloc(nc ? nc : 1, sizeof *r->charges);
    r->premia = calloc(np ? np : 1, sizeof *r->premia);
    if (r->charges == NULL || r->premia == NULL)
        return -1;
    for (n = income->children; n != NULL; n = n->next)
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "charge") == 0) {
            ipl_value_charge *c = &r->charges[i];

            if (note_at(doc, "charges", i++, n) < 0)
                return -1;
            c->name = keep(doc, xmlGetProp(n, (const xmlChar *)"name"));
            c->amount = num(n, "amount", 0);
            c->return_on = num(n, "return-on", 0);
            c->return_of = num(n, "return-of", 0);
            if (c->name == NULL)
                return -1;
        }
    r->income.charges = nc ? r->charges : NULL;
    r->income.charge_count = nc;
    i = 0;
    for (n = discount ? discount->children : NULL; n != NULL; n = n->next)
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "premium") == 0) {
            if (note_at(doc, "premia", i, n) < 0)
                return -1;
            r->premia[i].name = keep(doc, xmlGetProp(n, (const xmlChar *)"name"));
            r->premia[i++].rate = num(n, "rate", 0);
            if (r->premia[i - 1].name == NULL)
                return -1;
        }
    r->income.premia = np ? r->premia : NULL;
    r->income.premium_count = np;
    return 0;
}

static int
read_income(value_doc *doc, value_right *r, xmlNodePtr n)
{
    static const char *const methods[] = {
        "", "split", "relief-from-royalty", "mpeem", "with-and-without", "direct-excess",
        NULL
    };
    static const char *const kinds[] = { "", "revenue", "profit", "cash-flow", "volume",
                                         NULL };
    static const char *const period_fields[] = {
        "legal", "valuation_date", "contract_years", "economic_years", "first_period"
    };
    ipl_value_income *in = &r->income;
    xmlNodePtr base = child(n, "base"), period = child(n, "period"), x;
    size_t i;

    for (i = 0; i < sizeof period_fields / sizeof period_fields[0]; i++)
        if (note(doc, period_fields[i], period) < 0)
            return -1;
    if (note(doc, "base", base) < 0 || note(doc, "share", child(n, "share")) < 0 ||
        note(doc, "share", child(n, "shares")) < 0 ||
        note(doc, "premium", child(n, "premium")) < 0 ||
        note(doc, "without", child(n, "without")) < 0 ||
        note(doc, "charges", child(n, "charge")) < 0 ||
        note(doc, "tax_rate", child(n, "tax")) < 0 ||
        note(doc, "discount_rate", child(n, "discount")) < 0 ||
        note(doc, "premia", child(n, "discount")) < 0 ||
        note(doc, "terminal", child(n, "terminal")) < 0 ||
        note(doc, "tab", child(n, "tab")) < 0)
        return -1;

    in->method = (ipl_value_method)pick(n, "method", methods);
    in->timing = is(n, "timing", "mid", 0) ? IPL_VALUE_TIMING_MID : IPL_VALUE_TIMING_END;
    in->textbook = truth(n, "textbook");
    in->base_kind = (ipl_value_base)pick(base, "kind", kinds);
    if (count(base, "v") > 0) {
        if ((r->base = series(base, &in->base_count)) == NULL)
            return -1;
        in->base = r->base;
    }
    in->base_first = num(base, "first", 0);
    in->base_growth = num(base, "growth", 0);
    in->base_decline = num(base, "decline", 0);
    in->share = num(child(n, "share"), "value", 0);
    if ((x = child(n, "shares")) != NULL) {
        if ((r->shares = series(x, &in->share_count)) == NULL)
            return -1;
        in->shares = r->shares;
    }
    if ((x = child(n, "premium")) != NULL) {
        xmlChar *s = xmlNodeGetContent(x);

        in->premium = number_text((const char *)s);
        xmlFree(s);
    }
    if ((x = child(n, "without")) != NULL) {
        if ((r->without = series(x, &in->without_count)) == NULL)
            return -1;
        in->without = r->without;
    }
    in->tax_rate = num(child(n, "tax"), "rate", 0);
    in->discount_rate = num(child(n, "discount"), "rate", 0);
    in->legal_years = num(period, "legal-years", 0);
    in->renewable = truth(period, "renewable");
    in->contract_years = num(period, "contract-years", 0);
    in->economic_years = num(period, "economic-years", 0);
    in->first_period = num(period, "first-period", 0);
    if (read_date(&in->legal_expiry, period, "legal-expiry") < 0 ||
        read_date(&in->valuation_date, period, "valuation-date") < 0)
        return -1;
    if ((x = child(n, "terminal")) != NULL) {
        in->terminal = 1;
        in->terminal_growth = num(x, "growth", 0);
    }
    if ((x = child(n, "tab")) != NULL) {
        in->tab_years = num(x, "years", 0);
        in->tab_timing = is(x, "timing", "mid", 0) ? IPL_VALUE_TIMING_MID
                         : IPL_VALUE_TIMING_END;
    }
    return read_charges_and_premia(doc, r, n);
}

static void
read_cost(value_right *r, xmlNodePtr n)
{
    static const char *const bases[] = { "", "components", "multiplier", "indexed", NULL };
    ipl_value_cost *c = &r->cost;

    c->basis = (ipl_value_cost_basis)pick(n, "basis", bases);
    c->labour = num(n, "labour", 0);
    c->materials = num(n, "materials", 0);
    c->overhead = num(n, "overhead", 0);
    c->fees = num(n, "fees", 0);
    c->financing = num(n, "financing", 0);
    c->profit = num(n, "profit", 0);
    c->beta1 = num(n, "beta1", 0);
    c->beta2 = num(n, "beta2", 0);
    c->profit_rate = num(n, "profit-rate", 0);
    c->historical_cost = num(n, "historical-cost", 0);
    c->index_then = num(n, "index-then", 0);
    c->index_now = num(n, "index-now", 0);
    c->used_years = num(n, "used-years", 0);
    c->remaining_years = num(n, "remaining-years", 0);
    c->newness = num(n, "newness", 0);
    c->functional_amount = num(n, "functional-amount", 0);
    c->functional_rate = num(n, "functional-rate", 0);
    c->economic_amount = num(n, "economic-amount", 0);
    c->economic_rate = num(n, "economic-rate", 0);
    c->transfer_share = num(n, "transfer-share", 0);
    c->opportunity_cost = num(n, "opportunity-cost", 0);
}

static int
read_market(value_doc *doc, value_right *r, xmlNodePtr n)
{
    size_t k = count(n, "comparable"), i = 0;
    xmlNodePtr c;

    if ((r->comparables = calloc(k ? k : 1, sizeof *r->comparables)) == NULL)
        return -1;
    for (c = n->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE) {
            ipl_value_comparable *x = &r->comparables[i];

            if (note_at(doc, "comparables", i++, c) < 0)
                return -1;
            x->price = num(c, "price", 0);
            x->time = num(c, "time", 0);
            x->technology = num(c, "technology", 0);
            x->legal = num(c, "legal", 0);
            x->terms = num(c, "terms", 0);
            x->quality = num(c, "quality", 0);
            x->weight = num(c, "weight", 0);
        }
    r->market.comparables = r->comparables;
    r->market.count = k;
    r->market.quality = num(n, "quality", 0);
    return 0;
}

static int
read_correlation(value_doc *doc, xmlNodePtr n, const char *path, FILE *errs)
{
    xmlChar *text = xmlNodeGetContent(n);
    size_t want = doc->ninputs * doc->ninputs, k = 0;
    const char *p = (const char *)text;
    char *end;

    doc->correlation = calloc(want ? want : 1, sizeof *doc->correlation);
    while (doc->correlation != NULL && p != NULL && *p != '\0') {
        double x = strtod(p, &end);

        if (end == p)
            break;
        if (k < want)
            doc->correlation[k] = x;
        k++;
        p = end;
    }
    xmlFree(text);
    if (doc->correlation == NULL)
        return -1;
    if (k != want) {
        char msg[128];

        snprintf(msg, sizeof msg, "correlation: %zu numbers for %zu inputs, expected %zu",
                 k, doc->ninputs, want);
        return complain(errs, path, (int)xmlGetLineNo(n), msg);
    }
    doc->mc.correlation = doc->correlation;
    return 0;
}

static int
read_montecarlo(value_doc *doc, xmlNodePtr n, const char *path, FILE *errs)
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
    xmlChar *seed;
    size_t i = 0;
    xmlNodePtr c;

    doc->has_montecarlo = 1;
    /* Of two notes with the same prefix the first wins: the
     * <correlation> element, when there is one. */
    if (note(doc, "opts", n) < 0 || note(doc, "montecarlo", n) < 0 ||
        note(doc, "correlation", child(n, "correlation")) < 0 ||
        note(doc, "correlation", n) < 0)
        return -1;
    ipl_montecarlo_options_init(&doc->mc, IPL_MONTECARLO_OPTIONS_VERSION);
    doc->mc.paths = (size_t)num(n, "paths", 10000);
    seed = xmlGetProp(n, (const xmlChar *)"seed");
    doc->mc.seed = seed ? strtoull((const char *)seed, NULL, 10) : 0;   /* xs:unsignedLong */
    xmlFree(seed);
    doc->mc.threads = (unsigned)num(n, "threads", 1);
    doc->mc.bins = (size_t)num(n, "bins", 20);
    doc->ninputs = count(n, "input");
    if ((doc->inputs = calloc(doc->ninputs ? doc->ninputs : 1, sizeof *doc->inputs)) == NULL)
        return -1;
    for (c = n->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "input") == 0) {
            ipl_montecarlo_input *in = &doc->inputs[i];
            xmlChar *lower, *upper;

            if (note_at(doc, "inputs", i++, c) < 0)
                return -1;
            lower = xmlGetProp(c, (const xmlChar *)"lower");
            upper = xmlGetProp(c, (const xmlChar *)"upper");
            in->right = (size_t)num(c, "right", 0);
            in->field = (ipl_montecarlo_field)pick(c, "field", fields);
            in->dist.kind = (ipl_montecarlo_kind)pick(c, "dist", dists);
            in->dist.a = num(c, "a", 0);
            in->dist.b = num(c, "b", 0);
            in->dist.mode = num(c, "mode", 0);
            if (lower != NULL || upper != NULL) {
                in->dist.truncated = 1;
                in->dist.lower = num(c, "lower", -HUGE_VAL);
                in->dist.upper = num(c, "upper", HUGE_VAL);
            }
            xmlFree(lower);
            xmlFree(upper);
        }
    if ((c = child(n, "correlation")) != NULL)
        return read_correlation(doc, c, path, errs);
    return 0;
}

/* Reads right k from element n (income, cost or market). */
static int
read_right(value_doc *doc, size_t k, xmlNodePtr n)
{
    value_right *r = &doc->rights[k];
    const char *name = (const char *)n->name;

    char self[32];

    /* "rights[k]" and every field without a closer element come from
     * the right's own element. */
    doc->scope[0] = '\0';
    snprintf(self, sizeof self, "rights[%zu]", k);
    if (note(doc, self, n) < 0)
        return -1;
    snprintf(doc->scope, sizeof doc->scope, "rights[%zu].", k);
    ipl_value_income_init(&r->income, IPL_VALUE_INCOME_VERSION);
    ipl_value_cost_init(&r->cost, IPL_VALUE_COST_VERSION);
    ipl_value_market_init(&r->market, IPL_VALUE_MARKET_VERSION);
    if (strcmp(name, "income") == 0) {
        r->kind = VALUE_INCOME;
        return read_income(doc, r, n);
    }
    if (strcmp(name, "cost") == 0) {
        r->kind = VALUE_COST;
        read_cost(r, n);
        return 0;
    }
    r->kind = VALUE_MARKET;
    return read_market(doc, r, n);
}

static int
read_tree(value_doc *doc, xmlNodePtr root, const char *path, FILE *errs)
{
    xmlChar *cur = xmlGetProp(root, (const xmlChar *)"currency");
    xmlNodePtr n;
    int rc = 0;

    snprintf(doc->currency, sizeof doc->currency, "%s", cur ? (const char *)cur : "CNY");
    xmlFree(cur);
    doc->root_line = (int)xmlGetLineNo(root);
    doc->nrights = count(root, "income") + count(root, "cost") + count(root, "market");
    if ((doc->rights = calloc(doc->nrights, sizeof *doc->rights)) == NULL)
        rc = -1;
    doc->nrights = 0;
    for (n = root->children; rc == 0 && n != NULL; n = n->next)
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "montecarlo") != 0)
            rc = read_right(doc, doc->nrights++, n);
    doc->scope[0] = '\0';
    if (rc == 0 && (n = child(root, "montecarlo")) != NULL)
        rc = read_montecarlo(doc, n, path, errs);
    if (rc < 0 && !ferror(errs))
        complain(errs, path, 0, "out of memory or malformed date");
    return rc;
}

int
value_doc_read(value_doc *doc, const char *path, const char *schema_path, FILE *errs)
{
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    xmlDocPtr xml = NULL;
    int rc = -1;

    memset(doc, 0, sizeof *doc);
    if (ctxt == NULL)
        return complain(errs, path, 0, "out of memory");
    /* No network, no entity expansion (no XML_PARSE_NOENT), no DTD
     * loading; errors are collected, not printed. */
    xml = xmlCtxtReadFile(ctxt, path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
                          XML_PARSE_NOWARNING);
    if (xml == NULL) {
        xmlErrorPtr e = xmlCtxtGetLastError(ctxt);
        char msg[512];

        snprintf(msg, sizeof msg, "%s", e && e->message ? e->message : "cannot read");
        msg[strcspn(msg, "\n")] = '\0';
        complain(errs, path, e ? e->line : 0, msg);
    } else if (xml->intSubset != NULL) {
        complain(errs, path, 1, "a DOCTYPE is not accepted in an assumptions document");
    } else if (validate(xml, path, schema_path, errs) == 0) {
        rc = read_tree(doc, xmlDocGetRootElement(xml), path, errs);
    }
    xmlFreeDoc(xml);
    xmlFreeParserCtxt(ctxt);
    if (rc < 0)
        value_doc_free(doc);
    return rc;
}

void
value_doc_free(value_doc *doc)
{
    size_t i;

    for (i = 0; i < doc->nnames; i++)
        free(doc->names[i]);
    for (i = 0; doc->rights != NULL && i < doc->nrights; i++) {
        value_right *r = &doc->rights[i];

        free(r->base);
        free(r->shares);
        free(r->without);
        free(r->charges);
        free(r->premia);
        free(r->comparables);
    }
    free(doc->rights);
    free(doc->names);
    free(doc->correlation);
    free(doc->inputs);
    free(doc->lines);
    memset(doc, 0, sizeof *doc);
}
