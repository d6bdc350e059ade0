/* The reader's byte source and the cutting of bulk files into
 * documents. USPTO weekly files are complete XML documents written one
 * after the other, each starting with "<?xml" at the start of a line;
 * every document gets a parser of its own and sees only its bytes. */
#include <stdint.h>
#include <string.h>

#include "ipledge/error.h"
#include "reader_internal.h"

/* Moves what is left to the front of the buffer and reads more. */
static int
refill(ipl_reader *rd)
{
    size_t left = rd->end - rd->pos;
    long got;

    if (rd->eof || rd->owned == NULL)
        return IPL_OK;
    memmove(rd->owned, rd->owned + rd->pos, left);
    rd->pos = 0;
    rd->end = left;
    while (rd->end < IPL__SOURCE_BUFFER && !rd->eof) {
        size_t room = IPL__SOURCE_BUFFER - rd->end;
        if (rd->file != NULL) {
            got = (long)fread(rd->owned + rd->end, 1, room, rd->file);
            if (got == 0 && ferror(rd->file))
                got = -1;
        } else {
            got = rd->read(rd->read_ctx, rd->owned + rd->end, room);
        }
        if (got < 0) {
            rd->read_failed = 1;
            rd->eof = 1;
            return IPL_EINVAL;
        }
        if (got == 0)
            rd->eof = 1;
        rd->end += (size_t)got;
    }
    return IPL_OK;
}

size_t
ipl__source_peek(ipl_reader *rd, size_t want)
{
    if (rd->end - rd->pos < want)
        (void)refill(rd);           /* a read error shows when parsing */
    return rd->end - rd->pos < want ? rd->end - rd->pos : want;
}

int
ipl__source_more(ipl_reader *rd)
{
    if (rd->end - rd->pos < 8 && refill(rd) < 0)
        return IPL_EINVAL;
    return rd->pos < rd->end;
}

/* How many bytes from pos belong to the current document, at most lim:
 * up to the "<" of the next document's "<?xml" when it is in sight. */
static size_t
document_bytes(ipl_reader *rd, size_t lim)
{
    const char *d = rd->data;
    size_t from = rd->pos + 1, stop = rd->pos + lim;

    while (from < stop) {
        const char *q = memchr(d + from, '?', stop - from);
        size_t i, lt;
        char before;
        if (q == NULL)
            break;
        i = (size_t)(q - d);
        lt = i - 1;
        if (i + 4 >= rd->end)          /* "xml " not in sight yet */
            return rd->eof || lt == rd->pos ? lim : lt - rd->pos;
        before = lt > rd->pos ? d[lt - 1] : rd->prev;
        /* "<?xml-stylesheet" is a processing instruction, not a start */
        if (d[lt] == '<' && memcmp(q + 1, "xml", 3) == 0 &&
            (q[4] == ' ' || q[4] == '\t' || q[4] == '\r' || q[4] == '\n') &&
            before == '\n' && (lt > rd->pos || rd->doc_delivered > 0))
            return lt - rd->pos;
        from = i + 1;
    }
    return lim;
}

#define IPL__ONES  UINT64_C(0x0101010101010101)
#define IPL__LOWS  UINT64_C(0x7f7f7f7f7f7f7f7f)

/* The number of line feeds in n bytes. Lines of markup are short, so
 * they are counted 8 bytes at a time rather than found one by one: a
 * byte of w ^ "\n\n..." is zero exactly where w has a line feed. */
static long
count_lines(const char *p, size_t n)
{
    size_t i = 0;
    long lines = 0;
    uint64_t w, zero;

    for (; i + 8 <= n; i += 8) {
        memcpy(&w, p + i, 8);
        w ^= IPL__ONES * '\n';
        zero = ~(((w & IPL__LOWS) + IPL__LOWS) | w | IPL__LOWS);
        /* one top bit per zero byte: their sum lands in the top byte */
        lines += (long)(((zero >> 7) * IPL__ONES) >> 56);
    }
    for (; i < n; i++)
        lines += p[i] == '\n';
    return lines;
}

static void
deliver(ipl_reader *rd, char *buf, size_t n)
{
    const char *p = rd->data + rd->pos;

    if (buf != NULL)
        memcpy(buf, p, n);
    rd->lines += count_lines(p, n);
    rd->prev = rd->data[rd->pos + n - 1];
    rd->pos += n;
    rd->consumed += n;
    rd->doc_delivered += n;
}

static int
read_document(ipl_reader *rd, char *buf, size_t len)
{
    size_t n, avail;
    int more;

    if (rd->doc_ended)
        return 0;
    if ((more = ipl__source_more(rd)) < 0)
        return -1;
    avail = rd->end - rd->pos;
    if (more == 0 || len == 0) {
        rd->doc_ended = more == 0;
        return 0;
    }
    n = document_bytes(rd, avail < len ? avail : len);
    if (n == 0) {
        rd->doc_ended = 1;
        return 0;
    }
    deliver(rd, buf, n);
    return (int)n;
}

int
ipl__source_read(void *ctx, char *buf, int len)
{
    return read_document(ctx, buf, len > 0 ? (size_t)len : 0);
}

void
ipl__source_skip_document(ipl_reader *rd)
{
    while (read_document(rd, NULL, IPL__SOURCE_BUFFER) > 0)
        ;
    rd->doc_ended = 1;
}
