# Records: identifiers (PCRE2), the record model, the office-format
# parsers and the streaming reader (libxml2). Included by Makefile.am.

# ---- identifiers (include/ipledge/ident.h, PCRE2) ---------------------
# One block, kept apart from the record model and parsers that share
# this fragment.
lib_libipledge_internal_la_SOURCES += \
	lib/record/ident.c \
	lib/record/ident_class.c \
	lib/record/ident_cn.c \
	lib/record/ident_ep.c \
	lib/record/ident_internal.h \
	lib/record/ident_jp.c \
	lib/record/ident_pattern.c \
	lib/record/ident_pattern_internal.h \
	lib/record/ident_text.c \
	lib/record/ident_tm.c \
	lib/record/ident_us.c
ipledgeinclude_HEADERS += include/ipledge/ident.h
# IPL_SUITES feeds check_PROGRAMS (Makefile.am).
IPL_SUITES += tests/check_ident
tests_check_ident_SOURCES = tests/check_ident.c
tests_check_ident_CPPFLAGS = $(IPL_TEST_CPPFLAGS) -I$(top_srcdir)/lib/record
tests_check_ident_CFLAGS = $(IPL_TEST_CFLAGS)
tests_check_ident_LDADD = $(IPL_TEST_LDADD)
dist_doc_DATA += doc/identifiers.md
# ---- end of identifiers ------------------------------------------------
