/**
 * @file ipledge/compensation.h
 * @brief Risk compensation of defaulted pledge loans: who bears which
 *        part of the loss, when the money moves, and whether a fund
 *        is large enough.
 * @defgroup ipl_compensation Risk compensation
 *
 * A region's scheme is an ::ipl_compensation_regime the caller (or the
 * policy module, from a policy file) fills in: the parties and their
 * shares, tiers by the borrower's balance, what is covered, nested caps
 * and the timing. A defaulted loan is an ::ipl_compensation_claim: what
 * was outstanding at the non-performing (NPL) classification, the
 * IP-secured share, what the disposal of the pledged rights recovered.
 * ipl_compensation_new() turns the two into a settlement statement, each
 * party's part of the loss, and dated cash flows.
 *
 * Every allocation among parties uses the largest-remainder method
 * (ipl_money_split()), so the parties' parts add up exactly to the loss.
 * Caps only ever move money from the capped public fund to the lender.
 * doc/schedules.md gives the formulas and worked examples.
 *
 * Thread safety: a settled claim is immutable; several threads may read
 * it at once. ipl_compensation_simulate() starts and joins its own
 * threads (ipl_compensation_sim_options::threads) and keeps no state.
 * @{
 */
#ifndef IPL_COMPENSATION_H
#define IPL_COMPENSATION_H

#include "ipledge/common.h"
#include "ipledge/error.h"
#include "ipledge/money.h"
#include "ipledge/date.h"

IPL_BEGIN_DECL

/** Most parties a regime may name. */
#define IPL_COMPENSATION_MAX_PARTIES 8
/** Most tiers a regime may have. */
#define IPL_COMPENSATION_MAX_TIERS 4
/** Capacity of a party's name, including the NUL. */
#define IPL_COMPENSATION_NAME_MAX 32
/** The shares of a tier add up to this many basis points (100 %). */
#define IPL_COMPENSATION_BP 10000

/** What a party is, which decides how caps treat it. */
typedef enum ipl_compensation_role {
    /** a guarantor, re-guarantor, insurer or appraiser: bears its share,
     *  no caps apply (the default) */
    IPL_COMPENSATION_OTHER = 0,
    /** a public compensation fund: its payouts are capped by the
     *  regime's caps and by the fund's balance */
    IPL_COMPENSATION_FUND,
    /** the lending bank: bears its share, every loss not covered and
     *  whatever the caps take from the fund; exactly one per regime */
    IPL_COMPENSATION_LENDER
} ipl_compensation_role;

/** What part of the loss the shares apply to. */
typedef enum ipl_compensation_cover {
    /** principal loss only; the lender bears all interest loss (the
     *  default; Jiangsu, Guangzhou) */
    IPL_COMPENSATION_PRINCIPAL = 0,
    /** principal and interest loss */
    IPL_COMPENSATION_PRINCIPAL_INTEREST
} ipl_compensation_cover;

/** When the parties pay. */
typedef enum ipl_compensation_timing {
    /** once, on the settlement date after disposal or write-off (the
     *  default) */
    IPL_COMPENSATION_AFTER_DISPOSAL = 0,
    /** pre-compensation: the funds pay part of their share of the
     *  outstanding principal soon after the NPL classification (Henan
     *  风险补偿前置; Shanghai ~80 % two months after NPL); after
     *  disposal every party settles on the actual loss, and a fund that
     *  prepaid more than its final part is paid back (claw-back) */
    IPL_COMPENSATION_PRECOMPENSATE
} ipl_compensation_timing;

/** A party of a regime. */
typedef struct ipl_compensation_party {
    /** a label for reports, NUL-terminated: "fund", "bank" */
    char name[IPL_COMPENSATION_NAME_MAX];
    ipl_compensation_role role;  /**< how caps treat the party */
} ipl_compensation_party;

/**
 * One tier of a regime: the parties' shares for borrowers whose balance
 * is at most @c up_to. Jiangsu 苏知贷: tier 0 up to CNY 10,000,000.00
 * with fund 8000 / bank 2000; tier 1 up to CNY 30,000,000.00 with
 * 5000 / 5000.
 */
typedef struct ipl_compensation_tier {
    /** the largest borrower balance of the tier, inclusive; minor 0 for
     *  no upper bound (last tier only) */
    ipl_money up_to;
    /** each party's share in basis points, in the order of
     *  ipl_compensation_regime::parties, adding up to
     *  #IPL_COMPENSATION_BP: 4321 is { 4000, 3000, 2000, 1000 } */
    int64_t shares[IPL_COMPENSATION_MAX_PARTIES];
} ipl_compensation_tier;

/** Current version of ::ipl_compensation_regime. */
#define IPL_COMPENSATION_REGIME_VERSION 1

/**
 * A risk-compensation scheme: a parameter block the caller fills in
 * (start from ipl_compensation_regime_init()). Caps are in the claim's
 * currency; a cap whose minor is 0 does not apply.
 *
 * Examples from DOMAIN.md section 4: Anhui/Xianning "4321": guarantor
 * 40 % (other), re-guarantor 30 % (other), bank 20 % (lender), local
 * government 10 % (fund). Guangzhou: fund 50 % / bank 50 % of principal,
 * @c cap_covered_per_loan CNY 10,000,000.00, @c cap_borrower_year CNY
 * 20,000,000.00. Weihai: province 40 % + city 20 % (two funds), bank
 * 40 %, @c cap_payout_per_loan CNY 1,000,000.00. Dongguan's SME fund:
 * fund 100 % with @c cap_bank_year_fraction 0.02 – 0.04 of the bank's
 * eligible new loans of the year. Wuhan: @c min_ip_share 0.5. Henan: timing
 * #IPL_COMPENSATION_PRECOMPENSATE, @c prepay_fraction 1.0. Shanghai:
 * @c prepay_fraction 0.8, @c prepay_delay_months 2.
 */
typedef struct ipl_compensation_regime {
    unsigned int version;    /**< #IPL_COMPENSATION_REGIME_VERSION */
    size_t n_parties;        /**< parties in use, 2 .. #IPL_COMPENSATION_MAX_PARTIES */
    /** the parties; exactly one is #IPL_COMPENSATION_LENDER */
    ipl_compensation_party parties[IPL_COMPENSATION_MAX_PARTIES];
    size_t n_tiers;          /**< tiers in use, 1 .. #IPL_COMPENSATION_MAX_TIERS */
    /** tiers in increasing order of @c up_to; only the last may be unbounded */
    ipl_compensation_tier tiers[IPL_COMPENSATION_MAX_TIERS];
    ipl_compensation_cover cover;   /**< what the shares apply to */
    /** most of one loan's loss that is shared (Guangzhou: the first
     *  CNY 10,000,000.00 of each loan) */
    ipl_money cap_covered_per_loan;
    /** most the funds together pay for one loan (Weihai CNY 1,000,000.00) */
    ipl_money cap_payout_per_loan;
    /** most the funds pay for one borrower in a year, this claim included
     *  (Guangzhou CNY 20,000,000.00) */
    ipl_money cap_borrower_year;
    /** most the funds pay one bank in a year, as an amount */
    ipl_money cap_bank_year;
    /** most the funds pay one bank in a year, as a fraction of the
     *  eligible new loans it made that year
     *  (ipl_compensation_claim::bank_new_loans): Dongguan 0.02 – 0.04;
     *  0 for none. With @c cap_bank_year too, the tighter applies. */
    double cap_bank_year_fraction;
    /** claims whose IP-secured share is below this get no cover (Wuhan:
     *  0.5); 0 for no condition */
    double min_ip_share;
    ipl_compensation_timing timing;  /**< when the parties pay */
    /** #IPL_COMPENSATION_PRECOMPENSATE: the fraction, in (0, 1], of the
     *  funds' share of the covered outstanding principal prepaid */
    double prepay_fraction;
    /** #IPL_COMPENSATION_PRECOMPENSATE: months from the NPL date to the
     *  prepayment (Shanghai 2; 0 pays on the NPL date) */
    unsigned int prepay_delay_months;
    /** how fractions (IP share, prepay fraction) become minor units
     *  (0 for half-even; #IPL_ROUND_NEVER refused) */
    ipl_rounding rounding;
} ipl_compensation_regime;

/**
 * Initialises a regime: all fields zero, version set.
 *
 * @param[out] regime  the block to initialise.
 * @param version      #IPL_COMPENSATION_REGIME_VERSION as compiled.
 * @return #IPL_OK; #IPL_EVERSION (unknown @p version); #IPL_EINVAL (NULL).
 */
IPL_EXTERN(int) ipl_compensation_regime_init(ipl_compensation_regime *regime,
                                             unsigned int version);

/** Proceeds of one disposal of pledged rights (or another recovery). */
typedef struct ipl_compensation_recovery {
    ipl_date date;        /**< when the money came in */
    ipl_money proceeds;   /**< gross proceeds, ≥ 0 */
    ipl_money costs;      /**< disposal costs (auction, legal), ≥ 0 */
} ipl_compensation_recovery;

/** Current version of ::ipl_compensation_claim. */
#define IPL_COMPENSATION_CLAIM_VERSION 1

/**
 * A defaulted loan brought to the regime: a parameter block the caller
 * fills in (start from ipl_compensation_claim_init()). Every amount is
 * in the currency of @c outstanding_principal.
 */
typedef struct ipl_compensation_claim {
    unsigned int version;        /**< #IPL_COMPENSATION_CLAIM_VERSION */
    ipl_date npl_date;           /**< NPL classification (default) date */
    ipl_money outstanding_principal; /**< principal unpaid at NPL, > 0 */
    ipl_money outstanding_interest;  /**< interest due and unpaid at NPL, ≥ 0 */
    /** the borrower's balance that picks the tier; minor 0 for the
     *  outstanding principal */
    ipl_money borrower_balance;
    /** the IP-secured share of combined collateral, in (0, 1]; 0 for
     *  1 (a pure IP pledge). Only this share of the loss is covered. */
    double ip_share;
    /** recoveries, in date order, none before @c npl_date; NULL for none */
    const ipl_compensation_recovery *recoveries;
    size_t n_recoveries;         /**< entries in @c recoveries */
    /** the settlement (write-off or end of disposal) date; year 0 for
     *  the date of the last recovery (then there must be one) */
    ipl_date settlement_date;
    /** funds' payouts already made this year to this borrower, ≥ 0 */
    ipl_money used_borrower_year;
    /** funds' payouts already made this year to this bank, ≥ 0 */
    ipl_money used_bank_year;
    /** the eligible new loans the bank made this year, ≥ 0, for
     *  ipl_compensation_regime::cap_bank_year_fraction */
    ipl_money bank_new_loans;
    /** nonzero when @c fund_balance limits the funds' payouts */
    int fund_limited;
    /** what the funds can still pay, ≥ 0 (liability up to the balance,
     *  以余额为限) */
    ipl_money fund_balance;
} ipl_compensation_claim;

/**
 * Initialises a claim: all fields zero, version set.
 *
 * @param[out] claim  the block to initialise.
 * @param version     #IPL_COMPENSATION_CLAIM_VERSION as compiled.
 * @return #IPL_OK; #IPL_EVERSION (unknown @p version); #IPL_EINVAL (NULL).
 */
IPL_EXTERN(int) ipl_compensation_claim_init(ipl_compensation_claim *claim,
                                            unsigned int version);

/** A settled claim: immutable, opaque. */
typedef struct ipl_compensation ipl_compensation;

/** The loss and how it was allocated. A borrowed view. */
typedef struct ipl_compensation_statement {
    ipl_money outstanding_principal;  /**< from the claim */
    ipl_money outstanding_interest;   /**< from the claim */
    /** Σ (proceeds − costs), never below 0: costs beyond the proceeds
     *  are the lender's expense, not part of the shared loss */
    ipl_money net_recovery;
    /** principal − net recovery, ≥ 0 (recoveries repay principal first) */
    ipl_money principal_loss;
    /** interest − what recoveries left after the principal, ≥ 0 */
    ipl_money interest_loss;
    ipl_money loss;          /**< principal_loss + interest_loss: the parts add up to it */
    /** the shared loss: the covered part × IP share, up to the per-loan
     *  cap; 0 when the IP share is below the regime's minimum */
    ipl_money covered;
    /** what caps and the fund's balance moved from the funds to the lender */
    ipl_money capped;
    size_t tier;             /**< index of the tier applied */
    ipl_date prepay_date;    /**< date of the pre-compensation (if any) */
    ipl_date settlement_date;     /**< date of the settlement */
} ipl_compensation_statement;

/** One party's part. A borrowed view. */
typedef struct ipl_compensation_share {
    const char *name;            /**< the party's name, borrowed */
    ipl_compensation_role role;  /**< its role */
    int64_t share_bp;            /**< its share in the tier applied, basis points */
    /** its part of the loss after caps; the parts add up to the loss */
    ipl_money final;
    ipl_money prepaid;       /**< paid at pre-compensation (funds only) */
    /** final − prepaid: paid at settlement, or paid back when negative */
    ipl_money settlement;
} ipl_compensation_share;

/** What a cash flow is. */
typedef enum ipl_compensation_flow_kind {
    IPL_COMPENSATION_PREPAY = 1,  /**< pre-compensation at NPL */
    IPL_COMPENSATION_SETTLE,      /**< payment at settlement */
    IPL_COMPENSATION_CLAWBACK     /**< overpayment returned by the lender */
} ipl_compensation_flow_kind;

/** A dated payment between a party and the lender. A borrowed view. */
typedef struct ipl_compensation_flow {
    ipl_date date;                    /**< when it is paid */
    size_t party;                     /**< index of the paying party */
    ipl_compensation_flow_kind kind;  /**< what it is */
    /** paid by the party to the lender; negative for a claw-back, which
     *  the lender pays back to the party */
    ipl_money amount;
} ipl_compensation_flow;

/**
 * Settles a claim under a regime.
 *
 * @param[out] out  receives the result, new (caller frees with
 *                  ipl_compensation_free()); written only on success.
 * @param regime    the scheme; checked field by field ("regime.tiers[1]").
 * @param claim     the defaulted loan ("claim.recoveries[0]").
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (a malformed field, shares not adding up
 *         to 100 %, currencies differing); #IPL_ERANGE (the borrower's
 *         balance lies above the last tier); #IPL_ENOMEM; #IPL_EVERSION.
 */
IPL_EXTERN(int) ipl_compensation_new(ipl_compensation **out,
                                     const ipl_compensation_regime *regime,
                                     const ipl_compensation_claim *claim,
                                     ipl_error *err) IPL_WARN_UNUSED;

/**
 * Frees a result and every view it handed out.
 *
 * @param c  the result; NULL does nothing.
 */
IPL_EXTERN(void) ipl_compensation_free(ipl_compensation *c);

/**
 * The settlement statement.
 *
 * @param c  the result.
 * @return borrowed (valid while @p c lives); NULL for NULL.
 */
IPL_EXTERN(const ipl_compensation_statement *)
ipl_compensation_statement_get(const ipl_compensation *c);

/**
 * The number of parties (as in the regime).
 *
 * @param c  the result.
 * @return the count, or 0 for NULL.
 */
IPL_EXTERN(size_t) ipl_compensation_share_count(const ipl_compensation *c);

/**
 * One party's part, in the order of the regime's parties.
 *
 * @param c  the result.
 * @param i  0-based party index.
 * @return borrowed (valid while @p c lives); NULL when out of range.
 */
IPL_EXTERN(const ipl_compensation_share *)
ipl_compensation_share_get(const ipl_compensation *c, size_t i);

/**
 * The number of cash flows. Parties whose amount is 0 have none.
 *
 * @param c  the result.
 * @return the count, or 0 for NULL.
 */
IPL_EXTERN(size_t) ipl_compensation_flow_count(const ipl_compensation *c);

/**
 * One cash flow; flows are in date order, then party order.
 *
 * @param c  the result.
 * @param i  0-based index.
 * @return borrowed (valid while @p c lives); NULL when out of range.
 */
IPL_EXTERN(const ipl_compensation_flow *)
ipl_compensation_flow_get(const ipl_compensation *c, size_t i);

/** One loan of a portfolio for the fund-adequacy simulation. */
typedef struct ipl_compensation_exposure {
    ipl_money principal;   /**< the loan's principal (its exposure at default) */
    double pd;             /**< yearly probability of default, in [0, 1] */
    double lgd;            /**< loss given default as a fraction of principal, [0, 1] */
    double ip_share;       /**< IP-secured share, (0, 1]; 0 for 1 */
} ipl_compensation_exposure;

/** Current version of ::ipl_compensation_sim_options. */
#define IPL_COMPENSATION_SIM_OPTIONS_VERSION 1

/** How to run the fund-adequacy simulation. */
typedef struct ipl_compensation_sim_options {
    unsigned int version;    /**< #IPL_COMPENSATION_SIM_OPTIONS_VERSION */
    /** the seed: the same seed gives the same figures on any machine */
    uint64_t seed;
    /** scenarios to draw, 1 .. 10^7; 0 for 10,000 */
    unsigned int scenarios;
    /** years simulated; a loan defaults at most once; 0 for 1 */
    unsigned int years;
    /** the fund's balance at the start, > 0 (in the loans' currency) */
    ipl_money fund_balance;
    /** threads to run blocks of scenarios on, 1 .. 256; 0 for 1. The
     *  figures do not depend on it. */
    unsigned int threads;
} ipl_compensation_sim_options;

/** Initialises simulation options: zero fields, version set.
 * @param[out] opts  the block to initialise.
 * @param version    #IPL_COMPENSATION_SIM_OPTIONS_VERSION as compiled.
 * @return #IPL_OK; #IPL_EVERSION; #IPL_EINVAL (NULL). */
IPL_EXTERN(int) ipl_compensation_sim_options_init(ipl_compensation_sim_options *opts,
                                                  unsigned int version);

/** Fund-adequacy figures, in major units of the loans' currency. */
typedef struct ipl_compensation_sim_result {
    double expected_payout;  /**< mean of the funds' payouts over the horizon */
    double p95_payout;       /**< 95th percentile of the same */
    /** share of scenarios in which claims exceeded the fund's balance */
    double prob_exhaustion;
    double leverage;         /**< Σ principal ÷ fund balance */
    unsigned int scenarios;  /**< scenarios drawn */
} ipl_compensation_sim_result;

/**
 * Simulates the funds' compensation outflows for a portfolio. Each year
 * each loan not yet in default defaults with its @c pd; a default loses
 * @c lgd × principal, which the regime shares as
 * ipl_compensation_new() does (principal cover, tier by the loan's
 * principal, minimum IP share, per-loan and per-borrower-year caps; the
 * portfolio is one bank's new loans, so @c cap_bank_year and
 * @c cap_bank_year_fraction × Σ principal limit each year's total); payouts stop
 * when the fund's balance is spent. Random numbers come from GSL's
 * MT19937, one independently seeded stream per block of 1,024
 * scenarios; blocks are dealt to @c threads threads in turn, and the
 * figures depend only on the seed and the number of scenarios, never on
 * the number of threads.
 *
 * @param[out] out   receives the figures; written only on success.
 * @param loans      the portfolio, @p n loans of one currency.
 * @param n          number of loans, ≥ 1.
 * @param regime     the scheme (its timing is irrelevant here).
 * @param opts       seed, scenarios, years and fund balance.
 * @param[out] err   optional; filled on failure ("loans[3].pd").
 * @return #IPL_OK; #IPL_EINVAL (a malformed input); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_compensation_simulate(ipl_compensation_sim_result *out,
                                          const ipl_compensation_exposure *loans,
                                          size_t n,
                                          const ipl_compensation_regime *regime,
                                          const ipl_compensation_sim_options *opts,
                                          ipl_error *err) IPL_WARN_UNUSED;

IPL_END_DECL

/** @} */
#endif /* IPL_COMPENSATION_H */
