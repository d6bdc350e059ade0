"""Risk compensation of defaulted pledge loans: who bears the loss.

A :class:`Regime` (from a policy, or built here) says how a loss is shared
among the parties (a compensation fund, the lender, guarantors …) by tier,
with caps and pre-compensation.  :func:`settle` applies it to one claim
and returns the statement, each party's share and the dated cash flows,
all exact money whose parts add up to the totals.  :func:`simulate`
estimates a fund's payouts over a portfolio.
"""

import datetime
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Tuple

from . import _frames
from ._lowlevel import (block, call, enum_name, enum_value, fill, ffi, lib,
                        new_object, record, report_format, report_string)
from .money import Money


class Regime:
    """A compensation regime (an ``ipl_compensation_regime``).

    ``parties`` are (name, role) pairs, role "fund", "lender" or "other";
    ``tiers`` are (up_to, shares) pairs, ``up_to`` the tier's upper bound
    as Money (zero: no bound), ``shares`` in basis points per party
    (summing to 10,000).  Other fields by name: cover, cap_covered_per_loan,
    cap_payout_per_loan, cap_borrower_year, cap_bank_year,
    cap_bank_year_fraction, min_ip_share, timing, prepay_fraction,
    prepay_delay_months, rounding."""

    def __init__(self, parties: Sequence[Tuple[str, str]] = (),
                 tiers: Sequence[Tuple[Money, Sequence[int]]] = (), **fields):
        self._keep: List[Any] = []
        self._c = block("ipl_compensation_regime", fields, self._keep)
        if len(parties) > lib.IPL_COMPENSATION_MAX_PARTIES or len(tiers) > lib.IPL_COMPENSATION_MAX_TIERS:
            raise ValueError("too many parties or tiers")
        for i, (name, role) in enumerate(parties):
            self._c.parties[i].name = name.encode()
            self._c.parties[i].role = enum_value("ipl_compensation_role", role, f"parties[{i}].role")
        self._c.n_parties = len(parties) or self._c.n_parties
        for i, (up_to, shares) in enumerate(tiers):
            self._c.tiers[i].up_to = up_to.c_init()
            self._c.tiers[i].shares = list(shares)
        self._c.n_tiers = len(tiers) or self._c.n_tiers

    @property
    def parties(self) -> List[Tuple[str, str]]:
        return [(ffi.string(p.name).decode(), enum_name("ipl_compensation_role", p.role))
                for p in list(self._c.parties)[:self._c.n_parties]]

    @property
    def tiers(self) -> List[Tuple[Money, List[int]]]:
        return [(Money.from_c(t.up_to), list(t.shares)[:self._c.n_parties])
                for t in list(self._c.tiers)[:self._c.n_tiers]]

    @property
    def fields(self) -> Dict[str, Any]:
        """The scalar fields."""
        return record(self._c[0], skip=("n_parties", "n_tiers"))

    def set(self, **fields) -> None:
        """Change scalar fields (a caller's share of a bank cap, say)."""
        fill(self._c, fields, self._keep, "regime")

    def __repr__(self) -> str:
        return f"<Regime {self.parties}>"


@dataclass(frozen=True)
class Statement:
    """How a claim's loss is measured and capped."""

    outstanding_principal: Money
    outstanding_interest: Money
    net_recovery: Money
    principal_loss: Money
    interest_loss: Money
    loss: Money
    covered: Money
    capped: Money
    tier: int
    prepay_date: Optional[datetime.date]
    settlement_date: Optional[datetime.date]


@dataclass(frozen=True)
class PartyShare:
    """One party's part of the loss (``share_bp`` basis points)."""

    name: str
    role: str
    share_bp: int
    final: Money
    prepaid: Money
    settlement: Money


@dataclass(frozen=True)
class Flow:
    """A dated payment to or from party number ``party``."""

    date: datetime.date
    party: int
    kind: str
    amount: Money


class Settlement:
    """The result of :func:`settle` (immutable)."""

    def __init__(self, handle, regime: Regime):
        # party names may be borrowed from the regime: keep it alive
        self._h, self._regime = handle, regime

    @property
    def statement(self) -> Statement:
        return Statement(**record(lib.ipl_compensation_statement_get(self._h)[0]))

    @property
    def shares(self) -> List[PartyShare]:
        return [PartyShare(**record(lib.ipl_compensation_share_get(self._h, i)[0]))
                for i in range(lib.ipl_compensation_share_count(self._h))]

    @property
    def flows(self) -> List[Flow]:
        return [Flow(**record(lib.ipl_compensation_flow_get(self._h, i)[0]))
                for i in range(lib.ipl_compensation_flow_count(self._h))]

    def flows_array(self):
        """The flows as a numpy structured array (amounts in minor units)."""
        return _frames.array(self.flows, Flow)

    def flows_frame(self):
        """The flows as a pandas DataFrame (amounts as Decimal)."""
        return _frames.frame(self.flows, Flow)

    def report(self, format: str = "text") -> str:
        """The settlement as ``ipledge compensate`` prints it: "text", "csv",
        "xml" or "json" (amounts as exact decimal strings)."""
        return report_string(lib.ipl_report_compensation_string, self._h,
                             report_format(format))


def settle(regime: Regime, **claim) -> Settlement:
    """Settle one defaulted loan under ``regime``.  ``claim`` holds the
    ``ipl_compensation_claim`` fields: npl_date, outstanding_principal,
    outstanding_interest, borrower_balance, ip_share, recoveries (dicts of
    date, proceeds, costs), settlement_date, used_borrower_year,
    used_bank_year, bank_new_loans, fund_limited, fund_balance."""
    keep: List[Any] = []
    c = block("ipl_compensation_claim", claim, keep, "claim")
    return Settlement(new_object("ipl_compensation", lib.ipl_compensation_new,
                                 lib.ipl_compensation_free, regime._c, c), regime)


@dataclass(frozen=True)
class SimResult:
    """A fund's simulated payouts (currency units) over the years."""

    expected_payout: float
    p95_payout: float
    prob_exhaustion: float
    leverage: float
    scenarios: int


def simulate(regime: Regime, loans: Sequence[Dict[str, Any]], **options) -> SimResult:
    """Simulate defaults over a portfolio (dicts of principal, pd, lgd,
    ip_share) under ``regime``; ``options`` are seed, scenarios, years,
    fund_balance, threads.  Runs without the GIL."""
    keep: List[Any] = []
    arr = ffi.new("ipl_compensation_exposure[]", max(len(loans), 1))
    for i, loan in enumerate(loans):
        fill(arr + i, loan, keep, f"loans[{i}]")
    opts = block("ipl_compensation_sim_options", options, keep, "options")
    out = ffi.new("ipl_compensation_sim_result *")
    call(lib.ipl_compensation_simulate, out, arr, len(loans), regime._c, opts)
    return SimResult(**record(out[0]))
