/* The report of a valuation (one right, or a bundle) and its simulation:
 * what `ipledge value` prints. Text is the trace; JSON and XML carry the
 * method, period, rows, discount rate, sensitivities, figures and the
 * simulation's quantiles and histogram (XML with the figures as
 * attributes, namespace urn:ipledge:valuation:1). */
#include "report_internal.h"

static const double QUANTILES[] = { 0.05, 0.10, 0.50, 0.90, 0.95 };
static const char *const QUANTILE_NAMES[] = { "P5", "P10", "P50", "P90", "P95" };
static const char *const SHIFT_NAMES[] = {
    "rate_minus_1pp", "rate_plus_1pp", "share_minus_10pc", "share_plus_10pc"
};
#define NQUANTILES 5
#define NSHIFTS 4

typedef char number_buf[IPL__NUMBER_MAX];

static double
bundle_total(const ipl_value *const *vs, size_t n)
{
    double sum = 0;
    size_t k;

    for (k = 0; k < n; k++)
        sum += ipl_value_total(vs[k]);
    return sum;
}

/* ---- text ---------------------------------------------------------- */

static void
text_montecarlo(ipl__out *o, const ipl_montecarlo *mc)
{
    number_buf a, b, c, d;
    size_t i;

    ipl__out_printf(o, "Monte Carlo: %zu paths, deterministic %s, mean %s, sd %s\n",
                    ipl_montecarlo_paths(mc),
                    ipl__fmt_fixed(a, ipl_montecarlo_deterministic(mc), 2),
                    ipl__fmt_fixed(b, ipl_montecarlo_mean(mc), 2),
                    ipl__fmt_fixed(c, ipl_montecarlo_sd(mc), 2));
    for (i = 0; i < NQUANTILES; i++)
        ipl__out_printf(o, "  %-4s %s\n", QUANTILE_NAMES[i],
                        ipl__fmt_fixed(a, ipl_montecarlo_quantile(mc, QUANTILES[i]), 2));
    for (i = 0; i < ipl_montecarlo_bin_count(mc); i++) {
        double lo, hi;
        size_t k;

        if (ipl_montecarlo_bin(&lo, &hi, &k, mc, i, NULL) == IPL_OK)
            ipl__out_printf(o, "  [%s, %s] %zu\n", ipl__fmt_fixed(c, lo, 2),
                            ipl__fmt_fixed(d, hi, 2), k);
    }
}

static void
value_text(ipl__out *o, const ipl_value *const *vs, size_t n, const ipl_montecarlo *mc)
{
    number_buf total;
    size_t i;

    for (i = 0; i < n; i++) {
        if (n > 1)
            ipl__out_printf(o, "== right %zu ==\n", i);
        ipl__out_str(o, ipl_value_trace(vs[i]));
    }
    if (n > 1)
        ipl__out_printf(o, "bundle value: %s\n", ipl__fmt_fixed(total, bundle_total(vs, n), 2));
    if (mc != NULL)
        text_montecarlo(o, mc);
}

/* ---- XML: elements with the figures as attributes, indented by one --- */

static void
xml_rows(ipl__out *o, int depth, const ipl_value *v)
{
    size_t i;

    ipl__xml_open(o, depth, "rows");
    ipl__out_str(o, ">\n");
    for (i = 0; i < ipl_value_row_count(v); i++) {
        const ipl_value_row *r = ipl_value_row_at(v, i);

        ipl__xml_open(o, depth + 1, "row");
        ipl__xml_real(o, "years", r->years);
        ipl__xml_real(o, "time", r->time);
        ipl__xml_real(o, "base", r->base);
        ipl__xml_real(o, "share", r->share);
        ipl__xml_real(o, "charge", r->charge);
        ipl__xml_real(o, "pretax", r->pretax);
        ipl__xml_real(o, "tax", r->tax);
        ipl__xml_real(o, "aftertax", r->aftertax);
        ipl__xml_real(o, "discount", r->discount);
        ipl__xml_real(o, "present", r->present);
        ipl__out_str(o, "/>\n");
    }
    ipl__xml_close(o, depth, "rows");
}

static void
xml_named(ipl__out *o, int depth, const ipl_value *v)
{
    size_t i;

    ipl__xml_open(o, depth, "discount-rate");
    ipl__xml_real(o, "total", ipl_value_discount_rate(v));
    ipl__out_str(o, ">\n");
    for (i = 0; i < ipl_value_rate_count(v); i++) {
        ipl__xml_open(o, depth + 1, "component");
        ipl__xml_attr(o, "name", ipl_value_rate_at(v, i)->name);
        ipl__xml_real(o, "rate", ipl_value_rate_at(v, i)->rate);
        ipl__out_str(o, "/>\n");
    }
    ipl__xml_close(o, depth, "discount-rate");
    ipl__xml_open(o, depth, "sensitivities");
    for (i = 0; i < NSHIFTS; i++)
        ipl__xml_real(o, SHIFT_NAMES[i], ipl_value_sensitivity(v, (ipl_value_shift)i));
    ipl__out_str(o, "/>\n");
    ipl__xml_open(o, depth, "figures");
    ipl__out_str(o, ">\n");
    for (i = 0; i < ipl_value_figure_count(v); i++) {
        ipl__xml_open(o, depth + 1, "figure");
        ipl__xml_attr(o, "name", ipl_value_figure_at(v, i)->name);
        ipl__xml_real(o, "value", ipl_value_figure_at(v, i)->value);
        ipl__out_str(o, "/>\n");
    }
    ipl__xml_close(o, depth, "figures");
}

/* The attributes (the start tag is open) and children of one right. */
static void
xml_right(ipl__out *o, int depth, const ipl_value *v)
{
    ipl__xml_attr(o, "method", ipl_value_method_name(ipl_value_method_of(v)));
    ipl__xml_real(o, "value", ipl_value_total(v));
    ipl__out_str(o, ">\n");
    ipl__xml_open(o, depth, "period");
    ipl__xml_real(o, "years", ipl_value_period(v));
    ipl__xml_attr(o, "reason", ipl_value_reason_name(ipl_value_period_reason(v)));
    ipl__out_str(o, "/>\n");
    xml_rows(o, depth, v);
    xml_named(o, depth, v);
    ipl__xml_open(o, depth, "trace");
    ipl__out_str(o, ">");
    ipl__out_xml(o, ipl_value_trace(v));
    ipl__out_str(o, "</trace>\n");
}

static void
xml_montecarlo(ipl__out *o, const ipl_montecarlo *mc)
{
    size_t i;

    ipl__xml_open(o, 1, "montecarlo");
    ipl__xml_int(o, "paths", (long long)ipl_montecarlo_paths(mc));
    ipl__xml_real(o, "deterministic", ipl_montecarlo_deterministic(mc));
    ipl__xml_real(o, "mean", ipl_montecarlo_mean(mc));
    ipl__xml_real(o, "sd", ipl_montecarlo_sd(mc));
    ipl__out_str(o, ">\n");
    for (i = 0; i < NQUANTILES; i++) {
        ipl__xml_open(o, 2, "quantile");
        ipl__xml_attr(o, "name", QUANTILE_NAMES[i]);
        ipl__xml_real(o, "p", QUANTILES[i]);
        ipl__xml_real(o, "value", ipl_montecarlo_quantile(mc, QUANTILES[i]));
        ipl__out_str(o, "/>\n");
    }
    for (i = 0; i < ipl_montecarlo_bin_count(mc); i++) {
        double lo, hi;
        size_t n;

        if (ipl_montecarlo_bin(&lo, &hi, &n, mc, i, NULL) != IPL_OK)
            continue;
        ipl__xml_open(o, 2, "bin");
        ipl__xml_real(o, "lower", lo);
        ipl__xml_real(o, "upper", hi);
        ipl__xml_int(o, "count", (long long)n);
        ipl__out_str(o, "/>\n");
    }
    ipl__xml_close(o, 1, "montecarlo");
}

static void
value_xml(ipl__out *o, const ipl_value *const *vs, size_t n, const ipl_montecarlo *mc)
{
    size_t k;

    ipl__out_str(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<valuation-result xmlns=\"urn:ipledge:valuation:1\"");
    if (n == 1) {
        xml_right(o, 1, vs[0]);
    } else {
        ipl__xml_attr(o, "method", "bundle");
        ipl__xml_real(o, "value", bundle_total(vs, n));
        ipl__out_str(o, ">\n");
    }
    for (k = 0; n > 1 && k < n; k++) {
        ipl__xml_open(o, 1, "right");
        xml_right(o, 2, vs[k]);
        ipl__xml_close(o, 1, "right");
    }
    if (mc != NULL)
        xml_montecarlo(o, mc);
    ipl__out_str(o, "</valuation-result>\n");
}

/* ---- JSON ----------------------------------------------------------- */

static void
json_named(ipl__tree *t, const ipl_value *v)
{
    size_t i;

    ipl__tree_begin(t, "discount_rate", 0);
    ipl__tree_real(t, "total", ipl_value_discount_rate(v));
    ipl__tree_begin(t, "components", 1);
    for (i = 0; i < ipl_value_rate_count(v); i++) {
        ipl__tree_begin(t, NULL, 0);
        ipl__tree_string(t, "name", ipl_value_rate_at(v, i)->name);
        ipl__tree_real(t, "rate", ipl_value_rate_at(v, i)->rate);
        ipl__tree_end(t);
    }
    ipl__tree_end(t);
    ipl__tree_end(t);
    ipl__tree_begin(t, "sensitivities", 0);
    for (i = 0; i < NSHIFTS; i++)
        ipl__tree_real(t, SHIFT_NAMES[i], ipl_value_sensitivity(v, (ipl_value_shift)i));
    ipl__tree_end(t);
    ipl__tree_begin(t, "figures", 0);
    for (i = 0; i < ipl_value_figure_count(v); i++)
        ipl__tree_real(t, ipl_value_figure_at(v, i)->name, ipl_value_figure_at(v, i)->value);
    ipl__tree_end(t);
}

static void
json_rows(ipl__tree *t, const ipl_value *v)
{
    size_t i;

    ipl__tree_begin(t, "rows", 1);
    for (i = 0; i < ipl_value_row_count(v); i++) {
        const ipl_value_row *r = ipl_value_row_at(v, i);

        ipl__tree_begin(t, NULL, 0);
        ipl__tree_real(t, "years", r->years);
        ipl__tree_real(t, "time", r->time);
        ipl__tree_real(t, "base", r->base);
        ipl__tree_real(t, "share", r->share);
        ipl__tree_real(t, "charge", r->charge);
        ipl__tree_real(t, "pretax", r->pretax);
        ipl__tree_real(t, "tax", r->tax);
        ipl__tree_real(t, "aftertax", r->aftertax);
        ipl__tree_real(t, "discount", r->discount);
        ipl__tree_real(t, "present", r->present);
        ipl__tree_end(t);
    }
    ipl__tree_end(t);
}

/* The members of one right's object (the object is open). */
static void
json_right(ipl__tree *t, const ipl_value *v)
{
    ipl__tree_real(t, "value", ipl_value_total(v));
    ipl__tree_string(t, "method", ipl_value_method_name(ipl_value_method_of(v)));
    ipl__tree_begin(t, "period", 0);
    ipl__tree_real(t, "years", ipl_value_period(v));
    ipl__tree_string(t, "reason", ipl_value_reason_name(ipl_value_period_reason(v)));
    ipl__tree_end(t);
    json_rows(t, v);
    ipl__tree_string(t, "trace", ipl_value_trace(v));
    json_named(t, v);
}

static void
json_montecarlo(ipl__tree *t, const ipl_montecarlo *mc)
{
    size_t i;

    ipl__tree_begin(t, "montecarlo", 0);
    ipl__tree_int(t, "paths", (int64_t)ipl_montecarlo_paths(mc));
    ipl__tree_real(t, "deterministic", ipl_montecarlo_deterministic(mc));
    ipl__tree_real(t, "mean", ipl_montecarlo_mean(mc));
    ipl__tree_real(t, "sd", ipl_montecarlo_sd(mc));
    ipl__tree_begin(t, "quantiles", 0);
    for (i = 0; i < NQUANTILES; i++)
        ipl__tree_real(t, QUANTILE_NAMES[i], ipl_montecarlo_quantile(mc, QUANTILES[i]));
    ipl__tree_end(t);
    ipl__report_histogram(t, "histogram", mc);
    ipl__tree_end(t);
}

static void
value_json(ipl__out *o, const ipl_value *const *vs, size_t n, const ipl_montecarlo *mc)
{
    ipl__tree t;
    size_t k;

    ipl__tree_init(&t, o, 0);
    ipl__tree_begin(&t, NULL, 0);
    if (n == 1) {
        json_right(&t, vs[0]);
    } else {
        ipl__tree_real(&t, "value", bundle_total(vs, n));
        ipl__tree_string(&t, "method", "bundle");
        ipl__tree_begin(&t, "rights", 1);
        for (k = 0; k < n; k++) {
            ipl__tree_begin(&t, NULL, 0);
            json_right(&t, vs[k]);
            ipl__tree_end(&t);
        }
        ipl__tree_end(&t);
    }
    if (mc != NULL)
        json_montecarlo(&t, mc);
    ipl__tree_end(&t);
}

void
ipl__report_value(ipl__out *o, const ipl_value *const *vs, size_t n, const ipl_montecarlo *mc,
                  ipl_report_format format)
{
    if (format == IPL_REPORT_TEXT)
        value_text(o, vs, n, mc);
    else if (format == IPL_REPORT_XML)
        value_xml(o, vs, n, mc);
    else
        value_json(o, vs, n, mc);
}
