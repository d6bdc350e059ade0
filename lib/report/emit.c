/* The report writers' output: bytes buffered for a caller's sink,
 * escaping for JSON and XML, and numbers written the same whatever the
 * process's locale. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc_internal.h"
#include "decimal_internal.h"
#include "emit_internal.h"

void
ipl__out_init(ipl__out *o, ipl_report_sink sink, void *ctx)
{
    o->sink = sink;
    o->ctx = ctx;
    o->n = 0;
    o->status = IPL_OK;
}

static void
flush(ipl__out *o)
{
    if (o->status == IPL_OK && o->n > 0 && o->sink(o->ctx, o->buf, o->n) != 0)
        o->status = IPL_ERROR;
    o->n = 0;
}

void
ipl__out_bytes(ipl__out *o, const char *s, size_t n)
{
    while (o->status == IPL_OK && n > 0) {
        size_t room = sizeof o->buf - o->n, k = n < room ? n : room;

        memcpy(o->buf + o->n, s, k);
        o->n += k;
        s += k;
        n -= k;
        if (o->n == sizeof o->buf)
            flush(o);
    }
}

void
ipl__out_str(ipl__out *o, const char *s)
{
    ipl__out_bytes(o, s, strlen(s));
}

void
ipl__out_printf(ipl__out *o, const char *fmt, ...)
{
    char small[512], *text = small;
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        o->status = IPL_ERROR;
        return;
    }
    if ((size_t)n >= sizeof small) {
        /* rare: a long title or note; measured, then written whole */
        if ((text = ipl__malloc((size_t)n + 1)) == NULL) {
            o->status = IPL_ENOMEM;
            return;
        }
        va_start(ap, fmt);
        vsnprintf(text, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    ipl__out_bytes(o, text, (size_t)n);
    if (text != small)
        ipl__free(text);
}

void
ipl__out_xml(ipl__out *o, const char *s)
{
    const char *run = s;

    for (; *s != '\0'; s++) {
        const char *with;

        switch (*s) {
        case '&':  with = "&amp;"; break;
        case '<':  with = "&lt;"; break;
        case '>':  with = "&gt;"; break;
        case '"':  with = "&quot;"; break;
        case '\'': with = "&apos;"; break;
        default:   /* XML 1.0 has no place for other control characters */
            with = (unsigned char)*s < 0x20 && *s != '\t' && *s != '\n' ? "?" : NULL;
            break;
        }
        if (with != NULL) {
            ipl__out_bytes(o, run, (size_t)(s - run));
            ipl__out_str(o, with);
            run = s + 1;
        }
    }
    ipl__out_bytes(o, run, (size_t)(s - run));
}

void
ipl__out_json(ipl__out *o, const char *s)
{
    const char *run = s;

    ipl__out_bytes(o, "\"", 1);
    for (; *s != '\0'; s++) {
        unsigned char c = (unsigned char)*s;
        char esc[8];

        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        ipl__out_bytes(o, run, (size_t)(s - run));
        switch (c) {
        case '"':  ipl__out_str(o, "\\\""); break;
        case '\\': ipl__out_str(o, "\\\\"); break;
        case '\b': ipl__out_str(o, "\\b"); break;
        case '\f': ipl__out_str(o, "\\f"); break;
        case '\n': ipl__out_str(o, "\\n"); break;
        case '\r': ipl__out_str(o, "\\r"); break;
        case '\t': ipl__out_str(o, "\\t"); break;
        default:
            snprintf(esc, sizeof esc, "\\u%04x", (unsigned)c);
            ipl__out_str(o, esc);
            break;
        }
        run = s + 1;
    }
    ipl__out_bytes(o, run, (size_t)(s - run));
    ipl__out_bytes(o, "\"", 1);
}

void
ipl__out_csv(ipl__out *o, const char *s)
{
    const char *quote;

    ipl__out_bytes(o, "\"", 1);
    while ((quote = strchr(s, '"')) != NULL) {
        ipl__out_bytes(o, s, (size_t)(quote - s) + 1);
        ipl__out_bytes(o, "\"", 1);
        s = quote + 1;
    }
    ipl__out_str(o, s);
    ipl__out_bytes(o, "\"", 1);
}

int
ipl__out_finish(ipl__out *o, ipl_error *err)
{
    flush(o);
    if (o->status == IPL_ENOMEM)
        return ipl__fail(err, IPL_ENOMEM, NULL, "out of memory");
    if (o->status != IPL_OK)
        return ipl__fail(err, o->status, "sink", "the sink refused the report's bytes");
    return IPL_OK;
}

/* digits as text, most significant first; returns the count */
static int
digits_of(char *buf, uint64_t d)
{
    char rev[24];
    int n = 0, i;

    do {
        rev[n++] = (char)('0' + d % 10);
        d /= 10;
    } while (d > 0);
    for (i = 0; i < n; i++)
        buf[i] = rev[n - 1 - i];
    buf[n] = '\0';
    return n;
}

const char *
ipl__fmt_real(char *buf, double v, int json)
{
    ipl__decimal d;
    char digits[24], *p = buf;
    int nd, point;

    if (ipl__decimal_from_double(&d, v) != IPL_OK) {   /* NaN, infinite */
        const char *word = json ? "null" : isnan(v) ? "NaN" : v > 0 ? "INF" : "-INF";

        return memcpy(buf, word, strlen(word) + 1);
    }
    nd = digits_of(digits, d.digits);
    point = nd + d.exp10;                   /* digits before the point */
    if (d.negative && d.digits != 0)
        *p++ = '-';
    if (d.exp10 >= 0 && point <= 21) {      /* an integer */
        memcpy(p, digits, (size_t)nd);
        memset(p + nd, '0', (size_t)d.exp10);
        memcpy(p + point, json ? ".0" : "", json ? 3 : 1);
    } else if (d.exp10 < 0 && point > 0) {
        memcpy(p, digits, (size_t)point);
        p[point] = '.';
        memcpy(p + point + 1, digits + point, (size_t)(nd - point) + 1);
    } else if (d.exp10 < 0 && point > -6) {
        memcpy(p, "0.", 2);
        memset(p + 2, '0', (size_t)-point);
        memcpy(p + 2 - point, digits, (size_t)nd + 1);
    } else {                                /* d.ddde±x */
        *p++ = digits[0];
        if (nd > 1) {
            *p++ = '.';
            memcpy(p, digits + 1, (size_t)nd - 1);
            p += nd - 1;
        }
        snprintf(p, 16, "e%+d", point - 1);   /* buf has room: 15 digits, sign, point */
    }
    return buf;
}

const char *
ipl__fmt_fixed(char *buf, double v, int decimals)
{
    char raw[IPL__NUMBER_MAX + 16];
    const char *s = raw;
    char *p = buf;
    int n = snprintf(raw, sizeof raw, "%.*f", decimals, v);

    if (n < 0 || (size_t)n >= sizeof raw)
        return ipl__fmt_real(buf, v, 0);
    /* printf's digits are exact; only its decimal point follows the
     * locale (and may be several bytes): it becomes '.' */
    if (*s == '-')
        *p++ = *s++;
    while (*s >= '0' && *s <= '9')
        *p++ = *s++;
    if (*s != '\0') {
        *p++ = '.';
        while (*s != '\0' && (*s < '0' || *s > '9'))
            s++;
        while (*s >= '0' && *s <= '9')
            *p++ = *s++;
    }
    *p = '\0';
    return buf;
}

const char *
ipl__fmt_amount(char *buf, const ipl_money *m, int grouped)
{
    if (ipl_money_format(buf, IPL_MONEY_FORMAT_MAX, m, grouped ? IPL_MONEY_FORMAT_GROUP : 0,
                         NULL) < 0)
        memcpy(buf, "?", 2);
    return buf;
}

const char *
ipl__fmt_day(char *buf, ipl_date d)
{
    if (ipl_date_format(buf, IPL_DATE_STRING_SIZE, d, NULL) < 0)
        memcpy(buf, "?", 2);
    return buf;
}
