/* Monte Carlo valuation of a bundle of rights. Paths are cut into blocks
 * of IPL_MONTECARLO_BLOCK; block k draws from a generator seeded from
 * (seed, k), so a path's numbers depend on the seed and its index only,
 * never on which thread ran it or when. The generator is taus2, a
 * maximally equidistributed combined Tausworthe generator (L'Ecuyer
 * 1999), GSL's numbers from an inline copy (rng_internal.h); its three
 * words of state are seeded per block in a few dozen instructions,
 * where MT19937's 624 took over ten a path. A block is drawn one input
 * at a time and valued one right at a time over all its paths, so that
 * the loops are long, simple and vectorised. */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_linalg.h>

#include "alloc_internal.h"
#include "montecarlo_internal.h"

#define DEFAULT_PATHS 10000
#define MAX_PATHS     100000000
#define DEFAULT_BINS  20
#define MAX_BINS      10000
#define MAX_THREADS   256

/* What every worker reads and nobody writes, except values[] where each
 * path has its own slot. */
typedef struct sim {
    const ipl_montecarlo_right *rights;
    size_t                      nrights;
    ipl__income_plan           *plans;     /* one per right (income rights) */
    ipl__kernel                *kernels;   /* one per right; flow NULL = none */
    const ipl_montecarlo_input *inputs;
    ipl__dist                  *dists;
    size_t                      ninputs;
    double                     *chol;      /* lower Cholesky factor, or NULL */
    size_t                      paths, nblocks;
    uint64_t                    seed;
    double                     *values;    /* by path index */
} sim;

typedef struct worker {
    const sim        *s;
    size_t            first, stride;       /* blocks first, first + stride, … */
    ipl__rng          rng;                 /* the block's generator */
    double           *eps, *draws;         /* ninputs each: one path */
    double           *block;               /* ninputs × BLOCK: input-major */
    double           *lane;                /* LANE_ARRAYS × BLOCK */
    size_t            fail_path;           /* first failing path, or SIZE_MAX */
    int               fail_rc;
    ipl_error         fail_err;
} worker;

/* The per-path arrays of a block's kernel valuation: rate, base scale,
 * share scale and terminal growth when no input draws them, the product
 * of the scales, the value. */
enum { LANE_RATE, LANE_BASE, LANE_SHARE, LANE_G, LANE_SCALE, LANE_VALUE, LANE_ARRAYS };

/* splitmix64: decorrelates neighbouring seeds and block numbers. */
static uint64_t
mix(uint64_t z)
{
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Fields that can move the benefit period or leave their domain, so
 * that a path drawing them must check its block again. */
static int
fails_check(ipl_montecarlo_field f)
{
    return f == IPL_MONTECARLO_TAX_RATE || f == IPL_MONTECARLO_BASE_GROWTH ||
           f == IPL_MONTECARLO_BASE_DECLINE || f == IPL_MONTECARLO_LEGAL_YEARS ||
           f == IPL_MONTECARLO_CONTRACT_YEARS || f == IPL_MONTECARLO_ECONOMIC_YEARS;
}

static int
is_cost_field(ipl_montecarlo_field f)
{
    return f >= IPL_MONTECARLO_COST_SCALE;
}

/* Rewrites a right's error as one of a path: "rights[1].tax_rate",
 * "path 17: must be in …". */
static int
path_error(ipl_error *err, int rc, size_t right, size_t path)
{
    char where[IPL_ERROR_WHERE_MAX], message[IPL_ERROR_MESSAGE_MAX];

    memcpy(where, err->where, sizeof where);
    memcpy(message, err->message, sizeof message);
    ipl__fail(err, rc, where, "path %zu drew a value outside the domain: %s", path,
              message);
    snprintf(where, sizeof where, "rights[%zu].", right);
    ipl__where_prefix(err, where);
    return rc;
}

/* Sets the income field f of in (or a scale or the rate) to x. */
static void
set_income(ipl_value_income *in, double *rate, double *base, double *share,
           ipl_montecarlo_field f, double x)
{
    switch (f) {
    case IPL_MONTECARLO_BASE_SCALE:      *base = x; break;
    case IPL_MONTECARLO_BASE_GROWTH:     in->base_growth = x; break;
    case IPL_MONTECARLO_BASE_DECLINE:    in->base_decline = x; break;
    case IPL_MONTECARLO_SHARE_SCALE:     *share = x; break;
    case IPL_MONTECARLO_TAX_RATE:        in->tax_rate = x; break;
    case IPL_MONTECARLO_DISCOUNT_RATE:   *rate = x; break;
    case IPL_MONTECARLO_LEGAL_YEARS:     in->legal_years = x; break;
    case IPL_MONTECARLO_CONTRACT_YEARS:  in->contract_years = x; break;
    case IPL_MONTECARLO_ECONOMIC_YEARS:  in->economic_years = x; break;
    default:                             in->terminal_growth = x; break;
    }
}

static int
income_value(double *out, const worker *w, size_t r, ipl_error *err)
{
    const sim *s = w->s;
    const ipl_value_income *given = s->rights[r].income;
    ipl__income_plan plan = s->plans[r];
    double rate = plan.rate, base = 1, share = 1;
    ipl_value_income in;
    int replan = 0, rc;
    size_t i;

    /* The kernel needs only the scales, the rate and the terminal
     * growth; the block is copied only for paths through the engine. */
    if (s->kernels[r].flow != NULL) {
        ipl_value_income tg;

        tg.terminal_growth = given->terminal_growth;
        for (i = 0; i < s->ninputs; i++)
            if (s->inputs[i].right == r)
                set_income(&tg, &rate, &base, &share, s->inputs[i].field, w->draws[i]);
        if (!(share >= 0))
            return ipl__fail(err, IPL_ERANGE, "share", "a share scale of %g", share);
        return ipl__kernel_value(out, &s->kernels[r], given, rate, base * share,
                                 tg.terminal_growth, err);
    }
    in = *given;
    for (i = 0; i < s->ninputs; i++)
        if (s->inputs[i].right == r) {
            set_income(&in, &rate, &base, &share, s->inputs[i].field, w->draws[i]);
            replan |= fails_check(s->inputs[i].field);
        }
    if (!(share >= 0))
        return ipl__fail(err, IPL_ERANGE, "share", "a share scale of %g", share);
    if (replan && (rc = ipl__income_check(&plan, &in, err)) < 0)
        return rc;
    return ipl__income_eval(out, &in, &plan, rate, base, share, NULL, NULL, NULL, err);
}

static int
cost_value(double *out, const worker *w, size_t r, ipl_error *err)
{
    const sim *s = w->s;
    ipl_value_cost in = *s->rights[r].cost;
    double scale = 1;
    size_t i;
    int rc;

    for (i = 0; i < s->ninputs; i++) {
        double x = w->draws[i];

        if (s->inputs[i].right != r)
            continue;
        switch (s->inputs[i].field) {
        case IPL_MONTECARLO_COST_SCALE:      scale = x; break;
        case IPL_MONTECARLO_NEWNESS:         in.newness = x; break;
        case IPL_MONTECARLO_REMAINING_YEARS: in.remaining_years = x; break;
        case IPL_MONTECARLO_FUNCTIONAL_RATE: in.functional_rate = x; break;
        default:                             in.economic_rate = x; break;
        }
    }
    if ((rc = ipl__cost_check(&in, err)) < 0)
        return rc;
    if (!(scale >= 0))
        return ipl__fail(err, IPL_ERANGE, "cost_scale", "a cost scale of %g", scale);
    *out = ipl__cost_total(&in, scale);
    return IPL_OK;
}

/* The bundle's value with the draws in w->draws. */
static int
bundle_value(double *out, const worker *w, size_t *bad_right, ipl_error *err)
{
    double total = 0, v = 0;
    size_t r;
    int rc;

    for (r = 0; r < w->s->nrights; r++) {
        rc = w->s->rights[r].income != NULL ? income_value(&v, w, r, err)
             : cost_value(&v, w, r, err);
        if (rc < 0) {
            *bad_right = r;
            return rc;
        }
        total += v;
    }
    *out = total;
    return IPL_OK;
}

/* A block's draws, input by input. Correlated inputs go through the
 * copula, path by path: standard normals, correlated by the Cholesky
 * factor, mapped by Φ and the inverse CDF. Either way the numbers depend
 * only on the block's generator. */
static void
draw_block(worker *w, size_t m)
{
    const sim *s = w->s;
    size_t i, j, p, n = s->ninputs;

    if (s->chol == NULL) {
        for (i = 0; i < n; i++)
            ipl__dist_fill(&w->block[i * IPL_MONTECARLO_BLOCK], m, &s->dists[i], &w->rng);
        return;
    }
    for (p = 0; p < m; p++) {
        for (i = 0; i < n; i++)
            w->eps[i] = ipl__rng_normal(&w->rng);
        for (i = 0; i < n; i++) {
            double z = 0;

            for (j = 0; j <= i; j++)
                z += s->chol[i * n + j] * w->eps[j];
            w->block[i * IPL_MONTECARLO_BLOCK + p] = ipl__dist_draw(&s->dists[i], z);
        }
    }
}

/* Path p's draws of the block into w->draws. */
static void
path_draws(worker *w, size_t p)
{
    size_t i;

    for (i = 0; i < w->s->ninputs; i++)
        w->draws[i] = w->block[i * IPL_MONTECARLO_BLOCK + p];
}

/* The m values of field f of right r: the draws of the last input on
 * it (inputs in order, as income_value() sets them), or lane array
 * `lane` filled with `given`. */
static double *
lane_field(worker *w, size_t r, ipl_montecarlo_field f, int lane, double given, size_t m)
{
    const sim *s = w->s;
    double *x = NULL;
    size_t i;

    for (i = 0; i < s->ninputs; i++)
        if (s->inputs[i].right == r && s->inputs[i].field == f)
            x = &w->block[i * IPL_MONTECARLO_BLOCK];
    if (x == NULL) {
        x = &w->lane[(size_t)lane * IPL_MONTECARLO_BLOCK];
        for (i = 0; i < m; i++)
            x[i] = given;
    }
    return x;
}

/* The kernel right r over the m paths of the block into
 * lane[LANE_VALUE]: each path's rate, scales and terminal growth as
 * income_value() sets them, then the kernel on all paths at once. */
static int
kernel_block(worker *w, size_t r, size_t m)
{
    const sim *s = w->s;
    double *rate = lane_field(w, r, IPL_MONTECARLO_DISCOUNT_RATE, LANE_RATE,
                              s->plans[r].rate, m);
    double *base = lane_field(w, r, IPL_MONTECARLO_BASE_SCALE, LANE_BASE, 1, m);
    double *share = lane_field(w, r, IPL_MONTECARLO_SHARE_SCALE, LANE_SHARE, 1, m);
    double *g = lane_field(w, r, IPL_MONTECARLO_TERMINAL_GROWTH, LANE_G,
                           s->rights[r].income->terminal_growth, m);
    double *scale = &w->lane[LANE_SCALE * IPL_MONTECARLO_BLOCK];
    size_t j;

    for (j = 0; j < m; j++) {
        if (!(share[j] >= 0))
            return IPL_ERANGE;
        scale[j] = base[j] * share[j];
    }
    return ipl__kernel_values(&w->lane[LANE_VALUE * IPL_MONTECARLO_BLOCK], m,
                              &s->kernels[r], s->rights[r].income, rate, scale, g);
}

/* Right r's value on each of the m paths of the block into
 * lane[LANE_VALUE], by the kernel or path by path. */
static int
right_block(worker *w, size_t r, size_t m)
{
    double *v = &w->lane[LANE_VALUE * IPL_MONTECARLO_BLOCK];
    size_t p;
    int rc;

    if (w->s->kernels[r].flow != NULL)
        return kernel_block(w, r, m);
    for (p = 0; p < m; p++) {
        path_draws(w, p);
        rc = w->s->rights[r].income != NULL ? income_value(&v[p], w, r, NULL)
             : cost_value(&v[p], w, r, NULL);
        if (rc < 0)
            return rc;
    }
    return IPL_OK;
}

/* The bundle's value on the m paths of the block from path first,
 * right by right; the sums are in the order of bundle_value(). A
 * failure says only that some path failed. */
static int
value_block(worker *w, size_t first, size_t m)
{
    const sim *s = w->s;
    const double *v = &w->lane[LANE_VALUE * IPL_MONTECARLO_BLOCK];
    double *out = &s->values[first];
    size_t r, p;
    int rc;

    for (p = 0; p < m; p++)
        out[p] = 0;
    for (r = 0; r < s->nrights; r++) {
        if ((rc = right_block(w, r, m)) < 0)
            return rc;
        for (p = 0; p < m; p++)
            out[p] += v[p];
    }
    return IPL_OK;
}

/* Values the block path by path, to report the first failing path and
 * right with the error bundle_value() gives. */
static void
find_failure(worker *w, size_t first, size_t m)
{
    size_t p, right = 0;
    double v;
    int rc;

    for (p = 0; p < m; p++) {
        path_draws(w, p);
        if ((rc = bundle_value(&v, w, &right, &w->fail_err)) < 0) {
            w->fail_rc = path_error(&w->fail_err, rc, right, first + p);
            w->fail_path = first + p;
            return;
        }
    }
}

static void *
run_worker(void *arg)
{
    worker *w = arg;
    const sim *s = w->s;
    size_t b;

    for (b = w->first; b < s->nblocks; b += w->stride) {
        size_t first = b * IPL_MONTECARLO_BLOCK;
        size_t m = s->paths - first < IPL_MONTECARLO_BLOCK ? s->paths - first
                   : IPL_MONTECARLO_BLOCK;

        ipl__rng_seed(&w->rng, (uint32_t)mix(s->seed ^ mix(b)));
        draw_block(w, m);
        if (value_block(w, first, m) < 0) {
            find_failure(w, first, m);
            return NULL;
        }
    }
    return NULL;
}

/* ---- set-up ------------------------------------------------------------ */

static int
check_rights(sim *s, ipl_error *err)
{
    char where[64];
    size_t r;
    int rc;

    for (r = 0; r < s->nrights; r++) {
        const ipl_montecarlo_right *x = &s->rights[r];

        if ((x->income == NULL) == (x->cost == NULL)) {
            snprintf(where, sizeof where, "rights[%zu]", r);
            return ipl__fail(err, IPL_EINVAL, where, "set exactly one of income and cost");
        }
        rc = x->income != NULL ? ipl__income_check(&s->plans[r], x->income, err)
             : ipl__cost_check(x->cost, err);
        if (rc < 0) {
            snprintf(where, sizeof where, "rights[%zu].", r);
            ipl__where_prefix(err, where);
            return rc;
        }
    }
    return IPL_OK;
}

static int
check_inputs(sim *s, ipl_error *err)
{
    char where[64];
    size_t i;
    int rc;

    for (i = 0; i < s->ninputs; i++) {
        const ipl_montecarlo_input *in = &s->inputs[i];
        int cost_field = is_cost_field(in->field);

        snprintf(where, sizeof where, "inputs[%zu].right", i);
        if (in->right >= s->nrights)
            return ipl__fail(err, IPL_EINVAL, where, "%zu, but the bundle has %zu rights",
                             in->right, s->nrights);
        snprintf(where, sizeof where, "inputs[%zu].field", i);
        if ((unsigned)in->field > IPL_MONTECARLO_ECONOMIC_RATE)
            return ipl__fail(err, IPL_EINVAL, where, "unknown field %d", (int)in->field);
        if (cost_field != (s->rights[in->right].cost != NULL))
            return ipl__fail(err, IPL_EINVAL, where, "a %s field on a %s right",
                             cost_field ? "cost" : "income",
                             cost_field ? "income" : "cost");
        snprintf(where, sizeof where, "inputs[%zu].dist", i);
        if ((rc = ipl__dist_prepare(&s->dists[i], &in->dist, where, err)) < 0)
            return rc;
    }
    return IPL_OK;
}

/* Kernels for the income rights whose paths only rescale and
 * rediscount: not textbook (its rounded factors are not a scale), no
 * charges (not linear in the scales), nothing sampled that moves the
 * periods or needs a new check. */
static int
build_kernels(sim *s, ipl_error *err)
{
    size_t r, i;

    for (r = 0; r < s->nrights; r++) {
        const ipl_value_income *in = s->rights[r].income;
        int usable = in != NULL && !in->textbook && in->method != IPL_VALUE_MPEEM &&
                     in->method != IPL_VALUE_WITH_WITHOUT;

        for (i = 0; usable && i < s->ninputs; i++)
            if (s->inputs[i].right == r && fails_check(s->inputs[i].field))
                usable = 0;
        if (usable && ipl__kernel_build(&s->kernels[r], in, &s->plans[r]) < 0)
            return ipl__fail(err, IPL_ENOMEM, "montecarlo", "out of memory");
    }
    return IPL_OK;
}

/* Checks the correlation matrix and replaces s->chol by its lower
 * Cholesky factor. */
static int
factor(sim *s, const double *rho, ipl_error *err)
{
    size_t i, j, n = s->ninputs;
    gsl_matrix_view m;
    char where[64];

    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            double x = rho[i * n + j];

            snprintf(where, sizeof where, "correlation[%zu][%zu]", i, j);
            if (isnan(x) || isinf(x) || x < -1 || x > 1)
                return ipl__fail(err, IPL_EINVAL, where, "must be in [-1, 1], got %g", x);
            if ((i == j && fabs(x - 1) > 1e-12) || fabs(x - rho[j * n + i]) > 1e-12)
                return ipl__fail(err, IPL_EINVAL, where,
                                 "the matrix must be symmetric with a unit diagonal");
        }
    memcpy(s->chol, rho, n * n * sizeof *s->chol);
    m = gsl_matrix_view_array(s->chol, n, n);
    if (gsl_linalg_cholesky_decomp1(&m.matrix) != GSL_SUCCESS)
        return ipl__fail(err, IPL_EINVAL, "correlation",
                         "the matrix is not positive definite");
    return IPL_OK;
}

static int
check_options(ipl_montecarlo_options *o, const ipl_montecarlo_options *opts,
              ipl_error *err)
{
    ipl_montecarlo_options d = IPL_MONTECARLO_OPTIONS_INIT;

    *o = opts != NULL ? *opts : d;
    if (o->version != IPL_MONTECARLO_OPTIONS_VERSION)
        return ipl__fail(err, IPL_EVERSION, "opts.version", "unknown version %u",
                         o->version);
    if (o->paths == 0)
        o->paths = DEFAULT_PATHS;
    if (o->threads == 0)
        o->threads = 1;
    if (o->bins == 0)
        o->bins = DEFAULT_BINS;
    if (o->paths > MAX_PATHS)
        return ipl__fail(err, IPL_ERANGE, "opts.paths", "must be 1..%d, got %zu",
                         MAX_PATHS, o->paths);
    if (o->threads > MAX_THREADS)
        return ipl__fail(err, IPL_ERANGE, "opts.threads", "must be 1..%d, got %u",
                         MAX_THREADS, o->threads);
    if (o->bins > MAX_BINS)
        return ipl__fail(err, IPL_ERANGE, "opts.bins", "must be 1..%d, got %zu",
                         MAX_BINS, o->bins);
    return IPL_OK;
}

/* ---- running --------------------------------------------------------- */

static void
free_workers(worker *ws, size_t n)
{
    size_t i;

    if (ws == NULL)
        return;
    for (i = 0; i < n; i++) {
        ipl__free(ws[i].eps);
        ipl__free(ws[i].block);
        ipl__free(ws[i].lane);
    }
    ipl__free(ws);
}

static worker *
make_workers(const sim *s, size_t n)
{
    worker *ws = ipl__calloc(n, sizeof *ws);
    size_t i, k = s->ninputs ? s->ninputs : 1;

    if (ws == NULL)
        return NULL;
    for (i = 0; i < n; i++) {
        ws[i].s = s;
        ws[i].first = i;
        ws[i].stride = n;
        ws[i].fail_path = SIZE_MAX;
        if ((ws[i].eps = ipl__calloc(2 * k, sizeof *ws[i].eps)) == NULL ||
            (ws[i].block = ipl__calloc(k * IPL_MONTECARLO_BLOCK, sizeof *ws[i].block))
            == NULL ||
            (ws[i].lane = ipl__calloc(LANE_ARRAYS * IPL_MONTECARLO_BLOCK,
                                      sizeof *ws[i].lane)) == NULL) {
            free_workers(ws, n);
            return NULL;
        }
        ws[i].draws = ws[i].eps + k;
    }
    return ws;
}

/* Runs the workers, the first in this thread. A thread that cannot be
 * started runs here afterwards: the numbers do not depend on it. */
static int
run(sim *s, unsigned threads, ipl_error *err)
{
    size_t n = threads < s->nblocks ? threads : s->nblocks, i, best = 0;
    pthread_t *tid = ipl__calloc(n, sizeof *tid);
    int *started = ipl__calloc(n, sizeof *started);
    worker *ws = make_workers(s, n);
    int rc = IPL_OK;

    if (tid == NULL || started == NULL || ws == NULL) {
        rc = ipl__fail(err, IPL_ENOMEM, "montecarlo", "out of memory");
        goto out;
    }
    for (i = 1; i < n; i++)
        started[i] = pthread_create(&tid[i], NULL, run_worker, &ws[i]) == 0;
    run_worker(&ws[0]);
    for (i = 1; i < n; i++) {
        if (started[i])
            pthread_join(tid[i], NULL);
        else
            run_worker(&ws[i]);
    }
    for (i = 1; i < n; i++)
        if (ws[i].fail_path < ws[best].fail_path)
            best = i;
    if (ws[best].fail_path != SIZE_MAX) {
        rc = ws[best].fail_rc;
        if (err != NULL)
            *err = ws[best].fail_err;
    }
out:
    free_workers(ws, n);
    ipl__free(started);
    ipl__free(tid);
    return rc;
}

/* The bundle with every input as given. It cannot fail on checked
 * rights; only its scratch allocation can. */
static int
deterministic(double *out, sim *s, ipl_error *err)
{
    ipl_error ignored;
    worker w;
    size_t i, bad = 0;

    memset(&w, 0, sizeof w);
    w.s = s;
    /* Every input at its value as given: scales 1, fields unchanged. */
    if ((w.draws = ipl__calloc(s->ninputs ? s->ninputs : 1, sizeof *w.draws)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, "montecarlo", "out of memory");
    for (i = 0; i < s->ninputs; i++) {
        const ipl_montecarlo_input *in = &s->inputs[i];
        const ipl_value_income *inc = s->rights[in->right].income;
        const ipl_value_cost *c = s->rights[in->right].cost;

        switch (in->field) {
        case IPL_MONTECARLO_BASE_GROWTH:     w.draws[i] = inc->base_growth; break;
        case IPL_MONTECARLO_BASE_DECLINE:    w.draws[i] = inc->base_decline; break;
        case IPL_MONTECARLO_TAX_RATE:        w.draws[i] = inc->tax_rate; break;
        case IPL_MONTECARLO_DISCOUNT_RATE:   w.draws[i] = s->plans[in->right].rate; break;
        case IPL_MONTECARLO_LEGAL_YEARS:     w.draws[i] = inc->legal_years; break;
        case IPL_MONTECARLO_CONTRACT_YEARS:  w.draws[i] = inc->contract_years; break;
        case IPL_MONTECARLO_ECONOMIC_YEARS:  w.draws[i] = inc->economic_years; break;
        case IPL_MONTECARLO_TERMINAL_GROWTH: w.draws[i] = inc->terminal_growth; break;
        case IPL_MONTECARLO_NEWNESS:         w.draws[i] = c->newness; break;
        case IPL_MONTECARLO_REMAINING_YEARS: w.draws[i] = c->remaining_years; break;
        case IPL_MONTECARLO_FUNCTIONAL_RATE: w.draws[i] = c->functional_rate; break;
        case IPL_MONTECARLO_ECONOMIC_RATE:   w.draws[i] = c->economic_rate; break;
        default:                             w.draws[i] = 1; break;
        }
    }
    if (bundle_value(out, &w, &bad, &ignored) < 0)
        *out = NAN;
    ipl__free(w.draws);
    return IPL_OK;
}

/* ---- public ---------------------------------------------------------- */

int
ipl_montecarlo_options_init(ipl_montecarlo_options *opts, unsigned int version)
{
    IPL__CHECK_ARG(NULL, opts);
    if (version != IPL_MONTECARLO_OPTIONS_VERSION)
        return IPL_EVERSION;
    memset(opts, 0, sizeof *opts);
    opts->version = version;
    return IPL_OK;
}

static int
simulate(ipl_montecarlo *mc, sim *s, const ipl_montecarlo_options *o, uint64_t *scratch,
         ipl_error *err)
{
    int rc;

    if ((rc = check_rights(s, err)) < 0 || (rc = check_inputs(s, err)) < 0 ||
        (rc = build_kernels(s, err)) < 0 ||
        (o->correlation != NULL && s->ninputs > 0 &&
         (rc = factor(s, o->correlation, err)) < 0) ||
        (rc = deterministic(&mc->deterministic, s, err)) < 0 ||
        (rc = run(s, o->threads, err)) < 0)
        return rc;
    ipl__montecarlo_summarise(mc, scratch);
    return IPL_OK;
}

int
ipl_montecarlo_new(ipl_montecarlo **out, const ipl_montecarlo_right *rights,
                   size_t nrights, const ipl_montecarlo_input *inputs, size_t ninputs,
                   const ipl_montecarlo_options *opts, ipl_error *err)
{
    ipl_montecarlo_options o;
    ipl_montecarlo *mc;
    uint64_t *scratch;
    size_t i;
    sim s;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, rights);
    if (nrights == 0)
        return ipl__fail(err, IPL_EINVAL, "nrights", "a bundle needs at least one right");
    if (inputs == NULL && ninputs > 0)
        return ipl__fail(err, IPL_EINVAL, "inputs", "must not be NULL with %zu inputs",
                         ninputs);
    if ((rc = check_options(&o, opts, err)) < 0)
        return rc;
    memset(&s, 0, sizeof s);
    s.rights = rights;
    s.nrights = nrights;
    s.inputs = inputs;
    s.ninputs = ninputs;
    s.paths = o.paths;
    s.nblocks = (o.paths + IPL_MONTECARLO_BLOCK - 1) / IPL_MONTECARLO_BLOCK;
    s.seed = o.seed;
    mc = ipl__calloc(1, sizeof *mc);
    s.plans = ipl__calloc(nrights, sizeof *s.plans);
    s.kernels = ipl__calloc(nrights, sizeof *s.kernels);
    s.dists = ipl__calloc(ninputs ? ninputs : 1, sizeof *s.dists);
    s.chol = o.correlation != NULL && ninputs > 0
             ? ipl__calloc(ninputs * ninputs, sizeof *s.chol) : NULL;
    /* Written in full before they are read: no need to zero them. */
    scratch = ipl__malloc(2 * o.paths * sizeof *scratch);
    if (mc != NULL) {
        mc->paths = o.paths;
        mc->nbins = o.bins;
        mc->values = s.values = ipl__malloc(o.paths * sizeof *mc->values);
        mc->bins = ipl__calloc(o.bins, sizeof *mc->bins);
    }
    if (mc == NULL || s.plans == NULL || s.kernels == NULL || s.dists == NULL ||
        mc->values == NULL ||
        mc->bins == NULL || scratch == NULL ||
        (o.correlation != NULL && ninputs > 0 && s.chol == NULL))
        rc = ipl__fail(err, IPL_ENOMEM, "montecarlo", "out of memory");
    else
        rc = simulate(mc, &s, &o, scratch, err);
    ipl__free(scratch);
    for (i = 0; s.kernels != NULL && i < nrights; i++)
        ipl__kernel_free(&s.kernels[i]);
    ipl__free(s.kernels);
    ipl__free(s.plans);
    ipl__free(s.dists);
    ipl__free(s.chol);
    if (rc < 0) {
        ipl_montecarlo_free(mc);
        return rc;
    }
    *out = mc;
    return IPL_OK;
}
