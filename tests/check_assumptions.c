/* Valuation assumptions documents: the documents `ipledge value` and
 * `ipledge appraise` read give the same blocks and the same values as
 * the command printed before the reader moved into the library (figures
 * from tests/check_value_cli.sh and tests/check_appraise_cli.sh, or
 * worked by hand below); errors carry the file, the line and the field;
 * hostile documents are refused; allocation failures are clean. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "ipledge.h"

/* Values are compared to the cent or to the CLI tests' 1e-6. */
#define CENT 0.005

static char *
value_vector(const char *name)
{
    static char path[1024];
    const char *dir = getenv("IPL_VECTORS_DIR");

    snprintf(path, sizeof path, "%s/value/%s", dir != NULL ? dir : "vectors", name);
    return path;
}

static char *
case_document(const char *name)
{
    static char path[1024];
    const char *dir = getenv("IPL_SRCDIR");

    snprintf(path, sizeof path, "%s/examples/cases/%s", dir != NULL ? dir : "..", name);
    return path;
}

static ipl_assumptions *
load(const char *path)
{
    ipl_assumptions *a = NULL;
    ipl_error err = iplt_stale_error();

    ck_assert_msg(ipl_assumptions_load_file(&a, path, &err) == IPL_OK, "%s: %s:%d: %s",
                  path, err.where, err.line, err.message);
    return a;
}

/* The value of right i, freed. */
static double
value_of(const ipl_assumptions *a, size_t i)
{
    ipl_value *v = NULL;
    ipl_error err = iplt_stale_error();
    double total;

    ck_assert_msg(ipl_assumptions_value(&v, a, i, &err) == IPL_OK, "%s: %s",
                  err.where, err.message);
    total = ipl_value_total(v);
    ipl_value_free(v);
    return total;
}

START_TEST(test_declining_patent)
{
    ipl_assumptions *a = load(value_vector("declining-patent.xml"));
    const ipl_value_income *in;
    ipl_montecarlo *mc = NULL;
    ipl_error err = iplt_stale_error();
    ipl_value *v = NULL;
    int rc;

    ck_assert_str_eq(ipl_assumptions_label(a), value_vector("declining-patent.xml"));
    ck_assert_str_eq(ipl_assumptions_currency(a), "CNY");
    ck_assert_uint_eq(ipl_assumptions_count(a), 1);
    ck_assert_int_eq(ipl_assumptions_approach_at(a, 0), IPL_ASSUMPTIONS_INCOME);
    ck_assert_ptr_null(ipl_assumptions_cost_at(a, 0));
    ck_assert_ptr_null(ipl_assumptions_market_at(a, 0));
    ck_assert_ptr_null(ipl_assumptions_income_at(a, 1));
    ck_assert_int_eq(ipl_assumptions_approach_at(a, 1), 0);
    in = ipl_assumptions_income_at(a, 0);
    ck_assert_ptr_nonnull(in);
    ck_assert_int_eq(in->method, IPL_VALUE_SPLIT);
    ck_assert_int_eq(in->base_kind, IPL_VALUE_BASE_PROFIT);
    ck_assert_int_eq(in->timing, IPL_VALUE_TIMING_END);
    ck_assert(iplt_same_double(in->base_first, 1000000) && iplt_same_double(in->base_decline, 100000));
    ck_assert(iplt_same_double(in->share, 1) && iplt_same_double(in->discount_rate, 0.10) && iplt_same_double(in->legal_years, 20));
    ck_assert_uint_eq(in->base_count, 0);
    ck_assert_int_eq(ipl_assumptions_has_montecarlo(a), 0);
    ck_assert_ptr_null(ipl_assumptions_montecarlo_options(a));
    /* The patent: 3,855,432.89 over 10 years set by the income
     * falling to zero (tests/check_value_cli.sh). */
    ck_assert_int_eq(ipl_assumptions_value(&v, a, 0, &err), IPL_OK);
    ck_assert(fabs(ipl_value_total(v) - 3855432.894295317) < 1e-6);
    ck_assert(iplt_same_double(ipl_value_period(v), 10));
    ck_assert_int_eq(ipl_value_period_reason(v), IPL_VALUE_REASON_ECONOMIC);
    ipl_value_free(v);
    rc = ipl_assumptions_simulate(&mc, a, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, value_vector("declining-patent.xml"));
    ck_assert_int_eq(err.line, 4);
    ck_assert_ptr_null(mc);
    ipl_assumptions_free(a);
}
END_TEST

START_TEST(test_multiplier_patent)
{
    ipl_assumptions *a = load(value_vector("multiplier-patent.xml"));
    const ipl_value_cost *c = ipl_assumptions_cost_at(a, 0);

    ck_assert_int_eq(ipl_assumptions_approach_at(a, 0), IPL_ASSUMPTIONS_COST);
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(c->basis, IPL_VALUE_COST_MULTIPLIER);
    ck_assert(iplt_same_double(c->materials, 15) && iplt_same_double(c->overhead, 20) && iplt_same_double(c->labour, 30));
    ck_assert(iplt_same_double(c->beta1, 1.2) && iplt_same_double(c->beta2, 0.4) && iplt_same_double(c->profit_rate, 0.2));
    ck_assert(iplt_same_double(c->used_years, 3) && iplt_same_double(c->remaining_years, 5) && iplt_same_double(c->newness, 0));
    ck_assert_str_eq(ipl_assumptions_currency(a), "CNY");   /* the default */
    /* (15 + 20 + 30 × 1.2) ÷ (1 − 0.4) × 1.2 = 142; × 5 ÷ (3 + 5) = 88.75 */
    ck_assert(fabs(value_of(a, 0) - 88.75) < 1e-9);
    ipl_assumptions_free(a);
}
END_TEST

START_TEST(test_bundle)
{
    ipl_assumptions *a = load(value_vector("bundle.xml"));
    const ipl_montecarlo_options *o = ipl_assumptions_montecarlo_options(a);
    const ipl_montecarlo_input *in;
    ipl_montecarlo *mc = NULL;
    ipl_error err = iplt_stale_error();
    ipl_value *v = NULL;
    double sum;
    size_t n = 0;

    ck_assert_uint_eq(ipl_assumptions_count(a), 3);
    ck_assert_int_eq(ipl_assumptions_approach_at(a, 0), IPL_ASSUMPTIONS_INCOME);
    ck_assert_int_eq(ipl_assumptions_approach_at(a, 1), IPL_ASSUMPTIONS_INCOME);
    ck_assert_int_eq(ipl_assumptions_approach_at(a, 2), IPL_ASSUMPTIONS_COST);
    ck_assert_int_eq(ipl_assumptions_income_at(a, 1)->method, IPL_VALUE_RELIEF_FROM_ROYALTY);
    ck_assert(ipl_assumptions_income_at(a, 1)->renewable);
    ck_assert(iplt_same_double(ipl_assumptions_income_at(a, 1)->contract_years, 6));
    ck_assert_int_eq(ipl_assumptions_has_montecarlo(a), 1);
    ck_assert_ptr_nonnull(o);
    ck_assert_uint_eq(o->paths, 3000);
    ck_assert_uint_eq(o->seed, 7);
    ck_assert_uint_eq(o->threads, 2);
    ck_assert_uint_eq(o->bins, 20);                          /* the default */
    in = ipl_assumptions_montecarlo_inputs(a, &n);
    ck_assert_uint_eq(n, 3);
    ck_assert_uint_eq(in[1].right, 1);
    ck_assert_int_eq(in[1].field, IPL_MONTECARLO_SHARE_SCALE);
    ck_assert_int_eq(in[1].dist.kind, IPL_MONTECARLO_TRIANGULAR);
    ck_assert(iplt_same_double(in[1].dist.a, 0.7) && iplt_same_double(in[1].dist.mode, 1) && iplt_same_double(in[1].dist.b, 1.2));
    ck_assert_int_eq(in[2].field, IPL_MONTECARLO_NEWNESS);
    ck_assert_int_eq(in[2].dist.truncated, 0);
    ck_assert(iplt_same_double(o->correlation[1], 0.6) && iplt_same_double(o->correlation[3], 0.6) &&
              iplt_same_double(o->correlation[8], 1) && iplt_same_double(o->correlation[2], 0));
    /* Each right as alone (tests/check_value_cli.sh): the declining
     * patent, the trademark over its 6-year contract, the 88.75 patent. */
    ck_assert(fabs(value_of(a, 0) - 3855432.894295317) < 1e-6);
    ck_assert(fabs(value_of(a, 2) - 88.75) < 1e-9);
    ck_assert_int_eq(ipl_assumptions_value(&v, a, 1, &err), IPL_OK);
    ck_assert(iplt_same_double(ipl_value_period(v), 6));
    ck_assert_int_eq(ipl_value_period_reason(v), IPL_VALUE_REASON_CONTRACT);
    sum = value_of(a, 0) + ipl_value_total(v) + value_of(a, 2);
    ipl_value_free(v);
    ck_assert_int_eq(ipl_assumptions_simulate(&mc, a, &err), IPL_OK);
    ck_assert_uint_eq(ipl_montecarlo_paths(mc), 3000);
    ck_assert(fabs(ipl_montecarlo_deterministic(mc) - sum) < 1e-6 * sum);
    ipl_montecarlo_free(mc);
    ipl_assumptions_free(a);
}
END_TEST

/* The whole document of a file, with from replaced by to. */
static char *
edited(const char *path, const char *from, const char *to, size_t *size)
{
    FILE *f = fopen(path, "rb");
    char buf[8192], *out, *at;
    size_t n;

    ck_assert_ptr_nonnull(f);
    n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    ck_assert_ptr_nonnull(at = strstr(buf, from));
    out = malloc(n + strlen(to) + 1);
    ck_assert_ptr_nonnull(out);
    *size = (size_t)snprintf(out, n + strlen(to) + 1, "%.*s%s%s", (int)(at - buf), buf, to,
                             at + strlen(from));
    return out;
}

START_TEST(test_trademark_montecarlo)
{
    const char *path = value_vector("trademark-montecarlo.xml");
    ipl_assumptions *a = load(path), *one = NULL;
    const ipl_value_income *in = ipl_assumptions_income_at(a, 0);
    const ipl_montecarlo_input *inputs;
    ipl_montecarlo *mc = NULL, *mc1 = NULL;
    ipl_error err = iplt_stale_error();
    size_t n = 0, i, count, total = 0;
    double lo, hi;
    char *doc;

    ck_assert_int_eq(in->timing, IPL_VALUE_TIMING_MID);
    ck_assert_uint_eq(in->premium_count, 3);
    ck_assert_str_eq(in->premia[0].name, "market");
    ck_assert_str_eq(in->premia[2].name, "management");
    ck_assert(iplt_same_double(in->premia[1].rate, 0.02) && iplt_same_double(in->discount_rate, 0.035));
    ck_assert_int_eq(in->legal_expiry.year, 2027);
    ck_assert_int_eq(in->legal_expiry.month, 6);
    ck_assert_int_eq(in->valuation_date.day, 31);
    ck_assert(in->renewable && in->terminal && iplt_same_double(in->terminal_growth, 0.02));
    ck_assert(iplt_same_double(in->tab_years, 10));
    ck_assert_int_eq(in->tab_timing, IPL_VALUE_TIMING_MID);
    inputs = ipl_assumptions_montecarlo_inputs(a, &n);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(inputs[2].dist.truncated, 1);
    ck_assert(iplt_same_double(inputs[2].dist.lower, 0.08) && iplt_same_double(inputs[2].dist.upper, 0.14));
    ck_assert_int_eq(inputs[0].dist.kind, IPL_MONTECARLO_PERT);
    ck_assert(iplt_same_double(ipl_assumptions_montecarlo_options(a)->correlation[5], -0.2));
    /* tests/check_value_cli.sh: 5,000 paths in the histogram, P5 < P50 <
     * P95, and the same numbers on one thread as on two. */
    ck_assert_int_eq(ipl_assumptions_simulate(&mc, a, &err), IPL_OK);
    ck_assert_uint_eq(ipl_montecarlo_bin_count(mc), 10);
    for (i = 0; i < ipl_montecarlo_bin_count(mc); i++) {
        ck_assert_int_eq(ipl_montecarlo_bin(&lo, &hi, &count, mc, i, &err), IPL_OK);
        total += count;
    }
    ck_assert_uint_eq(total, 5000);
    ck_assert(ipl_montecarlo_quantile(mc, 0.05) < ipl_montecarlo_quantile(mc, 0.5));
    ck_assert(ipl_montecarlo_quantile(mc, 0.5) < ipl_montecarlo_quantile(mc, 0.95));
    doc = edited(path, "threads=\"2\"", "threads=\"1\"", &n);
    ck_assert_int_eq(ipl_assumptions_load_memory(&one, doc, n, "one.xml", &err), IPL_OK);
    ck_assert_str_eq(ipl_assumptions_label(one), "one.xml");
    ck_assert_int_eq(ipl_assumptions_simulate(&mc1, one, &err), IPL_OK);
    ck_assert(iplt_same_double(ipl_montecarlo_mean(mc), ipl_montecarlo_mean(mc1)));
    ck_assert(iplt_same_double(ipl_montecarlo_quantile(mc, 0.95),
                               ipl_montecarlo_quantile(mc1, 0.95)));
    free(doc);
    ipl_montecarlo_free(mc1);
    ipl_montecarlo_free(mc);
    ipl_assumptions_free(one);
    ipl_assumptions_free(a);
}
END_TEST

/* The valuation documents of examples/cases, valued as `ipledge
 * appraise` reported them (tests/check_appraise_cli.sh). */
START_TEST(test_case_documents)
{
    ipl_assumptions *a;
    ipl_montecarlo *mc = NULL;
    ipl_error err = iplt_stale_error();

    a = load(case_document("dongguan-invention-value.xml"));
    ck_assert(fabs(value_of(a, 0) - 1895393.38) < CENT);
    ipl_assumptions_free(a);
    a = load(case_document("xianning-patent-value.xml"));
    ck_assert(fabs(value_of(a, 0) - 1480106.64) < CENT);
    ipl_assumptions_free(a);
    a = load(case_document("xianning-trademark-value.xml"));
    ck_assert(fabs(value_of(a, 0) - 540716.43) < CENT);
    ipl_assumptions_free(a);
    /* 1,500,000 × 25 % = 375,000 a year for 8 years at 10 %:
     * 375,000 × (1 − 1.1^−8) ÷ 0.1 = 375,000 × 5.334926198 = 2,000,597.32 */
    a = load(case_document("henan-patent-value.xml"));
    ck_assert(fabs(value_of(a, 0) - 2000597.32) < CENT);
    ipl_assumptions_free(a);
    a = load(case_document("us-patent-value.xml"));
    ck_assert_str_eq(ipl_assumptions_currency(a), "USD");
    ck_assert_int_eq(ipl_assumptions_simulate(&mc, a, &err), IPL_OK);
    ck_assert_uint_eq(ipl_montecarlo_paths(mc), 4000);
    ck_assert_uint_eq(ipl_montecarlo_bin_count(mc), 12);
    ck_assert(ipl_montecarlo_quantile(mc, 0.05) < value_of(a, 0));
    ipl_montecarlo_free(mc);
    ipl_assumptions_free(a);
}
END_TEST

/* A bad vector: loading fails with code, the file as where, and line. */
static void
expect_load_error(const char *name, int line, const char *want)
{
    const char *path = value_vector(name);
    ipl_assumptions *a = NULL;
    ipl_error err = iplt_stale_error();
    int rc = ipl_assumptions_load_file(&a, path, &err);

    iplt_assert_error(err, rc, IPL_EPARSE, path);
    ck_assert_ptr_null(a);
    if (line > 0)
        ck_assert_int_eq(err.line, line);
    else
        ck_assert_int_gt(err.line, 0);
    ck_assert_msg(strstr(err.message, want) != NULL, "%s: \"%s\" lacks \"%s\"", name,
                  err.message, want);
}

START_TEST(test_documents_refused)
{
    expect_load_error("bad/not-a-number.xml", 5, "ten percent");
    expect_load_error("bad/doctype.xml", 1, "DOCTYPE");
    expect_load_error("bad/entity.xml", 0, "");
    expect_load_error("bad/truncated.xml", 0, "not well-formed");
}
END_TEST

/* A bad vector that loads: the library refuses a field, located. */
static void
expect_eval_error(const char *name, int simulate, int code, const char *where, int line,
                  const char *want)
{
    ipl_assumptions *a = load(value_vector(name));
    ipl_montecarlo *mc = NULL;
    ipl_error err = iplt_stale_error();
    ipl_value *v = NULL;
    size_t k;
    int rc = IPL_OK;

    for (k = 0; rc == IPL_OK && k < ipl_assumptions_count(a); k++) {
        rc = ipl_assumptions_value(&v, a, k, &err);
        ipl_value_free(v);
        v = NULL;
    }
    if (simulate) {
        ck_assert_int_eq(rc, IPL_OK);
        rc = ipl_assumptions_simulate(&mc, a, &err);
        ck_assert_ptr_null(mc);
    }
    iplt_assert_error(err, rc, code, where);
    ck_assert_int_eq(err.line, line);
    ck_assert_msg(strstr(err.message, want) != NULL, "%s: \"%s\" lacks \"%s\"", name,
                  err.message, want);
    ck_assert_int_eq(ipl_assumptions_line(a, where), line);
    ipl_assumptions_free(a);
}

START_TEST(test_library_errors_are_located)
{
    expect_eval_error("bad/rate-below-minus-100.xml", 0, IPL_ERANGE, "rights[0].discount_rate", 6,
                      "must be above -100 %");
    expect_eval_error("bad/correlation.xml", 1, IPL_EINVAL, "correlation", 14,
                      "not positive definite");
    expect_eval_error("bad/market-montecarlo.xml", 1, IPL_EINVAL, "rights[1]", 6,
                      "a market-approach right");
    expect_eval_error("bad/uniform-reversed.xml", 1, IPL_ERANGE, "inputs[1].dist.b", 12, "");
}
END_TEST

static const char minimal[] =
    "<?xml version='1.0'?>\n"
    "<valuation xmlns='urn:ipledge:valuation:1'>\n"
    "  <income>\n"
    "    <base first='1000'/>\n"
    "    <share value='0.2'/>\n"
    "    <discount rate='0.1'/>\n"
    "    <period economic-years='5'/>\n"
    "  </income>\n"
    "</valuation>\n";

/* minimal with from replaced by to must fail at line with want. */
static void
expect_error(const char *from, const char *to, int line, const char *want)
{
    char doc[2048];
    const char *at = strstr(minimal, from);
    ipl_assumptions *a = NULL;
    ipl_error err = iplt_stale_error();
    int rc;

    ck_assert_ptr_nonnull(at);
    snprintf(doc, sizeof doc, "%.*s%s%s", (int)(at - minimal), minimal, to,
             at + strlen(from));
    rc = ipl_assumptions_load_memory(&a, doc, strlen(doc), "bad.xml", &err);
    iplt_assert_error(err, rc, IPL_EPARSE, "bad.xml");
    ck_assert_ptr_null(a);
    ck_assert_int_eq(err.line, line);
    ck_assert_msg(strstr(err.message, want) != NULL, "%s: message \"%s\" lacks \"%s\"",
                  to, err.message, want);
}

START_TEST(test_errors_are_located)
{
    /* schema */
    expect_error("<discount rate='0.1'/>", "<discount/>", 6, "/valuation/income/discount");
    expect_error("<period", "<perod", 7, "perod");
    expect_error("rate='0.1'", "rate='2000'", 6, "2000");
    /* well-formedness */
    expect_error("</income>", "</incme>", 8, "not well-formed");
    /* what the schema accepts and the library cannot hold */
    expect_error("value='0.2'", "value='0.12345678901234567'", 5,
                 "/valuation/income/share: value: \"0.12345678901234567\" is not a number");
    expect_error("economic-years='5'", "economic-years='NaN'", 7, "period: economic-years");
    expect_error("<valuation ", "<valuation currency='EURO' ", 2, "currency");
    expect_error("economic-years='5'", "economic-years='5' valuation-date='0000-01-01'", 7,
                 "valuation-date");
}
END_TEST

static const char simulated[] =
    "<?xml version='1.0'?>\n"
    "<valuation xmlns='urn:ipledge:valuation:1'>\n"
    "  <income><base first='1000'/><share value='0.2'/><discount rate='0.1'/>"
    "<period economic-years='5'/></income>\n"
    "  <montecarlo paths='100'>\n"
    "    <input field='base-scale' dist='normal' a='1' b='0.1'/>\n"
    "    <input field='share-scale' dist='normal' a='1' b='0.1'/>\n"
    "    <correlation>1 0 0 1</correlation>\n"
    "  </montecarlo>\n"
    "</valuation>\n";

/* simulated with from replaced by to must fail at line with want. */
static void
expect_simulation_error(const char *from, const char *to, int line, const char *want)
{
    char doc[4096];
    const char *at = strstr(simulated, from);
    ipl_assumptions *a = NULL;
    ipl_error err = iplt_stale_error();
    int rc;

    ck_assert_ptr_nonnull(at);
    snprintf(doc, sizeof doc, "%.*s%s%s", (int)(at - simulated), simulated, to,
             at + strlen(from));
    rc = ipl_assumptions_load_memory(&a, doc, strlen(doc), "mc.xml", &err);
    iplt_assert_error(err, rc, IPL_EPARSE, "mc.xml");
    ck_assert_ptr_null(a);
    ck_assert_int_eq(err.line, line);
    ck_assert_msg(strstr(err.message, want) != NULL, "%s: message \"%s\" lacks \"%s\"",
                  to, err.message, want);
}

START_TEST(test_simulation_errors_are_located)
{
    ipl_assumptions *a = NULL;
    ipl_error err = iplt_stale_error();

    ck_assert_int_eq(ipl_assumptions_load_memory(&a, simulated, sizeof simulated - 1,
                                                 "mc.xml", &err), IPL_OK);
    ipl_assumptions_free(a);
    expect_simulation_error("1 0 0 1", "1 0 0", 7, "3 numbers for 2 inputs, expected 4");
    expect_simulation_error("1 0 0 1", "1 0 0 1 0", 7, "5 numbers for 2 inputs");
    expect_simulation_error("1 0 0 1", "1 0 0 1.00000000000000000000000000000000000000000000"
                            "000000000000000000000000", 7, "an entry of 70 characters");
    expect_simulation_error("1 0 0 1", "1 0 0 0.12345678901234567", 7,
                            "correlation: \"0.12345678901234567\" is not a number");
    expect_simulation_error("paths='100'", "paths='99999999999999999999'", 4,
                            "paths: \"99999999999999999999\" is not a whole number");
}
END_TEST

/* Every lexical form of xs:double the schema lets through, read as the
 * compiler reads the same literal. */
START_TEST(test_numbers_as_written)
{
    static const char doc[] =
        "<valuation xmlns='urn:ipledge:valuation:1' currency='USD'>\n"
        "<income><base first=' 1.5E6 ' growth='-.5e-1' decline='5.'/>"
        "<share value='+2.5e-1'/><discount rate='0.1'/><period economic-years='5'/>"
        "</income>\n"
        "<market quality='+0'><comparable price='1e2' weight='00012.50'/>"
        "<comparable price='-0.0'/></market>\n"
        "<montecarlo seed='18446744073709551615' paths='0000100'>"
        "<input field='base-scale' dist='normal' a='1' b='0.1' upper='INF'/>"
        "<input field='base-scale' dist='normal' a='1' b='0.1' lower='-INF'/>"
        "<correlation>\n1\t0.5 0.5  1 </correlation></montecarlo></valuation>\n";
    ipl_assumptions *a = NULL;
    const ipl_value_income *in;
    const ipl_value_market *m;
    const ipl_montecarlo_input *inputs;
    const ipl_montecarlo_options *o;
    ipl_error err = iplt_stale_error();

    ck_assert_int_eq(ipl_assumptions_load_memory(&a, doc, sizeof doc - 1, NULL, &err),
                     IPL_OK);
    ck_assert_str_eq(ipl_assumptions_label(a), "valuation");
    in = ipl_assumptions_income_at(a, 0);
    ck_assert(iplt_same_double(in->base_first, 1.5e6) && iplt_same_double(in->base_growth, -0.05) &&
              iplt_same_double(in->base_decline, 5) && iplt_same_double(in->share, 0.25) && iplt_same_double(in->discount_rate, 0.1));
    m = ipl_assumptions_market_at(a, 1);
    ck_assert_uint_eq(m->count, 2);
    ck_assert(iplt_same_double(m->quality, 0) && iplt_same_double(m->comparables[0].price, 100) &&
              iplt_same_double(m->comparables[0].weight, 12.5) && iplt_same_double(m->comparables[1].price, 0));
    o = ipl_assumptions_montecarlo_options(a);
    ck_assert(o->seed == UINT64_MAX);
    ck_assert_uint_eq(o->paths, 100);
    ck_assert_uint_eq(o->threads, 1);
    ck_assert(iplt_same_double(o->correlation[0], 1) && iplt_same_double(o->correlation[1], 0.5) &&
              iplt_same_double(o->correlation[2], 0.5) && iplt_same_double(o->correlation[3], 1));
    inputs = ipl_assumptions_montecarlo_inputs(a, NULL);
    ck_assert(inputs[0].dist.truncated && iplt_same_double(inputs[0].dist.lower, -HUGE_VAL) &&
              isinf(inputs[0].dist.upper) && inputs[0].dist.upper > 0);
    ck_assert(inputs[1].dist.truncated && isinf(inputs[1].dist.lower) &&
              inputs[1].dist.lower < 0 && iplt_same_double(inputs[1].dist.upper, HUGE_VAL));
    ipl_assumptions_free(a);
}
END_TEST

START_TEST(test_lines)
{
    ipl_assumptions *a = load(value_vector("trademark-montecarlo.xml"));

    ck_assert_int_eq(ipl_assumptions_line(a, "rights[0].discount_rate"), 10);
    ck_assert_int_eq(ipl_assumptions_line(a, "rights[0].premia[1].rate"), 12);
    ck_assert_int_eq(ipl_assumptions_line(a, "rights[0].legal_years"), 16);
    ck_assert_int_eq(ipl_assumptions_line(a, "rights[0].tab_years"), 18);
    ck_assert_int_eq(ipl_assumptions_line(a, "rights[0].share"), 8);
    ck_assert_int_eq(ipl_assumptions_line(a, "rights[0].method"), 6);
    ck_assert_int_eq(ipl_assumptions_line(a, "inputs[2].dist.lower"), 23);
    ck_assert_int_eq(ipl_assumptions_line(a, "opts.paths"), 20);
    ck_assert_int_eq(ipl_assumptions_line(a, "correlation"), 24);
    ck_assert_int_eq(ipl_assumptions_line(a, "something else"), 5);
    ck_assert_int_eq(ipl_assumptions_line(a, NULL), 5);
    ck_assert_int_eq(ipl_assumptions_line(NULL, "correlation"), 0);
    ipl_assumptions_free(a);
}
END_TEST

START_TEST(test_schema_is_the_file)
{
    FILE *f = fopen(IPL_VALUATION_XSD, "rb");
    static char file[65536];
    size_t n, size = 0;
    const char *schema = ipl_assumptions_schema(&size);

    ck_assert_ptr_nonnull(f);
    n = fread(file, 1, sizeof file, f);
    fclose(f);
    ck_assert_uint_lt(n, sizeof file);
    ck_assert_uint_eq(size, n);
    ck_assert_int_eq(memcmp(schema, file, n), 0);
    ck_assert_int_eq(schema[n], '\0');
    ck_assert_ptr_eq(ipl_assumptions_schema(NULL), schema);
}
END_TEST

START_TEST(test_arguments)
{
    ipl_assumptions *a = NULL;
    ipl_value *v = NULL;
    ipl_montecarlo *mc = NULL;
    ipl_error err = iplt_stale_error();
    int rc;

    rc = ipl_assumptions_load_file(NULL, value_vector("bundle.xml"), &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "out");
    rc = ipl_assumptions_load_file(&a, NULL, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "path");
    rc = ipl_assumptions_load_memory(&a, NULL, 0, "x", &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "data");
    rc = ipl_assumptions_load_file(&a, "/nonexistent/valuation.xml", &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "/nonexistent/valuation.xml");
    rc = ipl_assumptions_load_file(&a, "/dev/zero", &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "/dev/zero");
    rc = ipl_assumptions_load_memory(&a, "", 0, "empty.xml", &err);
    iplt_assert_error(err, rc, IPL_EPARSE, "empty.xml");
    ck_assert_ptr_null(a);
    rc = ipl_assumptions_value(&v, NULL, 0, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "a");
    rc = ipl_assumptions_simulate(&mc, NULL, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "a");
    a = load(value_vector("bundle.xml"));
    rc = ipl_assumptions_value(NULL, a, 0, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "out");
    rc = ipl_assumptions_value(&v, a, 3, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "i");
    rc = ipl_assumptions_simulate(NULL, a, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "out");
    ck_assert_ptr_null(v);
    ipl_assumptions_free(a);
    ipl_assumptions_free(NULL);
    ck_assert_ptr_null(ipl_assumptions_label(NULL));
    ck_assert_ptr_null(ipl_assumptions_currency(NULL));
    ck_assert_uint_eq(ipl_assumptions_count(NULL), 0);
    ck_assert_int_eq(ipl_assumptions_approach_at(NULL, 0), 0);
    ck_assert_ptr_null(ipl_assumptions_income_at(NULL, 0));
    ck_assert_ptr_null(ipl_assumptions_cost_at(NULL, 0));
    ck_assert_ptr_null(ipl_assumptions_market_at(NULL, 0));
    ck_assert_int_eq(ipl_assumptions_has_montecarlo(NULL), 0);
    ck_assert_ptr_null(ipl_assumptions_montecarlo_options(NULL));
    ck_assert_ptr_null(ipl_assumptions_montecarlo_inputs(NULL, NULL));
}
END_TEST

/* ---- allocation failures ---- */

static int
oom_load_file(void *ctx)
{
    ipl_assumptions *a;
    int rc = ipl_assumptions_load_file(&a, ctx, NULL);

    if (rc == IPL_OK)
        ipl_assumptions_free(a);
    return rc;
}

static int
oom_load_memory(void *ctx)
{
    ipl_assumptions *a;
    int rc = ipl_assumptions_load_memory(&a, ctx, strlen(ctx), "oom.xml", NULL);

    if (rc == IPL_OK)
        ipl_assumptions_free(a);
    return rc;
}

static int
oom_value(void *ctx)
{
    ipl_value *v;
    int rc = ipl_assumptions_value(&v, ctx, 1, NULL);

    if (rc == IPL_OK)
        ipl_value_free(v);
    return rc;
}

static int
oom_simulate(void *ctx)
{
    ipl_montecarlo *mc;
    int rc = ipl_assumptions_simulate(&mc, ctx, NULL);

    if (rc == IPL_OK)
        ipl_montecarlo_free(mc);
    return rc;
}

START_TEST(test_allocation_failure)
{
    ipl_assumptions *a;
    char *doc;
    size_t n;

    ck_assert_uint_gt(iplt_oom_check(oom_load_file, value_vector("bundle.xml")), 5);
    doc = edited(value_vector("trademark-montecarlo.xml"), "paths=\"5000\"",
                 "paths=\"600\"", &n);
    ck_assert_uint_gt(iplt_oom_check(oom_load_memory, doc), 5);
    free(doc);
    a = load(value_vector("bundle.xml"));
    ck_assert_uint_gt(iplt_oom_check(oom_value, a), 1);
    ck_assert_uint_gt(iplt_oom_check(oom_simulate, a), 3);
    ipl_assumptions_free(a);
}
END_TEST

static Suite *
assumptions_suite(void)
{
    Suite *s = suite_create("assumptions");
    TCase *tc = tcase_create("assumptions");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_declining_patent);
    tcase_add_test(tc, test_multiplier_patent);
    tcase_add_test(tc, test_bundle);
    tcase_add_test(tc, test_trademark_montecarlo);
    tcase_add_test(tc, test_case_documents);
    tcase_add_test(tc, test_documents_refused);
    tcase_add_test(tc, test_library_errors_are_located);
    tcase_add_test(tc, test_errors_are_located);
    tcase_add_test(tc, test_simulation_errors_are_located);
    tcase_add_test(tc, test_numbers_as_written);
    tcase_add_test(tc, test_lines);
    tcase_add_test(tc, test_schema_is_the_file);
    tcase_add_test(tc, test_arguments);
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
    rc = iplt_run(assumptions_suite());
    ipl_shutdown();
    return rc;
}
