/* `ipledge compensate`: how a defaulted pledge loan's loss is shared,
 * under a built-in example regime or parties given on the command line,
 * as text, CSV, XML or JSON (the library's report,
 * ipl_report_compensation()). */
#include <string.h>

#include "cli.h"
#include "lending_io.h"

#define CMD "compensate"
#define MAX_RECOVERIES 32

static const char usage_text[] =
    "usage: ipledge compensate --principal AMOUNT --npl DATE\n"
    "           (--regime NAME | --party NAME:ROLE:BP ...) [OPTION...]\n"
    "  --regime NAME          4321, jiangsu, guangzhou, weihai, dongguan, henan or\n"
    "                         shanghai\n"
    "  --party NAME:ROLE:BP   a party (fund, lender or other) and its share in basis\n"
    "                         points; repeat; the shares add up to 10000\n"
    "  --currency CODE        ISO 4217 code of the amounts (CNY)\n"
    "  --interest AMOUNT      interest outstanding at NPL (0)\n"
    "  --recovery DATE:PROCEEDS[:COSTS]   a disposal of the pledged rights (repeat)\n"
    "  --settlement DATE      settlement date (the last recovery's)\n"
    "  --ip-share FRACTION    IP-secured share of the collateral (1)\n"
    "  --borrower-balance AMOUNT          balance that picks the tier (principal)\n"
    "  --used-borrower-year AMOUNT, --used-bank-year AMOUNT   caps already used\n"
    "  --bank-new-loans AMOUNT            the bank's eligible new loans this year\n"
    "  --fund-balance AMOUNT  what the fund can still pay (unlimited)\n"
    "  --format NAME          text, csv, xml or json (text)\n";

/* ---- built-in example regimes (DOMAIN.md section 4.2) ---- */

typedef struct example_party {
    const char *name;
    ipl_compensation_role role;
} example_party;

static void
set_parties(ipl_compensation_regime *r, const example_party *p, size_t n,
            const int64_t *bp)
{
    size_t i;

    r->n_parties = n;
    r->n_tiers = 1;
    for (i = 0; i < n; i++) {
        snprintf(r->parties[i].name, sizeof r->parties[i].name, "%s", p[i].name);
        r->parties[i].role = p[i].role;
        r->tiers[0].shares[i] = bp[i];
    }
}

static ipl_money
yuan(int64_t major)
{
    ipl_money m;

    m.minor = major * 100;
    memcpy(m.currency, "CNY", 4);
    return m;
}

/* Fills r with a named example; returns 0 for an unknown name. */
static int
example_regime(ipl_compensation_regime *r, const char *name)
{
    static const example_party p4321[] = {
        { "guarantor", IPL_COMPENSATION_OTHER }, { "re-guarantor", IPL_COMPENSATION_OTHER },
        { "bank", IPL_COMPENSATION_LENDER }, { "government", IPL_COMPENSATION_FUND } };
    static const example_party fund_bank[] = {
        { "fund", IPL_COMPENSATION_FUND }, { "bank", IPL_COMPENSATION_LENDER } };
    static const example_party weihai[] = {
        { "province", IPL_COMPENSATION_FUND }, { "city", IPL_COMPENSATION_FUND },
        { "bank", IPL_COMPENSATION_LENDER } };
    static const int64_t bp4321[] = { 4000, 3000, 2000, 1000 };
    static const int64_t bp80[] = { 8000, 2000 }, bp50[] = { 5000, 5000 };
    static const int64_t bp60[] = { 6000, 4000 }, bpweihai[] = { 4000, 2000, 4000 };
    static const int64_t bp100[] = { 10000, 0 };

    if (strcmp(name, "4321") == 0) {
        set_parties(r, p4321, 4, bp4321);
    } else if (strcmp(name, "jiangsu") == 0) {
        /* 苏知贷: 80/20 up to 10 million per borrower, 50/50 to 30 million */
        set_parties(r, fund_bank, 2, bp80);
        r->n_tiers = 2;
        r->tiers[0].up_to = yuan(10000000);
        r->tiers[1].up_to = yuan(30000000);
        r->tiers[1].shares[0] = r->tiers[1].shares[1] = 5000;
    } else if (strcmp(name, "guangzhou") == 0) {
        set_parties(r, fund_bank, 2, bp50);
        r->cap_covered_per_loan = yuan(10000000);
        r->cap_borrower_year = yuan(20000000);
    } else if (strcmp(name, "weihai") == 0) {
        set_parties(r, weihai, 3, bpweihai);
        r->cap_payout_per_loan = yuan(1000000);
    } else if (strcmp(name, "dongguan") == 0) {
        /* the SME fund pays in full, up to 3 % of the bank's new loans */
        set_parties(r, fund_bank, 2, bp100);
        r->cap_bank_year_fraction = 0.03;
    } else if (strcmp(name, "henan") == 0) {
        /* pre-compensation at NPL, settled after disposal; the 60/40
         * split is illustrative (the policy text gives none) */
        set_parties(r, fund_bank, 2, bp60);
        r->timing = IPL_COMPENSATION_PRECOMPENSATE;
        r->prepay_fraction = 1.0;
    } else if (strcmp(name, "shanghai") == 0) {
        /* ~80 % of the loss prepaid two months after NPL */
        set_parties(r, fund_bank, 2, bp80);
        r->timing = IPL_COMPENSATION_PRECOMPENSATE;
        r->prepay_fraction = 1.0;
        r->prepay_delay_months = 2;
    } else {
        return 0;
    }
    return 1;
}

/* ---- the command line ---- */

typedef struct comp_args {
    ipl_compensation_regime regime;
    ipl_compensation_claim claim;
    ipl_compensation_recovery recoveries[MAX_RECOVERIES];
    char *recovery_text[MAX_RECOVERIES][2];
    const char *currency, *principal, *interest, *balance, *used_borrower, *used_bank,
               *new_loans, *fund;
    int have_regime;
    ipl_report_format format;
} comp_args;

static int
parse_party(comp_args *a, char *text, FILE *errs)
{
    static const char *const roles[] = { "other", "fund", "lender" };
    ipl_compensation_regime *r = &a->regime;
    char *f[3];
    unsigned bp;
    size_t i, n = r->n_parties;

    if (a->have_regime == 1 || n == IPL_COMPENSATION_MAX_PARTIES
        || lio_fields(text, f, 3) != 3 || strlen(f[0]) >= IPL_COMPENSATION_NAME_MAX) {
        fprintf(errs, "ipledge " CMD ": --party: give NAME:ROLE:BP, up to %d parties,"
                " and no --regime\n", IPL_COMPENSATION_MAX_PARTIES);
        return 0;
    }
    for (i = 0; i < 3 && strcmp(f[1], roles[i]) != 0; i++)
        continue;
    if (i == 3) {
        fprintf(errs, "ipledge " CMD ": --party: role '%s' is not fund, lender or other\n",
                f[1]);
        return 0;
    }
    if (!lio_count(&bp, f[2], CMD, "--party", errs))
        return 0;
    snprintf(r->parties[n].name, sizeof r->parties[n].name, "%s", f[0]);
    r->parties[n].role = (ipl_compensation_role)i;
    r->tiers[0].shares[n] = bp;
    r->n_parties = n + 1;
    r->n_tiers = 1;
    a->have_regime = 2;
    return 1;
}

static int
parse_recovery(comp_args *a, char *text, FILE *errs)
{
    ipl_compensation_recovery *rec = &a->recoveries[a->claim.n_recoveries];
    char *f[3];
    size_t n;

    if (a->claim.n_recoveries == MAX_RECOVERIES || (n = lio_fields(text, f, 3)) < 2) {
        fprintf(errs, "ipledge " CMD ": --recovery: give DATE:PROCEEDS[:COSTS]\n");
        return 0;
    }
    if (!lio_date(&rec->date, f[0], CMD, "--recovery", errs))
        return 0;
    a->recovery_text[a->claim.n_recoveries][0] = f[1];
    a->recovery_text[a->claim.n_recoveries][1] = n == 3 ? f[2] : NULL;
    a->claim.n_recoveries++;
    return 1;
}

static int
parse_option(comp_args *a, const char *opt, char *v, FILE *errs)
{
    const char **text[] = { &a->currency, &a->principal, &a->interest, &a->balance,
                            &a->used_borrower, &a->used_bank, &a->new_loans, &a->fund };
    static const char *const names[] = { "--currency", "--principal", "--interest",
                                         "--borrower-balance", "--used-borrower-year",
                                         "--used-bank-year", "--bank-new-loans",
                                         "--fund-balance" };
    size_t i;

    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(opt, names[i]) == 0) {
            *text[i] = v;
            return 1;
        }
    if (strcmp(opt, "--regime") == 0) {
        if (a->have_regime != 0 || !example_regime(&a->regime, v)) {
            fprintf(errs, "ipledge " CMD ": --regime: '%s' is not a built-in regime, or"
                    " parties were given too\n", v);
            return 0;
        }
        a->have_regime = 1;
        return 1;
    }
    if (strcmp(opt, "--party") == 0) return parse_party(a, v, errs);
    if (strcmp(opt, "--recovery") == 0) return parse_recovery(a, v, errs);
    if (strcmp(opt, "--npl") == 0) return lio_date(&a->claim.npl_date, v, CMD, opt, errs);
    if (strcmp(opt, "--settlement") == 0)
        return lio_date(&a->claim.settlement_date, v, CMD, opt, errs);
    if (strcmp(opt, "--ip-share") == 0)
        return lio_number(&a->claim.ip_share, v, CMD, opt, errs);
    if (strcmp(opt, "--format") == 0) return lio_format_of(&a->format, v, CMD, errs);
    fprintf(errs, "ipledge " CMD ": unknown option '%s'\n", opt);
    return 0;
}

/* Amounts given as text become money once the currency is known. */
static int
parse_amounts(comp_args *a, FILE *errs)
{
    ipl_compensation_claim *c = &a->claim;
    const char *text[] = { a->principal, a->interest, a->balance, a->used_borrower,
                           a->used_bank, a->new_loans, a->fund };
    ipl_money *field[] = { &c->outstanding_principal, &c->outstanding_interest,
                           &c->borrower_balance, &c->used_borrower_year,
                           &c->used_bank_year, &c->bank_new_loans, &c->fund_balance };
    static const char *const opts[] = { "--principal", "--interest", "--borrower-balance",
                                        "--used-borrower-year", "--used-bank-year",
                                        "--bank-new-loans", "--fund-balance" };
    size_t i;

    for (i = 0; i < sizeof opts / sizeof opts[0]; i++)
        if (text[i] != NULL && !lio_money(field[i], text[i], a->currency, CMD, opts[i], errs))
            return 0;
    c->fund_limited = a->fund != NULL;
    for (i = 0; i < c->n_recoveries; i++) {
        if (!lio_money(&a->recoveries[i].proceeds, a->recovery_text[i][0], a->currency,
                       CMD, "--recovery", errs)
            || !lio_money(&a->recoveries[i].costs, a->recovery_text[i][1] != NULL
                          ? a->recovery_text[i][1] : "0", a->currency, CMD, "--recovery",
                          errs))
            return 0;
    }
    c->recoveries = c->n_recoveries > 0 ? a->recoveries : NULL;
    return 1;
}

static int
parse(comp_args *a, int argc, char **argv, FILE *errs)
{
    int i;

    a->currency = "CNY";
    for (i = 1; i < argc; i += 2) {
        if (i + 1 == argc) {
            fprintf(errs, "ipledge " CMD ": %s needs a value\n", argv[i]);
            return 0;
        }
        if (!parse_option(a, argv[i], argv[i + 1], errs))
            return 0;
    }
    if (a->principal == NULL || a->claim.npl_date.year == 0 || a->have_regime == 0) {
        fputs("ipledge " CMD ": --principal, --npl and a regime or parties are required\n",
              errs);
        return 0;
    }
    return parse_amounts(a, errs);
}

int
cli_compensate(int argc, char **argv, FILE *out, FILE *errs)
{
    comp_args a;
    ipl_compensation *c = NULL;
    ipl_error err;
    int rc;

    memset(&a, 0, sizeof a);
    a.format = IPL_REPORT_TEXT;
    ipl_compensation_regime_init(&a.regime, IPL_COMPENSATION_REGIME_VERSION);
    ipl_compensation_claim_init(&a.claim, IPL_COMPENSATION_CLAIM_VERSION);
    if (argc == 2 && strcmp(argv[1], "--help") == 0) {
        fputs(usage_text, out);
        return CLI_OK;
    }
    if (!parse(&a, argc, argv, errs)) {
        fputs(usage_text, errs);
        return CLI_USAGE;
    }
    if (ipl_compensation_new(&c, &a.regime, &a.claim, &err) < 0)
        return cli_fail(errs, CMD, &err);
    if (ipl_report_compensation(c, a.format, cli_to_stream, out, &err) < 0)
        rc = cli_fail(errs, CMD, &err);
    else
        rc = cli_flush(out, errs, CMD);
    ipl_compensation_free(c);
    return rc;
}
