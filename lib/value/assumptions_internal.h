/* Valuation assumptions documents inside the library
 * (include/ipledge/assumptions.h). Not installed. */
#ifndef IPL_ASSUMPTIONS_INTERNAL_H
#define IPL_ASSUMPTIONS_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "ipledge/assumptions.h"

/* valuation.xsd, compiled in by lib/report/embed.sh (NUL-terminated;
 * the size excludes the NUL). */
extern const char ipl__assumptions_xsd[];
extern const size_t ipl__assumptions_xsd_size;

/* One right: its approach, the block of that approach, and the arrays
 * and names the block points to (owned here). */
typedef struct ipl__assumptions_right {
    ipl_assumptions_approach approach;
    ipl_value_income income;
    ipl_value_cost cost;
    ipl_value_market market;
    double *base, *shares, *without;
    ipl_value_charge *charges;
    ipl_value_premium *premia;
    ipl_value_comparable *comparables;
    char **names;            /* the charges' then the premia's names */
    size_t nnames;
} ipl__assumptions_right;

/* A field path prefix ("rights[0].discount_rate", "inputs[2]") and the
 * line of the element that gave the fields it starts. */
typedef struct ipl__assumptions_line {
    char prefix[48];
    int line;
} ipl__assumptions_line;

struct ipl_assumptions {
    char *label;
    char currency[4];
    ipl__assumptions_right *rights;
    size_t nrights;
    int has_montecarlo;
    ipl_montecarlo_options mc;
    ipl_montecarlo_input *inputs;
    size_t ninputs;
    double *correlation;
    ipl__assumptions_line *lines;
    size_t nlines, lines_cap;
    int root_line;
};

/* Reading a validated document's tree into a (assumptions_read.c);
 * errors name a->label and the element. */
int ipl__assumptions_build(ipl_assumptions *a, xmlNodePtr root, ipl_error *err);

/* ---- the tree walk's shared pieces (assumptions_read.c) ---- */

/* The document being read, the error record, and the field path prefix
 * of the right being read ("rights[1]."; "" outside rights). */
typedef struct ipl__vdoc_reader {
    ipl_assumptions *a;
    ipl_error *err;
    char scope[24];
} ipl__vdoc_reader;

/* Whether n is an element called name. */
int ipl__vdoc_named(xmlNodePtr n, const char *name);

/* The first child element of n called name, or NULL (n may be NULL). */
xmlNodePtr ipl__vdoc_child(xmlNodePtr n, const char *name);

/* The number of child elements of n called name (0 for a NULL n). */
size_t ipl__vdoc_count(xmlNodePtr n, const char *name);

/* The attribute's value, or NULL; the caller frees it with xmlFree. */
xmlChar *ipl__vdoc_attr(xmlNodePtr n, const char *name);

/* Fields starting with r->scope + field come from node (NULL: none). */
int ipl__vdoc_note(ipl__vdoc_reader *r, const char *field, xmlNodePtr node);

/* The same for the i-th element of a list: "charges[2]". */
int ipl__vdoc_note_at(ipl__vdoc_reader *r, const char *list, size_t i, xmlNodePtr node);

/* text as a number; IPL_EPARSE at node naming what when it is not one
 * the library can hold. */
int ipl__vdoc_number_text(ipl__vdoc_reader *r, double *out, const xmlChar *text,
                          xmlNodePtr node, const char *what);

/* The attribute as a number, or dflt when it is absent. */
int ipl__vdoc_num(ipl__vdoc_reader *r, double *out, xmlNodePtr node, const char *attr,
                  double dflt);

/* An element's content as a number. */
int ipl__vdoc_content(ipl__vdoc_reader *r, double *out, xmlNodePtr node);

/* The position of the attribute's value in the NULL-terminated names,
 * or 0 when it is absent. */
int ipl__vdoc_pick(xmlNodePtr node, const char *attr, const char *const *names);

/* Right k from its element (assumptions_rights.c). */
int ipl__vdoc_read_right(ipl__vdoc_reader *r, size_t k, xmlNodePtr n);

/* The <montecarlo> element (assumptions_simulation.c). */
int ipl__vdoc_read_montecarlo(ipl__vdoc_reader *r, xmlNodePtr n);

/* Records that fields starting with prefix come from node's line
 * (assumptions_lines.c); a NULL node records nothing. */
int ipl__assumptions_note(ipl_assumptions *a, const char *prefix, xmlNodePtr node,
                          ipl_error *err);

/* Reads an xs:double as written, independent of the locale: optional
 * sign, digits with an optional point, an optional exponent, at most 15
 * significant digits; "INF" and "-INF" too; surrounding white space is
 * ignored (assumptions_number.c). Returns IPL_OK or IPL_EPARSE (nothing
 * recorded: the caller locates the error). */
int ipl__assumptions_double(double *out, const char *text);

/* Reads an xs:unsignedLong ("0".."18446744073709551615", white space
 * around allowed) the same way. */
int ipl__assumptions_uint64(uint64_t *out, const char *text);

#endif /* IPL_ASSUMPTIONS_INTERNAL_H */
