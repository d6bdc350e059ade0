/**
 * @file ipledge/daycount.h
 * @brief Day-count conventions: how much of a year lies between two dates.
 * @defgroup ipl_daycount Day counts
 *
 * Interest accrues over a year fraction that a loan's terms fix by
 * naming a convention. ipledge never assumes one: the zero value,
 * #IPL_DC_NONE, is an error wherever a convention is needed. Every
 * fraction is also available exactly, as a numerator and denominator of
 * days, so interest in minor units can be computed without binary
 * rounding (see ipl_money_mul_ratio()).
 *
 * Definitions follow the 2006 ISDA Definitions, section 4.16.
 * @{
 */
#ifndef IPL_DAYCOUNT_H
#define IPL_DAYCOUNT_H

#include "ipledge/common.h"
#include "ipledge/error.h"
#include "ipledge/date.h"

IPL_BEGIN_DECL

/** A day-count convention. */
typedef enum ipl_daycount {
    IPL_DC_NONE = 0,     /**< not given: an error wherever a convention is needed */
    /** Actual/360: actual days ÷ 360 (ISDA 4.16(e)); usual for
     *  renminbi loans, whose daily rate is the annual rate ÷ 360. */
    IPL_DC_ACT_360,
    /** Actual/365 (Fixed): actual days ÷ 365 (ISDA 4.16(d)). */
    IPL_DC_ACT_365F,
    /** 30/360, Bond Basis (ISDA 4.16(f)): day 31 of the start becomes
     *  30; day 31 of the end becomes 30 only when the start day is then 30. */
    IPL_DC_30_360,
    /** 30E/360, Eurobond Basis (ISDA 4.16(g)): day 31 becomes 30 at
     *  both ends. */
    IPL_DC_30E_360,
    /** Actual/Actual (ISDA) (ISDA 4.16(b)): days in leap years ÷ 366
     *  plus days in other years ÷ 365. */
    IPL_DC_ACT_ACT_ISDA
} ipl_daycount;

/** Denominator of every exact Actual/Actual (ISDA) fraction: 365 × 366. */
#define IPL_DC_ACT_ACT_DENOMINATOR 133590

/**
 * The year fraction from @p start to @p end: ACT/360 from 2024-01-01 to
 * 2024-07-01 is 182/360. When @p end is earlier than @p start the
 * result is the negative of the fraction from @p end to @p start.
 *
 * @param[out] out  receives the fraction of a year.
 * @param dc        the convention.
 * @param start     first day of the period (counted).
 * @param end       last day of the period (not counted).
 * @param[out] err  optional; filled on failure.
 * @return #IPL_OK, or #IPL_EINVAL (NULL @p out, #IPL_DC_NONE or unknown
 *         convention, invalid date).
 */
IPL_EXTERN(int) ipl_daycount_year_fraction(double *out, ipl_daycount dc,
                                           ipl_date start, ipl_date end,
                                           ipl_error *err) IPL_WARN_UNUSED;

/**
 * The year fraction as an exact ratio of day counts, not reduced:
 * ACT/360 from 2024-01-01 to 2024-07-01 gives 182 / 360; 30/360 gives
 * its 30-day-month count over 360; ACT/365F actual days over 365;
 * Actual/Actual (ISDA) gives (days in common years × 366 + days in leap
 * years × 365) over #IPL_DC_ACT_ACT_DENOMINATOR.
 *
 * @param[out] num  receives the numerator (negative when @p end is earlier).
 * @param[out] den  receives the denominator (360, 365 or 133590).
 * @param dc        the convention.
 * @param start     first day of the period (counted).
 * @param end       last day of the period (not counted).
 * @param[out] err  optional; filled on failure.
 * @return as ipl_daycount_year_fraction().
 */
IPL_EXTERN(int) ipl_daycount_fraction(int64_t *num, int64_t *den,
                                      ipl_daycount dc, ipl_date start,
                                      ipl_date end, ipl_error *err)
    IPL_WARN_UNUSED;

/**
 * The usual name of a convention.
 *
 * @param dc  the convention.
 * @return borrowed static text: "ACT/360", "ACT/365F", "30/360",
 *         "30E/360", "ACT/ACT ISDA"; NULL for #IPL_DC_NONE or an
 *         unknown value.
 */
IPL_EXTERN(const char *) ipl_daycount_name(ipl_daycount dc);

/**
 * Finds a convention by name, as terms and policy files write it. Case
 * and spaces are ignored. Accepted: the names of ipl_daycount_name()
 * and "Actual/360", "A/360", "Actual/365 (Fixed)", "ACT/365.FIXED",
 * "A/365F", "30/360 Bond Basis", "Bond Basis", "30E/360 Eurobond",
 * "Eurobond Basis", "ACT/ACT", "Actual/Actual", "Actual/Actual (ISDA)".
 *
 * @param[out] out  receives the convention.
 * @param name      NUL-terminated name.
 * @param[out] err  optional; filled on failure (where: "daycount").
 * @return #IPL_OK, or #IPL_EINVAL (NULL pointer, unknown name).
 */
IPL_EXTERN(int) ipl_daycount_from_name(ipl_daycount *out, const char *name,
                                       ipl_error *err) IPL_WARN_UNUSED;

IPL_END_DECL

/** @} */
#endif /* IPL_DAYCOUNT_H */
