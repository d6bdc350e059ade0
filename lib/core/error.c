/* Status codes and the caller-owned error record (include/ipledge/error.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ipledge/error.h"
#include "error_internal.h"

/* One row per status code: the C name and the description. */
static const struct {
    int code;
    const char *name;
    const char *text;
} ipl__statuses[] = {
    { IPL_OK,          "IPL_OK",          "success" },
    { IPL_ERROR,       "IPL_ERROR",       "unexpected failure" },
    { IPL_ENOMEM,      "IPL_ENOMEM",      "out of memory" },
    { IPL_EINVAL,      "IPL_EINVAL",      "invalid argument" },
    { IPL_ERANGE,      "IPL_ERANGE",      "value out of range" },
    { IPL_EOVERFLOW,   "IPL_EOVERFLOW",   "amount overflows 64-bit minor units" },
    { IPL_EINEXACT,    "IPL_EINEXACT",    "rounding needed but not allowed" },
    { IPL_ENOCONVERGE, "IPL_ENOCONVERGE", "numeric method did not converge" },
    { IPL_EPARSE,      "IPL_EPARSE",      "malformed input" },
    { IPL_EVERSION,    "IPL_EVERSION",    "unknown options version" },
};

#define IPL__NSTATUS (sizeof ipl__statuses / sizeof ipl__statuses[0])

const char *
ipl_status_str(int status)
{
    size_t i;

    for (i = 0; i < IPL__NSTATUS; i++)
        if (ipl__statuses[i].code == status)
            return ipl__statuses[i].text;
    return "unknown status";
}

const char *
ipl_status_name(int status)
{
    size_t i;

    for (i = 0; i < IPL__NSTATUS; i++)
        if (ipl__statuses[i].code == status)
            return ipl__statuses[i].name;
    return "IPL_UNKNOWN";
}

size_t
ipl_error_message_max(void)
{
    return IPL_ERROR_MESSAGE_MAX;
}

size_t
ipl_error_where_max(void)
{
    return IPL_ERROR_WHERE_MAX;
}

void
ipl_error_clear(ipl_error *err)
{
    if (err != NULL)
        memset(err, 0, sizeof *err);
}

int
ipl_error_format(char *buf, size_t size, const ipl_error *err)
{
    char pos[32] = "";
    const char *sep;
    int n;

    if (buf == NULL || err == NULL || size == 0)
        return IPL_EINVAL;
    if (err->line > 0 && err->column > 0)
        snprintf(pos, sizeof pos, ":%d:%d", err->line, err->column);
    else if (err->line > 0)
        snprintf(pos, sizeof pos, ":%d", err->line);
    else if (err->column > 0)
        snprintf(pos, sizeof pos, ":%d", err->column);
    sep = (err->where[0] != '\0' || pos[0] != '\0') ? ": " : "";
    n = snprintf(buf, size, "%s%s%s%s", err->where, pos, sep, err->message);
    return n < 0 ? IPL_ERROR : n;
}

static int
ipl__vfail(ipl_error *err, int code, const char *where, int line, int column,
           const char *fmt, va_list ap)
{
    if (err == NULL)
        return code;
    err->code = code;
    err->line = line;
    err->column = column;
    snprintf(err->where, sizeof err->where, "%s", where != NULL ? where : "");
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    return code;
}

int
ipl__fail(ipl_error *err, int code, const char *where, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    code = ipl__vfail(err, code, where, 0, 0, fmt, ap);
    va_end(ap);
    return code;
}

int
ipl__fail_at(ipl_error *err, int code, const char *where, int line,
             int column, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    code = ipl__vfail(err, code, where, line, column, fmt, ap);
    va_end(ap);
    return code;
}
