/**
 * @file ipledge/pledge.h
 * @brief Pledge decisions: the ratio a bank lends at, the collateral value
 *        of pledged rights, and the largest loan they secure.
 * @defgroup ipl_pledge Pledge decisions
 *
 * A bank lends against pledged rights a fraction of their appraised
 * value, the pledge ratio (质押率, loan-to-value). No national rule fixes
 * it; banks and regions publish their own, so the rules are data: an
 * ::ipl_pledge_rules object, built here field by field or loaded from a
 * policy (ipledge/policy.h). The computation is
 *
 *     ratio(right) = min(base[type] × Π adjustments, max[type], max_ratio)
 *     collateral(right) = basis value × ratio(right), rounded down
 *     largest loan = min(Σ collateral, loan cap, borrower cap − exposure)
 *
 * where the basis value is the appraised value or, when the rules ask
 * for it, a chosen low quantile of the value distribution. Gates make a
 * right (or the whole request) ineligible. Every step is recorded in a
 * trace that names the rule applied, so each figure can be explained.
 * The multiplicative form follows practice summarised in DOMAIN.md §3.2;
 * it is a design choice, not a published rule.
 * @{
 */
#ifndef IPL_PLEDGE_H
#define IPL_PLEDGE_H

#include "ipledge/common.h"
#include "ipledge/date.h"
#include "ipledge/error.h"
#include "ipledge/money.h"
#include "ipledge/right.h"

IPL_BEGIN_DECL

/** Rules for pledge decisions (opaque; see ipl_pledge_rules_new()). */
typedef struct ipl_pledge_rules ipl_pledge_rules;
/** A pledge decision (opaque, immutable; see ipl_pledge_new()). */
typedef struct ipl_pledge ipl_pledge;

/** @name Circumstances of a right (ipl_pledge_right::flags)
 * @{ */
#define IPL_PLEDGE_INVALIDATION    0x01u /**< an invalidation request (无效宣告) is pending */
#define IPL_PLEDGE_LITIGATION      0x02u /**< infringement or ownership litigation is pending */
#define IPL_PLEDGE_EXCLUSIVE       0x04u /**< an exclusive licence is granted to a third party */
#define IPL_PLEDGE_CO_OWNED        0x08u /**< the right has co-owners */
#define IPL_PLEDGE_NOT_IN_NAME     0x10u /**< not registered in the borrower's name */
#define IPL_PLEDGE_FEES_OVERDUE    0x20u /**< annuities or renewal fees are overdue */
#define IPL_PLEDGE_ALREADY_PLEDGED 0x40u /**< already pledged to another creditor */
/** @} */

/** What a gate or an adjustment looks at. */
typedef enum ipl_pledge_test {
    IPL_PLEDGE_TEST_NONE = 0,      /**< not given: an error */
    /** The right has any of the flags in `flags`. */
    IPL_PLEDGE_TEST_FLAGS,
    /** The right is of kind `right`. */
    IPL_PLEDGE_TEST_TYPE,
    /** The right is not in force (status other than #IPL_STATUS_IN_FORCE). */
    IPL_PLEDGE_TEST_NOT_IN_FORCE,
    /** Remaining legal life at the loan's start is below `threshold` years. */
    IPL_PLEDGE_TEST_LIFE_BELOW,
    /** Remaining legal life at the loan's start is below `threshold` times
     *  the tenor (e.g. 2: the right must outlive twice the loan). */
    IPL_PLEDGE_TEST_LIFE_VS_TENOR,
    /** A trademark (or other registered right) has been registered for
     *  fewer than `threshold` years at the loan's start. */
    IPL_PLEDGE_TEST_REGISTERED_BELOW,
    /** The right's industry equals `text`. */
    IPL_PLEDGE_TEST_INDUSTRY,
    /** The borrower has operated for fewer than `threshold` years. */
    IPL_PLEDGE_TEST_FIRM_AGE_BELOW,
    /** The loan's tenor exceeds `threshold` months. */
    IPL_PLEDGE_TEST_TENOR_ABOVE,
    /** Scaled by the right's dependence on the borrower (0 .. 1):
     *  factor = max(floor, 1 − slope × dependence). Adjustments only. */
    IPL_PLEDGE_TEST_DEPENDENCE,
    /** Scaled by the value's coefficient of variation (sd ÷ mean, from a
     *  Monte Carlo run): factor = max(floor, 1 − slope × cv). Adjustments only. */
    IPL_PLEDGE_TEST_UNCERTAINTY
} ipl_pledge_test;

/**
 * A rule that multiplies a right's ratio, or (as a gate) makes it
 * ineligible. Initialise with #IPL_PLEDGE_RULE_INIT or
 * ipl_pledge_rule_init(); the strings are copied when the rule is added.
 */
typedef struct ipl_pledge_rule {
    unsigned int version;   /**< #IPL_PLEDGE_RULE_VERSION */
    const char *name;       /**< short name for traces, e.g. "litigation"; required */
    ipl_pledge_test test;   /**< what the rule looks at; required */
    unsigned int flags;     /**< for #IPL_PLEDGE_TEST_FLAGS: IPL_PLEDGE_* flags */
    /** for #IPL_PLEDGE_TEST_TYPE, the kind tested; for any other test,
     *  when set, the rule applies only to rights of this kind (a
     *  trademark's registration age, a patent's remaining life) */
    ipl_right_type right;
    double threshold;       /**< years, months or multiple, as the test says */
    const char *text;       /**< for #IPL_PLEDGE_TEST_INDUSTRY */
    double factor;          /**< adjustments: the multiplier when the test holds (0 .. 10) */
    double slope;           /**< dependence and uncertainty: see the tests */
    double floor;           /**< dependence and uncertainty: smallest factor (0 .. 1) */
    const char *source;     /**< optional: where the rule comes from, for traces */
} ipl_pledge_rule;

/** Current version of ::ipl_pledge_rule. */
#define IPL_PLEDGE_RULE_VERSION 1
/** Initialiser for ::ipl_pledge_rule. */
#define IPL_PLEDGE_RULE_INIT { IPL_PLEDGE_RULE_VERSION, NULL, IPL_PLEDGE_TEST_NONE, 0, IPL_RIGHT_NONE, 0.0, NULL, 1.0, 0.0, 0.0, NULL }

/** Which value a right's ratio applies to. */
typedef enum ipl_pledge_basis {
    IPL_BASIS_DEFAULT = 0,  /**< the library default: #IPL_BASIS_APPRAISED */
    IPL_BASIS_APPRAISED,    /**< the appraised value */
    IPL_BASIS_LOW_QUANTILE  /**< the right's low quantile (value_low) when given, else appraised */
} ipl_pledge_basis;

/**
 * Caps and request-wide settings of the rules. Initialise with
 * #IPL_PLEDGE_CAPS_INIT or ipl_pledge_caps_init(). A zero amount or zero
 * number means "no cap".
 */
typedef struct ipl_pledge_caps {
    unsigned int version;       /**< #IPL_PLEDGE_CAPS_VERSION */
    double max_ratio;           /**< ratio cap over all kinds (0 .. 1; 0 = none) */
    int64_t max_loan;           /**< per loan, minor units of the rules' currency */
    int64_t max_borrower;       /**< per borrower, all such loans together */
    unsigned int max_tenor_months; /**< longest tenor; longer requests are ineligible */
    double maintenance_ltv;     /**< loan-to-value that triggers a top-up during the loan (0 = the initial ratio) */
    ipl_pledge_basis basis;     /**< the value ratios apply to */
    double bundle_step;         /**< ratio bonus per extra right in a bundle (0.02 = +2 %) */
    double bundle_max;          /**< largest bundle bonus factor (e.g. 1.10); 0 = none */
} ipl_pledge_caps;

/** Current version of ::ipl_pledge_caps. */
#define IPL_PLEDGE_CAPS_VERSION 1
/** Initialiser for ::ipl_pledge_caps: no caps. */
#define IPL_PLEDGE_CAPS_INIT { IPL_PLEDGE_CAPS_VERSION, 0.0, 0, 0, 0, 0.0, IPL_BASIS_DEFAULT, 0.0, 0.0 }

/**
 * One pledged right as the decision sees it. Initialise with
 * #IPL_PLEDGE_RIGHT_INIT or ipl_pledge_right_init().
 */
typedef struct ipl_pledge_right {
    unsigned int version;     /**< #IPL_PLEDGE_RIGHT_VERSION */
    const char *id;           /**< optional label for traces ("CN201510481495.9") */
    ipl_right_type type;      /**< required */
    ipl_legal_status status;  /**< 0 = unknown */
    ipl_money value;          /**< appraised value; in the rules' currency; > 0 */
    ipl_money value_low;      /**< optional low quantile (P5/P10) of the value; currency "" = not given */
    double value_cv;          /**< optional coefficient of variation of the value (sd ÷ mean), ≥ 0 */
    ipl_date expiry;          /**< legal expiry; year 0 = unknown (life tests then fail the right) */
    ipl_date registered;      /**< grant or registration date; year 0 = unknown */
    unsigned int flags;       /**< IPL_PLEDGE_* circumstances */
    const char *industry;     /**< optional industry code, matched by industry tests */
    double dependence;        /**< dependence on the borrower, 0 (none) .. 1 (worthless without it) */
} ipl_pledge_right;

/** Current version of ::ipl_pledge_right. */
#define IPL_PLEDGE_RIGHT_VERSION 1
/** Initialiser for ::ipl_pledge_right. */
#define IPL_PLEDGE_RIGHT_INIT { IPL_PLEDGE_RIGHT_VERSION, NULL, IPL_RIGHT_NONE, IPL_STATUS_UNKNOWN, { 0, "" }, { 0, "" }, 0.0, { 0, 0, 0 }, { 0, 0, 0 }, 0, NULL, 0.0 }

/**
 * The loan asked for. Initialise with #IPL_PLEDGE_REQUEST_INIT or
 * ipl_pledge_request_init().
 */
typedef struct ipl_pledge_request {
    unsigned int version;       /**< #IPL_PLEDGE_REQUEST_VERSION */
    ipl_date start;             /**< the loan's start; required */
    unsigned int tenor_months;  /**< 1 .. 600; required */
    ipl_money requested;        /**< optional amount asked for; currency "" = none */
    double firm_age_years;      /**< the borrower's years in operation; negative = unknown */
    ipl_money exposure;         /**< the borrower's existing loans under the same caps; currency "" = none */
} ipl_pledge_request;

/** Current version of ::ipl_pledge_request. */
#define IPL_PLEDGE_REQUEST_VERSION 1
/** Initialiser for ::ipl_pledge_request. */
#define IPL_PLEDGE_REQUEST_INIT { IPL_PLEDGE_REQUEST_VERSION, { 0, 0, 0 }, 0, { 0, "" }, -1.0, { 0, "" } }

/** One step of a decision's trace (a borrowed view). */
typedef struct ipl_pledge_step {
    int right;              /**< index of the right, or −1 for the whole request */
    const char *rule;       /**< the rule's name ("base", "litigation", "max_loan" …) */
    const char *source;     /**< where the rule comes from, or "" */
    double before;          /**< the ratio (or amount in major units) before the step */
    double after;           /**< and after it */
    const char *text;       /**< a sentence explaining the step */
} ipl_pledge_step;

/**
 * Fills @p rule with the defaults of #IPL_PLEDGE_RULE_INIT.
 * @param[out] rule  the struct to initialise.
 * @param version    #IPL_PLEDGE_RULE_VERSION.
 * @return #IPL_OK, #IPL_EINVAL (NULL) or #IPL_EVERSION.
 */
IPL_EXTERN(int) ipl_pledge_rule_init(ipl_pledge_rule *rule, unsigned int version);

/**
 * Fills @p caps with the defaults of #IPL_PLEDGE_CAPS_INIT.
 * @param[out] caps  the struct to initialise.
 * @param version    #IPL_PLEDGE_CAPS_VERSION.
 * @return #IPL_OK, #IPL_EINVAL (NULL) or #IPL_EVERSION.
 */
IPL_EXTERN(int) ipl_pledge_caps_init(ipl_pledge_caps *caps, unsigned int version);

/**
 * Fills @p right with the defaults of #IPL_PLEDGE_RIGHT_INIT.
 * @param[out] right  the struct to initialise.
 * @param version     #IPL_PLEDGE_RIGHT_VERSION.
 * @return #IPL_OK, #IPL_EINVAL (NULL) or #IPL_EVERSION.
 */
IPL_EXTERN(int) ipl_pledge_right_init(ipl_pledge_right *right, unsigned int version);

/**
 * Fills @p req with the defaults of #IPL_PLEDGE_REQUEST_INIT.
 * @param[out] req  the struct to initialise.
 * @param version   #IPL_PLEDGE_REQUEST_VERSION.
 * @return #IPL_OK, #IPL_EINVAL (NULL) or #IPL_EVERSION.
 */
IPL_EXTERN(int) ipl_pledge_request_init(ipl_pledge_request *req, unsigned int version);

/**
 * Creates empty rules: no kind of right has a ratio yet (so none is
 * eligible), no gates, no adjustments, no caps.
 *
 * @param[out] out   receives new rules (caller frees with ipl_pledge_rules_free()).
 * @param currency   ISO 4217 code of every amount in the rules and requests.
 * @param[out] err   optional; filled on failure.
 * @return #IPL_OK, #IPL_EINVAL (unknown currency) or #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_pledge_rules_new(ipl_pledge_rules **out, const char *currency,
                                     ipl_error *err) IPL_WARN_UNUSED;

/**
 * Creates an independent copy of rules (to extend a loaded policy's).
 *
 * @param[out] out   receives new rules (caller frees with ipl_pledge_rules_free()).
 * @param rules      the rules to copy.
 * @param[out] err   optional; filled on failure.
 * @return #IPL_OK, #IPL_EINVAL (NULL) or #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_pledge_rules_copy(ipl_pledge_rules **out,
                                      const ipl_pledge_rules *rules,
                                      ipl_error *err) IPL_WARN_UNUSED;

/** Frees rules. NULL does nothing. @param rules the rules. */
IPL_EXTERN(void) ipl_pledge_rules_free(ipl_pledge_rules *rules);

/**
 * Sets the base ratio of a kind of right and its cap. A kind without a
 * ratio is not accepted as collateral.
 *
 * @param rules     the rules to change.
 * @param type      the kind of right.
 * @param base      base ratio, 0 .. 1 (0.25 for 25 % of appraised value).
 * @param max       largest ratio after adjustments, base .. 1.
 * @param source    optional citation for traces; copied.
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK, #IPL_EINVAL (bad kind, ratio outside 0 .. 1 or
 *         max below base) or #IPL_ENOMEM.
 * @note On any failure, #IPL_ENOMEM included, @p rules are unchanged.
 */
IPL_EXTERN(int) ipl_pledge_rules_set_ratio(ipl_pledge_rules *rules,
                                           ipl_right_type type, double base,
                                           double max, const char *source,
                                           ipl_error *err) IPL_WARN_UNUSED;

/**
 * Adds an adjustment: when its test holds for a right, the right's
 * ratio is multiplied by its factor (for dependence and uncertainty, by
 * the scaled factor). Adjustments apply in the order added.
 *
 * @param rules     the rules to change.
 * @param rule      the adjustment; its strings are copied.
 * @param[out] err  optional; filled on failure (where: "rule.<field>").
 * @return #IPL_OK, #IPL_EINVAL, #IPL_EVERSION or #IPL_ENOMEM.
 * @note On any failure, #IPL_ENOMEM included, @p rules are unchanged.
 */
IPL_EXTERN(int) ipl_pledge_rules_add_adjustment(ipl_pledge_rules *rules,
                                                const ipl_pledge_rule *rule,
                                                ipl_error *err) IPL_WARN_UNUSED;

/**
 * Adds a gate: when its test holds, the right is ineligible (or, for
 * the borrower and tenor tests, the whole request). Its factor, slope and
 * floor are ignored; dependence and uncertainty tests cannot be gates.
 *
 * @param rules     the rules to change.
 * @param rule      the gate; its strings are copied.
 * @param[out] err  optional; filled on failure (where: "rule.<field>").
 * @return #IPL_OK, #IPL_EINVAL, #IPL_EVERSION or #IPL_ENOMEM.
 * @note On any failure, #IPL_ENOMEM included, @p rules are unchanged.
 */
IPL_EXTERN(int) ipl_pledge_rules_add_gate(ipl_pledge_rules *rules,
                                          const ipl_pledge_rule *rule,
                                          ipl_error *err) IPL_WARN_UNUSED;

/**
 * Sets the caps and request-wide settings, replacing earlier ones.
 *
 * @param rules     the rules to change.
 * @param caps      the caps; amounts in minor units of the rules' currency.
 * @param[out] err  optional; filled on failure (where: "caps.<field>").
 * @return #IPL_OK, #IPL_EINVAL or #IPL_EVERSION.
 */
IPL_EXTERN(int) ipl_pledge_rules_set_caps(ipl_pledge_rules *rules,
                                          const ipl_pledge_caps *caps,
                                          ipl_error *err) IPL_WARN_UNUSED;

/**
 * The caps and settings of the rules.
 *
 * @param rules  the rules.
 * @return borrowed (valid while @p rules lives and is not changed); NULL
 *         when @p rules is NULL.
 */
IPL_EXTERN(const ipl_pledge_caps *) ipl_pledge_rules_caps(const ipl_pledge_rules *rules);

/**
 * The currency of the rules.
 *
 * @param rules  the rules.
 * @return borrowed ISO 4217 code; NULL when @p rules is NULL.
 */
IPL_EXTERN(const char *) ipl_pledge_rules_currency(const ipl_pledge_rules *rules);

/**
 * Decides a pledge: ratios, collateral values and the largest loan for
 * one right or a bundle.
 *
 * A right that fails a gate or whose kind has no ratio is ineligible
 * and contributes nothing; the decision records why. Rights whose
 * values are in another currency than the rules' are malformed input. The request as a whole is
 * ineligible when a request-wide gate holds, its tenor exceeds the cap,
 * or no right is eligible; the largest loan is then 0.
 *
 * @param[out] out   receives a new decision (caller frees with ipl_pledge_free()).
 * @param rules      the rules.
 * @param request    the loan asked for.
 * @param rights     @p n rights.
 * @param n          number of rights, ≥ 1.
 * @param[out] err   optional; filled on failure (where: "rights[i].<field>").
 * @return #IPL_OK (also for an ineligible request: that is a decision);
 *         #IPL_EINVAL or #IPL_EVERSION for malformed input; #IPL_ENOMEM.
 * @note Thread safety: @p rules is only read; the decision is immutable.
 */
IPL_EXTERN(int) ipl_pledge_new(ipl_pledge **out, const ipl_pledge_rules *rules,
                               const ipl_pledge_request *request,
                               const ipl_pledge_right *rights, size_t n,
                               ipl_error *err) IPL_WARN_UNUSED;

/** Frees a decision. NULL does nothing. @param p the decision. */
IPL_EXTERN(void) ipl_pledge_free(ipl_pledge *p);

/**
 * Whether the request is eligible (at least one right eligible, no
 * request-wide gate or cap failed).
 * @param p  the decision.
 * @return 1 or 0 (0 also for NULL).
 */
IPL_EXTERN(int) ipl_pledge_eligible(const ipl_pledge *p);

/**
 * The largest loan the rights secure under the rules.
 * @param p  the decision.
 * @return borrowed amount (valid while @p p lives); NULL for NULL.
 */
IPL_EXTERN(const ipl_money *) ipl_pledge_max_loan(const ipl_pledge *p);

/**
 * The total collateral value: Σ basis value × ratio over eligible rights.
 * @param p  the decision.
 * @return borrowed amount; NULL for NULL.
 */
IPL_EXTERN(const ipl_money *) ipl_pledge_collateral(const ipl_pledge *p);

/**
 * The overall pledge ratio: largest loan ÷ total appraised value of all
 * rights (the figure banks report).
 * @param p  the decision.
 * @return the ratio, 0 .. 1; 0 for NULL.
 */
IPL_EXTERN(double) ipl_pledge_ratio(const ipl_pledge *p);

/**
 * The ratio given to one right (0 when ineligible).
 * @param p      the decision.
 * @param right  index of the right, as passed to ipl_pledge_new().
 * @return the ratio; 0 for NULL or an index out of range.
 */
IPL_EXTERN(double) ipl_pledge_right_ratio(const ipl_pledge *p, size_t right);

/**
 * The collateral value of one right (0 when ineligible).
 * @param p      the decision.
 * @param right  index of the right.
 * @return borrowed amount; NULL for NULL or an index out of range.
 */
IPL_EXTERN(const ipl_money *) ipl_pledge_right_collateral(const ipl_pledge *p,
                                                         size_t right);

/**
 * Number of reasons for ineligibility (of rights or of the request).
 * @param p  the decision.
 * @return the count; 0 for NULL.
 */
IPL_EXTERN(size_t) ipl_pledge_failure_count(const ipl_pledge *p);

/**
 * One reason for ineligibility, as a trace step (the gate or cap that
 * failed and why).
 * @param p  the decision.
 * @param i  0 .. ipl_pledge_failure_count() − 1.
 * @return borrowed step (valid while @p p lives); NULL out of range.
 */
IPL_EXTERN(const ipl_pledge_step *) ipl_pledge_failure(const ipl_pledge *p, size_t i);

/**
 * Number of steps in the decision's trace.
 * @param p  the decision.
 * @return the count; 0 for NULL.
 */
IPL_EXTERN(size_t) ipl_pledge_trace_count(const ipl_pledge *p);

/**
 * One step of the trace, in the order the decision took them.
 * @param p  the decision.
 * @param i  0 .. ipl_pledge_trace_count() − 1.
 * @return borrowed step (valid while @p p lives); NULL out of range.
 */
IPL_EXTERN(const ipl_pledge_step *) ipl_pledge_trace(const ipl_pledge *p, size_t i);

/** Loan-to-value check during a loan (a value type). */
typedef struct ipl_pledge_health {
    double ltv;           /**< outstanding balance ÷ current collateral value */
    double threshold;     /**< the maintenance loan-to-value checked against */
    int breached;         /**< 1 when ltv exceeds the threshold */
    ipl_money top_up;     /**< extra appraised value to pledge that restores the threshold (0 if none needed) */
    ipl_money repayment;  /**< repayment that restores the threshold instead (0 if none needed) */
} ipl_pledge_health;

/**
 * Checks a running loan against the maintenance loan-to-value: the
 * caps' maintenance_ltv, or @p initial_ratio when that is 0. Amounts
 * that restore the threshold are rounded up to the minor unit, so that
 * paying them does restore it.
 *
 * @param[out] out         receives the check.
 * @param rules            the rules.
 * @param balance          outstanding balance.
 * @param value            current appraised value of the pledged rights (> 0).
 * @param initial_ratio    the ratio the loan was granted at (0 .. 1).
 * @param[out] err         optional; filled on failure.
 * @return #IPL_OK, #IPL_EINVAL (NULL, currency differs, no threshold)
 *         or #IPL_EOVERFLOW.
 */
IPL_EXTERN(int) ipl_pledge_monitor(ipl_pledge_health *out,
                                   const ipl_pledge_rules *rules,
                                   const ipl_money *balance,
                                   const ipl_money *value,
                                   double initial_ratio, ipl_error *err)
    IPL_WARN_UNUSED;

/** Five-tier loan classification (商业银行金融资产风险分类办法, 2023). */
typedef enum ipl_loan_class {
    IPL_CLASS_NORMAL = 0,       /**< 正常 */
    IPL_CLASS_SPECIAL_MENTION,  /**< 关注 */
    IPL_CLASS_SUBSTANDARD,      /**< 次级 (non-performing) */
    IPL_CLASS_DOUBTFUL,         /**< 可疑 (non-performing) */
    IPL_CLASS_LOSS              /**< 损失 (non-performing) */
} ipl_loan_class;

/** One loan in a bank's IP-pledge book, for quarterly statistics. */
typedef struct ipl_pledge_loan {
    unsigned int version;     /**< #IPL_PLEDGE_LOAN_VERSION */
    const char *borrower;     /**< borrower identifier; required (clients are counted by it) */
    ipl_money amount;         /**< amount lent */
    ipl_money balance;        /**< outstanding balance at the period's end */
    double ratio;             /**< pledge ratio at origination (0 .. 1) */
    ipl_loan_class grade;     /**< classification at the period's end */
    int new_in_period;        /**< 1 when originated in the period */
} ipl_pledge_loan;

/** Current version of ::ipl_pledge_loan. */
#define IPL_PLEDGE_LOAN_VERSION 1
/** Initialiser for ::ipl_pledge_loan. */
#define IPL_PLEDGE_LOAN_INIT { IPL_PLEDGE_LOAN_VERSION, NULL, { 0, "" }, { 0, "" }, 0.0, IPL_CLASS_NORMAL, 0 }

/** Portfolio statistics a bank reports each quarter (seed 003). */
typedef struct ipl_pledge_book {
    ipl_money new_amount;       /**< Σ amount of loans new in the period */
    ipl_money balance;          /**< Σ balance */
    size_t clients;             /**< distinct borrowers with a balance */
    size_t new_clients;         /**< distinct borrowers with a new loan */
    double weighted_ratio;      /**< Σ ratio × amount ÷ Σ amount over new loans (0 when none) */
    double npl_ratio;           /**< non-performing balance ÷ balance */
    double class_ratio[5];      /**< balance share of each ::ipl_loan_class */
    double npl_tolerance;       /**< the bank's overall NPL ratio + 3 pp */
    int within_tolerance;       /**< 1 when npl_ratio ≤ npl_tolerance */
} ipl_pledge_book;

/**
 * Summarises a loan book as banks report it quarterly: new lending,
 * balance, clients, weighted pledge ratio and NPL ratio by class, and
 * the supervisory tolerance (2019 CBIRC/CNIPA/NCAC notice: the IP-pledge
 * NPL ratio may exceed the bank's overall NPL ratio by up to 3
 * percentage points).
 *
 * @param[out] out         receives the statistics.
 * @param loans            @p n loans, all in one currency.
 * @param n                number of loans (0 gives zero figures in @p currency).
 * @param currency         ISO 4217 code of the book.
 * @param bank_npl_ratio   the bank's overall NPL ratio, 0 .. 1.
 * @param[out] err         optional; filled on failure (where: "loans[i].<field>").
 * @return #IPL_OK, #IPL_EINVAL, #IPL_EVERSION, #IPL_EOVERFLOW or #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_pledge_book_summarise(ipl_pledge_book *out,
                                          const ipl_pledge_loan *loans, size_t n,
                                          const char *currency,
                                          double bank_npl_ratio, ipl_error *err)
    IPL_WARN_UNUSED;

IPL_END_DECL

/** @} */
#endif /* IPL_PLEDGE_H */
