/* Writing a valuation result as text, XML or JSON. Every writer walks
 * the same public accessors, so the three formats carry the same
 * figures. */
#include <math.h>
#include <string.h>

#include <jansson.h>
#include <libxml/xmlwriter.h>

#include "value.h"

static const double QUANTILES[] = { 0.05, 0.10, 0.50, 0.90, 0.95 };
static const char *const QUANTILE_NAMES[] = { "P5", "P10", "P50", "P90", "P95" };
static const char *const SHIFT_NAMES[] = {
    "rate_minus_1pp", "rate_plus_1pp", "share_minus_10pc", "share_plus_10pc"
};

/* ---- text ------------------------------------------------------------ */

static double
bundle_total(ipl_value *const *vs, size_t n)
{
    double sum = 0;
    size_t k;

    for (k = 0; k < n; k++)
        sum += ipl_value_total(vs[k]);
    return sum;
}

int
value_write_text(FILE *out, ipl_value *const *vs, size_t n, const ipl_montecarlo *mc)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (n > 1)
            fprintf(out, "== right %zu ==\n", i);
        fputs(ipl_value_trace(vs[i]), out);
    }
    if (n > 1)
        fprintf(out, "bundle value: %.2f\n", bundle_total(vs, n));
    if (mc == NULL)
        return 0;
    fprintf(out, "Monte Carlo: %zu paths, deterministic %.2f, mean %.2f, sd %.2f\n",
            ipl_montecarlo_paths(mc), ipl_montecarlo_deterministic(mc),
            ipl_montecarlo_mean(mc), ipl_montecarlo_sd(mc));
    for (i = 0; i < 5; i++)
        fprintf(out, "  %-4s %.2f\n", QUANTILE_NAMES[i],
                ipl_montecarlo_quantile(mc, QUANTILES[i]));
    for (i = 0; i < ipl_montecarlo_bin_count(mc); i++) {
        double lo, hi;
        size_t k;

        if (ipl_montecarlo_bin(&lo, &hi, &k, mc, i, NULL) == IPL_OK)
            fprintf(out, "  [%.2f, %.2f] %zu\n", lo, hi, k);
    }
    return 0;
}

/* ---- XML ------------------------------------------------------------- */

static int
attr(xmlTextWriterPtr w, const char *name, double x)
{
    return xmlTextWriterWriteFormatAttribute(w, (const xmlChar *)name, "%.17g", x);
}

static int
start(xmlTextWriterPtr w, const char *name)
{
    return xmlTextWriterStartElement(w, (const xmlChar *)name);
}

static int
xml_rows(xmlTextWriterPtr w, const ipl_value *v)
{
    size_t i;
    int rc = start(w, "rows");

    for (i = 0; rc >= 0 && i < ipl_value_row_count(v); i++) {
        const ipl_value_row *r = ipl_value_row_at(v, i);

        if (start(w, "row") < 0 || attr(w, "years", r->years) < 0 ||
            attr(w, "time", r->time) < 0 || attr(w, "base", r->base) < 0 ||
            attr(w, "share", r->share) < 0 || attr(w, "charge", r->charge) < 0 ||
            attr(w, "pretax", r->pretax) < 0 || attr(w, "tax", r->tax) < 0 ||
            attr(w, "aftertax", r->aftertax) < 0 ||
            attr(w, "discount", r->discount) < 0 || attr(w, "present", r->present) < 0)
            return -1;
        rc = xmlTextWriterEndElement(w);
    }
    return rc < 0 ? -1 : xmlTextWriterEndElement(w);
}

static int
xml_named(xmlTextWriterPtr w, const ipl_value *v)
{
    size_t i;

    if (start(w, "discount-rate") < 0 || attr(w, "total", ipl_value_discount_rate(v)) < 0)
        return -1;
    for (i = 0; i < ipl_value_rate_count(v); i++)
        if (start(w, "component") < 0 ||
            xmlTextWriterWriteAttribute(w, (const xmlChar *)"name",
                                        (const xmlChar *)ipl_value_rate_at(v, i)->name) < 0 ||
            attr(w, "rate", ipl_value_rate_at(v, i)->rate) < 0 ||
            xmlTextWriterEndElement(w) < 0)
            return -1;
    if (xmlTextWriterEndElement(w) < 0 || start(w, "sensitivities") < 0)
        return -1;
    for (i = 0; i < 4; i++)
        if (attr(w, SHIFT_NAMES[i], ipl_value_sensitivity(v, (ipl_value_shift)i)) < 0)
            return -1;
    if (xmlTextWriterEndElement(w) < 0 || start(w, "figures") < 0)
        return -1;
    for (i = 0; i < ipl_value_figure_count(v); i++)
        if (start(w, "figure") < 0 ||
            xmlTextWriterWriteAttribute(w, (const xmlChar *)"name",
                                        (const xmlChar *)ipl_value_figure_at(v, i)->name) < 0 ||
            attr(w, "value", ipl_value_figure_at(v, i)->value) < 0 ||
            xmlTextWriterEndElement(w) < 0)
            return -1;
    return xmlTextWriterEndElement(w);
}

static int
xml_montecarlo(xmlTextWriterPtr w, const ipl_montecarlo *mc)
{
    size_t i;

    if (start(w, "montecarlo") < 0 ||
        xmlTextWriterWriteFormatAttribute(w, (const xmlChar *)"paths", "%zu",
                                          ipl_montecarlo_paths(mc)) < 0 ||
        attr(w, "deterministic", ipl_montecarlo_deterministic(mc)) < 0 ||
        attr(w, "mean", ipl_montecarlo_mean(mc)) < 0 ||
        attr(w, "sd", ipl_montecarlo_sd(mc)) < 0)
        return -1;
    for (i = 0; i < 5; i++)
        if (start(w, "quantile") < 0 ||
            xmlTextWriterWriteAttribute(w, (const xmlChar *)"name",
                                        (const xmlChar *)QUANTILE_NAMES[i]) < 0 ||
            attr(w, "p", QUANTILES[i]) < 0 ||
            attr(w, "value", ipl_montecarlo_quantile(mc, QUANTILES[i])) < 0 ||
            xmlTextWriterEndElement(w) < 0)
            return -1;
    for (i = 0; i < ipl_montecarlo_bin_count(mc); i++) {
        double lo, hi;
        size_t n;

        if (ipl_montecarlo_bin(&lo, &hi, &n, mc, i, NULL) < 0 || start(w, "bin") < 0 ||
            attr(w, "lower", lo) < 0 || attr(w, "upper", hi) < 0 ||
            xmlTextWriterWriteFormatAttribute(w, (const xmlChar *)"count", "%zu", n) < 0 ||
            xmlTextWriterEndElement(w) < 0)
            return -1;
    }
    return xmlTextWriterEndElement(w);
}

/* The attributes and children of one right's element. */
static int
xml_right(xmlTextWriterPtr w, const ipl_value *v)
{
    if (xmlTextWriterWriteAttribute(w, (const xmlChar *)"method",
                                    (const xmlChar *)ipl_value_method_name(
                                        ipl_value_method_of(v))) < 0 ||
        attr(w, "value", ipl_value_total(v)) < 0 ||
        start(w, "period") < 0 || attr(w, "years", ipl_value_period(v)) < 0 ||
        xmlTextWriterWriteAttribute(w, (const xmlChar *)"reason",
                                    (const xmlChar *)ipl_value_reason_name(
                                        ipl_value_period_reason(v))) < 0 ||
        xmlTextWriterEndElement(w) < 0 || xml_rows(w, v) < 0 || xml_named(w, v) < 0 ||
        xmlTextWriterWriteElement(w, (const xmlChar *)"trace",
                                  (const xmlChar *)ipl_value_trace(v)) < 0)
        return -1;
    return 0;
}

static int
xml_document(xmlTextWriterPtr w, ipl_value *const *vs, size_t n, const ipl_montecarlo *mc)
{
    size_t k;

    if (xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0 ||
        start(w, "valuation-result") < 0 ||
        xmlTextWriterWriteAttribute(w, (const xmlChar *)"xmlns",
                                    (const xmlChar *)"urn:ipledge:valuation:1") < 0)
        return -1;
    if (n == 1 && xml_right(w, vs[0]) < 0)
        return -1;
    if (n > 1 && (xmlTextWriterWriteAttribute(w, (const xmlChar *)"method",
                                              (const xmlChar *)"bundle") < 0 ||
                  attr(w, "value", bundle_total(vs, n)) < 0))
        return -1;
    for (k = 0; n > 1 && k < n; k++)
        if (start(w, "right") < 0 || xml_right(w, vs[k]) < 0 ||
            xmlTextWriterEndElement(w) < 0)
            return -1;
    if ((mc != NULL && xml_montecarlo(w, mc) < 0) || xmlTextWriterEndDocument(w) < 0)
        return -1;
    return 0;
}

int
value_write_xml(FILE *out, ipl_value *const *vs, size_t n, const ipl_montecarlo *mc)
{
    xmlBufferPtr buf = xmlBufferCreate();
    xmlTextWriterPtr w = buf ? xmlNewTextWriterMemory(buf, 0) : NULL;
    int rc = -1;

    if (w != NULL) {
        xmlTextWriterSetIndent(w, 1);
        rc = xml_document(w, vs, n, mc);
        xmlFreeTextWriter(w);          /* flushes into buf */
        if (rc == 0)
            fputs((const char *)xmlBufferContent(buf), out);
    }
    xmlBufferFree(buf);
    return rc;
}

/* ---- JSON ------------------------------------------------------------ */

/* NaN and infinities are not JSON numbers: they become null. */
static json_t *
real(double x)
{
    return isnan(x) || isinf(x) ? json_null() : json_real(x);
}

static json_t *
json_rows(const ipl_value *v)
{
    json_t *rows = json_array();
    size_t i;

    for (i = 0; rows != NULL && i < ipl_value_row_count(v); i++) {
        const ipl_value_row *r = ipl_value_row_at(v, i);

        json_array_append_new(rows, json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}",
                                              "years", real(r->years), "time", real(r->time),
                                              "base", real(r->base), "share", real(r->share),
                                              "charge", real(r->charge),
                                              "pretax", real(r->pretax), "tax", real(r->tax),
                                              "aftertax", real(r->aftertax),
                                              "discount", real(r->discount),
                                              "present", real(r->present)));
    }
    return rows;
}

static json_t *
json_named(const ipl_value *v, json_t *root)
{
    json_t *comps = json_array(), *figs = json_object(), *sens = json_object();
    size_t i;

    for (i = 0; i < ipl_value_rate_count(v); i++)
        json_array_append_new(comps, json_pack("{s:s,s:o}", "name",
                                               ipl_value_rate_at(v, i)->name, "rate",
                                               real(ipl_value_rate_at(v, i)->rate)));
    for (i = 0; i < ipl_value_figure_count(v); i++)
        json_object_set_new(figs, ipl_value_figure_at(v, i)->name,
                            real(ipl_value_figure_at(v, i)->value));
    for (i = 0; i < 4; i++)
        json_object_set_new(sens, SHIFT_NAMES[i],
                            real(ipl_value_sensitivity(v, (ipl_value_shift)i)));
    json_object_set_new(root, "discount_rate",
                        json_pack("{s:o,s:o}", "total", real(ipl_value_discount_rate(v)),
                                  "components", comps));
    json_object_set_new(root, "sensitivities", sens);
    json_object_set_new(root, "figures", figs);
    return root;
}

static json_t *
json_montecarlo(const ipl_montecarlo *mc)
{
    json_t *q = json_object(), *hist = json_array();
    size_t i;

    for (i = 0; i < 5; i++)
        json_object_set_new(q, QUANTILE_NAMES[i], real(ipl_montecarlo_quantile(mc,
                                                                             QUANTILES[i])));
    for (i = 0; i < ipl_montecarlo_bin_count(mc); i++) {
        double lo = 0, hi = 0;
        size_t n = 0;

        if (ipl_montecarlo_bin(&lo, &hi, &n, mc, i, NULL) == IPL_OK)
            json_array_append_new(hist, json_pack("{s:o,s:o,s:I}", "lower", real(lo),
                                                  "upper", real(hi), "count",
                                                  (json_int_t)n));
    }
    return json_pack("{s:I,s:o,s:o,s:o,s:o,s:o}", "paths",
                     (json_int_t)ipl_montecarlo_paths(mc), "deterministic",
                     real(ipl_montecarlo_deterministic(mc)), "mean",
                     real(ipl_montecarlo_mean(mc)), "sd", real(ipl_montecarlo_sd(mc)),
                     "quantiles", q, "histogram", hist);
}

/* value, method, period, rows, trace, the rate, sensitivities and
 * figures of one right. */
static json_t *
json_right(const ipl_value *v)
{
    json_t *o = json_pack("{s:o,s:s,s:{s:o,s:s},s:o,s:s}",
                          "value", real(ipl_value_total(v)),
                          "method", ipl_value_method_name(ipl_value_method_of(v)),
                          "period", "years", real(ipl_value_period(v)), "reason",
                          ipl_value_reason_name(ipl_value_period_reason(v)),
                          "rows", json_rows(v), "trace", ipl_value_trace(v));

    return o != NULL ? json_named(v, o) : NULL;
}

int
value_write_json(FILE *out, ipl_value *const *vs, size_t n, const ipl_montecarlo *mc)
{
    json_t *root = NULL, *rights;
    size_t k;
    int rc = -1;

    if (n == 1) {
        root = json_right(vs[0]);
    } else if ((rights = json_array()) != NULL) {
        for (k = 0; k < n; k++)
            json_array_append_new(rights, json_right(vs[k]));
        root = json_pack("{s:o,s:s,s:o}", "value", real(bundle_total(vs, n)), "method",
                         "bundle", "rights", rights);
    }
    if (root != NULL &&
        (mc == NULL || json_object_set_new(root, "montecarlo", json_montecarlo(mc)) == 0) &&
        json_dumpf(root, out, JSON_INDENT(2) | JSON_REAL_PRECISION(17)) == 0) {
        fputc('\n', out);
        rc = 0;
    }
    json_decref(root);
    return rc;
}
