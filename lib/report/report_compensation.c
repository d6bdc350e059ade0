/* The report of a compensation (how a defaulted pledge loan's loss is
 * shared), as `ipledge compensate` prints it: the statement, each
 * party's share and the cash flows, as a text table, one CSV table
 * ("party", "flow" and "loss" lines), XML attributes or JSON. */
#include "report_internal.h"

typedef char amount_buf[IPL__NUMBER_MAX];

/* The lending reports spell a claw-back as one word. */
static const char *
kind_name(ipl_compensation_flow_kind kind)
{
    return kind == IPL_COMPENSATION_CLAWBACK ? "clawback" : ipl__report_flow_kind(kind);
}

static const char *
party_of(const ipl_compensation *c, const ipl_compensation_flow *f)
{
    return ipl_compensation_share_get(c, f->party)->name;
}

static void
comp_text(ipl__out *o, const ipl_compensation *c)
{
    const ipl_compensation_statement *st = ipl_compensation_statement_get(c);
    const struct { const char *label; const ipl_money *m; } lines[] = {
        { "outstanding principal", &st->outstanding_principal },
        { "outstanding interest", &st->outstanding_interest },
        { "net recovery", &st->net_recovery }, { "principal loss", &st->principal_loss },
        { "interest loss", &st->interest_loss }, { "loss", &st->loss },
        { "covered (shared)", &st->covered }, { "capped to the lender", &st->capped } };
    amount_buf b[3], d, pct;
    size_t i;

    ipl__out_printf(o, "Settlement in %s, tier %zu, settled %s\n", st->loss.currency,
                    st->tier + 1, ipl__fmt_day(d, st->settlement_date));
    for (i = 0; i < sizeof lines / sizeof lines[0]; i++)
        ipl__out_printf(o, "  %-22s %16s\n", lines[i].label,
                        ipl__fmt_amount(b[0], lines[i].m, 1));
    ipl__out_printf(o, "\n%-16s %-6s %7s  %16s  %16s  %16s\n", "party", "role", "share %",
                    "prepaid", "settlement", "final");
    for (i = 0; i < ipl_compensation_share_count(c); i++) {
        const ipl_compensation_share *s = ipl_compensation_share_get(c, i);

        ipl__out_printf(o, "%-16s %-6s %7s  %16s  %16s  %16s\n", s->name,
                        ipl__report_role(s->role),
                        ipl__fmt_fixed(pct, (double)s->share_bp / 100.0, 2),
                        ipl__fmt_amount(b[0], &s->prepaid, 1),
                        ipl__fmt_amount(b[1], &s->settlement, 1),
                        ipl__fmt_amount(b[2], &s->final, 1));
    }
    ipl__out_printf(o, "%-16s %-6s %7s  %16s  %16s  %16s\n\nCash flows to the lender\n",
                    "total", "", "", "", "", ipl__fmt_amount(b[0], &st->loss, 1));
    for (i = 0; i < ipl_compensation_flow_count(c); i++) {
        const ipl_compensation_flow *f = ipl_compensation_flow_get(c, i);

        ipl__out_printf(o, "  %s  %-8s  %-16s %16s\n", ipl__fmt_day(d, f->date),
                        kind_name(f->kind), party_of(c, f),
                        ipl__fmt_amount(b[0], &f->amount, 1));
    }
}

static void
comp_csv(ipl__out *o, const ipl_compensation *c)
{
    const ipl_compensation_statement *st = ipl_compensation_statement_get(c);
    amount_buf b[3], d;
    size_t i;

    ipl__out_str(o, "record,date,party,role,share_bp,kind,prepaid,settlement,amount\n");
    for (i = 0; i < ipl_compensation_share_count(c); i++) {
        const ipl_compensation_share *s = ipl_compensation_share_get(c, i);

        ipl__out_str(o, "party,,");
        ipl__out_csv(o, s->name);
        ipl__out_printf(o, ",%s,%lld,final,%s,%s,%s\n", ipl__report_role(s->role),
                        (long long)s->share_bp, ipl__fmt_amount(b[0], &s->prepaid, 0),
                        ipl__fmt_amount(b[1], &s->settlement, 0),
                        ipl__fmt_amount(b[2], &s->final, 0));
    }
    for (i = 0; i < ipl_compensation_flow_count(c); i++) {
        const ipl_compensation_flow *f = ipl_compensation_flow_get(c, i);

        ipl__out_printf(o, "flow,%s,", ipl__fmt_day(d, f->date));
        ipl__out_csv(o, party_of(c, f));
        ipl__out_printf(o, ",,,%s,,,%s\n", kind_name(f->kind),
                        ipl__fmt_amount(b[0], &f->amount, 0));
    }
    ipl__out_printf(o, "loss,%s,,,,total,,,%s\n", ipl__fmt_day(d, st->settlement_date),
                    ipl__fmt_amount(b[0], &st->loss, 0));
}

/* The statement's amounts in the order every notation lists them. */
#define STATEMENT_AMOUNTS 8

static void
statement_amounts(const ipl_compensation_statement *st, const char **names,
                  const ipl_money **amounts)
{
    static const char *const n[STATEMENT_AMOUNTS] = {
        "outstanding_principal", "outstanding_interest", "net_recovery", "principal_loss",
        "interest_loss", "loss", "covered", "capped" };
    const ipl_money *const a[STATEMENT_AMOUNTS] = {
        &st->outstanding_principal, &st->outstanding_interest, &st->net_recovery,
        &st->principal_loss, &st->interest_loss, &st->loss, &st->covered, &st->capped };
    size_t i;

    for (i = 0; i < STATEMENT_AMOUNTS; i++) {
        names[i] = n[i];
        amounts[i] = a[i];
    }
}

static void
comp_xml(ipl__out *o, const ipl_compensation *c)
{
    const ipl_compensation_statement *st = ipl_compensation_statement_get(c);
    const char *names[STATEMENT_AMOUNTS];
    const ipl_money *amounts[STATEMENT_AMOUNTS];
    size_t i;

    statement_amounts(st, names, amounts);
    ipl__out_str(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    ipl__xml_open(o, 0, "compensation");
    ipl__xml_attr(o, "currency", st->loss.currency);
    ipl__out_str(o, ">\n");
    ipl__xml_open(o, 2, "statement");
    ipl__xml_int(o, "tier", (long long)st->tier + 1);
    ipl__xml_day(o, "settlement_date", st->settlement_date);
    for (i = 0; i < STATEMENT_AMOUNTS; i++)
        ipl__xml_money(o, names[i], amounts[i]);
    ipl__out_str(o, "/>\n");
    for (i = 0; i < ipl_compensation_share_count(c); i++) {
        const ipl_compensation_share *s = ipl_compensation_share_get(c, i);

        ipl__xml_open(o, 2, "party");
        ipl__xml_attr(o, "name", s->name);
        ipl__xml_attr(o, "role", ipl__report_role(s->role));
        ipl__xml_int(o, "share_bp", (long long)s->share_bp);
        ipl__xml_money(o, "prepaid", &s->prepaid);
        ipl__xml_money(o, "settlement", &s->settlement);
        ipl__xml_money(o, "final", &s->final);
        ipl__out_str(o, "/>\n");
    }
    for (i = 0; i < ipl_compensation_flow_count(c); i++) {
        const ipl_compensation_flow *f = ipl_compensation_flow_get(c, i);

        ipl__xml_open(o, 2, "flow");
        ipl__xml_day(o, "date", f->date);
        ipl__xml_attr(o, "kind", kind_name(f->kind));
        ipl__xml_attr(o, "party", party_of(c, f));
        ipl__xml_money(o, "amount", &f->amount);
        ipl__out_str(o, "/>\n");
    }
    ipl__out_str(o, "</compensation>\n");
}

static void
comp_json(ipl__out *o, const ipl_compensation *c)
{
    const ipl_compensation_statement *st = ipl_compensation_statement_get(c);
    const char *names[STATEMENT_AMOUNTS];
    const ipl_money *amounts[STATEMENT_AMOUNTS];
    ipl__tree t;
    size_t i;

    statement_amounts(st, names, amounts);
    ipl__tree_init(&t, o, 0);
    ipl__tree_begin(&t, NULL, 0);
    ipl__tree_string(&t, "currency", st->loss.currency);
    ipl__tree_begin(&t, "statement", 0);
    ipl__tree_int(&t, "tier", (int64_t)st->tier + 1);
    ipl__tree_date(&t, "settlement_date", st->settlement_date);
    for (i = 0; i < STATEMENT_AMOUNTS; i++)
        ipl__tree_money(&t, names[i], amounts[i]);
    ipl__tree_end(&t);
    ipl__tree_begin(&t, "parties", 1);
    for (i = 0; i < ipl_compensation_share_count(c); i++) {
        const ipl_compensation_share *s = ipl_compensation_share_get(c, i);

        ipl__tree_begin(&t, NULL, 0);
        ipl__tree_string(&t, "name", s->name);
        ipl__tree_string(&t, "role", ipl__report_role(s->role));
        ipl__tree_int(&t, "share_bp", s->share_bp);
        ipl__tree_money(&t, "prepaid", &s->prepaid);
        ipl__tree_money(&t, "settlement", &s->settlement);
        ipl__tree_money(&t, "final", &s->final);
        ipl__tree_end(&t);
    }
    ipl__tree_end(&t);
    ipl__tree_begin(&t, "flows", 1);
    for (i = 0; i < ipl_compensation_flow_count(c); i++) {
        const ipl_compensation_flow *f = ipl_compensation_flow_get(c, i);

        ipl__tree_begin(&t, NULL, 0);
        ipl__tree_date(&t, "date", f->date);
        ipl__tree_string(&t, "kind", kind_name(f->kind));
        ipl__tree_string(&t, "party", party_of(c, f));
        ipl__tree_money(&t, "amount", &f->amount);
        ipl__tree_end(&t);
    }
    ipl__tree_end(&t);
    ipl__tree_end(&t);
}

void
ipl__report_compensation(ipl__out *o, const void *subject, ipl_report_format format)
{
    if (format == IPL_REPORT_TEXT)
        comp_text(o, subject);
    else if (format == IPL_REPORT_CSV)
        comp_csv(o, subject);
    else if (format == IPL_REPORT_XML)
        comp_xml(o, subject);
    else
        comp_json(o, subject);
}

int
ipl_report_compensation(const ipl_compensation *c, ipl_report_format format,
                        ipl_report_sink sink, void *ctx, ipl_error *err)
{
    int rc;

    IPL__CHECK_ARG(err, c);
    if ((rc = ipl__report_check_format(format, IPL__FORMATS_LENDING, "a compensation",
                                       err)) < 0)
        return rc;
    return ipl__report_run(ipl__report_compensation, c, format, sink, ctx, err);
}

int
ipl_report_compensation_string(char **out, size_t *len, const ipl_compensation *c,
                               ipl_report_format format, ipl_error *err)
{
    int rc;

    IPL__CHECK_ARG(err, c);
    if ((rc = ipl__report_check_format(format, IPL__FORMATS_LENDING, "a compensation",
                                       err)) < 0)
        return rc;
    return ipl__report_run_string(out, len, ipl__report_compensation, c, format, err);
}
