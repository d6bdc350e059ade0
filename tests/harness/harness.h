/* What every ipledge test program shares: running a Check suite, and
 * injecting allocation failures. */
#ifndef IPLT_HARNESS_H
#define IPLT_HARNESS_H

#include <stddef.h>
#include <stdint.h>
#include <check.h>

#include "ipledge/error.h"

/* Runs every test of suite s, prints Check's report and returns the
 * process exit status: EXIT_SUCCESS when no test failed. */
int iplt_run(Suite *s);

/* An error record full of stale values, which a failing call must
 * overwrite completely. */
ipl_error iplt_stale_error(void);

/* A failed call returned want_code, recorded the same code in err, named
 * want_where and wrote a message. */
#define iplt_assert_error(err, rc, want_code, want_where) do { \
        ck_assert_int_eq((rc), (want_code)); \
        ck_assert_int_eq((err).code, (want_code)); \
        ck_assert_str_eq((err).where, (want_where)); \
        ck_assert_msg((err).message[0] != '\0', "empty error message"); \
    } while (0)

/* xorshift64*: the next number of the sequence whose state is *state
 * (any nonzero seed). Property tests draw from it so that a fixed seed
 * gives the same cases on every machine. */
uint64_t iplt_xorshift(uint64_t *state);

/* Nonzero when a and b are the same double, bit for bit. Results that
 * are exact by contract are compared with it, not with a tolerance. */
int iplt_same_double(double a, double b);

/* ---- Allocation-failure injection ----
 *
 * iplt_oom_install() puts a counting allocator behind ipledge (through
 * ipl_alloc_set(), so it must run before ipl_init()). It counts the
 * blocks alive and can fail the Nth allocation. iplt_oom_check() then
 * runs a call with the 1st, 2nd, 3rd ... allocation failing until the
 * call needs no more allocations than it is allowed, and asserts, for
 * every N at which an allocation really failed, that the call returned
 * IPL_ENOMEM and left no block alive. Valgrind (make check-valgrind)
 * additionally sees the memory of every such iteration. */

/* A call under test: returns an ipl_status and must free everything it
 * allocated itself (for a constructor: free the object on success). */
typedef int (*iplt_oom_call)(void *ctx);

/* Installs the counting allocator; call it from main() before the suite
 * runs. Exits with a message if ipledge refuses it. */
void iplt_oom_install(void);

/* Runs call as described above and returns how many allocations the
 * successful run made. Fails the test when an injected failure is
 * swallowed (the call succeeds anyway), when a failing call returns
 * anything but IPL_ENOMEM, or when a block is left alive. */
size_t iplt_oom_check(iplt_oom_call call, void *ctx);

/* Runs call once with every allocation refused, stores its status in
 * *rc and returns how many allocations it attempted: a call that claims
 * not to allocate must attempt none (and still succeed). */
size_t iplt_oom_none(iplt_oom_call call, void *ctx, int *rc);

/* Blocks allocated through ipledge's allocator and not yet freed. */
size_t iplt_alloc_live(void);

#endif /* IPLT_HARNESS_H */
