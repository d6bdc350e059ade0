/* Case documents: every field read as written, errors located at their
 * element, hostile documents refused, allocation failures clean. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "ipledge.h"

static char *
vector(const char *name)
{
    static char path[1024];
    const char *dir = getenv("IPL_VECTORS_DIR");

    snprintf(path, sizeof path, "%s/case/%s", dir != NULL ? dir : "vectors", name);
    return path;
}

START_TEST(test_every_field_is_read)
{
    ipl_case *c = NULL;
    const ipl_case_right *r;
    const ipl_case_loan *loan;
    const ipl_case_default *d;
    const char *industry = NULL;
    double years = 0;
    int is_file = -1;
    ipl_error err;
    char path[2048];

    ck_assert_int_eq(ipl_case_load_file(&c, vector("full.xml"), &err), IPL_OK);
    ck_assert_str_eq(ipl_case_title(c), "A test case");
    ck_assert_str_eq(ipl_case_currency(c), "CNY");
    ck_assert_int_eq(ipl_case_date(c).year, 2024);
    ck_assert_int_eq(ipl_case_date(c).day, 28);
    ck_assert_str_eq(ipl_case_borrower(c, &years, &industry), "Test Co.");
    ck_assert(iplt_same_double(years, 6.5));
    ck_assert_str_eq(industry, "C39");
    ck_assert_uint_eq(ipl_case_right_count(c), 2);
    r = ipl_case_right_get(c, 0);
    ck_assert_str_eq(r->number, "CN201510481495.9");
    ck_assert_int_eq(r->type, IPL_RIGHT_INVENTION);
    ck_assert_int_eq(r->status, IPL_STATUS_IN_FORCE);
    ck_assert_int_eq(r->expiry.year, 2035);
    ck_assert_int_eq(r->registered.month, 3);
    ck_assert_uint_eq(r->flags, IPL_PLEDGE_CO_OWNED | IPL_PLEDGE_FEES_OVERDUE);
    ck_assert(iplt_same_double(r->dependence, 0.25));
    ck_assert_str_eq(r->record, "records/cn.xml");
    /* libxml2 gives the line on which the start tag ends */
    ck_assert_int_eq(r->line, 9);
    ck_assert_int_eq(ipl_case_path(path, sizeof path, c, r->valuation, &err), IPL_OK);
    ck_assert_ptr_nonnull(strstr(path, "/case/value/patent.xml"));
    r = ipl_case_right_get(c, 1);
    ck_assert_int_eq(r->type, IPL_RIGHT_TRADEMARK);
    ck_assert_int_eq(r->status, IPL_STATUS_UNKNOWN);
    ck_assert_int_eq(r->expiry.year, 0);
    ck_assert_ptr_null(r->record);
    ck_assert_int_eq(ipl_case_path(path, sizeof path, c, r->valuation, &err), IPL_OK);
    ck_assert_str_eq(path, "/abs/tm.xml");
    ck_assert_ptr_null(ipl_case_right_get(c, 2));
    ck_assert_str_eq(ipl_case_policy(c, &is_file), "henan");
    ck_assert_int_eq(is_file, 0);
    loan = ipl_case_loan_get(c);
    ck_assert_int_eq(loan->amount.minor, 300000000);
    ck_assert_int_eq(loan->appraisal_fee.minor, 3000000);
    ck_assert_uint_eq(loan->months, 36);
    ck_assert(iplt_same_double(loan->rate, 0.0385));
    ck_assert(iplt_same_double(loan->lpr, 0.0345));
    ck_assert_int_eq(loan->method, IPL_LOAN_EQUAL_PRINCIPAL);
    ck_assert_int_eq(loan->frequency, IPL_LOAN_QUARTERLY);
    ck_assert_int_eq(loan->daycount, IPL_DC_ACT_365F);
    d = ipl_case_default_get(c);
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(d->npl.month, 10);
    ck_assert_int_eq(d->interest.minor, 2100050);
    ck_assert_int_eq(d->settlement.year, 2026);
    ck_assert(iplt_same_double(d->ip_share, 0.8));
    ck_assert_uint_eq(d->n_recoveries, 2);
    ck_assert_int_eq(d->recoveries[0].costs.minor, 4500000);
    ck_assert_int_eq(d->recoveries[1].proceeds.minor, 30000000);
    ck_assert_int_eq(d->recoveries[1].costs.minor, 0);
    ck_assert_uint_eq(d->n_parties, 2);
    ck_assert_str_eq(d->parties[1].name, "bank");
    ck_assert_int_eq(d->parties[1].role, IPL_COMPENSATION_LENDER);
    ck_assert(iplt_same_double(d->parties[0].share, 0.7));
    ipl_case_free(c);
}
END_TEST

/* The smallest valid case: defaults where attributes are left out. */
static const char minimal[] =
    "<case xmlns='urn:ipledge:case:1' currency='USD' date='2025-01-31'>\n"
    "<borrower name='B'/>\n"
    "<rights><right number='US 9,000,000' type='invention' valuation='v.xml'/></rights>\n"
    "<policy file='p.xml'/>\n"
    "<loan amount='10' start='2025-02-01' months='12' rate='0.05' method='bullet'/>\n"
    "</case>\n";

START_TEST(test_defaults)
{
    ipl_case *c = NULL;
    ipl_error err;
    double years = 0;
    int is_file = 0;

    ck_assert_int_eq(ipl_case_load_memory(&c, minimal, sizeof minimal - 1, "m.xml",
                                          &err), IPL_OK);
    ck_assert_str_eq(ipl_case_title(c), "");
    ck_assert_str_eq(ipl_case_label(c), "m.xml");
    ipl_case_borrower(c, &years, NULL);
    ck_assert(years < 0);
    ck_assert_str_eq(ipl_case_policy(c, &is_file), "p.xml");
    ck_assert_int_eq(is_file, 1);
    ck_assert_int_eq(ipl_case_loan_get(c)->frequency, IPL_LOAN_MONTHLY);
    ck_assert_int_eq(ipl_case_loan_get(c)->daycount, IPL_DC_ACT_360);
    ck_assert_int_eq(ipl_case_loan_get(c)->amount.minor, 1000);
    ck_assert_str_eq(ipl_case_loan_get(c)->amount.currency, "USD");
    ck_assert_ptr_null(ipl_case_default_get(c));
    ipl_case_free(c);
}
END_TEST

/* Replaces the first occurrence of from in minimal by to, loads it and
 * expects IPL_EPARSE on line `line` with want in the message. */
static void
expect_error(const char *from, const char *to, int line, const char *want)
{
    char doc[2048];
    const char *at = strstr(minimal, from);
    ipl_case *c = NULL;
    ipl_error err = iplt_stale_error();
    int rc;

    ck_assert_ptr_nonnull(at);
    snprintf(doc, sizeof doc, "%.*s%s%s", (int)(at - minimal), minimal, to,
             at + strlen(from));
    rc = ipl_case_load_memory(&c, doc, strlen(doc), "bad.xml", &err);
    iplt_assert_error(err, rc, IPL_EPARSE, "bad.xml");
    ck_assert_ptr_null(c);
    ck_assert_int_eq(err.line, line);
    ck_assert_msg(strstr(err.message, want) != NULL, "%s: message \"%s\" lacks \"%s\"",
                  from, err.message, want);
}

START_TEST(test_errors_are_located)
{
    expect_error("months='12'", "months='0'", 5, "/case/loan");
    expect_error("type='invention'", "type='invension'", 3, "/case/rights/right");
    expect_error("<borrower name='B'/>", "<borower name='B'/>", 2, "borower");
    expect_error("date='2025-01-31'", "date='2025-02-30'", 1, "/case: date");
    expect_error("currency='USD'", "currency='XYZ'", 1, "unknown ISO 4217");
    expect_error("amount='10'", "amount='10.001'", 5, "/case/loan: amount");
    expect_error("file='p.xml'", "file='p.xml' preset='henan'", 4,
                 "/case/policy: give a preset");
    expect_error("<policy file='p.xml'/>", "<policy/>", 4, "/case/policy");
    expect_error("</case>", "</cas>", 6, "not well-formed");
    expect_error("<rights>", "<rights><right number='x' type='design' valuation='v'/>"
                 "<right number='y' type='design' valuation='v' expiry='2030-13-01'/>",
                 3, "/case/rights/right[2]: expiry");
}
END_TEST

START_TEST(test_hostile_documents)
{
    static const char external[] =
        "<?xml version='1.0'?>\n<!DOCTYPE case [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n"
        "<case xmlns='urn:ipledge:case:1' currency='USD' date='2025-01-31'>"
        "<borrower name='&x;'/></case>";
    static const char doctype[] =
        "<?xml version='1.0'?>\n<!DOCTYPE case SYSTEM 'http://example.com/case.dtd'>\n"
        "<case xmlns='urn:ipledge:case:1' currency='USD' date='2025-01-31'/>";
    ipl_case *c = NULL;
    ipl_error err = iplt_stale_error();
    int rc;

    rc = ipl_case_load_memory(&c, doctype, sizeof doctype - 1, "evil.xml", &err);
    iplt_assert_error(err, rc, IPL_EPARSE, "evil.xml");
    ck_assert_ptr_nonnull(strstr(err.message, "DOCTYPE"));
    rc = ipl_case_load_memory(&c, external, sizeof external - 1, "evil.xml", &err);
    iplt_assert_error(err, rc, IPL_EPARSE, "evil.xml");
    ck_assert_ptr_nonnull(strstr(err.message, "external entity"));
    rc = ipl_case_load_memory(&c, "", 0, "empty.xml", &err);
    iplt_assert_error(err, rc, IPL_EPARSE, "empty.xml");
    rc = ipl_case_load_file(&c, "/nonexistent/case.xml", &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "/nonexistent/case.xml");
    rc = ipl_case_load_file(&c, "/dev/zero", &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "/dev/zero");
    ck_assert_ptr_nonnull(strstr(err.message, "larger than 4 MiB"));
    rc = ipl_case_load_file(&c, NULL, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "path");
    ck_assert_ptr_null(c);
}
END_TEST

START_TEST(test_accessors_and_arguments)
{
    ipl_case *c = NULL;
    ipl_error err = iplt_stale_error();
    char small[4];
    size_t size = 0;
    int rc;

    ck_assert_ptr_nonnull(strstr(ipl_case_schema(&size), "urn:ipledge:case:1"));
    ck_assert_uint_eq(size, strlen(ipl_case_schema(NULL)));
    ck_assert_ptr_null(ipl_case_title(NULL));
    ck_assert_uint_eq(ipl_case_right_count(NULL), 0);
    ck_assert_ptr_null(ipl_case_default_get(NULL));
    ck_assert_int_eq(ipl_case_date(NULL).year, 0);
    ipl_case_free(NULL);
    ck_assert_int_eq(ipl_case_load_memory(&c, minimal, sizeof minimal - 1, "dir/m.xml",
                                          &err), IPL_OK);
    rc = ipl_case_path(small, sizeof small, c, "v.xml", &err);
    iplt_assert_error(err, rc, IPL_ERANGE, "size");
    ipl_case_free(c);
}
END_TEST

static int
oom_load(void *ctx)
{
    ipl_case *c;
    int rc = ipl_case_load_file(&c, ctx, NULL);

    if (rc == IPL_OK)
        ipl_case_free(c);
    return rc;
}

START_TEST(test_allocation_failure)
{
    ck_assert_uint_gt(iplt_oom_check(oom_load, vector("full.xml")), 10);
}
END_TEST

static Suite *
case_suite(void)
{
    Suite *s = suite_create("case");
    TCase *tc = tcase_create("case");

    tcase_add_test(tc, test_every_field_is_read);
    tcase_add_test(tc, test_defaults);
    tcase_add_test(tc, test_errors_are_located);
    tcase_add_test(tc, test_hostile_documents);
    tcase_add_test(tc, test_accessors_and_arguments);
    tcase_add_test(tc, test_allocation_failure);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    int rc;

    iplt_oom_install();
    ipl_init();
    rc = iplt_run(case_suite());
    ipl_shutdown();
    return rc;
}
