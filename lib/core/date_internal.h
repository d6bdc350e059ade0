/* Date helpers shared between lib/core/date.c and its neighbours
 * (daycount.c). Not installed. */
#ifndef IPL_DATE_INTERNAL_H
#define IPL_DATE_INTERNAL_H

#include "ipledge/date.h"

/* The day number of a valid date (ipl_date_is_valid() holds), counted
 * from 0000-03-01 of the proleptic Gregorian calendar, so 0001-01-01 is
 * 306. Only differences between day numbers carry meaning outside
 * date.c. */
int64_t ipl__date_serial(ipl_date d);

/* Records why d is not a valid date in err (which may be NULL), naming
 * the parameter `where`, and returns IPL_EINVAL. Call it only for a
 * date that ipl_date_is_valid() rejected. */
int ipl__date_fail_invalid(ipl_error *err, const char *where, ipl_date d);

#endif /* IPL_DATE_INTERNAL_H */
