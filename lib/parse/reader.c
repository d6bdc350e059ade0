/* The streaming reader (include/ipledge/parse.h). A document that is
 * one record (a USPTO grant in a weekly file) is parsed with a reused
 * parser context into a tree of the reader's own arena (tree.c),
 * emptied for the next document; a document of many records
 * (a TDXF daily file) is walked with an xmlReader, each record's subtree
 * expanded and freed by the reader as it moves on. Either way memory
 * follows the largest record, not the input. */
#include <string.h>

#include "ipledge/parse.h"
#include "alloc_internal.h"
#include "error_internal.h"
#include "reader_internal.h"

/* Untrusted input: no network (XML_PARSE_NONET), no external DTD
 * (no XML_PARSE_DTDLOAD), entities not substituted (no XML_PARSE_NOENT),
 * libxml2's limits on text size, depth and entity amplification kept
 * (no XML_PARSE_HUGE). Errors come through the reader's own structured
 * handler, so nothing is printed. */
#define IPL__XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | \
                          XML_PARSE_NOWARNING | XML_PARSE_COMPACT | \
                          XML_PARSE_NOCDATA)

int
ipl_parse_options_init(ipl_parse_options *opts, unsigned int version)
{
    static const ipl_parse_options defaults = IPL_PARSE_OPTIONS_INIT;

    IPL__CHECK_ARG(NULL, opts);
    if (version != IPL_PARSE_OPTIONS_VERSION)
        return IPL_EVERSION;
    *opts = defaults;
    return IPL_OK;
}

static int
check_options(ipl_parse_options *dst, const ipl_parse_options *opts,
              ipl_error *err)
{
    if (opts == NULL)
        return ipl_parse_options_init(dst, IPL_PARSE_OPTIONS_VERSION);
    if (opts->version != IPL_PARSE_OPTIONS_VERSION)
        return ipl__fail(err, IPL_EVERSION, "opts.version",
                         "unknown version %u, expected %d", opts->version,
                         IPL_PARSE_OPTIONS_VERSION);
    if ((unsigned)opts->format >= IPL_FORMAT_COUNT)
        return ipl__fail(err, IPL_EINVAL, "opts.format",
                         "unknown format %d", (int)opts->format);
    *dst = *opts;
    return IPL_OK;
}

static int
reader_new(ipl_reader **out, const char *name, const ipl_parse_options *opts,
           ipl_error *err)
{
    ipl_reader *rd;
    int rc;

    if ((rd = ipl__calloc(1, sizeof *rd)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, "reader", "out of memory");
    if ((rc = check_options(&rd->opts, opts, err)) < 0) {
        ipl__free(rd);
        return rc;
    }
    if ((rd->name = ipl__strdup(name)) == NULL) {
        ipl__free(rd);
        return ipl__fail(err, IPL_ENOMEM, "reader", "out of memory");
    }
    rd->prev = '\n';
    *out = rd;
    return IPL_OK;
}

static int
own_buffer(ipl_reader *rd, ipl_error *err)
{
    if ((rd->owned = ipl__malloc(IPL__SOURCE_BUFFER)) == NULL) {
        ipl_parse_reader_free(rd);
        return ipl__fail(err, IPL_ENOMEM, "reader", "out of memory");
    }
    rd->data = rd->owned;
    return IPL_OK;
}

int
ipl_parse_reader_new_file(ipl_reader **out, const char *path,
                          const ipl_parse_options *opts, ipl_error *err)
{
    ipl_reader *rd;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, path);
    if ((rc = reader_new(&rd, path, opts, err)) < 0 ||
        (rc = own_buffer(rd, err)) < 0)
        return rc;
    if ((rd->file = fopen(path, "rb")) == NULL) {
        ipl_parse_reader_free(rd);
        return ipl__fail(err, IPL_EINVAL, path, "cannot open the file");
    }
    *out = rd;
    return IPL_OK;
}

int
ipl_parse_reader_new_memory(ipl_reader **out, const void *data, size_t size,
                            const char *name, const ipl_parse_options *opts,
                            ipl_error *err)
{
    ipl_reader *rd;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, data);
    if ((rc = reader_new(&rd, name ? name : "memory", opts, err)) < 0)
        return rc;
    rd->data = data;
    rd->end = size;
    rd->eof = 1;
    *out = rd;
    return IPL_OK;
}

int
ipl_parse_reader_new_callback(ipl_reader **out, ipl_parse_read_fn read,
                              void *ctx, const char *name,
                              const ipl_parse_options *opts, ipl_error *err)
{
    ipl_reader *rd;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, read);
    if ((rc = reader_new(&rd, name ? name : "stream", opts, err)) < 0 ||
        (rc = own_buffer(rd, err)) < 0)
        return rc;
    rd->read = read;
    rd->read_ctx = ctx;
    *out = rd;
    return IPL_OK;
}

static void
close_document(ipl_reader *rd)
{
    if (rd->xr != NULL)
        xmlFreeTextReader(rd->xr);
    rd->xr = NULL;
    rd->state = IPL__DOC_NONE;
}

void
ipl_parse_reader_free(ipl_reader *rd)
{
    if (rd == NULL)
        return;
    close_document(rd);
    if (rd->ctxt != NULL)
        xmlFreeParserCtxt(rd->ctxt);
    ipl__tree_free(&rd->tree);
    if (rd->file != NULL)
        fclose(rd->file);
    ipl__free(rd->owned);
    ipl__free(rd->scratch.buf);
    ipl__free(rd->name);
    ipl__free(rd);
}

int
ipl_parse_reader_stats(ipl_parse_stats *out, const ipl_reader *rd)
{
    IPL__CHECK_ARG(NULL, out);
    IPL__CHECK_ARG(NULL, rd);
    *out = rd->stats;
    return IPL_OK;
}

/* ---- errors ---------------------------------------------------------- */

static void
on_xml_error(void *ctx, xmlErrorPtr e)
{
    ipl_reader *rd = ctx;
    size_t n;

    if (rd->xml_error || e == NULL || e->level < XML_ERR_ERROR ||
        e->code == XML_ERR_OK)
        return;
    rd->xml_error = 1;
    rd->xml_line = e->line;
    rd->xml_column = e->int2;
    snprintf(rd->xml_message, sizeof rd->xml_message, "%s",
             e->message ? e->message : "malformed XML");
    n = strlen(rd->xml_message);
    while (n > 0 && (rd->xml_message[n - 1] == '\n' ||
                     rd->xml_message[n - 1] == ' '))
        rd->xml_message[--n] = '\0';
}

/* Fails the current document: the error names the source, the document
 * and where in the whole input the trouble is; the rest of the document
 * is skipped. */
static int
fail_document(ipl_reader *rd, int code, int line, int column, ipl_error *err,
              const char *what)
{
    int abs_line = line > 0 ? (int)(rd->doc_line + line - 1) : 0;

    ipl__fail_at(err, code, rd->name, abs_line, column,
                 "document %zu (byte %llu): %s", rd->stats.document + 1,
                 (unsigned long long)rd->doc_offset, what);
    close_document(rd);
    ipl__source_skip_document(rd);
    rd->stats.skipped++;
    return code;
}

static int
fail_xml(ipl_reader *rd, ipl_error *err)
{
    if (rd->read_failed)
        return fail_document(rd, IPL_EINVAL, 0, 0, err, "read error");
    if (!rd->xml_error)
        return fail_document(rd, IPL_EPARSE, 0, 0, err, "malformed XML");
    return fail_document(rd, IPL_EPARSE, rd->xml_line, rd->xml_column, err,
                         rd->xml_message);
}

/* ---- documents ------------------------------------------------------- */

static int
choose_driver(ipl_reader *rd, ipl_error *err)
{
    const char *local = (const char *)xmlTextReaderConstLocalName(rd->xr);
    const char *ns = (const char *)xmlTextReaderConstNamespaceUri(rd->xr);
    ipl_parse_format f = rd->opts.format;
    char what[IPL_ERROR_MESSAGE_MAX / 2];

    if (f == IPL_FORMAT_AUTO)
        f = ipl__detect_root(local, ns);
    if ((rd->drv = ipl__driver_for(f)) == NULL) {
        snprintf(what, sizeof what, "no driver reads <%s>%s%s%s",
                 local ? local : "?", ns ? " in namespace " : "",
                 ns ? ns : "", ns ? "" : " (no namespace)");
        return fail_document(rd, IPL_EPARSE,
                             xmlTextReaderGetParserLineNumber(rd->xr),
                             xmlTextReaderGetParserColumnNumber(rd->xr),
                             err, what);
    }
    rd->state = rd->drv->record == NULL ? IPL__DOC_ROOT : IPL__DOC_CHECK_ROOT;
    return 1;
}

/* The driver of a document whose root element is in sight: documents
 * of one record are parsed into a tree at once (faster), documents of
 * many (TDXF) are walked with an xmlReader. NULL when not known yet. */
static const ipl__driver *
peek_driver(ipl_reader *rd)
{
    ipl_parse_format f = rd->opts.format;

    if (f == IPL_FORMAT_AUTO)
        f = ipl__detect_prefix(rd->data + rd->pos,
                               ipl__source_peek(rd, IPL__PEEK));
    return ipl__driver_for(f);
}

/* Opens the next document: as a tree when it is one record, else with
 * an xmlReader on its root element. Returns 1, 0 at the end of the
 * input, or a negative status (document skipped). */
static int
open_document(ipl_reader *rd, ipl_error *err)
{
    const ipl__driver *drv;
    int rc;

    if ((rc = ipl__source_more(rd)) <= 0)
        return rc < 0 ? ipl__fail(err, IPL_EINVAL, rd->name, "read error")
                      : 0;
    rd->doc_ended = 0;
    rd->doc_delivered = 0;
    rd->doc_offset = rd->consumed;
    rd->doc_line = rd->lines + 1;
    rd->xml_error = 0;
    rd->stats.document = rd->stats.documents++;
    rd->stats.offset = rd->doc_offset;
    if ((drv = peek_driver(rd)) != NULL && drv->record == NULL) {
        rd->drv = drv;
        rd->state = IPL__DOC_TREE;
        return 1;
    }
    rd->xr = xmlReaderForIO(ipl__source_read, NULL, rd, rd->name, NULL,
                            IPL__XML_OPTIONS);
    if (rd->xr == NULL)
        return fail_document(rd, IPL_ENOMEM, 0, 0, err, "out of memory");
    xmlTextReaderSetStructuredErrorHandler(rd->xr, on_xml_error, rd);
    while ((rc = xmlTextReaderRead(rd->xr)) == 1)
        if (xmlTextReaderNodeType(rd->xr) == XML_READER_TYPE_ELEMENT)
            return choose_driver(rd, err);
    if (rc == 0 && !rd->xml_error)
        return fail_document(rd, IPL_EPARSE, 0, 0, err, "no root element");
    return fail_xml(rd, err);
}

/* Turns a record element into a record, or fails the document. */
static int
build(ipl_record **out, ipl_reader *rd, const xmlNode *node, ipl_error *err)
{
    char what[IPL_ERROR_MESSAGE_MAX / 2];
    int rc;

    if ((rc = ipl__extract(out, rd->drv, node, &rd->scratch)) == IPL_OK)
        return 1;
    if (rc == IPL_EPARSE) {
        snprintf(what, sizeof what, "entity reference &%s; refused: only "
                 "character references and the predefined entities are read",
                 rd->scratch.entity);
        return fail_document(rd, rc, rd->scratch.entity_line, 0, err, what);
    }
    /* One record of many (a TDXF case file): the reader stays on it, so
     * that running out of memory loses neither it nor the rest of the
     * file; the next call builds it again. */
    if (rd->state == IPL__DOC_RECORD)
        return ipl__fail(err, rc, rd->name, "document %zu (byte %llu): out of memory "
                         "building a record; the next call tries it again",
                         rd->stats.document + 1, (unsigned long long)rd->doc_offset);
    return fail_document(rd, rc, 0, 0, err, "out of memory");
}

/* ---- documents of one record: a tree of the parts read (tree.c) ---- */

static void
tree_error(void *ctx, xmlErrorPtr e)
{
    on_xml_error(((xmlParserCtxtPtr)ctx)->_private, e);
}

/* A document of one record, parsed whole with a reused context. */
static int
take_tree(ipl_record **out, ipl_reader *rd, ipl_error *err)
{
    const xmlNode *root;
    xmlDocPtr doc;
    int parsed;

    if (rd->ctxt == NULL &&
        (rd->ctxt = ipl__tree_context(tree_error)) == NULL)
        return fail_document(rd, IPL_ENOMEM, 0, 0, err, "out of memory");
    rd->ctxt->_private = rd;
    ipl__tree_reset(&rd->tree);
    /* the document holds only what libxml2 keeps beside the tree: its
     * DTD and the entities declared there */
    doc = xmlCtxtReadIO(rd->ctxt, ipl__source_read, NULL, rd, rd->name, NULL,
                        IPL__XML_OPTIONS);
    parsed = doc != NULL;
    xmlFreeDoc(doc);
    if (rd->tree.oom)
        return fail_document(rd, IPL_ENOMEM, 0, 0, err, "out of memory");
    if (rd->tree.huge_line > 0)
        return fail_document(rd, IPL_EPARSE, rd->tree.huge_line, 0, err,
                             "text node longer than 10000000 bytes");
    if (!parsed || (root = ipl__tree_root(&rd->tree)) == NULL)
        return fail_xml(rd, err);
    rd->state = IPL__DOC_DONE;        /* build() closes it on failure */
    return build(out, rd, root, err);
}

/* Builds the record of the element the reader is on. */
static int
take_record(ipl_record **out, ipl_reader *rd, ipl_error *err)
{
    xmlNodePtr node = xmlTextReaderExpand(rd->xr);

    if (node == NULL)
        return fail_xml(rd, err);
    return build(out, rd, node, err);
}

/* Reads to the end of a document whose record has been taken, so that
 * damage after it still fails the document. */
static int
finish_root(ipl_reader *rd, ipl_error *err)
{
    int rc = xmlTextReaderNext(rd->xr);

    while (rc == 1)
        rc = xmlTextReaderRead(rd->xr);
    return rc < 0 ? fail_xml(rd, err) : 0;
}

static int
is_record_element(const ipl_reader *rd)
{
    const char *local = (const char *)xmlTextReaderConstLocalName(rd->xr);

    return xmlTextReaderNodeType(rd->xr) == XML_READER_TYPE_ELEMENT &&
           local != NULL && strcmp(local, rd->drv->record) == 0;
}

/* The next record of the open document: 1, 0 when it has no more, or a
 * negative status. */
static int
document_next(ipl_record **out, ipl_reader *rd, ipl_error *err)
{
    ipl_record *rec;
    int rc;

    switch (rd->state) {
    case IPL__DOC_TREE:
        return take_tree(out, rd, err);
    case IPL__DOC_ROOT:
        if ((rc = take_record(&rec, rd, err)) < 0)
            return rc;
        if ((rc = finish_root(rd, err)) < 0) {
            ipl_record_free(rec);
            return rc;
        }
        rd->state = IPL__DOC_DONE;
        *out = rec;
        return 1;
    case IPL__DOC_RECORD:
        break;
    case IPL__DOC_CHECK_ROOT:
        rd->state = IPL__DOC_SEEK;
        if (is_record_element(rd))
            break;
        /* fall through */
    case IPL__DOC_SEEK:
    case IPL__DOC_AFTER_RECORD:
        rc = rd->state == IPL__DOC_AFTER_RECORD ? xmlTextReaderNext(rd->xr)
                                                : xmlTextReaderRead(rd->xr);
        rd->state = IPL__DOC_SEEK;
        while (rc == 1 && !is_record_element(rd))
            rc = xmlTextReaderRead(rd->xr);
        if (rc <= 0)
            return rc < 0 ? fail_xml(rd, err) : 0;
        break;
    default:
        return 0;
    }
    rd->state = IPL__DOC_RECORD;
    if ((rc = take_record(out, rd, err)) < 0)
        return rc;
    rd->state = IPL__DOC_AFTER_RECORD;
    return 1;
}

int
ipl_parse_reader_next(ipl_record **out, ipl_reader *rd, ipl_error *err)
{
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, rd);
    for (;;) {
        if (rd->state == IPL__DOC_NONE && (rc = open_document(rd, err)) <= 0)
            return rc;
        if ((rc = document_next(out, rd, err)) < 0)
            return rc;
        if (rc == 1) {
            rd->stats.records++;
            return 1;
        }
        close_document(rd);
        ipl__source_skip_document(rd);
    }
}
