/* Trademark numbers: USPTO serial and registration numbers, EU trade
 * mark numbers. */
#include <stdio.h>
#include <string.h>

#include "ipledge/error.h"
#include "error_internal.h"
#include "ident_internal.h"

int
ipl__ident_us_tm_serial(ipl_ident *id, const char *text, size_t n,
                        ipl_error *err)
{
    ipl__ident_groups m;
    char series[4], high[4], low[4];
    long s;
    int rc;

    if ((rc = ipl__ident_match(&m, IPL__RE_US_TM_SERIAL, text, n, err)) <= 0)
        return rc < 0 ? rc : IPL__IDENT_NO_MATCH;
    ipl__ident_group(series, sizeof series, &m, 1);
    ipl__ident_group(high, sizeof high, &m, 2);
    ipl__ident_group(low, sizeof low, &m, 3);
    /* Series 70-99 are assigned by period and filing route; 60 is the
     * series the USPTO's data gives registrations that predate serial
     * numbers (observed: 60172053 for registration 0172053 of 1923). */
    s = ipl__ident_value(series);
    if (s != 60 && s < 70)
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": series code %s is not a trademark series "
                         "(60, 70-99)", text, series);
    snprintf(id->canonical, sizeof id->canonical, "%s%s%s", series, high, low);
    snprintf(id->alternate, sizeof id->alternate, "%s/%s,%s", series, high,
             low);
    memcpy(id->office, "US", 3);
    memcpy(id->series, series, sizeof series);
    snprintf(id->serial, sizeof id->serial, "%s%s", high, low);
    return IPL_OK;
}

int
ipl__ident_us_tm_registration(ipl_ident *id, const char *text, size_t n,
                              ipl_error *err)
{
    ipl__ident_groups m;
    char number[16];
    long value;
    int rc;

    if ((rc = ipl__ident_match(&m, IPL__RE_US_TM_REG, text, n, err)) <= 0)
        return rc < 0 ? rc : IPL__IDENT_NO_MATCH;
    ipl__ident_group(number, sizeof number, &m, 1);
    value = ipl__ident_value(number);
    if (value == 0)
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": 0000000 stands for \"not registered\"", text);
    if (value > 9999999)
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": registration numbers have at most 7 digits",
                         text);
    snprintf(id->canonical, sizeof id->canonical, "%ld", value);
    snprintf(id->alternate, sizeof id->alternate, "%07ld", value);
    memcpy(id->office, "US", 3);
    memcpy(id->serial, id->canonical, strlen(id->canonical) + 1);
    return IPL_OK;
}

int
ipl__ident_eutm(ipl_ident *id, const char *text, size_t n, ipl_error *err)
{
    ipl__ident_groups m;
    char number[16];
    int rc;

    if ((rc = ipl__ident_match(&m, IPL__RE_EUTM, text, n, err)) <= 0)
        return rc < 0 ? rc : IPL__IDENT_NO_MATCH;
    ipl__ident_group(number, sizeof number, &m, 1);
    if (ipl__ident_value(number) == 0)
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": EU trade mark numbers start at 1", text);
    /* EUIPO writes nine digits with leading zeros (018222197). */
    snprintf(id->canonical, sizeof id->canonical, "%09ld",
             ipl__ident_value(number));
    memcpy(id->serial, id->canonical, sizeof "018222197");
    memcpy(id->office, "EM", 3);
    return IPL_OK;
}
