/* The valuation result object and the pieces its builders share. Not
 * installed. */
#ifndef IPL_VALUE_INTERNAL_H
#define IPL_VALUE_INTERNAL_H

#include <stdarg.h>

#include "ipledge/value.h"
#include "error_internal.h"

/* A growing NUL-terminated text: the trace. */
typedef struct ipl__text {
    char  *buf;
    size_t len, cap;
} ipl__text;

/* Appends printf-formatted text; IPL_OK or IPL_ENOMEM (text unchanged). */
int ipl__text_add(ipl__text *t, const char *fmt, ...) IPL__PRINTF(2, 3);
void ipl__text_free(ipl__text *t);

struct ipl_value {
    ipl_value_method method;
    double           total;
    ipl_value_row   *rows;
    size_t           nrows;
    double           period;
    ipl_value_reason reason;
    double           rate;
    ipl_value_premium *rates;
    size_t           nrates;
    double           sensitivity[4];
    int              has_sensitivity;
    ipl_value_figure *figures;
    size_t           nfigures, capfigures;
    ipl__text        trace;
    /* Echoed inputs: exactly one is in use; its arrays and every name
     * above live in the blocks. */
    ipl_value_income income;
    ipl_value_cost   cost;
    ipl_value_market market;
    void           **blocks;
    size_t           nblocks, capblocks;
};

/* Puts prefix before err->where ("cases[7]." + "discount_rate"),
 * truncating to fit; err may be NULL. */
void ipl__where_prefix(ipl_error *err, const char *prefix);

/* A new empty result of a method; NULL when out of memory. */
ipl_value *ipl__value_alloc(ipl_value_method method);

/* size zeroed bytes that live as long as v; NULL when out of memory. */
void *ipl__value_own(ipl_value *v, size_t size);

/* A copy of s that lives as long as v; NULL when out of memory. */
const char *ipl__value_keep(ipl_value *v, const char *s);

/* Records a named figure (the name is copied); IPL_OK or IPL_ENOMEM. */
int ipl__value_figure(ipl_value *v, const char *name, double value);

/* The 0-based shift names used by the trace: "rate -1 pp"… */
extern const char *const ipl__value_shift_names[4];

/* ---- The income engine, shared by the result builder, the batch
 * entry point and Monte Carlo. ---- */

/* What checking an income block settles once: the shape of the
 * periods and the rate. Allocation-free. */
typedef struct ipl__income_plan {
    size_t           rows;        /* number of periods */
    double           period;      /* years */
    ipl_value_reason reason;
    double           first;       /* length of the first period, years */
    double           last;        /* length of the last period, years */
    double           rate;        /* the whole discount rate */
    double           charge;      /* MPEEM: charges per year */
    double           legal, contract, economic, decline_life; /* 0 = none */
} ipl__income_plan;

/* Checks every field of in and works out its plan. Errors name the
 * field as the public API documents. */
int ipl__income_check(ipl__income_plan *plan, const ipl_value_income *in,
                      ipl_error *err);

/* Two doubles as one value: GCC's generic vectors, one SSE2 register
 * on x86-64. Lane by lane the arithmetic is IEEE double arithmetic, as
 * on scalars, so lanes give the bits a scalar loop gives. */
typedef double ipl__pair __attribute__((vector_size(2 * sizeof(double))));

/* The value of a checked block at discount rate `rate` with every base
 * value multiplied by base_scale and every share by share_scale. Fills rows (plan->rows of them) when not
 * NULL, and *terminal with the terminal value's PV when not NULL.
 * Returns IPL_OK, or IPL_ERANGE when the rate leaves its domain
 * (≤ −100 %, or not above the terminal growth). */
int ipl__income_eval(double *value, const ipl_value_income *in,
                     const ipl__income_plan *plan, double rate,
                     double base_scale, double share_scale, ipl_value_row *rows,
                     double *terminal, double *tab, ipl_error *err);

/* Checks cost assumptions; errors name the field. */
int ipl__cost_check(const ipl_value_cost *in, ipl_error *err);

/* The cost approach's value of a checked block, with the replacement
 * cost multiplied by cost_scale. */
double ipl__cost_total(const ipl_value_cost *in, double cost_scale);

/* Rounds x to 4 decimals, as textbook tables do. */
double ipl__round4(double x);

#endif /* IPL_VALUE_INTERNAL_H */
