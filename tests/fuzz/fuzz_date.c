/* Fuzz target: date text. Parsing never crashes; a parsed date formats
 * to ISO text that parses back to it, and month arithmetic stays valid. */
#include <stdlib.h>
#include <string.h>

#include "ipledge/date.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = iplt_fuzz_string(data, size), buf[IPL_DATE_STRING_SIZE];
    ipl_date d, back, moved;
    int64_t days;

    if (text == NULL)
        return 0;
    if (ipl_date_parse(&d, text, NULL) == IPL_OK) {
        IPLT_FUZZ_ASSERT(ipl_date_is_valid(d));
        IPLT_FUZZ_ASSERT(ipl_date_format(buf, sizeof buf, d, NULL) == 10);
        IPLT_FUZZ_ASSERT(ipl_date_parse(&back, buf, NULL) == IPL_OK);
        IPLT_FUZZ_ASSERT(ipl_date_compare(d, back) == 0);
        if (ipl_date_add_months(&moved, d, (int64_t)size - 50,
                                IPL_MONTH_END_STICKY, NULL) == IPL_OK) {
            IPLT_FUZZ_ASSERT(ipl_date_is_valid(moved));
            IPLT_FUZZ_ASSERT(ipl_date_days_between(&days, d, moved, NULL) == IPL_OK);
        }
    }
    free(text);
    return 0;
}
