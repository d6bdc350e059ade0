/* The rule interpreter: applies a driver's rules to the subtree of one
 * record element (parse_internal.h describes the rule language). */
#include <string.h>

#include "ipledge/error.h"
#include "alloc_internal.h"
#include "parse_internal.h"

typedef struct extract {
    ipl_record *rec;
    ipl__scratch *scratch;
    const ipl__rule *rule;
    int rc;
    int done;                 /* a scalar rule found its value */
    size_t base;              /* where path_text appends in scratch */
} extract;

typedef void (*visit_fn)(extract *x, const xmlNode *node);

static const char *
name_of(const xmlNode *n)
{
    return (const char *)n->name;
}

/* ---- text ------------------------------------------------------------ */

static int
scratch_put(ipl__scratch *s, const char *text, size_t n)
{
    if (s->len + n + 1 > s->cap) {
        size_t cap = s->cap ? s->cap : 1024;
        char *buf;
        while (cap < s->len + n + 1)
            cap *= 2;
        if ((buf = ipl__realloc(s->buf, cap)) == NULL)
            return IPL_ENOMEM;
        s->buf = buf;
        s->cap = cap;
    }
    memcpy(s->buf + s->len, text, n);
    s->len += n;
    s->buf[s->len] = '\0';
    return IPL_OK;
}

/* Appends the text of a node and its descendants. Entity references
 * that survived parsing are neither character references nor predefined
 * entities: their content is never read (that is how external and
 * exponential entities are refused). */
static int
gather(ipl__scratch *s, const xmlNode *n)
{
    const xmlNode *c;
    int rc;

    switch (n->type) {
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
        return n->content ? scratch_put(s, (const char *)n->content,
                                        strlen((const char *)n->content))
                          : IPL_OK;
    case XML_ENTITY_REF_NODE:
        if (s->entity == NULL) {
            s->entity = name_of(n);
            s->entity_line = (int)xmlGetLineNo(n);
        }
        return IPL_EPARSE;
    case XML_ELEMENT_NODE:
    case XML_ATTRIBUTE_NODE:
        for (c = n->children; c != NULL; c = c->next)
            if ((rc = gather(s, c)) < 0)
                return rc;
        /* block elements (paragraphs, claim-text) end with a space so
         * that words of neighbouring blocks do not run together */
        return n->type == XML_ELEMENT_NODE ? scratch_put(s, " ", 1) : IPL_OK;
    default:
        return IPL_OK;
    }
}

/* ---- paths ----------------------------------------------------------- */

typedef struct step {
    const char *name;
    size_t len;
    const char *pred;        /* inside [...], or NULL */
    size_t pred_len;
    const char *rest;        /* after the '/', or NULL at the last step */
} step;

static void
split_step(step *st, const char *path)
{
    const char *p = path;

    st->name = p;
    p += strcspn(p, "/[");
    st->len = (size_t)(p - path);
    st->pred = NULL;
    st->pred_len = 0;
    if (*p == '[') {
        st->pred = ++p;
        while (*p != '\0' && *p != ']')
            p++;
        st->pred_len = (size_t)(p - st->pred);
        if (*p == ']')
            p++;
    }
    st->rest = *p == '/' ? p + 1 : NULL;
}

static int
name_is(const char *name, const char *s, size_t len)
{
    return name != NULL && name[0] == s[0] && strncmp(name, s, len) == 0 &&
           name[len] == '\0';
}

static const xmlAttr *
attr_of(const xmlNode *n, const char *name, size_t len)
{
    const xmlAttr *a;

    if (n->type != XML_ELEMENT_NODE)
        return NULL;
    for (a = n->properties; a != NULL; a = a->next)
        if (name_is((const char *)a->name, name, len))
            return a;
    return NULL;
}

/* The plain text of an attribute or of a leaf element, without copying,
 * when it is one text node; NULL otherwise. */
static const char *
simple_text(const xmlNode *n)
{
    const xmlNode *c = n->children;

    if (c != NULL && c->next == NULL && c->type == XML_TEXT_NODE)
        return (const char *)c->content;
    return NULL;
}

/* Does text (trimmed) match want: equal, or start with it for "^="? */
static int
text_matches(const char *text, const char *want, size_t len, int prefix)
{
    if (text == NULL)
        return 0;
    while (*text == ' ' || *text == '\t' || *text == '\n' || *text == '\r')
        text++;
    if (strncmp(text, want, len) != 0)
        return 0;
    return prefix || text[len] == '\0' || text[len] == ' ' ||
           text[len] == '\n' || text[len] == '\r' || text[len] == '\t';
}

/* The element child of n named name (len bytes), or NULL. */
static const xmlNode *
child_named(const xmlNode *n, const char *name, size_t len)
{
    const xmlNode *c;

    for (c = n->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && name_is(name_of(c), name, len))
            return c;
    return NULL;
}

/* Does node satisfy "[@attr=v]", "[child=v]" or "[child/@attr=v]"?
 * "^=" instead of "=" asks for a prefix. */
static int
predicate_holds(const xmlNode *n, const char *pred, size_t len)
{
    const char *eq = memchr(pred, '=', len), *slash;
    size_t lhs, wlen;
    int prefix;
    const xmlNode *c;

    if (eq == NULL)
        return 0;
    prefix = eq > pred && eq[-1] == '^';
    lhs = (size_t)(eq - pred) - (size_t)prefix;
    wlen = len - (size_t)(eq - pred) - 1;
    slash = memchr(pred, '/', lhs);
    if (slash != NULL) {
        if ((n = child_named(n, pred, (size_t)(slash - pred))) == NULL)
            return 0;
        lhs -= (size_t)(slash + 1 - pred);
        pred = slash + 1;
    }
    if (*pred == '@') {
        const xmlAttr *a = attr_of(n, pred + 1, lhs - 1);
        return a != NULL && text_matches(simple_text((const xmlNode *)a),
                                         eq + 1, wlen, prefix);
    }
    for (c = n->children; c != NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && name_is(name_of(c), pred, lhs) &&
            text_matches(simple_text(c), eq + 1, wlen, prefix))
            return 1;
    return 0;
}

static void walk(extract *x, const xmlNode *n, const char *path, visit_fn fn);

static void walk_step(extract *x, const xmlNode *n, const step *st,
                      visit_fn fn);

static int
is_self(const char *path)
{
    return path == NULL || path[0] == '\0' ||
           (path[0] == '.' && path[1] == '\0');
}

static void
walk_children(extract *x, const xmlNode *n, const step *st, visit_fn fn)
{
    const xmlNode *c;
    int any = st->len == 1 && st->name[0] == '*', last = is_self(st->rest);
    step next;

    /* the rest of the path is split once for all the children */
    if (!last)
        split_step(&next, st->rest);
    for (c = n->children; c != NULL && !x->done && x->rc == IPL_OK;
         c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!any && !name_is(name_of(c), st->name, st->len))
            continue;
        if (st->pred != NULL && !predicate_holds(c, st->pred, st->pred_len))
            continue;
        if (last)
            fn(x, c);
        else
            walk_step(x, c, &next, fn);
    }
}

/* "**": the rest of the path from this node and from every descendant. */
static void
walk_deep(extract *x, const xmlNode *n, const char *rest, visit_fn fn)
{
    const xmlNode *c;

    walk(x, n, rest, fn);
    for (c = n->children; c != NULL && !x->done && x->rc == IPL_OK;
         c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            walk_deep(x, c, rest, fn);
}

/* One step of a path (split), then the rest of it. */
static void
walk_step(extract *x, const xmlNode *n, const step *st, visit_fn fn)
{
    if (st->name[0] == '@') {
        const xmlAttr *a = attr_of(n, st->name + 1, st->len - 1);
        if (a != NULL)
            fn(x, (const xmlNode *)a);
    } else if (st->len == 2 && strncmp(st->name, "..", 2) == 0) {
        if (n->parent != NULL)
            walk(x, n->parent, st->rest, fn);
    } else if (st->len == 1 && (st->name[0] == '<' || st->name[0] == '>')) {
        const xmlNode *sib = n;
        do
            sib = st->name[0] == '<' ? sib->prev : sib->next;
        while (sib != NULL && sib->type != XML_ELEMENT_NODE);
        if (sib != NULL)
            walk(x, sib, st->rest, fn);
    } else if (st->len == 2 && strncmp(st->name, "**", 2) == 0) {
        walk_deep(x, n, st->rest, fn);
    } else {
        walk_children(x, n, st, fn);
    }
}

static void
walk(extract *x, const xmlNode *n, const char *path, visit_fn fn)
{
    step st;

    if (is_self(path)) {
        fn(x, n);
        return;
    }
    split_step(&st, path);
    walk_step(x, n, &st, fn);
}

/* ---- specs ----------------------------------------------------------- */

static int
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Visitor: appends the node's text after x->base; white space alone
 * does not count as found, and the search goes on. */
static void
take_first(extract *x, const xmlNode *n)
{
    ipl__scratch *s = x->scratch;

    char *start;
    size_t lead = 0;

    s->len = x->base;
    if ((x->rc = gather(s, n)) < 0)
        return;
    /* each part of a template is trimmed: "{last-name}, {first-name}" */
    start = s->buf + x->base;
    while (s->len > x->base && is_space(s->buf[s->len - 1]))
        s->len--;
    while (x->base + lead < s->len && is_space(start[lead]))
        lead++;
    if (lead > 0) {           /* most text starts with a word */
        memmove(start, start + lead, s->len - x->base - lead);
        s->len -= lead;
    }
    s->buf[s->len] = '\0';
    x->done = s->len > x->base;
}

/* Appends the text of the first node a path (len bytes) selects from n.
 * Returns 1 when text was found, 0 when not, or a negative status. */
static int
path_text(extract *x, const xmlNode *n, const char *path, size_t len)
{
    char buf[256];
    int found;

    if (len >= sizeof buf)
        return IPL_ERROR;
    memcpy(buf, path, len);
    buf[len] = '\0';
    x->base = x->scratch->len;
    x->done = 0;
    walk(x, n, buf, take_first);
    found = x->done;
    x->done = 0;
    return x->rc < 0 ? x->rc : found;
}

/* One alternative: a path, or a template of literal text and {paths}.
 * Returns 1 when every path in it gave text. */
static int
alternative_text(extract *x, const xmlNode *n, const char *alt, size_t len)
{
    const char *p = alt, *end = alt + len;
    int rc;

    if (memchr(alt, '{', len) == NULL)
        return path_text(x, n, alt, len);
    while (p < end) {
        const char *open = memchr(p, '{', (size_t)(end - p));
        const char *close;
        if (open == NULL)
            open = end;
        if (open > p && (rc = scratch_put(x->scratch, p,
                                          (size_t)(open - p))) < 0)
            return rc;
        if (open == end)
            break;
        close = memchr(open, '}', (size_t)(end - open));
        if (close == NULL)
            return IPL_ERROR;
        if ((rc = path_text(x, n, open + 1, (size_t)(close - open - 1))) <= 0)
            return rc;
        p = close + 1;
    }
    return 1;
}

/* The text a spec gives for node n, stored in the record (NULL when the
 * spec finds none). */
static int
spec_text(const char **out, extract *x, const xmlNode *n, const char *spec)
{
    const char *alt = spec;
    int rc;

    *out = NULL;
    if (spec == NULL)
        return IPL_OK;
    if (spec[0] == '=')        /* a constant */
        return ipl__record_text(out, x->rec, spec + 1, strlen(spec + 1));
    while (alt != NULL) {
        const char *bar = strchr(alt, '|');
        size_t len = bar ? (size_t)(bar - alt) : strlen(alt);
        x->scratch->len = 0;
        if ((rc = alternative_text(x, n, alt, len)) < 0)
            return rc;
        if (rc == 1)
            return ipl__record_text(out, x->rec, x->scratch->buf,
                                    x->scratch->len);
        alt = bar ? bar + 1 : NULL;
    }
    return IPL_OK;
}

/* "=N" a constant; "?name" 2 when a descendant element is so named;
 * otherwise the first one to three digits of the spec's text. */
static int
spec_value(int *out, extract *x, const xmlNode *n, const char *spec)
{
    const char *text, *p;
    int rc, v = 0, digits = 0;

    *out = 0;
    if (spec == NULL)
        return IPL_OK;
    if (spec[0] == '=') {
        *out = spec[1] - '0';
        return IPL_OK;
    }
    if (spec[0] == '?') {
        *out = ipl__find(n, spec + 1) != NULL ? 2 : 0;
        return IPL_OK;
    }
    if ((rc = spec_text(&text, x, n, spec)) < 0 || text == NULL)
        return rc;
    for (p = text; *p != '\0' && (*p < '0' || *p > '9'); p++)
        ;
    for (; *p >= '0' && *p <= '9' && digits < 3; p++, digits++)
        v = 10 * v + (*p - '0');
    *out = v;
    return IPL_OK;
}

static int
spec_date(ipl_date *out, int *have, extract *x, const xmlNode *n,
          const char *spec)
{
    const char *text;
    int rc;

    *have = 0;
    if ((rc = spec_text(&text, x, n, spec)) < 0)
        return rc;
    *have = ipl__record_parse_date(out, text);
    return IPL_OK;
}

/* ---- rules ----------------------------------------------------------- */

static int
fill_row(extract *x, const xmlNode *n, ipl_record_list list)
{
    const ipl__rule *rl = x->rule;
    ipl_record_item row, *dst;
    int rc;

    memset(&row, 0, sizeof row);
    if ((rc = spec_text(&row.text, x, n, rl->text ? rl->text : ".")) < 0 ||
        (rc = spec_text(&row.lang, x, n, rl->lang)) < 0 ||
        (rc = spec_text(&row.country, x, n, rl->country)) < 0 ||
        (rc = spec_text(&row.code, x, n, rl->code)) < 0 ||
        (rc = spec_date(&row.date, &row.have_date, x, n, rl->date)) < 0 ||
        (rc = spec_value(&row.value, x, n, rl->value)) < 0)
        return rc;
    /* a row with nothing in it (an empty <applicant/>) is no row */
    if (row.text == NULL && row.value == 0 && !row.have_date)
        return IPL_OK;
    if ((rc = ipl__record_add(&dst, x->rec, list)) < 0)
        return rc;
    *dst = row;
    return IPL_OK;
}

static int
parse_count(int64_t *out, const char *text)
{
    int64_t v = 0;
    const char *p = text;

    if (text == NULL || *p == '\0')
        return 0;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (v > 100000000)
            return 0;
        v = 10 * v + (*p - '0');
    }
    *out = v;
    return *p == '\0';
}

/* A placeholder stands for "none": 0000000, 00000000, 000000. */
static int
is_placeholder(const char *text)
{
    const char *p = text;

    while (*p == '0')
        p++;
    return *p == '\0';
}

static int
fill_scalar(extract *x, const xmlNode *n)
{
    int t = x->rule->target;
    ipl_record *r = x->rec;
    const char *text;
    ipl_date d;
    int64_t v;
    int rc;

    if ((rc = spec_text(&text, x, n, x->rule->text ? x->rule->text : "."))
        < 0 || text == NULL)
        return rc;
    x->done = 1;
    if (t >= IPL__T_DATE && t < IPL__T_LIST) {
        if (ipl__record_parse_date(&d, text))
            ipl__record_set_date(r, (ipl_record_date_kind)(t - IPL__T_DATE), d);
        else
            x->done = 0;   /* a placeholder date: look further */
    } else if (t < IPL__T_DATE) {
        if (is_placeholder(text))
            x->done = 0;
        else
            r->numbers[t] = text;
    } else if (t == IPL__T_KIND) {
        r->kind = text;
    } else if (t == IPL__T_STATUS) {
        r->status = text;
    } else if (t == IPL__T_OFFICE) {
        if (strlen(text) == 2)
            memcpy(r->office, text, 3);
    } else if (t == IPL__T_CLAIMS_STATED && parse_count(&v, text)) {
        r->claims_stated = (size_t)v;
    } else if (t == IPL__T_PTA && parse_count(&v, text)) {
        r->pta_days = v;
        r->have_pta = 1;
    }
    return IPL_OK;
}

static int
scalar_is_set(const ipl_record *r, int t)
{
    if (t < IPL__T_DATE)
        return r->numbers[t] != NULL;
    if (t < IPL__T_LIST)
        return (r->have_dates >> (t - IPL__T_DATE)) & 1u;
    switch (t) {
    case IPL__T_KIND:          return r->kind != NULL;
    case IPL__T_STATUS:        return r->status != NULL;
    case IPL__T_OFFICE:        return r->office[0] != '\0';
    case IPL__T_CLAIMS_STATED: return r->claims_stated > 0;
    case IPL__T_PTA:           return r->have_pta;
    }
    return 0;
}

static void
visit_rule(extract *x, const xmlNode *n)
{
    const ipl__rule *rl = x->rule;
    int t = rl->target;
    size_t saved_base = x->base;

    if (t >= IPL__T_LIST && t < IPL__T_KIND) {
        x->rc = fill_row(x, n, (ipl_record_list)(t - IPL__T_LIST));
        x->done = 0;
    } else {
        x->rc = fill_scalar(x, n);
    }
    x->base = saved_base;
    x->rule = rl;
}

int
ipl__extract(ipl_record **out, const ipl__driver *drv, const xmlNode *rec,
             ipl__scratch *scratch)
{
    const ipl__rule *rl;
    extract x;
    int rc = IPL_OK;

    memset(&x, 0, sizeof x);
    if ((x.rec = ipl__record_new(drv->name)) == NULL)
        return IPL_ENOMEM;
    x.scratch = scratch;
    scratch->entity = NULL;
    for (rl = drv->rules; rl->target >= 0 && rc == IPL_OK; rl++) {
        if (scalar_is_set(x.rec, rl->target))
            continue;
        x.rule = rl;
        x.done = 0;
        walk(&x, rec, rl->path, visit_rule);
        rc = x.rc;
    }
    if (rc == IPL_OK && x.rec->office[0] == '\0' && drv->office != NULL)
        memcpy(x.rec->office, drv->office, 3);
    if (rc == IPL_OK && drv->classify != NULL)
        drv->classify(x.rec, rec);
    if (rc == IPL_OK)
        rc = ipl__record_finish(x.rec);
    if (rc < 0) {
        ipl_record_free(x.rec);
        return rc;
    }
    *out = x.rec;
    return IPL_OK;
}

const xmlNode *
ipl__find(const xmlNode *n, const char *name)
{
    const xmlNode *c, *hit;

    for (c = n ? n->children : NULL; c != NULL; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp(name_of(c), name) == 0)
            return c;
        if ((hit = ipl__find(c, name)) != NULL)
            return hit;
    }
    return NULL;
}

const char *
ipl__attr(const xmlNode *n, const char *name)
{
    const xmlAttr *a = n ? attr_of(n, name, strlen(name)) : NULL;

    return a ? simple_text((const xmlNode *)a) : NULL;
}

/* Patent kinds by the letter most offices give them (ST.16): A
 * applications; B, C grants; S/D designs; U/Y utility models; P plant
 * applications (P1, P4, P9) or patents (P2, P3); E reissues. */
void
ipl__classify_by_kind(ipl_record *r, int application)
{
    const char *k = r->kind;

    r->document = application ? IPL_DOCUMENT_APPLICATION : IPL_DOCUMENT_GRANT;
    if (r->right == IPL_RIGHT_NONE)
        r->right = IPL_RIGHT_INVENTION;
    if (k == NULL)
        return;
    if (k[0] == 'A')
        r->document = IPL_DOCUMENT_APPLICATION;
    else if (k[0] == 'B' || k[0] == 'C' || k[0] == 'E')
        r->document = IPL_DOCUMENT_GRANT;
    if (k[0] == 'S' || k[0] == 'D') {
        r->right = IPL_RIGHT_DESIGN;
        r->document = IPL_DOCUMENT_GRANT;
    } else if (k[0] == 'U' || k[0] == 'Y') {
        r->right = IPL_RIGHT_UTILITY_MODEL;
        r->document = IPL_DOCUMENT_GRANT;
    } else if (k[0] == 'P') {
        r->right = IPL_RIGHT_PLANT;
        r->document = k[1] == '2' || k[1] == '3' ? IPL_DOCUMENT_GRANT
                                                 : IPL_DOCUMENT_APPLICATION;
    }
}
