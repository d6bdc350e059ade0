# Reports: case documents (case.h), the appraisal chain that runs a case
# through every stage (appraisal.h), its report writers (report.h) and
# the `ipledge appraise` command over them. Included by Makefile.am.

lib_libipledge_internal_la_SOURCES += \
	lib/report/case.c \
	lib/report/case_build.c \
	lib/report/case_internal.h \
	lib/report/case_xml.c \
	lib/report/appraisal.c \
	lib/report/appraisal_chain.c \
	lib/report/appraisal_internal.h \
	lib/report/appraisal_policy.c \
	lib/report/appraisal_right.c \
	lib/report/emit.c \
	lib/report/emit_internal.h \
	lib/report/emit_tree.c \
	lib/report/emit_xml.c \
	lib/report/report.c \
	lib/report/report_compensation.c \
	lib/report/report_html.c \
	lib/report/report_internal.h \
	lib/report/report_loan.c \
	lib/report/report_pledge.c \
	lib/report/report_subsidy.c \
	lib/report/report_text.c \
	lib/report/report_tree.c \
	lib/report/report_value.c
nodist_lib_libipledge_internal_la_SOURCES += lib/report/case-schema.c
lib_libipledge_internal_la_CPPFLAGS += -I$(top_srcdir)/lib/report
ipledgeinclude_HEADERS += include/ipledge/case.h include/ipledge/appraisal.h \
	include/ipledge/report.h

lib/report/case-schema.c: lib/core/embed.sh lib/report/case.xsd
	$(AM_V_GEN)$(MKDIR_P) lib/report && \
	$(SHELL) $(srcdir)/lib/core/embed.sh $(srcdir)/lib/report/case.xsd \
	    case_internal.h ipl__case_xsd > $@-t && mv $@-t $@
CLEANFILES += lib/report/case-schema.c

# The schema is installed beside policy.xsd and valuation.xsd.
casedatadir = $(pkgdatadir)
dist_casedata_DATA = lib/report/case.xsd

IPL_SUITES += tests/check_case
tests_check_case_SOURCES = tests/check_case.c
tests_check_case_CPPFLAGS = $(IPL_TEST_CPPFLAGS) -I$(top_srcdir)/lib/report
tests_check_case_CFLAGS = $(IPL_TEST_CFLAGS)
tests_check_case_LDADD = $(IPL_TEST_LDADD)
EXTRA_DIST += tests/vectors/case

IPL_SUITES += tests/check_appraisal
tests_check_appraisal_SOURCES = tests/check_appraisal.c
tests_check_appraisal_CPPFLAGS = $(IPL_TEST_CPPFLAGS) -I$(top_srcdir)/lib/report
tests_check_appraisal_CFLAGS = $(IPL_TEST_CFLAGS)
tests_check_appraisal_LDADD = $(IPL_TEST_LDADD)

IPL_SUITES += tests/check_report
tests_check_report_SOURCES = tests/check_report.c
tests_check_report_CPPFLAGS = $(IPL_TEST_CPPFLAGS)
tests_check_report_CFLAGS = $(IPL_TEST_CFLAGS)
tests_check_report_LDADD = $(IPL_TEST_LDADD)

# -- `ipledge appraise`: the whole chain on a case, one report
examples_ipledge_SOURCES += examples/cli/appraise.c
IPL_SCRIPT_TESTS += tests/check_appraise_cli.sh
EXTRA_DIST += examples/cases
IPL_SCRIPT_TESTS += tests/check_appraise_html.sh

# -- host programs in examples/, one job each, public API only; built
#    and run (output checked) by make check
IPL_HOST_EXAMPLES = examples/originate examples/value_bundle \
	examples/uspto_weekly examples/ltv_monitor
check_PROGRAMS += $(IPL_HOST_EXAMPLES)
examples_originate_SOURCES = examples/originate.c
examples_originate_CPPFLAGS = $(IPL_EXAMPLE_CPPFLAGS)
examples_originate_CFLAGS = $(WARN_CFLAGS)
examples_originate_LDADD = lib/libipledge.la
examples_value_bundle_SOURCES = examples/value_bundle.c
examples_value_bundle_CPPFLAGS = $(IPL_EXAMPLE_CPPFLAGS)
examples_value_bundle_CFLAGS = $(WARN_CFLAGS)
examples_value_bundle_LDADD = lib/libipledge.la
examples_uspto_weekly_SOURCES = examples/uspto_weekly.c
examples_uspto_weekly_CPPFLAGS = $(IPL_EXAMPLE_CPPFLAGS)
examples_uspto_weekly_CFLAGS = $(WARN_CFLAGS)
examples_uspto_weekly_LDADD = lib/libipledge.la
examples_ltv_monitor_SOURCES = examples/ltv_monitor.c
examples_ltv_monitor_CPPFLAGS = $(IPL_EXAMPLE_CPPFLAGS)
examples_ltv_monitor_CFLAGS = $(WARN_CFLAGS)
examples_ltv_monitor_LDADD = lib/libipledge.la
# appraise_case needs a case file to run, so it is no test by itself:
# built for check_examples.sh, which runs it on examples/cases/.
EXTRA_PROGRAMS += examples/appraise_case
CLEANFILES += examples/appraise_case$(EXEEXT)
tests/check_examples.log: examples/appraise_case$(EXEEXT)
examples_appraise_case_SOURCES = examples/appraise_case.c
examples_appraise_case_CPPFLAGS = $(IPL_EXAMPLE_CPPFLAGS)
examples_appraise_case_CFLAGS = $(WARN_CFLAGS)
examples_appraise_case_LDADD = lib/libipledge.la
IPL_SCRIPT_TESTS += tests/check_examples.sh

# -- documentation: the user guide and the man pages
dist_doc_DATA += doc/guide.md
dist_man_MANS = doc/ipledge.1 doc/ipledge.3
