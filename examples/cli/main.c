/* ipledge: the command-line face of the library, built only on its
 * public API. */
#include <stdio.h>
#include <string.h>

#include <ipledge.h>

#include "cli.h"

static const struct {
    const char *name;
    const char *summary;
    cli_command_fn *run;
} commands[] = {
    { "appraise", "run a case (CASE.xml) through every stage into one report",
      cli_appraise },
    { "demo", "work through money, date and day-count examples", cli_demo },
    { "parse", "read office records (XML) and print them as JSON Lines",
      cli_parse },
    { "policy", "list, show or check policies (presets and files)", cli_policy },
    { "pledge", "decide a pledge: ratio, collateral value, largest loan", cli_pledge },
    { "value", "value a right from an assumptions document (FILE.xml)", cli_value },
    { "schedule", "print a loan's repayment schedule", cli_schedule },
    { "compensate", "share a defaulted loan's loss under a regime", cli_compensate },
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])

int
cli_fail(FILE *errs, const char *what, const ipl_error *err)
{
    char text[IPL_ERROR_MESSAGE_MAX + IPL_ERROR_WHERE_MAX + 32];

    ipl_error_format(text, sizeof text, err);
    fprintf(errs, "ipledge %s: %s\n", what, text);
    return CLI_FAILED;
}

int
cli_to_stream(void *ctx, const char *bytes, size_t n)
{
    return fwrite(bytes, 1, n, ctx) == n ? 0 : -1;
}

int
cli_flush(FILE *out, FILE *errs, const char *what)
{
    if (fflush(out) == 0)
        return CLI_OK;
    fprintf(errs, "ipledge %s: cannot write the report\n", what);
    return CLI_FAILED;
}

static void
usage(FILE *out)
{
    size_t i;

    fputs("usage: ipledge COMMAND [ARGUMENT...]\n\ncommands:\n", out);
    for (i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("  version    print the version of the program and the library\n"
          "  help       print this text\n", out);
}

static int
run(size_t i, int argc, char **argv)
{
    int rc;

    if (ipl_init() < 0) {
        fputs("ipledge: cannot initialise the library\n", stderr);
        return CLI_FAILED;
    }
    rc = commands[i].run(argc, argv, stdout, stderr);
    ipl_shutdown();
    if (fflush(stdout) != 0) {
        perror("ipledge: standard output");
        return CLI_FAILED;
    }
    return rc;
}

int
main(int argc, char **argv)
{
    const char *cmd = argc > 1 ? argv[1] : NULL;
    size_t i;

    if (cmd == NULL) {
        usage(stderr);
        return CLI_USAGE;
    }
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0) {
        usage(stdout);
        return CLI_OK;
    }
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
        printf("ipledge %s (library %s)\n", IPL_VERSION_STRING,
               ipl_version_string());
        return CLI_OK;
    }
    for (i = 0; i < NCOMMANDS; i++)
        if (strcmp(cmd, commands[i].name) == 0)
            return run(i, argc - 1, argv + 1);
    fprintf(stderr, "ipledge: unknown command '%s'\n", cmd);
    usage(stderr);
    return CLI_USAGE;
}
