/* The identifier patterns: their sources, compiled once for the
 * process, and matched with per-call match data drawn from ipledge's
 * allocator.
 *
 * Every pattern runs on text ipl__ident_fold() has already folded: upper
 * case ASCII, single-byte, trimmed. That keeps the patterns free of case
 * and Unicode concerns, and the subject is at most IPL_IDENT_INPUT_MAX
 * bytes, so no pattern can run long.
 *
 * Memory: the compiled patterns live for the whole process and are
 * allocated by PCRE2's default allocator, once; they are never freed
 * (valgrind lists them as "still reachable"). They are deliberately not
 * taken from ipledge's allocator, which a host may replace after its
 * last ipl_shutdown() and which the tests make fail on purpose: a
 * failure injected into the one-time compilation would otherwise
 * disable identifiers for the rest of the process. Everything a call
 * allocates (its general context, match data and PCRE2's backtracking
 * frames) does come from ipledge's allocator and is freed before the
 * call returns, so allocation failures surface as IPL_ENOMEM. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "ipledge/error.h"
#include "alloc_internal.h"
#include "error_internal.h"
#include "ident_internal.h"
#include "ident_pattern_internal.h"

/* In enum ipl__ident_re order. " *" allows the spaces people put
 * between the parts; kind codes are captured loosely ([A-Z]\d?) and
 * checked against the office's table in C, so that an unknown kind is
 * reported as such rather than as "not a number". */
static const char *const ipl__ident_sources[IPL__RE_COUNT] = {
    /* CN application, 2003-: 201510481495.9, ZL 2015 1 0481495.9 */
    "^(?:(?:CN|ZL) *)?((?:19|20)\\d\\d) *([12389]) *(\\d{7}) *"
    "(?:\\.? *([0-9X]))?$",
    /* CN application, -2003: 97101765.4, ZL88201465.X */
    "^(?:(?:CN|ZL) *)?(\\d\\d) *([12389]) *(\\d{5}) *(?:\\.? *([0-9X]))?$",
    /* CNIPA standard: 102015000481495 */
    "^(?:CN *)?(\\d\\d)((?:19|20)\\d\\d)(\\d{9})$",
    /* CN publication: CN104223352A, CN 1398102 C */
    "^(?:CN *)?([1-3](?: ?\\d){8}|[1-3](?: ?\\d){6}) *([A-Z]\\d?)?$",
    /* US grant: 6,654,321, US D654,321 S, PP034694, RE049257 E1 */
    "^(?:US *)?(D|PP|RE|H|T)? *0*(\\d{1,3}(?:,\\d{3})+|\\d{1,8}) *"
    "([A-Z]\\d?)?$",
    /* US publication: US 2001/0001111 A1, 20010001111 */
    "^(?:US *)?((?:19|20)\\d\\d) *[/-]? *(\\d{7}) *([A-Z]\\d?)?$",
    /* US application: 13/648,029, 29/123456 */
    "^(?:US *)?(\\d\\d) *[/-]? *(\\d{3}) *,? *(\\d{3})$",
    /* EP application: 18877305.5, EP 18877305 */
    "^(?:EP *)?(\\d\\d) *(\\d{6}) *(?:\\.? *(\\d))?$",
    /* EP publication: EP 3383757 B1, 0560858 */
    "^(?:EP *)?(\\d(?: ?\\d){0,6}) *([A-Z]\\d?)?$",
    /* WO publication: WO 2018/148832 A1 */
    "^(?:WO *)?((?:19|20)\\d\\d) *[/-]? *(\\d{6}) *([A-Z]\\d?)?$",
    /* WO publication, 1978-2003: WO 99/12345, WO 02/123456 */
    "^(?:WO *)?(\\d\\d) *[/-]? *(\\d{5,6}) *([A-Z]\\d?)?$",
    /* PCT application: PCT/JP2014/059529, PCT/US03/00230, JP2014059529 */
    "^(?:PCT *[/-]? *)?([A-Z]{2}) *((?:19|20)\\d\\d|\\d\\d) *[/-]? *"
    "(\\d{5,6})$",
    /* JP application, 2000-: 2020-100059 */
    "^(?:JP *)?((?:19|20)\\d\\d) *-? *(\\d{6})$",
    /* JP publication, 2000-: JP 2021-193879 A */
    "^(?:JP *)?((?:19|20)\\d\\d) *-? *(\\d{6}) *([A-Z]\\d?)?$",
    /* JP registration: JP 6123456 B2 */
    "^(?:JP *)?(\\d{7}) *([A-Z]\\d?)?$",
    /* IPC/CPC display: A61K 31/4439, C07K   16/18    (2006.01) */
    "^([A-HY]) *(\\d\\d) *([A-Z]) *(\\d{1,4}) */ *(\\d{2,6})"
    "(?: *\\( *((?:19|20)\\d\\d)\\.(\\d\\d) *\\))?$",
    /* ST.8 field: B60R   7/06        20060101AFI20191025BHEP */
    "^([A-HY])(\\d\\d)([A-Z]) *(\\d{1,4})/ *(\\d{2,6}) +((?:19|20)\\d\\d)"
    "(\\d\\d)\\d\\d(?:[CAS][FL ][IN](?:\\d{8}(?:[BRVD ][HMG ]?"
    "(?:[A-Z]{2})?)?)?)?$",
    /* 14-character form: A61K0031443900 */
    "^([A-HY])(\\d\\d)([A-Z])(\\d{4})(\\d{6})$",
    /* Locarno: 12-08, 03.01, 0301, LOC (11) Cl. 8-05 */
    "^(?:LOC *(?:\\( *(\\d{1,2}) *\\))? *(?:CL *\\.?)? *)?(\\d{1,2}) *"
    "[-.]? *(\\d\\d)$",
    /* Nice: 9, 009 */
    "^(\\d{1,3})$",
    /* US trademark serial: 78/462,704, 78462704 */
    "^(\\d\\d) *[/-]? *(\\d{3}) *,? *(\\d{3})$",
    /* US trademark registration: 2,178,784, 0172053 */
    "^(?:(?:REG\\. *NO\\.|RN) *)?0*(\\d{1,3}(?:,\\d{3})+|\\d{1,8})$",
    /* EUTM: 018222197, EUTM 18222197 */
    "^(?:(?:EUTM|EM) *)?(\\d{1,9})$",
    /* a kind code on its own: A, B2 */
    "^([A-Z]\\d?)$",
};

static pthread_once_t ipl__ident_once = PTHREAD_ONCE_INIT;
/* Written once under ipl__ident_once, read-only afterwards. */
static pcre2_code *ipl__ident_codes[IPL__RE_COUNT];
static char ipl__ident_failure[IPL_ERROR_MESSAGE_MAX];

int
ipl__ident_compile(pcre2_code **codes, const char *const *sources, size_t n,
                   char *msg, size_t size)
{
    PCRE2_UCHAR text[IPL_ERROR_MESSAGE_MAX];
    PCRE2_SIZE offset;
    size_t i;
    int code;

    for (i = 0; i < n; i++) {
        codes[i] = pcre2_compile((PCRE2_SPTR)sources[i], PCRE2_ZERO_TERMINATED,
                                 PCRE2_DOLLAR_ENDONLY, &code, &offset, NULL);
        if (codes[i] == NULL) {
            if (pcre2_get_error_message(code, text, sizeof text) < 0)
                snprintf((char *)text, sizeof text, "error %d", code);
            snprintf(msg, size, "pattern %zu, offset %zu: %s", i,
                     (size_t)offset, (const char *)text);
            while (i > 0)
                pcre2_code_free(codes[--i]);
            return IPL_ERROR;
        }
    }
    return IPL_OK;
}

static void
ipl__ident_compile_once(void)
{
    (void)ipl__ident_compile(ipl__ident_codes, ipl__ident_sources,
                             IPL__RE_COUNT, ipl__ident_failure,
                             sizeof ipl__ident_failure);
}

/* PCRE2's memory functions, routed to ipledge's allocator. */
static void *
ipl__ident_pcre2_malloc(PCRE2_SIZE size, void *data)
{
    (void)data;
    return ipl__malloc(size);
}

static void
ipl__ident_pcre2_free(void *ptr, void *data)
{
    (void)data;
    ipl__free(ptr);
}

static void
ipl__ident_take_groups(ipl__ident_groups *m, const char *text,
                       pcre2_match_data *md, int count)
{
    const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    int g;

    memset(m, 0, sizeof *m);
    m->subject = text;
    for (g = 0; g < count && g < IPL__IDENT_GROUPS; g++) {
        if (ov[2 * g] == PCRE2_UNSET)
            continue;
        m->start[g] = ov[2 * g];
        m->len[g] = ov[2 * g + 1] - ov[2 * g];
        m->set[g] = 1;
    }
}

/* Runs the match proper with match data from a fresh general context. */
static int
ipl__ident_run(ipl__ident_groups *m, const pcre2_code *code, const char *text,
               size_t n, ipl_error *err)
{
    pcre2_general_context *gc;
    pcre2_match_data *md;
    PCRE2_UCHAR why[IPL_ERROR_MESSAGE_MAX];
    int rc;

    gc = pcre2_general_context_create(ipl__ident_pcre2_malloc,
                                      ipl__ident_pcre2_free, NULL);
    if (gc == NULL)
        return ipl__fail(err, IPL_ENOMEM, "text", "out of memory");
    md = pcre2_match_data_create_from_pattern(code, gc);
    if (md == NULL) {
        pcre2_general_context_free(gc);
        return ipl__fail(err, IPL_ENOMEM, "text", "out of memory");
    }
    rc = pcre2_match(code, (PCRE2_SPTR)text, n, 0, 0, md, NULL);
    if (rc > 0)
        ipl__ident_take_groups(m, text, md, rc);
    pcre2_match_data_free(md);
    pcre2_general_context_free(gc);
    if (rc > 0)
        return 1;
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc == PCRE2_ERROR_NOMEMORY)
        return ipl__fail(err, IPL_ENOMEM, "text", "out of memory");
    if (pcre2_get_error_message(rc, why, sizeof why) < 0)
        snprintf((char *)why, sizeof why, "error %d", rc);
    return ipl__fail(err, IPL_ERROR, "text", "matching failed: %s",
                     (const char *)why);
}

int
ipl__ident_match(ipl__ident_groups *m, int re, const char *text, size_t n,
                 ipl_error *err)
{
    pthread_once(&ipl__ident_once, ipl__ident_compile_once);
    if (ipl__ident_failure[0] != '\0')
        return ipl__fail(err, IPL_ERROR, "patterns", "%s", ipl__ident_failure);
    return ipl__ident_run(m, ipl__ident_codes[re], text, n, err);
}
