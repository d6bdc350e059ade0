/* Check suite for include/ipledge/parse.h: every sample record under
 * $IPL_SHARED_DATA/records against tests/vectors/records/expected.tsv
 * (written by make-expected.py, which reads the files with Python's
 * own XML parser and explicit paths, not with ipledge), detection,
 * bulk files, sources, allocation failures and hostile input. */
#include <check.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "ipledge/init.h"
#include "ipledge/parse.h"
#include "harness.h"

/* ---- files ----------------------------------------------------------- */

/* The path of a file of the shared data; a missing IPL_SHARED_DATA fails
 * the test: the samples are part of what is tested. */
static void
shared_path(char *buf, size_t size, const char *rel)
{
    const char *root = getenv("IPL_SHARED_DATA");

    ck_assert_msg(root != NULL && root[0] != '\0',
                  "IPL_SHARED_DATA is not set: configure --with-shared-data");
    snprintf(buf, size, "%s/records/%s", root, rel);
}

static char *
slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;

    ck_assert_msg(f != NULL, "cannot open %s: %s", path, strerror(errno));
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    ck_assert_ptr_nonnull(buf);
    ck_assert_int_eq(fread(buf, 1, (size_t)n, f), n);
    buf[n] = '\0';
    fclose(f);
    *size = (size_t)n;
    return buf;
}

static char *
slurp_shared(const char *rel, size_t *size)
{
    char path[4096];

    shared_path(path, sizeof path, rel);
    return slurp(path, size);
}

/* ---- the expectations table ------------------------------------------ */

enum {
    C_FILE, C_INDEX, C_FORMAT, C_OFFICE, C_TYPE, C_APPLICATION,
    C_PUBLICATION, C_REGISTRATION, C_KIND, C_FILING, C_PUBLISHED,
    C_GRANTED, C_REGISTERED, C_TITLE, C_APPLICANTS, C_OWNERS, C_INVENTORS,
    C_IPC, C_IPC_SUBCLASSES, C_CPC, C_LOCARNO, C_NICE, C_CLAIMS,
    C_CITATIONS, C_PRIORITIES, C_ERROR_LINE, C_COUNT
};

typedef struct row {
    char *cell[C_COUNT];
    char *line;             /* the buffer the cells point into */
} row;

static size_t
read_table(row **out)
{
    const char *dir = getenv("IPL_VECTORS_DIR");
    char path[4096], buf[8192];
    FILE *f;
    row *rows = NULL;
    size_t n = 0;

    ck_assert_ptr_nonnull(dir);
    snprintf(path, sizeof path, "%s/records/expected.tsv", dir);
    ck_assert_msg((f = fopen(path, "r")) != NULL, "cannot open %s", path);
    ck_assert_ptr_nonnull(fgets(buf, sizeof buf, f));      /* the header */
    while (fgets(buf, sizeof buf, f) != NULL) {
        char *p;
        int c;
        rows = realloc(rows, (n + 1) * sizeof *rows);
        ck_assert_ptr_nonnull(rows);
        p = rows[n].line = strdup(buf);
        p[strcspn(p, "\n")] = '\0';
        for (c = 0; c < C_COUNT; c++) {
            rows[n].cell[c] = p;
            p += strcspn(p, "\t");
            ck_assert_msg(*p == '\t' || c == C_COUNT - 1,
                          "expected.tsv row %zu is short", n + 2);
            if (*p == '\t')
                *p++ = '\0';
        }
        n++;
    }
    fclose(f);
    *out = rows;
    return n;
}

static void
free_table(row *rows, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        free(rows[i].line);
    free(rows);
}

/* An absent string is written as an empty cell. */
static void
check_text(const row *r, int col, const char *what, const char *got)
{
    const char *want = r->cell[col];

    ck_assert_msg(strcmp(want, got ? got : "") == 0,
                  "%s [%s]: %s is \"%s\", expected \"%s\"", r->cell[C_FILE],
                  r->cell[C_INDEX], what, got ? got : "(absent)", want);
}

static void
check_count(const row *r, int col, const char *what, size_t got)
{
    size_t want = (size_t)strtoul(r->cell[col], NULL, 10);

    ck_assert_msg(got == want, "%s [%s]: %s is %zu, expected %zu",
                  r->cell[C_FILE], r->cell[C_INDEX], what, got, want);
}

static void
check_date(const row *r, int col, const ipl_record *rec,
           ipl_record_date_kind kind, const char *what)
{
    char text[IPL_DATE_STRING_SIZE] = "";
    ipl_date d;

    if (ipl_record_date(&d, rec, kind))
        ck_assert_int_eq(ipl_date_format(text, sizeof text, d, NULL), 10);
    check_text(r, col, what, text[0] ? text : NULL);
}

/* The first 16 characters (not bytes) of a UTF-8 title, as the table. */
static void
check_title(const row *r, const ipl_record *rec)
{
    const char *t = ipl_record_title(rec, "en");
    char cut[128] = "";
    size_t bytes = 0, chars = 0;

    while (t != NULL && t[bytes] != '\0' && chars < 16) {
        bytes++;
        while (((unsigned char)t[bytes] & 0xC0) == 0x80)
            bytes++;
        chars++;
    }
    if (t != NULL)
        snprintf(cut, sizeof cut, "%.*s", (int)bytes, t);
    /* the table trims what it cuts; a cut may end on a space */
    while (bytes > 0 && cut[bytes - 1] == ' ')
        cut[--bytes] = '\0';
    {
        char want[128];
        size_t n = strlen(r->cell[C_TITLE]);
        snprintf(want, sizeof want, "%s", r->cell[C_TITLE]);
        while (n > 0 && want[n - 1] == ' ')
            want[--n] = '\0';
        ck_assert_msg(strcmp(want, cut) == 0, "%s [%s]: title \"%s\", "
                      "expected \"%s\"", r->cell[C_FILE], r->cell[C_INDEX],
                      cut, want);
    }
}

/* A list's texts joined with ';' (values for the Nice list). */
static void
check_joined(const row *r, int col, const ipl_record *rec,
             ipl_record_list list, const char *what)
{
    char got[1024] = "";
    size_t i, len = 0;

    for (i = 0; i < ipl_record_count(rec, list); i++) {
        const ipl_record_item *it = ipl_record_row(rec, list, i);
        if (list == IPL_LIST_NICE)
            len += (size_t)snprintf(got + len, sizeof got - len, "%s%d",
                                    i ? ";" : "", it->value);
        else
            len += (size_t)snprintf(got + len, sizeof got - len, "%s%s",
                                    i ? ";" : "", it->text);
    }
    check_text(r, col, what, got[0] ? got : NULL);
}

static void
check_record(const row *r, const ipl_record *rec)
{
    check_text(r, C_FORMAT, "format", ipl_record_format_name(rec));
    check_text(r, C_OFFICE, "office", ipl_record_office(rec));
    check_text(r, C_TYPE, "type",
               ipl_right_type_name(ipl_record_right_type(rec)));
    check_text(r, C_APPLICATION, "application number",
               ipl_record_number(rec, IPL_NUMBER_APPLICATION));
    check_text(r, C_PUBLICATION, "publication number",
               ipl_record_number(rec, IPL_NUMBER_PUBLICATION));
    check_text(r, C_REGISTRATION, "registration number",
               ipl_record_number(rec, IPL_NUMBER_REGISTRATION));
    check_text(r, C_KIND, "kind", ipl_record_kind_code(rec));
    check_date(r, C_FILING, rec, IPL_DATE_FILING, "filing date");
    check_date(r, C_PUBLISHED, rec, IPL_DATE_PUBLICATION, "publication date");
    check_date(r, C_GRANTED, rec, IPL_DATE_GRANT, "grant date");
    check_date(r, C_REGISTERED, rec, IPL_DATE_REGISTRATION,
               "registration date");
    check_title(r, rec);
    check_count(r, C_APPLICANTS, "applicants",
                ipl_record_count(rec, IPL_LIST_APPLICANTS));
    check_count(r, C_OWNERS, "owners", ipl_record_count(rec, IPL_LIST_OWNERS));
    check_count(r, C_INVENTORS, "inventors",
                ipl_record_count(rec, IPL_LIST_INVENTORS));
    check_count(r, C_IPC, "IPC symbols", ipl_record_count(rec, IPL_LIST_IPC));
    check_joined(r, C_IPC_SUBCLASSES, rec, IPL_LIST_IPC_SUBCLASSES,
                 "IPC subclasses");
    check_count(r, C_CPC, "CPC symbols", ipl_record_count(rec, IPL_LIST_CPC));
    check_joined(r, C_LOCARNO, rec, IPL_LIST_LOCARNO, "Locarno classes");
    check_joined(r, C_NICE, rec, IPL_LIST_NICE, "Nice classes");
    check_count(r, C_CLAIMS, "claims", ipl_record_claims_count(rec));
    check_count(r, C_CITATIONS, "citations",
                ipl_record_count(rec, IPL_LIST_CITATIONS));
    check_count(r, C_PRIORITIES, "priorities",
                ipl_record_count(rec, IPL_LIST_PRIORITIES));
}

/* Reads one file and checks it against its rows (rows[0 .. n)). */
static void
check_file(const row *rows, size_t n)
{
    char path[4096];
    ipl_reader *rd;
    ipl_record *rec;
    ipl_parse_stats st;
    ipl_error err;
    size_t i, skipped = 0;
    int rc;

    shared_path(path, sizeof path, rows[0].cell[C_FILE]);
    ck_assert_int_eq(ipl_parse_reader_new_file(&rd, path, NULL, &err), IPL_OK);
    for (i = 0; i < n; i++) {
        rc = ipl_parse_reader_next(&rec, rd, &err);
        if (strcmp(rows[i].cell[C_FORMAT], "ERROR") == 0) {
            /* the malformed samples are skipped with their location */
            ck_assert_msg(rc == IPL_EPARSE, "%s: %d, expected IPL_EPARSE",
                          path, rc);
            ck_assert_str_eq(err.where, path);
            ck_assert_int_eq(err.line, atoi(rows[i].cell[C_ERROR_LINE]));
            ck_assert_ptr_nonnull(strstr(err.message, "document 1 (byte 0)"));
            skipped++;
            continue;
        }
        ck_assert_msg(rc == 1, "%s record %zu: %d %s", path, i, rc,
                      err.message);
        check_record(&rows[i], rec);
        ipl_record_free(rec);
    }
    ck_assert_int_eq(ipl_parse_reader_next(&rec, rd, &err), 0);
    ck_assert_int_eq(ipl_parse_reader_stats(&st, rd), IPL_OK);
    ck_assert_uint_eq(st.records, n - skipped);
    ck_assert_uint_eq(st.skipped, skipped);
    ipl_parse_reader_free(rd);
}

START_TEST(test_every_sample_file)
{
    row *rows;
    size_t n = read_table(&rows), i = 0, files = 0;

    ck_assert_uint_ge(n, 90);
    while (i < n) {
        size_t j = i;
        while (j < n && strcmp(rows[j].cell[C_FILE], rows[i].cell[C_FILE]) == 0)
            j++;
        check_file(rows + i, j - i);
        files++;
        i = j;
    }
    /* SOURCES.md: 60 files; every one has rows */
    ck_assert_uint_eq(files, 60);
    free_table(rows, n);
}
END_TEST

/* The independent-claim counts of a few samples, counted by hand from
 * their claim texts. */
START_TEST(test_independent_claims_of_samples)
{
    static const struct {
        const char *file;
        size_t claims, independent;
    } want[] = {
        /* claims 1 and 8 stand alone; 2-7 cite claim 1 or 4 */
        { "uspto-grant/US08930553-v45-2014.xml", 8, 2 },
        /* claims 1-6 stand alone; 7 "according to claim 1", 8 "claim 3
         * or 4", 9 "claim 8" */
        { "epo/EP1667425A1-v1-0-wipo-st36-example.xml", 9, 6 },
        /* claims 1, 6 and 12-15 stand alone; 2-5 and 7-11 begin
         * "請求項１に記載の" (as described in claim 1) or the like */
        { "st36/JP2021193879A-jp-official-gazette.xml", 15, 6 },
        /* the English claims of three languages: 8; 2-8 cite claim 1,
         * 2, 4 or 5 */
        { "epo/EP3383757B1-v1-5-1.xml", 8, 1 },
    };
    size_t i;

    for (i = 0; i < sizeof want / sizeof want[0]; i++) {
        char path[4096];
        ipl_reader *rd;
        ipl_record *rec;

        shared_path(path, sizeof path, want[i].file);
        ck_assert_int_eq(ipl_parse_reader_new_file(&rd, path, NULL, NULL), 0);
        ck_assert_int_eq(ipl_parse_reader_next(&rec, rd, NULL), 1);
        ck_assert_uint_eq(ipl_record_claims_count(rec), want[i].claims);
        ck_assert_msg(ipl_record_independent_claims_count(rec) ==
                      want[i].independent, "%s: %zu independent claims",
                      want[i].file, ipl_record_independent_claims_count(rec));
        ipl_record_free(rec);
        ipl_parse_reader_free(rd);
    }
}
END_TEST

/* Canonical numbers through ident.h, for a record of each syntax. */
START_TEST(test_canonical_numbers)
{
    static const struct {
        const char *file;
        ipl_record_number_kind kind;
        const char *canonical;     /* NULL: the error below */
        int code;
        const char *where;
    } cases[] = {
        { "uspto-grant/US08930553-v45-2014.xml", IPL_NUMBER_PUBLICATION,
          "US8930553", 0, NULL },
        { "uspto-grant/US08930553-v45-2014.xml", IPL_NUMBER_APPLICATION,
          "13648029", 0, NULL },
        { "uspto-app/US20050004437A1-v40-2004.xml", IPL_NUMBER_PUBLICATION,
          "US20050004437", 0, NULL },
        { "cnipa/CN115212463A-new-sipo-business-with-doctype.xml",
          IPL_NUMBER_APPLICATION, "201510481495.9", 0, NULL },
        { "cnipa/CN104245682A-old-cn-patent-document-singleline.xml",
          IPL_NUMBER_PCT_APPLICATION, "PCT/JP2014/059529", 0, NULL },
        { "epo/EP3383757B1-v1-5-1.xml", IPL_NUMBER_PUBLICATION, "EP3383757",
          0, NULL },
        { "st36/JP2021193879A-jp-official-gazette.xml", IPL_NUMBER_PUBLICATION,
          "JP2021193879", 0, NULL },
        { "uspto-tm/tdxf-case-file-60172053-status-only-1923.xml",
          IPL_NUMBER_REGISTRATION, "172053", 0, NULL },
        { "st66/euipo-EUTM018222197-registered-word-24lang.xml",
          IPL_NUMBER_APPLICATION, "018222197", 0, NULL },
        /* no registration number published: absent */
        { "uspto-tm/tdxf-case-file-98763166-new-application.xml",
          IPL_NUMBER_REGISTRATION, NULL, IPL_EINVAL,
          "record.registration_number" },
        /* the WIPO example's office "XX" has no syntax */
        { "st96-design/wipo-st96-v6-DesignApplication_Example.xml",
          IPL_NUMBER_APPLICATION, NULL, IPL_ERANGE,
          "record.application_number" },
        /* the ST.36 annex example's "043551" is no WO number */
        { "st36/wipo-st36-annex-example01-WO-patent-document-v1-3.xml",
          IPL_NUMBER_PUBLICATION, NULL, IPL_EINVAL, "text" },
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[4096];
        ipl_reader *rd;
        ipl_record *rec;
        ipl_ident id;
        ipl_error err = iplt_stale_error();
        int rc;

        shared_path(path, sizeof path, cases[i].file);
        ck_assert_int_eq(ipl_parse_reader_new_file(&rd, path, NULL, NULL), 0);
        ck_assert_int_eq(ipl_parse_reader_next(&rec, rd, NULL), 1);
        rc = ipl_record_ident(&id, rec, cases[i].kind, &err);
        if (cases[i].canonical != NULL) {
            ck_assert_msg(rc == IPL_OK, "%s: %s", cases[i].file, err.message);
            ck_assert_str_eq(id.canonical, cases[i].canonical);
        } else {
            iplt_assert_error(err, rc, cases[i].code, cases[i].where);
        }
        ipl_record_free(rec);
        ipl_parse_reader_free(rd);
    }
}
END_TEST

/* Families, legal events, register steps and PTA, with the values the
 * files hold (counted with grep: 11 ops:family-member, 14 ops:legal, 2
 * reg:ep-patent-status and 11 reg:procedural-step, 26 TDXF event
 * statements; the first of each read by eye). */
START_TEST(test_families_and_events)
{
    char path[4096];
    ipl_reader *rd;
    ipl_record *rec;
    const ipl_record_item *it;
    ipl_date d;
    int64_t pta;

#define OPEN(file) do { \
        shared_path(path, sizeof path, file); \
        ck_assert_int_eq(ipl_parse_reader_new_file(&rd, path, NULL, NULL), 0); \
        ck_assert_int_eq(ipl_parse_reader_next(&rec, rd, NULL), 1); \
    } while (0)
#define CLOSE() do { ipl_record_free(rec); ipl_parse_reader_free(rd); } while (0)

    OPEN("epo-docdb/ops-family-EP2906782A2.xml");
    ck_assert_int_eq(ipl_record_document_type(rec), IPL_DOCUMENT_FAMILY);
    ck_assert_uint_eq(ipl_record_count(rec, IPL_LIST_FAMILY), 11);
    it = ipl_record_row(rec, IPL_LIST_FAMILY, 0);
    ck_assert_str_eq(it->text, "EP2906782");
    ck_assert_str_eq(it->code, "A2");
    ck_assert_int_eq(it->have_date, 1);
    ck_assert_int_eq(it->date.year, 2015);
    CLOSE();

    OPEN("epo-docdb/ops-legal-US10465445B2.xml");
    ck_assert_int_eq(ipl_record_document_type(rec), IPL_DOCUMENT_REGISTER);
    ck_assert_uint_eq(ipl_record_count(rec, IPL_LIST_EVENTS), 14);
    it = ipl_record_row(rec, IPL_LIST_EVENTS, 0);
    ck_assert_str_eq(it->code, "AS");             /* "AS  " trimmed */
    ck_assert_str_eq(it->text, "ASSIGNMENT");
    ck_assert_int_eq(it->date.year * 10000 + it->date.month * 100 + it->date.day,
                     20180314);
    CLOSE();

    OPEN("epo-register/ops-register-procsteps-EP3221665A1.xml");
    ck_assert_uint_eq(ipl_record_count(rec, IPL_LIST_EVENTS), 13);
    ck_assert_str_eq(ipl_record_status(rec), "Request for examination was made");
    ck_assert_int_eq(ipl_record_date(&d, rec, IPL_DATE_STATUS), 1);
    ck_assert_int_eq(d.year * 10000 + d.month * 100 + d.day, 20170825);
    CLOSE();

    OPEN("uspto-tm/tdxf-case-file-85017257-cancelled.xml");
    ck_assert_uint_eq(ipl_record_count(rec, IPL_LIST_EVENTS), 26);
    it = ipl_record_row(rec, IPL_LIST_EVENTS, 0);
    ck_assert_str_eq(it->code, "CNSA");
    ck_assert_str_eq(it->text, "APPROVED FOR PUB - PRINCIPAL REGISTER");
    ck_assert_uint_eq(ipl_record_count(rec, IPL_LIST_GOODS), 1);
    ck_assert_int_eq(ipl_record_row(rec, IPL_LIST_GOODS, 0)->value, 41);
    CLOSE();

    OPEN("uspto-grant/US06859910-v40-2004.xml");
    ck_assert_int_eq(ipl_record_term_extension(&pta, rec), 1);
    ck_assert_int_eq(pta, 802);
    CLOSE();
#undef OPEN
#undef CLOSE
}
END_TEST

/* ---- detection ------------------------------------------------------- */

START_TEST(test_detect_by_namespace_not_prefix)
{
    static const struct {
        const char *doc;
        ipl_parse_format want;
    } cases[] = {
        { "<us-patent-grant/>", IPL_FORMAT_USPTO_GRANT },
        { "\xef\xbb\xbf<?xml version=\"1.0\"?>\r\n<cn-patent-document/>",
          IPL_FORMAT_CNIPA_OLD },
        { "<zz:TrademarkTransaction xmlns:zz=\"http://www.wipo.int/standards/"
          "XMLSchema/ST96/Trademark\"/>", IPL_FORMAT_ST96_TRADEMARK },
        { "<Transaction xmlns=\"http://ro.tmview.europa.eu/trademark/data\"/>",
          IPL_FORMAT_ST66 },
        { "<Transaction xmlns=\"http://euipo.europa.eu/design/data\"/>",
          IPL_FORMAT_EUIPO_DESIGN },
        { "<x:world-patent-data xmlns:x=\"http://ops.epo.org\"/>",
          IPL_FORMAT_EPO_OPS },
    };
    static const char wrong_ns[] =
        "<tmk:TrademarkTransaction xmlns:tmk=\"urn:other\"/>";
    ipl_parse_format f;
    ipl_error err;
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ck_assert_int_eq(ipl_parse_detect(&f, cases[i].doc,
                                          strlen(cases[i].doc), &err), IPL_OK);
        ck_assert_int_eq(f, cases[i].want);
    }
    /* the right local name in the wrong namespace is not the format */
    err = iplt_stale_error();
    iplt_assert_error(err, ipl_parse_detect(&f, wrong_ns, strlen(wrong_ns),
                      &err), IPL_EPARSE, "data");
    err = iplt_stale_error();
    iplt_assert_error(err, ipl_parse_detect(&f, "   ", 3, &err), IPL_EPARSE,
                      "data");
    iplt_assert_error(err, ipl_parse_detect(NULL, "<a/>", 4, &err), IPL_EINVAL,
                      "out");
}
END_TEST

START_TEST(test_format_names)
{
    ipl_parse_format f, g;
    ipl_error err;

    for (f = IPL_FORMAT_AUTO; f < IPL_FORMAT_COUNT; f++) {
        ck_assert_ptr_nonnull(ipl_parse_format_name(f));
        ck_assert_int_eq(ipl_parse_format_from_name(&g, ipl_parse_format_name(f),
                                                    &err), IPL_OK);
        ck_assert_int_eq(g, f);
    }
    ck_assert_str_eq(ipl_parse_format_name(IPL_FORMAT_USPTO_TDXF), "uspto-tdxf");
    ck_assert_ptr_null(ipl_parse_format_name(IPL_FORMAT_COUNT));
    err = iplt_stale_error();
    iplt_assert_error(err, ipl_parse_format_from_name(&g, "uspto", &err),
                      IPL_EINVAL, "name");
}
END_TEST

START_TEST(test_options)
{
    ipl_parse_options opts = IPL_PARSE_OPTIONS_INIT;
    ipl_reader *rd = NULL;
    ipl_error err;

    ck_assert_int_eq(ipl_parse_options_init(&opts, IPL_PARSE_OPTIONS_VERSION),
                     IPL_OK);
    ck_assert_int_eq(opts.format, IPL_FORMAT_AUTO);
    ck_assert_int_eq(ipl_parse_options_init(&opts, 99), IPL_EVERSION);
    ck_assert_int_eq(ipl_parse_options_init(NULL, 1), IPL_EINVAL);
    opts.version = 7;
    err = iplt_stale_error();
    iplt_assert_error(err, ipl_parse_reader_new_memory(&rd, "<a/>", 4, NULL,
                      &opts, &err), IPL_EVERSION, "opts.version");
    opts.version = IPL_PARSE_OPTIONS_VERSION;
    opts.format = IPL_FORMAT_COUNT;
    iplt_assert_error(err, ipl_parse_reader_new_memory(&rd, "<a/>", 4, NULL,
                      &opts, &err), IPL_EINVAL, "opts.format");
    ck_assert_ptr_null(rd);
    iplt_assert_error(err, ipl_parse_reader_new_file(&rd, "/nonexistent/x.xml",
                      NULL, &err), IPL_EINVAL, "/nonexistent/x.xml");
    iplt_assert_error(err, ipl_parse_reader_new_memory(NULL, "<a/>", 4, NULL,
                      NULL, &err), IPL_EINVAL, "out");
    ipl_parse_reader_free(NULL);
}
END_TEST

/* A format named by the caller is used even where detection would not
 * find it: a case file's content under another root. */
START_TEST(test_named_format)
{
    static const char doc[] =
        "<daily><case-file><serial-number>78000001</serial-number>"
        "</case-file><case-file><serial-number>78000002</serial-number>"
        "</case-file></daily>";
    ipl_parse_options opts = IPL_PARSE_OPTIONS_INIT;
    ipl_reader *rd;
    ipl_record *rec;
    ipl_error err;

    ck_assert_int_eq(ipl_parse_reader_new_memory(&rd, doc, sizeof doc - 1,
                                                 "daily.xml", NULL, &err), 0);
    iplt_assert_error(err, ipl_parse_reader_next(&rec, rd, &err), IPL_EPARSE,
                      "daily.xml");
    ck_assert_ptr_nonnull(strstr(err.message, "<daily>"));
    ipl_parse_reader_free(rd);

    opts.format = IPL_FORMAT_USPTO_TDXF;
    ck_assert_int_eq(ipl_parse_reader_new_memory(&rd, doc, sizeof doc - 1,
                                                 "daily.xml", &opts, &err), 0);
    ck_assert_int_eq(ipl_parse_reader_next(&rec, rd, &err), 1);
    ck_assert_str_eq(ipl_record_number(rec, IPL_NUMBER_APPLICATION), "78000001");
    ipl_record_free(rec);
    ck_assert_int_eq(ipl_parse_reader_next(&rec, rd, &err), 1);
    ck_assert_str_eq(ipl_record_number(rec, IPL_NUMBER_APPLICATION), "78000002");
    ipl_record_free(rec);
    ck_assert_int_eq(ipl_parse_reader_next(&rec, rd, &err), 0);
    ipl_parse_reader_free(rd);
}
END_TEST

/* The root found past an internal subset whose strings hold ">", and
 * past 70 KB of comment (beyond what is looked at before parsing: the
 * document is then walked with an xmlReader), gives the same record. */
START_TEST(test_root_far_into_the_document)
{
    static const char grant[] =
        "<us-patent-grant><us-bibliographic-data-grant><publication-reference>"
        "<document-id><doc-number>07000001</doc-number><kind>B1</kind>"
        "</document-id></publication-reference></us-bibliographic-data-grant>"
        "<claims><claim><claim-text>A claim.</claim-text></claim></claims>"
        "</us-patent-grant>\n";
    size_t n = 70 * 1024, len = 0, round;
    char *doc = malloc(n + 512);

    ck_assert_ptr_nonnull(doc);
    for (round = 0; round < 2; round++) {
        ipl_reader *rd;
        ipl_record *rec;

        len = (size_t)sprintf(doc, "<?xml version=\"1.0\"?>\n<!DOCTYPE "
                              "us-patent-grant [ <!ENTITY a \"x>y\"> "
                              "<!-- ]> --> ]>\n");
        if (round == 1) {
            len += (size_t)sprintf(doc + len, "<!--");
            memset(doc + len, 'c', n);
            len += n;
            len += (size_t)sprintf(doc + len, "-->\n");
        }
        len += (size_t)sprintf(doc + len, "%s", grant);
        ck_assert_int_eq(ipl_parse_reader_new_memory(&rd, doc, len, NULL,
                                                     NULL, NULL), 0);
        ck_assert_int_eq(ipl_parse_reader_next(&rec, rd, NULL), 1);
        ck_assert_str_eq(ipl_record_number(rec, IPL_NUMBER_PUBLICATION),
                         "07000001");
        ck_assert_uint_eq(ipl_record_claims_count(rec), 1);
        ipl_record_free(rec);
        ck_assert_int_eq(ipl_parse_reader_next(&rec, rd, NULL), 0);
        ipl_parse_reader_free(rd);
    }
    free(doc);
}
END_TEST

/* ---- bulk files and sources ------------------------------------------ */

/* Three concatenated grants, the second broken: the error names it, its
 * byte offset and its line in the whole file, and the third is read. */
START_TEST(test_bulk_file_skips_a_bad_document)
{
    static const char doc[] =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE us-patent-grant SYSTEM \"x.dtd\" [ ]>\n"
        "<us-patent-grant><us-bibliographic-data-grant><publication-reference>"
        "<document-id><doc-number>00000001</doc-number></document-id>"
        "</publication-reference></us-bibliographic-data-grant>"
        "</us-patent-grant>\n"
        "<?xml version=\"1.0\"?>\n<us-patent-grant>\n<a>\n</b>\n"
        "</us-patent-grant>\n"
        "<?xml version=\"1.0\"?>\r\n<us-patent-grant><us-bibliographic-data-grant>"
        "<publication-reference><document-id><doc-number>00000003"
        "</doc-number></document-id></publication-reference>"
        "</us-bibliographic-data-grant></us-patent-grant>\r\n";
    const char *second = strstr(doc + 1, "<?xml");
    ipl_reader *rd;
    ipl_record *rec;
    ipl_parse_stats st;
    ipl_error err;
    char want[64];

    ck_assert_int_eq(ipl_parse_reader_new_memory(&rd, doc, sizeof doc - 1,
                                                 "ipg.xml", NULL, &err), 0);
    ck_assert_int_eq(ipl_parse_reader_next(&rec, rd, &err), 1);
    ck_assert_str_eq(ipl_record_number(rec, IPL_NUMBER_PUBLICATION), "00000001");
    ipl_record_free(rec);
    err = iplt_stale_error();
    iplt_assert_error(err, ipl_parse_reader_next(&rec, rd, &err), IPL_EPARSE,
                      "ipg.xml");
    snprintf(want, sizeof want, "document 2 (byte %d)", (int)(second - doc));
    ck_assert_msg(strstr(err.message, want) != NULL, "%s", err.message);
    ck_assert_int_eq(err.line, 7);       /* </b> is on line 7 of the file */
    ck_assert_int_gt(err.column, 0);
    ck_assert_int_eq(ipl_parse_reader_next(&rec, rd, &err), 1);
    ck_assert_str_eq(ipl_record_number(rec, IPL_NUMBER_PUBLICATION), "00000003");
    ipl_record_free(rec);
    ck_assert_int_eq(ipl_parse_reader_next(&rec, rd, &err), 0);
    ck_assert_int_eq(ipl_parse_reader_stats(&st, rd), IPL_OK);
    ck_assert_uint_eq(st.documents, 3);
    ck_assert_uint_eq(st.skipped, 1);
    ck_assert_uint_eq(st.records, 2);
    ipl_parse_reader_free(rd);
}
END_TEST

/* ---- the tree of a one-record document ------------------------------- */

/* A grant of a title, in a document of its own: after the XML
 * declaration comes prolog (a DOCTYPE, or ""). */
static size_t
grant_with_title(char *out, const char *prolog, const char *title_attrs,
                 const char *title)
{
    return (size_t)sprintf(out, "<?xml version=\"1.0\"?>\n%s<us-patent-grant>"
                           "<us-bibliographic-data-grant><invention-title%s>%s"
                           "</invention-title></us-bibliographic-data-grant>"
                           "</us-patent-grant>\n", prolog, title_attrs, title);
}

/* Pieces of generated titles: as written in XML and as parsed. */
static const struct {
    const char *xml, *text;
} pieces[] = {
    { "a", "a" }, { "Zq", "Zq" }, { "claim", "claim" }, { "7", "7" },
    { "\xc3\xa9", "\xc3\xa9" }, { "\xe6\x9d\x83", "\xe6\x9d\x83" },
    { " ", " " }, { " ", " " }, { "  ", "  " }, { "\t", "\t" },
    { "\n", "\n" }, { "\r\n", "\n" }, { "&#9;", "\t" }, { "&amp;", "&" },
    { "&lt;", "<" }, { "longerword", "longerword" },
};

/* The text a title should read: trimmed, every run of white space one
 * space; the reference the reader's 8-bytes-at-a-time folding is held
 * to. */
static void
fold(char *out, const char *in)
{
    size_t len = 0;
    int pending = 0;

    for (; *in != '\0'; in++) {
        if (strchr(" \t\n\r", *in) != NULL) {
            pending = len > 0;
            continue;
        }
        if (pending)
            out[len++] = ' ';
        pending = 0;
        out[len++] = *in;
    }
    out[len] = '\0';
}

/* Titles of random pieces (fixed seed), some short, some longer than
 * the reader's arena blocks: each reads as the reference folds it, in
 * a bulk file whose documents reuse one tree. */
START_TEST(test_titles_fold_as_the_reference)
{
    enum { DOCS = 400, LONG = 30000 };
    size_t cap = 16u << 20, len = 0, i, k, n;
    char *doc = malloc(cap), *title = malloc(cap / 8), *text = malloc(cap / 8);
    char *want = malloc(cap / 8);
    char **wants = calloc(DOCS, sizeof *wants);
    uint32_t seed = 20240917u;
    ipl_reader *rd;
    ipl_record *rec;
    ipl_error err;

    ck_assert(doc && title && text && want && wants);
    for (i = 0; i < DOCS; i++) {
        size_t tl = 0, xl = 0;
        n = i % 50 == 7 ? LONG : (seed >> 8) % 40;
        for (k = 0; k < n; k++) {
            seed = seed * 1664525u + 1013904223u;
            xl += (size_t)sprintf(title + xl, "%s", pieces[(seed >> 24) %
                                  (sizeof pieces / sizeof *pieces)].xml);
            tl += (size_t)sprintf(text + tl, "%s", pieces[(seed >> 24) %
                                  (sizeof pieces / sizeof *pieces)].text);
        }
        title[xl] = text[tl] = '\0';
        fold(want, text);
        wants[i] = strdup(want);
        ck_assert_uint_lt(len + xl + 256, cap);
        len += grant_with_title(doc + len, "", "", title);
    }
    ck_assert_int_eq(ipl_parse_reader_new_memory(&rd, doc, len, "titles.xml",
                                                 NULL, &err), 0);
    for (i = 0; i < DOCS; i++) {
        const char *got;
        ck_assert_int_eq(ipl_parse_reader_next(&rec, rd, &err), 1);
        got = ipl_record_title(rec, NULL);
        if (wants[i][0] == '\0')
            ck_assert_msg(got == NULL, "document %zu: \"%s\"", i, got);
        else
            ck_assert_msg(got != NULL && strcmp(got, wants[i]) == 0,
                          "document %zu: \"%.60s\", want \"%.60s\"", i,
                          got ? got : "(null)", wants[i]);
        ipl_record_free(rec);
        free(wants[i]);
    }
    ck_assert_int_eq(ipl_parse_reader_next(&rec, rd, &err), 0);
    ipl_parse_reader_free(rd);
    free(wants);
    free(want);
    free(text);
    free(title);
    free(doc);
}
END_TEST

/* The largest document first, then documents each larger than an arena
 * block whose text outgrows the first block later than the one before
 * (each has fewer attributes before it): the reader's memory follows
 * the largest document, so the blocks it holds do not grow in number
 * with the documents read after it. */
START_TEST(test_memory_does_not_grow_with_the_file)
{
    enum { DOCS = 24, BASE = 70000, STEP = 3000 };
    size_t cap = DOCS * (BASE + DOCS * STEP + 512), len = 0, i, k, live = 0;
    char *doc = malloc(cap), *title = malloc(BASE + DOCS * STEP + 1);
    char attrs[DOCS * 16];
    ipl_reader *rd;
    ipl_record *rec;
    ipl_error err;

    ck_assert(doc && title);
    for (i = 0; i < DOCS; i++) {
        size_t n = BASE + (i == 0 ? DOCS : i) * STEP, a = 0;
        memset(title, 'w', n);
        title[n] = '\0';
        for (k = i; k < DOCS; k++)
            a += (size_t)sprintf(attrs + a, " a%zu=\"x\"", k);
        attrs[a] = '\0';
        len += grant_with_title(doc + len, "", attrs, title);
    }
    ck_assert_int_eq(ipl_parse_reader_new_memory(&rd, doc, len, "grow.xml",
                                                 NULL, &err), 0);
    for (i = 0; i < DOCS; i++) {
        ck_assert_int_eq(ipl_parse_reader_next(&rec, rd, &err), 1);
        ck_assert_uint_eq(strlen(ipl_record_title(rec, NULL)),
                          BASE + (i == 0 ? DOCS : i) * STEP);
        ipl_record_free(rec);
        if (i == 0)
            live = iplt_alloc_live();
        else
            ck_assert_uint_eq(iplt_alloc_live(), live);
    }
    ipl_parse_reader_free(rd);
    free(title);
    free(doc);
}
END_TEST

/* Attribute values are read as libxml2 reads them: references to
 * characters and predefined entities give text, and a reference to any
 * other entity fails the document when a rule reads the attribute. */
START_TEST(test_attribute_references)
{
    char doc[1024];
    const char *lang;
    ipl_reader *rd;
    ipl_record *rec;
    ipl_error err;
    size_t len = grant_with_title(doc, "", " lang=\"e&#110;&amp;&#x26;\"",
                                  "T");

    len += grant_with_title(doc + len, "<!DOCTYPE us-patent-grant "
                            "[ <!ENTITY co \"en\"> ]>\n", " lang=\"&co;\"",
                            "U");
    ck_assert_int_eq(ipl_parse_reader_new_memory(&rd, doc, len, "attr.xml",
                                                 NULL, &err), 0);
    ck_assert_int_eq(ipl_parse_reader_next(&rec, rd, &err), 1);
    lang = ipl_record_row(rec, IPL_LIST_TITLES, 0)->lang;
    ck_assert_str_eq(lang, "en&&");
    ipl_record_free(rec);
    iplt_assert_error(err, ipl_parse_reader_next(&rec, rd, &err), IPL_EPARSE,
                      "attr.xml");
    ck_assert_msg(strstr(err.message, "&co;") != NULL, "%s", err.message);
    ck_assert_int_eq(ipl_parse_reader_next(&rec, rd, &err), 0);
    ipl_parse_reader_free(rd);
}
END_TEST

typedef struct chunks {
    const char *data;
    size_t size, pos, step;
} chunks;

/* A read callback that hands out a few bytes at a time, so that every
 * document boundary falls across reads somewhere. */
static long
read_chunks(void *ctx, char *buf, size_t size)
{
    chunks *c = ctx;
    size_t n = c->size - c->pos;

    if (n > c->step)
        n = c->step;
    if (n > size)
        n = size;
    memcpy(buf, c->data + c->pos, n);
    c->pos += n;
    return (long)n;
}

static long
read_fails(void *ctx, char *buf, size_t size)
{
    (void)ctx;
    (void)buf;
    (void)size;
    return -1;
}

static size_t
publication_numbers(ipl_reader *rd, char *out, size_t size)
{
    ipl_record *rec;
    size_t n = 0, len = 0;
    int rc;

    out[0] = '\0';
    while ((rc = ipl_parse_reader_next(&rec, rd, NULL)) != 0) {
        ck_assert_int_eq(rc, 1);
        len += (size_t)snprintf(out + len, size - len, "%s,",
                                ipl_record_number(rec, IPL_NUMBER_PUBLICATION));
        ipl_record_free(rec);
        n++;
    }
    ipl_parse_reader_free(rd);
    return n;
}

START_TEST(test_sources_agree)
{
    static const size_t steps[] = { 1, 7, 4096, 1 << 20 };
    char path[4096], from_file[2048], got[2048];
    size_t size, i;
    char *data = slurp_shared("uspto-grant/ipgb20230404-bulk-subset-3docs.xml",
                              &size);
    ipl_reader *rd;

    shared_path(path, sizeof path,
                "uspto-grant/ipgb20230404-bulk-subset-3docs.xml");
    ck_assert_int_eq(ipl_parse_reader_new_file(&rd, path, NULL, NULL), 0);
    ck_assert_uint_eq(publication_numbers(rd, from_file, sizeof from_file), 3);
    ck_assert_str_eq(from_file, "D0982278,D0982279,11617590,");
    ck_assert_int_eq(ipl_parse_reader_new_memory(&rd, data, size, NULL, NULL,
                                                 NULL), 0);
    ck_assert_uint_eq(publication_numbers(rd, got, sizeof got), 3);
    ck_assert_str_eq(got, from_file);
    for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        chunks c;
        c.data = data;
        c.size = size;
        c.pos = 0;
        c.step = steps[i];
        ck_assert_int_eq(ipl_parse_reader_new_callback(&rd, read_chunks, &c,
                                                       NULL, NULL, NULL), 0);
        ck_assert_uint_eq(publication_numbers(rd, got, sizeof got), 3);
        ck_assert_str_eq(got, from_file);
    }
    free(data);
}
END_TEST

START_TEST(test_read_error)
{
    ipl_reader *rd;
    ipl_record *rec;
    ipl_error err;
    int rc;

    ck_assert_int_eq(ipl_parse_reader_new_callback(&rd, read_fails, NULL,
                                                   "pipe", NULL, &err), 0);
    err = iplt_stale_error();
    rc = ipl_parse_reader_next(&rec, rd, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "pipe");
    ck_assert_int_eq(ipl_parse_reader_next(&rec, rd, &err), 0);
    ipl_parse_reader_free(rd);
}
END_TEST

/* A TDXF daily file: one document, thousands of case files, one at a
 * time; the library's own memory does not grow with their number. */
START_TEST(test_tdxf_streams_case_files)
{
    enum { N = 3000 };
    size_t cap = 200 + (size_t)N * 200, len, i, live_max = 0;
    char *doc = malloc(cap);
    ipl_reader *rd;
    ipl_record *rec;
    int rc;

    ck_assert_ptr_nonnull(doc);
    len = (size_t)snprintf(doc, cap, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                           "<trademark-applications-daily><application-information>"
                           "<file-segments><action-keys>");
    for (i = 0; i < N; i++)
        len += (size_t)snprintf(doc + len, cap - len, "<case-file><serial-number>"
                                "%08zu</serial-number><registration-number>0000000"
                                "</registration-number><case-file-header>"
                                "<filing-date>20240925</filing-date>"
                                "</case-file-header></case-file>\n",
                                (size_t)86000000 + i);
    len += (size_t)snprintf(doc + len, cap - len, "</action-keys></file-segments>"
                            "</application-information></trademark-applications-daily>\n");
    ck_assert_int_eq(ipl_parse_reader_new_memory(&rd, doc, len, NULL, NULL,
                                                 NULL), 0);
    for (i = 0; (rc = ipl_parse_reader_next(&rec, rd, NULL)) == 1; i++) {
        char want[16];
        snprintf(want, sizeof want, "%08zu", (size_t)86000000 + i);
        ck_assert_str_eq(ipl_record_number(rec, IPL_NUMBER_APPLICATION), want);
        ck_assert_ptr_null(ipl_record_number(rec, IPL_NUMBER_REGISTRATION));
        if (iplt_alloc_live() > live_max)
            live_max = iplt_alloc_live();
        ipl_record_free(rec);
    }
    ck_assert_int_eq(rc, 0);
    ck_assert_uint_eq(i, N);
    ck_assert_uint_le(live_max, 8);    /* reader, name, scratch, one record */
    ipl_parse_reader_free(rd);
    free(doc);
}
END_TEST

/* ---- allocation failures --------------------------------------------- */

typedef struct whole_file {
    const char *data;
    size_t size;
} whole_file;

static int
read_all(void *ctx)
{
    const whole_file *w = ctx;
    ipl_reader *rd;
    ipl_record *rec;
    int rc;

    if ((rc = ipl_parse_reader_new_memory(&rd, w->data, w->size, "oom.xml",
                                          NULL, NULL)) < 0)
        return rc;
    while ((rc = ipl_parse_reader_next(&rec, rd, NULL)) == 1)
        ipl_record_free(rec);
    ipl_parse_reader_free(rd);
    return rc;
}

static int
open_file(void *ctx)
{
    ipl_reader *rd;
    int rc = ipl_parse_reader_new_file(&rd, ctx, NULL, NULL);

    if (rc == IPL_OK)
        ipl_parse_reader_free(rd);
    return rc;
}

START_TEST(test_allocation_failures)
{
    static const char *const files[] = {
        "uspto-grant/US08930553-v45-2014.xml",
        "epo/EP3383757B1-v1-5-1.xml",
        "st66/euipo-EUTM018229602-registered-word-11classes.xml",
        "uspto-tm/tdxf-case-file-85017257-cancelled.xml",
    };
    char path[4096];
    whole_file w;
    size_t i;

    for (i = 0; i < sizeof files / sizeof files[0]; i++) {
        char *data = slurp_shared(files[i], &w.size);
        w.data = data;
        ck_assert_uint_gt(iplt_oom_check(read_all, &w), 3);
        free(data);
    }
    shared_path(path, sizeof path, files[0]);
    ck_assert_uint_eq(iplt_oom_check(open_file, path), 3);
}
END_TEST

/* ---- hostile input --------------------------------------------------- */

/* Reads a whole input; returns how many documents failed, and checks
 * that each failure is an error with a message, never a crash. */
static size_t
failures(const char *data, size_t size)
{
    ipl_reader *rd;
    ipl_record *rec;
    ipl_error err;
    size_t bad = 0;
    int rc;

    ck_assert_int_eq(ipl_parse_reader_new_memory(&rd, data, size, "hostile.xml",
                                                 NULL, &err), 0);
    while ((rc = ipl_parse_reader_next(&rec, rd, &err)) != 0) {
        if (rc == 1) {
            ipl_record_free(rec);
            continue;
        }
        ck_assert_int_eq(rc, IPL_EPARSE);
        ck_assert_str_eq(err.where, "hostile.xml");
        ck_assert_msg(err.message[0] != '\0', "empty message");
        bad++;
    }
    ipl_parse_reader_free(rd);
    return bad;
}

START_TEST(test_billion_laughs)
{
    static const char doc[] =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE us-patent-grant [\n"
        " <!ENTITY lol \"lol\">\n"
        " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
        " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
        " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
        " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
        " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
        " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
        " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
        " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
        "]>\n<us-patent-grant><us-bibliographic-data-grant><invention-title>"
        "&lol9;</invention-title></us-bibliographic-data-grant></us-patent-grant>\n";

    ck_assert_uint_eq(failures(doc, sizeof doc - 1), 1);
}
END_TEST

/* An entity naming a local file is neither loaded nor expanded: the
 * reference fails the document, and the file's text is nowhere. */
START_TEST(test_external_entity_to_a_local_file)
{
    char secret[] = "/tmp/ipledge-secret-XXXXXX", doc[1024];
    ipl_reader *rd;
    ipl_record *rec;
    ipl_error err;
    int fd = mkstemp(secret);

    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, "TOPSECRET", 9), 9);
    close(fd);
    snprintf(doc, sizeof doc, "<?xml version=\"1.0\"?>\n"
             "<!DOCTYPE case-file [ <!ENTITY xxe SYSTEM \"file://%s\"> ]>\n"
             "<case-file><case-file-header><mark-identification>&xxe;"
             "</mark-identification></case-file-header></case-file>\n", secret);
    ck_assert_int_eq(ipl_parse_reader_new_memory(&rd, doc, strlen(doc), NULL,
                                                 NULL, &err), 0);
    iplt_assert_error(err, ipl_parse_reader_next(&rec, rd, &err), IPL_EPARSE,
                      "memory");
    ck_assert_ptr_nonnull(strstr(err.message, "&xxe;"));
    ck_assert_ptr_null(strstr(err.message, "TOPSECRET"));
    ck_assert_int_eq(err.line, 3);
    ipl_parse_reader_free(rd);
    unlink(secret);
}
END_TEST

/* An external DTD (and an entity it would define) over HTTP, pointing at
 * a socket of ours: nothing connects, and the unknown entity fails. */
START_TEST(test_external_dtd_over_http)
{
    struct sockaddr_in addr;
    socklen_t alen = sizeof addr;
    char doc[512];
    int s = socket(AF_INET, SOCK_STREAM, 0), c;

    ck_assert_int_ge(s, 0);
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ck_assert_int_eq(bind(s, (struct sockaddr *)&addr, sizeof addr), 0);
    ck_assert_int_eq(listen(s, 4), 0);
    ck_assert_int_eq(getsockname(s, (struct sockaddr *)&addr, &alen), 0);
    snprintf(doc, sizeof doc, "<?xml version=\"1.0\"?>\n"
             "<!DOCTYPE us-patent-grant SYSTEM \"http://127.0.0.1:%d/evil.dtd\">\n"
             "<us-patent-grant><us-bibliographic-data-grant><invention-title>"
             "&evil;</invention-title></us-bibliographic-data-grant>"
             "</us-patent-grant>\n", ntohs(addr.sin_port));
    ck_assert_uint_eq(failures(doc, strlen(doc)), 1);
    ck_assert_int_eq(fcntl(s, F_SETFL, O_NONBLOCK), 0);
    c = accept(s, NULL, NULL);
    ck_assert_msg(c < 0 && (errno == EAGAIN || errno == EWOULDBLOCK),
                  "the parser connected to the DTD's server");
    close(s);
}
END_TEST

/* A sample cut at every 1 KB: each cut is an error, unless it falls
 * after the end of the root element. */
START_TEST(test_truncation_every_kilobyte)
{
    size_t size, cut, cuts = 0;
    char *data = slurp_shared("uspto-grant/US08930553-v45-2014.xml", &size);
    const char *end = strstr(data, "</us-patent-grant>");

    ck_assert_ptr_nonnull(end);
    for (cut = 1024; cut < size; cut += 1024) {
        size_t want = cut < (size_t)(end - data) + 18 ? 1 : 0;
        ck_assert_msg(failures(data, cut) == want, "cut at %zu", cut);
        cuts++;
    }
    ck_assert_uint_ge(cuts, 39);
    free(data);
}
END_TEST

START_TEST(test_deep_nesting)
{
    enum { DEPTH = 5000 };
    size_t len = 0, i;
    char *doc = malloc(DEPTH * 8 + 64);

    ck_assert_ptr_nonnull(doc);
    len += (size_t)sprintf(doc, "<us-patent-grant>");
    for (i = 0; i < DEPTH; i++)
        len += (size_t)sprintf(doc + len, "<a>");
    for (i = 0; i < DEPTH; i++)
        len += (size_t)sprintf(doc + len, "</a>");
    len += (size_t)sprintf(doc + len, "</us-patent-grant>");
    ck_assert_uint_eq(failures(doc, len), 1);
    free(doc);
}
END_TEST

START_TEST(test_huge_attribute)
{
    size_t n = 11u << 20, len;
    char *doc = malloc(n + 128);

    ck_assert_ptr_nonnull(doc);
    len = (size_t)sprintf(doc, "<us-patent-grant file=\"");
    memset(doc + len, 'x', n);
    len += n;
    len += (size_t)sprintf(doc + len, "\"/>");
    ck_assert_uint_eq(failures(doc, len), 1);
    free(doc);
}
END_TEST

/* Text over libxml2's 10 MB limit for a text node fails the document,
 * as libxml2's own tree builder would have it; text at the limit is
 * read. */
START_TEST(test_huge_text)
{
    size_t n, len;
    char *doc = malloc(10000001 + 256);
    ipl_reader *rd;
    ipl_record *rec;

    ck_assert_ptr_nonnull(doc);
    for (n = 10000000; n <= 10000001; n++) {
        len = (size_t)sprintf(doc, "<us-patent-grant><us-bibliographic-"
                              "data-grant><invention-title>");
        memset(doc + len, 'x', n);
        len += n;
        len += (size_t)sprintf(doc + len, "</invention-title></us-"
                               "bibliographic-data-grant></us-patent-grant>");
        if (n > 10000000) {
            ck_assert_uint_eq(failures(doc, len), 1);
            continue;
        }
        ck_assert_int_eq(ipl_parse_reader_new_memory(&rd, doc, len, NULL, NULL,
                                                     NULL), 0);
        ck_assert_int_eq(ipl_parse_reader_next(&rec, rd, NULL), 1);
        ck_assert_uint_eq(strlen(ipl_record_title(rec, NULL)), n);
        ipl_record_free(rec);
        ipl_parse_reader_free(rd);
    }
    free(doc);
}
END_TEST

START_TEST(test_invalid_utf8)
{
    static const char doc[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<case-file><case-file-header>"
        "<mark-identification>BAD \xff\xfe BYTES</mark-identification>"
        "</case-file-header></case-file>\n";

    ck_assert_uint_eq(failures(doc, sizeof doc - 1), 1);
}
END_TEST

/* An internal entity that is harmless is refused all the same: records
 * use character references and the five predefined entities only. */
START_TEST(test_custom_entity_refused)
{
    static const char doc[] =
        "<!DOCTYPE case-file [ <!ENTITY co \"Company\"> ]>\n"
        "<case-file><serial-number>7800&#x30;001</serial-number>"
        "<case-file-header><mark-identification>A &amp; B &co;"
        "</mark-identification></case-file-header></case-file>";
    static const char fine[] =
        "<case-file><serial-number>7800&#x30;001</serial-number>"
        "<case-file-header><mark-identification>A &amp; B &lt;C&gt;"
        "</mark-identification></case-file-header></case-file>";
    ipl_reader *rd;
    ipl_record *rec;

    ck_assert_uint_eq(failures(doc, sizeof doc - 1), 1);
    ck_assert_int_eq(ipl_parse_reader_new_memory(&rd, fine, sizeof fine - 1,
                                                 NULL, NULL, NULL), 0);
    ck_assert_int_eq(ipl_parse_reader_next(&rec, rd, NULL), 1);
    ck_assert_str_eq(ipl_record_number(rec, IPL_NUMBER_APPLICATION), "78000001");
    ck_assert_str_eq(ipl_record_title(rec, NULL), "A & B <C>");
    ipl_record_free(rec);
    ipl_parse_reader_free(rd);
}
END_TEST

/* An entity referred to 20,000 times where no rule reads (in the
 * description, which is not built): the document is read. libxml2 keeps
 * the entity's text as its own builder made it, so it is parsed once;
 * a reader whose callbacks dropped it had it parsed at every reference
 * (60 KB x 20,000 here: about a second, against milliseconds). */
START_TEST(test_entity_parsed_once)
{
    enum { ENTITY = 60000, REFS = 20000 };
    char *doc = malloc(ENTITY + REFS * 3 + 512);
    size_t len, i;
    ipl_reader *rd;
    ipl_record *rec;

    ck_assert_ptr_nonnull(doc);
    len = (size_t)sprintf(doc, "<?xml version=\"1.0\"?>\n<!DOCTYPE "
                          "us-patent-grant [ <!ENTITY e \"");
    memset(doc + len, 'x', ENTITY);
    len += ENTITY;
    len += (size_t)sprintf(doc + len, "\"> ]>\n<us-patent-grant>"
                           "<us-bibliographic-data-grant><invention-title>T"
                           "</invention-title></us-bibliographic-data-grant>"
                           "<description>");
    for (i = 0; i < REFS; i++)
        len += (size_t)sprintf(doc + len, "&e;");
    len += (size_t)sprintf(doc + len, "</description></us-patent-grant>\n");
    ck_assert_int_eq(ipl_parse_reader_new_memory(&rd, doc, len, NULL, NULL,
                                                 NULL), 0);
    ck_assert_int_eq(ipl_parse_reader_next(&rec, rd, NULL), 1);
    ck_assert_str_eq(ipl_record_title(rec, NULL), "T");
    ipl_record_free(rec);
    ipl_parse_reader_free(rd);
    free(doc);
}
END_TEST

static Suite *
parse_suite(void)
{
    Suite *s = suite_create("parse");
    TCase *tc = tcase_create("samples");

    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_every_sample_file);
    tcase_add_test(tc, test_independent_claims_of_samples);
    tcase_add_test(tc, test_canonical_numbers);
    tcase_add_test(tc, test_families_and_events);
    suite_add_tcase(s, tc);

    tc = tcase_create("reader");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_detect_by_namespace_not_prefix);
    tcase_add_test(tc, test_format_names);
    tcase_add_test(tc, test_options);
    tcase_add_test(tc, test_named_format);
    tcase_add_test(tc, test_root_far_into_the_document);
    tcase_add_test(tc, test_bulk_file_skips_a_bad_document);
    tcase_add_test(tc, test_titles_fold_as_the_reference);
    tcase_add_test(tc, test_attribute_references);
    tcase_add_test(tc, test_memory_does_not_grow_with_the_file);
    tcase_add_test(tc, test_sources_agree);
    tcase_add_test(tc, test_read_error);
    tcase_add_test(tc, test_tdxf_streams_case_files);
    tcase_add_test(tc, test_allocation_failures);
    suite_add_tcase(s, tc);

    tc = tcase_create("hostile");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_billion_laughs);
    tcase_add_test(tc, test_external_entity_to_a_local_file);
    tcase_add_test(tc, test_external_dtd_over_http);
    tcase_add_test(tc, test_truncation_every_kilobyte);
    tcase_add_test(tc, test_deep_nesting);
    tcase_add_test(tc, test_huge_attribute);
    tcase_add_test(tc, test_huge_text);
    tcase_add_test(tc, test_invalid_utf8);
    tcase_add_test(tc, test_custom_entity_refused);
    tcase_add_test(tc, test_entity_parsed_once);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    int rc;

    iplt_oom_install();
    if (ipl_init() < 0)
        return EXIT_FAILURE;
    rc = iplt_run(parse_suite());
    ipl_shutdown();
    return rc;
}
