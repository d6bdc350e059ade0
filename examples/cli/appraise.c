/* `ipledge appraise [--format=text|xml|json|html] [--records=DIR]
 * CASE.xml`: a case document run through the whole chain by the library
 * (ipl_appraisal_new(), include/ipledge/appraisal.h) and written as one
 * report (ipl_report_appraisal(), include/ipledge/report.h). This host
 * only turns its command line and environment into options. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#define CMD "appraise"
#define MAX_DIRS 64

static int
usage(FILE *errs)
{
    fputs("usage: ipledge appraise [--format=text|xml|json|html] [--records=DIR]...\n"
          "                        CASE.xml\n"
          "  --records=DIR  also look for the record files a case names under DIR\n"
          "                 (repeat; IPLEDGE_RECORDS holds more, colon-separated)\n"
          "exit status: 0 done, 3 not eligible under the policy, 65 bad input,\n"
          "             1 internal failure\n", errs);
    return CLI_USAGE;
}

/* Bad input (65) or an internal failure (1), by the library's code. */
static int
failed(FILE *errs, const ipl_error *err)
{
    char text[IPL_ERROR_MESSAGE_MAX + IPL_ERROR_WHERE_MAX + 32];

    ipl_error_format(text, sizeof text, err);
    fprintf(errs, "ipledge " CMD ": %s\n", text);
    return err->code == IPL_ENOMEM || err->code == IPL_ERROR ? CLI_FAILED : CLI_DATAERR;
}

/* IPLEDGE_RECORDS split at ':' into dirs after the n already there
 * (the copy it splits is *env_copy, freed by the caller). */
static size_t
env_dirs(const char **dirs, size_t n, char **env_copy)
{
    const char *env = getenv("IPLEDGE_RECORDS");
    char *s, *next;

    *env_copy = NULL;
    if (env == NULL || (s = *env_copy = malloc(strlen(env) + 1)) == NULL)
        return n;
    memcpy(s, env, strlen(env) + 1);
    for (; s != NULL && n < MAX_DIRS; s = next) {
        if ((next = strchr(s, ':')) != NULL)
            *next++ = '\0';
        if (*s != '\0')
            dirs[n++] = s;
    }
    return n;
}

/* Progress on stderr, only for a person watching a terminal: the chain
 * runs in one call, so the stage is all there is to show. */
static void
progress(FILE *errs, const char *what)
{
    if (isatty(fileno(errs))) {
        fprintf(errs, "\ripledge " CMD ": %s\033[K", what);
        fflush(errs);
    }
}

static int
appraise(FILE *out, FILE *errs, const char *path, ipl_report_format format,
         const ipl_appraisal_options *opts)
{
    ipl_appraisal *a = NULL;
    ipl_case *c = NULL;
    ipl_error err;
    int rc;

    if (ipl_case_load_file(&c, path, &err) < 0)
        return failed(errs, &err);
    progress(errs, "appraising");
    rc = ipl_appraisal_new(&a, c, opts, &err);
    progress(errs, "");
    if (rc < 0)
        rc = failed(errs, &err);
    else if (ipl_report_appraisal(a, format, cli_to_stream, out, &err) < 0)
        rc = failed(errs, &err);
    else if ((rc = cli_flush(out, errs, CMD)) == CLI_OK)
        rc = ipl_appraisal_eligible(a) ? CLI_OK : CLI_INELIGIBLE;
    ipl_appraisal_free(a);
    ipl_case_free(c);
    return rc;
}

int
cli_appraise(int argc, char **argv, FILE *out, FILE *errs)
{
    ipl_appraisal_options opts = IPL_APPRAISAL_OPTIONS_INIT;
    ipl_report_format format = IPL_REPORT_TEXT;
    const char *path = NULL, *dirs[MAX_DIRS];
    char *env_copy;
    size_t ndirs = 0;
    int i, rc;

    for (i = 1; i < argc; i++) {
        if (strncmp(argv[i], "--format=", 9) == 0) {
            if (ipl_report_format_from_name(&format, argv[i] + 9, NULL) < 0)
                return usage(errs);
        } else if (strncmp(argv[i], "--records=", 10) == 0 && ndirs < MAX_DIRS) {
            dirs[ndirs++] = argv[i] + 10;
        } else if (argv[i][0] == '-' || path != NULL) {
            return usage(errs);
        } else {
            path = argv[i];
        }
    }
    if (path == NULL)
        return usage(errs);
    opts.record_dirs = dirs;
    opts.n_record_dirs = env_dirs(dirs, ndirs, &env_copy);
    rc = appraise(out, errs, path, format, &opts);
    free(env_copy);
    return rc;
}
