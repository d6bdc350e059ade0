/* The Gnumeric loan vectors (vectors/loan/expected.csv, written by
 * make-expected.sh there), read for check_loan and check_loan_batch,
 * and the terms both suites start from. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loan_vectors.h"

vec_row vec_rows[VEC_MAX_ROWS];
int vec_count;
int vec_case_first[64], vec_cases;
char vec_problem[1200];

void
vec_load(void)
{
    const char *dir = getenv("IPL_VECTORS_DIR");
    char path[1024], line[512];
    FILE *f;

    snprintf(path, sizeof path, "%s/loan/expected.csv",
             dir != NULL && *dir != '\0' ? dir : "vectors");
    if ((f = fopen(path, "r")) == NULL) {
        snprintf(vec_problem, sizeof vec_problem, "cannot open %s: %s", path,
                 strerror(errno));
        return;
    }
    if (fgets(line, sizeof line, f) == NULL
        || strcmp(line, "case,period,principal,rate,nper,per_year,pmt,ipmt,ppmt\n") != 0)
        snprintf(vec_problem, sizeof vec_problem, "%s: unexpected header", path);
    while (vec_problem[0] == '\0' && fgets(line, sizeof line, f) != NULL) {
        vec_row *r = &vec_rows[vec_count];

        if (vec_count == VEC_MAX_ROWS
            || sscanf(line, "%d,%d,%lf,%lf,%d,%d,%lf,%lf,%lf", &r->id, &r->period,
                      &r->principal, &r->rate, &r->nper, &r->per_year, &r->pmt,
                      &r->ipmt, &r->ppmt) != 9) {
            snprintf(vec_problem, sizeof vec_problem, "%s: bad row %d", path,
                     vec_count + 2);
            break;
        }
        if (r->period == 1)
            vec_case_first[vec_cases++] = vec_count;
        vec_count++;
    }
    fclose(f);
}

ipl_loan_frequency
frequency_of(int per_year)
{
    return per_year == 12 ? IPL_LOAN_MONTHLY : per_year == 4 ? IPL_LOAN_QUARTERLY
         : per_year == 2 ? IPL_LOAN_SEMIANNUAL : IPL_LOAN_ANNUAL;
}


ipl_money
cny(int64_t minor)
{
    ipl_money m;

    m.minor = minor;
    memcpy(m.currency, "CNY", 4);
    return m;
}

ipl_date
ymd(int y, int m, int d)
{
    ipl_date r;

    r.year = y;
    r.month = m;
    r.day = d;
    return r;
}

ipl_loan_terms
base_terms(ipl_loan_method method)
{
    ipl_loan_terms t = IPL_LOAN_TERMS_INIT;

    t.principal = cny(100000000);
    t.start = ymd(2024, 1, 15);
    t.periods = 36;
    t.method = method;
    t.rate = 0.0435;
    t.daycount = IPL_DC_30_360;
    return t;
}
