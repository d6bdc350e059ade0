/* The report of a subsidy schedule in the loan schedule's layout: one
 * line per period (start, end, payment day, base, subsidy, paid) and
 * the totals with what the caps withheld, as a text table, CSV, XML
 * attributes or JSON. */
#include "report_internal.h"

typedef char amount_buf[IPL__NUMBER_MAX];

static void
subsidy_text(ipl__out *o, const ipl_subsidy_schedule *s)
{
    const ipl_subsidy_totals *t = ipl_subsidy_schedule_totals(s);
    amount_buf b[3], d[3];
    size_t i, n = ipl_subsidy_schedule_count(s);

    ipl__out_printf(o, "Subsidy in %s, %zu periods\n", t->paid.currency, n);
    ipl__out_printf(o, "%4s  %-10s  %-10s  %-10s  %16s  %16s  %16s\n", "no", "start", "end",
                    "paid on", "base", "subsidy", "paid");
    for (i = 0; i < n; i++) {
        const ipl_subsidy_row *r = ipl_subsidy_schedule_row(s, i);

        ipl__out_printf(o, "%4zu  %s  %s  %s  %16s  %16s  %16s\n", i + 1,
                        ipl__fmt_day(d[0], r->start), ipl__fmt_day(d[1], r->end),
                        ipl__fmt_day(d[2], r->paid_on), ipl__fmt_amount(b[0], &r->base, 1),
                        ipl__fmt_amount(b[1], &r->subsidy, 1),
                        ipl__fmt_amount(b[2], &r->paid, 1));
    }
    ipl__out_printf(o, "%4s  %-10s  %-10s  %-10s  %16s  %16s  %16s\n", "", "total", "", "",
                    ipl__fmt_amount(b[0], &t->base, 1), ipl__fmt_amount(b[1], &t->subsidy, 1),
                    ipl__fmt_amount(b[2], &t->paid, 1));
    ipl__out_printf(o, "Withheld by the caps %s\n", ipl__fmt_amount(b[0], &t->capped, 1));
}

static void
subsidy_csv(ipl__out *o, const ipl_subsidy_schedule *s)
{
    const ipl_subsidy_totals *t = ipl_subsidy_schedule_totals(s);
    amount_buf b[3], d[3];
    size_t i;

    ipl__out_str(o, "period,start,end,paid_on,base,subsidy,paid,capped\n");
    for (i = 0; i < ipl_subsidy_schedule_count(s); i++) {
        const ipl_subsidy_row *r = ipl_subsidy_schedule_row(s, i);

        ipl__out_printf(o, "%zu,%s,%s,%s,%s,%s,%s,\n", i + 1, ipl__fmt_day(d[0], r->start),
                        ipl__fmt_day(d[1], r->end), ipl__fmt_day(d[2], r->paid_on),
                        ipl__fmt_amount(b[0], &r->base, 0),
                        ipl__fmt_amount(b[1], &r->subsidy, 0),
                        ipl__fmt_amount(b[2], &r->paid, 0));
    }
    ipl__out_printf(o, "total,,,,%s,%s,%s,", ipl__fmt_amount(b[0], &t->base, 0),
                    ipl__fmt_amount(b[1], &t->subsidy, 0), ipl__fmt_amount(b[2], &t->paid, 0));
    ipl__out_printf(o, "%s\n", ipl__fmt_amount(b[0], &t->capped, 0));
}

static void
subsidy_xml(ipl__out *o, const ipl_subsidy_schedule *s)
{
    const ipl_subsidy_totals *t = ipl_subsidy_schedule_totals(s);
    size_t i;

    ipl__out_str(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    ipl__xml_open(o, 0, "subsidy");
    ipl__xml_attr(o, "currency", t->paid.currency);
    ipl__out_str(o, ">\n");
    for (i = 0; i < ipl_subsidy_schedule_count(s); i++) {
        const ipl_subsidy_row *r = ipl_subsidy_schedule_row(s, i);

        ipl__xml_open(o, 2, "row");
        ipl__xml_int(o, "period", (long long)i + 1);
        ipl__xml_day(o, "start", r->start);
        ipl__xml_day(o, "end", r->end);
        ipl__xml_day(o, "paid_on", r->paid_on);
        ipl__xml_money(o, "base", &r->base);
        ipl__xml_money(o, "subsidy", &r->subsidy);
        ipl__xml_money(o, "paid", &r->paid);
        ipl__out_str(o, "/>\n");
    }
    ipl__xml_open(o, 2, "totals");
    ipl__xml_money(o, "base", &t->base);
    ipl__xml_money(o, "subsidy", &t->subsidy);
    ipl__xml_money(o, "paid", &t->paid);
    ipl__xml_money(o, "capped", &t->capped);
    ipl__out_str(o, "/>\n</subsidy>\n");
}

static void
subsidy_json(ipl__out *o, const ipl_subsidy_schedule *s)
{
    const ipl_subsidy_totals *t = ipl_subsidy_schedule_totals(s);
    ipl__tree tr;
    size_t i;

    ipl__tree_init(&tr, o, 0);
    ipl__tree_begin(&tr, NULL, 0);
    ipl__tree_string(&tr, "currency", t->paid.currency);
    ipl__tree_begin(&tr, "rows", 1);
    for (i = 0; i < ipl_subsidy_schedule_count(s); i++) {
        const ipl_subsidy_row *r = ipl_subsidy_schedule_row(s, i);

        ipl__tree_begin(&tr, NULL, 0);
        ipl__tree_int(&tr, "period", (int64_t)i + 1);
        ipl__tree_date(&tr, "start", r->start);
        ipl__tree_date(&tr, "end", r->end);
        ipl__tree_date(&tr, "paid_on", r->paid_on);
        ipl__tree_money(&tr, "base", &r->base);
        ipl__tree_money(&tr, "subsidy", &r->subsidy);
        ipl__tree_money(&tr, "paid", &r->paid);
        ipl__tree_end(&tr);
    }
    ipl__tree_end(&tr);
    ipl__tree_begin(&tr, "totals", 0);
    ipl__tree_money(&tr, "base", &t->base);
    ipl__tree_money(&tr, "subsidy", &t->subsidy);
    ipl__tree_money(&tr, "paid", &t->paid);
    ipl__tree_money(&tr, "capped", &t->capped);
    ipl__tree_end(&tr);
    ipl__tree_end(&tr);
}

void
ipl__report_subsidy(ipl__out *o, const void *subject, ipl_report_format format)
{
    if (format == IPL_REPORT_TEXT)
        subsidy_text(o, subject);
    else if (format == IPL_REPORT_CSV)
        subsidy_csv(o, subject);
    else if (format == IPL_REPORT_XML)
        subsidy_xml(o, subject);
    else
        subsidy_json(o, subject);
}

int
ipl_report_subsidy(const ipl_subsidy_schedule *s, ipl_report_format format,
                   ipl_report_sink sink, void *ctx, ipl_error *err)
{
    int rc;

    IPL__CHECK_ARG(err, s);
    if ((rc = ipl__report_check_format(format, IPL__FORMATS_LENDING, "a subsidy schedule",
                                       err)) < 0)
        return rc;
    return ipl__report_run(ipl__report_subsidy, s, format, sink, ctx, err);
}

int
ipl_report_subsidy_string(char **out, size_t *len, const ipl_subsidy_schedule *s,
                          ipl_report_format format, ipl_error *err)
{
    int rc;

    IPL__CHECK_ARG(err, s);
    if ((rc = ipl__report_check_format(format, IPL__FORMATS_LENDING, "a subsidy schedule",
                                       err)) < 0)
        return rc;
    return ipl__report_run_string(out, len, ipl__report_subsidy, s, format, err);
}
