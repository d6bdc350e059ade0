"""Loan schedules: annuity, equal-principal, bullet or planned repayment,
with LPR fixings and prepayments; every amount is exact money and the
rows add up to the totals.

``schedule(principal=Money.of("1000000", "CNY"), start=date(2024, 1, 15),
periods=36, method="annuity", rate=0.0345)`` takes the fields of
``ipl_loan_terms`` (frequency "monthly", "quarterly", …; daycount;
rounding; month_rule; fixings as dicts of date and lpr; plan as a list of
Money; prepayments as dicts of date, amount and recalc).
"""

import datetime
from dataclasses import dataclass
from typing import Any, List

from . import _frames
from ._lowlevel import (block, call, enum_name, enum_value, ffi, lib, new_object, record,
                        report_format, report_string)
from .money import Money, Rounding, rounding


@dataclass(frozen=True)
class LoanRow:
    """One period: from ``start`` to the payment ``date`` at ``rate``."""

    start: datetime.date
    date: datetime.date
    rate: float
    opening: Money
    interest: Money
    principal: Money
    payment: Money
    closing: Money
    prepaid: Money


@dataclass(frozen=True)
class LoanTotals:
    interest: Money
    principal: Money
    payment: Money
    prepaid: Money


class Schedule:
    """A loan schedule (immutable); iterate for its rows."""

    def __init__(self, handle, terms: Any, keep: Any = None):
        # the report needs the terms (method, start): kept with what they point to
        self._s, self._terms, self._keep = handle, terms, keep

    def __len__(self) -> int:
        return lib.ipl_loan_schedule_count(self._s)

    def __getitem__(self, i: int) -> LoanRow:
        if not -len(self) <= i < len(self):
            raise IndexError(i)
        return LoanRow(**record(lib.ipl_loan_schedule_row(self._s, i % len(self))[0]))

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    @property
    def rows(self) -> List[LoanRow]:
        return list(self)

    @property
    def totals(self) -> LoanTotals:
        return LoanTotals(**record(lib.ipl_loan_schedule_totals(self._s)[0]))

    @property
    def residual(self) -> Money:
        """What rounding left over, and where the schedule put it."""
        out = ffi.new("ipl_money *")
        call(lib.ipl_loan_schedule_residual, out, self._s)
        return Money.from_c(out)

    @property
    def daycount(self) -> str:
        return enum_name("ipl_daycount", lib.ipl_loan_schedule_daycount(self._s))

    @property
    def rounding(self) -> str:
        return enum_name("ipl_rounding", lib.ipl_loan_schedule_rounding(self._s))

    def rows_array(self):
        """The rows as a numpy structured array (money in minor units)."""
        return _frames.array(self.rows, LoanRow)

    def to_frame(self):
        """The rows as a pandas DataFrame (money as Decimal)."""
        return _frames.frame(self.rows, LoanRow)

    def report(self, format: str = "text") -> str:
        """The schedule as ``ipledge schedule`` prints it: "text", "csv",
        "xml" or "json" (amounts as exact decimal strings)."""
        return report_string(lib.ipl_report_loan_string, self._s, self._terms,
                             report_format(format))


def schedule(**terms) -> Schedule:
    """The repayment schedule of a loan from ``ipl_loan_terms`` fields."""
    keep: List[Any] = []
    t = block("ipl_loan_terms", terms, keep, "terms")
    return Schedule(new_object("ipl_loan_schedule", lib.ipl_loan_schedule_new,
                               lib.ipl_loan_schedule_free, t), t, keep)


def instalment(principal: Money, annual_rate: float, n: int,
               frequency: str = "monthly", mode: Rounding = "half_even") -> Money:
    """The level payment of an ``n``-period annuity."""
    out = ffi.new("ipl_money *")
    call(lib.ipl_loan_instalment, out, principal._c(), annual_rate,
         enum_value("ipl_loan_frequency", frequency, "frequency"), n, rounding(mode))
    return Money.from_c(out)
