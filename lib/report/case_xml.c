/* Case documents as XML: well-formedness without network, DTD or
 * entities, validation against the compiled-in case.xsd, and errors
 * located by line and element path. */
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>

#include "alloc_internal.h"
#include "error_internal.h"
#include "case_internal.h"
#include "xmldoc_internal.h"

int
ipl__case_parse(xmlDocPtr *out, const char *data, size_t size,
                const char *label, ipl_error *err)
{
    return ipl__xmldoc_read(out, data, size, ipl__case_xsd, ipl__case_xsd_size,
                            "case", label, err);
}
