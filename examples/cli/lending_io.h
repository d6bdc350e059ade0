/* What the lending commands (schedule, compensate) share: reading
 * option values. Their output is the library's (ipledge/report.h). */
#ifndef IPLEDGE_LENDING_IO_H
#define IPLEDGE_LENDING_IO_H

#include <stdio.h>

#include <ipledge.h>

/* Each reader parses the value of option `opt`, complains on errs
 * ("ipledge CMD: --opt: ...") and returns 0 when it is malformed. */
int lio_money(ipl_money *out, const char *text, const char *currency,
              const char *cmd, const char *opt, FILE *errs);
int lio_number(double *out, const char *text, const char *cmd, const char *opt,
               FILE *errs);
int lio_count(unsigned *out, const char *text, const char *cmd, const char *opt,
              FILE *errs);
int lio_date(ipl_date *out, const char *text, const char *cmd, const char *opt,
             FILE *errs);
int lio_format_of(ipl_report_format *out, const char *text, const char *cmd, FILE *errs);

/* Splits "A:B:C" in place into at most n fields; returns their count. */
size_t lio_fields(char *text, char **fields, size_t n);

#endif /* IPLEDGE_LENDING_IO_H */
