/* Read-only accessors of ipl_record (include/ipledge/record.h). */
#include <string.h>

#include "ipledge/record.h"
#include "record_internal.h"

const char *
ipl_record_office(const ipl_record *r)
{
    return r != NULL && r->office[0] != '\0' ? r->office : NULL;
}

ipl_right_type
ipl_record_right_type(const ipl_record *r)
{
    return r != NULL ? r->right : IPL_RIGHT_NONE;
}

ipl_record_document
ipl_record_document_type(const ipl_record *r)
{
    return r != NULL ? r->document : IPL_DOCUMENT_UNKNOWN;
}

const char *
ipl_record_format_name(const ipl_record *r)
{
    return r != NULL ? r->format : NULL;
}

const char *
ipl_record_number(const ipl_record *r, ipl_record_number_kind kind)
{
    if (r == NULL || (unsigned)kind >= IPL_NUMBER_KIND_COUNT)
        return NULL;
    return r->numbers[kind];
}

const char *
ipl_record_kind_code(const ipl_record *r)
{
    return r != NULL ? r->kind : NULL;
}

const char *
ipl_record_status(const ipl_record *r)
{
    return r != NULL ? r->status : NULL;
}

int
ipl_record_date(ipl_date *out, const ipl_record *r, ipl_record_date_kind kind)
{
    if (out == NULL || r == NULL || (unsigned)kind >= IPL_DATE_KIND_COUNT ||
        !(r->have_dates & (1u << kind)))
        return 0;
    *out = r->dates[kind];
    return 1;
}

size_t
ipl_record_count(const ipl_record *r, ipl_record_list list)
{
    if (r == NULL || (unsigned)list >= IPL_LIST_COUNT)
        return 0;
    return r->lists[list].count;
}

const ipl_record_item *
ipl_record_row(const ipl_record *r, ipl_record_list list, size_t index)
{
    if (index >= ipl_record_count(r, list))
        return NULL;
    return &r->lists[list].rows[index];
}

const char *
ipl_record_title(const ipl_record *r, const char *lang)
{
    size_t i, n = ipl_record_count(r, IPL_LIST_TITLES);

    if (n == 0)
        return NULL;
    for (i = 0; lang != NULL && i < n; i++) {
        const ipl_record_item *t = &r->lists[IPL_LIST_TITLES].rows[i];
        if (t->lang != NULL && strcmp(t->lang, lang) == 0)
            return t->text;
    }
    return r->lists[IPL_LIST_TITLES].rows[0].text;
}

size_t
ipl_record_claims_count(const ipl_record *r)
{
    if (r == NULL)
        return 0;
    return r->claims_stated > 0 ? r->claims_stated
                                : r->lists[IPL_LIST_CLAIMS].count;
}

size_t
ipl_record_independent_claims_count(const ipl_record *r)
{
    size_t i, n = 0;

    for (i = 0; i < ipl_record_count(r, IPL_LIST_CLAIMS); i++)
        n += r->lists[IPL_LIST_CLAIMS].rows[i].value == 1;
    return n;
}

int
ipl_record_term_extension(int64_t *days, const ipl_record *r)
{
    if (days == NULL || r == NULL || !r->have_pta)
        return 0;
    *days = r->pta_days;
    return 1;
}
