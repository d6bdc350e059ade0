/* Facts derived once a driver has filled a record: claims kept in one
 * language and marked independent or dependent, IPC subclasses. */
#include <stdio.h>
#include <string.h>

#include "ipledge/error.h"
#include "record_internal.h"

/* Words after which a claim number means "this claim depends on
 * another" (ASCII case-insensitive), and phrases that say so without a
 * number. */
static const char *const claim_words[] = {
    "claims", "claim", "ansprüchen", "ansprüche", "anspruch",
    "revendications", "revendication", "权利要求", "請求項",
};
static const char *const claim_phrases[] = {
    "preceding claim", "previous claim", "vorhergehenden ansprüche",
    "revendications précédentes",
};

/* Every word contains one of these; a word starts back bytes before it.
 * Searching for them (strstr) is much faster than trying every word at
 * every byte of long claims. */
static const struct {
    const char *needle;
    size_t back;
} anchors[] = {
    { "laim", 1 }, { "LAIM", 1 }, { "nspr", 1 }, { "NSPR", 1 },
    { "evendication", 1 }, { "EVENDICATION", 1 },
    { "\xe6\x9d\x83\xe5\x88\xa9\xe8\xa6\x81\xe6\xb1\x82", 0 },   /* 权利要求 */
    { "\xe8\xab\x8b\xe6\xb1\x82\xe9\xa0\x85", 0 },               /* 請求項 */
};

static int
lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Does the text at p start with word (ASCII case-insensitive)? */
static int
match_at(const char *p, const char *word)
{
    while (*word != '\0' && lower((unsigned char)*p) == (unsigned char)*word)
        p++, word++;
    return *word == '\0';
}

/* An ASCII digit, or a full-width one (U+FF10..FF19) as Japanese claims
 * write them: 請求項１ */
static int
digit_at(const char *q)
{
    return (*q >= '0' && *q <= '9') ||
           (memcmp(q, "\xef\xbc", 2) == 0 && (unsigned char)q[2] >= 0x90 &&
            (unsigned char)q[2] <= 0x99);
}

/* Is there a claim reference at start: a claim word and a number, or a
 * phrase that ends or starts there ("the preceding claims",
 * "revendications précédentes")? */
static int
reference_at(const char *text, const char *start)
{
    size_t i, n;

    for (i = 0; i < sizeof claim_words / sizeof *claim_words; i++) {
        const char *q = start;
        if (!match_at(q, claim_words[i]))
            continue;
        for (q += strlen(claim_words[i]); *q == ' '; q++)
            ;
        if (digit_at(q))
            return 1;
    }
    for (i = 0; i < sizeof claim_phrases / sizeof *claim_phrases; i++) {
        const char *last = strrchr(claim_phrases[i], ' ') + 1;
        n = (size_t)(last - claim_phrases[i]);
        /* the anchor is the phrase's last word or its first */
        if (((size_t)(start - text) >= n &&
             match_at(start - n, claim_phrases[i])) ||
            match_at(start, claim_phrases[i]))
            return 1;
    }
    return 0;
}

/* A claim refers to another when a claim word is followed by a number
 * or it speaks of "the preceding claims". */
static int
refers_to_claim(const char *text)
{
    const char *p;
    size_t i;

    for (i = 0; i < sizeof anchors / sizeof *anchors; i++)
        for (p = strstr(text, anchors[i].needle); p != NULL;
             p = strstr(p + 1, anchors[i].needle))
            if ((size_t)(p - text) >= anchors[i].back &&
                reference_at(text, p - anchors[i].back))
                return 1;
    return 0;
}

static int
same_lang(const char *a, const char *b)
{
    return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* EP grants repeat the claims in English, German and French: keep the
 * first language given, so that counts mean claims, not translations. */
static void
finish_claims(ipl_record *r)
{
    ipl__list *l = &r->lists[IPL_LIST_CLAIMS];
    size_t i, kept = 0;

    for (i = 0; i < l->count; i++) {
        ipl_record_item *c = &l->rows[i];
        if (!same_lang(c->lang, l->rows[0].lang))
            continue;
        /* drivers mark claims with a claim-ref in their markup as 2 */
        c->value = c->value != 2 && (c->text == NULL ||
                                     !refers_to_claim(c->text));
        l->rows[kept++] = *c;
    }
    l->count = kept;
}

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int
is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* The subclass a symbol starts with ("A24B", also written "A 24 B"):
 * a section letter, two digits, a letter, into head (5 bytes); *end is
 * set after it. Returns 0 when the text starts otherwise. */
static int
subclass_of(char *head, const char **end, const char *in)
{
    size_t n = 0;
    const char *p = in;

    for (; *p != '\0' && n < 4; p++) {
        if (*p == ' ' && n > 0)
            continue;
        if ((n == 0 || n == 3) ? !is_upper(*p) : !is_digit(*p))
            return 0;
        head[n++] = *p;
    }
    head[n] = '\0';
    *end = p;
    return n == 4;
}

/* An IPC or CPC symbol in display form, "A24B 15/18", from the ways
 * offices write it: parts ("A24B 015/18"), the ST.8 fixed-width field
 * ("B60R   7/06        20060101AFI..."), CNIPA's "A24B   15/18
 * (2006.01)", OPS's "E21B  47/  0228", the 2001 "G06F015/00" and the
 * ST.36 table of contents' "H04N000140" (main group in four digits),
 * spaced "G 06 F 17 / 30".
 * Text that is none of these is kept as published. */
static int
symbol_display(char *out, size_t size, const char *in)
{
    char head[5], digits[16];
    size_t n = 0, main_len = 0;
    const char *p = in;
    unsigned long main_group;
    int slash = 0;

    if (!subclass_of(head, &p, in))
        return 0;
    for (; *p != '\0' && n < sizeof digits - 1; p++) {
        if (is_digit(*p))
            digits[n++] = *p;
        else if (*p == '/' && !slash && n > 0)
            slash = 1, main_len = n;
        else if (*p != ' ' || (slash && n > main_len))
            break;               /* a space after the subgroup ends it */
    }
    if (!slash) {                /* "H04N000140": four digits, then the rest */
        if (n < 6)
            return 0;
        main_len = 4;
    }
    if (main_len == 0 || main_len > 4 || n - main_len < 2 || n - main_len > 6)
        return 0;
    digits[n] = '\0';
    main_group = 0;
    for (p = digits; p < digits + main_len; p++)
        main_group = 10 * main_group + (unsigned long)(*p - '0');
    snprintf(out, size, "%s %lu/%s", head, main_group, digits + main_len);
    return 1;
}

static int
normalise_symbols(ipl_record *r, ipl_record_list list)
{
    ipl__list *l = &r->lists[list];
    char buf[32];
    size_t i;
    int rc;

    for (i = 0; i < l->count; i++)
        if (l->rows[i].text != NULL &&
            symbol_display(buf, sizeof buf, l->rows[i].text) &&
            (rc = ipl__record_text(&l->rows[i].text, r, buf, strlen(buf))) < 0)
            return rc;
    return IPL_OK;
}

/* Nice classes are 1 to 45; TDXF also lists US classes and letters in
 * the same element, and a class may be listed twice. */
static void
finish_nice(ipl_record *r)
{
    ipl__list *l = &r->lists[IPL_LIST_NICE];
    size_t i, j, kept = 0;

    for (i = 0; i < l->count; i++) {
        int v = l->rows[i].value, dup = 0;
        for (j = 0; j < kept; j++)
            dup |= l->rows[j].value == v;
        if (v >= 1 && v <= 45 && !dup)
            l->rows[kept++] = l->rows[i];
    }
    l->count = kept;
}

/* "A24B 15/18" -> "A24B", once per subclass. */
static int
add_subclass(ipl_record *r, const char *symbol)
{
    ipl__list *l = &r->lists[IPL_LIST_IPC_SUBCLASSES];
    ipl_record_item *row;
    const char *end;
    char head[5];
    size_t i;
    int rc;

    if (symbol == NULL || !subclass_of(head, &end, symbol))
        return IPL_OK;
    for (i = 0; i < l->count; i++)
        if (strcmp(l->rows[i].text, head) == 0)
            return IPL_OK;
    if ((rc = ipl__record_add(&row, r, IPL_LIST_IPC_SUBCLASSES)) < 0 ||
        (rc = ipl__record_text(&row->text, r, head, 4)) < 0)
        return rc;
    return IPL_OK;
}

int
ipl__record_finish(ipl_record *r)
{
    size_t i;
    int rc;

    finish_claims(r);
    finish_nice(r);
    if ((rc = normalise_symbols(r, IPL_LIST_IPC)) < 0 ||
        (rc = normalise_symbols(r, IPL_LIST_CPC)) < 0)
        return rc;
    for (i = 0; i < r->lists[IPL_LIST_IPC].count; i++)
        if ((rc = add_subclass(r, r->lists[IPL_LIST_IPC].rows[i].text)) < 0)
            return rc;
    return IPL_OK;
}
