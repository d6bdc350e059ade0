"""Lending policies: pledge rules, compensation regimes and subsidy rules
read from policy documents (XML, validated against the library's schema),
or from the presets the library ships ("conservative", regional schemes …).
"""

import datetime
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

from ._lowlevel import call, ffi, lib, new_object, record, string, to_date
from .compensation import Regime
from .pledge import Rules


@dataclass(frozen=True)
class Source:
    """A document the policy cites."""

    title: str
    date: Optional[datetime.date]
    ref: str


class Policy:
    """A loaded policy (immutable)."""

    def __init__(self, handle):
        self._p = handle

    @property
    def name(self) -> str:
        return string(lib.ipl_policy_name(self._p))

    @property
    def title(self) -> str:
        return string(lib.ipl_policy_title(self._p))

    @property
    def currency(self) -> str:
        return string(lib.ipl_policy_currency(self._p))

    @property
    def sources(self) -> List[Source]:
        """The documents the policy's figures come from."""
        out = []
        for i in range(lib.ipl_policy_source_count(self._p)):
            date, ref = ffi.new("ipl_date *"), ffi.new("const char **")
            title = string(lib.ipl_policy_source(self._p, i, date, ref))
            out.append(Source(title, to_date(date), string(ref[0])))
        return out

    @property
    def unpublished(self) -> List[Tuple[str, str]]:
        """(what, why) for each figure the sources leave unpublished."""
        out = []
        for i in range(lib.ipl_policy_unpublished_count(self._p)):
            what = ffi.new("const char **")
            why = string(lib.ipl_policy_unpublished(self._p, i, what))
            out.append((string(what[0]), why))
        return out

    @property
    def pledge_rules(self) -> Optional[Rules]:
        """The policy's pledge rules (read-only; ``.copy()`` to change), or
        None when it has none."""
        h = lib.ipl_policy_pledge_rules(self._p)
        return None if h == ffi.NULL else Rules(h, owner=self)

    @property
    def pledge_origin(self) -> str:
        """Where the pledge rules come from (a preset name or "")."""
        return string(lib.ipl_policy_pledge_origin(self._p))

    def compensation(self, weights: Optional[Sequence[int]] = None) -> Regime:
        """The risk-compensation regime; ``weights`` (one per party) where
        the sources leave the shares unpublished."""
        out = Regime()
        w = list(weights or [])
        call(lib.ipl_policy_compensation, self._p,
             ffi.new("int64_t[]", w) if w else ffi.NULL, len(w), out._c)
        return out

    @property
    def bank_cap_share(self) -> Optional[Tuple[float, float]]:
        """The (min, max) share of a bank's yearly cap the policy allows,
        or None."""
        lo, hi = ffi.new("double *"), ffi.new("double *")
        return (lo[0], hi[0]) if lib.ipl_policy_bank_cap_share(self._p, lo, hi) else None

    def subsidies(self, lpr: float) -> List[Tuple[str, Dict[str, Any]]]:
        """(kind, rule fields) of every subsidy, with the one-year LPR
        ``lpr`` (0.0345) in force; the rule fields feed
        :func:`ipledge.subsidy.schedule`."""
        out = []
        for i in range(lib.ipl_policy_subsidy_count(self._p)):
            rule, kind = ffi.new("ipl_subsidy_rule *"), ffi.new("const char **")
            call(lib.ipl_policy_subsidy, self._p, i, lpr, rule, kind)
            out.append((string(kind[0]), record(rule[0])))
        return out

    def __repr__(self) -> str:
        return f"<Policy {self.name}>"


def load(path: str) -> Policy:
    """A policy from an XML file."""
    return Policy(new_object("ipl_policy", lib.ipl_policy_load_file, lib.ipl_policy_free,
                             path.encode()))


def loads(document: str, label: str = "policy") -> Policy:
    """A policy from XML text; errors name ``label``."""
    data = document.encode("utf-8")
    return Policy(new_object("ipl_policy", lib.ipl_policy_load_memory, lib.ipl_policy_free,
                             data, len(data), label.encode()))


def preset(name: str) -> Policy:
    """One of the library's preset policies (see :func:`presets`)."""
    return Policy(new_object("ipl_policy", lib.ipl_policy_preset, lib.ipl_policy_free,
                             name.encode()))


def presets() -> List[str]:
    """The names of the preset policies."""
    return [string(lib.ipl_policy_preset_name(i)) for i in range(lib.ipl_policy_preset_count())]


def preset_document(name: str) -> str:
    """A preset's XML document, to read or adapt."""
    size = ffi.new("size_t *")
    p = lib.ipl_policy_preset_document(name.encode(), size)
    if p == ffi.NULL:
        raise KeyError(name)
    return ffi.unpack(p, size[0]).decode("utf-8")


def schema() -> str:
    """The XML Schema policy documents are validated against."""
    size = ffi.new("size_t *")
    return ffi.unpack(lib.ipl_policy_schema(size), size[0]).decode("utf-8")
