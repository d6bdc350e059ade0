/* An appraisal tool running a whole case: the library reads the case's
 * record and valuation documents, values the rights, decides the pledge
 * under the case's policy, schedules the loan and its subsidies, and
 * writes the report. Usage: appraise_case CASE.xml [text|json|xml|html]
 * [RECORD-DIR...]. Public API only: build with `pkg-config --cflags
 * --libs ipledge`. */
#include <stdio.h>

#include <ipledge.h>

static int
to_stdout(void *ctx, const char *bytes, size_t n)
{
    (void)ctx;
    return fwrite(bytes, 1, n, stdout) == n ? 0 : -1;
}

static void
summary(const ipl_appraisal *a)
{
    char v[IPL_MONEY_FORMAT_MAX], lent[IPL_MONEY_FORMAT_MAX];
    size_t i;

    for (i = 0; i < ipl_appraisal_right_count(a); i++) {
        const ipl_appraisal_right *r = ipl_appraisal_right_get(a, i);

        ipl_money_format(v, sizeof v, &r->value, IPL_MONEY_FORMAT_GROUP, NULL);
        printf("%-18s %s %s\n", r->in->number, v, r->value.currency);
    }
    if (!ipl_appraisal_eligible(a)) {
        printf("not eligible under %s\n", ipl_policy_name(ipl_appraisal_policy(a)));
        return;
    }
    ipl_money_format(lent, sizeof lent, &ipl_appraisal_loan_terms(a)->principal,
                     IPL_MONEY_FORMAT_GROUP, NULL);
    printf("lent %s in %zu payments under %s, %zu subsidies\n", lent,
           ipl_loan_schedule_count(ipl_appraisal_loan(a)),
           ipl_policy_name(ipl_appraisal_policy(a)), ipl_appraisal_subsidy_count(a));
}

int
main(int argc, char **argv)
{
    ipl_appraisal_options opts = IPL_APPRAISAL_OPTIONS_INIT;
    ipl_report_format format = IPL_REPORT_TEXT;
    ipl_appraisal *a = NULL;
    ipl_case *c = NULL;
    ipl_error err;
    int rc;

    if (argc < 2 || (argc > 2 && ipl_report_format_from_name(&format, argv[2], NULL) < 0)) {
        fputs("usage: appraise_case CASE.xml [text|json|xml|html] [RECORD-DIR...]\n", stderr);
        return 64;
    }
    if (argc > 3) {
        opts.record_dirs = (const char *const *)argv + 3;
        opts.n_record_dirs = (size_t)(argc - 3);
    }
    if ((rc = ipl_case_load_file(&c, argv[1], &err)) == IPL_OK &&
        (rc = ipl_appraisal_new(&a, c, &opts, &err)) == IPL_OK) {
        if (argc == 2)
            summary(a);
        else
            rc = ipl_report_appraisal(a, format, to_stdout, NULL, &err);
    }
    if (rc < 0)
        fprintf(stderr, "appraise_case: %s: %s\n", err.where, err.message);
    ipl_appraisal_free(a);
    ipl_case_free(c);
    return rc < 0 ? 1 : 0;
}
