#!/bin/sh
# `ipledge schedule` and `ipledge compensate` print what the files in
# tests/vectors/lending/ say, in all four formats; every figure in those
# files was checked by hand (see tests/vectors/lending/README). Bad
# command lines give status 64, library errors status 1 with the field.
set -eu
: "${IPL_SRCDIR:?}" "${IPL_BUILDDIR:?}"

ipledge="$IPL_BUILDDIR/examples/ipledge"
want="$IPL_SRCDIR/tests/vectors/lending"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# case NAME ARGUMENT...: runs ipledge with the arguments and compares.
case_() {
    name=$1
    shift
    if ! "$ipledge" "$@" > "$tmp/$name.out" 2> "$tmp/$name.err"; then
        echo "FAIL: $name: exit status $?"; cat "$tmp/$name.err"; fail=1; return
    fi
    diff -u "$want/$name.expected" "$tmp/$name.out" || { echo "FAIL: $name"; fail=1; }
}

case_ schedule-equal-principal.csv schedule --principal 120000.00 --rate 0.0435 \
    --periods 3 --start 2024-01-15 --daycount ACT/360 --method equal-principal --format csv
case_ schedule-bullet.txt schedule --principal 1,000,000.00 --rate 0.0435 --periods 4 \
    --frequency quarterly --start 2024-01-15 --daycount ACT/360 --method bullet
case_ schedule-annuity.xml schedule --principal 1000.00 --rate 0.12 --periods 3 \
    --start 2024-01-15 --daycount 30/360 --format xml
case_ schedule-prepay.json schedule --principal 1200.00 --rate 0.0435 --periods 4 \
    --start 2024-01-15 --daycount 30/360 --method equal-principal \
    --prepay 2024-02-15:300.00:shorten --format json
case_ compensate-4321.txt compensate --regime 4321 --principal 1000000.00 \
    --interest 15000.00 --npl 2024-12-31 --recovery 2025-06-30:300000.00:20000.00
case_ compensate-jiangsu.csv compensate --regime jiangsu --principal 12000000.00 \
    --interest 100000.00 --npl 2024-06-30 --settlement 2025-06-30 --format csv
case_ compensate-shanghai.json compensate --regime shanghai --principal 1000000.00 \
    --npl 2024-03-31 --recovery 2025-03-31:500000.00:50000.00 --format json
case_ compensate-dongguan.csv compensate --regime dongguan --principal 800000.00 \
    --npl 2024-06-30 --settlement 2024-12-31 --bank-new-loans 100000000.00 \
    --used-bank-year 2500000.00 --format csv
case_ compensate-parties.xml compensate --party 'fund <A&B>:fund:6000' \
    --party bank:lender:4000 --principal 100.00 --npl 2024-01-31 \
    --settlement 2024-12-31 --ip-share 0.5 --format xml

# status ARGUMENT...: the exit status of ipledge with the arguments.
status() {
    s=0
    "$ipledge" "$@" > /dev/null 2> "$tmp/status.err" || s=$?
    echo $s
}

[ "$(status schedule --principal 1.00 --rate 0.01 --periods 3 --start 2024-01-15)" = 1 ] &&
    grep -q 'terms.daycount' "$tmp/status.err" ||
    { echo "FAIL: schedule without a day count"; fail=1; }
[ "$(status schedule --principal 1.00 --bogus 1)" = 64 ] ||
    { echo "FAIL: schedule with an unknown option"; fail=1; }
[ "$(status schedule --principal 1.001 --rate 0.01 --periods 3 --start 2024-01-15 \
      --daycount ACT/360)" = 64 ] || { echo "FAIL: schedule with a sub-cent principal"; fail=1; }
[ "$(status compensate --regime nowhere --principal 1.00 --npl 2024-01-01)" = 64 ] ||
    { echo "FAIL: compensate with an unknown regime"; fail=1; }
[ "$(status compensate --party a:fund:5000 --party b:lender:4000 --principal 1.00 \
      --npl 2024-01-01 --settlement 2024-02-01)" = 1 ] &&
    grep -q 'regime.tiers\[0\]' "$tmp/status.err" ||
    { echo "FAIL: compensate with shares not adding up"; fail=1; }

[ $fail -eq 0 ] && echo "PASS: ipledge schedule and compensate, four formats, usage errors"
exit $fail
