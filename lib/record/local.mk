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

# ---- the record model and its derived facts (lib/record), the
# office-format parsers and the streaming reader (lib/parse, libxml2) --
lib_libipledge_internal_la_SOURCES += \
	lib/record/record.c lib/record/record_build.c \
	lib/record/record_expiry.c lib/record/record_finish.c \
	lib/record/record_ident.c \
	lib/record/record_internal.h \
	lib/parse/detect.c lib/parse/extract.c lib/parse/reader.c lib/parse/tree.c \
	lib/parse/source.c lib/parse/parse_internal.h \
	lib/parse/reader_internal.h lib/parse/rule_macros.h \
	lib/parse/drivers_cnipa.c lib/parse/drivers_epo.c \
	lib/parse/drivers_tm.c lib/parse/drivers_uspto.c \
	lib/parse/drivers_wipo.c
ipledgeinclude_HEADERS += include/ipledge/record.h include/ipledge/parse.h

examples_ipledge_SOURCES += examples/cli/parse.c

IPL_SUITES += tests/check_parse
tests_check_parse_SOURCES = tests/check_parse.c
tests_check_parse_CPPFLAGS = $(IPL_TEST_CPPFLAGS)
tests_check_parse_CFLAGS = $(IPL_TEST_CFLAGS)
tests_check_parse_LDADD = $(IPL_TEST_LDADD)

EXTRA_DIST += tests/vectors/records/make-expected.py \
	tests/vectors/records/expected.tsv

IPL_SUITES += tests/check_record
tests_check_record_SOURCES = tests/check_record.c
tests_check_record_CPPFLAGS = $(IPL_TEST_CPPFLAGS)
tests_check_record_CFLAGS = $(IPL_TEST_CFLAGS)
tests_check_record_LDADD = $(IPL_TEST_LDADD)

IPL_SCRIPT_TESTS += tests/check_parse_cli.sh
dist_doc_DATA += doc/records.md

# make bench-parse: the streaming reader against bare libxml2 on a
# synthetic bulk file of $(IPL_BENCH_PARSE_MB) MB written under /tmp.
IPL_BENCH_PARSE_MB = 512
EXTRA_PROGRAMS += tests/bench/bench_parse
tests_bench_bench_parse_SOURCES = tests/bench/bench_parse.c
tests_bench_bench_parse_CPPFLAGS = $(IPL_LIB_CPPFLAGS)
tests_bench_bench_parse_CFLAGS = $(WARN_CFLAGS)
tests_bench_bench_parse_LDADD = lib/libipledge-internal.la
CLEANFILES += tests/bench/bench_parse$(EXEEXT)
IPL_BENCH_TARGETS += bench-parse
bench-parse: tests/bench/bench_parse$(EXEEXT)
	tests/bench/bench_parse$(EXEEXT) $(IPL_BENCH_PARSE_MB)

# The parsers' fuzz target lives with the others in tests/fuzz/local.mk.
