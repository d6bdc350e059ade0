/* `ipledge value`: the assumptions document, read into the library's
 * blocks, and the writers of the result. */
#ifndef IPLEDGE_CLI_VALUE_H
#define IPLEDGE_CLI_VALUE_H

#include <stdio.h>

#include <ipledge.h>

enum value_kind { VALUE_INCOME, VALUE_COST, VALUE_MARKET };

/* One right of a document, in the library's terms. The arrays the
 * blocks point to belong to it. */
typedef struct value_right {
    enum value_kind       kind;
    ipl_value_income      income;
    ipl_value_cost        cost;
    ipl_value_market      market;
    double               *base, *shares, *without;
    ipl_value_charge     *charges;
    ipl_value_premium    *premia;
    ipl_value_comparable *comparables;
} value_right;

/* What a document says: one right, or a bundle of several, and an
 * optional simulation. Names belong to the document. */
typedef struct value_doc {
    char                    currency[4];
    value_right            *rights;
    size_t                  nrights;
    int                     has_montecarlo;
    ipl_montecarlo_options  mc;
    ipl_montecarlo_input   *inputs;
    size_t                  ninputs;
    double                 *correlation;
    char                  **names;
    size_t                  nnames;
    struct value_line      *lines;     /* where each field was written */
    size_t                  nlines;
    int                     root_line;
    char                    scope[32]; /* "rights[k]." while reading right k */
} value_doc;

/* A field path prefix ("discount_rate", "charges[1]") and the line of
 * the element that gave it. */
struct value_line {
    char prefix[48];
    int  line;
};

/* The line of the element behind a library error's where
 * ("rights[1].discount_rate"), or of the document's root when nothing
 * closer is known. */
int value_doc_line(const value_doc *doc, const char *where);

/* Reads and validates path against the schema at schema_path. On
 * failure writes "path:line: message" to errs and returns -1. */
int value_doc_read(value_doc *doc, const char *path, const char *schema_path,
                   FILE *errs);
void value_doc_free(value_doc *doc);

/* The writers: the results of n rights (one, or a bundle), and the
 * simulation when mc is not NULL. */
int value_write_text(FILE *out, ipl_value *const *vs, size_t n, const ipl_montecarlo *mc);
int value_write_xml(FILE *out, ipl_value *const *vs, size_t n, const ipl_montecarlo *mc);
int value_write_json(FILE *out, ipl_value *const *vs, size_t n, const ipl_montecarlo *mc);

#endif /* IPLEDGE_CLI_VALUE_H */
