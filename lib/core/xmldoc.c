/* Untrusted XML documents of ipledge's own kinds (xmldoc_internal.h). */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "alloc_internal.h"
#include "error_internal.h"
#include "xmldoc_internal.h"

int
ipl__read_file(char **out, size_t *size, const char *path, size_t max,
               const char *kind, ipl_error *err)
{
    FILE *f = fopen(path, "rb");
    char *data = NULL, *grown;
    size_t len = 0, cap = 0, got;
    int rc = IPL_OK;

    if (f == NULL)
        return ipl__fail(err, IPL_EINVAL, path, "cannot open: %s",
                         strerror(errno));
    /* Grow as the bytes come: a path may be a pipe. Reading stops past
     * the limit, so the buffer never exceeds twice it. */
    do {
        if (len == cap) {
            cap = cap != 0 ? 2 * cap : 16384;
            if ((grown = ipl__realloc(data, cap)) == NULL) {
                rc = ipl__fail(err, IPL_ENOMEM, path, "out of memory");
                break;
            }
            data = grown;
        }
        got = fread(data + len, 1, cap - len, f);
        len += got;
    } while (got > 0 && len <= max);
    if (rc == IPL_OK && ferror(f))
        rc = ipl__fail(err, IPL_EINVAL, path, "cannot read");
    else if (rc == IPL_OK && len > max)
        rc = ipl__fail(err, IPL_EINVAL, path,
                       "larger than %zu MiB: not a %s document", max >> 20,
                       kind);
    fclose(f);
    if (rc < 0) {
        ipl__free(data);
        return rc;
    }
    *out = data;
    *size = len;
    return IPL_OK;
}

void
ipl__xmldoc_path(char *buf, size_t size, xmlNodePtr node)
{
    xmlNodePtr chain[32], n, s;
    size_t depth = 0, len = 0;

    for (n = node; n != NULL && n->type == XML_ELEMENT_NODE && depth < 32;
         n = n->parent)
        chain[depth++] = n;
    buf[0] = '\0';
    while (depth-- > 0 && len < size) {
        int pos = 0, count = 0, w;

        n = chain[depth];
        for (s = n->parent != NULL ? n->parent->children : n; s != NULL;
             s = s->next)
            if (s->type == XML_ELEMENT_NODE && xmlStrEqual(s->name, n->name)) {
                count++;
                if (s == n)
                    pos = count;
            }
        w = count > 1 ? snprintf(buf + len, size - len, "/%s[%d]",
                                 (const char *)n->name, pos)
                      : snprintf(buf + len, size - len, "/%s",
                                 (const char *)n->name);
        len += w > 0 ? (size_t)w : 0;
    }
}

int
ipl__xmldoc_fail_at(ipl_error *err, int code, const char *label,
                    xmlNodePtr node, const char *fmt, ...)
{
    char path[200], message[IPL_ERROR_MESSAGE_MAX];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    if (node == NULL)
        return ipl__fail(err, code, label, "%s", message);
    ipl__xmldoc_path(path, sizeof path, node);
    return ipl__fail_at(err, code, label, (int)xmlGetLineNo(node), 0, "%s: %s",
                        path, message);
}

/* The first problem libxml2 reports, in ipledge's terms. */
typedef struct ipl__first_error {
    int seen;
    int line, column;
    char path[200];
    char message[200];
} ipl__first_error;

static void
ipl__keep_first(void *ud, xmlErrorPtr e)
{
    ipl__first_error *first = ud;
    size_t len;

    if (first->seen || e == NULL)
        return;
    first->seen = 1;
    first->line = e->line;
    first->column = e->int2;
    if (e->node != NULL && ((xmlNodePtr)e->node)->type == XML_ELEMENT_NODE)
        ipl__xmldoc_path(first->path, sizeof first->path, e->node);
    snprintf(first->message, sizeof first->message, "%s",
             e->message != NULL ? e->message : "invalid");
    len = strlen(first->message);
    while (len > 0 && (first->message[len - 1] == '\n' ||
                       first->message[len - 1] == ' '))
        first->message[--len] = '\0';
}

static void
ipl__ignore(void *ud, xmlErrorPtr e)
{
    (void)ud;
    (void)e;
}

static int
ipl__validate(xmlDocPtr doc, const char *schema, size_t schema_size,
              const char *kind, const char *label, ipl_error *err)
{
    xmlSchemaParserCtxtPtr pc;
    xmlSchemaValidCtxtPtr vc = NULL;
    xmlSchemaPtr compiled = NULL;
    ipl__first_error first;
    int rc = -1;

    memset(&first, 0, sizeof first);
    if ((pc = xmlSchemaNewMemParserCtxt(schema, (int)schema_size)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, label, "out of memory");
    xmlSchemaSetParserStructuredErrors(pc, ipl__ignore, NULL);
    compiled = xmlSchemaParse(pc);
    xmlSchemaFreeParserCtxt(pc);
    if (compiled != NULL && (vc = xmlSchemaNewValidCtxt(compiled)) != NULL) {
        xmlSchemaSetValidStructuredErrors(vc, ipl__keep_first, &first);
        rc = xmlSchemaValidateDoc(vc, doc);
    }
    xmlSchemaFreeValidCtxt(vc);
    xmlSchemaFree(compiled);
    /* libxml2 cannot tell a failed allocation from a broken schema here;
     * the schema is the library's own and tested, so it is memory. */
    if (rc < 0)
        return ipl__fail(err, IPL_ENOMEM, label,
                         "the %s schema could not be compiled or applied", kind);
    if (rc > 0)
        return ipl__fail_at(err, IPL_EPARSE, label, first.line, first.column,
                            "%s%s%s", first.path, first.path[0] ? ": " : "",
                            first.message);
    return IPL_OK;
}

int
ipl__xmldoc_read(xmlDocPtr *out, const char *data, size_t size,
                 const char *schema, size_t schema_size, const char *kind,
                 const char *label, ipl_error *err)
{
    xmlParserCtxtPtr ctxt;
    xmlDocPtr doc;
    int rc;

    if (size > INT_MAX)
        return ipl__fail(err, IPL_EINVAL, label,
                         "document of %zu bytes is too large", size);
    if ((ctxt = xmlNewParserCtxt()) == NULL)
        return ipl__fail(err, IPL_ENOMEM, label, "out of memory");
    doc = xmlCtxtReadMemory(ctxt, data, (int)size, label, NULL,
                            XML_PARSE_NONET | XML_PARSE_NOERROR |
                            XML_PARSE_NOWARNING);
    if (doc == NULL) {
        ipl__first_error first;

        memset(&first, 0, sizeof first);
        ipl__keep_first(&first, xmlCtxtGetLastError(ctxt));
        xmlFreeParserCtxt(ctxt);
        if (first.seen && strstr(first.message, "Memory") != NULL)
            return ipl__fail(err, IPL_ENOMEM, label, "out of memory");
        return ipl__fail_at(err, IPL_EPARSE, label, first.line, first.column,
                            "not well-formed XML: %s",
                            first.seen ? first.message : "unreadable");
    }
    xmlFreeParserCtxt(ctxt);
    if (doc->intSubset != NULL || doc->extSubset != NULL) {
        xmlFreeDoc(doc);
        return ipl__fail_at(err, IPL_EPARSE, label, 1, 0,
                            "a %s document may not have a DOCTYPE", kind);
    }
    if ((rc = ipl__validate(doc, schema, schema_size, kind, label, err)) < 0) {
        xmlFreeDoc(doc);
        return rc;
    }
    *out = doc;
    return IPL_OK;
}
