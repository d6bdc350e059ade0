"""Status codes map to exceptions that carry the library's details."""

import pytest

import ipledge
from ipledge import IplError, IplParseError, IplValueError, _lowlevel, records
from ipledge._lowlevel import ffi, lib


def _err(code, where="x", msg="m", line=0, column=0):
    e = ffi.new("ipl_error *")
    e.code, e.line, e.column = code, line, column
    e.where, e.message = where.encode(), msg.encode()
    return e


@pytest.mark.parametrize("code,cls", [
    (lib.IPL_EINVAL, IplValueError), (lib.IPL_ERANGE, IplValueError),
    (lib.IPL_EINEXACT, IplValueError), (lib.IPL_EOVERFLOW, IplValueError),
    (lib.IPL_EVERSION, IplValueError), (lib.IPL_ENOCONVERGE, ipledge.IplConvergenceError),
    (lib.IPL_ERROR, IplError), (lib.IPL_ENOMEM, MemoryError)])
def test_mapping(code, cls):
    with pytest.raises(cls) as e:
        _lowlevel.check(code, _err(code))
    if cls is not MemoryError:
        assert e.value.code == code and e.value.where == "x" and e.value.message == "m"


def test_value_errors_are_value_errors():
    assert issubclass(IplValueError, ValueError) and issubclass(IplValueError, IplError)
    assert issubclass(IplParseError, ValueError)
    assert _lowlevel.check(3, _err(0)) == 3


def test_parse_error_carries_file_line_column():
    with pytest.raises(IplParseError) as e:
        next(records.from_bytes(b"<?xml version='1.0'?>\n<a>\n  <b></a>", "bad.xml"))
    assert e.value.file == "bad.xml"
    assert e.value.line == 3 and e.value.column > 0
    assert str(e.value).startswith("bad.xml:3:")


def test_unknown_enum_names_and_fields():
    with pytest.raises(IplValueError) as e:
        ipledge.Money(1, "CNY").mul_rate(0.1, "sideways")
    assert "half_even" in str(e.value)
    with pytest.raises(IplValueError) as e:
        ipledge.value.income(no_such_field=1)
    assert "no_such_field" in str(e.value)


def test_gsl_errors_raise_instead_of_aborting():
    # ipledge's import runs ipl_init(), which replaces GSL's aborting
    # handler: a correlation matrix that is not positive definite is an
    # exception, not the end of the interpreter.
    from ipledge import montecarlo
    right = {"income": dict(base_first=1000, share=0.2, discount_rate=0.1,
                            economic_years=5)}
    inputs = [{"right": 0, "field": f, "dist": {"kind": "normal", "a": a, "b": b}}
              for f, a, b in (("base_scale", 1, 0.1), ("share_scale", 1, 0.1),
                              ("discount_rate", 0.1, 0.01))]
    with pytest.raises(IplValueError) as e:
        montecarlo.simulate([right], inputs, [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]],
                            paths=100)
    assert e.value.where == "correlation"
