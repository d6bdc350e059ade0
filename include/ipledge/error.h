/**
 * @file ipledge/error.h
 * @brief Status codes and the caller-owned error record.
 * @defgroup ipl_error Errors
 *
 * Every fallible ipledge function returns an @c int: #IPL_OK (0) on
 * success or a negative ::ipl_status. Details of a failure go into an
 * optional ::ipl_error that the caller owns, usually on its stack:
 * @code
 * ipl_error err;
 * if (ipl_money_parse(&m, text, "CNY", IPL_ROUND_NEVER, &err) < 0)
 *     fprintf(stderr, "%s\n", err.message);
 * @endcode
 * The record needs no allocation (it works after #IPL_ENOMEM), no
 * thread-local storage and no global state. A function fills it only
 * when it fails; on success it is left as it was. Passing NULL is
 * allowed everywhere and simply drops the details.
 * @{
 */
#ifndef IPL_ERROR_H
#define IPL_ERROR_H

#include "ipledge/common.h"

IPL_BEGIN_DECL

/**
 * Status codes. Success is 0; every error is negative. New codes are
 * only ever added, with new values.
 */
typedef enum ipl_status {
    IPL_OK          =  0,  /**< success */
    IPL_ERROR       = -1,  /**< unexpected failure; see the message */
    IPL_ENOMEM      = -2,  /**< an allocation failed */
    IPL_EINVAL      = -3,  /**< an argument is missing or malformed */
    IPL_ERANGE      = -4,  /**< a value lies outside its domain */
    IPL_EOVERFLOW   = -5,  /**< a money amount would not fit in 64 bits */
    IPL_EINEXACT    = -6,  /**< #IPL_ROUND_NEVER, and a remainder would be lost */
    IPL_ENOCONVERGE = -7,  /**< a numeric solver gave up */
    IPL_EPARSE      = -8,  /**< malformed text or document; see line and column */
    IPL_EVERSION    = -9   /**< an options struct has an unknown version */
} ipl_status;

/** Capacity of ipl_error::message, including the terminating NUL. */
#define IPL_ERROR_MESSAGE_MAX 256
/** Capacity of ipl_error::where, including the terminating NUL. */
#define IPL_ERROR_WHERE_MAX 128

/**
 * Details of a failure. The caller owns it; ipledge only writes to it.
 * All strings are NUL-terminated UTF-8 and truncated to fit.
 */
typedef struct ipl_error {
    int  code;     /**< the ::ipl_status the function returned */
    int  line;     /**< 1-based input line, or 0 when not about input text */
    int  column;   /**< 1-based column (in bytes), or 0 when unknown */
    /** What failed: a field path such as "loan.term_months" or
     *  "parts[2]", a file name, or "" when nothing more precise applies. */
    char where[IPL_ERROR_WHERE_MAX];
    /** A sentence for people, naming the culprit, e.g.
     *  "must be 1..600, got 0". */
    char message[IPL_ERROR_MESSAGE_MAX];
} ipl_error;

/**
 * Resets an error record to "no error": code #IPL_OK, empty strings,
 * line and column 0.
 *
 * @param[out] err  the record to reset; NULL does nothing.
 */
IPL_EXTERN(void) ipl_error_clear(ipl_error *err);

/**
 * Writes an error as one line: "where:line:column: message" with the
 * parts that are known (for example "loan.term_months: must be 1..600,
 * got 0" or "grant.xml:12:7: unknown element").
 *
 * @param[out] buf   receives the NUL-terminated text; truncated to fit.
 * @param size       capacity of @p buf in bytes.
 * @param err        the error to write.
 * @return the length the full text has (excluding the NUL), as
 *         snprintf does, or #IPL_EINVAL when @p buf or @p err is NULL
 *         or @p size is 0.
 */
IPL_EXTERN(int) ipl_error_format(char *buf, size_t size, const ipl_error *err);

/**
 * A short description of a status code.
 *
 * @param status  an ::ipl_status value (or any int).
 * @return borrowed static text such as "out of memory"; never NULL. An
 *         unknown code gives "unknown status".
 */
IPL_EXTERN(const char *) ipl_status_str(int status);

/**
 * The name of a status code as it is spelled in C.
 *
 * @param status  an ::ipl_status value (or any int).
 * @return borrowed static text such as "IPL_ENOMEM"; never NULL. An
 *         unknown code gives "IPL_UNKNOWN".
 */
IPL_EXTERN(const char *) ipl_status_name(int status);

/** #IPL_ERROR_MESSAGE_MAX, callable for bindings. @return its value. */
IPL_EXTERN(size_t) ipl_error_message_max(void);

/** #IPL_ERROR_WHERE_MAX, callable for bindings. @return its value. */
IPL_EXTERN(size_t) ipl_error_where_max(void);

IPL_END_DECL

/** @} */
#endif /* IPL_ERROR_H */
