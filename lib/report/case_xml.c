/* Case documents as XML: well-formedness without network, DTD or
 * entities, validation against the compiled-in case.xsd, and errors
 * located by line and element path. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "alloc_internal.h"
#include "error_internal.h"
#include "case_internal.h"

/* "/case/rights/right[2]": local names, with a position among
 * same-named siblings where there are several. */
static void
ipl__case_node_path(char *buf, size_t size, xmlNodePtr node)
{
    xmlNodePtr chain[16], n, s;
    size_t depth = 0, len = 0;

    for (n = node; n != NULL && n->type == XML_ELEMENT_NODE && depth < 16;
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
ipl__case_fail_at(ipl_error *err, int code, const char *label,
                  xmlNodePtr node, const char *fmt, ...)
{
    char path[160], message[IPL_ERROR_MESSAGE_MAX];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    ipl__case_node_path(path, sizeof path, node);
    return ipl__fail_at(err, code, label, (int)xmlGetLineNo(node), 0, "%s: %s",
                        path, message);
}

/* The first problem libxml2 reports. */
typedef struct ipl__case_first {
    int seen, line, column;
    char path[160];
    char message[200];
} ipl__case_first;

static void
ipl__case_keep_first(void *ud, xmlErrorPtr e)
{
    ipl__case_first *first = ud;
    size_t len;

    if (first->seen || e == NULL)
        return;
    first->seen = 1;
    first->line = e->line;
    first->column = e->int2;
    if (e->node != NULL && ((xmlNodePtr)e->node)->type == XML_ELEMENT_NODE)
        ipl__case_node_path(first->path, sizeof first->path, e->node);
    snprintf(first->message, sizeof first->message, "%s",
             e->message != NULL ? e->message : "invalid");
    len = strlen(first->message);
    while (len > 0 && (first->message[len - 1] == '\n' ||
                       first->message[len - 1] == ' '))
        first->message[--len] = '\0';
}

static void
ipl__case_ignore(void *ud, xmlErrorPtr e)
{
    (void)ud;
    (void)e;
}

static int
ipl__case_validate(xmlDocPtr doc, const char *label, ipl_error *err)
{
    xmlSchemaParserCtxtPtr pc;
    xmlSchemaValidCtxtPtr vc = NULL;
    xmlSchemaPtr schema = NULL;
    ipl__case_first first;
    int rc = -1;

    memset(&first, 0, sizeof first);
    if ((pc = xmlSchemaNewMemParserCtxt(ipl__case_xsd,
                                        (int)ipl__case_xsd_size)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, label, "out of memory");
    xmlSchemaSetParserStructuredErrors(pc, ipl__case_ignore, NULL);
    schema = xmlSchemaParse(pc);
    xmlSchemaFreeParserCtxt(pc);
    if (schema != NULL && (vc = xmlSchemaNewValidCtxt(schema)) != NULL) {
        xmlSchemaSetValidStructuredErrors(vc, ipl__case_keep_first, &first);
        rc = xmlSchemaValidateDoc(vc, doc);
    }
    xmlSchemaFreeValidCtxt(vc);
    xmlSchemaFree(schema);
    /* libxml2 cannot tell a failed allocation from a broken schema here;
     * the schema is the library's own and tested, so it is memory. */
    if (rc < 0)
        return ipl__fail(err, IPL_ENOMEM, label,
                         "the case schema could not be compiled or applied");
    if (rc > 0)
        return ipl__fail_at(err, IPL_EPARSE, label, first.line, first.column,
                            "%s%s%s", first.path, first.path[0] ? ": " : "",
                            first.message);
    return IPL_OK;
}

int
ipl__case_parse(xmlDocPtr *out, const char *data, size_t size,
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
        ipl__case_first first;

        memset(&first, 0, sizeof first);
        ipl__case_keep_first(&first, xmlCtxtGetLastError(ctxt));
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
                            "a case document may not have a DOCTYPE");
    }
    if ((rc = ipl__case_validate(doc, label, err)) < 0) {
        xmlFreeDoc(doc);
        return rc;
    }
    *out = doc;
    return IPL_OK;
}
