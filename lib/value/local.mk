# Valuation: income, cost and market approaches, Monte Carlo (GSL).
# Included by Makefile.am.

lib_libipledge_internal_la_SOURCES += \
	lib/value/value_internal.h \
	lib/value/cost.c \
	lib/value/dist.c \
	lib/value/exp.c \
	lib/value/income.c \
	lib/value/income_batch.c \
	lib/value/income_check.c \
	lib/value/income_eval.c \
	lib/value/indicators.c \
	lib/value/indicators_record.c \
	lib/value/init.c \
	lib/value/kernel.c \
	lib/value/market.c \
	lib/value/rng.c lib/value/rng_internal.h lib/value/ziggurat.c \
	lib/value/montecarlo.c lib/value/montecarlo_internal.h \
	lib/value/montecarlo_result.c \
	lib/value/names.c \
	lib/value/result.c \
	lib/value/share.c \
	lib/value/tab.c \
	lib/value/text.c
ipledgeinclude_HEADERS += include/ipledge/value.h include/ipledge/montecarlo.h \
	include/ipledge/indicators.h

# -- assumptions documents (assumptions.h): the reader of `ipledge value`'s
#    input, with valuation.xsd compiled in.
lib_libipledge_internal_la_SOURCES += \
	lib/value/assumptions.c \
	lib/value/assumptions_eval.c \
	lib/value/assumptions_internal.h \
	lib/value/assumptions_lines.c \
	lib/value/assumptions_number.c \
	lib/value/assumptions_read.c \
	lib/value/assumptions_rights.c \
	lib/value/assumptions_simulation.c
lib_libipledge_internal_la_CPPFLAGS += -I$(top_srcdir)/lib/value
ipledgeinclude_HEADERS += include/ipledge/assumptions.h

nodist_lib_libipledge_internal_la_SOURCES += lib/value/assumptions-schema.c
lib/value/assumptions-schema.c: lib/core/embed.sh lib/value/valuation.xsd
	$(AM_V_GEN)$(MKDIR_P) lib/value && \
	$(SHELL) $(srcdir)/lib/core/embed.sh $(srcdir)/lib/value/valuation.xsd \
	    assumptions_internal.h ipl__assumptions_xsd > $@-t && mv $@-t $@
CLEANFILES += lib/value/assumptions-schema.c

IPL_SUITES += tests/check_assumptions
tests_check_assumptions_SOURCES = tests/check_assumptions.c
tests_check_assumptions_CPPFLAGS = $(IPL_TEST_CPPFLAGS) \
	-DIPL_VALUATION_XSD='"$(abs_top_srcdir)/lib/value/valuation.xsd"'
tests_check_assumptions_CFLAGS = $(IPL_TEST_CFLAGS)
tests_check_assumptions_LDADD = $(IPL_TEST_LDADD)

IPL_SUITES += tests/check_value_income
tests_check_value_income_SOURCES = tests/check_value_income.c
tests_check_value_income_CPPFLAGS = $(IPL_TEST_CPPFLAGS)
tests_check_value_income_CFLAGS = $(IPL_TEST_CFLAGS)
tests_check_value_income_LDADD = $(IPL_TEST_LDADD)

IPL_SUITES += tests/check_value_cost
tests_check_value_cost_SOURCES = tests/check_value_cost.c
tests_check_value_cost_CPPFLAGS = $(IPL_TEST_CPPFLAGS)
tests_check_value_cost_CFLAGS = $(IPL_TEST_CFLAGS)
tests_check_value_cost_LDADD = $(IPL_TEST_LDADD)

IPL_SUITES += tests/check_value_montecarlo
tests_check_value_montecarlo_SOURCES = tests/check_value_montecarlo.c
tests_check_value_montecarlo_CPPFLAGS = $(IPL_TEST_CPPFLAGS)
tests_check_value_montecarlo_CFLAGS = $(IPL_TEST_CFLAGS)
tests_check_value_montecarlo_LDADD = $(IPL_TEST_LDADD)

# The Monte Carlo generator against GSL's taus2 and the normal's closed forms.
IPL_SUITES += tests/check_value_rng
tests_check_value_rng_SOURCES = tests/check_value_rng.c
tests_check_value_rng_CPPFLAGS = $(IPL_TEST_CPPFLAGS) -I$(top_srcdir)/lib/value
tests_check_value_rng_CFLAGS = $(IPL_TEST_CFLAGS)
tests_check_value_rng_LDADD = $(IPL_TEST_LDADD)

# The assumptions schema of `ipledge value`, installed with the library.
valuedatadir = $(pkgdatadir)
dist_valuedata_DATA = lib/value/valuation.xsd

examples_ipledge_SOURCES += \
	examples/cli/value.c examples/cli/value.h
IPL_SCRIPT_TESTS += tests/check_value_cli.sh

# make bench-value: ipledge against numpy on the same cases, in one run.
EXTRA_PROGRAMS += tests/bench/bench_value
tests_bench_bench_value_SOURCES = tests/bench/bench_value.c
tests_bench_bench_value_CPPFLAGS = $(IPL_EXAMPLE_CPPFLAGS)
tests_bench_bench_value_CFLAGS = $(WARN_CFLAGS) $(PTHREAD_CFLAGS)
tests_bench_bench_value_LDADD = lib/libipledge.la $(PTHREAD_LIBS)
CLEANFILES += tests/bench/bench_value$(EXEEXT)
EXTRA_DIST += tests/bench/bench_value.py lib/value/make-ziggurat.py
IPL_BENCH_TARGETS += bench-value
bench-value: tests/bench/bench_value$(EXEEXT)
	$(PYTHON3) $(srcdir)/tests/bench/bench_value.py \
	    $(builddir)/tests/bench/bench_value$(EXEEXT) $(IPL_BENCH_VALUE_ARGS)

dist_doc_DATA += doc/valuation.md

IPL_SUITES += tests/check_value_indicators
tests_check_value_indicators_SOURCES = tests/check_value_indicators.c
tests_check_value_indicators_CPPFLAGS = $(IPL_TEST_CPPFLAGS)
tests_check_value_indicators_CFLAGS = $(IPL_TEST_CFLAGS)
tests_check_value_indicators_LDADD = $(IPL_TEST_LDADD)
