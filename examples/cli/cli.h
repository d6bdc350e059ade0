/* The ipledge command-line program: one function per command. */
#ifndef IPLEDGE_CLI_H
#define IPLEDGE_CLI_H

#include <stdio.h>

/* Exit statuses, shared by every command. */
enum {
    CLI_OK = 0,        /* done */
    CLI_FAILED = 1,    /* the library reported an error */
    CLI_USAGE = 64     /* the command line is wrong (sysexits EX_USAGE) */
};

/* `ipledge demo`: money, dates and day counts worked through on fixed
 * figures, printed to out. */
int cli_demo(FILE *out, FILE *errs);

#endif /* IPLEDGE_CLI_H */
