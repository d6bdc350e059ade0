/* Fuzz target: policy documents. Loading never crashes or leaks; a
 * policy that loads has rules that decide a pledge. */
#include <string.h>

#include "ipledge/policy.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ipl_pledge_right right = IPL_PLEDGE_RIGHT_INIT;
    ipl_pledge_request q = IPL_PLEDGE_REQUEST_INIT;
    const ipl_pledge_rules *rules;
    ipl_policy *p;
    ipl_pledge *d;

    if (ipl_policy_load_memory(&p, (const char *)data, size, "fuzz", NULL) < 0)
        return 0;
    rules = ipl_policy_pledge_rules(p);
    if (rules != NULL) {
        right.type = IPL_RIGHT_INVENTION;
        right.status = IPL_STATUS_IN_FORCE;
        right.value.minor = 400000000;
        memcpy(right.value.currency, ipl_policy_currency(p), 4);
        q.start.year = 2024;
        q.start.month = 1;
        q.start.day = 15;
        q.tenor_months = 36;
        IPLT_FUZZ_ASSERT(ipl_pledge_new(&d, rules, &q, &right, 1, NULL) == IPL_OK);
        IPLT_FUZZ_ASSERT(ipl_pledge_max_loan(d)->minor <= 400000000);
        ipl_pledge_free(d);
    }
    ipl_policy_free(p);
    return 0;
}
