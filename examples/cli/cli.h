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

/* A command gets the arguments after its name (argv[0] is the command
 * name itself), writes its result to out and its complaints to errs, and
 * returns an exit status. The library is initialised around it. */
typedef int cli_command_fn(int argc, char **argv, FILE *out, FILE *errs);

/* `ipledge demo`: money, dates and day counts worked through on fixed
 * figures. */
cli_command_fn cli_demo;

/* `ipledge parse FILE...`: office records as JSON Lines. */
cli_command_fn cli_parse;

#endif /* IPLEDGE_CLI_H */
