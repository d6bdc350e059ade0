/* Running one Check suite as a test program. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"

int
iplt_run(Suite *s)
{
    SRunner *runner = srunner_create(s);
    int failed;

    srunner_run_all(runner, CK_NORMAL);
    failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

uint64_t
iplt_xorshift(uint64_t *state)
{
    *state ^= *state >> 12;
    *state ^= *state << 25;
    *state ^= *state >> 27;
    return *state * 0x2545F4914F6CDD1DULL;
}

int
iplt_same_double(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

ipl_error
iplt_stale_error(void)
{
    ipl_error e;

    memset(&e, 0, sizeof e);
    e.code = 12345;
    e.line = -7;
    e.column = -7;
    strcpy(e.where, "stale");
    strcpy(e.message, "stale");
    return e;
}
