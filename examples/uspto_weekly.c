/* A bulk reader of a weekly USPTO grant file (ipgYYMMDD.xml: thousands
 * of concatenated documents): streams the records one at a time in
 * constant memory, prints one line per grant and the counts at the end.
 * A broken document is reported and skipped; the others are still read.
 * Public API only. Usage: uspto_weekly [FILE.xml]; without a file it
 * reads standard input, so a weekly zip streams through a pipe:
 * `unzip -p ipg240102.zip | uspto_weekly`. */
#include <stdio.h>

#include <ipledge.h>

static void
print_record(const ipl_record *r)
{
    char filed[IPL_DATE_STRING_SIZE] = "-";
    const char *title = ipl_record_title(r, NULL);
    ipl_date d;

    if (ipl_record_date(&d, r, IPL_DATE_FILING) == 1)
        ipl_date_format(filed, sizeof filed, d, NULL);
    printf("%-12s %-10s %s  %.60s\n", ipl_record_number(r, IPL_NUMBER_PUBLICATION),
           ipl_right_type_name(ipl_record_right_type(r)), filed, title ? title : "");
}

/* Standard input, for ipl_parse_reader_new_callback(). */
static long
read_stdin(void *ctx, char *buf, size_t size)
{
    size_t n = fread(buf, 1, size, ctx);

    return ferror((FILE *)ctx) ? -1 : (long)n;
}

int
main(int argc, char **argv)
{
    ipl_reader *rd = NULL;
    ipl_record *r;
    ipl_parse_stats st;
    const char *name = argc > 1 ? argv[1] : "<stdin>";
    ipl_error err;
    int rc;

    if (argc > 2) {
        fputs("usage: uspto_weekly [FILE.xml]\n", stderr);
        return 64;
    }
    if (ipl_init() < 0)
        return 1;
    rc = argc > 1 ? ipl_parse_reader_new_file(&rd, argv[1], NULL, &err)
                  : ipl_parse_reader_new_callback(&rd, read_stdin, stdin, name, NULL, &err);
    if (rc < 0) {
        fprintf(stderr, "uspto_weekly: %s: %s\n", name, err.message);
        ipl_shutdown();
        return 1;
    }
    while ((rc = ipl_parse_reader_next(&r, rd, &err)) != 0) {
        if (rc < 0) {
            if (rc == IPL_ENOMEM)
                break;
            /* a bad document: say where, and go on with the next */
            fprintf(stderr, "uspto_weekly: %s:%d: %s\n", name, err.line, err.message);
            continue;
        }
        print_record(r);
        ipl_record_free(r);
    }
    ipl_parse_reader_stats(&st, rd);
    printf("%zu documents: %zu records, %zu skipped\n", st.documents, st.records,
           st.skipped);
    ipl_parse_reader_free(rd);
    ipl_shutdown();
    return rc == IPL_ENOMEM ? 1 : 0;
}
