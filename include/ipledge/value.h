/**
 * @file ipledge/value.h
 * @brief Valuation of a right: income, cost and market approaches, with
 *        an audit trail.
 * @defgroup ipl_value Valuation
 *
 * Each approach takes a caller-filled assumption block (a versioned
 * struct: ::ipl_value_income, ::ipl_value_cost, ::ipl_value_market) and
 * returns an immutable ::ipl_value holding the value, the per-period
 * rows, the benefit period and why it was chosen, the discount-rate
 * build-up, sensitivities, named intermediate figures, a copy of every
 * input and a trace an appraiser can read. Values are model quantities
 * in @c double, in the currency units the inputs use (yuan, or 万元 when
 * the inputs are in 万元); ipl_value_to_money() is the one crossing to
 * exact money. Rates are fractions (0.10 for 10 %). The formulas and
 * their sources are in doc/valuation.md.
 *
 * @code
 * ipl_value_income in = IPL_VALUE_INCOME_INIT;
 * ipl_value *v = NULL;
 * in.base_first = 1000000; in.base_decline = 100000;   // falls to 0 in 10 years
 * in.share = 1; in.discount_rate = 0.10; in.legal_years = 20;
 * if (ipl_value_income_new(&v, &in, &err) == IPL_OK)
 *     printf("%.0f\n", ipl_value_total(v));            // 3855433
 * ipl_value_free(v);
 * @endcode
 * @{
 */
#ifndef IPL_VALUE_H
#define IPL_VALUE_H

#include "ipledge/common.h"
#include "ipledge/error.h"
#include "ipledge/date.h"
#include "ipledge/money.h"

IPL_BEGIN_DECL

/** A valuation result: immutable once built; share it read-only. */
typedef struct ipl_value ipl_value;

/** The method that produced a value. */
typedef enum ipl_value_method {
    /** Income approach default: #IPL_VALUE_SPLIT. */
    IPL_VALUE_METHOD_DEFAULT = 0,
    /** Profit or revenue split (分成率法): base × share. */
    IPL_VALUE_SPLIT,
    /** Relief from royalty: revenue × royalty rate, optionally × TAB. */
    IPL_VALUE_RELIEF_FROM_ROYALTY,
    /** Multi-period excess earnings: base × share − contributory asset charges. */
    IPL_VALUE_MPEEM,
    /** With and without (incremental cash flow): base − without. */
    IPL_VALUE_WITH_WITHOUT,
    /** Direct excess earnings: volume × price premium × share. */
    IPL_VALUE_DIRECT_EXCESS,
    /** Cost approach (ipl_value_cost_new()). */
    IPL_VALUE_COST,
    /** Market approach (ipl_value_market_new()). */
    IPL_VALUE_MARKET
} ipl_value_method;

/** When in each period its cash flow is taken to arrive. */
typedef enum ipl_value_timing {
    IPL_VALUE_TIMING_DEFAULT = 0, /**< the library default: #IPL_VALUE_TIMING_END */
    IPL_VALUE_TIMING_END,         /**< at the end of the period (textbook default) */
    IPL_VALUE_TIMING_MID          /**< in the middle of the period */
} ipl_value_timing;

/** What the income base is; it labels the rows and the trace. */
typedef enum ipl_value_base {
    IPL_VALUE_BASE_DEFAULT = 0, /**< the library default: #IPL_VALUE_BASE_REVENUE */
    IPL_VALUE_BASE_REVENUE,     /**< sales revenue (销售收入) */
    IPL_VALUE_BASE_PROFIT,      /**< sales profit (销售利润) */
    IPL_VALUE_BASE_CASH_FLOW,   /**< a cash flow (MPEEM, with-and-without) */
    IPL_VALUE_BASE_VOLUME       /**< units sold (direct excess earnings) */
} ipl_value_base;

/** Which limit fixed the benefit period. */
typedef enum ipl_value_reason {
    IPL_VALUE_REASON_NONE = 0,  /**< no period (cost and market approaches) */
    IPL_VALUE_REASON_LEGAL,     /**< the remaining legal life */
    IPL_VALUE_REASON_CONTRACT,  /**< the contract (licence) term */
    IPL_VALUE_REASON_ECONOMIC,  /**< the economic life, or income falling to zero */
    IPL_VALUE_REASON_FORECAST,  /**< the length of the base series given */
    /** A renewable right in perpetuity: explicit forecast, then Gordon growth. */
    IPL_VALUE_REASON_PERPETUAL
} ipl_value_reason;

/** A named rate: a component of the discount rate, as a fraction. */
typedef struct ipl_value_premium {
    const char *name;  /**< "technology", "market", "policy"…; borrowed */
    double      rate;  /**< fraction: 0.02 for 2 % */
} ipl_value_premium;

/** A contributory asset charged in the multi-period excess earnings method. */
typedef struct ipl_value_charge {
    const char *name;       /**< "working capital", "workforce"…; borrowed */
    double      amount;     /**< fair value of the asset, currency units */
    double      return_on;  /**< required return on the asset, fraction per year */
    double      return_of;  /**< return of a wasting asset, fraction per year (0 if none) */
} ipl_value_charge;

/** Version of ::ipl_value_income this header describes. */
#define IPL_VALUE_INCOME_VERSION 1
/** Initialiser of an ::ipl_value_income: every field at its default. */
#define IPL_VALUE_INCOME_INIT { IPL_VALUE_INCOME_VERSION }

/**
 * Assumptions of the income approach. Zero means "default" or "not
 * given" for every field, as stated beside it. Every array is borrowed
 * for the duration of the call; the result keeps its own copy.
 */
typedef struct ipl_value_income {
    unsigned int     version;      /**< #IPL_VALUE_INCOME_VERSION */
    ipl_value_method method;       /**< an income method; 0 = #IPL_VALUE_SPLIT */
    ipl_value_base   base_kind;    /**< label of the base; 0 = revenue */
    /** Base per year (revenue, profit, cash flow or volume), one value
     *  per forecast year; NULL to use base_first and its growth. */
    const double    *base;
    size_t           base_count;   /**< number of values in @c base */
    double           base_first;   /**< base in year 1 when @c base is NULL */
    double           base_growth;  /**< growth per year of base_first, fraction */
    /** Fall per year of base_first, currency units; the year it reaches
     *  zero ends the economic life. */
    double           base_decline;
    /** Share of the base attributable to the right (分成率, royalty rate),
     *  fraction in [0, 1]; required for split and relief from royalty,
     *  0 = 1 for the other methods. */
    double           share;
    const double    *shares;       /**< one share per year instead of @c share; NULL = use @c share */
    size_t           share_count;  /**< number of values in @c shares */
    double           premium;      /**< direct excess: price premium per unit */
    const double    *without;      /**< with-and-without: base per year without the right */
    size_t           without_count; /**< number of values in @c without */
    const ipl_value_charge *charges; /**< MPEEM: contributory asset charges */
    size_t           charge_count; /**< number of entries in @c charges */
    double           tax_rate;     /**< income tax rate, fraction in [0, 1) */
    /** The discount rate; with premia, the risk-free rate they are added to. */
    double           discount_rate;
    const ipl_value_premium *premia; /**< risk premia of a build-up; NULL = none */
    size_t           premium_count; /**< number of entries in @c premia */
    double           legal_years;  /**< remaining legal life, years; 0 = use legal_expiry */
    ipl_date         legal_expiry; /**< expiry of the right; year 0 = not given */
    ipl_date         valuation_date; /**< needed with legal_expiry (ACT/365F years between) */
    int              renewable;    /**< nonzero: renewable (trademark), legal life does not bind */
    double           contract_years; /**< contract or licence term, years; 0 = none */
    double           economic_years; /**< remaining economic life, years; 0 = not given */
    /** Length of the first period in years, cut short by the valuation
     *  date, in (0, 1]; 0 = a full year. */
    double           first_period;
    ipl_value_timing timing;       /**< 0 = end of period */
    /** Nonzero: a renewable right in perpetuity, with a Gordon terminal
     *  value after the explicit period. */
    int              terminal;
    double           terminal_growth; /**< Gordon growth g per year, fraction, < rate */
    /** Tax amortisation benefit: amortisation period in years; 0 = no TAB. */
    double           tab_years;
    ipl_value_timing tab_timing;   /**< TAB factor end- or mid-year; 0 = end */
    /** Nonzero: textbook mode — discount factors rounded to 4 decimals
     *  and shares to 0.01 % before use, as published answers do. */
    int              textbook;
} ipl_value_income;

/** Version of ::ipl_value_cost this header describes. */
#define IPL_VALUE_COST_VERSION 1
/** Initialiser of an ::ipl_value_cost: every field at its default. */
#define IPL_VALUE_COST_INIT { IPL_VALUE_COST_VERSION }

/** How the cost approach finds the replacement cost. */
typedef enum ipl_value_cost_basis {
    IPL_VALUE_COST_DEFAULT = 0,   /**< the library default: #IPL_VALUE_COST_COMPONENTS */
    IPL_VALUE_COST_COMPONENTS,    /**< sum of the cost components (核算法) */
    /** Multiplier method (倍加系数法): (C + β1·V) ÷ (1 − β2) × (1 + L). */
    IPL_VALUE_COST_MULTIPLIER,
    /** Historical cost × price index now ÷ price index then (物价指数法). */
    IPL_VALUE_COST_INDEXED
} ipl_value_cost_basis;

/**
 * Assumptions of the cost approach. Amounts in currency units, rates as
 * fractions; zero is "none" unless stated.
 */
typedef struct ipl_value_cost {
    unsigned int         version;    /**< #IPL_VALUE_COST_VERSION */
    ipl_value_cost_basis basis;      /**< 0 = components */
    /** Direct (researchers') labour; in the multiplier method V. */
    double labour;
    /** Materials; in the multiplier method C is materials + overhead +
     *  fees + financing, the costs other than labour. */
    double materials;
    double overhead;         /**< overhead and management */
    double fees;             /**< registration and agency fees */
    double financing;        /**< financing cost */
    double profit;           /**< components: reasonable profit */
    double beta1;            /**< multiplier: β1, creative-labour multiplier, ≥ 0 */
    double beta2;            /**< multiplier: β2, R&D risk coefficient in [0, 1) */
    double profit_rate;      /**< multiplier: L, investment profit rate */
    double historical_cost;  /**< indexed: cost when the right was made */
    double index_then;       /**< indexed: price index then, > 0 */
    double index_now;        /**< indexed: price index now, > 0 */
    double used_years;       /**< years used; with remaining_years gives 成新率 */
    double remaining_years;  /**< remaining useful years */
    /** 成新率 given directly, in (0, 1]; 0 = from used and remaining
     *  years, or 1 when those are not given either. */
    double newness;
    double functional_amount; /**< functional obsolescence as an amount */
    double functional_rate;   /**< functional obsolescence as a rate of replacement cost */
    double economic_amount;   /**< economic obsolescence as an amount */
    double economic_rate;     /**< economic obsolescence as a rate of replacement cost */
    /** Minimum licence fee: share of the net replacement cost the
     *  transfer bears (转让成本分摊率), in [0, 1]; 0 = not computed. */
    double transfer_share;
    double opportunity_cost;  /**< minimum licence fee: lost income and added cost (PV) */
} ipl_value_cost;

/** One comparable transaction of the market approach. */
typedef struct ipl_value_comparable {
    double price;      /**< price of the comparable transaction, currency units, > 0 */
    double time;       /**< adjustment factor for the deal date; 0 = 1 */
    double technology; /**< adjustment factor for technology; 0 = 1 */
    double legal;      /**< adjustment factor for legal status; 0 = 1 */
    double terms;      /**< adjustment factor for deal conditions; 0 = 1 */
    double quality;    /**< quality score Qᵢ of the comparable; 0 = no ratio */
    double weight;     /**< weight in the mean; 0 = 1 */
} ipl_value_comparable;

/** Version of ::ipl_value_market this header describes. */
#define IPL_VALUE_MARKET_VERSION 1
/** Initialiser of an ::ipl_value_market: every field at its default. */
#define IPL_VALUE_MARKET_INIT { IPL_VALUE_MARKET_VERSION }

/**
 * Assumptions of the market approach: V = Σ wᵢ·Pᵢ·factorsᵢ·(Q ÷ Qᵢ) ÷ Σ wᵢ.
 */
typedef struct ipl_value_market {
    unsigned int version;       /**< #IPL_VALUE_MARKET_VERSION */
    const ipl_value_comparable *comparables; /**< borrowed for the call */
    size_t       count;         /**< number of comparables, ≥ 1 */
    /** Quality score Q of the subject; 0 = no quality ratio (then every
     *  Qᵢ must be 0 too). */
    double       quality;
} ipl_value_market;

/** One period of an income valuation. A borrowed view. */
typedef struct ipl_value_row {
    double years;      /**< length of the period, years (a stub may be shorter) */
    double time;       /**< discount time, years from the valuation date */
    double base;       /**< base per year (volume × premium for direct excess) */
    double share;      /**< share applied (after textbook rounding) */
    double charge;     /**< deducted before tax: CACs (MPEEM) or the without case */
    double pretax;     /**< (base × share − charge) × years */
    double tax;        /**< pretax × tax rate */
    double aftertax;   /**< pretax − tax */
    double discount;   /**< discount factor (after textbook rounding) */
    double present;    /**< aftertax × discount */
} ipl_value_row;

/** A named intermediate figure of a valuation. A borrowed view. */
typedef struct ipl_value_figure {
    const char *name;  /**< "replacement_cost", "tab_factor"…; borrowed */
    double      value; /**< currency units, fraction or years as the name says */
} ipl_value_figure;

/** The sensitivities every income valuation carries. */
typedef enum ipl_value_shift {
    IPL_VALUE_RATE_DOWN = 0,  /**< discount rate − 1 percentage point */
    IPL_VALUE_RATE_UP,        /**< discount rate + 1 percentage point */
    IPL_VALUE_SHARE_DOWN,     /**< every share × 0.9 */
    IPL_VALUE_SHARE_UP        /**< every share × 1.1 */
} ipl_value_shift;

/**
 * Initialises income assumptions to their defaults.
 * @param[out] in    the block to fill.
 * @param version    #IPL_VALUE_INCOME_VERSION.
 * @return #IPL_OK; #IPL_EINVAL (NULL); #IPL_EVERSION (unknown version).
 */
IPL_EXTERN(int) ipl_value_income_init(ipl_value_income *in, unsigned int version);

/**
 * Initialises cost assumptions to their defaults.
 * @param[out] in    the block to fill.
 * @param version    #IPL_VALUE_COST_VERSION.
 * @return #IPL_OK; #IPL_EINVAL (NULL); #IPL_EVERSION (unknown version).
 */
IPL_EXTERN(int) ipl_value_cost_init(ipl_value_cost *in, unsigned int version);

/**
 * Initialises market assumptions to their defaults.
 * @param[out] in    the block to fill.
 * @param version    #IPL_VALUE_MARKET_VERSION.
 * @return #IPL_OK; #IPL_EINVAL (NULL); #IPL_EVERSION (unknown version).
 */
IPL_EXTERN(int) ipl_value_market_init(ipl_value_market *in, unsigned int version);

/**
 * Values a right by the income approach:
 * V = Σₜ (baseₜ × shareₜ − chargeₜ) × yearsₜ × (1 − T) × DFₜ [+ Gordon
 * terminal value] [× TAB factor], over the benefit period
 * min(legal, contract, economic life).
 * @param[out] out  receives a new result (caller frees with ipl_value_free()).
 * @param in        the assumptions; arrays are copied.
 * @param[out] err  optional; filled on failure, where naming the field
 *                  ("discount_rate", "shares[3]").
 * @return #IPL_OK; #IPL_EINVAL (missing or malformed input);
 *         #IPL_ERANGE (a value outside its domain: rate ≤ −100 %,
 *         period over 1000 years, growth ≥ rate); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_value_income_new(ipl_value **out, const ipl_value_income *in,
                                     ipl_error *err) IPL_WARN_UNUSED;

/**
 * Values many income cases at once, without building result objects:
 * the fast path for portfolios and bindings. Each value equals
 * ipl_value_total() of ipl_value_income_new() on the same case.
 * @param[out] values  receives @p n values, currency units.
 * @param cases        @p n assumption blocks.
 * @param n            number of cases.
 * @param[out] err     optional; on failure where names the case
 *                     ("cases[7].discount_rate").
 * @return #IPL_OK; #IPL_EINVAL; #IPL_ERANGE. On failure @p values may
 *         hold the values of the cases before the failing one.
 */
IPL_EXTERN(int) ipl_value_income_batch(double *values, const ipl_value_income *cases,
                                       size_t n, ipl_error *err) IPL_WARN_UNUSED;

/**
 * Values a right by the cost approach: replacement cost × 成新率 −
 * functional and economic obsolescence, and optionally the minimum
 * licence fee (net replacement cost × transfer share + opportunity cost,
 * figure "minimum_fee").
 * @param[out] out  receives a new result (caller frees with ipl_value_free()).
 * @param in        the assumptions.
 * @param[out] err  optional; filled on failure, where naming the field.
 * @return #IPL_OK; #IPL_EINVAL (missing or malformed input);
 *         #IPL_ERANGE (rates outside their domain); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_value_cost_new(ipl_value **out, const ipl_value_cost *in,
                                   ipl_error *err) IPL_WARN_UNUSED;

/**
 * Values a right by the market approach from comparable transactions.
 * @param[out] out  receives a new result (caller frees with ipl_value_free()).
 * @param in        the assumptions; the comparables are copied.
 * @param[out] err  optional; filled on failure ("comparables[2].price").
 * @return #IPL_OK; #IPL_EINVAL (missing or malformed input);
 *         #IPL_ERANGE (non-positive price, factor or score); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_value_market_new(ipl_value **out, const ipl_value_market *in,
                                     ipl_error *err) IPL_WARN_UNUSED;

/**
 * Frees a result. NULL does nothing.
 * @param v  the result, or NULL.
 */
IPL_EXTERN(void) ipl_value_free(ipl_value *v);

/**
 * The value. @param v a result. @return the value in currency units.
 */
IPL_EXTERN(double) ipl_value_total(const ipl_value *v);

/**
 * The value as exact money: the one crossing from the model to contracts.
 * @param[out] out   receives the amount.
 * @param v          a result.
 * @param currency   ISO 4217 code of the units the inputs were in.
 * @param rounding   how the value becomes minor units.
 * @param[out] err   optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL, unknown currency); #IPL_EOVERFLOW.
 */
IPL_EXTERN(int) ipl_value_to_money(ipl_money *out, const ipl_value *v,
                                   const char *currency, ipl_rounding rounding,
                                   ipl_error *err) IPL_WARN_UNUSED;

/** The method used. @param v a result. @return the method. */
IPL_EXTERN(ipl_value_method) ipl_value_method_of(const ipl_value *v);

/**
 * The name of a method, as the assumptions document spells it.
 * @param m  a method.
 * @return borrowed static text ("split", "relief-from-royalty", "mpeem",
 *         "with-and-without", "direct-excess", "cost", "market"), or
 *         "unknown".
 */
IPL_EXTERN(const char *) ipl_value_method_name(ipl_value_method m);

/**
 * The method a name spells (the inverse of ipl_value_method_name()).
 * @param[out] out  receives the method.
 * @param name      the name.
 * @param[out] err  optional; filled on failure (where: "method").
 * @return #IPL_OK; #IPL_EINVAL (NULL or unknown name).
 */
IPL_EXTERN(int) ipl_value_method_from_name(ipl_value_method *out, const char *name,
                                           ipl_error *err) IPL_WARN_UNUSED;

/**
 * Number of periods (rows) of an income valuation.
 * @param v a result. @return the count; 0 for cost and market results.
 */
IPL_EXTERN(size_t) ipl_value_row_count(const ipl_value *v);

/**
 * One period of an income valuation.
 * @param v  a result.
 * @param i  0-based period index.
 * @return borrowed (valid while @p v lives); NULL when @p i is out of range.
 */
IPL_EXTERN(const ipl_value_row *) ipl_value_row_at(const ipl_value *v, size_t i);

/**
 * The benefit period, years (the explicit forecast for a perpetual right).
 * @param v a result. @return years; 0 for cost and market results.
 */
IPL_EXTERN(double) ipl_value_period(const ipl_value *v);

/** Which limit fixed the period. @param v a result. @return the reason. */
IPL_EXTERN(ipl_value_reason) ipl_value_period_reason(const ipl_value *v);

/**
 * The name of a period reason: "legal", "contract", "economic",
 * "forecast", "perpetual" or "none".
 * @param r  a reason. @return borrowed static text; "unknown" if out of range.
 */
IPL_EXTERN(const char *) ipl_value_reason_name(ipl_value_reason r);

/**
 * The discount rate used (risk-free plus premia when built up).
 * @param v a result. @return the rate as a fraction; 0 for cost and market.
 */
IPL_EXTERN(double) ipl_value_discount_rate(const ipl_value *v);

/**
 * Number of discount-rate components: 1 (the rate given) or 1 + the
 * number of premia (the first component is then the risk-free rate).
 * @param v a result. @return the count; 0 for cost and market results.
 */
IPL_EXTERN(size_t) ipl_value_rate_count(const ipl_value *v);

/**
 * One discount-rate component.
 * @param v  a result.
 * @param i  0-based index.
 * @return borrowed (valid while @p v lives); NULL when out of range.
 */
IPL_EXTERN(const ipl_value_premium *) ipl_value_rate_at(const ipl_value *v, size_t i);

/**
 * The value with one input shifted, all else equal.
 * @param v      an income result.
 * @param shift  which shift.
 * @return the shifted value in currency units; NaN for cost and market
 *         results or an unknown shift.
 */
IPL_EXTERN(double) ipl_value_sensitivity(const ipl_value *v, ipl_value_shift shift);

/** Number of named figures. @param v a result. @return the count. */
IPL_EXTERN(size_t) ipl_value_figure_count(const ipl_value *v);

/**
 * One named figure, in the order they were computed.
 * @param v  a result.
 * @param i  0-based index.
 * @return borrowed (valid while @p v lives); NULL when out of range.
 */
IPL_EXTERN(const ipl_value_figure *) ipl_value_figure_at(const ipl_value *v, size_t i);

/**
 * Looks a figure up by name.
 * @param[out] out  receives its value.
 * @param v         a result.
 * @param name      the figure's name.
 * @param[out] err  optional; filled on failure (where: "name").
 * @return #IPL_OK; #IPL_EINVAL (NULL or no such figure).
 */
IPL_EXTERN(int) ipl_value_figure_get(double *out, const ipl_value *v, const char *name,
                                     ipl_error *err) IPL_WARN_UNUSED;

/**
 * How the value was reached, step by step, in lines of plain text for
 * an appraiser's file.
 * @param v  a result.
 * @return borrowed NUL-terminated UTF-8 (valid while @p v lives).
 */
IPL_EXTERN(const char *) ipl_value_trace(const ipl_value *v);

/**
 * The income assumptions as the result saw them.
 * @param v  a result.
 * @return borrowed copy (valid while @p v lives); NULL unless an income result.
 */
IPL_EXTERN(const ipl_value_income *) ipl_value_income_echo(const ipl_value *v);

/**
 * The cost assumptions as the result saw them.
 * @param v  a result.
 * @return borrowed copy (valid while @p v lives); NULL unless a cost result.
 */
IPL_EXTERN(const ipl_value_cost *) ipl_value_cost_echo(const ipl_value *v);

/**
 * The market assumptions as the result saw them.
 * @param v  a result.
 * @return borrowed copy (valid while @p v lives); NULL unless a market result.
 */
IPL_EXTERN(const ipl_value_market *) ipl_value_market_echo(const ipl_value *v);

/**
 * Tax amortisation benefit factor, end-year:
 * 1 ÷ (1 − T ÷ n × PA(k, n)); mid-year multiplies PA(k, n) by (1 + k)^½.
 * @param[out] out  receives the factor (≥ 1 for T, k > 0).
 * @param tax_rate  T, fraction in [0, 1).
 * @param years     n, amortisation period, years, 1..100.
 * @param rate      k, discount rate, fraction > −1.
 * @param timing    end- or mid-year.
 * @param[out] err  optional; filled on failure (where: the parameter).
 * @return #IPL_OK; #IPL_EINVAL (NaN, NULL); #IPL_ERANGE (outside the domain).
 */
IPL_EXTERN(int) ipl_value_tab_factor(double *out, double tax_rate, double years,
                                     double rate, ipl_value_timing timing,
                                     ipl_error *err) IPL_WARN_UNUSED;

/** How a share (分成率) was derived. */
typedef enum ipl_value_share_method {
    IPL_VALUE_SHARE_GIVEN = 0,      /**< given by the appraiser */
    IPL_VALUE_SHARE_EQUIVALENT,     /**< equivalent investment (约当投资分成法) */
    IPL_VALUE_SHARE_REVENUE,        /**< revenue share = profit share × margin */
    IPL_VALUE_SHARE_RULE_25,        /**< 25 % rule of thumb: a heuristic */
    IPL_VALUE_SHARE_SCORE,          /**< lower + (upper − lower) × score */
    IPL_VALUE_SHARE_BAND            /**< middle of an industry royalty band */
} ipl_value_share_method;

/** Capacity of ipl_value_share::how, including the NUL. */
#define IPL_VALUE_HOW_MAX 192

/** A derived share and how it was derived. A value type. */
typedef struct ipl_value_share {
    double                 rate;      /**< the share, fraction */
    ipl_value_share_method method;    /**< how */
    int                    heuristic; /**< nonzero: a rule of thumb, not evidence */
    char how[IPL_VALUE_HOW_MAX];      /**< the arithmetic, for the trace */
} ipl_value_share;

/**
 * Equivalent-investment split (约当投资分成法): profit share =
 * IP × (1 + m_IP) ÷ (IP × (1 + m_IP) + A × (1 + m_A)).
 * @param[out] out        receives the share.
 * @param ip_cost         replacement cost of the IP, > 0.
 * @param ip_margin       cost-profit rate of the IP, fraction > −1 (4.0 for 400 %).
 * @param buyer_assets    replacement cost of the buyer's assets, > 0.
 * @param buyer_margin    the buyer's cost-profit rate, fraction > −1.
 * @param[out] err        optional; filled on failure (where: the parameter).
 * @return #IPL_OK; #IPL_EINVAL (NULL or NaN); #IPL_ERANGE.
 */
IPL_EXTERN(int) ipl_value_share_equivalent(ipl_value_share *out, double ip_cost,
                                           double ip_margin, double buyer_assets,
                                           double buyer_margin, ipl_error *err)
    IPL_WARN_UNUSED;

/**
 * Revenue share from a profit share: revenue share = profit share × profit margin.
 * @param[out] out        receives the share.
 * @param profit_share    share of profit, fraction in [0, 1].
 * @param margin          profit ÷ revenue, fraction in [0, 1].
 * @param[out] err        optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL or NaN); #IPL_ERANGE.
 */
IPL_EXTERN(int) ipl_value_share_revenue(ipl_value_share *out, double profit_share,
                                        double margin, ipl_error *err)
    IPL_WARN_UNUSED;

/**
 * The 25 % rule of thumb: revenue royalty = 25 % × operating margin. A
 * heuristic (inadmissible for US patent damages since Uniloc v.
 * Microsoft, 2011): the result is flagged so.
 * @param[out] out   receives the share.
 * @param margin     operating profit ÷ revenue, fraction in [0, 1].
 * @param[out] err   optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL or NaN); #IPL_ERANGE.
 */
IPL_EXTERN(int) ipl_value_share_rule25(ipl_value_share *out, double margin,
                                       ipl_error *err) IPL_WARN_UNUSED;

/**
 * Score interpolation (综合评价法): lower + (upper − lower) × score.
 * @param[out] out   receives the share.
 * @param lower      bottom of the range, fraction.
 * @param upper      top of the range, fraction ≥ lower.
 * @param score      the right's score, in [0, 1].
 * @param[out] err   optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL or NaN); #IPL_ERANGE.
 */
IPL_EXTERN(int) ipl_value_share_score(ipl_value_share *out, double lower, double upper,
                                      double score, ipl_error *err) IPL_WARN_UNUSED;

/**
 * Royalty on net sales from an industry band (UNIDO-style table, kept as
 * data in the library): the band's middle, or lower + (upper − lower) ×
 * score. Industries: "basic", "intermediate", "durable-consumer",
 * "nondurable-consumer", "high-tech".
 * @param[out] out    receives the share (its how names the band).
 * @param industry    the industry's name.
 * @param score       position in the band in [0, 1]; 0.5 = the middle.
 * @param[out] err    optional; filled on failure (where: "industry").
 * @return #IPL_OK; #IPL_EINVAL (NULL, NaN, unknown industry); #IPL_ERANGE.
 */
IPL_EXTERN(int) ipl_value_share_band(ipl_value_share *out, const char *industry,
                                     double score, ipl_error *err) IPL_WARN_UNUSED;

IPL_END_DECL

/** @} */
#endif /* IPL_VALUE_H */
