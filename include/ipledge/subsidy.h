/**
 * @file ipledge/subsidy.h
 * @brief Borrower subsidies on a loan: interest subsidies (贴息),
 *        appraisal-fee and guarantee-fee subsidies, first-loan
 *        subsidies, as dated schedules in exact minor units.
 * @defgroup ipl_subsidy Subsidies
 *
 * A subsidy rule (an ::ipl_subsidy_rule the caller or the policy module
 * fills in) applied to a built loan schedule gives a dated schedule: for
 * each loan period, the amount the subsidy is computed on (the base:
 * interest, a fee or a premium), the subsidy before caps and the amount
 * paid after the caps, and the date it is paid. Several rules on one
 * loan (an interest subsidy and an appraisal-fee subsidy) are several
 * schedules.
 *
 * For a period of the loan with opening balance B, loan rate r and
 * day-count fraction f (the loan's convention):
 * - #IPL_SUBSIDY_ACTUAL_INTEREST: base = interest × ip_share;
 * - #IPL_SUBSIDY_REFERENCE_INTEREST: base = B × min(r, rate) × ip_share × f;
 * - #IPL_SUBSIDY_RATE_ON_BALANCE: base = B × rate × ip_share × f;
 * - #IPL_SUBSIDY_FIXED_FEE: one row, base = fee;
 *
 * then subsidy = base × share, and paid = the subsidy within what the
 * caps leave. Each product is rounded once, with the rule's rounding.
 * doc/schedules.md gives worked examples.
 *
 * Thread safety: a built schedule is immutable; several threads may read
 * it at once.
 * @{
 */
#ifndef IPL_SUBSIDY_H
#define IPL_SUBSIDY_H

#include "ipledge/common.h"
#include "ipledge/error.h"
#include "ipledge/money.h"
#include "ipledge/date.h"
#include "ipledge/loan.h"

IPL_BEGIN_DECL

/** What a subsidy is computed on. There is no default: 0 is an error. */
typedef enum ipl_subsidy_base {
    IPL_SUBSIDY_BASE_NONE = 0,      /**< not given: #IPL_EINVAL */
    /** the loan's actual interest on the IP-secured share (Zhongguancun:
     *  40 % of actual interest) */
    IPL_SUBSIDY_ACTUAL_INTEREST,
    /** interest at the lower of the loan's rate and a reference rate
     *  (the 1-year LPR) on the IP-secured share (Fujian: 20 % of LPR
     *  interest; Chongqing Beibei: 50 % of LPR) */
    IPL_SUBSIDY_REFERENCE_INTEREST,
    /** a yearly rate on the balance: a guarantee fee or guarantee-
     *  insurance premium (1.2 %), or a first-loan subsidy of 100 bp
     *  (Beijing) */
    IPL_SUBSIDY_RATE_ON_BALANCE,
    /** a one-off fee, such as the appraisal fee (Dongguan: 50 % of it) */
    IPL_SUBSIDY_FIXED_FEE
} ipl_subsidy_base;

/** When subsidies are paid. */
typedef enum ipl_subsidy_payment {
    /** on each loan payment date (a fixed fee: on the loan's start) (the
     *  default) */
    IPL_SUBSIDY_PER_PERIOD = 0,
    /** once a year, on 31 December, for the periods ending that year */
    IPL_SUBSIDY_PER_YEAR,
    /** all at once on the loan's last payment date (after full
     *  repayment) */
    IPL_SUBSIDY_AFTER_REPAYMENT
} ipl_subsidy_payment;

/** A firm's subsidy already paid in one calendar year on other loans. */
typedef struct ipl_subsidy_usage {
    int year;          /**< the calendar year */
    ipl_money paid;    /**< paid or due for periods ending that year, ≥ 0 */
} ipl_subsidy_usage;

/** Current version of ::ipl_subsidy_rule. */
#define IPL_SUBSIDY_RULE_VERSION 1

/**
 * A subsidy rule: a parameter block the caller fills in (start from
 * ipl_subsidy_rule_init()). Amounts are in the loan's currency; a cap
 * whose minor is 0 does not apply.
 *
 * Examples from DOMAIN.md section 4.3: Beijing Zhongguancun: base
 * #IPL_SUBSIDY_ACTUAL_INTEREST, @c share 0.40, @c max_loan_rate 1-year
 * LPR × 1.4, @c cap_per_year CNY 500,000.00. Dongguan: interest
 * subsidy capped at CNY 500,000.00 per firm per year; appraisal fee
 * #IPL_SUBSIDY_FIXED_FEE with @c share 0.5. Beijing first-loan subsidy:
 * #IPL_SUBSIDY_RATE_ON_BALANCE, @c rate 0.01, @c share 1. Fujian:
 * #IPL_SUBSIDY_REFERENCE_INTEREST, @c rate = LPR, @c share 0.2,
 * @c max_months 12, @c cap_total CNY 200,000.00. An unnamed city's
 * appraisal-fee rule: @c cap_loan_fraction 0.005, @c cap_per_year
 * CNY 60,000.00, paid #IPL_SUBSIDY_AFTER_REPAYMENT.
 */
typedef struct ipl_subsidy_rule {
    unsigned int version;       /**< #IPL_SUBSIDY_RULE_VERSION */
    ipl_subsidy_base base;      /**< what the subsidy is computed on; required */
    /** the subsidised fraction of the base, in (0, 1]: 0.4 for 40 % */
    double share;
    /** #IPL_SUBSIDY_REFERENCE_INTEREST: the reference rate (0.0345 for a
     *  1-year LPR of 3.45 %); #IPL_SUBSIDY_RATE_ON_BALANCE: the yearly
     *  rate (0.01 for 100 bp); otherwise unused. A fraction in [0, 1]. */
    double rate;
    /** the IP-secured share of the loan in (0, 1]; 0 for 1 */
    double ip_share;
    /** periods at a loan rate above this get nothing (Zhongguancun:
     *  LPR × 1.4); 0 for no condition */
    double max_loan_rate;
    ipl_money fee;              /**< #IPL_SUBSIDY_FIXED_FEE: the fee, > 0 */
    /** only periods ending within this many months of the loan's start
     *  count (Fujian: 12); 0 for no limit */
    unsigned int max_months;
    /** most paid for periods ending in one calendar year (per firm per
     *  year, for this loan) */
    ipl_money cap_per_year;
    ipl_money cap_total;        /**< most paid in all */
    /** most paid in all as a fraction of the loan's principal (0.005 for
     *  0.5 %); 0 for none */
    double cap_loan_fraction;
    ipl_subsidy_payment payment;  /**< when it is paid */
    /** how products become minor units; 0 for the loan schedule's */
    ipl_rounding rounding;
    /** Caps per firm across its loans: what the firm's other loans have
     *  already been paid (or are due) under the same rule, per calendar
     *  year. These amounts count against @c cap_per_year for their
     *  years, so that a firm with several loans gets at most the cap in
     *  all (Dongguan, Zhongguancun: per firm per year). NULL for none. */
    const ipl_subsidy_usage *firm_usage;
    size_t firm_usage_count;    /**< entries in @c firm_usage */
    /** what the firm's other loans have been paid in all under the rule;
     *  counts against @c cap_total (minor 0 for none) */
    ipl_money firm_paid_total;
} ipl_subsidy_rule;

/**
 * Initialises a rule: all fields zero, version set.
 *
 * @param[out] rule  the block to initialise.
 * @param version    #IPL_SUBSIDY_RULE_VERSION as compiled.
 * @return #IPL_OK; #IPL_EVERSION (unknown @p version); #IPL_EINVAL (NULL).
 */
IPL_EXTERN(int) ipl_subsidy_rule_init(ipl_subsidy_rule *rule, unsigned int version);

/** A subsidy schedule: immutable, opaque. */
typedef struct ipl_subsidy_schedule ipl_subsidy_schedule;

/** One row: a loan period (or the fee). A borrowed view. */
typedef struct ipl_subsidy_row {
    ipl_date start;      /**< first day of the period */
    ipl_date end;        /**< the loan payment date ending it */
    ipl_date paid_on;    /**< when the subsidy is paid */
    ipl_money base;      /**< interest, fee or premium the subsidy is computed on */
    ipl_money subsidy;   /**< base × share, 0 when ineligible */
    ipl_money paid;      /**< the subsidy within the caps; never more */
} ipl_subsidy_row;

/** Sums over the rows. */
typedef struct ipl_subsidy_totals {
    ipl_money base;      /**< Σ base */
    ipl_money subsidy;   /**< Σ subsidy */
    ipl_money paid;      /**< Σ paid */
    ipl_money capped;    /**< Σ subsidy − Σ paid: what the caps withheld */
} ipl_subsidy_totals;

/**
 * Builds the subsidy schedule of a rule on a loan.
 *
 * @param[out] out  receives the schedule, new (caller frees with
 *                  ipl_subsidy_schedule_free()); written only on success.
 * @param loan      the loan's schedule (borrowed for the call).
 * @param rule      the rule; checked field by field ("rule.share").
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (a malformed field or a currency other
 *         than the loan's); #IPL_EOVERFLOW; #IPL_ENOMEM; #IPL_EVERSION.
 */
IPL_EXTERN(int) ipl_subsidy_schedule_new(ipl_subsidy_schedule **out,
                                         const ipl_loan_schedule *loan,
                                         const ipl_subsidy_rule *rule,
                                         ipl_error *err) IPL_WARN_UNUSED;

/**
 * Frees a subsidy schedule and every view it handed out.
 *
 * @param s  the schedule; NULL does nothing.
 */
IPL_EXTERN(void) ipl_subsidy_schedule_free(ipl_subsidy_schedule *s);

/**
 * The number of rows: one per loan period, or one for a fixed fee.
 *
 * @param s  the schedule.
 * @return the count, or 0 for NULL.
 */
IPL_EXTERN(size_t) ipl_subsidy_schedule_count(const ipl_subsidy_schedule *s);

/**
 * One row.
 *
 * @param s  the schedule.
 * @param i  0-based index.
 * @return borrowed (valid while @p s lives); NULL when out of range.
 */
IPL_EXTERN(const ipl_subsidy_row *)
ipl_subsidy_schedule_row(const ipl_subsidy_schedule *s, size_t i);

/**
 * The sums of the columns.
 *
 * @param s  the schedule.
 * @return borrowed (valid while @p s lives); NULL for NULL.
 */
IPL_EXTERN(const ipl_subsidy_totals *)
ipl_subsidy_schedule_totals(const ipl_subsidy_schedule *s);

IPL_END_DECL

/** @} */
#endif /* IPL_SUBSIDY_H */
