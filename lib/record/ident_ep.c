/* EPO application and publication numbers, WIPO international
 * publication numbers and PCT application numbers. */
#include <stdio.h>
#include <string.h>

#include "ipledge/error.h"
#include "error_internal.h"
#include "ident_internal.h"

int
ipl__ident_ep_application(ipl_ident *id, const char *text, size_t n,
                          ipl_error *err)
{
    ipl__ident_groups m;
    char yy[4], serial[8], check[4];
    int rc;

    if ((rc = ipl__ident_match(&m, IPL__RE_EP_APP, text, n, err)) <= 0)
        return rc < 0 ? rc : IPL__IDENT_NO_MATCH;
    ipl__ident_group(yy, sizeof yy, &m, 1);
    ipl__ident_group(serial, sizeof serial, &m, 2);
    ipl__ident_group(check, sizeof check, &m, 3);
    /* The check digit's algorithm is not published: it is kept as
     * given, not verified, and not part of the canonical form. */
    snprintf(id->canonical, sizeof id->canonical, "%s%s", yy, serial);
    if (check[0] != '\0')
        snprintf(id->alternate, sizeof id->alternate, "%s%s.%c", yy, serial,
                 check[0]);
    memcpy(id->office, "EP", 3);
    memcpy(id->serial, serial, sizeof serial);
    id->check = check[0];
    /* The EPO opened in 1978: the first two digits are the year. */
    id->year = ipl__ident_century((int)ipl__ident_value(yy), 78);
    return IPL_OK;
}

int
ipl__ident_ep_publication(ipl_ident *id, const char *text, size_t n,
                          ipl_error *err)
{
    ipl__ident_groups m;
    char digits[16];
    int rc;

    if ((rc = ipl__ident_match(&m, IPL__RE_EP_PUB, text, n, err)) <= 0)
        return rc < 0 ? rc : IPL__IDENT_NO_MATCH;
    if ((rc = ipl__ident_take_kind(id, &m, 2, text, err)) < 0)
        return rc;
    ipl__ident_group(digits, sizeof digits, &m, 1);
    if (ipl__ident_value(digits) == 0)
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": publication number 0 does not exist", text);
    /* Seven digits, as the EPO writes them (0560858). */
    snprintf(id->serial, sizeof id->serial, "%07ld", ipl__ident_value(digits));
    snprintf(id->canonical, sizeof id->canonical, "EP%s", id->serial);
    memcpy(id->office, "EP", 3);
    return IPL_OK;
}

/* Completes a WO publication from its four-digit year and serial. */
static void
ipl__wo_finish(ipl_ident *id, int year, long serial)
{
    snprintf(id->serial, sizeof id->serial, "%06ld", serial);
    snprintf(id->canonical, sizeof id->canonical, "WO%04d%s", year,
             id->serial);
    snprintf(id->alternate, sizeof id->alternate, "WO %04d/%s", year,
             id->serial);
    memcpy(id->office, "WO", 3);
    id->year = year;
}

int
ipl__ident_wo_publication(ipl_ident *id, const char *text, size_t n,
                          ipl_error *err)
{
    ipl__ident_groups m;
    char year[8], serial[8];
    int rc, y;

    if ((rc = ipl__ident_match(&m, IPL__RE_WO_PUB, text, n, err)) == 0)
        rc = ipl__ident_match(&m, IPL__RE_WO_PUB_OLD, text, n, err);
    if (rc <= 0)
        return rc < 0 ? rc : IPL__IDENT_NO_MATCH;
    if ((rc = ipl__ident_take_kind(id, &m, 3, text, err)) < 0)
        return rc;
    ipl__ident_group(year, sizeof year, &m, 1);
    ipl__ident_group(serial, sizeof serial, &m, 2);
    /* PCT publications began in 1978; two-digit years ended in 2003. */
    y = (int)ipl__ident_value(year);
    if (strlen(year) == 2)
        y = ipl__ident_century(y, 78);
    if (y < 1978 || (strlen(year) == 2 && y > 2003))
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": year %s is outside the PCT's (1978-, "
                         "two digits until 2003)", text, year);
    if (ipl__ident_value(serial) == 0)
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": serial 0 does not exist", text);
    ipl__wo_finish(id, y, ipl__ident_value(serial));
    return IPL_OK;
}

int
ipl__ident_pct_application(ipl_ident *id, const char *text, size_t n,
                           ipl_error *err)
{
    ipl__ident_groups m;
    char office[4], year[8], serial[8];
    int rc, y;

    if ((rc = ipl__ident_match(&m, IPL__RE_PCT, text, n, err)) <= 0)
        return rc < 0 ? rc : IPL__IDENT_NO_MATCH;
    ipl__ident_group(office, sizeof office, &m, 1);
    ipl__ident_group(year, sizeof year, &m, 2);
    ipl__ident_group(serial, sizeof serial, &m, 3);
    y = (int)ipl__ident_value(year);
    if (strlen(year) == 2)
        y = ipl__ident_century(y, 78);
    if (y < 1978 || ipl__ident_value(serial) == 0)
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": year %s, serial %s is not a PCT filing "
                         "(1978-)", text, year, serial);
    /* The form of PCT AI s.307 (2004-): four-digit year, six-digit
     * serial; older numbers are widened to it as WIPO does. */
    snprintf(id->serial, sizeof id->serial, "%06ld", ipl__ident_value(serial));
    snprintf(id->canonical, sizeof id->canonical, "PCT/%.2s%04d/%06ld", office,
             y, ipl__ident_value(serial));
    memcpy(id->office, office, 3);
    id->year = y;
    return IPL_OK;
}
