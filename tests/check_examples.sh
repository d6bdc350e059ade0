#!/bin/sh
# The host programs of examples/: each runs, and its output is the one
# checked by hand below.
#   originate:    25 % of 4,000,000.00 = 1,000,000.00 caps the 1,200,000.00
#                 asked; PMT(4.35 %/12, 36, 1,000,000) = 29,679.93 (30/360);
#                 36 x 29,679.93 - 1,000,000 = 68,477.48, plus 0.17 of
#                 per-period interest rounding paid in the last instalment.
#   value_bundle: the issue's declining patent 3,855,432.89 and the
#                 multiplier-method patent (15 + 20 + 30 x 1.2) / 0.6 x 1.2
#                 x 5/8 = 88.75.
#   ltv_monitor:  800,000 / 2,800,000 = 28.57 % > 25 %: pledge
#                 800,000 / 0.25 - 2,800,000 = 400,000 more or repay
#                 800,000 - 700,000 = 100,000; NPL 250,000.04 / 1,550,000.04
#                 = 16.13 % against 1.5 % + 3 pp; new loans weighted
#                 (0.3169 x 600,000 + 0.25 x 200,000) / 800,000 = 30.02 %.
#   uspto_weekly: the 25 grants of a weekly file's subset, streamed.
#   appraise_case: examples/cases/dongguan-invention.xml's hand check
#                 (1,895,393.38; 450,000.00 lent in 12 payments; the
#                 appraisal-fee subsidy).
set -eu
: "${IPL_BUILDDIR:?}" "${IPL_SRCDIR:?}"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ex="$IPL_BUILDDIR/examples"

check() {           # check NAME: stdin is the expected output
    cat > "$tmp/expected"
    diff -u "$tmp/expected" "$tmp/out" || { echo "FAIL: examples/$1"; exit 1; }
}

"$ex/originate" > "$tmp/out"
check originate <<'OUT'
collateral 1,000,000.00 at 25 %
lent 1,000,000.00 over 36 months: 29,679.93 a month, 68,477.65 interest in all
OUT

"$ex/value_bundle" > "$tmp/out"
check value_bundle <<'OUT'
patent   split              3,855,432.89
patent 2 cost                      88.75
bundle                      3,855,521.64
OUT

"$ex/ltv_monitor" > "$tmp/out"
check ltv_monitor <<'OUT'
Dongguan Radiotherapy  balance     800,000.00  LTV  28.57 % /  25.00 %  BREACH: pledge 400,000.00 more or repay 100,000.00
Xianning Flavour       balance     300,000.00  LTV  14.85 % /  31.69 %  ok
Zhengzhou Process      balance     250,000.04  LTV  27.78 % /  25.00 %  BREACH: pledge 100,000.16 more or repay 25,000.04
Dongguan Radiotherapy  balance     200,000.00  LTV  20.00 % /  25.00 %  ok
book: balance 1,550,000.04, 3 clients; new 800,000.00 to 2 clients at 30.02 %
NPL ratio 16.13 % (tolerance 4.50 %): OVER
OUT

weekly="${IPL_SHARED_DATA:-}/records/uspto-grant/ipg080101-bulk-subset-25docs.xml"
if [ -f "$weekly" ]; then
    "$ex/uspto_weekly" "$weekly" > "$tmp/out"
    [ "$(grep -c -E '^(D0|PP|RE|0)[0-9]+ +(design|invention|plant) ' "$tmp/out")" -eq 25 ] ||
        { cat "$tmp/out"; echo "FAIL: examples/uspto_weekly: not 25 grant lines"; exit 1; }
    tail -1 "$tmp/out" > "$tmp/last"
    mv "$tmp/last" "$tmp/out"
    check uspto_weekly <<'OUT'
25 documents: 25 records, 0 skipped
OUT
    # the same file through a pipe
    "$ex/uspto_weekly" < "$weekly" | tail -1 > "$tmp/out"
    check uspto_weekly <<'OUT'
25 documents: 25 records, 0 skipped
OUT
else
    echo "uspto_weekly: no shared data set (--with-shared-data): empty input only"
fi
"$ex/uspto_weekly" < /dev/null > "$tmp/out"
check uspto_weekly <<'OUT'
0 documents: 0 records, 0 skipped
OUT
status=0
"$ex/uspto_weekly" a b > /dev/null 2>&1 || status=$?
[ "$status" -eq 64 ] || { echo "FAIL: uspto_weekly with two files: status $status"; exit 1; }
"$ex/appraise_case" "$IPL_SRCDIR/examples/cases/dongguan-invention.xml" > "$tmp/out"
check appraise_case <<'OUT'
CN201510481495.9   1,895,393.38 CNY
lent 450,000.00 in 12 payments under dongguan, 1 subsidies
OUT
"$ex/appraise_case" "$IPL_SRCDIR/examples/cases/dongguan-invention.xml" json > "$tmp/out"
grep -q '"max_loan": "473848.34"' "$tmp/out" || { echo "FAIL: appraise_case json"; exit 1; }
echo "PASS: the example host programs print their hand-checked figures"
