/* Case documents inside the library (include/ipledge/case.h). Not
 * installed. */
#ifndef IPL_CASE_INTERNAL_H
#define IPL_CASE_INTERNAL_H

#include <stddef.h>

#include <libxml/tree.h>

#include "ipledge/case.h"

/* case.xsd, compiled in by embed.sh (NUL-terminated; size excludes it). */
extern const char ipl__case_xsd[];
extern const size_t ipl__case_xsd_size;

/* A right: the view callers see and the strings it points to. */
typedef struct ipl__case_right {
    ipl_case_right view;
    char *number, *record, *valuation;
} ipl__case_right;

struct ipl_case {
    char *label;          /* the file name or the caller's label */
    char *dir;            /* directory relative paths start from ("" = cwd) */
    char *title;
    char currency[4];
    ipl_date date;
    char *borrower;
    char *industry;       /* NULL when not given */
    double years;         /* negative when not given */
    ipl__case_right *rights;
    size_t nrights;
    char *policy;
    int policy_is_file;
    ipl_case_loan loan;
    int has_default;
    ipl_case_default dflt;
    ipl_compensation_recovery *recoveries;
    ipl_case_party *parties;
    char **party_names;   /* the names parties[] point to */
};

/* Reads the bytes as XML (no network, no DTD, no entity expansion, no
 * DOCTYPE) and validates them against case.xsd. */
int ipl__case_parse(xmlDocPtr *out, const char *data, size_t size,
                    const char *label, ipl_error *err);

/* Fills c from the root of a valid document. On failure c holds what was
 * read so far, for ipl_case_free(). */
int ipl__case_build(ipl_case *c, xmlNodePtr root, ipl_error *err);


#endif /* IPL_CASE_INTERNAL_H */
