/* What the lending commands (schedule, compensate) share: reading
 * option values and writing amounts in the four output formats. */
#ifndef IPLEDGE_LENDING_IO_H
#define IPLEDGE_LENDING_IO_H

#include <stdio.h>

#include <ipledge.h>

/* The output formats. */
typedef enum lio_format { LIO_TEXT, LIO_CSV, LIO_XML, LIO_JSON } lio_format;

/* Capacity for any text lio_amount() writes. */
#define LIO_AMOUNT_MAX IPL_MONEY_FORMAT_MAX

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
int lio_format_of(lio_format *out, const char *text, const char *cmd, FILE *errs);

/* Splits "A:B:C" in place into at most n fields; returns their count. */
size_t lio_fields(char *text, char **fields, size_t n);

/* The amount as "-1234.56" (grouped "1,234.56" when grouped != 0). */
const char *lio_amount(char *buf, const ipl_money *m, int grouped);

/* The date as "YYYY-MM-DD". */
const char *lio_day(char *buf, ipl_date d);

/* Writes s with &, <, >, " and ' escaped for XML text and attributes. */
void lio_xml_text(FILE *out, const char *s);

/* Reports a failed library call for command cmd; returns CLI_FAILED. */
int lio_failed(FILE *errs, const char *cmd, const ipl_error *err);

#endif /* IPLEDGE_LENDING_IO_H */
