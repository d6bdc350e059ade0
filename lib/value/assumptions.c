/* Valuation assumptions documents (include/ipledge/assumptions.h):
 * loading, and what a loaded document tells. The elements are read in
 * assumptions_read.c (with _rights.c and _simulation.c), the fields'
 * lines kept in assumptions_lines.c, and the document valued in
 * assumptions_eval.c. */
#include "alloc_internal.h"
#include "error_internal.h"
#include "xmldoc_internal.h"

#include "assumptions_internal.h"

/* A bundle of 1,000 rights with long series stays far below this. */
#define IPL__ASSUMPTIONS_FILE_MAX (16u << 20)

static void
ipl__right_free(ipl__assumptions_right *r)
{
    size_t i;

    for (i = 0; i < r->nnames; i++)
        ipl__free(r->names[i]);
    ipl__free(r->names);
    ipl__free(r->base);
    ipl__free(r->shares);
    ipl__free(r->without);
    ipl__free(r->charges);
    ipl__free(r->premia);
    ipl__free(r->comparables);
}

void
ipl_assumptions_free(ipl_assumptions *a)
{
    size_t i;

    if (a == NULL)
        return;
    for (i = 0; a->rights != NULL && i < a->nrights; i++)
        ipl__right_free(&a->rights[i]);
    ipl__free(a->rights);
    ipl__free(a->inputs);
    ipl__free(a->correlation);
    ipl__free(a->lines);
    ipl__free(a->label);
    ipl__free(a);
}

int
ipl_assumptions_load_memory(ipl_assumptions **out, const char *data, size_t size,
                            const char *label, ipl_error *err)
{
    ipl_assumptions *a;
    xmlDocPtr doc;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, data);
    if (label == NULL)
        label = "valuation";
    if ((rc = ipl__xmldoc_read(&doc, data, size, ipl__assumptions_xsd,
                               ipl__assumptions_xsd_size, "valuation", label, err)) < 0)
        return rc;
    if ((a = ipl__calloc(1, sizeof *a)) == NULL ||
        (a->label = ipl__strdup(label)) == NULL)
        rc = ipl__fail(err, IPL_ENOMEM, label, "out of memory");
    else
        rc = ipl__assumptions_build(a, xmlDocGetRootElement(doc), err);
    xmlFreeDoc(doc);
    if (rc < 0) {
        ipl_assumptions_free(a);
        return rc;
    }
    *out = a;
    return IPL_OK;
}

int
ipl_assumptions_load_file(ipl_assumptions **out, const char *path, ipl_error *err)
{
    char *data = NULL;
    size_t size = 0;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, path);
    if ((rc = ipl__read_file(&data, &size, path, IPL__ASSUMPTIONS_FILE_MAX, "valuation",
                             err)) < 0)
        return rc;
    rc = ipl_assumptions_load_memory(out, data, size, path, err);
    ipl__free(data);
    return rc;
}

const char *
ipl_assumptions_schema(size_t *size)
{
    if (size != NULL)
        *size = ipl__assumptions_xsd_size;
    return ipl__assumptions_xsd;
}

const char *
ipl_assumptions_label(const ipl_assumptions *a)
{
    return a != NULL ? a->label : NULL;
}

const char *
ipl_assumptions_currency(const ipl_assumptions *a)
{
    return a != NULL ? a->currency : NULL;
}

size_t
ipl_assumptions_count(const ipl_assumptions *a)
{
    return a != NULL ? a->nrights : 0;
}

/* Right i when it exists and uses approach (0: any). */
static const ipl__assumptions_right *
ipl__right(const ipl_assumptions *a, size_t i, ipl_assumptions_approach approach)
{
    if (a == NULL || i >= a->nrights)
        return NULL;
    if (approach != 0 && a->rights[i].approach != approach)
        return NULL;
    return &a->rights[i];
}

ipl_assumptions_approach
ipl_assumptions_approach_at(const ipl_assumptions *a, size_t i)
{
    const ipl__assumptions_right *r = ipl__right(a, i, (ipl_assumptions_approach)0);

    return r != NULL ? r->approach : (ipl_assumptions_approach)0;
}

const ipl_value_income *
ipl_assumptions_income_at(const ipl_assumptions *a, size_t i)
{
    const ipl__assumptions_right *r = ipl__right(a, i, IPL_ASSUMPTIONS_INCOME);

    return r != NULL ? &r->income : NULL;
}

const ipl_value_cost *
ipl_assumptions_cost_at(const ipl_assumptions *a, size_t i)
{
    const ipl__assumptions_right *r = ipl__right(a, i, IPL_ASSUMPTIONS_COST);

    return r != NULL ? &r->cost : NULL;
}

const ipl_value_market *
ipl_assumptions_market_at(const ipl_assumptions *a, size_t i)
{
    const ipl__assumptions_right *r = ipl__right(a, i, IPL_ASSUMPTIONS_MARKET);

    return r != NULL ? &r->market : NULL;
}

int
ipl_assumptions_has_montecarlo(const ipl_assumptions *a)
{
    return a != NULL && a->has_montecarlo;
}

const ipl_montecarlo_options *
ipl_assumptions_montecarlo_options(const ipl_assumptions *a)
{
    return ipl_assumptions_has_montecarlo(a) ? &a->mc : NULL;
}

const ipl_montecarlo_input *
ipl_assumptions_montecarlo_inputs(const ipl_assumptions *a, size_t *count)
{
    int has = ipl_assumptions_has_montecarlo(a);

    if (count != NULL)
        *count = has ? a->ninputs : 0;
    return has ? a->inputs : NULL;
}
