/* Fuzz target: case documents. Loading never crashes or leaks; a case
 * that loads answers its accessors. */
#include "ipledge/case.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ipl_case *c;

    if (ipl_case_load_memory(&c, (const char *)data, size, "fuzz", NULL) < 0)
        return 0;
    IPLT_FUZZ_ASSERT(ipl_case_label(c) != NULL);
    ipl_case_free(c);
    return 0;
}
