/* `ipledge value [--format=text|xml|json] FILE.xml`: values a right, or
 * a bundle, from an assumptions document (assumptions.h; schema
 * lib/value/valuation.xsd, compiled into the library) and prints the
 * result as the library writes it (ipl_report_value()). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "value.h"

static int
usage(FILE *errs)
{
    fputs("usage: ipledge value [--format=text|xml|json] FILE.xml\n", errs);
    return CLI_USAGE;
}

void
value_complain(FILE *errs, const char *cmd, const char *path, const ipl_error *err)
{
    if (err->line > 0)
        fprintf(errs, "ipledge %s: %s:%d: ", cmd, path, err->line);
    else
        fprintf(errs, "ipledge %s: %s: ", cmd, path);
    /* A load error's where is the file itself, already said. */
    if (err->where[0] != '\0' && strcmp(err->where, path) != 0)
        fprintf(errs, "%s: ", err->where);
    fprintf(errs, "%s\n", err->message);
}

/* Values every right, then simulates the bundle when asked. */
static int
evaluate(ipl_value **vs, ipl_montecarlo **mc, const ipl_assumptions *a, ipl_error *err)
{
    size_t k;
    int rc;

    for (k = 0; k < ipl_assumptions_count(a); k++)
        if ((rc = ipl_assumptions_value(&vs[k], a, k, err)) < 0)
            return rc;
    return ipl_assumptions_has_montecarlo(a) ? ipl_assumptions_simulate(mc, a, err)
                                             : IPL_OK;
}

/* The library's report of the values (ipl_report_value(), report.h). */
static int
write_result(FILE *out, ipl_report_format format, ipl_value *const *vs, size_t n,
             const ipl_montecarlo *mc, ipl_error *err)
{
    return ipl_report_value((const ipl_value *const *)vs, n, mc, format, cli_to_stream, out, err);
}

int
cli_value(int argc, char **argv, FILE *out, FILE *errs)
{
    ipl_report_format format = IPL_REPORT_TEXT;
    const char *path = NULL;
    ipl_assumptions *a = NULL;
    ipl_value **vs = NULL;
    ipl_montecarlo *mc = NULL;
    ipl_error err;
    size_t k, n = 0;
    int i, rc = CLI_FAILED;

    for (i = 1; i < argc; i++) {
        if (strncmp(argv[i], "--format=", 9) == 0) {
            if (ipl_report_format_from_name(&format, argv[i] + 9, NULL) < 0 ||
                format == IPL_REPORT_HTML)
                return usage(errs);
        } else if (argv[i][0] == '-' || path != NULL)
            return usage(errs);
        else
            path = argv[i];
    }
    if (path == NULL)
        return usage(errs);
    if (ipl_assumptions_load_file(&a, path, &err) < 0) {
        value_complain(errs, "value", path, &err);
        return CLI_FAILED;
    }
    n = ipl_assumptions_count(a);
    if ((vs = calloc(n, sizeof *vs)) == NULL)
        fprintf(errs, "ipledge value: out of memory\n");
    else if (evaluate(vs, &mc, a, &err) < 0)
        value_complain(errs, "value", path, &err);
    else if (write_result(out, format, vs, n, mc, &err) < 0)
        fprintf(errs, "ipledge value: cannot write the result: %s\n", err.message);
    else
        rc = cli_flush(out, errs, "value");
    ipl_montecarlo_free(mc);
    for (k = 0; vs != NULL && k < n; k++)
        ipl_value_free(vs[k]);
    free(vs);
    ipl_assumptions_free(a);
    return rc;
}
