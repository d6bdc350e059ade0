/* The valuation result: construction helpers, accessors and release. */
#include <math.h>
#include <string.h>

#include "alloc_internal.h"
#include "value_internal.h"

const char *const ipl__value_shift_names[4] = {
    "discount rate -1 pp", "discount rate +1 pp", "share -10 %", "share +10 %"
};

ipl_value *
ipl__value_alloc(ipl_value_method method)
{
    ipl_value *v = ipl__calloc(1, sizeof *v);

    if (v != NULL)
        v->method = method;
    return v;
}

void *
ipl__value_own(ipl_value *v, size_t size)
{
    void *block;

    if (v->nblocks == v->capblocks) {
        size_t cap = v->capblocks ? 2 * v->capblocks : 8;
        void **grown = ipl__realloc(v->blocks, cap * sizeof *grown);

        if (grown == NULL)
            return NULL;
        v->blocks = grown;
        v->capblocks = cap;
    }
    if ((block = ipl__calloc(1, size ? size : 1)) == NULL)
        return NULL;
    v->blocks[v->nblocks++] = block;
    return block;
}

const char *
ipl__value_keep(ipl_value *v, const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = ipl__value_own(v, n);

    if (copy != NULL)
        memcpy(copy, s, n);
    return copy;
}

int
ipl__value_figure(ipl_value *v, const char *name, double value)
{
    const char *copy;

    if (v->nfigures == v->capfigures) {
        size_t cap = v->capfigures ? 2 * v->capfigures : 8;
        ipl_value_figure *grown = ipl__realloc(v->figures, cap * sizeof *grown);

        if (grown == NULL)
            return IPL_ENOMEM;
        v->figures = grown;
        v->capfigures = cap;
    }
    if ((copy = ipl__value_keep(v, name)) == NULL)
        return IPL_ENOMEM;
    v->figures[v->nfigures].name = copy;
    v->figures[v->nfigures].value = value;
    v->nfigures++;
    return IPL_OK;
}

void
ipl_value_free(ipl_value *v)
{
    size_t i;

    if (v == NULL)
        return;
    for (i = 0; i < v->nblocks; i++)
        ipl__free(v->blocks[i]);
    ipl__free(v->blocks);
    ipl__free(v->rates);
    ipl__free(v->figures);
    ipl__free(v->rows);
    ipl__text_free(&v->trace);
    ipl__free(v);
}

double
ipl_value_total(const ipl_value *v)
{
    return v != NULL ? v->total : NAN;
}

int
ipl_value_to_money(ipl_money *out, const ipl_value *v, const char *currency,
                   ipl_rounding rounding, ipl_error *err)
{
    IPL__CHECK_ARG(err, v);
    return ipl_money_from_double(out, v->total, currency, rounding, err);
}

ipl_value_method
ipl_value_method_of(const ipl_value *v)
{
    return v != NULL ? v->method : IPL_VALUE_METHOD_DEFAULT;
}

size_t
ipl_value_row_count(const ipl_value *v)
{
    return v != NULL ? v->nrows : 0;
}

const ipl_value_row *
ipl_value_row_at(const ipl_value *v, size_t i)
{
    return v != NULL && i < v->nrows ? &v->rows[i] : NULL;
}

double
ipl_value_period(const ipl_value *v)
{
    return v != NULL ? v->period : 0.0;
}

ipl_value_reason
ipl_value_period_reason(const ipl_value *v)
{
    return v != NULL ? v->reason : IPL_VALUE_REASON_NONE;
}

const char *
ipl_value_reason_name(ipl_value_reason r)
{
    static const char *const names[] = {
        "none", "legal", "contract", "economic", "forecast", "perpetual"
    };

    return (unsigned)r < sizeof names / sizeof names[0] ? names[r] : "unknown";
}

double
ipl_value_discount_rate(const ipl_value *v)
{
    return v != NULL ? v->rate : 0.0;
}

size_t
ipl_value_rate_count(const ipl_value *v)
{
    return v != NULL ? v->nrates : 0;
}

const ipl_value_premium *
ipl_value_rate_at(const ipl_value *v, size_t i)
{
    return v != NULL && i < v->nrates ? &v->rates[i] : NULL;
}

double
ipl_value_sensitivity(const ipl_value *v, ipl_value_shift shift)
{
    if (v == NULL || !v->has_sensitivity || (unsigned)shift > IPL_VALUE_SHARE_UP)
        return NAN;
    return v->sensitivity[shift];
}

size_t
ipl_value_figure_count(const ipl_value *v)
{
    return v != NULL ? v->nfigures : 0;
}

const ipl_value_figure *
ipl_value_figure_at(const ipl_value *v, size_t i)
{
    return v != NULL && i < v->nfigures ? &v->figures[i] : NULL;
}

int
ipl_value_figure_get(double *out, const ipl_value *v, const char *name,
                     ipl_error *err)
{
    size_t i;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, v);
    IPL__CHECK_ARG(err, name);
    for (i = 0; i < v->nfigures; i++)
        if (strcmp(v->figures[i].name, name) == 0) {
            *out = v->figures[i].value;
            return IPL_OK;
        }
    return ipl__fail(err, IPL_EINVAL, "name", "no figure named '%s'", name);
}

const char *
ipl_value_trace(const ipl_value *v)
{
    return v != NULL && v->trace.buf != NULL ? v->trace.buf : "";
}

const ipl_value_income *
ipl_value_income_echo(const ipl_value *v)
{
    return v != NULL && v->method < IPL_VALUE_COST ? &v->income : NULL;
}

const ipl_value_cost *
ipl_value_cost_echo(const ipl_value *v)
{
    return v != NULL && v->method == IPL_VALUE_COST ? &v->cost : NULL;
}

const ipl_value_market *
ipl_value_market_echo(const ipl_value *v)
{
    return v != NULL && v->method == IPL_VALUE_MARKET ? &v->market : NULL;
}
