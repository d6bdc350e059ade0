/* Distributions prepared for drawing by inverse transform. Not installed. */
#ifndef IPL_MONTECARLO_INTERNAL_H
#define IPL_MONTECARLO_INTERNAL_H

#include "ipledge/montecarlo.h"
#include "rng_internal.h"
#include "value_internal.h"

/* A finished simulation. */
struct ipl_montecarlo {
    size_t  paths;
    double *values;            /* sorted ascending */
    double  mean, sd, deterministic;
    size_t  nbins;
    size_t *bins;
};

/* Mean, sd, the sort and the histogram of mc->values (finite or
 * infinite, never NaN); tmp has room for 2 × paths keys. */
void ipl__montecarlo_summarise(ipl_montecarlo *mc, uint64_t *tmp);

/* A checked distribution with the constants every draw needs. */
typedef struct ipl__dist {
    ipl_montecarlo_dist d;
    double mu, sigma;        /* lognormal: of the logarithm */
    double alpha, beta;      /* PERT: beta shape parameters */
    double flo, fhi;         /* truncated: CDF at the bounds */
} ipl__dist;

/* Checks d and prepares it; where is the prefix for errors
 * ("inputs[2].dist"). */
int ipl__dist_prepare(ipl__dist *out, const ipl_montecarlo_dist *d,
                      const char *where, ipl_error *err);

/* The draw that the standard normal z maps to (Gaussian copula). */
double ipl__dist_draw(const ipl__dist *p, double z);

/* The draw that u in [0, 1] maps to by the inverse CDF. */
double ipl__dist_draw_uniform(const ipl__dist *p, double u);

/* m independent draws from the generator into x, one input's whole
 * block at a time: standard normals for a normal or lognormal,
 * rejection for a truncated normal that keeps most of its mass, the
 * inverse CDF of uniforms otherwise. The generator's numbers are
 * consumed in the order of x. */
void ipl__dist_fill(double *x, size_t m, const ipl__dist *p, ipl__rng *rng);

/* exp() of each of the m values in place, within 2.5 ε (relative) of
 * libm's (lib/value/exp.c). */
void ipl__exp_block(double *x, size_t m);

/* A right's after-tax flows at scale 1 and their discount times: all a
 * path needs when it changes only the base and share scales, the
 * discount rate and the terminal growth (the value is linear in the
 * scales). One short loop per path instead of the whole engine. */
typedef struct ipl__kernel {
    size_t         n;
    double        *flow;     /* after-tax flow of each period at scale 1 */
    double        *time;     /* its discount time, years */
    unsigned char *step;     /* 1: one year after the previous (the first: t = 1) */
    /* When every period but the first head and the last tail steps (the
     * usual shape), those in between need no test: head + tail ≤ n. */
    size_t         head, tail;
    int            regular;
    double         annual;   /* the last period's after-tax flow per year */
    double         tv_time;  /* when the terminal value is discounted */
} ipl__kernel;

/* Builds the kernel of a checked block; IPL_OK or IPL_ENOMEM. */
int ipl__kernel_build(ipl__kernel *k, const ipl_value_income *in,
                      const ipl__income_plan *plan);
void ipl__kernel_free(ipl__kernel *k);

/* The value at rate with the flows scaled by scale and terminal growth
 * g; errors as ipl__income_eval(). */
int ipl__kernel_value(double *out, const ipl__kernel *k, const ipl_value_income *in,
                      double rate, double scale, double g, ipl_error *err);

/* Paths valued side by side by ipl__kernel_values(); IPL_MONTECARLO_BLOCK
 * is a multiple of it. */
#define IPL__LANES 8

/* The values of m paths (m ≤ IPL_MONTECARLO_BLOCK) at rates rate[],
 * scales scale[] and terminal growths g[], the same bits as
 * ipl__kernel_value() on each. out and rate have room for m rounded up
 * to IPL__LANES (rate's extra lanes are overwritten). IPL_OK, or the
 * error code of the first failing path, without details: the caller
 * values the paths one by one to report it. */
int ipl__kernel_values(double *out, size_t m, const ipl__kernel *k,
                       const ipl_value_income *in, double *rate, const double *scale,
                       const double *g);

#endif /* IPL_MONTECARLO_INTERNAL_H */
