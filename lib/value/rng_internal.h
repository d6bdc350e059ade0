/* The random numbers of Monte Carlo: L'Ecuyer's taus2 generator and a
 * ziggurat for standard normals, both inline, so that a block's draws
 * cost no call through GSL's function pointers. Not installed. */
#ifndef IPL_RNG_INTERNAL_H
#define IPL_RNG_INTERNAL_H

#include <stdint.h>

/* taus2 (L'Ecuyer, "Tables of maximally equidistributed combined LFSR
 * generators", Math. Comp. 68, 1999): three 32-bit words, period 2⁸⁸.
 * Seeding and output are GSL's gsl_rng_taus2, bit for bit (the tests
 * compare them), so uniform draws are the ones GSL gave. */
typedef struct ipl__rng {
    uint32_t s1, s2, s3;
} ipl__rng;

/* The ziggurat's tables (lib/value/ziggurat.c, generated): for layer i,
 * the position under which a point is surely under the curve, x per
 * unit of position, and the density at the layer's outer edge. */
typedef struct ipl__ziggurat {
    uint32_t k[128];
    double   w[128];
    double   y[128];
} ipl__ziggurat;

extern const ipl__ziggurat ipl__ziggurat_normal;

/* Seeds r as gsl_rng_set() seeds taus2. */
void ipl__rng_seed(ipl__rng *r, uint32_t seed);

static inline uint32_t
ipl__rng_next(ipl__rng *r)
{
    r->s1 = ((r->s1 & 0xfffffffeu) << 12) ^ (((r->s1 << 13) ^ r->s1) >> 19);
    r->s2 = ((r->s2 & 0xfffffff8u) << 4) ^ (((r->s2 << 2) ^ r->s2) >> 25);
    r->s3 = ((r->s3 & 0xfffffff0u) << 17) ^ (((r->s3 << 3) ^ r->s3) >> 11);
    return r->s1 ^ r->s2 ^ r->s3;
}

/* Uniform on (0, 1) in steps of 2⁻³²: gsl_rng_uniform_pos(). */
static inline double
ipl__rng_uniform_pos(ipl__rng *r)
{
    uint32_t u;

    while ((u = ipl__rng_next(r)) == 0)
        ;
    return u / 4294967296.0;
}

/* x with the sign that bit 7 of u picks, without a branch: the bit is
 * a coin toss, which no branch predictor guesses. × ±1 is exact. */
static inline double
ipl__rng_signed(double x, uint32_t u)
{
    static const double sign[2] = { -1, 1 };

    return x * sign[(u >> 7) & 1];
}

/* The rare cases of ipl__rng_normal(): a wedge or the tail, for the
 * word u already drawn. */
double ipl__rng_normal_slow(ipl__rng *r, uint32_t u);

/* A standard normal by the ziggurat (Marsaglia and Tsang 2000), 128
 * layers: the low 7 bits of one word pick the layer, the 8th the sign,
 * the high 24 the position; 97.2 % of draws end here. */
static inline double
ipl__rng_normal(ipl__rng *r)
{
    const ipl__ziggurat *z = &ipl__ziggurat_normal;
    uint32_t u = ipl__rng_next(r), i = u & 0x7f, j = u >> 8;
    double x = (double)j * z->w[i];

    ipl__rng t;

    if (j < z->k[i])
        return ipl__rng_signed(x, u);
    /* The slow path works on a copy, so that a caller's generator
     * never has its address taken and can live in registers. */
    t = *r;
    x = ipl__rng_normal_slow(&t, u);
    *r = t;
    return x;
}

#endif /* IPL_RNG_INTERNAL_H */
