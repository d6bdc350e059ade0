/* Compiling a set of PCRE2 patterns, exposed so the tests can feed it a
 * pattern that does not compile. Not installed. */
#ifndef IPL_IDENT_PATTERN_INTERNAL_H
#define IPL_IDENT_PATTERN_INTERNAL_H

#include <stddef.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* Compiles the n patterns sources[] into codes[]. On success returns
 * IPL_OK; when pattern i fails, frees those compiled so far, writes
 * "pattern i, offset k: <PCRE2's message>" into msg (size bytes) and
 * returns IPL_ERROR. */
int ipl__ident_compile(pcre2_code **codes, const char *const *sources,
                       size_t n, char *msg, size_t size);

#endif /* IPL_IDENT_PATTERN_INTERNAL_H */
