/**
 * @file ipledge/record.h
 * @brief The one record model for every office and right type, and the
 *        facts derived from it (expiry, remaining life, claim and class
 *        counts).
 * @defgroup ipl_record Records
 *
 * An ::ipl_record is what an office publishes about one patent, design
 * or trademark, read by a driver of parse.h. It is immutable: every
 * accessor is read-only, and a record may be shared between threads.
 * Numbers are kept exactly as the office published them, next to the
 * office and the kind of number; ipl_record_ident() gives their
 * canonical forms through the identifier module (ident.h). Absent fields are absent: a string
 * accessor returns NULL, a date accessor 0, never an empty string or a
 * placeholder ("0000000", "00010101").
 *
 * Lists (titles, parties, classes, citations ...) are read row by row
 * through ipl_record_count() and ipl_record_row(), which returns a
 * borrowed ::ipl_record_item view.
 * @{
 */
#ifndef IPL_RECORD_H
#define IPL_RECORD_H

#include "ipledge/common.h"
#include "ipledge/error.h"
#include "ipledge/date.h"
#include "ipledge/right.h"
#include "ipledge/ident.h"

IPL_BEGIN_DECL

/** A patent, design or trademark record (opaque, immutable). */
typedef struct ipl_record ipl_record;

/** The kind of document the record was read from. */
typedef enum ipl_record_document {
    IPL_DOCUMENT_UNKNOWN = 0,   /**< not stated */
    IPL_DOCUMENT_APPLICATION,   /**< a published application (A1, A2 ...) */
    IPL_DOCUMENT_GRANT,         /**< a granted patent or registered design */
    IPL_DOCUMENT_STATUS,        /**< a trademark or design status record */
    IPL_DOCUMENT_REGISTER,      /**< a register extract or legal-status response */
    IPL_DOCUMENT_FAMILY,        /**< a patent family listing */
    IPL_DOCUMENT_FULLTEXT       /**< a full-text part only (claims, abstract) */
} ipl_record_document;

/** The numbers a record may carry. */
typedef enum ipl_record_number_kind {
    IPL_NUMBER_APPLICATION = 0, /**< application or serial number */
    IPL_NUMBER_PUBLICATION,     /**< publication (or grant) number */
    IPL_NUMBER_REGISTRATION,    /**< grant or registration number, when distinct */
    IPL_NUMBER_PCT_APPLICATION, /**< PCT application number */
    IPL_NUMBER_PCT_PUBLICATION, /**< PCT (WO) publication number */
    IPL_NUMBER_KIND_COUNT       /**< the number of kinds; not a kind */
} ipl_record_number_kind;

/** The dates a record may carry. */
typedef enum ipl_record_date_kind {
    IPL_DATE_FILING = 0,     /**< filing (application) date */
    IPL_DATE_PRIORITY,       /**< earliest priority date */
    IPL_DATE_PUBLICATION,    /**< publication date of this document */
    IPL_DATE_GRANT,          /**< grant date (patents, designs) */
    IPL_DATE_REGISTRATION,   /**< registration date (trademarks, designs) */
    IPL_DATE_EXPIRY,         /**< expiry or renewal date as published */
    IPL_DATE_STATUS,         /**< date of the current status */
    IPL_DATE_KIND_COUNT      /**< the number of kinds; not a kind */
} ipl_record_date_kind;

/** The lists a record may carry; see ::ipl_record_item for the fields
 *  each one fills. */
typedef enum ipl_record_list {
    IPL_LIST_TITLES = 0,  /**< title or mark text: text, lang */
    IPL_LIST_ABSTRACTS,   /**< abstract: text, lang */
    IPL_LIST_APPLICANTS,  /**< applicants: text (name), country, code (party kind) */
    IPL_LIST_OWNERS,      /**< owners, assignees, proprietors: as applicants */
    IPL_LIST_INVENTORS,   /**< inventors or designers: as applicants */
    IPL_LIST_IPC,         /**< IPC symbols: text ("A24B 15/18") */
    IPL_LIST_CPC,         /**< CPC symbols: text ("H04L 9/32") */
    IPL_LIST_LOCARNO,     /**< Locarno classes: text as published ("0301", "03.01") */
    IPL_LIST_US_CLASSES,  /**< US national classes: text ("D32/31" as published) */
    IPL_LIST_NICE,        /**< Nice classes: value (1..45) */
    IPL_LIST_GOODS,       /**< goods and services: value (Nice class), text, lang */
    IPL_LIST_CLAIMS,      /**< claims: text, value (1 independent, 0 dependent) */
    IPL_LIST_CITATIONS,   /**< citations: text (number or reference), country,
                               code (category, e.g. "cited by examiner"),
                               value (1 patent, 0 non-patent) */
    IPL_LIST_PRIORITIES,  /**< priority claims: text (number), country, date */
    IPL_LIST_FAMILY,      /**< family members: text (number), country, code (kind) */
    IPL_LIST_EVENTS,      /**< status or legal events: code, text, date */
    IPL_LIST_DISCLAIMERS, /**< US terminal disclaimers: text */
    IPL_LIST_IPC_SUBCLASSES, /**< derived: distinct IPC subclasses ("A24B") */
    IPL_LIST_COUNT        /**< the number of lists; not a list */
} ipl_record_list;

/**
 * One row of a record list: a borrowed view, valid while the record
 * lives. Fields a list does not use are NULL, 0 or have_date 0.
 */
typedef struct ipl_record_item {
    const char *text;     /**< the main text (name, symbol, number, claim) */
    const char *lang;     /**< ISO 639-1 language of @c text, when given */
    const char *country;  /**< ISO 3166 / ST.3 country or office code */
    const char *code;     /**< a kind or category code, as published */
    ipl_date date;        /**< a date, when @c have_date is 1 */
    int have_date;        /**< 1 when @c date is given */
    int value;            /**< a small integer (class number, flag) */
} ipl_record_item;

/**
 * Frees a record.
 *
 * @param r  the record; NULL does nothing.
 */
IPL_EXTERN(void) ipl_record_free(ipl_record *r);

/**
 * The office that published the record.
 *
 * @param r  the record.
 * @return borrowed (valid while @p r lives) WIPO ST.3 code such as "US",
 *         "EP", "CN", "JP", "WO", "EM"; NULL when unknown or @p r is NULL.
 */
IPL_EXTERN(const char *) ipl_record_office(const ipl_record *r);

/**
 * The kind of right: from the application type where the format gives
 * one (CNIPA), else from the kind code (ST.16: S and D designs, U and Y
 * utility models, P plants), else from the format (trademarks). Its
 * name is ipl_right_type_name().
 *
 * @param r  the record.
 * @return an ::ipl_right_type; #IPL_RIGHT_NONE when unknown or for NULL.
 */
IPL_EXTERN(ipl_right_type) ipl_record_right_type(const ipl_record *r);

/**
 * The kind of document the record was read from.
 *
 * @param r  the record.
 * @return an ::ipl_record_document; #IPL_DOCUMENT_UNKNOWN for NULL.
 */
IPL_EXTERN(ipl_record_document) ipl_record_document_type(const ipl_record *r);

/**
 * The name of the format the record was read from, as parse.h names it
 * ("uspto-grant", "st66" ...).
 *
 * @param r  the record.
 * @return borrowed static text; NULL when @p r is NULL.
 */
IPL_EXTERN(const char *) ipl_record_format_name(const ipl_record *r);

/**
 * A number exactly as the office published it, trimmed ("06859910",
 * "201510481495.9", "018222197"). ipl_record_ident() gives its
 * canonical form.
 *
 * @param r     the record.
 * @param kind  which number.
 * @return borrowed (valid while @p r lives); NULL when absent.
 */
IPL_EXTERN(const char *) ipl_record_number(const ipl_record *r,
                                           ipl_record_number_kind kind);

/**
 * A number in canonical form, with its parts: the number as published,
 * read by ipl_ident_parse() with the syntax its office, kind of number
 * and right imply (a US publication number of a granted patent is an
 * #IPL_IDENT_US_PATENT, of an application an #IPL_IDENT_US_PUBLICATION;
 * a US trademark's application number is a serial number ...).
 *
 * @param[out] out  receives the identifier; written only on success.
 * @param r         the record.
 * @param kind      which number.
 * @param[out] err  optional; filled on failure (where: the number, e.g.
 *                  "record.publication_number", or ipl_ident_parse()'s).
 * @return #IPL_OK; #IPL_EINVAL (NULL argument, the record has no such
 *         number, or the number is not valid in its syntax, e.g. a wrong
 *         CN check character); #IPL_ERANGE (no syntax is known for the
 *         office, e.g. "XX" or a WO application number).
 */
IPL_EXTERN(int) ipl_record_ident(ipl_ident *out, const ipl_record *r,
                                 ipl_record_number_kind kind, ipl_error *err)
    IPL_WARN_UNUSED;

/**
 * The kind code of the document as published and trimmed ("B2", "S1",
 * "A", "E1"); CN and JP kinds written as text are given as the office
 * wrote them.
 *
 * @param r  the record.
 * @return borrowed (valid while @p r lives); NULL when absent.
 */
IPL_EXTERN(const char *) ipl_record_kind_code(const ipl_record *r);

/**
 * The current legal status as published (a code such as "710", or text
 * such as "Registered").
 *
 * @param r  the record.
 * @return borrowed (valid while @p r lives); NULL when the format has
 *         no status.
 */
IPL_EXTERN(const char *) ipl_record_status(const ipl_record *r);

/**
 * A date of the record.
 *
 * @param[out] out  receives the date when it is present.
 * @param r         the record.
 * @param kind      which date.
 * @return 1 when present (and written to @p out), 0 when absent or an
 *         argument is NULL or out of range.
 */
IPL_EXTERN(int) ipl_record_date(ipl_date *out, const ipl_record *r,
                                ipl_record_date_kind kind);

/**
 * The number of rows in a list.
 *
 * @param r     the record.
 * @param list  which list.
 * @return the count; 0 for NULL or an unknown list.
 */
IPL_EXTERN(size_t) ipl_record_count(const ipl_record *r, ipl_record_list list);

/**
 * One row of a list.
 *
 * @param r      the record.
 * @param list   which list.
 * @param index  0 .. ipl_record_count() − 1.
 * @return borrowed (valid while @p r lives); NULL when @p index is out
 *         of range.
 */
IPL_EXTERN(const ipl_record_item *) ipl_record_row(const ipl_record *r,
                                                   ipl_record_list list,
                                                   size_t index);

/**
 * The title (or mark text) in a language, or the first one given.
 *
 * @param r     the record.
 * @param lang  an ISO 639-1 code such as "en", or NULL for the first
 *              title; a language that is not given also gives the first.
 * @return borrowed (valid while @p r lives); NULL when there is no title.
 */
IPL_EXTERN(const char *) ipl_record_title(const ipl_record *r,
                                          const char *lang);

/**
 * The number of claims: the count the office states, else the claims
 * read (in one language: the first given).
 *
 * @param r  the record.
 * @return the count; 0 when the record has no claims.
 */
IPL_EXTERN(size_t) ipl_record_claims_count(const ipl_record *r);

/**
 * The number of independent claims among the claims read: claims that
 * refer to no other claim (by a claim reference in the markup, or by
 * "claim N" in their text).
 *
 * @param r  the record.
 * @return the count; 0 when the record has no claim text.
 */
IPL_EXTERN(size_t) ipl_record_independent_claims_count(const ipl_record *r);

/**
 * The US patent term adjustment (PTA) in days, as published in
 * us-term-extension.
 *
 * @param[out] days  receives the days when present.
 * @param r          the record.
 * @return 1 when present, 0 when absent.
 */
IPL_EXTERN(int) ipl_record_term_extension(int64_t *days, const ipl_record *r);

/**
 * The statutory expiry of the right: the published expiry or renewal
 * date when the record has one, else the term the law gives:
 * CN invention 20 years from filing, utility model 10, design 15 for
 * filings from 2021-06-01 and 10 before; US utility and plant 20 years
 * from filing plus the published PTA days; US design 15 years from
 * grant for filings from 2015-05-13, 14 before; EP and JP 20 years from
 * filing; trademarks 10 years from registration (renewable: this is the
 * end of the current term).
 *
 * @param[out] out  receives the expiry date.
 * @param r         the record.
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL argument, or a date the rule needs
 *         is absent: where "record.filing_date" ...); #IPL_ERANGE (no
 *         rule for this office and right type).
 */
IPL_EXTERN(int) ipl_record_expiry(ipl_date *out, const ipl_record *r,
                                  ipl_error *err) IPL_WARN_UNUSED;

/**
 * The legal life left on a given day: whole days from @p on to the
 * expiry of ipl_record_expiry(), 0 when the right has expired.
 *
 * @param[out] days  receives the number of days.
 * @param r          the record.
 * @param on         the day of the valuation; the caller chooses it.
 * @param[out] err   optional; filled on failure.
 * @return as ipl_record_expiry(); #IPL_EINVAL also for an invalid @p on.
 */
IPL_EXTERN(int) ipl_record_remaining_life(int64_t *days, const ipl_record *r,
                                          ipl_date on, ipl_error *err)
    IPL_WARN_UNUSED;

IPL_END_DECL

/** @} */
#endif /* IPL_RECORD_H */
