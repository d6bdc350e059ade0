/* Reading policy files, and what a loaded policy tells
 * (include/ipledge/policy.h). */
#include <stdio.h>
#include <string.h>

#include "ipledge/policy.h"
#include "alloc_internal.h"
#include "error_internal.h"
#include "policy_internal.h"
#include "xmldoc_internal.h"

/* Policy files are small; a larger file is not a policy. */
#define IPL__POLICY_FILE_MAX (16u << 20)

int
ipl_policy_load_file(ipl_policy **out, const char *path, ipl_error *err)
{
    char *data = NULL;
    size_t size = 0;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, path);
    if ((rc = ipl__read_file(&data, &size, path, IPL__POLICY_FILE_MAX, "policy",
                             err)) < 0)
        return rc;
    rc = ipl_policy_load_memory(out, data, size, path, err);
    ipl__free(data);
    return rc;
}

const char *
ipl_policy_name(const ipl_policy *policy)
{
    return policy != NULL ? policy->name : NULL;
}

const char *
ipl_policy_title(const ipl_policy *policy)
{
    return policy != NULL ? policy->title : NULL;
}

const char *
ipl_policy_currency(const ipl_policy *policy)
{
    return policy != NULL ? policy->currency : NULL;
}

size_t
ipl_policy_source_count(const ipl_policy *policy)
{
    return policy != NULL ? policy->nsources : 0;
}

const char *
ipl_policy_source(const ipl_policy *policy, size_t i, ipl_date *date,
                  const char **ref)
{
    if (policy == NULL || i >= policy->nsources)
        return NULL;
    if (date != NULL)
        *date = policy->sources[i].date;
    if (ref != NULL)
        *ref = policy->sources[i].label;
    return policy->sources[i].text;
}

size_t
ipl_policy_unpublished_count(const ipl_policy *policy)
{
    return policy != NULL ? policy->nunpublished : 0;
}

const char *
ipl_policy_unpublished(const ipl_policy *policy, size_t i, const char **what)
{
    if (policy == NULL || i >= policy->nunpublished)
        return NULL;
    if (what != NULL)
        *what = policy->unpublished[i].label;
    return policy->unpublished[i].text;
}

const ipl_pledge_rules *
ipl_policy_pledge_rules(const ipl_policy *policy)
{
    return policy != NULL ? policy->pledge : NULL;
}

const char *
ipl_policy_pledge_origin(const ipl_policy *policy)
{
    return policy != NULL && policy->pledge != NULL ? policy->pledge_origin
                                                    : NULL;
}
