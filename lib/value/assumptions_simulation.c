/* The simulation of an assumptions document (<montecarlo>: options,
 * uncertain inputs, correlation) read into the blocks of montecarlo.h. */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "alloc_internal.h"
#include "error_internal.h"
#include "xmldoc_internal.h"

#include "assumptions_internal.h"

/* A count attribute (xs:positiveInteger and the like), or dflt when it
 * is absent; values beyond size_t become SIZE_MAX, which the simulation
 * refuses with its own range. */
static int
ipl__size(ipl__vdoc_reader *r, size_t *out, xmlNodePtr node, const char *attr,
          size_t dflt)
{
    xmlChar *text = ipl__vdoc_attr(node, attr);
    uint64_t v = dflt;
    int rc = IPL_OK;

    if (text != NULL && ipl__assumptions_uint64(&v, (const char *)text) < 0)
        rc = ipl__xmldoc_fail_at(r->err, IPL_EPARSE, r->a->label, node,
                                 "%s: \"%s\" is not a whole number below 2^64", attr,
                                 (const char *)text);
    xmlFree(text);
    *out = v > SIZE_MAX ? SIZE_MAX : (size_t)v;
    return rc;
}

/* <correlation>: the xs:list of the inputs' matrix, row by row. */
static int
ipl__read_correlation(ipl__vdoc_reader *r, xmlNodePtr n)
{
    ipl_assumptions *a = r->a;
    size_t want = a->ninputs * a->ninputs, k = 0, len;
    xmlChar *text = xmlNodeGetContent(n);
    const char *p = (const char *)text;
    char item[64];
    double x;
    int rc = IPL_OK;

    if (text == NULL || (a->correlation = ipl__calloc(want ? want : 1,
                                                      sizeof *a->correlation)) == NULL) {
        xmlFree(text);
        return ipl__fail(r->err, IPL_ENOMEM, a->label, "out of memory");
    }
    for (; rc == IPL_OK && *p != '\0'; p += len) {
        p += strspn(p, " \t\r\n");
        if ((len = strcspn(p, " \t\r\n")) == 0)
            break;
        if (len >= sizeof item) {   /* longer than any number ipledge holds */
            rc = ipl__xmldoc_fail_at(r->err, IPL_EPARSE, a->label, n,
                                     "correlation: an entry of %zu characters is not a "
                                     "number of at most 15 significant digits", len);
            break;
        }
        memcpy(item, p, len);
        item[len] = '\0';
        rc = ipl__vdoc_number_text(r, &x, (const xmlChar *)item, n, "correlation");
        if (rc == IPL_OK && k < want)
            a->correlation[k] = x;
        k++;
    }
    xmlFree(text);
    if (rc == IPL_OK && k != want)
        rc = ipl__xmldoc_fail_at(r->err, IPL_EPARSE, a->label, n,
                                 "correlation: %zu numbers for %zu inputs, expected %zu",
                                 k, a->ninputs, want);
    a->mc.correlation = a->correlation;
    return rc;
}

static int
ipl__read_input(ipl__vdoc_reader *r, ipl_montecarlo_input *in, xmlNodePtr c)
{
    static const char *const fields[] = {   /* in the order of ipl_montecarlo_field */
        "base-scale", "base-growth", "base-decline", "share-scale", "tax-rate",
        "discount-rate", "legal-years", "contract-years", "economic-years",
        "terminal-growth", "cost-scale", "newness", "remaining-years", "functional-rate",
        "economic-rate", NULL
    };
    static const char *const dists[] = {
        "fixed", "uniform", "triangular", "pert", "normal", "lognormal", NULL
    };
    xmlChar *lower = ipl__vdoc_attr(c, "lower"), *upper = ipl__vdoc_attr(c, "upper");
    int rc;

    in->dist.truncated = lower != NULL || upper != NULL;
    xmlFree(lower);
    xmlFree(upper);
    in->field = (ipl_montecarlo_field)ipl__vdoc_pick(c, "field", fields);
    in->dist.kind = (ipl_montecarlo_kind)ipl__vdoc_pick(c, "dist", dists);
    if ((rc = ipl__size(r, &in->right, c, "right", 0)) < 0 ||
        (rc = ipl__vdoc_num(r, &in->dist.a, c, "a", 0)) < 0 ||
        (rc = ipl__vdoc_num(r, &in->dist.b, c, "b", 0)) < 0 ||
        (rc = ipl__vdoc_num(r, &in->dist.mode, c, "mode", 0)) < 0 ||
        (rc = ipl__vdoc_num(r, &in->dist.lower, c, "lower",
                       in->dist.truncated ? -HUGE_VAL : 0)) < 0 ||
        (rc = ipl__vdoc_num(r, &in->dist.upper, c, "upper",
                       in->dist.truncated ? HUGE_VAL : 0)) < 0)
        return rc;
    return IPL_OK;
}

static int
ipl__read_options(ipl__vdoc_reader *r, ipl_montecarlo_options *mc, xmlNodePtr n)
{
    xmlChar *seed = ipl__vdoc_attr(n, "seed");
    size_t threads;
    int rc = IPL_OK;

    ipl_montecarlo_options_init(mc, IPL_MONTECARLO_OPTIONS_VERSION);
    if (seed != NULL && ipl__assumptions_uint64(&mc->seed, (const char *)seed) < 0)
        rc = ipl__xmldoc_fail_at(r->err, IPL_EPARSE, r->a->label, n,
                                 "seed: \"%s\" is not a whole number below 2^64",
                                 (const char *)seed);
    xmlFree(seed);
    if (rc < 0 || (rc = ipl__size(r, &mc->paths, n, "paths", 10000)) < 0 ||
        (rc = ipl__size(r, &threads, n, "threads", 1)) < 0 ||
        (rc = ipl__size(r, &mc->bins, n, "bins", 20)) < 0)
        return rc;
    /* Beyond UINT_MAX is beyond the simulation's range, which says so. */
    mc->threads = threads > UINT_MAX ? UINT_MAX : (unsigned int)threads;
    return IPL_OK;
}

int
ipl__vdoc_read_montecarlo(ipl__vdoc_reader *r, xmlNodePtr n)
{
    ipl_assumptions *a = r->a;
    size_t i = 0;
    xmlNodePtr c;
    int rc;

    a->has_montecarlo = 1;
    /* Of two notes of one prefix the first wins: the <correlation>
     * element, when there is one, over <montecarlo>. */
    if ((rc = ipl__vdoc_note(r, "opts", n)) < 0 ||
        (rc = ipl__vdoc_note(r, "montecarlo", n)) < 0 ||
        (rc = ipl__vdoc_note(r, "correlation", ipl__vdoc_child(n, "correlation"))) < 0 ||
        (rc = ipl__vdoc_note(r, "correlation", n)) < 0 ||
        (rc = ipl__read_options(r, &a->mc, n)) < 0)
        return rc;
    /* The schema asks for at least one input. */
    a->ninputs = ipl__vdoc_count(n, "input");
    if ((a->inputs = ipl__calloc(a->ninputs, sizeof *a->inputs)) == NULL)
        return ipl__fail(r->err, IPL_ENOMEM, a->label, "out of memory");
    for (c = n->children; c != NULL; c = c->next)
        if (ipl__vdoc_named(c, "input")) {
            if ((rc = ipl__vdoc_note_at(r, "inputs", i, c)) < 0 ||
                (rc = ipl__read_input(r, &a->inputs[i++], c)) < 0)
                return rc;
        }
    if ((c = ipl__vdoc_child(n, "correlation")) != NULL)
        return ipl__read_correlation(r, c);
    return IPL_OK;
}
