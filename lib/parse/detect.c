/* Format names and detection from a document's root element: its local
 * name and namespace URI, never its prefix (USPTO TSDR writes ns1:,
 * ns2: where WIPO writes com:, tmk:). */
#define _GNU_SOURCE   /* memmem */
#include <string.h>

#include <libxml/xmlreader.h>

#include "ipledge/parse.h"
#include "error_internal.h"
#include "parse_internal.h"

static const char *const format_names[IPL_FORMAT_COUNT] = {
    "auto", "uspto-grant", "uspto-application", "uspto-pap", "uspto-st32",
    "ep-patent-document", "epo-ops", "st36", "jpo", "cnipa-old", "cnipa-new",
    "st96-patent", "uspto-tdxf", "st66", "st96-trademark", "euipo-design",
    "st96-design"
};

#define ST96 "http://www.wipo.int/standards/XMLSchema/ST96/"

/* Root elements; a namespace of NULL means "no namespace", and one that
 * starts with '*' matches URIs ending with the rest. */
static const struct {
    const char *local, *ns;
    ipl_parse_format format;
} roots[] = {
    { "us-patent-grant", NULL, IPL_FORMAT_USPTO_GRANT },
    { "us-patent-application", NULL, IPL_FORMAT_USPTO_APPLICATION },
    { "patent-application-publication", NULL, IPL_FORMAT_USPTO_PAP },
    { "PATDOC", NULL, IPL_FORMAT_USPTO_ST32 },
    { "ep-patent-document", NULL, IPL_FORMAT_EP },
    { "world-patent-data", "http://ops.epo.org", IPL_FORMAT_EPO_OPS },
    { "patent-document", NULL, IPL_FORMAT_ST36 },
    { "wo-patent-document", NULL, IPL_FORMAT_ST36 },
    { "Application-body", NULL, IPL_FORMAT_ST36 },
    { "jp-official-gazette", NULL, IPL_FORMAT_JPO },
    { "cn-patent-document", NULL, IPL_FORMAT_CNIPA_OLD },
    { "PatentDocumentAndRelated", "http://www.sipo.gov.cn/XMLSchema/business",
      IPL_FORMAT_CNIPA_NEW },
    { "PatentPublication", ST96 "Patent", IPL_FORMAT_ST96_PATENT },
    { "ClaimsDocument", "urn:us:gov:doc:uspto:patent", IPL_FORMAT_ST96_PATENT },
    { "SpecificationDocument", "urn:us:gov:doc:uspto:patent",
      IPL_FORMAT_ST96_PATENT },
    { "trademark-applications-daily", NULL, IPL_FORMAT_USPTO_TDXF },
    { "case-file", NULL, IPL_FORMAT_USPTO_TDXF },
    { "Transaction", "http://www.wipo.int/standards/XMLSchema/trademarks",
      IPL_FORMAT_ST66 },
    { "Transaction", "http://euipo.europa.eu/trademark/data", IPL_FORMAT_ST66 },
    { "Transaction", "*.tmview.europa.eu/trademark/data", IPL_FORMAT_ST66 },
    { "TrademarkTransaction", ST96 "Trademark", IPL_FORMAT_ST96_TRADEMARK },
    { "TrademarkApplication", ST96 "Trademark", IPL_FORMAT_ST96_TRADEMARK },
    { "Transaction", "http://www.wipo.int/standards/XMLSchema/Trademark/1",
      IPL_FORMAT_ST96_TRADEMARK },
    { "Transaction", "http://euipo.europa.eu/design/data",
      IPL_FORMAT_EUIPO_DESIGN },
    { "DesignApplication", ST96 "Design", IPL_FORMAT_ST96_DESIGN },
};

static int
ns_matches(const char *want, const char *ns)
{
    size_t n, w;

    if (want == NULL || ns == NULL)
        return want == ns;
    if (want[0] != '*')
        return strcmp(want, ns) == 0;
    n = strlen(ns);
    w = strlen(want + 1);
    return n > w && strcmp(ns + n - w, want + 1) == 0;
}

ipl_parse_format
ipl__detect_root(const char *local, const char *ns_uri)
{
    size_t i;

    for (i = 0; local != NULL && i < sizeof roots / sizeof *roots; i++)
        if (strcmp(roots[i].local, local) == 0 && ns_matches(roots[i].ns, ns_uri))
            return roots[i].format;
    return IPL_FORMAT_AUTO;
}

const char *
ipl_parse_format_name(ipl_parse_format format)
{
    return (unsigned)format < IPL_FORMAT_COUNT ? format_names[format] : NULL;
}

int
ipl_parse_format_from_name(ipl_parse_format *out, const char *name,
                           ipl_error *err)
{
    size_t i;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, name);
    for (i = 0; i < IPL_FORMAT_COUNT; i++)
        if (strcmp(format_names[i], name) == 0) {
            *out = (ipl_parse_format)i;
            return IPL_OK;
        }
    return ipl__fail(err, IPL_EINVAL, "name", "unknown format \"%s\"", name);
}

const ipl__driver *
ipl__driver_for(ipl_parse_format format)
{
    static const ipl__driver *const families[] = {
        ipl__drivers_uspto, ipl__drivers_epo, ipl__drivers_wipo,
        ipl__drivers_cnipa, ipl__drivers_tm
    };
    size_t i;
    const ipl__driver *d;

    for (i = 0; i < sizeof families / sizeof *families; i++)
        for (d = families[i]; d->name != NULL; d++)
            if (d->format == format)
                return d;
    return NULL;
}

static void
detect_error(void *ctx, xmlErrorPtr e)
{
    ipl_error *first = ctx;

    if (first->code == IPL_OK && e != NULL && e->level >= XML_ERR_ERROR) {
        first->code = IPL_EPARSE;
        first->line = e->line;
        first->column = e->int2;
        snprintf(first->message, sizeof first->message, "%s",
                 e->message ? e->message : "malformed XML");
    }
}

/* Reads data up to its first element. Returns 1 with the element's
 * local name (a truncated copy) and format, or 0 when there is none in
 * sight, with libxml2's first error in *xml. */
static int
first_element(char *local, size_t lsize, ipl_parse_format *format,
              const char *data, size_t size, ipl_error *xml)
{
    xmlTextReaderPtr xr;
    int rc, found = 0;

    ipl_error_clear(xml);
    if (size > 0x7fffffff)
        size = 0x7fffffff;     /* the root is near the start */
    xr = xmlReaderForMemory(data, (int)size, "memory", NULL,
                            XML_PARSE_NONET | XML_PARSE_NOERROR |
                            XML_PARSE_NOWARNING);
    if (xr == NULL)
        return 0;
    xmlTextReaderSetStructuredErrorHandler(xr, detect_error, xml);
    while (!found && (rc = xmlTextReaderRead(xr)) == 1)
        if (xmlTextReaderNodeType(xr) == XML_READER_TYPE_ELEMENT) {
            const char *name = (const char *)xmlTextReaderConstLocalName(xr);
            snprintf(local, lsize, "%s", name ? name : "");
            *format = ipl__detect_root(name, (const char *)
                                       xmlTextReaderConstNamespaceUri(xr));
            found = 1;
        }
    xmlFreeTextReader(xr);
    return found;
}

/* Past the next closing text ("?>", "-->"); NULL when not in sight. */
static const char *
past(const char *p, const char *end, const char *closing)
{
    const char *q = memmem(p, (size_t)(end - p), closing, strlen(closing));

    return q != NULL ? q + strlen(closing) : NULL;
}

/* Past a "<!DOCTYPE ...>" (p at its "<"), minding its internal subset
 * and quoted strings; NULL when its end is not in sight. */
static const char *
past_doctype(const char *p, const char *end)
{
    int depth = 0;
    char quote = 0;

    for (p += 2; p < end; p++) {
        if (quote != 0)
            quote = *p == quote ? 0 : quote;
        else if (*p == '"' || *p == '\'')
            quote = *p;
        else if (*p == '[')
            depth++;
        else if (*p == ']')
            depth--;
        else if (*p == '>' && depth == 0)
            return p + 1;
    }
    return NULL;
}

/* The format of a document whose root element has no namespace, found
 * by scanning the bytes up to it: a bulk file's documents each need
 * one, and a parser made for it costs more than the document's
 * reading. IPL_FORMAT_AUTO when unsure (namespaces, odd syntax). */
static ipl_parse_format
detect_plain(const char *p, size_t size)
{
    const char *end = p + size, *name, *gt;
    size_t i, len;

    if (size >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
        p += 3;
    for (;;) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
            p++;
        if (end - p < 4 || *p != '<')
            return IPL_FORMAT_AUTO;
        if (p[1] == '?')
            p = past(p, end, "?>");
        else if (p[1] == '!' && p[2] == '-' && p[3] == '-')
            p = past(p, end, "-->");
        else if (p[1] == '!')
            p = past_doctype(p, end);
        else
            break;
        if (p == NULL)
            return IPL_FORMAT_AUTO;
    }
    name = p + 1;
    for (len = 0; name + len < end && strchr(" \t\r\n/>", name[len]) == NULL;
         len++)
        ;
    gt = memchr(name, '>', (size_t)(end - name));
    if (gt == NULL || memmem(name, (size_t)(gt - name), "xmlns", 5) != NULL ||
        memchr(name, ':', len) != NULL)
        return IPL_FORMAT_AUTO;
    for (i = 0; i < sizeof roots / sizeof *roots; i++)
        if (roots[i].ns == NULL && strlen(roots[i].local) == len &&
            memcmp(roots[i].local, name, len) == 0)
            return roots[i].format;
    return IPL_FORMAT_AUTO;
}

ipl_parse_format
ipl__detect_prefix(const char *data, size_t size)
{
    ipl_parse_format f = detect_plain(data, size);
    ipl_error xml;
    char local[64];

    if (f == IPL_FORMAT_AUTO)
        (void)first_element(local, sizeof local, &f, data, size, &xml);
    return f;
}

int
ipl_parse_detect(ipl_parse_format *out, const void *data, size_t size,
                 ipl_error *err)
{
    ipl_parse_format f = IPL_FORMAT_AUTO;
    ipl_error xml;
    char local[64];

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, data);
    if (!first_element(local, sizeof local, &f, data, size, &xml))
        return ipl__fail_at(err, IPL_EPARSE, "data", xml.line, xml.column,
                            "no root element: %s", xml.code ? xml.message
                                                            : "empty input");
    if (f == IPL_FORMAT_AUTO)
        return ipl__fail(err, IPL_EPARSE, "data",
                         "no driver reads the root element <%s>", local);
    *out = f;
    return IPL_OK;
}
