/* The cost approach (DOMAIN.md §1.3): replacement cost by components,
 * the multiplier method or a price index; 成新率; obsolescence; and the
 * minimum licence fee. */
#include <math.h>

#include "alloc_internal.h"
#include "value_internal.h"

/* Fields that must be finite and ≥ 0, with their names. */
#define NONNEG(F) { offsetof(ipl_value_cost, F), #F }
static const struct { size_t off; const char *name; } nonneg[] = {
    NONNEG(labour), NONNEG(materials), NONNEG(overhead), NONNEG(fees),
    NONNEG(financing), NONNEG(profit), NONNEG(beta1),
    NONNEG(historical_cost), NONNEG(used_years), NONNEG(remaining_years),
    NONNEG(functional_amount), NONNEG(economic_amount), NONNEG(opportunity_cost)
};

static double
field(const ipl_value_cost *in, size_t off)
{
    return *(const double *)(const void *)((const char *)in + off);
}

static int
check_fraction(double x, double hi, const char *where, ipl_error *err)
{
    if (isnan(x) || isinf(x))
        return ipl__fail(err, IPL_EINVAL, where, "must be a finite number");
    if (x < 0 || x > hi)
        return ipl__fail(err, IPL_ERANGE, where, "must be in [0, %g], got %g", hi, x);
    return IPL_OK;
}

int
ipl__cost_check(const ipl_value_cost *in, ipl_error *err)
{
    size_t i;
    int rc;

    if (in->version != IPL_VALUE_COST_VERSION)
        return ipl__fail(err, IPL_EVERSION, "version", "unknown version %u", in->version);
    if ((unsigned)in->basis > IPL_VALUE_COST_INDEXED)
        return ipl__fail(err, IPL_EINVAL, "basis", "unknown basis %d", (int)in->basis);
    for (i = 0; i < sizeof nonneg / sizeof nonneg[0]; i++) {
        double x = field(in, nonneg[i].off);

        if (isnan(x) || isinf(x))
            return ipl__fail(err, IPL_EINVAL, nonneg[i].name, "must be a finite number");
        if (x < 0)
            return ipl__fail(err, IPL_ERANGE, nonneg[i].name,
                             "must not be negative, got %g", x);
    }
    if ((rc = check_fraction(in->beta2, 0.99, "beta2", err)) < 0 ||
        (rc = check_fraction(in->newness, 1, "newness", err)) < 0 ||
        (rc = check_fraction(in->functional_rate, 1, "functional_rate", err)) < 0 ||
        (rc = check_fraction(in->economic_rate, 1, "economic_rate", err)) < 0 ||
        (rc = check_fraction(in->transfer_share, 1, "transfer_share", err)) < 0)
        return rc;
    if (isnan(in->profit_rate) || isinf(in->profit_rate) || in->profit_rate <= -1)
        return ipl__fail(err, IPL_ERANGE, "profit_rate", "must be above -100 %%");
    if (in->basis == IPL_VALUE_COST_INDEXED &&
        (!(in->index_then > 0) || !(in->index_now > 0) || isinf(in->index_then) ||
         isinf(in->index_now)))
        return ipl__fail(err, IPL_ERANGE, in->index_then > 0 ? "index_now" : "index_then",
                         "price indices must be positive and finite");
    return IPL_OK;
}

static double
replacement_cost(const ipl_value_cost *in)
{
    switch (in->basis) {
    case IPL_VALUE_COST_MULTIPLIER:
        return (in->materials + in->overhead + in->fees + in->financing
                + in->beta1 * in->labour) / (1 - in->beta2) * (1 + in->profit_rate);
    case IPL_VALUE_COST_INDEXED:
        return in->historical_cost * in->index_now / in->index_then;
    default:
        return in->labour + in->materials + in->overhead + in->fees + in->financing
               + in->profit;
    }
}

static double
newness(const ipl_value_cost *in)
{
    double life = in->used_years + in->remaining_years;

    if (in->newness > 0)
        return in->newness;
    return life > 0 ? in->remaining_years / life : 1;
}

static double
obsolescence(const ipl_value_cost *in, double rc_, double *functional, double *economic)
{
    *functional = in->functional_amount + in->functional_rate * rc_;
    *economic = in->economic_amount + in->economic_rate * rc_;
    return *functional + *economic;
}

double
ipl__cost_total(const ipl_value_cost *in, double cost_scale)
{
    double rc_ = replacement_cost(in) * cost_scale, f, e;

    return rc_ * newness(in) - obsolescence(in, rc_, &f, &e);
}

static const char *const basis_names[] = {
    "components", "components", "multiplier (C + b1 V) / (1 - b2) x (1 + L)",
    "historical cost x index now / index then"
};

static int
build(ipl_value *v, const ipl_value_cost *in)
{
    double rc_ = replacement_cost(in), nw = newness(in), functional, economic;
    double net = rc_ * nw, fee = net * in->transfer_share + in->opportunity_cost;
    int rc;

    v->cost = *in;
    v->total = net - obsolescence(in, rc_, &functional, &economic);
    if ((rc = ipl__value_figure(v, "replacement_cost", rc_)) < 0 ||
        (rc = ipl__value_figure(v, "newness", nw)) < 0 ||
        (rc = ipl__value_figure(v, "net_replacement_cost", net)) < 0 ||
        (rc = ipl__value_figure(v, "functional_obsolescence", functional)) < 0 ||
        (rc = ipl__value_figure(v, "economic_obsolescence", economic)) < 0 ||
        (in->transfer_share > 0 &&
         (rc = ipl__value_figure(v, "minimum_fee", fee)) < 0) ||
        (rc = ipl__value_figure(v, "value", v->total)) < 0)
        return rc;
    if ((rc = ipl__text_add(&v->trace, "method: cost approach; replacement cost by %s "
                            "= %.4f\n", basis_names[in->basis], rc_)) < 0 ||
        (rc = ipl__text_add(&v->trace, "newness (remaining / (used + remaining) or "
                            "given) = %.6f; net replacement cost = %.4f\n", nw, net)) < 0 ||
        (rc = ipl__text_add(&v->trace, "less functional obsolescence %.4f and economic "
                            "obsolescence %.4f\nvalue: %.4f\n", functional, economic,
                            v->total)) < 0 ||
        (in->transfer_share > 0 &&
         (rc = ipl__text_add(&v->trace, "minimum licence fee: %.4f x %.4f + "
                             "opportunity cost %.4f = %.4f\n", net, in->transfer_share,
                             in->opportunity_cost, fee)) < 0))
        return rc;
    return IPL_OK;
}

int
ipl_value_cost_new(ipl_value **out, const ipl_value_cost *in, ipl_error *err)
{
    ipl_value *v;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, in);
    if ((rc = ipl__cost_check(in, err)) < 0)
        return rc;
    if ((v = ipl__value_alloc(IPL_VALUE_COST)) == NULL)
        return ipl__fail(err, IPL_ENOMEM, "value", "out of memory");
    if ((rc = build(v, in)) < 0) {
        ipl_value_free(v);
        return ipl__fail(err, rc, "value", "out of memory");
    }
    *out = v;
    return IPL_OK;
}
