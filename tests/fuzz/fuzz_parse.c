/* Fuzz target: office records. Reading any bytes never crashes or
 * leaks; every record read answers its accessors, and the reader's
 * counts add up: each document is read or skipped. */
#include <string.h>

#include "ipledge/parse.h"
#include "fuzz.h"

static void
touch(const ipl_record *rec)
{
    ipl_date d;
    ipl_ident id;
    int64_t days;
    size_t i, l;

    for (l = 0; l < IPL_LIST_COUNT; l++)
        for (i = 0; i < ipl_record_count(rec, (ipl_record_list)l); i++)
            IPLT_FUZZ_ASSERT(ipl_record_row(rec, (ipl_record_list)l, i) != NULL);
    for (i = 0; i < IPL_NUMBER_KIND_COUNT; i++)
        if (ipl_record_ident(&id, rec, (ipl_record_number_kind)i, NULL) == 0)
            IPLT_FUZZ_ASSERT(id.canonical[0] != '\0');
    for (i = 0; i < IPL_DATE_KIND_COUNT; i++)
        if (ipl_record_date(&d, rec, (ipl_record_date_kind)i))
            IPLT_FUZZ_ASSERT(ipl_date_is_valid(d));
    if (ipl_record_expiry(&d, rec, NULL) == IPL_OK)
        IPLT_FUZZ_ASSERT(ipl_date_is_valid(d));
    d.year = 2024;
    d.month = 1;
    d.day = 1;
    if (ipl_record_remaining_life(&days, rec, d, NULL) == IPL_OK)
        IPLT_FUZZ_ASSERT(days >= 0);
    IPLT_FUZZ_ASSERT(ipl_record_independent_claims_count(rec) <=
                     ipl_record_count(rec, IPL_LIST_CLAIMS));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ipl_reader *rd;
    ipl_record *rec;
    ipl_parse_stats st;
    size_t records = 0;
    int rc;

    if (ipl_parse_reader_new_memory(&rd, data, size, "fuzz", NULL, NULL) < 0)
        return 0;
    while ((rc = ipl_parse_reader_next(&rec, rd, NULL)) != 0) {
        if (rc < 0)
            continue;
        touch(rec);
        ipl_record_free(rec);
        records++;
    }
    IPLT_FUZZ_ASSERT(ipl_parse_reader_stats(&st, rd) == IPL_OK);
    IPLT_FUZZ_ASSERT(st.records == records);
    IPLT_FUZZ_ASSERT(st.skipped <= st.documents);
    ipl_parse_reader_free(rd);
    return 0;
}
