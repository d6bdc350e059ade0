/* ipledge: the command-line face of the library, built only on its
 * public API. */
#include <stdio.h>
#include <string.h>

#include <ipledge.h>

#include "cli.h"

static void
usage(FILE *out)
{
    fputs("usage: ipledge COMMAND\n"
          "\n"
          "commands:\n"
          "  demo       work through money, date and day-count examples\n"
          "  version    print the version of the program and the library\n"
          "  help       print this text\n", out);
}

static int
version(FILE *out)
{
    fprintf(out, "ipledge %s (library %s)\n", IPL_VERSION_STRING,
            ipl_version_string());
    return CLI_OK;
}

int
main(int argc, char **argv)
{
    const char *cmd = argc > 1 ? argv[1] : NULL;
    int rc;

    if (cmd == NULL) {
        usage(stderr);
        return CLI_USAGE;
    }
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0) {
        usage(stdout);
        return CLI_OK;
    }
    if (argc > 2) {
        fprintf(stderr, "ipledge %s: unexpected argument '%s'\n", cmd, argv[2]);
        return CLI_USAGE;
    }
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0)
        return version(stdout);
    if (strcmp(cmd, "demo") == 0) {
        if (ipl_init() < 0) {
            fputs("ipledge: cannot initialise the library\n", stderr);
            return CLI_FAILED;
        }
        rc = cli_demo(stdout, stderr);
        ipl_shutdown();
        return rc;
    }
    fprintf(stderr, "ipledge: unknown command '%s'\n", cmd);
    usage(stderr);
    return CLI_USAGE;
}
