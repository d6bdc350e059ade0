/* The Gnumeric loan vectors shared by the loan suites: Gnumeric's PMT,
 * IPMT and PPMT for every period of a dozen equal-period annuities.
 * The CSV is found under $IPL_VECTORS_DIR, else under ./vectors. Also
 * the terms both loan suites start from. */
#ifndef IPLT_LOAN_VECTORS_H
#define IPLT_LOAN_VECTORS_H

#include "ipledge/loan.h"

#define VEC_MAX_ROWS 512

typedef struct vec_row {
    int id, period, nper, per_year;
    double principal, rate, pmt, ipmt, ppmt;
} vec_row;

extern vec_row vec_rows[VEC_MAX_ROWS];
extern int vec_count;
/* Index in vec_rows of each case's first period, and the case count. */
extern int vec_case_first[64], vec_cases;
/* Why loading failed, or "". */
extern char vec_problem[1200];

/* Loads the CSV into the arrays above; sets vec_problem on failure. */
void vec_load(void);

/* The frequency of a case's payments a year (12, 4, 2 or 1). */
ipl_loan_frequency frequency_of(int per_year);

/* An amount of CNY in fen, and a civil date. */
ipl_money cny(int64_t minor);
ipl_date ymd(int y, int m, int d);
/* Terms every case starts from: CNY 1,000,000.00 lent on 2024-01-15
 * at 4.35 % over 36 months, 30/360, half-even. */
ipl_loan_terms base_terms(ipl_loan_method method);

#endif /* IPLT_LOAN_VECTORS_H */
