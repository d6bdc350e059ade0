/* `ipledge value`: the writers of a valuation's result, and the message
 * of a document the library refused (the document itself is read by the
 * library: ipledge/assumptions.h). */
#ifndef IPLEDGE_CLI_VALUE_H
#define IPLEDGE_CLI_VALUE_H

#include <stdio.h>

#include <ipledge.h>

/* "ipledge CMD: PATH:LINE: [FIELD: ]MESSAGE" for an error of
 * ipl_assumptions_load_file(), _value() or _simulate() on PATH. */
void value_complain(FILE *errs, const char *cmd, const char *path, const ipl_error *err);

/* The writers: the results of n rights (one, or a bundle), and the
 * simulation when mc is not NULL. */
int value_write_text(FILE *out, ipl_value *const *vs, size_t n, const ipl_montecarlo *mc);
int value_write_xml(FILE *out, ipl_value *const *vs, size_t n, const ipl_montecarlo *mc);
int value_write_json(FILE *out, ipl_value *const *vs, size_t n, const ipl_montecarlo *mc);

#endif /* IPLEDGE_CLI_VALUE_H */
