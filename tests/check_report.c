/* The report writers of the lending results (report.h): a loan, a
 * subsidy, a compensation and a pledge decision in text, JSON, XML and
 * CSV. Expected figures come from elsewhere than the code under test:
 *   - the loan is case 2 of tests/vectors/loan/expected.csv, which
 *     Gnumeric computed (PMT, IPMT, PPMT): CNY 1,000,000.00 at 3.45 %
 *     over 12 months; the report's rows are read back and compared;
 *   - the subsidy is check_subsidy.c's Zhongguancun case, by hand:
 *     CNY 1,200,000.00 repaid in 12 equal parts at 4.35 % (30/360), so
 *     period k's interest is (12 − k) × 362.50 and 40 % of it
 *     (12 − k) × 145.00; 78 × 362.50 = 28,275.00 and 78 × 145.00 =
 *     11,310.00 in all;
 *   - the compensation is check_compensation.c's "4321" case after a
 *     disposal, by hand: 1,000,000.00 + 15,000.00 outstanding, 300,000.00
 *     recovered at 20,000.00 cost: net 280,000.00, principal loss
 *     720,000.00 shared 40/30/20/10 = 288,000/216,000/144,000/72,000,
 *     the bank also bearing the 15,000.00 interest: 159,000.00;
 *   - the pledge is tests/check_pledge_cli.sh's Dongguan case: 4,000,000
 *     × 25 % + 1,000,000 × 50 % = 1,500,000.00, 30 % of 5,000,000.00. */
#include <check.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipledge/init.h"
#include "ipledge/report.h"
#include "harness.h"

static const ipl_report_format FORMATS[] = { IPL_REPORT_TEXT, IPL_REPORT_JSON,
                                             IPL_REPORT_XML, IPL_REPORT_CSV };
#define NFORMATS 4

static ipl_money
cny(int64_t minor)
{
    ipl_money m;

    m.minor = minor;
    memcpy(m.currency, "CNY", 4);
    return m;
}

static ipl_date
ymd(int y, int m, int d)
{
    ipl_date r;

    r.year = y;
    r.month = m;
    r.day = d;
    return r;
}

/* ---- the results under report ---- */

static ipl_loan_terms
loan_terms(void)
{
    ipl_loan_terms t = IPL_LOAN_TERMS_INIT;

    t.principal = cny(100000000);
    t.start = ymd(2024, 1, 15);
    t.periods = 12;
    t.method = IPL_LOAN_ANNUITY;
    t.rate = 0.0345;
    t.daycount = IPL_DC_30_360;
    return t;
}

static ipl_loan_schedule *
new_loan(const ipl_loan_terms *t)
{
    ipl_loan_schedule *s = NULL;

    ck_assert_int_eq(ipl_loan_schedule_new(&s, t, NULL), IPL_OK);
    return s;
}

static ipl_subsidy_schedule *
new_subsidy(void)
{
    ipl_loan_terms t = IPL_LOAN_TERMS_INIT;
    ipl_loan_schedule *loan = NULL;
    ipl_subsidy_rule r;
    ipl_subsidy_schedule *s = NULL;

    t.principal = cny(120000000);
    t.start = ymd(2024, 1, 15);
    t.periods = 12;
    t.method = IPL_LOAN_EQUAL_PRINCIPAL;
    t.rate = 0.0435;
    t.daycount = IPL_DC_30_360;
    ck_assert_int_eq(ipl_loan_schedule_new(&loan, &t, NULL), IPL_OK);
    ck_assert_int_eq(ipl_subsidy_rule_init(&r, IPL_SUBSIDY_RULE_VERSION), IPL_OK);
    r.base = IPL_SUBSIDY_ACTUAL_INTEREST;
    r.share = 0.4;
    ck_assert_int_eq(ipl_subsidy_schedule_new(&s, loan, &r, NULL), IPL_OK);
    ipl_loan_schedule_free(loan);
    return s;
}

/* The 4321 regime; first_name replaces the guarantor's name. */
static ipl_compensation *
new_compensation(const char *first_name)
{
    static const char *const names[] = { "guarantor", "re-guarantor", "bank", "government" };
    static const ipl_compensation_role roles[] = {
        IPL_COMPENSATION_OTHER, IPL_COMPENSATION_OTHER, IPL_COMPENSATION_LENDER,
        IPL_COMPENSATION_FUND };
    static const int64_t bp[] = { 4000, 3000, 2000, 1000 };
    ipl_compensation_regime r;
    ipl_compensation_claim c;
    ipl_compensation_recovery rec;
    ipl_compensation *res = NULL;
    size_t i;

    ck_assert_int_eq(ipl_compensation_regime_init(&r, IPL_COMPENSATION_REGIME_VERSION),
                     IPL_OK);
    ck_assert_int_eq(ipl_compensation_claim_init(&c, IPL_COMPENSATION_CLAIM_VERSION), IPL_OK);
    r.n_parties = 4;
    r.n_tiers = 1;
    for (i = 0; i < 4; i++) {
        snprintf(r.parties[i].name, sizeof r.parties[i].name, "%s",
                 i == 0 && first_name != NULL ? first_name : names[i]);
        r.parties[i].role = roles[i];
        r.tiers[0].shares[i] = bp[i];
    }
    c.outstanding_principal = cny(100000000);
    c.outstanding_interest = cny(1500000);
    c.npl_date = ymd(2024, 12, 31);
    rec.date = ymd(2025, 6, 30);
    rec.proceeds = cny(30000000);
    rec.costs = cny(2000000);
    c.recoveries = &rec;
    c.n_recoveries = 1;
    ck_assert_int_eq(ipl_compensation_new(&res, &r, &c, NULL), IPL_OK);
    return res;
}

/* The Dongguan decision of check_pledge_cli.sh and what it was made of. */
typedef struct decision {
    ipl_policy *policy;
    ipl_pledge_request q;
    ipl_pledge_right rights[2];
    ipl_pledge *p;
} decision;

static void
decide(decision *d)
{
    ck_assert_int_eq(ipl_policy_preset(&d->policy, "dongguan", NULL), IPL_OK);
    d->q = (ipl_pledge_request)IPL_PLEDGE_REQUEST_INIT;
    d->q.start = ymd(2024, 1, 15);
    d->q.tenor_months = 36;
    d->q.firm_age_years = 6;
    d->rights[0] = (ipl_pledge_right)IPL_PLEDGE_RIGHT_INIT;
    d->rights[0].id = "CN201510481495.9";
    d->rights[0].type = IPL_RIGHT_INVENTION;
    d->rights[0].status = IPL_STATUS_IN_FORCE;
    d->rights[0].value = cny(400000000);
    d->rights[0].expiry = ymd(2035, 8, 10);
    d->rights[0].registered = ymd(2017, 3, 1);
    d->rights[1] = (ipl_pledge_right)IPL_PLEDGE_RIGHT_INIT;
    d->rights[1].type = IPL_RIGHT_TRADEMARK;
    d->rights[1].status = IPL_STATUS_IN_FORCE;
    d->rights[1].value = cny(100000000);
    d->rights[1].expiry = ymd(2034, 1, 1);
    d->rights[1].registered = ymd(2015, 1, 1);
    ck_assert_int_eq(ipl_pledge_new(&d->p, ipl_policy_pledge_rules(d->policy), &d->q,
                                    d->rights, 2, NULL), IPL_OK);
}

static void
undecide(decision *d)
{
    ipl_pledge_free(d->p);
    ipl_policy_free(d->policy);
}

/* ---- one entry point over the four results ---- */

typedef enum { LOAN, SUBSIDY, COMPENSATION, PLEDGE } subject;

typedef struct results {
    ipl_loan_terms terms;
    ipl_loan_schedule *loan;
    ipl_subsidy_schedule *subsidy;
    ipl_compensation *comp;
    decision d;
} results;

static void
results_new(results *r)
{
    r->terms = loan_terms();
    r->loan = new_loan(&r->terms);
    r->subsidy = new_subsidy();
    r->comp = new_compensation(NULL);
    decide(&r->d);
}

static void
results_free(results *r)
{
    ipl_loan_schedule_free(r->loan);
    ipl_subsidy_schedule_free(r->subsidy);
    ipl_compensation_free(r->comp);
    undecide(&r->d);
}

static int
write_to(const results *r, subject what, ipl_report_format f, ipl_report_sink sink,
         void *ctx, ipl_error *err)
{
    switch (what) {
    case LOAN:    return ipl_report_loan(r->loan, &r->terms, f, sink, ctx, err);
    case SUBSIDY: return ipl_report_subsidy(r->subsidy, f, sink, ctx, err);
    case COMPENSATION: return ipl_report_compensation(r->comp, f, sink, ctx, err);
    default:
        return ipl_report_pledge(r->d.p, r->d.policy, &r->d.q, r->d.rights, 2, f, sink, ctx,
                                 err);
    }
}

static int
write_string(char **out, size_t *len, const results *r, subject what, ipl_report_format f,
             ipl_error *err)
{
    switch (what) {
    case LOAN:    return ipl_report_loan_string(out, len, r->loan, &r->terms, f, err);
    case SUBSIDY: return ipl_report_subsidy_string(out, len, r->subsidy, f, err);
    case COMPENSATION: return ipl_report_compensation_string(out, len, r->comp, f, err);
    default:
        return ipl_report_pledge_string(out, len, r->d.p, r->d.policy, &r->d.q, r->d.rights,
                                        2, f, err);
    }
}

/* A sink collecting bytes; it refuses from call number `refuse_at`
 * (1-based; 0 = never). */
typedef struct collected {
    char buf[65536];
    size_t n;
    int calls, refuse_at;
} collected;

static int
collect(void *ctx, const char *bytes, size_t n)
{
    collected *c = ctx;

    if (++c->calls == c->refuse_at)
        return 1;
    ck_assert_uint_gt(n, 0);
    ck_assert_uint_lt(c->n + n, sizeof c->buf);
    memcpy(c->buf + c->n, bytes, n);
    c->n += n;
    c->buf[c->n] = '\0';
    return 0;
}

/* The report as one string, through the convenience function. */
static char *
report(const results *r, subject what, ipl_report_format f)
{
    char *s = NULL;
    size_t len = 0;
    ipl_error err;
    int rc = write_string(&s, &len, r, what, f, &err);

    ck_assert_msg(rc == IPL_OK, "%s: %s", err.where, err.message);
    ck_assert_uint_eq(strlen(s), len);
    return s;
}

/* Holds when s starts with prefix. */
#define assert_starts(s, prefix) \
    ck_assert_msg(strncmp((s), (prefix), strlen(prefix)) == 0, "not \"%s\" at the start "\
                  "of:\n%s", (prefix), (s))

/* Holds when needle occurs in haystack, with a message naming both. */
#define assert_has(haystack, needle) \
    ck_assert_msg(strstr((haystack), (needle)) != NULL, "no \"%s\" in:\n%s", (needle), \
                  (haystack))

/* ---- the loan against Gnumeric ---- */

typedef struct sheet_row {
    double pmt, ipmt, ppmt;
} sheet_row;

/* Case 2 of the Gnumeric vectors: 12 rows. */
static void
sheet_case2(sheet_row *rows)
{
    const char *dir = getenv("IPL_VECTORS_DIR");
    char path[1024], line[512];
    FILE *f;
    int n = 0;

    snprintf(path, sizeof path, "%s/loan/expected.csv",
             dir != NULL && *dir != '\0' ? dir : "vectors");
    f = fopen(path, "r");
    ck_assert_msg(f != NULL, "cannot open %s: %s", path, strerror(errno));
    while (fgets(line, sizeof line, f) != NULL) {
        int id, period, nper, per_year;
        double principal, rate;
        sheet_row r;

        if (sscanf(line, "%d,%d,%lf,%lf,%d,%d,%lf,%lf,%lf", &id, &period, &principal, &rate,
                   &nper, &per_year, &r.pmt, &r.ipmt, &r.ppmt) == 9 && id == 2) {
            ck_assert_int_eq(period, n + 1);
            ck_assert(fabs(principal - 1e6) < 1e-9 && fabs(rate - 0.0345) < 1e-12 && nper == 12);
            rows[n++] = r;
        }
    }
    fclose(f);
    ck_assert_int_eq(n, 12);
}

/* Field i (0-based) of a CSV line without quotes, as minor units. */
static int64_t
csv_minor(const char *line, int i)
{
    char field[64];
    size_t n;
    ipl_money m;

    while (i-- > 0)
        line = strchr(line, ',') + 1;
    n = strcspn(line, ",\n");
    ck_assert_uint_lt(n, sizeof field);
    memcpy(field, line, n);
    field[n] = '\0';
    ck_assert_int_eq(ipl_money_parse(&m, field, "CNY", IPL_ROUND_NEVER, NULL), IPL_OK);
    return m.minor;
}

/* Every row of the CSV report within k cents of IPMT and PPMT at
 * period k (check_loan.c explains the bound), every payment but the
 * last the rounded PMT (84,898.82), principal totalling 1,000,000.00. */
START_TEST(test_loan_csv_gnumeric)
{
    results r;
    sheet_row sheet[12];
    char *s, *line;
    int k;

    sheet_case2(sheet);
    results_new(&r);
    s = report(&r, LOAN, IPL_REPORT_CSV);
    assert_starts(s, "period,start,date,rate,opening,interest,principal,payment,closing,"
                  "prepaid\n");
    line = strchr(s, '\n') + 1;
    for (k = 1; k <= 12; k++, line = strchr(line, '\n') + 1) {
        ck_assert_int_eq(atoi(line), k);
        ck_assert(fabs((double)csv_minor(line, 5) - sheet[k - 1].ipmt * 100) <= k + 1e-6);
        ck_assert(fabs((double)csv_minor(line, 6) - sheet[k - 1].ppmt * 100) <= k + 1e-6);
        if (k < 12)
            ck_assert_int_eq(csv_minor(line, 7), llround(sheet[k - 1].pmt * 100));
    }
    assert_starts(line, "total,,,,,");
    ck_assert_int_eq(csv_minor(line, 6), 100000000);
    /* the first row in full: 1,000,000 × 0.0345 / 12 = 2,875.00 */
    assert_has(s, "1,2024-01-15,2024-02-15,0.0345,1000000.00,2875.00,82023.82,84898.82,"
               "917976.18,0.00\n");
    ipl_report_string_free(s);
    results_free(&r);
}
END_TEST

START_TEST(test_loan_formats)
{
    results r;
    char *s;

    results_new(&r);
    s = report(&r, LOAN, IPL_REPORT_TEXT);
    assert_has(s, "Loan CNY 1,000,000.00, annuity, 12 payments from 2024-01-15, 30/360, "
               "rounding half-even\n");
    assert_has(s, "   1  2024-02-15   3.4500      1,000,000.00        2,875.00         "
               "82,023.82         84,898.82        917,976.18\n");
    ipl_report_string_free(s);
    s = report(&r, LOAN, IPL_REPORT_JSON);
    assert_has(s, "{\n  \"currency\": \"CNY\",\n  \"principal\": \"1000000.00\",\n"
               "  \"method\": \"annuity\",");
    assert_has(s, "      \"rate\": 0.0345,\n      \"opening\": \"1000000.00\",\n"
               "      \"interest\": \"2875.00\",");
    assert_has(s, "\"totals\": {\n    \"interest\": ");
    assert_has(s, "    \"principal\": \"1000000.00\",");
    ipl_report_string_free(s);
    s = report(&r, LOAN, IPL_REPORT_XML);
    assert_has(s, "<schedule currency=\"CNY\" principal=\"1000000.00\" method=\"annuity\" "
               "daycount=\"30/360\" rounding=\"half-even\">\n");
    assert_has(s, "  <row period=\"1\" start=\"2024-01-15\" date=\"2024-02-15\" rate=\"0.0345\""
               " opening=\"1000000.00\" interest=\"2875.00\" principal=\"82023.82\" "
               "payment=\"84898.82\" closing=\"917976.18\" prepaid=\"0.00\"/>\n");
    assert_has(s, "  <residual period=\"12\"");
    ipl_report_string_free(s);
    results_free(&r);
}
END_TEST

/* ---- the subsidy ---- */

START_TEST(test_subsidy_formats)
{
    results r;
    char *s;

    results_new(&r);
    s = report(&r, SUBSIDY, IPL_REPORT_CSV);
    assert_starts(s, "period,start,end,paid_on,base,subsidy,paid,capped\n"
                  "1,2024-01-15,2024-02-15,");
    assert_has(s, ",4350.00,1740.00,1740.00,\n");        /* 12 × 362.50, 12 × 145.00 */
    assert_has(s, "\n12,2024-12-15,2025-01-15,");
    assert_has(s, ",362.50,145.00,145.00,\n");
    assert_has(s, "\ntotal,,,,28275.00,11310.00,11310.00,0.00\n");
    ipl_report_string_free(s);
    s = report(&r, SUBSIDY, IPL_REPORT_TEXT);
    assert_has(s, "Subsidy in CNY, 12 periods\n");
    assert_has(s, "       28,275.00         11,310.00         11,310.00\n");
    ipl_report_string_free(s);
    s = report(&r, SUBSIDY, IPL_REPORT_JSON);
    assert_has(s, "      \"base\": \"4350.00\",\n      \"subsidy\": \"1740.00\",\n");
    assert_has(s, "  \"totals\": {\n    \"base\": \"28275.00\",\n    \"subsidy\": \"11310.00\","
               "\n    \"paid\": \"11310.00\",\n    \"capped\": \"0.00\"\n  }\n}\n");
    ipl_report_string_free(s);
    s = report(&r, SUBSIDY, IPL_REPORT_XML);
    assert_has(s, "<subsidy currency=\"CNY\">\n  <row period=\"1\" start=\"2024-01-15\" "
               "end=\"2024-02-15\" paid_on=\"");
    assert_has(s, "  <totals base=\"28275.00\" subsidy=\"11310.00\" paid=\"11310.00\" "
               "capped=\"0.00\"/>\n</subsidy>\n");
    ipl_report_string_free(s);
    results_free(&r);
}
END_TEST

/* ---- the compensation ---- */

START_TEST(test_compensation_formats)
{
    results r;
    char *s;

    results_new(&r);
    s = report(&r, COMPENSATION, IPL_REPORT_CSV);
    ck_assert_str_eq(s, "record,date,party,role,share_bp,kind,prepaid,settlement,amount\n"
                     "party,,\"guarantor\",other,4000,final,0.00,288000.00,288000.00\n"
                     "party,,\"re-guarantor\",other,3000,final,0.00,216000.00,216000.00\n"
                     "party,,\"bank\",lender,2000,final,0.00,159000.00,159000.00\n"
                     "party,,\"government\",fund,1000,final,0.00,72000.00,72000.00\n"
                     "flow,2025-06-30,\"guarantor\",,,settle,,,288000.00\n"
                     "flow,2025-06-30,\"re-guarantor\",,,settle,,,216000.00\n"
                     "flow,2025-06-30,\"government\",,,settle,,,72000.00\n"
                     "loss,2025-06-30,,,,total,,,735000.00\n");
    ipl_report_string_free(s);
    s = report(&r, COMPENSATION, IPL_REPORT_TEXT);
    assert_has(s, "  net recovery                 280,000.00\n");
    assert_has(s, "bank             lender   20.00              0.00        159,000.00"
               "        159,000.00\n");
    ipl_report_string_free(s);
    s = report(&r, COMPENSATION, IPL_REPORT_JSON);
    assert_has(s, "    \"net_recovery\": \"280000.00\",\n    \"principal_loss\": \"720000.00\",");
    assert_has(s, "      \"name\": \"bank\",\n      \"role\": \"lender\",\n"
               "      \"share_bp\": 2000,\n      \"prepaid\": \"0.00\",\n"
               "      \"settlement\": \"159000.00\",\n      \"final\": \"159000.00\"\n");
    ipl_report_string_free(s);
    s = report(&r, COMPENSATION, IPL_REPORT_XML);
    assert_has(s, "<statement tier=\"1\" settlement_date=\"2025-06-30\" "
               "outstanding_principal=\"1000000.00\" outstanding_interest=\"15000.00\" "
               "net_recovery=\"280000.00\" principal_loss=\"720000.00\" "
               "interest_loss=\"15000.00\" loss=\"735000.00\"");
    ipl_report_string_free(s);
    results_free(&r);
}
END_TEST

/* A name with a comma and quotes stays one CSV field (RFC 4180: quoted,
 * inner quotes doubled) and is escaped in XML and JSON. */
START_TEST(test_quoting)
{
    ipl_compensation *c = new_compensation("Fund \"A\", <B>");
    char *s;

    ck_assert_int_eq(ipl_report_compensation_string(&s, NULL, c, IPL_REPORT_CSV, NULL),
                     IPL_OK);
    assert_has(s, "party,,\"Fund \"\"A\"\", <B>\",other,4000,final,");
    assert_has(s, "flow,2025-06-30,\"Fund \"\"A\"\", <B>\",,,settle,");
    ipl_report_string_free(s);
    ck_assert_int_eq(ipl_report_compensation_string(&s, NULL, c, IPL_REPORT_XML, NULL),
                     IPL_OK);
    assert_has(s, "name=\"Fund &quot;A&quot;, &lt;B&gt;\"");
    ipl_report_string_free(s);
    ck_assert_int_eq(ipl_report_compensation_string(&s, NULL, c, IPL_REPORT_JSON, NULL),
                     IPL_OK);
    assert_has(s, "\"name\": \"Fund \\\"A\\\", <B>\"");
    ipl_report_string_free(s);
    ipl_compensation_free(c);
}
END_TEST

/* ---- the pledge decision ---- */

START_TEST(test_pledge_formats)
{
    results r;
    char *s;

    results_new(&r);
    s = report(&r, PLEDGE, IPL_REPORT_CSV);
    ck_assert_str_eq(s, "policy,pledge_rules,currency,eligible,max_loan,collateral,ratio,"
                     "rights,failures\n"
                     "\"dongguan\",\"bank-conservative\",CNY,true,1500000.00,1500000.00,0.3,"
                     "2,0\n");
    ipl_report_string_free(s);
    s = report(&r, PLEDGE, IPL_REPORT_TEXT);
    assert_has(s, "Pledge decision under policy dongguan (pledge rules: bank-conservative)\n"
               "Loan starting 2024-01-15 for 36 months\n");
    assert_has(s, "Largest loan      CNY 1,500,000.00 (30.00 % of appraised value)\n");
    ipl_report_string_free(s);
    s = report(&r, PLEDGE, IPL_REPORT_JSON);
    assert_has(s, "  \"eligible\": true,\n  \"max_loan\": \"1500000.00\",\n"
               "  \"collateral\": \"1500000.00\",\n  \"ratio\": 0.3,\n");
    assert_has(s, "      \"id\": null,\n      \"type\": \"trademark\",\n"
               "      \"value\": \"1000000.00\",\n      \"ratio\": 0.5,\n"
               "      \"collateral\": \"500000.00\"\n");
    ipl_report_string_free(s);
    s = report(&r, PLEDGE, IPL_REPORT_XML);
    assert_has(s, "<pledge policy=\"dongguan\" currency=\"CNY\" eligible=\"true\" "
               "max-loan=\"1500000.00\" collateral=\"1500000.00\" ratio=\"0.3\">\n");
    assert_has(s, " <right id=\"CN201510481495.9\" type=\"invention\" value=\"4000000.00\" "
               "ratio=\"0.25\" collateral=\"1000000.00\"/>\n");
    ipl_report_string_free(s);
    results_free(&r);
}
END_TEST

/* Rules built by hand have no policy: the report says none. */
START_TEST(test_pledge_without_policy)
{
    results r;
    char *s;

    results_new(&r);
    ck_assert_int_eq(ipl_report_pledge_string(&s, NULL, r.d.p, NULL, &r.d.q, r.d.rights, 2,
                                              IPL_REPORT_JSON, NULL), IPL_OK);
    assert_starts(s, "{\n  \"policy\": null,\n  \"pledge_rules\": null,\n");
    ipl_report_string_free(s);
    ck_assert_int_eq(ipl_report_pledge_string(&s, NULL, r.d.p, NULL, &r.d.q, r.d.rights, 2,
                                              IPL_REPORT_CSV, NULL), IPL_OK);
    assert_has(s, "\n,,CNY,true,1500000.00,");
    ipl_report_string_free(s);
    results_free(&r);
}
END_TEST

/* ---- sinks and strings ---- */

/* For every result and format: the string is exactly what the sink
 * receives, and a sink refusing its first or second piece stops the
 * writer with IPL_ERROR at "sink". */
START_TEST(test_string_equals_sink)
{
    static collected c;
    results r;
    int what, f;

    results_new(&r);
    for (what = LOAN; what <= PLEDGE; what++)
        for (f = 0; f < NFORMATS; f++) {
            ipl_error err = iplt_stale_error();
            char *s = report(&r, (subject)what, FORMATS[f]);
            int rc;

            memset(&c, 0, sizeof c);
            ck_assert_int_eq(write_to(&r, (subject)what, FORMATS[f], collect, &c, NULL),
                             IPL_OK);
            ck_assert_uint_eq(c.n, strlen(s));
            ck_assert_str_eq(c.buf, s);
            ipl_report_string_free(s);

            memset(&c, 0, sizeof c);
            c.refuse_at = 1;
            rc = write_to(&r, (subject)what, FORMATS[f], collect, &c, &err);
            iplt_assert_error(err, rc, IPL_ERROR, "sink");
            ck_assert_int_eq(c.calls, 1);   /* and never called again */
        }
    results_free(&r);
    /* 120 periods of text are longer than one buffer: refused on the
     * second piece */
    r.terms = loan_terms();
    r.terms.periods = 120;
    r.loan = new_loan(&r.terms);
    memset(&c, 0, sizeof c);
    c.refuse_at = 2;
    ck_assert_int_eq(ipl_report_loan(r.loan, &r.terms, IPL_REPORT_TEXT, collect, &c, NULL),
                     IPL_ERROR);
    ck_assert_int_eq(c.calls, 2);
    ipl_loan_schedule_free(r.loan);
}
END_TEST

START_TEST(test_errors)
{
    results r;
    ipl_error err = iplt_stale_error();
    char *s = NULL;
    collected *c = calloc(1, sizeof *c);
    ipl_report_format f;
    int rc;

    ck_assert_ptr_nonnull(c);
    results_new(&r);
    rc = ipl_report_loan(NULL, &r.terms, IPL_REPORT_CSV, collect, c, &err);
    ck_assert_int_eq(rc, IPL_EINVAL);
    rc = ipl_report_loan(r.loan, NULL, IPL_REPORT_CSV, collect, c, &err);
    ck_assert_int_eq(rc, IPL_EINVAL);
    rc = ipl_report_loan(r.loan, &r.terms, IPL_REPORT_HTML, collect, c, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "format");
    rc = ipl_report_subsidy(r.subsidy, (ipl_report_format)99, collect, c, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "format");
    rc = ipl_report_compensation(r.comp, IPL_REPORT_JSON, NULL, NULL, &err);
    ck_assert_int_eq(rc, IPL_EINVAL);
    rc = ipl_report_compensation_string(NULL, NULL, r.comp, IPL_REPORT_JSON, &err);
    ck_assert_int_eq(rc, IPL_EINVAL);
    rc = ipl_report_pledge_string(&s, NULL, r.d.p, r.d.policy, &r.d.q, r.d.rights, 3,
                                  IPL_REPORT_TEXT, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "n_rights");
    rc = ipl_report_pledge_string(&s, NULL, r.d.p, r.d.policy, &r.d.q, r.d.rights, 0,
                                  IPL_REPORT_TEXT, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "n_rights");
    rc = ipl_report_pledge(r.d.p, r.d.policy, NULL, r.d.rights, 2, IPL_REPORT_TEXT, collect,
                           c, &err);
    ck_assert_int_eq(rc, IPL_EINVAL);
    ck_assert_ptr_null(s);
    ck_assert_uint_eq(c->calls, 0);
    /* CSV is for the lending results only */
    ck_assert_int_eq(ipl_report_format_from_name(&f, "csv", NULL), IPL_OK);
    ck_assert_int_eq(f, IPL_REPORT_CSV);
    rc = ipl_report_value(NULL, 0, NULL, IPL_REPORT_CSV, collect, c, &err);
    ck_assert_int_eq(rc, IPL_EINVAL);
    rc = ipl_report_format_from_name(&f, "tsv", &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "format");
    results_free(&r);
    free(c);
}
END_TEST

/* ---- allocation failure: the string functions allocate, the sink
 *      writers do not ---- */

typedef struct oom_ctx {
    const results *r;
    subject what;
    ipl_report_format format;
} oom_ctx;

static int
oom_string(void *ctx)
{
    const oom_ctx *o = ctx;
    char *s = NULL;
    int rc = write_string(&s, NULL, o->r, o->what, o->format, NULL);

    ipl_report_string_free(s);
    return rc;
}

static int
discard(void *ctx, const char *bytes, size_t n)
{
    (void)ctx;
    (void)bytes;
    (void)n;
    return 0;
}

static int
oom_sink(void *ctx)
{
    const oom_ctx *o = ctx;

    return write_to(o->r, o->what, o->format, discard, NULL, NULL);
}

START_TEST(test_oom)
{
    results r;
    oom_ctx o;
    int what, f, rc;

    results_new(&r);
    o.r = &r;
    for (what = LOAN; what <= PLEDGE; what++)
        for (f = 0; f < NFORMATS; f++) {
            o.what = (subject)what;
            o.format = FORMATS[f];
            ck_assert_uint_ge(iplt_oom_check(oom_string, &o), 1);
            ck_assert_uint_eq(iplt_oom_none(oom_sink, &o, &rc), 0);
            ck_assert_int_eq(rc, IPL_OK);
        }
    results_free(&r);
}
END_TEST

static Suite *
report_suite(void)
{
    Suite *s = suite_create("report");
    TCase *tc = tcase_create("lending");

    tcase_add_test(tc, test_loan_csv_gnumeric);
    tcase_add_test(tc, test_loan_formats);
    tcase_add_test(tc, test_subsidy_formats);
    tcase_add_test(tc, test_compensation_formats);
    tcase_add_test(tc, test_quoting);
    tcase_add_test(tc, test_pledge_formats);
    tcase_add_test(tc, test_pledge_without_policy);
    tcase_add_test(tc, test_string_equals_sink);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_oom);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    iplt_oom_install();
    return iplt_run(report_suite());
}
