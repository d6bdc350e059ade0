/* Option values and amounts for the lending commands. */
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

int
lio_format_of(lio_format *out, const char *text, const char *cmd, FILE *errs)
{
    static const char *const names[] = { "text", "csv", "xml", "json" };
    size_t i;

    for (i = 0; i < 4; i++)
        if (strcmp(text, names[i]) == 0) {
            *out = (lio_format)i;
            return 1;
        }
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

const char *
lio_amount(char *buf, const ipl_money *m, int grouped)
{
    if (ipl_money_format(buf, LIO_AMOUNT_MAX, m, grouped ? IPL_MONEY_FORMAT_GROUP : 0,
                         NULL) < 0)
        return "?";
    return buf;
}

const char *
lio_day(char *buf, ipl_date d)
{
    if (ipl_date_format(buf, IPL_DATE_STRING_SIZE, d, NULL) < 0)
        return "?";
    return buf;
}

void
lio_xml_text(FILE *out, const char *s)
{
    for (; *s != '\0'; s++)
        switch (*s) {
        case '&':  fputs("&amp;", out); break;
        case '<':  fputs("&lt;", out); break;
        case '>':  fputs("&gt;", out); break;
        case '"':  fputs("&quot;", out); break;
        case '\'': fputs("&apos;", out); break;
        default:   /* XML 1.0 has no place for other control characters */
            fputc((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n' ? '?' : *s, out);
            break;
        }
}

int
lio_failed(FILE *errs, const char *cmd, const ipl_error *err)
{
    char text[IPL_ERROR_MESSAGE_MAX + IPL_ERROR_WHERE_MAX + 32];

    ipl_error_format(text, sizeof text, err);
    fprintf(errs, "ipledge %s: %s\n", cmd, text);
    return CLI_FAILED;
}
