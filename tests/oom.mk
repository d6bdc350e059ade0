# Allocation failure over every exported function (issue 9): the suite
# tests/check_oom_api runs each function of tests/ipledge.sym as its
# table entry says (tests/oom/oom_api.h), and tests/check_oom_coverage.sh
# fails when a function has no entry. Included by Makefile.am.

# IPL_SUITES feeds check_PROGRAMS (Makefile.am).
IPL_SUITES += tests/check_oom_api
tests_check_oom_api_SOURCES = tests/check_oom_api.c tests/oom/oom_api.h \
	tests/oom/api_core.c tests/oom/api_records.c tests/oom/api_documents.c \
	tests/oom/api_lending.c tests/oom/api_pledge.c tests/oom/api_value.c \
	tests/oom/api_assumptions.c \
	tests/oom/api_reports.c
tests_check_oom_api_CPPFLAGS = $(IPL_TEST_CPPFLAGS) -I$(top_srcdir)/tests/oom
tests_check_oom_api_CFLAGS = $(IPL_TEST_CFLAGS)
tests_check_oom_api_LDADD = $(IPL_TEST_LDADD)

IPL_SCRIPT_TESTS += tests/check_oom_coverage.sh
