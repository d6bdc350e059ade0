"""Patent, trademark and classification identifiers.

``parse("CN202310123456.7", "cn_application")`` validates and normalises
text as one type ("cn_application", "us_patent", "ep_publication", "ipc",
"cpc", "nice", "eutm", … : the ``ipl_ident_type`` names without prefix).
"""

from dataclasses import dataclass
from ._lowlevel import call, enum_value, ffi, lib, record


@dataclass(frozen=True)
class Ident:
    """A parsed identifier: its ``type`` and ``canonical`` form, and the
    parts that apply to its type (empty or 0 otherwise)."""

    type: str
    canonical: str
    alternate: str
    office: str
    kind: str
    series: str
    serial: str
    check: str
    section: str
    year: int
    class_number: int
    subclass: str
    main_group: int
    subgroup: str
    version: str

    def __str__(self) -> str:
        return self.canonical


def parse(text: str, type: str) -> Ident:
    """Parse ``text`` as an identifier of ``type``."""
    out = ffi.new("ipl_ident *")
    call(lib.ipl_ident_parse, out, enum_value("ipl_ident_type", type, "type"),
         text.encode())
    return from_c(out)


def from_c(p) -> Ident:
    """An :class:`Ident` from a filled C ``ipl_ident``."""
    fields = record(p[0])
    for single in ("check", "section"):      # one char, NUL when absent
        fields[single] = fields[single].decode() if fields[single] != b"\0" else ""
    return Ident(**fields)


def kind_of(text: str, type: str) -> str:
    """The WIPO ST.16 kind code of a publication number ("B1", "A"…)."""
    buf = ffi.new("char[]", lib.IPL_IDENT_KIND_SIZE)
    call(lib.ipl_ident_parse_kind, buf, len(buf),
         enum_value("ipl_ident_type", type, "type"), text.encode())
    return ffi.string(buf).decode()


def type_name(type: str) -> str:
    """The library's display name of an identifier type."""
    return ffi.string(lib.ipl_ident_type_name(enum_value("ipl_ident_type", type))).decode()


__all__ = ["Ident", "parse", "kind_of", "type_name"]
