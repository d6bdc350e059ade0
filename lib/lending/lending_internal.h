/* Checks shared by the loan, subsidy and compensation code. Not
 * installed. */
#ifndef IPL_LENDING_INTERNAL_H
#define IPL_LENDING_INTERNAL_H

#include "ipledge/money.h"

/* An optional amount in currency that must be ≥ 0: a zero amount's
 * currency is not looked at, so a zeroed field means "none" (a cap that
 * does not apply). where names the field. */
int ipl__lending_amount(const ipl_money *m, const char *currency,
                        const char *where, ipl_error *err);

#endif /* IPL_LENDING_INTERNAL_H */
