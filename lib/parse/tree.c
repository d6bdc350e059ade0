/* The tree of a document that is one record, built by the reader's own
 * SAX2 callbacks. Its nodes are libxml2's xmlNode and xmlAttr structs,
 * so the rule interpreter reads it as it would read libxml2's tree, but
 * they live in an arena that the reader keeps from document to
 * document: building costs no allocation per node, and freeing the
 * tree is one reset. Parts no rule reads are not built: the children
 * of the root a driver skips, white space between elements, attributes
 * that only number elements. */
#include <string.h>

#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>

#include "alloc_internal.h"
#include "reader_internal.h"

/* Bytes of an arena block: a grant's tree takes a few of them. */
#define IPL__TREE_BLOCK (64 * 1024)

struct ipl__tree_block {
    ipl__tree_block *next;
    size_t size, used;
    union {                    /* aligned for any node */
        void *p;
        double d;
        long long ll;
    } data[];
};

static char *
block_base(ipl__tree_block *b)
{
    return (char *)b->data;
}

void
ipl__tree_free(ipl__tree *t)
{
    while (t->first != NULL) {
        ipl__tree_block *next = t->first->next;
        ipl__free(t->first);
        t->first = next;
    }
    t->cur = NULL;
}

void
ipl__tree_reset(ipl__tree *t)
{
    ipl__tree_block *b;

    for (b = t->first; b != NULL; b = b->next)
        b->used = 0;
    t->cur = t->first;
    memset(&t->doc, 0, sizeof t->doc);
    t->doc.type = XML_DOCUMENT_NODE;
    t->node = &t->doc;
    t->text = NULL;
    t->depth = t->skip_depth = 0;
    t->oom = t->huge_line = 0;
}

/* n bytes from the arena, at the alignment of a node when align is
 * set; NULL when out of memory. Blocks are used in turn; a block that
 * is too small for a request is replaced by one that is not, so the
 * arena grows with the largest documents, never with the file. */
static void *
tree_alloc(ipl__tree *t, size_t n, int align)
{
    const size_t a = sizeof *t->first->data;
    ipl__tree_block *b = t->cur, *nb, *next;
    size_t at, size;

    while (b != NULL) {
        at = align ? (b->used + a - 1) / a * a : b->used;
        if (at <= b->size && n <= b->size - at) {
            b->used = at + n;
            t->cur = b;
            return block_base(b) + at;
        }
        /* blocks after the current one are free in this document */
        if (b->next == NULL || b->next->size < n)
            break;
        b = b->next;
    }
    size = n > IPL__TREE_BLOCK ? n : IPL__TREE_BLOCK;
    if ((nb = ipl__malloc(sizeof *nb + size)) == NULL)
        return NULL;
    nb->size = size;
    if (b == NULL) {                  /* the arena's first block */
        nb->next = NULL;
        t->first = nb;
    } else {
        next = b->next;
        nb->next = next != NULL ? next->next : NULL;
        ipl__free(next);
        b->next = nb;
    }
    nb->used = n;
    t->cur = nb;
    return block_base(nb);
}

/* A zeroed node of the given type, appended to the children of parent
 * (an element, or an attribute, whose first fields are a node's); NULL
 * when out of memory. */
static xmlNode *
new_node(ipl__tree *t, xmlElementType type, xmlNode *parent, int line)
{
    xmlNode *n = tree_alloc(t, sizeof *n, 1);

    if (n == NULL) {
        t->oom = 1;
        return NULL;
    }
    memset(n, 0, sizeof *n);
    n->type = type;
    n->line = (unsigned short)(line < 65535 ? line : 65535);
    n->parent = parent;
    n->prev = parent->last;
    if (parent->last != NULL)
        parent->last->next = n;
    else
        parent->children = n;
    parent->last = n;
    return n;
}

static char *
copy_text(ipl__tree *t, const xmlChar *s, size_t n)
{
    char *p = tree_alloc(t, n + 1, 0);

    if (p == NULL) {
        t->oom = 1;
        return NULL;
    }
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* ---- callbacks --------------------------------------------------------- */

/* The reader, or NULL for events of another context: libxml2 parses an
 * internal entity's replacement text with a context of its own, to
 * check it, and keeps what that context builds with the entity, so that
 * it is parsed once however often it is referred to. Those events go to
 * libxml2's own builder; they never reach the record's tree (entities
 * are refused, not read). */
static ipl_reader *
reader_of(void *ctx)
{
    xmlParserCtxtPtr c = ctx;
    ipl_reader *rd = c->_private;

    return rd != NULL && rd->ctxt == c ? rd : NULL;
}

static int
line_of(void *ctx)
{
    xmlParserCtxtPtr c = ctx;

    return c->input != NULL ? c->input->line : 0;
}

static void
stop(void *ctx)
{
    xmlStopParser(ctx);
}

/* Children of the root that the driver skips: descriptions, drawings. */
static int
skipped(const ipl__driver *drv, const xmlChar *name)
{
    const char *const *s;

    for (s = drv->skip; s != NULL && *s != NULL; s++)
        if (strcmp(*s, (const char *)name) == 0)
            return 1;
    return 0;
}

/* Attributes that identify or number elements for the offices' own
 * tooling and that no driver reads below the root: not built. */
static int
noise_attribute(const xmlChar *name)
{
    static const char *const noise[] = {
        "id", "num", "sequence", "designation", "sequenceNumber", "idref",
        "he", "wi", "file", "img-content", "img-format", "orientation",
        "inline"
    };
    size_t i;

    for (i = 0; i < sizeof noise / sizeof *noise; i++)
        if (strcmp((const char *)name, noise[i]) == 0)
            return 1;
    return 0;
}

/* An attribute's children as libxml2 would build them: one text node,
 * or, when the value holds references ("&#38;" for "&", or an entity
 * the rule interpreter refuses), the nodes libxml2 makes of it. */
static int
attribute_children(ipl__tree *t, xmlDocPtr doc, xmlAttr *a,
                   const xmlChar *value, const xmlChar *end, int line)
{
    xmlNodePtr list, c;
    xmlNode *n;

    /* libxml2 copies a value with references and ends it with a NUL;
     * other values end at their quote */
    if (*end != '\0' || doc == NULL) {
        if ((n = new_node(t, XML_TEXT_NODE, (xmlNode *)a, line)) == NULL ||
            (n->content = (xmlChar *)copy_text(t, value,
                                               (size_t)(end - value))) == NULL)
            return -1;
        return 0;
    }
    list = xmlStringLenGetNodeList(doc, value, (int)(end - value));
    for (c = list; c != NULL; c = c->next) {
        int text = c->type == XML_TEXT_NODE;
        const xmlChar *s = text ? c->content : c->name;
        char *copy;
        if ((!text && c->type != XML_ENTITY_REF_NODE) || s == NULL)
            continue;
        if ((n = new_node(t, c->type, (xmlNode *)a, line)) == NULL ||
            (copy = copy_text(t, s, strlen((const char *)s))) == NULL) {
            xmlFreeNodeList(list);
            return -1;
        }
        if (text)
            n->content = (xmlChar *)copy;
        else
            n->name = (xmlChar *)copy;
    }
    xmlFreeNodeList(list);
    return 0;
}

/* attrs holds 5 pointers per attribute: local name, prefix, URI, value
 * and its end. Attributes defaulted from a DTD come last and are not
 * built, as libxml2's own builder leaves them out. */
static int
add_attributes(ipl__tree *t, void *ctx, xmlNode *el, const xmlChar **attrs,
               int nattrs, int ndefaulted, int keep_noise)
{
    xmlAttr *last = NULL, *a;
    int i, line = line_of(ctx);

    for (i = 0; i < nattrs - ndefaulted; i++) {
        const xmlChar **at = &attrs[5 * i];
        if (!keep_noise && noise_attribute(at[0]))
            continue;
        if ((a = tree_alloc(t, sizeof *a, 1)) == NULL) {
            t->oom = 1;
            return -1;
        }
        memset(a, 0, sizeof *a);
        a->type = XML_ATTRIBUTE_NODE;
        a->name = at[0];
        a->parent = el;
        a->prev = last;
        if (last != NULL)
            last->next = a;
        else
            el->properties = a;
        last = a;
        if (attribute_children(t, ((xmlParserCtxtPtr)ctx)->myDoc, a, at[3],
                               at[4], line) < 0) {
            t->oom = 1;
            return -1;
        }
    }
    return 0;
}

static void
tree_start(void *ctx, const xmlChar *name, const xmlChar *prefix,
           const xmlChar *uri, int nns, const xmlChar **ns, int nattrs,
           int ndefaulted, const xmlChar **attrs)
{
    ipl_reader *rd = reader_of(ctx);
    ipl__tree *t;
    xmlNode *el;

    if (rd == NULL) {
        xmlSAX2StartElementNs(ctx, name, prefix, uri, nns, ns, nattrs,
                              ndefaulted, attrs);
        return;
    }
    t = &rd->tree;
    if (t->oom || t->huge_line)
        return;
    if (t->skip_depth > 0 || (t->depth == 1 && skipped(rd->drv, name))) {
        t->skip_depth++;
    } else {
        el = new_node(t, XML_ELEMENT_NODE, t->node, line_of(ctx));
        if (el == NULL || add_attributes(t, ctx, el, attrs, nattrs,
                                         ndefaulted, t->depth == 0) < 0) {
            stop(ctx);
            return;
        }
        el->name = name;
        t->node = el;
    }
    t->depth++;
}

static void
tree_end(void *ctx, const xmlChar *name, const xmlChar *prefix,
         const xmlChar *uri)
{
    ipl_reader *rd = reader_of(ctx);
    ipl__tree *t;

    if (rd == NULL) {
        xmlSAX2EndElementNs(ctx, name, prefix, uri);
        return;
    }
    t = &rd->tree;
    if (t->oom || t->huge_line)
        return;
    t->depth--;
    if (t->skip_depth > 0)
        t->skip_depth--;
    else if (t->node->parent != NULL)
        t->node = t->node->parent;
}

/* Room for need bytes of the text node being built: in place at the
 * top of the block, else in a copy with room to double, so that a long
 * text (libxml2 hands it over 300 bytes at a time) costs linear time. */
static int
text_room(ipl__tree *t, size_t need)
{
    xmlNode *n = t->text;
    ipl__tree_block *b = t->cur;
    char *p;

    if (need <= t->text_cap)
        return 0;
    if ((char *)n->content + t->text_cap == block_base(b) + b->used &&
        need - t->text_cap <= b->size - b->used) {
        b->used += need - t->text_cap;
        t->text_cap = need;
        return 0;
    }
    if ((p = tree_alloc(t, 2 * need, 0)) == NULL)
        return -1;
    memcpy(p, n->content, t->text_len);
    n->content = (xmlChar *)p;
    t->text_cap = 2 * need;
    return 0;
}

/* Text is merged into the text node it continues, as libxml2 does. */
static void
add_text(void *ctx, ipl__tree *t, const xmlChar *text, size_t len)
{
    xmlNode *n = t->text;

    if (n != NULL && t->node->last == n) {
        /* libxml2's own builder refuses text nodes over 10 MB (without
         * XML_PARSE_HUGE, which is never set): so does this one */
        if (t->text_len + len > XML_MAX_TEXT_LENGTH) {
            t->huge_line = line_of(ctx);
            stop(ctx);
            return;
        }
        if (text_room(t, t->text_len + len + 1) < 0) {
            t->oom = 1;
            stop(ctx);
            return;
        }
        memcpy(n->content + t->text_len, text, len);
        t->text_len += len;
        n->content[t->text_len] = '\0';
        return;
    }
    if ((n = new_node(t, XML_TEXT_NODE, t->node, line_of(ctx))) == NULL ||
        (n->content = (xmlChar *)copy_text(t, text, len)) == NULL) {
        stop(ctx);
        return;
    }
    t->text = n;
    t->text_len = len;
    t->text_cap = len + 1;
}

/* White space between elements is not built: the drivers fold white
 * space and separate the text of neighbouring elements with a space
 * themselves. White space that continues a text node is kept. */
static void
tree_text(void *ctx, const xmlChar *text, int len)
{
    ipl_reader *rd = reader_of(ctx);
    ipl__tree *t;
    const xmlNode *last;
    int i;

    if (rd == NULL) {
        xmlSAX2Characters(ctx, text, len);
        return;
    }
    t = &rd->tree;
    if (t->oom || t->huge_line || t->skip_depth > 0 || t->node == &t->doc)
        return;
    last = t->node->last;
    for (i = 0; i < len; i++)
        if (text[i] != ' ' && text[i] != '\n' && text[i] != '\t' &&
            text[i] != '\r')
            break;
    if (i == len && (last == NULL || last->type != XML_TEXT_NODE))
        return;
    add_text(ctx, t, text, (size_t)len);
}

/* An entity reference that is neither a character reference nor a
 * predefined entity: kept as a node, which the rule interpreter refuses
 * when a rule reads it. */
static void
tree_reference(void *ctx, const xmlChar *name)
{
    ipl_reader *rd = reader_of(ctx);
    ipl__tree *t;
    xmlNode *n;

    if (rd == NULL) {
        xmlSAX2Reference(ctx, name);
        return;
    }
    t = &rd->tree;
    if (t->oom || t->huge_line || t->skip_depth > 0 || t->node == &t->doc)
        return;
    if ((n = new_node(t, XML_ENTITY_REF_NODE, t->node, 0)) == NULL ||
        (n->name = (xmlChar *)copy_text(t, name,
                                        strlen((const char *)name))) == NULL)
        stop(ctx);
}

xmlParserCtxtPtr
ipl__tree_context(xmlStructuredErrorFunc on_error)
{
    xmlParserCtxtPtr c = xmlNewParserCtxt();

    if (c == NULL)
        return NULL;
    c->sax->startElementNs = tree_start;
    c->sax->endElementNs = tree_end;
    /* CDATA sections come as characters too (XML_PARSE_NOCDATA) */
    c->sax->characters = tree_text;
    c->sax->ignorableWhitespace = tree_text;
    c->sax->reference = tree_reference;
    c->sax->comment = NULL;
    c->sax->processingInstruction = NULL;
    c->sax->serror = on_error;
    return c;
}

const xmlNode *
ipl__tree_root(const ipl__tree *t)
{
    const xmlNode *n;

    for (n = t->doc.children; n != NULL; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            return n;
    return NULL;
}
