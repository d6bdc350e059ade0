/* The streaming reader's state: a byte source cut into documents, and
 * the libxml2 reader of the current document. Not installed. */
#ifndef IPL_READER_INTERNAL_H
#define IPL_READER_INTERNAL_H

#include <stdio.h>
#include <libxml/xmlreader.h>

#include "parse_internal.h"

/* Bytes read from a file or a callback at a time. */
#define IPL__SOURCE_BUFFER (256 * 1024)

/* Bytes looked at to find a document's root element before choosing how
 * to parse it: enough for TDXF's 14 KB internal DTD subset. */
#define IPL__PEEK (64 * 1024)

typedef enum {
    IPL__DOC_NONE = 0,      /* between documents */
    IPL__DOC_TREE,          /* the document is one record: parse it whole */
    IPL__DOC_ROOT,          /* the root element is the record (xmlReader) */
    IPL__DOC_CHECK_ROOT,    /* the root may itself be a record element */
    IPL__DOC_SEEK,          /* looking for the next record element */
    IPL__DOC_RECORD,        /* on a record element not yet built */
    IPL__DOC_AFTER_RECORD,  /* a record was returned: skip its subtree */
    IPL__DOC_DONE           /* the root record was returned */
} ipl__doc_state;

/* The tree of a document that is one record (tree.c): libxml2 node
 * structs in an arena kept from document to document. */
typedef struct ipl__tree_block ipl__tree_block;
typedef struct ipl__tree {
    ipl__tree_block *first, *cur;   /* the arena: blocks, the one in use */
    xmlNode doc;            /* stands for the document: the root's parent */
    xmlNode *node;          /* the element being built */
    xmlNode *text;          /* the text node last built: its length and */
    size_t text_len, text_cap;  /* the bytes its content has room for */
    int depth;              /* elements open */
    int skip_depth;         /* > 0 inside a subtree that is not built */
    int oom;                /* the arena could not grow */
    int huge_line;          /* > 0: where a text node passed 10 MB */
} ipl__tree;

struct ipl_reader {
    ipl_parse_options opts;
    char *name;

    /* the source: a memory buffer is read in place */
    FILE *file;
    ipl_parse_read_fn read;
    void *read_ctx;
    const char *data;       /* bytes [pos, end) not yet delivered */
    char *owned;            /* data's buffer when we own it */
    size_t pos, end;
    int eof, read_failed;
    uint64_t consumed;      /* bytes delivered to documents so far */
    long lines;             /* newlines delivered so far */
    char prev;              /* the last byte delivered */

    /* the current document */
    int doc_ended;          /* its bytes are all delivered */
    uint64_t doc_delivered;
    uint64_t doc_offset;
    long doc_line;          /* 1-based line where it starts */
    xmlTextReaderPtr xr;    /* documents of many records */
    xmlParserCtxtPtr ctxt;  /* documents of one record, reused */
    ipl__tree tree;         /* the tree ctxt builds */
    const ipl__driver *drv;
    ipl__doc_state state;
    int xml_error;          /* the first libxml2 error of the document */
    int xml_line, xml_column;
    char xml_message[160];

    ipl__scratch scratch;
    ipl_parse_stats stats;
};

/* libxml2's read callback: the bytes of the current document, up to the
 * start of the next one ("<?xml" at the start of a line). */
int ipl__source_read(void *ctx, char *buf, int len);

/* Makes up to want bytes of input visible at data + pos (fewer at the
 * end of the input) and returns how many are. */
size_t ipl__source_peek(ipl_reader *rd, size_t want);

/* Discards what is left of the current document. */
void ipl__source_skip_document(ipl_reader *rd);

/* Makes sure bytes are available or the input has ended; returns 1 when
 * bytes are there, 0 at the end, IPL_EINVAL on a read error. */
int ipl__source_more(ipl_reader *rd);

/* A parser context whose SAX2 callbacks build rd->tree, for a reader
 * rd set as its _private; errors go to on_error. NULL when out of
 * memory. */
xmlParserCtxtPtr ipl__tree_context(xmlStructuredErrorFunc on_error);

/* Empties the tree for the next document, keeping its arena. */
void ipl__tree_reset(ipl__tree *t);

/* Frees the arena. */
void ipl__tree_free(ipl__tree *t);

/* The root element built, or NULL. */
const xmlNode *ipl__tree_root(const ipl__tree *t);

#endif /* IPL_READER_INTERNAL_H */
