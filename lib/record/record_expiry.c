/* Statutory expiry and remaining legal life (include/ipledge/record.h).
 * The terms are the statutes' own: 35 U.S.C. 154(a)(2) and 173 (US),
 * Art. 63 EPC, Art. 42 of the Chinese Patent Law (2020 revision, in
 * force 2021-06-01), Art. 67 of the Japanese Patent Act, 15 U.S.C. 1058
 * and Art. 52 EUTMR for trademarks. */
#include <string.h>

#include "ipledge/record.h"
#include "error_internal.h"
#include "record_internal.h"

static int
is_office(const ipl_record *r, const char *office)
{
    return strcmp(r->office, office) == 0;
}

/* Years of term from a start date the record must have. */
static int
term(ipl_date *out, const ipl_record *r, ipl_record_date_kind from,
     const char *name, int years, ipl_error *err)
{
    ipl_date start;

    if (!ipl_record_date(&start, r, from))
        return ipl__fail(err, IPL_EINVAL, name,
                         "the record has no %s, which the term runs from",
                         name + strlen("record."));
    return ipl_date_add_years(out, start, years, IPL_MONTH_CLAMP, err);
}

/* US designs: 15 years from grant for applications filed on or after
 * 2015-05-13 (the Hague Agreement implementation), 14 years before. */
static int
us_design(ipl_date *out, const ipl_record *r, ipl_error *err)
{
    static const ipl_date hague = { 2015, 5, 13 };
    ipl_date filed;

    if (!ipl_record_date(&filed, r, IPL_DATE_FILING))
        return ipl__fail(err, IPL_EINVAL, "record.filing_date",
                         "the record has no filing_date, which decides "
                         "between 14 and 15 years");
    return term(out, r, IPL_DATE_GRANT, "record.grant_date",
                ipl_date_compare(filed, hague) >= 0 ? 15 : 14, err);
}

/* US utility and plant patents: 20 years from filing, extended by the
 * published patent term adjustment. */
static int
us_utility(ipl_date *out, const ipl_record *r, ipl_error *err)
{
    ipl_date end;
    int64_t pta = 0;
    int rc;

    if ((rc = term(&end, r, IPL_DATE_FILING, "record.filing_date", 20,
                   err)) < 0)
        return rc;
    (void)ipl_record_term_extension(&pta, r);
    return ipl_date_add_days(out, end, pta, err);
}

/* CN designs: 15 years for filings from 2021-06-01, 10 before. */
static int
cn_design(ipl_date *out, const ipl_record *r, ipl_error *err)
{
    static const ipl_date revision = { 2021, 6, 1 };
    ipl_date filed;

    if (!ipl_record_date(&filed, r, IPL_DATE_FILING))
        return ipl__fail(err, IPL_EINVAL, "record.filing_date",
                         "the record has no filing_date, which the term "
                         "runs from");
    return ipl_date_add_years(out, filed,
                              ipl_date_compare(filed, revision) >= 0 ? 15 : 10,
                              IPL_MONTH_CLAMP, err);
}

static int
statutory(ipl_date *out, const ipl_record *r, ipl_error *err)
{
    int patent = r->right == IPL_RIGHT_INVENTION;
    const char *right;

    if (r->right == IPL_RIGHT_TRADEMARK)
        return term(out, r, IPL_DATE_REGISTRATION, "record.registration_date",
                    10, err);
    if (is_office(r, "US") && (patent || r->right == IPL_RIGHT_PLANT))
        return us_utility(out, r, err);
    if (is_office(r, "US") && r->right == IPL_RIGHT_DESIGN)
        return us_design(out, r, err);
    if (is_office(r, "CN") && r->right == IPL_RIGHT_DESIGN)
        return cn_design(out, r, err);
    if (is_office(r, "CN") && r->right == IPL_RIGHT_UTILITY_MODEL)
        return term(out, r, IPL_DATE_FILING, "record.filing_date", 10, err);
    if ((is_office(r, "CN") || is_office(r, "EP") || is_office(r, "JP")) &&
        patent)
        return term(out, r, IPL_DATE_FILING, "record.filing_date", 20, err);
    right = ipl_right_type_name(r->right);
    return ipl__fail(err, IPL_ERANGE, "record",
                     "no statutory term known for office %s, right %s",
                     r->office[0] ? r->office : "(unknown)",
                     right ? right : "(unknown)");
}

int
ipl_record_expiry(ipl_date *out, const ipl_record *r, ipl_error *err)
{
    ipl_date d;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, r);
    if (!ipl_record_date(&d, r, IPL_DATE_EXPIRY) &&
        (rc = statutory(&d, r, err)) < 0)
        return rc;
    *out = d;
    return IPL_OK;
}

int
ipl_record_remaining_life(int64_t *days, const ipl_record *r, ipl_date on,
                          ipl_error *err)
{
    ipl_date end;
    int64_t left;
    int rc;

    IPL__CHECK_ARG(err, days);
    if (!ipl_date_is_valid(on))
        return ipl__fail(err, IPL_EINVAL, "on", "%04d-%02d-%02d is no date",
                         on.year, on.month, on.day);
    if ((rc = ipl_record_expiry(&end, r, err)) < 0 ||
        (rc = ipl_date_days_between(&left, on, end, err)) < 0)
        return rc;
    *days = left > 0 ? left : 0;
    return IPL_OK;
}
