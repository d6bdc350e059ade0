/* The report entry points: a format by name, a report of an appraisal or
 * of a valuation through a sink, or as one string. */
#include <string.h>

#include "alloc_internal.h"
#include "report_internal.h"

static const char *const format_names[] = { NULL, "text", "json", "xml", "html" };

int
ipl_report_format_from_name(ipl_report_format *out, const char *name, ipl_error *err)
{
    int f;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, name);
    for (f = IPL_REPORT_TEXT; f <= IPL_REPORT_HTML; f++)
        if (strcmp(format_names[f], name) == 0) {
            *out = (ipl_report_format)f;
            return IPL_OK;
        }
    return ipl__fail(err, IPL_EINVAL, "format", "must be text, json, xml or html, got \"%s\"",
                     name);
}

/* What a report is of: an appraisal, or n values and a simulation. */
typedef struct subject {
    const ipl_appraisal *a;
    const ipl_value *const *vs;
    size_t n;
    const ipl_montecarlo *mc;
} subject;

static int
check_subject(const subject *s, ipl_report_format format, ipl_error *err)
{
    size_t i;

    if (format < IPL_REPORT_TEXT || format > IPL_REPORT_HTML)
        return ipl__fail(err, IPL_EINVAL, "format", "unknown report format %d", (int)format);
    if (s->a != NULL)
        return IPL_OK;
    if (s->vs == NULL || s->n == 0)
        return ipl__fail(err, IPL_EINVAL, "values", "must name at least one value");
    for (i = 0; i < s->n; i++)
        if (s->vs[i] == NULL)
            return ipl__fail(err, IPL_EINVAL, "values", "values[%zu] is NULL", i);
    if (format == IPL_REPORT_HTML)
        return ipl__fail(err, IPL_EINVAL, "format", "a valuation is written as text, json "
                         "or xml");
    return IPL_OK;
}

static int
write_subject(const subject *s, ipl_report_format format, ipl_report_sink sink, void *ctx,
              ipl_error *err)
{
    ipl__out o;
    int rc;

    IPL__CHECK_ARG(err, sink);
    if ((rc = check_subject(s, format, err)) < 0)
        return rc;
    ipl__out_init(&o, sink, ctx);
    if (s->a == NULL)
        ipl__report_value(&o, s->vs, s->n, s->mc, format);
    else if (format == IPL_REPORT_TEXT)
        ipl__report_text(&o, s->a);
    else if (format == IPL_REPORT_HTML)
        ipl__report_html(&o, s->a);
    else
        ipl__report_tree(&o, s->a, format == IPL_REPORT_XML);
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

static int
subject_string(char **out, size_t *len, const subject *s, ipl_report_format format,
               ipl_error *err)
{
    growing g = { NULL, 0, 0 };
    int rc;

    IPL__CHECK_ARG(err, out);
    rc = write_subject(s, format, grow, &g, err);
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

int
ipl_report_appraisal(const ipl_appraisal *a, ipl_report_format format,
                     ipl_report_sink sink, void *ctx, ipl_error *err)
{
    subject s = { NULL, NULL, 0, NULL };

    IPL__CHECK_ARG(err, a);
    s.a = a;
    return write_subject(&s, format, sink, ctx, err);
}

int
ipl_report_appraisal_string(char **out, size_t *len, const ipl_appraisal *a,
                            ipl_report_format format, ipl_error *err)
{
    subject s = { NULL, NULL, 0, NULL };

    IPL__CHECK_ARG(err, a);
    s.a = a;
    return subject_string(out, len, &s, format, err);
}

int
ipl_report_value(const ipl_value *const *values, size_t n, const ipl_montecarlo *mc,
                 ipl_report_format format, ipl_report_sink sink, void *ctx, ipl_error *err)
{
    subject s = { NULL, NULL, 0, NULL };

    s.vs = values;
    s.n = n;
    s.mc = mc;
    return write_subject(&s, format, sink, ctx, err);
}

int
ipl_report_value_string(char **out, size_t *len, const ipl_value *const *values, size_t n,
                        const ipl_montecarlo *mc, ipl_report_format format, ipl_error *err)
{
    subject s = { NULL, NULL, 0, NULL };

    s.vs = values;
    s.n = n;
    s.mc = mc;
    return subject_string(out, len, &s, format, err);
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
