/* Fund adequacy: Monte Carlo of the funds' compensation outflows for a
 * portfolio (ipl_compensation_simulate() in
 * include/ipledge/compensation.h). */
#include <math.h>
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

/* One loan reduced to what a scenario needs. */
typedef struct sim__loan {
    double pd;
    double payout;     /* the funds' payout if it defaults, major units */
} sim__loan;

typedef struct sim__run {
    const sim__loan *loans;
    size_t n;
    unsigned years;
    double fund;       /* balance at the start */
    double bank_cap;   /* yearly total cap, or HUGE_VAL */
    unsigned char *defaulted;
    gsl_rng rng;       /* type and state owned by the caller */
} sim__run;

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
        covered = (double)e->principal.minor * e->lgd * ip;
        if (r->cap_covered_per_loan.minor > 0)
            covered = fmin(covered, (double)r->cap_covered_per_loan.minor);
        pay = covered * (double)ipl__comp_fund_bp(r, tier) / IPL_COMPENSATION_BP;
        if (r->cap_payout_per_loan.minor > 0)
            pay = fmin(pay, (double)r->cap_payout_per_loan.minor);
        if (r->cap_borrower_year.minor > 0)
            pay = fmin(pay, (double)r->cap_borrower_year.minor);
        out[i].pd = e->pd;
        out[i].payout = pay / scale;
    }
    return IPL_OK;
}

/* One scenario: the funds' total payout over the horizon; *exhausted
 * when claims outran the balance. */
static double
sim__scenario(sim__run *run, int *exhausted)
{
    double balance = run->fund, paid = 0.0;
    unsigned y;
    size_t i;

    memset(run->defaulted, 0, run->n);
    *exhausted = 0;
    for (y = 0; y < run->years; y++) {
        double claims = 0.0;

        for (i = 0; i < run->n; i++)
            if (!run->defaulted[i] && gsl_rng_uniform(&run->rng) < run->loans[i].pd) {
                run->defaulted[i] = 1;
                claims += run->loans[i].payout;
            }
        claims = fmin(claims, run->bank_cap);
        if (claims > balance) {
            *exhausted = 1;
            claims = balance;
        }
        balance -= claims;
        paid += claims;
    }
    return paid;
}

static void
sim__blocks(double *payouts, unsigned scenarios, unsigned *exhausted, sim__run *run,
            uint64_t seed)
{
    unsigned b, s;

    *exhausted = 0;
    for (b = 0; b * SIM_BLOCK < scenarios; b++) {
        unsigned last = (b + 1) * SIM_BLOCK < scenarios ? (b + 1) * SIM_BLOCK : scenarios;

        gsl_rng_set(&run->rng, (unsigned long)sim__mix(seed ^ sim__mix(b)));
        for (s = b * SIM_BLOCK; s < last; s++) {
            int ex;

            payouts[s] = sim__scenario(run, &ex);
            *exhausted += (unsigned)ex;
        }
    }
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

int
ipl_compensation_simulate(ipl_compensation_sim_result *out,
                          const ipl_compensation_exposure *loans, size_t n,
                          const ipl_compensation_regime *regime,
                          const ipl_compensation_sim_options *opts, ipl_error *err)
{
    const char *cur;
    sim__run run;
    sim__loan *table = NULL;
    double *payouts = NULL, scale, total = 0.0;
    unsigned scenarios, exhausted;
    ipl_rounding how;
    size_t lender, i;
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
    scenarios = opts->scenarios == 0 ? 10000u : opts->scenarios;
    scale = pow(10.0, ipl_currency_exponent(cur));

    memset(&run, 0, sizeof run);
    run.rng.type = gsl_rng_mt19937;
    table = ipl__calloc(n, sizeof *table);
    payouts = ipl__calloc(scenarios, sizeof *payouts);
    run.defaulted = ipl__calloc(n, 1);
    run.rng.state = ipl__calloc(1, gsl_rng_mt19937->size);
    if (table == NULL || payouts == NULL || run.defaulted == NULL || run.rng.state == NULL)
        rc = ipl__fail(err, IPL_ENOMEM, "simulation",
                       "cannot allocate for %zu loans and %u scenarios", n, scenarios);
    else if ((rc = sim__loans(table, loans, n, regime, scale, err)) == IPL_OK) {
        for (i = 0; i < n; i++)
            total += (double)loans[i].principal.minor / scale;
        run.loans = table;
        run.n = n;
        run.years = opts->years == 0 ? 1 : opts->years;
        run.fund = (double)opts->fund_balance.minor / scale;
        run.bank_cap = regime->cap_bank_year.minor > 0
                     ? (double)regime->cap_bank_year.minor / scale : HUGE_VAL;
        sim__blocks(payouts, scenarios, &exhausted, &run, opts->seed);
        sim__figures(out, payouts, scenarios, exhausted, total / run.fund);
    }
    ipl__free(run.rng.state);
    ipl__free(run.defaulted);
    ipl__free(payouts);
    ipl__free(table);
    return rc;
}
