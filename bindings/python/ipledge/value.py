"""Valuation of intellectual property: income, cost and market methods.

Parameters are the fields of the C blocks ``ipl_value_income``,
``ipl_value_cost`` and ``ipl_value_market`` (see doc/valuation.md), given
as keyword arguments: enums by short name (``method="relief_from_royalty"``,
``timing="mid"``), arrays as sequences (``base=[...]``), dates as
``datetime.date``, structured lists as dicts (``charges=[{"name": "working
capital", "amount": 1e5, "return_on": 0.08}]``).  Values are model
quantities in currency units (floats); :meth:`Valuation.to_money` is the
explicit, rounded crossing into :class:`~ipledge.money.Money`.
"""

import concurrent.futures
import re
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Tuple

from . import _frames
from ._lowlevel import (block, call, enum_name, enum_value, ffi, lib,
                        new_error, new_object, raise_error, record, string)
from .money import Money, Rounding, rounding


@dataclass(frozen=True)
class ValueRow:
    """One period of an income valuation (currency units and years)."""

    years: float
    time: float
    base: float
    share: float
    charge: float
    pretax: float
    tax: float
    aftertax: float
    discount: float
    present: float


@dataclass(frozen=True)
class Share:
    """A derived royalty or profit share and how it was derived."""

    rate: float
    method: str
    heuristic: bool
    how: str


class Valuation:
    """A valuation result (immutable; the C object is freed with it)."""

    def __init__(self, handle):
        self._v = handle

    @property
    def total(self) -> float:
        """The value, currency units."""
        return lib.ipl_value_total(self._v)

    @property
    def method(self) -> str:
        """The method used ("relief_from_royalty", "cost", …)."""
        return enum_name("ipl_value_method", lib.ipl_value_method_of(self._v))

    @property
    def period(self) -> float:
        """The benefit period in years (income methods)."""
        return lib.ipl_value_period(self._v)

    @property
    def period_reason(self) -> str:
        """What bounded the period: "legal", "contract", "economic", …"""
        return enum_name("ipl_value_reason", lib.ipl_value_period_reason(self._v))

    @property
    def discount_rate(self) -> float:
        """The discount rate used, after premia."""
        return lib.ipl_value_discount_rate(self._v)

    @property
    def rates(self) -> List[Tuple[str, float]]:
        """The discount rate's build-up as (name, rate) pairs."""
        out = []
        for i in range(lib.ipl_value_rate_count(self._v)):
            p = lib.ipl_value_rate_at(self._v, i)
            out.append((string(p.name), p.rate))
        return out

    @property
    def rows(self) -> List[ValueRow]:
        """Per-period rows (income methods; empty otherwise)."""
        return [ValueRow(**record(lib.ipl_value_row_at(self._v, i)[0]))
                for i in range(lib.ipl_value_row_count(self._v))]

    @property
    def figures(self) -> Dict[str, float]:
        """Named intermediate figures ("replacement_cost", …)."""
        out = {}
        for i in range(lib.ipl_value_figure_count(self._v)):
            f = lib.ipl_value_figure_at(self._v, i)
            out[string(f.name)] = f.value
        return out

    def figure(self, name: str) -> float:
        """One named figure; IplValueError when the method has none of
        that name."""
        out = ffi.new("double *")
        call(lib.ipl_value_figure_get, out, self._v, name.encode())
        return out[0]

    @property
    def trace(self) -> str:
        """The calculation, step by step, for people."""
        return string(lib.ipl_value_trace(self._v))

    @property
    def inputs(self) -> Dict[str, Any]:
        """The assumptions as the library recorded them (scalar fields)."""
        for echo in (lib.ipl_value_income_echo, lib.ipl_value_cost_echo,
                     lib.ipl_value_market_echo):
            p = echo(self._v)
            if p != ffi.NULL:
                return record(p[0])
        return {}

    def sensitivity(self, shift: str) -> float:
        """The value with the discount rate or share moved one step:
        "rate_down", "rate_up", "share_down", "share_up"."""
        return lib.ipl_value_sensitivity(self._v, enum_value("ipl_value_shift", shift, "shift"))

    def to_money(self, currency: str, mode: Rounding = "half_even") -> Money:
        """The value as exact money, rounded by ``mode``."""
        out = ffi.new("ipl_money *")
        call(lib.ipl_value_to_money, out, self._v, currency.encode(), rounding(mode))
        return Money.from_c(out)

    def rows_array(self):
        """The rows as a numpy structured array."""
        return _frames.array(self.rows, ValueRow)

    def to_frame(self):
        """The rows as a pandas DataFrame."""
        return _frames.frame(self.rows, ValueRow)

    def __repr__(self) -> str:
        return f"<Valuation {self.method} {self.total:.2f}>"


def income(**fields) -> Valuation:
    """An income-method valuation (split, relief from royalty, MPEEM,
    with-and-without, direct excess) from ``ipl_value_income`` fields."""
    keep: List[Any] = []
    blk = block("ipl_value_income", fields, keep)
    return Valuation(new_object("ipl_value", lib.ipl_value_income_new,
                                lib.ipl_value_free, blk))


def cost(**fields) -> Valuation:
    """A cost-method valuation from ``ipl_value_cost`` fields."""
    keep: List[Any] = []
    blk = block("ipl_value_cost", fields, keep)
    return Valuation(new_object("ipl_value", lib.ipl_value_cost_new,
                                lib.ipl_value_free, blk))


def market(comparables: List[Dict[str, float]], quality: Optional[float] = None) -> Valuation:
    """A market-method valuation from comparable transactions (dicts of
    ``ipl_value_comparable`` fields: price, time, technology, …, weight)."""
    keep: List[Any] = []
    blk = block("ipl_value_market", {"comparables": comparables, "quality": quality}, keep)
    return Valuation(new_object("ipl_value", lib.ipl_value_market_new,
                                lib.ipl_value_free, blk))


def income_batch(n: int, threads: int = 1, **fields):
    """Values of ``n`` income cases, as a numpy array of floats: the C
    batch entry point over blocks of cases, without the GIL.

    Each field is either one value for every case, or a numpy array (or
    sequence) of ``n`` values for a numeric field (``base_first``,
    ``share``, ``discount_rate``, ``legal_years``, …).  Array-valued
    fields such as ``base`` are shared by all cases.  ``threads`` Python
    threads value blocks of cases in parallel.  An error names the case
    ("cases[7].discount_rate")."""
    import numpy as np
    per_case = {k: v for k, v in fields.items() if _is_column(v, n)}
    keep: List[Any] = []
    blk = block("ipl_value_income", {k: v for k, v in fields.items() if k not in per_case}, keep)
    template = np.frombuffer(ffi.buffer(blk), dtype=np.uint8)
    values = np.empty(n)
    blocks = [(lo, min(lo + _BATCH_BLOCK, n)) for lo in range(0, n, _BATCH_BLOCK)]

    def run(part):
        # One block of cases, reused: the template once, then only the
        # per-case columns (the block stays in cache).
        cases = ffi.new("ipl_value_income[]", _BATCH_BLOCK)
        raw = np.frombuffer(ffi.buffer(cases), dtype=np.uint8).reshape(_BATCH_BLOCK, -1)
        raw[:] = template
        views = {name: _column_view(raw, name) for name in per_case}
        for lo, hi in part:
            for name, view in views.items():
                view[:hi - lo] = per_case[name][lo:hi]
            err = new_error()
            rc = lib.ipl_value_income_batch(ffi.from_buffer("double[]", values[lo:hi]),
                                            cases, hi - lo, err)
            if rc < 0:
                where = re.sub(r"^cases\[(\d+)\]", lambda m: f"cases[{int(m.group(1)) + lo}]",
                               string(err.where))
                err.where = where.encode()[:lib.IPL_ERROR_WHERE_MAX - 1]
                raise_error(rc, err)

    parts = [blocks[i::max(threads, 1)] for i in range(max(threads, 1))]
    if len(parts) == 1:
        run(parts[0])
    else:
        with concurrent.futures.ThreadPoolExecutor(len(parts)) as pool:
            for f in [pool.submit(run, p) for p in parts]:
                f.result()
    return values


_BATCH_BLOCK = 2048


def _is_column(value, n: int) -> bool:
    return hasattr(value, "__len__") and not isinstance(value, str) and len(value) == n \
        and n > 0 and not hasattr(value[0], "__len__")


def _column_view(raw, name: str):
    """A strided numpy view of one scalar field across the case array."""
    import numpy as np
    fields = dict(ffi.typeof("ipl_value_income").fields)
    if name not in fields:
        raise TypeError(f"income_batch: unknown field {name!r}")
    ftype = fields[name].type
    dtype = {"double": np.float64, "int": np.intc, "size_t": np.uintp}.get(
        ftype.cname, np.intc if ftype.kind == "enum" else None)
    if dtype is None:
        raise TypeError(f"income_batch: field {name!r} cannot vary by case")
    return np.ndarray(shape=(raw.shape[0],), dtype=dtype, buffer=raw,
                      offset=fields[name].offset, strides=(raw.shape[1],))


def _share(fn, *args) -> Share:
    out = ffi.new("ipl_value_share *")
    call(fn, out, *args)
    return Share(out.rate, enum_name("ipl_value_share_method", out.method),
                 bool(out.heuristic), string(out.how))


def share_equivalent(ip_cost: float, ip_margin: float, buyer_assets: float,
                     buyer_margin: float) -> Share:
    """Profit share by equivalent returns on the IP's and the buyer's assets."""
    return _share(lib.ipl_value_share_equivalent, ip_cost, ip_margin, buyer_assets, buyer_margin)


def share_revenue(profit_share: float, margin: float) -> Share:
    """Royalty on revenue from a profit share and a margin."""
    return _share(lib.ipl_value_share_revenue, profit_share, margin)


def share_rule25(margin: float) -> Share:
    """The 25 % rule of thumb on an operating margin (heuristic)."""
    return _share(lib.ipl_value_share_rule25, margin)


def share_score(lower: float, upper: float, score: float) -> Share:
    """A share interpolated in [lower, upper] by a 0..100 score."""
    return _share(lib.ipl_value_share_score, lower, upper, score)


def share_band(industry: str, score: float) -> Share:
    """A share from an industry's published band and a 0..100 score."""
    return _share(lib.ipl_value_share_band, industry.encode(), score)


def tab_factor(tax_rate: float, years: float, rate: float, timing: str = "default") -> float:
    """The tax-amortisation-benefit factor."""
    out = ffi.new("double *")
    call(lib.ipl_value_tab_factor, out, tax_rate, years, rate,
         enum_value("ipl_value_timing", timing, "timing"))
    return out[0]


def method_name(method: str) -> str:
    """The library's display name of a valuation method."""
    return string(lib.ipl_value_method_name(enum_value("ipl_value_method", method)))
