/* `ipledge value [--format=text|xml|json] [--schema=FILE] FILE.xml`:
 * values a right from an assumptions document (lib/value/valuation.xsd,
 * installed in the package data directory) and prints the result. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "value.h"

#ifndef IPLEDGE_PKGDATADIR
# define IPLEDGE_PKGDATADIR "."
#endif

static int
usage(FILE *errs)
{
    fputs("usage: ipledge value [--format=text|xml|json] [--schema=FILE] FILE.xml\n",
          errs);
    return CLI_USAGE;
}

/* "FILE:LINE: field: message", the line being the element that gave
 * the field the library refused. A bundle's fields are "rights[k]."… */
static int
failed(FILE *errs, const char *path, const value_doc *doc, const ipl_error *err)
{
    char text[IPL_ERROR_MESSAGE_MAX + IPL_ERROR_WHERE_MAX + 32];

    ipl_error_format(text, sizeof text, err);
    fprintf(errs, "ipledge value: %s:%d: %s\n", path, value_doc_line(doc, err->where),
            text);
    return CLI_FAILED;
}

/* Puts "rights[k]." before err->where unless the library did: every
 * field a document gives belongs to one of its rights. */
static void
scope_error(ipl_error *err, size_t k)
{
    char where[IPL_ERROR_WHERE_MAX + 32];

    if (strncmp(err->where, "rights[", 7) == 0)
        return;
    snprintf(where, sizeof where, "rights[%zu].%s", k, err->where);
    snprintf(err->where, sizeof err->where, "%.*s", (int)sizeof err->where - 1, where);
}

static int
value_one(ipl_value **v, const value_right *r, ipl_error *err)
{
    if (r->kind == VALUE_INCOME)
        return ipl_value_income_new(v, &r->income, err);
    if (r->kind == VALUE_COST)
        return ipl_value_cost_new(v, &r->cost, err);
    return ipl_value_market_new(v, &r->market, err);
}

static int
simulate(ipl_montecarlo **mc, const value_doc *doc, ipl_error *err)
{
    ipl_montecarlo_right *rights = calloc(doc->nrights, sizeof *rights);
    size_t k;
    int rc;

    if (rights == NULL) {
        ipl_error_clear(err);
        snprintf(err->message, sizeof err->message, "out of memory");
        return IPL_ENOMEM;
    }
    for (k = 0; k < doc->nrights; k++) {
        rights[k].income = doc->rights[k].kind == VALUE_INCOME ? &doc->rights[k].income : NULL;
        rights[k].cost = doc->rights[k].kind == VALUE_COST ? &doc->rights[k].cost : NULL;
        if (doc->rights[k].kind == VALUE_MARKET) {
            free(rights);
            ipl_error_clear(err);
            snprintf(err->where, sizeof err->where, "rights[%zu]", k);
            snprintf(err->message, sizeof err->message,
                     "a market-approach right has no uncertain inputs to simulate");
            return IPL_EINVAL;
        }
    }
    rc = ipl_montecarlo_new(mc, rights, doc->nrights, doc->inputs, doc->ninputs, &doc->mc,
                            err);
    free(rights);
    return rc;
}

/* Values every right, then simulates the bundle when asked. */
static int
evaluate(ipl_value **vs, ipl_montecarlo **mc, const value_doc *doc, ipl_error *err)
{
    size_t k;
    int rc;

    for (k = 0; k < doc->nrights; k++)
        if ((rc = value_one(&vs[k], &doc->rights[k], err)) < 0) {
            scope_error(err, k);
            return rc;
        }
    return doc->has_montecarlo ? simulate(mc, doc, err) : IPL_OK;
}

int
cli_value(int argc, char **argv, FILE *out, FILE *errs)
{
    const char *format = "text", *path = NULL, *dir = getenv("IPLEDGE_DATADIR");
    char schema[4096];
    ipl_value **vs = NULL;
    ipl_montecarlo *mc = NULL;
    value_doc doc;
    ipl_error err;
    size_t k;
    int i, rc = CLI_FAILED;

    snprintf(schema, sizeof schema, "%s/valuation.xsd", dir ? dir : IPLEDGE_PKGDATADIR);
    for (i = 1; i < argc; i++) {
        if (strncmp(argv[i], "--format=", 9) == 0)
            format = argv[i] + 9;
        else if (strncmp(argv[i], "--schema=", 9) == 0)
            snprintf(schema, sizeof schema, "%s", argv[i] + 9);
        else if (argv[i][0] == '-' || path != NULL)
            return usage(errs);
        else
            path = argv[i];
    }
    if (path == NULL || (strcmp(format, "text") != 0 && strcmp(format, "xml") != 0 &&
                         strcmp(format, "json") != 0))
        return usage(errs);
    if (value_doc_read(&doc, path, schema, errs) < 0)
        return CLI_FAILED;
    if ((vs = calloc(doc.nrights, sizeof *vs)) == NULL)
        fprintf(errs, "ipledge value: out of memory\n");
    else if (evaluate(vs, &mc, &doc, &err) < 0)
        rc = failed(errs, path, &doc, &err);
    else if ((format[0] == 't' ? value_write_text(out, vs, doc.nrights, mc)
              : format[0] == 'x' ? value_write_xml(out, vs, doc.nrights, mc)
              : value_write_json(out, vs, doc.nrights, mc)) < 0)
        fprintf(errs, "ipledge value: cannot write the %s result\n", format);
    else
        rc = CLI_OK;
    ipl_montecarlo_free(mc);
    for (k = 0; vs != NULL && k < doc.nrights; k++)
        ipl_value_free(vs[k]);
    free(vs);
    value_doc_free(&doc);
    return rc;
}
