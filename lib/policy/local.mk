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
check_PROGRAMS += tests/check_pledge
tests_check_pledge_SOURCES = tests/check_pledge.c
tests_check_pledge_CPPFLAGS = $(IPL_TEST_CPPFLAGS) -I$(top_srcdir)/lib/lending
tests_check_pledge_CFLAGS = $(IPL_TEST_CFLAGS)
tests_check_pledge_LDADD = $(IPL_TEST_LDADD)
