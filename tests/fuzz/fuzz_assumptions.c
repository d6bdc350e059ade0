/* Fuzz target: valuation assumptions documents. Loading never crashes
 * or leaks; every right of a document that loads is valued, and its
 * simulation runs when it asks for few enough paths to stay quick. A
 * failure always names the field at fault. */
#include "ipledge/assumptions.h"
#include "fuzz.h"

/* Simulations beyond this many paths are left out: they are correct,
 * just too slow for a fuzzer's inner loop. */
#define FUZZ_MAX_PATHS 5000

static void
value_each(const ipl_assumptions *a)
{
    size_t i, n = ipl_assumptions_count(a);

    IPLT_FUZZ_ASSERT(n >= 1);
    for (i = 0; i < n; i++) {
        ipl_value *v;
        ipl_error err;

        if (ipl_assumptions_value(&v, a, i, &err) < 0) {
            IPLT_FUZZ_ASSERT(err.message[0] != '\0');
            continue;
        }
        ipl_value_free(v);
    }
}

static void
simulate(const ipl_assumptions *a)
{
    const ipl_montecarlo_options *opts = ipl_assumptions_montecarlo_options(a);
    ipl_montecarlo *mc;
    ipl_error err;

    if (opts == NULL || opts->paths > FUZZ_MAX_PATHS || opts->paths == 0 ||
        opts->threads > 2)
        return;
    if (ipl_assumptions_simulate(&mc, a, &err) < 0) {
        IPLT_FUZZ_ASSERT(err.message[0] != '\0');
        return;
    }
    ipl_montecarlo_free(mc);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ipl_assumptions *a;
    ipl_error err;

    if (ipl_assumptions_load_memory(&a, (const char *)data, size, "fuzz", &err) < 0) {
        IPLT_FUZZ_ASSERT(err.message[0] != '\0');
        return 0;
    }
    IPLT_FUZZ_ASSERT(ipl_assumptions_currency(a) != NULL);
    value_each(a);
    simulate(a);
    ipl_assumptions_free(a);
    return 0;
}
