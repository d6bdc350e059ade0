/* USPTO patent numbers: grants (utility, design D, plant PP, reissue
 * RE, statutory invention registration H, defensive publication T),
 * pre-grant publications and series-coded application numbers. */
#include <stdio.h>
#include <string.h>

#include "ipledge/error.h"
#include "error_internal.h"
#include "ident_internal.h"

/* Kind codes by grant prefix: a design patent is S or S1, never B2. */
static const struct {
    const char *prefix;
    const char *kinds;
} ipl__us_grant_kinds[] = {
    { "",   " A B1 B2 C1 C2 C3 " },
    { "D",  " S S1 " },
    { "PP", " P2 P3 " },
    { "RE", " E E1 " },
    { "H",  " H " },
    { "T",  "" },
};

static const char *
ipl__us_kinds_for(const char *prefix)
{
    size_t i;

    for (i = 0; i < sizeof ipl__us_grant_kinds / sizeof ipl__us_grant_kinds[0];
         i++)
        if (strcmp(ipl__us_grant_kinds[i].prefix, prefix) == 0)
            return ipl__us_grant_kinds[i].kinds;
    return "";
}

/* The pattern's 0* cannot take a zero that opens a comma group
 * ("0,596"), so the digits may still start with zeros; the canonical
 * form has none. At least one digit stays. */
static void
ipl__us_drop_leading_zeros(char *number, size_t *len)
{
    size_t skip = 0;

    while (skip + 1 < *len && number[skip] == '0')
        skip++;
    memmove(number, number + skip, *len - skip + 1);
    *len -= skip;
}

int
ipl__ident_us_patent(ipl_ident *id, const char *text, size_t n,
                     ipl_error *err)
{
    ipl__ident_groups m;
    char prefix[4], number[16], what[48];
    size_t len;
    int rc;

    if ((rc = ipl__ident_match(&m, IPL__RE_US_PATENT, text, n, err)) <= 0)
        return rc < 0 ? rc : IPL__IDENT_NO_MATCH;
    if ((rc = ipl__ident_take_kind(id, &m, 3, text, err)) < 0)
        return rc;
    ipl__ident_group(prefix, sizeof prefix, &m, 1);
    len = ipl__ident_group(number, sizeof number, &m, 2);
    ipl__us_drop_leading_zeros(number, &len);
    if (id->kind[0] != '\0' &&
        !ipl__ident_kind_in(id->kind, ipl__us_kinds_for(prefix))) {
        snprintf(what, sizeof what, "does not go with prefix \"%s\"", prefix);
        return ipl__ident_fail_kind(err, text, id->kind, what,
                                    ipl__us_kinds_for(prefix));
    }
    /* The pattern strips leading zeros, so an all-zero number is left
     * with one digit, 0. */
    if (ipl__ident_value(number) == 0 || strlen(prefix) + len > 8)
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": number %s%s does not fit the USPTO's "
                         "8-character form", text, prefix, number);
    snprintf(id->canonical, sizeof id->canonical, "US%s%s", prefix, number);
    snprintf(id->alternate, sizeof id->alternate, "%s%0*ld", prefix,
             (int)(8 - strlen(prefix)), ipl__ident_value(number));
    memcpy(id->office, "US", 3);
    memcpy(id->series, prefix, sizeof prefix);
    memcpy(id->serial, number, len + 1);
    return IPL_OK;
}

int
ipl__ident_us_publication(ipl_ident *id, const char *text, size_t n,
                          ipl_error *err)
{
    ipl__ident_groups m;
    char year[8], serial[16];
    int rc;

    if ((rc = ipl__ident_match(&m, IPL__RE_US_PUB, text, n, err)) <= 0)
        return rc < 0 ? rc : IPL__IDENT_NO_MATCH;
    if ((rc = ipl__ident_take_kind(id, &m, 3, text, err)) < 0)
        return rc;
    ipl__ident_group(year, sizeof year, &m, 1);
    ipl__ident_group(serial, sizeof serial, &m, 2);
    /* Pre-grant publication began on 15 March 2001 (AIPA). */
    if (ipl__ident_value(year) < 2001)
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": publications began in 2001, got year %s",
                         text, year);
    snprintf(id->canonical, sizeof id->canonical, "US%s%s", year, serial);
    snprintf(id->alternate, sizeof id->alternate, "US %s/%s", year, serial);
    memcpy(id->office, "US", 3);
    memcpy(id->serial, serial, sizeof id->serial);
    id->year = (int)ipl__ident_value(year);
    return IPL_OK;
}

int
ipl__ident_us_application(ipl_ident *id, const char *text, size_t n,
                          ipl_error *err)
{
    ipl__ident_groups m;
    char series[4], high[4], low[4];
    int rc;

    if ((rc = ipl__ident_match(&m, IPL__RE_US_APP, text, n, err)) <= 0)
        return rc < 0 ? rc : IPL__IDENT_NO_MATCH;
    ipl__ident_group(series, sizeof series, &m, 1);
    ipl__ident_group(high, sizeof high, &m, 2);
    ipl__ident_group(low, sizeof low, &m, 3);
    if (strcmp(series, "00") == 0)
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": series code 00 does not exist", text);
    snprintf(id->canonical, sizeof id->canonical, "%s%s%s", series, high, low);
    snprintf(id->alternate, sizeof id->alternate, "%s/%s,%s", series, high,
             low);
    memcpy(id->office, "US", 3);
    memcpy(id->series, series, sizeof series);
    snprintf(id->serial, sizeof id->serial, "%s%s", high, low);
    return IPL_OK;
}
