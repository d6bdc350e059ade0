#!/bin/sh
# `ipledge value FILE.xml`: the published examples through the command
# line in every format, Monte Carlo in JSON, and documents the schema,
# the parser or the library refuse (with line or field, status 1).
set -eu
: "${IPL_SRCDIR:?}" "${IPL_BUILDDIR:?}" "${PYTHON3:=python3}"

ipledge="$IPL_BUILDDIR/examples/ipledge"
vectors="$IPL_SRCDIR/tests/vectors/value"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { echo "FAIL: $*"; exit 1; }

# Text: the issue's patent is worth 3,855,432.89, set by its economic life.
"$ipledge" value "$vectors/declining-patent.xml" > "$tmp/out.txt"
grep -q '^value: 3855432.89$' "$tmp/out.txt" || fail "declining patent value"
grep -q 'set by the economic limit' "$tmp/out.txt" || fail "period reason"
"$ipledge" value "$vectors/multiplier-patent.xml" | grep -q '^value: 88.7500$' ||
    fail "multiplier patent"

# JSON and XML carry the same figures; JSON has value, method, period,
# rows and, for Monte Carlo, quantiles.
"$ipledge" value --format=json "$vectors/declining-patent.xml" > "$tmp/out.json"
"$ipledge" value --format=xml "$vectors/declining-patent.xml" > "$tmp/out.xml"
"$ipledge" value --format=json "$vectors/trademark-montecarlo.xml" > "$tmp/mc.json"
"$PYTHON3" - "$tmp" <<'PY' || fail "JSON or XML content"
import json, sys, xml.etree.ElementTree as ET
d = sys.argv[1]
j = json.load(open(d + "/out.json"))
assert abs(j["value"] - 3855432.894295317) < 1e-6, j["value"]
assert j["method"] == "split" and j["period"] == {"years": 10.0, "reason": "economic"}
assert len(j["rows"]) == 10 and j["rows"][9]["base"] == 100000
assert sum(r["present"] for r in j["rows"]) - j["value"] < 1e-6
x = ET.parse(d + "/out.xml").getroot()
ns = {"v": "urn:ipledge:valuation:1"}
assert float(x.get("value")) == j["value"]
assert len(x.findall("v:rows/v:row", ns)) == 10
m = json.load(open(d + "/mc.json"))
q = m["montecarlo"]["quantiles"]
assert list(q) == ["P5", "P10", "P50", "P90", "P95"]
assert q["P5"] < q["P50"] < q["P95"]
assert m["method"] == "relief-from-royalty" and m["period"]["reason"] == "perpetual"
assert sum(b["count"] for b in m["montecarlo"]["histogram"]) == 5000
assert [c["name"] for c in m["discount_rate"]["components"]] == \
    ["risk_free", "market", "legal", "management"]
PY

# A bundle: each right valued, the values summed, the simulation over
# all three with correlated inputs.
"$ipledge" value --format=json "$vectors/bundle.xml" > "$tmp/bundle.json"
"$ipledge" value --format=xml "$vectors/bundle.xml" > "$tmp/bundle.xml"
"$ipledge" value "$vectors/bundle.xml" | grep -q '^bundle value: ' || fail "bundle text"
"$PYTHON3" - "$tmp" <<'PY' || fail "bundle JSON or XML"
import json, sys, xml.etree.ElementTree as ET
d = sys.argv[1]
b = json.load(open(d + "/bundle.json"))
assert b["method"] == "bundle" and len(b["rights"]) == 3
assert [r["method"] for r in b["rights"]] == ["split", "relief-from-royalty", "cost"]
assert abs(b["rights"][0]["value"] - 3855432.894295317) < 1e-6
assert abs(b["rights"][2]["value"] - 88.75) < 1e-9
assert b["rights"][1]["period"] == {"years": 6.0, "reason": "contract"}
assert abs(b["value"] - sum(r["value"] for r in b["rights"])) < 1e-6
assert abs(b["montecarlo"]["deterministic"] - b["value"]) < 1e-6 * b["value"]
x = ET.parse(d + "/bundle.xml").getroot()
ns = {"v": "urn:ipledge:valuation:1"}
assert x.get("method") == "bundle" and len(x.findall("v:right", ns)) == 3
PY

# The same seed gives the same simulation on 1 and 2 threads.
sed 's/threads="2"/threads="1"/' "$vectors/trademark-montecarlo.xml" > "$tmp/one.xml"
"$ipledge" value --format=json "$tmp/one.xml" | diff - "$tmp/mc.json" > /dev/null ||
    fail "1 and 2 threads differ"

# Refusals: status 1 and a message with the line (schema, parser) or
# the field (library).
refuse() {
    status=0
    "$ipledge" value "$vectors/bad/$1.xml" > /dev/null 2> "$tmp/err" || status=$?
    [ $status -eq 1 ] || fail "$1: status $status"
    grep -q "$2" "$tmp/err" || { cat "$tmp/err"; fail "$1: message"; }
}
refuse not-a-number 'not-a-number.xml:5: .*ten percent'
refuse entity 'entity.xml:[0-9]*: '
refuse doctype 'doctype.xml:1: a valuation document may not have a DOCTYPE'
refuse rate-below-minus-100 'rate-below-minus-100.xml:6: rights\[0\].discount_rate: must be above -100 %'
refuse correlation 'correlation.xml:14: correlation: the matrix is not positive definite'
refuse market-montecarlo 'market-montecarlo.xml:6: rights\[1\]: a market-approach right'
refuse uniform-reversed 'uniform-reversed.xml:12: inputs\[1\].dist.b: '
refuse truncated 'truncated.xml:[0-9]*: '

status=0
"$ipledge" value --format=yaml "$vectors/declining-patent.xml" 2> /dev/null || status=$?
[ $status -eq 64 ] || fail "unknown format gave status $status"
echo "PASS: ipledge value in text, XML and JSON; refusals with line or field"
