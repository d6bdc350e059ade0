/* Checks shared by the money functions. Not installed. */
#ifndef IPL_MONEY_INTERNAL_H
#define IPL_MONEY_INTERNAL_H

#include "ipledge/error.h"
#include "ipledge/money.h"

/* IPL_OK when m is non-NULL, of a known currency and not INT64_MIN;
 * otherwise the error, with where naming the argument. */
int ipl__money_check(const ipl_money *m, const char *where, ipl_error *err);

/* A caller's rounding resolved to a concrete ipl_rounding value (never
 * IPL_ROUND_DEFAULT), or IPL_EINVAL for a value that is not one. */
int ipl__money_rounding(ipl_rounding rounding, ipl_error *err);

#endif /* IPL_MONEY_INTERNAL_H */
