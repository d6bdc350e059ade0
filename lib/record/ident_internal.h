/* What the identifier files (lib/record/ident*.c) share: folding the
 * input text, matching it against the once-compiled patterns, reading
 * the captured groups and checking kind codes. Not installed. */
#ifndef IPL_IDENT_INTERNAL_H
#define IPL_IDENT_INTERNAL_H

#include <stddef.h>

#include "ipledge/ident.h"

/* The patterns, one per accepted syntax; ident_pattern.c holds their
 * sources in this order. */
enum ipl__ident_re {
    IPL__RE_CN_APP,         /* 2003-: YYYY T SSSSSSS [.C] */
    IPL__RE_CN_APP_OLD,     /* -2003: YY T SSSSS [.C] */
    IPL__RE_CN_STANDARD,    /* CNIPA standard: TT YYYY SSSSSSSSS */
    IPL__RE_CN_PUB,
    IPL__RE_US_PATENT,
    IPL__RE_US_PUB,
    IPL__RE_US_APP,
    IPL__RE_EP_APP,
    IPL__RE_EP_PUB,
    IPL__RE_WO_PUB,         /* WO YYYY/NNNNNN */
    IPL__RE_WO_PUB_OLD,     /* WO YY/NNNNN(N), 1978-2003 */
    IPL__RE_PCT,
    IPL__RE_JP_APP,
    IPL__RE_JP_PUB,
    IPL__RE_JP_REG,
    IPL__RE_CLASS_DISPLAY,  /* A61K 31/4439 (2006.01) */
    IPL__RE_CLASS_ST8,      /* ST.8 machine field with version date */
    IPL__RE_CLASS_COMPACT,  /* A61K0031443900 */
    IPL__RE_LOCARNO,
    IPL__RE_NICE,
    IPL__RE_US_TM_SERIAL,
    IPL__RE_US_TM_REG,
    IPL__RE_EUTM,
    IPL__RE_KIND,
    IPL__RE_COUNT
};

/* Capturing groups a pattern may have, group 0 (the whole match)
 * included. */
#define IPL__IDENT_GROUPS 16

/* The groups of one successful match, as offsets into the subject. */
typedef struct ipl__ident_groups {
    const char *subject;
    size_t start[IPL__IDENT_GROUPS];
    size_t len[IPL__IDENT_GROUPS];
    int set[IPL__IDENT_GROUPS];      /* the group took part in the match */
} ipl__ident_groups;

/* A builder's answer when none of its patterns matched the text; the
 * caller then says what was expected. */
#define IPL__IDENT_NO_MATCH 1

/* Fills id (already zeroed, id->type set) from folded text of length
 * n; returns IPL_OK, IPL__IDENT_NO_MATCH or a negative status recorded
 * in err. */
typedef int ipl__ident_build(ipl_ident *id, const char *text, size_t n,
                             ipl_error *err);

ipl__ident_build ipl__ident_cn_application, ipl__ident_cn_publication,
    ipl__ident_us_patent, ipl__ident_us_publication,
    ipl__ident_us_application, ipl__ident_ep_application,
    ipl__ident_ep_publication, ipl__ident_wo_publication,
    ipl__ident_pct_application, ipl__ident_jp_application,
    ipl__ident_jp_publication, ipl__ident_jp_registration,
    ipl__ident_ipc, ipl__ident_cpc, ipl__ident_locarno, ipl__ident_nice,
    ipl__ident_us_tm_serial, ipl__ident_us_tm_registration,
    ipl__ident_eutm;

/* Folds text into out (IPL_IDENT_INPUT_MAX + 1 bytes) as ident.h
 * describes: upper case, full-width forms to ASCII, white space to
 * spaces, ends trimmed. Sets *n to the folded length. IPL_EINVAL (where
 * "text", column = 1-based byte offset) for an empty or too long text
 * or a byte it does not accept. */
int ipl__ident_fold(char *out, size_t *n, const char *text, ipl_error *err);

/* Matches folded text against pattern re. Returns 1 and fills m on a
 * match, 0 when the pattern does not match, IPL_ENOMEM, or IPL_ERROR
 * when the patterns could not be compiled. */
int ipl__ident_match(ipl__ident_groups *m, int re, const char *text,
                     size_t n, ipl_error *err);

/* Copies group g into buf without the spaces and commas people put
 * between digits; "" for a group that did not take part. Returns the
 * length copied. buf must hold the group and a NUL (size bytes). */
size_t ipl__ident_group(char *buf, size_t size, const ipl__ident_groups *m,
                        int g);

/* The value of a string of at most 9 decimal digits (as the patterns
 * guarantee). */
long ipl__ident_value(const char *digits);

/* Maps a two-digit year to four digits: yy >= pivot is 19yy, below it
 * 20yy. */
int ipl__ident_century(int yy, int pivot);

/* Sets id->kind from group g (when the text gave a kind) after checking
 * it against the kind codes id->type allows. */
int ipl__ident_take_kind(ipl_ident *id, const ipl__ident_groups *m, int g,
                         const char *text, ipl_error *err);

/* Records that kind does not fit: "\"text\": kind K <what> (<list>)",
 * the list written without its outer spaces, or "none". Returns
 * IPL_EINVAL. */
int ipl__ident_fail_kind(ipl_error *err, const char *text, const char *kind,
                         const char *what, const char *list);

/* Nonzero when kind is one of the codes in list, a string of codes
 * separated and surrounded by single spaces (" A B1 B2 "). */
int ipl__ident_kind_in(const char *kind, const char *list);

#endif /* IPL_IDENT_INTERNAL_H */
