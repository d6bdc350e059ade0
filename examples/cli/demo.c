/* `ipledge demo`: the core of the library on fixed figures. Every line
 * is computed here, through the public API; tests/check_demo.sh holds
 * the expected output, worked out by hand. */
#include <stdio.h>

#include <ipledge.h>

#include "cli.h"

static int
failed(FILE *errs, const char *what, const ipl_error *err)
{
    char label[80];

    snprintf(label, sizeof label, "demo: %s", what);
    return cli_fail(errs, label, err);
}

/* "CNY 1,234.56" into buf (IPL_MONEY_FORMAT_MAX bytes). */
static const char *
show(char *buf, const ipl_money *m)
{
    if (ipl_money_format(buf, IPL_MONEY_FORMAT_MAX, m,
                         IPL_MONEY_FORMAT_GROUP | IPL_MONEY_FORMAT_CODE,
                         NULL) < 0)
        return "(unprintable)";
    return buf;
}

static int
demo_money(FILE *out, FILE *errs)
{
    static const int64_t thirds[] = { 1, 1, 1 };
    static const int64_t shares_4321[] = { 40, 30, 20, 10 };
    static const char *const parties[] = {
        "guarantor", "re-guarantor", "bank", "government"
    };
    char a[IPL_MONEY_FORMAT_MAX], b[IPL_MONEY_FORMAT_MAX];
    char c[IPL_MONEY_FORMAT_MAX], d[IPL_MONEY_FORMAT_MAX];
    ipl_money amount, hundred, parts[4], loss;
    ipl_error err;
    size_t i;

    fputs("Money: integer minor units, rounding named at every step\n", out);
    if (ipl_money_parse(&amount, "1,234,567.895", "CNY", IPL_ROUND_HALF_EVEN,
                        &err) < 0)
        return failed(errs, "parse", &err);
    fprintf(out, "  \"1,234,567.895\" read half-even   %s\n", show(a, &amount));
    if (ipl_money_parse(&amount, "1,234,567.895", "CNY", IPL_ROUND_NEVER,
                        &err) == IPL_OK)
        return failed(errs, "parse without rounding", &err);
    fprintf(out, "  the same with rounding refused   %s\n",
            ipl_status_name(err.code));

    if (ipl_money_from_minor(&hundred, 10000, "CNY", &err) < 0 ||
        ipl_money_split(parts, &hundred, thirds, 3, &err) < 0)
        return failed(errs, "split", &err);
    fprintf(out, "  %s split three ways      %s + %s + %s\n", show(a, &hundred),
            show(b, &parts[0]), show(c, &parts[1]), show(d, &parts[2]));

    if (ipl_money_parse(&loss, "1,000,000", "CNY", IPL_ROUND_NEVER, &err) < 0 ||
        ipl_money_split(parts, &loss, shares_4321, 4, &err) < 0)
        return failed(errs, "4321 split", &err);
    fprintf(out, "  a loss of %s shared 40/30/20/10:\n", show(a, &loss));
    for (i = 0; i < 4; i++)
        fprintf(out, "    %-14s %s\n", parties[i], show(a, &parts[i]));
    return CLI_OK;
}

static int
demo_interest(FILE *out, FILE *errs)
{
    static const ipl_daycount conventions[] = {
        IPL_DC_ACT_360, IPL_DC_ACT_365F, IPL_DC_30_360, IPL_DC_ACT_ACT_ISDA
    };
    char a[IPL_MONEY_FORMAT_MAX], b[IPL_MONEY_FORMAT_MAX];
    ipl_date start, end;
    ipl_money principal, annual, interest;
    ipl_error err;
    size_t i;

    if (ipl_date_parse(&start, "2024-01-01", &err) < 0 ||
        ipl_date_parse(&end, "20240701", &err) < 0)
        return failed(errs, "dates", &err);
    if (ipl_money_parse(&principal, "1,000,000.00", "CNY", IPL_ROUND_NEVER,
                        &err) < 0 ||
        ipl_money_mul_rate(&annual, &principal, 0.0435, IPL_ROUND_NEVER,
                           &err) < 0)
        return failed(errs, "annual interest", &err);
    fprintf(out, "\nInterest on %s at 4.35 %% a year (%s a year),\n"
            "2024-01-01 to 2024-07-01, rounded half-up:\n",
            show(a, &principal), show(b, &annual));
    for (i = 0; i < sizeof conventions / sizeof conventions[0]; i++) {
        int64_t num, den;

        if (ipl_daycount_fraction(&num, &den, conventions[i], start, end,
                                  &err) < 0 ||
            ipl_money_mul_ratio(&interest, &annual, num, den,
                                IPL_ROUND_HALF_UP, &err) < 0)
            return failed(errs, ipl_daycount_name(conventions[i]), &err);
        fprintf(out, "  %-13s %6lld / %-6lld  %s\n",
                ipl_daycount_name(conventions[i]), (long long)num,
                (long long)den, show(a, &interest));
    }
    return CLI_OK;
}

static int
demo_dates(FILE *out, FILE *errs)
{
    static const struct {
        const char *from;
        int months;
        ipl_month_rule rule;
        const char *label;
    } steps[] = {
        { "2024-01-31", 1, IPL_MONTH_CLAMP, "+ 1 month, day clamped" },
        { "2024-02-29", 1, IPL_MONTH_CLAMP, "+ 1 month, day clamped" },
        { "2024-02-29", 1, IPL_MONTH_END_STICKY, "+ 1 month, month end kept" },
        { "2024-02-29", 12, IPL_MONTH_CLAMP, "+ 12 months, day clamped" },
    };
    char text[IPL_DATE_STRING_SIZE];
    ipl_date from, to, filed;
    ipl_error err;
    size_t i;

    fputs("\nDates\n", out);
    for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        if (ipl_date_parse(&from, steps[i].from, &err) < 0 ||
            ipl_date_add_months(&to, from, steps[i].months, steps[i].rule,
                                &err) < 0 ||
            ipl_date_format(text, sizeof text, to, &err) < 0)
            return failed(errs, steps[i].from, &err);
        fprintf(out, "  %s %-26s %s\n", steps[i].from, steps[i].label, text);
    }
    /* A date as the USPTO's trademark service writes it, with a time-zone
     * offset, and 20 years on: an invention patent's term from filing. */
    if (ipl_date_parse(&filed, "1995-02-07-05:00", &err) < 0 ||
        ipl_date_add_years(&to, filed, 20, IPL_MONTH_CLAMP, &err) < 0 ||
        ipl_date_format(text, sizeof text, to, &err) < 0)
        return failed(errs, "term", &err);
    fprintf(out, "  %-37s %s\n", "\"1995-02-07-05:00\" + 20 years", text);
    return CLI_OK;
}

int
cli_demo(int argc, char **argv, FILE *out, FILE *errs)
{
    int rc;

    if (argc > 1) {
        fprintf(errs, "ipledge demo: unexpected argument '%s'\n", argv[1]);
        return CLI_USAGE;
    }
    fprintf(out, "ipledge %s\n\n", ipl_version_string());
    if ((rc = demo_money(out, errs)) != CLI_OK ||
        (rc = demo_interest(out, errs)) != CLI_OK ||
        (rc = demo_dates(out, errs)) != CLI_OK)
        return rc;
    return CLI_OK;
}
