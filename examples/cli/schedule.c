/* `ipledge schedule`: a loan's repayment schedule from terms given on
 * the command line, as text, CSV, XML or JSON (the library's report,
 * ipl_report_loan()). */
#include <string.h>

#include "cli.h"
#include "lending_io.h"

#define CMD "schedule"
#define MAX_FIXINGS 64
#define MAX_PREPAYMENTS 64
#define MAX_PLAN 1200

static const char usage_text[] =
    "usage: ipledge schedule --principal AMOUNT --rate RATE --periods N\n"
    "           --start DATE --daycount NAME [OPTION...]\n"
    "  --currency CODE        ISO 4217 code of the amounts (CNY)\n"
    "  --method NAME          annuity, equal-principal, bullet or plan (annuity)\n"
    "  --frequency NAME       monthly, quarterly, semi-annual or annual (monthly)\n"
    "  --first-payment DATE   for a short or long first period\n"
    "  --rounding NAME        half-even, half-up or down (half-even)\n"
    "  --month-end            keep payment dates on month ends\n"
    "  --lpr DATE:RATE        an LPR fixing (repeat); --rate is then the spread\n"
    "  --prepay DATE:AMOUNT[:shorten|lower]   a prepayment (repeat)\n"
    "  --plan AMOUNT,AMOUNT,...               principal per period (method plan)\n"
    "  --format NAME          text, csv, xml or json (text)\n";

typedef struct sched_args {
    ipl_loan_terms t;
    ipl_loan_fixing fixings[MAX_FIXINGS];
    ipl_loan_prepayment prepayments[MAX_PREPAYMENTS];
    ipl_money plan[MAX_PLAN];
    const char *currency, *principal;
    char *plan_text;
    char *prepay_text[MAX_PREPAYMENTS];
    ipl_report_format format;
} sched_args;

static const char *
rounding_name(ipl_rounding r)
{
    return r == IPL_ROUND_HALF_UP ? "half-up" : r == IPL_ROUND_DOWN ? "down" : "half-even";
}

static int
parse_rounding(ipl_rounding *out, const char *text, FILE *errs)
{
    static const ipl_rounding modes[] = { IPL_ROUND_HALF_EVEN, IPL_ROUND_HALF_UP,
                                          IPL_ROUND_DOWN };
    size_t i;

    for (i = 0; i < 3; i++)
        if (strcmp(text, rounding_name(modes[i])) == 0) {
            *out = modes[i];
            return 1;
        }
    fprintf(errs, "ipledge " CMD ": --rounding: '%s' is not half-even, half-up or down\n",
            text);
    return 0;
}

static int
parse_fixing(sched_args *a, char *text, FILE *errs)
{
    char *f[2];
    ipl_loan_fixing *fix = &a->fixings[a->t.n_fixings];

    if (a->t.n_fixings == MAX_FIXINGS || lio_fields(text, f, 2) != 2) {
        fprintf(errs, "ipledge " CMD ": --lpr: give DATE:RATE, at most %d times\n",
                MAX_FIXINGS);
        return 0;
    }
    if (!lio_date(&fix->date, f[0], CMD, "--lpr", errs)
        || !lio_number(&fix->lpr, f[1], CMD, "--lpr", errs))
        return 0;
    a->t.n_fixings++;
    return 1;
}

/* Prepayments need the currency, which may come later: kept as text. */
static int
parse_prepayment(sched_args *a, char *text, FILE *errs)
{
    char *f[3];
    ipl_loan_prepayment *p = &a->prepayments[a->t.n_prepayments];
    size_t n = lio_fields(text, f, 3);

    if (a->t.n_prepayments == MAX_PREPAYMENTS || n < 2) {
        fprintf(errs, "ipledge " CMD ": --prepay: give DATE:AMOUNT[:shorten|lower]\n");
        return 0;
    }
    if (!lio_date(&p->date, f[0], CMD, "--prepay", errs))
        return 0;
    p->recalc = n < 3 || strcmp(f[2], "lower") == 0 ? IPL_LOAN_LOWER_INSTALMENT
              : strcmp(f[2], "shorten") == 0 ? IPL_LOAN_SHORTEN_TERM
              : IPL_LOAN_RECALC_DEFAULT;
    if (n == 3 && p->recalc == IPL_LOAN_RECALC_DEFAULT) {
        fprintf(errs, "ipledge " CMD ": --prepay: '%s' is not shorten or lower\n", f[2]);
        return 0;
    }
    a->prepay_text[a->t.n_prepayments++] = f[1];
    return 1;
}

/* The plan's parts, split in place (argv is ours to change). */
static int
parse_plan(sched_args *a, FILE *errs)
{
    char *part, *save = NULL;

    for (part = strtok_r(a->plan_text, ",", &save); part != NULL;
         part = strtok_r(NULL, ",", &save)) {
        if (a->t.n_plan == MAX_PLAN) {
            fprintf(errs, "ipledge " CMD ": --plan: at most %d parts\n", MAX_PLAN);
            return 0;
        }
        if (!lio_money(&a->plan[a->t.n_plan++], part, a->currency, CMD, "--plan", errs))
            return 0;
    }
    a->t.plan = a->plan;
    return 1;
}

/* The outcome of a lookup by name: 1, or 0 after saying why. */
static int
named(int rc, const char *opt, const ipl_error *err, FILE *errs)
{
    if (rc == IPL_OK)
        return 1;
    fprintf(errs, "ipledge " CMD ": %s: %s\n", opt, err->message);
    return 0;
}

/* One option and its value; returns 0 on a malformed value. */
static int
parse_option(sched_args *a, const char *opt, char *v, FILE *errs)
{
    ipl_error err;

    if (strcmp(opt, "--principal") == 0) a->principal = v;
    else if (strcmp(opt, "--currency") == 0) a->currency = v;
    else if (strcmp(opt, "--plan") == 0) a->plan_text = v;
    else if (strcmp(opt, "--rate") == 0) return lio_number(&a->t.rate, v, CMD, opt, errs);
    else if (strcmp(opt, "--periods") == 0) return lio_count(&a->t.periods, v, CMD, opt, errs);
    else if (strcmp(opt, "--start") == 0) return lio_date(&a->t.start, v, CMD, opt, errs);
    else if (strcmp(opt, "--first-payment") == 0)
        return lio_date(&a->t.first_payment, v, CMD, opt, errs);
    else if (strcmp(opt, "--rounding") == 0) return parse_rounding(&a->t.rounding, v, errs);
    else if (strcmp(opt, "--lpr") == 0) return parse_fixing(a, v, errs);
    else if (strcmp(opt, "--prepay") == 0) return parse_prepayment(a, v, errs);
    else if (strcmp(opt, "--format") == 0) return lio_format_of(&a->format, v, CMD, errs);
    else if (strcmp(opt, "--method") == 0)
        return named(ipl_loan_method_from_name(&a->t.method, v, &err), opt, &err, errs);
    else if (strcmp(opt, "--frequency") == 0)
        return named(ipl_loan_frequency_from_name(&a->t.frequency, v, &err), opt, &err, errs);
    else if (strcmp(opt, "--daycount") == 0)
        return named(ipl_daycount_from_name(&a->t.daycount, v, &err), opt, &err, errs);
    else {
        fprintf(errs, "ipledge " CMD ": unknown option '%s'\n", opt);
        return 0;
    }
    return 1;
}

static int
parse(sched_args *a, int argc, char **argv, FILE *errs)
{
    int i;
    size_t k;

    a->currency = "CNY";
    a->t.method = IPL_LOAN_ANNUITY;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--month-end") == 0) {
            a->t.month_rule = IPL_MONTH_END_STICKY;
            continue;
        }
        if (i + 1 == argc) {
            fprintf(errs, "ipledge " CMD ": %s needs a value\n", argv[i]);
            return 0;
        }
        if (!parse_option(a, argv[i], argv[i + 1], errs))
            return 0;
        i++;
    }
    if (a->principal == NULL) {
        fputs("ipledge " CMD ": --principal is required\n", errs);
        return 0;
    }
    if (!lio_money(&a->t.principal, a->principal, a->currency, CMD, "--principal", errs)
        || (a->plan_text != NULL && !parse_plan(a, errs)))
        return 0;
    for (k = 0; k < a->t.n_prepayments; k++)
        if (!lio_money(&a->prepayments[k].amount, a->prepay_text[k], a->currency, CMD,
                       "--prepay", errs))
            return 0;
    a->t.fixings = a->t.n_fixings > 0 ? a->fixings : NULL;
    a->t.prepayments = a->t.n_prepayments > 0 ? a->prepayments : NULL;
    return 1;
}

int
cli_schedule(int argc, char **argv, FILE *out, FILE *errs)
{
    sched_args a;            /* about 20 kB: the plan has room for 1,200 parts */
    ipl_loan_schedule *s = NULL;
    ipl_error err;
    int rc;

    memset(&a, 0, sizeof a);
    a.format = IPL_REPORT_TEXT;
    ipl_loan_terms_init(&a.t, IPL_LOAN_TERMS_VERSION);
    if (argc == 2 && strcmp(argv[1], "--help") == 0) {
        fputs(usage_text, out);
        return CLI_OK;
    }
    if (!parse(&a, argc, argv, errs)) {
        fputs(usage_text, errs);
        return CLI_USAGE;
    }
    if (ipl_loan_schedule_new(&s, &a.t, &err) < 0)
        return cli_fail(errs, CMD, &err);
    if (ipl_report_loan(s, &a.t, a.format, cli_to_stream, out, &err) < 0)
        rc = cli_fail(errs, CMD, &err);
    else
        rc = cli_flush(out, errs, CMD);
    ipl_loan_schedule_free(s);
    return rc;
}
