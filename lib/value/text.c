/* The trace of a valuation: text grown line by line. */
#include <stdio.h>
#include <string.h>

#include "alloc_internal.h"
#include "value_internal.h"

int
ipl__text_add(ipl__text *t, const char *fmt, ...)
{
    va_list ap;
    int need;

    va_start(ap, fmt);
    need = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (need < 0)
        return IPL_ERROR;
    if (t->len + (size_t)need + 1 > t->cap) {
        /* Doubling keeps appends amortised O(1). */
        size_t cap = t->cap ? t->cap : 256;
        char *grown;

        while (cap < t->len + (size_t)need + 1)
            cap *= 2;
        grown = ipl__realloc(t->buf, cap);
        if (grown == NULL)
            return IPL_ENOMEM;
        t->buf = grown;
        t->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(t->buf + t->len, (size_t)need + 1, fmt, ap);
    va_end(ap);
    t->len += (size_t)need;
    return IPL_OK;
}

void
ipl__text_free(ipl__text *t)
{
    ipl__free(t->buf);
    t->buf = NULL;
    t->len = t->cap = 0;
}

void
ipl__where_prefix(ipl_error *err, const char *prefix)
{
    size_t p, w, cap;

    if (err == NULL)
        return;
    cap = sizeof err->where - 1;
    p = strlen(prefix);
    p = p < cap ? p : cap;
    w = strlen(err->where);
    w = w < cap - p ? w : cap - p;
    memmove(err->where + p, err->where, w);
    memcpy(err->where, prefix, p);
    err->where[p + w] = '\0';
}
