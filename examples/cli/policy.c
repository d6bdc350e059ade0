/* `ipledge policy list | show NAME | check FILE`: the built-in presets
 * and policy files. */
#include <stdio.h>
#include <string.h>

#include <ipledge.h>

#include "cli.h"

static int
policy_list(FILE *out, FILE *errs)
{
    size_t i;

    for (i = 0; i < ipl_policy_preset_count(); i++) {
        const char *name = ipl_policy_preset_name(i);
        ipl_policy *p;
        ipl_error err;

        if (ipl_policy_preset(&p, name, &err) < 0)
            return cli_fail(errs, "policy list", &err);
        fprintf(out, "%-18s %s\n", name, ipl_policy_title(p));
        ipl_policy_free(p);
    }
    return CLI_OK;
}

static int
policy_show(const char *name, FILE *out, FILE *errs)
{
    size_t size;
    const char *doc = ipl_policy_preset_document(name, &size);

    if (doc == NULL) {
        fprintf(errs, "ipledge policy show: '%s' is not a built-in preset "
                "(see 'ipledge policy list')\n", name);
        return CLI_USAGE;
    }
    fwrite(doc, 1, size, out);
    return CLI_OK;
}

static int
policy_check(const char *path, FILE *out, FILE *errs)
{
    const ipl_pledge_rules *rules;
    ipl_policy *p;
    ipl_error err;

    if (ipl_policy_load_file(&p, path, &err) < 0) {
        cli_fail(errs, "policy check", &err);
        return err.code == IPL_EPARSE ? CLI_DATAERR : CLI_FAILED;
    }
    rules = ipl_policy_pledge_rules(p);
    fprintf(out, "%s: valid policy '%s' (%s)\n", path, ipl_policy_name(p),
            ipl_policy_title(p));
    fprintf(out, "  sources: %zu; unpublished numbers: %zu; pledge rules: %s\n",
            ipl_policy_source_count(p), ipl_policy_unpublished_count(p),
            rules != NULL ? ipl_policy_pledge_origin(p) : "none");
    ipl_policy_free(p);
    return CLI_OK;
}

int
cli_policy(int argc, char **argv, FILE *out, FILE *errs)
{
    const char *verb = argc > 1 ? argv[1] : "";

    if (strcmp(verb, "list") == 0 && argc == 2)
        return policy_list(out, errs);
    if (strcmp(verb, "show") == 0 && argc == 3)
        return policy_show(argv[2], out, errs);
    if (strcmp(verb, "check") == 0 && argc == 3)
        return policy_check(argv[2], out, errs);
    fputs("usage: ipledge policy list\n"
          "       ipledge policy show NAME\n"
          "       ipledge policy check FILE\n", errs);
    return CLI_USAGE;
}
