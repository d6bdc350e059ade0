/* `ipledge compensate`: how a defaulted pledge loan's loss is shared,
 * under a built-in example regime or parties given on the command line,
 * as text, CSV, XML or JSON. */
#include <string.h>

#include <jansson.h>

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
    lio_format format;
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

/* ---- output ---- */

static const char *
role_name(ipl_compensation_role role)
{
    return role == IPL_COMPENSATION_FUND ? "fund"
         : role == IPL_COMPENSATION_LENDER ? "lender" : "other";
}

static const char *
kind_name(ipl_compensation_flow_kind kind)
{
    return kind == IPL_COMPENSATION_PREPAY ? "prepay"
         : kind == IPL_COMPENSATION_SETTLE ? "settle" : "clawback";
}

static void
print_text(FILE *out, const ipl_compensation *c)
{
    const ipl_compensation_statement *st = ipl_compensation_statement_get(c);
    const struct { const char *label; const ipl_money *m; } lines[] = {
        { "outstanding principal", &st->outstanding_principal },
        { "outstanding interest", &st->outstanding_interest },
        { "net recovery", &st->net_recovery }, { "principal loss", &st->principal_loss },
        { "interest loss", &st->interest_loss }, { "loss", &st->loss },
        { "covered (shared)", &st->covered }, { "capped to the lender", &st->capped } };
    char b[3][LIO_AMOUNT_MAX], d[IPL_DATE_STRING_SIZE];
    size_t i;

    fprintf(out, "Settlement in %s, tier %zu, settled %s\n", st->loss.currency,
            st->tier + 1, lio_day(d, st->settlement_date));
    for (i = 0; i < sizeof lines / sizeof lines[0]; i++)
        fprintf(out, "  %-22s %16s\n", lines[i].label, lio_amount(b[0], lines[i].m, 1));
    fprintf(out, "\n%-16s %-6s %7s  %16s  %16s  %16s\n", "party", "role", "share %",
            "prepaid", "settlement", "final");
    for (i = 0; i < ipl_compensation_share_count(c); i++) {
        const ipl_compensation_share *s = ipl_compensation_share_get(c, i);

        fprintf(out, "%-16s %-6s %7.2f  %16s  %16s  %16s\n", s->name, role_name(s->role),
                s->share_bp / 100.0, lio_amount(b[0], &s->prepaid, 1),
                lio_amount(b[1], &s->settlement, 1), lio_amount(b[2], &s->final, 1));
    }
    fprintf(out, "%-16s %-6s %7s  %16s  %16s  %16s\n\nCash flows to the lender\n", "total",
            "", "", "", "", lio_amount(b[0], &st->loss, 1));
    for (i = 0; i < ipl_compensation_flow_count(c); i++) {
        const ipl_compensation_flow *f = ipl_compensation_flow_get(c, i);

        fprintf(out, "  %s  %-8s  %-16s %16s\n", lio_day(d, f->date), kind_name(f->kind),
                ipl_compensation_share_get(c, f->party)->name, lio_amount(b[0], &f->amount, 1));
    }
}

/* CSV: one line per party, then one per cash flow, in one table. */
static void
print_csv(FILE *out, const ipl_compensation *c)
{
    const ipl_compensation_statement *st = ipl_compensation_statement_get(c);
    char b[3][LIO_AMOUNT_MAX], d[IPL_DATE_STRING_SIZE];
    size_t i;

    fputs("record,date,party,role,share_bp,kind,prepaid,settlement,amount\n", out);
    for (i = 0; i < ipl_compensation_share_count(c); i++) {
        const ipl_compensation_share *s = ipl_compensation_share_get(c, i);

        fprintf(out, "party,,\"%s\",%s,%lld,final,%s,%s,%s\n", s->name, role_name(s->role),
                (long long)s->share_bp, lio_amount(b[0], &s->prepaid, 0),
                lio_amount(b[1], &s->settlement, 0), lio_amount(b[2], &s->final, 0));
    }
    for (i = 0; i < ipl_compensation_flow_count(c); i++) {
        const ipl_compensation_flow *f = ipl_compensation_flow_get(c, i);

        fprintf(out, "flow,%s,\"%s\",,,%s,,,%s\n", lio_day(d, f->date),
                ipl_compensation_share_get(c, f->party)->name, kind_name(f->kind),
                lio_amount(b[0], &f->amount, 0));
    }
    fprintf(out, "loss,%s,,,,total,,,%s\n", lio_day(d, st->settlement_date),
            lio_amount(b[0], &st->loss, 0));
}

static void
print_xml(FILE *out, const ipl_compensation *c)
{
    const ipl_compensation_statement *st = ipl_compensation_statement_get(c);
    char b[8][LIO_AMOUNT_MAX], d[2][IPL_DATE_STRING_SIZE];
    size_t i;

    fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<compensation currency=\"%s\">\n"
            "  <statement tier=\"%zu\" settlement_date=\"%s\" outstanding_principal=\"%s\""
            " outstanding_interest=\"%s\" net_recovery=\"%s\" principal_loss=\"%s\""
            " interest_loss=\"%s\" loss=\"%s\" covered=\"%s\" capped=\"%s\"/>\n",
            st->loss.currency, st->tier + 1, lio_day(d[0], st->settlement_date),
            lio_amount(b[0], &st->outstanding_principal, 0),
            lio_amount(b[1], &st->outstanding_interest, 0),
            lio_amount(b[2], &st->net_recovery, 0), lio_amount(b[3], &st->principal_loss, 0),
            lio_amount(b[4], &st->interest_loss, 0), lio_amount(b[5], &st->loss, 0),
            lio_amount(b[6], &st->covered, 0), lio_amount(b[7], &st->capped, 0));
    for (i = 0; i < ipl_compensation_share_count(c); i++) {
        const ipl_compensation_share *s = ipl_compensation_share_get(c, i);

        fputs("  <party name=\"", out);
        lio_xml_text(out, s->name);
        fprintf(out, "\" role=\"%s\" share_bp=\"%lld\" prepaid=\"%s\" settlement=\"%s\""
                " final=\"%s\"/>\n", role_name(s->role), (long long)s->share_bp,
                lio_amount(b[0], &s->prepaid, 0), lio_amount(b[1], &s->settlement, 0),
                lio_amount(b[2], &s->final, 0));
    }
    for (i = 0; i < ipl_compensation_flow_count(c); i++) {
        const ipl_compensation_flow *f = ipl_compensation_flow_get(c, i);

        fprintf(out, "  <flow date=\"%s\" kind=\"%s\" party=\"", lio_day(d[0], f->date),
                kind_name(f->kind));
        lio_xml_text(out, ipl_compensation_share_get(c, f->party)->name);
        fprintf(out, "\" amount=\"%s\"/>\n", lio_amount(b[0], &f->amount, 0));
    }
    fputs("</compensation>\n", out);
}

static int
print_json(FILE *out, const ipl_compensation *c)
{
    const ipl_compensation_statement *st = ipl_compensation_statement_get(c);
    char b[8][LIO_AMOUNT_MAX], d[IPL_DATE_STRING_SIZE];
    json_t *parties = json_array(), *flows = json_array(), *doc;
    size_t i;
    int ok;

    for (i = 0; i < ipl_compensation_share_count(c); i++) {
        const ipl_compensation_share *s = ipl_compensation_share_get(c, i);

        json_array_append_new(parties, json_pack(
            "{s:s, s:s, s:i, s:s, s:s, s:s}", "name", s->name, "role", role_name(s->role),
            "share_bp", (json_int_t)s->share_bp, "prepaid", lio_amount(b[0], &s->prepaid, 0),
            "settlement", lio_amount(b[1], &s->settlement, 0),
            "final", lio_amount(b[2], &s->final, 0)));
    }
    for (i = 0; i < ipl_compensation_flow_count(c); i++) {
        const ipl_compensation_flow *f = ipl_compensation_flow_get(c, i);

        json_array_append_new(flows, json_pack(
            "{s:s, s:s, s:s, s:s}", "date", lio_day(d, f->date), "kind", kind_name(f->kind),
            "party", ipl_compensation_share_get(c, f->party)->name,
            "amount", lio_amount(b[0], &f->amount, 0)));
    }
    doc = json_pack("{s:s, s:{s:i, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}, s:o, s:o}",
                    "currency", st->loss.currency, "statement",
                    "tier", (json_int_t)(st->tier + 1),
                    "settlement_date", lio_day(d, st->settlement_date),
                    "outstanding_principal", lio_amount(b[0], &st->outstanding_principal, 0),
                    "outstanding_interest", lio_amount(b[1], &st->outstanding_interest, 0),
                    "net_recovery", lio_amount(b[2], &st->net_recovery, 0),
                    "principal_loss", lio_amount(b[3], &st->principal_loss, 0),
                    "interest_loss", lio_amount(b[4], &st->interest_loss, 0),
                    "loss", lio_amount(b[5], &st->loss, 0),
                    "covered", lio_amount(b[6], &st->covered, 0),
                    "capped", lio_amount(b[7], &st->capped, 0),
                    "parties", parties, "flows", flows);
    ok = doc != NULL && json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10)) == 0;
    if (ok)
        fputc('\n', out);
    json_decref(doc);
    return ok;
}

int
cli_compensate(int argc, char **argv, FILE *out, FILE *errs)
{
    comp_args a;
    ipl_compensation *c = NULL;
    ipl_error err;
    int rc = CLI_OK;

    memset(&a, 0, sizeof a);
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
        return lio_failed(errs, CMD, &err);
    switch (a.format) {
    case LIO_TEXT: print_text(out, c); break;
    case LIO_CSV:  print_csv(out, c); break;
    case LIO_XML:  print_xml(out, c); break;
    case LIO_JSON:
        if (!print_json(out, c)) {
            fputs("ipledge " CMD ": cannot write JSON\n", errs);
            rc = CLI_FAILED;
        }
        break;
    }
    ipl_compensation_free(c);
    return rc;
}
