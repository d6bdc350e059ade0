/**
 * @file ipledge/ident.h
 * @brief Patent and trademark identifiers: application, publication
 *        and registration numbers, kind codes, and IPC, CPC, Locarno
 *        and Nice classification symbols, validated and normalised.
 * @defgroup ipl_ident Identifiers
 *
 * Offices, databases and people write the same number in many ways:
 * `ZL 2015 1 0481495.9`, `CN201510481495.9`, `102015000481495` and
 * `201510481495` are one Chinese application. ipl_ident_parse() reads
 * any accepted form of a given ::ipl_ident_type and returns one
 * canonical form, its parts and, where the office has a second official
 * form, that form too; or #IPL_EINVAL with the reason, e.g.
 * "201510481495.3: check character is 3, expected 9".
 *
 * Before matching, the text is folded: ASCII letters to upper case;
 * full-width forms (U+FF01 .. U+FF5E, as in Chinese and Japanese text)
 * to their ASCII counterparts; tab, CR, LF, NO-BREAK SPACE and
 * IDEOGRAPHIC SPACE to a space; spaces at either end dropped. Any other
 * byte outside printable ASCII is an error. doc/identifiers.md lists
 * every accepted form per type, the canonical forms and the
 * check-character algorithms with their sources.
 *
 * Thread safety: the functions keep no state between calls except the
 * regular expressions, compiled once (under a once-guard) on first use
 * and then only read; they may be called from any number of threads at
 * once and need no ipl_init().
 * @{
 */
#ifndef IPL_IDENT_H
#define IPL_IDENT_H

#include "ipledge/common.h"
#include "ipledge/error.h"

IPL_BEGIN_DECL

/** What a text is expected to be. */
typedef enum ipl_ident_type {
    IPL_IDENT_NONE = 0,          /**< not given: every call fails */
    IPL_IDENT_CN_APPLICATION,    /**< CNIPA application (or ZL patent) number */
    IPL_IDENT_CN_PUBLICATION,    /**< CNIPA publication number */
    IPL_IDENT_US_PATENT,         /**< USPTO grant: utility, D, PP, RE, H, T */
    IPL_IDENT_US_PUBLICATION,    /**< USPTO pre-grant publication */
    IPL_IDENT_US_APPLICATION,    /**< USPTO application: series code + serial */
    IPL_IDENT_EP_APPLICATION,    /**< EPO application number */
    IPL_IDENT_EP_PUBLICATION,    /**< EPO publication number */
    IPL_IDENT_WO_PUBLICATION,    /**< WIPO international publication */
    IPL_IDENT_PCT_APPLICATION,   /**< PCT international application */
    IPL_IDENT_JP_APPLICATION,    /**< JPO application number (2000-) */
    IPL_IDENT_JP_PUBLICATION,    /**< JPO publication number (2000-) */
    IPL_IDENT_JP_REGISTRATION,   /**< JPO patent or utility model registration */
    IPL_IDENT_IPC,               /**< International Patent Classification symbol */
    IPL_IDENT_CPC,               /**< Cooperative Patent Classification symbol */
    IPL_IDENT_LOCARNO,           /**< Locarno (industrial designs) class and subclass */
    IPL_IDENT_NICE,              /**< Nice (goods and services) class, 1 .. 45 */
    IPL_IDENT_US_TM_SERIAL,      /**< USPTO trademark serial number */
    IPL_IDENT_US_TM_REGISTRATION,/**< USPTO trademark registration number */
    IPL_IDENT_EUTM               /**< EU trade mark number (EUIPO) */
} ipl_ident_type;

/** Capacity of the text fields of ::ipl_ident, including the NUL. */
#define IPL_IDENT_TEXT_SIZE 32

/** A buffer of this many bytes holds any kind code and its NUL. */
#define IPL_IDENT_KIND_SIZE 4

/** The longest text, in bytes, ipl_ident_parse() reads. */
#define IPL_IDENT_INPUT_MAX 128

/**
 * An identifier in canonical form, with its parts. A value type the
 * caller owns (usually on its stack); ipl_ident_parse() fills every
 * field. Text fields are NUL-terminated ASCII; a part the identifier
 * does not have is "" (text), '\0' (character) or 0 (number).
 */
typedef struct ipl_ident {
    ipl_ident_type type;    /**< the type that was parsed */
    /** The canonical form: equal identifiers have equal canonical
     *  forms, and parsing a canonical form gives it back unchanged.
     *  E.g. "201510481495.9", "CN104223352", "USD967598",
     *  "PCT/JP2014/059529", "A61K 31/4439", "12-08", "9". */
    char canonical[IPL_IDENT_TEXT_SIZE];
    /** A second official form of the same identifier, or "": the CNIPA
     *  15-digit standard application number ("102015000481495"), the
     *  USPTO's 8-character doc-number ("D0967598"), the ST.8 fixed-width
     *  field of a classification symbol ("A61K  31/4439  ") ... see
     *  doc/identifiers.md for each type. */
    char alternate[IPL_IDENT_TEXT_SIZE];
    /** WIPO ST.3 code of the office that assigned the number ("CN",
     *  "US", "EP", "WO", "JP", "EM"); for a PCT application, the
     *  receiving office. "" for classification symbols. */
    char office[3];
    /** Kind code given with a publication or grant number ("A", "B2"),
     *  checked against the type; "" when none was given. */
    char kind[IPL_IDENT_KIND_SIZE];
    /** The series or type code: CN type digit ("1" invention, "2"
     *  utility model, "3" design, "8"/"9" PCT national phase); US grant
     *  prefix ("D", "PP", "RE", "H", "T", "" for utility); US patent
     *  application and trademark serial series code ("29", "78"). */
    char series[4];
    /** The serial digits as the canonical form carries them. */
    char serial[16];
    /** Check character ('0' .. '9', 'X') of a CN application, computed
     *  when the text omits it; of an EP application when given. */
    char check;
    /** Classification section letter ('A' .. 'H', 'Y' for CPC). */
    char section;
    /** Four-digit year the number carries (filing or publication year),
     *  or 0. */
    int year;
    /** Class: IPC/CPC 1 .. 99, Locarno 1 .. 32, Nice 1 .. 45. */
    int class_number;
    /** IPC/CPC subclass letter ("K"), or Locarno subclass ("08"). */
    char subclass[3];
    /** IPC/CPC main group, 1 .. 9999. */
    int main_group;
    /** IPC/CPC subgroup digits, at least two, trailing zeros beyond the
     *  second dropped ("00", "06", "4439"). */
    char subgroup[8];
    /** IPC version given with the symbol, as "2006.01"; or "". */
    char version[8];
} ipl_ident;

/**
 * Validates and normalises an identifier.
 *
 * @param[out] out   receives the identifier; written only on success.
 * @param type       what @p text must be.
 * @param text       NUL-terminated UTF-8, at most #IPL_IDENT_INPUT_MAX
 *                   bytes.
 * @param[out] err   optional; on failure @c where is "text" (or "type",
 *                   "out"; "patterns" for #IPL_ERROR) and the message
 *                   quotes the folded text and says what is wrong with
 *                   it; for a byte that is not accepted, @c line is 1
 *                   and @c column its 1-based offset.
 * @return #IPL_OK; #IPL_EINVAL (not a valid identifier of that type, an
 *         unknown @p type, a NULL pointer); #IPL_ENOMEM. #IPL_ERROR when
 *         the library's own patterns could not be compiled (the message
 *         says which and why; every later call fails the same way).
 * @note Allocates only while it runs (PCRE2 match data, through the
 *       allocator of ipledge/sys/alloc.h) and frees it before returning.
 */
IPL_EXTERN(int) ipl_ident_parse(ipl_ident *out, ipl_ident_type type,
                                const char *text, ipl_error *err)
    IPL_WARN_UNUSED;

/**
 * Validates and normalises a kind code given on its own (as office XML
 * carries it in a `kind` element) against the codes @p type allows:
 * "A " gives "A", "b2" gives "B2", and a text ending in a parenthesised
 * code, as the JPO writes it ("公開特許公報(A)"), gives that code.
 *
 * @param[out] out   receives the code; written only on success.
 * @param size       capacity of @p out; #IPL_IDENT_KIND_SIZE suffices.
 * @param type       a patent number type (#IPL_IDENT_CN_PUBLICATION,
 *                   #IPL_IDENT_US_PATENT, ...) whose kind codes apply.
 * @param text       NUL-terminated UTF-8.
 * @param[out] err   optional; filled on failure (where: "text", "type"
 *                   or "out").
 * @return #IPL_OK; #IPL_EINVAL (a code @p type does not allow, a type
 *         without kind codes, a NULL pointer); #IPL_ERANGE when @p size
 *         is too small.
 */
IPL_EXTERN(int) ipl_ident_parse_kind(char *out, size_t size,
                                     ipl_ident_type type, const char *text,
                                     ipl_error *err) IPL_WARN_UNUSED;

/**
 * The name of an identifier type, as doc/identifiers.md and error
 * messages spell it.
 *
 * @param type  an ::ipl_ident_type (or any int).
 * @return borrowed static text such as "cn-application"; never NULL; an
 *         unknown type gives "unknown".
 */
IPL_EXTERN(const char *) ipl_ident_type_name(ipl_ident_type type);

IPL_END_DECL

/** @} */
#endif /* IPL_IDENT_H */
