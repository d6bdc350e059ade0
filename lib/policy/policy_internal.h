/* The insides of policies, and the documents compiled into the library.
 * Not installed. */
#ifndef IPL_POLICY_INTERNAL_H
#define IPL_POLICY_INTERNAL_H

#include <stddef.h>

#include <libxml/tree.h>

#include "ipledge/error.h"
#include "ipledge/policy.h"

/* A document compiled in by embed.sh. */
typedef struct ipl__embedded {
    const char *name;
    const char *bytes;      /* NUL-terminated */
    size_t size;            /* without the NUL */
} ipl__embedded;

extern const ipl__embedded ipl__policy_schema_data;
extern const ipl__embedded ipl__policy_presets[];
extern const size_t ipl__policy_preset_total;

/* A source or an unpublished note: two strings. */
typedef struct ipl__policy_note {
    char *text;
    char *label;            /* a source's reference, or what is unpublished */
    ipl_date date;          /* sources only */
} ipl__policy_note;

struct ipl_policy {
    char *name;
    char *title;
    char currency[4];
    ipl__policy_note *sources;
    size_t nsources;
    ipl__policy_note *unpublished;
    size_t nunpublished;
    ipl_pledge_rules *pledge;   /* NULL when none */
    char *pledge_origin;
    xmlDocPtr doc;              /* the validated document, for the sections
                                 * other layers read */
};

/* The value of an attribute, or NULL; the caller frees it with xmlFree. */
xmlChar *ipl__policy_attr(xmlNodePtr node, const char *name);

/* Parses an attribute holding an xs:decimal fraction or factor into
 * *out; absent attributes leave *out alone. */
int ipl__policy_number(double *out, xmlNodePtr node, const char *name,
                       const char *label, ipl_error *err);

/* Parses an amount attribute into minor units of currency; absent
 * attributes leave *out alone. */
int ipl__policy_amount(int64_t *out, xmlNodePtr node, const char *name,
                       const char *currency, const char *label,
                       ipl_error *err);

/* Builds pledge rules from a <pledge> element. */
int ipl__policy_pledge_rules(ipl_pledge_rules **out, xmlNodePtr pledge,
                             const char *currency, const char *label,
                             ipl_error *err);

/* The first child element of node called name (in the policy namespace),
 * or NULL. */
xmlNodePtr ipl__policy_child(xmlNodePtr node, const char *name);

/* Whether node is an element called name in the policy namespace. */
int ipl__policy_is(xmlNodePtr node, const char *name);

#endif /* IPL_POLICY_INTERNAL_H */
