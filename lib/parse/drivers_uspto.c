/* USPTO patent formats: grants and applications v4.0–4.7 (ICE XML),
 * the 2001–2004 application format (pap) and ST.32 grants (PATDOC).
 * Paths follow FORMATS.md 2.1; v4.0–4.2 name parties and citations
 * differently from v4.3+, so both are listed (the first that is present
 * wins for scalars; lists read both). */
#include "parse_internal.h"
#include "rule_macros.h"


/* The rules for v4.x. The first step "*" stands for
 * us-bibliographic-data-grant or us-bibliographic-data-application. */
static const ipl__rule ice_rules[] = {
    ONE(IPL__T_OFFICE, "*/publication-reference/document-id/country"),
    NUM(IPL_NUMBER_PUBLICATION, "*/publication-reference/document-id/doc-number"),
    ONE(IPL__T_KIND, "*/publication-reference/document-id/kind"),
    DATE(IPL_DATE_PUBLICATION, "*/publication-reference/document-id/date"),
    NUM(IPL_NUMBER_APPLICATION, "*/application-reference/document-id/doc-number"),
    DATE(IPL_DATE_FILING, "*/application-reference/document-id/date"),
    DATE(IPL_DATE_PRIORITY, "*/priority-claims/priority-claim/date"),
    NUM(IPL_NUMBER_PCT_APPLICATION,
        "*/pct-or-regional-filing-data/document-id/doc-number"),
    NUM(IPL_NUMBER_PCT_PUBLICATION,
        "*/pct-or-regional-publishing-data/document-id/doc-number"),
    ONE(IPL__T_PTA, "*/us-term-of-grant/us-term-extension"),
    ONE(IPL__T_CLAIMS_STATED, "*/number-of-claims"),
    ROW(IPL_LIST_TITLES, "*/invention-title", NULL, "@lang", NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_ABSTRACTS, "abstract", NULL, "@lang", NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_APPLICANTS, "*/us-parties/us-applicants/us-applicant",
        "{addressbook/orgname}|{addressbook/last-name}, {addressbook/first-name}"
        "|addressbook/last-name",
        NULL, "addressbook/address/country|residence/country", "@app-type",
        NULL, NULL),
    ROW(IPL_LIST_APPLICANTS, "*/parties/applicants/applicant",
        "{addressbook/orgname}|{addressbook/last-name}, {addressbook/first-name}"
        "|addressbook/last-name", NULL, "addressbook/address/country",
        "@app-type", NULL, NULL),
    ROW(IPL_LIST_INVENTORS, "*/us-parties/inventors/inventor",
        "{addressbook/last-name}, {addressbook/first-name}|addressbook/last-name"
        "|addressbook/orgname", NULL, "addressbook/address/country", NULL,
        NULL, NULL),
    ROW(IPL_LIST_INVENTORS,
        "*/parties/applicants/applicant[@app-type=applicant-inventor]",
        "{addressbook/last-name}, {addressbook/first-name}|addressbook/last-name",
        NULL, "addressbook/address/country", NULL, NULL, NULL),
    ROW(IPL_LIST_INVENTORS, "*/parties/inventors/inventor",
        "{addressbook/last-name}, {addressbook/first-name}|addressbook/last-name",
        NULL, "addressbook/address/country", NULL, NULL, NULL),
    ROW(IPL_LIST_OWNERS, "*/assignees/assignee",
        "{addressbook/orgname}|{addressbook/last-name}, {addressbook/first-name}"
        "|orgname", NULL, "addressbook/address/country", "addressbook/role",
        NULL, NULL),
    ROW(IPL_LIST_IPC, "*/classifications-ipcr/classification-ipcr", IPCR,
        NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_IPC, "*/classification-ipc/main-classification",
        NULL, NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_IPC, "*/classification-ipc/further-classification",
        NULL, NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_CPC, "*/classifications-cpc/main-cpc/classification-cpc",
        IPCR, NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_CPC, "*/classifications-cpc/further-cpc/classification-cpc",
        IPCR, NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_LOCARNO, "*/classification-locarno/main-classification",
        NULL, NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_US_CLASSES, "*/classification-national/main-classification",
        NULL, NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_US_CLASSES, "*/classification-national/further-classification",
        NULL, NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_CLAIMS, "claims/claim", NULL, "../@lang", NULL, NULL, NULL,
        "?claim-ref"),
    ROW(IPL_LIST_CITATIONS, "*/us-references-cited/us-citation/patcit/..",
        "patcit/document-id/doc-number", NULL, "patcit/document-id/country",
        "category", "patcit/document-id/date", "=1"),
    ROW(IPL_LIST_CITATIONS, "*/us-references-cited/us-citation/nplcit/..",
        "nplcit/othercit", NULL, NULL, "category", NULL, "=0"),
    ROW(IPL_LIST_CITATIONS, "*/references-cited/citation/patcit/..",
        "patcit/document-id/doc-number", NULL, "patcit/document-id/country",
        "category", "patcit/document-id/date", "=1"),
    ROW(IPL_LIST_CITATIONS, "*/references-cited/citation/nplcit/..",
        "nplcit/othercit", NULL, NULL, "category", NULL, "=0"),
    ROW(IPL_LIST_PRIORITIES, "*/priority-claims/priority-claim", "doc-number",
        NULL, "country", "@kind", "date", NULL),
    ROW(IPL_LIST_FAMILY, "*/us-related-documents/**/document-id", "doc-number",
        NULL, "country", "kind", "date", NULL),
    ROW(IPL_LIST_DISCLAIMERS, "*/us-term-of-grant/disclaimer", NULL, NULL,
        NULL, NULL, NULL, NULL),
    IPL__END
};

static void
classify_grant(ipl_record *r, const xmlNode *root)
{
    (void)root;
    ipl__classify_by_kind(r, 0);
    if (r->document == IPL_DOCUMENT_GRANT)
        ipl__record_copy_date(r, IPL_DATE_PUBLICATION, IPL_DATE_GRANT);
}

static void
classify_application(ipl_record *r, const xmlNode *root)
{
    (void)root;
    ipl__classify_by_kind(r, 1);
}

/* 2001–2004 applications. */
#define SBI "subdoc-bibliographic-information/"
static const ipl__rule pap_rules[] = {
    NUM(IPL_NUMBER_PUBLICATION, SBI "document-id/doc-number"),
    ONE(IPL__T_KIND, SBI "document-id/kind-code"),
    DATE(IPL_DATE_PUBLICATION, SBI "document-id/document-date"),
    NUM(IPL_NUMBER_APPLICATION, SBI "domestic-filing-data/application-number/doc-number"),
    DATE(IPL_DATE_FILING, SBI "domestic-filing-data/filing-date"),
    DATE(IPL_DATE_PRIORITY, SBI "foreign-priority-data/filing-date"),
    ROW(IPL_LIST_TITLES, SBI "technical-information/title-of-invention",
        NULL, NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_ABSTRACTS, "subdoc-abstract", NULL, NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_INVENTORS, SBI "inventors/*",
        "{name/family-name}, {name/given-name}|name/family-name", NULL,
        "residence/*/country-code", NULL, NULL, NULL),
    ROW(IPL_LIST_OWNERS, SBI "assignee",
        "organization-name|{name/family-name}, {name/given-name}", NULL,
        NULL, "assignee-type", NULL, NULL),
    ROW(IPL_LIST_IPC, SBI "technical-information/classification-ipc/*/ipc",
        NULL, NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_US_CLASSES,
        SBI "technical-information/classification-us/*/uspc",
        "{class}/{subclass}", NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_PRIORITIES, SBI "foreign-priority-data",
        "priority-application-number/doc-number", NULL, "country-code", NULL,
        "filing-date", NULL),
    ROW(IPL_LIST_FAMILY, SBI "continuity-data/**/document-id", "doc-number",
        NULL, "country-code", "kind-code", "document-date", NULL),
    ROW(IPL_LIST_CLAIMS, "subdoc-claims/claim", NULL, NULL, NULL, NULL, NULL,
        "?dependent-claim-reference"),
    IPL__END
};

/* ST.32 grants: WIPO ST.32 tag numbers (B110 publication number ...). */
static const ipl__rule st32_rules[] = {
    ONE(IPL__T_OFFICE, "SDOBI/B100/B190/PDAT"),
    NUM(IPL_NUMBER_PUBLICATION, "SDOBI/B100/B110/DNUM/PDAT"),
    ONE(IPL__T_KIND, "SDOBI/B100/B130/PDAT"),
    DATE(IPL_DATE_PUBLICATION, "SDOBI/B100/B140/DATE/PDAT"),
    NUM(IPL_NUMBER_APPLICATION, "SDOBI/B200/B210/DNUM/PDAT"),
    DATE(IPL_DATE_FILING, "SDOBI/B200/B220/DATE/PDAT"),
    ONE(IPL__T_PTA, "SDOBI/B400/B472/B473/PDAT"),
    ONE(IPL__T_CLAIMS_STATED, "SDOBI/B500/B570/B577/PDAT"),
    ROW(IPL_LIST_TITLES, "SDOBI/B500/B540", NULL, NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_IPC, "SDOBI/B500/B510/B511/PDAT", NULL, NULL, NULL, NULL,
        NULL, NULL),
    ROW(IPL_LIST_LOCARNO, "SDOBI/B500/B510/B511/PDAT", NULL, NULL, NULL, NULL,
        NULL, NULL),
    ROW(IPL_LIST_US_CLASSES, "SDOBI/B500/B520/B521/PDAT", NULL, NULL, NULL,
        NULL, NULL, NULL),
    ROW(IPL_LIST_INVENTORS, "SDOBI/B700/B720/B721/PARTY-US/NAM",
        "{SNM}, {FNM}|SNM|ONM", NULL, "../ADR/CTRY", NULL, NULL, NULL),
    ROW(IPL_LIST_OWNERS, "SDOBI/B700/B730/B731/PARTY-US/NAM",
        "ONM|{SNM}, {FNM}", NULL, "../ADR/CTRY", NULL, NULL, NULL),
    ROW(IPL_LIST_CITATIONS, "SDOBI/B500/B560/B561/PCIT/..", "PCIT/DOC/DNUM",
        NULL, "PCIT/DOC/CTRY", NULL, "PCIT/DOC/DATE", "=1"),
    ROW(IPL_LIST_CITATIONS, "SDOBI/B500/B560/B562/..", "B562/NCIT", NULL,
        NULL, NULL, NULL, "=0"),
    ROW(IPL_LIST_CLAIMS, "SDOCL/CL/CLM", NULL, NULL, NULL, NULL, NULL,
        "?CLREF"),
    IPL__END
};

/* ST.32 names design numbers "D0435854" and kind "S"; designs carry
 * their Locarno class in B511, utility patents their IPC. */
static void
classify_st32(ipl_record *r, const xmlNode *root)
{
    (void)root;
    ipl__classify_by_kind(r, 0);
    if (r->right == IPL_RIGHT_DESIGN)
        r->lists[IPL_LIST_IPC].count = 0;
    else
        r->lists[IPL_LIST_LOCARNO].count = 0;
    classify_grant(r, root);
}

/* Parts of the document no rule reads: parsed, never built. */
static const char *const uspto_skip[] = {
    "description", "drawings", "us-claim-statement", "subdoc-description",
    "subdoc-drawings", "SDODE", "SDODR", NULL
};

const ipl__driver ipl__drivers_uspto[] = {
    { IPL_FORMAT_USPTO_GRANT, "uspto-grant", "US", NULL, ice_rules, uspto_skip,
      classify_grant },
    { IPL_FORMAT_USPTO_APPLICATION, "uspto-application", "US", NULL, ice_rules, uspto_skip,
      classify_application },
    { IPL_FORMAT_USPTO_PAP, "uspto-pap", "US", NULL, pap_rules, uspto_skip,
      classify_application },
    { IPL_FORMAT_USPTO_ST32, "uspto-st32", "US", NULL, st32_rules, uspto_skip,
      classify_st32 },
    { IPL_FORMAT_AUTO, NULL, NULL, NULL, NULL, NULL, NULL }
};
