"""Monte Carlo valuation of a bundle of rights under uncertain inputs.

Each right is ``{"income": {...}}`` or ``{"cost": {...}}`` (the fields of
:func:`ipledge.value.income` / :func:`ipledge.value.cost`); each uncertain
input names a right, a field ("discount_rate", "base_scale", "share_scale",
"legal_years", …) and a distribution::

    sim = montecarlo.simulate(
        [{"income": dict(method="relief_from_royalty", base=[1e6] * 10,
                         share=0.05, tax_rate=0.25, discount_rate=0.12,
                         economic_years=10)}],
        [{"right": 0, "field": "discount_rate",
          "dist": {"kind": "normal", "a": 0.12, "b": 0.01}}],
        paths=10_000, seed=1, threads=2)

The simulation runs in C without the GIL, on ``threads`` threads; the
same seed gives the same values whatever the thread count.
"""

from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence

from ._lowlevel import block, call, fill, ffi, lib, new_object


@dataclass(frozen=True)
class Bin:
    """One histogram bin: values in [lower, upper), ``count`` paths."""

    lower: float
    upper: float
    count: int


class Simulation:
    """A finished simulation (immutable)."""

    def __init__(self, handle):
        self._mc = handle

    @property
    def paths(self) -> int:
        return lib.ipl_montecarlo_paths(self._mc)

    @property
    def deterministic(self) -> float:
        """The bundle's value with every input at its base value."""
        return lib.ipl_montecarlo_deterministic(self._mc)

    @property
    def mean(self) -> float:
        return lib.ipl_montecarlo_mean(self._mc)

    @property
    def sd(self) -> float:
        return lib.ipl_montecarlo_sd(self._mc)

    def quantile(self, p: float) -> float:
        """The ``p`` quantile (0..1) of the bundle's value."""
        return lib.ipl_montecarlo_quantile(self._mc, p)

    @property
    def values(self):
        """Every path's value: a numpy array (a copy) when numpy is
        installed, else a list."""
        buf = ffi.unpack(lib.ipl_montecarlo_values(self._mc), self.paths)
        try:
            import numpy as np
        except ImportError:
            return buf
        return np.array(buf)

    @property
    def histogram(self) -> List[Bin]:
        out = []
        for i in range(lib.ipl_montecarlo_bin_count(self._mc)):
            lo, hi, n = ffi.new("double *"), ffi.new("double *"), ffi.new("size_t *")
            call(lib.ipl_montecarlo_bin, lo, hi, n, self._mc, i)
            out.append(Bin(lo[0], hi[0], n[0]))
        return out

    def __repr__(self) -> str:
        return f"<Simulation {self.paths} paths mean={self.mean:.2f}>"


def simulate(rights: Sequence[Dict[str, Dict[str, Any]]],
             inputs: Sequence[Dict[str, Any]] = (),
             correlation: Optional[Sequence[Sequence[float]]] = None,
             **options) -> Simulation:
    """Simulate the bundle's value.  ``options``: paths, seed, threads,
    bins; ``correlation``: a matrix over ``inputs`` (Gaussian copula)."""
    keep: List[Any] = []
    crights = ffi.new("ipl_montecarlo_right[]", max(len(rights), 1))
    for i, right in enumerate(rights):
        for kind in ("income", "cost"):
            if kind in right:
                owned = block("ipl_value_" + kind, right[kind], keep, f"rights[{i}].{kind}")
                keep.append(owned)
                setattr(crights[i], kind, owned)
    cinputs = ffi.new("ipl_montecarlo_input[]", max(len(inputs), 1))
    for i, item in enumerate(inputs):
        fill(cinputs + i, item, keep, f"inputs[{i}]")
    if correlation is not None:
        options["correlation"] = [x for row in correlation for x in row]
    opts = block("ipl_montecarlo_options", options, keep, "options")
    return Simulation(new_object("ipl_montecarlo", lib.ipl_montecarlo_new, lib.ipl_montecarlo_free,
                                 crights, len(rights), cinputs, len(inputs), opts))
