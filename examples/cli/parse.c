/* `ipledge parse FILE...`: every record of every file as one JSON object
 * per line (JSON Lines), written with jansson. Errors go to stderr with
 * their locations; the exit status is CLI_FAILED when any document was
 * skipped or a file could not be read. */
#include <stdio.h>
#include <string.h>

#include <jansson.h>
#include <ipledge.h>

#include "cli.h"

/* Sets key to a string when there is one; absent fields stay absent. */
static void
put_string(json_t *obj, const char *key, const char *value)
{
    if (value != NULL)
        json_object_set_new(obj, key, json_string(value));
}

/* A number in the canonical form of ident.h, with the form published
 * next to it when they differ; as published when it has no canonical
 * form (the identifier module does not know its syntax). */
static void
put_number(json_t *obj, const char *key, const ipl_record *rec,
           ipl_record_number_kind kind)
{
    const char *published = ipl_record_number(rec, kind);
    char as_published[64];
    ipl_ident id;

    if (published == NULL)
        return;
    if (ipl_record_ident(&id, rec, kind, NULL) != IPL_OK) {
        json_object_set_new(obj, key, json_string(published));
        return;
    }
    json_object_set_new(obj, key, json_string(id.canonical));
    if (strcmp(id.canonical, published) != 0) {
        snprintf(as_published, sizeof as_published, "%s_published", key);
        json_object_set_new(obj, as_published, json_string(published));
    }
}

/* Locarno classes in canonical form ("3-01"), else as published. */
static void
put_locarno(json_t *obj, const ipl_record *rec)
{
    size_t i, n = ipl_record_count(rec, IPL_LIST_LOCARNO);
    json_t *arr;

    if (n == 0)
        return;
    arr = json_array();
    for (i = 0; i < n; i++) {
        const char *text = ipl_record_row(rec, IPL_LIST_LOCARNO, i)->text;
        ipl_ident id;
        if (ipl_ident_parse(&id, IPL_IDENT_LOCARNO, text, NULL) == IPL_OK)
            text = id.canonical;
        json_array_append_new(arr, json_string(text));
    }
    json_object_set_new(obj, "locarno", arr);
}

static void
put_date(json_t *obj, const char *key, const ipl_record *rec,
         ipl_record_date_kind kind)
{
    char text[IPL_DATE_STRING_SIZE];
    ipl_date d;

    if (ipl_record_date(&d, rec, kind) &&
        ipl_date_format(text, sizeof text, d, NULL) > 0)
        json_object_set_new(obj, key, json_string(text));
}

/* A list's texts as an array of strings; absent when the list is empty. */
static void
put_texts(json_t *obj, const char *key, const ipl_record *rec,
          ipl_record_list list)
{
    size_t i, n = ipl_record_count(rec, list);
    json_t *arr;

    if (n == 0)
        return;
    arr = json_array();
    for (i = 0; i < n; i++) {
        const ipl_record_item *row = ipl_record_row(rec, list, i);
        if (row->text != NULL)
            json_array_append_new(arr, json_string(row->text));
    }
    json_object_set_new(obj, key, arr);
}

static void
put_nice(json_t *obj, const ipl_record *rec)
{
    size_t i, n = ipl_record_count(rec, IPL_LIST_NICE);
    json_t *arr;

    if (n == 0)
        return;
    arr = json_array();
    for (i = 0; i < n; i++)
        json_array_append_new(
            arr, json_integer(ipl_record_row(rec, IPL_LIST_NICE, i)->value));
    json_object_set_new(obj, "nice_classes", arr);
}

static void
put_priorities(json_t *obj, const ipl_record *rec)
{
    size_t i, n = ipl_record_count(rec, IPL_LIST_PRIORITIES);
    char text[IPL_DATE_STRING_SIZE];
    json_t *arr;

    if (n == 0)
        return;
    arr = json_array();
    for (i = 0; i < n; i++) {
        const ipl_record_item *p = ipl_record_row(rec, IPL_LIST_PRIORITIES, i);
        json_t *o = json_object();
        put_string(o, "country", p->country);
        put_string(o, "number", p->text);
        if (p->have_date && ipl_date_format(text, sizeof text, p->date,
                                            NULL) > 0)
            json_object_set_new(o, "date", json_string(text));
        json_array_append_new(arr, o);
    }
    json_object_set_new(obj, "priorities", arr);
}

static void
put_count(json_t *obj, const char *key, size_t n)
{
    if (n > 0)
        json_object_set_new(obj, key, json_integer((json_int_t)n));
}

static json_t *
record_json(const ipl_record *rec, const char *file, size_t index)
{
    json_t *obj = json_object(), *src = json_object();
    ipl_date expiry;

    json_object_set_new(src, "file", json_string(file));
    json_object_set_new(src, "index", json_integer((json_int_t)index));
    json_object_set_new(obj, "source", src);
    put_string(obj, "format", ipl_record_format_name(rec));
    put_string(obj, "office", ipl_record_office(rec));
    put_string(obj, "type", ipl_right_type_name(ipl_record_right_type(rec)));
    put_number(obj, "application_number", rec, IPL_NUMBER_APPLICATION);
    put_number(obj, "publication_number", rec, IPL_NUMBER_PUBLICATION);
    put_number(obj, "registration_number", rec, IPL_NUMBER_REGISTRATION);
    put_string(obj, "kind", ipl_record_kind_code(rec));
    put_date(obj, "filing_date", rec, IPL_DATE_FILING);
    put_date(obj, "priority_date", rec, IPL_DATE_PRIORITY);
    put_date(obj, "publication_date", rec, IPL_DATE_PUBLICATION);
    put_date(obj, "grant_date", rec, IPL_DATE_GRANT);
    put_date(obj, "registration_date", rec, IPL_DATE_REGISTRATION);
    if (ipl_record_expiry(&expiry, rec, NULL) == IPL_OK) {
        char text[IPL_DATE_STRING_SIZE];
        if (ipl_date_format(text, sizeof text, expiry, NULL) > 0)
            json_object_set_new(obj, "expiry_date", json_string(text));
    }
    put_string(obj, "status", ipl_record_status(rec));
    put_string(obj, "title", ipl_record_title(rec, "en"));
    put_texts(obj, "applicants", rec, IPL_LIST_APPLICANTS);
    put_texts(obj, "owners", rec, IPL_LIST_OWNERS);
    put_texts(obj, "inventors", rec, IPL_LIST_INVENTORS);
    put_texts(obj, "ipc", rec, IPL_LIST_IPC);
    put_texts(obj, "cpc", rec, IPL_LIST_CPC);
    put_locarno(obj, rec);
    put_nice(obj, rec);
    put_count(obj, "claims_count", ipl_record_claims_count(rec));
    put_count(obj, "independent_claims_count",
              ipl_record_independent_claims_count(rec));
    put_count(obj, "citations_count", ipl_record_count(rec, IPL_LIST_CITATIONS));
    put_priorities(obj, rec);
    return obj;
}

static void
report(FILE *errs, const ipl_error *err)
{
    char text[IPL_ERROR_MESSAGE_MAX + IPL_ERROR_WHERE_MAX + 32];

    ipl_error_format(text, sizeof text, err);
    fprintf(errs, "ipledge parse: %s\n", text);
}

/* Reads one file; returns CLI_OK or CLI_FAILED (a document skipped, the
 * file unreadable, or output failed). */
static int
parse_file(const char *path, FILE *out, FILE *errs)
{
    ipl_reader *rd;
    ipl_record *rec;
    ipl_parse_stats stats;
    ipl_error err;
    size_t index = 0;
    int rc, status = CLI_OK;

    if (ipl_parse_reader_new_file(&rd, path, NULL, &err) < 0) {
        report(errs, &err);
        return CLI_FAILED;
    }
    while ((rc = ipl_parse_reader_next(&rec, rd, &err)) != 0) {
        json_t *obj;
        if (rc < 0) {
            report(errs, &err);
            status = CLI_FAILED;
            continue;
        }
        obj = record_json(rec, path, index++);
        ipl_record_free(rec);
        if (json_dumpf(obj, out, JSON_COMPACT | JSON_ENSURE_ASCII) < 0 ||
            fputc('\n', out) == EOF)
            status = CLI_FAILED;
        json_decref(obj);
    }
    if (ipl_parse_reader_stats(&stats, rd) == IPL_OK && stats.skipped > 0)
        fprintf(errs, "ipledge parse: %s: %zu documents, %zu records, "
                "%zu skipped\n", path, stats.documents, stats.records,
                stats.skipped);
    ipl_parse_reader_free(rd);
    return status;
}

int
cli_parse(int argc, char **argv, FILE *out, FILE *errs)
{
    int i, status = CLI_OK;

    if (argc < 2) {
        fputs("usage: ipledge parse FILE...\n", errs);
        return CLI_USAGE;
    }
    for (i = 1; i < argc; i++)
        if (parse_file(argv[i], out, errs) != CLI_OK)
            status = CLI_FAILED;
    return status;
}
