"""Appraisals from Python: the example cases' figures (hand checks in each
case file and tests/check_appraise_cli.sh), the reports, the errors."""

import json
import os
import threading
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

import ipledge
from ipledge import appraisal
from ipledge.money import Money


@pytest.fixture(scope="module")
def case(srcdir):
    return lambda name: os.path.join(srcdir, "examples", "cases", name)


def test_dongguan(case):
    a = appraisal.appraise(case("dongguan-invention.xml"))
    (r,) = a.rights
    assert r.number == "CN201510481495.9" and r.type == "invention"
    assert r.value == Money(189539338, "CNY") and r.p5 is None and r.simulation is None
    assert r.status == "in_force" and r.expiry_from == "case" and r.record_format is None
    assert len(r.valuations) == 1 and r.valuations[0].total == pytest.approx(r.model_value)
    assert a.eligible and a.policy_name == "dongguan" and a.policy_path == ""
    assert a.pledge.collateral == Money(47384834, "CNY")
    assert a.principal == Money(45000000, "CNY")
    assert a.loan.totals.interest == Money(894640, "CNY")
    assert a.loan[0].payment == Money(3824553, "CNY")
    (s,) = a.subsidies
    assert s.name == "appraisal-fee" and s.schedule.totals.paid == Money(1000000, "CNY")
    assert a.compensation is None and a.outstanding is None and a.regime_source is None
    assert any("not found" in n for n in a.notes)


def test_from_a_case_object(case):
    c = ipledge.case.load(case("xianning-bundle.xml"))
    a = appraisal.appraise(c)
    assert a.case is c and len(a.rights) == 2
    assert a.rights[1].assumptions.currency == "CNY"
    assert a.rights[1].value == Money(54071643, "CNY")


def test_record_dirs(case, shared_data):
    a = appraisal.appraise(case("dongguan-invention.xml"),
                           record_dirs=["/nonexistent", shared_data("records")])
    r = a.rights[0]
    assert r.record_format == "cnipa-new" and "CN115212463A" in r.record_path
    assert r.value == Money(189539338, "CNY")


def test_henan_default(case):
    a = appraisal.appraise(case("henan-default.xml"))
    assert a.outstanding == Money(25000004, "CNY")
    flows = {(f.kind, f.amount) for f in a.compensation.flows}
    assert ("prepay", Money(15000002, "CNY")) in flows
    assert ("clawback", Money(-14700000, "CNY")) in flows
    assert len(a.loan) == 24


def test_us_patent_simulation(case):
    a = appraisal.appraise(case("us-patent.xml"))
    r = a.rights[0]
    assert r.simulation.paths == 4000
    cap = (r.p5.amount * Decimal("0.40")).quantize(Decimal("0.01"), "ROUND_DOWN")
    assert a.principal.amount == cap and a.pledge.max_loan.amount == cap


def test_reports(case):
    a = appraisal.appraise(case("xianning-bundle.xml"))
    doc = json.loads(a.report("json"))
    assert doc["ipledge_report"] == 1
    assert doc["pledge"]["collateral"] == "640384.87"
    assert [s["final"] for s in doc["compensation"]["shares"]] == \
        ["52800.00", "39600.00", "26400.00", "13200.00"]
    root = ET.fromstring(a.report("xml").encode())
    ns = {"r": "urn:ipledge:report:1"}
    assert root.find("r:pledge/r:collateral", ns).text == "640384.87"
    assert "collateral value   640,384.87" in a.report()
    assert a.report("html").startswith("<!DOCTYPE html>")
    with pytest.raises(ipledge.IplValueError) as e:
        a.report("pdf")
    assert e.value.where == "format"


def test_errors(case, tmp_path):
    with pytest.raises(ipledge.IplValueError):
        appraisal.appraise(str(tmp_path / "missing.xml"))
    text = open(case("henan-default.xml"), encoding="utf-8").read()
    bad = tmp_path / "renamed.xml"
    bad.write_text(text.replace('name="bank"', 'name="lender"')
                   .replace('valuation="', 'valuation="' + os.path.dirname(case("x")) + "/"),
                   encoding="utf-8")
    with pytest.raises(ipledge.IplValueError) as e:
        appraisal.appraise(str(bad))
    assert e.value.where == "default.party"


def test_threads(case):
    """Appraisals run in parallel and agree."""
    out = []
    ts = [threading.Thread(target=lambda: out.append(
        appraisal.appraise(case("xianning-bundle.xml")).report("json"))) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert len(out) == 4 and len(set(out)) == 1


def test_valuation_report(vectors):
    doc = ipledge.assumptions.load(vectors("value", "trademark-montecarlo.xml"))
    values = [doc.value(i) for i in range(len(doc))]
    sim = doc.simulate()
    j = json.loads(appraisal.valuation_report(values, sim, "json"))
    assert j["method"] == "relief-from-royalty" and j["montecarlo"]["paths"] == sim.paths
    assert abs(j["value"] - values[0].total) <= 1e-9 * values[0].total
    x = ET.fromstring(appraisal.valuation_report(values, None, "xml").encode())
    assert x.get("method") == "relief-from-royalty"
    assert appraisal.valuation_report(values).startswith(values[0].trace[:20])
    with pytest.raises(ipledge.IplValueError):
        appraisal.valuation_report(values, sim, "html")
