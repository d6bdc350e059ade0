/* A fuzz target: libFuzzer's entry point. Each target is built twice:
 * with clang's libFuzzer by `make fuzz`, and with driver.c, which
 * replays the committed corpus in every `make check`. */
#ifndef IPLT_FUZZ_H
#define IPLT_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Called once before the first input: initialises ipledge. */
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A NUL-terminated copy of the input, for APIs that take strings;
 * free() it. NULL when memory runs out. */
char *iplt_fuzz_string(const uint8_t *data, size_t size);

/* Stops the process when an invariant the target checks is broken, so
 * that libFuzzer and the replay both report it. */
#define IPLT_FUZZ_ASSERT(cond) do { if (!(cond)) __builtin_trap(); } while (0)

#endif /* IPLT_FUZZ_H */
