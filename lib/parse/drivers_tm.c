/* Trademark formats, and EUIPO designs which share their shape: USPTO
 * TDXF case files, ST.66 / TM-XML (TSDR, EUIPO, TMview), ST.96
 * trademarks (TSDR with generated prefixes, the pre-release namespace,
 * WIPO examples) and EUIPO design open data (FORMATS.md 2.2). */
#include "parse_internal.h"
#include "rule_macros.h"

/* TDXF: one case-file per mark; dates YYYYMMDD; 0000000 is "no
 * registration". Goods and services are statements whose type code is
 * GS + the 3-digit class + a digit. */
#define H "case-file-header/"
static const ipl__rule tdxf_rules[] = {
    NUM(IPL_NUMBER_APPLICATION, "serial-number"),
    NUM(IPL_NUMBER_REGISTRATION, "registration-number"),
    DATE(IPL_DATE_FILING, H "filing-date"),
    DATE(IPL_DATE_REGISTRATION, H "registration-date"),
    DATE(IPL_DATE_PUBLICATION, H "published-for-opposition-date"),
    DATE(IPL_DATE_EXPIRY, H "renewal-date"),
    DATE(IPL_DATE_STATUS, H "status-date"),
    ONE(IPL__T_STATUS, H "status-code"),
    TEXT(IPL_LIST_TITLES, H "mark-identification"),
    ROW(IPL_LIST_OWNERS, "case-file-owners/case-file-owner", "party-name",
        NULL, "nationality/country|country", "party-type", NULL, NULL),
    ROW(IPL_LIST_NICE, "classifications/classification/international-code",
        NULL, NULL, NULL, NULL, NULL, "."),
    ROW(IPL_LIST_GOODS, "case-file-statements/case-file-statement[type-code^=GS]",
        "text",
        NULL, NULL, "type-code", NULL, "type-code"),
    ROW(IPL_LIST_EVENTS, "case-file-event-statements/case-file-event-statement",
        "description-text", NULL, NULL, "code", "date", NULL),
    IPL__END
};

/* ST.66: the TradeMark element under the transaction wrappers. */
#define T "**/TradeMarkDetails/TradeMark/"
static const ipl__rule st66_rules[] = {
    ONE(IPL__T_OFFICE, T "RegistrationOfficeCode"),
    NUM(IPL_NUMBER_APPLICATION, T "ApplicationNumber"),
    NUM(IPL_NUMBER_REGISTRATION, T "RegistrationNumber"),
    DATE(IPL_DATE_FILING, T "ApplicationDate"),
    DATE(IPL_DATE_REGISTRATION, T "RegistrationDate"),
    DATE(IPL_DATE_EXPIRY, T "ExpiryDate"),
    DATE(IPL_DATE_STATUS, T "MarkCurrentStatusDate"),
    DATE(IPL_DATE_PUBLICATION, T "PublicationDetails/Publication/PublicationDate"),
    ONE(IPL__T_STATUS, T "MarkCurrentStatusCode"),
    ROW(IPL_LIST_TITLES, T "WordMarkSpecification/MarkVerbalElementText", NULL,
        "@languageCode", NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_APPLICANTS, T "ApplicantDetails/Applicant",
        "ApplicantAddressBook/FormattedNameAddress/Name/FreeFormatName/"
        "FreeFormatNameDetails/FreeFormatNameLine|ApplicantIdentifier",
        NULL, "ApplicantNationalityCode|ApplicantAddressBook/"
        "FormattedNameAddress/Address/AddressCountryCode", NULL, NULL, NULL),
    ROW(IPL_LIST_APPLICANTS, T "ApplicantDetails/ApplicantKey", "Identifier",
        NULL, NULL, "=key", NULL, NULL),
    ROW(IPL_LIST_NICE, T "GoodsServicesDetails/GoodsServices/"
        "ClassDescriptionDetails/ClassDescription/ClassNumber", NULL, NULL,
        NULL, NULL, NULL, "."),
    ROW(IPL_LIST_GOODS, T "GoodsServicesDetails/GoodsServices/"
        "ClassDescriptionDetails/ClassDescription/GoodsServicesDescription",
        NULL, "@languageCode", NULL, NULL, NULL, "../ClassNumber"),
    ROW(IPL_LIST_EVENTS, T "MarkEventDetails/MarkEvent", "MarkEventCode",
        NULL, NULL, "MarkEventCode", "MarkEventDate", NULL),
    IPL__END
};

/* ST.96 trademarks: the TSDR transaction, the pre-release Transaction,
 * and the WIPO example's TrademarkApplication all hold a Trademark. */
#define TM "**/TrademarkBag/Trademark/"
static const ipl__rule st96_tm_rules[] = {
    ONE(IPL__T_OFFICE, TM "RegistrationOfficeCode"),
    NUM(IPL_NUMBER_APPLICATION, TM "ApplicationNumber/ApplicationNumberText"),
    NUM(IPL_NUMBER_APPLICATION, TM "ApplicationNumber"),
    NUM(IPL_NUMBER_REGISTRATION, TM "RegistrationNumber"),
    DATE(IPL_DATE_FILING, TM "ApplicationDate"),
    DATE(IPL_DATE_REGISTRATION, TM "RegistrationDate"),
    DATE(IPL_DATE_STATUS, TM "MarkCurrentStatusDate"),
    DATE(IPL_DATE_PUBLICATION, TM "PublicationBag/Publication/PublicationDate"),
    ONE(IPL__T_STATUS, TM "MarkCurrentStatusCode"),
    TEXT(IPL_LIST_TITLES, TM "MarkRepresentation/MarkReproduction/"
         "WordMarkSpecification/MarkVerbalElementText"),
    ROW(IPL_LIST_APPLICANTS, TM "ApplicantBag/Applicant",
        "Contact/Name/EntityName|Contact/Name/OrganizationName/"
        "OrganizationStandardName|{Contact/Name/PersonName/LastName}, "
        "{Contact/Name/PersonName/FirstName}", NULL,
        "IncorporationCountryCode|NationalityCode", "CommentText", NULL, NULL),
    ROW(IPL_LIST_NICE, TM "GoodsServicesBag/GoodsServices/"
        "ClassDescriptionBag/ClassDescription/ClassNumber", NULL, NULL, NULL,
        NULL, NULL, "."),
    ROW(IPL_LIST_GOODS, TM "GoodsServicesBag/GoodsServices/"
        "ClassDescriptionBag/ClassDescription/GoodsServicesDescriptionText",
        NULL, "@languageCode", NULL, NULL, NULL, "../ClassNumber"),
    ROW(IPL_LIST_EVENTS, TM "MarkEventBag/MarkEvent",
        "MarkEventDescriptionText|NationalMarkEvent/"
        "MarkEventExternalDescriptionText", NULL, NULL,
        "NationalMarkEvent/MarkEventCode|MarkEventCode", "MarkEventDate", NULL),
    IPL__END
};

static void
classify_trademark(ipl_record *r, const xmlNode *root)
{
    (void)root;
    r->right = IPL_RIGHT_TRADEMARK;
    r->document = IPL_DOCUMENT_STATUS;
}

#define D "**/DesignDetails/Design/"
static const ipl__rule euipo_design_rules[] = {
    ONE(IPL__T_OFFICE, D "RegistrationOfficeCode"),
    NUM(IPL_NUMBER_APPLICATION, D "ApplicationNumber"),
    NUM(IPL_NUMBER_REGISTRATION, D "DesignIdentifier"),
    DATE(IPL_DATE_FILING, D "ApplicationDate"),
    DATE(IPL_DATE_REGISTRATION, D "RegistrationDate"),
    DATE(IPL_DATE_PUBLICATION, D "PublicationDate"),
    DATE(IPL_DATE_EXPIRY, D "ExpiryDate"),
    DATE(IPL_DATE_STATUS, D "DesignCurrentStatusDate"),
    ONE(IPL__T_STATUS, D "DesignCurrentStatusCode"),
    ROW(IPL_LIST_TITLES, D "IndicationProductDetails/IndicationProduct", NULL,
        "@languageCode", NULL, NULL, NULL, NULL),
    ROW(IPL_LIST_APPLICANTS, D "ApplicantDetails/ApplicantKey", "Identifier",
        NULL, NULL, "=key", NULL, NULL),
    ROW(IPL_LIST_INVENTORS, D "DesignerDetails/DesignerKey", "Identifier",
        NULL, NULL, "=key", NULL, NULL),
    TEXT(IPL_LIST_LOCARNO, D "ClassDescriptionDetails/ClassDescription/ClassNumber"),
    ROW(IPL_LIST_EVENTS, D "DesignEventDetails/DesignEvent", "DesignEventCode",
        NULL, NULL, "DesignEventCode", "DesignEventDate", NULL),
    IPL__END
};

static void
classify_euipo_design(ipl_record *r, const xmlNode *root)
{
    (void)root;
    r->right = IPL_RIGHT_DESIGN;
    r->document = IPL_DOCUMENT_STATUS;
}

const ipl__driver ipl__drivers_tm[] = {
    { IPL_FORMAT_USPTO_TDXF, "uspto-tdxf", "US", "case-file", tdxf_rules, NULL,
      classify_trademark },
    { IPL_FORMAT_ST66, "st66", NULL, NULL, st66_rules, NULL, classify_trademark },
    { IPL_FORMAT_ST96_TRADEMARK, "st96-trademark", NULL, NULL, st96_tm_rules, NULL,
      classify_trademark },
    { IPL_FORMAT_EUIPO_DESIGN, "euipo-design", NULL, NULL, euipo_design_rules, NULL,
      classify_euipo_design },
    { IPL_FORMAT_AUTO, NULL, NULL, NULL, NULL, NULL, NULL }
};
