"""Case documents: one pledge application as an appraiser or a loan
officer writes it down (``urn:ipledge:case:1``, validated against the
schema the library ships): the borrower, the pledged rights with their
records and valuation documents, the policy, the loan asked for and
optionally a default with its recoveries::

    c = case.load("examples/cases/dongguan-invention.xml")
    c.loan.amount                      # exact Money in the case's currency
    a = c.assumptions(0)               # the first right's valuation document
    a.value(0).total

Errors raise :class:`~ipledge.IplParseError` with the file, the line and
the element at fault.  Paths in a case are kept as written;
:meth:`Case.path` resolves them against the case file's directory.
"""

import datetime
from dataclasses import dataclass
from typing import Optional, Tuple

from . import assumptions as _assumptions
from ._lowlevel import call, ffi, lib, new_object, record, string, to_date
from .money import Money


@dataclass(frozen=True)
class Right:
    """A pledged right as the case enters it (``ipl_case_right``)."""

    number: str
    type: str                           # "invention", "trademark", …
    status: str                         # "in_force", …; "unknown" when not given
    registered: Optional[datetime.date]
    expiry: Optional[datetime.date]
    flags: int                          # IPL_PLEDGE_* circumstances (ipledge.pledge)
    dependence: float                   # on the borrower, 0 .. 1
    record: Optional[str]               # the office record file, as written
    valuation: str                      # the valuation document, as written
    line: int                           # of the right's element in the case


@dataclass(frozen=True)
class Borrower:
    """The borrowing firm."""

    name: str
    years: Optional[float]              # in business; None when not given
    industry: Optional[str]             # industry code; None when not given


@dataclass(frozen=True)
class Loan:
    """The loan asked for (``ipl_case_loan``); its fields feed
    :func:`ipledge.loan.schedule`."""

    amount: Money
    start: datetime.date
    months: int
    rate: float
    method: str
    frequency: str
    daycount: str
    appraisal_fee: Money                # zero when none
    lpr: float                          # 0 when not given


@dataclass(frozen=True)
class Recovery:
    """Money recovered by disposing of the rights."""

    date: datetime.date
    proceeds: Money
    costs: Money


@dataclass(frozen=True)
class Party:
    """A party of the loss-sharing agreement written in the case."""

    name: str
    role: str                           # "fund", "lender", "other"
    share: float                        # of the loss, a fraction


@dataclass(frozen=True)
class Default:
    """The default scenario (``ipl_case_default``)."""

    npl: datetime.date
    interest: Money
    settlement: Optional[datetime.date]  # None: the last recovery's date
    ip_share: float                      # 0 = 1
    recoveries: Tuple[Recovery, ...]
    parties: Optional[Tuple[Party, ...]]  # None: the policy's regime applies


class Case:
    """A loaded case (immutable)."""

    def __init__(self, handle):
        self._c = handle

    @property
    def label(self) -> str:
        """The file name or the label it was loaded under."""
        return string(lib.ipl_case_label(self._c))

    @property
    def title(self) -> str:
        return string(lib.ipl_case_title(self._c))

    @property
    def currency(self) -> str:
        return string(lib.ipl_case_currency(self._c))

    @property
    def date(self) -> datetime.date:
        """The date of the application."""
        return to_date(lib.ipl_case_date(self._c))

    @property
    def borrower(self) -> Borrower:
        years, industry = ffi.new("double *"), ffi.new("const char **")
        name = string(lib.ipl_case_borrower(self._c, years, industry))
        return Borrower(name, years[0] if years[0] >= 0 else None,
                        None if industry[0] == ffi.NULL else string(industry[0]))

    @property
    def rights(self) -> Tuple[Right, ...]:
        """The pledged rights, in document order."""
        return tuple(Right(**record(lib.ipl_case_right_get(self._c, i)[0]))
                     for i in range(lib.ipl_case_right_count(self._c)))

    @property
    def policy(self) -> str:
        """The policy: a preset's name, or a file as written (see
        :attr:`policy_is_file` and :meth:`path`)."""
        return string(lib.ipl_case_policy(self._c, ffi.NULL))

    @property
    def policy_is_file(self) -> bool:
        is_file = ffi.new("int *")
        lib.ipl_case_policy(self._c, is_file)
        return bool(is_file[0])

    @property
    def loan(self) -> Loan:
        return Loan(**record(lib.ipl_case_loan_get(self._c)[0]))

    @property
    def default(self) -> Optional[Default]:
        """The default scenario, or None when the case has none."""
        d = lib.ipl_case_default_get(self._c)
        if d == ffi.NULL:
            return None
        fields = record(d[0], skip=("n_recoveries", "n_parties"))
        fields["recoveries"] = tuple(Recovery(**record(d.recoveries[i]))
                                     for i in range(d.n_recoveries))
        fields["parties"] = None if d.parties == ffi.NULL else tuple(
            Party(**record(d.parties[i])) for i in range(d.n_parties))
        return Default(**fields)

    def path(self, path: str) -> str:
        """``path`` as written in the case, resolved against the case
        file's directory (absolute paths stay as they are)."""
        size = 4096 + 4 * len(path)
        buf = ffi.new("char[]", size)
        call(lib.ipl_case_path, buf, size, self._c, path.encode())
        return string(buf)

    def assumptions(self, i: int) -> "_assumptions.Assumptions":
        """The valuation document of right ``i``, loaded."""
        return _assumptions.load(self.path(self.rights[i].valuation))

    def __repr__(self) -> str:
        return f"<Case {self.label}: {len(self.rights)} rights>"


def load(path: str) -> Case:
    """A case from an XML file (relative paths in it resolve against the
    file's directory)."""
    return Case(new_object("ipl_case", lib.ipl_case_load_file, lib.ipl_case_free,
                           path.encode()))


def loads(document, label: str = "case") -> Case:
    """A case from XML text or bytes; errors name ``label``, and relative
    paths resolve against its directory."""
    data = document.encode("utf-8") if isinstance(document, str) else bytes(document)
    return Case(new_object("ipl_case", lib.ipl_case_load_memory, lib.ipl_case_free,
                           data, len(data), label.encode()))


def schema() -> str:
    """The XML Schema case documents are validated against."""
    size = ffi.new("size_t *")
    return ffi.unpack(lib.ipl_case_schema(size), size[0]).decode("utf-8")
