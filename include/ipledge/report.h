/**
 * @file ipledge/report.h
 * @brief Reports of appraisals (text, JSON, XML, HTML) and valuations
 *        (text, JSON, XML).
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
#include "ipledge/error.h"
#include "ipledge/montecarlo.h"
#include "ipledge/value.h"

IPL_BEGIN_DECL

/** A report's format. */
typedef enum ipl_report_format {
    IPL_REPORT_TEXT = 1, /**< plain text, UTF-8 */
    IPL_REPORT_JSON,     /**< JSON, UTF-8, indented by 2 */
    IPL_REPORT_XML,      /**< XML 1.0, UTF-8, namespace urn:ipledge:report:1 */
    IPL_REPORT_HTML      /**< one HTML5 page with inline SVG charts */
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
 * @param name      "text", "json", "xml" or "html".
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
 * @return #IPL_OK; #IPL_EINVAL (NULL, unknown format); #IPL_ERROR (the
 *         sink refused, where "sink"); #IPL_ENOMEM.
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
 * @return #IPL_OK; #IPL_EINVAL (NULL, unknown format); #IPL_ENOMEM.
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
 * @return #IPL_OK; #IPL_EINVAL (NULL, no value, an unknown format or
 *         HTML); #IPL_ERROR (the sink refused, where "sink"); #IPL_ENOMEM.
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
 * @return #IPL_OK; #IPL_EINVAL (NULL, no value, an unknown format or
 *         HTML); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_report_value_string(char **out, size_t *len,
                                        const ipl_value *const *values, size_t n,
                                        const ipl_montecarlo *mc,
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
