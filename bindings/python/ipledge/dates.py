"""Calendar dates as ``datetime.date`` and day-count conventions.

Conventions by name: "act_360", "act_365f", "30_360", "30e_360",
"act_act_isda".  Month rules for adding months: "clamp" (Jan 31 + 1 month
= Feb 28/29, the default) or "end_sticky" (month ends stay month ends).
"""

import datetime
from fractions import Fraction

from ._lowlevel import call, enum_value, ffi, from_date, lib, to_date


def _c(d: datetime.date):
    return ffi.new("ipl_date *", from_date(d))[0]


def parse(text: str) -> datetime.date:
    """A date from ISO 8601 text "YYYY-MM-DD", validated by the library."""
    out = ffi.new("ipl_date *")
    call(lib.ipl_date_parse, out, text.encode())
    return to_date(out)


def add_months(d: datetime.date, months: int, rule: str = "default") -> datetime.date:
    """``d`` moved by ``months`` calendar months under ``rule``."""
    out = ffi.new("ipl_date *")
    call(lib.ipl_date_add_months, out, _c(d), months,
         enum_value("ipl_month_rule", rule, "rule"))
    return to_date(out)


def add_years(d: datetime.date, years: int, rule: str = "default") -> datetime.date:
    """``d`` moved by ``years`` years under ``rule`` (Feb 29 clamps)."""
    out = ffi.new("ipl_date *")
    call(lib.ipl_date_add_years, out, _c(d), years,
         enum_value("ipl_month_rule", rule, "rule"))
    return to_date(out)


def daycount(name) -> int:
    """The C ``ipl_daycount`` for a convention name ("act_365f", …, or the
    library's own names such as "ACT/365F")."""
    if isinstance(name, str) and "/" in name:
        out = ffi.new("ipl_daycount *")
        call(lib.ipl_daycount_from_name, out, name.encode())
        return out[0]
    return enum_value("ipl_daycount", name, "daycount")


def year_fraction(convention, start: datetime.date, end: datetime.date) -> float:
    """Years from ``start`` to ``end`` under a day-count ``convention``."""
    out = ffi.new("double *")
    call(lib.ipl_daycount_year_fraction, out, daycount(convention), _c(start), _c(end))
    return out[0]


def fraction(convention, start: datetime.date, end: datetime.date) -> Fraction:
    """The exact year fraction as a ``fractions.Fraction``."""
    num, den = ffi.new("int64_t *"), ffi.new("int64_t *")
    call(lib.ipl_daycount_fraction, num, den, daycount(convention), _c(start), _c(end))
    return Fraction(num[0], den[0])
