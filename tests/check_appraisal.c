/* The appraisal chain and its reports, through the library: the example
 * cases of examples/cases/ with the figures their hand checks give (the
 * derivations are in each case file's comment and in
 * tests/check_appraise_cli.sh), errors named by stage and line, the
 * string convenience against the sink, a valuation's report, the
 * emitter's escaping and
 * numbers, and allocation failures. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "ipledge.h"
#include "emit_internal.h"

static const char *
case_path(const char *name)
{
    static char path[1024];
    const char *dir = getenv("IPL_SRCDIR");

    snprintf(path, sizeof path, "%s/examples/cases/%s", dir != NULL ? dir : "..", name);
    return path;
}

/* The case file with `from` replaced by `to` (once), loaded as if it
 * were beside the original, so its relative paths still resolve. */
static ipl_case *
edited_case(const char *name, const char *from, const char *to)
{
    static char text[65536], edited[65536];
    FILE *f = fopen(case_path(name), "rb");
    size_t n;
    char *at;
    ipl_case *c = NULL;
    ipl_error err;

    ck_assert_ptr_nonnull(f);
    n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    at = strstr(text, from);
    ck_assert_ptr_nonnull(at);
    snprintf(edited, sizeof edited, "%.*s%s%s", (int)(at - text), text, to,
             at + strlen(from));
    ck_assert_int_eq(ipl_case_load_memory(&c, edited, strlen(edited), case_path("edited.xml"),
                                          &err), IPL_OK);
    return c;
}

static ipl_appraisal *
appraise(ipl_case **c, const char *name)
{
    ipl_appraisal *a = NULL;
    ipl_error err;

    ck_assert_int_eq(ipl_case_load_file(c, case_path(name), &err), IPL_OK);
    if (ipl_appraisal_new(&a, *c, NULL, &err) != IPL_OK)
        ck_abort_msg("%s: %s: %s", name, err.where, err.message);
    return a;
}

/* Dongguan: 2,000,000 x 0.25 x (1 - 1.10^-5) / 0.10 = 1,895,393.38; 25 %
 * of it, rounded down, 473,848.34; the 450,000.00 asked lent in full;
 * PMT(3.65 %/12, 12, 450,000) = 38,245.53, the last 38,245.57; interest
 * 8,946.40; half the 20,000.00 appraisal fee subsidised. */
START_TEST(test_dongguan)
{
    ipl_case *c;
    ipl_appraisal *a = appraise(&c, "dongguan-invention.xml");
    const ipl_appraisal_right *r = ipl_appraisal_right_get(a, 0);
    const ipl_loan_schedule *s = ipl_appraisal_loan(a);
    const ipl_appraisal_subsidy *sub;

    ck_assert_uint_eq(ipl_appraisal_right_count(a), 1);
    ck_assert_str_eq(r->in->number, "CN201510481495.9");
    ck_assert_int_eq(r->value.minor, 189539338);
    ck_assert_str_eq(r->value.currency, "CNY");
    ck_assert_str_eq(r->p5.currency, "");
    ck_assert_ptr_null(ipl_appraisal_montecarlo(a, 0));
    ck_assert_uint_eq(ipl_appraisal_value_count(a, 0), 1);
    ck_assert(ipl_appraisal_value_at(a, 0, 1) == NULL);
    ck_assert(iplt_same_double(ipl_value_total(ipl_appraisal_value_at(a, 0, 0)),
                               r->model_value));
    ck_assert_ptr_nonnull(strstr(r->valuation_path, "dongguan-invention-value.xml"));
    ck_assert_int_eq(ipl_appraisal_eligible(a), 1);
    ck_assert(iplt_same_double(ipl_pledge_trace(ipl_appraisal_pledge(a), 0)->after, 0.25));
    ck_assert_int_eq(ipl_pledge_collateral(ipl_appraisal_pledge(a))->minor, 47384834);
    ck_assert_str_eq(ipl_policy_name(ipl_appraisal_policy(a)), "dongguan");
    ck_assert_str_eq(ipl_appraisal_policy_path(a), "");
    ck_assert_int_eq(ipl_appraisal_loan_terms(a)->principal.minor, 45000000);
    ck_assert_int_eq(ipl_appraisal_loan_terms(a)->rounding, IPL_ROUND_HALF_UP);
    ck_assert_uint_eq(ipl_loan_schedule_count(s), 12);
    ck_assert_int_eq(ipl_loan_schedule_row(s, 0)->payment.minor, 3824553);
    ck_assert_int_eq(ipl_loan_schedule_row(s, 11)->payment.minor, 3824557);
    ck_assert_int_eq(ipl_loan_schedule_row(s, 11)->interest.minor, 11598);
    ck_assert_int_eq(ipl_loan_schedule_totals(s)->interest.minor, 894640);
    ck_assert_uint_eq(ipl_appraisal_subsidy_count(a), 1);
    sub = ipl_appraisal_subsidy_get(a, 0);
    ck_assert_str_eq(sub->name, "appraisal-fee");
    ck_assert_str_eq(sub->source, "dongguan");
    ck_assert_int_eq(ipl_subsidy_schedule_totals(sub->schedule)->paid.minor, 1000000);
    ck_assert(ipl_appraisal_subsidy_get(a, 1) == NULL);
    ck_assert_ptr_null(ipl_appraisal_compensation(a));
    ck_assert_ptr_null(ipl_appraisal_regime(a, NULL));
    ck_assert_ptr_null(ipl_appraisal_outstanding(a));
    ck_assert(ipl_appraisal_case(a) == c);
    ck_assert(ipl_appraisal_right_get(a, 1) == NULL);
    ck_assert(ipl_appraisal_assumptions(a, 0) != NULL && ipl_appraisal_assumptions(a, 1) == NULL);
    ipl_appraisal_free(a);
    ipl_case_free(c);
}
END_TEST

/* The record is looked for beside the case, then in the directories
 * given; found nowhere, the appraiser's facts are used and a note says
 * so. */
START_TEST(test_record_directories)
{
    const char *shared = getenv("IPL_SHARED_DATA");
    char dir[1024];
    const char *dirs[2] = { "/nonexistent", dir };
    ipl_appraisal_options opts;
    ipl_appraisal *a;
    const ipl_appraisal_right *r;
    ipl_case *c;
    ipl_error err;

    a = appraise(&c, "dongguan-invention.xml");
    r = ipl_appraisal_right_get(a, 0);
    ck_assert_ptr_null(r->record);
    ck_assert_str_eq(r->record_path, "");
    ck_assert_int_eq(r->expiry_from, IPL_APPRAISAL_FROM_CASE);
    ck_assert_int_eq(r->expiry.year, 2035);
    ck_assert_uint_ge(ipl_appraisal_note_count(a), 1);
    ck_assert_ptr_nonnull(strstr(ipl_appraisal_note(a, 0), "record cnipa/CN115212463A-new-sipo-"
                                 "business-with-doctype.xml not found"));
    ck_assert(ipl_appraisal_note(a, ipl_appraisal_note_count(a)) == NULL);
    ipl_appraisal_free(a);
    if (shared == NULL || shared[0] == '\0') {
        ipl_case_free(c);
        return;
    }
    snprintf(dir, sizeof dir, "%s/records", shared);
    ck_assert_int_eq(ipl_appraisal_options_init(&opts, IPL_APPRAISAL_OPTIONS_VERSION), IPL_OK);
    opts.record_dirs = dirs;
    opts.n_record_dirs = 2;
    ck_assert_int_eq(ipl_appraisal_new(&a, c, &opts, &err), IPL_OK);
    r = ipl_appraisal_right_get(a, 0);
    ck_assert_ptr_nonnull(r->record);
    ck_assert_str_eq(ipl_record_format_name(r->record), "cnipa-new");
    ck_assert_ptr_nonnull(strstr(r->record_path, "records/cnipa/CN115212463A"));
    /* the record's facts do not change the value, only the dates */
    ck_assert_int_eq(r->value.minor, 189539338);
    ck_assert_int_eq(ipl_pledge_collateral(ipl_appraisal_pledge(a))->minor, 47384834);
    ipl_appraisal_free(a);
    ipl_case_free(c);
}
END_TEST

/* Xianning "4321": the bundle's collateral 640,384.87; 300,000.00 unpaid
 * at NPL and a loss of 132,000.00 shared 40/30/20/10. */
START_TEST(test_xianning_bundle)
{
    static const int64_t finals[] = { 5280000, 3960000, 2640000, 1320000 };
    ipl_case *c;
    ipl_appraisal *a = appraise(&c, "xianning-bundle.xml");
    const ipl_compensation *comp = ipl_appraisal_compensation(a);
    const char *source = NULL;
    size_t i;

    ck_assert_uint_eq(ipl_appraisal_right_count(a), 2);
    ck_assert_int_eq(ipl_appraisal_right_get(a, 0)->value.minor, 148010664);
    ck_assert_int_eq(ipl_appraisal_right_get(a, 1)->value.minor, 54071643);
    ck_assert_int_eq(ipl_pledge_collateral(ipl_appraisal_pledge(a))->minor, 64038487);
    ck_assert_int_eq(ipl_appraisal_loan_terms(a)->principal.minor, 60000000);
    ck_assert_ptr_nonnull(comp);
    ck_assert_int_eq(ipl_appraisal_outstanding(a)->minor, 30000000);
    ck_assert_int_eq(ipl_compensation_statement_get(comp)->loss.minor, 13200000);
    ck_assert_uint_eq(ipl_compensation_share_count(comp), 4);
    for (i = 0; i < 4; i++)
        ck_assert_int_eq(ipl_compensation_share_get(comp, i)->final.minor, finals[i]);
    ck_assert_ptr_nonnull(ipl_appraisal_regime(a, &source));
    ck_assert_ptr_nonnull(source);
    ipl_appraisal_free(a);
    ipl_case_free(c);
}
END_TEST

/* US patent: 40 % of the simulated P5, rounded down to the cent, caps
 * the 500,000.00 asked; 4,000 paths in 12 bins. */
START_TEST(test_us_patent_simulated)
{
    ipl_case *c;
    ipl_appraisal *a = appraise(&c, "us-patent.xml");
    const ipl_appraisal_right *r = ipl_appraisal_right_get(a, 0);
    const ipl_montecarlo *mc = ipl_appraisal_montecarlo(a, 0);
    const ipl_loan_schedule *s = ipl_appraisal_loan(a);
    int64_t cap = r->p5.minor * 40 / 100, sum = 0;
    size_t i;

    ck_assert_ptr_nonnull(mc);
    ck_assert_uint_eq(ipl_montecarlo_paths(mc), 4000);
    ck_assert_uint_eq(ipl_montecarlo_bin_count(mc), 12);
    ck_assert_str_eq(r->p5.currency, "USD");
    ck_assert_int_lt(r->p5.minor, r->value.minor);
    ck_assert(r->cv > 0 && r->cv < 1);
    ck_assert_int_eq(ipl_pledge_max_loan(ipl_appraisal_pledge(a))->minor, cap);
    ck_assert_int_eq(ipl_appraisal_loan_terms(a)->principal.minor, cap);
    ck_assert_str_ne(ipl_appraisal_policy_path(a), "");
    ck_assert_uint_eq(ipl_loan_schedule_count(s), 16);
    for (i = 0; i < 16; i++)
        sum += ipl_loan_schedule_row(s, i)->principal.minor;
    ck_assert_int_eq(sum, cap);
    ipl_appraisal_free(a);
    ipl_case_free(c);
}
END_TEST

/* Henan: 250,000.04 unpaid at NPL; the fund prepays 150,000.02 and is
 * paid back 147,000.00 at settlement. */
START_TEST(test_henan_default)
{
    ipl_case *c;
    ipl_appraisal *a = appraise(&c, "henan-default.xml");
    const ipl_compensation *comp = ipl_appraisal_compensation(a);
    int prepay = 0, claw = 0;
    size_t i;

    ck_assert_int_eq(ipl_pledge_max_loan(ipl_appraisal_pledge(a))->minor, 50014933);
    ck_assert_uint_eq(ipl_loan_schedule_count(ipl_appraisal_loan(a)), 24);
    ck_assert_int_eq(ipl_appraisal_outstanding(a)->minor, 25000004);
    for (i = 0; i < ipl_compensation_flow_count(comp); i++) {
        const ipl_compensation_flow *f = ipl_compensation_flow_get(comp, i);

        prepay += f->kind == IPL_COMPENSATION_PREPAY && f->amount.minor == 15000002;
        claw += f->kind == IPL_COMPENSATION_CLAWBACK && f->amount.minor == -14700000;
    }
    ck_assert_int_eq(prepay, 1);
    ck_assert_int_eq(claw, 1);
    ipl_appraisal_free(a);
    ipl_case_free(c);
}
END_TEST

/* Four years asked where the policy lends for at most three: a result
 * with the refusal, no loan. */
START_TEST(test_ineligible_is_a_result)
{
    ipl_case *c = edited_case("dongguan-invention.xml", "months=\"12\"", "months=\"48\"");
    ipl_appraisal *a = NULL;
    ipl_error err;
    char *text = NULL;
    size_t len = 0;

    ck_assert_int_eq(ipl_appraisal_new(&a, c, NULL, &err), IPL_OK);
    ck_assert_int_eq(ipl_appraisal_eligible(a), 0);
    ck_assert_uint_ge(ipl_pledge_failure_count(ipl_appraisal_pledge(a)), 1);
    ck_assert_ptr_null(ipl_appraisal_loan(a));
    ck_assert_ptr_null(ipl_appraisal_loan_terms(a));
    ck_assert_uint_eq(ipl_appraisal_subsidy_count(a), 0);
    ck_assert_int_eq(ipl_report_appraisal_string(&text, &len, a, IPL_REPORT_JSON, &err),
                     IPL_OK);
    ck_assert_ptr_nonnull(strstr(text, "\"eligible\": false"));
    ck_assert_ptr_nonnull(strstr(text, "\"loan\": null"));
    ipl_report_string_free(text);
    ck_assert_int_eq(ipl_report_appraisal_string(&text, &len, a, IPL_REPORT_TEXT, &err),
                     IPL_OK);
    ck_assert_ptr_nonnull(strstr(text, "eligible           NO"));
    ipl_report_string_free(text);
    ipl_appraisal_free(a);
    ipl_case_free(c);
}
END_TEST

/* Writes text into a file under the build directory; returns its path
 * (the caller removes the file). */
static const char *
scratch(const char *name, const char *text)
{
    static char path[1024];
    const char *dir = getenv("IPL_BUILDDIR");
    FILE *f;

    snprintf(path, sizeof path, "%s/tests/appraisal-%s", dir != NULL ? dir : ".", name);
    f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    return path;
}

/* A valuation document the schema refuses: the error names the right,
 * the document and its line. */
START_TEST(test_bad_valuation_is_located)
{
    const char *doc = scratch("bad-value.xml",
        "<?xml version=\"1.0\"?>\n"
        "<valuation xmlns=\"urn:ipledge:valuation:1\" currency=\"CNY\">\n"
        "  <income method=\"split\">\n"
        "    <base kind=\"profit\" first=\"lots\"/>\n"
        "  </income>\n"
        "</valuation>\n");
    char attr[1200];
    ipl_case *c;
    ipl_appraisal *a = NULL;
    ipl_error err = iplt_stale_error();
    int rc;

    snprintf(attr, sizeof attr, "valuation=\"%s\"", doc);
    c = edited_case("dongguan-invention.xml", "valuation=\"dongguan-invention-value.xml\"",
                    attr);
    rc = ipl_appraisal_new(&a, c, NULL, &err);
    iplt_assert_error(err, rc, IPL_EPARSE, "rights[0].valuation");
    ck_assert_int_eq(err.line, 4);
    ck_assert_ptr_nonnull(strstr(err.message, "appraisal-bad-value.xml"));
    ck_assert_ptr_null(a);
    ipl_case_free(c);
    remove(doc);
}
END_TEST

START_TEST(test_errors_name_the_stage)
{
    ipl_case *c;
    ipl_appraisal *a = NULL;
    ipl_appraisal_options opts = IPL_APPRAISAL_OPTIONS_INIT;
    ipl_error err = iplt_stale_error();
    int rc;

    c = edited_case("dongguan-invention.xml", "valuation=\"dongguan-invention-value.xml\"",
                    "valuation=\"missing.xml\"");
    rc = ipl_appraisal_new(&a, c, NULL, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "rights[0].valuation");
    ck_assert_ptr_nonnull(strstr(err.message, "missing.xml"));
    ipl_case_free(c);

    c = edited_case("henan-default.xml", "name=\"bank\"", "name=\"lender\"");
    err = iplt_stale_error();
    rc = ipl_appraisal_new(&a, c, NULL, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "default.party");
    ck_assert_str_eq(err.message, "the policy's party \"bank\" has no share in the case");
    ipl_case_free(c);

    c = edited_case("us-patent.xml", "file=\"us-lender-policy.xml\"",
                    "file=\"no-such-policy.xml\"");
    err = iplt_stale_error();
    rc = ipl_appraisal_new(&a, c, NULL, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "policy");
    ck_assert_ptr_nonnull(strstr(err.message, "no-such-policy.xml"));
    ipl_case_free(c);

    c = edited_case("henan-default.xml", "name=\"bank\"", "name=\"lender\"");
    err = iplt_stale_error();
    rc = ipl_appraisal_new(&a, NULL, NULL, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "c");
    err = iplt_stale_error();
    rc = ipl_appraisal_new(NULL, c, NULL, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "out");
    opts.version = 99;
    err = iplt_stale_error();
    rc = ipl_appraisal_new(&a, c, &opts, &err);
    iplt_assert_error(err, rc, IPL_EVERSION, "opts.version");
    opts.version = IPL_APPRAISAL_OPTIONS_VERSION;
    opts.n_record_dirs = 1;
    err = iplt_stale_error();
    rc = ipl_appraisal_new(&a, c, &opts, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "opts.record_dirs");
    ck_assert_int_eq(ipl_appraisal_options_init(&opts, 2), IPL_EVERSION);
    ck_assert_ptr_null(a);
    ipl_case_free(c);
    ipl_appraisal_free(NULL);
}
END_TEST

/* A sink collecting into a fixed buffer; refuses after `limit` calls. */
typedef struct collected {
    char text[1 << 20];
    size_t n;
    int calls, limit;
} collected;

static int
collect(void *ctx, const char *bytes, size_t n)
{
    collected *c = ctx;

    if (c->limit > 0 && c->calls == c->limit)
        return -1;
    c->calls++;
    ck_assert_uint_ge(n, 1);
    ck_assert_uint_lt(c->n + n, sizeof c->text);
    memcpy(c->text + c->n, bytes, n);
    c->n += n;
    return 0;
}

static collected sunk;

/* Every format: the string is exactly what the sink receives, and
 * carries the case's figures. */
START_TEST(test_string_is_what_the_sink_gets)
{
    static const char *const marks[] = {
        NULL,
        "collateral value   473,848.34",
        "\"max_loan\": \"473848.34\"",
        "<max_loan>473848.34</max_loan>",
        "<td>473,848.34</td>",
    };
    /* the layout jansson gave the CLI's JSON (indent 2) and its XML */
    static const char *const layouts[] = {
        NULL, NULL,
        "{\n  \"ipledge_report\": 1,\n  \"case\": {\n    \"file\": ",
        "<report xmlns=\"urn:ipledge:report:1\" version=\"1\">\n  <case>\n    <file>",
        NULL,
    };
    ipl_case *c;
    ipl_appraisal *a = appraise(&c, "dongguan-invention.xml");
    ipl_report_format f;
    ipl_error err;

    for (f = IPL_REPORT_TEXT; f <= IPL_REPORT_HTML; f++) {
        char *text = NULL;
        size_t len = 0;

        memset(&sunk, 0, sizeof sunk);
        ck_assert_int_eq(ipl_report_appraisal(a, f, collect, &sunk, &err), IPL_OK);
        ck_assert_int_eq(ipl_report_appraisal_string(&text, &len, a, f, &err), IPL_OK);
        ck_assert_uint_eq(len, sunk.n);
        ck_assert_uint_eq(strlen(text), len);
        ck_assert(memcmp(text, sunk.text, len) == 0);
        ck_assert_msg(strstr(text, marks[f]) != NULL, "format %d lacks %s", f, marks[f]);
        ck_assert_msg(layouts[f] == NULL || strstr(text, layouts[f]) != NULL,
                      "format %d lacks %s", f, layouts[f]);
        ipl_report_string_free(text);
    }
    ipl_appraisal_free(a);
    ipl_case_free(c);
}
END_TEST

START_TEST(test_report_errors)
{
    ipl_case *c;
    ipl_appraisal *a = appraise(&c, "henan-default.xml");
    ipl_report_format f = IPL_REPORT_TEXT;
    ipl_error err = iplt_stale_error();
    char *text = NULL;
    int rc;

    memset(&sunk, 0, sizeof sunk);
    sunk.limit = 1;   /* the report is longer than one buffer */
    rc = ipl_report_appraisal(a, IPL_REPORT_JSON, collect, &sunk, &err);
    iplt_assert_error(err, rc, IPL_ERROR, "sink");
    err = iplt_stale_error();
    rc = ipl_report_appraisal(a, (ipl_report_format)9, collect, &sunk, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "format");
    err = iplt_stale_error();
    rc = ipl_report_appraisal_string(&text, NULL, NULL, IPL_REPORT_XML, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "a");
    ck_assert_ptr_null(text);
    ck_assert_int_eq(ipl_report_format_from_name(&f, "html", NULL), IPL_OK);
    ck_assert_int_eq(f, IPL_REPORT_HTML);
    err = iplt_stale_error();
    rc = ipl_report_format_from_name(&f, "pdf", &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "format");
    ck_assert_int_eq(f, IPL_REPORT_HTML);
    ipl_report_string_free(NULL);
    ipl_appraisal_free(a);
    ipl_case_free(c);
}
END_TEST

/* A valuation's report: the right valued by its document, the text the
 * trace itself, the JSON and XML its figures; the string is what the
 * sink gets. */
START_TEST(test_value_report)
{
    ipl_assumptions *doc = NULL;
    ipl_value *v = NULL;
    const ipl_value *vs[1];
    ipl_report_format f;
    ipl_error err = iplt_stale_error();
    char *text = NULL;
    size_t len = 0;
    int rc;

    ck_assert_int_eq(ipl_assumptions_load_file(&doc, case_path("dongguan-invention-value.xml"),
                                                &err), IPL_OK);
    ck_assert_int_eq(ipl_assumptions_value(&v, doc, 0, &err), IPL_OK);
    vs[0] = v;
    for (f = IPL_REPORT_TEXT; f <= IPL_REPORT_XML; f++) {
        memset(&sunk, 0, sizeof sunk);
        ck_assert_int_eq(ipl_report_value(vs, 1, NULL, f, collect, &sunk, &err), IPL_OK);
        ck_assert_int_eq(ipl_report_value_string(&text, &len, vs, 1, NULL, f, &err), IPL_OK);
        ck_assert_uint_eq(len, sunk.n);
        ck_assert(memcmp(text, sunk.text, len) == 0);
        if (f == IPL_REPORT_TEXT)
            ck_assert_str_eq(text, ipl_value_trace(v));
        else
            ck_assert_ptr_nonnull(strstr(text, f == IPL_REPORT_JSON
                                         ? "{\n  \"value\": 1895393.38470422,\n  "
                                           "\"method\": \"split\",\n"
                                         : "<valuation-result xmlns=\"urn:ipledge:valuation:1\" "
                                           "method=\"split\" value=\"1895393.38470422\">\n"));
        ipl_report_string_free(text);
        text = NULL;
    }
    rc = ipl_report_value_string(&text, NULL, vs, 1, NULL, IPL_REPORT_HTML, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "format");
    err = iplt_stale_error();
    rc = ipl_report_value_string(&text, NULL, vs, 0, NULL, IPL_REPORT_JSON, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "values");
    vs[0] = NULL;
    err = iplt_stale_error();
    rc = ipl_report_value(vs, 1, NULL, IPL_REPORT_JSON, collect, &sunk, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "values");
    ck_assert_ptr_null(text);
    ipl_value_free(v);
    ipl_assumptions_free(doc);
}
END_TEST

/* The emitter: numbers as a reader expects them whatever the locale,
 * strings escaped for JSON and XML. */
START_TEST(test_numbers_and_escaping)
{
    char buf[IPL__NUMBER_MAX];
    collected *out = &sunk;
    ipl__out o;

    ck_assert_str_eq(ipl__fmt_real(buf, 0.25, 1), "0.25");
    ck_assert_str_eq(ipl__fmt_real(buf, 0.0435, 1), "0.0435");
    ck_assert_str_eq(ipl__fmt_real(buf, 4000, 1), "4000.0");
    ck_assert_str_eq(ipl__fmt_real(buf, 4000, 0), "4000");
    ck_assert_str_eq(ipl__fmt_real(buf, -1895393.3825, 0), "-1895393.3825");
    ck_assert_str_eq(ipl__fmt_real(buf, 0.000001, 0), "0.000001");
    ck_assert_str_eq(ipl__fmt_real(buf, 1.5e-9, 0), "1.5e-9");
    ck_assert_str_eq(ipl__fmt_real(buf, 2.5e25, 0), "2.5e+25");
    ck_assert_str_eq(ipl__fmt_real(buf, 0, 1), "0.0");
    ck_assert_str_eq(ipl__fmt_real(buf, 0.0 / 0.0, 1), "null");
    ck_assert_str_eq(ipl__fmt_real(buf, 0.0 / 0.0, 0), "NaN");
    ck_assert_str_eq(ipl__fmt_real(buf, -1.0 / 0.0, 0), "-INF");
    ck_assert_str_eq(ipl__fmt_fixed(buf, 25, 2), "25.00");
    ck_assert_str_eq(ipl__fmt_fixed(buf, -0.125001, 2), "-0.13");
    ck_assert_str_eq(ipl__fmt_fixed(buf, 3.65, 4), "3.6500");
    if (setlocale(LC_NUMERIC, "de_DE.UTF-8") != NULL) {
        ck_assert_str_eq(ipl__fmt_fixed(buf, 25, 2), "25.00");
        ck_assert_str_eq(ipl__fmt_real(buf, 0.25, 1), "0.25");
        setlocale(LC_NUMERIC, "C");
    }
    memset(out, 0, sizeof *out);
    ipl__out_init(&o, collect, out);
    ipl__out_json(&o, "a\"b\\c\n\x01/é");
    ipl__out_xml(&o, " <&>\"' \x02");
    ck_assert_int_eq(ipl__out_finish(&o, NULL), IPL_OK);
    out->text[out->n] = '\0';
    ck_assert_str_eq(out->text, "\"a\\\"b\\\\c\\n\\u0001/é\" &lt;&amp;&gt;&quot;&apos; ?");
}
END_TEST

static ipl_case *oom_case;

static int
oom_appraise(void *ctx)
{
    ipl_appraisal *a = NULL;
    int rc = ipl_appraisal_new(&a, oom_case, ctx, NULL);

    ipl_appraisal_free(a);
    return rc;
}

START_TEST(test_allocation_failure_appraisal)
{
    ipl_error err;

    ck_assert_int_eq(ipl_case_load_file(&oom_case, case_path("dongguan-invention.xml"), &err),
                     IPL_OK);
    ck_assert_uint_gt(iplt_oom_check(oom_appraise, NULL), 10);
    ipl_case_free(oom_case);
}
END_TEST

static ipl_appraisal *oom_appraisal;

static int
oom_report(void *ctx)
{
    char *text = NULL;
    int rc = ipl_report_appraisal_string(&text, NULL, oom_appraisal,
                                         *(const ipl_report_format *)ctx, NULL);

    ipl_report_string_free(text);
    return rc;
}

/* Each writer: the string convenience fails cleanly at every allocation
 * (the HTML writer's charts allocate too). */
START_TEST(test_allocation_failure_reports)
{
    ipl_report_format f;
    ipl_case *c;

    oom_appraisal = appraise(&c, "henan-default.xml");
    for (f = IPL_REPORT_TEXT; f <= IPL_REPORT_HTML; f++)
        ck_assert_uint_ge(iplt_oom_check(oom_report, &f), 1);
    ipl_appraisal_free(oom_appraisal);
    ipl_case_free(c);
}
END_TEST

static const ipl_value *oom_values[1];

static int
oom_value_report(void *ctx)
{
    char *text = NULL;
    int rc = ipl_report_value_string(&text, NULL, oom_values, 1, NULL,
                                     *(const ipl_report_format *)ctx, NULL);

    ipl_report_string_free(text);
    return rc;
}

START_TEST(test_allocation_failure_value_reports)
{
    ipl_assumptions *doc = NULL;
    ipl_value *v = NULL;
    ipl_report_format f;

    ck_assert_int_eq(ipl_assumptions_load_file(&doc, case_path("dongguan-invention-value.xml"),
                                                NULL), IPL_OK);
    ck_assert_int_eq(ipl_assumptions_value(&v, doc, 0, NULL), IPL_OK);
    oom_values[0] = v;
    for (f = IPL_REPORT_TEXT; f <= IPL_REPORT_XML; f++)
        ck_assert_uint_ge(iplt_oom_check(oom_value_report, &f), 1);
    ipl_value_free(v);
    ipl_assumptions_free(doc);
}
END_TEST

static Suite *
appraisal_suite(void)
{
    Suite *s = suite_create("appraisal");
    TCase *tc = tcase_create("appraisal");

    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_dongguan);
    tcase_add_test(tc, test_record_directories);
    tcase_add_test(tc, test_xianning_bundle);
    tcase_add_test(tc, test_us_patent_simulated);
    tcase_add_test(tc, test_henan_default);
    tcase_add_test(tc, test_ineligible_is_a_result);
    tcase_add_test(tc, test_bad_valuation_is_located);
    tcase_add_test(tc, test_errors_name_the_stage);
    tcase_add_test(tc, test_string_is_what_the_sink_gets);
    tcase_add_test(tc, test_report_errors);
    tcase_add_test(tc, test_value_report);
    tcase_add_test(tc, test_numbers_and_escaping);
    tcase_add_test(tc, test_allocation_failure_appraisal);
    tcase_add_test(tc, test_allocation_failure_reports);
    tcase_add_test(tc, test_allocation_failure_value_reports);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    int rc;

    iplt_oom_install();
    ipl_init();
    rc = iplt_run(appraisal_suite());
    ipl_shutdown();
    return rc;
}
