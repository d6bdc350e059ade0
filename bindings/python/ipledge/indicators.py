"""Value indicators: a weighted tree of legal, technical and economic
indicators (the shape of GB/T 42748-2023) aggregating leaf scores in
[0, 1] into a score per indicator and a total."""

import datetime
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from ._lowlevel import (call, cstr, ffi, from_date, lib, new_object, opt_string,
                        string)


@dataclass(frozen=True)
class Indicator:
    """One indicator: ``parent`` None for a level-1 indicator."""

    id: str
    parent: Optional[str]
    weight: float
    label: Optional[str] = None


class Tree:
    """A checked indicator tree (immutable)."""

    def __init__(self, handle):
        self._t = handle

    @classmethod
    def new(cls, indicators: Sequence[Indicator]) -> "Tree":
        """Check and copy a tree: ids unique, parents defined, the weights
        of every set of siblings summing to 1."""
        keep: List[Any] = []
        defs = ffi.new("ipl_indicator_def[]", max(len(indicators), 1))
        for d, ind in zip(defs, indicators):
            d.id, d.parent, d.label = (cstr(ind.id, keep), cstr(ind.parent, keep),
                                       cstr(ind.label, keep))
            d.weight = ind.weight
        return cls(new_object("ipl_indicators", lib.ipl_indicators_new,
                              lib.ipl_indicators_free, defs, len(indicators)))

    @classmethod
    def default(cls) -> "Tree":
        """The library's illustrative tree (equal weights; not the
        standard's)."""
        return cls(new_object("ipl_indicators", lib.ipl_indicators_new_default,
                              lib.ipl_indicators_free))

    @property
    def indicators(self) -> List[Indicator]:
        out = []
        for i in range(lib.ipl_indicators_count(self._t)):
            d = lib.ipl_indicators_at(self._t, i)
            out.append(Indicator(string(d.id), opt_string(d.parent) or None, d.weight,
                                 opt_string(d.label)))
        return out

    def score(self, leaves: Mapping[str, float]) -> Tuple[float, Dict[str, float]]:
        """The total and every indicator's score from the leaves' scores."""
        keep: List[Any] = []
        ids = ffi.new("const char *[]", [cstr(k, keep) for k in leaves] or [ffi.NULL])
        vals = ffi.new("double[]", list(leaves.values()) or [0.0])
        n = lib.ipl_indicators_count(self._t)
        total, scores = ffi.new("double *"), ffi.new("double[]", max(n, 1))
        call(lib.ipl_indicators_score, total, scores, self._t, ids, vals, len(leaves))
        return total[0], {ind.id: scores[i] for i, ind in enumerate(self.indicators)}


@dataclass(frozen=True)
class Fact:
    """A leaf score taken from an office record, and what it rests on."""

    id: str
    score: float
    basis: str


def from_record(record, on: datetime.date) -> List[Fact]:
    """The leaves of the default tree that an office record speaks to
    (remaining life, scope, ownership, technical field, market), scored
    by the rules of ``ipl_indicators_from_record``."""
    facts = ffi.new("ipl_indicator_fact[]", lib.IPL_INDICATOR_FACTS_MAX)
    n = call(lib.ipl_indicators_from_record, facts, lib.IPL_INDICATOR_FACTS_MAX,
             record._r, from_date(on))
    return [Fact(string(facts[i].id), facts[i].score, string(facts[i].basis))
            for i in range(n)]
