/* Distributions prepared for drawing by inverse transform. Not installed. */
#ifndef IPL_MONTECARLO_INTERNAL_H
#define IPL_MONTECARLO_INTERNAL_H

#include "ipledge/montecarlo.h"

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

/* Nonzero for an untruncated normal or lognormal, which an independent
 * draw takes from a standard normal directly (cheaper than Φ⁻¹(u)). */
int ipl__dist_is_normal(const ipl__dist *p);

#endif /* IPL_MONTECARLO_INTERNAL_H */
