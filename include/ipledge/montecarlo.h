/**
 * @file ipledge/montecarlo.h
 * @brief Uncertain valuation inputs and Monte Carlo simulation of a right
 *        or a bundle of rights (GSL).
 * @defgroup ipl_montecarlo Monte Carlo
 *
 * Any income or cost input may be drawn from a distribution. A
 * simulation values a bundle (打包组合) of one or more rights over N
 * paths and keeps the bundle's value on every path: its mean, standard
 * deviation, quantiles and histogram. Inputs may be correlated through
 * a correlation matrix (a Gaussian copula with a Cholesky factor).
 *
 * Reproducible: paths are cut into blocks of #IPL_MONTECARLO_BLOCK, and
 * block k draws from its own generator (GSL's taus2) seeded from
 * (seed, k), so the same seed gives bit-identical results whatever the
 * thread count.
 * Call ipl_init() first (it stops GSL from aborting the process).
 * @{
 */
#ifndef IPL_MONTECARLO_H
#define IPL_MONTECARLO_H

#include "ipledge/common.h"
#include "ipledge/error.h"
#include "ipledge/value.h"

IPL_BEGIN_DECL

/** A finished simulation: immutable; share it read-only. */
typedef struct ipl_montecarlo ipl_montecarlo;

/** Paths per random-number substream. */
#define IPL_MONTECARLO_BLOCK 512

/** A distribution family. */
typedef enum ipl_montecarlo_kind {
    IPL_MONTECARLO_FIXED = 0,   /**< always @c a */
    IPL_MONTECARLO_UNIFORM,     /**< uniform on [a, b] */
    IPL_MONTECARLO_TRIANGULAR,  /**< triangular: minimum a, most likely @c mode, maximum b */
    IPL_MONTECARLO_PERT,        /**< PERT (beta): minimum a, most likely @c mode, maximum b */
    IPL_MONTECARLO_NORMAL,      /**< normal: mean a, standard deviation b */
    /** Lognormal with mean a > 0 and standard deviation b of the value
     *  itself (not of its logarithm). */
    IPL_MONTECARLO_LOGNORMAL
} ipl_montecarlo_kind;

/** A distribution. A value type. */
typedef struct ipl_montecarlo_dist {
    ipl_montecarlo_kind kind;  /**< the family */
    double a;                  /**< value, minimum or mean, by family */
    double b;                  /**< maximum or standard deviation, by family */
    double mode;               /**< most likely value (triangular, PERT) */
    int    truncated;          /**< nonzero: draws limited to [lower, upper] */
    double lower;              /**< lower truncation bound */
    double upper;              /**< upper truncation bound, > lower */
} ipl_montecarlo_dist;

/** Which input of a right a distribution drives. */
typedef enum ipl_montecarlo_field {
    IPL_MONTECARLO_BASE_SCALE = 0,   /**< income: multiplies every base value (1 = as given) */
    IPL_MONTECARLO_BASE_GROWTH,      /**< income: base_growth */
    IPL_MONTECARLO_BASE_DECLINE,     /**< income: base_decline */
    IPL_MONTECARLO_SHARE_SCALE,      /**< income: multiplies every share */
    IPL_MONTECARLO_TAX_RATE,         /**< income: tax_rate */
    IPL_MONTECARLO_DISCOUNT_RATE,    /**< income: the whole discount rate */
    IPL_MONTECARLO_LEGAL_YEARS,      /**< income: legal_years */
    IPL_MONTECARLO_CONTRACT_YEARS,   /**< income: contract_years */
    IPL_MONTECARLO_ECONOMIC_YEARS,   /**< income: economic_years */
    IPL_MONTECARLO_TERMINAL_GROWTH,  /**< income: terminal_growth */
    IPL_MONTECARLO_COST_SCALE,       /**< cost: multiplies the replacement cost */
    IPL_MONTECARLO_NEWNESS,          /**< cost: newness (成新率) */
    IPL_MONTECARLO_REMAINING_YEARS,  /**< cost: remaining_years */
    IPL_MONTECARLO_FUNCTIONAL_RATE,  /**< cost: functional obsolescence rate */
    IPL_MONTECARLO_ECONOMIC_RATE     /**< cost: economic obsolescence rate */
} ipl_montecarlo_field;

/** One right of a bundle: exactly one of the pointers is set. */
typedef struct ipl_montecarlo_right {
    const ipl_value_income *income;  /**< income assumptions, or NULL */
    const ipl_value_cost   *cost;    /**< cost assumptions, or NULL */
} ipl_montecarlo_right;

/** An uncertain input. */
typedef struct ipl_montecarlo_input {
    size_t               right;  /**< 0-based index of the right in the bundle */
    ipl_montecarlo_field field;  /**< which of its inputs */
    ipl_montecarlo_dist  dist;   /**< drawn from this */
} ipl_montecarlo_input;

/** Version of ::ipl_montecarlo_options this header describes. */
#define IPL_MONTECARLO_OPTIONS_VERSION 1
/** Initialiser of ::ipl_montecarlo_options: every field at its default. */
#define IPL_MONTECARLO_OPTIONS_INIT { IPL_MONTECARLO_OPTIONS_VERSION }

/** Options of a simulation. */
typedef struct ipl_montecarlo_options {
    unsigned int  version;   /**< #IPL_MONTECARLO_OPTIONS_VERSION */
    size_t        paths;     /**< paths, 1..100,000,000; 0 = 10,000 */
    uint64_t      seed;      /**< any value; the same seed, the same numbers */
    unsigned int  threads;   /**< worker threads, 1..256; 0 = 1 */
    size_t        bins;      /**< histogram bins, 1..10,000; 0 = 20 */
    /** Correlation of the inputs, ninputs × ninputs row-major, symmetric,
     *  unit diagonal, positive definite; NULL = independent. Borrowed
     *  for the call. */
    const double *correlation;
} ipl_montecarlo_options;

/**
 * Initialises options to their defaults.
 * @param[out] opts   the block to fill.
 * @param version     #IPL_MONTECARLO_OPTIONS_VERSION.
 * @return #IPL_OK; #IPL_EINVAL (NULL); #IPL_EVERSION.
 */
IPL_EXTERN(int) ipl_montecarlo_options_init(ipl_montecarlo_options *opts,
                                            unsigned int version);

/**
 * Simulates a bundle of rights.
 * @param[out] out   receives a new simulation (caller frees with ipl_montecarlo_free()).
 * @param rights     @p nrights rights; their assumptions are borrowed for the call.
 * @param nrights    number of rights, ≥ 1.
 * @param inputs     @p ninputs uncertain inputs; NULL when @p ninputs is 0.
 * @param ninputs    number of uncertain inputs.
 * @param opts       options; NULL = defaults.
 * @param[out] err   optional; filled on failure, where naming the culprit
 *                   ("rights[1].discount_rate", "inputs[2].dist.b",
 *                   "correlation" for a matrix that is not positive definite).
 * @return #IPL_OK; #IPL_EINVAL (malformed input or correlation);
 *         #IPL_ERANGE (a draw outside its input's domain: truncate the
 *         distribution); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_montecarlo_new(ipl_montecarlo **out,
                                   const ipl_montecarlo_right *rights, size_t nrights,
                                   const ipl_montecarlo_input *inputs, size_t ninputs,
                                   const ipl_montecarlo_options *opts,
                                   ipl_error *err) IPL_WARN_UNUSED;

/**
 * Frees a simulation. NULL does nothing.
 * @param mc  the simulation, or NULL.
 */
IPL_EXTERN(void) ipl_montecarlo_free(ipl_montecarlo *mc);

/** Number of paths. @param mc a simulation. @return the count. */
IPL_EXTERN(size_t) ipl_montecarlo_paths(const ipl_montecarlo *mc);

/**
 * The bundle's value with every input as given (no draws).
 * @param mc a simulation. @return currency units.
 */
IPL_EXTERN(double) ipl_montecarlo_deterministic(const ipl_montecarlo *mc);

/** Mean of the bundle's value over the paths. @param mc a simulation. @return currency units. */
IPL_EXTERN(double) ipl_montecarlo_mean(const ipl_montecarlo *mc);

/**
 * Sample standard deviation (n − 1) of the value over the paths.
 * @param mc a simulation. @return currency units; 0 for one path.
 */
IPL_EXTERN(double) ipl_montecarlo_sd(const ipl_montecarlo *mc);

/**
 * A quantile of the value, interpolating linearly between order
 * statistics at (paths − 1) × p (Hyndman–Fan type 7, as numpy's default):
 * P5 is ipl_montecarlo_quantile(mc, 0.05).
 * @param mc  a simulation.
 * @param p   probability in [0, 1].
 * @return currency units; NaN when @p p is outside [0, 1].
 */
IPL_EXTERN(double) ipl_montecarlo_quantile(const ipl_montecarlo *mc, double p);

/**
 * The value on every path, sorted ascending.
 * @param mc  a simulation.
 * @return borrowed array of ipl_montecarlo_paths() values (valid while @p mc lives).
 */
IPL_EXTERN(const double *) ipl_montecarlo_values(const ipl_montecarlo *mc);

/** Number of histogram bins. @param mc a simulation. @return the count. */
IPL_EXTERN(size_t) ipl_montecarlo_bin_count(const ipl_montecarlo *mc);

/**
 * One histogram bin: equal widths from the smallest to the largest
 * value; a value on an inner edge counts in the upper bin, the largest
 * value in the last bin.
 * @param[out] lower  receives the bin's lower edge.
 * @param[out] upper  receives its upper edge.
 * @param[out] count  receives the number of paths in it.
 * @param mc          a simulation.
 * @param i           0-based bin index.
 * @param[out] err    optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL, or @p i out of range).
 */
IPL_EXTERN(int) ipl_montecarlo_bin(double *lower, double *upper, size_t *count,
                                   const ipl_montecarlo *mc, size_t i, ipl_error *err)
    IPL_WARN_UNUSED;

IPL_END_DECL

/** @} */
#endif /* IPL_MONTECARLO_H */
