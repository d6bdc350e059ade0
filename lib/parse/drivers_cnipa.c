/* CNIPA formats: the old cn-patent-document (ST.36-like, until about
 * 2021) and the new business:PatentDocumentAndRelated (XSD V2.2.1),
 * which gives numbers in an 'original' and a 'standard' form side by
 * side: the original form is the one published (FORMATS.md 2.1, 3.1). */
#include <string.h>

#include "parse_internal.h"
#include "rule_macros.h"

#define CB "cn-bibliographic-data/"
static const ipl__rule old_rules[] = {
    ONE(IPL__T_OFFICE, CB "cn-publication-reference/document-id/country"),
    NUM(IPL_NUMBER_PUBLICATION, CB "cn-publication-reference/document-id/doc-number"),
    ONE(IPL__T_KIND, CB "cn-publication-reference/document-id/kind"),
    DATE(IPL_DATE_PUBLICATION, CB "cn-publication-reference/document-id/date"),
    NUM(IPL_NUMBER_APPLICATION, CB "application-reference/document-id/doc-number"),
    DATE(IPL_DATE_FILING, CB "application-reference/document-id/date"),
    DATE(IPL_DATE_PRIORITY, CB "priority-claims/priority-claim/date"),
    NUM(IPL_NUMBER_PCT_APPLICATION,
        CB "pct-or-regional-filing-data/document-id/doc-number"),
    NUM(IPL_NUMBER_PCT_PUBLICATION,
        CB "pct-or-regional-publishing-data/document-id/doc-number"),
    TEXT(IPL_LIST_TITLES, CB "invention-title"),
    TEXT(IPL_LIST_ABSTRACTS, CB "abstract"),
    ROW(IPL_LIST_APPLICANTS, CB "cn-parties/cn-applicants/cn-applicant",
        "addressbook/name|name", NULL, "addressbook/address/country", NULL,
        NULL, NULL),
    ROW(IPL_LIST_INVENTORS, CB "cn-parties/cn-inventors/cn-inventor",
        "addressbook/name|name", NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_IPC, CB "classifications-ipcr/classification-ipcr", "text",
        NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_PRIORITIES, CB "priority-claims/priority-claim",
        "doc-number|document-id/doc-number", NULL,
        "country|document-id/country", NULL, "date|document-id/date", NULL),
    ROW(IPL_LIST_CLAIMS, "application-body/claims/claim", NULL, NULL, NULL,
        NULL, NULL, NULL),
    IPL__END
};

#define NB "BibliographicData/"
#define ORIGINAL "[@dataFormat=original]"
static const ipl__rule new_rules[] = {
    ONE(IPL__T_OFFICE, NB "PublicationReference/DocumentID/WIPOST3Code"),
    NUM(IPL_NUMBER_PUBLICATION,
        NB "PublicationReference" ORIGINAL "/DocumentID/DocNumber"),
    NUM(IPL_NUMBER_PUBLICATION, NB "PublicationReference/DocumentID/DocNumber"),
    NUM(IPL_NUMBER_PUBLICATION, "@docNumber"),
    ONE(IPL__T_KIND, NB "PublicationReference/DocumentID/Kind"),
    ONE(IPL__T_KIND, "@kind"),
    DATE(IPL_DATE_PUBLICATION, NB "PublicationReference/DocumentID/Date"),
    DATE(IPL_DATE_PUBLICATION, "@datePublication"),
    NUM(IPL_NUMBER_APPLICATION,
        NB "ApplicationReference" ORIGINAL "/DocumentID/DocNumber"),
    NUM(IPL_NUMBER_APPLICATION, NB "ApplicationReference/DocumentID/DocNumber"),
    DATE(IPL_DATE_FILING, NB "ApplicationReference/DocumentID/Date"),
    DATE(IPL_DATE_PRIORITY, NB "PriorityClaims/PriorityClaim/DocumentID/Date"),
    ROW(IPL_LIST_TITLES, NB "InventionTitle", NULL, "@lang", NULL, NULL, NULL,
        NULL),
    ROW(IPL_LIST_ABSTRACTS, "Abstract", NULL, "@lang", NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_APPLICANTS, NB "Parties/ApplicantDetails/Applicant",
        "AddressBook/Name|AddressBook/OrganizationName", NULL,
        "AddressBook/Address/WIPOST3Code", "@appType", NULL, NULL),
    ROW(IPL_LIST_INVENTORS, NB "Parties/InventorDetails/Inventor",
        "AddressBook/Name", NULL, NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_IPC, NB "ClassificationIPCRDetails/ClassificationIPCR",
        "{Section}{MainClass}{Subclass} {MainGroup}/{Subgroup}|Text", NULL,
        NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_PRIORITIES, NB "PriorityClaims/PriorityClaim",
        "DocumentID/DocNumber", NULL, "DocumentID/WIPOST3Code", NULL,
        "DocumentID/Date", NULL),
    ROW(IPL_LIST_CLAIMS, "Claims/Claim", NULL, "../@lang", NULL, NULL, NULL,
        NULL),
    IPL__END
};

/* The kind of patent: old files name it in Chinese in appl-type, new
 * ones with the CNIPA applType code (10 invention, 20 utility model,
 * 30 design; 8 and 9 lead the PCT national-phase forms). */
static void
set_right(ipl_record *r, const char *type)
{
    if (type == NULL)
        return;
    if (strcmp(type, "实用新型") == 0 || strcmp(type, "20") == 0 ||
        strcmp(type, "90") == 0)
        r->right = IPL_RIGHT_UTILITY_MODEL;
    else if (strcmp(type, "外观设计") == 0 || strcmp(type, "30") == 0)
        r->right = IPL_RIGHT_DESIGN;
    else
        r->right = IPL_RIGHT_INVENTION;
}

static void
classify_old(ipl_record *r, const xmlNode *root)
{
    set_right(r, ipl__attr(ipl__find(root, "application-reference"),
                           "appl-type"));
    ipl__classify_by_kind(r, 0);
}

static void
classify_new(ipl_record *r, const xmlNode *root)
{
    set_right(r, ipl__attr(ipl__find(root, "ApplicationReference"),
                           "applType"));
    ipl__classify_by_kind(r, 0);
}

/* Parts of the new format no rule reads: parsed, never built. (The old
 * format keeps its claims inside application-body, next to the
 * description, so nothing of it is skipped.) */
static const char *const new_skip[] = { "Description", "Drawings", NULL };

const ipl__driver ipl__drivers_cnipa[] = {
    { IPL_FORMAT_CNIPA_OLD, "cnipa-old", "CN", NULL, old_rules, NULL, classify_old },
    { IPL_FORMAT_CNIPA_NEW, "cnipa-new", "CN", NULL, new_rules, new_skip, classify_new },
    { IPL_FORMAT_AUTO, NULL, NULL, NULL, NULL, NULL, NULL }
};
