/* Splitting an amount among parties by weights, largest remainder
 * first (ipl_money_split() in include/ipledge/money.h). */
#include <stdlib.h>
#include <string.h>

#include "ipledge/money.h"
#include "alloc_internal.h"
#include "error_internal.h"
#include "money_internal.h"
#include "rounding_internal.h"

/* Up to this many parties the ranking lives on the stack. */
#define IPL__SPLIT_STACK 32

typedef struct ipl__share {
    ipl__u128 remainder;   /* |total| × weight mod Σ weights */
    int64_t quotient;      /* |total| × weight div Σ weights */
    size_t party;
} ipl__share;

/* Largest remainder first; equal remainders in party order. */
static int
ipl__share_cmp(const void *pa, const void *pb)
{
    const ipl__share *a = pa, *b = pb;

    if (a->remainder != b->remainder)
        return a->remainder > b->remainder ? -1 : 1;
    return a->party < b->party ? -1 : (a->party > b->party);
}

static int
ipl__split_weights(int64_t *sum, const int64_t *weights, size_t n,
                   ipl_error *err)
{
    size_t i;

    *sum = 0;
    for (i = 0; i < n; i++) {
        if (weights[i] < 0)
            return ipl__fail(err, IPL_EINVAL, "weights",
                             "weights[%zu] is %lld; weights must be >= 0", i,
                             (long long)weights[i]);
        if (__builtin_add_overflow(*sum, weights[i], sum))
            return ipl__fail(err, IPL_EOVERFLOW, "weights",
                             "the sum of the weights overflows int64 at weights[%zu]",
                             i);
    }
    if (*sum == 0)
        return ipl__fail(err, IPL_EINVAL, "weights",
                         "the weights sum to 0; at least one must be positive");
    return IPL_OK;
}

int
ipl_money_split(ipl_money *parts, const ipl_money *total,
                const int64_t *weights, size_t n, ipl_error *err)
{
    ipl__share stack[IPL__SPLIT_STACK], *shares = stack;
    ipl_money t;
    ipl__u128 whole, left;
    int64_t sum;
    size_t i;
    int rc;

    IPL__CHECK_ARG(err, parts);
    IPL__CHECK_ARG(err, weights);
    if ((rc = ipl__money_check(total, "total", err)) < 0)
        return rc;
    if (n == 0)
        return ipl__fail(err, IPL_EINVAL, "n", "there must be at least one party");
    if ((rc = ipl__split_weights(&sum, weights, n, err)) < 0)
        return rc;
    if (n > IPL__SPLIT_STACK) {
        shares = ipl__calloc(n, sizeof *shares);
        if (shares == NULL)
            return ipl__fail(err, IPL_ENOMEM, "parts",
                             "cannot rank %zu parties", n);
    }
    t = *total;                 /* parts may overlap total */

    /* Every party's exact share, |total| × w / Σw, truncated; what the
     * truncation leaves over is fewer than n minor units. */
    whole = ipl__magnitude(t.minor);
    left = whole;
    for (i = 0; i < n; i++) {
        ipl__u128 exact = whole * (ipl__u128)weights[i];

        shares[i].quotient = (int64_t)(exact / (ipl__u128)sum);
        shares[i].remainder = exact % (ipl__u128)sum;
        shares[i].party = i;
        left -= (ipl__u128)shares[i].quotient;
    }
    qsort(shares, n, sizeof *shares, ipl__share_cmp);

    /* The units left over go to the largest remainders, one each. */
    for (i = 0; i < n; i++) {
        int64_t part = shares[i].quotient + ((ipl__u128)i < left);

        parts[shares[i].party].minor = t.minor < 0 ? -part : part;
        memcpy(parts[shares[i].party].currency, t.currency, 4);
    }

    if (shares != stack)
        ipl__free(shares);
    return IPL_OK;
}
