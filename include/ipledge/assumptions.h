/**
 * @file ipledge/assumptions.h
 * @brief Valuation assumptions documents: one right or a bundle, read,
 *        validated and valued.
 * @defgroup ipl_assumptions Valuation assumptions documents
 *
 * An assumptions document (`urn:ipledge:valuation:1`, validated against
 * the schema that ships with the library: ipl_assumptions_schema(),
 * installed as `valuation.xsd`) gives the inputs of one valuation: one
 * right or a bundle (打包组合) of several, each by the income, cost or
 * market approach, and optionally a Monte Carlo simulation over the
 * bundle. This module reads it into the blocks of ipledge/value.h and
 * ipledge/montecarlo.h and runs them; doc/valuation.md maps every
 * element and attribute to its field.
 *
 * Untrusted input: documents are read without network access, DTDs or
 * entity expansion; a DOCTYPE is refused. Every error names the file,
 * the line and the element or field at fault; an error the valuation
 * modules report on a field ("rights[1].discount_rate") is traced back
 * to the line of the element that gave it (ipl_assumptions_line()).
 * @{
 */
#ifndef IPL_ASSUMPTIONS_H
#define IPL_ASSUMPTIONS_H

#include "ipledge/common.h"
#include "ipledge/error.h"
#include "ipledge/montecarlo.h"
#include "ipledge/value.h"

IPL_BEGIN_DECL

/** A loaded document (opaque, immutable; see ipl_assumptions_load_file()). */
typedef struct ipl_assumptions ipl_assumptions;

/** The approach a right of a document is valued by. */
typedef enum ipl_assumptions_approach {
    IPL_ASSUMPTIONS_INCOME = 1,  /**< `<income>`: ipl_value_income_new() */
    IPL_ASSUMPTIONS_COST,        /**< `<cost>`: ipl_value_cost_new() */
    IPL_ASSUMPTIONS_MARKET       /**< `<market>`: ipl_value_market_new() */
} ipl_assumptions_approach;

/**
 * Loads and validates an assumptions document from a file.
 *
 * @param[out] out   receives a new document (caller frees with
 *                   ipl_assumptions_free()); written only on success.
 * @param path       the file (at most 16 MiB).
 * @param[out] err   optional; on failure @c where is @p path, @c line
 *                   locates the fault and the message names the element,
 *                   e.g. "/valuation/income/discount: …".
 * @return #IPL_OK; #IPL_EPARSE (not well-formed, a DOCTYPE, not valid
 *         against the schema, or a number or date the library cannot
 *         hold); #IPL_EINVAL (NULL, unreadable file); #IPL_ENOMEM.
 * @note Needs ipl_init(). Thread safety: loads may run in parallel; a
 *       loaded document may be read and valued from several threads.
 */
IPL_EXTERN(int) ipl_assumptions_load_file(ipl_assumptions **out, const char *path,
                                          ipl_error *err);

/**
 * Loads and validates an assumptions document held in memory.
 *
 * @param[out] out   receives a new document (caller frees with
 *                   ipl_assumptions_free()); written only on success.
 * @param data       the document's bytes (need not be NUL-terminated).
 * @param size       their number.
 * @param label      names the document in errors and in
 *                   ipl_assumptions_label() (copied); NULL = "valuation".
 * @param[out] err   optional; as for ipl_assumptions_load_file(), with
 *                   @c where = @p label.
 * @return #IPL_OK; #IPL_EPARSE (not well-formed, a DOCTYPE, not valid, a
 *         number or date out of the library's range); #IPL_EINVAL (NULL
 *         @p out or @p data); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_assumptions_load_memory(ipl_assumptions **out, const char *data,
                                            size_t size, const char *label,
                                            ipl_error *err);

/**
 * Frees a document and every block it lent out.
 *
 * @param a  the document; NULL does nothing.
 */
IPL_EXTERN(void) ipl_assumptions_free(ipl_assumptions *a);

/**
 * The schema documents are validated against (`valuation.xsd`, compiled
 * into the library).
 *
 * @param[out] size  optional; receives its length in bytes (without the
 *                   terminating NUL).
 * @return the schema text, NUL-terminated; borrowed (static, valid for
 *         the life of the program). Cannot fail.
 */
IPL_EXTERN(const char *) ipl_assumptions_schema(size_t *size);

/**
 * The name the document was loaded under: the file's path or the label.
 *
 * @param a  the document.
 * @return borrowed (valid while @p a lives); NULL when @p a is NULL.
 */
IPL_EXTERN(const char *) ipl_assumptions_label(const ipl_assumptions *a);

/**
 * The currency the document's amounts are in (its `currency` attribute).
 *
 * @param a  the document.
 * @return an ISO 4217 code such as "CNY" (the default); borrowed (valid
 *         while @p a lives); NULL when @p a is NULL.
 */
IPL_EXTERN(const char *) ipl_assumptions_currency(const ipl_assumptions *a);

/**
 * The number of rights the document values (a bundle has several).
 *
 * @param a  the document.
 * @return at least 1; 0 when @p a is NULL.
 */
IPL_EXTERN(size_t) ipl_assumptions_count(const ipl_assumptions *a);

/**
 * The approach right @p i is valued by.
 *
 * @param a  the document.
 * @param i  0-based index of the right, in document order.
 * @return its approach; 0 (no approach) when @p a is NULL or @p i is out
 *         of range.
 */
IPL_EXTERN(ipl_assumptions_approach) ipl_assumptions_approach_at(const ipl_assumptions *a,
                                                                 size_t i);

/**
 * The income-approach assumptions of right @p i.
 *
 * @param a  the document.
 * @param i  0-based index of the right.
 * @return borrowed (valid while @p a lives, arrays included); NULL when
 *         right @p i uses another approach or @p i is out of range.
 */
IPL_EXTERN(const ipl_value_income *) ipl_assumptions_income_at(const ipl_assumptions *a,
                                                               size_t i);

/**
 * The cost-approach assumptions of right @p i.
 *
 * @param a  the document.
 * @param i  0-based index of the right.
 * @return borrowed (valid while @p a lives); NULL when right @p i uses
 *         another approach or @p i is out of range.
 */
IPL_EXTERN(const ipl_value_cost *) ipl_assumptions_cost_at(const ipl_assumptions *a,
                                                           size_t i);

/**
 * The market-approach assumptions of right @p i.
 *
 * @param a  the document.
 * @param i  0-based index of the right.
 * @return borrowed (valid while @p a lives, comparables included); NULL
 *         when right @p i uses another approach or @p i is out of range.
 */
IPL_EXTERN(const ipl_value_market *) ipl_assumptions_market_at(const ipl_assumptions *a,
                                                               size_t i);

/**
 * Whether the document asks for a simulation (has `<montecarlo>`).
 *
 * @param a  the document.
 * @return nonzero when it does; 0 when not or when @p a is NULL.
 */
IPL_EXTERN(int) ipl_assumptions_has_montecarlo(const ipl_assumptions *a);

/**
 * The simulation's options as the document gives them (paths, seed,
 * threads, bins and the correlation matrix, row by row).
 *
 * @param a  the document.
 * @return borrowed (valid while @p a lives); NULL when the document has
 *         no simulation or @p a is NULL.
 */
IPL_EXTERN(const ipl_montecarlo_options *) ipl_assumptions_montecarlo_options(
    const ipl_assumptions *a);

/**
 * The simulation's uncertain inputs, in document order.
 *
 * @param a          the document.
 * @param[out] count optional; receives their number (0 without a
 *                   simulation).
 * @return borrowed (valid while @p a lives); NULL when the document has
 *         no simulation or @p a is NULL.
 */
IPL_EXTERN(const ipl_montecarlo_input *) ipl_assumptions_montecarlo_inputs(
    const ipl_assumptions *a, size_t *count);

/**
 * The line in the document of the element behind a field path, such as
 * "rights[1].discount_rate" or "inputs[0].dist.b": what the value and
 * montecarlo modules put in ipl_error::where.
 *
 * @param a      the document.
 * @param where  the field path; NULL is taken as "".
 * @return the 1-based line of the closest element that gave the field,
 *         or of the root element when nothing closer is known; 0 when
 *         @p a is NULL.
 */
IPL_EXTERN(int) ipl_assumptions_line(const ipl_assumptions *a, const char *where);

/**
 * Values right @p i with its approach (ipl_value_income_new(),
 * ipl_value_cost_new() or ipl_value_market_new()).
 *
 * @param[out] out  receives a new result (caller frees with
 *                  ipl_value_free()); written only on success.
 * @param a         the document.
 * @param i         0-based index of the right.
 * @param[out] err  optional; on failure @c where is "rights[i].<field>"
 *                  and @c line the document line of that field.
 * @return #IPL_OK; #IPL_EINVAL (NULL, @p i out of range, or inputs that
 *         do not go together); #IPL_ERANGE (an input outside its domain,
 *         such as a discount rate below −100 %); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_assumptions_value(ipl_value **out, const ipl_assumptions *a, size_t i,
                                      ipl_error *err);

/**
 * Runs the document's simulation over all its rights
 * (ipl_montecarlo_new() with the document's inputs, options and
 * correlation).
 *
 * @param[out] out  receives a new simulation (caller frees with
 *                  ipl_montecarlo_free()); written only on success.
 * @param a         the document.
 * @param[out] err  optional; on failure @c where is the field
 *                  ("rights[k]", "inputs[1].dist.b", "correlation") and
 *                  @c line the document line of its element.
 * @return #IPL_OK; #IPL_EINVAL (NULL, no `<montecarlo>`, a right by the
 *         market approach, a correlation matrix that is not positive
 *         definite); #IPL_ERANGE (a distribution's parameter outside its
 *         domain); #IPL_ENOMEM.
 * @note Long-running: runs on the document's number of threads.
 */
IPL_EXTERN(int) ipl_assumptions_simulate(ipl_montecarlo **out, const ipl_assumptions *a,
                                         ipl_error *err);

IPL_END_DECL

/** @} */

#endif /* IPL_ASSUMPTIONS_H */
