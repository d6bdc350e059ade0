"""Identifiers: normalisation and check characters."""

import pytest

from ipledge import IplValueError, ident


def test_cn_application_check_digit():
    # CNIPA check digit, weights 2,3,4,5,6,7,8,9,2,3,4,5 over 202310123456:
    # 4+0+8+15+6+0+8+18+6+12+20+30 = 127, and 127 mod 11 = 6.
    i = ident.parse("CN202310123456.6", "cn_application")
    assert i.canonical == "202310123456.6"
    assert i.check == "6" and i.year == 2023
    with pytest.raises(IplValueError) as e:
        ident.parse("CN202310123456.7", "cn_application")
    assert e.value.where == "text"


def test_ipc_symbol_parts():
    i = ident.parse("H01L 21/02", "ipc")
    assert (i.section, i.class_number, i.subclass, i.main_group, i.subgroup) == \
        ("H", 1, "L", 21, "02")
    assert str(i) == "H01L 21/02"


def test_unknown_type():
    with pytest.raises(IplValueError):
        ident.parse("x", "no_such_type")
