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

#endif /* IPL_MONTECARLO_INTERNAL_H */
