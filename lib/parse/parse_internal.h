/* The parse drivers: tables of rules that map an office format onto an
 * ipl_record, and the interpreter that applies them to a record's
 * subtree. Not installed. */
#ifndef IPL_PARSE_INTERNAL_H
#define IPL_PARSE_INTERNAL_H

#include <libxml/tree.h>

#include "ipledge/parse.h"
#include "../record/record_internal.h"

/* What a rule fills: a scalar of the record or a row of a list. */
enum {
    IPL__T_NUMBER = 0,                        /* + ipl_record_number_kind */
    IPL__T_DATE = IPL__T_NUMBER + IPL_NUMBER_KIND_COUNT, /* + date kind */
    IPL__T_LIST = IPL__T_DATE + IPL_DATE_KIND_COUNT,     /* + ipl_record_list */
    IPL__T_KIND = IPL__T_LIST + IPL_LIST_COUNT,
    IPL__T_STATUS,
    IPL__T_OFFICE,
    IPL__T_CLAIMS_STATED,
    IPL__T_PTA
};

/* One rule. path selects nodes from the record element: steps joined by
 * '/', each a local name, '*', '**' (any depth), '..', '<' or '>' (the
 * previous or next element sibling), or a final '@attr'; a step may
 * carry one predicate "[@attr=v]", "[child=v]" or "[child/@attr=v]",
 * with "^=" for a prefix.
 * For a scalar the first node with text wins. For a list every node
 * selected is a row, whose fields come from the specs (relative to that
 * node): a spec is alternatives joined by '|', each a path or a template
 * such as "{last-name}, {first-name}" (used only when every part has
 * text); "." is the node itself and "=text" a constant. A value spec is "=N" (constant), "?name"
 * (2 when a descendant element of that name exists) or a spec whose text
 * gives the first one to three digits. */
typedef struct ipl__rule {
    int target;
    const char *path;
    const char *text, *lang, *country, *code, *date, *value;
} ipl__rule;

#define IPL__END { -1, NULL, NULL, NULL, NULL, NULL, NULL, NULL }

typedef struct ipl__driver {
    ipl_parse_format format;
    const char *name;
    const char *office;       /* when the format implies one, else NULL */
    const char *record;       /* local name of record elements; NULL: root */
    const ipl__rule *rules;
    /* Children of the root that no rule reads (descriptions, drawings):
     * their subtrees are parsed but not built. NULL-terminated, or NULL. */
    const char *const *skip;
    /* Sets right type and document kind from what the rules read. */
    void (*classify)(ipl_record *r, const xmlNode *root);
} ipl__driver;

/* The driver of a format; NULL for IPL_FORMAT_AUTO or unknown. */
const ipl__driver *ipl__driver_for(ipl_parse_format format);

/* The format of a root element, or IPL_FORMAT_AUTO when none matches. */
ipl_parse_format ipl__detect_root(const char *local, const char *ns_uri);

/* The format of the document that starts data (size bytes, which may
 * end before the document does): IPL_FORMAT_AUTO when its root element
 * is not in sight or no driver reads it. */
ipl_parse_format ipl__detect_prefix(const char *data, size_t size);

/* Scratch space reused from record to record. */
typedef struct ipl__scratch {
    char *buf;
    size_t len, cap;
    const char *entity;       /* first refused entity reference met */
    int entity_line;
} ipl__scratch;

/* Builds a record from the subtree of a record element. Returns IPL_OK,
 * IPL_ENOMEM, or IPL_EPARSE with the name of a refused entity in
 * scratch->entity. */
int ipl__extract(ipl_record **out, const ipl__driver *drv, const xmlNode *rec,
                 ipl__scratch *scratch);

/* Helpers for the classify functions: the first descendant element of
 * n with a local name (depth first), and an attribute's plain text;
 * both NULL when absent or n is NULL. */
const xmlNode *ipl__find(const xmlNode *n, const char *name);
const char *ipl__attr(const xmlNode *n, const char *name);
void ipl__classify_by_kind(ipl_record *r, int application);

/* The drivers, one table per office family. */
extern const ipl__driver ipl__drivers_uspto[];
extern const ipl__driver ipl__drivers_epo[];
extern const ipl__driver ipl__drivers_wipo[];
extern const ipl__driver ipl__drivers_cnipa[];
extern const ipl__driver ipl__drivers_tm[];

#endif /* IPL_PARSE_INTERNAL_H */
