/**
 * @file ipledge/policy.h
 * @brief A bank's or a region's rules for IP pledge loans, as data.
 * @defgroup ipl_policy Policies
 *
 * Pledge ratios, eligibility gates, caps, borrower subsidies and
 * risk-compensation regimes differ by bank and by region and change
 * every year, so ipledge keeps them in policy documents: XML in the
 * namespace `urn:ipledge:policy:1`, validated against the XML Schema
 * that ships with the library (ipl_policy_schema(), installed as
 * `policy.xsd`). Each document cites its sources and declares the
 * numbers they leave unpublished instead of inventing them.
 *
 * Built-in presets are compiled into the library and loaded through the
 * same parser and validator as files: "bank-conservative" (Bank of
 * Communications caps), "dongguan", "henan", "xianning-4321",
 * "beijing", "jiangsu", "guangzhou" and "shanghai". A document may name
 * a preset in `based-on` to take its pledge rules.
 *
 * Untrusted input: documents are read without network access, DTDs or
 * entity expansion; a DOCTYPE is refused. Every error names the file or
 * preset, the line, and the element at fault.
 * @{
 */
#ifndef IPL_POLICY_H
#define IPL_POLICY_H

#include "ipledge/common.h"
#include "ipledge/date.h"
#include "ipledge/error.h"
#include "ipledge/pledge.h"
#include "ipledge/compensation.h"
#include "ipledge/subsidy.h"

IPL_BEGIN_DECL

/** A loaded policy (opaque, immutable; see ipl_policy_load_file()). */
typedef struct ipl_policy ipl_policy;

/**
 * Loads and validates a policy document from a file.
 *
 * @param[out] out   receives a new policy (caller frees with ipl_policy_free()).
 * @param path       the file.
 * @param[out] err   optional; on failure @c where is @p path, @c line and
 *                   @c column locate the fault (column 0 when libxml2's
 *                   validator gives none) and the message names the
 *                   element, e.g. "/policy/pledge/ratio[2]: …".
 * @return #IPL_OK; #IPL_EPARSE (not well-formed, not valid, or an
 *         inconsistent rule); #IPL_EINVAL (NULL, unreadable file);
 *         #IPL_ENOMEM.
 * @note Needs ipl_init(). Thread safety: loads may run in parallel; the
 *       policy is immutable and may be shared read-only.
 */
IPL_EXTERN(int) ipl_policy_load_file(ipl_policy **out, const char *path,
                                     ipl_error *err) IPL_WARN_UNUSED;

/**
 * Loads and validates a policy document from memory.
 *
 * @param[out] out   receives a new policy (caller frees with ipl_policy_free()).
 * @param data       the document's bytes (need not be NUL-terminated).
 * @param size       their number, at most INT_MAX.
 * @param label      a name for errors (a file name, "request body"); may be NULL.
 * @param[out] err   optional; filled on failure as for ipl_policy_load_file().
 * @return as ipl_policy_load_file().
 */
IPL_EXTERN(int) ipl_policy_load_memory(ipl_policy **out, const char *data,
                                       size_t size, const char *label,
                                       ipl_error *err) IPL_WARN_UNUSED;

/**
 * Loads a built-in preset.
 *
 * @param[out] out   receives a new policy (caller frees with ipl_policy_free()).
 * @param name       a preset name (see ipl_policy_preset_name()).
 * @param[out] err   optional; filled on failure (where: "name").
 * @return #IPL_OK; #IPL_EINVAL (unknown name); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_policy_preset(ipl_policy **out, const char *name,
                                  ipl_error *err) IPL_WARN_UNUSED;

/** Frees a policy. NULL does nothing. @param policy the policy. */
IPL_EXTERN(void) ipl_policy_free(ipl_policy *policy);

/**
 * Number of built-in presets.
 * @return the count (8 in this release).
 */
IPL_EXTERN(size_t) ipl_policy_preset_count(void);

/**
 * The name of a built-in preset.
 * @param i  0 .. ipl_policy_preset_count() − 1.
 * @return borrowed static text such as "jiangsu"; NULL out of range.
 */
IPL_EXTERN(const char *) ipl_policy_preset_name(size_t i);

/**
 * The XML document of a built-in preset, as compiled in.
 * @param name       a preset name.
 * @param[out] size  optional; receives the document's length in bytes.
 * @return borrowed static text (NUL-terminated); NULL for an unknown name.
 */
IPL_EXTERN(const char *) ipl_policy_preset_document(const char *name,
                                                    size_t *size);

/**
 * The XML Schema every policy document is validated against.
 * @param[out] size  optional; receives its length in bytes.
 * @return borrowed static text (NUL-terminated); never NULL.
 */
IPL_EXTERN(const char *) ipl_policy_schema(size_t *size);

/**
 * The policy's name (its `name` attribute).
 * @param policy  the policy.
 * @return borrowed text (valid while @p policy lives); NULL for NULL.
 */
IPL_EXTERN(const char *) ipl_policy_name(const ipl_policy *policy);

/**
 * The policy's title.
 * @param policy  the policy.
 * @return borrowed text; NULL for NULL.
 */
IPL_EXTERN(const char *) ipl_policy_title(const ipl_policy *policy);

/**
 * The ISO 4217 currency of the policy's amounts.
 * @param policy  the policy.
 * @return borrowed text; NULL for NULL.
 */
IPL_EXTERN(const char *) ipl_policy_currency(const ipl_policy *policy);

/**
 * Number of sources the policy cites.
 * @param policy  the policy.
 * @return the count (at least 1 for a loaded policy); 0 for NULL.
 */
IPL_EXTERN(size_t) ipl_policy_source_count(const ipl_policy *policy);

/**
 * One cited source.
 *
 * @param policy     the policy.
 * @param i          0 .. ipl_policy_source_count() − 1.
 * @param[out] date  optional; receives the source's date.
 * @param[out] ref   optional; receives the reference (borrowed text).
 * @return borrowed text of what the source says; NULL out of range.
 */
IPL_EXTERN(const char *) ipl_policy_source(const ipl_policy *policy, size_t i,
                                           ipl_date *date, const char **ref);

/**
 * Number of numbers the policy declares unpublished.
 * @param policy  the policy.
 * @return the count; 0 for NULL.
 */
IPL_EXTERN(size_t) ipl_policy_unpublished_count(const ipl_policy *policy);

/**
 * One unpublished number: what is missing and why.
 *
 * @param policy     the policy.
 * @param i          0 .. ipl_policy_unpublished_count() − 1.
 * @param[out] what  optional; receives what is missing (borrowed text).
 * @return borrowed text of the explanation; NULL out of range.
 */
IPL_EXTERN(const char *) ipl_policy_unpublished(const ipl_policy *policy,
                                                size_t i, const char **what);

/**
 * The pledge rules of the policy: its own `<pledge>` section, or those
 * of the preset named in `based-on`.
 *
 * @param policy  the policy.
 * @return borrowed rules (valid while @p policy lives); NULL when the
 *         policy has none, or for NULL.
 */
IPL_EXTERN(const ipl_pledge_rules *) ipl_policy_pledge_rules(const ipl_policy *policy);

/**
 * The name of the policy the pledge rules come from: the policy itself
 * or its `based-on` preset.
 *
 * @param policy  the policy.
 * @return borrowed text; NULL when the policy has no pledge rules.
 */
IPL_EXTERN(const char *) ipl_policy_pledge_origin(const ipl_policy *policy);

/**
 * The policy's risk-compensation regime (its `<compensation>` section) as
 * the block ipl_compensation_new() takes: parties with their roles, tiers
 * with shares in basis points (the document's integer weights spread by
 * the largest-remainder method so that each tier adds up to exactly
 * #IPL_COMPENSATION_BP), cover, timing, the prepaid fraction (1 when a
 * pre-compensation regime does not say) and the caps in the policy's
 * currency.
 *
 * Two numbers are left to the caller: a bank's yearly cap when the policy
 * gives it as a range of shares of the bank's eligible new loans (see
 * ipl_policy_bank_cap_share(); set @c cap_bank_year_fraction to the
 * share agreed with the bank), and the shares when the sources do not
 * publish them (pass @p weights).
 *
 * @param policy    the policy.
 * @param weights   optional integer weights, one per party in the
 *                  document's order, for tiers whose shares are not
 *                  published; NULL to use only published shares.
 * @param n         number of @p weights (0 with NULL).
 * @param[out] out  receives the regime (written only on success).
 * @param[out] err  optional; filled on failure (where: "compensation…").
 * @return #IPL_OK; #IPL_EINVAL (no compensation section, unpublished
 *         shares and no @p weights, weights of the wrong count or
 *         summing to 0, more parties or tiers than the regime holds).
 */
IPL_EXTERN(int) ipl_policy_compensation(const ipl_policy *policy,
                                        const int64_t *weights, size_t n,
                                        ipl_compensation_regime *out,
                                        ipl_error *err) IPL_WARN_UNUSED;

/**
 * The range a policy gives a bank's yearly compensation cap in, as a
 * share of the bank's eligible new loans of the year (Dongguan: 2–4 %).
 *
 * @param policy    the policy.
 * @param[out] min  receives the smallest share (0 when none is given).
 * @param[out] max  receives the largest share (0 when none is given).
 * @return 1 when the policy gives such a range, 0 when not (or for NULL).
 */
IPL_EXTERN(int) ipl_policy_bank_cap_share(const ipl_policy *policy,
                                          double *min, double *max);

/**
 * Number of borrower subsidies the policy defines.
 * @param policy  the policy.
 * @return the count; 0 for NULL.
 */
IPL_EXTERN(size_t) ipl_policy_subsidy_count(const ipl_policy *policy);

/**
 * One subsidy of the policy as the rule ipl_subsidy_schedule_new() takes.
 *
 * - interest: on actual interest, or on interest at the lower of the
 *   loan's rate and @p lpr; a rate condition "at most the LPR × m"
 *   becomes @c max_loan_rate = @p lpr × m.
 * - first-loan: a yearly rate on the balance of bp ÷ 10,000, share 1.
 * - appraisal-fee: a share of a fixed fee; the caller sets @c fee.
 * - guarantee-fee and insurance-premium: a share of a yearly rate on
 *   the balance; the caller sets @c rate to the fee rate.
 *
 * Caps per year and in total, the cap as a share of the loan, the
 * duration and the payment timing come from the document; the IP-secured
 * share of the loan (@c ip_share) is the caller's.
 *
 * @param policy    the policy.
 * @param i         0 .. ipl_policy_subsidy_count() − 1.
 * @param lpr       the one-year LPR in force, a fraction (0.0345); used
 *                  only by interest rules that need it.
 * @param[out] out  receives the rule (written only on success).
 * @param[out] kind optional; receives the subsidy's kind ("interest",
 *                  "appraisal-fee", "guarantee-fee", "insurance-premium",
 *                  "first-loan"; borrowed static text).
 * @param[out] err  optional; filled on failure (where: "subsidies[i]").
 * @return #IPL_OK; #IPL_EINVAL (index out of range, a share the sources
 *         do not publish, an LPR needed but not positive).
 */
IPL_EXTERN(int) ipl_policy_subsidy(const ipl_policy *policy, size_t i,
                                   double lpr, ipl_subsidy_rule *out,
                                   const char **kind, ipl_error *err)
    IPL_WARN_UNUSED;

IPL_END_DECL

/** @} */
#endif /* IPL_POLICY_H */
