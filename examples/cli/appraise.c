/* `ipledge appraise [--format=text|xml|json|html] [--records=DIR]
 * CASE.xml`: a case document (include/ipledge/case.h) run through the
 * whole chain — office record, valuation, pledge decision, loan
 * schedule, subsidies and, when the case has a default, the risk
 * compensation — written as one report. Public API only. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "appraise.h"
#include "cli.h"

#define CMD "appraise"

static int
usage(FILE *errs)
{
    fputs("usage: ipledge appraise [--format=text|xml|json|html] [--records=DIR]...\n"
          "                        CASE.xml\n"
          "  --records=DIR  also look for the record files a case names under DIR\n"
          "                 (repeat; IPLEDGE_RECORDS holds more, colon-separated)\n"
          "exit status: 0 done, 3 not eligible under the policy, 65 bad input,\n"
          "             1 internal failure\n", errs);
    return CLI_USAGE;
}

void
appraise_note(appraisal *a, const char *fmt, ...)
{
    va_list ap;

    if (a->nnotes == APPRAISE_MAX_NOTES)
        return;
    va_start(ap, fmt);
    vsnprintf(a->notes[a->nnotes++], APPRAISE_NOTE_MAX, fmt, ap);
    va_end(ap);
}

/* Bad input (65) or an internal failure (1), by the library's code. */
static int
failed(FILE *errs, const char *where, const ipl_error *err)
{
    char text[IPL_ERROR_MESSAGE_MAX + IPL_ERROR_WHERE_MAX + 32];

    ipl_error_format(text, sizeof text, err);
    fprintf(errs, "ipledge " CMD ": %s%s%s\n", where, where[0] ? ": " : "", text);
    return err->code == IPL_ENOMEM || err->code == IPL_ERROR ? CLI_FAILED
                                                             : CLI_DATAERR;
}

/* Progress on stderr, only for a person watching a terminal. */
static void
progress(FILE *errs, const char *stage, size_t i, size_t n)
{
    if (!isatty(fileno(errs)))
        return;
    fprintf(errs, "\ripledge " CMD ": %-12s %zu/%zu", stage, i + 1, n);
    if (i + 1 == n)
        fputs("\r\033[K", errs);
    fflush(errs);
}

static int
exists(const char *path)
{
    return access(path, R_OK) == 0;
}

/* The record file: beside the case, else under a --records directory,
 * else under a directory of IPLEDGE_RECORDS. "" when nowhere. */
static void
find_record(char *out, size_t size, const appraisal *a, const char *record,
            char **dirs, size_t ndirs)
{
    const char *env = getenv("IPLEDGE_RECORDS");
    size_t i;

    if (ipl_case_path(out, size, a->c, record, NULL) == IPL_OK && exists(out))
        return;
    for (i = 0; i < ndirs; i++) {
        snprintf(out, size, "%s/%s", dirs[i], record);
        if (exists(out))
            return;
    }
    while (env != NULL && *env != '\0') {
        const char *end = strchr(env, ':');
        int len = end != NULL ? (int)(end - env) : (int)strlen(env);

        snprintf(out, size, "%.*s/%s", len, env, record);
        if (len > 0 && exists(out))
            return;
        env = end != NULL ? end + 1 : NULL;
    }
    out[0] = '\0';
}

/* The record's facts replace the appraiser's where the record has them. */
static int
read_record(appraised_right *r, appraisal *a, FILE *errs)
{
    ipl_reader *rd = NULL;
    ipl_error err;
    ipl_date d;
    int rc;

    if ((rc = ipl_parse_reader_new_file(&rd, r->record_path, NULL, &err)) < 0 ||
        (rc = ipl_parse_reader_next(&r->record, rd, &err)) < 0) {
        ipl_parse_reader_free(rd);
        return failed(errs, r->record_path, &err);
    }
    ipl_parse_reader_free(rd);
    if (rc == 0) {
        fprintf(errs, "ipledge " CMD ": %s: no record in the file\n", r->record_path);
        return CLI_DATAERR;
    }
    if (ipl_record_right_type(r->record) != r->in->type) {
        fprintf(errs, "ipledge " CMD ": %s:%d: right %s: the record is a %s, the case "
                "says %s\n", ipl_case_label(a->c), r->in->line, r->in->number,
                ipl_right_type_name(ipl_record_right_type(r->record)),
                ipl_right_type_name(r->in->type));
        return CLI_DATAERR;
    }
    if (ipl_record_expiry(&d, r->record, &err) == IPL_OK)
        r->expiry = d;
    if (ipl_record_date(&d, r->record, IPL_DATE_GRANT) == 1 ||
        ipl_record_date(&d, r->record, IPL_DATE_REGISTRATION) == 1)
        r->registered = d;
    return CLI_OK;
}

/* The valuation document's rights, valued (and simulated) as one. */
static int
value_right_of(appraised_right *r, appraisal *a, FILE *errs)
{
    const char *currency = ipl_case_currency(a->c);
    ipl_error err;
    size_t k;

    if (ipl_assumptions_load_file(&r->doc, r->valuation_path, &err) < 0) {
        value_complain(errs, CMD, r->valuation_path, &err);
        return CLI_DATAERR;
    }
    if (strcmp(ipl_assumptions_currency(r->doc), currency) != 0) {
        fprintf(errs, "ipledge " CMD ": %s: valued in %s, the case is in %s\n",
                r->valuation_path, ipl_assumptions_currency(r->doc), currency);
        return CLI_DATAERR;
    }
    if ((r->values = calloc(ipl_assumptions_count(r->doc), sizeof *r->values)) == NULL) {
        fputs("ipledge " CMD ": out of memory\n", errs);
        return CLI_FAILED;
    }
    for (k = 0; k < ipl_assumptions_count(r->doc); k++) {
        if (ipl_assumptions_value(&r->values[k], r->doc, k, &err) < 0)
            return failed(errs, r->valuation_path, &err);
        r->total += ipl_value_total(r->values[k]);
    }
    if (ipl_assumptions_has_montecarlo(r->doc) &&
        ipl_assumptions_simulate(&r->mc, r->doc, &err) < 0)
        return failed(errs, r->valuation_path, &err);
    if (ipl_money_from_double(&r->value, r->total, currency, IPL_ROUND_HALF_EVEN, &err) < 0)
        return failed(errs, r->valuation_path, &err);
    if (r->mc != NULL) {
        if (ipl_money_from_double(&r->low, ipl_montecarlo_quantile(r->mc, 0.05), currency,
                                  IPL_ROUND_HALF_EVEN, &err) < 0)
            return failed(errs, r->valuation_path, &err);
        r->cv = ipl_montecarlo_mean(r->mc) > 0
                ? ipl_montecarlo_sd(r->mc) / ipl_montecarlo_mean(r->mc) : 0;
    }
    return CLI_OK;
}

static int
appraise_rights(appraisal *a, char **dirs, size_t ndirs, FILE *errs)
{
    size_t k;
    int rc;

    a->nrights = ipl_case_right_count(a->c);
    if ((a->rights = calloc(a->nrights, sizeof *a->rights)) == NULL) {
        fputs("ipledge " CMD ": out of memory\n", errs);
        return CLI_FAILED;
    }
    for (k = 0; k < a->nrights; k++) {
        appraised_right *r = &a->rights[k];
        ipl_error err;

        progress(errs, "valuing", k, a->nrights);
        r->in = ipl_case_right_get(a->c, k);
        r->type = r->in->type;
        r->status = r->in->status;
        r->registered = r->in->registered;
        r->expiry = r->in->expiry;
        if (r->in->record != NULL) {
            find_record(r->record_path, sizeof r->record_path, a, r->in->record, dirs,
                        ndirs);
            if (r->record_path[0] == '\0')
                appraise_note(a, "right %s: record %s not found beside the case, under "
                              "--records or IPLEDGE_RECORDS; the facts are the "
                              "appraiser's", r->in->number, r->in->record);
            else if ((rc = read_record(r, a, errs)) != CLI_OK)
                return rc;
        }
        if (ipl_case_path(r->valuation_path, sizeof r->valuation_path, a->c,
                          r->in->valuation, &err) < 0)
            return failed(errs, ipl_case_label(a->c), &err);
        if ((rc = value_right_of(r, a, errs)) != CLI_OK)
            return rc;
    }
    return CLI_OK;
}

static int
load_policy(appraisal *a, FILE *errs)
{
    int is_file = 0;
    const char *name = ipl_case_policy(a->c, &is_file);
    ipl_error err;

    if (is_file) {
        if (ipl_case_path(a->policy_path, sizeof a->policy_path, a->c, name, &err) < 0 ||
            ipl_policy_load_file(&a->policy, a->policy_path, &err) < 0)
            return failed(errs, "", &err);
    } else if (ipl_policy_preset(&a->policy, name, &err) < 0) {
        return failed(errs, ipl_case_label(a->c), &err);
    }
    if (strcmp(ipl_policy_currency(a->policy), ipl_case_currency(a->c)) != 0) {
        fprintf(errs, "ipledge " CMD ": %s: policy %s is in %s, the case in %s\n",
                ipl_case_label(a->c), ipl_policy_name(a->policy),
                ipl_policy_currency(a->policy), ipl_case_currency(a->c));
        return CLI_DATAERR;
    }
    return CLI_OK;
}

static int
decide(appraisal *a, FILE *errs)
{
    const ipl_case_loan *loan = ipl_case_loan_get(a->c);
    ipl_pledge_request req = IPL_PLEDGE_REQUEST_INIT;
    ipl_pledge_right *rights;
    const char *industry = NULL;
    ipl_error err;
    size_t k;
    int rc;

    if ((rights = calloc(a->nrights, sizeof *rights)) == NULL) {
        fputs("ipledge " CMD ": out of memory\n", errs);
        return CLI_FAILED;
    }
    ipl_case_borrower(a->c, &req.firm_age_years, &industry);
    req.start = loan->start;
    req.tenor_months = loan->months;
    req.requested = loan->amount;
    for (k = 0; k < a->nrights; k++) {
        const appraised_right *r = &a->rights[k];

        ipl_pledge_right_init(&rights[k], IPL_PLEDGE_RIGHT_VERSION);
        rights[k].id = r->in->number;
        rights[k].type = r->type;
        rights[k].status = r->status;
        rights[k].value = r->value;
        rights[k].value_low = r->low;
        rights[k].value_cv = r->cv;
        rights[k].expiry = r->expiry;
        rights[k].registered = r->registered;
        rights[k].flags = r->in->flags;
        rights[k].industry = industry;
        rights[k].dependence = r->in->dependence;
    }
    rc = ipl_pledge_new(&a->pledge, ipl_policy_pledge_rules(a->policy), &req, rights,
                        a->nrights, &err);
    free(rights);
    if (rc < 0)
        return failed(errs, ipl_case_label(a->c), &err);
    a->eligible = ipl_pledge_eligible(a->pledge) &&
                  ipl_pledge_max_loan(a->pledge)->minor > 0;
    return CLI_OK;
}

/* The loan lent: what was asked for, cut to the largest the pledge allows. */
static int
schedule(appraisal *a, FILE *errs)
{
    const ipl_case_loan *loan = ipl_case_loan_get(a->c);
    const ipl_money *max = ipl_pledge_max_loan(a->pledge);
    unsigned per_year[] = { 12, 12, 4, 2, 1 };
    ipl_error err;

    ipl_loan_terms_init(&a->terms, IPL_LOAN_TERMS_VERSION);
    a->terms.principal = loan->amount.minor <= max->minor ? loan->amount : *max;
    a->terms.start = loan->start;
    a->terms.frequency = loan->frequency;
    a->terms.periods = loan->months * per_year[loan->frequency] / 12;
    a->terms.method = loan->method;
    a->terms.rate = loan->rate;
    a->terms.daycount = loan->daycount;
    a->terms.rounding = IPL_ROUND_HALF_UP;
    if (a->terms.periods == 0 || loan->months * per_year[loan->frequency] % 12 != 0) {
        fprintf(errs, "ipledge " CMD ": %s: loan: %u months is not a whole number of "
                "periods\n", ipl_case_label(a->c), loan->months);
        return CLI_DATAERR;
    }
    if (ipl_loan_schedule_new(&a->loan, &a->terms, &err) < 0)
        return failed(errs, ipl_case_label(a->c), &err);
    return CLI_OK;
}

static int
subsidise(appraisal *a, FILE *errs)
{
    ipl_error err;
    size_t i;

    if (appraise_subsidy_rules(a, &err) < 0)
        return failed(errs, ipl_policy_name(a->policy), &err);
    for (i = 0; i < a->nsubsidies; i++)
        if (ipl_subsidy_schedule_new(&a->subsidies[i].schedule, a->loan,
                                     &a->subsidies[i].rule, &err) < 0)
            return failed(errs, a->subsidies[i].name, &err);
    return CLI_OK;
}

/* Principal unpaid at NPL: the loan less what was repaid by then. */
static ipl_money
outstanding_at(const ipl_loan_schedule *s, ipl_date npl)
{
    ipl_money left = ipl_loan_schedule_row(s, 0)->opening;
    size_t i;

    for (i = 0; i < ipl_loan_schedule_count(s); i++) {
        const ipl_loan_row *row = ipl_loan_schedule_row(s, i);

        if (ipl_date_compare(row->date, npl) <= 0)
            left = row->closing;
    }
    return left;
}

static int
compensate(appraisal *a, FILE *errs)
{
    const ipl_case_default *d = ipl_case_default_get(a->c);
    ipl_compensation_claim claim;
    ipl_error err;

    if (d == NULL)
        return CLI_OK;
    a->has_default = 1;
    if (appraise_regime(a, &err) < 0)
        return failed(errs, ipl_case_label(a->c), &err);
    a->outstanding = outstanding_at(a->loan, d->npl);
    ipl_compensation_claim_init(&claim, IPL_COMPENSATION_CLAIM_VERSION);
    claim.npl_date = d->npl;
    claim.outstanding_principal = a->outstanding;
    claim.outstanding_interest = d->interest;
    claim.ip_share = d->ip_share;
    claim.recoveries = d->recoveries;
    claim.n_recoveries = d->n_recoveries;
    claim.settlement_date = d->settlement;
    if (ipl_compensation_new(&a->compensation, &a->regime, &claim, &err) < 0)
        return failed(errs, ipl_case_label(a->c), &err);
    return CLI_OK;
}

/* Runs every stage; stops at the first failure. */
static int
run_chain(appraisal *a, char **dirs, size_t ndirs, FILE *errs)
{
    int rc;

    if ((rc = load_policy(a, errs)) != CLI_OK ||
        (rc = appraise_rights(a, dirs, ndirs, errs)) != CLI_OK ||
        (rc = decide(a, errs)) != CLI_OK)
        return rc;
    if (!a->eligible)
        return CLI_INELIGIBLE;
    if ((rc = schedule(a, errs)) != CLI_OK || (rc = subsidise(a, errs)) != CLI_OK)
        return rc;
    return compensate(a, errs);
}

static void
appraisal_free(appraisal *a)
{
    size_t k, j;

    for (k = 0; a->rights != NULL && k < a->nrights; k++) {
        appraised_right *r = &a->rights[k];

        for (j = 0; r->values != NULL && j < ipl_assumptions_count(r->doc); j++)
            ipl_value_free(r->values[j]);
        free(r->values);
        ipl_montecarlo_free(r->mc);
        ipl_assumptions_free(r->doc);
        ipl_record_free(r->record);
    }
    free(a->rights);
    for (k = 0; k < a->nsubsidies; k++)
        ipl_subsidy_schedule_free(a->subsidies[k].schedule);
    ipl_compensation_free(a->compensation);
    ipl_loan_schedule_free(a->loan);
    ipl_pledge_free(a->pledge);
    ipl_policy_free(a->policy);
}

static int
write_report(FILE *out, const char *format, const appraisal *a)
{
    return format[0] == 't' ? appraise_write_text(out, a)
           : format[0] == 'x' ? appraise_write_xml(out, a)
           : format[0] == 'j' ? appraise_write_json(out, a)
                              : appraise_write_html(out, a);
}

int
cli_appraise(int argc, char **argv, FILE *out, FILE *errs)
{
    const char *format = "text", *path = NULL;
    char *dirs[16];
    size_t ndirs = 0;
    ipl_case *c = NULL;
    appraisal a;
    ipl_error err;
    int i, rc;

    for (i = 1; i < argc; i++) {
        if (strncmp(argv[i], "--format=", 9) == 0)
            format = argv[i] + 9;
        else if (strncmp(argv[i], "--records=", 10) == 0 && ndirs < 16)
            dirs[ndirs++] = argv[i] + 10;
        else if (argv[i][0] == '-' || path != NULL)
            return usage(errs);
        else
            path = argv[i];
    }
    if (path == NULL || (strcmp(format, "text") != 0 && strcmp(format, "xml") != 0 &&
                         strcmp(format, "json") != 0 && strcmp(format, "html") != 0))
        return usage(errs);
    if (ipl_case_load_file(&c, path, &err) < 0)
        return failed(errs, "", &err);
    memset(&a, 0, sizeof a);
    a.c = c;
    rc = run_chain(&a, dirs, ndirs, errs);
    if ((rc == CLI_OK || rc == CLI_INELIGIBLE) && write_report(out, format, &a) < 0) {
        fprintf(errs, "ipledge " CMD ": cannot write the %s report\n", format);
        rc = CLI_FAILED;
    }
    appraisal_free(&a);
    ipl_case_free(c);
    return rc;
}
