/* A finished simulation: its statistics and accessors. */
#include <math.h>
#include <string.h>

#include "alloc_internal.h"
#include "montecarlo_internal.h"

enum { BITS = 11, BUCKETS = 1 << BITS, PASSES = (64 + BITS - 1) / BITS };

/* A key that orders like the double (no NaN): every bit of a negative
 * flipped, the sign bit of a positive set. */
static uint64_t
key(double x)
{
    uint64_t k;

    memcpy(&k, &x, sizeof k);
    return k >> 63 ? ~k : k | (1ULL << 63);
}

static double
unkey(uint64_t k)
{
    double x;

    k = k >> 63 ? k & ~(1ULL << 63) : ~k;
    memcpy(&x, &k, sizeof x);
    return x;
}

/* Sorts n doubles (no NaN) ascending: an LSD radix sort on their keys,
 * 11 bits a pass, O(n), against O(n log n) comparisons through a
 * function pointer for qsort(). Every pass's counts come from one read
 * of the keys, and a pass whose digit is the same in every key (the
 * sign and the exponent's high bits, as a rule) is skipped. tmp has
 * room for n keys; v holds the other n while sorting. */
static void
radix_sort(double *v, uint64_t *tmp, size_t n)
{
    static const uint64_t mask = BUCKETS - 1;
    uint32_t count[PASSES][BUCKETS];
    uint64_t *from = tmp, *to = (uint64_t *)(void *)v, *swap;
    size_t i, pass;

    memset(count, 0, sizeof count);
    for (i = 0; i < n; i++) {
        uint64_t k = key(v[i]);

        tmp[i] = k;
#pragma GCC unroll 8
        for (pass = 0; pass < PASSES; pass++)
            count[pass][(k >> (pass * BITS)) & mask]++;
    }
    for (pass = 0; pass < PASSES; pass++) {
        uint32_t *c = count[pass], sum = 0;
        unsigned shift = (unsigned)(pass * BITS);

        if (c[(from[0] >> shift) & mask] == n)
            continue;
        for (i = 0; i < BUCKETS; i++) {
            uint32_t x = c[i];

            c[i] = sum;
            sum += x;
        }
        for (i = 0; i < n; i++)
            to[c[(from[i] >> shift) & mask]++] = from[i];
        swap = from, from = to, to = swap;
    }
    for (i = 0; i < n; i++)
        v[i] = unkey(from[i]);
}

/* at[0], at[1] = x, at[0] when swap, else at[0], x: by masks, since a
 * compiler may turn a conditional into a branch. */
static inline void
ordered_pair(double *at, double x, size_t swap)
{
    uint64_t a, b, m = (uint64_t)0 - (uint64_t)swap;

    memcpy(&a, &at[0], sizeof a);
    memcpy(&b, &x, sizeof b);
    a ^= b;                                  /* a ⊕ x */
    b ^= a & m;                              /* swap: at[0]; else x */
    a ^= b;                                  /* the other one */
    memcpy(&at[0], &a, sizeof a);
    memcpy(&at[1], &b, sizeof b);
}

/* Sorts n finite doubles ascending by their place between the least lo
 * and the greatest hi: 2n buckets of equal width (most values alone in
 * theirs), filled in one pass
 * (the map from value to bucket is monotone, rounding included), then
 * an insertion sort, which only moves values within their bucket. For
 * the smooth distributions of simulated values that is about one move a
 * value: a third of the radix sort's work. A lumpy distribution makes
 * many moves; past 4n the sort gives up, leaving v a permutation of its
 * values, and returns 0. tmp has room for 2n doubles. */
static int
bucket_sort(double *v, double *tmp, size_t n, double lo, double hi)
{
    double *out = tmp, scale = (double)(2 * n) / (hi - lo);
    uint32_t *start = (uint32_t *)(void *)(tmp + n), sum;
    size_t i, moves, top = 2 * n - 1;

    memset(start, 0, 2 * n * sizeof *start);
    for (i = 0; i < n; i++) {
        size_t b = (size_t)((v[i] - lo) * scale);

        start[b < top ? b : top]++;
    }
    for (i = 0, sum = 0; i <= top; i++) {
        uint32_t c = start[i];

        start[i] = sum;
        sum += c;
    }
    for (i = 0; i < n; i++) {
        size_t b = (size_t)((v[i] - lo) * scale);

        out[start[b < top ? b : top]++] = v[i];
    }
    /* The insertion's first step without a branch, by a min and a max:
     * most values move no place or one, but which do no predictor can
     * guess. Only a value going further takes the loop. */
    v[0] = out[0];
    for (i = 1, moves = 0; i < n; i++) {
        double x = out[i];
        size_t j = i - 1, swap = x < v[j];

        ordered_pair(&v[j], x, swap);
        moves += swap;
        if (j > 0 && v[j - 1] > v[j]) {
            size_t from = j;

            for (x = v[j]; j > 0 && v[j - 1] > x; j--)
                v[j] = v[j - 1];
            v[j] = x;
            moves += from - j;
        }
        if (moves > 4 * n) {
            memcpy(&v[i + 1], &out[i + 1], (n - i - 1) * sizeof *v);
            return 0;
        }
    }
    return 1;
}

/* Sorts the n values; tmp has room for 2n. */
static void
sort_values(double *v, uint64_t *tmp, size_t n, double lo, double hi)
{
    /* All equal: sorted. Otherwise the buckets need a finite width. */
    if (!(hi > lo))
        return;
    if (isinf(hi - lo) || isinf((double)(2 * n) / (hi - lo)) || !bucket_sort(v, (double *)(void *)tmp, n, lo, hi))
        radix_sort(v, tmp, n);
}

/* The bin of value x: its place from lo in widths, the last bin taking
 * the greatest value. */
static size_t
bin_of(const ipl_montecarlo *mc, double x, double lo, double width)
{
    size_t k = width > 0 ? (size_t)((x - lo) / width) : 0;

    return k < mc->nbins ? k : mc->nbins - 1;
}

/* Counts the sorted values per bin. bin_of() never decreases along
 * them, so each bin is a run, found by bisection: a few dozen divisions
 * instead of one per value. */
static void
count_bins(ipl_montecarlo *mc, double lo, double width)
{
    size_t k, first = 0;

    for (k = 0; k < mc->nbins; k++) {
        size_t a = first, b = mc->paths;   /* the run of bin k is [first, b) */

        while (a < b) {
            size_t mid = a + (b - a) / 2;

            if (bin_of(mc, mc->values[mid], lo, width) > k)
                b = mid;
            else
                a = mid + 1;
        }
        mc->bins[k] = a - first;
        first = a;
    }
}

static inline double
power_of(double d, int power)
{
    return power == 1 ? d : d * d;
}

/* Σ (x_i − c)^power for power 1 or 2, in four partial sums (values i,
 * i + 4, …) added at the end: the sums do not wait on each other, and
 * the rounding error grows more slowly than in one sum. */
static double
sum_powers(const double *x, size_t n, double c, int power)
{
    double p0 = 0, p1 = 0, p2 = 0, p3 = 0;
    size_t i;

    for (i = 0; i + 4 <= n; i += 4) {
        p0 += power_of(x[i] - c, power);
        p1 += power_of(x[i + 1] - c, power);
        p2 += power_of(x[i + 2] - c, power);
        p3 += power_of(x[i + 3] - c, power);
    }
    for (; i < n; i++)
        p0 += power_of(x[i] - c, power);
    return p0 + p1 + p2 + p3;
}

/* The least and the greatest of the n values, in four running pairs
 * (values i, i + 4, …): one pair would wait on every comparison. */
static void
range(double *lo, double *hi, const double *x, size_t n)
{
    double l[4], h[4];
    size_t i, k;

    for (k = 0; k < 4; k++)
        l[k] = h[k] = x[0];
    for (i = 0; i + 4 <= n; i += 4)
        for (k = 0; k < 4; k++) {
            l[k] = x[i + k] < l[k] ? x[i + k] : l[k];
            h[k] = x[i + k] > h[k] ? x[i + k] : h[k];
        }
    for (; i < n; i++) {
        l[0] = x[i] < l[0] ? x[i] : l[0];
        h[0] = x[i] > h[0] ? x[i] : h[0];
    }
    for (k = 1; k < 4; k++) {
        l[0] = l[k] < l[0] ? l[k] : l[0];
        h[0] = h[k] > h[0] ? h[k] : h[0];
    }
    *lo = l[0];
    *hi = h[0];
}

void
ipl__montecarlo_summarise(ipl_montecarlo *mc, uint64_t *tmp)
{
    double lo, hi, width;
    size_t n = mc->paths;

    range(&lo, &hi, mc->values, n);
    mc->mean = sum_powers(mc->values, n, 0, 1) / (double)n;
    mc->sd = n > 1 ? sqrt(sum_powers(mc->values, n, mc->mean, 2) / (double)(n - 1)) : 0;
    sort_values(mc->values, tmp, n, lo, hi);
    lo = mc->values[0];
    width = (mc->values[n - 1] - lo) / (double)mc->nbins;
    count_bins(mc, lo, width);
}

void
ipl_montecarlo_free(ipl_montecarlo *mc)
{
    if (mc == NULL)
        return;
    ipl__free(mc->values);
    ipl__free(mc->bins);
    ipl__free(mc);
}

size_t
ipl_montecarlo_paths(const ipl_montecarlo *mc)
{
    return mc != NULL ? mc->paths : 0;
}

double
ipl_montecarlo_deterministic(const ipl_montecarlo *mc)
{
    return mc != NULL ? mc->deterministic : NAN;
}

double
ipl_montecarlo_mean(const ipl_montecarlo *mc)
{
    return mc != NULL ? mc->mean : NAN;
}

double
ipl_montecarlo_sd(const ipl_montecarlo *mc)
{
    return mc != NULL ? mc->sd : NAN;
}

double
ipl_montecarlo_quantile(const ipl_montecarlo *mc, double p)
{
    double h, f;
    size_t k;

    if (mc == NULL || !(p >= 0 && p <= 1))
        return NAN;
    h = (double)(mc->paths - 1) * p;
    k = (size_t)h;
    f = h - (double)k;
    if (k + 1 >= mc->paths)
        return mc->values[mc->paths - 1];
    return mc->values[k] + f * (mc->values[k + 1] - mc->values[k]);
}

const double *
ipl_montecarlo_values(const ipl_montecarlo *mc)
{
    return mc != NULL ? mc->values : NULL;
}

size_t
ipl_montecarlo_bin_count(const ipl_montecarlo *mc)
{
    return mc != NULL ? mc->nbins : 0;
}

int
ipl_montecarlo_bin(double *lower, double *upper, size_t *count,
                   const ipl_montecarlo *mc, size_t i, ipl_error *err)
{
    double lo, width;

    IPL__CHECK_ARG(err, lower);
    IPL__CHECK_ARG(err, upper);
    IPL__CHECK_ARG(err, count);
    IPL__CHECK_ARG(err, mc);
    if (i >= mc->nbins)
        return ipl__fail(err, IPL_EINVAL, "i", "bin %zu of %zu", i, mc->nbins);
    lo = mc->values[0];
    width = (mc->values[mc->paths - 1] - lo) / (double)mc->nbins;
    *lower = lo + width * (double)i;
    *upper = i + 1 == mc->nbins ? mc->values[mc->paths - 1] : lo + width * (double)(i + 1);
    *count = mc->bins[i];
    return IPL_OK;
}
