/* Untrusted XML documents of ipledge's own kinds (policies, cases):
 * reading them safely, validating them against a compiled-in schema,
 * and naming the element at fault. Not installed. */
#ifndef IPL_XMLDOC_INTERNAL_H
#define IPL_XMLDOC_INTERNAL_H

#include <stddef.h>

#include <libxml/tree.h>

#include "ipledge/error.h"

/* Reads a whole file of at most max bytes (a whole number of MiB) into
 * new memory (the caller frees it with ipl__free); pipes too. Errors
 * name the path. */
int ipl__read_file(char **out, size_t *size, const char *path, size_t max,
                   const char *kind, ipl_error *err);

/* Parses the bytes with no network, no DTD and no entity expansion,
 * refuses a DOCTYPE, and validates against the schema's bytes. kind
 * names the document in messages ("policy", "case"); label names it in
 * err->where. IPL_EPARSE carries the line, the column when libxml2 gives
 * one, and the element's path. */
int ipl__xmldoc_read(xmlDocPtr *out, const char *data, size_t size,
                     const char *schema, size_t schema_size, const char *kind,
                     const char *label, ipl_error *err);

/* "/policy/pledge/ratio[2]": local names, with a position among
 * same-named siblings where there are several. */
void ipl__xmldoc_path(char *buf, size_t size, xmlNodePtr node);

/* Fails with the node's line and a message that starts with its path. */
int ipl__xmldoc_fail_at(ipl_error *err, int code, const char *label,
                        xmlNodePtr node, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

#endif /* IPL_XMLDOC_INTERNAL_H */
