/* Where each field of an assumptions document was written: the valuation
 * modules name a field ("rights[1].discount_rate"), the reader of the
 * document wants its line. */
#include <stdio.h>
#include <string.h>

#include "alloc_internal.h"
#include "error_internal.h"

#include "assumptions_internal.h"

int
ipl__assumptions_note(ipl_assumptions *a, const char *prefix, xmlNodePtr node,
                      ipl_error *err)
{
    ipl__assumptions_line *grown;

    if (node == NULL)
        return IPL_OK;
    if (a->nlines == a->lines_cap) {
        size_t cap = a->lines_cap != 0 ? 2 * a->lines_cap : 32;

        if ((grown = ipl__realloc(a->lines, cap * sizeof *grown)) == NULL)
            return ipl__fail(err, IPL_ENOMEM, a->label, "out of memory");
        a->lines = grown;
        a->lines_cap = cap;
    }
    grown = &a->lines[a->nlines++];
    snprintf(grown->prefix, sizeof grown->prefix, "%s", prefix);
    grown->line = (int)xmlGetLineNo(node);
    return IPL_OK;
}

/* The longest recorded prefix of where wins; of equal ones, the first
 * recorded. */
int
ipl_assumptions_line(const ipl_assumptions *a, const char *where)
{
    size_t i, best = 0, len;
    int line;

    if (a == NULL)
        return 0;
    if (where == NULL)
        where = "";
    line = a->root_line;
    for (i = 0; i < a->nlines; i++) {
        len = strlen(a->lines[i].prefix);
        if (len > best && strncmp(where, a->lines[i].prefix, len) == 0) {
            best = len;
            line = a->lines[i].line;
        }
    }
    return line;
}
