/* EPO formats: ep-patent-document (publication server, v1.0–1.5.1, ST.36
 * tags B100 ...), and OPS responses: DOCDB exchange documents, INPADOC
 * families and legal status, EP Register, full text (FORMATS.md 2.1). */
#include "parse_internal.h"
#include "rule_macros.h"

#define S "SDOBI/"
static const ipl__rule ep_rules[] = {
    ONE(IPL__T_OFFICE, S "B100/B190"),
    ONE(IPL__T_OFFICE, "@country"),
    NUM(IPL_NUMBER_PUBLICATION, S "B100/B110"),
    NUM(IPL_NUMBER_PUBLICATION, "@doc-number"),
    ONE(IPL__T_KIND, S "B100/B130"),
    ONE(IPL__T_KIND, "@kind"),
    DATE(IPL_DATE_PUBLICATION, S "B100/B140/date"),
    DATE(IPL_DATE_PUBLICATION, "@date-publ"),
    NUM(IPL_NUMBER_APPLICATION, S "B200/B210"),
    DATE(IPL_DATE_FILING, S "B200/B220/date"),
    DATE(IPL_DATE_PRIORITY, S "B300/B320/date"),
    DATE(IPL_DATE_GRANT, S "B400/B450/date"),
    NUM(IPL_NUMBER_PCT_APPLICATION, S "B800/B860/B861/dnum/anum"),
    NUM(IPL_NUMBER_PCT_PUBLICATION, S "B800/B870/B871/dnum/pnum"),
    ROW(IPL_LIST_TITLES, S "B500/B540/B542", NULL, "<", NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_ABSTRACTS, "abstract", NULL, "@lang", NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_APPLICANTS, S "B700/B710/B711", "snm", NULL, "adr/ctry",
        NULL, NULL, NULL),
    ROW(IPL_LIST_INVENTORS, S "B700/B720/B721", "snm", NULL, "adr/ctry",
        NULL, NULL, NULL),
    ROW(IPL_LIST_OWNERS, S "B700/B730/B731", "snm", NULL, "adr/ctry",
        NULL, NULL, NULL),
    ROW(IPL_LIST_IPC, S "B500/B510EP/classification-ipcr", "text", NULL, NULL,
        NULL, NULL, NULL),
    ROW(IPL_LIST_IPC, S "B500/B510/B511", NULL, NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_IPC, S "B500/B510/B512", NULL, NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_PRIORITIES, S "B300/B310", NULL, NULL, ">/>/ctry", NULL,
        ">/date", NULL),
    ROW(IPL_LIST_CITATIONS, S "B500/B560/B561", "text", NULL, NULL, NULL,
        NULL, "=1"),
    ROW(IPL_LIST_CITATIONS, S "B500/B560/B562", "text", NULL, NULL, NULL,
        NULL, "=0"),
    ROW(IPL_LIST_EVENTS, S "B400/B472/B475", "ctry", NULL, "ctry", "=lapse",
        "date", NULL),
    ROW(IPL_LIST_CLAIMS, "claims/claim", NULL, "../@lang", NULL, NULL, NULL,
        "?claim-ref"),
    IPL__END
};

static void
classify_ep(ipl_record *r, const xmlNode *root)
{
    (void)root;
    ipl__classify_by_kind(r, 0);
}

/* OPS answers: the response is the record. */
#define EX "**/exchange-document/"
#define DOCDB "[@document-id-type=docdb]"
#define EPODOC "[@document-id-type=epodoc]"
#define FAM "**/patent-family/"
#define REG "**/register-document/bibliographic-data/"
static const ipl__rule ops_rules[] = {
    ONE(IPL__T_OFFICE, EX "@country"),
    NUM(IPL_NUMBER_PUBLICATION, EX "@doc-number"),
    ONE(IPL__T_KIND, EX "@kind"),
    DATE(IPL_DATE_PUBLICATION,
         EX "bibliographic-data/publication-reference/document-id/date"),
    NUM(IPL_NUMBER_APPLICATION, EX "bibliographic-data/application-reference/"
        "document-id" DOCDB "/doc-number"),
    DATE(IPL_DATE_FILING,
         EX "bibliographic-data/application-reference/document-id/date"),
    DATE(IPL_DATE_PRIORITY, EX "bibliographic-data/priority-claims/"
         "priority-claim/document-id/date"),
    /* full text */
    ONE(IPL__T_OFFICE, "**/fulltext-document/bibliographic-data/"
        "publication-reference/document-id/country"),
    NUM(IPL_NUMBER_PUBLICATION, "**/fulltext-document/bibliographic-data/"
        "publication-reference/document-id/doc-number"),
    ONE(IPL__T_KIND, "**/fulltext-document/bibliographic-data/"
        "publication-reference/document-id/kind"),
    /* family and legal status: the document asked about */
    ONE(IPL__T_OFFICE, FAM "publication-reference/document-id/country"),
    NUM(IPL_NUMBER_PUBLICATION, FAM "publication-reference/document-id/doc-number"),
    ONE(IPL__T_KIND, FAM "publication-reference/document-id/kind"),
    /* register */
    ONE(IPL__T_OFFICE, REG "@country"),
    NUM(IPL_NUMBER_PUBLICATION,
        REG "publication-reference/document-id[country=EP]/doc-number"),
    ONE(IPL__T_KIND, REG "publication-reference/document-id[country=EP]/kind"),
    DATE(IPL_DATE_PUBLICATION,
         REG "publication-reference/document-id[country=EP]/date"),
    NUM(IPL_NUMBER_APPLICATION, REG "application-reference/document-id/doc-number"),
    DATE(IPL_DATE_FILING, REG "application-reference/document-id/date"),
    NUM(IPL_NUMBER_PCT_PUBLICATION,
        REG "publication-reference/document-id[country=WO]/doc-number"),
    ONE(IPL__T_STATUS, "**/ep-patent-statuses/ep-patent-status"),
    DATE(IPL_DATE_STATUS, "**/ep-patent-statuses/ep-patent-status/@change-date"),

    ROW(IPL_LIST_TITLES, "**/bibliographic-data/invention-title", NULL, "@lang",
        NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_ABSTRACTS, EX "abstract", NULL, "@lang", NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_APPLICANTS, EX "bibliographic-data/parties/applicants/"
        "applicant[@data-format=epodoc]", "applicant-name/name", NULL, NULL,
        NULL, NULL, NULL),
    ROW(IPL_LIST_INVENTORS, EX "bibliographic-data/parties/inventors/"
        "inventor[@data-format=epodoc]", "inventor-name/name", NULL, NULL,
        NULL, NULL, NULL),
    ROW(IPL_LIST_APPLICANTS, REG "parties/applicants/applicant",
        "addressbook/name", NULL, "addressbook/address/country", NULL, NULL,
        NULL),
    ROW(IPL_LIST_INVENTORS, REG "parties/inventors/inventor",
        "addressbook/name", NULL, "addressbook/address/country", NULL, NULL,
        NULL),
    ROW(IPL_LIST_IPC, "**/bibliographic-data/classifications-ipcr/"
        "classification-ipcr", "text", NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_CPC, EX "bibliographic-data/patent-classifications/"
        "patent-classification[classification-scheme/@scheme=CPC]", IPCR,
        NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_CITATIONS, EX "bibliographic-data/references-cited/citation"
        "/patcit/..", "patcit/document-id" EPODOC "/doc-number|"
        "patcit/document-id/doc-number", NULL,
        "patcit/document-id" DOCDB "/country", "@cited-by", NULL, "=1"),
    ROW(IPL_LIST_CITATIONS, EX "bibliographic-data/references-cited/citation"
        "/nplcit/..", "nplcit/text", NULL, NULL, "@cited-by", NULL, "=0"),
    ROW(IPL_LIST_PRIORITIES, EX "bibliographic-data/priority-claims/"
        "priority-claim", "document-id" EPODOC "/doc-number|document-id/"
        "doc-number", NULL, NULL, "@kind", "document-id/date", NULL),
    ROW(IPL_LIST_PRIORITIES, REG "priority-claims/priority-claim", "doc-number",
        NULL, "country", "@kind", "date", NULL),
    ROW(IPL_LIST_FAMILY, FAM "family-member",
        "{publication-reference/document-id" DOCDB "/country}"
        "{publication-reference/document-id" DOCDB "/doc-number}",
        NULL, "publication-reference/document-id" DOCDB "/country",
        "publication-reference/document-id" DOCDB "/kind",
        "publication-reference/document-id" DOCDB "/date", NULL),
    ROW(IPL_LIST_EVENTS, FAM "family-member/legal", "@desc", NULL, NULL,
        "@code", "L007EP", NULL),
    ROW(IPL_LIST_EVENTS, "**/ep-patent-statuses/ep-patent-status", NULL, NULL,
        NULL, "@status-code", "@change-date", NULL),
    ROW(IPL_LIST_EVENTS, "**/procedural-data/procedural-step",
        "procedural-step-text", NULL, NULL, "procedural-step-code",
        "procedural-step-date/date", NULL),
    ROW(IPL_LIST_CLAIMS, "**/fulltext-document/claims/claim/claim-text", NULL,
        "../../@lang", NULL, NULL, NULL, NULL),
    IPL__END
};

static void
classify_ops(ipl_record *r, const xmlNode *root)
{
    ipl__classify_by_kind(r, 0);
    if (ipl__find(root, "family-member") != NULL)
        r->document = ipl__find(root, "legal") != NULL ? IPL_DOCUMENT_REGISTER
                                                      : IPL_DOCUMENT_FAMILY;
    else if (ipl__find(root, "register-document") != NULL)
        r->document = IPL_DOCUMENT_REGISTER;
    else if (ipl__find(root, "fulltext-document") != NULL)
        r->document = IPL_DOCUMENT_FULLTEXT;
}

/* Parts of the document no rule reads: parsed, never built. */
static const char *const ep_skip[] = {
    "description", "drawings", "ep-reference-list", "search-report-data", NULL
};

const ipl__driver ipl__drivers_epo[] = {
    { IPL_FORMAT_EP, "ep-patent-document", "EP", NULL, ep_rules, ep_skip, classify_ep },
    { IPL_FORMAT_EPO_OPS, "epo-ops", NULL, NULL, ops_rules, NULL, classify_ops },
    { IPL_FORMAT_AUTO, NULL, NULL, NULL, NULL, NULL, NULL }
};
