"""Dates and day counts, against Gnumeric's YEARFRAC/DAYS360 vectors
shared with check_daycount (tests/vectors/daycount/expected.csv)."""

import datetime
from fractions import Fraction

import pytest

from conftest import read_csv
from ipledge import IplValueError, dates

D = datetime.date


def test_gnumeric_vectors(vectors):
    rows = read_csv(vectors("daycount", "expected.csv"))
    assert len(rows) >= 40
    for r in rows:
        s, e = D.fromisoformat(r["start"]), D.fromisoformat(r["end"])
        for conv, col in (("act_360", "act360"), ("act_365f", "act365f"),
                          ("act_act_isda", "act_act_isda")):
            # Gnumeric prints 20 significant digits; doubles hold ~16.
            assert dates.year_fraction(conv, s, e) == pytest.approx(float(r[col]), rel=1e-12, abs=1e-15)
        assert dates.fraction("30e_360", s, e) * 360 == int(r["days_30e_360"])


def test_exact_fraction():
    assert dates.fraction("act_360", D(2024, 1, 1), D(2024, 7, 1)) == Fraction(182, 360)
    assert dates.daycount("ACT/360") == dates.daycount("act_360")


def test_month_arithmetic():
    assert dates.add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert dates.add_months(D(2024, 2, 29), 1, "end_sticky") == D(2024, 3, 31)
    assert dates.add_years(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert dates.parse("2024-02-29") == D(2024, 2, 29)


def test_bad_input():
    with pytest.raises(IplValueError):
        dates.parse("2023-02-29")
    with pytest.raises(IplValueError) as e:
        dates.year_fraction("act_999", D(2024, 1, 1), D(2024, 2, 1))
    assert e.value.where == "daycount"
