/* Option values for the lending commands. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lending_io.h"

int
lio_money(ipl_money *out, const char *text, const char *currency, const char *cmd,
          const char *opt, FILE *errs)
{
    ipl_error err;

    if (ipl_money_parse(out, text, currency, IPL_ROUND_NEVER, &err) == IPL_OK)
        return 1;
    fprintf(errs, "ipledge %s: %s: '%s': %s\n", cmd, opt, text, err.message);
    return 0;
}

int
lio_number(double *out, const char *text, const char *cmd, const char *opt, FILE *errs)
{
    char *end;

    errno = 0;
    *out = strtod(text, &end);   /* the program never calls setlocale: '.' */
    if (end != text && *end == '\0' && errno == 0)
        return 1;
    fprintf(errs, "ipledge %s: %s: '%s' is not a number\n", cmd, opt, text);
    return 0;
}

int
lio_count(unsigned *out, const char *text, const char *cmd, const char *opt, FILE *errs)
{
    char *end;
    unsigned long v;

    errno = 0;
    v = strtoul(text, &end, 10);
    if (end != text && *end == '\0' && errno == 0 && text[0] != '-' && v <= 100000) {
        *out = (unsigned)v;
        return 1;
    }
    fprintf(errs, "ipledge %s: %s: '%s' is not a count\n", cmd, opt, text);
    return 0;
}

int
lio_date(ipl_date *out, const char *text, const char *cmd, const char *opt, FILE *errs)
{
    ipl_error err;

    if (ipl_date_parse(out, text, &err) == IPL_OK)
        return 1;
    fprintf(errs, "ipledge %s: %s: '%s': %s\n", cmd, opt, text, err.message);
    return 0;
}

/* A report format the lending results come in: text, csv, xml or json. */
int
lio_format_of(ipl_report_format *out, const char *text, const char *cmd, FILE *errs)
{
    if (ipl_report_format_from_name(out, text, NULL) == IPL_OK && *out != IPL_REPORT_HTML)
        return 1;
    fprintf(errs, "ipledge %s: --format: '%s' is not text, csv, xml or json\n", cmd, text);
    return 0;
}

size_t
lio_fields(char *text, char **fields, size_t n)
{
    size_t k = 0;

    while (k < n) {
        char *colon = strchr(text, ':');

        fields[k++] = text;
        if (colon == NULL)
            break;
        *colon = '\0';
        text = colon + 1;
    }
    return k;
}
