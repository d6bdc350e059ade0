/* The body of ipl_record and the builder the parse drivers fill it
 * with. Not installed. */
#ifndef IPL_RECORD_INTERNAL_H
#define IPL_RECORD_INTERNAL_H

#include "ipledge/record.h"

/* A growable array of rows. */
typedef struct ipl__list {
    ipl_record_item *rows;
    size_t count;
    size_t capacity;
} ipl__list;

/* Strings of a record live in a chain of blocks freed together. */
typedef struct ipl__block ipl__block;

struct ipl_record {
    const char *format;                 /* static driver name */
    char office[4];
    ipl_right_type right;
    ipl_record_document document;
    const char *numbers[IPL_NUMBER_KIND_COUNT];
    const char *kind;
    const char *status;
    ipl_date dates[IPL_DATE_KIND_COUNT];
    unsigned have_dates;                /* bit per ipl_record_date_kind */
    size_t claims_stated;               /* count the office states, or 0 */
    int64_t pta_days;
    int have_pta;
    ipl__list lists[IPL_LIST_COUNT];
    ipl__block *blocks;
};

/* A new, empty record; NULL when out of memory. */
ipl_record *ipl__record_new(const char *format);

/* A copy of n bytes of s, trimmed, with runs of white space inside
 * folded to one space, owned by r. Sets *out to NULL for text that is
 * empty after trimming. Returns IPL_OK or IPL_ENOMEM. */
int ipl__record_text(const char **out, ipl_record *r, const char *s, size_t n);

/* Appends a zeroed row to a list and returns it through *out. */
int ipl__record_add(ipl_record_item **out, ipl_record *r, ipl_record_list list);

/* Sets a date unless already set (the first occurrence wins). */
void ipl__record_set_date(ipl_record *r, ipl_record_date_kind kind, ipl_date d);

/* Sets date kind to as date from, when from is present (a grant's
 * publication date is its grant date). */
void ipl__record_copy_date(ipl_record *r, ipl_record_date_kind from,
                           ipl_record_date_kind to);

/* Parses an office date: "YYYYMMDD" or ISO with an optional zone; the
 * placeholders "00000000", "00010101" and anything unreadable give 0. */
int ipl__record_parse_date(ipl_date *out, const char *text);

/* Derived lists and flags, computed once after a driver has filled the
 * record: IPC subclasses, independent claims. */
int ipl__record_finish(ipl_record *r);

#endif /* IPL_RECORD_INTERNAL_H */
