/* Value indicators: a weighted tree, checked once, scored many times.
 * The tree is data (ipl_indicator_def rows); only the illustrative
 * default below lives in the library. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ipledge/indicators.h"
#include "alloc_internal.h"
#include "error_internal.h"

#define NONE SIZE_MAX

struct ipl_indicators {
    size_t             n;
    ipl_indicator_def *defs;     /* copies; strings in pool */
    size_t            *parent;   /* index of the parent, or NONE */
    size_t            *order;    /* deepest first: children before parents */
    unsigned char     *leaf;
    char              *pool;
};

/* The illustrative tree: GB/T 42748-2023's level 1 exactly (the one
 * part of the standard's list confirmed, DOMAIN.md §1.1), DIN 77100's
 * influencing factors as level 2 (§2.3), equal weights: the standard's
 * level-2 and level-3 names and its weights are not confirmed
 * (doc/valuation.md, "Value indicators"). */
static const ipl_indicator_def default_tree[] = {
    { "legal", NULL, 1.0 / 3, "法律价值 legal value" },
    { "technical", NULL, 1.0 / 3, "技术价值 technical value" },
    { "economic", NULL, 1.0 / 3, "经济价值 economic value" },
    { "legal.status", "legal", 0.2, "legal status and stability" },
    { "legal.scope", "legal", 0.2, "scope of protection, ease of circumvention" },
    { "legal.enforceability", "legal", 0.2, "enforceability, ease of proving infringement" },
    { "legal.ownership", "legal", 0.2, "ownership and encumbrances" },
    { "legal.remaining_life", "legal", 0.2, "remaining legal life" },
    { "technical.maturity", "technical", 1.0 / 3, "maturity and feasibility" },
    { "technical.substitutes", "technical", 1.0 / 3, "substitute technologies" },
    { "technical.field", "technical", 1.0 / 3, "field and technology life cycle" },
    { "economic.market", "economic", 1.0 / 3, "market potential" },
    { "economic.complementary", "economic", 1.0 / 3, "complementary assets" },
    { "economic.exploitation", "economic", 1.0 / 3, "exploitation and business model" }
};

void
ipl_indicators_free(ipl_indicators *set)
{
    if (set == NULL)
        return;
    ipl__free(set->defs);
    ipl__free(set->parent);
    ipl__free(set->order);
    ipl__free(set->leaf);
    ipl__free(set->pool);
    ipl__free(set);
}

static int
has_text(const char *s)
{
    return s != NULL && s[0] != '\0';
}

static size_t
find(const ipl_indicator_def *defs, size_t n, const char *id)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (strcmp(defs[i].id, id) == 0)
            return i;
    return NONE;
}

static int
check_ids(const ipl_indicator_def *defs, size_t n, ipl_error *err)
{
    char where[48];
    size_t i;

    for (i = 0; i < n; i++) {
        snprintf(where, sizeof where, "defs[%zu].id", i);
        if (!has_text(defs[i].id))
            return ipl__fail(err, IPL_EINVAL, where, "an indicator needs an id");
        if (find(defs, i, defs[i].id) != NONE)
            return ipl__fail(err, IPL_EINVAL, where, "'%s' is defined twice", defs[i].id);
        snprintf(where, sizeof where, "defs[%zu].weight", i);
        if (isnan(defs[i].weight) || isinf(defs[i].weight) || !(defs[i].weight > 0))
            return ipl__fail(err, IPL_ERANGE, where, "must be positive, got %g",
                             defs[i].weight);
    }
    return IPL_OK;
}

/* Parent indices, with undefined parents and cycles refused. */
static int
link_parents(ipl_indicators *set, const ipl_indicator_def *defs, ipl_error *err)
{
    char where[48];
    size_t i, k, p;

    for (i = 0; i < set->n; i++) {
        set->parent[i] = NONE;
        snprintf(where, sizeof where, "defs[%zu].parent", i);
        if (has_text(defs[i].parent) &&
            (set->parent[i] = find(defs, set->n, defs[i].parent)) == NONE)
            return ipl__fail(err, IPL_EINVAL, where, "no indicator '%s'", defs[i].parent);
    }
    for (i = 0; i < set->n; i++) {
        for (k = 0, p = set->parent[i]; p != NONE && k <= set->n; k++)
            p = set->parent[p];
        snprintf(where, sizeof where, "defs[%zu].parent", i);
        if (p != NONE)
            return ipl__fail(err, IPL_EINVAL, where, "'%s' is its own ancestor",
                             defs[i].id);
    }
    return IPL_OK;
}

static int
check_weights(const ipl_indicators *set, const ipl_indicator_def *defs, ipl_error *err)
{
    char where[48];
    size_t i, j;

    for (i = 0; i < set->n; i++) {
        double sum = 0;

        /* Each group of siblings once, at its first member. */
        for (j = 0; j < i && set->parent[j] != set->parent[i]; j++)
            ;
        if (j < i)
            continue;
        for (j = i; j < set->n; j++)
            if (set->parent[j] == set->parent[i])
                sum += defs[j].weight;
        snprintf(where, sizeof where, "defs[%zu].weight", i);
        if (fabs(sum - 1) > 1e-9)
            return ipl__fail(err, IPL_ERANGE, where, "the weights under '%s' sum to %.12g, "
                             "not 1", set->parent[i] == NONE ? "(top)"
                             : defs[set->parent[i]].id, sum);
    }
    return IPL_OK;
}

/* Leaves, and an order with every child before its parent: deepest
 * first. depth is scratch for n entries. */
static void
arrange(ipl_indicators *set, size_t *depth)
{
    size_t i, k = 0, d, max = 0, p;

    for (i = 0; i < set->n; i++)
        set->leaf[i] = 1;
    for (i = 0; i < set->n; i++) {
        if (set->parent[i] != NONE)
            set->leaf[set->parent[i]] = 0;
        for (depth[i] = 0, p = set->parent[i]; p != NONE; p = set->parent[p])
            depth[i]++;
        max = depth[i] > max ? depth[i] : max;
    }
    for (d = max + 1; d-- > 0;)
        for (i = 0; i < set->n; i++)
            if (depth[i] == d)
                set->order[k++] = i;
}

static int
copy_defs(ipl_indicators *set, const ipl_indicator_def *defs)
{
    size_t i, size = 0, at = 0;

    for (i = 0; i < set->n; i++)
        size += strlen(defs[i].id) + 1 + (defs[i].label ? strlen(defs[i].label) + 1 : 0);
    if ((set->pool = ipl__malloc(size)) == NULL)
        return IPL_ENOMEM;
    for (i = 0; i < set->n; i++) {
        size_t len = strlen(defs[i].id) + 1;

        set->defs[i].weight = defs[i].weight;
        set->defs[i].id = memcpy(set->pool + at, defs[i].id, len);
        at += len;
        set->defs[i].label = NULL;
        if (defs[i].label != NULL) {
            len = strlen(defs[i].label) + 1;
            set->defs[i].label = memcpy(set->pool + at, defs[i].label, len);
            at += len;
        }
    }
    for (i = 0; i < set->n; i++)
        set->defs[i].parent = set->parent[i] == NONE ? NULL : set->defs[set->parent[i]].id;
    return IPL_OK;
}

int
ipl_indicators_new(ipl_indicators **out, const ipl_indicator_def *defs, size_t n,
                   ipl_error *err)
{
    ipl_indicators *set;
    size_t *depth = NULL;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, defs);
    if (n == 0)
        return ipl__fail(err, IPL_EINVAL, "n", "a tree needs at least one indicator");
    if ((rc = check_ids(defs, n, err)) < 0)
        return rc;
    set = ipl__calloc(1, sizeof *set);
    if (set != NULL) {
        set->n = n;
        set->defs = ipl__calloc(n, sizeof *set->defs);
        set->parent = ipl__calloc(n, sizeof *set->parent);
        set->order = ipl__calloc(n, sizeof *set->order);
        set->leaf = ipl__calloc(n, sizeof *set->leaf);
        depth = ipl__calloc(n, sizeof *depth);
    }
    if (set == NULL || set->defs == NULL || set->parent == NULL || set->order == NULL ||
        set->leaf == NULL || depth == NULL)
        rc = ipl__fail(err, IPL_ENOMEM, "indicators", "out of memory");
    else if ((rc = link_parents(set, defs, err)) == IPL_OK &&
             (rc = check_weights(set, defs, err)) == IPL_OK &&
             (rc = copy_defs(set, defs)) == IPL_ENOMEM)
        rc = ipl__fail(err, IPL_ENOMEM, "indicators", "out of memory");
    if (rc == IPL_OK)
        arrange(set, depth);
    ipl__free(depth);
    if (rc < 0) {
        ipl_indicators_free(set);
        return rc;
    }
    *out = set;
    return IPL_OK;
}

int
ipl_indicators_new_default(ipl_indicators **out, ipl_error *err)
{
    return ipl_indicators_new(out, default_tree,
                              sizeof default_tree / sizeof default_tree[0], err);
}

size_t
ipl_indicators_count(const ipl_indicators *set)
{
    return set != NULL ? set->n : 0;
}

const ipl_indicator_def *
ipl_indicators_at(const ipl_indicators *set, size_t i)
{
    return set != NULL && i < set->n ? &set->defs[i] : NULL;
}

/* Places the given leaf scores; got[i] marks the indicators scored. */
static int
place(double *score, unsigned char *got, const ipl_indicators *set,
      const char *const *ids, const double *leaf_scores, size_t n, ipl_error *err)
{
    char where[48];
    size_t k, i;

    for (k = 0; k < n; k++) {
        snprintf(where, sizeof where, "ids[%zu]", k);
        if (ids[k] == NULL || (i = find(set->defs, set->n, ids[k])) == NONE)
            return ipl__fail(err, IPL_EINVAL, where, "no indicator '%s'",
                             ids[k] ? ids[k] : "(null)");
        if (!set->leaf[i] || got[i])
            return ipl__fail(err, IPL_EINVAL, where, "'%s' is %s", ids[k],
                             got[i] ? "scored twice" : "scored from its children");
        snprintf(where, sizeof where, "leaf_scores[%zu]", k);
        if (isnan(leaf_scores[k]))
            return ipl__fail(err, IPL_EINVAL, where, "must be a number");
        if (!(leaf_scores[k] >= 0 && leaf_scores[k] <= 1))
            return ipl__fail(err, IPL_ERANGE, where, "must be in [0, 1], got %g",
                             leaf_scores[k]);
        score[i] = leaf_scores[k];
        got[i] = 1;
    }
    for (i = 0; i < set->n; i++)
        if (set->leaf[i] && !got[i])
            return ipl__fail(err, IPL_EINVAL, set->defs[i].id, "this indicator has no score");
    return IPL_OK;
}

int
ipl_indicators_score(double *total, double *scores, const ipl_indicators *set,
                     const char *const *ids, const double *leaf_scores, size_t n,
                     ipl_error *err)
{
    double *score, sum = 0;
    unsigned char *got;
    size_t k;
    int rc;

    IPL__CHECK_ARG(err, total);
    IPL__CHECK_ARG(err, set);
    if (n > 0 && (ids == NULL || leaf_scores == NULL))
        return ipl__fail(err, IPL_EINVAL, ids == NULL ? "ids" : "leaf_scores",
                         "must not be NULL");
    score = ipl__calloc(set->n, sizeof *score);
    got = ipl__calloc(set->n, sizeof *got);
    if (score == NULL || got == NULL)
        rc = ipl__fail(err, IPL_ENOMEM, "indicators", "out of memory");
    else if ((rc = place(score, got, set, ids, leaf_scores, n, err)) == IPL_OK) {
        /* Children come before parents in order[], so each inner score
         * is complete before it is passed up. */
        for (k = 0; k < set->n; k++) {
            size_t i = set->order[k];
            double weighted = set->defs[i].weight * score[i];

            if (set->parent[i] == NONE)
                sum += weighted;
            else
                score[set->parent[i]] += weighted;
        }
        *total = sum;
        if (scores != NULL)
            memcpy(scores, score, set->n * sizeof *scores);
    }
    ipl__free(score);
    ipl__free(got);
    return rc;
}
