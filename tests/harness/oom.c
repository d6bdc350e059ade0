/* A counting allocator that can fail the Nth allocation (harness.h). */
#include <stdio.h>
#include <stdlib.h>

#include "ipledge/error.h"
#include "ipledge/sys/alloc.h"
#include "harness.h"

/* Beyond this many allocations a single call is assumed to loop. */
#define IPLT_OOM_LIMIT 1000000

static struct {
    size_t live;       /* blocks alive */
    size_t count;      /* allocations attempted since the last reset */
    size_t fail_at;    /* 1-based allocation to fail; 0 = none */
    int refuse_all;    /* fail every allocation (iplt_oom_none) */
    int failed;        /* an allocation was refused since the last reset */
} iplt_heap;

static void *
iplt_malloc(size_t size, void *ud)
{
    void *p;

    (void)ud;
    if (++iplt_heap.count == iplt_heap.fail_at || iplt_heap.refuse_all) {
        iplt_heap.failed = 1;
        return NULL;
    }
    if ((p = malloc(size)) != NULL)
        iplt_heap.live++;
    return p;
}

static void *
iplt_realloc(void *ptr, size_t size, void *ud)
{
    (void)ud;
    if (++iplt_heap.count == iplt_heap.fail_at || iplt_heap.refuse_all) {
        iplt_heap.failed = 1;
        return NULL;
    }
    return realloc(ptr, size);
}

static void
iplt_free(void *ptr, void *ud)
{
    (void)ud;
    iplt_heap.live--;
    free(ptr);
}

void
iplt_oom_install(void)
{
    static const ipl_allocator counting = {
        iplt_malloc, iplt_realloc, iplt_free, NULL
    };

    /* Called from main(), outside any test: report and stop by hand. */
    if (ipl_alloc_set(&counting) != IPL_OK) {
        fputs("harness: ipledge refused the counting allocator\n", stderr);
        exit(EXIT_FAILURE);
    }
}

size_t
iplt_alloc_live(void)
{
    return iplt_heap.live;
}

static int
iplt_oom_attempt(iplt_oom_call call, void *ctx, size_t fail_at)
{
    int rc;

    iplt_heap.count = 0;
    iplt_heap.failed = 0;
    iplt_heap.fail_at = fail_at;
    rc = call(ctx);
    iplt_heap.fail_at = 0;
    return rc;
}

size_t
iplt_oom_check(iplt_oom_call call, void *ctx)
{
    size_t live = iplt_heap.live, n;
    int rc;

    for (n = 1; n < IPLT_OOM_LIMIT; n++) {
        rc = iplt_oom_attempt(call, ctx, n);
        ck_assert_msg(iplt_heap.live == live,
                      "allocation %zu failed: %zu block(s) leaked",
                      n, iplt_heap.live - live);
        if (!iplt_heap.failed) {
            ck_assert_msg(rc == IPL_OK,
                          "with every allocation granted the call returned %s",
                          ipl_status_name(rc));
            return iplt_heap.count;
        }
        ck_assert_msg(rc == IPL_ENOMEM,
                      "allocation %zu failed but the call returned %s",
                      n, ipl_status_name(rc));
    }
    ck_abort_msg("the call made more than %d allocations", IPLT_OOM_LIMIT);
    return 0;
}

size_t
iplt_oom_none(iplt_oom_call call, void *ctx, int *rc)
{
    iplt_heap.count = 0;
    iplt_heap.refuse_all = 1;
    *rc = call(ctx);
    iplt_heap.refuse_all = 0;
    return iplt_heap.count;
}
