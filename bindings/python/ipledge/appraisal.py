"""Appraisals: a case run through the whole chain — office record,
valuation and Monte Carlo, pledge decision under the policy, loan
schedule, subsidies and, on default, the risk compensation — and its
report as text, JSON, XML or HTML.

``appraise("examples/cases/dongguan-invention.xml", record_dirs=[...])``
(a path or an :class:`ipledge.case.Case`) returns an :class:`Appraisal`;
``.report("json")`` the report.  :func:`valuation_report` writes valuations
and their simulation as ``ipledge value`` prints them.  The chain
runs in C without the GIL (cffi releases it around every call).
"""

import datetime
import os
from dataclasses import dataclass
from typing import Any, List, Optional, Sequence, Union

from . import case as _case
from ._lowlevel import block, call, enum_name, ffi, lib, new_object, string, to_date
from ._lowlevel import report_format as _format, report_string as _report_string
from .assumptions import Assumptions
from .compensation import Settlement
from .loan import Schedule as LoanSchedule
from .money import Money, rounding
from .montecarlo import Simulation
from .pledge import Decision
from .subsidy import Schedule as SubsidySchedule
from .value import Valuation

FORMATS = ("text", "json", "xml", "html")


@dataclass(frozen=True)
class AppraisedRight:
    """One pledged right as the chain saw it.  ``*_from`` say where a date
    came from: "case" (the appraiser) or "record" (the office record)."""

    number: str
    type: str
    status: str
    registered: Optional[datetime.date]
    registered_from: str
    expiry: Optional[datetime.date]
    expiry_from: str
    record_path: str
    record_format: Optional[str]
    valuation_path: str
    assumptions: Assumptions
    model_value: float
    value: Money
    p5: Optional[Money]
    cv: float
    valuations: List[Valuation]
    simulation: Optional[Simulation]


@dataclass(frozen=True)
class AppraisedSubsidy:
    """A subsidy the policy grants on the loan, with its schedule."""

    name: str
    source: str
    schedule: SubsidySchedule


def _borrowed(obj, owner):
    obj._owner = owner      # the appraisal owns the C object: keep it alive
    return obj


class Appraisal:
    """A case appraised (immutable)."""

    def __init__(self, handle, case: "_case.Case"):
        self._a, self._case = handle, case     # the appraisal borrows the case

    @property
    def case(self) -> "_case.Case":
        """The case appraised."""
        return self._case

    # -- rights
    def _right(self, i: int) -> AppraisedRight:
        r = lib.ipl_appraisal_right_get(self._a, i)
        mc = lib.ipl_appraisal_montecarlo(self._a, i)
        values = [_borrowed(Valuation(lib.ipl_appraisal_value_at(self._a, i, j)), self)
                  for j in range(lib.ipl_appraisal_value_count(self._a, i))]
        return AppraisedRight(
            number=string(getattr(r, "in").number),   # "in" is a keyword
            type=enum_name("ipl_right_type", r.type),
            status=enum_name("ipl_legal_status", r.status),
            registered=to_date(r.registered),
            registered_from=enum_name("ipl_appraisal_source", r.registered_from),
            expiry=to_date(r.expiry),
            expiry_from=enum_name("ipl_appraisal_source", r.expiry_from),
            record_path=string(r.record_path),
            record_format=(None if r.record == ffi.NULL
                           else string(lib.ipl_record_format_name(r.record))),
            valuation_path=string(r.valuation_path),
            assumptions=_borrowed(Assumptions(lib.ipl_appraisal_assumptions(self._a, i)), self),
            model_value=r.model_value,
            value=Money.from_c(r.value),
            p5=None if r.p5.currency[0] == b"\0" else Money.from_c(r.p5),
            cv=r.cv,
            valuations=values,
            simulation=None if mc == ffi.NULL else _borrowed(Simulation(mc), self))

    @property
    def rights(self) -> List[AppraisedRight]:
        return [self._right(i) for i in range(lib.ipl_appraisal_right_count(self._a))]

    # -- policy and pledge
    @property
    def policy_name(self) -> str:
        return string(lib.ipl_policy_name(lib.ipl_appraisal_policy(self._a)))

    @property
    def policy_path(self) -> str:
        """The policy file read; "" for a preset."""
        return string(lib.ipl_appraisal_policy_path(self._a))

    @property
    def pledge(self) -> Decision:
        return Decision(lib.ipl_appraisal_pledge(self._a),
                        lib.ipl_appraisal_right_count(self._a), self)

    @property
    def eligible(self) -> bool:
        """True when the policy lends (and a loan was scheduled)."""
        return bool(lib.ipl_appraisal_eligible(self._a))

    # -- loan and subsidies
    @property
    def loan(self) -> Optional[LoanSchedule]:
        s = lib.ipl_appraisal_loan(self._a)
        if s == ffi.NULL:
            return None
        return _borrowed(LoanSchedule(s, lib.ipl_appraisal_loan_terms(self._a)), self)

    @property
    def principal(self) -> Optional[Money]:
        """The loan lent: the amount asked for, cut to the pledge's limit."""
        t = lib.ipl_appraisal_loan_terms(self._a)
        return None if t == ffi.NULL else Money.from_c(t.principal)

    @property
    def subsidies(self) -> List[AppraisedSubsidy]:
        loan, out = self.loan, []
        for i in range(lib.ipl_appraisal_subsidy_count(self._a)):
            s = lib.ipl_appraisal_subsidy_get(self._a, i)
            out.append(AppraisedSubsidy(string(s.name), string(s.source),
                                        _borrowed(SubsidySchedule(s.schedule, loan), self)))
        return out

    # -- default
    @property
    def compensation(self) -> Optional[Settlement]:
        c = lib.ipl_appraisal_compensation(self._a)
        return None if c == ffi.NULL else Settlement(c, self)

    @property
    def regime_source(self) -> Optional[str]:
        """Where the compensation shares come from: "case" or the policy."""
        source = ffi.new("const char **")
        if lib.ipl_appraisal_regime(self._a, source) == ffi.NULL:
            return None
        return string(source[0])

    @property
    def outstanding(self) -> Optional[Money]:
        """Principal unpaid at the NPL date."""
        m = lib.ipl_appraisal_outstanding(self._a)
        return None if m == ffi.NULL else Money.from_c(m[0])

    @property
    def notes(self) -> List[str]:
        return [string(lib.ipl_appraisal_note(self._a, i))
                for i in range(lib.ipl_appraisal_note_count(self._a))]

    def report(self, format: str = "text") -> str:
        """The report: "text", "json", "xml" or "html"."""
        return _report_string(lib.ipl_report_appraisal_string, self._a, _format(format))


def valuation_report(valuations: Sequence[Valuation], simulation: Optional[Simulation] = None,
                     format: str = "text") -> str:
    """Valuations (one right, or a bundle of several) and their simulation
    as ``ipledge value`` prints them: "text" (the traces), "json" or "xml"."""
    handles = ffi.new("const ipl_value *[]", [v._v for v in valuations])
    mc = simulation._mc if simulation is not None else ffi.NULL
    return _report_string(lib.ipl_report_value_string, handles, len(valuations), mc,
                          _format(format))


def appraise(case: Union[str, "os.PathLike[str]", "_case.Case"],
             record_dirs: Sequence[Union[str, "os.PathLike[str]"]] = (),
             loan_rounding: Optional[str] = None) -> Appraisal:
    """Run a case (an :class:`ipledge.case.Case` or the path of a case
    document) through the whole chain.  ``record_dirs`` are searched, in
    order, for record files not beside the case; ``loan_rounding``
    defaults to "half_up"."""
    c = case if isinstance(case, _case.Case) else _case.load(os.fspath(case))
    names = [ffi.new("char[]", os.fsencode(d)) for d in record_dirs]
    keep: List[Any] = []
    opts = block("ipl_appraisal_options", {}, keep, "opts")
    dirs = ffi.new("const char *[]", names) if names else ffi.NULL
    opts.record_dirs, opts.n_record_dirs = dirs, len(names)
    if loan_rounding is not None:
        opts.loan_rounding = rounding(loan_rounding)
    return Appraisal(new_object("ipl_appraisal", lib.ipl_appraisal_new, lib.ipl_appraisal_free,
                                c._c, opts), c)
