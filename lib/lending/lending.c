/* Checks shared by the loan, subsidy and compensation code. */
#include <string.h>

#include "error_internal.h"
#include "lending_internal.h"

int
ipl__lending_amount(const ipl_money *m, const char *currency, const char *where,
                    ipl_error *err)
{
    if (m->minor < 0)
        return ipl__fail(err, IPL_EINVAL, where, "must be >= 0, got %lld minor units",
                         (long long)m->minor);
    if (m->minor > 0 && strncmp(m->currency, currency, 4) != 0)
        return ipl__fail(err, IPL_EINVAL, where, "currency %.3s is not %s",
                         m->currency, currency);
    return IPL_OK;
}
