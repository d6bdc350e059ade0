# The Python bindings (included by Makefile.am).
#
# The package's Python files are copied into bindings/python/pkg/ipledge
# next to the cffi extension compiled there against the just-built
# libipledge.so (found at run time through its RUNPATH, or
# LD_LIBRARY_PATH in the tests); pytest then runs over that tree.
# `pip install bindings/python` builds the same extension against an
# installed library instead (setup.py).

IPL_PY_MODULES = \
	bindings/python/ipledge/__init__.py \
	bindings/python/ipledge/_frames.py \
	bindings/python/ipledge/_lowlevel.py \
	bindings/python/ipledge/appraisal.py \
	bindings/python/ipledge/assumptions.py \
	bindings/python/ipledge/case.py \
	bindings/python/ipledge/compensation.py \
	bindings/python/ipledge/dates.py \
	bindings/python/ipledge/ident.py \
	bindings/python/ipledge/indicators.py \
	bindings/python/ipledge/loan.py \
	bindings/python/ipledge/money.py \
	bindings/python/ipledge/montecarlo.py \
	bindings/python/ipledge/pledge.py \
	bindings/python/ipledge/policy.py \
	bindings/python/ipledge/py.typed \
	bindings/python/ipledge/records.py \
	bindings/python/ipledge/subsidy.py \
	bindings/python/ipledge/value.py
IPL_PY_TESTS = \
	bindings/python/tests/conftest.py \
	bindings/python/tests/test_appraisal.py \
	bindings/python/tests/test_assumptions.py \
	bindings/python/tests/test_case.py \
	bindings/python/tests/test_compensation.py \
	bindings/python/tests/test_coverage.py \
	bindings/python/tests/test_dates.py \
	bindings/python/tests/test_errors.py \
	bindings/python/tests/test_ident.py \
	bindings/python/tests/test_loan.py \
	bindings/python/tests/test_money.py \
	bindings/python/tests/test_pledge.py \
	bindings/python/tests/test_reports.py \
	bindings/python/tests/test_records.py \
	bindings/python/tests/test_threads.py \
	bindings/python/tests/test_value.py
EXTRA_DIST += $(IPL_PY_MODULES) $(IPL_PY_TESTS) \
	bindings/python/_ipledge_build.py \
	bindings/python/ipledge_cdef.h \
	bindings/python/make_cdef.py \
	bindings/python/MANIFEST.in \
	bindings/python/setup.py \
	bindings/python/run-pytest.sh \
	tests/bench/bench_value_python.py
dist_doc_DATA += doc/python.md

if IPL_PYTHON
IPL_PY_BUILD = bindings/python/pkg
noinst_DATA = $(IPL_PY_BUILD)/ipledge.stamp
$(IPL_PY_BUILD)/ipledge.stamp: lib/libipledge.la $(IPL_PY_MODULES) \
		bindings/python/ipledge_cdef.h bindings/python/_ipledge_build.py
	$(AM_V_GEN)rm -rf $(IPL_PY_BUILD) && $(MKDIR_P) $(IPL_PY_BUILD)/ipledge && \
	for f in $(IPL_PY_MODULES); do cp "$(srcdir)/$$f" $(IPL_PY_BUILD)/ipledge/ || exit 1; done && \
	cd $(IPL_PY_BUILD) && IPL_PYTHON_BUILDDIR=. \
	  IPL_INCLUDE_DIRS='$(abs_top_srcdir)/include:$(abs_top_builddir)/include' \
	  IPL_LIBRARY_DIRS='$(abs_top_builddir)/lib/.libs' \
	  $(PYTHON3) '$(abs_top_srcdir)/bindings/python/_ipledge_build.py' && \
	touch ipledge.stamp
mostlyclean-local:
	rm -rf $(IPL_PY_BUILD)

IPL_SCRIPT_TESTS += bindings/python/run-pytest.sh

# make bench-python: ipl_value_income_batch from Python against numpy.
IPL_BENCH_TARGETS += bench-python
bench-python: $(IPL_PY_BUILD)/ipledge.stamp
	PYTHONPATH='$(abs_top_builddir)/$(IPL_PY_BUILD)' \
	LD_LIBRARY_PATH='$(abs_top_builddir)/lib/.libs' \
	$(PYTHON3) $(srcdir)/tests/bench/bench_value_python.py $(IPL_BENCH_PYTHON_ARGS)
endif
