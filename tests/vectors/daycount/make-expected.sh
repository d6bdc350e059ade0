#!/bin/sh
# Regenerates expected.csv, the day-count reference vectors that
# tests/check_daycount.c checks the library against, by letting
# Gnumeric (ssconvert, Debian package gnumeric) evaluate each date pair:
#
#   act_days      =end-start
#   act360        =YEARFRAC(start,end,2)        Actual/360
#   act365f       =YEARFRAC(start,end,3)        Actual/365 (Fixed)
#   days_30e_360  =DAYS360(start,end,TRUE)      30E/360 day count (European)
#   act_act_isda  ISDA 4.16(b) written as a spreadsheet formula: the part
#                 of the first and last calendar year over that year's
#                 length, plus 1 for each whole year in between
#
# start and end are written back by Gnumeric itself (TEXT(...)) and
# compared with the pairs below, so a misread date cannot slip through.
# Pairs keep start <= end (YEARFRAC swaps reversed arguments) and stay
# clear of 1900, which Gnumeric, like Lotus 1-2-3, takes as a leap year.
#
# Usage: tests/vectors/daycount/make-expected.sh   (writes next to itself)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
# Number parsing and printing in ssconvert follow the locale.
LC_ALL=C
export LC_ALL

cat >"$work/pairs" <<'EOF'
2024-01-01 2024-07-01
2024-01-01 2024-01-01
2024-05-31 2024-05-31
2023-01-01 2024-01-01
2024-01-01 2025-01-01
2003-11-01 2004-05-01
2024-01-31 2024-02-29
2024-01-30 2024-02-29
2024-02-28 2024-02-29
2024-02-29 2024-03-01
2024-02-29 2024-03-31
2023-02-28 2023-03-01
2023-02-28 2023-03-31
2024-01-29 2024-03-31
2024-01-30 2024-03-31
2024-01-31 2024-03-31
2024-03-30 2024-03-31
2024-03-31 2024-04-30
2024-05-31 2024-06-30
2024-07-31 2024-08-31
2024-08-31 2024-09-30
2024-11-30 2024-12-31
2024-06-30 2024-12-31
2025-01-31 2025-02-28
2023-12-31 2024-01-01
2023-12-31 2024-12-31
2024-12-31 2025-12-31
2023-12-31 2025-12-31
2022-12-30 2023-01-31
2000-02-28 2000-03-01
2100-02-28 2100-03-01
1999-12-31 2000-12-31
2000-01-01 2100-01-01
1901-01-01 2099-12-31
1970-01-01 2000-01-01
2020-02-29 2024-02-29
2020-02-29 2021-02-28
2019-06-15 2024-06-15
2011-08-31 2012-02-29
2007-12-28 2008-02-29
2025-03-15 2026-09-15
2000-01-01 9999-12-31
EOF

# One spreadsheet row per pair; columns A, B hold the dates as serials.
awk -F'[- ]' '{
    r = NR
    # Year lengths via Dec 31, not next Jan 1: DATE() stops at 9999.
    yd = "(DATE(YEAR(%s),12,31)-DATE(YEAR(%s),1,1)+1)"
    ya = sprintf(yd, "A" r, "A" r)
    yb = sprintf(yd, "B" r, "B" r)
    isda = sprintf("=IF(YEAR(A%d)=YEAR(B%d),(B%d-A%d)/%s," \
                   "(DATE(YEAR(A%d),12,31)-A%d+1)/%s+YEAR(B%d)-YEAR(A%d)-1" \
                   "+(B%d-DATE(YEAR(B%d),1,1))/%s)",
                   r, r, r, r, ya, r, r, ya, r, r, r, r, yb)
    printf "\"=DATE(%d,%d,%d)\",\"=DATE(%d,%d,%d)\"", $1, $2, $3, $4, $5, $6
    printf ",\"=TEXT(A%d,\"\"yyyy-mm-dd\"\")\",\"=TEXT(B%d,\"\"yyyy-mm-dd\"\")\"", r, r
    printf ",\"=B%d-A%d\",\"=YEARFRAC(A%d,B%d,2)\",\"=YEARFRAC(A%d,B%d,3)\"", r, r, r, r, r, r
    printf ",\"=DAYS360(A%d,B%d,TRUE)\",\"%s\"\n", r, r, isda
}' "$work/pairs" >"$work/in.csv"

ssconvert --recalc --import-type=Gnumeric_stf:stf_csvtab \
    --export-type=Gnumeric_stf:stf_assistant \
    -O 'eol=unix separator=, quote=never format=raw' \
    "$work/in.csv" "$work/out.csv" >/dev/null

{
    echo 'start,end,act_days,act360,act365f,days_30e_360,act_act_isda'
    cut -d, -f3- "$work/out.csv"
} >"$work/expected.csv"

# Gnumeric must have read every pair as written, and produced a number
# in every other column.
awk -F, -v pairs="$work/pairs" -v count="$(wc -l <"$work/pairs")" '
    NR == 1 { next }
    {
        if ((getline want <pairs) <= 0 || $1 " " $2 != want) {
            print "make-expected.sh: row " NR - 1 " reads " $1 " " $2 \
                  ", expected " want >"/dev/stderr"
            bad = 1
            exit 1
        }
        for (i = 3; i <= 7; i++)
            if ($i !~ /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/) {
                print "make-expected.sh: row " NR - 1 " column " i \
                      " is not a number: " $i >"/dev/stderr"
                bad = 1
                exit 1
            }
        n++
    }
    END {
        if (bad)
            exit 1
        if (n != count) {
            print "make-expected.sh: " n " rows, expected " count >"/dev/stderr"
            exit 1
        }
    }' "$work/expected.csv"

mv "$work/expected.csv" "$here/expected.csv"
echo "wrote $here/expected.csv with $(ssconvert --version | head -n 1)"
