/* Reading policy files, and what a loaded policy tells
 * (include/ipledge/policy.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "ipledge/policy.h"
#include "alloc_internal.h"
#include "error_internal.h"
#include "policy_internal.h"

/* Policy files are small; a larger file is not a policy. */
#define IPL__POLICY_FILE_MAX (16u << 20)

/* Reads a whole file into new memory (caller frees with ipl__free). */
static int
ipl__slurp(char **out, size_t *size, const char *path, ipl_error *err)
{
    FILE *f = fopen(path, "rb");
    char *data = NULL, *grown;
    size_t len = 0, cap = 0, got;

    if (f == NULL)
        return ipl__fail(err, IPL_EINVAL, path, "cannot open: %s",
                         strerror(errno));
    do {
        if (len == cap) {
            cap = cap ? cap * 2 : 8192;
            if (cap > IPL__POLICY_FILE_MAX) {
                fclose(f);
                ipl__free(data);
                return ipl__fail(err, IPL_EINVAL, path,
                                 "larger than %u bytes: not a policy document",
                                 IPL__POLICY_FILE_MAX);
            }
            if ((grown = ipl__realloc(data, cap)) == NULL) {
                fclose(f);
                ipl__free(data);
                return ipl__fail(err, IPL_ENOMEM, path, "out of memory");
            }
            data = grown;
        }
        got = fread(data + len, 1, cap - len, f);
        len += got;
    } while (got > 0);
    if (ferror(f)) {
        fclose(f);
        ipl__free(data);
        return ipl__fail(err, IPL_EINVAL, path, "cannot read");
    }
    fclose(f);
    *out = data;
    *size = len;
    return IPL_OK;
}

int
ipl_policy_load_file(ipl_policy **out, const char *path, ipl_error *err)
{
    char *data = NULL;
    size_t size = 0;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, path);
    if ((rc = ipl__slurp(&data, &size, path, err)) < 0)
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
