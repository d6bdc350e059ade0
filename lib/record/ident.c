/* The identifier types (include/ipledge/ident.h): their names, the
 * builder for each, the kind codes each allows, and the public entry
 * points. */
#include <stdio.h>
#include <string.h>

#include "ipledge/error.h"
#include "ipledge/ident.h"
#include "error_internal.h"
#include "ident_internal.h"

/* Kind codes per type, from the sources doc/identifiers.md cites. */
static const struct {
    const char *name;      /* ipl_ident_type_name() */
    const char *label;     /* plural, for messages */
    const char *example;   /* a valid text, for messages */
    ipl__ident_build *build;
    const char *kinds;     /* " A B1 ", or "" for none */
} ipl__ident_types[] = {
    { "none", "", "", NULL, "" },
    { "cn-application", "CN application numbers", "201510481495.9",
      ipl__ident_cn_application, "" },
    { "cn-publication", "CN publication numbers", "CN104223352A",
      ipl__ident_cn_publication, " A B C U Y S D " },
    { "us-patent", "US patent numbers", "US D654,321 S",
      ipl__ident_us_patent, " A B1 B2 C1 C2 C3 E E1 H P2 P3 S S1 " },
    { "us-publication", "US publication numbers", "US 2001/0001111 A1",
      ipl__ident_us_publication, " A1 A2 A9 P1 P4 P9 " },
    { "us-application", "US application numbers", "13/648,029",
      ipl__ident_us_application, "" },
    { "ep-application", "EP application numbers", "18877305.5",
      ipl__ident_ep_application, "" },
    { "ep-publication", "EP publication numbers", "EP 3383757 B1",
      ipl__ident_ep_publication, " A1 A2 A3 A4 A8 A9 B1 B2 B3 B8 B9 " },
    { "wo-publication", "WO publication numbers", "WO 2018/148832 A1",
      ipl__ident_wo_publication, " A1 A2 A3 A4 " },
    { "pct-application", "PCT application numbers", "PCT/JP2014/059529",
      ipl__ident_pct_application, "" },
    { "jp-application", "JP application numbers", "2020-100059",
      ipl__ident_jp_application, "" },
    { "jp-publication", "JP publication numbers", "JP 2021-193879 A",
      ipl__ident_jp_publication, " A A1 T " },
    { "jp-registration", "JP registration numbers", "JP 6123456 B2",
      ipl__ident_jp_registration, " B B1 B2 U " },
    { "ipc", "IPC symbols", "A61K 31/4439", ipl__ident_ipc, "" },
    { "cpc", "CPC symbols", "Y02E 10/50", ipl__ident_cpc, "" },
    { "locarno", "Locarno classes", "12-08", ipl__ident_locarno, "" },
    { "nice", "Nice classes", "9", ipl__ident_nice, "" },
    { "us-tm-serial", "US trademark serial numbers", "78/462,704",
      ipl__ident_us_tm_serial, "" },
    { "us-tm-registration", "US trademark registration numbers", "2178784",
      ipl__ident_us_tm_registration, "" },
    { "eutm", "EU trade mark numbers", "018222197", ipl__ident_eutm, "" },
};

#define IPL__NTYPES (sizeof ipl__ident_types / sizeof ipl__ident_types[0])

static int
ipl__ident_type_known(ipl_ident_type type)
{
    return type > IPL_IDENT_NONE && (size_t)type < IPL__NTYPES;
}

const char *
ipl_ident_type_name(ipl_ident_type type)
{
    return ipl__ident_type_known(type) ? ipl__ident_types[type].name
                                       : "unknown";
}

int
ipl__ident_kind_in(const char *kind, const char *list)
{
    size_t n = strlen(kind);
    const char *p;

    for (p = list; (p = strstr(p, kind)) != NULL; p++)
        if (p > list && p[-1] == ' ' && p[n] == ' ')
            return 1;
    return 0;
}

int
ipl__ident_fail_kind(ipl_error *err, const char *text, const char *kind,
                     const char *what, const char *list)
{
    int n = (int)strlen(list) - 2;

    return ipl__fail(err, IPL_EINVAL, "text", "\"%s\": kind %s %s (%.*s)",
                     text, kind, what, n > 0 ? n : 4, n > 0 ? list + 1 : "none");
}

/* Checks a folded kind code against the codes type allows. */
static int
ipl__ident_check_kind(ipl_ident_type type, const char *kind, const char *text,
                      ipl_error *err)
{
    const char *list = ipl__ident_types[type].kinds;
    char what[64];

    if (ipl__ident_kind_in(kind, list))
        return IPL_OK;
    snprintf(what, sizeof what, "is not used for %s",
             ipl__ident_types[type].label);
    return ipl__ident_fail_kind(err, text, kind, what, list);
}

int
ipl__ident_take_kind(ipl_ident *id, const ipl__ident_groups *m, int g,
                     const char *text, ipl_error *err)
{
    char kind[IPL_IDENT_KIND_SIZE];

    if (ipl__ident_group(kind, sizeof kind, m, g) == 0)
        return IPL_OK;
    if (ipl__ident_check_kind(id->type, kind, text, err) < 0)
        return IPL_EINVAL;
    memcpy(id->kind, kind, sizeof kind);
    return IPL_OK;
}

int
ipl_ident_parse(ipl_ident *out, ipl_ident_type type, const char *text,
                ipl_error *err)
{
    char folded[IPL_IDENT_INPUT_MAX + 1];
    ipl_ident id;
    size_t n;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, text);
    if (!ipl__ident_type_known(type))
        return ipl__fail(err, IPL_EINVAL, "type",
                         "unknown identifier type %d", (int)type);
    if ((rc = ipl__ident_fold(folded, &n, text, err)) < 0)
        return rc;
    memset(&id, 0, sizeof id);
    id.type = type;
    rc = ipl__ident_types[type].build(&id, folded, n, err);
    if (rc == IPL__IDENT_NO_MATCH)
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\" matches none of the forms of %s "
                         "(such as %s)", folded,
                         ipl__ident_types[type].label,
                         ipl__ident_types[type].example);
    if (rc == IPL_OK)
        *out = id;
    return rc;
}

/* The text inside a final pair of parentheses, ASCII or full-width,
 * as the JPO writes kinds ("公開特許公報(A)"), copied into buf (size
 * bytes); the whole text when it does not end in one. */
static const char *
ipl__ident_kind_text(char *buf, size_t size, const char *text)
{
    static const char wide_open[] = "\xEF\xBC\x88", wide_close[] = "\xEF\xBC\x89";
    size_t n = 0, close = 0, i;

    while (n <= IPL_IDENT_INPUT_MAX && text[n] != '\0')
        n++;
    if (n > IPL_IDENT_INPUT_MAX)
        return text;    /* too long: ipl__ident_fold() says so */
    if (n >= 1 && text[n - 1] == ')')
        close = n - 1;
    else if (n >= 3 && memcmp(text + n - 3, wide_close, 3) == 0)
        close = n - 3;
    else
        return text;
    for (i = close; i-- > 0;) {
        if (text[i] == '(' || (i + 3 <= close &&
                               memcmp(text + i, wide_open, 3) == 0)) {
            i += text[i] == '(' ? 1 : 3;
            if (close - i >= size)
                return text;
            memcpy(buf, text + i, close - i);
            buf[close - i] = '\0';
            return buf;
        }
    }
    return text;
}

int
ipl_ident_parse_kind(char *out, size_t size, ipl_ident_type type,
                     const char *text, ipl_error *err)
{
    char folded[IPL_IDENT_INPUT_MAX + 1], inner[IPL_IDENT_INPUT_MAX + 1];
    char kind[IPL_IDENT_KIND_SIZE];
    ipl__ident_groups m;
    size_t n;
    int rc;

    IPL__CHECK_ARG(err, out);
    IPL__CHECK_ARG(err, text);
    if (!ipl__ident_type_known(type))
        return ipl__fail(err, IPL_EINVAL, "type",
                         "unknown identifier type %d", (int)type);
    text = ipl__ident_kind_text(inner, sizeof inner, text);
    if ((rc = ipl__ident_fold(folded, &n, text, err)) < 0)
        return rc;
    if ((rc = ipl__ident_match(&m, IPL__RE_KIND, folded, n, err)) < 0)
        return rc;
    if (rc == 0)
        return ipl__fail(err, IPL_EINVAL, "text",
                         "\"%s\" is not a kind code (such as A or B2)", folded);
    ipl__ident_group(kind, sizeof kind, &m, 1);
    if ((rc = ipl__ident_check_kind(type, kind, folded, err)) < 0)
        return rc;
    if (strlen(kind) >= size)
        return ipl__fail(err, IPL_ERANGE, "size",
                         "%zu bytes cannot hold kind %s", size, kind);
    memcpy(out, kind, strlen(kind) + 1);
    return IPL_OK;
}
