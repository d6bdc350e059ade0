/* `ipledge pledge`: a pledge decision for one right or a bundle under a
 * built-in preset or a policy file, printed as text, JSON, XML or CSV
 * (the library's report, ipl_report_pledge()). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ipledge.h>

#include "cli.h"

#define MAX_RIGHTS 64

/* The command line as given; amounts wait for the policy's currency. */
typedef struct pledge_args {
    const char *policy;
    const char *policy_file;
    ipl_report_format fmt;
    const char *start, *tenor, *requested, *exposure, *firm_age;
    char *rights[MAX_RIGHTS];
    size_t nrights;
} pledge_args;

static const char usage_text[] =
    "usage: ipledge pledge (--policy NAME | --policy-file FILE)\n"
    "                      --start YYYY-MM-DD --tenor MONTHS\n"
    "                      --right KIND:VALUE[,key=value...] [--right ...]\n"
    "                      [--requested AMOUNT] [--exposure AMOUNT]\n"
    "                      [--firm-age YEARS] [--format text|json|xml|csv]\n"
    "right keys: id, status (in-force, pending, lapsed, expired, revoked),\n"
    "  expiry, registered (dates), low (low-quantile value), cv,\n"
    "  dependence, industry, flags (invalidation+litigation+exclusive-licence\n"
    "  +co-owned+not-in-name+fees-overdue+already-pledged)\n";

static const struct {
    const char *name;
    unsigned int flag;
} flag_names[] = {
    { "invalidation", IPL_PLEDGE_INVALIDATION },
    { "litigation", IPL_PLEDGE_LITIGATION },
    { "exclusive-licence", IPL_PLEDGE_EXCLUSIVE },
    { "co-owned", IPL_PLEDGE_CO_OWNED },
    { "not-in-name", IPL_PLEDGE_NOT_IN_NAME },
    { "fees-overdue", IPL_PLEDGE_FEES_OVERDUE },
    { "already-pledged", IPL_PLEDGE_ALREADY_PLEDGED },
};

/* A plain decimal number for the command line ("0.3", "6"). */
static int
parse_number(double *out, const char *text)
{
    char *end;

    *out = strtod(text, &end);
    return end != text && *end == '\0' ? 0 : -1;
}

static int
parse_flags(unsigned int *out, char *text)
{
    char *tok, *save = NULL;
    size_t i;

    for (tok = strtok_r(text, "+", &save); tok != NULL;
         tok = strtok_r(NULL, "+", &save)) {
        for (i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++)
            if (strcmp(tok, flag_names[i].name) == 0)
                break;
        if (i == sizeof flag_names / sizeof flag_names[0])
            return -1;
        *out |= flag_names[i].flag;
    }
    return 0;
}

/* One key=value of a --right; 0, or −1 after a message. */
static int
right_key(ipl_pledge_right *r, const char *key, char *value,
          const char *currency, FILE *errs)
{
    ipl_error err;
    int rc = 0;

    if (strcmp(key, "id") == 0)
        r->id = value;
    else if (strcmp(key, "status") == 0)
        rc = ipl_legal_status_from_name(&r->status, value, &err);
    else if (strcmp(key, "expiry") == 0)
        rc = ipl_date_parse(&r->expiry, value, &err);
    else if (strcmp(key, "registered") == 0)
        rc = ipl_date_parse(&r->registered, value, &err);
    else if (strcmp(key, "low") == 0)
        rc = ipl_money_parse(&r->value_low, value, currency, IPL_ROUND_NEVER,
                             &err);
    else if (strcmp(key, "industry") == 0)
        r->industry = value;
    else if (strcmp(key, "cv") == 0 || strcmp(key, "dependence") == 0) {
        if (parse_number(key[0] == 'c' ? &r->value_cv : &r->dependence,
                         value) < 0)
            return fprintf(errs, "ipledge pledge: %s=%s: not a number\n", key,
                           value), -1;
    } else if (strcmp(key, "flags") == 0) {
        if (parse_flags(&r->flags, value) < 0)
            return fprintf(errs, "ipledge pledge: flags=%s: unknown flag\n",
                           value), -1;
    } else {
        fprintf(errs, "ipledge pledge: unknown right key '%s'\n", key);
        return -1;
    }
    if (rc < 0) {
        cli_fail(errs, "pledge", &err);
        return -1;
    }
    return 0;
}

/* "invention:4000000.00,expiry=2035-08-10,status=in-force" */
static int
parse_right(ipl_pledge_right *r, char *spec, const char *currency, FILE *errs)
{
    char *colon = strchr(spec, ':'), *item, *save = NULL;
    ipl_error err;

    *r = (ipl_pledge_right)IPL_PLEDGE_RIGHT_INIT;
    r->status = IPL_STATUS_IN_FORCE;
    if (colon == NULL) {
        fprintf(errs, "ipledge pledge: --right %s: expected KIND:VALUE\n", spec);
        return -1;
    }
    *colon = '\0';
    item = strtok_r(colon + 1, ",", &save);
    if (ipl_right_type_from_name(&r->type, spec, &err) < 0 || item == NULL ||
        ipl_money_parse(&r->value, item, currency, IPL_ROUND_NEVER, &err) < 0) {
        if (item == NULL)
            ipl_error_clear(&err);
        cli_fail(errs, "pledge: --right", &err);
        return -1;
    }
    while ((item = strtok_r(NULL, ",", &save)) != NULL) {
        char *eq = strchr(item, '=');

        if (eq == NULL) {
            fprintf(errs, "ipledge pledge: --right: '%s' is not key=value\n", item);
            return -1;
        }
        *eq = '\0';
        if (right_key(r, item, eq + 1, currency, errs) < 0)
            return -1;
    }
    return 0;
}

static int
parse_args(pledge_args *a, int argc, char **argv, FILE *errs)
{
    static const struct option opts[] = {
        { "policy", required_argument, NULL, 'p' },
        { "policy-file", required_argument, NULL, 'P' },
        { "start", required_argument, NULL, 's' },
        { "tenor", required_argument, NULL, 't' },
        { "right", required_argument, NULL, 'r' },
        { "requested", required_argument, NULL, 'q' },
        { "exposure", required_argument, NULL, 'e' },
        { "firm-age", required_argument, NULL, 'a' },
        { "format", required_argument, NULL, 'f' },
        { NULL, 0, NULL, 0 }
    };
    int c;

    memset(a, 0, sizeof *a);
    a->fmt = IPL_REPORT_TEXT;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
        switch (c) {
        case 'p': a->policy = optarg; break;
        case 'P': a->policy_file = optarg; break;
        case 's': a->start = optarg; break;
        case 't': a->tenor = optarg; break;
        case 'q': a->requested = optarg; break;
        case 'e': a->exposure = optarg; break;
        case 'a': a->firm_age = optarg; break;
        case 'r':
            if (a->nrights == MAX_RIGHTS) {
                fprintf(errs, "ipledge pledge: at most %d rights\n", MAX_RIGHTS);
                return -1;
            }
            a->rights[a->nrights++] = optarg;
            break;
        case 'f':
            if (ipl_report_format_from_name(&a->fmt, optarg, NULL) < 0 ||
                a->fmt == IPL_REPORT_HTML)
                return -1;
            break;
        default:
            return -1;
        }
    }
    if (optind != argc || (a->policy == NULL) == (a->policy_file == NULL) ||
        a->start == NULL || a->tenor == NULL || a->nrights == 0)
        return -1;
    return 0;
}

/* The request from the command line, in the policy's currency. */
static int
build_request(ipl_pledge_request *q, const pledge_args *a, const char *currency,
              FILE *errs)
{
    ipl_error err;
    double tenor, age = -1;

    *q = (ipl_pledge_request)IPL_PLEDGE_REQUEST_INIT;
    if (parse_number(&tenor, a->tenor) < 0 || tenor < 1 || tenor > 600 ||
        (a->firm_age != NULL && parse_number(&age, a->firm_age) < 0)) {
        fputs("ipledge pledge: --tenor takes 1..600 months, --firm-age a number\n",
              errs);
        return -1;
    }
    q->tenor_months = (unsigned int)tenor;
    q->firm_age_years = age;
    if (ipl_date_parse(&q->start, a->start, &err) < 0 ||
        (a->requested != NULL &&
         ipl_money_parse(&q->requested, a->requested, currency,
                         IPL_ROUND_NEVER, &err) < 0) ||
        (a->exposure != NULL &&
         ipl_money_parse(&q->exposure, a->exposure, currency, IPL_ROUND_NEVER,
                         &err) < 0)) {
        cli_fail(errs, "pledge", &err);
        return -1;
    }
    return 0;
}

static int
load_policy(ipl_policy **p, const pledge_args *a, FILE *errs)
{
    ipl_error err;
    int rc = a->policy != NULL ? ipl_policy_preset(p, a->policy, &err)
                               : ipl_policy_load_file(p, a->policy_file, &err);

    if (rc < 0) {
        cli_fail(errs, "pledge", &err);
        return err.code == IPL_EPARSE ? CLI_DATAERR : CLI_USAGE;
    }
    if (ipl_policy_pledge_rules(*p) == NULL) {
        fprintf(errs, "ipledge pledge: policy '%s' has no pledge rules\n",
                ipl_policy_name(*p));
        ipl_policy_free(*p);
        return CLI_DATAERR;
    }
    return CLI_OK;
}

static int
decide_and_print(const pledge_args *a, const ipl_policy *policy, FILE *out,
                 FILE *errs)
{
    const char *currency = ipl_policy_currency(policy);
    ipl_pledge_right rights[MAX_RIGHTS];
    ipl_pledge_request q;
    ipl_pledge *d;
    ipl_error err;
    size_t i;
    int rc;

    for (i = 0; i < a->nrights; i++)
        if (parse_right(&rights[i], a->rights[i], currency, errs) < 0)
            return CLI_USAGE;
    if (build_request(&q, a, currency, errs) < 0)
        return CLI_USAGE;
    if (ipl_pledge_new(&d, ipl_policy_pledge_rules(policy), &q, rights,
                       a->nrights, &err) < 0)
        return cli_fail(errs, "pledge", &err);
    if (ipl_report_pledge(d, policy, &q, rights, a->nrights, a->fmt, cli_to_stream, out,
                          &err) < 0)
        rc = cli_fail(errs, "pledge", &err);
    else if ((rc = cli_flush(out, errs, "pledge")) == CLI_OK)
        rc = ipl_pledge_eligible(d) ? CLI_OK : CLI_INELIGIBLE;
    ipl_pledge_free(d);
    return rc;
}

int
cli_pledge(int argc, char **argv, FILE *out, FILE *errs)
{
    pledge_args a;
    ipl_policy *policy;
    int rc;

    if (parse_args(&a, argc, argv, errs) < 0) {
        fputs(usage_text, errs);
        return CLI_USAGE;
    }
    if ((rc = load_policy(&policy, &a, errs)) != CLI_OK)
        return rc;
    rc = decide_and_print(&a, policy, out, errs);
    ipl_policy_free(policy);
    return rc;
}
