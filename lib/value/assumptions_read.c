/* Reading a validated assumptions document's tree: the primitives the
 * readers of the rights (assumptions_rights.c) and of the simulation
 * (assumptions_simulation.c) share, and the root. The schema has already
 * checked every element, enumeration and lexical form, so what can still
 * fail here is memory, and numbers or dates the library cannot hold
 * (more than 15 significant digits, NaN, a date outside the calendar it
 * supports). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alloc_internal.h"
#include "error_internal.h"
#include "xmldoc_internal.h"

#include "assumptions_internal.h"

int
ipl__vdoc_named(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

xmlNodePtr
ipl__vdoc_child(xmlNodePtr n, const char *name)
{
    for (n = n != NULL ? n->children : NULL; n != NULL; n = n->next)
        if (ipl__vdoc_named(n, name))
            return n;
    return NULL;
}

size_t
ipl__vdoc_count(xmlNodePtr n, const char *name)
{
    size_t k = 0;

    for (n = n != NULL ? n->children : NULL; n != NULL; n = n->next)
        k += ipl__vdoc_named(n, name);
    return k;
}

xmlChar *
ipl__vdoc_attr(xmlNodePtr n, const char *name)
{
    return n != NULL ? xmlGetNoNsProp(n, (const xmlChar *)name) : NULL;
}

int
ipl__vdoc_note(ipl__vdoc_reader *r, const char *field, xmlNodePtr node)
{
    char prefix[sizeof r->scope + 40];   /* longer than any field path */

    snprintf(prefix, sizeof prefix, "%s%s", r->scope, field);
    return ipl__assumptions_note(r->a, prefix, node, r->err);
}

int
ipl__vdoc_note_at(ipl__vdoc_reader *r, const char *list, size_t i, xmlNodePtr node)
{
    char field[32];

    snprintf(field, sizeof field, "%s[%zu]", list, i);
    return ipl__vdoc_note(r, field, node);
}

int
ipl__vdoc_number_text(ipl__vdoc_reader *r, double *out, const xmlChar *text,
                      xmlNodePtr node, const char *what)
{
    if (ipl__assumptions_double(out, (const char *)text) < 0 || isnan(*out))
        return ipl__xmldoc_fail_at(r->err, IPL_EPARSE, r->a->label, node,
                                   "%s: \"%s\" is not a number of at most 15 "
                                   "significant digits", what, (const char *)text);
    return IPL_OK;
}

int
ipl__vdoc_num(ipl__vdoc_reader *r, double *out, xmlNodePtr node, const char *attr,
              double dflt)
{
    xmlChar *text = ipl__vdoc_attr(node, attr);
    int rc = IPL_OK;

    *out = dflt;
    if (text != NULL)
        rc = ipl__vdoc_number_text(r, out, text, node, attr);
    xmlFree(text);
    return rc;
}

int
ipl__vdoc_content(ipl__vdoc_reader *r, double *out, xmlNodePtr node)
{
    xmlChar *text = xmlNodeGetContent(node);
    int rc;

    if (text == NULL)
        return ipl__fail(r->err, IPL_ENOMEM, r->a->label, "out of memory");
    rc = ipl__vdoc_number_text(r, out, text, node, (const char *)node->name);
    xmlFree(text);
    return rc;
}

int
ipl__vdoc_pick(xmlNodePtr node, const char *attr, const char *const *names)
{
    xmlChar *s = ipl__vdoc_attr(node, attr);
    int i, found = 0;

    for (i = 0; s != NULL && names[i] != NULL; i++)
        if (strcmp((const char *)s, names[i]) == 0)
            found = i;
    xmlFree(s);
    return found;
}

/* The root: the currency, then every right, then the simulation. */
int
ipl__assumptions_build(ipl_assumptions *a, xmlNodePtr root, ipl_error *err)
{
    ipl__vdoc_reader r = { NULL, NULL, "" };
    xmlChar *currency = ipl__vdoc_attr(root, "currency");
    xmlNodePtr n;
    size_t k = 0;
    int rc = IPL_OK;

    r.a = a;
    r.err = err;
    if (currency != NULL && strlen((const char *)currency) != 3) {
        xmlFree(currency);
        return ipl__xmldoc_fail_at(err, IPL_EPARSE, a->label, root,
                                   "currency: not an ISO 4217 code of three letters");
    }
    snprintf(a->currency, sizeof a->currency, "%s",
             currency != NULL ? (const char *)currency : "CNY");
    xmlFree(currency);
    a->root_line = (int)xmlGetLineNo(root);
    a->nrights = ipl__vdoc_count(root, "income") + ipl__vdoc_count(root, "cost") +
                 ipl__vdoc_count(root, "market");
    /* The schema asks for at least one right. */
    if ((a->rights = ipl__calloc(a->nrights, sizeof *a->rights)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, a->label, "out of memory");
    for (n = root->children; rc == IPL_OK && n != NULL; n = n->next)
        if (n->type == XML_ELEMENT_NODE && !ipl__vdoc_named(n, "montecarlo"))
            rc = ipl__vdoc_read_right(&r, k++, n);
    r.scope[0] = '\0';
    if (rc == IPL_OK && (n = ipl__vdoc_child(root, "montecarlo")) != NULL)
        rc = ipl__vdoc_read_montecarlo(&r, n);
    return rc;
}
