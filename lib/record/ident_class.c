/* Classification symbols: IPC and CPC (display form, WIPO ST.8 field,
 * 14-character form), Locarno classes of industrial designs and Nice
 * classes of goods and services. */
#include <stdio.h>
#include <string.h>

#include "ipledge/error.h"
#include "error_internal.h"
#include "ident_internal.h"

/* The parts of an IPC or CPC symbol, as read from one of its forms. */
typedef struct {
    char section[2], klass[4], subclass[2], group[8], subgroup[8];
    char year[8], month[4];
} ipl__class_parts;

static int
ipl__class_match(ipl__class_parts *p, const char *text, size_t n,
                 ipl_error *err)
{
    ipl__ident_groups m;
    int rc;

    memset(p, 0, sizeof *p);
    if ((rc = ipl__ident_match(&m, IPL__RE_CLASS_DISPLAY, text, n, err)) == 0 &&
        (rc = ipl__ident_match(&m, IPL__RE_CLASS_ST8, text, n, err)) == 0)
        rc = ipl__ident_match(&m, IPL__RE_CLASS_COMPACT, text, n, err);
    if (rc <= 0)
        return rc < 0 ? rc : IPL__IDENT_NO_MATCH;
    ipl__ident_group(p->section, sizeof p->section, &m, 1);
    ipl__ident_group(p->klass, sizeof p->klass, &m, 2);
    ipl__ident_group(p->subclass, sizeof p->subclass, &m, 3);
    ipl__ident_group(p->group, sizeof p->group, &m, 4);
    ipl__ident_group(p->subgroup, sizeof p->subgroup, &m, 5);
    ipl__ident_group(p->year, sizeof p->year, &m, 6);
    ipl__ident_group(p->month, sizeof p->month, &m, 7);
    return IPL_OK;
}

/* Drops the subgroup's trailing zeros beyond its first two digits:
 * the 14-character form pads subgroups with zeros on the right, so
 * /06 and /0600 are one subgroup. */
static void
ipl__class_trim_subgroup(char *subgroup)
{
    size_t n = strlen(subgroup);

    while (n > 2 && subgroup[n - 1] == '0')
        subgroup[--n] = '\0';
}

static int
ipl__class_symbol(ipl_ident *id, const char *text, size_t n, int cpc,
                  ipl_error *err)
{
    ipl__class_parts p;
    long klass, group, month;
    int rc;

    if ((rc = ipl__class_match(&p, text, n, err)) != IPL_OK)
        return rc;
    klass = ipl__ident_value(p.klass);
    group = ipl__ident_value(p.group);
    month = ipl__ident_value(p.month);
    if (!cpc && p.section[0] == 'Y')
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": section Y exists in the CPC only", text);
    if (klass == 0 || group == 0)
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": class %s, main group %s: both start at 1",
                         text, p.klass, p.group);
    if (p.month[0] != '\0' && (month < 1 || month > 12))
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": version %s.%s has no such month", text,
                         p.year, p.month);
    ipl__class_trim_subgroup(p.subgroup);
    id->section = p.section[0];
    id->class_number = (int)klass;
    id->subclass[0] = p.subclass[0];
    id->main_group = (int)group;
    memcpy(id->subgroup, p.subgroup, sizeof id->subgroup);
    if (p.year[0] != '\0')
        snprintf(id->version, sizeof id->version, "%.4s.%.2s", p.year,
                 p.month);
    snprintf(id->canonical, sizeof id->canonical, "%c%02ld%c %ld/%s",
             id->section, klass, id->subclass[0], group, id->subgroup);
    /* ST.8 positions 1-15: main group right-aligned in 4, subgroup
     * left-aligned in 6. */
    snprintf(id->alternate, sizeof id->alternate, "%c%02ld%c%4ld/%-6s",
             id->section, klass, id->subclass[0], group, id->subgroup);
    return IPL_OK;
}

int
ipl__ident_ipc(ipl_ident *id, const char *text, size_t n, ipl_error *err)
{
    return ipl__class_symbol(id, text, n, 0, err);
}

int
ipl__ident_cpc(ipl_ident *id, const char *text, size_t n, ipl_error *err)
{
    return ipl__class_symbol(id, text, n, 1, err);
}

int
ipl__ident_locarno(ipl_ident *id, const char *text, size_t n, ipl_error *err)
{
    ipl__ident_groups m;
    char edition[4], klass[4], subclass[4];
    int rc;

    if ((rc = ipl__ident_match(&m, IPL__RE_LOCARNO, text, n, err)) <= 0)
        return rc < 0 ? rc : IPL__IDENT_NO_MATCH;
    ipl__ident_group(edition, sizeof edition, &m, 1);
    ipl__ident_group(klass, sizeof klass, &m, 2);
    ipl__ident_group(subclass, sizeof subclass, &m, 3);
    if (ipl__ident_value(klass) < 1 || ipl__ident_value(klass) > 32)
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": Locarno classes are 1..32, got %s", text,
                         klass);
    id->class_number = (int)ipl__ident_value(klass);
    memcpy(id->subclass, subclass, sizeof id->subclass);
    if (edition[0] != '\0')
        snprintf(id->version, sizeof id->version, "%ld",
                 ipl__ident_value(edition));
    /* WIPO's recommended form: class without, subclass with a leading
     * zero (8-05); the USPTO writes four digits (0805). */
    snprintf(id->canonical, sizeof id->canonical, "%d-%s", id->class_number,
             subclass);
    snprintf(id->alternate, sizeof id->alternate, "%02d%s", id->class_number,
             subclass);
    return IPL_OK;
}

int
ipl__ident_nice(ipl_ident *id, const char *text, size_t n, ipl_error *err)
{
    ipl__ident_groups m;
    char klass[4];
    long value;
    int rc;

    if ((rc = ipl__ident_match(&m, IPL__RE_NICE, text, n, err)) <= 0)
        return rc < 0 ? rc : IPL__IDENT_NO_MATCH;
    ipl__ident_group(klass, sizeof klass, &m, 1);
    value = ipl__ident_value(klass);
    if (value < 1 || value > 45)
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\": Nice classes are 1..45, got %ld", text,
                         value);
    id->class_number = (int)value;
    snprintf(id->canonical, sizeof id->canonical, "%ld", value);
    snprintf(id->alternate, sizeof id->alternate, "%03ld", value);
    return IPL_OK;
}
