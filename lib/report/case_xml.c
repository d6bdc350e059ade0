/* Case documents as XML: well-formedness without network, DTD or
 * entities, validation against the compiled-in case.xsd, and errors
 * located by line and element path. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>

#include "alloc_internal.h"
#include "error_internal.h"
#include "case_internal.h"
#include "xmldoc_internal.h"

int
ipl__case_fail_at(ipl_error *err, int code, const char *label,
                  xmlNodePtr node, const char *fmt, ...)
{
    char message[IPL_ERROR_MESSAGE_MAX];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    return ipl__xmldoc_fail_at(err, code, label, node, "%s", message);
}

int
ipl__case_parse(xmlDocPtr *out, const char *data, size_t size,
                const char *label, ipl_error *err)
{
    return ipl__xmldoc_read(out, data, size, ipl__case_xsd, ipl__case_xsd_size,
                            "case", label, err);
}
