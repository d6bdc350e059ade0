/* Leaf scores of the default indicator tree from an office record
 * (ipl_indicators_from_record() in include/ipledge/indicators.h). */
#include "ipledge/indicators.h"
#include "error_internal.h"

/* The statutory term, in years, that remaining life is measured against;
 * 0 for kinds renewable without end (trademarks). */
static double
ipl__term_years(ipl_right_type type)
{
    switch (type) {
    case IPL_RIGHT_UTILITY_MODEL:
        return 10;
    case IPL_RIGHT_DESIGN:
        return 15;
    case IPL_RIGHT_TRADEMARK:
        return 0;
    default:
        return 20;
    }
}

static double
ipl__up_to_one(double x)
{
    return x < 1 ? x : 1;
}

/* Appends a fact when there is room; returns the new count or −1. */
static int
ipl__add(ipl_indicator_fact *out, size_t cap, size_t n, const char *id,
         double score, const char *basis)
{
    if (n == cap)
        return -1;
    out[n].id = id;
    out[n].score = score;
    out[n].basis = basis;
    return (int)n + 1;
}

static int
ipl__life_fact(ipl_indicator_fact *out, size_t cap, int n, const ipl_record *r,
               ipl_date on)
{
    double term = ipl__term_years(ipl_record_right_type(r));
    int64_t days;

    if (ipl_record_remaining_life(&days, r, on, NULL) < 0)
        return n;           /* the record gives no expiry: the leaf is open */
    if (!(term > 0))
        return ipl__add(out, cap, (size_t)n, "legal.remaining_life",
                        days > 0 ? 1 : 0, "renewable right: 1 while in force");
    return ipl__add(out, cap, (size_t)n, "legal.remaining_life",
                    ipl__up_to_one((double)days / (term * 365.25)),
                    "remaining legal life / statutory term");
}

static int
ipl__scope_fact(ipl_indicator_fact *out, size_t cap, int n, const ipl_record *r)
{
    size_t claims = ipl_record_claims_count(r);
    size_t nice = ipl_record_count(r, IPL_LIST_NICE);

    if (ipl_record_right_type(r) == IPL_RIGHT_TRADEMARK)
        return nice == 0 ? n
               : ipl__add(out, cap, (size_t)n, "legal.scope",
                          ipl__up_to_one((double)nice / 5),
                          "Nice classes / 5");
    if (claims == 0)
        return n;
    return ipl__add(out, cap, (size_t)n, "legal.scope",
                    0.5 * ipl__up_to_one((double)claims / 20) +
                    0.5 * ipl__up_to_one(
                        (double)ipl_record_independent_claims_count(r) / 3),
                    "claims / 20 and independent claims / 3, half each");
}

static int
ipl__ownership_fact(ipl_indicator_fact *out, size_t cap, int n,
                    const ipl_record *r)
{
    size_t owners = ipl_record_count(r, IPL_LIST_OWNERS);

    if (owners == 0)
        owners = ipl_record_count(r, IPL_LIST_APPLICANTS);
    if (owners == 0)
        return n;
    return ipl__add(out, cap, (size_t)n, "legal.ownership",
                    owners == 1 ? 1 : owners == 2 ? 0.75 : 0.5,
                    "one owner 1, two 0.75, more 0.5");
}

int
ipl_indicators_from_record(ipl_indicator_fact *out, size_t cap,
                           const ipl_record *r, ipl_date on, ipl_error *err)
{
    size_t subclasses, family;
    int n = 0;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, r);
    if (!ipl_date_is_valid(on))
        return ipl__fail(err, IPL_EINVAL, "on", "not a calendar date");
    subclasses = ipl_record_count(r, IPL_LIST_IPC_SUBCLASSES);
    family = ipl_record_count(r, IPL_LIST_FAMILY);
    if ((n = ipl__life_fact(out, cap, n, r, on)) < 0 ||
        (n = ipl__scope_fact(out, cap, n, r)) < 0 ||
        (n = ipl__ownership_fact(out, cap, n, r)) < 0 ||
        (subclasses > 0 &&
         (n = ipl__add(out, cap, (size_t)n, "technical.field",
                       ipl__up_to_one((double)subclasses / 4),
                       "distinct IPC subclasses / 4")) < 0) ||
        (family > 0 &&
         (n = ipl__add(out, cap, (size_t)n, "economic.market",
                       ipl__up_to_one((double)family / 10),
                       "family members / 10")) < 0))
        return ipl__fail(err, IPL_ERANGE, "cap",
                         "%zu facts do not fit; IPL_INDICATOR_FACTS_MAX is %d",
                         cap, IPL_INDICATOR_FACTS_MAX);
    return n;
}
