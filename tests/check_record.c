/* Check suite for include/ipledge/record.h: the record model and the
 * facts derived from it. Records are built from small documents written
 * here, so that every field has a value chosen by the test. Expected
 * expiry dates are worked out by hand in the comments (statutes cited in
 * lib/record/record_expiry.c). */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "ipledge/init.h"
#include "ipledge/parse.h"
#include "ipledge/record.h"
#include "harness.h"

/* The one record of a document. */
static ipl_record *
record_of(const char *doc)
{
    ipl_reader *rd;
    ipl_record *rec;
    ipl_error err;

    ck_assert_int_eq(ipl_parse_reader_new_memory(&rd, doc, strlen(doc), "t.xml",
                                                 NULL, &err), IPL_OK);
    ck_assert_msg(ipl_parse_reader_next(&rec, rd, &err) == 1, "%s",
                  err.message);
    ipl_parse_reader_free(rd);
    return rec;
}

/* A US ICE grant with the given kind, dates and PTA. */
static ipl_record *
us_grant(const char *kind, const char *filed, const char *granted,
         const char *pta)
{
    char doc[2048];

    snprintf(doc, sizeof doc,
             "<us-patent-grant><us-bibliographic-data-grant>"
             "<publication-reference><document-id><country>US</country>"
             "<doc-number>D0700001</doc-number><kind>%s</kind><date>%s</date>"
             "</document-id></publication-reference>"
             "<application-reference><document-id><doc-number>29400001"
             "</doc-number><date>%s</date></document-id>"
             "</application-reference>%s%s%s"
             "</us-bibliographic-data-grant></us-patent-grant>",
             kind, granted, filed,
             pta ? "<us-term-of-grant><us-term-extension>" : "",
             pta ? pta : "", pta ? "</us-term-extension></us-term-of-grant>" : "");
    return record_of(doc);
}

/* A CN (new format) document of an application type and filing date. */
static ipl_record *
cn_patent(const char *appl_type, const char *kind, const char *filed)
{
    char doc[2048];

    snprintf(doc, sizeof doc,
             "<b:PatentDocumentAndRelated xmlns:b=\"http://www.sipo.gov.cn/"
             "XMLSchema/business\" xmlns:base=\"http://www.sipo.gov.cn/"
             "XMLSchema/base\"><b:BibliographicData>"
             "<b:PublicationReference><base:DocumentID><base:WIPOST3Code>CN"
             "</base:WIPOST3Code><base:DocNumber>215000001</base:DocNumber>"
             "<base:Kind>%s</base:Kind><base:Date>20220101</base:Date>"
             "</base:DocumentID></b:PublicationReference>"
             "<b:ApplicationReference applType=\"%s\"><base:DocumentID>"
             "<base:DocNumber>202120000001.5</base:DocNumber><base:Date>%s"
             "</base:Date></base:DocumentID></b:ApplicationReference>"
             "</b:BibliographicData></b:PatentDocumentAndRelated>",
             kind, appl_type, filed);
    return record_of(doc);
}

#define ck_assert_date(d, y, m, dd) do { \
        ipl_date ck_d_ = (d); \
        ck_assert_int_eq(ck_d_.year, (y)); \
        ck_assert_int_eq(ck_d_.month, (m)); \
        ck_assert_int_eq(ck_d_.day, (dd)); \
    } while (0)

static ipl_date
expiry_of(ipl_record *rec)
{
    ipl_date d;
    ipl_error err;

    ck_assert_msg(ipl_record_expiry(&d, rec, &err) == IPL_OK, "%s",
                  err.message);
    ipl_record_free(rec);
    return d;
}

/* ---- expiry ---------------------------------------------------------- */

START_TEST(test_us_utility_term_with_pta)
{
    /* 2012-10-09 + 20 years = 2032-10-09; + 129 days: 22 to Oct 31, 52 to
     * Nov 30, 83 to Dec 31, 114 to Jan 31, 129 = 2033-02-15 */
    ipl_date d = expiry_of(us_grant("B2", "20121009", "20150106", "129"));
    ipl_record *rec;
    int64_t pta;

    ck_assert_date(d, 2033, 2, 15);
    d = expiry_of(us_grant("B1", "20121009", "20150106", NULL));
    ck_assert_date(d, 2032, 10, 9);
    /* plant patents run from filing like utility patents */
    rec = us_grant("P2", "20200229", "20230404", "0");
    ck_assert_int_eq(ipl_record_right_type(rec), IPL_RIGHT_PLANT);
    ck_assert_int_eq(ipl_record_term_extension(&pta, rec), 1);
    ck_assert_int_eq(pta, 0);
    d = expiry_of(rec);
    ck_assert_date(d, 2040, 2, 29);
}
END_TEST

START_TEST(test_us_design_term_by_filing_date)
{
    /* filed before 2015-05-13: 14 years from grant */
    ipl_date d = expiry_of(us_grant("S1", "20150512", "20160105", NULL));

    ck_assert_date(d, 2030, 1, 5);
    /* filed on 2015-05-13 or later: 15 years from grant */
    d = expiry_of(us_grant("S1", "20150513", "20160105", NULL));
    ck_assert_date(d, 2031, 1, 5);
}
END_TEST

START_TEST(test_cn_terms)
{
    ipl_record *rec = cn_patent("10", "A", "20150807");

    ck_assert_int_eq(ipl_record_right_type(rec), IPL_RIGHT_INVENTION);
    ck_assert_date(expiry_of(rec), 2035, 8, 7);
    rec = cn_patent("20", "U", "20150807");
    ck_assert_int_eq(ipl_record_right_type(rec), IPL_RIGHT_UTILITY_MODEL);
    ck_assert_date(expiry_of(rec), 2025, 8, 7);
    /* designs: 10 years for filings before 2021-06-01, 15 from it */
    rec = cn_patent("30", "S", "20210531");
    ck_assert_int_eq(ipl_record_right_type(rec), IPL_RIGHT_DESIGN);
    ck_assert_date(expiry_of(rec), 2031, 5, 31);
    ck_assert_date(expiry_of(cn_patent("30", "S", "20210601")), 2036, 6, 1);
}
END_TEST

START_TEST(test_ep_and_jp_terms)
{
    ipl_record *rec = record_of(
        "<ep-patent-document country=\"EP\" doc-number=\"3383757\" kind=\"B1\">"
        "<SDOBI><B200><B210>16849316.1</B210><B220><date>20160829</date>"
        "</B220></B200></SDOBI></ep-patent-document>");

    ck_assert_date(expiry_of(rec), 2036, 8, 29);
    /* 2020-02-29 + 20 years lands on 2040-02-29, a leap day again */
    rec = record_of("<jp-official-gazette country=\"JP\" kind-of-st16=\"A\">"
                    "<bibliographic-data><application-reference><document-id>"
                    "<doc-number>2020100059</doc-number><date>20200229</date>"
                    "</document-id></application-reference></bibliographic-data>"
                    "</jp-official-gazette>");
    ck_assert_date(expiry_of(rec), 2040, 2, 29);
}
END_TEST

START_TEST(test_trademark_terms)
{
    /* TDXF: 10 years from registration; the placeholder registration
     * number is absent */
    ipl_record *rec = record_of(
        "<case-file><serial-number>85017257</serial-number>"
        "<registration-number>0000000</registration-number>"
        "<case-file-header><filing-date>20100419</filing-date>"
        "<registration-date>20101207</registration-date>"
        "<status-code>700</status-code></case-file-header></case-file>");

    ck_assert_ptr_null(ipl_record_number(rec, IPL_NUMBER_REGISTRATION));
    ck_assert_str_eq(ipl_record_status(rec), "700");
    ck_assert_int_eq(ipl_record_right_type(rec), IPL_RIGHT_TRADEMARK);
    ck_assert_int_eq(ipl_record_document_type(rec), IPL_DOCUMENT_STATUS);
    ck_assert_date(expiry_of(rec), 2020, 12, 7);
    /* a published expiry (EUIPO) wins over the statutory term */
    rec = record_of("<Transaction xmlns=\"http://euipo.europa.eu/trademark/data\">"
                    "<TradeMarkTransactionBody><TransactionContentDetails>"
                    "<TransactionData><TradeMarkDetails><TradeMark>"
                    "<RegistrationOfficeCode>EM</RegistrationOfficeCode>"
                    "<ApplicationNumber>018229602</ApplicationNumber>"
                    "<ApplicationDate>2020-04-27</ApplicationDate>"
                    "<RegistrationDate>2020-09-18</RegistrationDate>"
                    "<ExpiryDate>2030-04-27</ExpiryDate>"
                    "</TradeMark></TradeMarkDetails></TransactionData>"
                    "</TransactionContentDetails></TradeMarkTransactionBody>"
                    "</Transaction>");
    ck_assert_date(expiry_of(rec), 2030, 4, 27);
}
END_TEST

START_TEST(test_expiry_errors)
{
    ipl_record *rec = us_grant("B2", "00000000", "20150106", NULL);
    ipl_error err = iplt_stale_error();
    ipl_date d = { 1999, 1, 1 };

    /* the placeholder filing date is no date: the term has no start */
    ck_assert_int_eq(ipl_record_date(&d, rec, IPL_DATE_FILING), 0);
    iplt_assert_error(err, ipl_record_expiry(&d, rec, &err), IPL_EINVAL,
                      "record.filing_date");
    ck_assert_date(d, 1999, 1, 1);            /* not written on failure */
    ipl_record_free(rec);
    /* no statutory rule for a WO publication */
    rec = record_of("<patent-document><bibliographic-data><publication-reference>"
                    "<document-id><country>WO</country><doc-number>043551"
                    "</doc-number><kind>A1</kind></document-id>"
                    "</publication-reference><application-reference>"
                    "<document-id><date>20031113</date></document-id>"
                    "</application-reference></bibliographic-data>"
                    "</patent-document>");
    err = iplt_stale_error();
    iplt_assert_error(err, ipl_record_expiry(&d, rec, &err), IPL_ERANGE,
                      "record");
    ck_assert_ptr_nonnull(strstr(err.message, "WO"));
    iplt_assert_error(err, ipl_record_expiry(NULL, rec, &err), IPL_EINVAL,
                      "out");
    iplt_assert_error(err, ipl_record_expiry(&d, NULL, &err), IPL_EINVAL, "r");
    ipl_record_free(rec);
}
END_TEST

START_TEST(test_remaining_life)
{
    ipl_record *rec = cn_patent("10", "A", "20150807");  /* ends 2035-08-07 */
    ipl_date on = { 2035, 8, 6 }, bad = { 2023, 2, 29 };
    ipl_error err;
    int64_t days = -1;

    ck_assert_int_eq(ipl_record_remaining_life(&days, rec, on, &err), IPL_OK);
    ck_assert_int_eq(days, 1);
    on.year = 2025;                  /* 2025-08-06 .. 2035-08-07: 3653 days */
    ck_assert_int_eq(ipl_record_remaining_life(&days, rec, on, &err), IPL_OK);
    ck_assert_int_eq(days, 3653);
    on.year = 2040;                  /* expired: nothing left */
    ck_assert_int_eq(ipl_record_remaining_life(&days, rec, on, &err), IPL_OK);
    ck_assert_int_eq(days, 0);
    err = iplt_stale_error();
    iplt_assert_error(err, ipl_record_remaining_life(&days, rec, bad, &err),
                      IPL_EINVAL, "on");
    iplt_assert_error(err, ipl_record_remaining_life(NULL, rec, on, &err),
                      IPL_EINVAL, "days");
    ipl_record_free(rec);
}
END_TEST

/* ---- the model ------------------------------------------------------- */

START_TEST(test_claims_independence)
{
    ipl_record *rec = record_of(
        "<us-patent-grant><us-bibliographic-data-grant><publication-reference>"
        "<document-id><country>US</country><kind>B2</kind></document-id>"
        "</publication-reference><number-of-claims>7</number-of-claims>"
        "</us-bibliographic-data-grant><claims>"
        "<claim num=\"1\"><claim-text>1. A widget.</claim-text></claim>"
        "<claim num=\"2\"><claim-text>2. The widget of <claim-ref idref=\"c1\">"
        "claim 1</claim-ref>.</claim-text></claim>"
        "<claim num=\"3\"><claim-text>3. A widget according to Claim 2."
        "</claim-text></claim>"
        "<claim num=\"4\"><claim-text>4. A gadget as in any of the preceding "
        "claims.</claim-text></claim>"
        "<claim num=\"5\"><claim-text>5. A method of making a widget."
        "</claim-text></claim>"
        "<claim num=\"6\"><claim-text>6. 請求項１に記載の装置。</claim-text></claim>"
        "<claim num=\"7\"><claim-text>7. Verfahren nach Anspruch 5."
        "</claim-text></claim>"
        "<claim num=\"8\"><claim-text>8. Procédé selon l'une des "
        "revendications précédentes.</claim-text></claim>"
        "<claim num=\"9\"><claim-text>9. A claimant's widget.</claim-text>"
        "</claim></claims></us-patent-grant>");
    const ipl_record_item *c;

    /* the office states 7; 9 are read. Independent: 1, 5 and 9 (a
     * "claimant" is no claim reference) */
    ck_assert_uint_eq(ipl_record_claims_count(rec), 7);
    ck_assert_uint_eq(ipl_record_count(rec, IPL_LIST_CLAIMS), 9);
    ck_assert_uint_eq(ipl_record_independent_claims_count(rec), 3);
    c = ipl_record_row(rec, IPL_LIST_CLAIMS, 0);
    ck_assert_str_eq(c->text, "1. A widget.");
    ck_assert_int_eq(c->value, 1);
    ck_assert_int_eq(ipl_record_row(rec, IPL_LIST_CLAIMS, 1)->value, 0);
    ck_assert_int_eq(ipl_record_row(rec, IPL_LIST_CLAIMS, 4)->value, 1);
    ck_assert_int_eq(ipl_record_row(rec, IPL_LIST_CLAIMS, 7)->value, 0);
    ck_assert_int_eq(ipl_record_row(rec, IPL_LIST_CLAIMS, 8)->value, 1);
    ck_assert_ptr_null(ipl_record_row(rec, IPL_LIST_CLAIMS, 9));
    ipl_record_free(rec);
}
END_TEST

/* EP grants repeat their claims per language: counts are of one. */
START_TEST(test_claims_of_one_language)
{
    ipl_record *rec = record_of(
        "<ep-patent-document country=\"EP\" kind=\"B1\">"
        "<claims lang=\"en\"><claim><claim-text>A lid.</claim-text></claim>"
        "<claim><claim-text>The lid of claim 1.</claim-text></claim></claims>"
        "<claims lang=\"de\"><claim><claim-text>Ein Deckel.</claim-text></claim>"
        "<claim><claim-text>Deckel nach Anspruch 1.</claim-text></claim></claims>"
        "<claims lang=\"fr\"><claim><claim-text>Un couvercle.</claim-text>"
        "</claim><claim><claim-text>Couvercle selon la revendication 1."
        "</claim-text></claim></claims></ep-patent-document>");

    ck_assert_uint_eq(ipl_record_claims_count(rec), 2);
    ck_assert_uint_eq(ipl_record_independent_claims_count(rec), 1);
    ck_assert_str_eq(ipl_record_row(rec, IPL_LIST_CLAIMS, 0)->lang, "en");
    ipl_record_free(rec);
}
END_TEST

/* IPC symbols as the offices write them, in display form; the
 * subclasses list each subclass once. */
START_TEST(test_ipc_forms_and_subclasses)
{
    static const char *const want[] = {
        "A24B 15/18", "B60R 7/06", "E21B 47/0228", "G06F 15/00", "A41B 1/00",
        "H04N 1/40", "G06F 17/30", "not a symbol"
    };
    ipl_record *rec = record_of(
        "<patent-document><bibliographic-data><classification-ipc>"
        "<main-classification>A24B   15/18    (2006.01)</main-classification>"
        "<further-classification>B60R   7/06        20060101AFI20191025BHEP"
        "        </further-classification>"
        "<further-classification>E21B  47/  0228            A I"
        "</further-classification>"
        "<further-classification>G06F015/00</further-classification>"
        "<further-classification>A41B001/00</further-classification>"
        "<further-classification>H04N000140</further-classification>"
        "<further-classification>G 06 F 17 / 30</further-classification>"
        "<further-classification>not a symbol</further-classification>"
        "</classification-ipc></bibliographic-data></patent-document>");
    size_t i;

    ck_assert_uint_eq(ipl_record_count(rec, IPL_LIST_IPC), 8);
    for (i = 0; i < 7; i++)
        ck_assert_str_eq(ipl_record_row(rec, IPL_LIST_IPC, i)->text, want[i]);
    ck_assert_str_eq(ipl_record_row(rec, IPL_LIST_IPC, 7)->text, want[7]);
    ck_assert_uint_eq(ipl_record_count(rec, IPL_LIST_IPC_SUBCLASSES), 6);
    ck_assert_str_eq(ipl_record_row(rec, IPL_LIST_IPC_SUBCLASSES, 3)->text,
                     "G06F");
    ipl_record_free(rec);
}
END_TEST

START_TEST(test_titles_and_lists)
{
    ipl_record *rec = record_of(
        "<ep-patent-document country=\"EP\" doc-number=\"0874807\" kind=\"B2\">"
        "<SDOBI><B300><B310>338895</B310><B320><date>19951129</date></B320>"
        "<B330><ctry>CH</ctry></B330><B310>45196</B310><B320><date>19960221"
        "</date></B320><B330><ctry>CH</ctry></B330></B300>"
        "<B500><B540><B541>de</B541><B542>VERFAHREN</B542><B541>en</B541>"
        "<B542>  PROCESS\n  FOR </B542></B540></B500>"
        "<B700><B730><B731><snm>Bayer AG</snm><adr><ctry>DE</ctry></adr></B731>"
        "</B730></B700></SDOBI></ep-patent-document>");
    const ipl_record_item *p;
    ipl_date d;

    ck_assert_str_eq(ipl_record_title(rec, "en"), "PROCESS FOR");
    ck_assert_str_eq(ipl_record_title(rec, "fr"), "VERFAHREN");
    ck_assert_str_eq(ipl_record_title(rec, NULL), "VERFAHREN");
    ck_assert_str_eq(ipl_record_row(rec, IPL_LIST_TITLES, 1)->lang, "en");
    ck_assert_uint_eq(ipl_record_count(rec, IPL_LIST_PRIORITIES), 2);
    p = ipl_record_row(rec, IPL_LIST_PRIORITIES, 1);
    ck_assert_str_eq(p->text, "45196");
    ck_assert_str_eq(p->country, "CH");
    ck_assert_int_eq(p->have_date, 1);
    ck_assert_date(p->date, 1996, 2, 21);
    ck_assert_int_eq(ipl_record_date(&d, rec, IPL_DATE_PRIORITY), 1);
    ck_assert_date(d, 1995, 11, 29);
    p = ipl_record_row(rec, IPL_LIST_OWNERS, 0);
    ck_assert_str_eq(p->text, "Bayer AG");
    ck_assert_str_eq(p->country, "DE");
    ck_assert_str_eq(ipl_record_office(rec), "EP");
    ck_assert_str_eq(ipl_record_kind_code(rec), "B2");
    ck_assert_int_eq(ipl_record_document_type(rec), IPL_DOCUMENT_GRANT);
    ck_assert_str_eq(ipl_record_format_name(rec), "ep-patent-document");
    /* absent is absent */
    ck_assert_ptr_null(ipl_record_number(rec, IPL_NUMBER_APPLICATION));
    ck_assert_ptr_null(ipl_record_status(rec));
    ck_assert_int_eq(ipl_record_date(&d, rec, IPL_DATE_FILING), 0);
    ck_assert_uint_eq(ipl_record_count(rec, IPL_LIST_CPC), 0);
    ck_assert_ptr_null(ipl_record_row(rec, IPL_LIST_COUNT, 0));
    ck_assert_ptr_null(ipl_record_number(rec, IPL_NUMBER_KIND_COUNT));
    ck_assert_int_eq(ipl_record_date(&d, rec, IPL_DATE_KIND_COUNT), 0);
    ipl_record_free(rec);
}
END_TEST

START_TEST(test_nice_classes_and_goods)
{
    ipl_record *rec = record_of(
        "<case-file><serial-number>98763166</serial-number>"
        "<case-file-statements><case-file-statement><type-code>GS0161"
        "</type-code><text>Paper goods</text></case-file-statement>"
        "<case-file-statement><type-code>D10000</type-code><text>A design"
        "</text></case-file-statement></case-file-statements>"
        "<classifications><classification><international-code>016"
        "</international-code><us-code>002</us-code></classification>"
        "<classification><international-code>016</international-code>"
        "</classification><classification><international-code>A"
        "</international-code></classification><classification>"
        "<international-code>200</international-code></classification>"
        "<classification><international-code>045</international-code>"
        "</classification></classifications></case-file>");
    const ipl_record_item *g;

    ck_assert_uint_eq(ipl_record_count(rec, IPL_LIST_NICE), 2);
    ck_assert_int_eq(ipl_record_row(rec, IPL_LIST_NICE, 0)->value, 16);
    ck_assert_int_eq(ipl_record_row(rec, IPL_LIST_NICE, 1)->value, 45);
    ck_assert_uint_eq(ipl_record_count(rec, IPL_LIST_GOODS), 1);
    g = ipl_record_row(rec, IPL_LIST_GOODS, 0);
    ck_assert_int_eq(g->value, 16);
    ck_assert_str_eq(g->text, "Paper goods");
    ipl_record_free(rec);
}
END_TEST

START_TEST(test_names_and_null)
{
    ck_assert_ptr_null(ipl_record_office(NULL));
    ck_assert_ptr_null(ipl_record_title(NULL, "en"));
    ck_assert_ptr_null(ipl_record_format_name(NULL));
    ck_assert_int_eq(ipl_record_right_type(NULL), IPL_RIGHT_NONE);
    ck_assert_int_eq(ipl_record_document_type(NULL), IPL_DOCUMENT_UNKNOWN);
    ck_assert_uint_eq(ipl_record_count(NULL, IPL_LIST_IPC), 0);
    ck_assert_uint_eq(ipl_record_claims_count(NULL), 0);
    ck_assert_int_eq(ipl_record_term_extension(NULL, NULL), 0);
    ipl_record_free(NULL);
}
END_TEST

static Suite *
record_suite(void)
{
    Suite *s = suite_create("record");
    TCase *tc = tcase_create("expiry");

    tcase_add_test(tc, test_us_utility_term_with_pta);
    tcase_add_test(tc, test_us_design_term_by_filing_date);
    tcase_add_test(tc, test_cn_terms);
    tcase_add_test(tc, test_ep_and_jp_terms);
    tcase_add_test(tc, test_trademark_terms);
    tcase_add_test(tc, test_expiry_errors);
    tcase_add_test(tc, test_remaining_life);
    suite_add_tcase(s, tc);

    tc = tcase_create("model");
    tcase_add_test(tc, test_claims_independence);
    tcase_add_test(tc, test_claims_of_one_language);
    tcase_add_test(tc, test_ipc_forms_and_subclasses);
    tcase_add_test(tc, test_titles_and_lists);
    tcase_add_test(tc, test_nice_classes_and_goods);
    tcase_add_test(tc, test_names_and_null);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    int rc;

    iplt_oom_install();
    if (ipl_init() < 0)
        return 1;
    rc = iplt_run(record_suite());
    ipl_shutdown();
    return rc;
}
