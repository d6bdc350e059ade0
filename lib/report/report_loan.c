/* The report of a loan's repayment schedule, as `ipledge schedule`
 * prints it: a text table with grouped amounts, or one line per period
 * in CSV, XML (attributes) or JSON (amounts as strings), with the
 * totals and where the rounding residual went. */
#include "report_internal.h"

typedef char amount_buf[IPL__NUMBER_MAX];

static void
loan_text(ipl__out *o, const ipl_loan_terms *t, const ipl_loan_schedule *s)
{
    amount_buf b[5], d, rate;
    const ipl_loan_totals *tot = ipl_loan_schedule_totals(s);
    ipl_money res;
    size_t i, n = ipl_loan_schedule_count(s);
    int last = ipl_loan_schedule_residual(&res, s, NULL);

    ipl__out_printf(o, "Loan %s %s, %s, %zu payments from %s, %s, rounding %s\n",
                    t->principal.currency, ipl__fmt_amount(b[0], &t->principal, 1),
                    ipl_loan_method_name(t->method), n, ipl__fmt_day(d, t->start),
                    ipl_daycount_name(ipl_loan_schedule_daycount(s)),
                    ipl__report_rounding(ipl_loan_schedule_rounding(s)));
    ipl__out_printf(o, "%4s  %-10s  %7s  %16s  %14s  %16s  %16s  %16s\n", "no", "date",
                    "rate %", "opening", "interest", "principal", "payment", "closing");
    for (i = 0; i < n; i++) {
        const ipl_loan_row *r = ipl_loan_schedule_row(s, i);

        ipl__out_printf(o, "%4zu  %s  %7s  %16s  %14s  %16s  %16s  %16s\n", i + 1,
                        ipl__fmt_day(d, r->date), ipl__fmt_fixed(rate, r->rate * 100.0, 4),
                        ipl__fmt_amount(b[0], &r->opening, 1),
                        ipl__fmt_amount(b[1], &r->interest, 1),
                        ipl__fmt_amount(b[2], &r->principal, 1),
                        ipl__fmt_amount(b[3], &r->payment, 1),
                        ipl__fmt_amount(b[4], &r->closing, 1));
    }
    ipl__out_printf(o, "%4s  %-10s  %7s  %16s  %14s  %16s  %16s\n", "", "total", "", "",
                    ipl__fmt_amount(b[0], &tot->interest, 1),
                    ipl__fmt_amount(b[1], &tot->principal, 1),
                    ipl__fmt_amount(b[2], &tot->payment, 1));
    if (tot->prepaid.minor != 0)
        ipl__out_printf(o, "Prepaid %s in all (included in principal)\n",
                        ipl__fmt_amount(b[0], &tot->prepaid, 1));
    ipl__out_printf(o, "Rounding residual %s in the principal of payment %d (the last)\n",
                    ipl__fmt_amount(b[0], &res, 1), last + 1);
}

static void
loan_csv(ipl__out *o, const ipl_loan_schedule *s)
{
    amount_buf b[6], d[2], rate;
    const ipl_loan_totals *t = ipl_loan_schedule_totals(s);
    size_t i;

    ipl__out_str(o, "period,start,date,rate,opening,interest,principal,payment,closing,"
                 "prepaid\n");
    for (i = 0; i < ipl_loan_schedule_count(s); i++) {
        const ipl_loan_row *r = ipl_loan_schedule_row(s, i);

        ipl__out_printf(o, "%zu,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", i + 1,
                        ipl__fmt_day(d[0], r->start), ipl__fmt_day(d[1], r->date),
                        ipl__fmt_real(rate, r->rate, 0), ipl__fmt_amount(b[0], &r->opening, 0),
                        ipl__fmt_amount(b[1], &r->interest, 0),
                        ipl__fmt_amount(b[2], &r->principal, 0),
                        ipl__fmt_amount(b[3], &r->payment, 0),
                        ipl__fmt_amount(b[4], &r->closing, 0),
                        ipl__fmt_amount(b[5], &r->prepaid, 0));
    }
    ipl__out_printf(o, "total,,,,,%s,%s,%s,,%s\n", ipl__fmt_amount(b[0], &t->interest, 0),
                    ipl__fmt_amount(b[1], &t->principal, 0),
                    ipl__fmt_amount(b[2], &t->payment, 0),
                    ipl__fmt_amount(b[3], &t->prepaid, 0));
}

static void
loan_xml(ipl__out *o, const ipl_loan_terms *terms, const ipl_loan_schedule *s)
{
    const ipl_loan_totals *t = ipl_loan_schedule_totals(s);
    ipl_money res;
    int last = ipl_loan_schedule_residual(&res, s, NULL);
    size_t i;

    ipl__out_str(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    ipl__xml_open(o, 0, "schedule");
    ipl__xml_attr(o, "currency", terms->principal.currency);
    ipl__xml_money(o, "principal", &terms->principal);
    ipl__xml_attr(o, "method", ipl_loan_method_name(terms->method));
    ipl__xml_attr(o, "daycount", ipl_daycount_name(ipl_loan_schedule_daycount(s)));
    ipl__xml_attr(o, "rounding", ipl__report_rounding(ipl_loan_schedule_rounding(s)));
    ipl__out_str(o, ">\n");
    for (i = 0; i < ipl_loan_schedule_count(s); i++) {
        const ipl_loan_row *r = ipl_loan_schedule_row(s, i);

        ipl__xml_open(o, 2, "row");
        ipl__xml_int(o, "period", (long long)i + 1);
        ipl__xml_day(o, "start", r->start);
        ipl__xml_day(o, "date", r->date);
        ipl__xml_real(o, "rate", r->rate);
        ipl__xml_money(o, "opening", &r->opening);
        ipl__xml_money(o, "interest", &r->interest);
        ipl__xml_money(o, "principal", &r->principal);
        ipl__xml_money(o, "payment", &r->payment);
        ipl__xml_money(o, "closing", &r->closing);
        ipl__xml_money(o, "prepaid", &r->prepaid);
        ipl__out_str(o, "/>\n");
    }
    ipl__xml_open(o, 2, "totals");
    ipl__xml_money(o, "interest", &t->interest);
    ipl__xml_money(o, "principal", &t->principal);
    ipl__xml_money(o, "payment", &t->payment);
    ipl__xml_money(o, "prepaid", &t->prepaid);
    ipl__out_str(o, "/>\n");
    ipl__xml_open(o, 2, "residual");
    ipl__xml_int(o, "period", last + 1);
    ipl__xml_money(o, "amount", &res);
    ipl__out_str(o, "/>\n</schedule>\n");
}

static void
loan_json(ipl__out *o, const ipl_loan_terms *terms, const ipl_loan_schedule *s)
{
    const ipl_loan_totals *t = ipl_loan_schedule_totals(s);
    ipl__tree tr;
    ipl_money res;
    int last = ipl_loan_schedule_residual(&res, s, NULL);
    size_t i;

    ipl__tree_init(&tr, o, 0);
    ipl__tree_begin(&tr, NULL, 0);
    ipl__tree_string(&tr, "currency", terms->principal.currency);
    ipl__tree_money(&tr, "principal", &terms->principal);
    ipl__tree_string(&tr, "method", ipl_loan_method_name(terms->method));
    ipl__tree_string(&tr, "daycount", ipl_daycount_name(ipl_loan_schedule_daycount(s)));
    ipl__tree_string(&tr, "rounding", ipl__report_rounding(ipl_loan_schedule_rounding(s)));
    ipl__tree_begin(&tr, "rows", 1);
    for (i = 0; i < ipl_loan_schedule_count(s); i++) {
        const ipl_loan_row *r = ipl_loan_schedule_row(s, i);

        ipl__tree_begin(&tr, NULL, 0);
        ipl__tree_int(&tr, "period", (int64_t)i + 1);
        ipl__tree_date(&tr, "start", r->start);
        ipl__tree_date(&tr, "date", r->date);
        ipl__tree_real(&tr, "rate", r->rate);
        ipl__tree_money(&tr, "opening", &r->opening);
        ipl__tree_money(&tr, "interest", &r->interest);
        ipl__tree_money(&tr, "principal", &r->principal);
        ipl__tree_money(&tr, "payment", &r->payment);
        ipl__tree_money(&tr, "closing", &r->closing);
        ipl__tree_money(&tr, "prepaid", &r->prepaid);
        ipl__tree_end(&tr);
    }
    ipl__tree_end(&tr);
    ipl__tree_begin(&tr, "totals", 0);
    ipl__tree_money(&tr, "interest", &t->interest);
    ipl__tree_money(&tr, "principal", &t->principal);
    ipl__tree_money(&tr, "payment", &t->payment);
    ipl__tree_money(&tr, "prepaid", &t->prepaid);
    ipl__tree_end(&tr);
    ipl__tree_begin(&tr, "residual", 0);
    ipl__tree_int(&tr, "period", last + 1);
    ipl__tree_money(&tr, "amount", &res);
    ipl__tree_end(&tr);
    ipl__tree_end(&tr);
}

void
ipl__report_loan(ipl__out *o, const void *subject, ipl_report_format format)
{
    const ipl__report_loan_subject *l = subject;

    if (format == IPL_REPORT_TEXT)
        loan_text(o, l->terms, l->s);
    else if (format == IPL_REPORT_CSV)
        loan_csv(o, l->s);
    else if (format == IPL_REPORT_XML)
        loan_xml(o, l->terms, l->s);
    else
        loan_json(o, l->terms, l->s);
}

static int
check_loan(const ipl_loan_schedule *s, const ipl_loan_terms *terms, ipl_report_format format,
           ipl_error *err)
{
    IPL__CHECK_ARG(err, s);
    IPL__CHECK_ARG(err, terms);
    return ipl__report_check_format(format, IPL__FORMATS_LENDING, "a loan schedule", err);
}

int
ipl_report_loan(const ipl_loan_schedule *s, const ipl_loan_terms *terms,
                ipl_report_format format, ipl_report_sink sink, void *ctx, ipl_error *err)
{
    ipl__report_loan_subject l;
    int rc;

    if ((rc = check_loan(s, terms, format, err)) < 0)
        return rc;
    l.s = s;
    l.terms = terms;
    return ipl__report_run(ipl__report_loan, &l, format, sink, ctx, err);
}

int
ipl_report_loan_string(char **out, size_t *len, const ipl_loan_schedule *s,
                       const ipl_loan_terms *terms, ipl_report_format format, ipl_error *err)
{
    ipl__report_loan_subject l;
    int rc;

    if ((rc = check_loan(s, terms, format, err)) < 0)
        return rc;
    l.s = s;
    l.terms = terms;
    return ipl__report_run_string(out, len, ipl__report_loan, &l, format, err);
}
