"""Valuation assumptions documents (``urn:ipledge:valuation:1``, the input
of ``ipledge value``): one right or a bundle of several, each by the
income, cost or market approach, and optionally a Monte Carlo simulation
over the bundle::

    a = assumptions.load("tests/vectors/value/bundle.xml")
    [a.approach(i) for i in range(len(a))]   # ["income", "income", "cost"]
    a.value(0).total                          # a ipledge.value.Valuation
    a.simulate().quantile(0.05)               # a ipledge.montecarlo.Simulation

:meth:`Assumptions.fields` gives a right's assumptions as the keyword
arguments of :func:`ipledge.value.income` / ``cost`` / ``market``, and
:meth:`Assumptions.montecarlo` the arguments of
:func:`ipledge.montecarlo.simulate`, so a document can be read, changed in
Python and valued again.  Loading and simulating run without the GIL.

Errors carry the document and the line: loading raises
:class:`~ipledge.IplParseError` (``file``, ``line``, ``column``); valuing
and simulating raise :class:`~ipledge.IplValueError` whose ``where`` is the
field ("rights[0].discount_rate"), with ``file`` and ``line`` of the
element that gave it.
"""

from typing import Any, Dict, List, Optional

from ._lowlevel import (IplError, count_field, ffi, lib, new_error, new_object,
                        raise_error, record, string)
from .montecarlo import Simulation
from .value import Valuation

_APPROACHES = {lib.IPL_ASSUMPTIONS_INCOME: "income", lib.IPL_ASSUMPTIONS_COST: "cost",
               lib.IPL_ASSUMPTIONS_MARKET: "market"}
_BLOCKS = {"income": lib.ipl_assumptions_income_at, "cost": lib.ipl_assumptions_cost_at,
           "market": lib.ipl_assumptions_market_at}


def _items(p, n: int, ctype) -> List[Any]:
    """n C array elements: dicts for structs, numbers otherwise."""
    if ctype.kind == "struct":
        return [_fields(p[i]) for i in range(n)]
    return list(ffi.unpack(p, n)) if n else []


def _fields(cstruct) -> Dict[str, Any]:
    """The fields of a block as :func:`ipledge._lowlevel.fill` takes them:
    scalars by :func:`record`, nested blocks as dicts, and each array with
    its count as a list."""
    out = record(cstruct)
    fields = dict(ffi.typeof(cstruct).fields)
    for name, field in fields.items():
        ftype = field.type
        if ftype.kind == "struct" and name not in out:
            out[name] = _fields(getattr(cstruct, name))
        if ftype.kind != "pointer" or ftype.item.cname == "char":
            continue
        count = count_field(fields, name)
        n = getattr(cstruct, count)
        out.pop(count)
        p = getattr(cstruct, name)
        out[name] = [] if p == ffi.NULL else _items(p, n, ftype.item)
    return out


class Assumptions:
    """A loaded assumptions document (immutable)."""

    def __init__(self, handle):
        self._a = handle

    @property
    def label(self) -> str:
        """The file it was loaded from, or the label given."""
        return string(lib.ipl_assumptions_label(self._a))

    @property
    def currency(self) -> str:
        """The currency of the document's amounts ("CNY" by default)."""
        return string(lib.ipl_assumptions_currency(self._a))

    def __len__(self) -> int:
        """The number of rights (a bundle has several)."""
        return lib.ipl_assumptions_count(self._a)

    def _index(self, i: int) -> int:
        if not 0 <= i < len(self):
            raise IndexError(f"right {i} of a document of {len(self)}")
        return i

    def approach(self, i: int) -> str:
        """How right ``i`` is valued: "income", "cost" or "market"."""
        return _APPROACHES[lib.ipl_assumptions_approach_at(self._a, self._index(i))]

    def fields(self, i: int) -> Dict[str, Any]:
        """Right ``i``'s assumptions as keyword arguments of
        ``ipledge.value.<approach>(**fields)``."""
        kind = self.approach(i)
        block = _BLOCKS[kind](self._a, i)
        out = _fields(block[0])
        if kind == "market":
            out = {"comparables": out["comparables"], "quality": out["quality"]}
        return out

    @property
    def has_montecarlo(self) -> bool:
        """Whether the document asks for a simulation."""
        return bool(lib.ipl_assumptions_has_montecarlo(self._a))

    def montecarlo(self) -> Optional[Dict[str, Any]]:
        """The simulation as the arguments of
        :func:`ipledge.montecarlo.simulate` (``rights``, ``inputs``,
        ``correlation`` and the options), or None without one."""
        opts = lib.ipl_assumptions_montecarlo_options(self._a)
        if opts == ffi.NULL:
            return None
        n = ffi.new("size_t *")
        cinputs = lib.ipl_assumptions_montecarlo_inputs(self._a, n)
        inputs = [_fields(cinputs[i]) for i in range(n[0])]
        k = n[0]
        correlation = None
        if opts.correlation != ffi.NULL:
            flat = ffi.unpack(opts.correlation, k * k)
            correlation = [list(flat[r * k:(r + 1) * k]) for r in range(k)]
        out = {"rights": [{self.approach(i): self.fields(i)} for i in range(len(self))],
               "inputs": inputs, "correlation": correlation}
        out.update(record(opts[0]))
        return out

    def line(self, where: str) -> int:
        """The line of the element behind a field path such as
        "rights[1].discount_rate" (the root's when nothing is closer)."""
        return lib.ipl_assumptions_line(self._a, where.encode())

    def _located(self, fn, ctype: str, destructor, *args):
        """``fn(&out, *args, err)``; failures raise with the document's
        file and the field's line."""
        out, err = ffi.new(ctype + " **"), new_error()
        rc = fn(out, *args, err)
        if rc < 0:
            try:
                raise_error(rc, err)
            except IplError as e:
                e.file, e.line, e.column = self.label, err.line, 0
                e.args = (f"{self.label}:{err.line}: {e.args[0]}",)
                raise
        return ffi.gc(out[0], destructor)

    def value(self, i: int) -> Valuation:
        """Right ``i`` valued by its approach."""
        v = Valuation(self._located(lib.ipl_assumptions_value, "ipl_value",
                                    lib.ipl_value_free, self._a, self._index(i)))
        v._document = self   # the result may read the document's arrays
        return v

    def simulate(self) -> Simulation:
        """The document's simulation over all its rights (without the
        GIL, on the document's threads)."""
        s = Simulation(self._located(lib.ipl_assumptions_simulate, "ipl_montecarlo",
                                     lib.ipl_montecarlo_free, self._a))
        s._document = self
        return s

    def __repr__(self) -> str:
        kinds = ", ".join(self.approach(i) for i in range(len(self)))
        return f"<Assumptions {self.label}: {kinds}>"


def load(path: str) -> Assumptions:
    """A document from a file (without the GIL)."""
    return Assumptions(new_object("ipl_assumptions", lib.ipl_assumptions_load_file,
                                  lib.ipl_assumptions_free, path.encode()))


def loads(document, label: str = "valuation") -> Assumptions:
    """A document from XML text or bytes; errors name ``label``."""
    data = document.encode("utf-8") if isinstance(document, str) else bytes(document)
    return Assumptions(new_object("ipl_assumptions", lib.ipl_assumptions_load_memory,
                                  lib.ipl_assumptions_free, data, len(data), label.encode()))


def schema() -> str:
    """The XML Schema documents are validated against (valuation.xsd)."""
    size = ffi.new("size_t *")
    return ffi.unpack(lib.ipl_assumptions_schema(size), size[0]).decode("utf-8")

