/* ipledge.h compiles alone as strict C99 (-std=c99 -pedantic -Werror,
 * see Makefile.am) and links against the shared library. */
#include <ipledge.h>

int
main(void)
{
    ipl_money m = { 0, "CNY" };
    ipl_date d = { 2024, 1, 31 };
    ipl_error err;

    ipl_error_clear(&err);
    if (ipl_version_number() != IPL_VERSION_NUMBER)
        return 1;
    return ipl_date_is_valid(d) && m.minor == 0 ? 0 : 1;
}
