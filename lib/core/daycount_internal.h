/* Day-count fractions without the checks of ipl_daycount_fraction(), for
 * callers that validated the convention and the dates once and then
 * count many periods (loan schedules). Not installed. */
#ifndef IPL_DAYCOUNT_INTERNAL_H
#define IPL_DAYCOUNT_INTERNAL_H

#include "ipledge/daycount.h"

/* The numerator of the fraction of dc from *start to *end, for a known
 * convention (not IPL_DC_NONE) and valid dates with start <= end. The
 * dates go by address: packing them into registers for a call costs a
 * failed store-to-load forwarding on x86-64, a dozen cycles. */
int64_t ipl__daycount_numerator(ipl_daycount dc, const ipl_date *start,
                                const ipl_date *end);

/* The denominator of every fraction of the known convention dc: 360,
 * 365 or IPL_DC_ACT_ACT_DENOMINATOR. */
int64_t ipl__daycount_denominator(ipl_daycount dc);

#endif /* IPL_DAYCOUNT_INTERNAL_H */
