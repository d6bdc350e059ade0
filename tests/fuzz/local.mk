# Fuzz targets. Every `make check` replays each target's corpora through
# the standalone driver (no clang needed); `make fuzz FUZZ_SECONDS=N`
# builds the same targets with clang's libFuzzer, ASan and UBSan over the
# library's sources and runs each for N seconds. Included by Makefile.am.

IPL_FUZZ_TARGETS = money date policy ident parse case assumptions
IPL_FUZZ_CORPORA_money = tests/fuzz/corpus/money
IPL_FUZZ_CORPORA_date = tests/fuzz/corpus/date
IPL_FUZZ_CORPORA_policy = tests/fuzz/corpus/policy:lib/policy/presets:tests/vectors/policy
IPL_FUZZ_CORPORA_ident = tests/fuzz/corpus/ident
# The parsers start from synthetic documents and every real office
# record in the shared test data.
IPL_FUZZ_CORPORA_parse = tests/fuzz/corpus/parse:$(IPL_SHARED_DATA)/records
IPL_FUZZ_CORPORA_case = examples/cases
# Valuation documents: the test vectors (good and bad) and the examples.
IPL_FUZZ_CORPORA_assumptions = tests/vectors/value:examples/cases

IPL_FUZZ_COMMON = tests/fuzz/common.c tests/fuzz/driver.c tests/fuzz/fuzz.h
IPL_FUZZ_LDADD = lib/libipledge-internal.la $(PTHREAD_LIBS)

check_PROGRAMS += tests/fuzz/fuzz_money tests/fuzz/fuzz_date \
	tests/fuzz/fuzz_policy tests/fuzz/fuzz_ident tests/fuzz/fuzz_parse \
	tests/fuzz/fuzz_case tests/fuzz/fuzz_assumptions
tests_fuzz_fuzz_money_SOURCES = tests/fuzz/fuzz_money.c $(IPL_FUZZ_COMMON)
tests_fuzz_fuzz_money_CPPFLAGS = $(IPL_LIB_CPPFLAGS) \
	-DIPLT_FUZZ_CORPORA='"$(IPL_FUZZ_CORPORA_money)"'
tests_fuzz_fuzz_money_CFLAGS = $(WARN_CFLAGS)
tests_fuzz_fuzz_money_LDADD = $(IPL_FUZZ_LDADD)
tests_fuzz_fuzz_date_SOURCES = tests/fuzz/fuzz_date.c $(IPL_FUZZ_COMMON)
tests_fuzz_fuzz_date_CPPFLAGS = $(IPL_LIB_CPPFLAGS) \
	-DIPLT_FUZZ_CORPORA='"$(IPL_FUZZ_CORPORA_date)"'
tests_fuzz_fuzz_date_CFLAGS = $(WARN_CFLAGS)
tests_fuzz_fuzz_date_LDADD = $(IPL_FUZZ_LDADD)
tests_fuzz_fuzz_policy_SOURCES = tests/fuzz/fuzz_policy.c $(IPL_FUZZ_COMMON)
tests_fuzz_fuzz_policy_CPPFLAGS = $(IPL_LIB_CPPFLAGS) \
	-DIPLT_FUZZ_CORPORA='"$(IPL_FUZZ_CORPORA_policy)"'
tests_fuzz_fuzz_policy_CFLAGS = $(WARN_CFLAGS)
tests_fuzz_fuzz_policy_LDADD = $(IPL_FUZZ_LDADD)
tests_fuzz_fuzz_ident_SOURCES = tests/fuzz/fuzz_ident.c $(IPL_FUZZ_COMMON)
tests_fuzz_fuzz_ident_CPPFLAGS = $(IPL_LIB_CPPFLAGS) \
	-DIPLT_FUZZ_CORPORA='"$(IPL_FUZZ_CORPORA_ident)"'
tests_fuzz_fuzz_ident_CFLAGS = $(WARN_CFLAGS)
tests_fuzz_fuzz_ident_LDADD = $(IPL_FUZZ_LDADD)
tests_fuzz_fuzz_parse_SOURCES = tests/fuzz/fuzz_parse.c $(IPL_FUZZ_COMMON)
tests_fuzz_fuzz_parse_CPPFLAGS = $(IPL_LIB_CPPFLAGS) \
	-DIPLT_FUZZ_CORPORA='"$(IPL_FUZZ_CORPORA_parse)"'
tests_fuzz_fuzz_parse_CFLAGS = $(WARN_CFLAGS)
tests_fuzz_fuzz_parse_LDADD = $(IPL_FUZZ_LDADD)
tests_fuzz_fuzz_case_SOURCES = tests/fuzz/fuzz_case.c $(IPL_FUZZ_COMMON)
tests_fuzz_fuzz_case_CPPFLAGS = $(IPL_LIB_CPPFLAGS) \
	-DIPLT_FUZZ_CORPORA='"$(IPL_FUZZ_CORPORA_case)"'
tests_fuzz_fuzz_case_CFLAGS = $(WARN_CFLAGS)
tests_fuzz_fuzz_case_LDADD = $(IPL_FUZZ_LDADD)
tests_fuzz_fuzz_assumptions_SOURCES = tests/fuzz/fuzz_assumptions.c $(IPL_FUZZ_COMMON)
tests_fuzz_fuzz_assumptions_CPPFLAGS = $(IPL_LIB_CPPFLAGS) \
	-DIPLT_FUZZ_CORPORA='"$(IPL_FUZZ_CORPORA_assumptions)"'
tests_fuzz_fuzz_assumptions_CFLAGS = $(WARN_CFLAGS)
tests_fuzz_fuzz_assumptions_LDADD = $(IPL_FUZZ_LDADD)
EXTRA_DIST += tests/fuzz/corpus
dist_doc_DATA += doc/fuzzing.md

# make fuzz FUZZ_SECONDS=N: libFuzzer runs, each from its seed corpora
# (read only) into fuzz-build/<target>/corpus; findings are written to
# fuzz-build/<target>/ (crash-*, leak-*, timeout-*) and stop the run.
FUZZ_SECONDS = 60
CLANG = clang
IPL_FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined
fuzz: $(nodist_lib_libipledge_internal_la_SOURCES)
	@set -e; \
	srcs='$(nodist_lib_libipledge_internal_la_SOURCES)'; \
	for f in $(lib_libipledge_internal_la_SOURCES); do \
	    case $$f in *.c) srcs="$$srcs $(srcdir)/$$f" ;; esac; \
	done; \
	for t in $(IPL_FUZZ_TARGETS); do \
	    case $$t in \
	    money) corpora='$(IPL_FUZZ_CORPORA_money)' ;; \
	    date) corpora='$(IPL_FUZZ_CORPORA_date)' ;; \
	    policy) corpora='$(IPL_FUZZ_CORPORA_policy)' ;; \
	    ident) corpora='$(IPL_FUZZ_CORPORA_ident)' ;; \
	    parse) corpora='$(IPL_FUZZ_CORPORA_parse)' ;; \
	    case) corpora='$(IPL_FUZZ_CORPORA_case)' ;; \
	    assumptions) corpora='$(IPL_FUZZ_CORPORA_assumptions)' ;; \
	    esac; \
	    out=fuzz-build/$$t; rm -rf $$out; $(MKDIR_P) $$out/corpus; \
	    seeds=; \
	    for d in `echo $$corpora | tr ':' ' '`; do \
	        case $$d in /*) ;; *) d=`cd $(srcdir) && pwd`/$$d ;; esac; \
	        seeds="$$seeds $$d"; \
	    done; \
	    echo "  FUZZ     $$t for $(FUZZ_SECONDS) s"; \
	    $(CLANG) $(IPL_FUZZ_FLAGS) $(lib_libipledge_internal_la_CPPFLAGS) \
	        -I$(top_builddir) \
	        $$srcs $(srcdir)/tests/fuzz/fuzz_$$t.c $(srcdir)/tests/fuzz/common.c \
	        $(XML_LIBS) $(PCRE2_LIBS) $(GSL_LIBS) -lm -lpthread -o $$out/fuzz_$$t; \
	    (cd $$out && ./fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	        -rss_limit_mb=2048 -print_final_stats=1 corpus $$seeds \
	        > fuzz.log 2>&1) || { tail -40 $$out/fuzz.log; exit 1; }; \
	    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done)' $$out/fuzz.log || true; \
	done
clean-local-fuzz:
	rm -rf fuzz-build
.PHONY: fuzz clean-local-fuzz
