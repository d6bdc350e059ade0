/* The C half of `make bench-value` (tests/bench/bench_value.py is the
 * driver and the numpy half). Reads the cases the driver wrote, values
 * them with ipledge, writes the values back for comparison and prints
 * timings as "key seconds" lines.
 *
 * usage: bench_value det CASES.bin VALUES.bin THREADS
 *        bench_value mc CASES.bin OUT.bin PATHS THREADS
 * CASES.bin: n × 5 doubles (base_first, base_growth, share, tax_rate,
 * discount_rate), each case 20 years, end of year. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ipledge.h>

#define YEARS 20

static double
now(clockid_t clock)
{
    struct timespec ts;

    clock_gettime(clock, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double *
load(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    double *xs;
    long size;

    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0) {
        perror(path);
        exit(2);
    }
    rewind(f);
    *n = (size_t)size / (5 * sizeof *xs);
    xs = malloc((size_t)size);
    if (xs == NULL || fread(xs, 1, (size_t)size, f) != (size_t)size) {
        perror(path);
        exit(2);
    }
    fclose(f);
    return xs;
}

static void
save(const char *path, const double *xs, size_t n)
{
    FILE *f = fopen(path, "wb");

    if (f == NULL || fwrite(xs, sizeof *xs, n, f) != n || fclose(f) != 0) {
        perror(path);
        exit(2);
    }
}

static ipl_value_income *
blocks(const double *raw, size_t n)
{
    ipl_value_income *cases = calloc(n, sizeof *cases);
    size_t i;

    for (i = 0; cases != NULL && i < n; i++) {
        ipl_value_income_init(&cases[i], IPL_VALUE_INCOME_VERSION);
        cases[i].base_first = raw[5 * i];
        cases[i].base_growth = raw[5 * i + 1];
        cases[i].share = raw[5 * i + 2];
        cases[i].tax_rate = raw[5 * i + 3];
        cases[i].discount_rate = raw[5 * i + 4];
        cases[i].legal_years = YEARS;
    }
    return cases;
}

typedef struct job {
    const ipl_value_income *cases;
    double *values;
    size_t n, paths;
    int rc;
} job;

static void *
run_det(void *arg)
{
    job *j = arg;

    j->rc = ipl_value_income_batch(j->values, j->cases, j->n, NULL);
    return NULL;
}

/* Each case: base scale lognormal (mean 1, sd 0.2), share scale
 * triangular (0.8, 1, 1.2), discount rate normal (rate, 0.01)
 * truncated to [rate − 0.03, rate + 0.03]; the mean value per case. */
static void *
run_mc(void *arg)
{
    job *j = arg;
    size_t i;

    for (i = 0; i < j->n; i++) {
        ipl_montecarlo_right right = { &j->cases[i], NULL };
        ipl_montecarlo_input in[3];
        ipl_montecarlo_options o = IPL_MONTECARLO_OPTIONS_INIT;
        ipl_montecarlo *mc = NULL;
        double r = j->cases[i].discount_rate;

        memset(in, 0, sizeof in);
        in[0].field = IPL_MONTECARLO_BASE_SCALE;
        in[0].dist.kind = IPL_MONTECARLO_LOGNORMAL, in[0].dist.a = 1, in[0].dist.b = 0.2;
        in[1].field = IPL_MONTECARLO_SHARE_SCALE;
        in[1].dist.kind = IPL_MONTECARLO_TRIANGULAR;
        in[1].dist.a = 0.8, in[1].dist.mode = 1, in[1].dist.b = 1.2;
        in[2].field = IPL_MONTECARLO_DISCOUNT_RATE;
        in[2].dist.kind = IPL_MONTECARLO_NORMAL, in[2].dist.a = r, in[2].dist.b = 0.01;
        in[2].dist.truncated = 1, in[2].dist.lower = r - 0.03, in[2].dist.upper = r + 0.03;
        o.paths = j->paths;
        o.seed = i;
        if ((j->rc = ipl_montecarlo_new(&mc, &right, 1, in, 3, &o, NULL)) < 0)
            return NULL;
        j->values[i] = ipl_montecarlo_mean(mc);
        ipl_montecarlo_free(mc);
    }
    return NULL;
}

/* Splits the cases among threads, each valuing its own slice. Returns
 * the wall-clock time; *cpu receives the CPU time of all threads, which
 * is what other load on a shared machine does not inflate. */
static double
timed(double *cpu, void *(*fn)(void *), const ipl_value_income *cases, double *values,
      size_t n, size_t paths, int threads)
{
    pthread_t tid[16];
    job jobs[16];
    double t0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
    int k;

    for (k = 0; k < threads; k++) {
        size_t lo = n * (size_t)k / (size_t)threads, hi = n * (size_t)(k + 1) / (size_t)threads;

        jobs[k].cases = cases + lo;
        jobs[k].values = values + lo;
        jobs[k].n = hi - lo;
        jobs[k].paths = paths;
        jobs[k].rc = 0;
        if (k > 0 && pthread_create(&tid[k], NULL, fn, &jobs[k]) != 0)
            exit(2);
    }
    fn(&jobs[0]);
    for (k = 1; k < threads; k++)
        pthread_join(tid[k], NULL);
    for (k = 0; k < threads; k++)
        if (jobs[k].rc < 0) {
            fprintf(stderr, "bench_value: %s\n", ipl_status_name(jobs[k].rc));
            exit(1);
        }
    *cpu = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
    return now(CLOCK_MONOTONIC) - t0;
}

#define DET_PASSES 10

int
main(int argc, char **argv)
{
    int mc = argc == 6 && strcmp(argv[1], "mc") == 0;
    int threads = atoi(argv[argc - 1]);
    size_t n, paths = mc ? (size_t)atol(argv[4]) : 0;
    double *raw, *values, secs, cpu;
    ipl_value_income *cases;
    /* A deterministic pass takes some 60 ms, in which starting a thread
     * and the machine's other work weigh: its time is the mean of
     * several passes, so that the timed span is as long as numpy's. */
    int rep, reps = mc ? 1 : DET_PASSES;

    if (!(mc || (argc == 5 && strcmp(argv[1], "det") == 0)) || threads < 1 || threads > 16) {
        fputs("usage: bench_value det CASES VALUES THREADS | mc CASES OUT PATHS THREADS\n",
              stderr);
        return 64;
    }
    if (ipl_init() < 0)
        return 1;
    raw = load(argv[2], &n);
    cases = blocks(raw, n);
    values = calloc(n, sizeof *values);
    if (cases == NULL || values == NULL)
        return 2;
    secs = cpu = 0;
    for (rep = 0; rep < reps; rep++) {
        double c;

        secs += timed(&c, mc ? run_mc : run_det, cases, values, n, paths, threads);
        cpu += c;
    }
    printf("seconds %.6f %.6f\n", secs / reps, cpu / reps);
    save(argv[3], values, n);
    free(values);
    free(cases);
    free(raw);
    ipl_shutdown();
    return 0;
}
