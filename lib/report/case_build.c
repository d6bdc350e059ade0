/* A valid case document's elements, read into the case object. The
 * schema has checked shapes and enumerations; what is left is turning
 * text into ipledge values, each failure located at its element. */
#include <string.h>

#include <libxml/tree.h>

#include "ipledge/currency.h"
#include "ipledge/daycount.h"
#include "ipledge/pledge.h"
#include "alloc_internal.h"
#include "decimal_internal.h"
#include "error_internal.h"
#include "xmldoc_internal.h"
#include "case_internal.h"
#include "pledge_internal.h"

#define IPL__CASE_NS "urn:ipledge:case:1"

/* What every reader needs: the case and where errors go. */
typedef struct ipl__reader {
    ipl_case *c;
    ipl_error *err;
} ipl__reader;

static int
ipl__is(xmlNodePtr node, const char *name)
{
    return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
           xmlStrEqual(node->ns->href, (const xmlChar *)IPL__CASE_NS) &&
           xmlStrEqual(node->name, (const xmlChar *)name);
}

static xmlNodePtr
ipl__child(xmlNodePtr node, const char *name)
{
    xmlNodePtr k;

    for (k = node->children; k != NULL; k = k->next)
        if (ipl__is(k, name))
            return k;
    return NULL;
}

static int
ipl__nomem(ipl__reader *r)
{
    return ipl__fail(r->err, IPL_ENOMEM, r->c->label, "out of memory");
}

/* A new copy of attribute name (NULL, and IPL_OK, when it is absent). */
static int
ipl__text(char **out, ipl__reader *r, xmlNodePtr node, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(node, (const xmlChar *)name);

    *out = NULL;
    if (v == NULL)
        return IPL_OK;
    *out = ipl__strdup((const char *)v);
    xmlFree(v);
    return *out != NULL ? IPL_OK : ipl__nomem(r);
}

/* The attribute's text into a caller's buffer ("" when absent). */
static void
ipl__peek(char *buf, size_t size, xmlNodePtr node, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(node, (const xmlChar *)name);

    snprintf(buf, size, "%s", v != NULL ? (const char *)v : "");
    xmlFree(v);
}

static int
ipl__date(ipl_date *out, ipl__reader *r, xmlNodePtr node, const char *name)
{
    char text[64];
    ipl_error inner;

    ipl__peek(text, sizeof text, node, name);
    if (text[0] == '\0')
        return IPL_OK;
    if (ipl_date_parse(out, text, &inner) < 0)
        return ipl__xmldoc_fail_at(r->err, IPL_EPARSE, r->c->label, node,
                                 "%s: %s", name, inner.message);
    return IPL_OK;
}

static int
ipl__amount(ipl_money *out, ipl__reader *r, xmlNodePtr node, const char *name)
{
    char text[64];
    ipl_error inner;
    int rc;

    ipl__peek(text, sizeof text, node, name);
    if (text[0] == '\0')
        return ipl_money_from_minor(out, 0, r->c->currency, r->err);
    rc = ipl_money_parse(out, text, r->c->currency, IPL_ROUND_NEVER, &inner);
    if (rc < 0)
        return ipl__xmldoc_fail_at(r->err, IPL_EPARSE,
                                 r->c->label, node, "%s: %s", name,
                                 inner.message);
    return IPL_OK;
}

/* A decimal attribute (the schema has checked its syntax and range). */
static int
ipl__number(double *out, ipl__reader *r, xmlNodePtr node, const char *name)
{
    char text[64];
    ipl__decimal d;
    size_t bad;

    ipl__peek(text, sizeof text, node, name);
    if (text[0] == '\0')
        return IPL_OK;
    if (ipl__decimal_parse(&d, text, &bad) < 0)
        return ipl__xmldoc_fail_at(r->err, IPL_EPARSE, r->c->label, node,
                                 "%s: not a decimal of at most 15 significant "
                                 "digits: \"%s\"", name, text);
    *out = ipl__decimal_to_double(&d);
    return IPL_OK;
}

static int
ipl__right(ipl__case_right *out, ipl__reader *r, xmlNodePtr node)
{
    ipl_case_right *view = &out->view;
    char text[64];
    xmlNodePtr k;
    int rc;

    view->line = (int)xmlGetLineNo(node);
    ipl__peek(text, sizeof text, node, "type");
    if (ipl_right_type_from_name(&view->type, text, NULL) < 0)
        return ipl__xmldoc_fail_at(r->err, IPL_EPARSE, r->c->label, node,
                                 "type: unknown kind \"%s\"", text);
    ipl__peek(text, sizeof text, node, "status");
    if (text[0] != '\0' && ipl_legal_status_from_name(&view->status, text, NULL) < 0)
        return ipl__xmldoc_fail_at(r->err, IPL_EPARSE, r->c->label, node,
                                 "status: unknown status \"%s\"", text);
    for (k = node->children; k != NULL; k = k->next)
        if (ipl__is(k, "flag")) {
            xmlChar *v = xmlNodeGetContent(k);

            view->flags |= ipl__pledge_flag(v != NULL ? (const char *)v : "");
            xmlFree(v);
        }
    if ((rc = ipl__date(&view->registered, r, node, "registered")) < 0 ||
        (rc = ipl__date(&view->expiry, r, node, "expiry")) < 0 ||
        (rc = ipl__number(&view->dependence, r, node, "dependence")) < 0 ||
        (rc = ipl__text(&out->number, r, node, "number")) < 0 ||
        (rc = ipl__text(&out->record, r, node, "record")) < 0 ||
        (rc = ipl__text(&out->valuation, r, node, "valuation")) < 0)
        return rc;
    view->number = out->number;
    view->record = out->record;
    view->valuation = out->valuation;
    return IPL_OK;
}

static int
ipl__rights(ipl__reader *r, xmlNodePtr rights)
{
    xmlNodePtr k;
    size_t n = 0;
    int rc;

    for (k = rights->children; k != NULL; k = k->next)
        n += ipl__is(k, "right");
    if ((r->c->rights = ipl__calloc(n, sizeof *r->c->rights)) == NULL)
        return ipl__nomem(r);
    for (k = rights->children; k != NULL; k = k->next)
        if (ipl__is(k, "right")) {
            ipl__case_right *right = &r->c->rights[r->c->nrights++];

            if ((rc = ipl__right(right, r, k)) < 0)
                return rc;
        }
    return IPL_OK;
}

static int
ipl__policy(ipl__reader *r, xmlNodePtr node)
{
    char *file = NULL, *preset = NULL;
    int rc;

    if ((rc = ipl__text(&file, r, node, "file")) < 0 ||
        (rc = ipl__text(&preset, r, node, "preset")) < 0 ||
        (file == NULL) == (preset == NULL)) {
        ipl__free(file);
        ipl__free(preset);
        return rc < 0 ? rc
                      : ipl__xmldoc_fail_at(r->err, IPL_EPARSE, r->c->label, node,
                                          "give a preset (\"dongguan\") or a "
                                          "file, not both or neither");
    }
    r->c->policy = file != NULL ? file : preset;
    r->c->policy_is_file = file != NULL;
    return IPL_OK;
}

static int
ipl__loan(ipl__reader *r, xmlNodePtr node)
{
    ipl_case_loan *loan = &r->c->loan;
    char text[64];
    double months = 0;
    ipl_error inner;
    int rc;

    if ((rc = ipl__amount(&loan->amount, r, node, "amount")) < 0 ||
        (rc = ipl__amount(&loan->appraisal_fee, r, node, "appraisal-fee")) < 0 ||
        (rc = ipl__date(&loan->start, r, node, "start")) < 0 ||
        (rc = ipl__number(&months, r, node, "months")) < 0 ||
        (rc = ipl__number(&loan->rate, r, node, "rate")) < 0 ||
        (rc = ipl__number(&loan->lpr, r, node, "lpr")) < 0)
        return rc;
    loan->months = (unsigned int)months;
    loan->frequency = IPL_LOAN_MONTHLY;
    ipl__peek(text, sizeof text, node, "method");
    if (ipl_loan_method_from_name(&loan->method, text, &inner) < 0)
        return ipl__xmldoc_fail_at(r->err, IPL_EPARSE, r->c->label, node,
                                 "method: %s", inner.message);
    /* libxml2 does not fill in the schema's defaults */
    ipl__peek(text, sizeof text, node, "frequency");
    if (text[0] != '\0' &&
        ipl_loan_frequency_from_name(&loan->frequency, text, &inner) < 0)
        return ipl__xmldoc_fail_at(r->err, IPL_EPARSE, r->c->label, node,
                                 "frequency: %s", inner.message);
    ipl__peek(text, sizeof text, node, "daycount");
    if (text[0] == '\0')
        snprintf(text, sizeof text, "ACT/360");
    if (ipl_daycount_from_name(&loan->daycount, text, &inner) < 0)
        return ipl__xmldoc_fail_at(r->err, IPL_EPARSE, r->c->label, node,
                                 "daycount: %s", inner.message);
    return IPL_OK;
}

static int
ipl__recoveries(ipl__reader *r, xmlNodePtr node, size_t n)
{
    ipl_case_default *d = &r->c->dflt;
    xmlNodePtr k;
    int rc;

    if (n == 0)
        return IPL_OK;
    if ((r->c->recoveries = ipl__calloc(n, sizeof *r->c->recoveries)) == NULL)
        return ipl__nomem(r);
    d->recoveries = r->c->recoveries;
    for (k = node->children; k != NULL; k = k->next)
        if (ipl__is(k, "recovery")) {
            ipl_compensation_recovery *rec = &r->c->recoveries[d->n_recoveries++];

            if ((rc = ipl__date(&rec->date, r, k, "date")) < 0 ||
                (rc = ipl__amount(&rec->proceeds, r, k, "proceeds")) < 0 ||
                (rc = ipl__amount(&rec->costs, r, k, "costs")) < 0)
                return rc;
        }
    return IPL_OK;
}

static int
ipl__parties(ipl__reader *r, xmlNodePtr node, size_t n)
{
    ipl_case_default *d = &r->c->dflt;
    char role[16];
    xmlNodePtr k;
    int rc;

    if (n == 0)
        return IPL_OK;
    if ((r->c->parties = ipl__calloc(n, sizeof *r->c->parties)) == NULL ||
        (r->c->party_names = ipl__calloc(n, sizeof *r->c->party_names)) == NULL)
        return ipl__nomem(r);
    d->parties = r->c->parties;
    for (k = node->children; k != NULL; k = k->next)
        if (ipl__is(k, "party")) {
            ipl_case_party *p = &r->c->parties[d->n_parties++];

            ipl__peek(role, sizeof role, k, "role");
            p->role = strcmp(role, "fund") == 0     ? IPL_COMPENSATION_FUND
                      : strcmp(role, "lender") == 0 ? IPL_COMPENSATION_LENDER
                                                    : IPL_COMPENSATION_OTHER;
            if ((rc = ipl__number(&p->share, r, k, "share")) < 0 ||
                (rc = ipl__text(&r->c->party_names[d->n_parties - 1], r, k,
                                "name")) < 0)
                return rc;
            p->name = r->c->party_names[d->n_parties - 1];
        }
    return IPL_OK;
}

static int
ipl__default(ipl__reader *r, xmlNodePtr node)
{
    ipl_case_default *d = &r->c->dflt;
    size_t nrec = 0, nparty = 0;
    xmlNodePtr k;
    int rc;

    r->c->has_default = 1;
    for (k = node->children; k != NULL; k = k->next) {
        nrec += ipl__is(k, "recovery");
        nparty += ipl__is(k, "party");
    }
    if ((rc = ipl__date(&d->npl, r, node, "npl")) < 0 ||
        (rc = ipl__amount(&d->interest, r, node, "interest")) < 0 ||
        (rc = ipl__date(&d->settlement, r, node, "settlement")) < 0 ||
        (rc = ipl__number(&d->ip_share, r, node, "ip-share")) < 0 ||
        (rc = ipl__recoveries(r, node, nrec)) < 0)
        return rc;
    return ipl__parties(r, node, nparty);
}

static int
ipl__borrower(ipl__reader *r, xmlNodePtr node)
{
    int rc;

    r->c->years = -1.0;
    if ((rc = ipl__number(&r->c->years, r, node, "years")) < 0 ||
        (rc = ipl__text(&r->c->industry, r, node, "industry")) < 0)
        return rc;
    return ipl__text(&r->c->borrower, r, node, "name");
}

int
ipl__case_build(ipl_case *c, xmlNodePtr root, ipl_error *err)
{
    ipl__reader r;
    xmlNodePtr title, dflt;
    char currency[8];
    xmlChar *v;
    int rc;

    r.c = c;
    r.err = err;
    ipl__peek(currency, sizeof currency, root, "currency");
    if (ipl_currency_exponent(currency) < 0)
        return ipl__xmldoc_fail_at(err, IPL_EPARSE, c->label, root,
                                 "currency: unknown ISO 4217 code \"%s\"", currency);
    memcpy(c->currency, currency, 4);
    if ((rc = ipl__date(&c->date, &r, root, "date")) < 0)
        return rc;
    title = ipl__child(root, "title");
    v = title != NULL ? xmlNodeGetContent(title) : NULL;
    c->title = ipl__strdup(v != NULL ? (const char *)v : "");
    xmlFree(v);
    if (c->title == NULL)
        return ipl__nomem(&r);
    if ((rc = ipl__borrower(&r, ipl__child(root, "borrower"))) < 0 ||
        (rc = ipl__rights(&r, ipl__child(root, "rights"))) < 0 ||
        (rc = ipl__policy(&r, ipl__child(root, "policy"))) < 0 ||
        (rc = ipl__loan(&r, ipl__child(root, "loan"))) < 0)
        return rc;
    dflt = ipl__child(root, "default");
    return dflt != NULL ? ipl__default(&r, dflt) : IPL_OK;
}
