/* Case documents (include/ipledge/case.h): loading and what a loaded
 * case tells. The elements are read in case_build.c. */
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>

#include "alloc_internal.h"
#include "error_internal.h"
#include "case_internal.h"
#include "xmldoc_internal.h"

/* Case files are small; a larger file is not a case. */
#define IPL__CASE_FILE_MAX (4u << 20)

void
ipl_case_free(ipl_case *c)
{
    size_t i;

    if (c == NULL)
        return;
    for (i = 0; i < c->nrights; i++) {
        ipl__free(c->rights[i].number);
        ipl__free(c->rights[i].record);
        ipl__free(c->rights[i].valuation);
    }
    ipl__free(c->rights);
    if (c->party_names != NULL)
        for (i = 0; i < c->dflt.n_parties; i++)
            ipl__free(c->party_names[i]);
    ipl__free(c->party_names);
    ipl__free(c->parties);
    ipl__free(c->recoveries);
    ipl__free(c->policy);
    ipl__free(c->borrower);
    ipl__free(c->industry);
    ipl__free(c->title);
    ipl__free(c->dir);
    ipl__free(c->label);
    ipl__free(c);
}

/* The directory part of label, "" when it has none. */
static char *
ipl__case_dir(const char *label)
{
    const char *slash = strrchr(label, '/');
    size_t n = slash != NULL ? (size_t)(slash - label) + 1 : 0;
    char *dir = ipl__malloc(n + 1);

    if (dir != NULL) {
        memcpy(dir, label, n);
        dir[n] = '\0';
    }
    return dir;
}

int
ipl_case_load_memory(ipl_case **out, const char *data, size_t size,
                     const char *label, ipl_error *err)
{
    ipl_case *c;
    xmlDocPtr doc;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, data);
    if (label == NULL)
        label = "case";
    if ((rc = ipl__case_parse(&doc, data, size, label, err)) < 0)
        return rc;
    if ((c = ipl__calloc(1, sizeof *c)) == NULL ||
        (c->label = ipl__strdup(label)) == NULL ||
        (c->dir = ipl__case_dir(label)) == NULL)
        rc = ipl__fail(err, IPL_ENOMEM, label, "out of memory");
    else
        rc = ipl__case_build(c, xmlDocGetRootElement(doc), err);
    xmlFreeDoc(doc);
    if (rc < 0) {
        ipl_case_free(c);
        return rc;
    }
    *out = c;
    return IPL_OK;
}

int
ipl_case_load_file(ipl_case **out, const char *path, ipl_error *err)
{
    char *data = NULL;
    size_t size = 0;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, path);
    if ((rc = ipl__read_file(&data, &size, path, IPL__CASE_FILE_MAX, "case", err)) < 0)
        return rc;
    rc = ipl_case_load_memory(out, data, size, path, err);
    ipl__free(data);
    return rc;
}

const char *
ipl_case_schema(size_t *size)
{
    if (size != NULL)
        *size = ipl__case_xsd_size;
    return ipl__case_xsd;
}

const char *
ipl_case_label(const ipl_case *c)
{
    return c != NULL ? c->label : NULL;
}

const char *
ipl_case_title(const ipl_case *c)
{
    return c != NULL ? c->title : NULL;
}

const char *
ipl_case_currency(const ipl_case *c)
{
    return c != NULL ? c->currency : NULL;
}

ipl_date
ipl_case_date(const ipl_case *c)
{
    ipl_date none = { 0, 0, 0 };

    return c != NULL ? c->date : none;
}

const char *
ipl_case_borrower(const ipl_case *c, double *years, const char **industry)
{
    if (c == NULL)
        return NULL;
    if (years != NULL)
        *years = c->years;
    if (industry != NULL)
        *industry = c->industry;
    return c->borrower;
}

size_t
ipl_case_right_count(const ipl_case *c)
{
    return c != NULL ? c->nrights : 0;
}

const ipl_case_right *
ipl_case_right_get(const ipl_case *c, size_t i)
{
    return c != NULL && i < c->nrights ? &c->rights[i].view : NULL;
}

const char *
ipl_case_policy(const ipl_case *c, int *is_file)
{
    if (c == NULL)
        return NULL;
    if (is_file != NULL)
        *is_file = c->policy_is_file;
    return c->policy;
}

const ipl_case_loan *
ipl_case_loan_get(const ipl_case *c)
{
    return c != NULL ? &c->loan : NULL;
}

const ipl_case_default *
ipl_case_default_get(const ipl_case *c)
{
    return c != NULL && c->has_default ? &c->dflt : NULL;
}

int
ipl_case_path(char *buf, size_t size, const ipl_case *c, const char *path,
              ipl_error *err)
{
    int n;

    IPL__CHECK_ARG(err, buf);
    IPL__CHECK_ARG(err, c);
    IPL__CHECK_ARG(err, path);
    n = snprintf(buf, size, "%s%s", path[0] == '/' ? "" : c->dir, path);
    if (n < 0 || (size_t)n >= size)
        return ipl__fail(err, IPL_ERANGE, "size",
                         "%zu bytes cannot hold the path \"%s%s\"", size,
                         path[0] == '/' ? "" : c->dir, path);
    return IPL_OK;
}
