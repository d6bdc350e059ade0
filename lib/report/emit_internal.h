/* What the report writers share: an output that buffers bytes for a
 * caller's sink and remembers the first failure, escaping for JSON and
 * XML, locale-free numbers, and a tree writer that gives the JSON and
 * XML reports one structure. Not installed. */
#ifndef IPL_EMIT_INTERNAL_H
#define IPL_EMIT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "ipledge/date.h"
#include "ipledge/error.h"
#include "ipledge/money.h"
#include "ipledge/report.h"
#include "error_internal.h"

#define IPL__OUT_BUFFER 4096

/* Bytes on their way to a sink. status is IPL_OK until something fails
 * (the sink refuses, an allocation fails); after that every write is a
 * no-op, so writers test it once at the end. */
typedef struct ipl__out {
    ipl_report_sink sink;
    void *ctx;
    char buf[IPL__OUT_BUFFER];
    size_t n;
    int status;
} ipl__out;

void ipl__out_init(ipl__out *o, ipl_report_sink sink, void *ctx);
void ipl__out_bytes(ipl__out *o, const char *s, size_t n);
void ipl__out_str(ipl__out *o, const char *s);
/* printf-formatted; any length. No %f/%g here: doubles go through
 * ipl__fmt_real()/ipl__fmt_fixed(), which ignore the locale. */
void ipl__out_printf(ipl__out *o, const char *fmt, ...) IPL__PRINTF(2, 3);
/* s with & < > " ' escaped; control characters XML 1.0 has no place
 * for become '?'. */
void ipl__out_xml(ipl__out *o, const char *s);
/* s as a JSON string, quotes included. */
void ipl__out_json(ipl__out *o, const char *s);
/* s as one CSV field in double quotes, inner quotes doubled (RFC 4180),
 * whatever it holds. */
void ipl__out_csv(ipl__out *o, const char *s);
/* Hands the rest to the sink; returns o->status with err filled. */
int ipl__out_finish(ipl__out *o, ipl_error *err);

/* Capacity of the buffers below. */
#define IPL__NUMBER_MAX 48

/* v with at most 15 significant digits, shortest form, plain notation
 * when short enough ("0.0435", "1895393.3825", "1e+25"); with json set,
 * an integral value keeps ".0" so that readers see a real. NaN and
 * infinities give JSON's "null", or else xs:double's "NaN", "INF" and
 * "-INF". Returns buf. */
const char *ipl__fmt_real(char *buf, double v, int json);
/* v rounded half away from zero to `decimals` (0..6) decimals, as
 * printf's "%.*f" does in the C locale. Returns buf. */
const char *ipl__fmt_fixed(char *buf, double v, int decimals);
/* The amount in major units ("-1234.56"; "1,234.56" when grouped). */
const char *ipl__fmt_amount(char *buf, const ipl_money *m, int grouped);
/* "YYYY-MM-DD". */
const char *ipl__fmt_day(char *buf, ipl_date d);

/* The JSON or XML tree writer: objects, arrays and scalars named by
 * their key (NULL inside an array). In XML an array's items take the
 * singular of its name and null values are left out. */
#define IPL__TREE_DEPTH 16

typedef struct ipl__tree {
    ipl__out *o;
    int xml;
    int depth;
    int members[IPL__TREE_DEPTH];       /* written so far, per level */
    int array[IPL__TREE_DEPTH];
    const char *name[IPL__TREE_DEPTH];
} ipl__tree;

void ipl__tree_init(ipl__tree *t, ipl__out *o, int xml);
void ipl__tree_begin(ipl__tree *t, const char *key, int array);
void ipl__tree_end(ipl__tree *t);
void ipl__tree_string(ipl__tree *t, const char *key, const char *s);
void ipl__tree_null(ipl__tree *t, const char *key);
void ipl__tree_real(ipl__tree *t, const char *key, double v);
void ipl__tree_int(ipl__tree *t, const char *key, int64_t v);
void ipl__tree_bool(ipl__tree *t, const char *key, int v);
/* An amount as a decimal string; null when its currency is "". */
void ipl__tree_money(ipl__tree *t, const char *key, const ipl_money *m);
/* A date as "YYYY-MM-DD"; null when its year is 0. */
void ipl__tree_date(ipl__tree *t, const char *key, ipl_date d);

/* XML with the figures as attributes (emit_xml.c): ipl__xml_open()
 * writes depth spaces and "<name"; each attribute adds ' name="value"'
 * (escaped; reals as ipl__fmt_real(), amounts and days as above); the
 * caller ends the start tag itself (">\n" or "/>\n"); ipl__xml_close()
 * writes the indented end tag and a line break. */
void ipl__xml_open(ipl__out *o, int depth, const char *name);
void ipl__xml_attr(ipl__out *o, const char *name, const char *value);
void ipl__xml_real(ipl__out *o, const char *name, double v);
void ipl__xml_int(ipl__out *o, const char *name, long long v);
void ipl__xml_money(ipl__out *o, const char *name, const ipl_money *m);
void ipl__xml_day(ipl__out *o, const char *name, ipl_date d);
void ipl__xml_close(ipl__out *o, int depth, const char *name);

#endif /* IPL_EMIT_INTERNAL_H */
