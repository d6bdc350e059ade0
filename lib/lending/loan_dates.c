/* The payment dates of a schedule, one after another: shared by the
 * schedule builder and the batch, so that both fall on the same days. */
#include "ipledge/loan.h"
#include "date_internal.h"
#include "error_internal.h"
#include "loan_internal.h"

/* Payment dates are the anchor (the first payment, or the start) plus
 * whole periods, each counted from the anchor's day so that clamped
 * month ends do not drift: 01-31, 02-29, 03-31. */
void
ipl__loan_dates_init(ipl__loan_dates *d, const ipl_loan_terms *t, int months)
{
    int given = t->first_payment.year != 0;
    ipl_date anchor = given ? t->first_payment : t->start;

    d->months = months;
    d->next_month = ipl__date_month_index(anchor) + (given ? 0 : months);
    d->day = anchor.day;
    d->month_end = t->month_rule == IPL_MONTH_END_STICKY
                   && anchor.day == ipl__date_month_length(anchor.year, anchor.month);
}

int
ipl__loan_dates_next(ipl_date *out, ipl__loan_dates *d, size_t k, ipl_error *err)
{
    if (d->next_month > IPL__DATE_LAST_MONTH)
        return ipl__fail(err, IPL_ERANGE, "terms.periods",
                         "payment %zu falls after 9999-12-31", k + 1);
    *out = ipl__date_in_month(d->next_month, d->day, d->month_end);
    d->next_month += d->months;
    return IPL_OK;
}
