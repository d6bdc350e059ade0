/* Fund adequacy: Monte Carlo of the funds' compensation outflows for a
 * portfolio (ipl_compensation_simulate() in
 * include/ipledge/compensation.h). */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <gsl/gsl_rng.h>
#include <gsl/gsl_sort.h>
#include <gsl/gsl_statistics_double.h>

#include "ipledge/compensation.h"
#include "ipledge/currency.h"
#include "alloc_internal.h"
#include "error_internal.h"
#include "money_internal.h"
#include "compensation_internal.h"

/* Scenarios per random stream: block b draws its scenarios from its own
 * generator seeded from (seed, b), so blocks may run in any order or
 * on any number of threads with the same result. */
#define SIM_BLOCK 1024u
#define SIM_MAX_SCENARIOS 10000000u
#define SIM_MAX_THREADS 256u

/* One loan reduced to what a scenario needs. */
typedef struct sim__loan {
    /* MT19937 draws 32-bit integers, and gsl_rng_uniform() is one over
     * 2^32; u < pd exactly when the integer is below ⌈pd × 2^32⌉, so
     * the draw is compared as an integer, without the division. */
    uint64_t threshold;
    double payout;     /* the funds' payout if it defaults, major units */
} sim__loan;

/* What every worker reads. */
typedef struct sim__shared {
    const sim__loan *loans;
    size_t n;
    unsigned years;
    double fund;       /* balance at the start */
    double bank_cap;   /* yearly total cap, or HUGE_VAL */
    uint64_t seed;
    unsigned scenarios;
    double *payouts;   /* one per scenario; each worker writes its own blocks */
} sim__shared;

/* One worker: blocks first, first + step, first + 2 × step, ... */
typedef struct sim__worker {
    const sim__shared *sh;
    unsigned first, step;
    unsigned char *defaulted;  /* per loan, for the scenario in hand */
    gsl_rng rng;               /* type and state owned by the worker */
    unsigned exhausted;        /* scenarios that exhausted the fund */
    pthread_t thread;
    int started;
} sim__worker;

int
ipl_compensation_sim_options_init(ipl_compensation_sim_options *opts,
                                  unsigned int version)
{
    if (opts == NULL)
        return IPL_EINVAL;
    if (version != IPL_COMPENSATION_SIM_OPTIONS_VERSION)
        return IPL_EVERSION;
    memset(opts, 0, sizeof *opts);
    opts->version = version;
    return IPL_OK;
}

/* SplitMix64: spreads (seed, block) over the 64-bit space so that
 * neighbouring blocks get unrelated generator seeds. */
static uint64_t
sim__mix(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

static int
sim__check_options(const ipl_compensation_sim_options *o, const char *cur,
                   ipl_error *err)
{
    IPL__CHECK_ARG(err, o);
    if (o->version != IPL_COMPENSATION_SIM_OPTIONS_VERSION)
        return ipl__fail(err, IPL_EVERSION, "opts.version", "unknown version %u",
                         o->version);
    if (o->scenarios > SIM_MAX_SCENARIOS)
        return ipl__fail(err, IPL_EINVAL, "opts.scenarios", "must be 0..%u, got %u",
                         SIM_MAX_SCENARIOS, o->scenarios);
    if (o->threads > SIM_MAX_THREADS)
        return ipl__fail(err, IPL_EINVAL, "opts.threads", "must be 0..%u, got %u",
                         SIM_MAX_THREADS, o->threads);
    if (o->years > 100)
        return ipl__fail(err, IPL_EINVAL, "opts.years", "must be 0..100, got %u",
                         o->years);
    if (o->fund_balance.minor <= 0 || strncmp(o->fund_balance.currency, cur, 4) != 0)
        return ipl__fail(err, IPL_EINVAL, "opts.fund_balance",
                         "must be > 0 and in %s", cur);
    return IPL_OK;
}

/* The funds' payout for each loan's default, in major units: the loss
 * × IP share up to the covered cap, × the funds' share of the loan's
 * tier, up to the per-loan and per-borrower-year caps. */
static int
sim__loans(sim__loan *out, const ipl_compensation_exposure *loans, size_t n,
           const ipl_compensation_regime *r, double scale, ipl_error *err)
{
    size_t i, tier;
    int rc;

    for (i = 0; i < n; i++) {
        const ipl_compensation_exposure *e = &loans[i];
        double covered, pay, ip = e->ip_share > 0.0 ? e->ip_share : 1.0;
        char where[40];

        snprintf(where, sizeof where, "loans[%zu]", i);
        if (e->principal.minor <= 0
            || strncmp(e->principal.currency, loans[0].principal.currency, 4) != 0)
            return ipl__fail(err, IPL_EINVAL, where,
                             "principal must be > 0 and in %s", loans[0].principal.currency);
        if (!(e->pd >= 0.0 && e->pd <= 1.0) || !(e->lgd >= 0.0 && e->lgd <= 1.0)
            || !(e->ip_share >= 0.0 && e->ip_share <= 1.0))
            return ipl__fail(err, IPL_EINVAL, where,
                             "pd, lgd and ip_share must be fractions in [0, 1]");
        if ((rc = ipl__comp_tier(&tier, r, e->principal.minor, where, err)) < 0)
            return rc;
        covered = ip < r->min_ip_share ? 0.0 : (double)e->principal.minor * e->lgd * ip;
        if (r->cap_covered_per_loan.minor > 0)
            covered = fmin(covered, (double)r->cap_covered_per_loan.minor);
        pay = covered * (double)ipl__comp_fund_bp(r, tier) / IPL_COMPENSATION_BP;
        if (r->cap_payout_per_loan.minor > 0)
            pay = fmin(pay, (double)r->cap_payout_per_loan.minor);
        if (r->cap_borrower_year.minor > 0)
            pay = fmin(pay, (double)r->cap_borrower_year.minor);
        out[i].threshold = (uint64_t)ceil(e->pd * 4294967296.0);
        out[i].payout = pay / scale;
    }
    return IPL_OK;
}

/* One scenario: the funds' total payout over the horizon; *exhausted
 * when claims outran the balance. */
static double
sim__scenario(sim__worker *w, int *exhausted)
{
    const sim__shared *sh = w->sh;
    double balance = sh->fund, paid = 0.0;
    unsigned y;
    size_t i;

    memset(w->defaulted, 0, sh->n);
    *exhausted = 0;
    for (y = 0; y < sh->years; y++) {
        double claims = 0.0;

        for (i = 0; i < sh->n; i++)
            if (!w->defaulted[i] && gsl_rng_get(&w->rng) < sh->loans[i].threshold) {
                w->defaulted[i] = 1;
                claims += sh->loans[i].payout;
            }
        claims = fmin(claims, sh->bank_cap);
        if (claims > balance) {
            *exhausted = 1;
            claims = balance;
        }
        balance -= claims;
        paid += claims;
    }
    return paid;
}

/* Runs a worker's blocks, each from its own stream. */
static void *
sim__work(void *arg)
{
    sim__worker *w = arg;
    const sim__shared *sh = w->sh;
    unsigned b, s;

    for (b = w->first; b * SIM_BLOCK < sh->scenarios; b += w->step) {
        unsigned last = sh->scenarios - b * SIM_BLOCK > SIM_BLOCK
                      ? (b + 1) * SIM_BLOCK : sh->scenarios;

        gsl_rng_set(&w->rng, (unsigned long)sim__mix(sh->seed ^ sim__mix(b)));
        for (s = b * SIM_BLOCK; s < last; s++) {
            int ex;

            sh->payouts[s] = sim__scenario(w, &ex);
            w->exhausted += (unsigned)ex;
        }
    }
    return NULL;
}

/* Runs the workers: all but the first on threads of their own (or, if a
 * thread cannot start, in this one afterwards: the result is the same). */
static unsigned
sim__run(sim__worker *w, unsigned threads)
{
    unsigned t, exhausted = 0;

    for (t = 1; t < threads; t++)
        w[t].started = pthread_create(&w[t].thread, NULL, sim__work, &w[t]) == 0;
    sim__work(&w[0]);
    for (t = 1; t < threads; t++)
        if (w[t].started)
            pthread_join(w[t].thread, NULL);
        else
            sim__work(&w[t]);
    for (t = 0; t < threads; t++)
        exhausted += w[t].exhausted;
    return exhausted;
}

static void
sim__figures(ipl_compensation_sim_result *out, double *payouts, unsigned scenarios,
             unsigned exhausted, double leverage)
{
    out->expected_payout = gsl_stats_mean(payouts, 1, scenarios);
    gsl_sort(payouts, 1, scenarios);
    out->p95_payout = gsl_stats_quantile_from_sorted_data(payouts, 1, scenarios, 0.95);
    out->prob_exhaustion = (double)exhausted / scenarios;
    out->leverage = leverage;
    out->scenarios = scenarios;
}

static void
sim__free_workers(sim__worker *w, unsigned threads)
{
    unsigned t;

    for (t = 0; w != NULL && t < threads; t++) {
        ipl__free(w[t].defaulted);
        ipl__free(w[t].rng.state);
    }
    ipl__free(w);
}

static sim__worker *
sim__workers(const sim__shared *sh, unsigned threads)
{
    sim__worker *w = ipl__calloc(threads, sizeof *w);
    unsigned t;

    for (t = 0; w != NULL && t < threads; t++) {
        w[t].sh = sh;
        w[t].first = t;
        w[t].step = threads;
        w[t].rng.type = gsl_rng_mt19937;
        if ((w[t].defaulted = ipl__calloc(sh->n, 1)) == NULL
            || (w[t].rng.state = ipl__calloc(1, gsl_rng_mt19937->size)) == NULL) {
            sim__free_workers(w, t + 1);
            return NULL;
        }
    }
    return w;
}

/* The shared inputs: payout table, horizon, fund, the bank's cap. */
static int
sim__prepare(sim__shared *sh, sim__loan *table, double *total,
             const ipl_compensation_exposure *loans,
             size_t n, const ipl_compensation_regime *r,
             const ipl_compensation_sim_options *o, double scale, ipl_error *err)
{
    size_t i;
    int rc;

    if ((rc = sim__loans(table, loans, n, r, scale, err)) < 0)
        return rc;
    for (*total = 0.0, i = 0; i < n; i++)
        *total += (double)loans[i].principal.minor / scale;
    sh->years = o->years == 0 ? 1 : o->years;
    sh->fund = (double)o->fund_balance.minor / scale;
    sh->bank_cap = r->cap_bank_year.minor > 0 ? (double)r->cap_bank_year.minor / scale
                                              : HUGE_VAL;
    if (r->cap_bank_year_fraction > 0.0)     /* the portfolio is the new loans */
        sh->bank_cap = fmin(sh->bank_cap, r->cap_bank_year_fraction * *total);
    sh->seed = o->seed;
    return IPL_OK;
}

int
ipl_compensation_simulate(ipl_compensation_sim_result *out,
                          const ipl_compensation_exposure *loans, size_t n,
                          const ipl_compensation_regime *regime,
                          const ipl_compensation_sim_options *opts, ipl_error *err)
{
    const char *cur;
    sim__shared sh;
    sim__loan *table;
    sim__worker *workers = NULL;
    double scale, total;
    unsigned threads;
    ipl_rounding how;
    size_t lender;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, loans);
    if (n == 0)
        return ipl__fail(err, IPL_EINVAL, "n", "the portfolio must hold a loan");
    if ((rc = ipl__money_check(&loans[0].principal, "loans[0]", err)) < 0)
        return rc;
    cur = loans[0].principal.currency;
    if ((rc = ipl__comp_check_regime(regime, cur, &how, &lender, err)) < 0
        || (rc = sim__check_options(opts, cur, err)) < 0)
        return rc;
    memset(&sh, 0, sizeof sh);
    sh.n = n;
    sh.scenarios = opts->scenarios == 0 ? 10000u : opts->scenarios;
    threads = opts->threads == 0 ? 1u : opts->threads;
    scale = pow(10.0, ipl_currency_exponent(cur));

    sh.loans = table = ipl__calloc(n, sizeof *table);
    sh.payouts = ipl__calloc(sh.scenarios, sizeof *sh.payouts);
    if (table == NULL || sh.payouts == NULL || (workers = sim__workers(&sh, threads)) == NULL)
        rc = ipl__fail(err, IPL_ENOMEM, "simulation",
                       "cannot allocate for %zu loans, %u scenarios and %u threads", n,
                       sh.scenarios, threads);
    else if ((rc = sim__prepare(&sh, table, &total, loans, n, regime, opts, scale,
                                err)) == IPL_OK)
        sim__figures(out, sh.payouts, sh.scenarios, sim__run(workers, threads),
                     total / sh.fund);
    sim__free_workers(workers, threads);
    ipl__free(sh.payouts);
    ipl__free(table);
    return rc;
}
