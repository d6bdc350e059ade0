"""Pledge decisions: how much may be lent against a bundle of rights.

A :class:`Rules` set (usually a policy's, see :mod:`ipledge.policy`) turns
a request and the pledged rights into a :class:`Decision`: eligibility,
the maximum loan, the collateral value, the pledge ratio, and a trace of
every rule applied.  Rights and requests are dicts of the C blocks'
fields (``ipl_pledge_right``: id, type, status, value, value_low,
value_cv, expiry, registered, flags, industry, dependence;
``ipl_pledge_request``: start, tenor_months, requested, firm_age_years,
exposure).  Flags are the ``FLAG_*`` constants below, or-ed.
"""

from dataclasses import dataclass
from typing import Any, Dict, List, Sequence

from ._lowlevel import (block, call, enum_value, fill, ffi, lib, new_object,
                        record, report_format, report_string, string)
from .money import Money

FLAG_INVALIDATION = lib.IPL_PLEDGE_INVALIDATION
FLAG_LITIGATION = lib.IPL_PLEDGE_LITIGATION
FLAG_EXCLUSIVE = lib.IPL_PLEDGE_EXCLUSIVE
FLAG_CO_OWNED = lib.IPL_PLEDGE_CO_OWNED
FLAG_NOT_IN_NAME = lib.IPL_PLEDGE_NOT_IN_NAME
FLAG_FEES_OVERDUE = lib.IPL_PLEDGE_FEES_OVERDUE
FLAG_ALREADY_PLEDGED = lib.IPL_PLEDGE_ALREADY_PLEDGED


@dataclass(frozen=True)
class Step:
    """One rule applied: to right ``right`` (-1: the whole request), the
    ratio or amount ``before`` and ``after`` it, and why."""

    right: int
    rule: str
    source: str
    before: float
    after: float
    text: str


@dataclass(frozen=True)
class RightResult:
    """What one pledged right contributes."""

    ratio: float
    collateral: Money


@dataclass(frozen=True)
class Health:
    """Loan-to-value monitoring of a pledged loan."""

    ltv: float
    threshold: float
    breached: bool
    top_up: Money
    repayment: Money


@dataclass(frozen=True)
class Book:
    """A bank's pledge-loan book against the regulator's measures."""

    new_amount: Money
    balance: Money
    clients: int
    new_clients: int
    weighted_ratio: float
    npl_ratio: float
    class_ratio: List[float]
    npl_tolerance: float
    within_tolerance: bool


class Rules:
    """A set of pledge rules in one currency.  Mutating methods change
    this object; :meth:`copy` first to keep a policy's rules intact."""

    def __init__(self, handle, owner: Any = None):
        self._h, self._owner = handle, owner   # owner keeps a borrowed set alive

    @classmethod
    def new(cls, currency: str) -> "Rules":
        """An empty rule set (no ratios: every right type is refused)."""
        return cls(new_object("ipl_pledge_rules", lib.ipl_pledge_rules_new,
                              lib.ipl_pledge_rules_free, currency.encode()))

    def copy(self) -> "Rules":
        """An independent, mutable copy."""
        return Rules(new_object("ipl_pledge_rules", lib.ipl_pledge_rules_copy,
                                lib.ipl_pledge_rules_free, self._h))

    def _mutable(self):
        if self._owner is not None:
            raise TypeError("a policy's rules are read-only; use .copy()")
        return self._h

    @property
    def currency(self) -> str:
        return string(lib.ipl_pledge_rules_currency(self._h))

    @property
    def caps(self) -> Dict[str, Any]:
        """The caps (max_ratio, max_loan, max_borrower in minor units,
        max_tenor_months, maintenance_ltv, basis, bundle_step, bundle_max)."""
        return record(lib.ipl_pledge_rules_caps(self._h)[0])

    def set_ratio(self, right_type: str, base: float, max: float, source: str = "") -> None:
        """The base and maximum pledge ratio of one right type."""
        call(lib.ipl_pledge_rules_set_ratio, self._mutable(),
             enum_value("ipl_right_type", right_type, "type"), base, max, source.encode())

    def set_caps(self, **caps) -> None:
        """Replace the caps (``ipl_pledge_caps`` fields; others default)."""
        keep: List[Any] = []
        blk = block("ipl_pledge_caps", caps, keep)
        call(lib.ipl_pledge_rules_set_caps, self._mutable(), blk)

    def add_adjustment(self, **rule) -> None:
        """A rule that multiplies a right's ratio (``ipl_pledge_rule``
        fields: name, test, flags, right, threshold, text, factor, slope,
        floor, source)."""
        keep: List[Any] = []
        blk = block("ipl_pledge_rule", rule, keep)
        call(lib.ipl_pledge_rules_add_adjustment, self._mutable(), blk)

    def add_gate(self, **rule) -> None:
        """A rule that refuses the request when its test holds."""
        keep: List[Any] = []
        blk = block("ipl_pledge_rule", rule, keep)
        call(lib.ipl_pledge_rules_add_gate, self._mutable(), blk)

    def decide(self, rights: Sequence[Dict[str, Any]], **request) -> "Decision":
        """The decision on pledging ``rights`` for ``request``."""
        keep: List[Any] = []
        req = block("ipl_pledge_request", request, keep)
        arr = ffi.new("ipl_pledge_right[]", max(len(rights), 1))
        for i, right in enumerate(rights):
            block("ipl_pledge_right", right, keep, f"rights[{i}]", arr + i)
        return Decision(new_object("ipl_pledge", lib.ipl_pledge_new, lib.ipl_pledge_free,
                                   self._h, req, arr, len(rights)), len(rights), self,
                        (req, arr, keep))

    def monitor(self, balance: Money, value: Money, initial_ratio: float) -> Health:
        """The loan-to-value of an outstanding loan against the collateral's
        current ``value``, and what restores it when breached."""
        out = ffi.new("ipl_pledge_health *")
        call(lib.ipl_pledge_monitor, out, self._h, balance._c(), value._c(), initial_ratio)
        fields = record(out[0])
        fields["breached"] = bool(fields["breached"])
        return Health(**fields)


def _steps(p, count, get) -> List[Step]:
    return [Step(**record(get(p, i)[0])) for i in range(count(p))]


class Decision:
    """The outcome of :meth:`Rules.decide` (immutable)."""

    def __init__(self, handle, n: int, rules: Any, inputs: Any = None):
        # the trace's strings may be the rules' own: keep them alive; the
        # report needs the request and the rights again (inputs)
        self._p, self._n, self._rules, self._inputs = handle, n, rules, inputs

    @property
    def eligible(self) -> bool:
        return bool(lib.ipl_pledge_eligible(self._p))

    @property
    def max_loan(self) -> Money:
        """The most that may be lent (zero when not eligible)."""
        return Money.from_c(lib.ipl_pledge_max_loan(self._p)[0])

    @property
    def collateral(self) -> Money:
        """The collateral value of the bundle."""
        return Money.from_c(lib.ipl_pledge_collateral(self._p)[0])

    @property
    def ratio(self) -> float:
        """The bundle's pledge ratio (max_loan / collateral)."""
        return lib.ipl_pledge_ratio(self._p)

    @property
    def rights(self) -> List[RightResult]:
        """Per right, in request order."""
        return [RightResult(lib.ipl_pledge_right_ratio(self._p, i),
                            Money.from_c(lib.ipl_pledge_right_collateral(self._p, i)[0]))
                for i in range(self._n)]

    @property
    def failures(self) -> List[Step]:
        """Why the request is refused (empty when eligible)."""
        return _steps(self._p, lib.ipl_pledge_failure_count, lib.ipl_pledge_failure)

    @property
    def trace(self) -> List[Step]:
        """Every rule applied, in order."""
        return _steps(self._p, lib.ipl_pledge_trace_count, lib.ipl_pledge_trace)

    def report(self, format: str = "text") -> str:
        """The decision as ``ipledge pledge`` prints it: "text", "csv" (one
        line of figures), "xml" or "json".  A decision taken by an
        appraisal is reported with the appraisal's ``report()``."""
        if self._inputs is None:
            raise ValueError("this decision belongs to an appraisal: report the appraisal")
        req, arr, _ = self._inputs
        owner = getattr(self._rules, "_owner", None)
        policy = owner._p if owner is not None and hasattr(owner, "_p") else ffi.NULL
        return report_string(lib.ipl_report_pledge_string, self._p, policy, req, arr, self._n,
                             report_format(format))

    def __repr__(self) -> str:
        return f"<Decision eligible={self.eligible} max_loan={self.max_loan}>"


def book_summary(loans: Sequence[Dict[str, Any]], currency: str,
                 bank_npl_ratio: float) -> Book:
    """Summarise a book of pledge loans (dicts of ``ipl_pledge_loan``
    fields: borrower, amount, balance, ratio, grade, new_in_period)."""
    keep: List[Any] = []
    arr = ffi.new("ipl_pledge_loan[]", max(len(loans), 1))
    for i, loan in enumerate(loans):
        arr[i].version = lib.IPL_PLEDGE_LOAN_VERSION
        arr[i].balance = Money(0, currency).c_init()
        arr[i].amount = Money(0, currency).c_init()
        fill(arr + i, loan, keep, f"loans[{i}]")
    out = ffi.new("ipl_pledge_book *")
    call(lib.ipl_pledge_book_summarise, out, arr, len(loans), currency.encode(), bank_npl_ratio)
    fields = record(out[0])
    fields["class_ratio"] = list(out.class_ratio)
    fields["within_tolerance"] = bool(fields["within_tolerance"])
    return Book(**fields)


__all__ = ["Rules", "Decision", "Step", "RightResult", "Health", "Book", "book_summary"]
