# Reports: case documents (case.h) and the `ipledge appraise` command
# that runs a case through every stage. Included by Makefile.am.

lib_libipledge_internal_la_SOURCES += \
	lib/report/case.c \
	lib/report/case_build.c \
	lib/report/case_internal.h \
	lib/report/case_xml.c
nodist_lib_libipledge_internal_la_SOURCES += lib/report/case-schema.c
lib_libipledge_internal_la_CPPFLAGS += -I$(top_srcdir)/lib/report
ipledgeinclude_HEADERS += include/ipledge/case.h

lib/report/case-schema.c: lib/report/embed.sh lib/report/case.xsd
	$(AM_V_GEN)$(MKDIR_P) lib/report && \
	$(SHELL) $(srcdir)/lib/report/embed.sh $(srcdir)/lib/report/case.xsd > $@-t && \
	mv $@-t $@
CLEANFILES += lib/report/case-schema.c

# The schema is installed beside policy.xsd and valuation.xsd.
casedatadir = $(pkgdatadir)
dist_casedata_DATA = lib/report/case.xsd
EXTRA_DIST += lib/report/embed.sh

IPL_SUITES += tests/check_case
tests_check_case_SOURCES = tests/check_case.c
tests_check_case_CPPFLAGS = $(IPL_TEST_CPPFLAGS) -I$(top_srcdir)/lib/report
tests_check_case_CFLAGS = $(IPL_TEST_CFLAGS)
tests_check_case_LDADD = $(IPL_TEST_LDADD)
EXTRA_DIST += tests/vectors/case

# -- `ipledge appraise`: the whole chain on a case, one report
examples_ipledge_SOURCES += \
	examples/cli/appraise.c examples/cli/appraise.h \
	examples/cli/appraise_html.c \
	examples/cli/appraise_json.c \
	examples/cli/appraise_policy.c \
	examples/cli/appraise_text.c \
	examples/cli/appraise_xml.c
# Before `make install` the valuation schema is read from the sources.
examples_ipledge_CPPFLAGS += \
	-DIPLEDGE_SRC_VALUE_DIR='"$(abs_top_srcdir)/lib/value"'
IPL_SCRIPT_TESTS += tests/check_appraise_cli.sh
EXTRA_DIST += examples/cases
IPL_SCRIPT_TESTS += tests/check_appraise_html.sh
