/* bench-parse: ipl_reader against the floors of bare libxml2 parsing.
 *
 * Writes a synthetic USPTO-style weekly file (complete grant documents
 * concatenated, each with its declaration and DOCTYPE) of at least the
 * size asked for under /tmp, then reads the same bytes three ways, each
 * in a child process of its own so that each has its own peak RSS:
 *   (a) a SAX2 push parser per document with empty callbacks,
 *   (b) an xmlReader per document walked node by node (xmlTextReaderRead),
 *   (c) ipl_reader producing full records.
 * Each is run three times, interleaved, and the fastest run counts.
 * Prints MB/s and records/s (per CPU second), the ratios of the speeds
 * (c)/(a) and (c)/(b), and the peak RSS of each.
 * Targets (issue 3): (c)/(a) >= 0.5, (c)/(b) >= 1.0, RSS < 64 MB.
 *
 * usage: bench_parse [MB]   (default 512; the file is removed at exit) */
#define _GNU_SOURCE   /* memmem */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include "ipledge/init.h"
#include "ipledge/parse.h"

#define BLOCK (256 * 1024)

/* ---- the synthetic file ------------------------------------------------ */

static const char *const words[] = {
    "a", "system", "for", "processing", "the", "signal", "wherein", "said",
    "first", "member", "is", "coupled", "to", "second", "housing", "and",
    "controller", "configured", "receive", "data", "from", "sensor", "of"
};

static void
sentence(FILE *f, unsigned *seed, int n)
{
    int i;

    for (i = 0; i < n; i++) {
        *seed = *seed * 1103515245u + 12345u;
        fprintf(f, "%s%s", i ? " " : "", words[(*seed >> 16) % 23]);
    }
}

static void
document(FILE *f, unsigned long i, unsigned *seed)
{
    int c, p;

    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<!DOCTYPE us-patent-grant SYSTEM \"us-patent-grant-v45-2014-04-03.dtd\" [ ]>\n"
            "<us-patent-grant lang=\"EN\" dtd-version=\"v4.5 2014-04-03\" "
            "file=\"US%08lu-20150106.XML\" status=\"PRODUCTION\" id=\"us-patent-grant\" "
            "country=\"US\" date-produced=\"20141220\" date-publ=\"20150106\">\n"
            "<us-bibliographic-data-grant>\n<publication-reference>\n<document-id>\n"
            "<country>US</country>\n<doc-number>%08lu</doc-number>\n<kind>B2</kind>\n"
            "<date>20150106</date>\n</document-id>\n</publication-reference>\n"
            "<application-reference appl-type=\"utility\">\n<document-id>\n"
            "<country>US</country>\n<doc-number>13%06lu</doc-number>\n"
            "<date>20121009</date>\n</document-id>\n</application-reference>\n"
            "<us-application-series-code>13</us-application-series-code>\n"
            "<us-term-of-grant>\n<us-term-extension>129</us-term-extension>\n"
            "</us-term-of-grant>\n<classifications-ipcr>\n<classification-ipcr>\n"
            "<ipc-version-indicator><date>20060101</date></ipc-version-indicator>\n"
            "<classification-level>A</classification-level>\n<section>G</section>\n"
            "<class>06</class>\n<subclass>F</subclass>\n<main-group>15</main-group>\n"
            "<subgroup>16</subgroup>\n<symbol-position>F</symbol-position>\n"
            "<classification-value>I</classification-value>\n</classification-ipcr>\n"
            "</classifications-ipcr>\n<invention-title id=\"d2e53\">",
            8000000 + i, 8000000 + i, i % 1000000);
    sentence(f, seed, 8);
    fputs("</invention-title>\n<us-references-cited>\n", f);
    for (c = 0; c < 12; c++)
        fprintf(f, "<us-citation>\n<patcit num=\"%05d\">\n<document-id>\n"
                "<country>US</country>\n<doc-number>7%06lu</doc-number>\n"
                "<kind>B2</kind>\n<name>Smith et al.</name>\n<date>20101100</date>\n"
                "</document-id>\n</patcit>\n<category>cited by applicant</category>\n"
                "</us-citation>\n", c + 1, (i * 13 + (unsigned long)c) % 1000000);
    fputs("</us-references-cited>\n<number-of-claims>12</number-of-claims>\n"
          "<us-parties>\n<us-applicants>\n<us-applicant sequence=\"001\" "
          "app-type=\"applicant\" designation=\"us-only\">\n<addressbook>\n"
          "<orgname>Example Machines Corporation</orgname>\n<address>\n"
          "<city>Armonk</city>\n<state>NY</state>\n<country>US</country>\n"
          "</address>\n</addressbook>\n</us-applicant>\n</us-applicants>\n"
          "<inventors>\n", f);
    for (c = 0; c < 3; c++)
        fprintf(f, "<inventor sequence=\"%03d\" designation=\"us-only\">\n"
                "<addressbook>\n<last-name>Inventor%d</last-name>\n"
                "<first-name>Anne</first-name>\n<address>\n<city>Rehovot</city>\n"
                "<country>IL</country>\n</address>\n</addressbook>\n</inventor>\n",
                c + 1, c);
    fputs("</inventors>\n</us-parties>\n<assignees>\n<assignee>\n<addressbook>\n"
          "<orgname>Example Machines Corporation</orgname>\n<role>02</role>\n"
          "</addressbook>\n</assignee>\n</assignees>\n"
          "</us-bibliographic-data-grant>\n<abstract id=\"abstract\">\n<p>", f);
    sentence(f, seed, 60);
    fputs("</p>\n</abstract>\n<description id=\"description\">\n", f);
    for (p = 0; p < 12; p++) {
        fprintf(f, "<p id=\"p-%04d\" num=\"%04d\">", p + 1, p + 1);
        sentence(f, seed, 80);
        fputs("</p>\n", f);
    }
    fputs("</description>\n<us-claim-statement>What is claimed is:"
          "</us-claim-statement>\n<claims id=\"claims\">\n", f);
    for (c = 1; c <= 12; c++) {
        fprintf(f, "<claim id=\"CLM-%05d\" num=\"%05d\">\n<claim-text>%d. ", c, c, c);
        if (c % 4 != 1)
            fprintf(f, "The system according to <claim-ref idref=\"CLM-%05d\">"
                    "claim %d</claim-ref> ", c - 1, c - 1);
        sentence(f, seed, 40);
        fputs(".</claim-text>\n</claim>\n", f);
    }
    fputs("</claims>\n</us-patent-grant>\n", f);
}

static unsigned long
write_file(const char *path, double mb)
{
    FILE *f = fopen(path, "wb");
    unsigned long n = 0;
    unsigned seed = 42;

    if (f == NULL) {
        perror(path);
        exit(1);
    }
    while ((double)ftell(f) < mb * 1e6)
        document(f, n++, &seed);
    if (fclose(f) != 0) {
        perror(path);
        exit(1);
    }
    return n;
}

/* ---- documents, as the floors see them ---------------------------------- */

/* Reads the file in blocks and hands out the bytes of one document at a
 * time: a new document starts at "<?xml " at the start of a line. */
typedef struct splitter {
    FILE *f;
    char buf[BLOCK];
    size_t pos, end;
    int eof, doc_over;
} splitter;

static int
splitter_more(splitter *s)
{
    if (s->end - s->pos < 8 && !s->eof) {
        memmove(s->buf, s->buf + s->pos, s->end - s->pos);
        s->end -= s->pos;
        s->pos = 0;
        s->end += fread(s->buf + s->end, 1, BLOCK - s->end, s->f);
        s->eof = feof(s->f);
    }
    return s->pos < s->end;
}

/* Up to len bytes of the current document; 0 at its end. */
static int
splitter_read(void *ctx, char *out, int len)
{
    splitter *s = ctx;
    size_t n, lim, scan;
    const char *base, *hit;

    if (s->doc_over || !splitter_more(s))
        return 0;
    base = s->buf + s->pos;
    lim = s->end - s->pos - (s->eof ? 0 : 7);
    if (lim > (size_t)len)
        lim = (size_t)len;
    scan = s->end - s->pos < lim + 6 ? s->end - s->pos : lim + 6;
    /* the newline ends this document; the "<" starts the next */
    hit = memmem(base, scan, "\n<?xml ", 7);
    n = lim;
    if (hit != NULL && (size_t)(hit + 1 - base) <= lim) {
        n = (size_t)(hit + 1 - base);
        s->doc_over = 1;
    }
    memcpy(out, base, n);
    s->pos += n;
    return (int)n;
}

static int
splitter_next_document(splitter *s)
{
    s->doc_over = 0;
    return splitter_more(s);
}

/* (a) SAX2 with nothing to do: the cost of parsing alone. */
static unsigned long
walk_sax(const char *path)
{
    static splitter s;
    xmlSAXHandler sax;
    char chunk[64 * 1024];
    unsigned long docs = 0;
    int n;

    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    s.f = fopen(path, "rb");
    while (splitter_next_document(&s)) {
        xmlParserCtxtPtr ctx = xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, path);
        xmlCtxtUseOptions(ctx, XML_PARSE_NONET | XML_PARSE_NOERROR |
                          XML_PARSE_NOWARNING);
        while ((n = splitter_read(&s, chunk, sizeof chunk)) > 0)
            xmlParseChunk(ctx, chunk, n, 0);
        xmlParseChunk(ctx, chunk, 0, 1);
        docs += ctx->wellFormed != 0;
        xmlFreeParserCtxt(ctx);
    }
    fclose(s.f);
    return docs;
}

/* (b) an xmlReader per document, every node visited. */
static unsigned long
walk_reader(const char *path)
{
    static splitter s;
    unsigned long docs = 0;

    s.f = fopen(path, "rb");
    while (splitter_next_document(&s)) {
        xmlTextReaderPtr r = xmlReaderForIO(splitter_read, NULL, &s, path, NULL,
                                            XML_PARSE_NONET | XML_PARSE_NOERROR |
                                            XML_PARSE_NOWARNING);
        int rc;
        while ((rc = xmlTextReaderRead(r)) == 1)
            ;
        docs += rc == 0;
        xmlFreeTextReader(r);
    }
    fclose(s.f);
    return docs;
}

/* (c) full records. */
static unsigned long
walk_ipledge(const char *path)
{
    ipl_reader *rd;
    ipl_record *rec;
    ipl_error err;
    unsigned long records = 0, claims = 0;
    int rc;

    if (ipl_init() < 0 ||
        ipl_parse_reader_new_file(&rd, path, NULL, &err) < 0)
        return 0;
    while ((rc = ipl_parse_reader_next(&rec, rd, &err)) != 0)
        if (rc == 1) {
            claims += ipl_record_independent_claims_count(rec);
            records++;
            ipl_record_free(rec);
        }
    ipl_parse_reader_free(rd);
    ipl_shutdown();
    return claims > 0 ? records : 0;
}

/* ---- timing ------------------------------------------------------------- */

typedef struct result {
    double seconds;       /* CPU time of the child, user + system */
    double wall;          /* elapsed time */
    long rss_kb;
    unsigned long count;
} result;

static double
now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Runs fn in a child; the child's peak RSS and CPU time are its own.
 * CPU time, not elapsed time, makes the comparison: the machine may be
 * shared, and the three phases do not run at the same moment. */
static result
measure(unsigned long (*fn)(const char *), const char *path)
{
    int pipefd[2], status;
    struct rusage ru;
    result r;
    pid_t pid;
    double t0;

    if (pipe(pipefd) != 0)
        exit(1);
    t0 = now();
    if ((pid = fork()) == 0) {
        unsigned long n = fn(path);
        if (write(pipefd[1], &n, sizeof n) != (ssize_t)sizeof n)
            _exit(1);
        _exit(0);
    }
    close(pipefd[1]);
    if (read(pipefd[0], &r.count, sizeof r.count) != (ssize_t)sizeof r.count)
        r.count = 0;
    close(pipefd[0]);
    wait4(pid, &status, 0, &ru);
    r.wall = now() - t0;
    r.seconds = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
                (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
    r.rss_kb = ru.ru_maxrss;
    return r;
}

static void
report(const char *what, const result *r, double size)
{
    printf("  %-36s %7.2f %7.2f %9.1f %10.0f %8.1f\n", what, r->seconds,
           r->wall, size / r->seconds, r->count / r->seconds, r->rss_kb / 1024.0);
}

int
main(int argc, char **argv)
{
    double mb = argc > 1 ? atof(argv[1]) : 512;
    char path[64];
    unsigned long docs;
    double size;
    result a, b, c;
    FILE *f;
    int i;

    snprintf(path, sizeof path, "/tmp/ipledge-bench-parse-%ld.xml",
             (long)getpid());
    printf("bench-parse: writing %s (>= %.0f MB) ...\n", path, mb);
    fflush(stdout);
    docs = write_file(path, mb);
    f = fopen(path, "rb");
    fseek(f, 0, SEEK_END);
    size = (double)ftell(f) / 1e6;
    fclose(f);
    printf("  %lu grant documents, %.1f MB\n\n", docs, size);

    /* each phase three times, interleaved; the fastest run of each
     * counts, so that a burst of load elsewhere does not decide */
    for (i = 0; i < 3; i++) {
        result ra = measure(walk_sax, path), rb = measure(walk_reader, path);
        result rc = measure(walk_ipledge, path);
        if (i == 0 || ra.seconds < a.seconds)
            a = ra;
        if (i == 0 || rb.seconds < b.seconds)
            b = rb;
        if (i == 0 || rc.seconds < c.seconds)
            c = rc;
    }
    if (getenv("IPL_BENCH_KEEP") == NULL)
        unlink(path);

    printf("  %-36s %7s %7s %9s %10s %8s\n", "", "CPU s", "wall s",
           "MB/s", "docs/s", "RSS MB");
    report("(a) libxml2 SAX2, empty callbacks", &a, size);
    report("(b) libxml2 xmlReader, every node", &b, size);
    report("(c) ipl_reader, full records", &c, size);
    printf("\n  documents parsed: (a) %lu, (b) %lu, (c) %lu records of %lu\n",
           a.count, b.count, c.count, docs);
    printf("  (c)/(a) = %.2f (target >= 0.5)   (c)/(b) = %.2f (target >= 1.0)   "
           "peak RSS of (c) %.1f MB (target < 64)\n",
           a.seconds / c.seconds, b.seconds / c.seconds, c.rss_kb / 1024.0);
    return c.count == docs ? 0 : 1;
}
