#!/bin/sh
# `ipledge appraise`: the four example cases of examples/cases/ in every
# format, their key figures against the hand checks written in each
# case file, and the exit statuses for bad input (65), an ineligible
# request (3) and a wrong command line (64).
set -eu
: "${IPL_SRCDIR:?}" "${IPL_BUILDDIR:?}" "${PYTHON3:?}"

ipledge="$IPL_BUILDDIR/examples/ipledge"
cases="$IPL_SRCDIR/examples/cases"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The office records the cases name, when the shared data set is there.
IPLEDGE_RECORDS=
if [ -n "${IPL_SHARED_DATA:-}" ] && [ -d "$IPL_SHARED_DATA/records" ]; then
    IPLEDGE_RECORDS="$IPL_SHARED_DATA/records"
fi
export IPLEDGE_RECORDS

fail() {
    echo "FAIL: $*"
    exit 1
}

expect_status() {   # expect_status STATUS COMMAND...
    want=$1
    shift
    got=0
    "$@" > "$tmp/out" 2> "$tmp/err" || got=$?
    [ "$got" -eq "$want" ] || { cat "$tmp/err"; fail "exit status $got, expected $want: $*"; }
}

contains() {        # contains FILE TEXT
    grep -F -q -- "$2" "$1" || { cat "$1"; fail "$1 lacks: $2"; }
}

# Key figures of the JSON report: "path=value" lines, checked one by one.
json_check() {      # json_check FILE PATH=VALUE...
    file=$1
    shift
    "$PYTHON3" - "$file" "$@" <<'PY' || exit 1
import json, sys
doc = json.load(open(sys.argv[1]))
for check in sys.argv[2:]:
    path, want = check.split("=", 1)
    v = doc
    for part in path.split("."):
        v = v[int(part)] if part.isdigit() else v[part]
    if str(v) != want:
        sys.exit("FAIL: %s: %s is %r, expected %s" % (sys.argv[1], path, v, want))
PY
}

# -- Dongguan: 1,895,393.38 at 25 %, 450,000.00 lent, 10,000.00 fee subsidy
expect_status 0 "$ipledge" appraise "$cases/dongguan-invention.xml"
contains "$tmp/out" "1  CN201510481495.9     invention      in-force  2035-08-07       1,895,393.38"
contains "$tmp/out" "collateral value   473,848.34"
contains "$tmp/out" "12 2025-07-01        38,129.59         115.98        38,129.59        38,245.57"
contains "$tmp/out" "appraisal-fee  base 20,000.00, subsidy 10,000.00, paid 10,000.00"
if [ -n "$IPLEDGE_RECORDS" ]; then
    contains "$tmp/out" "CN115212463A-new-sipo-business-with-doctype.xml (cnipa-new)"
fi
expect_status 0 "$ipledge" appraise --format=json "$cases/dongguan-invention.xml"
cp "$tmp/out" "$tmp/dongguan.json"
json_check "$tmp/dongguan.json" rights.0.value=1895393.38 pledge.trace.0.after=0.25 \
    pledge.max_loan=473848.34 loan.principal=450000.00 loan.totals.interest=8946.40 \
    loan.rows.0.payment=38245.53 subsidies.0.paid=10000.00 pledge.eligible=True

# Without the record the facts are the appraiser's, and the report says so.
IPLEDGE_RECORDS= expect_status 0 "$ipledge" appraise "$cases/dongguan-invention.xml"
contains "$tmp/out" "record cnipa/CN115212463A-new-sipo-business-with-doctype.xml not found"
contains "$tmp/out" "collateral value   473,848.34"

# -- Xianning 4321: bundle collateral 640,384.87; loss 132,000.00 shared 40/30/20/10
expect_status 0 "$ipledge" appraise --format=json "$cases/xianning-bundle.xml"
json_check "$tmp/out" rights.0.value=1480106.64 rights.1.value=540716.43 \
    pledge.collateral=640384.87 loan.principal=600000.00 \
    compensation.outstanding_principal=300000.00 compensation.loss=132000.00 \
    compensation.shares.0.final=52800.00 compensation.shares.1.final=39600.00 \
    compensation.shares.2.final=26400.00 compensation.shares.3.final=13200.00

# -- US patent: 40 % of the simulated P5 caps the 500,000.00 asked
expect_status 0 "$ipledge" appraise --format=json "$cases/us-patent.xml"
cp "$tmp/out" "$tmp/us.json"
"$PYTHON3" - "$tmp/us.json" <<'PY' || exit 1
import json, sys
from decimal import Decimal
d = json.load(open(sys.argv[1]))
r = d["rights"][0]
p5, cap = Decimal(r["p5"]), Decimal(d["pledge"]["max_loan"])
# 40 % of P5, rounded down to the cent; the loan is cut to it
assert cap == (p5 * Decimal("0.40")).quantize(Decimal("0.01"), "ROUND_DOWN"), (p5, cap)
assert Decimal(d["loan"]["principal"]) == cap
assert r["simulation"]["paths"] == 4000 and len(r["simulation"]["bins"]) == 12
assert sum(b["count"] for b in r["simulation"]["bins"]) == 4000
assert Decimal(r["p5"]) < Decimal(r["value"]) < Decimal(str(r["simulation"]["p95"]))
rows = d["loan"]["rows"]
assert len(rows) == 16 and sum(Decimal(x["principal"]) for x in rows) == cap
PY

# -- Henan: the fund prepays 150,000.02 at NPL and is paid back 147,000.00
expect_status 0 "$ipledge" appraise "$cases/henan-default.xml"
contains "$tmp/out" "principal at NPL   250,000.04"
contains "$tmp/out" "2024-01-01  fund         prepay           150,000.02"
contains "$tmp/out" "2024-09-30  fund         claw-back       -147,000.00"

# -- the XML report is well-formed and carries the JSON report's figures
expect_status 0 "$ipledge" appraise --format=xml "$cases/henan-default.xml"
"$PYTHON3" - "$tmp/out" <<'PY' || exit 1
import sys, xml.etree.ElementTree as ET
ns = {"r": "urn:ipledge:report:1"}
root = ET.parse(sys.argv[1]).getroot()
assert root.find("r:compensation/r:shares/r:share/r:prepaid", ns).text == "150000.02"
assert root.find("r:pledge/r:max_loan", ns).text == "500149.33"
assert len(root.findall("r:loan/r:rows/r:row", ns)) == 24
PY

# -- the HTML report is one page with its four kinds of chart
expect_status 0 "$ipledge" appraise --format=html "$cases/us-patent.xml"
contains "$tmp/out" "Value distribution of US8930553"
contains "$tmp/out" "Cash flows per period"
contains "$tmp/out" "Loan balance after each payment"
expect_status 0 "$ipledge" appraise --format=html "$cases/henan-default.xml"
contains "$tmp/out" "Compensation per party"
[ "$(grep -c '<svg' "$tmp/out")" -ge 4 ] || fail "henan HTML: fewer than 4 charts"
if grep -q -E '<script|src="http|href="http' "$tmp/out"; then
    fail "the HTML report is not self-contained"
fi

# -- refusals
sed 's/months="12"/months="48"/' "$cases/dongguan-invention.xml" > "$tmp/long.xml"
cp "$cases/dongguan-invention-value.xml" "$tmp/"
expect_status 3 "$ipledge" appraise "$tmp/long.xml"
contains "$tmp/out" "eligible           NO"
sed 's/type="invention"/type="invension"/' "$cases/dongguan-invention.xml" > "$tmp/bad.xml"
expect_status 65 "$ipledge" appraise "$tmp/bad.xml"
contains "$tmp/err" "bad.xml:"
contains "$tmp/err" "/case/rights/right"
sed 's/valuation="dongguan-invention-value.xml"/valuation="missing.xml"/' \
    "$cases/dongguan-invention.xml" > "$tmp/novalue.xml"
expect_status 65 "$ipledge" appraise "$tmp/novalue.xml"
sed -e '/<party/d' "$cases/henan-default.xml" > "$tmp/noshares.xml"
cp "$cases/henan-patent-value.xml" "$tmp/"
expect_status 65 "$ipledge" appraise "$tmp/noshares.xml"
contains "$tmp/err" "does not publish the parties' shares"
sed -e 's/name="bank"/name="lender"/' "$cases/henan-default.xml" > "$tmp/renamed.xml"
expect_status 65 "$ipledge" appraise "$tmp/renamed.xml"
contains "$tmp/err" "the policy's party \"bank\" has no share in the case"
expect_status 64 "$ipledge" appraise
expect_status 64 "$ipledge" appraise --format=pdf "$cases/henan-default.xml"

echo "PASS: ipledge appraise on the four example cases in every format; exit statuses"
