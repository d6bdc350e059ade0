#!/bin/sh
# `ipledge policy` and `ipledge pledge`: outputs against files whose
# figures were checked by hand, and the exit statuses that tell bad
# input (64, 65) and an ineligible request (3) from success.
#   pledge-dongguan.txt: 4,000,000.00 x 25 % + 1,000,000.00 x 50 %
#     = 1,500,000.00, 30 % of 5,000,000.00 appraised.
#   pledge-refused.json: a 48-month tenor against the 36-month cap, a
#     pending litigation and an unknown firm age: nothing lent.
#   pledge-capped.xml: expiry 2029-06-30 before 2024-01-15 + 2 x 36
#     months, so 25 % x 0.8 = 20 % of 30,000,000.00 = 6,000,000.00,
#     capped at 5,000,000.00 per loan.
set -eu
: "${IPL_SRCDIR:?}" "${IPL_BUILDDIR:?}"

ipledge="$IPL_BUILDDIR/examples/ipledge"
v="$IPL_SRCDIR/tests/vectors/policy"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

expect_status() {   # expect_status STATUS COMMAND...
    want=$1
    shift
    got=0
    "$@" > "$tmp/out" 2> "$tmp/err" || got=$?
    if [ "$got" -ne "$want" ]; then
        echo "FAIL: exit status $got, expected $want: $*"
        cat "$tmp/err"
        exit 1
    fi
}

expect_status 0 "$ipledge" pledge --policy dongguan --start 2024-01-15 \
    --tenor 36 --firm-age 6 \
    --right invention:4000000.00,id=CN201510481495.9,expiry=2035-08-10,registered=2017-03-01 \
    --right trademark:1000000,registered=2015-01-01,expiry=2034-01-01
diff -u "$v/pledge-dongguan.txt" "$tmp/out"

expect_status 3 "$ipledge" pledge --policy bank-conservative \
    --start 2024-01-15 --tenor 48 \
    --right invention:4000000.00,expiry=2035-08-10,flags=litigation --format json
diff -u "$v/pledge-refused.json" "$tmp/out"

expect_status 0 "$ipledge" pledge --policy-file "$v/bank-with-monitoring.xml" \
    --start 2024-01-15 --tenor 36 --requested 6000000 \
    --right invention:30000000.00,id=CN113783949A,expiry=2029-06-30 --format xml
diff -u "$v/pledge-capped.xml" "$tmp/out"

# Bad command lines and bad documents.
expect_status 64 "$ipledge" pledge --policy dongguan --tenor 36
expect_status 64 "$ipledge" pledge --policy atlantis --start 2024-01-15 \
    --tenor 36 --right invention:1
grep -q "'atlantis' is not a built-in preset" "$tmp/err"
expect_status 64 "$ipledge" pledge --policy dongguan --start 2024-01-15 \
    --tenor 36 --right invention:1.001
grep -q "more than 2 decimal places" "$tmp/err"
printf '<policy xmlns="urn:ipledge:policy:1" name="x" currency="CNY">\n<title>t</title>\n<source date="2024-13-01" ref="r">s</source>\n</policy>\n' > "$tmp/bad.xml"
expect_status 65 "$ipledge" policy check "$tmp/bad.xml"
grep -q "bad.xml:3: /policy/source" "$tmp/err"

# The presets: listed, shown verbatim, each one valid as a file.
expect_status 0 "$ipledge" policy list
[ "$(wc -l < "$tmp/out")" -eq 8 ]
grep -q '^jiangsu ' "$tmp/out"
for preset in "$IPL_SRCDIR"/lib/policy/presets/*.xml; do
    name=$(basename "$preset" .xml)
    expect_status 0 "$ipledge" policy show "$name"
    cmp -s "$preset" "$tmp/out" || { echo "FAIL: policy show $name differs from $preset"; exit 1; }
    expect_status 0 "$ipledge" policy check "$preset"
done
expect_status 64 "$ipledge" policy show atlantis
expect_status 64 "$ipledge" policy
echo "PASS: ipledge policy and pledge"
