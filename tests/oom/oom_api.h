/* The table behind tests/check_oom_api.c: every exported function of
 * ipledge, with how it behaves when memory runs out.
 *
 * Each area (tests/oom/api_<area>.c) exports one table of entries
 * ending with IPLT_API_END, listed in tests/check_oom_api.c (a new area
 * is a new file, its table there and its source in tests/oom.mk). An
 * entry names the function (the name tests/check_oom_coverage.sh
 * compares with tests/ipledge.sym), says which kind it is, and gives a
 * call that runs it once with everything it needs:
 *
 *   IPLT_NO_ALLOC  the call runs with every allocation refused and must
 *                  still return IPL_OK having attempted none: "does not
 *                  allocate" is tested, not asserted;
 *   IPLT_OOM       the call runs under iplt_oom_check(): its 1st, 2nd
 *                  ... allocation fails in turn, each failure returns
 *                  IPL_ENOMEM and leaks nothing, and it allocates at
 *                  least once;
 *   IPLT_FREES     a destructor: the fixture builds the object, the call
 *                  frees it with every allocation refused, and afterwards
 *                  no block the fixture made is alive.
 *
 * A call returns IPL_OK when the function did what it should (a call
 * checks the result, so that a no-op cannot pass), IPL_ENOMEM when an
 * allocation failed, IPL_ERROR otherwise. Calls pass IPLT_ERR as the
 * error record: when one returns IPL_ENOMEM, the record must say so
 * (its code, where and a message). A fixture, when given, is built
 * with every allocation granted before the call runs and torn down
 * after it; the test then checks that no block is left alive. */
#ifndef IPLT_OOM_API_H
#define IPLT_OOM_API_H

#include <stddef.h>

#include "ipledge/date.h"
#include "ipledge/error.h"
#include "ipledge/money.h"
#include "harness.h"

typedef enum iplt_api_kind {
    IPLT_NO_ALLOC,
    IPLT_OOM,
    IPLT_FREES
} iplt_api_kind;

/* Builds the object a call works on (into *state) and frees it. */
typedef struct iplt_fixture {
    int (*setup)(void **state);
    void (*teardown)(void *state);
} iplt_fixture;

typedef struct iplt_api {
    const char *name;             /* the exported function */
    iplt_api_kind kind;
    iplt_oom_call call;           /* runs it; ctx is the fixture's state */
    const iplt_fixture *fixture;  /* or NULL */
    void (*fn)(void);             /* the function itself: see IPLT_API */
} iplt_api;

/* fn must be a declared function, so a misspelt name does not compile
 * (void (*)(void) is the type any function pointer may be cast to). */
#define IPLT_API(kind, fn, call, fixture) \
    { #fn, kind, call, fixture, (void (*)(void))fn }
#define IPLT_API_END { NULL, IPLT_NO_ALLOC, NULL, NULL, NULL }

/* The error record calls pass to ipledge. */
extern ipl_error iplt_api_err;
#define IPLT_ERR (&iplt_api_err)

/* A call's verdict on a result it checked. */
#define IPLT_EXPECT(cond) ((cond) ? IPL_OK : IPL_ERROR)

/* The path of a test input: $IPL_VECTORS_DIR/rel (what="vectors") or
 * $IPL_SHARED_DATA/rel (what="shared"), in a static buffer. */
const char *iplt_api_path(const char *what, const char *rel);

/* A date, an amount of CNY in fen, and a teardown with nothing to do. */
ipl_date iplt_api_ymd(int year, int month, int day);
ipl_money iplt_api_cny(int64_t minor);
void iplt_api_no_teardown(void *state);

/* The whole contents of a file, NUL-terminated (freed with free()). */
char *iplt_api_slurp(const char *path, size_t *size);

extern const iplt_api iplt_api_core[];
extern const iplt_api iplt_api_records[];
extern const iplt_api iplt_api_documents[];
extern const iplt_api iplt_api_lending[];
extern const iplt_api iplt_api_pledge[];
extern const iplt_api iplt_api_value[];
extern const iplt_api iplt_api_reports[];
extern const iplt_api iplt_api_assumptions[];

#endif /* IPLT_OOM_API_H */
