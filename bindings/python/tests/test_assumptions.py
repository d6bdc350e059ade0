"""Valuation assumptions documents (ipledge.assumptions) on the valuation
vectors of tests/vectors/value: the blocks as the valuation functions take
them, the values `ipledge value` printed (tests/check_value_cli.sh), the
simulation, and errors with file and line."""

import threading

import pytest

from ipledge import IplParseError, IplValueError, assumptions, montecarlo, value
from ipledge.montecarlo import Simulation
from ipledge.value import Valuation


def _value(vectors, name):
    return vectors("value", name)


def test_declining_patent(vectors):
    a = assumptions.load(_value(vectors, "declining-patent.xml"))
    assert a.label == _value(vectors, "declining-patent.xml")
    assert a.currency == "CNY" and len(a) == 1 and a.approach(0) == "income"
    assert not a.has_montecarlo and a.montecarlo() is None
    f = a.fields(0)
    assert f["method"] == "split" and f["base_kind"] == "profit"
    assert f["base_first"] == 1000000 and f["base_decline"] == 100000
    assert f["share"] == 1 and f["discount_rate"] == 0.10 and f["legal_years"] == 20
    assert f["base"] == [] and f["premia"] == []
    v = a.value(0)
    assert isinstance(v, Valuation)
    assert abs(v.total - 3855432.894295317) < 1e-6
    assert v.period == 10 and v.period_reason == "economic"
    # the same blocks through the valuation functions give the same value
    assert value.income(**f).total == v.total
    with pytest.raises(IplValueError) as e:
        a.simulate()
    assert e.value.line == 4 and e.value.file == a.label


def test_cost_and_bundle(vectors):
    a = assumptions.load(_value(vectors, "bundle.xml"))
    assert [a.approach(i) for i in range(len(a))] == ["income", "income", "cost"]
    c = a.fields(2)
    assert c["basis"] == "multiplier" and c["beta1"] == 1.2 and c["remaining_years"] == 5
    assert abs(a.value(2).total - 88.75) < 1e-9
    assert value.cost(**c).total == a.value(2).total
    assert a.value(1).period_reason == "contract"
    total = sum(a.value(i).total for i in range(3))
    s = a.simulate()
    assert isinstance(s, Simulation) and s.paths == 3000
    assert abs(s.deterministic - total) < 1e-6 * total
    with pytest.raises(IndexError):
        a.value(3)


def test_montecarlo_arguments_reproduce_the_simulation(vectors):
    a = assumptions.load(_value(vectors, "trademark-montecarlo.xml"))
    mc = a.montecarlo()
    assert mc["paths"] == 5000 and mc["seed"] == 2024 and mc["bins"] == 10
    assert [i["field"] for i in mc["inputs"]] == ["share_scale", "base_growth",
                                                  "discount_rate"]
    d = mc["inputs"][2]["dist"]
    assert d["kind"] == "normal" and d["truncated"] and (d["lower"], d["upper"]) == (0.08, 0.14)
    assert mc["correlation"] == [[1, 0.3, 0], [0.3, 1, -0.2], [0, -0.2, 1]]
    assert [p["name"] for p in a.fields(0)["premia"]] == ["market", "legal", "management"]
    s = a.simulate()
    again = montecarlo.simulate(**mc)
    assert again.mean == s.mean and again.quantile(0.95) == s.quantile(0.95)
    # tests/check_value_cli.sh: 5,000 paths in the histogram, P5 < P50 < P95
    assert sum(b.count for b in s.histogram) == 5000
    assert s.quantile(0.05) < s.quantile(0.5) < s.quantile(0.95)


def test_market(vectors):
    a = assumptions.load(_value(vectors, "bad/market-montecarlo.xml"))
    assert a.approach(1) == "market"
    f = a.fields(1)
    assert f == {"comparables": [dict(price=100, time=0, technology=0, legal=0, terms=0,
                                      quality=80, weight=0)], "quality": 90}
    assert a.value(1).total == value.market(**f).total
    with pytest.raises(IplValueError) as e:
        a.simulate()
    assert e.value.where == "rights[1]" and e.value.line == 6


def test_loads_schema_and_lines(vectors):
    with open(_value(vectors, "trademark-montecarlo.xml"), "rb") as f:
        data = f.read()
    a = assumptions.loads(data, "tm.xml")
    assert a.label == "tm.xml" and "tm.xml" in repr(a)
    assert assumptions.loads(data.decode()).label == "valuation"
    assert a.line("rights[0].discount_rate") == 10 and a.line("correlation") == 24
    assert a.line("nothing") == 5
    assert "urn:ipledge:valuation:1" in assumptions.schema()


def test_case_documents(srcdir):
    import os
    path = os.path.join(srcdir, "examples", "cases", "us-patent-value.xml")
    a = assumptions.load(path)
    assert a.currency == "USD"
    s = a.simulate()
    assert s.paths == 4000 and len(s.histogram) == 12
    assert s.quantile(0.05) < a.value(0).total < s.quantile(0.95)


@pytest.mark.parametrize("name,line,text", [
    ("bad/not-a-number.xml", 5, "ten percent"),
    ("bad/doctype.xml", 1, "DOCTYPE"),
    ("bad/truncated.xml", None, "not well-formed"),
])
def test_load_errors_carry_file_and_line(vectors, name, line, text):
    with pytest.raises(IplParseError) as e:
        assumptions.load(_value(vectors, name))
    assert e.value.file == _value(vectors, name)
    assert e.value.line == line if line else e.value.line > 0
    assert text in e.value.message


@pytest.mark.parametrize("name,simulate,where,line", [
    ("bad/rate-below-minus-100.xml", False, "rights[0].discount_rate", 6),
    ("bad/correlation.xml", True, "correlation", 14),
    ("bad/uniform-reversed.xml", True, "inputs[1].dist.b", 12),
])
def test_value_errors_carry_file_and_line(vectors, name, simulate, where, line):
    a = assumptions.load(_value(vectors, name))
    with pytest.raises(IplValueError) as e:
        a.simulate() if simulate else a.value(0)
    assert e.value.where == where and e.value.line == line and e.value.file == a.label
    assert str(e.value).startswith(f"{a.label}:{line}: {where}: ")


def test_threads_load_and_simulate_in_parallel(vectors):
    path = _value(vectors, "bundle.xml")
    means, errors = [], []

    def run():
        try:
            means.append(assumptions.load(path).simulate().mean)
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(set(means)) == 1 and len(means) == 4
