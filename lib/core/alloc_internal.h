/* The library's own allocation functions, all routed through the
 * allocator installed with ipl_alloc_set(). Every allocation in lib/
 * goes through these; tests/check_banned.sh enforces it. Not installed. */
#ifndef IPL_ALLOC_INTERNAL_H
#define IPL_ALLOC_INTERNAL_H

#include <stddef.h>

/* As malloc(); a request for 0 bytes allocates 1 so that NULL always
 * means failure. */
void *ipl__malloc(size_t size);

/* As calloc(): zeroed memory for n elements of size bytes; NULL when
 * n × size overflows. */
void *ipl__calloc(size_t n, size_t size);

/* As realloc(); NULL ptr allocates; on failure ptr is left intact. */
void *ipl__realloc(void *ptr, size_t size);

/* As free(); NULL does nothing. */
void ipl__free(void *ptr);

/* A NUL-terminated copy of the first n bytes of s (fewer if s ends
 * first); the caller frees it with ipl__free(). */
char *ipl__strndup(const char *s, size_t n);

/* A copy of the NUL-terminated string s. */
char *ipl__strdup(const char *s);

#endif /* IPL_ALLOC_INTERNAL_H */
