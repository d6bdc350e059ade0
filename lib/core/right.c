/* Kinds of right and legal statuses, with their stable names
 * (include/ipledge/right.h). */
#include <string.h>

#include "ipledge/right.h"
#include "error_internal.h"

/* Indexed by ipl_right_type. */
static const char *const ipl__right_names[IPL_RIGHT_TYPE_COUNT] = {
    NULL, "invention", "utility-model", "design", "plant", "trademark",
    "copyright", "geographical-indication", "ic-layout"
};

/* Indexed by ipl_legal_status. */
static const char *const ipl__status_names[] = {
    "unknown", "pending", "in-force", "lapsed", "expired", "revoked"
};

#define IPL__NSTATUS (sizeof ipl__status_names / sizeof ipl__status_names[0])

const char *
ipl_right_type_name(ipl_right_type type)
{
    if ((unsigned)type >= IPL_RIGHT_TYPE_COUNT)
        return NULL;
    return ipl__right_names[type];
}

int
ipl_right_type_from_name(ipl_right_type *out, const char *name, ipl_error *err)
{
    unsigned i;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, name);
    for (i = 1; i < IPL_RIGHT_TYPE_COUNT; i++)
        if (strcmp(name, ipl__right_names[i]) == 0) {
            *out = (ipl_right_type)i;
            return IPL_OK;
        }
    return ipl__fail(err, IPL_EINVAL, "right",
                     "'%.40s' is not a kind of right (invention, utility-model, "
                     "design, plant, trademark, copyright, "
                     "geographical-indication, ic-layout)", name);
}

const char *
ipl_legal_status_name(ipl_legal_status status)
{
    if ((unsigned)status >= IPL__NSTATUS)
        return NULL;
    return ipl__status_names[status];
}

int
ipl_legal_status_from_name(ipl_legal_status *out, const char *name,
                           ipl_error *err)
{
    unsigned i;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, name);
    for (i = 0; i < IPL__NSTATUS; i++)
        if (strcmp(name, ipl__status_names[i]) == 0) {
            *out = (ipl_legal_status)i;
            return IPL_OK;
        }
    return ipl__fail(err, IPL_EINVAL, "status",
                     "'%.40s' is not a legal status (unknown, pending, "
                     "in-force, lapsed, expired, revoked)", name);
}
