/* Names of valuation methods, as the assumptions document spells them. */
#include <string.h>

#include "value_internal.h"

static const char *const method_names[] = {
    "split", "split", "relief-from-royalty", "mpeem", "with-and-without",
    "direct-excess", "cost", "market"
};
#define NMETHODS (sizeof method_names / sizeof method_names[0])

const char *
ipl_value_method_name(ipl_value_method m)
{
    return (unsigned)m < NMETHODS ? method_names[m] : "unknown";
}

int
ipl_value_method_from_name(ipl_value_method *out, const char *name, ipl_error *err)
{
    size_t i;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, name);
    for (i = 1; i < NMETHODS; i++)
        if (strcmp(name, method_names[i]) == 0) {
            *out = (ipl_value_method)i;
            return IPL_OK;
        }
    return ipl__fail(err, IPL_EINVAL, "method", "unknown method '%s'", name);
}
