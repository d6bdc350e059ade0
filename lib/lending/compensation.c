/* Settling a defaulted loan under a compensation regime
 * (ipl_compensation_new() in include/ipledge/compensation.h). */
#include <stdio.h>
#include <string.h>

#include "ipledge/compensation.h"
#include "alloc_internal.h"
#include "error_internal.h"
#include "money_internal.h"
#include "compensation_internal.h"
#include "lending_internal.h"

int
ipl_compensation_claim_init(ipl_compensation_claim *claim, unsigned int version)
{
    if (claim == NULL)
        return IPL_EINVAL;
    if (version != IPL_COMPENSATION_CLAIM_VERSION)
        return IPL_EVERSION;
    memset(claim, 0, sizeof *claim);
    claim->version = version;
    return IPL_OK;
}

/* Recoveries: dated on or after the NPL date, in order, amounts ≥ 0. */
static int
comp__check_recoveries(const ipl_compensation_claim *c, const char *cur, ipl_error *err)
{
    size_t i;
    int rc;

    if (c->n_recoveries > 0 && c->recoveries == NULL)
        return ipl__fail(err, IPL_EINVAL, "claim.recoveries",
                         "must not be NULL when n_recoveries is %zu", c->n_recoveries);
    for (i = 0; i < c->n_recoveries; i++) {
        const ipl_compensation_recovery *r = &c->recoveries[i];
        char where[48];

        snprintf(where, sizeof where, "claim.recoveries[%zu]", i);
        if (!ipl_date_is_valid(r->date) || ipl_date_compare(r->date, c->npl_date) < 0)
            return ipl__fail(err, IPL_EINVAL, where,
                             "date must be a valid date on or after the NPL date");
        if (i > 0 && ipl_date_compare(r->date, c->recoveries[i - 1].date) < 0)
            return ipl__fail(err, IPL_EINVAL, where, "recoveries must be in date order");
        if ((rc = ipl__lending_amount(&r->proceeds, cur, where, err)) < 0
            || (rc = ipl__lending_amount(&r->costs, cur, where, err)) < 0)
            return rc;
    }
    return IPL_OK;
}

static int
comp__check_claim(const ipl_compensation_claim *c, ipl_error *err)
{
    const char *cur;
    int rc;

    IPL__CHECK_ARG(err, c);
    if (c->version != IPL_COMPENSATION_CLAIM_VERSION)
        return ipl__fail(err, IPL_EVERSION, "claim.version",
                         "unknown version %u (this library knows %u)", c->version,
                         IPL_COMPENSATION_CLAIM_VERSION);
    if ((rc = ipl__money_check(&c->outstanding_principal,
                               "claim.outstanding_principal", err)) < 0)
        return rc;
    cur = c->outstanding_principal.currency;
    if (c->outstanding_principal.minor <= 0)
        return ipl__fail(err, IPL_EINVAL, "claim.outstanding_principal",
                         "must be > 0, got %lld minor units",
                         (long long)c->outstanding_principal.minor);
    if (!ipl_date_is_valid(c->npl_date))
        return ipl__fail(err, IPL_EINVAL, "claim.npl_date", "is not a valid date");
    if (!(c->ip_share >= 0.0 && c->ip_share <= 1.0))
        return ipl__fail(err, IPL_EINVAL, "claim.ip_share",
                         "must lie in (0, 1] (0 for 1), got %g", c->ip_share);
    if ((rc = ipl__lending_amount(&c->outstanding_interest, cur,
                               "claim.outstanding_interest", err)) < 0
        || (rc = ipl__lending_amount(&c->borrower_balance, cur,
                                  "claim.borrower_balance", err)) < 0
        || (rc = ipl__lending_amount(&c->used_borrower_year, cur,
                                  "claim.used_borrower_year", err)) < 0
        || (rc = ipl__lending_amount(&c->used_bank_year, cur, "claim.used_bank_year",
                                  err)) < 0
        || (rc = ipl__lending_amount(&c->bank_new_loans, cur, "claim.bank_new_loans",
                                  err)) < 0
        || (rc = ipl__lending_amount(&c->fund_balance, cur, "claim.fund_balance", err)) < 0)
        return rc;
    return comp__check_recoveries(c, cur, err);
}

/* The settlement date: given, or the last recovery's. */
static int
comp__dates(ipl_compensation_statement *st, const ipl_compensation_regime *r,
            const ipl_compensation_claim *c, ipl_error *err)
{
    st->prepay_date = c->npl_date;
    if (r->timing == IPL_COMPENSATION_PRECOMPENSATE
        && ipl_date_add_months(&st->prepay_date, c->npl_date,
                               (int64_t)r->prepay_delay_months, IPL_MONTH_CLAMP, NULL) < 0)
        return ipl__fail(err, IPL_ERANGE, "regime.prepay_delay_months",
                         "the prepayment falls after 9999-12-31");
    if (c->settlement_date.year == 0) {
        if (c->n_recoveries == 0)
            return ipl__fail(err, IPL_EINVAL, "claim.settlement_date",
                             "is required when there are no recoveries");
        st->settlement_date = c->recoveries[c->n_recoveries - 1].date;
    } else {
        if (!ipl_date_is_valid(c->settlement_date))
            return ipl__fail(err, IPL_EINVAL, "claim.settlement_date", "is not a valid date");
        st->settlement_date = c->settlement_date;
        if (c->n_recoveries > 0
            && ipl_date_compare(st->settlement_date,
                                c->recoveries[c->n_recoveries - 1].date) < 0)
            return ipl__fail(err, IPL_EINVAL, "claim.settlement_date",
                             "falls before the last recovery");
    }
    if (ipl_date_compare(st->settlement_date, st->prepay_date) < 0)
        return ipl__fail(err, IPL_EINVAL, "claim.settlement_date",
                         "falls before the NPL date or the pre-compensation");
    return IPL_OK;
}

/* The loss after recoveries, which repay principal first. */
static int
comp__loss(ipl_compensation_statement *st, const ipl_compensation_claim *c,
           ipl_error *err)
{
    int64_t net = 0, p = c->outstanding_principal.minor, i = c->outstanding_interest.minor;
    size_t k;

    for (k = 0; k < c->n_recoveries; k++)
        if (__builtin_add_overflow(net, c->recoveries[k].proceeds.minor, &net)
            || __builtin_sub_overflow(net, c->recoveries[k].costs.minor, &net))
            return ipl__fail(err, IPL_EOVERFLOW, "claim.recoveries",
                             "the sum of recoveries overflows");
    if (net < 0)
        net = 0;
    st->outstanding_principal = c->outstanding_principal;
    st->outstanding_interest = st->net_recovery = st->principal_loss = c->outstanding_principal;
    st->interest_loss = st->loss = st->covered = st->capped = c->outstanding_principal;
    st->outstanding_interest.minor = i;
    st->net_recovery.minor = net;
    st->principal_loss.minor = p > net ? p - net : 0;
    st->interest_loss.minor = net > p ? (i > net - p ? i - (net - p) : 0) : i;
    if (__builtin_add_overflow(st->principal_loss.minor, st->interest_loss.minor,
                               &st->loss.minor))
        return ipl__fail(err, IPL_EOVERFLOW, "claim.outstanding_interest",
                         "principal and interest together overflow");
    return IPL_OK;
}

/* amount × fraction, rounded, in the claim's currency. */
static int
comp__fraction(int64_t *out, int64_t amount, double fraction, ipl_rounding how,
               const char *currency, ipl_error *err)
{
    ipl_money m;
    int rc;

    m.minor = amount;
    memcpy(m.currency, currency, 4);
    if ((rc = ipl_money_mul_rate(&m, &m, fraction, how, err)) < 0)
        return rc;
    *out = m.minor;
    return IPL_OK;
}

static int64_t
comp__left(int64_t limit, int64_t cap, int64_t used)
{
    int64_t left = cap - used;

    left = left < 0 ? 0 : left;
    return left < limit ? left : limit;
}

/* What the funds may still pay for this claim: the tightest of the
 * per-loan, per-borrower-year and per-bank-year caps and the balance. */
static int
comp__fund_limit(int64_t *out, const ipl_compensation_regime *r,
                 const ipl_compensation_claim *c, ipl_rounding how, ipl_error *err)
{
    int64_t limit = INT64_MAX, bank_cap;
    int rc;

    if (r->cap_payout_per_loan.minor > 0)
        limit = r->cap_payout_per_loan.minor;
    if (r->cap_borrower_year.minor > 0)
        limit = comp__left(limit, r->cap_borrower_year.minor, c->used_borrower_year.minor);
    if (r->cap_bank_year.minor > 0)
        limit = comp__left(limit, r->cap_bank_year.minor, c->used_bank_year.minor);
    if (r->cap_bank_year_fraction > 0.0) {
        if ((rc = comp__fraction(&bank_cap, c->bank_new_loans.minor,
                                 r->cap_bank_year_fraction, how,
                                 c->outstanding_principal.currency, err)) < 0)
            return rc;
        limit = comp__left(limit, bank_cap, c->used_bank_year.minor);
    }
    if (c->fund_limited && c->fund_balance.minor < limit)
        limit = c->fund_balance.minor;
    *out = limit;
    return IPL_OK;
}

/* Splits amount among the parties by the tier's shares, counting only
 * the funds when funds_only: out[i] for every party. */
static int
comp__split(int64_t *out, int64_t amount, const ipl_compensation_regime *r,
            size_t tier, int funds_only, const char *currency, ipl_error *err)
{
    ipl_money parts[IPL_COMPENSATION_MAX_PARTIES], total;
    int64_t w[IPL_COMPENSATION_MAX_PARTIES], sum = 0;
    size_t i;
    int rc;

    for (i = 0; i < r->n_parties; i++) {
        w[i] = !funds_only || r->parties[i].role == IPL_COMPENSATION_FUND
             ? r->tiers[tier].shares[i] : 0;
        sum += w[i];
        out[i] = 0;
    }
    if (sum == 0 || amount == 0)
        return IPL_OK;
    total.minor = amount;
    memcpy(total.currency, currency, 4);
    if ((rc = ipl_money_split(parts, &total, w, r->n_parties, err)) < 0)
        return rc;
    for (i = 0; i < r->n_parties; i++)
        out[i] = parts[i].minor;
    return IPL_OK;
}

static int64_t
comp__funds_total(const int64_t *part, const ipl_compensation_regime *r)
{
    int64_t sum = 0;
    size_t i;

    for (i = 0; i < r->n_parties; i++)
        if (r->parties[i].role == IPL_COMPENSATION_FUND)
            sum += part[i];
    return sum;
}

/* The shared part of an amount: × IP share, up to the per-loan cover. */
static int
comp__covered(int64_t *out, int64_t amount, const ipl_compensation_regime *r,
              const ipl_compensation_claim *c, ipl_rounding how, ipl_error *err)
{
    double ip = c->ip_share > 0.0 ? c->ip_share : 1.0;
    int rc;

    if (ip < r->min_ip_share) {
        *out = 0;
        return IPL_OK;
    }
    rc = comp__fraction(out, amount, ip, how, c->outstanding_principal.currency, err);

    if (rc == IPL_OK && r->cap_covered_per_loan.minor > 0
        && *out > r->cap_covered_per_loan.minor)
        *out = r->cap_covered_per_loan.minor;
    return rc;
}

/* Each party's final part: its share of the covered loss, the funds'
 * parts brought within the limit, the lender taking the rest. */
static int
comp__final(int64_t *final, ipl_compensation_statement *st,
            const ipl_compensation_regime *r, const ipl_compensation_claim *c,
            ipl_rounding how, size_t lender, int64_t limit, ipl_error *err)
{
    const char *cur = c->outstanding_principal.currency;
    int64_t base, funds;
    int rc;

    base = r->cover == IPL_COMPENSATION_PRINCIPAL ? st->principal_loss.minor
                                                   : st->loss.minor;
    if ((rc = comp__covered(&st->covered.minor, base, r, c, how, err)) < 0
        || (rc = comp__split(final, st->covered.minor, r, st->tier, 0, cur, err)) < 0)
        return rc;
    funds = comp__funds_total(final, r);
    st->capped.minor = 0;
    if (funds > limit) {
        int64_t keep[IPL_COMPENSATION_MAX_PARTIES];
        size_t i;

        if ((rc = comp__split(keep, limit, r, st->tier, 1, cur, err)) < 0)
            return rc;
        for (i = 0; i < r->n_parties; i++)
            if (r->parties[i].role == IPL_COMPENSATION_FUND)
                final[i] = keep[i];
        st->capped.minor = funds - limit;
    }
    final[lender] += st->loss.minor - st->covered.minor + st->capped.minor;
    return IPL_OK;
}

/* Pre-compensation: the funds' share of the covered outstanding
 * principal × the prepay fraction, within the same limit. */
static int
comp__prepaid(int64_t *prepaid, const ipl_compensation_statement *st,
              const ipl_compensation_regime *r, const ipl_compensation_claim *c,
              ipl_rounding how, int64_t limit, ipl_error *err)
{
    const char *cur = c->outstanding_principal.currency;
    int64_t base, parts[IPL_COMPENSATION_MAX_PARTIES], total;
    int rc;

    memset(prepaid, 0, sizeof(int64_t) * IPL_COMPENSATION_MAX_PARTIES);
    if (r->timing != IPL_COMPENSATION_PRECOMPENSATE)
        return IPL_OK;
    if ((rc = comp__covered(&base, c->outstanding_principal.minor, r, c, how, err)) < 0
        || (rc = comp__split(parts, base, r, st->tier, 0, cur, err)) < 0
        || (rc = comp__fraction(&total, comp__funds_total(parts, r), r->prepay_fraction,
                                how, cur, err)) < 0)
        return rc;
    return comp__split(prepaid, total < limit ? total : limit, r, st->tier, 1, cur, err);
}

static void
comp__flow(ipl_compensation *res, ipl_date date, size_t party,
           ipl_compensation_flow_kind kind, int64_t amount, const char *cur)
{
    ipl_compensation_flow *f = &res->flows[res->n_flows++];

    f->date = date;
    f->party = party;
    f->kind = kind;
    f->amount.minor = amount;
    memcpy(f->amount.currency, cur, 4);
}

/* Fills the parties' parts and the dated flows: prepayments first,
 * then settlements and claw-backs, each in party order. */
static void
comp__shares(ipl_compensation *res, const ipl_compensation_regime *r,
             const int64_t *final, const int64_t *prepaid, const char *cur)
{
    const ipl_compensation_statement *st = &res->statement;
    size_t i;

    res->n_parties = r->n_parties;
    for (i = 0; i < r->n_parties; i++) {
        ipl_compensation_share *s = &res->shares[i];

        memcpy(res->names[i], r->parties[i].name, IPL_COMPENSATION_NAME_MAX);
        s->name = res->names[i];
        s->role = r->parties[i].role;
        s->share_bp = r->tiers[st->tier].shares[i];
        s->final = s->prepaid = s->settlement = st->loss;
        s->final.minor = final[i];
        s->prepaid.minor = prepaid[i];
        s->settlement.minor = final[i] - prepaid[i];
        if (prepaid[i] > 0)
            comp__flow(res, st->prepay_date, i, IPL_COMPENSATION_PREPAY, prepaid[i], cur);
    }
    for (i = 0; i < r->n_parties; i++) {
        int64_t settle = res->shares[i].settlement.minor;

        if (r->parties[i].role == IPL_COMPENSATION_LENDER || settle == 0)
            continue;
        comp__flow(res, st->settlement_date, i,
                   settle > 0 ? IPL_COMPENSATION_SETTLE : IPL_COMPENSATION_CLAWBACK,
                   settle, cur);
    }
}

static int
comp__settle(ipl_compensation *res, const ipl_compensation_regime *r,
             const ipl_compensation_claim *c, ipl_error *err)
{
    ipl_compensation_statement *st = &res->statement;
    const char *cur = c->outstanding_principal.currency;
    int64_t final[IPL_COMPENSATION_MAX_PARTIES], prepaid[IPL_COMPENSATION_MAX_PARTIES];
    int64_t limit;
    ipl_rounding how;
    size_t lender;
    int rc;

    if ((rc = ipl__comp_check_regime(r, cur, &how, &lender, err)) < 0
        || (rc = comp__dates(st, r, c, err)) < 0
        || (rc = comp__loss(st, c, err)) < 0
        || (rc = ipl__comp_tier(&st->tier, r, c->borrower_balance.minor > 0
                                ? c->borrower_balance.minor
                                : c->outstanding_principal.minor,
                                "claim.borrower_balance", err)) < 0)
        return rc;
    if ((rc = comp__fund_limit(&limit, r, c, how, err)) < 0
        || (rc = comp__final(final, st, r, c, how, lender, limit, err)) < 0
        || (rc = comp__prepaid(prepaid, st, r, c, how, limit, err)) < 0)
        return rc;
    comp__shares(res, r, final, prepaid, cur);
    return IPL_OK;
}

int
ipl_compensation_new(ipl_compensation **out, const ipl_compensation_regime *regime,
                     const ipl_compensation_claim *claim, ipl_error *err)
{
    ipl_compensation *res;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, regime);
    if ((rc = comp__check_claim(claim, err)) < 0)
        return rc;
    if ((res = ipl__calloc(1, sizeof *res)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, "compensation", "cannot allocate the result");
    if ((rc = comp__settle(res, regime, claim, err)) < 0) {
        ipl__free(res);
        return rc;
    }
    *out = res;
    return IPL_OK;
}

void
ipl_compensation_free(ipl_compensation *c)
{
    ipl__free(c);
}

const ipl_compensation_statement *
ipl_compensation_statement_get(const ipl_compensation *c)
{
    return c == NULL ? NULL : &c->statement;
}

size_t
ipl_compensation_share_count(const ipl_compensation *c)
{
    return c == NULL ? 0 : c->n_parties;
}

const ipl_compensation_share *
ipl_compensation_share_get(const ipl_compensation *c, size_t i)
{
    return c == NULL || i >= c->n_parties ? NULL : &c->shares[i];
}

size_t
ipl_compensation_flow_count(const ipl_compensation *c)
{
    return c == NULL ? 0 : c->n_flows;
}

const ipl_compensation_flow *
ipl_compensation_flow_get(const ipl_compensation *c, size_t i)
{
    return c == NULL || i >= c->n_flows ? NULL : &c->flows[i];
}
