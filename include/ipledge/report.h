/**
 * @file ipledge/report.h
 * @brief Reports of appraisals (text, JSON, XML, HTML), valuations
 *        (text, JSON, XML) and lending results (text, JSON, XML, CSV).
 * @defgroup ipl_report Reports
 *
 * A report writes an appraisal (appraisal.h) for a person or another
 * system:
 * - text: a summary an appraiser reads, with the trace of every stage;
 * - JSON: the full machine-readable report, `{"ipledge_report": 1, …}`,
 *   schema in doc/guide.md;
 * - XML: the same tree as elements in the namespace
 *   `urn:ipledge:report:1` (an array becomes a container whose items take
 *   the singular name; null is left out);
 * - HTML: one self-contained page (no script, no external file) with
 *   the tables and charts as inline SVG.
 *
 * A valuation (value.h) with its simulation (montecarlo.h) is written as
 * `ipledge value` prints it: text (the trace), JSON or XML (namespace
 * `urn:ipledge:valuation:1`, the figures as attributes).
 *
 * The lending results a bank produces alone are written as
 * `ipledge schedule`, `ipledge compensate` and `ipledge pledge` print
 * them: a loan schedule (loan.h), a subsidy schedule (subsidy.h), a
 * compensation (compensation.h) and a pledge decision (pledge.h), as
 * text (a table for a person, amounts grouped "1,234.56"), JSON (one
 * object, amounts as strings), XML (one element per row or party, the
 * figures as attributes, no namespace) or CSV (RFC 4180, a header
 * line, then one line per row and a "total" line; a pledge decision,
 * which has no rows, is one header line and one line). Field names and
 * layouts are listed in doc/schedules.md.
 *
 * Amounts leave as exact decimal strings in major units ("1234.56"),
 * never through a binary double; model quantities (rates, simulated
 * values) are numbers with at most 15 significant digits. Formatting is
 * independent of the locale.
 *
 * Bytes go to a caller's sink as they are produced, or into a new
 * string (ipl_report_appraisal_string()) for hosts that want one piece.
 * @{
 */
#ifndef IPL_REPORT_H
#define IPL_REPORT_H

#include <stddef.h>

#include "ipledge/common.h"
#include "ipledge/appraisal.h"
#include "ipledge/compensation.h"
#include "ipledge/error.h"
#include "ipledge/loan.h"
#include "ipledge/montecarlo.h"
#include "ipledge/pledge.h"
#include "ipledge/policy.h"
#include "ipledge/subsidy.h"
#include "ipledge/value.h"

IPL_BEGIN_DECL

/** A report's format. */
typedef enum ipl_report_format {
    IPL_REPORT_TEXT = 1, /**< plain text, UTF-8 */
    IPL_REPORT_JSON,     /**< JSON, UTF-8, indented by 2 */
    IPL_REPORT_XML,      /**< XML 1.0, UTF-8, namespace urn:ipledge:report:1 */
    IPL_REPORT_HTML,     /**< one HTML5 page with inline SVG charts */
    IPL_REPORT_CSV       /**< CSV (RFC 4180), UTF-8, lines ended by LF */
} ipl_report_format;

/**
 * Where a report's bytes go: called with consecutive pieces of the
 * report (not NUL-terminated) until it is complete.
 * @param ctx    the caller's context, as given to the writer.
 * @param bytes  the next @p n bytes.
 * @param n      their number, >= 1.
 * @return 0 to go on; anything else stops the writer, which then fails
 *         with #IPL_ERROR.
 */
typedef int (*ipl_report_sink)(void *ctx, const char *bytes, size_t n);

/**
 * The format named @p name.
 * @param[out] out  receives the format.
 * @param name      "text", "json", "xml", "html" or "csv".
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL or an unknown name).
 */
IPL_EXTERN(int) ipl_report_format_from_name(ipl_report_format *out, const char *name,
                                            ipl_error *err);

/**
 * Writes the report of an appraisal through a sink.
 * @param a         the appraisal.
 * @param format    the format.
 * @param sink      receives the bytes.
 * @param ctx       passed to @p sink.
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL, unknown format or CSV); #IPL_ERROR
 *         (the sink refused, where "sink"); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_report_appraisal(const ipl_appraisal *a, ipl_report_format format,
                                     ipl_report_sink sink, void *ctx, ipl_error *err);

/**
 * The report of an appraisal as one string: exactly the bytes
 * ipl_report_appraisal() gives its sink, NUL-terminated.
 * @param[out] out  receives a new string (caller frees with
 *                  ipl_report_string_free()).
 * @param[out] len  optional; receives its length in bytes, without the NUL.
 * @param a         the appraisal.
 * @param format    the format.
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL, unknown format or CSV); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_report_appraisal_string(char **out, size_t *len,
                                            const ipl_appraisal *a,
                                            ipl_report_format format,
                                            ipl_error *err) IPL_WARN_UNUSED;

/**
 * Writes the report of a valuation through a sink: one right, or a
 * bundle of several (their values summed), and the simulation.
 * @param values    the values (ipl_value_income_new() …), borrowed for
 *                  the call.
 * @param n         their number, >= 1; above 1 the report is a bundle's.
 * @param mc        the simulation over them, or NULL.
 * @param format    #IPL_REPORT_TEXT, #IPL_REPORT_JSON or #IPL_REPORT_XML.
 * @param sink      receives the bytes.
 * @param ctx       passed to @p sink.
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL, no value, an unknown format,
 *         HTML or CSV); #IPL_ERROR (the sink refused, where "sink"); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_report_value(const ipl_value *const *values, size_t n,
                                 const ipl_montecarlo *mc, ipl_report_format format,
                                 ipl_report_sink sink, void *ctx, ipl_error *err);

/**
 * The report of a valuation as one string: exactly the bytes
 * ipl_report_value() gives its sink, NUL-terminated.
 * @param[out] out  receives a new string (caller frees with
 *                  ipl_report_string_free()).
 * @param[out] len  optional; receives its length in bytes, without the NUL.
 * @param values    the values, borrowed for the call.
 * @param n         their number, >= 1.
 * @param mc        the simulation over them, or NULL.
 * @param format    #IPL_REPORT_TEXT, #IPL_REPORT_JSON or #IPL_REPORT_XML.
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL, no value, an unknown format,
 *         HTML or CSV); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_report_value_string(char **out, size_t *len,
                                        const ipl_value *const *values, size_t n,
                                        const ipl_montecarlo *mc,
                                        ipl_report_format format,
                                        ipl_error *err) IPL_WARN_UNUSED;

/**
 * Writes a loan's repayment schedule through a sink: the terms, one
 * line per period (start, payment date, annual rate as a fraction,
 * opening balance, interest, principal, payment, closing balance, the
 * prepaid part), the totals and the rounding residual.
 * @param s         the schedule.
 * @param terms     the terms it was built from (the schedule keeps
 *                  neither the method nor the start), borrowed for the call.
 * @param format    #IPL_REPORT_TEXT, #IPL_REPORT_JSON, #IPL_REPORT_XML or
 *                  #IPL_REPORT_CSV.
 * @param sink      receives the bytes.
 * @param ctx       passed to @p sink.
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL, an unknown format or HTML);
 *         #IPL_ERROR (the sink refused, where "sink"); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_report_loan(const ipl_loan_schedule *s, const ipl_loan_terms *terms,
                                ipl_report_format format, ipl_report_sink sink, void *ctx,
                                ipl_error *err);

/**
 * A loan's repayment schedule as one string: exactly the bytes
 * ipl_report_loan() gives its sink, NUL-terminated.
 * @param[out] out  receives a new string (caller frees with
 *                  ipl_report_string_free()).
 * @param[out] len  optional; receives its length in bytes, without the NUL.
 * @param s         the schedule.
 * @param terms     the terms it was built from, borrowed for the call.
 * @param format    #IPL_REPORT_TEXT, #IPL_REPORT_JSON, #IPL_REPORT_XML or
 *                  #IPL_REPORT_CSV.
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL, an unknown format or HTML); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_report_loan_string(char **out, size_t *len, const ipl_loan_schedule *s,
                                       const ipl_loan_terms *terms, ipl_report_format format,
                                       ipl_error *err) IPL_WARN_UNUSED;

/**
 * Writes a subsidy schedule through a sink: one line per period (start,
 * end, payment day, base, subsidy, paid) and the totals (with what the
 * caps withheld).
 * @param s         the schedule.
 * @param format    #IPL_REPORT_TEXT, #IPL_REPORT_JSON, #IPL_REPORT_XML or
 *                  #IPL_REPORT_CSV.
 * @param sink      receives the bytes.
 * @param ctx       passed to @p sink.
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL, an unknown format or HTML);
 *         #IPL_ERROR (the sink refused, where "sink"); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_report_subsidy(const ipl_subsidy_schedule *s, ipl_report_format format,
                                   ipl_report_sink sink, void *ctx, ipl_error *err);

/**
 * A subsidy schedule as one string: exactly the bytes
 * ipl_report_subsidy() gives its sink, NUL-terminated.
 * @param[out] out  receives a new string (caller frees with
 *                  ipl_report_string_free()).
 * @param[out] len  optional; receives its length in bytes, without the NUL.
 * @param s         the schedule.
 * @param format    #IPL_REPORT_TEXT, #IPL_REPORT_JSON, #IPL_REPORT_XML or
 *                  #IPL_REPORT_CSV.
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL, an unknown format or HTML); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_report_subsidy_string(char **out, size_t *len,
                                          const ipl_subsidy_schedule *s,
                                          ipl_report_format format,
                                          ipl_error *err) IPL_WARN_UNUSED;

/**
 * Writes a compensation through a sink: the statement (loss, covered,
 * capped, tier, settlement date), each party's share (prepaid, paid at
 * settlement, final) and the cash flows. In CSV the parties and the
 * flows are one table, told apart by the first column ("party", "flow",
 * then one "loss" line); party names are always quoted.
 * @param c         the compensation.
 * @param format    #IPL_REPORT_TEXT, #IPL_REPORT_JSON, #IPL_REPORT_XML or
 *                  #IPL_REPORT_CSV.
 * @param sink      receives the bytes.
 * @param ctx       passed to @p sink.
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL, an unknown format or HTML);
 *         #IPL_ERROR (the sink refused, where "sink"); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_report_compensation(const ipl_compensation *c, ipl_report_format format,
                                        ipl_report_sink sink, void *ctx, ipl_error *err);

/**
 * A compensation as one string: exactly the bytes
 * ipl_report_compensation() gives its sink, NUL-terminated.
 * @param[out] out  receives a new string (caller frees with
 *                  ipl_report_string_free()).
 * @param[out] len  optional; receives its length in bytes, without the NUL.
 * @param c         the compensation.
 * @param format    #IPL_REPORT_TEXT, #IPL_REPORT_JSON, #IPL_REPORT_XML or
 *                  #IPL_REPORT_CSV.
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL, an unknown format or HTML); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_report_compensation_string(char **out, size_t *len,
                                               const ipl_compensation *c,
                                               ipl_report_format format,
                                               ipl_error *err) IPL_WARN_UNUSED;

/**
 * Writes a pledge decision through a sink: the policy, each right with
 * its ratio and collateral, the largest loan, eligibility, the failures
 * and the trace. The decision keeps neither the rights nor the request,
 * so they are given again. CSV is one header line and one line with the
 * decision's figures (policy, currency, eligible, max_loan, collateral,
 * ratio, rights, failures); the rights and the trace are in the other
 * formats.
 * @param p         the decision.
 * @param policy    the policy whose pledge rules made it (its name is
 *                  written), or NULL for rules built by hand.
 * @param request   the request it answered.
 * @param rights    the rights it was asked about, in the same order.
 * @param n_rights  their number, >= 1, as given to ipl_pledge_new().
 * @param format    #IPL_REPORT_TEXT, #IPL_REPORT_JSON, #IPL_REPORT_XML or
 *                  #IPL_REPORT_CSV.
 * @param sink      receives the bytes.
 * @param ctx       passed to @p sink.
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL, more rights than the decision has,
 *         an unknown format or HTML); #IPL_ERROR (the sink refused,
 *         where "sink"); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_report_pledge(const ipl_pledge *p, const ipl_policy *policy,
                                  const ipl_pledge_request *request,
                                  const ipl_pledge_right *rights, size_t n_rights,
                                  ipl_report_format format, ipl_report_sink sink, void *ctx,
                                  ipl_error *err);

/**
 * A pledge decision as one string: exactly the bytes ipl_report_pledge()
 * gives its sink, NUL-terminated.
 * @param[out] out  receives a new string (caller frees with
 *                  ipl_report_string_free()).
 * @param[out] len  optional; receives its length in bytes, without the NUL.
 * @param p         the decision.
 * @param policy    the policy whose pledge rules made it, or NULL.
 * @param request   the request it answered.
 * @param rights    the rights it was asked about, in the same order.
 * @param n_rights  their number, >= 1.
 * @param format    #IPL_REPORT_TEXT, #IPL_REPORT_JSON, #IPL_REPORT_XML or
 *                  #IPL_REPORT_CSV.
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL, more rights than the decision has,
 *         an unknown format or HTML); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_report_pledge_string(char **out, size_t *len, const ipl_pledge *p,
                                         const ipl_policy *policy,
                                         const ipl_pledge_request *request,
                                         const ipl_pledge_right *rights, size_t n_rights,
                                         ipl_report_format format,
                                         ipl_error *err) IPL_WARN_UNUSED;

/**
 * Frees a string made by a report function. NULL does nothing.
 * @param s  the string.
 */
IPL_EXTERN(void) ipl_report_string_free(char *s);

IPL_END_DECL

/** @} */
#endif /* IPL_REPORT_H */
