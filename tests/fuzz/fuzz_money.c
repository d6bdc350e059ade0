/* Fuzz target: money text. Parsing never crashes; whatever parses
 * formats back to text that parses to the same amount. */
#include <stdlib.h>
#include <string.h>

#include "ipledge/money.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const currencies[] = { "CNY", "JPY", "KWD", "CLF" };
    static const ipl_rounding modes[] = {
        IPL_ROUND_HALF_EVEN, IPL_ROUND_HALF_UP, IPL_ROUND_DOWN,
        IPL_ROUND_NEVER, IPL_ROUND_UP
    };
    char *text = iplt_fuzz_string(data, size);
    size_t c, m;

    if (text == NULL)
        return 0;
    for (c = 0; c < 4; c++)
        for (m = 0; m < 5; m++) {
            ipl_money a, b;
            char buf[IPL_MONEY_FORMAT_MAX];

            if (ipl_money_parse(&a, text, currencies[c], modes[m], NULL) < 0)
                continue;
            IPLT_FUZZ_ASSERT(ipl_money_format(buf, sizeof buf, &a,
                                              IPL_MONEY_FORMAT_GROUP, NULL) > 0);
            IPLT_FUZZ_ASSERT(ipl_money_parse(&b, buf, currencies[c],
                                             IPL_ROUND_NEVER, NULL) == IPL_OK);
            IPLT_FUZZ_ASSERT(a.minor == b.minor);
        }
    free(text);
    return 0;
}
