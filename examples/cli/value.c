/* `ipledge value [--format=text|xml|json] FILE.xml`: values a right, or
 * a bundle, from an assumptions document (assumptions.h; schema
 * lib/value/valuation.xsd, compiled into the library) and prints the
 * result. */
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

static int
write_result(FILE *out, const char *format, ipl_value *const *vs, size_t n,
             const ipl_montecarlo *mc)
{
    return format[0] == 't' ? value_write_text(out, vs, n, mc)
           : format[0] == 'x' ? value_write_xml(out, vs, n, mc)
                              : value_write_json(out, vs, n, mc);
}

int
cli_value(int argc, char **argv, FILE *out, FILE *errs)
{
    const char *format = "text", *path = NULL;
    ipl_assumptions *a = NULL;
    ipl_value **vs = NULL;
    ipl_montecarlo *mc = NULL;
    ipl_error err;
    size_t k, n = 0;
    int i, rc = CLI_FAILED;

    for (i = 1; i < argc; i++) {
        if (strncmp(argv[i], "--format=", 9) == 0)
            format = argv[i] + 9;
        else if (argv[i][0] == '-' || path != NULL)
            return usage(errs);
        else
            path = argv[i];
    }
    if (path == NULL || (strcmp(format, "text") != 0 && strcmp(format, "xml") != 0 &&
                         strcmp(format, "json") != 0))
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
    else if (write_result(out, format, vs, n, mc) < 0)
        fprintf(errs, "ipledge value: cannot write the %s result\n", format);
    else
        rc = CLI_OK;
    ipl_montecarlo_free(mc);
    for (k = 0; vs != NULL && k < n; k++)
        ipl_value_free(vs[k]);
    free(vs);
    ipl_assumptions_free(a);
    return rc;
}
