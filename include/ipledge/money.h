/**
 * @file ipledge/money.h
 * @brief Exact money: integer minor units, explicit rounding, splits
 *        that always add up.
 * @defgroup ipl_money Money
 *
 * An ::ipl_money is a signed 64-bit count of a currency's minor unit and
 * the currency's ISO 4217 code: { 123456, "CNY" } is CNY 1,234.56.
 * Sums and differences are exact. Wherever a remainder could appear (a
 * rate, a ratio, a decimal string with more places than the currency
 * has, a model value in @c double) the caller names the rounding; with
 * #IPL_ROUND_NEVER a lost remainder is the error #IPL_EINEXACT.
 *
 * Amounts lie in ±(2^63 − 1) minor units; a result outside that range is
 * #IPL_EOVERFLOW, never a wrapped value. INT64_MIN is not an amount.
 *
 * Parsing and formatting ignore the C locale: the decimal separator is
 * always '.', and the group separator ',' is optional on input.
 * @{
 */
#ifndef IPL_MONEY_H
#define IPL_MONEY_H

#include "ipledge/common.h"
#include "ipledge/error.h"

IPL_BEGIN_DECL

/** An amount of money. A value type: copy it freely. */
typedef struct ipl_money {
    int64_t minor;        /**< amount in minor units: 123456 = 1,234.56 */
    char    currency[4];  /**< ISO 4217 code, NUL-terminated: "CNY" */
} ipl_money;

/**
 * How a value between two minor units becomes one of them. Modes act on
 * the magnitude, so −x always rounds to −(x rounded).
 */
typedef enum ipl_rounding {
    IPL_ROUND_DEFAULT = 0, /**< the library default: #IPL_ROUND_HALF_EVEN */
    IPL_ROUND_HALF_EVEN,   /**< to nearest; ties to the even neighbour (banker's) */
    IPL_ROUND_HALF_UP,     /**< to nearest; ties away from zero (commercial) */
    IPL_ROUND_DOWN,        /**< toward zero (truncate) */
    IPL_ROUND_NEVER,       /**< fail with #IPL_EINEXACT instead of rounding */
    /** away from zero: for amounts that must reach a threshold (a top-up
     *  that restores a loan-to-value, a fee floor) */
    IPL_ROUND_UP
} ipl_rounding;

/** Format flag: group the integer digits in threes with ','. */
#define IPL_MONEY_FORMAT_GROUP 0x1u
/** Format flag: put the currency code and a space before the amount. */
#define IPL_MONEY_FORMAT_CODE  0x2u
/** A buffer of this many bytes holds any amount ipl_money_format() writes. */
#define IPL_MONEY_FORMAT_MAX 40

/**
 * Makes an amount from a count of minor units.
 *
 * @param[out] out  receives the amount.
 * @param minor     the count of minor units; INT64_MIN is refused.
 * @param currency  ISO 4217 code (see ipl_currency_exponent()).
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL for a NULL pointer or an unknown
 *         currency; #IPL_EOVERFLOW for INT64_MIN.
 */
IPL_EXTERN(int) ipl_money_from_minor(ipl_money *out, int64_t minor,
                                     const char *currency, ipl_error *err)
    IPL_WARN_UNUSED;

/**
 * Parses a decimal amount in major units, such as "1,234.56", "1234.5",
 * "-0.01", "+7" or ".5" (the lexical forms of xs:decimal, plus ','
 * between groups of three integer digits). Leading and trailing ASCII
 * white space is ignored; anything else is an error.
 *
 * @param[out] out   receives the amount in minor units of @p currency.
 * @param text       NUL-terminated text.
 * @param currency   ISO 4217 code; fixes the number of decimal places.
 * @param rounding   applies when @p text has more decimal places than
 *                   the currency (trailing zeros never count).
 * @param[out] err   optional; on #IPL_EPARSE, @c column is the 1-based
 *                   byte offset of the first offending character.
 * @return #IPL_OK; #IPL_EPARSE (malformed text); #IPL_EINEXACT (too many
 *         places with #IPL_ROUND_NEVER); #IPL_EOVERFLOW (too large);
 *         #IPL_EINVAL (NULL pointer, unknown currency or rounding).
 */
IPL_EXTERN(int) ipl_money_parse(ipl_money *out, const char *text,
                                const char *currency, ipl_rounding rounding,
                                ipl_error *err) IPL_WARN_UNUSED;

/**
 * Writes an amount in major units with exactly the currency's number of
 * decimal places: "-1234.56"; with #IPL_MONEY_FORMAT_GROUP "-1,234.56";
 * with #IPL_MONEY_FORMAT_CODE "CNY -1234.56". Without flags the text
 * parses back to the same amount.
 *
 * @param[out] buf  receives the NUL-terminated text.
 * @param size      capacity of @p buf; #IPL_MONEY_FORMAT_MAX always suffices.
 * @param m         the amount.
 * @param flags     a combination of the IPL_MONEY_FORMAT_* flags.
 * @param[out] err  optional; filled on failure.
 * @return the length written (excluding the NUL); #IPL_ERANGE when
 *         @p size is too small (@p buf then holds ""); #IPL_EINVAL for a
 *         NULL pointer, an unknown currency or unknown flags.
 */
IPL_EXTERN(int) ipl_money_format(char *buf, size_t size, const ipl_money *m,
                                 unsigned int flags, ipl_error *err);

/**
 * Adds two amounts of the same currency: @p out = @p a + @p b.
 *
 * @param[out] out  receives the sum; may be the same object as @p a or @p b.
 * @param a, b      the amounts.
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL pointer, currencies differ);
 *         #IPL_EOVERFLOW.
 */
IPL_EXTERN(int) ipl_money_add(ipl_money *out, const ipl_money *a,
                              const ipl_money *b, ipl_error *err)
    IPL_WARN_UNUSED;

/**
 * Subtracts two amounts of the same currency: @p out = @p a − @p b.
 *
 * @param[out] out  receives the difference; may alias @p a or @p b.
 * @param a, b      the amounts.
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL pointer, currencies differ);
 *         #IPL_EOVERFLOW.
 */
IPL_EXTERN(int) ipl_money_sub(ipl_money *out, const ipl_money *a,
                              const ipl_money *b, ipl_error *err)
    IPL_WARN_UNUSED;

/**
 * Multiplies an amount by a rate and rounds to minor units:
 * 1,000.00 × 0.0435 = 43.50.
 *
 * The rate is taken as the decimal number it was written as: the double
 * is read as its nearest decimal with 15 significant digits (every such
 * decimal survives a round trip through a double), and the product with
 * that decimal is then computed and rounded exactly. So 100.00 × 0.015
 * is exactly 1.50 and 1.00 × 0.125 with #IPL_ROUND_HALF_EVEN is 0.12,
 * whatever the binary error of 0.015.
 *
 * @param[out] out   receives the product, in the currency of @p a; may alias @p a.
 * @param a          the amount.
 * @param rate       a finite fraction (0.0435 for 4.35 %); negative allowed.
 * @param rounding   how the exact product becomes minor units.
 * @param[out] err   optional; filled on failure (where: "rate").
 * @return #IPL_OK; #IPL_EINVAL (NULL, NaN or infinite rate, unknown
 *         rounding); #IPL_EOVERFLOW; #IPL_EINEXACT (#IPL_ROUND_NEVER).
 */
IPL_EXTERN(int) ipl_money_mul_rate(ipl_money *out, const ipl_money *a,
                                   double rate, ipl_rounding rounding,
                                   ipl_error *err) IPL_WARN_UNUSED;

/**
 * Multiplies an amount by the exact ratio @p num / @p den and rounds to
 * minor units, with no intermediate overflow: 1,000.00 × 182 / 360.
 *
 * @param[out] out   receives the result, in the currency of @p a; may alias @p a.
 * @param a          the amount.
 * @param num        numerator; any int64 but INT64_MIN.
 * @param den        denominator; non-zero, not INT64_MIN.
 * @param rounding   how the exact result becomes minor units.
 * @param[out] err   optional; filled on failure.
 * @return #IPL_OK; #IPL_EINVAL (NULL, zero denominator, unknown
 *         rounding); #IPL_EOVERFLOW; #IPL_EINEXACT (#IPL_ROUND_NEVER).
 */
IPL_EXTERN(int) ipl_money_mul_ratio(ipl_money *out, const ipl_money *a,
                                    int64_t num, int64_t den,
                                    ipl_rounding rounding, ipl_error *err)
    IPL_WARN_UNUSED;

/**
 * Turns a model value in major units (a present value, an appraised
 * value computed in @c double) into money: the one place where a
 * valuation figure becomes a contract amount. The value is read, as in
 * ipl_money_mul_rate(), as its nearest 15-significant-digit decimal, so
 * 1234.565 with #IPL_ROUND_HALF_UP is 1,234.57.
 *
 * @param[out] out   receives the amount.
 * @param value      the value in major units (yuan, dollars); finite.
 * @param currency   ISO 4217 code.
 * @param rounding   how the value becomes minor units.
 * @param[out] err   optional; filled on failure (where: "value").
 * @return #IPL_OK; #IPL_EINVAL (NULL, NaN or infinite value, unknown
 *         currency or rounding); #IPL_EOVERFLOW; #IPL_EINEXACT.
 */
IPL_EXTERN(int) ipl_money_from_double(ipl_money *out, double value,
                                      const char *currency,
                                      ipl_rounding rounding, ipl_error *err)
    IPL_WARN_UNUSED;

/**
 * An amount in major units as a @c double, for models and display. The
 * result is the nearest double to the exact value; amounts above 2^53
 * minor units lose their last digits.
 *
 * @param m  the amount.
 * @return the value in major units (1,234.56 → 1234.56), or NaN when
 *         @p m is NULL or its currency is unknown.
 */
IPL_EXTERN(double) ipl_money_to_double(const ipl_money *m);

/**
 * Splits an amount among parties in proportion to integer weights, so
 * that the parts add up exactly to the whole. Each part first gets its
 * exact share rounded toward zero; the minor units left over then go one
 * each to the parts with the largest remainders (the largest remainder
 * method), ties going to the earlier party. CNY 100.00 split by
 * {1, 1, 1} gives 33.34, 33.33 and 33.33; by {40, 30, 20, 10} it gives
 * 40.00, 30.00, 20.00 and 10.00. A negative amount splits as its
 * magnitude does, with every part negated.
 *
 * @param[out] parts  receives @p n amounts in the currency of @p total.
 * @param total       the amount to split.
 * @param weights     @p n weights, each ≥ 0, with a positive sum that
 *                    fits in int64 (40/30/20/10, basis points, 1/1/1).
 * @param n           number of parties, ≥ 1.
 * @param[out] err    optional; filled on failure (where: "weights[i]").
 * @return #IPL_OK; #IPL_EINVAL (NULL, n = 0, a negative weight, zero
 *         sum, unknown currency); #IPL_EOVERFLOW (the weights' sum
 *         overflows). On failure @p parts is left unchanged.
 */
IPL_EXTERN(int) ipl_money_split(ipl_money *parts, const ipl_money *total,
                                const int64_t *weights, size_t n,
                                ipl_error *err) IPL_WARN_UNUSED;

/** #IPL_MONEY_FORMAT_MAX, callable for bindings. @return its value. */
IPL_EXTERN(size_t) ipl_money_format_max(void);

IPL_END_DECL

/** @} */
#endif /* IPL_MONEY_H */
