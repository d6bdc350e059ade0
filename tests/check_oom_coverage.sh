#!/bin/sh
# Every exported function (tests/ipledge.sym) has an entry in the tables
# of tests/check_oom_api (tests/oom/api_*.c), which runs it with its
# allocations failing one by one (OOM), with every allocation refused
# (NO_ALLOC: it must still succeed), or as a destructor (FREES). The
# list comes from the compiled tables (check_oom_api --list), not from
# the sources, and an entry whose function is not exported fails too.
set -eu
: "${IPL_SRCDIR:?}" "${IPL_BUILDDIR:?}"

prog="$IPL_BUILDDIR/tests/check_oom_api"
[ -x "$prog" ] || { echo "FAIL: $prog not built"; exit 1; }
listed=$(mktemp)
covered=$(mktemp)
trap 'rm -f "$listed" "$covered"' EXIT
LC_ALL=C sort "$IPL_SRCDIR/tests/ipledge.sym" > "$listed"
"$prog" --list > "$covered.all"
mv "$covered.all" "$covered"

fail=0
dups=$(awk '{ print $1 }' "$covered" | LC_ALL=C sort | uniq -d)
for name in $dups; do
    echo "FAIL: $name has more than one entry in tests/oom/api_*.c"
    fail=1
done
for name in $(awk '{ print $1 }' "$covered" | LC_ALL=C sort -u |
              LC_ALL=C comm -13 "$listed" -); do
    echo "FAIL: $name has an entry in tests/oom/api_*.c but is not in tests/ipledge.sym"
    fail=1
done
for name in $(awk '{ print $1 }' "$covered" | LC_ALL=C sort -u |
              LC_ALL=C comm -23 "$listed" -); do
    echo "FAIL: $name is exported but no allocation-failure test covers it: add"
    echo "      IPLT_API(IPLT_OOM or IPLT_NO_ALLOC or IPLT_FREES, $name, <call>, <fixture>),"
    echo "      to the table of its area in tests/oom/api_<area>.c (see tests/oom/oom_api.h)"
    fail=1
done
[ "$fail" -eq 0 ] || exit 1
echo "PASS: $(wc -l < "$listed") exported functions covered:" \
    "$(grep -c ' OOM$' "$covered") OOM," \
    "$(grep -c ' NO_ALLOC$' "$covered") NO_ALLOC," \
    "$(grep -c ' FREES$' "$covered") FREES"
