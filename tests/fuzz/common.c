/* What every fuzz target shares, under libFuzzer and in replay. */
#include <stdlib.h>
#include <string.h>

#include "ipledge/init.h"
#include "fuzz.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    ipl_init();
    return 0;
}

char *
iplt_fuzz_string(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);

    if (s != NULL) {
        memcpy(s, data, size);
        s[size] = '\0';
    }
    return s;
}
