/* The market approach: comparable transactions adjusted by factors and
 * by the quality-score ratio, V = Σ wᵢ·Pᵢ·Πfactorsᵢ·(Q ÷ Qᵢ) ÷ Σ wᵢ
 * (DB1304/T 432-2023 form; DOMAIN.md §1.1). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alloc_internal.h"
#include "value_internal.h"

/* A factor of 0 means "not given", that is 1. */
static double
factor(double f)
{
    return fpclassify(f) == FP_ZERO ? 1 : f;
}

static int
check_positive(double x, size_t i, const char *name, int optional, ipl_error *err)
{
    char where[64];

    snprintf(where, sizeof where, "comparables[%zu].%s", i, name);
    if (isnan(x) || isinf(x))
        return ipl__fail(err, IPL_EINVAL, where, "must be a finite number");
    if (x < 0 || (!optional && fpclassify(x) == FP_ZERO))
        return ipl__fail(err, IPL_ERANGE, where, "must be positive, got %g", x);
    return IPL_OK;
}

static int
check_market(const ipl_value_market *in, ipl_error *err)
{
    size_t i;
    int rc, with_q;

    if (in->version != IPL_VALUE_MARKET_VERSION)
        return ipl__fail(err, IPL_EVERSION, "version", "unknown version %u", in->version);
    if (in->comparables == NULL || in->count == 0)
        return ipl__fail(err, IPL_EINVAL, "comparables", "at least one is needed");
    if (isnan(in->quality) || isinf(in->quality) || in->quality < 0)
        return ipl__fail(err, IPL_ERANGE, "quality", "must be a finite score ≥ 0");
    with_q = in->quality > 0;
    for (i = 0; i < in->count; i++) {
        const ipl_value_comparable *c = &in->comparables[i];

        if ((rc = check_positive(c->price, i, "price", 0, err)) < 0 ||
            (rc = check_positive(c->time, i, "time", 1, err)) < 0 ||
            (rc = check_positive(c->technology, i, "technology", 1, err)) < 0 ||
            (rc = check_positive(c->legal, i, "legal", 1, err)) < 0 ||
            (rc = check_positive(c->terms, i, "terms", 1, err)) < 0 ||
            (rc = check_positive(c->weight, i, "weight", 1, err)) < 0 ||
            (rc = check_positive(c->quality, i, "quality", !with_q, err)) < 0)
            return rc;
        if (!with_q && c->quality > 0)
            return ipl__fail(err, IPL_EINVAL, "quality",
                             "the subject's quality score is needed with the comparables'");
    }
    return IPL_OK;
}

static int
build(ipl_value *v, const ipl_value_market *in)
{
    ipl_value_comparable *copy;
    double sum = 0, weights = 0;
    char name[64];
    size_t i;
    int rc;

    if ((copy = ipl__value_own(v, in->count * sizeof *copy)) == NULL)
        return IPL_ENOMEM;
    memcpy(copy, in->comparables, in->count * sizeof *copy);
    v->market = *in;
    v->market.comparables = copy;
    if ((rc = ipl__text_add(&v->trace, "method: market approach, %zu comparables%s\n",
                            in->count, in->quality > 0 ? ", quality-score ratio" : "")) < 0)
        return rc;
    for (i = 0; i < in->count; i++) {
        const ipl_value_comparable *c = &copy[i];
        double ratio = in->quality > 0 ? in->quality / c->quality : 1;
        double adj = c->price * factor(c->time) * factor(c->technology)
                     * factor(c->legal) * factor(c->terms) * ratio;

        sum += factor(c->weight) * adj;
        weights += factor(c->weight);
        snprintf(name, sizeof name, "comparables[%zu].adjusted", i);
        if ((rc = ipl__value_figure(v, name, adj)) < 0 ||
            (rc = ipl__text_add(&v->trace, "comparable %zu: %.4f x time %g x technology "
                                "%g x legal %g x terms %g x Q/Qi %.6f = %.4f (weight %g)\n",
                                i + 1, c->price, factor(c->time), factor(c->technology),
                                factor(c->legal), factor(c->terms), ratio, adj,
                                factor(c->weight))) < 0)
            return rc;
    }
    v->total = sum / weights;
    if ((rc = ipl__value_figure(v, "value", v->total)) < 0 ||
        (rc = ipl__text_add(&v->trace, "value (weighted mean): %.4f\n", v->total)) < 0)
        return rc;
    return IPL_OK;
}

int
ipl_value_market_new(ipl_value **out, const ipl_value_market *in, ipl_error *err)
{
    ipl_value *v;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, in);
    if ((rc = check_market(in, err)) < 0)
        return rc;
    if ((v = ipl__value_alloc(IPL_VALUE_MARKET)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, "value", "out of memory");
    if ((rc = build(v, in)) < 0) {
        ipl_value_free(v);
        return ipl__fail(err, rc, "value", "out of memory");
    }
    *out = v;
    return IPL_OK;
}
