"""Loan schedules against Gnumeric's PMT/IPMT/PPMT vectors shared with
check_loan (tests/vectors/loan/expected.csv), and their invariants."""

import datetime
from decimal import Decimal
from itertools import groupby

import pytest

from conftest import read_csv
from ipledge import IplValueError, Money, loan, subsidy

FREQ = {12: "monthly", 4: "quarterly", 2: "semiannual", 1: "annual"}


def _terms(**kw):
    t = dict(principal=Money(100000000, "CNY"), start=datetime.date(2024, 1, 15),
             periods=36, method="annuity", rate=0.0435, daycount="30_360")
    t.update(kw)
    return t


def _invariants(s, principal):
    rows = s.rows
    assert sum(r.principal.minor for r in rows) == principal
    assert s.totals.interest.minor == sum(r.interest.minor for r in rows)
    for r in rows:
        assert r.payment.minor == r.interest.minor + r.principal.minor
        assert r.closing.minor == r.opening.minor - r.principal.minor - r.prepaid.minor
    assert rows[-1].closing.minor == 0


def test_gnumeric_vectors(vectors):
    rows = read_csv(vectors("loan", "expected.csv"))
    cases = [list(g) for _, g in groupby(rows, key=lambda r: r["case"])]
    assert len(cases) == 12 and len(rows) == 366
    for case in cases:
        v = case[0]
        principal = int(Decimal(v["principal"]) * 100)
        freq = FREQ[int(v["per_year"])]
        s = loan.schedule(**_terms(principal=Money(principal, "CNY"), rate=float(v["rate"]),
                                   periods=int(v["nper"]), frequency=freq))
        assert len(s) == int(v["nper"])
        _invariants(s, principal)
        level = loan.instalment(Money(principal, "CNY"), float(v["rate"]), int(v["nper"]), freq)
        assert abs(level.minor - float(v["pmt"]) * 100) <= 0.5 + 1e-6
        for k, e in enumerate(case, start=1):
            r = s[k - 1]
            # each period's rounding moves the balance by at most one unit
            assert abs(r.interest.minor - float(e["ipmt"]) * 100) <= k + 1e-6
            assert abs(r.principal.minor - float(e["ppmt"]) * 100) <= k + 1e-6
            if k < len(s):
                assert r.payment == level


def test_first_rows_by_hand():
    # 1,000,000 × 4.35 % / 12 = 3,625.00; PMT 29,679.934… → 29,679.93
    s = loan.schedule(**_terms())
    assert s[0].interest == Money.of("3625.00", "CNY")
    assert s[0].payment == Money.of("29679.93", "CNY")
    assert s[0].date == datetime.date(2024, 2, 15)
    assert s[-1] == s[35]
    with pytest.raises(IndexError):
        s[36]


def test_numpy_and_pandas_keep_money_exact():
    s = loan.schedule(**_terms(method="equal_principal", periods=3,
                               principal=Money(100000, "CNY")))
    a = s.rows_array()
    assert a["principal_minor"].tolist() == [r.principal.minor for r in s]
    assert a["principal_minor"].sum() == 100000
    assert str(a["date"][0]) == "2024-02-15"
    pd = pytest.importorskip("pandas")
    df = s.to_frame()
    assert isinstance(df, pd.DataFrame) and len(df) == 3
    assert sum(df["principal"]) == Decimal("1000.00")
    assert isinstance(df["interest"][0], Decimal)


def test_errors_name_the_field():
    with pytest.raises(IplValueError) as e:
        loan.schedule(**_terms(daycount=None))
    assert e.value.where == "terms.daycount"
    with pytest.raises(IplValueError) as e:
        loan.schedule(**_terms(periods=0))
    assert e.value.where.startswith("terms.periods")


def test_subsidy_half_of_the_interest():
    s = loan.schedule(**_terms(periods=12))
    sub = subsidy.schedule(s, base="actual_interest", share=0.5)
    assert len(sub) == 12
    assert sub.totals.subsidy.minor == sum(r.subsidy.minor for r in sub)
    for row, lr in zip(sub, s):
        assert abs(row.subsidy.minor * 2 - lr.interest.minor) <= 1
    assert sub.rows_array()["subsidy_minor"].sum() == sub.totals.subsidy.minor


def test_schedule_batch_equals_schedules():
    """The batch gives each loan exactly the schedule of loan.schedule:
    a portfolio of annuities (the batch's fast case) and equal-principal
    loans with per-loan rates and periods."""
    np = pytest.importorskip("numpy")
    principal = np.array([100000000 + 7919 * i for i in range(9)], dtype=np.int64)
    rate = np.array([0.03 + i / 1000 for i in range(9)])
    for method in ("annuity", "equal_principal"):
        periods = [36, 36, 36, 36, 36, 12, 24, 36, 36]
        b = loan.schedule_batch(principal, rate, rows=True, periods=periods,
                                start=datetime.date(2024, 1, 15), method=method,
                                daycount="act_360")
        assert b.interest.dtype == np.int64 and b.row_balance.shape == (9, 36)
        for i in range(9):
            s = loan.schedule(**_terms(principal=Money(int(principal[i]), "CNY"),
                                       rate=float(rate[i]), periods=periods[i],
                                       method=method, daycount="act_360"))
            assert b.rows[i] == len(s)
            assert b.instalment[i] == s[0].payment.minor
            assert b.interest[i] == s.totals.interest.minor
            assert b.repaid[i] == s.totals.payment.minor
            assert list(b.row_interest[i, :len(s)]) == [r.interest.minor for r in s]
            assert list(b.row_principal[i, :len(s)]) == [r.principal.minor for r in s]
            assert list(b.row_balance[i, :len(s)]) == [r.closing.minor for r in s]
            assert not b.row_balance[i, len(s):].any()


def test_schedule_batch_hand_checked_and_errors():
    np = pytest.importorskip("numpy")
    # CNY 1,000,000.00 at 4.35 % over 36 months, 30/360: PMT 29,679.93.
    b = loan.schedule_batch([Money.of("1000000", "CNY")] * 5, 0.0435, periods=36,
                            start=datetime.date(2024, 1, 15), method="annuity",
                            daycount="30_360")
    assert list(b.instalment) == [2967993] * 5 and b.row_interest is None
    assert (b.repaid - b.interest == 100000000).all()
    periods = np.full(5000, 12)
    periods[4321] = 0
    with pytest.raises(IplValueError) as e:
        loan.schedule_batch(np.full(5000, 100000), 0.04, periods=periods,
                            start=datetime.date(2024, 1, 15), method="bullet",
                            daycount="30_360")
    assert e.value.where == "terms[4321].periods"
    with pytest.raises(IplValueError):
        loan.schedule_batch([Money(1, "CNY"), Money(1, "USD")], 0.04, periods=1,
                            start=datetime.date(2024, 1, 15), method="bullet",
                            daycount="30_360")
