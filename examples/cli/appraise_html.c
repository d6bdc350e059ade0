/* The HTML report of `ipledge appraise`: one self-contained page (no
 * script, no external file) an appraiser can open or print, with the
 * figures in tables and charts drawn as inline SVG. The tables carry
 * the exact amounts; the charts only show their shape. */
#include <stdlib.h>
#include <string.h>

#include "appraise.h"
#include "lending_io.h"

#define W 640.0
#define H 220.0
#define PAD 40.0

static void
text(FILE *out, const char *s)
{
    lio_xml_text(out, s);
}

static const char *
amount(char *buf, const ipl_money *m)
{
    return lio_amount(buf, m, 1);
}

static double
major(const ipl_money *m)
{
    return ipl_money_to_double(m);
}

/* A bar chart of n stacked pairs (b may be NULL); labels under every
 * bar when there are few. */
static void
svg_bars(FILE *out, const char *title, size_t n, const double *a, const double *b,
         const char *const *labels, const char *ca, const char *cb)
{
    double top = 0, bw = n > 0 ? (W - 2 * PAD) / (double)n : 0;
    size_t i;

    for (i = 0; i < n; i++)
        if (a[i] + (b != NULL ? b[i] : 0) > top)
            top = a[i] + (b != NULL ? b[i] : 0);
    if (top <= 0)
        top = 1;
    fprintf(out, "<figure><figcaption>");
    text(out, title);
    fprintf(out, "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
            "viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\">\n",
            W, H, W, H);
    fprintf(out, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#333\"/>\n",
            PAD, H - PAD, W - PAD, H - PAD);
    fprintf(out, "<text x=\"2\" y=\"%.0f\" font-size=\"10\">%.0f</text>\n", PAD - 4, top);
    for (i = 0; i < n; i++) {
        double x = PAD + bw * (double)i + bw * 0.1, ha = (H - 2 * PAD) * a[i] / top;
        double hb = b != NULL ? (H - 2 * PAD) * b[i] / top : 0;

        fprintf(out, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
                "fill=\"%s\"/>\n", x, H - PAD - ha, bw * 0.8, ha, ca);
        if (b != NULL)
            fprintf(out, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
                    "fill=\"%s\"/>\n", x, H - PAD - ha - hb, bw * 0.8, hb, cb);
        if (labels != NULL && n <= 12) {
            fprintf(out, "<text x=\"%.2f\" y=\"%.0f\" font-size=\"10\">", x, H - PAD + 14);
            text(out, labels[i]);
            fputs("</text>\n", out);
        }
    }
    fputs("</svg></figure>\n", out);
}

/* A line through n values, from the first period to the last. */
static void
svg_line(FILE *out, const char *title, size_t n, const double *v)
{
    double top = 0, dx = n > 1 ? (W - 2 * PAD) / (double)(n - 1) : 0;
    size_t i;

    for (i = 0; i < n; i++)
        if (v[i] > top)
            top = v[i];
    if (top <= 0)
        top = 1;
    fprintf(out, "<figure><figcaption>");
    text(out, title);
    fprintf(out, "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
            "viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\">\n"
            "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#333\"/>\n"
            "<text x=\"2\" y=\"%.0f\" font-size=\"10\">%.0f</text>\n<polyline fill=\"none\" "
            "stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"", W, H, W, H, PAD, H - PAD,
            W - PAD, H - PAD, PAD - 4, top);
    for (i = 0; i < n; i++)
        fprintf(out, "%.2f,%.2f ", PAD + dx * (double)i,
                H - PAD - (H - 2 * PAD) * v[i] / top);
    fputs("\"/>\n</svg></figure>\n", out);
}

static void
charts_values(FILE *out, const appraisal *a)
{
    double v[64];
    const char *labels[64];
    size_t k;

    for (k = 0; k < a->nrights && k < 64; k++) {
        v[k] = major(&a->rights[k].value);
        labels[k] = a->rights[k].in->number;
    }
    svg_bars(out, "Appraised value per right", k, v, NULL, labels, "#1f5fa8", NULL);
    for (k = 0; k < a->nrights; k++) {
        const ipl_montecarlo *mc = a->rights[k].mc;
        double counts[256];
        size_t i, n = mc != NULL ? ipl_montecarlo_bin_count(mc) : 0;
        char title[200];

        if (n == 0 || n > 256)
            continue;
        for (i = 0; i < n; i++) {
            double lo, hi;
            size_t c = 0;

            counts[i] = ipl_montecarlo_bin(&lo, &hi, &c, mc, i, NULL) == IPL_OK ? (double)c : 0;
        }
        snprintf(title, sizeof title, "Value distribution of %s: %zu paths, P5 %.0f to "
                 "P95 %.0f", a->rights[k].in->number, ipl_montecarlo_paths(mc),
                 ipl_montecarlo_quantile(mc, 0.05), ipl_montecarlo_quantile(mc, 0.95));
        svg_bars(out, title, n, counts, NULL, NULL, "#7a9cc6", NULL);
    }
}

static void
charts_loan(FILE *out, const appraisal *a)
{
    size_t i, n = ipl_loan_schedule_count(a->loan);
    double *p = calloc(3 * n + 1, sizeof *p), *in = p + n, *bal = p + 2 * n;

    if (p == NULL)
        return;
    for (i = 0; i < n; i++) {
        const ipl_loan_row *r = ipl_loan_schedule_row(a->loan, i);

        p[i] = major(&r->principal);
        in[i] = major(&r->interest);
        bal[i] = major(&r->closing);
    }
    svg_bars(out, "Cash flows per period: principal (dark) and interest (light)", n, p, in,
             NULL, "#1f5fa8", "#f0a030");
    svg_line(out, "Loan balance after each payment", n, bal);
    free(p);
}

static void
charts_compensation(FILE *out, const appraisal *a)
{
    double pre[IPL_COMPENSATION_MAX_PARTIES], set[IPL_COMPENSATION_MAX_PARTIES];
    const char *labels[IPL_COMPENSATION_MAX_PARTIES];
    size_t i, n = ipl_compensation_share_count(a->compensation);

    for (i = 0; i < n && i < IPL_COMPENSATION_MAX_PARTIES; i++) {
        const ipl_compensation_share *s = ipl_compensation_share_get(a->compensation, i);

        pre[i] = major(&s->prepaid) > 0 ? major(&s->prepaid) : 0;
        set[i] = major(&s->final) - pre[i] > 0 ? major(&s->final) - pre[i] : 0;
        labels[i] = s->name;
    }
    svg_bars(out, "Compensation per party: prepaid (dark) and at settlement (light)", i,
             pre, set, labels, "#1f5fa8", "#f0a030");
}

static void
row(FILE *out, const char *label, const char *value)
{
    fputs("<tr><th>", out);
    text(out, label);
    fputs("</th><td>", out);
    text(out, value);
    fputs("</td></tr>\n", out);
}

static void
section_case(FILE *out, const appraisal *a)
{
    char buf[400], day[IPL_DATE_STRING_SIZE], x[LIO_AMOUNT_MAX];
    double years = -1;
    const char *who = ipl_case_borrower(a->c, &years, NULL);
    size_t k;

    fputs("<table>\n", out);
    row(out, "case", ipl_case_label(a->c));
    row(out, "date", lio_day(day, ipl_case_date(a->c)));
    snprintf(buf, sizeof buf, years >= 0 ? "%s (%g years in operation)" : "%s", who, years);
    row(out, "borrower", buf);
    snprintf(buf, sizeof buf, "%s: %s", ipl_policy_name(a->policy),
             ipl_policy_title(a->policy));
    row(out, "policy", buf);
    row(out, "eligible", a->eligible ? "yes" : "no");
    snprintf(buf, sizeof buf, "%.2f %%", 100 * ipl_pledge_ratio(a->pledge));
    row(out, "pledge ratio", buf);
    row(out, "collateral value", amount(x, ipl_pledge_collateral(a->pledge)));
    row(out, "largest loan", amount(x, ipl_pledge_max_loan(a->pledge)));
    fputs("</table>\n<h2>Rights</h2>\n<table>\n<tr><th>number</th><th>type</th>"
          "<th>expiry</th><th>value</th></tr>\n", out);
    for (k = 0; k < a->nrights; k++) {
        const appraised_right *r = &a->rights[k];

        fputs("<tr><td>", out);
        text(out, r->in->number);
        fprintf(out, "</td><td>%s</td><td>%s</td><td class=\"n\">%s</td></tr>\n",
                ipl_right_type_name(r->type), r->expiry.year ? lio_day(day, r->expiry) : "-",
                amount(x, &r->value));
    }
    fputs("</table>\n", out);
}

static void
section_traces(FILE *out, const appraisal *a)
{
    size_t k, j;

    fputs("<h2>Trace</h2>\n", out);
    for (k = 0; k < a->nrights; k++)
        for (j = 0; j < ipl_assumptions_count(a->rights[k].doc); j++) {
            fputs("<pre>", out);
            text(out, ipl_value_trace(a->rights[k].values[j]));
            fputs("</pre>\n", out);
        }
    fputs("<ol>\n", out);
    for (k = 0; k < ipl_pledge_trace_count(a->pledge); k++) {
        fputs("<li>", out);
        text(out, ipl_pledge_trace(a->pledge, k)->text);
        fputs("</li>\n", out);
    }
    fputs("</ol>\n", out);
}

static void
section_loan(FILE *out, const appraisal *a)
{
    char o[LIO_AMOUNT_MAX], in[LIO_AMOUNT_MAX], p[LIO_AMOUNT_MAX], c[LIO_AMOUNT_MAX],
         day[IPL_DATE_STRING_SIZE];
    size_t i;

    fputs("<h2>Loan schedule</h2>\n", out);
    charts_loan(out, a);
    fputs("<table>\n<tr><th>n</th><th>date</th><th>opening</th><th>interest</th>"
          "<th>principal</th><th>closing</th></tr>\n", out);
    for (i = 0; i < ipl_loan_schedule_count(a->loan); i++) {
        const ipl_loan_row *r = ipl_loan_schedule_row(a->loan, i);

        fprintf(out, "<tr><td>%zu</td><td>%s</td><td class=\"n\">%s</td><td class=\"n\">%s"
                "</td><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n", i + 1,
                lio_day(day, r->date), amount(o, &r->opening), amount(in, &r->interest),
                amount(p, &r->principal), amount(c, &r->closing));
    }
    fputs("</table>\n", out);
}

static void
section_compensation(FILE *out, const appraisal *a)
{
    char x[LIO_AMOUNT_MAX], y[LIO_AMOUNT_MAX];
    size_t i;

    fputs("<h2>Default and risk compensation</h2>\n", out);
    charts_compensation(out, a);
    fputs("<table>\n<tr><th>party</th><th>share</th><th>final</th><th>prepaid</th></tr>\n",
          out);
    for (i = 0; i < ipl_compensation_share_count(a->compensation); i++) {
        const ipl_compensation_share *s = ipl_compensation_share_get(a->compensation, i);

        fputs("<tr><td>", out);
        text(out, s->name);
        fprintf(out, "</td><td class=\"n\">%.2f %%</td><td class=\"n\">%s</td>"
                "<td class=\"n\">%s</td></tr>\n", s->share_bp / 100.0,
                amount(x, &s->final), amount(y, &s->prepaid));
    }
    fputs("</table>\n", out);
}

int
appraise_write_html(FILE *out, const appraisal *a)
{
    size_t i;

    fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>",
          out);
    text(out, ipl_case_title(a->c)[0] ? ipl_case_title(a->c) : ipl_case_label(a->c));
    fputs("</title>\n<style>body{font:14px sans-serif;max-width:60em;margin:2em auto}"
          "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
          "padding:2px 6px;text-align:left}td.n{text-align:right}"
          "pre{background:#f6f6f6;padding:6px;white-space:pre-wrap}"
          "@media print{figure{break-inside:avoid}}</style>\n</head><body>\n<h1>", out);
    text(out, ipl_case_title(a->c)[0] ? ipl_case_title(a->c) : ipl_case_label(a->c));
    fputs("</h1>\n", out);
    section_case(out, a);
    charts_values(out, a);
    if (a->loan != NULL)
        section_loan(out, a);
    if (a->compensation != NULL)
        section_compensation(out, a);
    section_traces(out, a);
    if (a->nnotes > 0)
        fputs("<h2>Notes</h2>\n<ul>\n", out);
    for (i = 0; i < a->nnotes; i++) {
        fputs("<li>", out);
        text(out, a->notes[i]);
        fputs("</li>\n", out);
    }
    fputs(a->nnotes > 0 ? "</ul>\n</body></html>\n" : "</body></html>\n", out);
    return ferror(out) ? -1 : 0;
}
