/* Check suite for the income approach of include/ipledge/value.h.
 *
 * References, never the code under test:
 * - vectors/value/income.csv, computed by Gnumeric (NPV, PV; see
 *   make-expected.sh there): level annuities, arithmetic declines,
 *   growth, mid-year timing, Gordon growth and the TAB factor;
 * - the published worked example of the issue (a patent whose income of
 *   1,000,000 falls by 100,000 a year, 10 % → 3,855,433) in exact and in
 *   textbook mode, and the 4-decimal table factors PF(10 %, 1..6) of
 *   DOMAIN.md §1.2;
 * - hand calculations shown beside each case.
 * The CSV is found under $IPL_VECTORS_DIR, else under ./vectors. */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipledge/value.h"
#include "harness.h"

/* Relative tolerance for values computed in double over at most a few
 * hundred operations, compared with Gnumeric's long double or with hand
 * results carried to 12+ digits. */
#define REL 1e-10

static double
tol(double want)
{
    double t = fabs(want) * REL;

    return t > 1e-12 ? t : 1e-12;
}

#define ck_near(got, want) ck_assert_double_eq_tol((got), (want), tol(want))

/* Values one block; fails the test on error. The caller frees. */
static ipl_value *
valued(const ipl_value_income *in)
{
    ipl_value *v = NULL;
    ipl_error err;
    int rc = ipl_value_income_new(&v, in, &err);

    ck_assert_msg(rc == IPL_OK, "%s: %s", err.where, err.message);
    return v;
}

static double
value_of(const ipl_value_income *in)
{
    ipl_value *v = valued(in);
    double x = ipl_value_total(v);

    ipl_value_free(v);
    return x;
}

/* The patent: year-1 income 1,000,000 falling 100,000 a year,
 * all of it attributable (share 1, no tax), 10 %, 20-year legal term. */
static ipl_value_income
declining_patent(void)
{
    ipl_value_income in = IPL_VALUE_INCOME_INIT;

    in.base_kind = IPL_VALUE_BASE_PROFIT;
    in.base_first = 1000000;
    in.base_decline = 100000;
    in.share = 1;
    in.discount_rate = 0.10;
    in.legal_years = 20;
    return in;
}

/* ---- published examples --------------------------------------------- */

START_TEST(test_declining_patent_exact)
{
    ipl_value_income in = declining_patent();
    ipl_value *v = valued(&in);
    ipl_money m;

    /* Σ (1,000,000 − (t−1)·100,000) / 1.1^t, t = 1..10 = 3,855,432.894… */
    ck_near(ipl_value_total(v), 3855432.894295317);
    ck_assert_int_eq(ipl_value_to_money(&m, v, "CNY", IPL_ROUND_HALF_EVEN, NULL), IPL_OK);
    ck_assert_int_eq(m.minor, 385543289);
    /* Income reaches zero in year 11: the economic life, 10 years, binds
     * before the 20-year legal term. */
    ck_assert_int_eq(ipl_value_row_count(v), 10);
    ck_assert_double_eq(ipl_value_period(v), 10);
    ck_assert_int_eq(ipl_value_period_reason(v), IPL_VALUE_REASON_ECONOMIC);
    ck_assert_double_eq(ipl_value_row_at(v, 9)->base, 100000);
    ck_assert_ptr_null(ipl_value_row_at(v, 10));
    ck_assert_ptr_nonnull(strstr(ipl_value_trace(v), "set by the economic limit"));
    ck_assert_ptr_nonnull(strstr(ipl_value_trace(v), "value: 3855432.89"));
    ipl_value_free(v);
}
END_TEST

START_TEST(test_declining_patent_textbook)
{
    /* PF(10 %, t) from the 4-decimal table (DOMAIN.md §1.2 lists t = 1..6). */
    static const double table[] = { 0.9091, 0.8264, 0.7513, 0.6830, 0.6209, 0.5645 };
    ipl_value_income in = declining_patent();
    ipl_value *v;
    size_t i;

    in.textbook = 1;
    v = valued(&in);
    for (i = 0; i < 6; i++)
        ck_assert_double_eq_tol(ipl_value_row_at(v, i)->discount, table[i], 1e-15);
    /* With the table factors 0.9091 … 0.3855 the sum is 3,855,390 in
     * whole yuan: 909,100 + 743,760 + 601,040 + 478,100 + 372,540
     * + 282,250 + 205,280 + 149,280 + 84,820 + 38,550 — 43 yuan below
     * the exact value. */
    ck_assert_double_eq_tol(ipl_value_total(v), 3855390.0, 1e-6);
    ipl_value_free(v);
}
END_TEST

START_TEST(test_textbook_rounds_shares)
{
    ipl_value_income in = IPL_VALUE_INCOME_INIT;
    ipl_value *v;

    /* A share of 8.536585 % is used as 8.54 % in textbook mode and as
     * itself in exact mode; one year of 1,000 at 0 %. */
    in.base_first = 1000;
    in.share = 420.0 / 4920.0;
    in.economic_years = 1;
    v = valued(&in);
    ck_near(ipl_value_total(v), 1000 * 420.0 / 4920.0);
    ipl_value_free(v);
    in.textbook = 1;
    v = valued(&in);
    ck_assert_double_eq_tol(ipl_value_row_at(v, 0)->share, 0.0854, 1e-15);
    ck_assert_double_eq_tol(ipl_value_total(v), 85.4, 1e-9);
    ipl_value_free(v);
}
END_TEST

/* ---- Gnumeric vectors ----------------------------------------------- */

static FILE *
open_vectors(const char *name)
{
    const char *dir = getenv("IPL_VECTORS_DIR");
    char path[1024];
    FILE *f;

    snprintf(path, sizeof path, "%s/value/%s", dir ? dir : "vectors", name);
    f = fopen(path, "r");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    return f;
}

START_TEST(test_gnumeric_vectors)
{
    char line[512], name[64], kind[16];
    double rate, years, first, growth, decline, tg, want;
    FILE *f = open_vectors("income.csv");
    int n = 0;

    ck_assert_ptr_nonnull(fgets(line, sizeof line, f));          /* header */
    while (fgets(line, sizeof line, f) != NULL) {
        ipl_value_income in = IPL_VALUE_INCOME_INIT;
        double got;

        ck_assert_int_eq(sscanf(line, "%63[^,],%15[^,],%lf,%lf,%lf,%lf,%lf,%lf,%lf",
                                name, kind, &rate, &years, &first, &growth, &decline,
                                &tg, &want), 9);
        if (strncmp(kind, "tab-", 4) == 0) {
            ck_assert_int_eq(ipl_value_tab_factor(&got, first, years, rate,
                                                  kind[4] == 'm' ? IPL_VALUE_TIMING_MID
                                                  : IPL_VALUE_TIMING_END, NULL), IPL_OK);
        } else {
            in.base_first = first;
            in.base_growth = growth;
            in.base_decline = decline;
            in.share = 1;
            in.discount_rate = rate;
            in.economic_years = years;
            in.timing = strcmp(kind, "mid") == 0 ? IPL_VALUE_TIMING_MID
                        : IPL_VALUE_TIMING_END;
            if (strcmp(kind, "gordon") == 0) {
                in.renewable = 1;
                in.terminal = 1;
                in.terminal_growth = tg;
            }
            got = value_of(&in);
        }
        ck_assert_msg(fabs(got - want) <= tol(want), "%s: got %.12g, Gnumeric %.12g",
                      name, got, want);
        n++;
    }
    fclose(f);
    ck_assert_int_ge(n, 15);
}
END_TEST

/* ---- closed forms and hand calculations ------------------------------ */

START_TEST(test_closed_forms)
{
    ipl_value_income in = IPL_VALUE_INCOME_INIT;
    const double r = 0.10, A = 1000000, B = 100000;
    double n = 10;

    /* Arithmetic decline (DOMAIN.md §1.2):
     * P = (A/r − B/r²)(1 − (1+r)^−n) + (B/r)·n·(1+r)^−n. */
    in = declining_patent();
    ck_near(value_of(&in), (A / r - B / (r * r)) * (1 - pow(1 + r, -n))
            + B / r * n * pow(1 + r, -n));
    /* Perpetuity A / r: one explicit year, then Gordon with g = 0. */
    in = declining_patent();
    in.base_decline = 0;
    in.renewable = 1;
    in.terminal = 1;
    in.economic_years = 1;
    ck_near(value_of(&in), A / r);
    /* Growing perpetuity A / (r − g) with the explicit years growing at g. */
    in.economic_years = 7;
    in.base_growth = 0.04;
    in.terminal_growth = 0.04;
    ck_near(value_of(&in), A / (r - 0.04));
}
END_TEST

START_TEST(test_first_period_and_mid_year)
{
    ipl_value_income in = IPL_VALUE_INCOME_INIT;
    ipl_value *v;

    /* 3 years from a valuation date half-way through a year: periods of
     * 0.5, 1, 1 and 0.5 years, flows 50, 100, 100, 50 at t = 0.5, 1.5,
     * 2.5, 3: 50/1.1^0.5 + 100/1.1^1.5 + 100/1.1^2.5 + 50/1.1^3. */
    in.base_first = 100;
    in.share = 1;
    in.discount_rate = 0.1;
    in.economic_years = 3;
    in.first_period = 0.5;
    v = valued(&in);
    ck_assert_int_eq(ipl_value_row_count(v), 4);
    ck_assert_double_eq(ipl_value_row_at(v, 3)->years, 0.5);
    ck_assert_double_eq(ipl_value_row_at(v, 2)->time, 2.5);
    ck_near(ipl_value_total(v), 250.71584780618025);
    ipl_value_free(v);
    /* Mid-year, whole years: 100/1.1^0.5 + 100/1.1^1.5 + 100/1.1^2.5. */
    in.first_period = 0;
    in.timing = IPL_VALUE_TIMING_MID;
    ck_near(value_of(&in), 260.823237223381);
}
END_TEST

START_TEST(test_methods)
{
    static const ipl_value_charge cacs[] = {
        { "working capital", 2000, 0.03, 0 },   /* 60 a year */
        { "fixed assets", 4000, 0.08, 0.025 }   /* 320 + 100 a year */
    };
    static const double with[] = { 500, 600, 700 }, without[] = { 300, 350, 400 };
    ipl_value_income in = IPL_VALUE_INCOME_INIT;
    double tab = 0;

    /* Relief from royalty: 1,000 × 5 % × (1 − 25 %) = 37.5 a year for 5
     * years at 10 %: 37.5 × PA(10 %, 5) = 142.1545038528…, × TAB. */
    in.method = IPL_VALUE_RELIEF_FROM_ROYALTY;
    in.base_first = 1000;
    in.share = 0.05;
    in.tax_rate = 0.25;
    in.discount_rate = 0.10;
    in.contract_years = 5;
    ck_near(value_of(&in), 142.1545038528169);
    in.tab_years = 15;
    ck_assert_int_eq(ipl_value_tab_factor(&tab, 0.25, 15, 0.10, IPL_VALUE_TIMING_END,
                                          NULL), IPL_OK);
    ck_near(value_of(&in), 142.1545038528169 * tab);

    /* MPEEM: (1,000 − 60 − 420) × (1 − 25 %) = 390 a year for 3 years at
     * 10 %: 390 × 2.4868519909842… = 969.8722764838. */
    in = (ipl_value_income)IPL_VALUE_INCOME_INIT;
    in.method = IPL_VALUE_MPEEM;
    in.base_kind = IPL_VALUE_BASE_CASH_FLOW;
    in.base_first = 1000;
    in.charges = cacs;
    in.charge_count = 2;
    in.tax_rate = 0.25;
    in.discount_rate = 0.10;
    in.economic_years = 3;
    ck_near(value_of(&in), 390 * (1 / 1.1 + 1 / 1.21 + 1 / 1.331));

    /* With and without: 200/1.1 + 250/1.21 + 300/1.331. */
    in = (ipl_value_income)IPL_VALUE_INCOME_INIT;
    in.method = IPL_VALUE_WITH_WITHOUT;
    in.base = with;
    in.base_count = 3;
    in.without = without;
    in.without_count = 3;
    in.discount_rate = 0.10;
    ck_near(value_of(&in), 613.824192336589);

    /* Direct excess: 10,000 units × 2.5 premium × (1 − 25 %) = 18,750 a
     * year for 4 years at 12 %: 18,750 × PA(12 %, 4). */
    in = (ipl_value_income)IPL_VALUE_INCOME_INIT;
    in.method = IPL_VALUE_DIRECT_EXCESS;
    in.base_kind = IPL_VALUE_BASE_VOLUME;
    in.base_first = 10000;
    in.premium = 2.5;
    in.tax_rate = 0.25;
    in.discount_rate = 0.12;
    in.economic_years = 4;
    ck_near(value_of(&in), 56950.30024924515);
}
END_TEST

START_TEST(test_period_choice)
{
    ipl_value_income in = IPL_VALUE_INCOME_INIT;
    ipl_value *v;

    in.base_first = 100;
    in.share = 0.3;
    in.discount_rate = 0.1;
    /* Exam: legal 7 years left, economic life 5 → 5, economic. */
    in.legal_years = 7;
    in.economic_years = 5;
    v = valued(&in);
    ck_assert_int_eq(ipl_value_period_reason(v), IPL_VALUE_REASON_ECONOMIC);
    ck_assert_double_eq(ipl_value_period(v), 5);
    ipl_value_free(v);
    in.contract_years = 3;
    v = valued(&in);
    ck_assert_int_eq(ipl_value_period_reason(v), IPL_VALUE_REASON_CONTRACT);
    ck_assert_str_eq(ipl_value_reason_name(ipl_value_period_reason(v)), "contract");
    ipl_value_free(v);
    /* Legal life from dates: 2024-01-01 to 2029-01-01 is 1,827 days,
     * 1827/365 years (ACT/365F), so five whole years and a stub. */
    in.legal_years = 0;
    in.contract_years = 0;
    in.economic_years = 0;
    in.valuation_date.year = 2024, in.valuation_date.month = 1, in.valuation_date.day = 1;
    in.legal_expiry.year = 2029, in.legal_expiry.month = 1, in.legal_expiry.day = 1;
    v = valued(&in);
    ck_assert_int_eq(ipl_value_period_reason(v), IPL_VALUE_REASON_LEGAL);
    ck_near(ipl_value_period(v), 1827.0 / 365.0);
    ck_assert_int_eq(ipl_value_row_count(v), 6);
    ck_near(ipl_value_row_at(v, 5)->years, 2.0 / 365.0);
    ipl_value_free(v);
    /* A renewable trademark: the legal term does not bind. */
    in.renewable = 1;
    in.economic_years = 12;
    v = valued(&in);
    ck_assert_int_eq(ipl_value_period_reason(v), IPL_VALUE_REASON_ECONOMIC);
    ck_assert_double_eq(ipl_value_period(v), 12);
    ipl_value_free(v);
}
END_TEST

START_TEST(test_rate_build_up)
{
    /* Exam: 5-year treasury 3.5 % + policy 1 + legal 2 + market 3 +
     * technical 2 + management 2 = 13.5 %. */
    static const ipl_value_premium premia[] = {
        { "policy", 0.01 }, { "legal", 0.02 }, { "market", 0.03 },
        { "technology", 0.02 }, { "management", 0.02 }
    };
    ipl_value_income in = IPL_VALUE_INCOME_INIT;
    ipl_value *v;

    in.base_first = 100;
    in.share = 1;
    in.discount_rate = 0.035;
    in.premia = premia;
    in.premium_count = 5;
    in.economic_years = 1;
    v = valued(&in);
    ck_assert_double_eq_tol(ipl_value_discount_rate(v), 0.135, 1e-15);
    ck_assert_int_eq(ipl_value_rate_count(v), 6);
    ck_assert_str_eq(ipl_value_rate_at(v, 0)->name, "risk_free");
    ck_assert_double_eq(ipl_value_rate_at(v, 0)->rate, 0.035);
    ck_assert_str_eq(ipl_value_rate_at(v, 3)->name, "market");
    ck_assert_ptr_null(ipl_value_rate_at(v, 6));
    ck_near(ipl_value_total(v), 100 / 1.135);
    ipl_value_free(v);
}
END_TEST

START_TEST(test_sensitivities_and_figures)
{
    ipl_value_income in = IPL_VALUE_INCOME_INIT;
    ipl_value *v;
    double x = 0;

    /* 100 a year × 30 % × (1 − 25 %) = 22.5 for 5 years. */
    in.base_first = 100;
    in.share = 0.3;
    in.tax_rate = 0.25;
    in.discount_rate = 0.1;
    in.economic_years = 5;
    v = valued(&in);
    ck_near(ipl_value_sensitivity(v, IPL_VALUE_RATE_DOWN), 22.5 * (1 - pow(1.09, -5)) / 0.09);
    ck_near(ipl_value_sensitivity(v, IPL_VALUE_RATE_UP), 22.5 * (1 - pow(1.11, -5)) / 0.11);
    ck_near(ipl_value_sensitivity(v, IPL_VALUE_SHARE_DOWN), 0.9 * ipl_value_total(v));
    ck_near(ipl_value_sensitivity(v, IPL_VALUE_SHARE_UP), 1.1 * ipl_value_total(v));
    ck_assert(isnan(ipl_value_sensitivity(v, (ipl_value_shift)9)));
    ck_assert_int_eq(ipl_value_figure_get(&x, v, "explicit_value", NULL), IPL_OK);
    ck_near(x, ipl_value_total(v));
    ck_assert_int_eq(ipl_value_figure_get(&x, v, "tab_factor", NULL), IPL_OK);
    ck_assert_double_eq(x, 1);
    ck_assert_int_eq(ipl_value_figure_get(&x, v, "no such", NULL), IPL_EINVAL);
    ck_assert_str_eq(ipl_value_figure_at(v, 0)->name, "discount_rate");
    ck_assert_ptr_null(ipl_value_figure_at(v, ipl_value_figure_count(v)));
    ipl_value_free(v);
}
END_TEST

START_TEST(test_echo_is_a_copy)
{
    double shares[3] = { 0.3, 0.25, 0.2 };
    ipl_value_income in = IPL_VALUE_INCOME_INIT;
    const ipl_value_income *e;
    ipl_value *v;
    double before;

    in.base_first = 1000;
    in.shares = shares;
    in.share_count = 3;
    in.discount_rate = 0.1;
    in.economic_years = 3;
    v = valued(&in);
    before = ipl_value_total(v);
    /* 300/1.1 + 250/1.21 + 200/1.331 */
    ck_near(before, 300 / 1.1 + 250 / 1.21 + 200 / 1.331);
    shares[1] = 0.9;
    e = ipl_value_income_echo(v);
    ck_assert_ptr_nonnull(e);
    ck_assert_ptr_ne(e->shares, shares);
    ck_assert_double_eq(e->shares[1], 0.25);
    ck_assert_int_eq(e->method, IPL_VALUE_SPLIT);
    ck_assert_ptr_null(ipl_value_cost_echo(v));
    ck_assert_str_eq(ipl_value_method_name(ipl_value_method_of(v)), "split");
    ipl_value_free(v);
}
END_TEST

/* ---- properties ------------------------------------------------------ */

/* A fixed-seed generator (splitmix64), so failures reproduce. */
static uint64_t prng_state = 0x1234abcdULL;

static double
uniform(double lo, double hi)
{
    uint64_t z = (prng_state += 0x9e3779b97f4a7c15ULL);

    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    return lo + (hi - lo) * (double)(z >> 11) / 9007199254740992.0;
}

START_TEST(test_value_falls_as_rate_rises)
{
    int k;

    for (k = 0; k < 300; k++) {
        ipl_value_income in = IPL_VALUE_INCOME_INIT;
        double r = uniform(-0.5, 0.5), lower, higher;

        in.base_first = uniform(1, 1e6);
        in.base_growth = uniform(-0.2, 0.2);
        in.share = uniform(0.01, 1);
        in.tax_rate = uniform(0, 0.4);
        in.economic_years = uniform(0.5, 40);
        in.first_period = uniform(0, 1);
        in.timing = k % 2 ? IPL_VALUE_TIMING_MID : IPL_VALUE_TIMING_END;
        in.discount_rate = r;
        lower = value_of(&in);
        in.discount_rate = r + uniform(0.001, 0.3);
        higher = value_of(&in);
        ck_assert_msg(higher < lower, "case %d: %g at the higher rate, %g at %g", k,
                      higher, lower, r);
    }
}
END_TEST

START_TEST(test_batch_matches_single)
{
    ipl_value_income cases[40];
    double values[40];
    ipl_error err;
    size_t i;

    for (i = 0; i < 40; i++) {
        cases[i] = (ipl_value_income)IPL_VALUE_INCOME_INIT;
        cases[i].base_first = uniform(1, 1e6);
        cases[i].base_growth = uniform(-0.1, 0.1);
        cases[i].share = uniform(0.01, 0.5);
        cases[i].discount_rate = uniform(0.01, 0.3);
        cases[i].legal_years = uniform(1, 20);
        cases[i].textbook = i % 3 == 0;
        /* Taxed, declining or not: both of the engine's whole-year loops. */
        cases[i].tax_rate = uniform(0, 0.3);
        cases[i].base_decline = i % 2 == 0 ? uniform(0, 1e4) : 0;
    }
    ck_assert_int_eq(ipl_value_income_batch(values, cases, 40, &err), IPL_OK);
    for (i = 0; i < 40; i++)
        ck_assert(iplt_same_double(values[i], value_of(&cases[i])));
    cases[7].discount_rate = NAN;
    err = iplt_stale_error();
    iplt_assert_error(err, ipl_value_income_batch(values, cases, 40, &err), IPL_EINVAL,
                      "cases[7].discount_rate");
}
END_TEST

/* Whole-year cases, valued eight at a time when eight in a row have the
 * same number of years and nothing but a first value, growth, share
 * and tax (lib/value/income_batch.c): the same bits as one at a time,
 * whether the eight share their years or not, with a case of another
 * kind among them, and in the last short group. */
START_TEST(test_batch_lanes_match_single)
{
    enum { N = 203 };
    static ipl_value_income cases[N];
    static double values[N];
    ipl_error err;
    size_t i;

    for (i = 0; i < N; i++) {
        cases[i] = (ipl_value_income)IPL_VALUE_INCOME_INIT;
        cases[i].base_first = uniform(-1e3, 1e7);
        cases[i].base_growth = uniform(-0.2, 0.2);
        cases[i].share = uniform(0.001, 1);
        cases[i].tax_rate = i % 5 == 0 ? 0 : uniform(0, 0.4);
        cases[i].discount_rate = uniform(-0.05, 0.4);
        /* Groups 0–9 share their years; 10–14 mix them; 15–19 hold
         * one case of another kind each. */
        cases[i].legal_years = i < 80 ? (double)(2 + i / 8) : i < 120 ? (double)(2 + i % 7)
                               : 20;
        if (i >= 120 && i < 160 && i % 8 == 3) {
            cases[i].timing = i % 16 == 3 ? IPL_VALUE_TIMING_MID : IPL_VALUE_TIMING_END;
            cases[i].base_decline = i % 16 == 3 ? 0 : 100;
        }
        if (i == 170)
            cases[i].legal_years = 19.5;
    }
    ck_assert_int_eq(ipl_value_income_batch(values, cases, N, &err), IPL_OK);
    for (i = 0; i < N; i++)
        ck_assert_msg(iplt_same_double(values[i], value_of(&cases[i])),
                      "case %zu: %.17g in the batch, %.17g alone", i, values[i],
                      value_of(&cases[i]));
    cases[100].share = 2;
    err = iplt_stale_error();
    iplt_assert_error(err, ipl_value_income_batch(values, cases, N, &err), IPL_ERANGE,
                      "cases[100].share");
}
END_TEST

/* ---- bad input ------------------------------------------------------- */

static void
assert_refused(const ipl_value_income *in, int code, const char *where)
{
    ipl_value *v = (ipl_value *)&v;    /* a non-NULL marker */
    ipl_value *marker = v;
    ipl_error err = iplt_stale_error();

    iplt_assert_error(err, ipl_value_income_new(&v, in, &err), code, where);
    ck_assert_ptr_eq(v, marker);      /* untouched on failure */
}

START_TEST(test_bad_input)
{
    static const double short_shares[] = { 0.1, 0.2 };
    static const double bad_shares[] = { 0.1, 0.2, 1.5, 0.1, 0.1 };
    static const ipl_value_premium nan_premium[] = { { "market", 0.02 }, { "legal", NAN } };
    ipl_value_income ok = IPL_VALUE_INCOME_INIT, in;

    ok.base_first = 100;
    ok.share = 0.3;
    ok.discount_rate = 0.1;
    ok.economic_years = 5;
    in = ok, in.discount_rate = NAN;
    assert_refused(&in, IPL_EINVAL, "discount_rate");
    in = ok, in.discount_rate = -1;
    assert_refused(&in, IPL_ERANGE, "discount_rate");
    in = ok, in.discount_rate = -2.5;
    assert_refused(&in, IPL_ERANGE, "discount_rate");
    in = ok, in.premia = nan_premium, in.premium_count = 2;
    assert_refused(&in, IPL_EINVAL, "premia[1]");
    in = ok, in.economic_years = 0;
    assert_refused(&in, IPL_EINVAL, "economic_years");
    in = ok, in.economic_years = 5000;
    assert_refused(&in, IPL_ERANGE, "economic_years");
    in = ok, in.economic_years = -3;
    assert_refused(&in, IPL_ERANGE, "economic_years");
    in = ok, in.legal_years = INFINITY;
    assert_refused(&in, IPL_EINVAL, "legal_years");
    in = ok, in.tax_rate = 1;
    assert_refused(&in, IPL_ERANGE, "tax_rate");
    in = ok, in.share = 0;
    assert_refused(&in, IPL_EINVAL, "share");
    in = ok, in.share = NAN;
    assert_refused(&in, IPL_EINVAL, "share");
    in = ok, in.shares = bad_shares, in.share_count = 5;
    assert_refused(&in, IPL_ERANGE, "shares[2]");
    in = ok, in.shares = short_shares, in.share_count = 2;
    assert_refused(&in, IPL_EINVAL, "shares");
    in = ok, in.base_first = NAN;
    assert_refused(&in, IPL_EINVAL, "base_first");
    in = ok, in.terminal = 1;
    assert_refused(&in, IPL_EINVAL, "terminal");
    in = ok, in.terminal = 1, in.renewable = 1, in.terminal_growth = 0.1;
    assert_refused(&in, IPL_ERANGE, "terminal_growth");
    in = ok, in.first_period = 1.5;
    assert_refused(&in, IPL_ERANGE, "first_period");
    in = ok, in.method = IPL_VALUE_COST;
    assert_refused(&in, IPL_EINVAL, "method");
    in = ok, in.method = IPL_VALUE_MPEEM;
    assert_refused(&in, IPL_EINVAL, "charges");
    in = ok, in.method = IPL_VALUE_WITH_WITHOUT;
    assert_refused(&in, IPL_EINVAL, "without");
    in = ok, in.method = IPL_VALUE_DIRECT_EXCESS;
    assert_refused(&in, IPL_EINVAL, "premium");
    in = ok, in.version = 99;
    assert_refused(&in, IPL_EVERSION, "version");
    in = ok, in.economic_years = 0;
    in.valuation_date.year = 2024, in.valuation_date.month = 6, in.valuation_date.day = 1;
    in.legal_expiry.year = 2024, in.legal_expiry.month = 5, in.legal_expiry.day = 31;
    assert_refused(&in, IPL_ERANGE, "legal_expiry");
    in.valuation_date.year = 0;
    assert_refused(&in, IPL_EINVAL, "valuation_date");
    assert_refused(NULL, IPL_EINVAL, "in");
}
END_TEST

START_TEST(test_arguments_and_init)
{
    ipl_value_income in;
    ipl_error err = iplt_stale_error();
    ipl_value_method m;

    ck_assert_int_eq(ipl_value_income_init(&in, IPL_VALUE_INCOME_VERSION), IPL_OK);
    ck_assert_int_eq(in.version, IPL_VALUE_INCOME_VERSION);
    ck_assert_int_eq(in.method, IPL_VALUE_METHOD_DEFAULT);
    ck_assert_int_eq(ipl_value_income_init(&in, 2), IPL_EVERSION);
    ck_assert_int_eq(ipl_value_income_init(NULL, 1), IPL_EINVAL);
    iplt_assert_error(err, ipl_value_income_new(NULL, &in, &err), IPL_EINVAL, "out");
    ck_assert_int_eq(ipl_value_method_from_name(&m, "relief-from-royalty", NULL), IPL_OK);
    ck_assert_int_eq(m, IPL_VALUE_RELIEF_FROM_ROYALTY);
    iplt_assert_error(err, ipl_value_method_from_name(&m, "dcf", &err), IPL_EINVAL,
                      "method");
    ck_assert_str_eq(ipl_value_method_name((ipl_value_method)42), "unknown");
    ipl_value_free(NULL);
    ck_assert(isnan(ipl_value_total(NULL)));
}
END_TEST

/* ---- allocation failure ---------------------------------------------- */

static int
income_new_call(void *ctx)
{
    static const ipl_value_charge cacs[] = { { "workforce", 500, 0.1, 0 } };
    static const ipl_value_premium premia[] = { { "technology", 0.03 } };
    static const double shares[] = { 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2 };
    ipl_value_income in = IPL_VALUE_INCOME_INIT;
    ipl_value *v = NULL;
    int rc;

    (void)ctx;
    in.method = IPL_VALUE_MPEEM;
    in.base_first = 1000;
    in.shares = shares;
    in.share_count = 8;
    in.charges = cacs;
    in.charge_count = 1;
    in.discount_rate = 0.05;
    in.premia = premia;
    in.premium_count = 1;
    in.economic_years = 8;
    in.renewable = 1;
    in.terminal = 1;
    rc = ipl_value_income_new(&v, &in, NULL);
    ipl_value_free(v);
    return rc;
}

START_TEST(test_allocation_failure)
{
    ck_assert_uint_gt(iplt_oom_check(income_new_call, NULL), 5);
}
END_TEST

static Suite *
income_suite(void)
{
    Suite *s = suite_create("value_income");
    TCase *tc = tcase_create("published");

    tcase_add_test(tc, test_declining_patent_exact);
    tcase_add_test(tc, test_declining_patent_textbook);
    tcase_add_test(tc, test_textbook_rounds_shares);
    suite_add_tcase(s, tc);
    tc = tcase_create("references");
    tcase_add_test(tc, test_gnumeric_vectors);
    tcase_add_test(tc, test_closed_forms);
    tcase_add_test(tc, test_first_period_and_mid_year);
    tcase_add_test(tc, test_methods);
    suite_add_tcase(s, tc);
    tc = tcase_create("result");
    tcase_add_test(tc, test_period_choice);
    tcase_add_test(tc, test_rate_build_up);
    tcase_add_test(tc, test_sensitivities_and_figures);
    tcase_add_test(tc, test_echo_is_a_copy);
    suite_add_tcase(s, tc);
    tc = tcase_create("properties");
    tcase_add_test(tc, test_value_falls_as_rate_rises);
    tcase_add_test(tc, test_batch_matches_single);
    tcase_add_test(tc, test_batch_lanes_match_single);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_test(tc, test_bad_input);
    tcase_add_test(tc, test_arguments_and_init);
    tcase_add_test(tc, test_allocation_failure);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    iplt_oom_install();
    return iplt_run(income_suite());
}
