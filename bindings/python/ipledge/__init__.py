"""ipledge: intellectual-property pledge lending, from Python.

A pythonic layer over the ipledge C library: exact money
(:class:`~ipledge.money.Money`), dates as ``datetime.date``, identifiers,
office records, valuation and Monte Carlo, valuation assumptions
documents, pledge decisions and policies, loan, subsidy and compensation
schedules, case files.  Errors raise
:class:`IplError` and its subclasses.
"""

from . import (assumptions, case, compensation, dates, ident, indicators, loan, montecarlo,
               pledge, policy, records, subsidy, value)
from ._lowlevel import (IplConvergenceError, IplError, IplParseError,
                        IplValueError, lib, string)
from .money import Money, currency_exponent

# Once per process, never undone: GSL's default error handler aborts the
# interpreter (a correlation matrix that is not positive definite, say);
# ipl_init() replaces it, and the library reports the error as a status.
lib.ipl_init()

__all__ = ["IplError", "IplValueError", "IplParseError", "IplConvergenceError",
           "Money", "currency_exponent", "version", "version_number", "assumptions", "case",
           "compensation", "dates", "ident", "indicators", "loan", "montecarlo", "pledge",
           "policy", "records", "subsidy", "value"]


def version() -> str:
    """The C library's version string, e.g. "0.1.0"."""
    return string(lib.ipl_version_string())


def version_number() -> int:
    """The C library's version as major·1,000,000 + minor·1,000 + patch."""
    return lib.ipl_version_number()
