/* `ipledge value`: the message of a document the library refused (the
 * document is read by the library, ipledge/assumptions.h, and the result
 * written by it, ipledge/report.h). */
#ifndef IPLEDGE_CLI_VALUE_H
#define IPLEDGE_CLI_VALUE_H

#include <stdio.h>

#include <ipledge.h>

/* "ipledge CMD: PATH:LINE: [FIELD: ]MESSAGE" for an error of
 * ipl_assumptions_load_file(), _value() or _simulate() on PATH. */
void value_complain(FILE *errs, const char *cmd, const char *path, const ipl_error *err);

#endif /* IPLEDGE_CLI_VALUE_H */
