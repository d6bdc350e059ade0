/* Valuing an assumptions document: each right with its approach, and
 * the document's simulation over all of them. Errors of the valuation
 * modules name a field; here they are put in the right's scope and given
 * the line of the element that wrote the field. */
#include <stdio.h>
#include <string.h>

#include "alloc_internal.h"
#include "error_internal.h"

#include "assumptions_internal.h"

/* Puts "rights[k]." before err->where unless the module did, and sets
 * the line. Memory has no line. */
static int
ipl__locate(ipl_error *err, int rc, const ipl_assumptions *a, long k)
{
    char where[IPL_ERROR_WHERE_MAX + 32];

    if (err == NULL || rc == IPL_ENOMEM)
        return rc;
    if (k >= 0 && strncmp(err->where, "rights[", 7) != 0) {
        snprintf(where, sizeof where, "rights[%ld]%s%s", k, err->where[0] ? "." : "",
                 err->where);
        snprintf(err->where, sizeof err->where, "%.*s", (int)sizeof err->where - 1, where);
    }
    err->line = ipl_assumptions_line(a, err->where);
    err->column = 0;
    return rc;
}

int
ipl_assumptions_value(ipl_value **out, const ipl_assumptions *a, size_t i, ipl_error *err)
{
    const ipl__assumptions_right *r;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, a);
    if (i >= a->nrights)
        return ipl__fail(err, IPL_EINVAL, "i", "right %zu of a document of %zu", i,
                         a->nrights);
    r = &a->rights[i];
    if (r->approach == IPL_ASSUMPTIONS_INCOME)
        rc = ipl_value_income_new(out, &r->income, err);
    else if (r->approach == IPL_ASSUMPTIONS_COST)
        rc = ipl_value_cost_new(out, &r->cost, err);
    else
        rc = ipl_value_market_new(out, &r->market, err);
    return rc < 0 ? ipl__locate(err, rc, a, (long)i) : rc;
}

int
ipl_assumptions_simulate(ipl_montecarlo **out, const ipl_assumptions *a, ipl_error *err)
{
    ipl_montecarlo_right *rights;
    size_t k;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, a);
    if (!a->has_montecarlo)
        return ipl__fail_at(err, IPL_EINVAL, a->label, a->root_line, 0,
                            "the document asks for no simulation (no <montecarlo>)");
    for (k = 0; k < a->nrights; k++)
        if (a->rights[k].approach == IPL_ASSUMPTIONS_MARKET) {
            char where[32];

            snprintf(where, sizeof where, "rights[%zu]", k);
            return ipl__fail_at(err, IPL_EINVAL, where, ipl_assumptions_line(a, where), 0,
                                "a market-approach right has no uncertain inputs to "
                                "simulate");
        }
    if ((rights = ipl__calloc(a->nrights, sizeof *rights)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, a->label, "out of memory");
    for (k = 0; k < a->nrights; k++) {
        const ipl__assumptions_right *r = &a->rights[k];

        rights[k].income = r->approach == IPL_ASSUMPTIONS_INCOME ? &r->income : NULL;
        rights[k].cost = r->approach == IPL_ASSUMPTIONS_COST ? &r->cost : NULL;
    }
    rc = ipl_montecarlo_new(out, rights, a->nrights, a->inputs, a->ninputs, &a->mc, err);
    ipl__free(rights);
    return rc < 0 ? ipl__locate(err, rc, a, -1) : rc;
}
