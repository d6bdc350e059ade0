/**
 * @file ipledge/case.h
 * @brief Case documents: one pledge application, read and validated.
 * @defgroup ipl_case Case documents
 *
 * A case describes a pledge application completely, as an appraiser or
 * a bank's loan officer writes it down: the borrower; the pledged rights
 * (the facts entered by hand, optionally an office record file whose
 * facts take precedence, and the valuation document that values each);
 * the policy (a built-in preset or a policy file); the loan asked for;
 * and optionally a default with the recoveries from disposing of the
 * rights. Cases are XML in the namespace `urn:ipledge:case:1`,
 * validated against the schema that ships with the library
 * (ipl_case_schema(), installed as `case.xsd`).
 *
 * This module only reads: ipl_appraisal_new() (appraisal.h) runs the
 * chain (record, value, pledge, schedule, subsidies, compensation) on a
 * case. Paths in a case are kept as written; ipl_case_path()
 * resolves them against the case file's directory.
 *
 * Untrusted input: documents are read without network access, DTDs or
 * entity expansion; a DOCTYPE is refused. Every error names the file,
 * the line and the element at fault.
 * @{
 */
#ifndef IPL_CASE_H
#define IPL_CASE_H

#include "ipledge/common.h"
#include "ipledge/compensation.h"
#include "ipledge/date.h"
#include "ipledge/error.h"
#include "ipledge/loan.h"
#include "ipledge/money.h"
#include "ipledge/right.h"

IPL_BEGIN_DECL

/** A loaded case (opaque, immutable; see ipl_case_load_file()). */
typedef struct ipl_case ipl_case;

/** One pledged right of a case (a borrowed view). */
typedef struct ipl_case_right {
    const char *number;        /**< the number as entered ("CN201510481495.9") */
    ipl_right_type type;       /**< its kind */
    ipl_legal_status status;   /**< as entered; #IPL_STATUS_UNKNOWN when not given */
    ipl_date registered;       /**< grant or registration date; year 0 = not given */
    ipl_date expiry;           /**< legal expiry; year 0 = not given */
    unsigned int flags;        /**< IPL_PLEDGE_* circumstances (pledge.h) */
    double dependence;         /**< dependence on the borrower, 0 .. 1 */
    /** the office record file as written, or NULL (see ipl_case_path()) */
    const char *record;
    /** the valuation document (`urn:ipledge:valuation:1`) as written */
    const char *valuation;
    int line;                  /**< line of the right's element in the case */
} ipl_case_right;

/** The loan asked for (a borrowed view). */
typedef struct ipl_case_loan {
    ipl_money amount;          /**< requested; the pledge may lend less */
    ipl_date start;            /**< drawdown date */
    unsigned int months;       /**< term, 1 .. 600 */
    double rate;               /**< annual rate, a fraction (0.0385) */
    ipl_loan_method method;    /**< how principal is repaid */
    ipl_loan_frequency frequency; /**< payment period */
    ipl_daycount daycount;     /**< how interest accrues (ACT/360 by default) */
    /** the appraisal fee paid, for fee subsidies; minor 0 = none */
    ipl_money appraisal_fee;
    /** the one-year LPR in force, a fraction, for subsidies on LPR
     *  interest; 0 = not given */
    double lpr;
} ipl_case_loan;

/** A party of the loss-sharing agreement written in a case. */
typedef struct ipl_case_party {
    const char *name;            /**< its name, borrowed */
    ipl_compensation_role role;  /**< fund, lender or other */
    double share;                /**< its share of the loss, a fraction */
} ipl_case_party;

/** The default scenario of a case (a borrowed view). */
typedef struct ipl_case_default {
    ipl_date npl;                /**< NPL classification date */
    ipl_money interest;          /**< interest due and unpaid at NPL */
    ipl_date settlement;         /**< year 0 = the last recovery's date */
    double ip_share;             /**< IP-secured share of the collateral; 0 = 1 */
    const ipl_compensation_recovery *recoveries; /**< in document order */
    size_t n_recoveries;         /**< entries in @c recoveries */
    /** the agreed shares, or NULL when the policy's regime applies */
    const ipl_case_party *parties;
    size_t n_parties;            /**< entries in @c parties */
} ipl_case_default;

/**
 * Loads and validates a case document from a file.
 *
 * @param[out] out   receives a new case (caller frees with ipl_case_free()).
 * @param path       the file; relative paths inside it are resolved
 *                   against its directory.
 * @param[out] err   optional; on failure @c where is @p path, @c line
 *                   locates the fault and the message names the element,
 *                   e.g. "/case/rights/right[2]: expiry: …".
 * @return #IPL_OK; #IPL_EPARSE (not well-formed, not valid, or a value
 *         out of its domain); #IPL_EINVAL (NULL, unreadable file);
 *         #IPL_ENOMEM.
 * @note Needs ipl_init(). Thread safety: loads may run in parallel; the
 *       case is immutable and may be shared read-only.
 */
IPL_EXTERN(int) ipl_case_load_file(ipl_case **out, const char *path,
                                   ipl_error *err) IPL_WARN_UNUSED;

/**
 * Loads and validates a case document from memory.
 *
 * @param[out] out   receives a new case (caller frees with ipl_case_free()).
 * @param data       the document's bytes (need not be NUL-terminated).
 * @param size       their number.
 * @param label      names the document in errors (NULL for "case");
 *                   relative paths in the case are resolved against the
 *                   directory part of @p label, or the current directory
 *                   when it has none.
 * @param[out] err   optional; filled on failure as for ipl_case_load_file().
 * @return #IPL_OK; #IPL_EPARSE; #IPL_EINVAL (NULL); #IPL_ENOMEM.
 */
IPL_EXTERN(int) ipl_case_load_memory(ipl_case **out, const char *data,
                                     size_t size, const char *label,
                                     ipl_error *err) IPL_WARN_UNUSED;

/** Frees a case. NULL does nothing. @param c the case. */
IPL_EXTERN(void) ipl_case_free(ipl_case *c);

/**
 * The case schema the library validates against (case.xsd).
 * @param[out] size  optional; receives its length in bytes.
 * @return the schema, borrowed (static, valid for the process).
 */
IPL_EXTERN(const char *) ipl_case_schema(size_t *size);

/**
 * The case's label: its file name, or the label given to
 * ipl_case_load_memory().
 * @param c  the case.
 * @return borrowed (valid while @p c lives).
 */
IPL_EXTERN(const char *) ipl_case_label(const ipl_case *c);

/**
 * The case's title.
 * @param c  the case.
 * @return borrowed (valid while @p c lives); "" when it has none.
 */
IPL_EXTERN(const char *) ipl_case_title(const ipl_case *c);

/**
 * The ISO 4217 currency of every amount in the case.
 * @param c  the case.
 * @return borrowed (valid while @p c lives).
 */
IPL_EXTERN(const char *) ipl_case_currency(const ipl_case *c);

/**
 * The case's date: the valuation and decision date (never a hidden
 * "today").
 * @param c  the case.
 * @return the date.
 */
IPL_EXTERN(ipl_date) ipl_case_date(const ipl_case *c);

/**
 * The borrower.
 * @param c              the case.
 * @param[out] years     optional; years in operation, negative when not given.
 * @param[out] industry  optional; industry code or NULL, borrowed.
 * @return its name, borrowed (valid while @p c lives).
 */
IPL_EXTERN(const char *) ipl_case_borrower(const ipl_case *c, double *years,
                                           const char **industry);

/**
 * The number of pledged rights, at least 1.
 * @param c  the case.
 * @return the count.
 */
IPL_EXTERN(size_t) ipl_case_right_count(const ipl_case *c);

/**
 * One pledged right.
 * @param c  the case.
 * @param i  its index, below ipl_case_right_count().
 * @return borrowed (valid while @p c lives); NULL when @p i is out of range.
 */
IPL_EXTERN(const ipl_case_right *) ipl_case_right_get(const ipl_case *c, size_t i);

/**
 * The policy: a preset name or a policy file as written.
 * @param c             the case.
 * @param[out] is_file  optional; receives 1 for a file, 0 for a preset.
 * @return borrowed (valid while @p c lives).
 */
IPL_EXTERN(const char *) ipl_case_policy(const ipl_case *c, int *is_file);

/**
 * The loan asked for.
 * @param c  the case.
 * @return borrowed (valid while @p c lives).
 */
IPL_EXTERN(const ipl_case_loan *) ipl_case_loan_get(const ipl_case *c);

/**
 * The default scenario.
 * @param c  the case.
 * @return borrowed (valid while @p c lives); NULL when the case has none.
 */
IPL_EXTERN(const ipl_case_default *) ipl_case_default_get(const ipl_case *c);

/**
 * Resolves a path written in the case against the case file's
 * directory (absolute paths are kept).
 *
 * @param[out] buf   receives the path, NUL-terminated.
 * @param size       capacity of @p buf in bytes.
 * @param c          the case.
 * @param path       a path from the case (ipl_case_right::record …).
 * @param[out] err   optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL); #IPL_ERANGE (@p buf too small).
 */
IPL_EXTERN(int) ipl_case_path(char *buf, size_t size, const ipl_case *c,
                              const char *path, ipl_error *err);

IPL_END_DECL

/** @} */
#endif /* IPL_CASE_H */
