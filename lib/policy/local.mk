# Policies and pledge decisions: presets, XML policy files (XSD),
# pledge ratios. Included by Makefile.am.

# -- pledge decisions (the lending layer's pledge.h; its rules come from
#    policies, so they are built with them)
lib_libipledge_internal_la_SOURCES += \
	lib/lending/pledge.c \
	lib/lending/pledge_book.c \
	lib/lending/pledge_internal.h \
	lib/lending/pledge_monitor.c \
	lib/lending/pledge_rules.c
lib_libipledge_internal_la_CPPFLAGS += -I$(top_srcdir)/lib/lending
ipledgeinclude_HEADERS += include/ipledge/pledge.h

IPL_SUITES += tests/check_pledge
tests_check_pledge_SOURCES = tests/check_pledge.c
tests_check_pledge_CPPFLAGS = $(IPL_TEST_CPPFLAGS) -I$(top_srcdir)/lib/lending
tests_check_pledge_CFLAGS = $(IPL_TEST_CFLAGS)
tests_check_pledge_LDADD = $(IPL_TEST_LDADD)

# -- policies: documents validated against policy.xsd, with built-in
#    presets compiled in by embed.sh
IPL_POLICY_PRESETS = \
	lib/policy/presets/bank-conservative.xml \
	lib/policy/presets/beijing.xml \
	lib/policy/presets/dongguan.xml \
	lib/policy/presets/guangzhou.xml \
	lib/policy/presets/henan.xml \
	lib/policy/presets/jiangsu.xml \
	lib/policy/presets/shanghai.xml \
	lib/policy/presets/xianning-4321.xml
IPL_POLICY_SCHEMA = lib/policy/policy.xsd

lib_libipledge_internal_la_SOURCES += \
	lib/policy/policy.c \
	lib/policy/policy_access.c \
	lib/policy/policy_lending.c \
	lib/policy/policy_internal.h \
	lib/policy/policy_pledge.c
nodist_lib_libipledge_internal_la_SOURCES += lib/policy/policy-data.c
lib_libipledge_internal_la_CPPFLAGS += -I$(top_srcdir)/lib/policy
ipledgeinclude_HEADERS += include/ipledge/policy.h

lib/policy/policy-data.c: lib/policy/embed.sh $(IPL_POLICY_SCHEMA) \
		$(IPL_POLICY_PRESETS)
	$(AM_V_GEN)$(MKDIR_P) lib/policy && \
	(cd $(srcdir) && $(SHELL) lib/policy/embed.sh $(IPL_POLICY_SCHEMA) \
	    $(IPL_POLICY_PRESETS)) > $@-t && mv $@-t $@
CLEANFILES += lib/policy/policy-data.c

# The schema and the presets are installed as files too.
policydir = $(pkgdatadir)/policy
dist_policy_DATA = $(IPL_POLICY_SCHEMA) $(IPL_POLICY_PRESETS)
EXTRA_DIST += lib/policy/embed.sh

IPL_SUITES += tests/check_policy
tests_check_policy_SOURCES = tests/check_policy.c
tests_check_policy_CPPFLAGS = $(IPL_TEST_CPPFLAGS) -I$(top_srcdir)/lib/policy
tests_check_policy_CFLAGS = $(IPL_TEST_CFLAGS)
tests_check_policy_LDADD = $(IPL_TEST_LDADD)
EXTRA_DIST += tests/vectors/policy

dist_doc_DATA += doc/policies.md

# -- the ipledge program's policy and pledge commands
examples_ipledge_SOURCES += examples/cli/policy.c examples/cli/pledge.c
examples_ipledge_CFLAGS += $(XML_CFLAGS)
examples_ipledge_LDADD += $(XML_LIBS)
IPL_SCRIPT_TESTS += tests/check_pledge_cli.sh
