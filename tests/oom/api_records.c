/* Allocation behaviour of the readers and documents: office records,
 * indicators, policies, cases (oom_api.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipledge/case.h"
#include "ipledge/indicators.h"
#include "ipledge/parse.h"
#include "ipledge/policy.h"
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

static ipl_date
ymd(int y, int m, int d)
{
    ipl_date r;

    r.year = y;
    r.month = m;
    r.day = d;
    return r;
}

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

/* Dongguan: sources, unpublished items, a compensation regime with a
 * bank cap share, and a fee subsidy. */
static int
policy_setup(void **state)
{
    return ipl_policy_preset((ipl_policy **)state, "dongguan", IPLT_ERR);
}

static void
policy_teardown(void *state)
{
    ipl_policy_free(state);
}

static const iplt_fixture policy_fixture = { policy_setup, policy_teardown };

static int
case_setup(void **state)
{
    return ipl_case_load_file((ipl_case **)state, iplt_api_path("vectors", "case/full.xml"),
                              IPLT_ERR);
}

static void
case_teardown(void *state)
{
    ipl_case_free(state);
}

static const iplt_fixture case_fixture = { case_setup, case_teardown };

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

static void
no_teardown(void *state)
{
    (void)state;
}

static const iplt_fixture path_fixture = { reader_new_file_setup, no_teardown };

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

/* Opens a callback reader and reads it through: after a failure the next
 * call goes on, and every case file arrives (parse.h). */
static int
reader_new_callback(void *ctx)
{
    chunks c = { 0 };
    ipl_reader *rd;
    ipl_record *rec;
    size_t got = 0;
    int rc, failed = 0;

    (void)ctx;
    if ((rc = ipl_parse_reader_new_callback(&rd, read_chunk, &c, "pipe", NULL, IPLT_ERR)) < 0)
        return rc;
    while ((rc = ipl_parse_reader_next(&rec, rd, IPLT_ERR)) != 0) {
        if (rc == IPL_ENOMEM) {
            failed = 1;
            continue;
        }
        got++;
        ipl_record_free(rec);
    }
    ipl_parse_reader_free(rd);
    return failed ? IPL_ENOMEM : IPLT_EXPECT(got == 3);
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
    (void)ipl_record_status(ctx);   /* NULL for a publication without one */
    return IPLT_EXPECT(ipl_record_status(NULL) == NULL);
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
    int rc = ipl_record_remaining_life(&days, ctx, ymd(2020, 1, 1), IPLT_ERR);

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
                                        ymd(2020, 1, 1), IPLT_ERR);

    return rc < 0 ? rc : IPLT_EXPECT(rc > 0);
}

/* ---- policies ---- */

#define POLICY_FILE "policy/bank-with-monitoring.xml"

static int
policy_file_setup(void **state)
{
    return ipl_policy_load_file((ipl_policy **)state, iplt_api_path("vectors", POLICY_FILE),
                                NULL);
}

static int
henan_setup(void **state)
{
    return ipl_policy_preset((ipl_policy **)state, "henan", NULL);
}

static int
xianning_setup(void **state)
{
    return ipl_policy_preset((ipl_policy **)state, "xianning-4321", NULL);
}

static const iplt_fixture policy_file_fixture = { policy_file_setup, policy_teardown };
static const iplt_fixture henan_fixture = { henan_setup, policy_teardown };
static const iplt_fixture xianning_fixture = { xianning_setup, policy_teardown };

static int
same_text(const char *a, const char *b)
{
    return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* p, loaded with allocations failing before, is the policy want loaded
 * without: compares what the accessors show, then frees p. */
static int
same_policy(ipl_policy *p, const ipl_policy *want)
{
    const ipl_pledge_caps *a = ipl_pledge_rules_caps(ipl_policy_pledge_rules(p));
    const ipl_pledge_caps *b = ipl_pledge_rules_caps(ipl_policy_pledge_rules(want));
    int same = same_text(ipl_policy_name(p), ipl_policy_name(want)) &&
               same_text(ipl_policy_title(p), ipl_policy_title(want)) &&
               same_text(ipl_policy_pledge_origin(p), ipl_policy_pledge_origin(want)) &&
               ipl_policy_source_count(p) == ipl_policy_source_count(want) &&
               ipl_policy_unpublished_count(p) == ipl_policy_unpublished_count(want) &&
               ipl_policy_subsidy_count(p) == ipl_policy_subsidy_count(want) &&
               a->max_tenor_months == b->max_tenor_months &&
               iplt_same_double(a->maintenance_ltv, b->maintenance_ltv) &&
               a->max_loan == b->max_loan;

    ipl_policy_free(p);
    return IPLT_EXPECT(same);
}

static int
policy_load_file(void *ctx)
{
    ipl_policy *p;
    int rc = ipl_policy_load_file(&p, iplt_api_path("vectors", POLICY_FILE), IPLT_ERR);

    return rc < 0 ? rc : same_policy(p, ctx);
}

static int
policy_load_memory(void *ctx)
{
    size_t size;
    const char *doc = ipl_policy_preset_document("henan", &size);
    ipl_policy *p;
    int rc = ipl_policy_load_memory(&p, doc, size, "henan", IPLT_ERR);

    return rc < 0 ? rc : same_policy(p, ctx);
}

static int
policy_preset(void *ctx)
{
    ipl_policy *p;
    int rc = ipl_policy_preset(&p, "xianning-4321", IPLT_ERR);

    return rc < 0 ? rc : same_policy(p, ctx);
}

static int
policy_free(void *ctx)
{
    ipl_policy_free(ctx);
    return IPL_OK;
}

static int
policy_preset_count(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(ipl_policy_preset_count() >= 8);
}

static int
policy_preset_name(void *ctx)
{
    (void)ctx;
    return IPLT_EXPECT(ipl_policy_preset_name(0) != NULL);
}

static int
policy_preset_document(void *ctx)
{
    size_t size = 0;

    (void)ctx;
    return IPLT_EXPECT(ipl_policy_preset_document("dongguan", &size) != NULL && size > 0);
}

static int
policy_schema(void *ctx)
{
    size_t size = 0;

    (void)ctx;
    return IPLT_EXPECT(ipl_policy_schema(&size) != NULL && size > 0);
}

static int
policy_name(void *ctx)
{
    return IPLT_EXPECT(strcmp(ipl_policy_name(ctx), "dongguan") == 0);
}

static int
policy_title(void *ctx)
{
    return IPLT_EXPECT(ipl_policy_title(ctx) != NULL);
}

static int
policy_currency(void *ctx)
{
    return IPLT_EXPECT(strcmp(ipl_policy_currency(ctx), "CNY") == 0);
}

static int
policy_source_count(void *ctx)
{
    return IPLT_EXPECT(ipl_policy_source_count(ctx) > 0);
}

static int
policy_source(void *ctx)
{
    ipl_date d;
    const char *ref;

    return IPLT_EXPECT(ipl_policy_source(ctx, 0, &d, &ref) != NULL);
}

static int
policy_unpublished_count(void *ctx)
{
    return IPLT_EXPECT(ipl_policy_unpublished_count(ctx) > 0);
}

static int
policy_unpublished(void *ctx)
{
    const char *what;

    return IPLT_EXPECT(ipl_policy_unpublished(ctx, 0, &what) != NULL);
}

static int
policy_pledge_rules(void *ctx)
{
    return IPLT_EXPECT(ipl_policy_pledge_rules(ctx) != NULL);
}

static int
policy_pledge_origin(void *ctx)
{
    return IPLT_EXPECT(ipl_policy_pledge_origin(ctx) != NULL);
}

static int
policy_compensation(void *ctx)
{
    ipl_compensation_regime r;

    return IPLT_EXPECT(ipl_policy_compensation(ctx, NULL, 0, &r, IPLT_ERR) == IPL_OK &&
                       r.tiers[0].shares[0] == 10000);
}

static int
policy_bank_cap_share(void *ctx)
{
    double lo, hi;

    return IPLT_EXPECT(ipl_policy_bank_cap_share(ctx, &lo, &hi) == 1 && lo < hi);
}

static int
policy_subsidy_count(void *ctx)
{
    return IPLT_EXPECT(ipl_policy_subsidy_count(ctx) == 2);
}

static int
policy_subsidy(void *ctx)
{
    ipl_subsidy_rule r;
    const char *kind;

    return IPLT_EXPECT(ipl_policy_subsidy(ctx, 1, 0.0345, &r, &kind, IPLT_ERR) == IPL_OK &&
                       strcmp(kind, "appraisal-fee") == 0);
}

/* ---- cases ---- */

/* The same case as the fixture's, loaded without a failure. */
static int
case_load_file(void *ctx)
{
    ipl_case *c;
    int rc = ipl_case_load_file(&c, iplt_api_path("vectors", "case/full.xml"), IPLT_ERR);
    size_t i;

    if (rc < 0)
        return rc;
    rc = ipl_case_right_count(c) == ipl_case_right_count(ctx) &&
         same_text(ipl_case_title(c), ipl_case_title(ctx)) &&
         same_text(ipl_case_policy(c, NULL), ipl_case_policy(ctx, NULL)) &&
         ipl_case_loan_get(c)->amount.minor == ipl_case_loan_get(ctx)->amount.minor &&
         ipl_case_default_get(c)->n_parties == ipl_case_default_get(ctx)->n_parties;
    for (i = 0; rc && i < ipl_case_right_count(c); i++)
        rc = same_text(ipl_case_right_get(c, i)->number, ipl_case_right_get(ctx, i)->number);
    ipl_case_free(c);
    return IPLT_EXPECT(rc);
}

static int
case_load_memory(void *ctx)
{
    static const char doc[] =
        "<case xmlns='urn:ipledge:case:1' currency='USD' date='2025-01-31'>\n"
        "<borrower name='B'/>\n"
        "<rights><right number='US 9,000,000' type='invention' valuation='v.xml'/></rights>\n"
        "<policy file='p.xml'/>\n"
        "<loan amount='10' start='2025-02-01' months='12' rate='0.05' method='bullet'/>\n"
        "</case>\n";
    ipl_case *c;
    int rc = ipl_case_load_memory(&c, doc, sizeof doc - 1, "dir/m.xml", IPLT_ERR);

    (void)ctx;
    if (rc < 0)
        return rc;
    rc = IPLT_EXPECT(strcmp(ipl_case_currency(c), "USD") == 0 &&
                     strcmp(ipl_case_right_get(c, 0)->number, "US 9,000,000") == 0 &&
                     ipl_case_loan_get(c)->months == 12);
    ipl_case_free(c);
    return rc;
}

static int
case_free(void *ctx)
{
    ipl_case_free(ctx);
    return IPL_OK;
}

static int
case_schema(void *ctx)
{
    size_t size = 0;

    (void)ctx;
    return IPLT_EXPECT(ipl_case_schema(&size) != NULL && size > 0);
}

static int
case_label(void *ctx)
{
    return IPLT_EXPECT(strstr(ipl_case_label(ctx), "full.xml") != NULL);
}

static int
case_title(void *ctx)
{
    return IPLT_EXPECT(strcmp(ipl_case_title(ctx), "A test case") == 0);
}

static int
case_currency(void *ctx)
{
    return IPLT_EXPECT(strcmp(ipl_case_currency(ctx), "CNY") == 0);
}

static int
case_date(void *ctx)
{
    return IPLT_EXPECT(ipl_case_date(ctx).year == 2024);
}

static int
case_borrower(void *ctx)
{
    double years = 0;
    const char *industry = NULL;

    return IPLT_EXPECT(strcmp(ipl_case_borrower(ctx, &years, &industry), "Test Co.") == 0 &&
                       iplt_same_double(years, 6.5) && strcmp(industry, "C39") == 0);
}

static int
case_right_count(void *ctx)
{
    return IPLT_EXPECT(ipl_case_right_count(ctx) == 2);
}

static int
case_right_get(void *ctx)
{
    return IPLT_EXPECT(strcmp(ipl_case_right_get(ctx, 1)->number, "12345678") == 0);
}

static int
case_policy(void *ctx)
{
    int is_file = -1;

    return IPLT_EXPECT(strcmp(ipl_case_policy(ctx, &is_file), "henan") == 0 && is_file == 0);
}

static int
case_loan_get(void *ctx)
{
    return IPLT_EXPECT(ipl_case_loan_get(ctx)->months == 36);
}

static int
case_default_get(void *ctx)
{
    return IPLT_EXPECT(ipl_case_default_get(ctx)->n_recoveries == 2);
}

static int
case_path(void *ctx)
{
    char buf[4096];

    return IPLT_EXPECT(ipl_case_path(buf, sizeof buf, ctx, "/abs/tm.xml", IPLT_ERR) >= 0 &&
                       strcmp(buf, "/abs/tm.xml") == 0);
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
    IPLT_API(IPLT_OOM, ipl_policy_load_file, policy_load_file, &policy_file_fixture),
    IPLT_API(IPLT_OOM, ipl_policy_load_memory, policy_load_memory, &henan_fixture),
    IPLT_API(IPLT_OOM, ipl_policy_preset, policy_preset, &xianning_fixture),
    IPLT_API(IPLT_FREES, ipl_policy_free, policy_free, &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_preset_count, policy_preset_count, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_preset_name, policy_preset_name, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_preset_document, policy_preset_document, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_schema, policy_schema, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_name, policy_name, &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_title, policy_title, &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_currency, policy_currency, &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_source_count, policy_source_count, &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_source, policy_source, &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_unpublished_count, policy_unpublished_count,
             &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_unpublished, policy_unpublished, &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_pledge_rules, policy_pledge_rules, &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_pledge_origin, policy_pledge_origin, &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_compensation, policy_compensation, &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_bank_cap_share, policy_bank_cap_share,
             &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_subsidy_count, policy_subsidy_count, &policy_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_policy_subsidy, policy_subsidy, &policy_fixture),
    IPLT_API(IPLT_OOM, ipl_case_load_file, case_load_file, &case_fixture),
    IPLT_API(IPLT_OOM, ipl_case_load_memory, case_load_memory, NULL),
    IPLT_API(IPLT_FREES, ipl_case_free, case_free, &case_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_schema, case_schema, NULL),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_label, case_label, &case_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_title, case_title, &case_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_currency, case_currency, &case_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_date, case_date, &case_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_borrower, case_borrower, &case_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_right_count, case_right_count, &case_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_right_get, case_right_get, &case_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_policy, case_policy, &case_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_loan_get, case_loan_get, &case_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_default_get, case_default_get, &case_fixture),
    IPLT_API(IPLT_NO_ALLOC, ipl_case_path, case_path, &case_fixture),
    IPLT_API_END
};
