/* Loading policy documents: well-formedness, validation against the
 * shipped schema, and the policy object (include/ipledge/policy.h). The
 * pledge section is read in policy_pledge.c. */
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>

#include "ipledge/currency.h"
#include "ipledge/policy.h"
#include "alloc_internal.h"
#include "error_internal.h"
#include "policy_internal.h"
#include "xmldoc_internal.h"

#define IPL__POLICY_NS "urn:ipledge:policy:1"

/* How many presets a chain of based-on attributes may pass through. */
#define IPL__BASED_ON_DEPTH 4

/* ---- small helpers shared with policy_pledge.c ---- */

int
ipl__policy_is(xmlNodePtr node, const char *name)
{
    return node != NULL && node->type == XML_ELEMENT_NODE &&
           node->ns != NULL &&
           strcmp((const char *)node->ns->href, IPL__POLICY_NS) == 0 &&
           strcmp((const char *)node->name, name) == 0;
}

xmlNodePtr
ipl__policy_child(xmlNodePtr node, const char *name)
{
    xmlNodePtr c;

    for (c = node->children; c != NULL; c = c->next)
        if (ipl__policy_is(c, name))
            return c;
    return NULL;
}

xmlChar *
ipl__policy_attr(xmlNodePtr node, const char *name)
{
    return xmlGetNoNsProp(node, (const xmlChar *)name);
}

/* ---- the policy object ---- */

static void
ipl__notes_free(ipl__policy_note *notes, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        ipl__free(notes[i].text);
        ipl__free(notes[i].label);
    }
    ipl__free(notes);
}

void
ipl_policy_free(ipl_policy *policy)
{
    if (policy == NULL)
        return;
    ipl__free(policy->name);
    ipl__free(policy->title);
    ipl__notes_free(policy->sources, policy->nsources);
    ipl__notes_free(policy->unpublished, policy->nunpublished);
    ipl_pledge_rules_free(policy->pledge);
    ipl__free(policy->pledge_origin);
    xmlFreeDoc(policy->doc);
    ipl__free(policy);
}

/* A copy of an xmlChar string made with ipledge's allocator; frees the
 * original. NULL stays NULL. */
static char *
ipl__take(xmlChar *s, int *nomem)
{
    char *copy = NULL;

    if (s != NULL) {
        if ((copy = ipl__strdup((const char *)s)) == NULL)
            *nomem = 1;
        xmlFree(s);
    }
    return copy;
}

/* Counts the children called name. */
static size_t
ipl__count(xmlNodePtr node, const char *name)
{
    xmlNodePtr c;
    size_t n = 0;

    for (c = node->children; c != NULL; c = c->next)
        n += (size_t)ipl__policy_is(c, name);
    return n;
}

/* Reads every <source> or <unpublished> child into notes. */
static int
ipl__read_notes(ipl__policy_note **out, size_t *count, xmlNodePtr root,
                const char *name, const char *label_attr, const char *label,
                ipl_error *err)
{
    size_t n = ipl__count(root, name), i = 0;
    ipl__policy_note *notes;
    xmlNodePtr c;
    int nomem = 0;

    *out = NULL;
    *count = 0;
    if (n == 0)
        return IPL_OK;
    if ((notes = ipl__calloc(n, sizeof *notes)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, label, "out of memory");
    *out = notes;
    for (c = root->children; c != NULL; c = c->next) {
        if (!ipl__policy_is(c, name))
            continue;
        notes[i].text = ipl__take(xmlNodeGetContent(c), &nomem);
        notes[i].label = ipl__take(ipl__policy_attr(c, label_attr), &nomem);
        *count = ++i;
        if (nomem)
            return ipl__fail(err, IPL_ENOMEM, label, "out of memory");
        if (strcmp(name, "source") == 0) {
            xmlChar *date = ipl__policy_attr(c, "date");
            int rc = ipl_date_parse(&notes[i - 1].date, (const char *)date, NULL);

            xmlFree(date);
            if (rc < 0)
                return ipl__xmldoc_fail_at(err, IPL_EPARSE, label, c,
                                           "date is not a calendar date");
        }
    }
    return IPL_OK;
}

static int ipl__policy_parse(ipl_policy **out, const char *data, size_t size,
                             const char *label, int depth, ipl_error *err);

static const ipl__embedded *
ipl__find_preset(const char *name)
{
    size_t i;

    for (i = 0; name != NULL && i < ipl__policy_preset_total; i++)
        if (strcmp(ipl__policy_presets[i].name, name) == 0)
            return &ipl__policy_presets[i];
    return NULL;
}

/* The pledge rules: the document's own, or its based-on preset's. */
static int
ipl__read_pledge(ipl_policy *p, xmlNodePtr root, const char *label, int depth,
                 ipl_error *err)
{
    xmlNodePtr pledge = ipl__policy_child(root, "pledge");
    xmlChar *based_on;
    const ipl__embedded *preset;
    ipl_policy *base;
    char base_label[80];
    int rc;

    if (pledge != NULL) {
        if ((p->pledge_origin = ipl__strdup(p->name)) == NULL)
            return ipl__fail(err, IPL_ENOMEM, label, "out of memory");
        return ipl__policy_pledge_rules(&p->pledge, pledge, p->currency, label,
                                        err);
    }
    if ((based_on = ipl__policy_attr(root, "based-on")) == NULL)
        return IPL_OK;
    preset = ipl__find_preset((const char *)based_on);
    xmlFree(based_on);
    if (preset == NULL)
        return ipl__xmldoc_fail_at(err, IPL_EPARSE, label, root,
                                   "based-on names no built-in preset");
    if (depth >= IPL__BASED_ON_DEPTH)
        return ipl__xmldoc_fail_at(err, IPL_EPARSE, label, root,
                                   "based-on chain longer than %d presets",
                                   IPL__BASED_ON_DEPTH);
    snprintf(base_label, sizeof base_label, "preset %s", preset->name);
    if ((rc = ipl__policy_parse(&base, preset->bytes, preset->size, base_label,
                                depth + 1, err)) < 0)
        return rc;
    if (strcmp(base->currency, p->currency) != 0) {
        ipl_policy_free(base);
        return ipl__xmldoc_fail_at(err, IPL_EPARSE, label, root,
                                   "based-on preset is in another currency");
    }
    p->pledge = base->pledge;           /* taken over from the preset */
    p->pledge_origin = base->pledge_origin;
    base->pledge = NULL;
    base->pledge_origin = NULL;
    ipl_policy_free(base);
    return IPL_OK;
}

/* Builds the policy object from a valid document. */
static int
ipl__build(ipl_policy *p, xmlNodePtr root, const char *label, int depth,
           ipl_error *err)
{
    xmlChar *currency;
    int nomem = 0, rc;

    p->name = ipl__take(ipl__policy_attr(root, "name"), &nomem);
    p->title = ipl__take(xmlNodeGetContent(ipl__policy_child(root, "title")),
                         &nomem);
    if (nomem)
        return ipl__fail(err, IPL_ENOMEM, label, "out of memory");
    currency = ipl__policy_attr(root, "currency");
    rc = ipl_currency_exponent((const char *)currency);
    if (rc >= 0)
        memcpy(p->currency, currency, 4);
    xmlFree(currency);
    if (rc < 0)
        return ipl__xmldoc_fail_at(err, IPL_EPARSE, label, root,
                                   "currency is not an ISO 4217 currency with a minor unit");
    if ((rc = ipl__read_notes(&p->sources, &p->nsources, root, "source", "ref",
                              label, err)) < 0 ||
        (rc = ipl__read_notes(&p->unpublished, &p->nunpublished, root,
                              "unpublished", "what", label, err)) < 0)
        return rc;
    return ipl__read_pledge(p, root, label, depth, err);
}

static int
ipl__policy_parse(ipl_policy **out, const char *data, size_t size,
                  const char *label, int depth, ipl_error *err)
{
    ipl_policy *p;
    xmlDocPtr doc;
    int rc;

    if ((rc = ipl__xmldoc_read(&doc, data, size, ipl__policy_schema_data.bytes,
                               ipl__policy_schema_data.size, "policy", label,
                               err)) < 0)
        return rc;
    if ((p = ipl__calloc(1, sizeof *p)) == NULL) {
        xmlFreeDoc(doc);
        return ipl__fail(err, IPL_ENOMEM, label, "out of memory");
    }
    p->doc = doc;
    if ((rc = ipl__build(p, xmlDocGetRootElement(doc), label, depth, err)) < 0) {
        ipl_policy_free(p);
        return rc;
    }
    *out = p;
    return IPL_OK;
}

int
ipl_policy_load_memory(ipl_policy **out, const char *data, size_t size,
                       const char *label, ipl_error *err)
{
    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, data);
    return ipl__policy_parse(out, data, size, label != NULL ? label : "policy",
                             0, err);
}

int
ipl_policy_preset(ipl_policy **out, const char *name, ipl_error *err)
{
    const ipl__embedded *preset = ipl__find_preset(name);
    char label[80];

    IPL__CHECK_ARG(err, out);
    if (preset == NULL)
        return ipl__fail(err, IPL_EINVAL, "name",
                         "'%.40s' is not a built-in preset (ipledge policy list)",
                         name != NULL ? name : "(null)");
    snprintf(label, sizeof label, "preset %s", preset->name);
    return ipl__policy_parse(out, preset->bytes, preset->size, label, 0, err);
}

size_t
ipl_policy_preset_count(void)
{
    return ipl__policy_preset_total;
}

const char *
ipl_policy_preset_name(size_t i)
{
    return i < ipl__policy_preset_total ? ipl__policy_presets[i].name : NULL;
}

const char *
ipl_policy_preset_document(const char *name, size_t *size)
{
    const ipl__embedded *preset = ipl__find_preset(name);

    if (preset == NULL)
        return NULL;
    if (size != NULL)
        *size = preset->size;
    return preset->bytes;
}

const char *
ipl_policy_schema(size_t *size)
{
    if (size != NULL)
        *size = ipl__policy_schema_data.size;
    return ipl__policy_schema_data.bytes;
}
