/* The HTML report: one self-contained page (no script, no external
 * file) an appraiser can open or print, with the figures in tables and
 * charts drawn as inline SVG. The tables carry the exact amounts; the
 * charts only show their shape. */
#include <stdio.h>
#include <string.h>

#include "alloc_internal.h"
#include "report_internal.h"

#define W 640.0
#define H 220.0
#define PAD 40.0

typedef char amount_buf[IPL__NUMBER_MAX];

static const char *
amount(char *buf, const ipl_money *m)
{
    return ipl__fmt_amount(buf, m, 1);
}

/* before, then v with the given decimals */
static void
num(ipl__out *o, const char *before, double v, int decimals)
{
    char buf[IPL__NUMBER_MAX];

    ipl__out_str(o, before);
    ipl__out_str(o, ipl__fmt_fixed(buf, v, decimals));
}

static void
svg_open(ipl__out *o, const char *title, double top)
{
    ipl__out_str(o, "<figure><figcaption>");
    ipl__out_xml(o, title);
    ipl__out_str(o, "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                 "viewBox=\"0 0 640 220\" width=\"640\" height=\"220\" role=\"img\">\n");
    num(o, "<line x1=\"", PAD, 0);
    num(o, "\" y1=\"", H - PAD, 0);
    num(o, "\" x2=\"", W - PAD, 0);
    num(o, "\" y2=\"", H - PAD, 0);
    num(o, "\" stroke=\"#333\"/>\n<text x=\"2\" y=\"", PAD - 4, 0);
    num(o, "\" font-size=\"10\">", top, 0);
    ipl__out_str(o, "</text>\n");
}

static void
rect(ipl__out *o, double x, double y, double w, double h, const char *fill)
{
    num(o, "<rect x=\"", x, 2);
    num(o, "\" y=\"", y, 2);
    num(o, "\" width=\"", w, 2);
    num(o, "\" height=\"", h, 2);
    ipl__out_printf(o, "\" fill=\"%s\"/>\n", fill);
}

/* A bar chart of n stacked pairs (b may be NULL); labels under every
 * bar when there are few. */
static void
svg_bars(ipl__out *o, const char *title, size_t n, const double *a, const double *b,
         const char *const *labels, const char *ca, const char *cb)
{
    double top = 0, bw = n > 0 ? (W - 2 * PAD) / (double)n : 0;
    size_t i;

    for (i = 0; i < n; i++)
        if (a[i] + (b != NULL ? b[i] : 0) > top)
            top = a[i] + (b != NULL ? b[i] : 0);
    if (top <= 0)
        top = 1;
    svg_open(o, title, top);
    for (i = 0; i < n; i++) {
        double x = PAD + bw * (double)i + bw * 0.1, ha = (H - 2 * PAD) * a[i] / top;
        double hb = b != NULL ? (H - 2 * PAD) * b[i] / top : 0;

        rect(o, x, H - PAD - ha, bw * 0.8, ha, ca);
        if (b != NULL)
            rect(o, x, H - PAD - ha - hb, bw * 0.8, hb, cb);
        if (labels != NULL && n <= 12) {
            num(o, "<text x=\"", x, 2);
            num(o, "\" y=\"", H - PAD + 14, 0);
            ipl__out_str(o, "\" font-size=\"10\">");
            ipl__out_xml(o, labels[i]);
            ipl__out_str(o, "</text>\n");
        }
    }
    ipl__out_str(o, "</svg></figure>\n");
}

/* A line through n values, from the first period to the last. */
static void
svg_line(ipl__out *o, const char *title, size_t n, const double *v)
{
    double top = 0, dx = n > 1 ? (W - 2 * PAD) / (double)(n - 1) : 0;
    size_t i;

    for (i = 0; i < n; i++)
        if (v[i] > top)
            top = v[i];
    if (top <= 0)
        top = 1;
    svg_open(o, title, top);
    ipl__out_str(o, "<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" "
                 "points=\"");
    for (i = 0; i < n; i++) {
        num(o, "", PAD + dx * (double)i, 2);
        num(o, ",", H - PAD - (H - 2 * PAD) * v[i] / top, 2);
        ipl__out_str(o, " ");
    }
    ipl__out_str(o, "\"/>\n</svg></figure>\n");
}

/* An array of n doubles for a chart; NULL (o failed) when out of memory. */
static double *
chart_data(ipl__out *o, size_t n)
{
    double *d = ipl__calloc(n + 1, sizeof *d);

    if (d == NULL)
        o->status = IPL_ENOMEM;
    return d;
}

static void
chart_distribution(ipl__out *o, const ipl_appraisal_right *r, const ipl_montecarlo *mc)
{
    size_t i, n = ipl_montecarlo_bin_count(mc);
    amount_buf p5, p95;
    double *counts;
    char title[300];

    if (n == 0 || (counts = chart_data(o, n)) == NULL)
        return;
    for (i = 0; i < n; i++) {
        double lo, hi;
        size_t c = 0;

        counts[i] = ipl_montecarlo_bin(&lo, &hi, &c, mc, i, NULL) == IPL_OK ? (double)c : 0;
    }
    snprintf(title, sizeof title, "Value distribution of %s: %zu paths, P5 %s to P95 %s",
             r->in->number, ipl_montecarlo_paths(mc),
             ipl__fmt_fixed(p5, ipl_montecarlo_quantile(mc, 0.05), 0),
             ipl__fmt_fixed(p95, ipl_montecarlo_quantile(mc, 0.95), 0));
    svg_bars(o, title, n, counts, NULL, NULL, "#7a9cc6", NULL);
    ipl__free(counts);
}

static void
charts_values(ipl__out *o, const ipl_appraisal *a)
{
    size_t k, n = ipl_appraisal_right_count(a);
    const char **labels;
    double *v;

    if ((v = chart_data(o, n)) == NULL)
        return;
    if ((labels = ipl__calloc(n, sizeof *labels)) == NULL) {
        o->status = IPL_ENOMEM;
        ipl__free(v);
        return;
    }
    for (k = 0; k < n; k++) {
        v[k] = ipl_money_to_double(&ipl_appraisal_right_get(a, k)->value);
        labels[k] = ipl_appraisal_right_get(a, k)->in->number;
    }
    svg_bars(o, "Appraised value per right", n, v, NULL, labels, "#1f5fa8", NULL);
    ipl__free(labels);
    ipl__free(v);
    for (k = 0; k < n; k++)
        if (ipl_appraisal_montecarlo(a, k) != NULL)
            chart_distribution(o, ipl_appraisal_right_get(a, k), ipl_appraisal_montecarlo(a, k));
}

static void
charts_loan(ipl__out *o, const ipl_loan_schedule *s)
{
    size_t i, n = ipl_loan_schedule_count(s);
    double *p = chart_data(o, 3 * n), *in, *bal;

    if (p == NULL)
        return;
    in = p + n;
    bal = p + 2 * n;
    for (i = 0; i < n; i++) {
        const ipl_loan_row *r = ipl_loan_schedule_row(s, i);

        p[i] = ipl_money_to_double(&r->principal);
        in[i] = ipl_money_to_double(&r->interest);
        bal[i] = ipl_money_to_double(&r->closing);
    }
    svg_bars(o, "Cash flows per period: principal (dark) and interest (light)", n, p, in,
             NULL, "#1f5fa8", "#f0a030");
    svg_line(o, "Loan balance after each payment", n, bal);
    ipl__free(p);
}

static void
charts_compensation(ipl__out *o, const ipl_compensation *comp)
{
    double pre[IPL_COMPENSATION_MAX_PARTIES], set[IPL_COMPENSATION_MAX_PARTIES];
    const char *labels[IPL_COMPENSATION_MAX_PARTIES];
    size_t i, n = ipl_compensation_share_count(comp);

    for (i = 0; i < n && i < IPL_COMPENSATION_MAX_PARTIES; i++) {
        const ipl_compensation_share *s = ipl_compensation_share_get(comp, i);
        double prepaid = ipl_money_to_double(&s->prepaid);
        double final = ipl_money_to_double(&s->final);

        pre[i] = prepaid > 0 ? prepaid : 0;
        set[i] = final - pre[i] > 0 ? final - pre[i] : 0;
        labels[i] = s->name;
    }
    svg_bars(o, "Compensation per party: prepaid (dark) and at settlement (light)", i,
             pre, set, labels, "#1f5fa8", "#f0a030");
}

static void
row(ipl__out *o, const char *label, const char *value)
{
    ipl__out_str(o, "<tr><th>");
    ipl__out_xml(o, label);
    ipl__out_str(o, "</th><td>");
    ipl__out_xml(o, value);
    ipl__out_str(o, "</td></tr>\n");
}

static void
section_summary(ipl__out *o, const ipl_appraisal *a)
{
    const ipl_case *c = ipl_appraisal_case(a);
    const ipl_pledge *p = ipl_appraisal_pledge(a);
    double years = -1;
    const char *who = ipl_case_borrower(c, &years, NULL);
    amount_buf day, x;
    char buf[400];

    ipl__out_str(o, "<table>\n");
    row(o, "case", ipl_case_label(c));
    row(o, "date", ipl__fmt_day(day, ipl_case_date(c)));
    if (years >= 0)
        snprintf(buf, sizeof buf, "%s (%s years in operation)", who,
                 ipl__fmt_real(x, years, 0));
    else
        snprintf(buf, sizeof buf, "%s", who);
    row(o, "borrower", buf);
    snprintf(buf, sizeof buf, "%s: %s", ipl_policy_name(ipl_appraisal_policy(a)),
             ipl_policy_title(ipl_appraisal_policy(a)));
    row(o, "policy", buf);
    row(o, "eligible", ipl_appraisal_eligible(a) ? "yes" : "no");
    snprintf(buf, sizeof buf, "%s %%", ipl__fmt_fixed(x, 100 * ipl_pledge_ratio(p), 2));
    row(o, "pledge ratio", buf);
    row(o, "collateral value", amount(x, ipl_pledge_collateral(p)));
    row(o, "largest loan", amount(x, ipl_pledge_max_loan(p)));
    ipl__out_str(o, "</table>\n");
}

static void
section_rights(ipl__out *o, const ipl_appraisal *a)
{
    amount_buf day, x;
    size_t k;

    ipl__out_str(o, "<h2>Rights</h2>\n<table>\n<tr><th>number</th><th>type</th>"
                 "<th>expiry</th><th>value</th></tr>\n");
    for (k = 0; k < ipl_appraisal_right_count(a); k++) {
        const ipl_appraisal_right *r = ipl_appraisal_right_get(a, k);

        ipl__out_str(o, "<tr><td>");
        ipl__out_xml(o, r->in->number);
        ipl__out_printf(o, "</td><td>%s</td><td>%s</td><td class=\"n\">%s</td></tr>\n",
                        ipl_right_type_name(r->type),
                        r->expiry.year ? ipl__fmt_day(day, r->expiry) : "-",
                        amount(x, &r->value));
    }
    ipl__out_str(o, "</table>\n");
}

static void
section_traces(ipl__out *o, const ipl_appraisal *a)
{
    const ipl_pledge *p = ipl_appraisal_pledge(a);
    size_t k, j;

    ipl__out_str(o, "<h2>Trace</h2>\n");
    for (k = 0; k < ipl_appraisal_right_count(a); k++)
        for (j = 0; j < ipl_appraisal_value_count(a, k); j++) {
            ipl__out_str(o, "<pre>");
            ipl__out_xml(o, ipl_value_trace(ipl_appraisal_value_at(a, k, j)));
            ipl__out_str(o, "</pre>\n");
        }
    ipl__out_str(o, "<ol>\n");
    for (k = 0; k < ipl_pledge_trace_count(p); k++) {
        ipl__out_str(o, "<li>");
        ipl__out_xml(o, ipl_pledge_trace(p, k)->text);
        ipl__out_str(o, "</li>\n");
    }
    ipl__out_str(o, "</ol>\n");
}

static void
section_loan(ipl__out *o, const ipl_loan_schedule *s)
{
    amount_buf op, in, p, cl, day;
    size_t i;

    ipl__out_str(o, "<h2>Loan schedule</h2>\n");
    charts_loan(o, s);
    ipl__out_str(o, "<table>\n<tr><th>n</th><th>date</th><th>opening</th><th>interest</th>"
                 "<th>principal</th><th>closing</th></tr>\n");
    for (i = 0; i < ipl_loan_schedule_count(s); i++) {
        const ipl_loan_row *r = ipl_loan_schedule_row(s, i);

        ipl__out_printf(o, "<tr><td>%zu</td><td>%s</td><td class=\"n\">%s</td>"
                        "<td class=\"n\">%s</td><td class=\"n\">%s</td>"
                        "<td class=\"n\">%s</td></tr>\n", i + 1, ipl__fmt_day(day, r->date),
                        amount(op, &r->opening), amount(in, &r->interest),
                        amount(p, &r->principal), amount(cl, &r->closing));
    }
    ipl__out_str(o, "</table>\n");
}

static void
section_compensation(ipl__out *o, const ipl_compensation *comp)
{
    amount_buf x, y, share;
    size_t i;

    ipl__out_str(o, "<h2>Default and risk compensation</h2>\n");
    charts_compensation(o, comp);
    ipl__out_str(o, "<table>\n<tr><th>party</th><th>share</th><th>final</th>"
                 "<th>prepaid</th></tr>\n");
    for (i = 0; i < ipl_compensation_share_count(comp); i++) {
        const ipl_compensation_share *s = ipl_compensation_share_get(comp, i);

        ipl__out_str(o, "<tr><td>");
        ipl__out_xml(o, s->name);
        ipl__out_printf(o, "</td><td class=\"n\">%s %%</td><td class=\"n\">%s</td>"
                        "<td class=\"n\">%s</td></tr>\n",
                        ipl__fmt_fixed(share, (double)s->share_bp / 100.0, 2),
                        amount(x, &s->final), amount(y, &s->prepaid));
    }
    ipl__out_str(o, "</table>\n");
}

static void
section_notes(ipl__out *o, const ipl_appraisal *a)
{
    size_t i, n = ipl_appraisal_note_count(a);

    if (n == 0)
        return;
    ipl__out_str(o, "<h2>Notes</h2>\n<ul>\n");
    for (i = 0; i < n; i++) {
        ipl__out_str(o, "<li>");
        ipl__out_xml(o, ipl_appraisal_note(a, i));
        ipl__out_str(o, "</li>\n");
    }
    ipl__out_str(o, "</ul>\n");
}

void
ipl__report_html(ipl__out *o, const ipl_appraisal *a)
{
    const ipl_case *c = ipl_appraisal_case(a);
    const char *title = ipl_case_title(c)[0] ? ipl_case_title(c) : ipl_case_label(c);

    ipl__out_str(o, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                 "<title>");
    ipl__out_xml(o, title);
    ipl__out_str(o, "</title>\n<style>body{font:14px sans-serif;max-width:60em;margin:2em "
                 "auto}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid "
                 "#ccc;padding:2px 6px;text-align:left}td.n{text-align:right}"
                 "pre{background:#f6f6f6;padding:6px;white-space:pre-wrap}"
                 "@media print{figure{break-inside:avoid}}</style>\n</head><body>\n<h1>");
    ipl__out_xml(o, title);
    ipl__out_str(o, "</h1>\n");
    section_summary(o, a);
    section_rights(o, a);
    charts_values(o, a);
    if (ipl_appraisal_loan(a) != NULL)
        section_loan(o, ipl_appraisal_loan(a));
    if (ipl_appraisal_compensation(a) != NULL)
        section_compensation(o, ipl_appraisal_compensation(a));
    section_traces(o, a);
    section_notes(o, a);
    ipl__out_str(o, "</body></html>\n");
}
