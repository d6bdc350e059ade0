#!/bin/sh
# Regenerates income.csv, the closed-form income valuations that
# tests/check_value_income.c checks the library against, by letting
# Gnumeric (ssconvert, Debian package gnumeric) evaluate them:
#
#   cash flows   one spreadsheet cell per year, =first*(1+growth)^(t-1)
#                - decline*(t-1), so the series is Gnumeric's too
#   end          =NPV(rate, flows)                          end of year
#   mid          =NPV(rate, flows)*(1+rate)^0.5             mid-year
#   annuity      =PV(rate, years, -first)                   level annuity
#   gordon       NPV of the explicit years + flow_N*(1+g)/(rate-g)
#                discounted N years                          Gordon growth
#   tab          =1/(1-T/n*PV(k,n,-1)) (end), PV(...)*(1+k)^0.5 (mid)
#
# Columns of income.csv: case, kind, rate, years, first, growth, decline,
# terminal growth, expected. Usage: tests/vectors/value/make-expected.sh
set -eu

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
LC_ALL=C
export LC_ALL

# case kind rate years first growth decline terminal_growth
cat >"$work/cases" <<'CASES'
annuity-8pc-10y annuity 0.08 10 100 0 0 0
annuity-0pc-5y annuity 0 5 100 0 0 0
level-end-12y end 0.1 12 250 0 0 0
level-mid-12y mid 0.1 12 250 0 0 0
decline-1m end 0.1 10 1000000 0 100000 0
decline-1m-mid mid 0.1 10 1000000 0 100000 0
growth-5pc-15y end 0.12 15 500 0.05 0 0
growth-neg-20y end 0.095 20 800 -0.04 0 0
decline-growth end 0.15 8 1000 0.1 150 0
gordon-5y gordon 0.1 5 100 0.03 0 0.03
gordon-1y-perpetuity gordon 0.1 1 100 0 0 0
gordon-20y gordon 0.11 20 40 0.02 0 0.025
tab-end-15y tab-end 0.1 15 0.25 0 0 0
tab-mid-15y tab-mid 0.1 15 0.25 0 0 0
tab-end-10y tab-end 0.12 10 0.15 0 0 0
CASES

awk '{
    r = NR
    printf "%s,%s,%s,%s,%s,%s,%s,%s", $1, $2, $3, $4, $5, $6, $7, $8
    # expected in column I, cash flows from column J (the 10th) on
    npv = sprintf("NPV(C%d,J%d:%s%d)", r, r, col(9 + $4), r)
    if ($2 == "annuity")     f = sprintf("=PV(C%d,D%d,-E%d)", r, r, r)
    else if ($2 == "end")    f = "=" npv
    else if ($2 == "mid")    f = sprintf("=%s*(1+C%d)^0.5", npv, r)
    else if ($2 == "gordon") f = sprintf("=%s+%s%d*(1+H%d)/(C%d-H%d)/(1+C%d)^D%d", npv, col(9 + $4), r, r, r, r, r, r)
    else if ($2 == "tab-end") f = sprintf("=1/(1-E%d/D%d*PV(C%d,D%d,-1))", r, r, r, r)
    else                     f = sprintf("=1/(1-E%d/D%d*PV(C%d,D%d,-1)*(1+C%d)^0.5)", r, r, r, r, r)
    printf ",\"%s\"", f
    for (t = 1; t <= $4; t++)
        printf ",\"=E%d*(1+F%d)^(%d-1)-G%d*(%d-1)\"", r, r, t, r, t
    printf "\n"
}
function col(n,   s) {
    s = ""
    while (n > 0) { s = sprintf("%c", 65 + (n - 1) % 26) s; n = int((n - 1) / 26) }
    return s
}' "$work/cases" >"$work/in.csv"

ssconvert --recalc --import-type=Gnumeric_stf:stf_csvtab \
    --export-type=Gnumeric_stf:stf_assistant \
    -O 'eol=unix separator=, quote=never format=raw' \
    "$work/in.csv" "$work/out.csv" >/dev/null

{
    echo 'case,kind,rate,years,first,growth,decline,terminal_growth,expected'
    cut -d, -f1-9 "$work/out.csv"
} >"$work/income.csv"

# Every case must come back with a number in the last column.
awk -F, -v count="$(wc -l <"$work/cases")" '
    NR > 1 && $9 !~ /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/ {
        print "make-expected.sh: " $1 ": not a number: " $9 >"/dev/stderr"; bad = 1
    }
    END { if (bad || NR - 1 != count) exit 1 }' "$work/income.csv"

mv "$work/income.csv" "$here/income.csv"
echo "wrote $here/income.csv with $(ssconvert --version | head -n 1)"
