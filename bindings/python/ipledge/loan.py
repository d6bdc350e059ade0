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
import re
from dataclasses import dataclass
from typing import Any, List

from . import _frames
from ._lowlevel import (IplValueError, block, call, enum_name, enum_value, ffi, lib,
                        new_error, new_object, raise_error, record, report_format,
                        report_string, string)
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


@dataclass(frozen=True)
class BatchSchedules:
    """The schedules of many loans as numpy int64 arrays in minor units:
    per loan the first payment (``instalment``), total ``interest``,
    total ``repaid`` and the number of ``rows``; with ``rows=True`` also
    loans × periods matrices of each period's interest, principal and
    closing balance (zeros after a loan's last row), else ``None``."""

    instalment: Any
    interest: Any
    repaid: Any
    rows: Any
    row_interest: Any = None
    row_principal: Any = None
    row_balance: Any = None


def schedule_batch(principal, rate, *, rows: bool = False, **terms) -> BatchSchedules:
    """The schedules of ``len(principal)`` loans at once, through
    ``ipl_loan_schedule_batch`` without the GIL: exactly the minor units
    :func:`schedule` gives loan by loan.

    ``principal`` is a sequence of Money in one currency, or a sequence
    (or numpy array) of minor units in ``currency`` ("CNY" by default); ``rate`` one
    annual rate for all or one per loan; ``periods`` likewise. The other
    ``ipl_loan_terms`` fields (start, method, daycount, …) are shared by
    every loan, as in :func:`schedule`. An error names the loan
    ("terms[812].periods")."""
    import numpy as np
    currency = terms.pop("currency", "CNY")
    if not isinstance(principal, np.ndarray) and any(isinstance(p, Money) for p in principal):
        currencies = {Money.coerce(p).currency for p in principal}
        if len(currencies) != 1:
            raise IplValueError(f"one currency for the batch, got {sorted(currencies)}",
                                lib.IPL_EINVAL, "principal")
        currency = currencies.pop()
        principal = [Money.coerce(p).minor for p in principal]
    minor = np.asarray(principal, dtype=np.int64)
    n = len(minor)
    columns = {"rate": np.broadcast_to(np.asarray(rate, dtype=np.float64), (n,)),
               "periods": np.broadcast_to(np.asarray(terms.pop("periods", 0),
                                                     dtype=np.uintc), (n,))}
    stride = int(columns["periods"].max()) if rows and n else 0
    out = _batch_outputs(n, stride)
    keep: List[Any] = []
    template = np.frombuffer(ffi.buffer(block(
        "ipl_loan_terms", dict(terms, principal=Money(1, currency)), keep, "terms")),
        dtype=np.uint8)
    block_terms = ffi.new("ipl_loan_terms[]", _LOAN_BLOCK)
    raw = np.frombuffer(ffi.buffer(block_terms), dtype=np.uint8).reshape(_LOAN_BLOCK, -1)
    raw[:] = template
    views = {"principal": _terms_column(raw, "principal", np.int64), "rate":
             _terms_column(raw, "rate", np.float64), "periods":
             _terms_column(raw, "periods", np.uintc)}
    columns["principal"] = minor
    for lo in range(0, n, _LOAN_BLOCK):
        hi = min(lo + _LOAN_BLOCK, n)
        for name, view in views.items():
            view[:hi - lo] = columns[name][lo:hi]
        _batch_block(out, block_terms, lo, hi, stride)
    return BatchSchedules(**out)


_LOAN_BLOCK = 4096


def _batch_outputs(n: int, stride: int):
    import numpy as np
    out = {name: np.zeros(n, dtype=np.int64) for name in ("instalment", "interest", "repaid")}
    out["rows"] = np.zeros(n, dtype=np.uintc)
    if stride:
        for name in ("row_interest", "row_principal", "row_balance"):
            out[name] = np.zeros((n, stride), dtype=np.int64)
    return out


def _batch_block(out, block_terms, lo: int, hi: int, stride: int) -> None:
    """Loans lo .. hi of the batch, whose terms fill block_terms."""
    o = ffi.new("ipl_loan_batch_outputs *")
    lib.ipl_loan_batch_outputs_init(o, lib.IPL_LOAN_BATCH_OUTPUTS_VERSION)
    cast = {"rows": "unsigned int[]"}
    for name, array in out.items():
        setattr(o, name, ffi.from_buffer(cast.get(name, "int64_t[]"), array[lo:hi]))
    o.stride = stride
    err = new_error()
    rc = lib.ipl_loan_schedule_batch(o, block_terms, hi - lo, err)
    if rc < 0:
        where = re.sub(r"^terms\[(\d+)\]", lambda m: f"terms[{int(m.group(1)) + lo}]",
                       string(err.where))
        err.where = where.encode()[:lib.IPL_ERROR_WHERE_MAX - 1]
        raise_error(rc, err)


def _terms_column(raw, name: str, dtype):
    """A strided numpy view of one scalar field (a Money's minor units for
    ``principal``) across the block of terms."""
    import numpy as np
    field = dict(ffi.typeof("ipl_loan_terms").fields)[name]
    return np.ndarray(shape=(raw.shape[0],), dtype=dtype, buffer=raw,
                      offset=field.offset, strides=(raw.shape[1],))
