/* JPO numbers in the forms used since 2000 (four-digit Western year):
 * applications and publications "yyyy-nnnnnn", and the seven-digit
 * registration numbers of granted patents and utility models. The
 * earlier forms with an imperial-era year (H11-123456) are not read. */
#include <stdio.h>
#include <string.h>

#include "ipledge/error.h"
#include "error_internal.h"
#include "ident_internal.h"

/* Reads year and serial (groups 1 and 2) of a "yyyy-nnnnnn" number. */
static int
ipl__jp_year_serial(ipl_ident *id, const ipl__ident_groups *m,
                    const char *text, ipl_error *err)
{
    char year[8], serial[8];

    ipl__ident_group(year, sizeof year, m, 1);
    ipl__ident_group(serial, sizeof serial, m, 2);
    if (ipl__ident_value(year) < 2000 || ipl__ident_value(serial) == 0)
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": year %s, serial %s: four-digit years "
                         "began in 2000, serials at 1", text, year, serial);
    id->year = (int)ipl__ident_value(year);
    memcpy(id->serial, serial, sizeof serial);
    memcpy(id->office, "JP", 3);
    return IPL_OK;
}

int
ipl__ident_jp_application(ipl_ident *id, const char *text, size_t n,
                          ipl_error *err)
{
    ipl__ident_groups m;
    int rc;

    if ((rc = ipl__ident_match(&m, IPL__RE_JP_APP, text, n, err)) <= 0)
        return rc < 0 ? rc : IPL__IDENT_NO_MATCH;
    if ((rc = ipl__jp_year_serial(id, &m, text, err)) < 0)
        return rc;
    snprintf(id->canonical, sizeof id->canonical, "%04d-%s", id->year,
             id->serial);
    snprintf(id->alternate, sizeof id->alternate, "%04d%s", id->year,
             id->serial);
    return IPL_OK;
}

int
ipl__ident_jp_publication(ipl_ident *id, const char *text, size_t n,
                          ipl_error *err)
{
    ipl__ident_groups m;
    int rc;

    if ((rc = ipl__ident_match(&m, IPL__RE_JP_PUB, text, n, err)) <= 0)
        return rc < 0 ? rc : IPL__IDENT_NO_MATCH;
    if ((rc = ipl__ident_take_kind(id, &m, 3, text, err)) < 0 ||
        (rc = ipl__jp_year_serial(id, &m, text, err)) < 0)
        return rc;
    snprintf(id->canonical, sizeof id->canonical, "JP%04d%s", id->year,
             id->serial);
    snprintf(id->alternate, sizeof id->alternate, "%04d-%s", id->year,
             id->serial);
    return IPL_OK;
}

int
ipl__ident_jp_registration(ipl_ident *id, const char *text, size_t n,
                           ipl_error *err)
{
    ipl__ident_groups m;
    char number[16];
    int rc;

    if ((rc = ipl__ident_match(&m, IPL__RE_JP_REG, text, n, err)) <= 0)
        return rc < 0 ? rc : IPL__IDENT_NO_MATCH;
    if ((rc = ipl__ident_take_kind(id, &m, 2, text, err)) < 0)
        return rc;
    ipl__ident_group(number, sizeof number, &m, 1);
    /* Seven digits with no year; registrations counted from 1 (the
     * new-law series start at 2500001 for patents, 3000001 for utility
     * models). */
    if (number[0] == '0')
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": registration numbers have seven digits "
                         "without leading zeros", text);
    snprintf(id->canonical, sizeof id->canonical, "JP%s", number);
    memcpy(id->serial, number, 8);
    memcpy(id->office, "JP", 3);
    return IPL_OK;
}
