/**
 * @file ipledge/currency.h
 * @brief ISO 4217 currencies and the number of digits of their minor unit.
 * @defgroup ipl_currency Currencies
 *
 * ipledge keeps money as a count of a currency's minor unit (fen, cent).
 * How many minor units make one major unit is 10 to the power of the
 * currency's exponent, which ISO 4217 fixes per currency: 2 for CNY, USD
 * and EUR; 0 for JPY and KRW; 3 for BHD, IQD, JOD, KWD, LYD, OMR and
 * TND; 4 for the Chilean and Uruguayan units of account (CLF, UYW).
 *
 * The table holds ISO 4217 list one as active in 2024, plus XCG (2025).
 * Codes withdrawn since (ANG, BGN) stay, so that older contracts still
 * read. Codes without a minor unit (precious metals, XDR, XXX) are not
 * money here and are rejected.
 * @{
 */
#ifndef IPL_CURRENCY_H
#define IPL_CURRENCY_H

#include "ipledge/common.h"
#include "ipledge/error.h"

IPL_BEGIN_DECL

/**
 * The number of decimal digits of a currency's minor unit.
 *
 * @param code  an ISO 4217 alphabetic code: three upper-case letters,
 *              NUL-terminated ("CNY").
 * @return 0 to 4, or #IPL_EINVAL when @p code is NULL or not an active
 *         ISO 4217 currency with a minor unit.
 * @note Thread safety: may be called from any thread at any time.
 */
IPL_EXTERN(int) ipl_currency_exponent(const char *code);

/**
 * Checks a currency code, naming it in @p err when it is unknown.
 *
 * @param code      the ISO 4217 code to check.
 * @param[out] err  optional; filled on failure (where: "currency").
 * @return #IPL_OK, or #IPL_EINVAL as ipl_currency_exponent().
 */
IPL_EXTERN(int) ipl_currency_check(const char *code, ipl_error *err);

IPL_END_DECL

/** @} */
#endif /* IPL_CURRENCY_H */
