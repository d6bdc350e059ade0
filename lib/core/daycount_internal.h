/* Day-count fractions without the checks of ipl_daycount_fraction(), for
 * callers that validated the convention and the dates once and then
 * count many periods (loan schedules). Not installed. */
#ifndef IPL_DAYCOUNT_INTERNAL_H
#define IPL_DAYCOUNT_INTERNAL_H

#include "ipledge/daycount.h"
#include "date_internal.h"

/* 30/360 numerator for start <= end. Bond Basis (4.16(f)) moves an end
 * day of 31 to 30 only when the start day is then 30; Eurobond Basis
 * (4.16(g)) always does. */
static inline int64_t
ipl__daycount_30_360(ipl_date start, ipl_date end, int eurobond)
{
    int d1 = start.day == 31 ? 30 : start.day;
    int d2 = end.day;

    if (d2 == 31 && (eurobond || d1 == 30))
        d2 = 30;
    return (int64_t)360 * (end.year - start.year)
           + 30 * (end.month - start.month) + (d2 - d1);
}

/* Actual/Actual (ISDA) numerator for valid dates, start <= end. */
int64_t ipl__daycount_act_act(ipl_date start, ipl_date end);

/* The numerator of the fraction of dc from start to end, for a known
 * convention (not IPL_DC_NONE) and valid dates with start <= end.
 * Inline, as are the day numbers it takes differences of: a schedule
 * counts every period with it. */
static inline int64_t
ipl__daycount_numerator(ipl_daycount dc, ipl_date start, ipl_date end)
{
    switch (dc) {
    case IPL_DC_ACT_360:
    case IPL_DC_ACT_365F:
        return ipl__date_serial(end) - ipl__date_serial(start);
    case IPL_DC_30_360:
    case IPL_DC_30E_360:
        return ipl__daycount_30_360(start, end, dc == IPL_DC_30E_360);
    default: /* IPL_DC_ACT_ACT_ISDA, the one convention left */
        return ipl__daycount_act_act(start, end);
    }
}

/* The denominator of every fraction of the known convention dc: 360,
 * 365 or IPL_DC_ACT_ACT_DENOMINATOR. */
static inline int64_t
ipl__daycount_denominator(ipl_daycount dc)
{
    switch (dc) {
    case IPL_DC_ACT_365F:
        return 365;
    case IPL_DC_ACT_ACT_ISDA:
        return IPL_DC_ACT_ACT_DENOMINATOR;
    default:
        return 360;
    }
}

#endif /* IPL_DAYCOUNT_INTERNAL_H */
