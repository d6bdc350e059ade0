/* The canonical form of a record's numbers (include/ipledge/record.h),
 * through the identifier module: the record keeps each number as
 * published, with the office, the kind of number and the right, which
 * together say what syntax it follows. */
#include <string.h>

#include "ipledge/ident.h"
#include "ipledge/record.h"
#include "error_internal.h"
#include "record_internal.h"

static const char *const number_names[IPL_NUMBER_KIND_COUNT] = {
    "record.application_number", "record.publication_number",
    "record.registration_number", "record.pct_application_number",
    "record.pct_publication_number"
};

static int
office_is(const ipl_record *r, const char *office)
{
    return strcmp(r->office, office) == 0;
}

static ipl_ident_type
application_type(const ipl_record *r, int tm)
{
    if (office_is(r, "CN"))
        return IPL_IDENT_CN_APPLICATION;
    if (office_is(r, "US"))
        return tm ? IPL_IDENT_US_TM_SERIAL : IPL_IDENT_US_APPLICATION;
    if (office_is(r, "EP"))
        return IPL_IDENT_EP_APPLICATION;
    if (office_is(r, "JP"))
        return IPL_IDENT_JP_APPLICATION;
    return office_is(r, "EM") && tm ? IPL_IDENT_EUTM : IPL_IDENT_NONE;
}

static ipl_ident_type
publication_type(const ipl_record *r)
{
    if (office_is(r, "CN"))
        return IPL_IDENT_CN_PUBLICATION;
    if (office_is(r, "US"))
        return r->document == IPL_DOCUMENT_APPLICATION
                   ? IPL_IDENT_US_PUBLICATION : IPL_IDENT_US_PATENT;
    if (office_is(r, "EP"))
        return IPL_IDENT_EP_PUBLICATION;
    if (office_is(r, "WO"))
        return IPL_IDENT_WO_PUBLICATION;
    return office_is(r, "JP") ? IPL_IDENT_JP_PUBLICATION : IPL_IDENT_NONE;
}

static ipl_ident_type
registration_type(const ipl_record *r, int tm)
{
    if (office_is(r, "US"))
        return tm ? IPL_IDENT_US_TM_REGISTRATION : IPL_IDENT_US_PATENT;
    if (office_is(r, "JP"))
        return IPL_IDENT_JP_REGISTRATION;
    return office_is(r, "EM") && tm ? IPL_IDENT_EUTM : IPL_IDENT_NONE;
}

/* The syntax a number of the record follows, or IPL_IDENT_NONE. */
static ipl_ident_type
ident_type(const ipl_record *r, ipl_record_number_kind kind)
{
    int tm = r->right == IPL_RIGHT_TRADEMARK;

    switch (kind) {
    case IPL_NUMBER_APPLICATION:     return application_type(r, tm);
    case IPL_NUMBER_PUBLICATION:     return publication_type(r);
    case IPL_NUMBER_REGISTRATION:    return registration_type(r, tm);
    case IPL_NUMBER_PCT_APPLICATION: return IPL_IDENT_PCT_APPLICATION;
    case IPL_NUMBER_PCT_PUBLICATION: return IPL_IDENT_WO_PUBLICATION;
    case IPL_NUMBER_KIND_COUNT:      break;
    }
    return IPL_IDENT_NONE;
}

int
ipl_record_ident(ipl_ident *out, const ipl_record *r,
                 ipl_record_number_kind kind, ipl_error *err)
{
    ipl_ident_type type;
    const char *number;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, r);
    if ((unsigned)kind >= IPL_NUMBER_KIND_COUNT)
        return ipl__fail(err, IPL_EINVAL, "kind", "unknown number kind %d",
                         (int)kind);
    if ((number = r->numbers[kind]) == NULL)
        return ipl__fail(err, IPL_EINVAL, number_names[kind],
                         "the record has no such number");
    if ((type = ident_type(r, kind)) == IPL_IDENT_NONE)
        return ipl__fail(err, IPL_ERANGE, number_names[kind],
                         "no number syntax known for office %s",
                         r->office[0] ? r->office : "(unknown)");
    return ipl_ident_parse(out, type, number, err);
}
