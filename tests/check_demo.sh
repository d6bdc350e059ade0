#!/bin/sh
# `ipledge demo` prints what tests/vectors/demo.expected says, and the
# command line answers usage errors with status 64.
set -eu
: "${IPL_SRCDIR:?}" "${IPL_BUILDDIR:?}"

ipledge="$IPL_BUILDDIR/examples/ipledge"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$ipledge" demo > "$tmp/demo.out"
diff -u "$IPL_SRCDIR/tests/vectors/demo.expected" "$tmp/demo.out"

"$ipledge" version > "$tmp/version.out"
grep -q '^ipledge [0-9][0-9.]* (library [0-9][0-9.]*)$' "$tmp/version.out"

status=0
"$ipledge" no-such-command 2> "$tmp/err.out" || status=$?
[ $status -eq 64 ] || { echo "FAIL: unknown command gave status $status"; exit 1; }
grep -q "unknown command 'no-such-command'" "$tmp/err.out"
status=0
"$ipledge" > /dev/null 2>&1 || status=$?
[ $status -eq 64 ] || { echo "FAIL: no command gave status $status"; exit 1; }
echo "PASS: ipledge demo, version and usage errors"
