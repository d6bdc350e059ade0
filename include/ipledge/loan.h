/**
 * @file ipledge/loan.h
 * @brief Loan repayment schedules in exact minor units.
 * @defgroup ipl_loan Loan schedules
 *
 * A caller fills in an ::ipl_loan_terms block (principal, dates, number
 * and length of periods, repayment method, rate, day count, rounding,
 * prepayments) and builds an immutable ::ipl_loan_schedule from it:
 * @code
 * ipl_loan_terms t = IPL_LOAN_TERMS_INIT;
 * ipl_loan_schedule *s = NULL;
 * ipl_error err;
 *
 * ipl_money_from_minor(&t.principal, 100000000, "CNY", &err); // 1,000,000.00
 * ipl_date_from_ymd(&t.start, 2024, 1, 15, &err);
 * t.periods = 36;
 * t.method = IPL_LOAN_ANNUITY;
 * t.rate = 0.0435;
 * t.daycount = IPL_DC_30_360;
 * if (ipl_loan_schedule_new(&s, &t, &err) < 0) ...
 * @endcode
 *
 * Every period's interest is the opening balance × the annual rate ×
 * the day-count fraction of the period, computed exactly and rounded
 * once with the terms' rounding. Each row satisfies payment = interest
 * + principal and closing = opening − principal exactly; the principal
 * column sums exactly to the loan's principal. Whatever rounding leaves
 * over is paid with the last row's principal; ipl_loan_schedule_residual()
 * says how much that was. doc/schedules.md gives every formula.
 *
 * Thread safety: a built schedule is immutable; several threads may read
 * it at once. Building schedules in parallel needs nothing shared.
 * @{
 */
#ifndef IPL_LOAN_H
#define IPL_LOAN_H

#include "ipledge/common.h"
#include "ipledge/error.h"
#include "ipledge/money.h"
#include "ipledge/date.h"
#include "ipledge/daycount.h"

IPL_BEGIN_DECL

/** How the principal is repaid. There is no default: 0 is an error. */
typedef enum ipl_loan_method {
    IPL_LOAN_METHOD_NONE = 0, /**< not given: #IPL_EINVAL */
    /** Equal instalments (等额本息): every payment is the same annuity
     *  instalment, recomputed only when the rate resets or a prepayment
     *  lowers it. */
    IPL_LOAN_ANNUITY,
    /** Equal principal (等额本金): the principal is repaid in equal
     *  parts; interest falls with the balance. */
    IPL_LOAN_EQUAL_PRINCIPAL,
    /** Interest only with a bullet (先息后本): all principal in the last
     *  period. */
    IPL_LOAN_BULLET,
    /** The principal of each period is given in ipl_loan_terms::plan. */
    IPL_LOAN_PLAN
} ipl_loan_method;

/** The length of a regular period. */
typedef enum ipl_loan_frequency {
    IPL_LOAN_FREQ_DEFAULT = 0, /**< the library default: #IPL_LOAN_MONTHLY */
    IPL_LOAN_MONTHLY,          /**< 1 month, 12 periods a year */
    IPL_LOAN_QUARTERLY,        /**< 3 months, 4 a year */
    IPL_LOAN_SEMIANNUAL,       /**< 6 months, 2 a year */
    IPL_LOAN_ANNUAL            /**< 12 months, 1 a year */
} ipl_loan_frequency;

/** What a partial prepayment changes. */
typedef enum ipl_loan_recalc {
    /** the library default: #IPL_LOAN_LOWER_INSTALMENT */
    IPL_LOAN_RECALC_DEFAULT = 0,
    /** Keep the maturity; the instalment (or the equal principal part)
     *  is recomputed over the periods left. With a plan, the prepaid
     *  amount is taken from the remaining planned parts in proportion
     *  to them (largest remainder). */
    IPL_LOAN_LOWER_INSTALMENT,
    /** Keep the instalment (or the principal part); the loan ends
     *  earlier. With a plan, the prepaid amount is taken from the last
     *  planned parts backwards. */
    IPL_LOAN_SHORTEN_TERM
} ipl_loan_recalc;

/** One fixing of the loan prime rate (LPR) path. */
typedef struct ipl_loan_fixing {
    /** the reset date: the fixing applies to every period that starts on
     *  or after it (until the next fixing) */
    ipl_date date;
    /** the LPR as a fraction: 0.0345 for 3.45 % */
    double lpr;
} ipl_loan_fixing;

/** A prepayment, made on a scheduled payment date on top of that
 *  period's regular payment. */
typedef struct ipl_loan_prepayment {
    /** a payment date of the schedule */
    ipl_date date;
    /** the amount prepaid, > 0 and in the loan's currency; equal to the
     *  balance left after that period's regular principal it repays the
     *  loan in full */
    ipl_money amount;
    /** what a partial prepayment changes (0 for the default) */
    ipl_loan_recalc recalc;
} ipl_loan_prepayment;

/** Current version of ::ipl_loan_terms. */
#define IPL_LOAN_TERMS_VERSION 1

/**
 * The terms of a loan: a parameter block the caller fills in. Start from
 * #IPL_LOAN_TERMS_INIT or ipl_loan_terms_init(); fields may be appended
 * in later versions. Arrays are borrowed for the duration of the call
 * that reads them.
 */
typedef struct ipl_loan_terms {
    unsigned int version;      /**< #IPL_LOAN_TERMS_VERSION */
    /** amount lent, > 0: { 100000000, "CNY" } is CNY 1,000,000.00 */
    ipl_money principal;
    /** drawdown date: interest accrues from it */
    ipl_date start;
    /** the first payment date, for a short or long first period; all
     *  zero (year 0) for start + one regular period. Later payment
     *  dates are this date plus whole periods. */
    ipl_date first_payment;
    /** number of payments, 1 .. 1200 */
    unsigned int periods;
    /** length of the regular period (0 for monthly) */
    ipl_loan_frequency frequency;
    /** how the principal is repaid; required */
    ipl_loan_method method;
    /** the annual rate as a fraction (0.0435 for 4.35 %); with an LPR
     *  path, the spread added to the LPR (0.008 for LPR + 80 bp).
     *  Must lie in [-1, 10] and give a period rate ≥ 0. */
    double rate;
    /** the LPR path, in increasing date order, the first on or before
     *  @c start; NULL (with @c n_fixings 0) for a fixed rate */
    const ipl_loan_fixing *fixings;
    size_t n_fixings;          /**< entries in @c fixings */
    /** how interest accrues; required (#IPL_DC_NONE is an error).
     *  ACT/360 is usual for renminbi loans; with 30/360 every regular
     *  period is exactly 1/12, 1/4, 1/2 or 1 year, as in a spreadsheet */
    ipl_daycount daycount;
    /** how exact interest and instalments become minor units (0 for
     *  half-even; #IPL_ROUND_NEVER is refused: interest is rarely exact) */
    ipl_rounding rounding;
    /** how payment dates fall at month ends (0 for clamping: a
     *  31st becomes the 30th or 28th/29th of shorter months) */
    ipl_month_rule month_rule;
    /** for #IPL_LOAN_PLAN: the principal repaid in each of the
     *  @c periods periods, each ≥ 0, summing exactly to @c principal */
    const ipl_money *plan;
    size_t n_plan;             /**< entries in @c plan (= @c periods) */
    /** prepayments in increasing date order; NULL for none */
    const ipl_loan_prepayment *prepayments;
    size_t n_prepayments;      /**< entries in @c prepayments */
} ipl_loan_terms;

/** A zeroed ::ipl_loan_terms of the current version. */
#define IPL_LOAN_TERMS_INIT { IPL_LOAN_TERMS_VERSION, { 0, "" }, { 0, 0, 0 }, \
        { 0, 0, 0 }, 0, IPL_LOAN_FREQ_DEFAULT, IPL_LOAN_METHOD_NONE, 0.0, \
        NULL, 0, IPL_DC_NONE, IPL_ROUND_DEFAULT, IPL_MONTH_DEFAULT, NULL, 0, \
        NULL, 0 }

/**
 * Initialises a terms block: all fields zero, version set.
 *
 * @param[out] terms  the block to initialise.
 * @param version     #IPL_LOAN_TERMS_VERSION as the caller was compiled with.
 * @return #IPL_OK; #IPL_EVERSION for an unknown @p version; #IPL_EINVAL
 *         for NULL @p terms.
 */
IPL_EXTERN(int) ipl_loan_terms_init(ipl_loan_terms *terms,
                                    unsigned int version);

/** A built repayment schedule: immutable, opaque. */
typedef struct ipl_loan_schedule ipl_loan_schedule;

/** One period of a schedule. A borrowed view into the schedule. */
typedef struct ipl_loan_row {
    ipl_date start;        /**< first day of the period (interest accrues from it) */
    ipl_date date;         /**< payment date: last day of the period, not counted */
    double rate;           /**< annual rate in force (LPR + spread for floating loans) */
    ipl_money opening;     /**< balance at the start of the period */
    ipl_money interest;    /**< interest of the period, rounded */
    /** principal repaid on @c date, including @c prepaid */
    ipl_money principal;
    ipl_money payment;     /**< interest + principal */
    ipl_money closing;     /**< opening − principal, never negative */
    ipl_money prepaid;     /**< the part of @c principal that was prepaid */
} ipl_loan_row;

/** Sums over all rows of a schedule. */
typedef struct ipl_loan_totals {
    ipl_money interest;    /**< Σ interest */
    ipl_money principal;   /**< Σ principal: exactly the loan's principal */
    ipl_money payment;     /**< Σ payment = interest + principal */
    ipl_money prepaid;     /**< Σ prepaid */
} ipl_loan_totals;

/**
 * Builds the schedule of a loan.
 *
 * @param[out] out  receives the schedule, new (caller frees with
 *                  ipl_loan_schedule_free()); written only on success.
 * @param terms     the terms; checked field by field.
 * @param[out] err  optional; @c where names the field, such as
 *                  "terms.periods" or "terms.prepayments[1].date".
 * @return #IPL_OK; #IPL_EINVAL (a missing or malformed field, a
 *         prepayment off the payment dates); #IPL_EOVERFLOW (amounts
 *         beyond 64 bits); #IPL_ENOMEM; #IPL_EVERSION.
 */
IPL_EXTERN(int) ipl_loan_schedule_new(ipl_loan_schedule **out,
                                      const ipl_loan_terms *terms,
                                      ipl_error *err) IPL_WARN_UNUSED;

/**
 * Frees a schedule and every row view it handed out.
 *
 * @param s  the schedule; NULL does nothing.
 */
IPL_EXTERN(void) ipl_loan_schedule_free(ipl_loan_schedule *s);

/**
 * The number of rows: the number of payments, which prepayments with
 * #IPL_LOAN_SHORTEN_TERM or a full prepayment make smaller than
 * ipl_loan_terms::periods.
 *
 * @param s  the schedule.
 * @return the number of rows, or 0 for NULL.
 */
IPL_EXTERN(size_t) ipl_loan_schedule_count(const ipl_loan_schedule *s);

/**
 * One row of a schedule.
 *
 * @param s  the schedule.
 * @param i  0-based row index.
 * @return borrowed (valid while @p s lives); NULL when @p s is NULL or
 *         @p i is out of range.
 */
IPL_EXTERN(const ipl_loan_row *) ipl_loan_schedule_row(const ipl_loan_schedule *s,
                                                       size_t i);

/**
 * The sums of a schedule's columns.
 *
 * @param s  the schedule.
 * @return borrowed (valid while @p s lives); NULL when @p s is NULL.
 */
IPL_EXTERN(const ipl_loan_totals *)
ipl_loan_schedule_totals(const ipl_loan_schedule *s);

/**
 * Where the rounding residual went: the last row pays the whole balance
 * left, which differs from the regular principal of the method (the
 * instalment less interest, the equal principal part, the planned part)
 * by what rounding the earlier rows left over.
 *
 * @param[out] amount  receives the last principal minus the regular
 *                     principal (may be negative); for a bullet loan 0.
 * @param s            the schedule.
 * @param[out] err     optional; filled on failure.
 * @return the row index that holds the residual (the last row), or
 *         #IPL_EINVAL for a NULL argument.
 */
IPL_EXTERN(int) ipl_loan_schedule_residual(ipl_money *amount,
                                           const ipl_loan_schedule *s,
                                           ipl_error *err);

/**
 * The day-count convention the schedule accrued interest with, so that
 * schedules derived from it (subsidies, fees) accrue alike.
 *
 * @param s  the schedule.
 * @return the convention, or #IPL_DC_NONE for NULL.
 */
IPL_EXTERN(ipl_daycount) ipl_loan_schedule_daycount(const ipl_loan_schedule *s);

/**
 * The rounding the schedule used (never #IPL_ROUND_DEFAULT).
 *
 * @param s  the schedule.
 * @return the rounding, or #IPL_ROUND_DEFAULT for NULL.
 */
IPL_EXTERN(ipl_rounding) ipl_loan_schedule_rounding(const ipl_loan_schedule *s);

/** Current version of ::ipl_loan_batch_outputs. */
#define IPL_LOAN_BATCH_OUTPUTS_VERSION 1

/**
 * Where ipl_loan_schedule_batch() writes: caller-owned arrays, all in
 * minor units of each loan's currency. Every pointer may be NULL for
 * "not wanted". The per-loan arrays have one entry per loan; the
 * matrices are row-major, loan @c i's period @c k at
 * <tt>[i × stride + k]</tt> (an n × stride numpy int64 array in C
 * order), and a loan's entries after its last row are set to 0. Start
 * from #IPL_LOAN_BATCH_OUTPUTS_INIT or ipl_loan_batch_outputs_init().
 */
typedef struct ipl_loan_batch_outputs {
    unsigned int version;    /**< #IPL_LOAN_BATCH_OUTPUTS_VERSION */
    /** the payment of each loan's first period: for equal instalments
     *  the instalment itself whenever it covers the interest */
    int64_t *instalment;
    int64_t *interest;       /**< each loan's total interest */
    int64_t *repaid;         /**< each loan's total payments: principal + interest */
    unsigned int *rows;      /**< each loan's number of rows */
    /** columns of the matrices: at least every loan's
     *  ipl_loan_terms::periods when a matrix is given */
    size_t stride;
    int64_t *row_interest;   /**< n × stride: each period's interest */
    int64_t *row_principal;  /**< n × stride: each period's principal */
    int64_t *row_balance;    /**< n × stride: each period's closing balance */
} ipl_loan_batch_outputs;

/** An ::ipl_loan_batch_outputs of the current version wanting nothing. */
#define IPL_LOAN_BATCH_OUTPUTS_INIT { IPL_LOAN_BATCH_OUTPUTS_VERSION, NULL, \
        NULL, NULL, NULL, 0, NULL, NULL, NULL }

/**
 * Initialises an outputs block: every pointer NULL, stride 0, version set.
 *
 * @param[out] outputs  the block to initialise.
 * @param version       #IPL_LOAN_BATCH_OUTPUTS_VERSION as the caller was
 *                      compiled with.
 * @return #IPL_OK; #IPL_EVERSION for an unknown @p version; #IPL_EINVAL
 *         for NULL @p outputs.
 */
IPL_EXTERN(int) ipl_loan_batch_outputs_init(ipl_loan_batch_outputs *outputs,
                                            unsigned int version);

/**
 * Computes the schedules of @p n loans at once, writing each loan's
 * figures into the caller's arrays instead of building objects: what a
 * bank re-pricing a portfolio needs. Every figure is exactly, to the
 * minor unit, what ipl_loan_schedule_new() gives for the same terms
 * (row payments, ipl_loan_schedule_totals() interest and payment, row
 * interest, principal and closing balance), for every method, period,
 * day count, rounding, LPR path and prepayment: the test suite checks
 * this field by field over 12,000 random loans.
 *
 * Loans with a fixed rate and no prepayments (the usual portfolio) take
 * a path that allocates nothing and keeps per batch what loans share:
 * the day-count fractions of the periods are worked out once for a run
 * of loans with the same dates, period and day count, prepared rates
 * are kept, and four loans with the same dates and rounding go through
 * the periods side by side. doc/schedules.md says more. The state this
 * keeps lives on the stack (about 32 KB). A loan with an LPR path or
 * prepayments is built through ipl_loan_schedule_new() (one allocation,
 * freed before the next loan).
 *
 * @param[in,out] outputs  the arrays to fill (the block itself is only
 *                  read); on failure the entries of the loans before
 *                  the failing one hold their figures, the failing
 *                  loan's matrix rows may be partly written and its
 *                  per-loan entries and those of later loans are
 *                  unchanged.
 * @param terms     @p n loan terms, each checked as
 *                  ipl_loan_schedule_new() checks it.
 * @param n         the number of loans; 0 does nothing.
 * @param[out] err  optional; @c where names the loan and field, as
 *                  "terms[812].periods", or "outputs.stride".
 * @return #IPL_OK; #IPL_EINVAL (a malformed field, a matrix narrower than
 *         a loan's periods); #IPL_EOVERFLOW (amounts beyond 64 bits);
 *         #IPL_ENOMEM (only for a loan with an LPR path or prepayments);
 *         #IPL_EVERSION.
 */
IPL_EXTERN(int) ipl_loan_schedule_batch(const ipl_loan_batch_outputs *outputs,
                                        const ipl_loan_terms *terms, size_t n,
                                        ipl_error *err) IPL_WARN_UNUSED;

/**
 * The annuity instalment a spreadsheet's PMT gives, rounded: principal
 * × r ÷ (1 − (1 + r)^−n) with r = @p annual_rate ÷ periods a year
 * (principal ÷ n when r = 0). CNY 1,000,000.00 at 4.35 % over 36 months
 * is 29,679.93.
 *
 * @param[out] out    receives the instalment in the principal's currency.
 * @param principal   the balance to amortise, > 0.
 * @param annual_rate annual rate as a fraction, ≥ 0.
 * @param frequency   the period (0 for monthly).
 * @param n           number of payments, ≥ 1.
 * @param rounding    how the instalment becomes minor units (0 for
 *                    half-even).
 * @param[out] err    optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (bad argument); #IPL_EOVERFLOW.
 */
IPL_EXTERN(int) ipl_loan_instalment(ipl_money *out, const ipl_money *principal,
                                    double annual_rate,
                                    ipl_loan_frequency frequency,
                                    unsigned int n, ipl_rounding rounding,
                                    ipl_error *err) IPL_WARN_UNUSED;

/**
 * The name of a method as the command line and reports write it:
 * "annuity", "equal-principal", "bullet", "plan".
 *
 * @param method  the method.
 * @return borrowed static text, or NULL for an unknown value.
 */
IPL_EXTERN(const char *) ipl_loan_method_name(ipl_loan_method method);

/**
 * Finds a method by name: the names of ipl_loan_method_name() and the
 * Chinese terms 等额本息, 等额本金, 先息后本.
 *
 * @param[out] out  receives the method.
 * @param name      NUL-terminated name.
 * @param[out] err  optional; filled on failure (where: "method").
 * @return #IPL_OK, or #IPL_EINVAL (NULL, unknown name).
 */
IPL_EXTERN(int) ipl_loan_method_from_name(ipl_loan_method *out,
                                          const char *name, ipl_error *err)
    IPL_WARN_UNUSED;

/**
 * Finds a frequency by name: "monthly", "quarterly", "semi-annual",
 * "annual".
 *
 * @param[out] out  receives the frequency.
 * @param name      NUL-terminated name.
 * @param[out] err  optional; filled on failure (where: "frequency").
 * @return #IPL_OK, or #IPL_EINVAL (NULL, unknown name).
 */
IPL_EXTERN(int) ipl_loan_frequency_from_name(ipl_loan_frequency *out,
                                             const char *name, ipl_error *err)
    IPL_WARN_UNUSED;

IPL_END_DECL

/** @} */
#endif /* IPL_LOAN_H */
