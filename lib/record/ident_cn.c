/* CNIPA numbers: applications (with their check character, in the
 * 12-digit form of 2003 on, the 8-digit form before, and the 15-digit
 * "standard" form of CNIPA's XML) and publications. */
#include <stdio.h>
#include <string.h>

#include "ipledge/error.h"
#include "error_internal.h"
#include "ident_internal.h"

/* The check character of the digits of a CN application number:
 * weights 2, 3, ..., 9, 2, 3, ... from the left, sum mod 11, 10 written
 * X. 201510481495 gives 218 mod 11 = 9. */
static char
ipl__cn_check(const char *digits)
{
    unsigned sum = 0, i;

    for (i = 0; digits[i] != '\0'; i++)
        sum += (unsigned)(digits[i] - '0') * (2 + i % 8);
    sum %= 11;
    return sum == 10 ? 'X' : (char)('0' + sum);
}

/* Completes id from its year, type digit and serial (the serial has 7
 * digits from 2003 on, 5 before), checking a given check character. */
static int
ipl__cn_finish(ipl_ident *id, int year, char type, const char *serial,
               char given, const char *text, ipl_error *err)
{
    char digits[16];
    char check;

    if (strlen(serial) == 7)
        snprintf(digits, sizeof digits, "%04d%c%s", year, type, serial);
    else
        snprintf(digits, sizeof digits, "%02d%c%s", year % 100, type, serial);
    check = ipl__cn_check(digits);
    if (given != '\0' && given != check)
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": check character is %c, expected %c", text,
                         given, check);
    snprintf(id->canonical, sizeof id->canonical, "%s.%c", digits, check);
    /* CNIPA's standard form: application type (type digit and 0), year,
     * serial zero-padded to 9 digits; known for types 1, 2 and 3. */
    if (strlen(serial) == 7 && type >= '1' && type <= '3')
        snprintf(id->alternate, sizeof id->alternate, "%c0%04d00%s", type,
                 year, serial);
    memcpy(id->office, "CN", 3);
    id->series[0] = type;
    snprintf(id->serial, sizeof id->serial, "%s", serial);
    id->check = check;
    id->year = year;
    return IPL_OK;
}

static int
ipl__cn_twelve(ipl_ident *id, const ipl__ident_groups *m, const char *text,
               ipl_error *err)
{
    char year[8], type[4], serial[16], check[4];

    ipl__ident_group(year, sizeof year, m, 1);
    ipl__ident_group(type, sizeof type, m, 2);
    ipl__ident_group(serial, sizeof serial, m, 3);
    ipl__ident_group(check, sizeof check, m, 4);
    if (ipl__ident_value(year) < 2003)
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": 12-digit numbers began in 2003, got year %s",
                         text, year);
    return ipl__cn_finish(id, (int)ipl__ident_value(year), type[0], serial,
                          check[0], text, err);
}

static int
ipl__cn_eight(ipl_ident *id, const ipl__ident_groups *m, const char *text,
              ipl_error *err)
{
    char yy[4], type[4], serial[8], check[4];
    int year;

    ipl__ident_group(yy, sizeof yy, m, 1);
    ipl__ident_group(type, sizeof type, m, 2);
    ipl__ident_group(serial, sizeof serial, m, 3);
    ipl__ident_group(check, sizeof check, m, 4);
    /* The patent law took effect in 1985; the form ended in 2003. */
    year = ipl__ident_century((int)ipl__ident_value(yy), 85);
    if (year > 2003)
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": 8-digit numbers run from 1985 to 2003, "
                         "got year %s", text, yy);
    return ipl__cn_finish(id, year, type[0], serial, check[0], text, err);
}

static int
ipl__cn_standard(ipl_ident *id, const ipl__ident_groups *m, const char *text,
                 ipl_error *err)
{
    char appl[4], year[8], serial[16];

    ipl__ident_group(appl, sizeof appl, m, 1);
    ipl__ident_group(year, sizeof year, m, 2);
    ipl__ident_group(serial, sizeof serial, m, 3);
    if (appl[1] != '0' || appl[0] < '1' || appl[0] > '3')
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": application type %s is not known "
                         "(10, 20, 30 are)", text, appl);
    if (ipl__ident_value(year) < 2003 || serial[0] != '0' || serial[1] != '0')
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": year %s, serial %s does not name a "
                         "12-digit application number", text, year, serial);
    return ipl__cn_finish(id, (int)ipl__ident_value(year), appl[0],
                          serial + 2, '\0', text, err);
}

int
ipl__ident_cn_application(ipl_ident *id, const char *text, size_t n,
                          ipl_error *err)
{
    ipl__ident_groups m;
    int rc;

    if ((rc = ipl__ident_match(&m, IPL__RE_CN_APP, text, n, err)) != 0)
        return rc < 0 ? rc : ipl__cn_twelve(id, &m, text, err);
    if ((rc = ipl__ident_match(&m, IPL__RE_CN_APP_OLD, text, n, err)) != 0)
        return rc < 0 ? rc : ipl__cn_eight(id, &m, text, err);
    if ((rc = ipl__ident_match(&m, IPL__RE_CN_STANDARD, text, n, err)) != 0)
        return rc < 0 ? rc : ipl__cn_standard(id, &m, text, err);
    return IPL__IDENT_NO_MATCH;
}

/* Publication kinds by the number's first digit: inventions (1),
 * utility models (2), designs (3). */
static const char *const ipl__cn_kinds[] = { " A B C ", " U Y ", " S D " };

int
ipl__ident_cn_publication(ipl_ident *id, const char *text, size_t n,
                          ipl_error *err)
{
    ipl__ident_groups m;
    char digits[16], what[48];
    int rc;

    if ((rc = ipl__ident_match(&m, IPL__RE_CN_PUB, text, n, err)) <= 0)
        return rc < 0 ? rc : IPL__IDENT_NO_MATCH;
    if ((rc = ipl__ident_take_kind(id, &m, 2, text, err)) < 0)
        return rc;
    ipl__ident_group(digits, sizeof digits, &m, 1);
    if (id->kind[0] != '\0' &&
        !ipl__ident_kind_in(id->kind, ipl__cn_kinds[digits[0] - '1'])) {
        snprintf(what, sizeof what, "does not go with a number starting "
                 "with %c", digits[0]);
        return ipl__ident_fail_kind(err, text, id->kind, what,
                                    ipl__cn_kinds[digits[0] - '1']);
    }
    snprintf(id->canonical, sizeof id->canonical, "CN%s", digits);
    memcpy(id->office, "CN", 3);
    id->series[0] = digits[0];
    snprintf(id->serial, sizeof id->serial, "%s", digits);
    return IPL_OK;
}
