/* Policies: every preset loads and validates; documents become pledge
 * rules that decide as the published rules say; bad documents give
 * errors with the line and the element. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipledge/init.h"
#include "ipledge/policy.h"
#include "harness.h"

static ipl_money
cny(int64_t minor)
{
    ipl_money m;

    m.minor = minor;
    memcpy(m.currency, "CNY", 4);
    return m;
}

static ipl_policy *
preset(const char *name)
{
    ipl_policy *p = NULL;
    ipl_error err;

    ck_assert_msg(ipl_policy_preset(&p, name, &err) == IPL_OK, "%s: %s: %s",
                  name, err.where, err.message);
    return p;
}

/* Loads a document from a string; returns the status, err filled. */
static int
load(ipl_policy **p, const char *text, ipl_error *err)
{
    *p = NULL;
    return ipl_policy_load_memory(p, text, strlen(text), "test.xml", err);
}

/* A minimal valid document with the given pledge section. */
static char *
document(char *buf, size_t size, const char *pledge)
{
    snprintf(buf, size,
             "<?xml version=\"1.0\"?>\n"
             "<policy xmlns=\"urn:ipledge:policy:1\" name=\"t\" currency=\"CNY\">\n"
             "  <title>Test</title>\n"
             "  <source date=\"2024-01-01\" ref=\"here\">A test.</source>\n"
             "%s"
             "</policy>\n", pledge);
    return buf;
}

START_TEST(test_every_preset_loads)
{
    size_t i, n = ipl_policy_preset_count();

    ck_assert_uint_eq(n, 8);
    for (i = 0; i < n; i++) {
        const char *name = ipl_policy_preset_name(i);
        ipl_policy *p = preset(name);
        ipl_date date;
        const char *ref;
        size_t size = 0;

        ck_assert_str_eq(ipl_policy_name(p), name);
        ck_assert_str_eq(ipl_policy_currency(p), "CNY");
        ck_assert(strlen(ipl_policy_title(p)) > 10);
        ck_assert_uint_ge(ipl_policy_source_count(p), 1);
        ck_assert_ptr_nonnull(ipl_policy_source(p, 0, &date, &ref));
        ck_assert(ipl_date_is_valid(date));
        ck_assert(strlen(ref) > 0);
        /* Every preset has pledge rules, its own or based on another. */
        ck_assert_ptr_nonnull(ipl_policy_pledge_rules(p));
        ck_assert_ptr_nonnull(ipl_policy_preset_document(name, &size));
        ck_assert_uint_gt(size, 500);
        ipl_policy_free(p);
    }
    ck_assert_ptr_null(ipl_policy_preset_name(n));
}
END_TEST

START_TEST(test_bank_conservative_decides_as_published)
{
    ipl_policy *p = preset("bank-conservative");
    const ipl_pledge_rules *rules = ipl_policy_pledge_rules(p);
    ipl_pledge_right rights[3];
    ipl_pledge_request q = IPL_PLEDGE_REQUEST_INIT;
    ipl_pledge *d;
    size_t i;

    ck_assert_str_eq(ipl_policy_pledge_origin(p), "bank-conservative");
    ck_assert_uint_eq(ipl_pledge_rules_caps(rules)->max_tenor_months, 36);
    q.start.year = 2024; q.start.month = 1; q.start.day = 15;
    q.tenor_months = 36;
    q.firm_age_years = 5;
    for (i = 0; i < 3; i++) {
        rights[i] = (ipl_pledge_right)IPL_PLEDGE_RIGHT_INIT;
        rights[i].status = IPL_STATUS_IN_FORCE;
        rights[i].value = cny(100000000);               /* 1,000,000.00 */
        rights[i].expiry.year = 2035; rights[i].expiry.month = 1;
        rights[i].expiry.day = 1;
        rights[i].registered.year = 2015; rights[i].registered.month = 6;
        rights[i].registered.day = 1;
    }
    rights[0].type = IPL_RIGHT_INVENTION;
    rights[1].type = IPL_RIGHT_UTILITY_MODEL;
    rights[2].type = IPL_RIGHT_TRADEMARK;
    ck_assert_int_eq(ipl_pledge_new(&d, rules, &q, rights, 3, NULL), IPL_OK);
    /* 25 % + 15 % + 50 % of 1,000,000.00 each: 900,000.00 */
    ck_assert(ipl_pledge_eligible(d));
    ck_assert_int_eq(ipl_pledge_right_collateral(d, 0)->minor, 25000000);
    ck_assert_int_eq(ipl_pledge_right_collateral(d, 1)->minor, 15000000);
    ck_assert_int_eq(ipl_pledge_right_collateral(d, 2)->minor, 50000000);
    ck_assert_int_eq(ipl_pledge_max_loan(d)->minor, 90000000);
    ck_assert_str_eq(ipl_pledge_trace(d, 0)->source,
                     "BoCom: invention patent at most 25 %");
    ipl_pledge_free(d);

    /* Each gate binds: litigation, then a 4-year tenor. */
    rights[0].flags = IPL_PLEDGE_LITIGATION;
    ck_assert_int_eq(ipl_pledge_new(&d, rules, &q, rights, 3, NULL), IPL_OK);
    ck_assert_int_eq(ipl_pledge_max_loan(d)->minor, 65000000);
    ck_assert_str_eq(ipl_pledge_failure(d, 0)->rule, "disputes");
    ck_assert_str_eq(ipl_pledge_failure(d, 0)->source,
                     "practitioner guides: no legal disputes");
    ipl_pledge_free(d);
    rights[0].flags = 0;
    q.tenor_months = 48;
    ck_assert_int_eq(ipl_pledge_new(&d, rules, &q, rights, 3, NULL), IPL_OK);
    ck_assert(!ipl_pledge_eligible(d));
    ipl_pledge_free(d);
    ipl_policy_free(p);
}
END_TEST

START_TEST(test_based_on_and_unpublished)
{
    ipl_policy *p = preset("dongguan");
    const char *what;
    size_t i;
    int found = 0;

    ck_assert_str_eq(ipl_policy_pledge_origin(p), "bank-conservative");
    ck_assert_uint_eq(ipl_pledge_rules_caps(ipl_policy_pledge_rules(p))
                          ->max_tenor_months, 36);
    ck_assert_uint_ge(ipl_policy_unpublished_count(p), 2);
    for (i = 0; i < ipl_policy_unpublished_count(p); i++) {
        ck_assert_ptr_nonnull(ipl_policy_unpublished(p, i, &what));
        found |= strcmp(what, "pledge ratios") == 0;
    }
    ck_assert(found);
    ck_assert_ptr_null(ipl_policy_unpublished(p, 99, &what));
    ipl_policy_free(p);

    /* Jiangsu carries its own rules with the 30 million borrower cap. */
    p = preset("jiangsu");
    ck_assert_str_eq(ipl_policy_pledge_origin(p), "jiangsu");
    ck_assert_int_eq(ipl_pledge_rules_caps(ipl_policy_pledge_rules(p))
                         ->max_borrower, 3000000000);
    ipl_policy_free(p);
}
END_TEST

START_TEST(test_document_with_every_rule_kind)
{
    char buf[4096];
    ipl_policy *p;
    ipl_error err;
    const ipl_pledge_caps *caps;

    document(buf, sizeof buf,
             "  <pledge>\n"
             "    <ratio right=\"invention\" base=\"0.3\" max=\"0.4\"/>\n"
             "    <gate name=\"young\" test=\"firm-age-below\" threshold=\"2\"/>\n"
             "    <adjustment name=\"lic\" test=\"flags\" flags=\"exclusive-licence co-owned\" factor=\"0.8\"/>\n"
             "    <adjustment name=\"dep\" test=\"dependence\" slope=\"0.5\" floor=\"0.5\"/>\n"
             "    <adjustment name=\"biotech\" test=\"industry\" industry=\"C27\" factor=\"1.1\"/>\n"
             "    <caps max-ratio=\"0.35\" max-loan=\"5000000.00\" max-tenor-months=\"24\" maintenance-ltv=\"0.5\" basis=\"low-quantile\" bundle-step=\"0.02\" bundle-max=\"1.06\"/>\n"
             "  </pledge>\n");
    ck_assert_msg(load(&p, buf, &err) == IPL_OK, "%s:%d: %s", err.where,
                  err.line, err.message);
    caps = ipl_pledge_rules_caps(ipl_policy_pledge_rules(p));
    ck_assert_int_eq(caps->max_loan, 500000000);
    ck_assert_uint_eq(caps->max_tenor_months, 24);
    ck_assert_int_eq(caps->basis, IPL_BASIS_LOW_QUANTILE);
    ck_assert_double_eq_tol(caps->max_ratio, 0.35, 1e-15);
    ck_assert_double_eq_tol(caps->bundle_max, 1.06, 1e-15);
    ck_assert_uint_eq(ipl_policy_unpublished_count(p), 0);
    ipl_policy_free(p);
}
END_TEST

/* A bad document: the status, the line, and a message naming the
 * element (or the cause). */
static void
assert_rejected(const char *text, int line, const char *needle)
{
    ipl_policy *p = (ipl_policy *)&p;      /* must stay untouched */
    ipl_error err = iplt_stale_error();
    int rc = ipl_policy_load_memory(&p, text, strlen(text), "bad.xml", &err);

    iplt_assert_error(err, rc, IPL_EPARSE, "bad.xml");
    ck_assert_msg(err.line == line, "line %d, expected %d (%s)", err.line,
                  line, err.message);
    ck_assert_msg(strstr(err.message, needle) != NULL, "'%s' lacks '%s'",
                  err.message, needle);
    ck_assert_ptr_eq(p, (ipl_policy *)&p);
}

START_TEST(test_errors_are_located)
{
    char buf[4096];

    /* Not well-formed: the line of the mismatched tag. */
    assert_rejected("<policy xmlns=\"urn:ipledge:policy:1\">\n<title>x</titel>\n"
                    "</policy>", 2, "not well-formed");
    /* Invalid: an unknown element, with its path. */
    assert_rejected(document(buf, sizeof buf,
                             "  <pledge>\n"
                             "    <ratio right=\"invention\" base=\"0.3\"/>\n"
                             "    <royalty_rat/>\n"
                             "  </pledge>\n"), 7, "/policy/pledge/royalty_rat");
    /* Invalid value: a ratio above 1. */
    assert_rejected(document(buf, sizeof buf,
                             "  <pledge>\n"
                             "    <ratio right=\"invention\" base=\"1.3\"/>\n"
                             "  </pledge>\n"), 6, "/policy/pledge/ratio");
    /* Valid by the schema, inconsistent: max below base, on the 2nd ratio. */
    assert_rejected(document(buf, sizeof buf,
                             "  <pledge>\n"
                             "    <ratio right=\"trademark\" base=\"0.5\"/>\n"
                             "    <ratio right=\"invention\" base=\"0.3\" max=\"0.2\"/>\n"
                             "  </pledge>\n"), 7, "/policy/pledge/ratio[2]: base");
    /* Two ratios for one kind. */
    assert_rejected(document(buf, sizeof buf,
                             "  <pledge>\n"
                             "    <ratio right=\"invention\" base=\"0.3\"/>\n"
                             "    <ratio right=\"invention\" base=\"0.2\"/>\n"
                             "  </pledge>\n"), 7, "a second ratio for invention");
    /* A test without what it needs: flags. */
    assert_rejected(document(buf, sizeof buf,
                             "  <pledge>\n"
                             "    <ratio right=\"invention\" base=\"0.3\"/>\n"
                             "    <gate name=\"g\" test=\"flags\"/>\n"
                             "  </pledge>\n"), 7, "/policy/pledge/gate: rule.flags");
    /* An amount with more places than the currency has. */
    assert_rejected(document(buf, sizeof buf,
                             "  <pledge>\n"
                             "    <ratio right=\"invention\" base=\"0.3\"/>\n"
                             "    <caps max-loan=\"10.005\"/>\n"
                             "  </pledge>\n"), 7, "max-loan");
    /* A currency that matches the pattern but is not ISO 4217. */
    assert_rejected("<policy xmlns=\"urn:ipledge:policy:1\" name=\"x\" currency=\"ABC\">\n"
                    "<title>t</title><source date=\"2024-01-01\" ref=\"r\">s</source>\n"
                    "</policy>", 1, "ISO 4217");
    /* based-on must name a preset. */
    assert_rejected("<policy xmlns=\"urn:ipledge:policy:1\" name=\"x\" currency=\"CNY\" based-on=\"atlantis\">\n"
                    "<title>t</title><source date=\"2024-01-01\" ref=\"r\">s</source>\n"
                    "</policy>", 1, "no built-in preset");
    /* The namespace decides, not the prefix. */
    assert_rejected("<policy name=\"x\" currency=\"CNY\"><title>t</title></policy>",
                    1, "policy");
}
END_TEST

START_TEST(test_hostile_documents)
{
    ipl_policy *p;
    ipl_error err;

    /* Billion laughs: libxml2's own amplification check stops it. */
    ck_assert_int_eq(load(&p,
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE policy [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
        "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>\n"
        "<policy xmlns=\"urn:ipledge:policy:1\" name=\"x\" currency=\"CNY\"><title>&d;</title></policy>",
        &err), IPL_EPARSE);
    ck_assert_int_eq(err.line, 3);
    /* Any entity needs a DOCTYPE, which is refused: no external entity
     * reads a local file, whatever libxml2 would do with it. */
    ck_assert_int_eq(load(&p,
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE policy [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
        "<policy xmlns=\"urn:ipledge:policy:1\" name=\"x\" currency=\"CNY\"><title>&x;</title></policy>",
        &err), IPL_EPARSE);
    ck_assert_ptr_nonnull(strstr(err.message, "DOCTYPE"));
    ck_assert_int_eq(load(&p,
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE policy SYSTEM \"http://127.0.0.1:9/policy.dtd\">\n"
        "<policy xmlns=\"urn:ipledge:policy:1\" name=\"x\" currency=\"CNY\"><title>t</title></policy>",
        &err), IPL_EPARSE);
    /* Not XML at all, empty, truncated, invalid UTF-8. */
    ck_assert_int_eq(load(&p, "", &err), IPL_EPARSE);
    ck_assert_int_eq(load(&p, "\x01\x02garbage", &err), IPL_EPARSE);
    ck_assert_int_eq(load(&p, "<policy xmlns=\"urn:ipledge:policy:1\" name=\"x\" "
                              "currency=\"CNY\"><title>\xff\xfe</title></policy>",
                          &err), IPL_EPARSE);
}
END_TEST

START_TEST(test_truncated_presets)
{
    size_t size, cut;
    const char *doc = ipl_policy_preset_document("jiangsu", &size);
    ipl_policy *p;
    ipl_error err;

    /* Every 97th prefix of a real document: an error, never a crash
     * (up to the last element; only white space follows it). */
    for (cut = 0; cut < size - 2; cut += 97) {
        int rc = ipl_policy_load_memory(&p, doc, cut, "cut", &err);

        ck_assert_int_eq(rc, IPL_EPARSE);
        ck_assert_int_eq(err.code, IPL_EPARSE);
    }
    ck_assert_int_eq(ipl_policy_load_memory(&p, doc, size, "whole", &err),
                     IPL_OK);
    ipl_policy_free(p);
}
END_TEST

START_TEST(test_files_and_arguments)
{
    char path[512];
    const char *dir = getenv("IPL_VECTORS_DIR");
    ipl_policy *p;
    ipl_error err;

    snprintf(path, sizeof path, "%s/policy/bank-with-monitoring.xml",
             dir != NULL ? dir : "vectors");
    ck_assert_msg(ipl_policy_load_file(&p, path, &err) == IPL_OK, "%s: %s",
                  err.where, err.message);
    ck_assert_str_eq(ipl_policy_name(p), "bank-with-monitoring");
    ck_assert_double_eq_tol(ipl_pledge_rules_caps(ipl_policy_pledge_rules(p))
                                ->maintenance_ltv, 0.6, 1e-15);
    ipl_policy_free(p);

    ck_assert_int_eq(ipl_policy_load_file(&p, "/nonexistent/policy.xml", &err),
                     IPL_EINVAL);
    ck_assert_str_eq(err.where, "/nonexistent/policy.xml");
    ck_assert_int_eq(ipl_policy_preset(&p, "atlantis", &err), IPL_EINVAL);
    ck_assert_str_eq(err.where, "name");
    ck_assert_int_eq(ipl_policy_load_memory(&p, NULL, 0, NULL, &err), IPL_EINVAL);
    ck_assert_ptr_null(ipl_policy_preset_document("atlantis", NULL));
    ck_assert_ptr_nonnull(strstr(ipl_policy_schema(NULL), "urn:ipledge:policy:1"));
    ck_assert_ptr_null(ipl_policy_name(NULL));
    ck_assert_ptr_null(ipl_policy_pledge_rules(NULL));
    ipl_policy_free(NULL);
}
END_TEST

START_TEST(test_compensation_regimes)
{
    ipl_compensation_regime r;
    ipl_policy *p = preset("xianning-4321");
    int64_t weights[2] = { 3, 1 };
    double lo, hi;
    ipl_error err;

    /* 40/30/20/10: guarantor, re-guarantor, bank (the lender), government. */
    ck_assert_int_eq(ipl_policy_compensation(p, NULL, 0, &r, &err), IPL_OK);
    ck_assert_uint_eq(r.n_parties, 4);
    ck_assert_uint_eq(r.n_tiers, 1);
    ck_assert_str_eq(r.parties[2].name, "bank");
    ck_assert_int_eq(r.parties[2].role, IPL_COMPENSATION_LENDER);
    ck_assert_int_eq(r.parties[3].role, IPL_COMPENSATION_FUND);
    ck_assert_int_eq(r.parties[0].role, IPL_COMPENSATION_OTHER);
    ck_assert_int_eq(r.tiers[0].shares[0], 4000);
    ck_assert_int_eq(r.tiers[0].shares[3], 1000);
    ck_assert_int_eq(r.timing, IPL_COMPENSATION_AFTER_DISPOSAL);
    ck_assert_int_eq(r.cover, IPL_COMPENSATION_PRINCIPAL);
    ipl_policy_free(p);

    /* Jiangsu: 80/20 up to 10 million of balance, then 50/50 to 30 million. */
    p = preset("jiangsu");
    ck_assert_int_eq(ipl_policy_compensation(p, NULL, 0, &r, &err), IPL_OK);
    ck_assert_uint_eq(r.n_tiers, 2);
    ck_assert_int_eq(r.tiers[0].up_to.minor, 1000000000);
    ck_assert_int_eq(r.tiers[0].shares[0], 8000);
    ck_assert_int_eq(r.tiers[1].up_to.minor, 3000000000);
    ck_assert_int_eq(r.tiers[1].shares[1], 5000);
    ck_assert_str_eq(r.tiers[1].up_to.currency, "CNY");
    ipl_policy_free(p);

    /* Guangzhou's caps; Shanghai's prepayment. */
    p = preset("guangzhou");
    ck_assert_int_eq(ipl_policy_compensation(p, NULL, 0, &r, &err), IPL_OK);
    ck_assert_int_eq(r.cap_covered_per_loan.minor, 1000000000);
    ck_assert_int_eq(r.cap_borrower_year.minor, 2000000000);
    ck_assert_int_eq(r.cap_payout_per_loan.minor, 0);
    ipl_policy_free(p);
    p = preset("shanghai");
    ck_assert_int_eq(ipl_policy_compensation(p, NULL, 0, &r, &err), IPL_OK);
    ck_assert_int_eq(r.timing, IPL_COMPENSATION_PRECOMPENSATE);
    ck_assert_double_eq_tol(r.prepay_fraction, 0.8, 1e-15);
    ck_assert_uint_eq(r.prepay_delay_months, 2);
    ipl_policy_free(p);

    /* Henan publishes no shares: the caller gives them. */
    p = preset("henan");
    ck_assert_int_eq(ipl_policy_compensation(p, NULL, 0, &r, &err), IPL_EINVAL);
    ck_assert_str_eq(err.where, "compensation.shares");
    ck_assert_int_eq(ipl_policy_compensation(p, weights, 1, &r, &err), IPL_EINVAL);
    ck_assert_str_eq(err.where, "weights");
    ck_assert_int_eq(ipl_policy_compensation(p, weights, 2, &r, &err), IPL_OK);
    ck_assert_int_eq(r.tiers[0].shares[0], 7500);
    ck_assert_int_eq(r.tiers[0].shares[1], 2500);
    ck_assert_double_eq_tol(r.prepay_fraction, 1.0, 0.0 + 1e-15);
    ipl_policy_free(p);

    /* Dongguan: 100 % from the fund within 2-4 % of the bank's new loans. */
    p = preset("dongguan");
    ck_assert_int_eq(ipl_policy_compensation(p, NULL, 0, &r, &err), IPL_OK);
    ck_assert_int_eq(r.tiers[0].shares[0], 10000);
    ck_assert_int_eq(r.tiers[0].shares[1], 0);
    ck_assert_int_eq(ipl_policy_bank_cap_share(p, &lo, &hi), 1);
    ck_assert_double_eq_tol(lo, 0.02, 1e-15);
    ck_assert_double_eq_tol(hi, 0.04, 1e-15);
    ipl_policy_free(p);

    p = preset("beijing");
    ck_assert_int_eq(ipl_policy_compensation(p, NULL, 0, &r, &err), IPL_EINVAL);
    ck_assert_str_eq(err.where, "compensation");
    ck_assert_int_eq(ipl_policy_bank_cap_share(p, &lo, &hi), 0);
    ipl_policy_free(p);
}
END_TEST

/* A loss shared under the 4321 preset through the lending layer:
 * principal 1,000,000.00 unpaid, disposal nets 200,000.00; the principal
 * loss of 800,000.00 splits 320,000 / 240,000 / 160,000 / 80,000. */
START_TEST(test_4321_loss_through_lending)
{
    ipl_compensation_regime r;
    ipl_compensation_claim claim;
    ipl_compensation_recovery sale;
    ipl_compensation *c;
    ipl_policy *p = preset("xianning-4321");
    static const int64_t expected[] = { 32000000, 24000000, 16000000, 8000000 };
    ipl_error err;
    size_t i;

    ck_assert_int_eq(ipl_policy_compensation(p, NULL, 0, &r, &err), IPL_OK);
    ck_assert_int_eq(ipl_compensation_claim_init(&claim,
                                                 IPL_COMPENSATION_CLAIM_VERSION),
                     IPL_OK);
    claim.npl_date.year = 2024; claim.npl_date.month = 6; claim.npl_date.day = 30;
    claim.outstanding_principal = cny(100000000);
    claim.outstanding_interest = cny(0);
    memset(&sale, 0, sizeof sale);
    sale.date.year = 2025; sale.date.month = 3; sale.date.day = 31;
    sale.proceeds = cny(21000000);
    sale.costs = cny(1000000);
    claim.recoveries = &sale;
    claim.n_recoveries = 1;
    ck_assert_msg(ipl_compensation_new(&c, &r, &claim, &err) == IPL_OK, "%s: %s",
                  err.where, err.message);
    ck_assert_int_eq(ipl_compensation_statement_get(c)->principal_loss.minor, 80000000);
    ck_assert_uint_eq(ipl_compensation_share_count(c), 4);
    for (i = 0; i < 4; i++)
        ck_assert_int_eq(ipl_compensation_share_get(c, i)->final.minor, expected[i]);
    ipl_compensation_free(c);
    ipl_policy_free(p);
}
END_TEST

START_TEST(test_subsidy_rules)
{
    ipl_subsidy_rule r;
    ipl_policy *p = preset("beijing");
    const char *kind;
    ipl_error err;

    ck_assert_uint_eq(ipl_policy_subsidy_count(p), 2);
    /* First loan: 100 bp on the balance, all of it. */
    ck_assert_int_eq(ipl_policy_subsidy(p, 0, 0.0345, &r, &kind, &err), IPL_OK);
    ck_assert_str_eq(kind, "first-loan");
    ck_assert_int_eq(r.base, IPL_SUBSIDY_RATE_ON_BALANCE);
    ck_assert_double_eq_tol(r.rate, 0.01, 1e-15);
    ck_assert_double_eq_tol(r.share, 1.0, 1e-15);
    /* Zhongguancun: 40 % of actual interest when the rate is at most
     * LPR × 1.4 (3.45 % × 1.4 = 4.83 %), at most 500,000.00 a year. */
    ck_assert_int_eq(ipl_policy_subsidy(p, 1, 0.0345, &r, &kind, &err), IPL_OK);
    ck_assert_str_eq(kind, "interest");
    ck_assert_int_eq(r.base, IPL_SUBSIDY_ACTUAL_INTEREST);
    ck_assert_double_eq_tol(r.share, 0.4, 1e-15);
    ck_assert_double_eq_tol(r.max_loan_rate, 0.0483, 1e-15);
    ck_assert_int_eq(r.cap_per_year.minor, 50000000);
    ck_assert_int_eq(r.payment, IPL_SUBSIDY_PER_YEAR);
    /* It needs the LPR. */
    ck_assert_int_eq(ipl_policy_subsidy(p, 1, 0, &r, &kind, &err), IPL_EINVAL);
    ck_assert_int_eq(ipl_policy_subsidy(p, 2, 0.0345, &r, &kind, &err), IPL_EINVAL);
    ck_assert_str_eq(err.where, "i");
    ipl_policy_free(p);

    /* Dongguan: the interest share is not published; the appraisal fee
     * is half subsidised. */
    p = preset("dongguan");
    ck_assert_int_eq(ipl_policy_subsidy(p, 0, 0.0345, &r, &kind, &err), IPL_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.message, "do not publish"));
    ck_assert_int_eq(ipl_policy_subsidy(p, 1, 0.0345, &r, &kind, &err), IPL_OK);
    ck_assert_str_eq(kind, "appraisal-fee");
    ck_assert_int_eq(r.base, IPL_SUBSIDY_FIXED_FEE);
    ck_assert_double_eq_tol(r.share, 0.5, 1e-15);
    ipl_policy_free(p);
}
END_TEST

static int
oom_preset(void *ctx)
{
    ipl_policy *p;
    int rc = ipl_policy_preset(&p, ctx, NULL);

    if (rc == IPL_OK)
        ipl_policy_free(p);
    return rc;
}

START_TEST(test_allocation_failure)
{
    /* Every allocation ipledge makes while loading (libxml2 allocates
     * through its own allocator). */
    char jiangsu[] = "jiangsu", dongguan[] = "dongguan";

    ck_assert_uint_gt(iplt_oom_check(oom_preset, jiangsu), 10);
    ck_assert_uint_gt(iplt_oom_check(oom_preset, dongguan), 10);
}
END_TEST

static Suite *
policy_suite(void)
{
    Suite *s = suite_create("policy");
    TCase *tc = tcase_create("policy");

    tcase_add_test(tc, test_every_preset_loads);
    tcase_add_test(tc, test_bank_conservative_decides_as_published);
    tcase_add_test(tc, test_based_on_and_unpublished);
    tcase_add_test(tc, test_document_with_every_rule_kind);
    tcase_add_test(tc, test_errors_are_located);
    tcase_add_test(tc, test_hostile_documents);
    tcase_add_test(tc, test_truncated_presets);
    tcase_add_test(tc, test_files_and_arguments);
    tcase_add_test(tc, test_compensation_regimes);
    tcase_add_test(tc, test_4321_loss_through_lending);
    tcase_add_test(tc, test_subsidy_rules);
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
    rc = iplt_run(policy_suite());
    ipl_shutdown();
    return rc;
}
