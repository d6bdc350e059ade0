/* Filling a caller's ipl_error from inside the library. Not installed. */
#ifndef IPL_ERROR_INTERNAL_H
#define IPL_ERROR_INTERNAL_H

#include "ipledge/error.h"

#if defined(__GNUC__)
# define IPL__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
# define IPL__PRINTF(f, a)
#endif

/* Records a failure in err (which may be NULL) and returns code, so a
 * caller can write `return ipl__fail(err, IPL_EINVAL, "rate", "...")`.
 * where may be NULL; the message is printf-formatted and truncated to
 * fit. Allocates nothing. */
int ipl__fail(ipl_error *err, int code, const char *where,
              const char *fmt, ...) IPL__PRINTF(4, 5);

/* As ipl__fail(), with the 1-based line and column of input text. */
int ipl__fail_at(ipl_error *err, int code, const char *where, int line,
                 int column, const char *fmt, ...) IPL__PRINTF(6, 7);

/* The common argument check: a required pointer was NULL. */
#define IPL__CHECK_ARG(err, ptr) \
    do { if ((ptr) == NULL) \
        return ipl__fail((err), IPL_EINVAL, #ptr, "must not be NULL"); \
    } while (0)

#endif /* IPL_ERROR_INTERNAL_H */
