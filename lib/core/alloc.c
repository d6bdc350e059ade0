/* The process-wide allocator (include/ipledge/sys/alloc.h) and the
 * library's allocation functions (alloc_internal.h). This is the only
 * file in lib/ that may call malloc(), realloc() and free(). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ipledge/error.h"
#include "ipledge/sys/alloc.h"
#include "alloc_internal.h"
#include "init_internal.h"

static void *
ipl__system_malloc(size_t size, void *ud)
{
    (void)ud;
    return malloc(size);
}

static void *
ipl__system_realloc(void *ptr, size_t size, void *ud)
{
    (void)ud;
    return realloc(ptr, size);
}

static void
ipl__system_free(void *ptr, void *ud)
{
    (void)ud;
    free(ptr);
}

static const ipl_allocator ipl__system_allocator = {
    ipl__system_malloc, ipl__system_realloc, ipl__system_free, NULL
};

/* Written only by ipl_alloc_set(), which the host calls before any other
 * ipledge function runs; read-only afterwards, so threads need no lock. */
static ipl_allocator ipl__allocator = {
    ipl__system_malloc, ipl__system_realloc, ipl__system_free, NULL
};

int
ipl_alloc_set(const ipl_allocator *alloc)
{
    if (ipl__library_in_use())
        return IPL_EINVAL;
    if (alloc == NULL) {
        ipl__allocator = ipl__system_allocator;
        return IPL_OK;
    }
    if (alloc->malloc == NULL || alloc->realloc == NULL || alloc->free == NULL)
        return IPL_EINVAL;
    ipl__allocator = *alloc;
    return IPL_OK;
}

void *
ipl__malloc(size_t size)
{
    return ipl__allocator.malloc(size != 0 ? size : 1, ipl__allocator.ud);
}

void *
ipl__calloc(size_t n, size_t size)
{
    void *p;

    if (size != 0 && n > SIZE_MAX / size)
        return NULL;
    p = ipl__malloc(n * size);
    if (p != NULL)
        memset(p, 0, n * size);
    return p;
}

void *
ipl__realloc(void *ptr, size_t size)
{
    if (ptr == NULL)
        return ipl__malloc(size);
    return ipl__allocator.realloc(ptr, size != 0 ? size : 1, ipl__allocator.ud);
}

void
ipl__free(void *ptr)
{
    if (ptr != NULL)
        ipl__allocator.free(ptr, ipl__allocator.ud);
}

char *
ipl__strndup(const char *s, size_t n)
{
    size_t len = 0;
    char *copy;

    while (len < n && s[len] != '\0')
        len++;
    copy = ipl__malloc(len + 1);
    if (copy != NULL) {
        memcpy(copy, s, len);
        copy[len] = '\0';
    }
    return copy;
}

char *
ipl__strdup(const char *s)
{
    return ipl__strndup(s, SIZE_MAX);
}
