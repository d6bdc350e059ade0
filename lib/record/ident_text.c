/* Reading identifier text: folding it to the one form the patterns
 * match, and taking the captured groups apart. */
#include <string.h>

#include "ipledge/error.h"
#include "error_internal.h"
#include "ident_internal.h"

/* The byte length of one accepted non-ASCII sequence at s and the ASCII
 * byte it folds to, or 0 when the sequence is not accepted. Full-width
 * forms U+FF01 .. U+FF5E are EF BC 81 .. EF BD 9E in UTF-8 and map to
 * U+0021 .. U+007E; NO-BREAK SPACE (C2 A0) and IDEOGRAPHIC SPACE
 * (E3 80 80) map to a space. */
static size_t
ipl__ident_fold_wide(const unsigned char *s, char *ascii)
{
    unsigned cp;

    if (s[0] == 0xC2 && s[1] == 0xA0) {
        *ascii = ' ';
        return 2;
    }
    if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) {
        *ascii = ' ';
        return 3;
    }
    if (s[0] != 0xEF || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
        return 0;
    cp = 0xF000u | ((unsigned)(s[1] & 0x3F) << 6) | (unsigned)(s[2] & 0x3F);
    if (cp < 0xFF01 || cp > 0xFF5E)
        return 0;
    *ascii = (char)(cp - 0xFEE0);
    return 3;
}

static char
ipl__ident_upper(char c)
{
    return (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
}

int
ipl__ident_fold(char *out, size_t *n, const char *text, ipl_error *err)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, len = 0, start = 0, step;
    char c;

    while (i <= IPL_IDENT_INPUT_MAX && s[i] != '\0')
        i++;
    if (i > IPL_IDENT_INPUT_MAX)
        return ipl__fail(err, IPL_EINVAL, "text",
                         "longer than %d bytes", IPL_IDENT_INPUT_MAX);
    for (i = 0; s[i] != '\0'; i += step) {
        step = 1;
        c = (char)s[i];
        if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
            c = ' ';
        else if (s[i] >= 0x80)
            step = ipl__ident_fold_wide(s + i, &c);
        if (step == 0 || (unsigned char)c < 0x20 || c == 0x7F)
            return ipl__fail_at(err, IPL_EINVAL, "text", 1, (int)i + 1,
                                "byte 0x%02X at column %d is not allowed "
                                "in an identifier", s[i], (int)i + 1);
        out[len++] = ipl__ident_upper(c);
    }
    while (start < len && out[start] == ' ')
        start++;
    while (len > start && out[len - 1] == ' ')
        len--;
    if (len == start)
        return ipl__fail(err, IPL_EINVAL, "text", "is empty");
    memmove(out, out + start, len - start);
    out[len - start] = '\0';
    *n = len - start;
    return IPL_OK;
}

size_t
ipl__ident_group(char *buf, size_t size, const ipl__ident_groups *m, int g)
{
    size_t i, len = 0;
    char c;

    if (m->set[g])
        for (i = 0; i < m->len[g] && len + 1 < size; i++) {
            c = m->subject[m->start[g] + i];
            if (c != ' ' && c != ',')
                buf[len++] = c;
        }
    buf[len] = '\0';
    return len;
}

long
ipl__ident_value(const char *digits)
{
    long v = 0;

    while (*digits >= '0' && *digits <= '9')
        v = v * 10 + (*digits++ - '0');
    return v;
}

int
ipl__ident_century(int yy, int pivot)
{
    return yy >= pivot ? 1900 + yy : 2000 + yy;
}
