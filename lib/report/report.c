/* The report entry points: a format by name, the runner every writer
 * goes through (to a sink, or into one string), and the reports of an
 * appraisal and of a valuation. */
#include <string.h>

#include "alloc_internal.h"
#include "report_internal.h"

static const char *const format_names[] = { NULL, "text", "json", "xml", "html", "csv" };

int
ipl_report_format_from_name(ipl_report_format *out, const char *name, ipl_error *err)
{
    int f;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, name);
    for (f = IPL_REPORT_TEXT; f <= IPL_REPORT_CSV; f++)
        if (strcmp(format_names[f], name) == 0) {
            *out = (ipl_report_format)f;
            return IPL_OK;
        }
    return ipl__fail(err, IPL_EINVAL, "format",
                     "must be text, json, xml, html or csv, got \"%s\"", name);
}

int
ipl__report_check_format(ipl_report_format format, unsigned formats, const char *what,
                         ipl_error *err)
{
    static const char *const lists[] = { "text, json, xml or html", "text, json or xml",
                                         "text, json, xml or csv" };
    const char *list = formats == IPL__FORMATS_APPRAISAL ? lists[0]
                       : formats == IPL__FORMATS_VALUE ? lists[1] : lists[2];

    if (format < IPL_REPORT_TEXT || format > IPL_REPORT_CSV)
        return ipl__fail(err, IPL_EINVAL, "format", "unknown report format %d", (int)format);
    if ((formats & IPL__FORMAT_BIT(format)) == 0)
        return ipl__fail(err, IPL_EINVAL, "format", "%s is written as %s, not %s", what, list,
                         format_names[format]);
    return IPL_OK;
}

int
ipl__report_run(ipl__report_fn fn, const void *subject, ipl_report_format format,
                ipl_report_sink sink, void *ctx, ipl_error *err)
{
    ipl__out o;

    IPL__CHECK_ARG(err, sink);
    ipl__out_init(&o, sink, ctx);
    fn(&o, subject, format);
    return ipl__out_finish(&o, err);
}

/* A string growing by doubling, through the library's allocator. */
typedef struct growing {
    char *s;
    size_t n, cap;
} growing;

static int
grow(void *ctx, const char *bytes, size_t n)
{
    growing *g = ctx;

    if (g->n + n + 1 > g->cap) {
        size_t cap = g->cap > 0 ? g->cap : 8192;
        char *s;

        while (cap < g->n + n + 1)
            cap *= 2;
        if ((s = ipl__realloc(g->s, cap)) == NULL)
            return -1;
        g->s = s;
        g->cap = cap;
    }
    memcpy(g->s + g->n, bytes, n);
    g->n += n;
    return 0;
}

int
ipl__report_run_string(char **out, size_t *len, ipl__report_fn fn, const void *subject,
                       ipl_report_format format, ipl_error *err)
{
    growing g = { NULL, 0, 0 };
    int rc;

    IPL__CHECK_ARG(err, out);
    rc = ipl__report_run(fn, subject, format, grow, &g, err);
    if (rc == IPL_OK && g.s == NULL && (g.s = ipl__malloc(1)) == NULL)
        rc = ipl__fail(err, IPL_ENOMEM, NULL, "out of memory");
    if (rc == IPL_ERROR)   /* only grow() refuses: it ran out of memory */
        rc = ipl__fail(err, IPL_ENOMEM, NULL, "out of memory");
    if (rc < 0) {
        ipl__free(g.s);
        return rc;
    }
    g.s[g.n] = '\0';
    *out = g.s;
    if (len != NULL)
        *len = g.n;
    return IPL_OK;
}

/* ---- appraisals and valuations ---- */

static void
appraisal_fn(ipl__out *o, const void *subject, ipl_report_format format)
{
    const ipl_appraisal *a = subject;

    if (format == IPL_REPORT_TEXT)
        ipl__report_text(o, a);
    else if (format == IPL_REPORT_HTML)
        ipl__report_html(o, a);
    else
        ipl__report_tree(o, a, format == IPL_REPORT_XML);
}

/* n values and their simulation. */
typedef struct valuation {
    const ipl_value *const *vs;
    size_t n;
    const ipl_montecarlo *mc;
} valuation;

static void
value_fn(ipl__out *o, const void *subject, ipl_report_format format)
{
    const valuation *v = subject;

    ipl__report_value(o, v->vs, v->n, v->mc, format);
}

static int
check_values(const valuation *v, ipl_report_format format, ipl_error *err)
{
    size_t i;

    if (v->vs == NULL || v->n == 0)
        return ipl__fail(err, IPL_EINVAL, "values", "must name at least one value");
    for (i = 0; i < v->n; i++)
        if (v->vs[i] == NULL)
            return ipl__fail(err, IPL_EINVAL, "values", "values[%zu] is NULL", i);
    return ipl__report_check_format(format, IPL__FORMATS_VALUE, "a valuation", err);
}

int
ipl_report_appraisal(const ipl_appraisal *a, ipl_report_format format,
                     ipl_report_sink sink, void *ctx, ipl_error *err)
{
    int rc;

    IPL__CHECK_ARG(err, a);
    if ((rc = ipl__report_check_format(format, IPL__FORMATS_APPRAISAL, "an appraisal",
                                       err)) < 0)
        return rc;
    return ipl__report_run(appraisal_fn, a, format, sink, ctx, err);
}

int
ipl_report_appraisal_string(char **out, size_t *len, const ipl_appraisal *a,
                            ipl_report_format format, ipl_error *err)
{
    int rc;

    IPL__CHECK_ARG(err, a);
    if ((rc = ipl__report_check_format(format, IPL__FORMATS_APPRAISAL, "an appraisal",
                                       err)) < 0)
        return rc;
    return ipl__report_run_string(out, len, appraisal_fn, a, format, err);
}

int
ipl_report_value(const ipl_value *const *values, size_t n, const ipl_montecarlo *mc,
                 ipl_report_format format, ipl_report_sink sink, void *ctx, ipl_error *err)
{
    valuation v;
    int rc;

    v.vs = values;
    v.n = n;
    v.mc = mc;
    if ((rc = check_values(&v, format, err)) < 0)
        return rc;
    return ipl__report_run(value_fn, &v, format, sink, ctx, err);
}

int
ipl_report_value_string(char **out, size_t *len, const ipl_value *const *values, size_t n,
                        const ipl_montecarlo *mc, ipl_report_format format, ipl_error *err)
{
    valuation v;
    int rc;

    v.vs = values;
    v.n = n;
    v.mc = mc;
    if ((rc = check_values(&v, format, err)) < 0)
        return rc;
    return ipl__report_run_string(out, len, value_fn, &v, format, err);
}

void
ipl_report_string_free(char *s)
{
    ipl__free(s);
}

const char *
ipl__report_role(ipl_compensation_role role)
{
    return role == IPL_COMPENSATION_FUND ? "fund"
           : role == IPL_COMPENSATION_LENDER ? "lender" : "other";
}

const char *
ipl__report_flow_kind(ipl_compensation_flow_kind kind)
{
    return kind == IPL_COMPENSATION_PREPAY ? "prepay"
           : kind == IPL_COMPENSATION_SETTLE ? "settle" : "claw-back";
}

const char *
ipl__report_rounding(ipl_rounding r)
{
    static const char *const names[] = { "half-even", "half-even", "half-up", "down",
                                         "never", "up" };

    return (unsigned)r < sizeof names / sizeof names[0] ? names[r] : "?";
}

void
ipl__report_histogram(ipl__tree *t, const char *name, const ipl_montecarlo *mc)
{
    size_t i;

    ipl__tree_begin(t, name, 1);
    for (i = 0; i < ipl_montecarlo_bin_count(mc); i++) {
        double lo, hi;
        size_t n;

        if (ipl_montecarlo_bin(&lo, &hi, &n, mc, i, NULL) != IPL_OK)
            continue;
        ipl__tree_begin(t, NULL, 0);
        ipl__tree_real(t, "lower", lo);
        ipl__tree_real(t, "upper", hi);
        ipl__tree_int(t, "count", (int64_t)n);
        ipl__tree_end(t);
    }
    ipl__tree_end(t);
}
