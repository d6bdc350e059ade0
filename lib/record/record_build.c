/* Building an ipl_record: string storage, list rows, dates. Used by the
 * parse drivers only. */
#include <stdint.h>
#include <string.h>

#include "ipledge/error.h"
#include "alloc_internal.h"
#include "record_internal.h"

/* Strings are packed into blocks of at least this many bytes, so that a
 * record costs a handful of allocations, not one per field. */
#define IPL__BLOCK_MIN 4000

struct ipl__block {
    ipl__block *next;
    size_t used, size;
    char data[];
};

ipl_record *
ipl__record_new(const char *format)
{
    ipl_record *r = ipl__calloc(1, sizeof *r);

    if (r != NULL)
        r->format = format;
    return r;
}

void
ipl_record_free(ipl_record *r)
{
    size_t i;

    if (r == NULL)
        return;
    for (i = 0; i < IPL_LIST_COUNT; i++)
        ipl__free(r->lists[i].rows);
    while (r->blocks != NULL) {
        ipl__block *next = r->blocks->next;
        ipl__free(r->blocks);
        r->blocks = next;
    }
    ipl__free(r);
}

/* n bytes of string space owned by r. */
static char *
record_space(ipl_record *r, size_t n)
{
    ipl__block *b = r->blocks;

    if (b == NULL || b->size - b->used < n) {
        size_t size = n > IPL__BLOCK_MIN ? n : IPL__BLOCK_MIN;
        b = ipl__malloc(sizeof *b + size);
        if (b == NULL)
            return NULL;
        b->size = size;
        b->used = 0;
        b->next = r->blocks;
        r->blocks = b;
    }
    b->used += n;
    return b->data + b->used - n;
}

static int
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* 1 for ' ', '\t', '\n' and '\r', 0 for any other byte, without a
 * branch: bits 9, 10, 13 and 32 of the mask. */
static unsigned
space_bit(unsigned char c)
{
    return (c <= ' ') & (unsigned)((UINT64_C(0x100002600) >> (c & 63)) & 1);
}

#define IPL__ONES  UINT64_C(0x0101010101010101)
#define IPL__HIGHS UINT64_C(0x8080808080808080)

/* Do the 8 bytes of w need no folding: no byte below ' ' (so no tab or
 * line break) and no two spaces side by side? Bytes of UTF-8 sequences
 * (0x80 and up) never look like either. */
static int
word_is_plain(uint64_t w)
{
    uint64_t x = w ^ (IPL__ONES * ' ');
    /* the top bit of every byte that is a space, exactly */
    uint64_t spaces = ~(((x & ~IPL__HIGHS) + ~IPL__HIGHS) | x) & IPL__HIGHS;

    return ((w - IPL__ONES * ' ') & ~w & IPL__HIGHS) == 0 &&
           (spaces & (spaces << 8)) == 0;
}

int
ipl__record_text(const char **out, ipl_record *r, const char *s, size_t n)
{
    char *dst;
    size_t i = 0, len = 0, stop;
    unsigned prev = 0;          /* the byte before was white space */
    uint64_t w;

    while (n > 0 && is_space(s[n - 1]))
        n--;
    while (n > 0 && is_space(*s))
        s++, n--;
    if (n == 0) {
        *out = NULL;
        return IPL_OK;
    }
    if ((dst = record_space(r, n + 1)) == NULL)
        return IPL_ENOMEM;
    while (i < n) {
        /* most text needs no folding: it is copied 8 bytes at a time */
        if (i + 8 <= n && (memcpy(&w, s + i, 8), word_is_plain(w)) &&
            !(prev && s[i] == ' ')) {
            memcpy(dst + len, &w, 8);
            len += 8;
            i += 8;
            prev = s[i - 1] == ' ';
            continue;
        }
        /* elsewhere every byte is stored, white space as ' ', and the
         * position moves on unless white space follows white space */
        for (stop = i + 8 < n ? i + 8 : n; i < stop; i++) {
            unsigned sp = space_bit((unsigned char)s[i]);
            dst[len] = sp ? ' ' : s[i];
            len += !(sp & prev);
            prev = sp;
        }
    }
    dst[len] = '\0';
    *out = dst;
    return IPL_OK;
}

int
ipl__record_add(ipl_record_item **out, ipl_record *r, ipl_record_list list)
{
    ipl__list *l = &r->lists[list];

    if (l->count == l->capacity) {
        size_t cap = l->capacity ? 2 * l->capacity : 4;
        ipl_record_item *rows = ipl__realloc(l->rows, cap * sizeof *rows);
        if (rows == NULL)
            return IPL_ENOMEM;
        l->rows = rows;
        l->capacity = cap;
    }
    *out = &l->rows[l->count++];
    memset(*out, 0, sizeof **out);
    return IPL_OK;
}

void
ipl__record_set_date(ipl_record *r, ipl_record_date_kind kind, ipl_date d)
{
    if (r->have_dates & (1u << kind))
        return;
    r->dates[kind] = d;
    r->have_dates |= 1u << kind;
}

void
ipl__record_copy_date(ipl_record *r, ipl_record_date_kind from,
                      ipl_record_date_kind to)
{
    if (r->have_dates & (1u << from))
        ipl__record_set_date(r, to, r->dates[from]);
}

/* "2006/06/07", as the WIPO ST.36 example's table of contents writes
 * dates, read as "2006-06-07". */
static int
slash_date(ipl_date *out, const char *text)
{
    char iso[11];
    size_t i;

    if (strlen(text) != 10 || text[4] != '/' || text[7] != '/')
        return -1;
    for (i = 0; i < 10; i++)
        iso[i] = text[i] == '/' ? '-' : text[i];
    iso[10] = '\0';
    return ipl_date_parse(out, iso, NULL);
}

int
ipl__record_parse_date(ipl_date *out, const char *text)
{
    /* 0001-01-01 stands for "no date" in EPO legal data, as 00000000
     * does elsewhere; neither is a real filing or grant. */
    if (text == NULL || (ipl_date_parse(out, text, NULL) < 0 &&
                         slash_date(out, text) < 0))
        return 0;
    return !(out->year == 1 && out->month == 1 && out->day == 1);
}
