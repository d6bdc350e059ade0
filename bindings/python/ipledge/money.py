"""Exact money: integer minor units and a currency, never a float.

``Money(12345, "CNY")`` is 123.45 yuan.  Arithmetic goes through the C
library, so overflow and inexact results raise instead of rounding
silently; every rounding names its mode ("half_even", "half_up", "down",
"up", "never"; "default" is half-even).
"""

import decimal
from dataclasses import dataclass
from typing import List, Sequence, Union

from ._lowlevel import call, enum_value, ffi, lib, string

Rounding = Union[str, int]


def rounding(mode: Rounding) -> int:
    """The C ``ipl_rounding`` for a mode name."""
    return enum_value("ipl_rounding", mode, "rounding")


@dataclass(frozen=True, order=False)
class Money:
    """An amount of ``minor`` units (cents, fen, …) of ISO 4217 ``currency``."""

    minor: int
    currency: str

    # ------------------------------------------------------------ making
    @classmethod
    def from_c(cls, m) -> "Money":
        """Copy a C ``ipl_money``."""
        return cls(int(m.minor), ffi.string(m.currency).decode("ascii"))

    @classmethod
    def coerce(cls, value) -> "Money":
        """``value`` if it is Money; a (amount, currency) pair is parsed
        exactly."""
        if isinstance(value, Money):
            return value
        amount, currency = value
        return cls.of(amount, currency)

    @classmethod
    def of(cls, amount: Union[decimal.Decimal, int, str], currency: str,
           mode: Rounding = "never") -> "Money":
        """Money from a major-unit amount (``Decimal``, ``int`` or decimal
        text such as "1234.56"); ``mode`` rounds excess digits ("never":
        they raise IplValueError).  Floats are refused: see
        :meth:`from_float`."""
        if isinstance(amount, float):
            raise TypeError("Money.of takes Decimal, int or str; use Money.from_float "
                            "for model quantities")
        text = format(decimal.Decimal(amount), "f") if not isinstance(amount, str) else amount
        out = ffi.new("ipl_money *")
        call(lib.ipl_money_parse, out, text.encode(), currency.encode(), rounding(mode))
        return cls.from_c(out)

    @classmethod
    def parse(cls, text: str, currency: str, mode: Rounding = "never") -> "Money":
        """Parse decimal text ("1234.56", "-0.5") in ``currency``."""
        return cls.of(text, currency, mode)

    @classmethod
    def from_float(cls, value: float, currency: str, mode: Rounding = "half_even") -> "Money":
        """Money from a model quantity (a present value, say), rounded
        explicitly: the one crossing from float to money."""
        out = ffi.new("ipl_money *")
        call(lib.ipl_money_from_double, out, float(value), currency.encode(), rounding(mode))
        return cls.from_c(out)

    def __post_init__(self):
        out = ffi.new("ipl_money *")
        call(lib.ipl_money_from_minor, out, self.minor, self.currency.encode())

    # ------------------------------------------------------------ reading
    def c_init(self):
        """An initialiser for a C ``ipl_money``."""
        return (self.minor, self.currency.encode())

    def _c(self):
        return ffi.new("ipl_money *", self.c_init())

    @property
    def exponent(self) -> int:
        """Decimal places of the currency's minor unit (2 for CNY, 0 for JPY)."""
        return lib.ipl_currency_exponent(self.currency.encode())

    @property
    def amount(self) -> decimal.Decimal:
        """The exact amount in major units."""
        return decimal.Decimal(self.minor).scaleb(-self.exponent)

    def to_float(self) -> float:
        """The amount as a float, for models and plots only."""
        return lib.ipl_money_to_double(self._c())

    def format(self, group: bool = False, code: bool = False) -> str:
        """Text such as "CNY 1,234.56" (``group`` thousands, prefix the ``code``)."""
        buf = ffi.new("char[]", lib.ipl_money_format_max())
        flags = (lib.IPL_MONEY_FORMAT_GROUP if group else 0) | \
                (lib.IPL_MONEY_FORMAT_CODE if code else 0)
        call(lib.ipl_money_format, buf, len(buf), self._c(), flags)
        return string(buf)

    def __str__(self) -> str:
        return self.format(code=True)

    # ------------------------------------------------------------ arithmetic
    def _binary(self, fn, other: "Money") -> "Money":
        if not isinstance(other, Money):
            return NotImplemented
        out = ffi.new("ipl_money *")
        call(fn, out, self._c(), other._c())
        return Money.from_c(out)

    def __add__(self, other: "Money") -> "Money":
        return self._binary(lib.ipl_money_add, other)

    def __sub__(self, other: "Money") -> "Money":
        return self._binary(lib.ipl_money_sub, other)

    def __neg__(self) -> "Money":
        return Money(0, self.currency) - self

    def _key(self, other: "Money"):
        if not isinstance(other, Money) or other.currency != self.currency:
            raise TypeError(f"cannot compare {self.currency} with {other!r}")
        return self.minor, other.minor

    def __lt__(self, other: "Money") -> bool:
        a, b = self._key(other)
        return a < b

    def __le__(self, other: "Money") -> bool:
        a, b = self._key(other)
        return a <= b

    def __gt__(self, other: "Money") -> bool:
        a, b = self._key(other)
        return a > b

    def __ge__(self, other: "Money") -> bool:
        a, b = self._key(other)
        return a >= b

    def mul_rate(self, rate: float, mode: Rounding) -> "Money":
        """This amount times a model ``rate`` (0.035 for 3.5 %), rounded."""
        out = ffi.new("ipl_money *")
        call(lib.ipl_money_mul_rate, out, self._c(), float(rate), rounding(mode))
        return Money.from_c(out)

    def mul_ratio(self, num: int, den: int, mode: Rounding) -> "Money":
        """This amount times the exact fraction ``num / den``, rounded."""
        out = ffi.new("ipl_money *")
        call(lib.ipl_money_mul_ratio, out, self._c(), num, den, rounding(mode))
        return Money.from_c(out)

    def split(self, weights: Sequence[int]) -> List["Money"]:
        """Parts proportional to integer ``weights`` that add up exactly to
        this amount (largest remainder)."""
        n = len(weights)
        parts = ffi.new("ipl_money[]", max(n, 1))
        call(lib.ipl_money_split, parts, self._c(), ffi.new("int64_t[]", list(weights) or [0]), n)
        return [Money.from_c(parts[i]) for i in range(n)]


def currency_exponent(code: str) -> int:
    """Minor-unit digits of ISO 4217 ``code``; IplValueError when unknown."""
    call(lib.ipl_currency_check, code.encode())
    return lib.ipl_currency_exponent(code.encode())
