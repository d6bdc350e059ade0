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
 * the field the library refused. */
static int
failed(FILE *errs, const char *path, const value_doc *doc, const ipl_error *err)
{
    char text[IPL_ERROR_MESSAGE_MAX + IPL_ERROR_WHERE_MAX + 32];

    ipl_error_format(text, sizeof text, err);
    fprintf(errs, "ipledge value: %s:%d: %s\n", path, value_doc_line(doc, err->where),
            text);
    return CLI_FAILED;
}

static int
evaluate(ipl_value **v, ipl_montecarlo **mc, const value_doc *doc, ipl_error *err)
{
    ipl_montecarlo_right right = { NULL, NULL };
    int rc;

    if (doc->kind == VALUE_INCOME) {
        rc = ipl_value_income_new(v, &doc->income, err);
        right.income = &doc->income;
    } else if (doc->kind == VALUE_COST) {
        rc = ipl_value_cost_new(v, &doc->cost, err);
        right.cost = &doc->cost;
    } else {
        rc = ipl_value_market_new(v, &doc->market, err);
    }
    if (rc < 0 || !doc->has_montecarlo)
        return rc;
    if (doc->kind == VALUE_MARKET) {
        ipl_error_clear(err);
        snprintf(err->where, sizeof err->where, "montecarlo");
        snprintf(err->message, sizeof err->message,
                 "the market approach has no uncertain inputs");
        return IPL_EINVAL;
    }
    return ipl_montecarlo_new(mc, &right, 1, doc->inputs, doc->ninputs, &doc->mc, err);
}

int
cli_value(int argc, char **argv, FILE *out, FILE *errs)
{
    const char *format = "text", *path = NULL, *dir = getenv("IPLEDGE_DATADIR");
    char schema[4096];
    ipl_value *v = NULL;
    ipl_montecarlo *mc = NULL;
    value_doc doc;
    ipl_error err;
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
    if (evaluate(&v, &mc, &doc, &err) < 0)
        rc = failed(errs, path, &doc, &err);
    else if ((format[0] == 't' ? value_write_text(out, v, mc)
              : format[0] == 'x' ? value_write_xml(out, v, mc)
              : value_write_json(out, v, mc)) < 0)
        fprintf(errs, "ipledge value: cannot write the %s result\n", format);
    else
        rc = CLI_OK;
    ipl_montecarlo_free(mc);
    ipl_value_free(v);
    value_doc_free(&doc);
    return rc;
}
