/* The ipledge command-line program: one function per command. */
#ifndef IPLEDGE_CLI_H
#define IPLEDGE_CLI_H

#include <stdio.h>

#include <ipledge.h>

/* Exit statuses, shared by every command. */
enum {
    CLI_OK = 0,          /* done */
    CLI_FAILED = 1,      /* the library reported an error */
    CLI_INELIGIBLE = 3,  /* the request is not eligible under the policy */
    CLI_USAGE = 64,      /* the command line is wrong (sysexits EX_USAGE) */
    CLI_DATAERR = 65     /* an input document is wrong (EX_DATAERR) */
};

/* Prints "ipledge WHAT: where:line:column: message" and returns
 * CLI_FAILED. */
int cli_fail(FILE *errs, const char *what, const ipl_error *err);

/* A report sink (ipl_report_sink) writing to the FILE ctx. */
int cli_to_stream(void *ctx, const char *bytes, size_t n);

/* Flushes out after a report: CLI_OK, or CLI_FAILED after saying
 * "ipledge WHAT: cannot write the report". */
int cli_flush(FILE *out, FILE *errs, const char *what);

/* A command gets the arguments after its name (argv[0] is the command
 * name itself), writes its result to out and its complaints to errs, and
 * returns an exit status. The library is initialised around it. */
typedef int cli_command_fn(int argc, char **argv, FILE *out, FILE *errs);

/* `ipledge demo`: money, dates and day counts worked through on fixed
 * figures. */
cli_command_fn cli_demo;

/* `ipledge policy list | show NAME | check FILE`. */
cli_command_fn cli_policy;

/* `ipledge pledge …`: a pledge decision under a policy. */
cli_command_fn cli_pledge;
/* `ipledge value FILE.xml`: a valuation from an assumptions document,
 * printed as text, XML or JSON. */
cli_command_fn cli_value;
/* `ipledge schedule`: a loan's repayment schedule (lending). */
cli_command_fn cli_schedule;

/* `ipledge compensate`: a defaulted loan's risk compensation (lending). */
cli_command_fn cli_compensate;

/* `ipledge parse FILE...`: office records as JSON Lines. */
cli_command_fn cli_parse;

/* `ipledge appraise CASE.xml`: a case run through the whole chain, as
 * one report (text, XML, JSON or HTML). */
cli_command_fn cli_appraise;

#endif /* IPLEDGE_CLI_H */
