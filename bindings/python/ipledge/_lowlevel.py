"""The low-level layer: status codes to exceptions, C lifetimes to Python
objects, and conversions between C structs and Python values.

Everything here is private to the package; the public modules build on it.
"""

import datetime
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple

from ._ipledge import ffi, lib


class IplError(Exception):
    """Base class of every error the library reports.

    ``code`` is the C status (a negative ``IPL_E…`` value), ``name`` its
    symbolic name, ``where`` the field, parameter or file that failed."""

    def __init__(self, message: str, code: int = lib.IPL_ERROR, where: str = ""):
        super().__init__(f"{where}: {message}" if where else message)
        self.message, self.code, self.where = message, code, where

    @property
    def name(self) -> str:
        return ffi.string(lib.ipl_status_name(self.code)).decode()


class IplValueError(IplError, ValueError):
    """Invalid, out-of-range or inexact input (IPL_EINVAL, IPL_ERANGE,
    IPL_EINEXACT, IPL_EOVERFLOW, IPL_EVERSION)."""


class IplConvergenceError(IplError, ArithmeticError):
    """A numeric solver gave up (IPL_ENOCONVERGE)."""


class IplParseError(IplValueError):
    """Malformed text or document (IPL_EPARSE): ``file`` (the error's
    ``where``), 1-based ``line`` and ``column`` (0 when unknown)."""

    def __init__(self, message: str, code: int, where: str, line: int, column: int):
        IplError.__init__(self, message, code, where)
        self.file, self.line, self.column = where, line, column
        self.args = (f"{where}:{line}:{column}: {message}",)


_BY_CODE = {
    lib.IPL_EINVAL: IplValueError, lib.IPL_ERANGE: IplValueError,
    lib.IPL_EINEXACT: IplValueError, lib.IPL_EOVERFLOW: IplValueError,
    lib.IPL_EVERSION: IplValueError, lib.IPL_ENOCONVERGE: IplConvergenceError,
}


def new_error():
    """A fresh ``ipl_error`` for one call."""
    return ffi.new("ipl_error *")


def raise_error(rc: int, err) -> None:
    """Raise the exception for status ``rc`` described by ``err``."""
    msg = string(err.message) or string(lib.ipl_status_str(rc))
    where = string(err.where)
    if rc == lib.IPL_ENOMEM:
        raise MemoryError(msg)
    if rc == lib.IPL_EPARSE:
        raise IplParseError(msg, rc, where, err.line, err.column)
    raise _BY_CODE.get(rc, IplError)(msg, rc, where)


def check(rc: int, err) -> int:
    """``rc`` when it is a success (>= 0), else raise."""
    if rc < 0:
        raise_error(rc, err)
    return rc


def call(fn: Callable, *args) -> int:
    """``fn(*args, err)`` with a fresh ``ipl_error``, raising on failure."""
    err = new_error()
    return check(fn(*args, err), err)


def new_object(ctype: str, constructor: Callable, destructor: Callable, *args):
    """Call ``constructor(&out, *args, err)`` and return ``out`` owned by
    Python: ``destructor`` runs when the returned cdata is collected."""
    out = ffi.new(ctype + " **")
    call(constructor, out, *args)
    return ffi.gc(out[0], destructor)


def string(p) -> str:
    """A C string as ``str`` ("" for NULL)."""
    return "" if p == ffi.NULL else ffi.string(p).decode("utf-8", "replace")


def opt_string(p) -> Optional[str]:
    """A C string as ``str``, or ``None`` for NULL."""
    return None if p == ffi.NULL else ffi.string(p).decode("utf-8", "replace")


def cstr(text: Optional[str], keep: List[Any]):
    """``text`` as a NUL-terminated C string kept alive in ``keep``."""
    if text is None:
        return ffi.NULL
    buf = ffi.new("char[]", text.encode("utf-8"))
    keep.append(buf)
    return buf


# ------------------------------------------------------------------ enums

def _enum_table(ctype: str) -> Tuple[Dict[str, int], Dict[int, str]]:
    """Short lower-case names of an enum's constants: the constants'
    common prefix removed (IPL_LOAN_ANNUITY -> "annuity")."""
    rel = ffi.typeof(ctype).relements
    names = list(rel)
    prefix = names[0]
    for n in names[1:]:
        while not n.startswith(prefix):
            prefix = prefix[:-1]
    prefix = prefix[:prefix.rfind("_") + 1]
    short = {n[len(prefix):].lower(): v for n, v in rel.items()}
    return short, {v: n for n, v in sorted(short.items(), key=lambda kv: -len(kv[0]))}


_ENUMS: Dict[str, Tuple[Dict[str, int], Dict[int, str]]] = {}


def enum_tables(ctype: str):
    if ctype not in _ENUMS:
        _ENUMS[ctype] = _enum_table(ctype)
    return _ENUMS[ctype]


def enum_value(ctype: str, value, where: str = "") -> int:
    """An enum constant from its short name (case-insensitive), its full
    C name, or its integer value."""
    if isinstance(value, int):
        return value
    rel = ffi.typeof(ctype).relements
    if str(value).upper() in rel:
        return rel[str(value).upper()]
    by_name = enum_tables(ctype)[0]
    key = str(value).lower().replace("-", "_")
    if key not in by_name:
        raise IplValueError(f"unknown {ctype} {value!r}; one of {sorted(by_name)}",
                            lib.IPL_EINVAL, where)
    return by_name[key]


def enum_name(ctype: str, value: int) -> str:
    """The short name of an enum value (its integer when unnamed)."""
    return enum_tables(ctype)[1].get(int(value), str(int(value)))


# ------------------------------------------------------------------ dates

def to_date(d) -> datetime.date:
    """An ``ipl_date`` as ``datetime.date`` (``None`` for the zero date)."""
    if d.year == 0 and d.month == 0 and d.day == 0:
        return None
    return datetime.date(d.year, d.month, d.day)


def from_date(value: Optional[datetime.date]) -> Tuple[int, int, int]:
    """A ``datetime.date`` (or ISO text, or None) as an ``ipl_date``
    initialiser."""
    if value is None:
        return (0, 0, 0)
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return (value.year, value.month, value.day)


# ------------------------------------------------------------------ structs

def _is(ftype, typedef: str) -> bool:
    """Whether a field's type is the struct behind ``typedef``."""
    return ftype.cname in (typedef, "struct " + typedef)


def _is_version(name: str, ftype) -> bool:
    """The version field of a caller-filled parameter block."""
    return name == "version" and ftype.cname == "unsigned int"


def fill(cstruct, values: Dict[str, Any], keep: List[Any], where: str) -> None:
    """Set the fields of the struct ``cstruct`` points to from ``values``,
    by name.

    Conversions follow the field's C type: ``ipl_money`` from a
    :class:`~ipledge.money.Money`, ``ipl_date`` from a ``datetime.date``,
    enums from short names, ``const char *`` from ``str``, a pointer plus
    its ``<name>_count`` / ``n_<name>`` field from a sequence (of dicts for
    structs), a nested struct from a dict.  ``None`` leaves a field alone.
    Buffers the struct points to are appended to ``keep``.
    """
    from .money import Money  # the money module imports this one
    fields = dict(ffi.typeof(cstruct).item.fields)
    for name, value in values.items():
        if name not in fields or _is_version(name, fields[name].type):
            raise IplValueError(f"unknown field {name!r}", lib.IPL_EINVAL, where)
        if value is None:
            continue
        ftype = fields[name].type
        if ftype.kind == "enum":
            value = enum_value(ftype.cname, value, f"{where}.{name}")
        elif _is(ftype, "ipl_money"):
            value = Money.coerce(value).c_init()
        elif _is(ftype, "ipl_date"):
            value = from_date(value)
        elif ftype.cname in ("char *", "const char *"):
            value = cstr(value, keep)
        elif ftype.kind == "pointer":
            value = _fill_array(cstruct, fields, name, ftype, value, keep)
        elif ftype.kind == "struct" and isinstance(value, dict):
            fill(ffi.addressof(cstruct[0], name), value, keep, f"{where}.{name}")
            continue
        setattr(cstruct, name, value)


def _fill_array(target, fields, name, ftype, seq, keep):
    """A C array for a pointer field, with its count field set."""
    items = list(seq)
    arr = ffi.new(ftype.item.cname + "[]", max(len(items), 1))
    for i, item in enumerate(items):
        if ftype.item.kind == "struct" and isinstance(item, dict):
            fill(arr + i, item, keep, f"{name}[{i}]")
        else:
            arr[i] = item
    keep.append(arr)
    count = count_field(fields, name)
    if count is not None:
        setattr(target, count, len(items))
    return arr if items else ffi.NULL


# Plurals that are not the singular plus "s".
_SINGULAR = {"premia": "premium"}


def count_field(fields, name: str) -> Optional[str]:
    """The field holding the length of the array field ``name``:
    ``base_count``, ``n_parties``, ``charge_count`` for ``charges``,
    ``premium_count`` for ``premia``, or a block's one ``count``."""
    singular = _SINGULAR.get(name, name[:-1])
    for count in (name + "_count", "n_" + name, singular + "_count", "count"):
        if count in fields:
            return count
    return None


def block(ctype: str, fields: Dict[str, Any], keep: List[Any], where: str = "", out=None):
    """A caller-filled parameter block of ``ctype`` (into ``out`` when
    given): the library's defaults from ``<ctype>_init``, then ``fields``."""
    if out is None:
        out = ffi.new(ctype + " *")
    init = getattr(lib, ctype + "_init")
    rc = init(out, getattr(lib, ctype.upper() + "_VERSION"))
    if rc != lib.IPL_OK:  # the version is the cdef's own: a build mismatch
        raise RuntimeError(f"{ctype}_init refused version ({rc})")
    fill(out, fields, keep, where or ctype[len("ipl_"):])
    return out


def record(cstruct, skip: Iterable[str] = ()) -> Dict[str, Any]:
    """The fields of a C struct as a dict of Python values (the inverse of
    :func:`fill` for scalar fields)."""
    from .money import Money
    out = {}
    for name, field in ffi.typeof(cstruct).fields:
        value, ftype = getattr(cstruct, name), field.type
        if name in skip or _is_version(name, ftype):
            continue
        if ftype.kind == "enum":
            value = enum_name(ftype.cname, value)
        elif _is(ftype, "ipl_money"):
            value = Money.from_c(value)
        elif _is(ftype, "ipl_date"):
            value = to_date(value)
        elif ftype.kind == "pointer" and ftype.item.cname == "char":
            value = opt_string(value)
        elif ftype.kind == "array" and ftype.item.cname == "char":
            value = ffi.string(value).decode("utf-8", "replace")
        elif ftype.kind in ("pointer", "array", "struct"):
            continue
        out[name] = value
    return out


def report_format(name: str) -> int:
    """The ``ipl_report_format`` named "text", "json", "xml", "html" or "csv"."""
    f = ffi.new("ipl_report_format *")
    call(lib.ipl_report_format_from_name, f, name.encode())
    return f[0]


def report_string(fn: Callable, *args) -> str:
    """``fn(&out, &size, *args, err)``: a report as a new C string, copied."""
    out, size = ffi.new("char **"), ffi.new("size_t *")
    call(fn, out, size, *args)
    try:
        return ffi.unpack(out[0], size[0]).decode("utf-8")
    finally:
        lib.ipl_report_string_free(out[0])
