"""Valuation against Gnumeric's NPV/PV vectors shared with
check_value_income (tests/vectors/value/income.csv), closed forms, and
the batch entry point."""

import math

import numpy as np
import pytest

from conftest import read_csv
from ipledge import IplValueError, Money, montecarlo, value

REL = 1e-10   # as check_value_income: both sides are double sums of ≤ 50 terms


def test_gnumeric_vectors(vectors):
    rows = read_csv(vectors("value", "income.csv"))
    assert len(rows) >= 15
    for r in rows:
        rate, years, first = float(r["rate"]), float(r["years"]), float(r["first"])
        if r["kind"].startswith("tab-"):
            got = value.tab_factor(first, years, rate, "mid" if r["kind"] == "tab-mid" else "end")
        else:
            kw = dict(base_first=first, base_growth=float(r["growth"]),
                      base_decline=float(r["decline"]), share=1, discount_rate=rate,
                      economic_years=years, timing="mid" if r["kind"] == "mid" else "end")
            if r["kind"] == "gordon":
                kw.update(renewable=1, terminal=1, terminal_growth=float(r["terminal_growth"]))
            got = value.income(**kw).total
        assert got == pytest.approx(float(r["expected"]), rel=REL, abs=1e-12), r["case"]


def test_relief_from_royalty_by_hand():
    # 5 years of 1,000,000 revenue, 5 % royalty, 25 % tax, 12 %:
    # 37,500 × (1 − 1.12^−5) / 0.12
    v = value.income(method="relief_from_royalty", base=[1e6] * 5, share=0.05,
                     tax_rate=0.25, discount_rate=0.12, economic_years=5)
    want = 37500 * (1 - 1.12 ** -5) / 0.12
    assert v.total == pytest.approx(want, rel=1e-12)
    assert v.method == "relief_from_royalty" and v.period == 5
    assert v.period_reason == "economic"
    assert len(v.rows) == 5 and v.rows[0].aftertax == pytest.approx(37500)
    assert sum(r.present for r in v.rows) == pytest.approx(want, rel=1e-12)
    assert v.figure("value") == pytest.approx(want)
    assert v.to_money("CNY") == Money.of("135179.11", "CNY")
    assert v.sensitivity("rate_up") < v.total < v.sensitivity("rate_down")
    assert "relief-from-royalty" in v.trace
    assert v.inputs["share"] == 0.05
    assert v.rows_array()["present"].sum() == pytest.approx(want, rel=1e-12)


def test_batch_equals_single_cases():
    rng = np.random.default_rng(7)
    n = 200
    first, growth = rng.uniform(1e5, 1e7, n), rng.uniform(-0.05, 0.1, n)
    rate = rng.uniform(0.11, 0.18, n)
    got = value.income_batch(n, base_first=first, base_growth=growth, share=0.1,
                             tax_rate=0.25, discount_rate=rate, economic_years=20,
                             timing="end")
    for i in range(0, n, 37):
        one = value.income(base_first=first[i], base_growth=growth[i], share=0.1,
                           tax_rate=0.25, discount_rate=rate[i], economic_years=20,
                           timing="end").total
        assert got[i] == one
    t = np.arange(1, 21)
    closed = (first[:, None] * (1 + growth[:, None]) ** (t - 1) * 0.1 * 0.75
              * (1 + rate[:, None]) ** -t).sum(axis=1)
    np.testing.assert_allclose(got, closed, rtol=1e-10)


def test_batch_in_blocks_and_threads():
    n = 5000                                # more than two blocks of 2048
    rate = np.linspace(0.05, 0.2, n)
    one = value.income_batch(n, base_first=1e6, share=0.1, economic_years=10,
                             discount_rate=rate)
    two = value.income_batch(n, threads=2, base_first=1e6, share=0.1, economic_years=10,
                             discount_rate=rate)
    assert np.array_equal(one, two)
    # a level annuity: 100,000 × (1 − (1+r)^−10) / r
    np.testing.assert_allclose(one, 1e5 * (1 - (1 + rate) ** -10) / rate, rtol=1e-12)
    rate[4321] = -2.0
    with pytest.raises(IplValueError) as e:
        value.income_batch(n, threads=2, base_first=1e6, share=0.1, economic_years=10,
                           discount_rate=rate)
    assert e.value.where == "cases[4321].discount_rate"


def test_batch_error_names_the_case():
    with pytest.raises(IplValueError) as e:
        value.income_batch(3, base_first=1e6, share=0.1, economic_years=5,
                           discount_rate=np.array([0.1, -1.5, 0.1]))
    assert e.value.where == "cases[1].discount_rate"


def test_cost_and_market():
    c = value.cost(basis="components", labour=100.0, materials=50.0, newness=0.8)
    assert c.method == "cost" and c.total > 0 and c.figures
    m = value.market(comparables=[{"price": 100.0, "weight": 1.0},
                                  {"price": 200.0, "weight": 1.0}])
    assert m.method == "market"
    assert m.total == pytest.approx(150.0)


def test_shares():
    s = value.share_rule25(0.2)
    assert s.rate == pytest.approx(0.05) and s.heuristic and s.how
    assert value.share_revenue(0.25, 0.2).rate == pytest.approx(0.05)


def test_montecarlo():
    income = dict(method="relief_from_royalty", base=[1e6] * 10, share=0.05,
                  tax_rate=0.25, discount_rate=0.12, economic_years=10)
    det = value.income(**income).total
    sim = montecarlo.simulate([{"income": income}],
                              [{"right": 0, "field": "base_scale",
                                "dist": {"kind": "uniform", "a": 0.9, "b": 1.1}}],
                              paths=4000, seed=3, threads=2)
    assert sim.paths == 4000 and sim.deterministic == pytest.approx(det)
    # uniform(0.9, 1.1) scale: mean det, sd det·0.2/√12; 5 standard errors
    sd = det * 0.2 / math.sqrt(12)
    assert abs(sim.mean - det) < 5 * sd / math.sqrt(4000)
    assert sim.sd == pytest.approx(sd, rel=0.05)
    assert sim.values.mean() == pytest.approx(sim.mean)
    assert sum(b.count for b in sim.histogram) == 4000
    assert 0.9 * det <= sim.quantile(0.01) < sim.quantile(0.99) <= 1.1 * det
    again = montecarlo.simulate([{"income": income}],
                                [{"right": 0, "field": "base_scale",
                                  "dist": {"kind": "uniform", "a": 0.9, "b": 1.1}}],
                                paths=4000, seed=3, threads=1)
    assert np.array_equal(again.values, sim.values)


def test_premia_build_up_the_rate():
    # the premia's count field is premium_count: the list must reach C
    v = value.income(base_first=1000, share=0.2, discount_rate=0.03, economic_years=5,
                     premia=[{"name": "market", "rate": 0.05}])
    assert v.discount_rate == pytest.approx(0.08, abs=1e-15)
    assert v.rates[-1] == ("market", 0.05)
