#!/usr/bin/env python3
"""Writes expected.tsv: what every sample record under
$IPL_SHARED_DATA/records says, read with Python's own XML parser
(expat, through xml.etree) and explicit per-format paths, independently
of the C drivers. Run it by hand when the samples change:

    IPL_SHARED_DATA=/path/to/shared/data \
        python3 tests/vectors/records/make-expected.py > expected.tsv

One row per record (or per document that is not well-formed). Counts
count elements as the file has them; dates are written as in the file
but in ISO form; titles are cut to their first 16 characters.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.join(os.environ["IPL_SHARED_DATA"], "records")
COLUMNS = ["file", "index", "format", "office", "type", "application",
           "publication", "registration", "kind", "filing", "published",
           "granted", "registered", "title", "applicants", "owners",
           "inventors", "ipc", "ipc_subclasses", "cpc", "locarno", "nice",
           "claims", "citations", "priorities", "error_line"]


def text(el):
    if el is None:
        return ""
    return " ".join("".join(el.itertext()).split())


def first(root, *paths):
    for p in paths:
        if p.startswith("@"):
            v = root.get(p[1:])
            if v and v.strip():
                return v.strip()
            continue
        path, _, attr = p.partition("#")
        for el in root.iterfind(path):
            v = el.get(attr) if attr else text(el)
            if v and v.strip():
                return v.strip()
    return ""


def count(root, *paths):
    return sum(len(root.findall(p)) for p in paths)


def iso(d):
    d = d.strip()
    if re.fullmatch(r"\d{8}", d):
        d = d[:4] + "-" + d[4:6] + "-" + d[6:]
    d = d.replace("/", "-")[:10]
    if d in ("0000-00-00", "0001-01-01") or not re.fullmatch(
            r"\d{4}-\d\d-\d\d", d):
        return ""
    return d


def english_title(titles):
    for t in titles:
        if t.get("lang") == "en":
            return text(t)
    return text(titles[0]) if titles else ""


def subclasses(symbols):
    seen = []
    for s in symbols:
        s = s.replace(" ", "")
        if re.match(r"[A-HY]\d\d[A-Z]", s) and s[:4] not in seen:
            seen.append(s[:4])
    return ";".join(seen)


def right_by_kind(kind, default="invention"):
    k = (kind or "")[:1]
    return {"S": "design", "D": "design", "U": "utility-model",
            "Y": "utility-model", "P": "plant"}.get(k, default)


def ipcr_parts(el, sec="section", cls="class", sub="subclass"):
    return first(el, "{*}" + sec) + first(el, "{*}" + cls) + first(el, "{*}" + sub)


# ---- one function per format: returns a dict of columns ------------------

def uspto_ice(r, fmt):
    B = "{*}" + ("us-bibliographic-data-grant" if fmt == "uspto-grant"
                 else "us-bibliographic-data-application") + "/"
    kind = first(r, B + "publication-reference/document-id/kind")
    ipc = [ipcr_parts(e) for e in r.iterfind(
        B + "classifications-ipcr/classification-ipcr")]
    ipc += [text(e) for e in r.iterfind(B + "classification-ipc/main-classification")]
    ipc += [text(e) for e in r.iterfind(B + "classification-ipc/further-classification")]
    pub = iso(first(r, B + "publication-reference/document-id/date"))
    return dict(
        office=first(r, B + "publication-reference/document-id/country"),
        type=right_by_kind(kind), kind=kind,
        application=first(r, B + "application-reference/document-id/doc-number"),
        publication=first(r, B + "publication-reference/document-id/doc-number"),
        filing=iso(first(r, B + "application-reference/document-id/date")),
        published=pub, granted=pub if fmt == "uspto-grant" else "",
        title=text(r.find(B + "invention-title")),
        applicants=count(r, B + "us-parties/us-applicants/us-applicant",
                         B + "parties/applicants/applicant"),
        owners=count(r, B + "assignees/assignee"),
        inventors=count(r, B + "us-parties/inventors/inventor",
                        B + "parties/applicants/applicant[@app-type='applicant-inventor']",
                        B + "parties/inventors/inventor"),
        ipc=len(ipc), ipc_subclasses=subclasses(ipc),
        cpc=count(r, B + "classifications-cpc/main-cpc/classification-cpc",
                  B + "classifications-cpc/further-cpc/classification-cpc"),
        locarno=";".join(text(e) for e in r.iterfind(
            B + "classification-locarno/main-classification")),
        claims=first(r, B + "number-of-claims") or count(r, "claims/claim"),
        citations=count(r, B + "us-references-cited/us-citation",
                        B + "references-cited/citation"),
        priorities=count(r, B + "priority-claims/priority-claim"))


def uspto_pap(r, fmt):
    S = "subdoc-bibliographic-information/"
    ipc = [text(e) for e in r.iterfind(S + "technical-information/classification-ipc/*/ipc")]
    return dict(office="US", type="invention",
                kind=first(r, S + "document-id/kind-code"),
                application=first(r, S + "domestic-filing-data/application-number/doc-number"),
                publication=first(r, S + "document-id/doc-number"),
                filing=iso(first(r, S + "domestic-filing-data/filing-date")),
                published=iso(first(r, S + "document-id/document-date")),
                title=text(r.find(S + "technical-information/title-of-invention")),
                owners=count(r, S + "assignee"), inventors=count(r, S + "inventors/*"),
                ipc=len(ipc), ipc_subclasses=subclasses(ipc),
                claims=count(r, "subdoc-claims/claim"),
                priorities=count(r, S + "foreign-priority-data"))


def uspto_st32(r, fmt):
    kind = first(r, "SDOBI/B100/B130/PDAT")
    pub = iso(first(r, "SDOBI/B100/B140/DATE/PDAT"))
    design = right_by_kind(kind) == "design"
    b511 = [text(e) for e in r.iterfind("SDOBI/B500/B510/B511/PDAT")]
    return dict(office=first(r, "SDOBI/B100/B190/PDAT"), type=right_by_kind(kind),
                kind=kind, application=first(r, "SDOBI/B200/B210/DNUM/PDAT"),
                publication=first(r, "SDOBI/B100/B110/DNUM/PDAT"),
                filing=iso(first(r, "SDOBI/B200/B220/DATE/PDAT")),
                published=pub, granted=pub, title=text(r.find("SDOBI/B500/B540")),
                owners=count(r, "SDOBI/B700/B730/B731"),
                inventors=count(r, "SDOBI/B700/B720/B721"),
                locarno=";".join(b511) if design else "",
                ipc=0 if design else len(b511),
                claims=first(r, "SDOBI/B500/B570/B577/PDAT"),
                citations=count(r, "SDOBI/B500/B560/B561", "SDOBI/B500/B560/B562"))


def ep(r, fmt):
    S = "SDOBI/"
    kind = first(r, S + "B100/B130", "@kind")
    ipc = [text(e) for e in r.iterfind(S + "B500/B510EP/classification-ipcr/text")]
    langs = [c.get("lang") for c in r.iterfind("claims")]
    claims = len(r.findall("claims")[0].findall("claim")) if langs else 0
    titles = r.findall(S + "B500/B540/B542")
    en = [t for t in titles if True]
    title = ""
    for lang_el, t in zip(r.findall(S + "B500/B540/B541"), titles):
        if text(lang_el) == "en":
            title = text(t)
    return dict(office=first(r, S + "B100/B190", "@country"), type="invention",
                kind=kind, application=first(r, S + "B200/B210"),
                publication=first(r, S + "B100/B110", "@doc-number"),
                filing=iso(first(r, S + "B200/B220/date")),
                published=iso(first(r, S + "B100/B140/date", "@date-publ")),
                granted=iso(first(r, S + "B400/B450/date")),
                title=title or (text(en[0]) if en else ""),
                applicants=count(r, S + "B700/B710/B711"),
                owners=count(r, S + "B700/B730/B731"),
                inventors=count(r, S + "B700/B720/B721"),
                ipc=len(ipc), ipc_subclasses=subclasses(ipc), claims=claims,
                citations=count(r, S + "B500/B560/B561", S + "B500/B560/B562"),
                priorities=count(r, S + "B300/B310"))


def ops(r, fmt):
    ex = r.find(".//{*}exchange-document")
    d = dict(type="invention")
    if ex is not None:
        B = "{*}bibliographic-data/"
        ipc = [text(e) for e in ex.iterfind(B + "{*}classifications-ipcr/{*}classification-ipcr/{*}text")]
        title = ""
        for t in ex.iterfind(B + "{*}invention-title"):
            if t.get("lang") == "en":
                title = text(t)
        d.update(office=ex.get("country"), kind=ex.get("kind"),
                 publication=ex.get("doc-number"),
                 application=first(ex, B + "{*}application-reference/{*}document-id[@document-id-type='docdb']/{*}doc-number"),
                 filing=iso(first(ex, B + "{*}application-reference/{*}document-id/{*}date")),
                 published=iso(first(ex, B + "{*}publication-reference/{*}document-id/{*}date")),
                 title=title,
                 applicants=count(ex, B + "{*}parties/{*}applicants/{*}applicant[@data-format='epodoc']"),
                 inventors=count(ex, B + "{*}parties/{*}inventors/{*}inventor[@data-format='epodoc']"),
                 ipc=len(ipc), ipc_subclasses=subclasses(ipc),
                 cpc=len([c for c in ex.iterfind(B + "{*}patent-classifications/{*}patent-classification")
                          if c.find("{*}classification-scheme").get("scheme") == "CPC"]),
                 citations=count(ex, B + "{*}references-cited/{*}citation"),
                 priorities=count(ex, B + "{*}priority-claims/{*}priority-claim"))
        return d
    ft = r.find(".//{*}fulltext-document")
    if ft is not None:
        P = "{*}bibliographic-data/{*}publication-reference/{*}document-id/"
        d.update(office=first(ft, P + "{*}country"), kind=first(ft, P + "{*}kind"),
                 publication=first(ft, P + "{*}doc-number"),
                 claims=count(ft, "{*}claims/{*}claim/{*}claim-text"))
        return d
    fam = r.find(".//{*}patent-family")
    if fam is not None:
        P = "{*}publication-reference/{*}document-id/"
        d.update(office=first(fam, P + "{*}country"), kind=first(fam, P + "{*}kind"),
                 publication=first(fam, P + "{*}doc-number"))
        return d
    reg = r.find(".//{*}register-document/{*}bibliographic-data")
    if reg is not None:
        ipc = [text(e) for e in reg.iterfind("{*}classifications-ipcr/{*}classification-ipcr/{*}text")]
        ep_pub = [p for p in reg.iterfind("{*}publication-reference/{*}document-id")
                  if first(p, "{*}country") == "EP"]
        d.update(office=reg.get("country"),
                 kind=first(ep_pub[0], "{*}kind") if ep_pub else "",
                 publication=first(ep_pub[0], "{*}doc-number") if ep_pub else "",
                 published=iso(first(ep_pub[0], "{*}date")) if ep_pub else "",
                 application=first(reg, "{*}application-reference/{*}document-id/{*}doc-number"),
                 filing=iso(first(reg, "{*}application-reference/{*}document-id/{*}date")),
                 title=english_title(reg.findall("{*}invention-title")),
                 applicants=count(reg, "{*}parties/{*}applicants/{*}applicant"),
                 inventors=count(reg, "{*}parties/{*}inventors/{*}inventor"),
                 ipc=len(ipc), ipc_subclasses=subclasses(ipc),
                 priorities=count(reg, "{*}priority-claims/{*}priority-claim"))
    return d


def st36(r, fmt):
    if r.tag == "Application-body":
        return dict(office=r.get("country"), type="invention", kind=r.get("kind"),
                    publication=r.get("id"), application=r.get("appnum"),
                    published=iso(r.get("pubdate")), ipc=1,
                    ipc_subclasses=r.get("ipc")[:4])
    B = "bibliographic-data/"
    ipc = [text(e) for e in r.iterfind(B + "classification-ipc/main-classification")]
    ipc += [text(e) for e in r.iterfind(B + "classification-ipc/further-classification")]
    kind = first(r, B + "publication-reference/document-id/kind")
    return dict(office=first(r, B + "publication-reference/document-id/country"),
                type=right_by_kind(kind), kind=kind,
                application=first(r, B + "application-reference/document-id/doc-number"),
                publication=first(r, B + "publication-reference/document-id/doc-number"),
                filing=iso(first(r, B + "application-reference/document-id/date")),
                published=iso(first(r, B + "publication-reference/document-id/date")),
                title=text(r.find(B + "invention-title")),
                applicants=count(r, B + "parties/applicants/applicant"),
                inventors=count(r, B + "parties/inventors/inventor"),
                ipc=len(ipc), ipc_subclasses=subclasses(ipc),
                claims=count(r, "claims/claim"),
                priorities=count(r, B + "priority-claims/priority-claim"))


def jpo(r, fmt):
    # JP elements (jp:...) mix with un-prefixed ST.36 ones: any namespace
    B = "{*}bibliographic-data/"
    ipc = [text(e) for e in r.iterfind(B + "classification-ipc/main-clsf")]
    ipc += [text(e) for e in r.iterfind(B + "classification-ipc/further-clsf")]
    return dict(office=r.get("country"), type="invention", kind=r.get("kind-of-st16"),
                application=first(r, B + "application-reference/document-id/doc-number"),
                publication=first(r, B + "publication-reference/document-id/doc-number"),
                filing=iso(first(r, B + "application-reference/document-id/date")),
                published=iso(first(r, B + "publication-reference/document-id/date")),
                title=text(r.find(B + "invention-title")),
                applicants=count(r, B + "{*}parties/{*}applicants-agents-article/{*}applicants-agents/{*}applicant"),
                inventors=count(r, B + "{*}parties/{*}inventors/{*}inventor"),
                ipc=len(ipc), ipc_subclasses=subclasses(ipc),
                claims=first(r, B + "number-of-claims"),
                priorities=count(r, B + "priority-claims/priority-claim"))


def cnipa_old(r, fmt):
    B = "cn-bibliographic-data/"
    ipc = [text(e) for e in r.iterfind(B + "classifications-ipcr/classification-ipcr/text")]
    types = {"发明专利": "invention", "实用新型": "utility-model", "外观设计": "design"}
    return dict(office=first(r, B + "cn-publication-reference/document-id/country"),
                type=types.get(first(r, B + "application-reference#appl-type"), "invention"),
                kind=first(r, B + "cn-publication-reference/document-id/kind"),
                application=first(r, B + "application-reference/document-id/doc-number"),
                publication=first(r, B + "cn-publication-reference/document-id/doc-number"),
                filing=iso(first(r, B + "application-reference/document-id/date")),
                published=iso(first(r, B + "cn-publication-reference/document-id/date")),
                title=text(r.find(B + "invention-title")),
                applicants=count(r, B + "cn-parties/cn-applicants/cn-applicant"),
                inventors=count(r, B + "cn-parties/cn-inventors/cn-inventor"),
                ipc=len(ipc), ipc_subclasses=subclasses(ipc),
                claims=count(r, "application-body/claims/claim"),
                priorities=count(r, B + "priority-claims/priority-claim"))


def cnipa_new(r, fmt):
    B = "{*}BibliographicData/"
    orig = "[@dataFormat='original']"
    ipc = [first(e, "{*}Text") for e in r.iterfind(
        B + "{*}ClassificationIPCRDetails/{*}ClassificationIPCR")]
    types = {"10": "invention", "20": "utility-model", "30": "design"}
    return dict(office=first(r, B + "{*}PublicationReference/{*}DocumentID/{*}WIPOST3Code"),
                type=types.get(first(r, B + "{*}ApplicationReference#applType"), "invention"),
                kind=first(r, B + "{*}PublicationReference/{*}DocumentID/{*}Kind"),
                application=first(r, B + "{*}ApplicationReference" + orig + "/{*}DocumentID/{*}DocNumber"),
                publication=first(r, B + "{*}PublicationReference" + orig + "/{*}DocumentID/{*}DocNumber"),
                filing=iso(first(r, B + "{*}ApplicationReference/{*}DocumentID/{*}Date")),
                published=iso(first(r, B + "{*}PublicationReference/{*}DocumentID/{*}Date")),
                title=text(r.find(B + "{*}InventionTitle")),
                applicants=count(r, B + "{*}Parties/{*}ApplicantDetails/{*}Applicant"),
                inventors=count(r, B + "{*}Parties/{*}InventorDetails/{*}Inventor"),
                ipc=len(ipc), ipc_subclasses=subclasses(ipc),
                claims=count(r, "{*}Claims/{*}Claim"))


def st96_patent(r, fmt):
    B = "{*}BibliographicData/"
    if r.find(B[:-1]) is None:
        return dict(type="invention",
                    application=first(r, "{*}DocumentHeaderDetails/{*}ApplicationHeaderDetails/{*}ApplicationNumber"),
                    claims=count(r, "{*}ClaimSet/{*}ClaimList/{*}Claim"))
    P = B + "{*}PatentPublicationIdentification/"
    ipc = [ipcr_parts(e, "Section", "Class", "Subclass") for e in r.iterfind(
        B + "{*}PatentClassificationBag/{*}IPCRClassificationBag/{*}IPCRClassification")]
    return dict(office=first(r, P + "{*}IPOfficeCode"), type="invention",
                kind=first(r, P + "{*}PatentDocumentKindCode"),
                application=first(r, B + "{*}ApplicationIdentification/{*}ApplicationNumber/{*}ApplicationNumberText"),
                publication=first(r, P + "{*}PublicationNumber"),
                filing=iso(first(r, B + "{*}ApplicationIdentification/{*}FilingDate")),
                published=iso(first(r, P + "{*}PublicationDate")),
                title=text(r.find(B + "{*}InventionTitleBag/{*}InventionTitle")),
                applicants=count(r, B + "{*}PartyBag/{*}ApplicantBag/{*}Applicant"),
                owners=count(r, B + "{*}PartyBag/{*}AssigneeBag/{*}Assignee"),
                inventors=count(r, B + "{*}PartyBag/{*}InventorBag/{*}Inventor"),
                ipc=len(ipc), ipc_subclasses=subclasses(ipc),
                cpc=count(r, B + "{*}PatentClassificationBag/{*}CPCClassificationBag/*/{*}CPCClassification"),
                claims=first(r, B + "{*}ClaimTotalQuantity"),
                citations=count(r, B + "{*}ReferenceCitationBag/{*}ReferenceCitation"),
                priorities=count(r, B + "{*}PriorityClaimBag/{*}PriorityClaim"))


def st96_design(r, fmt):
    D = "{*}DesignBag/{*}Design/"
    return dict(office=first(r, "{*}RegistrationOfficeCode"), type="design",
                application=first(r, "{*}ApplicationNumber/{*}ApplicationNumberText"),
                publication=first(r, D + "{*}PublicationBag/{*}Publication/{*}PublicationIdentifier"),
                registration=first(r, D + "{*}RegistrationNumber"),
                filing=iso(first(r, "{*}ApplicationDate")),
                published=iso(first(r, D + "{*}PublicationBag/{*}Publication/{*}PublicationDate")),
                registered=iso(first(r, D + "{*}RegistrationDate")),
                title=text(r.find(D + "{*}DesignTitleText")),
                applicants=count(r, D + "{*}ApplicantBag/{*}Applicant"),
                inventors=count(r, D + "{*}DesignerBag/{*}Designer"),
                locarno=";".join(text(e) for e in r.iterfind(
                    D + "{*}DesignClassificationBag/{*}LocarnoClassificationBag/{*}LocarnoClassificationText")),
                claims=count(r, D + "{*}DesignClaim/{*}DesignClaimTextBag/{*}DesignClaimText"),
                citations=count(r, D + "{*}PatentIdentificationBag/{*}CitedPatentDocumentIdentification"),
                priorities=count(r, D + "{*}PriorityBag/{*}Priority"))


def nice_list(values):
    out = []
    for v in values:
        m = re.match(r"\s*0*(\d+)\s*$", v)
        if m and 1 <= int(m.group(1)) <= 45 and int(m.group(1)) not in out:
            out.append(int(m.group(1)))
    return ";".join(str(n) for n in out)


def tdxf(r, fmt):
    H = "case-file-header/"
    reg = first(r, "registration-number")
    return dict(office="US", type="trademark",
                application=first(r, "serial-number"),
                registration="" if set(reg) <= {"0"} else reg,
                filing=iso(first(r, H + "filing-date")),
                published=iso(first(r, H + "published-for-opposition-date")),
                registered=iso(first(r, H + "registration-date")),
                title=text(r.find(H + "mark-identification")),
                owners=count(r, "case-file-owners/case-file-owner"),
                nice=nice_list(text(e) for e in r.iterfind(
                    "classifications/classification/international-code")))


def st66(r, fmt):
    T = ".//{*}TradeMarkDetails/{*}TradeMark/"
    return dict(office=first(r, T + "{*}RegistrationOfficeCode"), type="trademark",
                application=first(r, T + "{*}ApplicationNumber"),
                registration=first(r, T + "{*}RegistrationNumber"),
                filing=iso(first(r, T + "{*}ApplicationDate")),
                published=iso(first(r, T + "{*}PublicationDetails/{*}Publication/{*}PublicationDate")),
                registered=iso(first(r, T + "{*}RegistrationDate")),
                title=text(r.find(T + "{*}WordMarkSpecification/{*}MarkVerbalElementText")),
                applicants=count(r, T + "{*}ApplicantDetails/{*}Applicant",
                                 T + "{*}ApplicantDetails/{*}ApplicantKey"),
                nice=nice_list(text(e) for e in r.iterfind(
                    T + "{*}GoodsServicesDetails/{*}GoodsServices/{*}ClassDescriptionDetails/{*}ClassDescription/{*}ClassNumber")))


def st96_tm(r, fmt):
    T = ".//{*}TrademarkBag/{*}Trademark/"
    return dict(office=first(r, T + "{*}RegistrationOfficeCode"), type="trademark",
                application=first(r, T + "{*}ApplicationNumber/{*}ApplicationNumberText",
                                  T + "{*}ApplicationNumber"),
                registration=first(r, T + "{*}RegistrationNumber"),
                filing=iso(first(r, T + "{*}ApplicationDate")),
                published=iso(first(r, T + "{*}PublicationBag/{*}Publication/{*}PublicationDate")),
                registered=iso(first(r, T + "{*}RegistrationDate")),
                title=text(r.find(T + "{*}MarkRepresentation/{*}MarkReproduction/{*}WordMarkSpecification/{*}MarkVerbalElementText")),
                applicants=count(r, T + "{*}ApplicantBag/{*}Applicant"),
                nice=nice_list(text(e) for e in r.iterfind(
                    T + "{*}GoodsServicesBag/{*}GoodsServices/{*}ClassDescriptionBag/{*}ClassDescription/{*}ClassNumber")))


def euipo_design(r, fmt):
    D = ".//{*}DesignDetails/{*}Design/"
    title = ""
    for t in r.iterfind(D + "{*}IndicationProductDetails/{*}IndicationProduct"):
        if t.get("languageCode") == "en":
            title = text(t)
    return dict(office=first(r, D + "{*}RegistrationOfficeCode"), type="design",
                application=first(r, D + "{*}ApplicationNumber"),
                registration=first(r, D + "{*}DesignIdentifier"),
                filing=iso(first(r, D + "{*}ApplicationDate")),
                published=iso(first(r, D + "{*}PublicationDate")),
                registered=iso(first(r, D + "{*}RegistrationDate")),
                title=title,
                applicants=count(r, D + "{*}ApplicantDetails/{*}ApplicantKey"),
                locarno=";".join(text(e) for e in r.iterfind(
                    D + "{*}ClassDescriptionDetails/{*}ClassDescription/{*}ClassNumber")))


FORMATS = {  # (local name of the root, namespace or None) -> format
    "us-patent-grant": ("uspto-grant", uspto_ice),
    "us-patent-application": ("uspto-application", uspto_ice),
    "patent-application-publication": ("uspto-pap", uspto_pap),
    "PATDOC": ("uspto-st32", uspto_st32),
    "ep-patent-document": ("ep-patent-document", ep),
    "world-patent-data": ("epo-ops", ops),
    "patent-document": ("st36", st36),
    "Application-body": ("st36", st36),
    "jp-official-gazette": ("jpo", jpo),
    "cn-patent-document": ("cnipa-old", cnipa_old),
    "PatentDocumentAndRelated": ("cnipa-new", cnipa_new),
    "PatentPublication": ("st96-patent", st96_patent),
    "ClaimsDocument": ("st96-patent", st96_patent),
    "SpecificationDocument": ("st96-patent", st96_patent),
    "case-file": ("uspto-tdxf", tdxf),
    "TrademarkTransaction": ("st96-trademark", st96_tm),
    "TrademarkApplication": ("st96-trademark", st96_tm),
    "DesignApplication": ("st96-design", st96_design),
}


def transaction(root):
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if ns.endswith("design/data"):
        return "euipo-design", euipo_design
    if ns.endswith("Trademark/1"):
        return "st96-trademark", st96_tm
    return "st66", st66


def rows_of(rel):
    data = open(os.path.join(ROOT, rel), "rb").read()
    # USPTO bulk files: a new document at every "<?xml " starting a line
    starts = [0] + [m.start() + 1 for m in re.finditer(rb"\n<\?xml\s", data)]
    index = 0
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(data)
        chunk = data[start:end]
        try:
            root = ET.fromstring(chunk)
        except ET.ParseError as e:
            line = data[:start].count(b"\n") + e.position[0]
            yield dict(file=rel, index="-", format="ERROR", error_line=line)
            continue
        local = root.tag.split("}")[-1]
        fmt, fn = transaction(root) if local == "Transaction" else FORMATS[local]
        row = dict(file=rel, index=index, format=fmt)
        row.update(fn(root, fmt))
        row["title"] = (row.get("title") or "")[:16]
        yield row
        index += 1


def main():
    print("\t".join(COLUMNS))
    for d in sorted(os.listdir(ROOT)):
        if not os.path.isdir(os.path.join(ROOT, d)):
            continue
        for f in sorted(os.listdir(os.path.join(ROOT, d))):
            for row in rows_of(d + "/" + f):
                print("\t".join(str(row.get(c, "") if row.get(c) is not None else "")
                                for c in COLUMNS))


if __name__ == "__main__":
    main()
