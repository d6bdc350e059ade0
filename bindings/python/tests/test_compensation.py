"""Compensation settlements against the hand-checked outputs shared with
check_lending_cli (tests/vectors/lending/, figures in its README)."""

import datetime
import json
from decimal import Decimal

import pytest

from ipledge import IplValueError, Money, compensation, policy

D = datetime.date


def cny(text):
    return Money.of(text, "CNY")


def test_shanghai_prepay_and_clawback(vectors):
    with open(vectors("lending", "compensate-shanghai.json.expected"), encoding="utf-8") as f:
        want = json.load(f)
    # the command's "shanghai" example: fund 80 %, all prepaid after 2 months
    regime = compensation.Regime(parties=[("fund", "fund"), ("bank", "lender")],
                                 tiers=[(Money(0, "CNY"), [8000, 2000])],
                                 timing="precompensate", prepay_fraction=1.0,
                                 prepay_delay_months=2)
    s = compensation.settle(regime, npl_date=D(2024, 3, 31),
                            outstanding_principal=cny("1000000.00"),
                            recoveries=[{"date": D(2025, 3, 31), "proceeds": cny("500000.00"),
                                         "costs": cny("50000.00")}])
    st = s.statement
    assert st.tier + 1 == want["statement"]["tier"]
    assert st.settlement_date.isoformat() == want["statement"]["settlement_date"]
    for name in ("outstanding_principal", "net_recovery", "principal_loss", "loss",
                 "covered", "capped"):
        assert getattr(st, name).amount == Decimal(want["statement"][name]), name
    assert len(s.shares) == len(want["parties"])
    for got, exp in zip(s.shares, want["parties"]):
        assert (got.name, got.role, got.share_bp) == (exp["name"], exp["role"], exp["share_bp"])
        for name in ("prepaid", "settlement", "final"):
            assert getattr(got, name).amount == Decimal(exp[name]), name
    assert sum(p.final.minor for p in s.shares) == st.covered.minor
    names = [p.name for p in s.shares]
    assert [(f.date.isoformat(), f.kind, names[f.party], str(f.amount.amount)) for f in s.flows] == \
        [(f["date"], f["kind"], f["party"], f["amount"]) for f in want["flows"]]
    assert s.flows_array()["amount_minor"].sum() == \
        sum(p.prepaid.minor + p.settlement.minor for p in s.shares if p.role == "fund")


def test_built_regime_shares_by_largest_remainder():
    # 40/30/20/10 of 720,000.00 (README: compensate-4321) by hand.
    regime = compensation.Regime(
        parties=[("fund", "fund"), ("guarantor", "other"), ("bank", "lender"),
                 ("insurer", "other")],
        tiers=[(Money(0, "CNY"), [4000, 3000, 2000, 1000])])
    assert regime.parties[2] == ("bank", "lender")
    s = compensation.settle(regime, npl_date=D(2024, 12, 31),
                            outstanding_principal=cny("720000.00"),
                            settlement_date=D(2025, 6, 30))
    assert [p.final for p in s.shares] == [cny("288000.00"), cny("216000.00"),
                                           cny("144000.00"), cny("72000.00")]


def test_bad_claim_names_the_field():
    regime = policy.preset("shanghai").compensation()
    with pytest.raises(IplValueError) as e:
        compensation.settle(regime, outstanding_principal=cny("1.00"))
    assert e.value.where.startswith("claim.npl_date") or "npl" in e.value.where


def test_simulate_is_reproducible():
    regime = policy.preset("shanghai").compensation()
    loans = [{"principal": cny("1000000.00"), "pd": 0.05, "lgd": 0.6, "ip_share": 1.0}] * 50
    opts = dict(seed=9, scenarios=2000, years=1, fund_balance=cny("100000000.00"))
    a = compensation.simulate(regime, loans, **opts)
    b = compensation.simulate(regime, loans, threads=2, **opts)
    assert a == b and a.scenarios == 2000
    # expected fund payout: 50 × 1,000,000 × 5 % × 60 % × 80 % = 1,200,000
    assert a.expected_payout == pytest.approx(1.2e6, rel=0.1)
