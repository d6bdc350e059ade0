"""Case files (ipledge.case) on the example cases of examples/cases: every
field as the documents write it, paths resolved, errors located."""

import datetime
import os

import pytest

from ipledge import IplParseError, IplValueError, case
from ipledge.money import Money


def _cases(srcdir, name):
    return os.path.join(srcdir, "examples", "cases", name)


def test_dongguan(srcdir):
    c = case.load(_cases(srcdir, "dongguan-invention.xml"))
    assert c.label == _cases(srcdir, "dongguan-invention.xml")
    assert c.title.startswith("Dongguan invention patent pledge")
    assert c.currency == "CNY" and c.date == datetime.date(2024, 6, 28)
    b = c.borrower
    assert b.name == "Dongguan Songshan Lake Radiotherapy Equipment Co., Ltd."
    assert b.years == 6 and b.industry is None
    (r,) = c.rights
    assert r.number == "CN201510481495.9" and r.type == "invention"
    assert r.status == "in_force" and r.expiry == datetime.date(2035, 8, 7)
    assert r.registered == datetime.date(2018, 3, 2)
    assert r.record == "cnipa/CN115212463A-new-sipo-business-with-doctype.xml"
    assert r.valuation == "dongguan-invention-value.xml" and r.line == 29
    assert c.policy == "dongguan" and not c.policy_is_file
    loan = c.loan
    assert loan.amount == Money.of("450000.00", "CNY")
    assert loan.appraisal_fee == Money.of("20000.00", "CNY")
    assert loan.start == datetime.date(2024, 7, 1) and loan.months == 12
    assert loan.rate == 0.0365 and loan.method == "annuity" and loan.daycount == "30_360"
    assert c.default is None
    assert "dongguan-invention.xml: 1 rights" in repr(c)


def test_the_case_values_its_right(srcdir):
    # The guide's hand check: 2,000,000 × 0.25 × (1 − 1.10^−5) / 0.10
    c = case.load(_cases(srcdir, "dongguan-invention.xml"))
    assert c.path(c.rights[0].valuation) == _cases(srcdir, "dongguan-invention-value.xml")
    assert c.path("/abs/v.xml") == "/abs/v.xml"
    v = c.assumptions(0).value(0)
    assert round(v.total, 2) == 1895393.38


def test_henan_default(srcdir):
    c = case.load(_cases(srcdir, "henan-default.xml"))
    d = c.default
    assert d.npl == datetime.date(2024, 1, 1) and d.settlement == datetime.date(2024, 9, 30)
    assert d.interest == Money.of("0.00", "CNY") and d.ip_share == 0
    (rec,) = d.recoveries
    assert rec.date == datetime.date(2024, 9, 30)
    assert rec.proceeds == Money.of("260000.00", "CNY")
    assert rec.costs == Money.of("15000.00", "CNY")
    assert [(p.name, p.role, p.share) for p in d.parties] == \
        [("fund", "fund", 0.6), ("bank", "lender", 0.4)]
    assert c.loan.method == "equal_principal" and c.loan.daycount == "act_360"
    # 1,500,000 × 0.25 × (1 − 1.10^−8) / 0.10 (the case's hand check)
    assert round(c.assumptions(0).value(0).total, 2) == 2000597.32


def test_bundle_of_two(srcdir):
    c = case.load(_cases(srcdir, "xianning-bundle.xml"))
    assert [r.type for r in c.rights] == ["invention", "trademark"]
    # tests/check_appraise_cli.sh: 1,480,106.64 and 540,716.43
    values = [round(c.assumptions(i).value(0).total, 2) for i in range(2)]
    assert values == [1480106.64, 540716.43]


def test_loads_and_schema(srcdir):
    with open(_cases(srcdir, "us-patent.xml"), encoding="utf-8") as f:
        text = f.read()
    c = case.loads(text, "somewhere/us.xml")
    assert c.label == "somewhere/us.xml" and c.currency == "USD"
    assert c.path("v.xml") == "somewhere/v.xml"
    assert case.loads(text.encode()).label == "case"
    assert "urn:ipledge:case:1" in case.schema()


def test_errors_carry_file_and_line(srcdir):
    with open(_cases(srcdir, "dongguan-invention.xml"), encoding="utf-8") as f:
        text = f.read().replace('months="12"', 'months="0"')
    with pytest.raises(IplParseError) as e:
        case.loads(text, "bad.xml")
    # libxml2 gives the line on which the <loan> start tag ends
    assert e.value.file == "bad.xml" and e.value.line == 33
    assert "/case/loan" in e.value.message
    with pytest.raises(IplValueError) as e:
        case.load("/nonexistent/case.xml")
    assert e.value.where == "/nonexistent/case.xml"
