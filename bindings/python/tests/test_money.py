"""Money: exact amounts, named roundings, conservation."""

from decimal import Decimal

import pytest

from ipledge import IplValueError, Money, currency_exponent


def test_of_and_amount_are_exact():
    m = Money.of("1234.56", "CNY")
    assert m == Money(123456, "CNY")
    assert m.amount == Decimal("1234.56")
    assert Money.of(Decimal("0.1"), "CNY") + Money.of(Decimal("0.2"), "CNY") == Money.of("0.3", "CNY")
    assert Money.of(500, "JPY").amount == Decimal(500)
    assert Money.of("1.005", "BHD").minor == 1005          # three-decimal dinar


def test_floats_are_refused():
    with pytest.raises(TypeError):
        Money.of(0.1, "CNY")


def test_excess_digits_raise_unless_rounded():
    with pytest.raises(IplValueError) as e:
        Money.of("1.005", "CNY")
    assert e.value.where and e.value.name == "IPL_EINEXACT"
    assert Money.of("1.005", "CNY", "half_even") == Money(100, "CNY")
    assert Money.of("1.005", "CNY", "half_up") == Money(101, "CNY")


def test_format():
    m = Money.of("-1234567.8", "CNY")
    assert m.format() == "-1234567.80"
    assert m.format(group=True, code=True) == "CNY -1,234,567.80"


def test_mul_rate_and_ratio_round_as_told():
    m = Money(1000, "CNY")                 # 10.00 × 3.5 % = 0.35 exactly
    assert m.mul_rate(0.035, "half_even") == Money(35, "CNY")
    assert Money(100, "CNY").mul_ratio(1, 3, "down") == Money(33, "CNY")
    assert Money(100, "CNY").mul_ratio(2, 3, "half_up") == Money(67, "CNY")
    with pytest.raises(IplValueError):
        Money(100, "CNY").mul_ratio(1, 3, "never")


def test_split_conserves_the_total():
    parts = Money(100, "CNY").split([1, 1, 1])
    assert sum(p.minor for p in parts) == 100
    assert sorted(p.minor for p in parts) == [33, 33, 34]


def test_overflow_and_currency_mismatch():
    big = Money(2 ** 63 - 1, "CNY")
    with pytest.raises(IplValueError) as e:
        big + Money(1, "CNY")
    assert e.value.name == "IPL_EOVERFLOW"
    with pytest.raises(IplValueError):
        Money(1, "CNY") + Money(1, "USD")
    with pytest.raises(TypeError):
        Money(1, "CNY") < Money(1, "USD")


def test_from_float_is_the_explicit_crossing():
    assert Money.from_float(1234.565, "CNY", "half_up").minor in (123456, 123457)
    assert Money.from_float(0.125, "CNY", "half_even") == Money(12, "CNY")


def test_unknown_currency():
    with pytest.raises(IplValueError) as e:
        Money(1, "XQZ")
    assert e.value.where == "currency"
    assert currency_exponent("JPY") == 0
