/* Benchmark: 1,000,000 thirty-six-month annuity schedules, one object
 * each and in batches, and the fund-adequacy simulation, through the
 * public API. Prints one
 * "key value" line per figure; `make bench-schedule` hands them to
 * schedule_numpy.py, which times the numpy equivalent in the same run
 * and prints the ratios. Times are the process's CPU time, as numpy's
 * are: the benchmark machines are shared, and wall time would count
 * the other processes too. Only the comparison of 1 with 2 threads
 * needs wall time. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ipledge.h>

#define LOANS 1000000
#define PORTFOLIO 1000
#define SCENARIOS 20000
#define YEARS 3

static ipl_money
cny(int64_t minor)
{
    ipl_money m;

    m.minor = minor;
    memcpy(m.currency, "CNY", 4);
    return m;
}

/* Seconds on the given clock: CLOCK_PROCESS_CPUTIME_ID or CLOCK_MONOTONIC. */
static double
now(clockid_t clock)
{
    struct timespec ts;

    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
cpu(void)
{
    return now(CLOCK_PROCESS_CPUTIME_ID);
}

/* Loan i: CNY 1,000,000.00 + i fen at 3.00 % .. 3.99 %, 30/360. */
static int
schedules(double *seconds, long long *interest)
{
    ipl_loan_terms t = IPL_LOAN_TERMS_INIT;
    ipl_error err;
    double t0 = cpu();
    long i;

    t.principal = cny(0);
    t.start.year = 2024;
    t.start.month = 1;
    t.start.day = 15;
    t.periods = 36;
    t.method = IPL_LOAN_ANNUITY;
    t.daycount = IPL_DC_30_360;
    *interest = 0;
    for (i = 0; i < LOANS; i++) {
        ipl_loan_schedule *s;

        t.principal.minor = 100000000 + i;
        t.rate = 0.03 + (double)(i % 100) / 10000.0;
        if (ipl_loan_schedule_new(&s, &t, &err) < 0) {
            fprintf(stderr, "bench_schedule: loan %ld: %s\n", i, err.message);
            return 0;
        }
        *interest += ipl_loan_schedule_totals(s)->interest.minor;
        ipl_loan_schedule_free(s);
    }
    *seconds = cpu() - t0;
    return 1;
}

/* The same loans through ipl_loan_schedule_batch(), CHUNK at a time:
 * filling in the terms is part of the work, as building the arrays is
 * on the numpy side. */
#define CHUNK 1000

static int
batch_schedules(double *seconds, long long *interest)
{
    static ipl_loan_terms t[CHUNK];
    static int64_t chunk_interest[CHUNK];
    ipl_loan_batch_outputs out = IPL_LOAN_BATCH_OUTPUTS_INIT;
    ipl_error err;
    double t0 = cpu();
    long i, j;

    out.interest = chunk_interest;
    *interest = 0;
    for (i = 0; i < LOANS; i += CHUNK) {
        for (j = 0; j < CHUNK; j++) {
            ipl_loan_terms *l = &t[j];

            ipl_loan_terms_init(l, IPL_LOAN_TERMS_VERSION);
            l->principal = cny(100000000 + i + j);
            l->start.year = 2024;
            l->start.month = 1;
            l->start.day = 15;
            l->periods = 36;
            l->method = IPL_LOAN_ANNUITY;
            l->daycount = IPL_DC_30_360;
            l->rate = 0.03 + (double)((i + j) % 100) / 10000.0;
        }
        if (ipl_loan_schedule_batch(&out, t, CHUNK, &err) < 0) {
            fprintf(stderr, "bench_schedule: batch %ld: %s: %s\n", i, err.where,
                    err.message);
            return 0;
        }
        for (j = 0; j < CHUNK; j++)
            *interest += chunk_interest[j];
    }
    *seconds = cpu() - t0;
    return 1;
}

/* 1,000 loans of CNY 1,000,000.00, pd 2 %, lgd 60 %; fund 80 % / bank
 * 20 %; fund balance CNY 35,000,000.00; 20,000 scenarios over 3 years. */
static int
simulation(double *seconds, double *wall, ipl_compensation_sim_result *res,
           unsigned threads)
{
    static ipl_compensation_exposure loans[PORTFOLIO];
    ipl_compensation_regime r;
    ipl_compensation_sim_options o;
    ipl_error err;
    double t0;
    size_t i;

    ipl_compensation_regime_init(&r, IPL_COMPENSATION_REGIME_VERSION);
    r.n_parties = 2;
    r.n_tiers = 1;
    snprintf(r.parties[0].name, sizeof r.parties[0].name, "fund");
    r.parties[0].role = IPL_COMPENSATION_FUND;
    snprintf(r.parties[1].name, sizeof r.parties[1].name, "bank");
    r.parties[1].role = IPL_COMPENSATION_LENDER;
    r.tiers[0].shares[0] = 8000;
    r.tiers[0].shares[1] = 2000;
    for (i = 0; i < PORTFOLIO; i++) {
        loans[i].principal = cny(100000000);
        loans[i].pd = 0.02;
        loans[i].lgd = 0.6;
        loans[i].ip_share = 1.0;
    }
    ipl_compensation_sim_options_init(&o, IPL_COMPENSATION_SIM_OPTIONS_VERSION);
    o.seed = 42;
    o.scenarios = SCENARIOS;
    o.years = YEARS;
    o.threads = threads;
    o.fund_balance = cny(3500000000);
    t0 = cpu();
    *wall = now(CLOCK_MONOTONIC);
    if (ipl_compensation_simulate(res, loans, PORTFOLIO, &r, &o, &err) < 0) {
        fprintf(stderr, "bench_schedule: simulation: %s\n", err.message);
        return 0;
    }
    *wall = now(CLOCK_MONOTONIC) - *wall;
    *seconds = cpu() - t0;
    return 1;
}

int
main(void)
{
    ipl_compensation_sim_result res, res2;
    double sched_s, batch_s, sim_s, sim_wall, sim2_s, sim2_wall;
    long long interest, batch_interest;

    if (ipl_init() < 0 || !schedules(&sched_s, &interest)
        || !batch_schedules(&batch_s, &batch_interest)
        || !simulation(&sim_s, &sim_wall, &res, 1)
        || !simulation(&sim2_s, &sim2_wall, &res2, 2))
        return 1;
    if (res.expected_payout < res2.expected_payout || res.expected_payout > res2.expected_payout) {
        fputs("bench_schedule: 1 and 2 threads disagree\n", stderr);
        return 1;
    }
    if (interest != batch_interest) {
        fputs("bench_schedule: the batch and the objects disagree\n", stderr);
        return 1;
    }
    printf("schedule_loans %d\nschedule_seconds %.6f\nschedule_interest_minor %lld\n"
           "batch_seconds %.6f\n", LOANS, sched_s, interest, batch_s);
    printf("sim_loans %d\nsim_scenarios %d\nsim_years %d\nsim_seconds %.6f\n"
           "sim_expected_payout %.2f\nsim_p95_payout %.2f\nsim_prob_exhaustion %.6f\n"
           "sim_leverage %.4f\nsim_wall_seconds %.6f\nsim_wall_seconds_2_threads %.6f\n",
           PORTFOLIO, SCENARIOS, YEARS, sim_s, res.expected_payout, res.p95_payout,
           res.prob_exhaustion, res.leverage, sim_wall, sim2_wall);
    ipl_shutdown();
    return 0;
}
