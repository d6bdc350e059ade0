/* Check suite for include/ipledge/compensation.h.
 *
 * Settlements are worked by hand from the regimes of DOMAIN.md section
 * 4 (the arithmetic is shown beside each case); caps and sums are
 * property-tested over random regimes and claims from a fixed-seed
 * PRNG; the simulation is checked against cases with a known answer
 * (certain and impossible defaults) and against the binomial
 * distribution's mean and 95th percentile. */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ipledge/compensation.h"
#include "harness.h"

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

/* A one-tier regime from names, roles and basis points. */
static ipl_compensation_regime
regime(size_t n, const char *const *names, const ipl_compensation_role *roles,
       const int64_t *bp)
{
    ipl_compensation_regime r;
    size_t i;

    ck_assert_int_eq(ipl_compensation_regime_init(&r, IPL_COMPENSATION_REGIME_VERSION),
                     IPL_OK);
    r.n_parties = n;
    r.n_tiers = 1;
    for (i = 0; i < n; i++) {
        snprintf(r.parties[i].name, sizeof r.parties[i].name, "%s", names[i]);
        r.parties[i].role = roles[i];
        r.tiers[0].shares[i] = bp[i];
    }
    return r;
}

/* 4321 (Anhui, Xianning): guarantor 40 %, re-guarantor 30 %, bank 20 %,
 * local government fund 10 %. */
static ipl_compensation_regime
regime_4321(void)
{
    static const char *const names[] = { "guarantor", "re-guarantor", "bank", "government" };
    static const ipl_compensation_role roles[] = {
        IPL_COMPENSATION_OTHER, IPL_COMPENSATION_OTHER, IPL_COMPENSATION_LENDER,
        IPL_COMPENSATION_FUND };
    static const int64_t bp[] = { 4000, 3000, 2000, 1000 };

    return regime(4, names, roles, bp);
}

static ipl_compensation_regime
regime_fund_bank(int64_t fund_bp)
{
    static const char *const names[] = { "fund", "bank" };
    static const ipl_compensation_role roles[] = { IPL_COMPENSATION_FUND,
                                                   IPL_COMPENSATION_LENDER };
    int64_t bp[2];

    bp[0] = fund_bp;
    bp[1] = IPL_COMPENSATION_BP - fund_bp;
    return regime(2, names, roles, bp);
}

static ipl_compensation_claim
claim_of(int64_t principal, int64_t interest)
{
    ipl_compensation_claim c;

    ck_assert_int_eq(ipl_compensation_claim_init(&c, IPL_COMPENSATION_CLAIM_VERSION),
                     IPL_OK);
    c.npl_date = ymd(2024, 12, 31);
    c.outstanding_principal = cny(principal);
    c.outstanding_interest = cny(interest);
    c.settlement_date = ymd(2025, 12, 31);
    return c;
}

static ipl_compensation *
settle(const ipl_compensation_regime *r, const ipl_compensation_claim *c)
{
    ipl_compensation *res = NULL;
    ipl_error err;
    int rc = ipl_compensation_new(&res, r, c, &err);

    ck_assert_msg(rc == IPL_OK, "%s: %s", err.where, err.message);
    return res;
}

static int64_t
final_of(const ipl_compensation *res, size_t i)
{
    return ipl_compensation_share_get(res, i)->final.minor;
}

/* The parts add up to the loss, and each party's flows to its part.
 * Returns what is broken, or NULL (one assertion per claim: Check
 * records every assertion passed). */
static const char *
unbalanced(const ipl_compensation *res)
{
    const ipl_compensation_statement *st = ipl_compensation_statement_get(res);
    int64_t sum = 0, paid[IPL_COMPENSATION_MAX_PARTIES] = { 0 };
    size_t i, n = ipl_compensation_share_count(res);

    for (i = 0; i < ipl_compensation_flow_count(res); i++) {
        const ipl_compensation_flow *f = ipl_compensation_flow_get(res, i);

        paid[f->party] += f->amount.minor;
        if (i > 0 && ipl_date_compare(ipl_compensation_flow_get(res, i - 1)->date,
                                      f->date) > 0)
            return "flows out of date order";
    }
    for (i = 0; i < n; i++) {
        const ipl_compensation_share *s = ipl_compensation_share_get(res, i);

        if (s->final.minor < 0)
            return "a negative part";
        if (s->settlement.minor != s->final.minor - s->prepaid.minor)
            return "settlement != final - prepaid";
        if (s->role != IPL_COMPENSATION_LENDER && paid[i] != s->final.minor)
            return "a party's flows do not add up to its part";
        sum += s->final.minor;
    }
    if (sum != st->loss.minor)
        return "the parts do not add up to the loss";
    if (st->loss.minor != st->principal_loss.minor + st->interest_loss.minor)
        return "loss != principal loss + interest loss";
    return NULL;
}

static void
assert_balanced(const ipl_compensation *res)
{
    const char *why = unbalanced(res);

    ck_assert_msg(why == NULL, "%s", why);
}

/* 4321 after disposal. Outstanding 1,000,000.00 and 15,000.00 interest;
 * the pledged patents sold for 300,000.00 less 20,000.00 costs: net
 * 280,000.00 repays principal, so the principal loss is 720,000.00 and
 * the interest loss 15,000.00 (735,000.00 in all). Principal cover:
 * 40/30/20/10 of 720,000 = 288,000 / 216,000 / 144,000 / 72,000; the
 * bank adds the interest: 159,000.00. */
START_TEST(test_4321_after_disposal)
{
    ipl_compensation_regime r = regime_4321();
    ipl_compensation_claim c = claim_of(100000000, 1500000);
    ipl_compensation_recovery rec;
    ipl_compensation *res;
    const ipl_compensation_statement *st;

    rec.date = ymd(2025, 6, 30);
    rec.proceeds = cny(30000000);
    rec.costs = cny(2000000);
    c.recoveries = &rec;
    c.n_recoveries = 1;
    c.settlement_date.year = 0;        /* the last recovery's date */
    res = settle(&r, &c);
    st = ipl_compensation_statement_get(res);
    ck_assert_int_eq(st->net_recovery.minor, 28000000);
    ck_assert_int_eq(st->principal_loss.minor, 72000000);
    ck_assert_int_eq(st->interest_loss.minor, 1500000);
    ck_assert_int_eq(st->loss.minor, 73500000);
    ck_assert_int_eq(st->covered.minor, 72000000);
    ck_assert_int_eq(final_of(res, 0), 28800000);
    ck_assert_int_eq(final_of(res, 1), 21600000);
    ck_assert_int_eq(final_of(res, 2), 15900000);
    ck_assert_int_eq(final_of(res, 3), 7200000);
    ck_assert_str_eq(ipl_compensation_share_get(res, 3)->name, "government");
    ck_assert_int_eq(ipl_compensation_share_get(res, 0)->share_bp, 4000);
    ck_assert_uint_eq(ipl_compensation_flow_count(res), 3);   /* not the bank */
    ck_assert_int_eq(ipl_compensation_flow_get(res, 0)->kind, IPL_COMPENSATION_SETTLE);
    ck_assert_int_eq(ipl_date_compare(ipl_compensation_flow_get(res, 2)->date,
                                      ymd(2025, 6, 30)), 0);
    ck_assert_ptr_null(ipl_compensation_flow_get(res, 3));
    ck_assert_ptr_null(ipl_compensation_share_get(res, 4));
    assert_balanced(res);
    ipl_compensation_free(res);
}
END_TEST

/* Recoveries beyond the principal repay interest; beyond both there is
 * no loss. Costs above the proceeds are the bank's expense: the net
 * recovery is 0, not negative. */
START_TEST(test_recovery_order)
{
    ipl_compensation_regime r = regime_fund_bank(8000);
    ipl_compensation_claim c = claim_of(1000000, 50000);
    ipl_compensation_recovery rec;
    ipl_compensation *res;

    rec.date = ymd(2025, 1, 10);
    rec.proceeds = cny(1030000);
    rec.costs = cny(0);
    c.recoveries = &rec;
    c.n_recoveries = 1;
    res = settle(&r, &c);
    ck_assert_int_eq(ipl_compensation_statement_get(res)->principal_loss.minor, 0);
    ck_assert_int_eq(ipl_compensation_statement_get(res)->interest_loss.minor, 20000);
    ck_assert_int_eq(final_of(res, 1), 20000);
    assert_balanced(res);
    ipl_compensation_free(res);

    rec.proceeds = cny(100);
    rec.costs = cny(5000);
    res = settle(&r, &c);
    ck_assert_int_eq(ipl_compensation_statement_get(res)->net_recovery.minor, 0);
    ck_assert_int_eq(ipl_compensation_statement_get(res)->loss.minor, 1050000);
    assert_balanced(res);
    ipl_compensation_free(res);
}
END_TEST

/* Jiangsu 苏知贷: borrower balance ≤ 10,000,000.00: fund 80 / bank 20;
 * up to 30,000,000.00: 50/50; above: not covered. A 12,000,000.00 loss
 * of a borrower owing 12,000,000.00: 6,000,000.00 each, the bank adding
 * 100,000.00 interest. Owing 8,000,000.00: 9,600,000.00 and 2,400,000.00. */
START_TEST(test_jiangsu_tiers)
{
    ipl_compensation_regime r = regime_fund_bank(8000);
    ipl_compensation_claim c = claim_of(1200000000, 10000000);
    ipl_compensation *res;
    ipl_error err;
    int rc;

    r.n_tiers = 2;
    r.tiers[0].up_to = cny(1000000000);
    r.tiers[1].up_to = cny(3000000000);
    r.tiers[1].shares[0] = 5000;
    r.tiers[1].shares[1] = 5000;
    res = settle(&r, &c);
    ck_assert_uint_eq(ipl_compensation_statement_get(res)->tier, 1);
    ck_assert_int_eq(final_of(res, 0), 600000000);
    ck_assert_int_eq(final_of(res, 1), 610000000);
    assert_balanced(res);
    ipl_compensation_free(res);

    c.borrower_balance = cny(800000000);
    res = settle(&r, &c);
    ck_assert_uint_eq(ipl_compensation_statement_get(res)->tier, 0);
    ck_assert_int_eq(final_of(res, 0), 960000000);
    ck_assert_int_eq(final_of(res, 1), 250000000);
    ipl_compensation_free(res);

    c.borrower_balance = cny(3000000001);
    res = NULL;
    err = iplt_stale_error();
    rc = ipl_compensation_new(&res, &r, &c, &err);
    iplt_assert_error(err, rc, IPL_ERANGE, "claim.borrower_balance");
    ck_assert_ptr_null(res);
}
END_TEST

/* Largest remainder: 1.00 shared 3333/3333/3334 gives 0.33, 0.33, 0.34. */
START_TEST(test_largest_remainder)
{
    static const char *const names[] = { "a", "b", "c" };
    static const ipl_compensation_role roles[] = {
        IPL_COMPENSATION_FUND, IPL_COMPENSATION_OTHER, IPL_COMPENSATION_LENDER };
    static const int64_t bp[] = { 3333, 3333, 3334 };
    ipl_compensation_regime r = regime(3, names, roles, bp);
    ipl_compensation_claim c = claim_of(100, 0);
    ipl_compensation *res = settle(&r, &c);

    ck_assert_int_eq(final_of(res, 0), 33);
    ck_assert_int_eq(final_of(res, 1), 33);
    ck_assert_int_eq(final_of(res, 2), 34);
    assert_balanced(res);
    ipl_compensation_free(res);
}
END_TEST

/* Weihai: province 40 % and city 20 % (both funds), bank 40 %, at most
 * 1,000,000.00 per loan from the funds. A 5,000,000.00 principal loss
 * would cost the funds 3,000,000.00; capped at 1,000,000.00, split
 * 4000:2000 → 666,666.67 and 333,333.33 (the larger remainder, 2/3 of
 * a fen, goes to the province); the bank bears 2,000,000.00 + the
 * 2,000,000.00 capped. */
START_TEST(test_caps_per_loan)
{
    static const char *const names[] = { "province", "city", "bank" };
    static const ipl_compensation_role roles[] = {
        IPL_COMPENSATION_FUND, IPL_COMPENSATION_FUND, IPL_COMPENSATION_LENDER };
    static const int64_t bp[] = { 4000, 2000, 4000 };
    ipl_compensation_regime r = regime(3, names, roles, bp);
    ipl_compensation_claim c = claim_of(500000000, 0);
    ipl_compensation *res;

    r.cap_payout_per_loan = cny(100000000);
    res = settle(&r, &c);
    ck_assert_int_eq(final_of(res, 0), 66666667);
    ck_assert_int_eq(final_of(res, 1), 33333333);
    ck_assert_int_eq(final_of(res, 2), 400000000);
    ck_assert_int_eq(ipl_compensation_statement_get(res)->capped.minor, 200000000);
    assert_balanced(res);
    ipl_compensation_free(res);

    /* The borrower's yearly cap, 20,000,000.00 with 19,500,000.00 used:
     * 500,000.00 left, split 333,333.33 / 166,666.67. */
    r.cap_payout_per_loan = cny(0);
    r.cap_borrower_year = cny(2000000000);
    c.used_borrower_year = cny(1950000000);
    res = settle(&r, &c);
    ck_assert_int_eq(final_of(res, 0) + final_of(res, 1), 50000000);
    ck_assert_int_eq(final_of(res, 0), 33333333);
    ck_assert_int_eq(final_of(res, 1), 16666667);
    ipl_compensation_free(res);

    /* The bank's yearly ceiling already reached: nothing from the funds. */
    r.cap_bank_year = cny(300000000);
    c.used_bank_year = cny(400000000);
    res = settle(&r, &c);
    ck_assert_int_eq(final_of(res, 0) + final_of(res, 1), 0);
    ck_assert_uint_eq(ipl_compensation_flow_count(res), 0);
    assert_balanced(res);
    ipl_compensation_free(res);

    /* The fund's balance: 123,456.78 left. */
    r.cap_bank_year = cny(0);
    r.cap_borrower_year = cny(0);
    c.fund_limited = 1;
    c.fund_balance = cny(12345678);
    res = settle(&r, &c);
    ck_assert_int_eq(final_of(res, 0) + final_of(res, 1), 12345678);
    ipl_compensation_free(res);
}
END_TEST

/* Dongguan's SME fund: 100 % from the fund, up to 3 % of the bank's
 * eligible new loans of the year. New loans 100,000,000.00: a ceiling
 * of 3,000,000.00, of which 2,500,000.00 is used; an 800,000.00 loss
 * gets the 500,000.00 left, the bank bears 300,000.00. */
START_TEST(test_cap_bank_fraction)
{
    ipl_compensation_regime r = regime_fund_bank(10000);
    ipl_compensation_claim c = claim_of(80000000, 0);
    ipl_compensation *res;

    r.cap_bank_year_fraction = 0.03;
    c.bank_new_loans = cny(10000000000);
    c.used_bank_year = cny(250000000);
    res = settle(&r, &c);
    ck_assert_int_eq(final_of(res, 0), 50000000);
    ck_assert_int_eq(final_of(res, 1), 30000000);
    ck_assert_int_eq(ipl_compensation_statement_get(res)->capped.minor, 30000000);
    assert_balanced(res);
    ipl_compensation_free(res);
}
END_TEST

/* Wuhan: only loans whose IP share of the collateral is at least 50 %
 * are covered. At 40 % nothing is shared; at 50 %, half the loss. */
START_TEST(test_min_ip_share)
{
    ipl_compensation_regime r = regime_fund_bank(5000);
    ipl_compensation_claim c = claim_of(1000000, 0);
    ipl_compensation *res;

    r.min_ip_share = 0.5;
    c.ip_share = 0.4;
    res = settle(&r, &c);
    ck_assert_int_eq(ipl_compensation_statement_get(res)->covered.minor, 0);
    ck_assert_int_eq(final_of(res, 1), 1000000);
    ipl_compensation_free(res);
    c.ip_share = 0.5;
    res = settle(&r, &c);
    ck_assert_int_eq(final_of(res, 0), 250000);
    ipl_compensation_free(res);
}
END_TEST

/* Guangzhou: 50 % of the NPL principal loss, on at most the first
 * 10,000,000.00 of each loan. A 15,000,000.00 loss: the fund pays
 * 5,000,000.00, the bank bears 10,000,000.00. */
START_TEST(test_cap_covered)
{
    ipl_compensation_regime r = regime_fund_bank(5000);
    ipl_compensation_claim c = claim_of(1500000000, 0);
    ipl_compensation *res;

    r.cap_covered_per_loan = cny(1000000000);
    res = settle(&r, &c);
    ck_assert_int_eq(ipl_compensation_statement_get(res)->covered.minor, 1000000000);
    ck_assert_int_eq(final_of(res, 0), 500000000);
    ck_assert_int_eq(final_of(res, 1), 1000000000);
    ipl_compensation_free(res);
}
END_TEST

/* Principal and interest cover on the IP-secured 60 % of combined
 * collateral: (2,000,000.00 + 50,000.00) × 0.6 = 1,230,000.00 shared
 * 50/50; the bank also bears the 820,000.00 not covered. */
START_TEST(test_ip_share_interest_cover)
{
    ipl_compensation_regime r = regime_fund_bank(5000);
    ipl_compensation_claim c = claim_of(200000000, 5000000);
    ipl_compensation *res;

    r.cover = IPL_COMPENSATION_PRINCIPAL_INTEREST;
    c.ip_share = 0.6;
    res = settle(&r, &c);
    ck_assert_int_eq(ipl_compensation_statement_get(res)->covered.minor, 123000000);
    ck_assert_int_eq(final_of(res, 0), 61500000);
    ck_assert_int_eq(final_of(res, 1), 143500000);
    assert_balanced(res);
    ipl_compensation_free(res);
}
END_TEST

/* Pre-compensation as in Shanghai: 80 % of the fund's share two months
 * after NPL. Fund 60 %, bank 40 %; NPL 2024-03-31, 1,000,000.00
 * outstanding: the fund prepays 0.8 × 600,000.00 = 480,000.00 on
 * 2024-05-31. The rights sell on 2025-03-31 for 500,000.00 less
 * 50,000.00: loss 550,000.00, the fund's part 330,000.00, so the bank
 * pays 150,000.00 back (claw-back). Written off with nothing
 * recovered, the fund owes 600,000.00 and pays 120,000.00 more. */
START_TEST(test_precompensation)
{
    ipl_compensation_regime r = regime_fund_bank(6000);
    ipl_compensation_claim c = claim_of(100000000, 0);
    ipl_compensation_recovery rec;
    const ipl_compensation_flow *f;
    ipl_compensation *res;

    r.timing = IPL_COMPENSATION_PRECOMPENSATE;
    r.prepay_fraction = 0.8;
    r.prepay_delay_months = 2;
    c.npl_date = ymd(2024, 3, 31);
    rec.date = ymd(2025, 3, 31);
    rec.proceeds = cny(50000000);
    rec.costs = cny(5000000);
    c.recoveries = &rec;
    c.n_recoveries = 1;
    c.settlement_date.year = 0;
    res = settle(&r, &c);
    ck_assert_uint_eq(ipl_compensation_flow_count(res), 2);
    f = ipl_compensation_flow_get(res, 0);
    ck_assert_int_eq(f->kind, IPL_COMPENSATION_PREPAY);
    ck_assert_int_eq(f->amount.minor, 48000000);
    ck_assert_int_eq(ipl_date_compare(f->date, ymd(2024, 5, 31)), 0);
    f = ipl_compensation_flow_get(res, 1);
    ck_assert_int_eq(f->kind, IPL_COMPENSATION_CLAWBACK);
    ck_assert_int_eq(f->amount.minor, -15000000);
    ck_assert_int_eq(ipl_date_compare(f->date, ymd(2025, 3, 31)), 0);
    ck_assert_int_eq(final_of(res, 0), 33000000);
    ck_assert_int_eq(final_of(res, 1), 22000000);
    assert_balanced(res);
    ipl_compensation_free(res);

    c.n_recoveries = 0;
    c.recoveries = NULL;
    c.settlement_date = ymd(2025, 6, 30);
    res = settle(&r, &c);
    f = ipl_compensation_flow_get(res, 1);
    ck_assert_int_eq(f->kind, IPL_COMPENSATION_SETTLE);
    ck_assert_int_eq(f->amount.minor, 12000000);
    assert_balanced(res);
    ipl_compensation_free(res);
}
END_TEST

/* ---- errors ---- */

static void
assert_settle_error(const ipl_compensation_regime *r, const ipl_compensation_claim *c,
                    int code, const char *where)
{
    ipl_compensation *res = NULL;
    ipl_error err = iplt_stale_error();
    int rc = ipl_compensation_new(&res, r, c, &err);

    iplt_assert_error(err, rc, code, where);
    ck_assert_ptr_null(res);
    ck_assert_uint_eq(iplt_alloc_live(), 0);
}

START_TEST(test_errors)
{
    ipl_compensation_regime r;
    ipl_compensation_claim c = claim_of(100000, 0);
    ipl_compensation_recovery rec;

    r = regime_4321(); r.version = 7;
    assert_settle_error(&r, &c, IPL_EVERSION, "regime.version");
    r = regime_4321(); r.tiers[0].shares[0] = 4001;
    assert_settle_error(&r, &c, IPL_EINVAL, "regime.tiers[0]");
    r = regime_4321(); r.tiers[0].shares[0] = -1;
    assert_settle_error(&r, &c, IPL_EINVAL, "regime.tiers[0]");
    r = regime_4321(); r.parties[2].role = IPL_COMPENSATION_FUND;
    assert_settle_error(&r, &c, IPL_EINVAL, "regime.parties");
    r = regime_4321(); r.parties[0].role = IPL_COMPENSATION_LENDER;
    assert_settle_error(&r, &c, IPL_EINVAL, "regime.parties");
    r = regime_4321(); r.parties[1].name[0] = '\0';
    assert_settle_error(&r, &c, IPL_EINVAL, "regime.parties[1]");
    r = regime_4321(); r.n_parties = 1;
    assert_settle_error(&r, &c, IPL_EINVAL, "regime.n_parties");
    r = regime_4321(); r.n_tiers = 0;
    assert_settle_error(&r, &c, IPL_EINVAL, "regime.n_tiers");
    r = regime_4321(); r.n_tiers = 2; r.tiers[1] = r.tiers[0];
    assert_settle_error(&r, &c, IPL_EINVAL, "regime.tiers[0]");
    r = regime_4321(); r.timing = IPL_COMPENSATION_PRECOMPENSATE;
    assert_settle_error(&r, &c, IPL_EINVAL, "regime.prepay_fraction");
    r = regime_4321(); r.cap_bank_year.minor = 5; memcpy(r.cap_bank_year.currency, "USD", 4);
    assert_settle_error(&r, &c, IPL_EINVAL, "regime.cap_bank_year");
    r = regime_4321(); r.cap_bank_year_fraction = 1.5;
    assert_settle_error(&r, &c, IPL_EINVAL, "regime.cap_bank_year_fraction");
    r = regime_4321(); r.min_ip_share = -0.5;
    assert_settle_error(&r, &c, IPL_EINVAL, "regime.min_ip_share");
    r = regime_4321(); r.rounding = IPL_ROUND_NEVER;
    assert_settle_error(&r, &c, IPL_EINVAL, "regime.rounding");
    assert_settle_error(NULL, &c, IPL_EINVAL, "regime");

    r = regime_4321();
    c.version = 0;
    assert_settle_error(&r, &c, IPL_EVERSION, "claim.version");
    c = claim_of(0, 0);
    assert_settle_error(&r, &c, IPL_EINVAL, "claim.outstanding_principal");
    c = claim_of(100, -1);
    assert_settle_error(&r, &c, IPL_EINVAL, "claim.outstanding_interest");
    c = claim_of(100, 0); c.ip_share = 1.5;
    assert_settle_error(&r, &c, IPL_EINVAL, "claim.ip_share");
    c = claim_of(100, 0); c.ip_share = NAN;
    assert_settle_error(&r, &c, IPL_EINVAL, "claim.ip_share");
    c = claim_of(100, 0); c.npl_date = ymd(2024, 2, 30);
    assert_settle_error(&r, &c, IPL_EINVAL, "claim.npl_date");
    c = claim_of(100, 0); c.settlement_date.year = 0;
    assert_settle_error(&r, &c, IPL_EINVAL, "claim.settlement_date");
    c = claim_of(100, 0); c.settlement_date = ymd(2024, 1, 1);
    assert_settle_error(&r, &c, IPL_EINVAL, "claim.settlement_date");
    c = claim_of(100, 0);
    rec.date = ymd(2024, 1, 1); rec.proceeds = cny(1); rec.costs = cny(0);
    c.recoveries = &rec; c.n_recoveries = 1;
    assert_settle_error(&r, &c, IPL_EINVAL, "claim.recoveries[0]");
    rec.date = ymd(2025, 1, 1); rec.costs = cny(-1);
    assert_settle_error(&r, &c, IPL_EINVAL, "claim.recoveries[0]");
    assert_settle_error(&r, NULL, IPL_EINVAL, "c");
}
END_TEST

START_TEST(test_inits)
{
    ipl_compensation_regime r;
    ipl_compensation_claim c;
    ipl_compensation_sim_options o;

    ck_assert_int_eq(ipl_compensation_regime_init(&r, 2), IPL_EVERSION);
    ck_assert_int_eq(ipl_compensation_regime_init(NULL, 1), IPL_EINVAL);
    ck_assert_int_eq(ipl_compensation_claim_init(&c, 2), IPL_EVERSION);
    ck_assert_int_eq(ipl_compensation_claim_init(NULL, 1), IPL_EINVAL);
    ck_assert_int_eq(ipl_compensation_sim_options_init(&o, 2), IPL_EVERSION);
    ck_assert_int_eq(ipl_compensation_sim_options_init(NULL, 1), IPL_EINVAL);
    ck_assert_int_eq(ipl_compensation_sim_options_init(&o, 1), IPL_OK);
    ck_assert_uint_eq(o.scenarios, 0);
    ck_assert_ptr_null(ipl_compensation_statement_get(NULL));
    ck_assert_uint_eq(ipl_compensation_share_count(NULL), 0);
    ck_assert_uint_eq(ipl_compensation_flow_count(NULL), 0);
    ipl_compensation_free(NULL);
}
END_TEST

/* ---- random regimes and claims ---- */

static uint64_t prng_state = 0x9E3779B97F4A7C15ULL;

static uint64_t
prng(void)
{
    return iplt_xorshift(&prng_state);
}

static int64_t
upto(int64_t n)
{
    return (int64_t)(prng() % (uint64_t)(n + 1));
}

#define PROPERTY_CLAIMS 5000

/* The smaller of a limit and what a cap leaves (never below 0). */
static int64_t
tighter(int64_t limit, int64_t left)
{
    left = left < 0 ? 0 : left;
    return left < limit ? left : limit;
}

static void
random_regime(ipl_compensation_regime *r)
{
    size_t i, lender;
    int64_t left = IPL_COMPENSATION_BP;

    ipl_compensation_regime_init(r, IPL_COMPENSATION_REGIME_VERSION);
    r->n_parties = 2 + (size_t)upto(IPL_COMPENSATION_MAX_PARTIES - 2);
    lender = (size_t)upto((int64_t)r->n_parties - 1);
    r->n_tiers = 1;
    for (i = 0; i < r->n_parties; i++) {
        snprintf(r->parties[i].name, sizeof r->parties[i].name, "p%zu", i);
        r->parties[i].role = i == lender ? IPL_COMPENSATION_LENDER
                           : (ipl_compensation_role)upto(1);
        r->tiers[0].shares[i] = i + 1 == r->n_parties ? left : upto(left);
        left -= r->tiers[0].shares[i];
    }
    r->cover = (ipl_compensation_cover)upto(1);
    r->timing = (ipl_compensation_timing)upto(1);
    r->prepay_fraction = (1 + upto(99)) / 100.0;
    r->prepay_delay_months = (unsigned)upto(6);
    r->rounding = (ipl_rounding)upto(3);
    if (upto(1)) r->cap_covered_per_loan = cny(1 + upto(1000000000));
    if (upto(1)) r->cap_payout_per_loan = cny(1 + upto(1000000000));
    if (upto(1)) r->cap_borrower_year = cny(1 + upto(1000000000));
    if (upto(1)) r->cap_bank_year = cny(1 + upto(1000000000));
    if (upto(1)) r->cap_bank_year_fraction = upto(400) / 10000.0;
    r->min_ip_share = upto(1) ? upto(100) / 100.0 : 0.0;
}

START_TEST(test_random_claims)
{
    int n;

    for (n = 0; n < PROPERTY_CLAIMS; n++) {
        ipl_compensation_regime r;
        ipl_compensation_claim c = claim_of(1 + upto(2000000000), upto(100000000));
        ipl_compensation_recovery rec[2];
        ipl_compensation *res;
        int64_t limit = INT64_MAX, funds = 0, prepaid = 0;
        const char *why;
        size_t i;

        random_regime(&r);
        c.ip_share = upto(100) / 100.0;
        c.used_borrower_year = cny(upto(500000000));
        c.used_bank_year = cny(upto(500000000));
        c.bank_new_loans = cny(upto(100000000000));
        c.fund_limited = (int)upto(1);
        c.fund_balance = cny(upto(1000000000));
        c.n_recoveries = (size_t)upto(2);
        for (i = 0; i < c.n_recoveries; i++) {
            rec[i].date = ymd(2025, 1 + (int)i, 1);
            rec[i].proceeds = cny(upto(c.outstanding_principal.minor));
            rec[i].costs = cny(upto(rec[i].proceeds.minor / 4 + 1));
        }
        c.recoveries = rec;
        res = settle(&r, &c);
        why = unbalanced(res);
        /* No cap is ever exceeded, at prepayment or at the end. */
        if (r.cap_payout_per_loan.minor > 0)
            limit = r.cap_payout_per_loan.minor;
        if (r.cap_borrower_year.minor > 0)
            limit = tighter(limit, r.cap_borrower_year.minor - c.used_borrower_year.minor);
        if (r.cap_bank_year.minor > 0)
            limit = tighter(limit, r.cap_bank_year.minor - c.used_bank_year.minor);
        if (r.cap_bank_year_fraction > 0.0)
            limit = tighter(limit, (int64_t)ceil(r.cap_bank_year_fraction
                                                 * (double)c.bank_new_loans.minor)
                                   - c.used_bank_year.minor);
        if (c.fund_limited)
            limit = tighter(limit, c.fund_balance.minor);
        for (i = 0; i < r.n_parties; i++)
            if (r.parties[i].role == IPL_COMPENSATION_FUND) {
                funds += final_of(res, i);
                prepaid += ipl_compensation_share_get(res, i)->prepaid.minor;
            } else if (ipl_compensation_share_get(res, i)->prepaid.minor != 0) {
                why = "a party other than a fund prepaid";
            }
        if (why == NULL && (funds > limit || prepaid > limit))
            why = "the funds pay more than the caps allow";
        if (why == NULL && r.cap_covered_per_loan.minor > 0
            && ipl_compensation_statement_get(res)->covered.minor > r.cap_covered_per_loan.minor)
            why = "more covered than the per-loan cap";
        if (why != NULL)
            ck_abort_msg("claim %d: %s", n, why);
        ipl_compensation_free(res);
    }
}
END_TEST

/* ---- allocation failures ---- */

typedef struct oom_ctx {
    const ipl_compensation_regime *regime;
    const ipl_compensation_claim *claim;
    const ipl_compensation_exposure *loans;
    const ipl_compensation_sim_options *opts;
} oom_ctx;

static int
oom_settle(void *p)
{
    oom_ctx *ctx = p;
    ipl_compensation *res = NULL;
    int rc = ipl_compensation_new(&res, ctx->regime, ctx->claim, NULL);

    ipl_compensation_free(res);
    return rc;
}

static int
oom_simulate(void *p)
{
    oom_ctx *ctx = p;
    ipl_compensation_sim_result out;

    return ipl_compensation_simulate(&out, ctx->loans, 3, ctx->regime, ctx->opts, NULL);
}

/* ---- fund adequacy ---- */

static ipl_compensation_sim_options
sim_options(int64_t fund, unsigned scenarios)
{
    ipl_compensation_sim_options o;

    ipl_compensation_sim_options_init(&o, IPL_COMPENSATION_SIM_OPTIONS_VERSION);
    o.seed = 20240101;
    o.scenarios = scenarios;
    o.fund_balance = cny(fund);
    return o;
}

START_TEST(test_oom)
{
    ipl_compensation_regime r = regime_4321();
    ipl_compensation_claim c = claim_of(100000, 100);
    ipl_compensation_exposure loans[3];
    ipl_compensation_sim_options o = sim_options(100000000, 100);
    oom_ctx ctx;
    size_t i;

    for (i = 0; i < 3; i++) {
        loans[i].principal = cny(100000000);
        loans[i].pd = 0.1;
        loans[i].lgd = 0.5;
        loans[i].ip_share = 0;
    }
    ctx.regime = &r;
    ctx.claim = &c;
    ctx.loans = loans;
    ctx.opts = &o;
    ck_assert_uint_eq(iplt_oom_check(oom_settle, &ctx), 1);
    ck_assert_uint_eq(iplt_oom_check(oom_simulate, &ctx), 5);
    o.threads = 2;
    ck_assert_uint_eq(iplt_oom_check(oom_simulate, &ctx), 7);
}
END_TEST

/* Certain defaults: ten loans of 1,000,000.00 losing half, fund share
 * 50 %: each costs the fund 250,000.00, 2,500,000.00 in all, every
 * scenario alike. Leverage: 10,000,000 / 10,000,000 = 1. With a fund of
 * 2,000,000.00 every scenario exhausts it and pays 2,000,000.00. */
START_TEST(test_sim_certain)
{
    ipl_compensation_regime r = regime_fund_bank(5000);
    ipl_compensation_exposure loans[10];
    ipl_compensation_sim_options o = sim_options(1000000000, 500);
    ipl_compensation_sim_result res;
    size_t i;

    for (i = 0; i < 10; i++) {
        loans[i].principal = cny(100000000);
        loans[i].pd = 1.0;
        loans[i].lgd = 0.5;
        loans[i].ip_share = 0;
    }
    ck_assert_int_eq(ipl_compensation_simulate(&res, loans, 10, &r, &o, NULL), IPL_OK);
    ck_assert(fabs(res.expected_payout - 2500000.0) < 1e-6);
    ck_assert(fabs(res.p95_payout - 2500000.0) < 1e-6);
    ck_assert(iplt_same_double(res.prob_exhaustion, 0.0));
    ck_assert(fabs(res.leverage - 1.0) < 1e-15);
    ck_assert_uint_eq(res.scenarios, 500);

    o.fund_balance = cny(200000000);
    ck_assert_int_eq(ipl_compensation_simulate(&res, loans, 10, &r, &o, NULL), IPL_OK);
    ck_assert(fabs(res.expected_payout - 2000000.0) < 1e-6);
    ck_assert(iplt_same_double(res.prob_exhaustion, 1.0));

    /* The bank's yearly ceiling of 1,000,000.00 binds first; over three
     * years the loans default only once, in the first. */
    o.fund_balance = cny(1000000000);
    o.years = 3;
    r.cap_bank_year = cny(100000000);
    ck_assert_int_eq(ipl_compensation_simulate(&res, loans, 10, &r, &o, NULL), IPL_OK);
    ck_assert(fabs(res.expected_payout - 1000000.0) < 1e-6);

    /* As a fraction: 5 % of the 10,000,000.00 lent is 500,000.00. */
    r.cap_bank_year = cny(0);
    r.cap_bank_year_fraction = 0.05;
    ck_assert_int_eq(ipl_compensation_simulate(&res, loans, 10, &r, &o, NULL), IPL_OK);
    ck_assert(fabs(res.expected_payout - 500000.0) < 1e-6);

    for (i = 0; i < 10; i++)
        loans[i].pd = 0.0;
    ck_assert_int_eq(ipl_compensation_simulate(&res, loans, 10, &r, &o, NULL), IPL_OK);
    ck_assert(iplt_same_double(res.expected_payout, 0.0));
}
END_TEST

/* 500 loans defaulting with probability 2 %, each costing the fund
 * 100.00: the payout is 100 × Binomial(500, 0.02), mean 1,000.00 and
 * standard deviation 100 × √9.8 = 313.0. Over 5,000 scenarios the
 * sample mean lies within 4 standard errors (4 × 313.0/√5000 = 17.7)
 * of 1,000; the binomial's 95th percentile is 15 defaults (P(X ≤ 14) =
 * 0.9186, P(X ≤ 15) = 0.9530), and the sample's lies one standard
 * error (0.003) from the boundary, so P95 is 1,500 or 1,600. The same
 * seed gives the same figures; another seed, others. */
START_TEST(test_sim_binomial)
{
    ipl_compensation_regime r = regime_fund_bank(10000);
    static ipl_compensation_exposure loans[500];
    ipl_compensation_sim_options o = sim_options(10000000000, 5000);
    ipl_compensation_sim_result a, b;
    size_t i;

    for (i = 0; i < 500; i++) {
        loans[i].principal = cny(10000);
        loans[i].pd = 0.02;
        loans[i].lgd = 1.0;
        loans[i].ip_share = 1.0;
    }
    ck_assert_int_eq(ipl_compensation_simulate(&a, loans, 500, &r, &o, NULL), IPL_OK);
    ck_assert_msg(fabs(a.expected_payout - 1000.0) < 17.7, "mean %g", a.expected_payout);
    ck_assert_msg(a.p95_payout >= 1500.0 && a.p95_payout <= 1600.0, "p95 %g", a.p95_payout);
    ck_assert(fabs(a.leverage - 5e4 / 1e8) < 1e-15);   /* 500 × 100.00 / 100,000,000.00 */
    ck_assert_int_eq(ipl_compensation_simulate(&b, loans, 500, &r, &o, NULL), IPL_OK);
    ck_assert(iplt_same_double(a.expected_payout, b.expected_payout));
    ck_assert(iplt_same_double(a.p95_payout, b.p95_payout));
    /* Blocks dealt to 3 threads: the same figures, bit for bit. */
    o.threads = 3;
    ck_assert_int_eq(ipl_compensation_simulate(&b, loans, 500, &r, &o, NULL), IPL_OK);
    ck_assert(iplt_same_double(a.expected_payout, b.expected_payout));
    ck_assert(iplt_same_double(a.p95_payout, b.p95_payout));
    ck_assert(iplt_same_double(a.prob_exhaustion, b.prob_exhaustion));
    o.seed++;
    ck_assert_int_eq(ipl_compensation_simulate(&b, loans, 500, &r, &o, NULL), IPL_OK);
    ck_assert(!iplt_same_double(a.expected_payout, b.expected_payout));
}
END_TEST

START_TEST(test_sim_errors)
{
    ipl_compensation_regime r = regime_fund_bank(5000);
    ipl_compensation_exposure loan;
    ipl_compensation_sim_options o = sim_options(100, 10);
    ipl_compensation_sim_result res;
    ipl_error err;

    loan.principal = cny(100);
    loan.pd = 1.5;
    loan.lgd = 0.5;
    loan.ip_share = 0;
    iplt_assert_error(err, ipl_compensation_simulate(&res, &loan, 1, &r, &o, &err),
                      IPL_EINVAL, "loans[0]");
    loan.pd = 0.5;
    o.fund_balance = cny(0);
    iplt_assert_error(err, ipl_compensation_simulate(&res, &loan, 1, &r, &o, &err),
                      IPL_EINVAL, "opts.fund_balance");
    o = sim_options(100, 20000000);
    iplt_assert_error(err, ipl_compensation_simulate(&res, &loan, 1, &r, &o, &err),
                      IPL_EINVAL, "opts.scenarios");
    iplt_assert_error(err, ipl_compensation_simulate(&res, &loan, 0, &r, &o, &err),
                      IPL_EINVAL, "n");
    o = sim_options(100, 10);
    o.threads = 257;
    iplt_assert_error(err, ipl_compensation_simulate(&res, &loan, 1, &r, &o, &err),
                      IPL_EINVAL, "opts.threads");
    o = sim_options(100, 10);
    r.n_tiers = 1;
    r.tiers[0].up_to = cny(50);
    iplt_assert_error(err, ipl_compensation_simulate(&res, &loan, 1, &r, &o, &err),
                      IPL_ERANGE, "loans[0]");
}
END_TEST

static Suite *
compensation_suite(void)
{
    Suite *s = suite_create("compensation");
    TCase *tc = tcase_create("settlement");

    tcase_add_test(tc, test_4321_after_disposal);
    tcase_add_test(tc, test_recovery_order);
    tcase_add_test(tc, test_jiangsu_tiers);
    tcase_add_test(tc, test_largest_remainder);
    tcase_add_test(tc, test_caps_per_loan);
    tcase_add_test(tc, test_cap_covered);
    tcase_add_test(tc, test_cap_bank_fraction);
    tcase_add_test(tc, test_min_ip_share);
    tcase_add_test(tc, test_ip_share_interest_cover);
    tcase_add_test(tc, test_precompensation);
    tcase_add_test(tc, test_errors);
    tcase_add_test(tc, test_inits);
    tcase_add_test(tc, test_oom);
    suite_add_tcase(s, tc);

    tc = tcase_create("properties");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_random_claims);
    suite_add_tcase(s, tc);

    tc = tcase_create("simulation");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_sim_certain);
    tcase_add_test(tc, test_sim_binomial);
    tcase_add_test(tc, test_sim_errors);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    iplt_oom_install();
    return iplt_run(compensation_suite());
}
