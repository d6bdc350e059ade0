/* One tree, two notations: the JSON report (indented by 2, members in
 * the order written) and the XML report (namespace urn:ipledge:report:1;
 * an array is a container whose items take the singular name; null is
 * left out), so both carry the same fields under the same names. */
#include <stdio.h>
#include <string.h>

#include "emit_internal.h"

static const char *
singular(const char *plural)
{
    static const char *const names[][2] = {
        { "rights", "right" }, { "valuations", "valuation" }, { "bins", "bin" },
        { "trace", "step" }, { "failures", "failure" }, { "rows", "row" },
        { "subsidies", "subsidy" }, { "shares", "share" }, { "flows", "flow" },
        { "notes", "note" },
    };
    size_t i;

    for (i = 0; plural != NULL && i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i][0], plural) == 0)
            return names[i][1];
    return "item";
}

void
ipl__tree_init(ipl__tree *t, ipl__out *o, int xml)
{
    memset(t, 0, sizeof *t);
    t->o = o;
    t->xml = xml;
}

static void
indent(ipl__tree *t, int level)
{
    static const char spaces[] = "                                ";

    ipl__out_bytes(t->o, spaces, (size_t)(2 * level));
}

/* The separator, line break, indentation and key before a member. */
static void
json_lead(ipl__tree *t, const char *key)
{
    if (t->depth == 0)
        return;
    if (t->members[t->depth - 1]++ > 0)
        ipl__out_bytes(t->o, ",", 1);
    ipl__out_bytes(t->o, "\n", 1);
    indent(t, t->depth);
    if (key != NULL) {
        ipl__out_json(t->o, key);
        ipl__out_bytes(t->o, ": ", 2);
    }
}

static const char *
xml_name(const ipl__tree *t, const char *key)
{
    return key != NULL ? key : singular(t->name[t->depth - 1]);
}

/* A scalar already formatted: a string when quoted, else JSON source
 * (a number, true, false, null). */
static void
scalar(ipl__tree *t, const char *key, const char *text, int quoted)
{
    if (t->xml) {
        const char *name = xml_name(t, key);

        indent(t, t->depth);
        ipl__out_printf(t->o, "<%s>", name);
        ipl__out_xml(t->o, text);
        ipl__out_printf(t->o, "</%s>\n", name);
        return;
    }
    json_lead(t, key);
    if (quoted)
        ipl__out_json(t->o, text);
    else
        ipl__out_str(t->o, text);
}

void
ipl__tree_begin(ipl__tree *t, const char *key, int array)
{
    if (t->depth == IPL__TREE_DEPTH) {
        t->o->status = IPL_ERROR;
        return;
    }
    if (t->xml && t->depth == 0)
        ipl__out_str(t->o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<report xmlns=\"urn:ipledge:report:1\" version=\"1\">\n");
    else if (t->xml) {
        indent(t, t->depth);
        ipl__out_printf(t->o, "<%s>\n", xml_name(t, key));
    } else {
        json_lead(t, key);
        ipl__out_bytes(t->o, array ? "[" : "{", 1);
    }
    t->name[t->depth] = t->xml && t->depth > 0 ? xml_name(t, key) : key;
    t->array[t->depth] = array;
    t->members[t->depth] = 0;
    t->depth++;
}

void
ipl__tree_end(ipl__tree *t)
{
    if (t->depth == 0)
        return;
    t->depth--;
    if (t->xml) {
        indent(t, t->depth);
        ipl__out_printf(t->o, "</%s>\n", t->depth > 0 ? t->name[t->depth] : "report");
        return;
    }
    if (t->members[t->depth] > 0) {
        ipl__out_bytes(t->o, "\n", 1);
        indent(t, t->depth);
    }
    ipl__out_bytes(t->o, t->array[t->depth] ? "]" : "}", 1);
    if (t->depth == 0)
        ipl__out_bytes(t->o, "\n", 1);
}

void
ipl__tree_string(ipl__tree *t, const char *key, const char *s)
{
    scalar(t, key, s, 1);
}

void
ipl__tree_null(ipl__tree *t, const char *key)
{
    if (!t->xml)
        scalar(t, key, "null", 0);
}

void
ipl__tree_real(ipl__tree *t, const char *key, double v)
{
    char buf[IPL__NUMBER_MAX];

    scalar(t, key, ipl__fmt_real(buf, v, !t->xml), 0);
}

void
ipl__tree_int(ipl__tree *t, const char *key, int64_t v)
{
    char buf[IPL__NUMBER_MAX];

    snprintf(buf, sizeof buf, "%lld", (long long)v);
    scalar(t, key, buf, 0);
}

void
ipl__tree_bool(ipl__tree *t, const char *key, int v)
{
    scalar(t, key, v ? "true" : "false", 0);
}

void
ipl__tree_money(ipl__tree *t, const char *key, const ipl_money *m)
{
    char buf[IPL__NUMBER_MAX];

    if (m->currency[0] == '\0')
        ipl__tree_null(t, key);
    else
        scalar(t, key, ipl__fmt_amount(buf, m, 0), 1);
}

void
ipl__tree_date(ipl__tree *t, const char *key, ipl_date d)
{
    char buf[IPL__NUMBER_MAX];

    if (d.year == 0)
        ipl__tree_null(t, key);
    else
        scalar(t, key, ipl__fmt_day(buf, d), 1);
}
