#!/bin/sh
# Regenerates expected.csv, the annuity reference vectors that
# tests/check_loan.c checks equal-instalment schedules against, by
# letting Gnumeric (ssconvert, Debian package gnumeric) evaluate the
# spreadsheet functions for every period k of every case:
#
#   pmt   =PMT(rate/per_year, nper, -principal)        level payment
#   ipmt  =IPMT(rate/per_year, k, nper, -principal)    interest of period k
#   ppmt  =PPMT(rate/per_year, k, nper, -principal)    principal of period k
#
# Amounts are in major units, unrounded. The case and period columns are
# written back by Gnumeric itself so a misread row cannot slip through.
#
# Usage: tests/vectors/loan/make-expected.sh   (writes next to itself)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
LC_ALL=C
export LC_ALL

# case principal annual_rate nper per_year
cat >"$work/cases" <<'CASES'
1 1000000.00 0.0435 36 12
2 1000000.00 0.0345 12 12
3 5000000.00 0.0465 60 12
4 300000.00 0.06 12 4
5 2000000.00 0.0385 10 2
6 800000.00 0.05 5 1
7 123456.78 0.072 36 12
8 10000000.00 0.029 120 12
9 50000.00 0.18 12 12
10 1000000.00 0 24 12
11 30000000.00 0.0395 36 12
12 1.00 0.0435 3 12
CASES

awk '{
    for (k = 1; k <= $4; k++) {
        r++
        args = sprintf("%s/%s,%d,-%s", $3, $5, $4, $2)
        printf "\"=%d\",\"=%d\",\"=%s\",\"=%s\",\"=%d\",\"=%d\"", $1, k, $2, $3, $4, $5
        printf ",\"=PMT(%s)\"", args
        printf ",\"=IPMT(%s/%s,%d,%d,-%s)\"", $3, $5, k, $4, $2
        printf ",\"=PPMT(%s/%s,%d,%d,-%s)\"\n", $3, $5, k, $4, $2
    }
}' "$work/cases" >"$work/in.csv"

ssconvert --recalc --import-type=Gnumeric_stf:stf_csvtab \
    --export-type=Gnumeric_stf:stf_assistant \
    -O 'eol=unix separator=, quote=never format=raw' \
    "$work/in.csv" "$work/out.csv" >/dev/null

{
    echo 'case,period,principal,rate,nper,per_year,pmt,ipmt,ppmt'
    cat "$work/out.csv"
} >"$work/expected.csv"

# One row per period of every case, every value a number.
awk -F, -v want="$(awk '{ n += $4 } END { print n }' "$work/cases")" '
    NR == 1 { next }
    {
        for (i = 1; i <= 9; i++)
            if ($i !~ /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/) {
                print "make-expected.sh: row " NR - 1 " column " i \
                      " is not a number: " $i >"/dev/stderr"
                exit 1
            }
        n++
    }
    END {
        if (n != want) {
            print "make-expected.sh: " n " rows, expected " want >"/dev/stderr"
            exit 1
        }
    }' "$work/expected.csv"

mv "$work/expected.csv" "$here/expected.csv"
echo "wrote $here/expected.csv with $(ssconvert --version | head -n 1)"
