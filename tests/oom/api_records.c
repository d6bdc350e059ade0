/* Allocation behaviour of the reader, office records and indicators
 * (oom_api.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipledge/indicators.h"
#include "ipledge/parse.h"
#include "ipledge/record.h"
#include "oom_api.h"

/* A small, complete patent record, and a TDXF daily file of three case
 * files (synthetic, as in tests/check_parse.c). */
#define RECORD_FILE "epo/EP1680538A2-v1-01-biblio-only.xml"
#define DAILY_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
    "<trademark-applications-daily><application-information><file-segments><action-keys>"
#define DAILY_CASE(serial) "<case-file><serial-number>" serial "</serial-number>" \
    "<case-file-header><filing-date>20240925</filing-date></case-file-header></case-file>\n"
#define DAILY_TAIL "</action-keys></file-segments></application-information>" \
    "</trademark-applications-daily>\n"
static const char daily[] = DAILY_HEAD DAILY_CASE("86000001") DAILY_CASE("86000002")
    DAILY_CASE("86000003") DAILY_TAIL;
static const char *const daily_serials[] = { "86000001", "86000002", "86000003" };

/* ---- fixtures ---- */

static int
record_setup(void **state)
{
    ipl_reader *rd;
    ipl_record *rec = NULL;
    int rc;

    if ((rc = ipl_parse_reader_new_file(&rd, iplt_api_path("shared", RECORD_FILE), NULL,
                                        IPLT_ERR)) < 0)
        return rc;
    rc = ipl_parse_reader_next(&rec, rd, IPLT_ERR);
    ipl_parse_reader_free(rd);
    *state = rec;
    return rc == 1 ? IPL_OK : IPL_ERROR;
}

static void
record_teardown(void *state)
{
    ipl_record_free(state);
}

static const iplt_fixture record_fixture = { record_setup, record_teardown };

static int
reader_setup(void **state)
{
    return ipl_parse_reader_new_memory((ipl_reader **)state, daily, sizeof daily - 1,
                                       "daily.xml", NULL, IPLT_ERR);
}

static void
reader_teardown(void *state)
{
    ipl_parse_reader_free(state);
}

static const iplt_fixture reader_fixture = { reader_setup, reader_teardown };

static int
indicators_setup(void **state)
{
    return ipl_indicators_new_default((ipl_indicators **)state, IPLT_ERR);
}

static void
indicators_teardown(void *state)
{
    ipl_indicators_free(state);
}

static const iplt_fixture indicators_fixture = { indicators_setup, indicators_teardown };

/* ---- the reader ---- */

static int
parse_options_init(void *ctx)
{
    ipl_parse_options o;

    (void)ctx;
    return IPLT_EXPECT(ipl_parse_options_init(&o, IPL_PARSE_OPTIONS_VERSION) == IPL_OK &&
                       o.format == IPL_FORMAT_AUTO);
}

static int
parse_format_name(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(strcmp(ipl_parse_format_name(IPL_FORMAT_ST66), "st66") == 0);
}

static int
parse_format_from_name(void *ctx)
{
    ipl_parse_format f;

    (void)ctx;
    return IPLT_EXPECT(ipl_parse_format_from_name(&f, "st66", IPLT_ERR) == IPL_OK &&
                       f == IPL_FORMAT_ST66);
}

static int
parse_detect(void *ctx)
{
    ipl_parse_format f;

    (void)ctx;
    return IPLT_EXPECT(ipl_parse_detect(&f, daily, sizeof daily - 1, IPLT_ERR) == IPL_OK &&
                       f == IPL_FORMAT_USPTO_TDXF);
}

static int
reader_new_file(void *ctx)
{
    ipl_reader *rd;
    int rc = ipl_parse_reader_new_file(&rd, ctx, NULL, IPLT_ERR);

    if (rc == IPL_OK)
        ipl_parse_reader_free(rd);
    return rc;
}

static int
reader_new_file_setup(void **state)
{
    static char path[4096];

    snprintf(path, sizeof path, "%s", iplt_api_path("shared", RECORD_FILE));
    *state = path;
    return IPL_OK;
}

static const iplt_fixture path_fixture = { reader_new_file_setup, iplt_api_no_teardown };

static int
reader_new_memory(void *ctx)
{
    ipl_reader *rd;
    int rc = ipl_parse_reader_new_memory(&rd, daily, sizeof daily - 1, "daily.xml", NULL,
                                         IPLT_ERR);

    (void)ctx;
    if (rc == IPL_OK)
        ipl_parse_reader_free(rd);
    return rc;
}

/* Reads the daily file 7 bytes at a time. */
typedef struct chunks {
    size_t at;
} chunks;

static long
read_chunk(void *ctx, char *buf, size_t size)
{
    chunks *c = ctx;
    size_t n = sizeof daily - 1 - c->at;

    if (n > size)
        n = size;
    if (n > 7)
        n = 7;
    memcpy(buf, daily + c->at, n);
    c->at += n;
    return (long)n;
}

/* Opens a callback reader and reads it through, giving up at the first
 * failure: a reader freed right after IPL_ENOMEM, wherever it stood,
 * leaves nothing behind. */
static int
reader_new_callback(void *ctx)
{
    chunks c = { 0 };
    ipl_reader *rd;
    ipl_record *rec;
    size_t got = 0;
    int rc;

    (void)ctx;
    if ((rc = ipl_parse_reader_new_callback(&rd, read_chunk, &c, "pipe", NULL, IPLT_ERR)) < 0)
        return rc;
    while ((rc = ipl_parse_reader_next(&rec, rd, IPLT_ERR)) == 1) {
        got++;
        ipl_record_free(rec);
    }
    ipl_parse_reader_free(rd);
    return rc < 0 ? rc : IPLT_EXPECT(got == 3);
}

/* A bulk file of two grants, each a document of one record, and their
 * numbers as read with every allocation granted. */
#define BULK_FILE "uspto-grant/ipg120327-bulk-subset-2docs-design.xml"

typedef struct bulk {
    char *data;
    size_t size;
    char numbers[2][32];
} bulk;

static int
bulk_setup(void **state)
{
    static bulk b;
    ipl_reader *rd;
    ipl_record *rec;
    size_t n = 0;
    int rc;

    b.data = iplt_api_slurp(iplt_api_path("shared", BULK_FILE), &b.size);
    *state = &b;
    if ((rc = ipl_parse_reader_new_memory(&rd, b.data, b.size, "bulk.xml", NULL, NULL)) < 0)
        return rc;
    while (n < 2 && (rc = ipl_parse_reader_next(&rec, rd, NULL)) == 1) {
        snprintf(b.numbers[n++], sizeof b.numbers[0], "%s",
                 ipl_record_number(rec, IPL_NUMBER_PUBLICATION));
        ipl_record_free(rec);
    }
    ipl_parse_reader_free(rd);
    return n == 2 ? IPL_OK : IPL_ERROR;
}

static void
bulk_teardown(void *state)
{
    free(((bulk *)state)->data);
}

static const iplt_fixture bulk_fixture = { bulk_setup, bulk_teardown };

/* Reads a TDXF daily file of three case files. As parse.h documents, a
 * case file that ran out of memory is read again by the next call: every
 * case file arrives, in order, and none is skipped. (The reader used to
 * fail the whole daily file: with allocation 3 failing, none of the
 * three arrived.) */
static int
read_daily(size_t *failed)
{
    ipl_reader *rd;
    ipl_record *rec;
    ipl_parse_stats st;
    size_t got = 0;
    int rc, ok = 1;

    if ((rc = ipl_parse_reader_new_memory(&rd, daily, sizeof daily - 1, "daily.xml", NULL,
                                          IPLT_ERR)) < 0)
        return rc;
    while ((rc = ipl_parse_reader_next(&rec, rd, IPLT_ERR)) != 0) {
        if (rc == IPL_ENOMEM) {
            ++*failed;
            continue;
        }
        ok &= rc == 1 && got < 3 &&
              strcmp(ipl_record_number(rec, IPL_NUMBER_APPLICATION), daily_serials[got]) == 0;
        got++;
        ipl_record_free(rec);
    }
    ok &= ipl_parse_reader_stats(&st, rd) == IPL_OK && st.skipped == 0 &&
          st.records == 3 && got == 3 && *failed <= 1;
    ipl_parse_reader_free(rd);
    return IPLT_EXPECT(ok);
}

/* Reads the bulk file. A document of one record that ran out of memory
 * is skipped and counted; the other still arrives. */
static int
read_bulk(const bulk *b, size_t *failed)
{
    ipl_reader *rd;
    ipl_record *rec;
    ipl_parse_stats st;
    size_t got = 0;
    int rc, ok = 1;

    if ((rc = ipl_parse_reader_new_memory(&rd, b->data, b->size, "bulk.xml", NULL,
                                          IPLT_ERR)) < 0)
        return rc;
    while ((rc = ipl_parse_reader_next(&rec, rd, IPLT_ERR)) != 0) {
        if (rc == IPL_ENOMEM) {
            ++*failed;
            continue;
        }
        ok &= rc == 1 && ipl_parse_reader_stats(&st, rd) == IPL_OK && st.document < 2 &&
              strcmp(ipl_record_number(rec, IPL_NUMBER_PUBLICATION),
                     b->numbers[st.document]) == 0;
        got++;
        ipl_record_free(rec);
    }
    ok &= ipl_parse_reader_stats(&st, rd) == IPL_OK && st.skipped == *failed &&
          st.records == got && got + *failed == 2;
    ipl_parse_reader_free(rd);
    return IPLT_EXPECT(ok);
}

/* The reader survives a failure of next(), and goes on as documented. */
static int
reader_next(void *ctx)
{
    size_t daily_failed = 0, bulk_failed = 0;
    int rc;

    if ((rc = read_daily(&daily_failed)) == IPL_OK)
        rc = read_bulk(ctx, &bulk_failed);
    return rc == IPL_OK && daily_failed + bulk_failed != 0 ? IPL_ENOMEM : rc;
}

static int
reader_stats(void *ctx)
{
    ipl_parse_stats st;

    return IPLT_EXPECT(ipl_parse_reader_stats(&st, ctx) == IPL_OK && st.records == 0);
}

static int
reader_free(void *ctx)
{
    ipl_parse_reader_free(ctx);
    return IPL_OK;
}

/* ---- records ---- */

static int
record_free(void *ctx)
{
    ipl_record_free(ctx);
    return IPL_OK;
}

static int
record_office(void *ctx)
{
    return IPLT_EXPECT(strcmp(ipl_record_office(ctx), "EP") == 0);
}

static int
record_right_type(void *ctx)
{
    return IPLT_EXPECT(ipl_record_right_type(ctx) == IPL_RIGHT_INVENTION);
}

static int
record_document_type(void *ctx)
{
    return IPLT_EXPECT(ipl_record_document_type(ctx) == IPL_DOCUMENT_APPLICATION);
}

static int
record_format_name(void *ctx)
{
    return IPLT_EXPECT(ipl_record_format_name(ctx)[0] != '\0');
}

static int
record_number(void *ctx)
{
    return IPLT_EXPECT(ipl_record_number(ctx, IPL_NUMBER_PUBLICATION) != NULL);
}

static int
record_ident(void *ctx)
{
    ipl_ident id;
    int rc = ipl_record_ident(&id, ctx, IPL_NUMBER_PUBLICATION, IPLT_ERR);

    return rc < 0 ? rc : IPLT_EXPECT(strncmp(id.canonical, "EP", 2) == 0);
}

static int
record_kind_code(void *ctx)
{
    return IPLT_EXPECT(strcmp(ipl_record_kind_code(ctx), "A2") == 0);
}

static int
record_status(void *ctx)
{
    /* A published application states no legal status. */
    return IPLT_EXPECT(ipl_record_status(ctx) == NULL);
}

static int
record_date(void *ctx)
{
    ipl_date d;

    return IPLT_EXPECT(ipl_record_date(&d, ctx, IPL_DATE_FILING) == 1 && d.year > 1990);
}

static int
record_count(void *ctx)
{
    return IPLT_EXPECT(ipl_record_count(ctx, IPL_LIST_TITLES) > 0);
}

static int
record_row(void *ctx)
{
    return IPLT_EXPECT(ipl_record_row(ctx, IPL_LIST_TITLES, 0) != NULL);
}

static int
record_title(void *ctx)
{
    const char *t = ipl_record_title(ctx, NULL);

    return IPLT_EXPECT(t != NULL && t[0] != '\0');
}

static int
record_claims_count(void *ctx)
{
    return IPLT_EXPECT(ipl_record_claims_count(ctx) == 0);
}

static int
record_independent_claims_count(void *ctx)
{
    return IPLT_EXPECT(ipl_record_independent_claims_count(ctx) == 0);
}

static int
record_term_extension(void *ctx)
{
    int64_t days;

    return IPLT_EXPECT(ipl_record_term_extension(&days, ctx) == 0);
}

static int
record_expiry(void *ctx)
{
    ipl_date d;

    return IPLT_EXPECT(ipl_record_expiry(&d, ctx, IPLT_ERR) == IPL_OK && d.year > 2010);
}

static int
record_remaining_life(void *ctx)
{
    int64_t days;
    int rc = ipl_record_remaining_life(&days, ctx, iplt_api_ymd(2020, 1, 1), IPLT_ERR);

    return IPLT_EXPECT(rc == IPL_OK && days > 0);
}

/* ---- indicators ---- */

static int
indicators_new(void *ctx)
{
    static const ipl_indicator_def tree[] = {
        { "legal.status", "legal", 0.6, NULL }, { "legal", NULL, 0.5, "legal" },
        { "technical", NULL, 0.5, NULL }, { "legal.scope", "legal", 0.4, NULL }
    };
    ipl_indicators *set;
    int rc = ipl_indicators_new(&set, tree, 4, IPLT_ERR);

    (void)ctx;
    if (rc < 0)
        return rc;
    rc = IPLT_EXPECT(ipl_indicators_count(set) == 4);
    ipl_indicators_free(set);
    return rc;
}

static int
indicators_new_default(void *ctx)
{
    ipl_indicators *set;
    int rc = ipl_indicators_new_default(&set, IPLT_ERR);

    (void)ctx;
    if (rc < 0)
        return rc;
    rc = IPLT_EXPECT(ipl_indicators_count(set) > 4);
    ipl_indicators_free(set);
    return rc;
}

static int
indicators_free(void *ctx)
{
    ipl_indicators_free(ctx);
    return IPL_OK;
}

static int
indicators_count(void *ctx)
{
    return IPLT_EXPECT(ipl_indicators_count(ctx) > 4);
}

static int
indicators_at(void *ctx)
{
    return IPLT_EXPECT(ipl_indicators_at(ctx, 0) != NULL);
}

/* Scores every leaf of the default tree at 0.5: the total is 0.5. */
static int
indicators_score(void *ctx)
{
    const char *ids[64];
    double leaf[64], total;
    size_t i, n = 0;
    int rc;

    for (i = 0; i < ipl_indicators_count(ctx) && n < 64; i++) {
        const ipl_indicator_def *d = ipl_indicators_at(ctx, i);
        size_t j, parent = 0;

        for (j = 0; j < ipl_indicators_count(ctx); j++) {
            const char *p = ipl_indicators_at(ctx, j)->parent;
            parent |= p != NULL && strcmp(p, d->id) == 0;
        }
        if (!parent) {
            ids[n] = d->id;
            leaf[n++] = 0.5;
        }
    }
    if ((rc = ipl_indicators_score(&total, NULL, ctx, ids, leaf, n, IPLT_ERR)) < 0)
        return rc;
    return IPLT_EXPECT(total > 0.5 - 1e-12 && total < 0.5 + 1e-12);
}

static int
indicators_from_record(void *ctx)
{
    ipl_indicator_fact facts[IPL_INDICATOR_FACTS_MAX];
    int rc = ipl_indicators_from_record(facts, IPL_INDICATOR_FACTS_MAX, ctx,
                                        iplt_api_ymd(2020, 1, 1), IPLT_ERR);

    return rc < 0 ? rc : IPLT_EXPECT(rc > 0);
}

const iplt_api iplt_api_records[] = {
    IPLT_API(IPLT_NO_ALLOC, ipl_parse_options_init, parse_options_init, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_parse_format_name, parse_format_name, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_parse_format_from_name, parse_format_from_name, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_parse_detect, parse_detect, NULL),
    IPLT_API(IPLT_OOM, ipl_parse_reader_new_file, reader_new_file, &path_fixture),
    IPLT_API(IPLT_OOM, ipl_parse_reader_new_memory, reader_new_memory, NULL),
    IPLT_API(IPLT_OOM, ipl_parse_reader_new_callback, reader_new_callback, NULL),
    IPLT_API(IPLT_OOM, ipl_parse_reader_next, reader_next, &bulk_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_parse_reader_stats, reader_stats, &reader_fixture),
    IPLT_API(IPLT_FREES, ipl_parse_reader_free, reader_free, &reader_fixture),
    IPLT_API(IPLT_FREES, ipl_record_free, record_free, &record_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_record_office, record_office, &record_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_record_right_type, record_right_type, &record_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_record_document_type, record_document_type, &record_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_record_format_name, record_format_name, &record_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_record_number, record_number, &record_fixture),
    IPLT_API(IPLT_OOM, ipl_record_ident, record_ident, &record_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_record_kind_code, record_kind_code, &record_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_record_status, record_status, &record_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_record_date, record_date, &record_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_record_count, record_count, &record_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_record_row, record_row, &record_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_record_title, record_title, &record_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_record_claims_count, record_claims_count, &record_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_record_independent_claims_count,
             record_independent_claims_count, &record_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_record_term_extension, record_term_extension,
             &record_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_record_expiry, record_expiry, &record_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_record_remaining_life, record_remaining_life,
             &record_fixture),
    IPLT_API(IPLT_OOM, ipl_indicators_new, indicators_new, NULL),
    IPLT_API(IPLT_OOM, ipl_indicators_new_default, indicators_new_default, NULL),
    IPLT_API(IPLT_FREES, ipl_indicators_free, indicators_free, &indicators_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_indicators_count, indicators_count, &indicators_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_indicators_at, indicators_at, &indicators_fixture),
    IPLT_API(IPLT_OOM, ipl_indicators_score, indicators_score, &indicators_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_indicators_from_record, indicators_from_record,
             &record_fixture),
    IPLT_API_END
};
