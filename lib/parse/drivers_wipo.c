/* WIPO formats and their office profiles: ST.36 patent-document and the
 * ST.36 example package's table of contents, the JPO gazette, ST.96
 * patent publications with USPTO's XML4IP file-wrapper documents, and
 * ST.96 designs (FORMATS.md 2.1). */
#include "parse_internal.h"
#include "rule_macros.h"

/* Names written as parts in ST.36 address books. */
#define AB_NAME "{addressbook/orgname}|{addressbook/last-name}, " \
    "{addressbook/first-name}|addressbook/last-name|addressbook/name"

static const ipl__rule st36_rules[] = {
    /* ST.36 patent-document */
    ONE(IPL__T_OFFICE, "bibliographic-data/publication-reference/document-id/country"),
    NUM(IPL_NUMBER_PUBLICATION,
        "bibliographic-data/publication-reference/document-id/doc-number"),
    ONE(IPL__T_KIND, "bibliographic-data/publication-reference/document-id/kind"),
    DATE(IPL_DATE_PUBLICATION,
         "bibliographic-data/publication-reference/document-id/date"),
    NUM(IPL_NUMBER_APPLICATION,
        "bibliographic-data/application-reference/document-id/doc-number"),
    DATE(IPL_DATE_FILING, "bibliographic-data/application-reference/document-id/date"),
    DATE(IPL_DATE_PRIORITY, "bibliographic-data/priority-claims/priority-claim/date"),
    /* the table of contents of an ST.36 package: attributes only */
    ONE(IPL__T_OFFICE, "@country"),
    NUM(IPL_NUMBER_PUBLICATION, "@id"),
    NUM(IPL_NUMBER_APPLICATION, "@appnum"),
    ONE(IPL__T_KIND, "@kind"),
    DATE(IPL_DATE_PUBLICATION, "@pubdate"),
    TEXT(IPL_LIST_IPC, "@ipc"),

    ROW(IPL_LIST_TITLES, "bibliographic-data/invention-title", NULL, "@lang",
        NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_ABSTRACTS, "abstract", NULL, "@lang", NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_APPLICANTS, "bibliographic-data/parties/applicants/applicant",
        AB_NAME, NULL, "addressbook/address/country|nationality/country",
        "@apptype", NULL, NULL),
    ROW(IPL_LIST_INVENTORS, "bibliographic-data/parties/inventors/inventor",
        AB_NAME, NULL, "addressbook/address/country", NULL, NULL, NULL),
    TEXT(IPL_LIST_IPC, "bibliographic-data/classification-ipc/main-classification"),
    TEXT(IPL_LIST_IPC, "bibliographic-data/classification-ipc/further-classification"),
    ROW(IPL_LIST_IPC, "bibliographic-data/classifications-ipcr/classification-ipcr",
        "text|" IPCR, NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_PRIORITIES, "bibliographic-data/priority-claims/priority-claim",
        "doc-number", NULL, "country", "@kind", "date", NULL),
    ROW(IPL_LIST_CLAIMS, "claims/claim", NULL, "../@lang", NULL, NULL, NULL,
        "?claim-ref"),
    IPL__END
};

static void
classify_patent(ipl_record *r, const xmlNode *root)
{
    (void)root;
    ipl__classify_by_kind(r, 0);
}

/* The JPO gazette: ST.36 names, JP-specific parties, and the kind both
 * as text (公開特許公報(A)) and as the ST.16 code in kind-of-st16. */
#define JB "bibliographic-data/"
static const ipl__rule jpo_rules[] = {
    ONE(IPL__T_OFFICE, "@country"),
    NUM(IPL_NUMBER_PUBLICATION, JB "publication-reference/document-id/doc-number"),
    ONE(IPL__T_KIND, "@kind-of-st16"),
    DATE(IPL_DATE_PUBLICATION, JB "publication-reference/document-id/date"),
    NUM(IPL_NUMBER_APPLICATION, JB "application-reference/document-id/doc-number"),
    DATE(IPL_DATE_FILING, JB "application-reference/document-id/date"),
    DATE(IPL_DATE_PRIORITY, JB "priority-claims/priority-claim/date"),
    ONE(IPL__T_CLAIMS_STATED, JB "number-of-claims"),
    ROW(IPL_LIST_TITLES, JB "invention-title", NULL, "=ja", NULL, NULL, NULL,
        NULL),
    ROW(IPL_LIST_ABSTRACTS, "abstract", NULL, "=ja", NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_APPLICANTS, JB "parties/applicants-agents-article/"
        "applicants-agents/applicant", "addressbook/name", NULL, NULL, NULL,
        NULL, NULL),
    ROW(IPL_LIST_INVENTORS, JB "parties/inventors/inventor", "addressbook/name",
        NULL, NULL, NULL, NULL, NULL),
    TEXT(IPL_LIST_IPC, JB "classification-ipc/main-clsf"),
    TEXT(IPL_LIST_IPC, JB "classification-ipc/further-clsf"),
    ROW(IPL_LIST_PRIORITIES, JB "priority-claims/priority-claim", "doc-number",
        NULL, "country", NULL, "date", NULL),
    ROW(IPL_LIST_CLAIMS, "claims/claim", NULL, NULL, NULL, NULL, NULL, NULL),
    IPL__END
};

/* ST.96 patent publications, and USPTO XML4IP documents (claims or
 * specification of an application file wrapper). */
#define BD "BibliographicData/"
#define CONTACT_NAME "{*/Name/EntityName}|{*/Name/PersonName/" \
    "PersonStructuredName/LastName}, {*/Name/PersonName/" \
    "PersonStructuredName/FirstName}|*/Name/PersonName/PersonFullName"
static const ipl__rule st96_patent_rules[] = {
    ONE(IPL__T_OFFICE, BD "PatentPublicationIdentification/IPOfficeCode"),
    ONE(IPL__T_OFFICE, "IPOfficeCode"),
    NUM(IPL_NUMBER_PUBLICATION, BD "PatentPublicationIdentification/PublicationNumber"),
    ONE(IPL__T_KIND, BD "PatentPublicationIdentification/PatentDocumentKindCode"),
    DATE(IPL_DATE_PUBLICATION, BD "PatentPublicationIdentification/PublicationDate"),
    NUM(IPL_NUMBER_APPLICATION,
        BD "ApplicationIdentification/ApplicationNumber/ApplicationNumberText"),
    NUM(IPL_NUMBER_APPLICATION,
        "DocumentHeaderDetails/ApplicationHeaderDetails/ApplicationNumber"),
    DATE(IPL_DATE_FILING, BD "ApplicationIdentification/FilingDate"),
    DATE(IPL_DATE_PRIORITY, BD "PriorityClaimBag/PriorityClaim/FilingDate"),
    ONE(IPL__T_CLAIMS_STATED, BD "ClaimTotalQuantity"),
    ROW(IPL_LIST_TITLES, BD "InventionTitleBag/InventionTitle", NULL,
        "@languageCode", NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_ABSTRACTS, "Abstract", NULL, "@languageCode", NULL, NULL,
        NULL, NULL),
    ROW(IPL_LIST_ABSTRACTS, "Specification[Heading=ABSTRACT]/P", NULL, NULL,
        NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_APPLICANTS, BD "PartyBag/ApplicantBag/Applicant", CONTACT_NAME,
        NULL, "*/CityName/../CountryCode|*/PostalAddressBag/PostalAddress/"
        "PostalStructuredAddress/CountryCode", "ApplicantCategory", NULL, NULL),
    ROW(IPL_LIST_INVENTORS, BD "PartyBag/InventorBag/Inventor", CONTACT_NAME,
        NULL, "*/PostalAddressBag/PostalAddress/PostalStructuredAddress/"
        "CountryCode", NULL, NULL, NULL),
    ROW(IPL_LIST_OWNERS, BD "PartyBag/AssigneeBag/Assignee", CONTACT_NAME,
        NULL, "*/PostalAddressBag/PostalAddress/PostalStructuredAddress/"
        "CountryCode", NULL, NULL, NULL),
    ROW(IPL_LIST_IPC, BD "PatentClassificationBag/IPCRClassificationBag/"
        "IPCRClassification", "{Section}{Class}{Subclass} {MainGroup}/{Subgroup}",
        NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_CPC, BD "PatentClassificationBag/CPCClassificationBag/*/"
        "CPCClassification", "{CPCSection}{Class}{Subclass} {MainGroup}/"
        "{Subgroup}", NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_US_CLASSES, BD "PatentClassificationBag/"
        "NationalClassification/*", NULL, NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_CITATIONS, BD "ReferenceCitationBag/ReferenceCitation/"
        "PatentCitation", "CitedPatentDocumentIdentification/DocumentNumber",
        NULL, "CitedPatentDocumentIdentification/IPOfficeCode",
        "../@citingPartyCategory", NULL, "=1"),
    ROW(IPL_LIST_CITATIONS, BD "ReferenceCitationBag/ReferenceCitation/"
        "NPLCitation", "NPLCitationText", NULL, NULL,
        "../@citingPartyCategory", NULL, "=0"),
    ROW(IPL_LIST_PRIORITIES, BD "PriorityClaimBag/PriorityClaim",
        "ApplicationNumber/ApplicationNumberText", NULL, "IPOfficeCode",
        "ApplicationFilingCategory", "FilingDate", NULL),
    ROW(IPL_LIST_FAMILY, BD "RelatedDocumentBag/**/PatentPublicationIdentification",
        "PublicationNumber", NULL, "IPOfficeCode", "PatentDocumentKindCode",
        "PublicationDate", NULL),
    ROW(IPL_LIST_CLAIMS, "Claims/Claim", NULL, NULL, NULL, NULL, NULL,
        "?ClaimReference"),
    ROW(IPL_LIST_CLAIMS, "ClaimSet/ClaimList/Claim", NULL, NULL, NULL, NULL,
        NULL, "?ClaimReference"),
    IPL__END
};

static void
classify_st96_patent(ipl_record *r, const xmlNode *root)
{
    ipl__classify_by_kind(r, 0);
    if (ipl__find(root, "BibliographicData") == NULL)
        r->document = IPL_DOCUMENT_FULLTEXT;
}

#define DD "DesignBag/Design/"
static const ipl__rule st96_design_rules[] = {
    ONE(IPL__T_OFFICE, "RegistrationOfficeCode"),
    NUM(IPL_NUMBER_APPLICATION, "ApplicationNumber/ApplicationNumberText"),
    NUM(IPL_NUMBER_REGISTRATION, DD "RegistrationNumber"),
    NUM(IPL_NUMBER_PUBLICATION, DD "PublicationBag/Publication/PublicationIdentifier"),
    DATE(IPL_DATE_FILING, "ApplicationDate"),
    DATE(IPL_DATE_FILING, DD "ApplicationDate"),
    DATE(IPL_DATE_REGISTRATION, DD "RegistrationDate"),
    DATE(IPL_DATE_PUBLICATION, DD "PublicationBag/Publication/PublicationDate"),
    DATE(IPL_DATE_EXPIRY, DD "ExpiryDate"),
    DATE(IPL_DATE_STATUS, DD "DesignCurrentStatusDate"),
    DATE(IPL_DATE_PRIORITY, DD "PriorityBag/Priority/PriorityApplicationFilingDate"),
    ONE(IPL__T_STATUS, DD "DesignCurrentStatusCategory"),
    ROW(IPL_LIST_TITLES, DD "DesignTitleText", NULL, "@languageCode", NULL,
        NULL, NULL, NULL),
    ROW(IPL_LIST_APPLICANTS, DD "ApplicantBag/Applicant", CONTACT_NAME, NULL,
        NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_INVENTORS, DD "DesignerBag/Designer", CONTACT_NAME, NULL,
        NULL, NULL, NULL, NULL),
    TEXT(IPL_LIST_LOCARNO, DD "DesignClassificationBag/LocarnoClassificationBag/"
         "LocarnoClassificationText"),
    TEXT(IPL_LIST_US_CLASSES, DD "DesignClassificationBag/"
         "NationalDesignClassificationBag/NationalDesignClassification"),
    ROW(IPL_LIST_PRIORITIES, DD "PriorityBag/Priority",
        "ApplicationNumber/ApplicationNumberText", NULL, "PriorityCountryCode",
        NULL, "PriorityApplicationFilingDate", NULL),
    ROW(IPL_LIST_CITATIONS, DD "PatentIdentificationBag/"
        "CitedPatentDocumentIdentification", "DocumentNumber", NULL,
        "IPOfficeCode", NULL, NULL, "=1"),
    ROW(IPL_LIST_CLAIMS, DD "DesignClaim/DesignClaimTextBag/DesignClaimText",
        NULL, "@languageCode", NULL, NULL, NULL, NULL),
    IPL__END
};

static void
classify_design(ipl_record *r, const xmlNode *root)
{
    (void)root;
    r->right = IPL_RIGHT_DESIGN;
    r->document = r->numbers[IPL_NUMBER_REGISTRATION] != NULL
                      ? IPL_DOCUMENT_GRANT : IPL_DOCUMENT_APPLICATION;
}

/* Parts of the documents no rule reads: parsed, never built. */
static const char *const wipo_skip[] = {
    "description", "drawings", "search-report-data", "Description",
    "Drawings", "DrawingBag", NULL
};

const ipl__driver ipl__drivers_wipo[] = {
    { IPL_FORMAT_ST36, "st36", NULL, NULL, st36_rules, wipo_skip, classify_patent },
    { IPL_FORMAT_JPO, "jpo", "JP", NULL, jpo_rules, wipo_skip, classify_patent },
    { IPL_FORMAT_ST96_PATENT, "st96-patent", NULL, NULL, st96_patent_rules, wipo_skip,
      classify_st96_patent },
    { IPL_FORMAT_ST96_DESIGN, "st96-design", NULL, NULL, st96_design_rules, NULL,
      classify_design },
    { IPL_FORMAT_AUTO, NULL, NULL, NULL, NULL, NULL, NULL }
};
