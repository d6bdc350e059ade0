"""Pledge decisions and policies against the hand-checked outputs shared
with check_pledge_cli (tests/vectors/policy/)."""

import datetime
import json

import pytest

from ipledge import IplParseError, IplValueError, Money, pledge, policy

D = datetime.date


def cny(text):
    return Money.of(text, "CNY")


def test_dongguan_bundle():
    # 4,000,000.00 × 25 % + 1,000,000.00 × 50 % = 1,500,000.00, 30 % of
    # the 5,000,000.00 appraised (pledge-dongguan.txt).
    p = policy.preset("dongguan")
    assert p.pledge_origin == "bank-conservative"
    d = p.pledge_rules.decide(
        [dict(type="invention", status="in_force", value=cny("4000000.00"),
              id="CN201510481495.9", expiry=D(2035, 8, 10), registered=D(2017, 3, 1)),
         dict(type="trademark", status="in_force", value=cny("1000000"),
              registered=D(2015, 1, 1), expiry=D(2034, 1, 1))],
        start=D(2024, 1, 15), tenor_months=36, firm_age_years=6)
    assert d.eligible and not d.failures
    assert d.collateral == cny("1500000.00") and d.max_loan == cny("1500000.00")
    assert d.ratio == pytest.approx(0.30)
    assert [r.ratio for r in d.rights] == [0.25, 0.5]
    assert [r.collateral for r in d.rights] == [cny("1000000.00"), cny("500000.00")]
    assert d.trace[0].rule == "base" and d.trace[0].right == 0


def test_refused(vectors):
    with open(vectors("policy", "pledge-refused.json"), encoding="utf-8") as f:
        want = json.load(f)
    d = policy.preset("bank-conservative").pledge_rules.decide(
        [dict(type="invention", status="in_force", value=cny("4000000.00"),
              expiry=D(2035, 8, 10), flags=pledge.FLAG_LITIGATION)],
        start=D(2024, 1, 15), tenor_months=48)
    assert not d.eligible and d.max_loan == cny("0")
    assert [(s.right, s.rule, s.text) for s in d.failures] == \
        [(s["right"], s["rule"], s["text"]) for s in want["failures"]]


def test_capped_by_a_policy_file(vectors):
    # expiry before start + 2 × tenor: 25 % × 0.8 of 30,000,000.00 =
    # 6,000,000.00, capped at 5,000,000.00 per loan (pledge-capped.xml).
    p = policy.load(vectors("policy", "bank-with-monitoring.xml"))
    d = p.pledge_rules.decide(
        [dict(type="invention", status="in_force", value=cny("30000000.00"),
              id="CN113783949A", expiry=D(2029, 6, 30))],
        start=D(2024, 1, 15), tenor_months=36, requested=cny("6000000"))
    assert d.collateral == cny("6000000.00")
    assert d.max_loan == cny("5000000.00")
    caps = p.pledge_rules.caps
    assert caps["max_loan"] == 500000000


def test_rules_built_by_hand_and_monitoring():
    rules = pledge.Rules.new("CNY")
    rules.set_ratio("invention", 0.3, 0.5, "test")
    rules.add_gate(name="litigation", test="flags", flags=pledge.FLAG_LITIGATION,
                   text="litigation pending")
    rules.set_caps(max_tenor_months=24, maintenance_ltv=0.6)
    right = dict(type="invention", status="in_force", value=cny("1000.00"),
                 expiry=D(2040, 1, 1))
    ok = rules.decide([right], start=D(2024, 1, 1), tenor_months=12)
    assert ok.eligible and ok.max_loan == cny("300.00")
    refused = rules.decide([dict(right, flags=pledge.FLAG_LITIGATION)],
                           start=D(2024, 1, 1), tenor_months=12)
    assert [f.rule for f in refused.failures][0] == "litigation"
    h = rules.monitor(cny("300.00"), cny("400.00"), 0.3)
    assert h.ltv == pytest.approx(0.75) and h.breached
    copy = rules.copy()
    copy.set_ratio("invention", 0.1, 0.5)
    assert rules.decide([right], start=D(2024, 1, 1), tenor_months=12).max_loan == cny("300.00")


def test_policy_rules_are_read_only():
    with pytest.raises(TypeError):
        policy.preset("dongguan").pledge_rules.set_ratio("invention", 0.9, 0.9)


def test_policy_documents():
    names = policy.presets()
    assert len(names) == 8 and "jiangsu" in names
    doc = policy.preset_document("jiangsu")
    assert policy.loads(doc, "jiangsu.xml").name == "jiangsu"
    assert "xs:schema" in policy.schema()
    with pytest.raises(KeyError):
        policy.preset_document("atlantis")
    with pytest.raises(IplValueError):
        policy.preset("atlantis")
    bad = ('<policy xmlns="urn:ipledge:policy:1" name="x" currency="CNY">\n<title>t</title>\n'
           '<source date="2024-13-01" ref="r">s</source>\n</policy>\n')
    with pytest.raises(IplParseError) as e:
        policy.loads(bad, "bad.xml")
    assert e.value.file.startswith("bad.xml") and e.value.line == 3


def test_book_summary():
    loans = [dict(borrower="a", amount=cny("100.00"), balance=cny("100.00"), ratio=0.3,
                  new_in_period=1),
             dict(borrower="b", amount=cny("300.00"), balance=cny("300.00"), ratio=0.5,
                  grade="substandard")]
    b = pledge.book_summary(loans, "CNY", 0.02)
    assert b.clients == 2 and b.new_clients == 1
    assert b.balance == cny("400.00") and b.new_amount == cny("100.00")
    assert b.npl_ratio == pytest.approx(0.75)
