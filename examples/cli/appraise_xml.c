/* The XML report of `ipledge appraise`: the JSON report's tree written
 * as elements (namespace urn:ipledge:report:1), so the two formats
 * carry the same fields under the same names. An array becomes a
 * container whose items take the singular name; null is left out. */
#include <string.h>

#include <jansson.h>

#include "appraise.h"
#include "lending_io.h"

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

    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i][0], plural) == 0)
            return names[i][1];
    return "item";
}

static void write_node(FILE *out, const char *name, json_t *v, int depth);

static void
write_children(FILE *out, const char *name, json_t *v, int depth)
{
    const char *key;
    json_t *item;
    size_t i;

    if (json_is_object(v))
        json_object_foreach(v, key, item)
            write_node(out, key, item, depth + 1);
    else
        json_array_foreach(v, i, item)
            write_node(out, singular(name), item, depth + 1);
}

static void
write_node(FILE *out, const char *name, json_t *v, int depth)
{
    if (json_is_null(v))
        return;
    fprintf(out, "%*s<%s", 2 * depth, "", name);
    if (json_is_object(v) || json_is_array(v)) {
        fputs(">\n", out);
        write_children(out, name, v, depth);
        fprintf(out, "%*s</%s>\n", 2 * depth, "", name);
        return;
    }
    fputc('>', out);
    if (json_is_string(v))
        lio_xml_text(out, json_string_value(v));
    else if (json_is_integer(v))
        fprintf(out, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    else if (json_is_real(v))
        fprintf(out, "%.17g", json_real_value(v));
    else
        fputs(json_is_true(v) ? "true" : "false", out);
    fprintf(out, "</%s>\n", name);
}

int
appraise_write_xml(FILE *out, const appraisal *a)
{
    json_t *root = appraise_report(a);

    if (root == NULL)
        return -1;
    json_object_del(root, "ipledge_report");
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<report xmlns=\"urn:ipledge:report:1\" version=\"1\">\n", out);
    write_children(out, "report", root, 0);
    fputs("</report>\n", out);
    json_decref(root);
    return ferror(out) ? -1 : 0;
}
