/* Fuzz target: identifiers. Every type reads the text without crashing
 * or leaking; what parses has a canonical form that parses back to
 * itself. */
#include <stdlib.h>
#include <string.h>

#include "ipledge/ident.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = iplt_fuzz_string(data, size);
    int t;

    if (text == NULL)
        return 0;
    for (t = IPL_IDENT_CN_APPLICATION; t <= IPL_IDENT_EUTM; t++) {
        ipl_ident id, again;

        if (ipl_ident_parse(&id, (ipl_ident_type)t, text, NULL) < 0)
            continue;
        IPLT_FUZZ_ASSERT(ipl_ident_parse(&again, (ipl_ident_type)t,
                                         id.canonical, NULL) == IPL_OK);
        IPLT_FUZZ_ASSERT(strcmp(id.canonical, again.canonical) == 0);
    }
    free(text);
    return 0;
}
