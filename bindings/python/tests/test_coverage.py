"""Every exported ipl_ function (tests/ipledge.sym) is declared in the
cdef and used by the package, or deliberately not wrapped."""

import glob
import os
import re

import ipledge
from ipledge import indicators
from ipledge._lowlevel import lib

PACKAGE = os.path.dirname(ipledge.__file__)

# name -> why Python has no wrapper of its own
NOT_WRAPPED = {
    "ipl_appraisal_case": "an Appraisal holds the case it was given",
    "ipl_report_appraisal": "Appraisal.report returns the same bytes as one string "
                            "(ipl_report_appraisal_string); a sink per chunk gains "
                            "nothing in Python",
    "ipl_report_value": "valuation_report returns the same bytes as one string "
                        "(ipl_report_value_string)",
    "ipl_report_loan": "loan.Schedule.report returns the same bytes as one string "
                       "(ipl_report_loan_string)",
    "ipl_report_subsidy": "subsidy.Schedule.report returns the same bytes as one string "
                          "(ipl_report_subsidy_string)",
    "ipl_report_compensation": "Settlement.report returns the same bytes as one string "
                               "(ipl_report_compensation_string)",
    "ipl_report_pledge": "Decision.report returns the same bytes as one string "
                         "(ipl_report_pledge_string)",
    "ipl_alloc_set": "a process-wide allocator cannot safely be Python code; "
                     "the interpreter's own allocator hooks cover tracing",
    "ipl_shutdown": "would invalidate objects Python still holds",
    "ipl_error_clear": "each call gets a fresh ipl_error",
    "ipl_error_format": "exceptions format themselves from code, where and message",
    "ipl_error_message_max": "the cdef sizes ipl_error from the header",
    "ipl_error_where_max": "the cdef sizes ipl_error from the header",
    "ipl_date_from_ymd": "datetime.date validates and builds dates",
    "ipl_date_is_valid": "datetime.date validates dates",
    "ipl_date_format": "datetime.date.isoformat",
    "ipl_date_compare": "datetime.date comparisons",
    "ipl_date_days_between": "datetime.date subtraction",
    "ipl_date_add_days": "datetime.date + datetime.timedelta",
    "ipl_date_is_leap_year": "calendar.isleap",
    "ipl_date_days_in_month": "calendar.monthrange",
    "ipl_daycount_name": "enums are exchanged by their short names",
    "ipl_right_type_name": "enums are exchanged by their short names",
    "ipl_right_type_from_name": "enums are exchanged by their short names",
    "ipl_legal_status_name": "enums are exchanged by their short names",
    "ipl_legal_status_from_name": "enums are exchanged by their short names",
    "ipl_loan_method_name": "enums are exchanged by their short names",
    "ipl_loan_method_from_name": "enums are exchanged by their short names",
    "ipl_loan_frequency_from_name": "enums are exchanged by their short names",
    "ipl_value_method_from_name": "enums are exchanged by their short names",
    "ipl_value_reason_name": "enums are exchanged by their short names",
    "ipl_parse_format_from_name": "enums are exchanged by their short names",
}


def _exported(srcdir):
    with open(os.path.join(srcdir, "tests", "ipledge.sym"), encoding="ascii") as f:
        return [line.strip() for line in f if line.strip()]


def _package_source():
    text = ""
    for path in glob.glob(os.path.join(PACKAGE, "*.py")):
        with open(path, encoding="utf-8") as f:
            text += f.read()
    return text


def _reached(name, source):
    """Called as lib.<name>, or a block's _init called through block()."""
    if re.search(r"\blib\." + name + r"\b", source):
        return True
    m = re.fullmatch(r"(ipl_\w+)_init", name)
    return bool(m and re.search(r'block\(\s*"' + m.group(1) + '"', source))


def test_every_symbol_is_declared(srcdir):
    names = _exported(srcdir)
    assert len(names) > 150
    missing = [n for n in names if not hasattr(lib, n)]
    assert not missing, f"not in ipledge_cdef.h (run make_cdef.py): {missing}"


def test_every_symbol_is_wrapped_or_listed(srcdir):
    source = _package_source()
    names = _exported(srcdir)
    unreached = [n for n in names if not _reached(n, source) and n not in NOT_WRAPPED]
    assert not unreached, f"neither wrapped nor in NOT_WRAPPED: {unreached}"
    stale = [n for n in NOT_WRAPPED if n not in names or _reached(n, source)]
    assert not stale, f"NOT_WRAPPED lists names that are wrapped or gone: {stale}"


def test_version():
    assert ipledge.version().count(".") == 2
    major, minor, patch = map(int, ipledge.version().split("."))
    assert ipledge.version_number() == major * 1000000 + minor * 1000 + patch


def test_indicators():
    tree = indicators.Tree.default()
    level1 = [i for i in tree.indicators if i.parent is None]
    assert {i.id for i in level1} == {"legal", "technical", "economic"}
    leaves = {i.id for i in tree.indicators} - {i.parent for i in tree.indicators}
    total, scores = tree.score({leaf: 1.0 for leaf in leaves})
    assert abs(total - 1.0) < 1e-12 and abs(scores["legal"] - 1.0) < 1e-12
    # by hand: two leaves weighted 0.25/0.75 under one root scored 0.8, 0.4
    t = indicators.Tree.new([indicators.Indicator("a", None, 1.0),
                             indicators.Indicator("a.x", "a", 0.25),
                             indicators.Indicator("a.y", "a", 0.75)])
    total, scores = t.score({"a.x": 0.8, "a.y": 0.4})
    assert abs(total - 0.5) < 1e-12 and abs(scores["a"] - 0.5) < 1e-12
    try:
        indicators.Tree.new([indicators.Indicator("a", None, 0.5)])
    except ipledge.IplValueError as e:
        assert e.where
    else:
        raise AssertionError("siblings not summing to 1 were accepted")
