"""Interest subsidies and guarantee-fee subsidies over a loan schedule.

``schedule(loan, base="actual_interest", share=0.5, …)`` takes the
fields of ``ipl_subsidy_rule`` (base, share, rate, ip_share,
max_loan_rate, fee, max_months, cap_per_year, cap_total,
cap_loan_fraction, payment "per_period" / "per_year" / "after_repayment",
rounding) — or a policy's rule: ``schedule(loan, **fields)`` with fields
from :meth:`ipledge.policy.Policy.subsidies`.
"""

import datetime
from dataclasses import dataclass
from typing import Any, List

from . import _frames
from ._lowlevel import block, lib, new_object, record, report_format, report_string
from .loan import Schedule as LoanSchedule
from .money import Money


@dataclass(frozen=True)
class SubsidyRow:
    """One period's subsidy, and when it is paid."""

    start: datetime.date
    end: datetime.date
    paid_on: datetime.date
    base: Money
    subsidy: Money
    paid: Money


@dataclass(frozen=True)
class SubsidyTotals:
    base: Money
    subsidy: Money
    paid: Money
    capped: Money


class Schedule:
    """A subsidy schedule (immutable); iterate for its rows."""

    def __init__(self, handle, loan: LoanSchedule):
        self._s, self._loan = handle, loan

    def __len__(self) -> int:
        return lib.ipl_subsidy_schedule_count(self._s)

    def __getitem__(self, i: int) -> SubsidyRow:
        if not -len(self) <= i < len(self):
            raise IndexError(i)
        return SubsidyRow(**record(lib.ipl_subsidy_schedule_row(self._s, i % len(self))[0]))

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    @property
    def rows(self) -> List[SubsidyRow]:
        return list(self)

    @property
    def totals(self) -> SubsidyTotals:
        return SubsidyTotals(**record(lib.ipl_subsidy_schedule_totals(self._s)[0]))

    def rows_array(self):
        return _frames.array(self.rows, SubsidyRow)

    def report(self, format: str = "text") -> str:
        """The schedule as text, "csv", "xml" or "json" (amounts as exact
        decimal strings)."""
        return report_string(lib.ipl_report_subsidy_string, self._s, report_format(format))

    def to_frame(self):
        return _frames.frame(self.rows, SubsidyRow)


def schedule(loan: LoanSchedule, **rule) -> Schedule:
    """The subsidy a rule grants over ``loan``."""
    keep: List[Any] = []
    r = block("ipl_subsidy_rule", rule, keep, "rule")
    return Schedule(new_object("ipl_subsidy_schedule", lib.ipl_subsidy_schedule_new,
                               lib.ipl_subsidy_schedule_free, loan._s, r), loan)
