/**
 * @file ipledge/appraisal.h
 * @brief A case run through the whole chain: record, valuation, pledge
 *        decision, loan, subsidies and compensation.
 * @defgroup ipl_appraisal Appraisals
 *
 * ipl_appraisal_new() takes a loaded case (case.h) and runs every stage
 * a pledge application goes through, with the modules of each stage:
 *
 * 1. per right, the office record file the case names (found beside the
 *    case, else under the options' record directories; a record found
 *    nowhere is a note, and the appraiser's facts are used), whose
 *    registration and expiry dates replace the appraiser's;
 * 2. per right, its valuation document (assumptions.h), valued and, when
 *    the document asks, simulated; the appraised value is the model
 *    value rounded half-even to the minor unit, P5 the simulation's 5th
 *    percentile;
 * 3. the pledge decision under the case's policy (a preset or a file);
 * 4. when eligible, the loan (the amount asked for, cut to the largest
 *    the pledge allows) and its schedule;
 * 5. the subsidies the policy grants on that loan;
 * 6. when the case has a default, the risk compensation.
 *
 * The result is immutable; every stage's inputs stay reachable, so a
 * report (report.h) can trace each figure. Nothing is read from the
 * environment: the host passes the directories to search.
 * @{
 */
#ifndef IPL_APPRAISAL_H
#define IPL_APPRAISAL_H

#include "ipledge/common.h"
#include "ipledge/assumptions.h"
#include "ipledge/case.h"
#include "ipledge/compensation.h"
#include "ipledge/error.h"
#include "ipledge/loan.h"
#include "ipledge/money.h"
#include "ipledge/montecarlo.h"
#include "ipledge/pledge.h"
#include "ipledge/policy.h"
#include "ipledge/record.h"
#include "ipledge/subsidy.h"
#include "ipledge/value.h"

IPL_BEGIN_DECL

/** A case appraised (opaque, immutable; see ipl_appraisal_new()). */
typedef struct ipl_appraisal ipl_appraisal;

/** Version of #ipl_appraisal_options this header describes. */
#define IPL_APPRAISAL_OPTIONS_VERSION 1

/**
 * How to appraise. Initialise with #IPL_APPRAISAL_OPTIONS_INIT or
 * ipl_appraisal_options_init(); fields may be appended in later versions.
 */
typedef struct ipl_appraisal_options {
    unsigned int version;      /**< #IPL_APPRAISAL_OPTIONS_VERSION */
    /** directories searched, in order, for a record file not found
     *  beside the case (what `--records` and `IPLEDGE_RECORDS` give the
     *  CLI); borrowed for the call; NULL when @c n_record_dirs is 0 */
    const char *const *record_dirs;
    size_t n_record_dirs;      /**< number of @c record_dirs */
    /** rounding of each period's loan interest; #IPL_ROUND_DEFAULT =
     *  #IPL_ROUND_HALF_UP, the loan contracts' usual */
    ipl_rounding loan_rounding;
} ipl_appraisal_options;

/** Static initialiser: no record directories, interest rounded half-up. */
#define IPL_APPRAISAL_OPTIONS_INIT { IPL_APPRAISAL_OPTIONS_VERSION, NULL, 0, \
                                     IPL_ROUND_DEFAULT }

/** Where a fact the chain used came from. */
typedef enum ipl_appraisal_source {
    IPL_APPRAISAL_FROM_CASE = 1, /**< entered by the appraiser in the case */
    IPL_APPRAISAL_FROM_RECORD    /**< read from the office record */
} ipl_appraisal_source;

/** One pledged right as the chain saw it (a borrowed view). */
typedef struct ipl_appraisal_right {
    const ipl_case_right *in;  /**< the right as the case gives it */
    /** the record file read, or "" when the case names none or it was
     *  not found (see the notes) */
    const char *record_path;
    const ipl_record *record;  /**< the record read, or NULL */
    const char *valuation_path; /**< the valuation document read */
    ipl_right_type type;       /**< the right's kind (case and record agree) */
    ipl_legal_status status;   /**< legal status, the appraiser's */
    ipl_date registered;       /**< grant or registration date; year 0 = unknown */
    ipl_appraisal_source registered_from; /**< where @c registered came from */
    ipl_date expiry;           /**< legal expiry; year 0 = unknown */
    ipl_appraisal_source expiry_from; /**< where @c expiry came from */
    double model_value;        /**< Σ of the document's values, currency units */
    ipl_money value;           /**< appraised value: @c model_value rounded half-even */
    /** 5th percentile of the simulation rounded half-even; currency ""
     *  when the document has no simulation */
    ipl_money p5;
    double cv;                 /**< simulation sd ÷ mean; 0 without one */
} ipl_appraisal_right;

/** A subsidy the policy grants on the loan (a borrowed view). */
typedef struct ipl_appraisal_subsidy {
    const char *name;          /**< the policy's kind ("appraisal-fee", "interest") */
    const char *source;        /**< the policy that grants it (its name) */
    ipl_subsidy_rule rule;     /**< the rule applied, completed from the case */
    const ipl_subsidy_schedule *schedule; /**< its schedule over the loan */
} ipl_appraisal_subsidy;

/**
 * Initialises options to the defaults (#IPL_APPRAISAL_OPTIONS_INIT).
 * @param[out] opts   the block to fill.
 * @param version     #IPL_APPRAISAL_OPTIONS_VERSION as compiled.
 * @return #IPL_OK; #IPL_EVERSION (unknown version); #IPL_EINVAL (NULL).
 */
IPL_EXTERN(int) ipl_appraisal_options_init(ipl_appraisal_options *opts,
                                           unsigned int version);

/**
 * Runs a case through the whole chain (see the module description).
 * An ineligible request is a result, not an error: the appraisal then
 * has its pledge decision and no loan.
 *
 * @param[out] out  receives a new appraisal (caller frees with
 *                  ipl_appraisal_free()); it borrows @p c, which must
 *                  outlive it.
 * @param c         the case (ipl_case_load_file()).
 * @param opts      options, or NULL for the defaults.
 * @param[out] err  optional; on failure @c where names the stage and
 *                  place ("policy", "rights[1].record",
 *                  "rights[0].valuation", "loan", "subsidies[0]",
 *                  "default"), the message the file and what is wrong,
 *                  and @c line the line in the document at fault (the
 *                  valuation document's, or the case's).
 * @return #IPL_OK; #IPL_EPARSE (a record or valuation document is
 *         malformed); #IPL_EINVAL (NULL, a document that contradicts
 *         the case, a value out of its domain); #IPL_ENOMEM.
 * @note Thread safety: appraisals may run in parallel; the result is
 *       immutable and may be shared read-only.
 */
IPL_EXTERN(int) ipl_appraisal_new(ipl_appraisal **out, const ipl_case *c,
                                  const ipl_appraisal_options *opts,
                                  ipl_error *err) IPL_WARN_UNUSED;

/** Frees an appraisal. NULL does nothing. @param a the appraisal. */
IPL_EXTERN(void) ipl_appraisal_free(ipl_appraisal *a);

/**
 * The case appraised.
 * @param a  the appraisal.
 * @return the case, borrowed (the caller's, given to ipl_appraisal_new()).
 */
IPL_EXTERN(const ipl_case *) ipl_appraisal_case(const ipl_appraisal *a);

/**
 * Number of pledged rights (the case's).
 * @param a  the appraisal.
 * @return the count, >= 1.
 */
IPL_EXTERN(size_t) ipl_appraisal_right_count(const ipl_appraisal *a);

/**
 * Right @p i as appraised.
 * @param a  the appraisal.
 * @param i  0-based index.
 * @return the view, borrowed (valid while @p a lives); NULL when out of
 *         range.
 */
IPL_EXTERN(const ipl_appraisal_right *) ipl_appraisal_right_get(const ipl_appraisal *a,
                                                                size_t i);

/**
 * The valuation document of right @p i.
 * @param a  the appraisal.
 * @param i  0-based index of the right.
 * @return the document, borrowed (valid while @p a lives); NULL when out
 *         of range.
 */
IPL_EXTERN(const ipl_assumptions *) ipl_appraisal_assumptions(const ipl_appraisal *a,
                                                              size_t i);

/**
 * Number of values of right @p i: one per right of its valuation
 * document (a bundle document values several).
 * @param a  the appraisal.
 * @param i  0-based index of the right.
 * @return the count; 0 when @p i is out of range.
 */
IPL_EXTERN(size_t) ipl_appraisal_value_count(const ipl_appraisal *a, size_t i);

/**
 * Value @p j of right @p i, with its trace.
 * @param a  the appraisal.
 * @param i  0-based index of the right.
 * @param j  0-based index in its valuation document.
 * @return the value, borrowed (valid while @p a lives); NULL when out of
 *         range.
 */
IPL_EXTERN(const ipl_value *) ipl_appraisal_value_at(const ipl_appraisal *a, size_t i,
                                                     size_t j);

/**
 * The simulation of right @p i.
 * @param a  the appraisal.
 * @param i  0-based index of the right.
 * @return the simulation, borrowed (valid while @p a lives); NULL when
 *         its document asks for none or @p i is out of range.
 */
IPL_EXTERN(const ipl_montecarlo *) ipl_appraisal_montecarlo(const ipl_appraisal *a,
                                                            size_t i);

/**
 * The case's policy.
 * @param a  the appraisal.
 * @return the policy, borrowed (valid while @p a lives).
 */
IPL_EXTERN(const ipl_policy *) ipl_appraisal_policy(const ipl_appraisal *a);

/**
 * The policy file read.
 * @param a  the appraisal.
 * @return the path, borrowed (valid while @p a lives); "" for a preset.
 */
IPL_EXTERN(const char *) ipl_appraisal_policy_path(const ipl_appraisal *a);

/**
 * The pledge decision, with its trace and refusals.
 * @param a  the appraisal.
 * @return the decision, borrowed (valid while @p a lives).
 */
IPL_EXTERN(const ipl_pledge *) ipl_appraisal_pledge(const ipl_appraisal *a);

/**
 * Whether the policy lends: the pledge is eligible and its largest loan
 * is above zero.
 * @param a  the appraisal.
 * @return 1 when a loan was scheduled, 0 otherwise.
 */
IPL_EXTERN(int) ipl_appraisal_eligible(const ipl_appraisal *a);

/**
 * The loan lent: the case's terms with the principal cut to the largest
 * loan the pledge allows.
 * @param a  the appraisal.
 * @return the terms, borrowed (valid while @p a lives); NULL when not
 *         eligible.
 */
IPL_EXTERN(const ipl_loan_terms *) ipl_appraisal_loan_terms(const ipl_appraisal *a);

/**
 * The loan's repayment schedule.
 * @param a  the appraisal.
 * @return the schedule, borrowed (valid while @p a lives); NULL when not
 *         eligible.
 */
IPL_EXTERN(const ipl_loan_schedule *) ipl_appraisal_loan(const ipl_appraisal *a);

/**
 * Number of subsidies scheduled on the loan.
 * @param a  the appraisal.
 * @return the count (0 when not eligible or the policy grants none
 *         this case can use; the notes say why).
 */
IPL_EXTERN(size_t) ipl_appraisal_subsidy_count(const ipl_appraisal *a);

/**
 * Subsidy @p i.
 * @param a  the appraisal.
 * @param i  0-based index.
 * @return the view, borrowed (valid while @p a lives); NULL when out of
 *         range.
 */
IPL_EXTERN(const ipl_appraisal_subsidy *) ipl_appraisal_subsidy_get(const ipl_appraisal *a,
                                                                    size_t i);

/**
 * The compensation regime applied on default.
 * @param a  the appraisal.
 * @param[out] source  optional; receives where its shares come from,
 *                     borrowed (valid while @p a lives): "case" (the
 *                     case's agreed shares) or the policy's name.
 * @return the regime, borrowed (valid while @p a lives); NULL when the
 *         case has no default or is not eligible.
 */
IPL_EXTERN(const ipl_compensation_regime *) ipl_appraisal_regime(const ipl_appraisal *a,
                                                                 const char **source);

/**
 * The principal unpaid at the NPL date: the schedule's balance after
 * the last payment due by then.
 * @param a  the appraisal.
 * @return the amount, borrowed (valid while @p a lives); NULL when there
 *         is no compensation.
 */
IPL_EXTERN(const ipl_money *) ipl_appraisal_outstanding(const ipl_appraisal *a);

/**
 * The risk compensation on default.
 * @param a  the appraisal.
 * @return the compensation, borrowed (valid while @p a lives); NULL when
 *         the case has no default or is not eligible.
 */
IPL_EXTERN(const ipl_compensation *) ipl_appraisal_compensation(const ipl_appraisal *a);

/**
 * Number of notes: facts a reader of the report must know (a record not
 * found, a subsidy the case cannot use, a cap not applied).
 * @param a  the appraisal.
 * @return the count.
 */
IPL_EXTERN(size_t) ipl_appraisal_note_count(const ipl_appraisal *a);

/**
 * Note @p i, one English sentence.
 * @param a  the appraisal.
 * @param i  0-based index.
 * @return the note, borrowed (valid while @p a lives); NULL when out of
 *         range.
 */
IPL_EXTERN(const char *) ipl_appraisal_note(const ipl_appraisal *a, size_t i);

IPL_END_DECL

/** @} */
#endif /* IPL_APPRAISAL_H */
