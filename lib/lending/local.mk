# Lending: loan schedules, subsidies and risk compensation.
# Included by Makefile.am.

lib_libipledge_internal_la_SOURCES += \
	lib/lending/compensation.c \
	lib/lending/compensation_internal.h \
	lib/lending/compensation_regime.c \
	lib/lending/compensation_sim.c \
	lib/lending/lending.c \
	lib/lending/lending_internal.h \
	lib/lending/loan_internal.h \
	lib/lending/loan_accrue.c \
	lib/lending/loan_batch.c \
	lib/lending/loan_dates.c \
	lib/lending/loan_schedule.c \
	lib/lending/loan_terms.c \
	lib/lending/subsidy.c
lib_libipledge_internal_la_CPPFLAGS += -I$(top_srcdir)/lib/lending
ipledgeinclude_HEADERS += include/ipledge/compensation.h include/ipledge/loan.h \
	include/ipledge/subsidy.h

IPL_SUITES += tests/check_loan
tests_check_loan_SOURCES = tests/check_loan.c tests/loan_vectors.c tests/loan_vectors.h
tests_check_loan_CPPFLAGS = $(IPL_TEST_CPPFLAGS) -I$(top_srcdir)/lib/lending
tests_check_loan_CFLAGS = $(IPL_TEST_CFLAGS)
tests_check_loan_LDADD = $(IPL_TEST_LDADD)

IPL_SUITES += tests/check_loan_batch
tests_check_loan_batch_SOURCES = tests/check_loan_batch.c tests/loan_vectors.c \
	tests/loan_vectors.h
tests_check_loan_batch_CPPFLAGS = $(IPL_TEST_CPPFLAGS)
tests_check_loan_batch_CFLAGS = $(IPL_TEST_CFLAGS)
tests_check_loan_batch_LDADD = $(IPL_TEST_LDADD)


IPL_SUITES += tests/check_compensation
tests_check_compensation_SOURCES = tests/check_compensation.c
tests_check_compensation_CPPFLAGS = $(IPL_TEST_CPPFLAGS)
tests_check_compensation_CFLAGS = $(IPL_TEST_CFLAGS)
tests_check_compensation_LDADD = $(IPL_TEST_LDADD)

IPL_SUITES += tests/check_subsidy
tests_check_subsidy_SOURCES = tests/check_subsidy.c
tests_check_subsidy_CPPFLAGS = $(IPL_TEST_CPPFLAGS)
tests_check_subsidy_CFLAGS = $(IPL_TEST_CFLAGS)
tests_check_subsidy_LDADD = $(IPL_TEST_LDADD)

examples_ipledge_SOURCES += \
	examples/cli/compensate.c \
	examples/cli/lending_io.c \
	examples/cli/lending_io.h \
	examples/cli/schedule.c

IPL_SCRIPT_TESTS += tests/check_lending_cli.sh

# make bench-schedule: the C benchmark and its numpy counterpart in one run.
EXTRA_PROGRAMS += tests/bench/bench_schedule
tests_bench_bench_schedule_SOURCES = tests/bench/bench_schedule.c
tests_bench_bench_schedule_CPPFLAGS = $(IPL_EXAMPLE_CPPFLAGS)
tests_bench_bench_schedule_CFLAGS = $(WARN_CFLAGS) -O2
tests_bench_bench_schedule_LDADD = lib/libipledge.la
EXTRA_DIST += tests/bench/schedule_numpy.py
CLEANFILES += tests/bench/bench_schedule$(EXEEXT) tests/bench/bench_schedule.out
IPL_BENCH_TARGETS += bench-schedule
bench-schedule: tests/bench/bench_schedule$(EXEEXT)
	$(AM_V_at)tests/bench/bench_schedule$(EXEEXT) > tests/bench/bench_schedule.out
	$(AM_V_at)$(PYTHON3) $(srcdir)/tests/bench/schedule_numpy.py tests/bench/bench_schedule.out

dist_doc_DATA += doc/schedules.md
