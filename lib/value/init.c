/* Default assumption blocks. */
#include <string.h>

#include "value_internal.h"

#define INIT_BLOCK(type, ptr, ver, want) do { \
        IPL__CHECK_ARG(NULL, ptr); \
        if ((ver) != (want)) \
            return IPL_EVERSION; \
        memset((ptr), 0, sizeof(type)); \
        (ptr)->version = (ver); \
        return IPL_OK; \
    } while (0)

int
ipl_value_income_init(ipl_value_income *in, unsigned int version)
{
    INIT_BLOCK(ipl_value_income, in, version, IPL_VALUE_INCOME_VERSION);
}

int
ipl_value_cost_init(ipl_value_cost *in, unsigned int version)
{
    INIT_BLOCK(ipl_value_cost, in, version, IPL_VALUE_COST_VERSION);
}

int
ipl_value_market_init(ipl_value_market *in, unsigned int version)
{
    INIT_BLOCK(ipl_value_market, in, version, IPL_VALUE_MARKET_VERSION);
}
