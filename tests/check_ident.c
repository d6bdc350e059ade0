/* Identifiers: every accepted form per type, the canonical and alternate
 * forms, the parts, and the errors. The numbers come from FORMATS.md's
 * worked examples and from the sample files under
 * ../shared/data/records/ (named beside each row); CN check characters
 * are worked out by hand in the comments (weights 2..9,2..5 from the
 * left, sum mod 11, 10 = X), never taken from the code. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipledge/ident.h"
#include "ipledge/sys/alloc.h"
#include "ident_pattern_internal.h"
#include "harness.h"

/* ---- accepted forms ------------------------------------------------ */

static const struct ok_case {
    ipl_ident_type type;
    const char *text;
    const char *canonical;
    const char *alternate;
} ok[] = {
    /* CN applications. 201510481495: 2·2+0·3+1·4+5·5+1·6+0·7+4·8+8·9
     * +1·2+4·3+9·4+5·5 = 218 = 19·11 + 9. Standard form from
     * cnipa/CN115212463A-new-sipo-business-with-doctype.xml. */
    { IPL_IDENT_CN_APPLICATION, "201510481495.9", "201510481495.9", "102015000481495" },
    { IPL_IDENT_CN_APPLICATION, "ZL 2015 1 0481495.9", "201510481495.9", "102015000481495" },
    { IPL_IDENT_CN_APPLICATION, "ZL201510481495.9", "201510481495.9", "102015000481495" },
    { IPL_IDENT_CN_APPLICATION, "cn201510481495.9", "201510481495.9", "102015000481495" },
    { IPL_IDENT_CN_APPLICATION, "2015104814959", "201510481495.9", "102015000481495" },
    { IPL_IDENT_CN_APPLICATION, "CN201510481495", "201510481495.9", "102015000481495" },
    { IPL_IDENT_CN_APPLICATION, "102015000481495", "201510481495.9", "102015000481495" },
    /* full-width digits and full stop, ideographic space */
    { IPL_IDENT_CN_APPLICATION,
      "\xE3\x80\x80\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x91\xEF\xBC\x95\xEF\xBC\x91"
      "\xEF\xBC\x90\xEF\xBC\x94\xEF\xBC\x98\xEF\xBC\x91\xEF\xBC\x94\xEF\xBC\x99"
      "\xEF\xBC\x95\xEF\xBC\x8E\xEF\xBC\x99",
      "201510481495.9", "102015000481495" },
    /* 202110991218: 4+0+8+5+6+0+72+81+2+6+4+40 = 228 = 20·11 + 8
     * (cnipa/CN113783949A-new-sipo-business.xml) */
    { IPL_IDENT_CN_APPLICATION, "202110991218.8", "202110991218.8", "102021000991218" },
    { IPL_IDENT_CN_APPLICATION, "102021000991218", "202110991218.8", "102021000991218" },
    /* 201410408762: 4+0+4+20+6+0+32+0+16+21+24+10 = 137 = 12·11 + 5 */
    { IPL_IDENT_CN_APPLICATION, "201410408762.5", "201410408762.5", "102014000408762" },
    /* 200880114428: 4+0+0+40+48+0+8+9+8+12+8+40 = 177 = 16·11 + 1; a PCT
     * national phase (type 8), whose standard form is not known */
    { IPL_IDENT_CN_APPLICATION, "200880114428.1", "200880114428.1", "" },
    /* 201480000788: 4+0+4+20+48+0+0+0+0+21+32+40 = 169 = 15·11 + 4
     * (cnipa/CN104245682A-old-cn-patent-document-singleline.xml) */
    { IPL_IDENT_CN_APPLICATION, "201480000788.4", "201480000788.4", "" },
    /* 201710601862: 4+0+4+35+6+0+48+0+2+24+24+10 = 157 = 14·11 + 3
     * (FORMATS.md's worked example) */
    { IPL_IDENT_CN_APPLICATION, "201710601862.3", "201710601862.3", "102017000601862" },
    /* A utility model: 202120797205: 4+0+8+5+12+0+56+81+14+6+0+25 = 211
     * = 19·11 + 2; standard form 202021000797205 as in CNIPA delivery
     * names (CN202021000797205CN0000219801493...). */
    { IPL_IDENT_CN_APPLICATION, "202021000797205", "202120797205.2", "202021000797205" },
    /* 8-digit form. 97101765: 18+21+4+0+6+49+48+45 = 191 = 17·11 + 4;
     * 88201465: 16+24+8+0+6+28+48+45 = 175 = 15·11 + 10 = X */
    { IPL_IDENT_CN_APPLICATION, "97101765.4", "97101765.4", "" },
    { IPL_IDENT_CN_APPLICATION, "ZL88201465.X", "88201465.X", "" },
    { IPL_IDENT_CN_APPLICATION, "zl 88201465.x", "88201465.X", "" },
    { IPL_IDENT_CN_APPLICATION, "88201465", "88201465.X", "" },

    /* CN publications (cnipa/ samples, FORMATS.md) */
    { IPL_IDENT_CN_PUBLICATION, "CN104223352A", "CN104223352", "" },
    { IPL_IDENT_CN_PUBLICATION, "CN 115212463 A", "CN115212463", "" },
    { IPL_IDENT_CN_PUBLICATION, "113783949", "CN113783949", "" },
    { IPL_IDENT_CN_PUBLICATION, "CN1398102C", "CN1398102", "" },
    { IPL_IDENT_CN_PUBLICATION, "CN 219 801 493 U", "CN219801493", "" },
    { IPL_IDENT_CN_PUBLICATION, "CN100596351B", "CN100596351", "" },

    /* US grants (uspto-grant/ samples: doc-numbers 06859910, 11617522,
     * D0967598, PP034694, RE049257) and the printed forms of the USPTO's
     * kind-code page */
    { IPL_IDENT_US_PATENT, "6,654,321", "US6654321", "06654321" },
    /* Found by fuzzing: a zero opening a comma group stayed in the
     * canonical form ("US0596"), which then read back as "US596". */
    { IPL_IDENT_US_PATENT, "0,596", "US596", "00000596" },
    { IPL_IDENT_US_PATENT, "06859910", "US6859910", "06859910" },
    { IPL_IDENT_US_PATENT, "US 11617522 B2", "US11617522", "11617522" },
    { IPL_IDENT_US_PATENT, "D0967598", "USD967598", "D0967598" },
    { IPL_IDENT_US_PATENT, "US D654,321 S", "USD654321", "D0654321" },
    { IPL_IDENT_US_PATENT, "USD435854S1", "USD435854", "D0435854" },
    { IPL_IDENT_US_PATENT, "PP034694 P2", "USPP34694", "PP034694" },
    { IPL_IDENT_US_PATENT, "PP12,345", "USPP12345", "PP012345" },
    { IPL_IDENT_US_PATENT, "RE049257 E1", "USRE49257", "RE049257" },
    { IPL_IDENT_US_PATENT, "RE12,345", "USRE12345", "RE012345" },
    { IPL_IDENT_US_PATENT, "H2345", "USH2345", "H0002345" },
    { IPL_IDENT_US_PATENT, "T109,201", "UST109201", "T0109201" },

    /* US publications: US 2001/0001111 A1 -> 20010001111 (FORMATS.md);
     * uspto-app/ipa130117-bulk-subset-2docs-v43.xml */
    { IPL_IDENT_US_PUBLICATION, "US 2001/0001111 A1", "US20010001111", "US 2001/0001111" },
    { IPL_IDENT_US_PUBLICATION, "20130014308", "US20130014308", "US 2013/0014308" },
    { IPL_IDENT_US_PUBLICATION, "US20150075015A2", "US20150075015", "US 2015/0075015" },

    /* US applications: 13/648,029 (FORMATS.md), 13962724 (st96-patent/),
     * series 29 for designs */
    { IPL_IDENT_US_APPLICATION, "13/648,029", "13648029", "13/648,029" },
    { IPL_IDENT_US_APPLICATION, "13962724", "13962724", "13/962,724" },
    { IPL_IDENT_US_APPLICATION, "29/123,456", "29123456", "29/123,456" },
    { IPL_IDENT_US_APPLICATION, "US 16/123456", "16123456", "16/123,456" },

    /* EP (FORMATS.md, epo/ samples) */
    { IPL_IDENT_EP_APPLICATION, "18877305.5", "18877305", "18877305.5" },
    { IPL_IDENT_EP_APPLICATION, "EP 18877305", "18877305", "" },
    { IPL_IDENT_EP_APPLICATION, "EP18877305.5", "18877305", "18877305.5" },
    { IPL_IDENT_EP_PUBLICATION, "EP 3383757 B1", "EP3383757", "" },
    { IPL_IDENT_EP_PUBLICATION, "0560858", "EP0560858", "" },
    { IPL_IDENT_EP_PUBLICATION, "EP560858A1", "EP0560858", "" },
    { IPL_IDENT_EP_PUBLICATION, "EP0874807B2", "EP0874807", "" },

    /* WO (epo-docdb/ops-biblio-WO2018148832A1.xml; PCT AI s.404; the EP
     * Register's legacy forms) */
    { IPL_IDENT_WO_PUBLICATION, "WO 2018/148832 A1", "WO2018148832", "WO 2018/148832" },
    { IPL_IDENT_WO_PUBLICATION, "WO2018148832A1", "WO2018148832", "WO 2018/148832" },
    { IPL_IDENT_WO_PUBLICATION, "2018148832", "WO2018148832", "WO 2018/148832" },
    { IPL_IDENT_WO_PUBLICATION, "WO 99/12345", "WO1999012345", "WO 1999/012345" },
    { IPL_IDENT_WO_PUBLICATION, "WO02/123456", "WO2002123456", "WO 2002/123456" },

    /* PCT (cnipa/ sample: PCT/JP2014/059529; US XML: PCT/US03/00230) */
    { IPL_IDENT_PCT_APPLICATION, "PCT/JP2014/059529", "PCT/JP2014/059529", "" },
    { IPL_IDENT_PCT_APPLICATION, "pct / cn2014 / 012345", "PCT/CN2014/012345", "" },
    { IPL_IDENT_PCT_APPLICATION, "PCT/US03/00230", "PCT/US2003/000230", "" },
    { IPL_IDENT_PCT_APPLICATION, "JP2014059529", "PCT/JP2014/059529", "" },

    /* JP (st36/JP2021193879A-jp-official-gazette.xml) */
    { IPL_IDENT_JP_APPLICATION, "2020100059", "2020-100059", "2020100059" },
    { IPL_IDENT_JP_APPLICATION, "JP 2020-100059", "2020-100059", "2020100059" },
    { IPL_IDENT_JP_PUBLICATION, "JP2021193879A", "JP2021193879", "2021-193879" },
    { IPL_IDENT_JP_PUBLICATION, "2021-193879", "JP2021193879", "2021-193879" },
    { IPL_IDENT_JP_REGISTRATION, "JP 6123456 B2", "JP6123456", "" },
    { IPL_IDENT_JP_REGISTRATION, "3000001U", "JP3000001", "" },

    /* IPC: display, CNIPA text with version, ST.8 field (EPO), the
     * 14-character form (FORMATS.md 3.4 and the samples) */
    { IPL_IDENT_IPC, "A61K 31/4439", "A61K 31/4439", "A61K  31/4439  " },
    { IPL_IDENT_IPC, "a61k31/4439", "A61K 31/4439", "A61K  31/4439  " },
    { IPL_IDENT_IPC, "A61K0031443900", "A61K 31/4439", "A61K  31/4439  " },
    { IPL_IDENT_IPC, "A24B   15/18    (2006.01)", "A24B 15/18", "A24B  15/18    " },
    { IPL_IDENT_IPC, "B60R   7/06        20060101AFI20191025BHEP", "B60R 7/06", "B60R   7/06    " },
    { IPL_IDENT_IPC, "H01T  23/00  (2006.01)", "H01T 23/00", "H01T  23/00    " },
    { IPL_IDENT_IPC, "G06F 17/300", "G06F 17/30", "G06F  17/30    " },
    { IPL_IDENT_CPC, "Y02E 10/50", "Y02E 10/50", "Y02E  10/50    " },
    { IPL_IDENT_CPC, "E21B  47/  0228", "E21B 47/0228", "E21B  47/0228  " },
    { IPL_IDENT_CPC, "A61K 2300/00", "A61K 2300/00", "A61K2300/00    " },

    /* Locarno (WIPO's recommendation 8-05; EUIPO 03.01; USPTO 0301) */
    { IPL_IDENT_LOCARNO, "12-08", "12-08", "1208" },
    { IPL_IDENT_LOCARNO, "03.01", "3-01", "0301" },
    { IPL_IDENT_LOCARNO, "0301", "3-01", "0301" },
    { IPL_IDENT_LOCARNO, "LOC (11) Cl. 8-05", "8-05", "0805" },
    { IPL_IDENT_LOCARNO, "32-00", "32-00", "3200" },

    /* Nice (TDXF 016, TSDR 009, EUIPO 3) */
    { IPL_IDENT_NICE, "016", "16", "016" },
    { IPL_IDENT_NICE, "9", "9", "009" },
    { IPL_IDENT_NICE, "45", "45", "045" },
    { IPL_IDENT_NICE, "1", "1", "001" },

    /* US trademarks (uspto-tm/, st66/, st96-tm/ samples; 78/462,704 from
     * FORMATS.md) */
    { IPL_IDENT_US_TM_SERIAL, "78/462,704", "78462704", "78/462,704" },
    { IPL_IDENT_US_TM_SERIAL, "60172053", "60172053", "60/172,053" },
    { IPL_IDENT_US_TM_SERIAL, "85017257", "85017257", "85/017,257" },
    { IPL_IDENT_US_TM_SERIAL, "98763166", "98763166", "98/763,166" },
    { IPL_IDENT_US_TM_SERIAL, "74631225", "74631225", "74/631,225" },
    { IPL_IDENT_US_TM_REGISTRATION, "0172053", "172053", "0172053" },
    { IPL_IDENT_US_TM_REGISTRATION, "3886011", "3886011", "3886011" },
    { IPL_IDENT_US_TM_REGISTRATION, "2,178,784", "2178784", "2178784" },

    /* EUTM (st66/euipo-EUTM018222197-...) */
    { IPL_IDENT_EUTM, "018222197", "018222197", "" },
    { IPL_IDENT_EUTM, "EUTM 18222197", "018222197", "" },
};

#define NOK (sizeof ok / sizeof ok[0])

static ipl_ident
parse_ok(ipl_ident_type type, const char *text)
{
    ipl_ident id;
    ipl_error err;

    memset(&id, 0x5A, sizeof id);
    ck_assert_msg(ipl_ident_parse(&id, type, text, &err) == IPL_OK,
                  "%s \"%s\": %s", ipl_ident_type_name(type), text,
                  err.message);
    ck_assert_int_eq(id.type, type);
    return id;
}

/* The parts the canonical form carries (it leaves out kind codes, IPC
 * versions and EP check digits) are the same in a and b. */
static void
assert_same_parts(const ipl_ident *a, const ipl_ident *b)
{
    ck_assert_str_eq(a->canonical, b->canonical);
    ck_assert_str_eq(a->office, b->office);
    ck_assert_str_eq(a->series, b->series);
    ck_assert_str_eq(a->serial, b->serial);
    ck_assert_int_eq(a->year, b->year);
    ck_assert_int_eq(a->section, b->section);
    ck_assert_int_eq(a->class_number, b->class_number);
    ck_assert_str_eq(a->subclass, b->subclass);
    ck_assert_int_eq(a->main_group, b->main_group);
    ck_assert_str_eq(a->subgroup, b->subgroup);
}

START_TEST(test_ok)
{
    const struct ok_case *c = &ok[_i];
    ipl_ident id = parse_ok(c->type, c->text), again;

    ck_assert_str_eq(id.canonical, c->canonical);
    ck_assert_str_eq(id.alternate, c->alternate);
    /* The canonical form is a fixed point with the same parts, and the
     * alternate form names the same identifier. */
    again = parse_ok(c->type, id.canonical);
    assert_same_parts(&again, &id);
    if (id.alternate[0] != '\0')
        ck_assert_str_eq(parse_ok(c->type, id.alternate).canonical,
                         id.canonical);
}
END_TEST

/* ---- parts --------------------------------------------------------- */

START_TEST(test_parts_cn)
{
    ipl_ident id = parse_ok(IPL_IDENT_CN_APPLICATION, "ZL 2015 1 0481495.9");

    ck_assert_str_eq(id.office, "CN");
    ck_assert_int_eq(id.year, 2015);
    ck_assert_str_eq(id.series, "1");
    ck_assert_str_eq(id.serial, "0481495");
    ck_assert_int_eq(id.check, '9');
    ck_assert_str_eq(id.kind, "");

    id = parse_ok(IPL_IDENT_CN_APPLICATION, "97101765.4");
    ck_assert_int_eq(id.year, 1997);
    ck_assert_str_eq(id.serial, "01765");
    id = parse_ok(IPL_IDENT_CN_APPLICATION, "02101765");
    ck_assert_int_eq(id.year, 2002);

    id = parse_ok(IPL_IDENT_CN_PUBLICATION, "CN219801493U");
    ck_assert_str_eq(id.kind, "U");
    ck_assert_str_eq(id.series, "2");
    ck_assert_str_eq(id.serial, "219801493");
}
END_TEST

START_TEST(test_parts_us_ep_wo)
{
    ipl_ident id = parse_ok(IPL_IDENT_US_PATENT, "US D654,321 S");

    ck_assert_str_eq(id.office, "US");
    ck_assert_str_eq(id.series, "D");
    ck_assert_str_eq(id.serial, "654321");
    ck_assert_str_eq(id.kind, "S");

    id = parse_ok(IPL_IDENT_US_PUBLICATION, "US 2001/0001111 A1");
    ck_assert_int_eq(id.year, 2001);
    ck_assert_str_eq(id.serial, "0001111");
    ck_assert_str_eq(id.kind, "A1");

    id = parse_ok(IPL_IDENT_US_APPLICATION, "29/123,456");
    ck_assert_str_eq(id.series, "29");
    ck_assert_str_eq(id.serial, "123456");

    id = parse_ok(IPL_IDENT_EP_APPLICATION, "18877305.5");
    ck_assert_str_eq(id.office, "EP");
    ck_assert_int_eq(id.year, 2018);
    ck_assert_int_eq(id.check, '5');
    id = parse_ok(IPL_IDENT_EP_APPLICATION, "90400123");
    ck_assert_int_eq(id.year, 1990);
    ck_assert_int_eq(id.check, '\0');

    id = parse_ok(IPL_IDENT_EP_PUBLICATION, "EP 3383757 B1");
    ck_assert_str_eq(id.kind, "B1");
    ck_assert_str_eq(id.serial, "3383757");

    id = parse_ok(IPL_IDENT_WO_PUBLICATION, "WO 99/12345 A1");
    ck_assert_int_eq(id.year, 1999);
    ck_assert_str_eq(id.serial, "012345");
    ck_assert_str_eq(id.kind, "A1");
    ck_assert_str_eq(id.office, "WO");

    id = parse_ok(IPL_IDENT_PCT_APPLICATION, "PCT/JP2014/059529");
    ck_assert_str_eq(id.office, "JP");    /* the receiving office */
    ck_assert_int_eq(id.year, 2014);
    ck_assert_str_eq(id.serial, "059529");

    id = parse_ok(IPL_IDENT_JP_PUBLICATION, "JP2021193879A");
    ck_assert_str_eq(id.office, "JP");
    ck_assert_int_eq(id.year, 2021);
    ck_assert_str_eq(id.serial, "193879");
    ck_assert_str_eq(id.kind, "A");
}
END_TEST

START_TEST(test_parts_classes)
{
    ipl_ident id = parse_ok(IPL_IDENT_IPC, "C07K   16/18    (2006.01)");

    ck_assert_int_eq(id.section, 'C');
    ck_assert_int_eq(id.class_number, 7);
    ck_assert_str_eq(id.subclass, "K");
    ck_assert_int_eq(id.main_group, 16);
    ck_assert_str_eq(id.subgroup, "18");
    ck_assert_str_eq(id.version, "2006.01");
    ck_assert_str_eq(id.office, "");

    id = parse_ok(IPL_IDENT_IPC, "B60R   7/06        20060101AFI20191025BHEP");
    ck_assert_str_eq(id.version, "2006.01");
    ck_assert_str_eq(id.subgroup, "06");

    id = parse_ok(IPL_IDENT_CPC, "A61K0031443900");
    ck_assert_int_eq(id.main_group, 31);
    ck_assert_str_eq(id.subgroup, "4439");
    ck_assert_str_eq(id.version, "");

    id = parse_ok(IPL_IDENT_LOCARNO, "LOC (11) Cl. 8-05");
    ck_assert_int_eq(id.class_number, 8);
    ck_assert_str_eq(id.subclass, "05");
    ck_assert_str_eq(id.version, "11");

    id = parse_ok(IPL_IDENT_NICE, "009");
    ck_assert_int_eq(id.class_number, 9);
}
END_TEST

START_TEST(test_parts_trademarks)
{
    ipl_ident id = parse_ok(IPL_IDENT_US_TM_SERIAL, "78/462,704");

    ck_assert_str_eq(id.office, "US");
    ck_assert_str_eq(id.series, "78");
    ck_assert_str_eq(id.serial, "462704");

    id = parse_ok(IPL_IDENT_US_TM_REGISTRATION, "0172053");
    ck_assert_str_eq(id.serial, "172053");

    id = parse_ok(IPL_IDENT_EUTM, "018222197");
    ck_assert_str_eq(id.office, "EM");
    ck_assert_str_eq(id.serial, "018222197");
}
END_TEST

/* ---- errors -------------------------------------------------------- */

static const struct bad_case {
    ipl_ident_type type;
    const char *text;
    const char *message;    /* a part the message must contain */
    int column;             /* err.column, 0 when not about one byte */
} bad[] = {
    { IPL_IDENT_CN_APPLICATION, "201510481495.3", "check character is 3, expected 9", 0 },
    { IPL_IDENT_CN_APPLICATION, "ZL88201465.5", "check character is 5, expected X", 0 },
    { IPL_IDENT_CN_APPLICATION, "199910481495.1", "12-digit numbers began in 2003", 0 },
    { IPL_IDENT_CN_APPLICATION, "05101765", "8-digit numbers run from 1985 to 2003", 0 },
    { IPL_IDENT_CN_APPLICATION, "201540481495.9", "matches none of the forms of CN application numbers", 0 },
    { IPL_IDENT_CN_APPLICATION, "402015000481495", "application type 40 is not known", 0 },
    { IPL_IDENT_CN_APPLICATION, "102015100481495", "does not name a 12-digit", 0 },
    { IPL_IDENT_CN_APPLICATION, "", "is empty", 0 },
    { IPL_IDENT_CN_APPLICATION, " \t\r\n", "is empty", 0 },
    { IPL_IDENT_CN_APPLICATION, "2015\xE5\x8F\xB7", "byte 0xE5 at column 5", 5 },
    { IPL_IDENT_CN_APPLICATION, "2015\x01", "byte 0x01 at column 5", 5 },
    { IPL_IDENT_CN_APPLICATION, "\xEF\xBC", "byte 0xEF at column 1", 1 },
    { IPL_IDENT_CN_PUBLICATION, "CN104223352U", "kind U does not go with a number starting with 1 (A B C)", 0 },
    { IPL_IDENT_CN_PUBLICATION, "CN104223352B1", "kind B1 is not used for CN publication numbers", 0 },
    { IPL_IDENT_CN_PUBLICATION, "CN404223352", "matches none of the forms of CN publication numbers", 0 },
    { IPL_IDENT_US_PATENT, "D654,321 B2", "kind B2 does not go with prefix \"D\" (S S1)", 0 },
    { IPL_IDENT_US_PATENT, "0000000", "does not fit", 0 },
    { IPL_IDENT_US_PATENT, "T109,201 B1", "kind B1 does not go with prefix \"T\" (none)", 0 },
    { IPL_IDENT_US_PATENT, "PP1234567", "does not fit", 0 },
    { IPL_IDENT_US_PATENT, "US6654321Q", "kind Q is not used for US patent numbers", 0 },
    { IPL_IDENT_US_PUBLICATION, "US 2000/0001111", "publications began in 2001", 0 },
    { IPL_IDENT_US_PUBLICATION, "US20010001111B2", "kind B2", 0 },
    { IPL_IDENT_US_APPLICATION, "00/123,456", "series code 00", 0 },
    { IPL_IDENT_US_APPLICATION, "13/648,02", "matches none of the forms of US application numbers", 0 },
    { IPL_IDENT_EP_PUBLICATION, "EP3383757C1", "kind C1 is not used for EP publication numbers (A1 A2", 0 },
    { IPL_IDENT_EP_PUBLICATION, "EP0000000", "publication number 0", 0 },
    { IPL_IDENT_EP_APPLICATION, "18877305.5 A1", "matches none of the forms", 0 },
    { IPL_IDENT_EP_APPLICATION, "18877305.55", "matches none of the forms of EP application numbers", 0 },
    { IPL_IDENT_WO_PUBLICATION, "WO 05/12345", "year 05", 0 },
    { IPL_IDENT_WO_PUBLICATION, "WO 2018/000000", "serial 0", 0 },
    { IPL_IDENT_PCT_APPLICATION, "PCT/JP1970/000001", "is not a PCT filing", 0 },
    { IPL_IDENT_JP_APPLICATION, "1999-123456", "four-digit years began in 2000", 0 },
    { IPL_IDENT_JP_PUBLICATION, "JP2021193879B2", "kind B2 is not used for JP publication numbers", 0 },
    { IPL_IDENT_JP_REGISTRATION, "JP0123456", "without leading zeros", 0 },
    { IPL_IDENT_JP_APPLICATION, "H11-123456", "matches none of the forms of JP application numbers", 0 },
    { IPL_IDENT_IPC, "Y02E 10/50", "section Y exists in the CPC only", 0 },
    { IPL_IDENT_IPC, "A00K 31/44", "class 00, main group 31: both start at 1", 0 },
    { IPL_IDENT_IPC, "A61K 31/4439 (2006.13)", "version 2006.13", 0 },
    { IPL_IDENT_IPC, "A61K 31", "matches none of the forms of IPC symbols", 0 },
    { IPL_IDENT_CPC, "A61K0000443900", "both start at 1", 0 },
    { IPL_IDENT_LOCARNO, "33-01", "Locarno classes are 1..32, got 33", 0 },
    { IPL_IDENT_LOCARNO, "0-01", "got 0", 0 },
    { IPL_IDENT_NICE, "46", "Nice classes are 1..45, got 46", 0 },
    { IPL_IDENT_NICE, "000", "got 0", 0 },
    { IPL_IDENT_NICE, "A", "matches none of the forms of Nice classes", 0 },
    { IPL_IDENT_US_TM_SERIAL, "12/345,678", "series code 12", 0 },
    { IPL_IDENT_US_TM_REGISTRATION, "0000000", "stands for \"not registered\"", 0 },
    { IPL_IDENT_US_TM_REGISTRATION, "12345678", "at most 7 digits", 0 },
    { IPL_IDENT_EUTM, "000000000", "start at 1", 0 },
    { IPL_IDENT_EUTM, "0182221970", "matches none of the forms of EU trade mark numbers", 0 },
};

#define NBAD (sizeof bad / sizeof bad[0])

START_TEST(test_bad)
{
    const struct bad_case *c = &bad[_i];
    ipl_error err = iplt_stale_error();
    ipl_ident id;
    int rc;

    memset(&id, 0x5A, sizeof id);
    rc = ipl_ident_parse(&id, c->type, c->text, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "text");
    ck_assert_msg(strstr(err.message, c->message) != NULL,
                  "\"%s\": message \"%s\" lacks \"%s\"", c->text, err.message,
                  c->message);
    if (c->column > 0) {
        ck_assert_int_eq(err.line, 1);
        ck_assert_int_eq(err.column, c->column);
    }
    ck_assert_int_eq(((unsigned char *)&id)[0], 0x5A);   /* out untouched */
}
END_TEST

START_TEST(test_bad_arguments)
{
    char longer[IPL_IDENT_INPUT_MAX + 2];
    ipl_error err = iplt_stale_error();
    ipl_ident id;
    int rc;

    rc = ipl_ident_parse(NULL, IPL_IDENT_NICE, "9", &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "out");
    rc = ipl_ident_parse(&id, IPL_IDENT_NICE, NULL, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "text");
    rc = ipl_ident_parse(&id, IPL_IDENT_NONE, "9", &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "type");
    rc = ipl_ident_parse(&id, (ipl_ident_type)(IPL_IDENT_EUTM + 1), "9", &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "type");
    rc = ipl_ident_parse(&id, (ipl_ident_type)-1, "9", &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "type");

    /* At the limit a text is read; one byte beyond it is refused. */
    memset(longer, ' ', sizeof longer);
    longer[0] = '9';
    longer[IPL_IDENT_INPUT_MAX] = '\0';
    ck_assert_int_eq(ipl_ident_parse(&id, IPL_IDENT_NICE, longer, NULL), IPL_OK);
    longer[IPL_IDENT_INPUT_MAX] = ' ';
    longer[IPL_IDENT_INPUT_MAX + 1] = '\0';
    rc = ipl_ident_parse(&id, IPL_IDENT_NICE, longer, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "text");
    ck_assert_ptr_nonnull(strstr(err.message, "longer than 128 bytes"));

    ck_assert_int_eq(ipl_ident_parse(&id, IPL_IDENT_NICE, "99", NULL),
                     IPL_EINVAL);
}
END_TEST

/* ---- kind codes ---------------------------------------------------- */

static const struct kind_case {
    ipl_ident_type type;
    const char *text;
    const char *kind;       /* NULL: IPL_EINVAL */
} kinds[] = {
    { IPL_IDENT_CN_PUBLICATION, "A", "A" },
    { IPL_IDENT_CN_PUBLICATION, "B", "B" },
    { IPL_IDENT_CN_PUBLICATION, "A1", NULL },
    { IPL_IDENT_US_PATENT, "b2", "B2" },
    { IPL_IDENT_US_PATENT, "E1", "E1" },          /* observed in v4.7 */
    { IPL_IDENT_US_PATENT, "S1", "S1" },
    { IPL_IDENT_US_PATENT, "A1", NULL },
    { IPL_IDENT_US_PUBLICATION, "A ", NULL },
    { IPL_IDENT_US_PUBLICATION, "A9", "A9" },
    { IPL_IDENT_WO_PUBLICATION, "A ", NULL },     /* TDXF's "A " on a WO citation */
    { IPL_IDENT_WO_PUBLICATION, " a1 ", "A1" },
    { IPL_IDENT_EP_PUBLICATION, "B9", "B9" },
    { IPL_IDENT_EP_PUBLICATION, "Z9", NULL },
    /* The JPO's own text: 公開特許公報(A), in ASCII and full-width
     * parentheses, and a full-width code. */
    { IPL_IDENT_JP_PUBLICATION,
      "\xE5\x85\xAC\xE9\x96\x8B\xE7\x89\xB9\xE8\xA8\xB1\xE5\x85\xAC\xE5\xA0\xB1(A)", "A" },
    { IPL_IDENT_JP_PUBLICATION,
      "\xE5\x85\xAC\xE9\x96\x8B\xEF\xBC\x88\xEF\xBC\xA1\xEF\xBC\x89", "A" },
    { IPL_IDENT_JP_REGISTRATION, "B2", "B2" },
    { IPL_IDENT_JP_REGISTRATION, "(A)", NULL },
    { IPL_IDENT_JP_PUBLICATION, "\xE5\x85\xAC\xE9\x96\x8B", NULL },
    { IPL_IDENT_JP_PUBLICATION, "AB", NULL },
    { IPL_IDENT_CN_APPLICATION, "A", NULL },
    { IPL_IDENT_NICE, "A", NULL },
};

#define NKINDS (sizeof kinds / sizeof kinds[0])

START_TEST(test_kind)
{
    const struct kind_case *c = &kinds[_i];
    char out[IPL_IDENT_KIND_SIZE] = "zz";
    ipl_error err = iplt_stale_error();
    int rc;

    rc = ipl_ident_parse_kind(out, sizeof out, c->type, c->text, &err);
    if (c->kind != NULL) {
        ck_assert_msg(rc == IPL_OK, "\"%s\": %s", c->text, err.message);
        ck_assert_str_eq(out, c->kind);
    } else {
        iplt_assert_error(err, rc, IPL_EINVAL, "text");
        ck_assert_str_eq(out, "zz");
    }
}
END_TEST

START_TEST(test_kind_arguments)
{
    char out[IPL_IDENT_KIND_SIZE];
    ipl_error err = iplt_stale_error();
    int rc;

    rc = ipl_ident_parse_kind(out, 2, IPL_IDENT_US_PATENT, "B2", &err);
    iplt_assert_error(err, rc, IPL_ERANGE, "size");
    ck_assert_int_eq(ipl_ident_parse_kind(out, 2, IPL_IDENT_US_PATENT, "S",
                                          NULL), IPL_OK);
    ck_assert_str_eq(out, "S");
    rc = ipl_ident_parse_kind(NULL, 4, IPL_IDENT_US_PATENT, "B2", &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "out");
    rc = ipl_ident_parse_kind(out, 4, IPL_IDENT_US_PATENT, NULL, &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "text");
    rc = ipl_ident_parse_kind(out, 4, IPL_IDENT_NONE, "A", &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "type");
    rc = ipl_ident_parse_kind(out, 4, IPL_IDENT_WO_PUBLICATION, "", &err);
    iplt_assert_error(err, rc, IPL_EINVAL, "text");
}
END_TEST

START_TEST(test_type_names)
{
    ck_assert_str_eq(ipl_ident_type_name(IPL_IDENT_CN_APPLICATION),
                     "cn-application");
    ck_assert_str_eq(ipl_ident_type_name(IPL_IDENT_US_TM_REGISTRATION),
                     "us-tm-registration");
    ck_assert_str_eq(ipl_ident_type_name(IPL_IDENT_EUTM), "eutm");
    ck_assert_str_eq(ipl_ident_type_name(IPL_IDENT_NONE), "unknown");
    ck_assert_str_eq(ipl_ident_type_name((ipl_ident_type)99), "unknown");
}
END_TEST

/* ---- patterns that do not compile ------------------------------------ */

START_TEST(test_compile_error)
{
    static const char *const sources[] = { "^ok$", "^(unclosed$" };
    pcre2_code *codes[2];
    char msg[IPL_ERROR_MESSAGE_MAX];

    ck_assert_int_eq(ipl__ident_compile(codes, sources, 1, msg, sizeof msg),
                     IPL_OK);
    pcre2_code_free(codes[0]);
    ck_assert_int_eq(ipl__ident_compile(codes, sources, 2, msg, sizeof msg),
                     IPL_ERROR);
    ck_assert_str_eq(msg, "pattern 1, offset 11: missing closing parenthesis");
}
END_TEST

/* ---- allocation failures ------------------------------------------- */

static int
parse_each_kind(void *ctx)
{
    size_t i;
    int rc;

    (void)ctx;
    for (i = 0; i < NOK; i++) {
        ipl_ident id;

        if ((rc = ipl_ident_parse(&id, ok[i].type, ok[i].text, NULL)) < 0)
            return rc;
    }
    return IPL_OK;
}

static int
parse_one_kind(void *ctx)
{
    char out[IPL_IDENT_KIND_SIZE];

    (void)ctx;
    return ipl_ident_parse_kind(out, sizeof out, IPL_IDENT_US_PATENT, "B2",
                                NULL);
}

START_TEST(test_oom)
{
    /* Every parse allocates (match data), so every call in the loop
     * sees some allocation fail and must give IPL_ENOMEM. */
    ck_assert_uint_gt(iplt_oom_check(parse_each_kind, NULL), NOK);
    ck_assert_uint_gt(iplt_oom_check(parse_one_kind, NULL), 0);
}
END_TEST

/* ---- properties on random text ------------------------------------- */

/* Characters identifiers are made of, weighted towards digits. */
static const char alphabet[] =
    "0123456789012345678901234567890123456789 ./-,()XABCDEFGHJKLPRSTUWYZ"
    "cnzlpt\t";

/* A random text and the type to read it as: printable ASCII from the
 * alphabet (now and then any byte) as any type, or a valid example with
 * a few bytes changed, mostly as its own type. */
static ipl_ident_type
random_text(char *buf, size_t size, uint64_t *state)
{
    uint64_t r = iplt_xorshift(state);
    ipl_ident_type type = (ipl_ident_type)(1 + (r >> 40) % IPL_IDENT_EUTM);
    size_t n, i;

    if (r % 2 == 0) {
        const struct ok_case *base = &ok[(r >> 8) % NOK];

        snprintf(buf, size, "%s", base->text);
        n = strlen(buf);
        for (i = 0; n > 0 && i < (r >> 20) % 3; i++)
            buf[iplt_xorshift(state) % n] =
                alphabet[iplt_xorshift(state) % (sizeof alphabet - 1)];
        return (r >> 30) % 4 != 0 ? base->type : type;
    }
    n = (size_t)((r >> 8) % 24);
    for (i = 0; i < n && i + 1 < size; i++) {
        uint64_t c = iplt_xorshift(state);
        buf[i] = (c % 16 == 0) ? (char)(1 + (c >> 8) % 255)
                               : alphabet[(c >> 8) % (sizeof alphabet - 1)];
    }
    buf[i] = '\0';
    return type;
}

START_TEST(test_random_text)
{
    uint64_t state = 0x1D3417ULL + (uint64_t)_i;
    size_t live = iplt_alloc_live(), round, accepted = 0;
    char text[64];

    for (round = 0; round < 3000; round++) {
        ipl_ident id, again;
        ipl_error err;
        ipl_ident_type type = random_text(text, sizeof text, &state);
        int rc;

        rc = ipl_ident_parse(&id, type, text, &err);
        ck_assert_msg(rc == IPL_OK || rc == IPL_EINVAL, "\"%s\": %s", text,
                      ipl_status_name(rc));
        if (rc == IPL_EINVAL) {
            ck_assert(err.message[0] != '\0');
            continue;
        }
        accepted++;
        /* Never OK with a non-canonical output: the canonical form reads
         * back as itself, and so does the alternate. */
        ck_assert_msg(ipl_ident_parse(&again, type, id.canonical, &err) ==
                      IPL_OK && strcmp(again.canonical, id.canonical) == 0,
                      "%s \"%s\" gave \"%s\", which does not read back",
                      ipl_ident_type_name(type), text, id.canonical);
        if (id.alternate[0] != '\0')
            ck_assert_msg(ipl_ident_parse(&again, type, id.alternate, &err) ==
                          IPL_OK && strcmp(again.canonical, id.canonical) == 0,
                          "%s \"%s\": alternate \"%s\" does not read back",
                          ipl_ident_type_name(type), text, id.alternate);
    }
    ck_assert_uint_eq(iplt_alloc_live(), live);
    ck_assert_uint_gt(accepted, 500);   /* the texts reach the OK paths */
}
END_TEST

/* ---- threads ------------------------------------------------------- */

static void *
parse_all_in_thread(void *arg)
{
    size_t round, i;

    for (round = 0; round < 20; round++)
        for (i = 0; i < NOK; i++) {
            ipl_ident id;

            if (ipl_ident_parse(&id, ok[i].type, ok[i].text, NULL) != IPL_OK ||
                strcmp(id.canonical, ok[i].canonical) != 0)
                return arg;     /* non-NULL: a failure */
        }
    return NULL;
}

START_TEST(test_threads)
{
    pthread_t threads[4];
    int marker[4];
    void *failed;
    size_t i;

    /* The harness's counting allocator is not meant for threads: use
     * the C library's meanwhile. Each call frees what it allocates, so
     * no block crosses from one allocator to the other. */
    ck_assert_int_eq(ipl_alloc_set(NULL), IPL_OK);
    for (i = 0; i < 4; i++)
        ck_assert_int_eq(pthread_create(&threads[i], NULL, parse_all_in_thread,
                                        &marker[i]), 0);
    for (i = 0; i < 4; i++) {
        ck_assert_int_eq(pthread_join(threads[i], &failed), 0);
        ck_assert_ptr_null(failed);
    }
    iplt_oom_install();
}
END_TEST

static Suite *
ident_suite(void)
{
    Suite *s = suite_create("ident");
    TCase *tc;

    /* First, so that the patterns are compiled by several threads at
     * once when CK_FORK=no. */
    tc = tcase_create("threads");
    tcase_add_test(tc, test_threads);
    suite_add_tcase(s, tc);

    tc = tcase_create("forms");
    tcase_add_loop_test(tc, test_ok, 0, (int)NOK);
    tcase_add_test(tc, test_parts_cn);
    tcase_add_test(tc, test_parts_us_ep_wo);
    tcase_add_test(tc, test_parts_classes);
    tcase_add_test(tc, test_parts_trademarks);
    suite_add_tcase(s, tc);

    tc = tcase_create("errors");
    tcase_add_loop_test(tc, test_bad, 0, (int)NBAD);
    tcase_add_test(tc, test_bad_arguments);
    tcase_add_test(tc, test_compile_error);
    suite_add_tcase(s, tc);

    tc = tcase_create("kinds");
    tcase_add_loop_test(tc, test_kind, 0, (int)NKINDS);
    tcase_add_test(tc, test_kind_arguments);
    tcase_add_test(tc, test_type_names);
    suite_add_tcase(s, tc);

    tc = tcase_create("oom");
    tcase_add_test(tc, test_oom);
    suite_add_tcase(s, tc);

    /* Valgrind needs time for 4 × 3000 texts. */
    tc = tcase_create("random");
    tcase_set_timeout(tc, 300);
    tcase_add_loop_test(tc, test_random_text, 0, 4);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    iplt_oom_install();
    return iplt_run(ident_suite());
}
