/* The release linked at run time (include/ipledge/version.h). */
#include "ipledge/version.h"

const char *
ipl_version_string(void)
{
    return IPL_VERSION_STRING;
}

int
ipl_version_number(void)
{
    return IPL_VERSION_NUMBER;
}
