#!/bin/sh
# The shared library exports exactly the symbols listed in
# tests/ipledge.sym, all of them ipl_ names. A new public function must
# be added to the list on purpose; anything else leaking out fails.
set -eu
: "${IPL_SRCDIR:?}" "${IPL_BUILDDIR:?}" "${NM:=nm}"

if [ "${IPL_SHARED:-yes}" != yes ]; then
    echo "SKIP: no shared library in this build"
    exit 77
fi
so="$IPL_BUILDDIR/lib/.libs/libipledge.so"
[ -f "$so" ] || { echo "FAIL: $so not built"; exit 1; }

actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
# Sanitizer builds add their runtime's hooks (__asan_*, __ubsan_*, ...);
# everything else counts.
$NM -D --defined-only "$so" | awk '{ print $NF }' |
    grep -v -E '^__(asan|ubsan|lsan|sanitizer|odr_asan)' | LC_ALL=C sort > "$actual"

if ! LC_ALL=C sort "$IPL_SRCDIR/tests/ipledge.sym" | diff -u - "$actual"; then
    echo "FAIL: exported symbols differ from tests/ipledge.sym (- listed, + exported)"
    exit 1
fi
if grep -v -q '^ipl_[a-z]' "$actual"; then
    echo "FAIL: symbols without the ipl_ prefix are exported"
    exit 1
fi
echo "PASS: $(wc -l < "$actual") exported symbols, all listed"
