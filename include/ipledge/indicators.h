/**
 * @file ipledge/indicators.h
 * @brief Value indicators: a weighted tree of legal, technical and
 *        economic indicators in the shape of GB/T 42748-2023, as data.
 * @defgroup ipl_indicators Value indicators
 *
 * GB/T 42748-2023 (专利评估指引) scores a patent on three level-1
 * indicators (法律价值 legal, 技术价值 technical, 经济价值 economic), 14
 * level-2 and 27 level-3 ones, with weights that change with the purpose
 * (licensing, finance, reporting…): the standard leaves the weights to
 * the scenario, and only its level-1 names could be confirmed (see
 * doc/valuation.md), so ipledge takes the tree as data:
 * the caller (or a policy file) supplies the indicators and weights; the
 * library checks the tree and aggregates leaf scores into a score in
 * [0, 1] per indicator, which pledge decisions and
 * ipl_value_share_score() can use. ipl_indicators_new_default() gives a
 * tree of that shape: the standard's three level-1 indicators, an
 * illustrative level 2 (DIN 77100's factors) and equal weights.
 * @{
 */
#ifndef IPL_INDICATORS_H
#define IPL_INDICATORS_H

#include "ipledge/common.h"
#include "ipledge/date.h"
#include "ipledge/error.h"
#include "ipledge/record.h"

IPL_BEGIN_DECL

/** A checked indicator tree: immutable; share it read-only. */
typedef struct ipl_indicators ipl_indicators;

/** One indicator, as data. */
typedef struct ipl_indicator_def {
    const char *id;      /**< unique, non-empty: "legal", "legal.status"; borrowed */
    const char *parent;  /**< id of the parent; NULL or "" for a level-1 indicator */
    double      weight;  /**< weight among its siblings, > 0; siblings sum to 1 */
    const char *label;   /**< for people ("法律价值 legal value"); NULL = none */
} ipl_indicator_def;

/**
 * Checks an indicator tree and keeps a copy: ids unique and non-empty,
 * parents defined, no cycles, the weights of every set of siblings
 * summing to 1 (within 1e-9).
 * @param[out] out   receives a new tree (caller frees with ipl_indicators_free()).
 * @param defs       @p n indicators in any order; copied.
 * @param n          number of indicators, ≥ 1.
 * @param[out] err   optional; filled on failure ("defs[4].parent").
 * @return #IPL_OK; #IPL_EINVAL (malformed tree); #IPL_ERANGE (a
 *         weight not positive, or siblings not summing to 1); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_indicators_new(ipl_indicators **out, const ipl_indicator_def *defs,
                                   size_t n, ipl_error *err) IPL_WARN_UNUSED;

/**
 * The illustrative tree: the three level-1 indicators of GB/T 42748-2023
 * with level-2 indicators from the influencing factors of DIN 77100
 * (legal: status, scope, enforceability, ownership, remaining life;
 * technical: maturity, substitutes, field; economic: market, complementary
 * assets, exploitation), every weight equal among its siblings. Not the
 * standard's weights: replace it with a policy's tree for decisions.
 * @param[out] out   receives a new tree (caller frees with ipl_indicators_free()).
 * @param[out] err   optional; filled on failure.
 * @return #IPL_OK; #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_indicators_new_default(ipl_indicators **out, ipl_error *err)
    IPL_WARN_UNUSED;

/**
 * Frees a tree. NULL does nothing.
 * @param set  the tree, or NULL.
 */
IPL_EXTERN(void) ipl_indicators_free(ipl_indicators *set);

/** Number of indicators. @param set a tree. @return the count. */
IPL_EXTERN(size_t) ipl_indicators_count(const ipl_indicators *set);

/**
 * One indicator, in the order given (for the default tree: level 1
 * first).
 * @param set  a tree.
 * @param i    0-based index.
 * @return borrowed (valid while @p set lives); NULL when out of range.
 */
IPL_EXTERN(const ipl_indicator_def *) ipl_indicators_at(const ipl_indicators *set,
                                                        size_t i);

/**
 * Aggregates scores. Every leaf (an indicator without children) needs a
 * score in [0, 1]; an inner indicator scores the weighted sum of its
 * children; the total is the weighted sum of the level-1 indicators.
 * @param[out] total   receives the overall score in [0, 1].
 * @param[out] scores  optional: receives ipl_indicators_count() scores,
 *                     one per indicator in the order of ipl_indicators_at().
 * @param set          a tree.
 * @param ids          @p n leaf ids.
 * @param leaf_scores  @p n scores in [0, 1], one per id.
 * @param n            number of scores given.
 * @param[out] err     optional; filled on failure ("ids[2]", or the id
 *                     of a leaf without a score).
 * @return #IPL_OK; #IPL_EINVAL (unknown, inner or repeated id, a leaf
 *         without a score, NaN); #IPL_ERANGE (score outside [0, 1]);
 *         #IPL_ENOMEM (scratch space).
 */
IPL_EXTERN(int) ipl_indicators_score(double *total, double *scores,
                                     const ipl_indicators *set, const char *const *ids,
                                     const double *leaf_scores, size_t n, ipl_error *err)
    IPL_WARN_UNUSED;

/** A leaf score taken from an office record, and what it rests on. */
typedef struct ipl_indicator_fact {
    const char *id;     /**< leaf id of the default tree; borrowed static text */
    double      score;  /**< in [0, 1] */
    const char *basis;  /**< how the score was derived; borrowed static text */
} ipl_indicator_fact;

/** The most facts ipl_indicators_from_record() writes. */
#define IPL_INDICATOR_FACTS_MAX 5

/**
 * Scores, from an office record alone, the leaves of the default tree
 * that a record speaks to. Each score is a plain proportion, saturating
 * at a stated count; the rules are ipledge's, not the standard's (whose
 * scoring is not confirmed), and each fact names its basis:
 * - "legal.remaining_life": remaining legal life on @p on ÷ the
 *   statutory term of the kind (invention and plant 20 years, utility
 *   model 10, design 15); a trademark in force scores 1 (renewable);
 * - "legal.scope": patents: ½ × min(1, claims ÷ 20) + ½ × min(1,
 *   independent claims ÷ 3); trademarks: min(1, Nice classes ÷ 5);
 * - "legal.ownership": one owner (or, when no owner is listed, one
 *   applicant) 1, two 0.75, more 0.5: co-ownership hinders disposal;
 * - "technical.field": min(1, distinct IPC subclasses ÷ 4);
 * - "economic.market": min(1, family members ÷ 10).
 * A leaf the record says nothing about (no claims, no family …) is left
 * out; the appraiser scores the remaining leaves.
 *
 * @param[out] out  receives the facts, in the order above.
 * @param cap       capacity of @p out; #IPL_INDICATOR_FACTS_MAX suffices.
 * @param r         the record.
 * @param on        the day of the valuation, for the remaining life.
 * @param[out] err  optional; filled on failure.
 * @return the number of facts written (0 .. @p cap), or #IPL_EINVAL
 *         (NULL, invalid @p on) or #IPL_ERANGE (@p cap too small).
 */
IPL_EXTERN(int) ipl_indicators_from_record(ipl_indicator_fact *out, size_t cap,
                                           const ipl_record *r, ipl_date on,
                                           ipl_error *err) IPL_WARN_UNUSED;

IPL_END_DECL

/** @} */
#endif /* IPL_INDICATORS_H */
