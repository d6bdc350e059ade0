// ipledge.h compiles as C++11 (-pedantic -Werror, see Makefile.am) and
// its declarations link with C linkage.
#include <ipledge.h>

int
main()
{
    ipl_money m = { 150, "CNY" };
    ipl_money sum;

    if (ipl_money_add(&sum, &m, &m, nullptr) != IPL_OK)
        return 1;
    return sum.minor == 300 && ipl_version_number() == IPL_VERSION_NUMBER ? 0 : 1;
}
