"""Reports of the lending results (``.report(format)``) against the
hand-checked outputs of ``ipledge schedule``, ``compensate`` and
``pledge`` (tests/vectors/lending/ and tests/vectors/policy/): the
library writes both, so they must agree byte for byte."""

import datetime

import pytest

from ipledge import IplValueError, Money, compensation, loan, policy, subsidy

D = datetime.date


def cny(text):
    return Money.of(text, "CNY")


def _expected(vectors, *path):
    with open(vectors(*path), encoding="utf-8") as f:
        return f.read()


def test_loan_xml_as_the_command(vectors):
    # ipledge schedule --principal 1000.00 --rate 0.12 --periods 3
    #   --start 2024-01-15 --daycount 30/360 --format xml
    s = loan.schedule(principal=cny("1000.00"), rate=0.12, periods=3,
                      start=D(2024, 1, 15), daycount="30_360", method="annuity")
    assert s.report("xml") == _expected(vectors, "lending", "schedule-annuity.xml.expected")


def test_loan_csv_as_the_command(vectors):
    s = loan.schedule(principal=cny("120000.00"), rate=0.0435, periods=3,
                      start=D(2024, 1, 15), daycount="act_360", method="equal_principal")
    assert s.report("csv") == _expected(vectors, "lending",
                                        "schedule-equal-principal.csv.expected")


def test_compensation_json_as_the_command(vectors):
    # ipledge compensate --regime shanghai --principal 1000000.00
    #   --npl 2024-03-31 --recovery 2025-03-31:500000.00:50000.00 --format json
    regime = compensation.Regime(parties=[("fund", "fund"), ("bank", "lender")],
                                 tiers=[(Money(0, "CNY"), [8000, 2000])],
                                 timing="precompensate", prepay_fraction=1.0,
                                 prepay_delay_months=2)
    s = compensation.settle(regime, npl_date=D(2024, 3, 31),
                            outstanding_principal=cny("1000000.00"),
                            recoveries=[{"date": D(2025, 3, 31), "proceeds": cny("500000.00"),
                                         "costs": cny("50000.00")}])
    assert s.report("json") == _expected(vectors, "lending",
                                         "compensate-shanghai.json.expected")


def test_compensation_csv_quotes_names():
    regime = compensation.Regime(parties=[('Fund "A", B', "fund"), ("bank", "lender")],
                                 tiers=[(Money(0, "CNY"), [6000, 4000])])
    s = compensation.settle(regime, npl_date=D(2024, 1, 31), settlement_date=D(2024, 12, 31),
                            outstanding_principal=cny("100.00"))
    lines = s.report("csv").splitlines()
    assert lines[1] == 'party,,"Fund ""A"", B",fund,6000,final,0.00,60.00,60.00'


def test_pledge_json_as_the_command(vectors):
    # ipledge pledge --policy bank-conservative --start 2024-01-15 --tenor 48
    #   --right invention:4000000.00,expiry=2035-08-10,flags=litigation --format json
    from ipledge import pledge
    d = policy.preset("bank-conservative").pledge_rules.decide(
        [dict(type="invention", status="in_force", value=cny("4000000.00"),
              expiry=D(2035, 8, 10), flags=pledge.FLAG_LITIGATION)],
        start=D(2024, 1, 15), tenor_months=48, firm_age_years=-1)
    assert d.report("json") == _expected(vectors, "policy", "pledge-refused.json")
    assert d.report("csv").splitlines()[1] == \
        '"bank-conservative","bank-conservative",CNY,false,0.00,0.00,0,1,4'


def test_subsidy_report_totals():
    # 1,200,000.00 repaid in 12 equal parts at 4.35 % (30/360): interest
    # (12 - k) x 362.50, 40 % of it (12 - k) x 145.00: 28,275.00 and
    # 11,310.00 in all (check_subsidy.c's Zhongguancun case)
    s = loan.schedule(principal=cny("1200000.00"), rate=0.0435, periods=12,
                      start=D(2024, 1, 15), daycount="30_360", method="equal_principal")
    sub = subsidy.schedule(s, base="actual_interest", share=0.4)
    assert sub.report("csv").splitlines()[-1] == "total,,,,28275.00,11310.00,11310.00,0.00"
    assert '"paid": "11310.00"' in sub.report("json")
    assert 'capped="0.00"/>' in sub.report("xml")
    assert sub.report().startswith("Subsidy in CNY, 12 periods\n")


def test_unknown_and_unfit_formats():
    s = loan.schedule(principal=cny("1000.00"), rate=0.12, periods=3,
                      start=D(2024, 1, 15), daycount="30_360", method="annuity")
    with pytest.raises(IplValueError) as e:
        s.report("html")
    assert e.value.where == "format"
    with pytest.raises(IplValueError):
        s.report("tsv")
