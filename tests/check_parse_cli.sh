#!/bin/sh
# `ipledge parse` prints one JSON object per record, with the values the
# sample files hold, read from them by hand: US 8,930,553 was filed on
# 2012-10-09, has 8 claims of which 1 and 8 are independent, and 129
# days of PTA: 2032-10-09 + 129 days = 2033-02-15. Numbers are in the
# canonical forms of ident.h ("US8930553", the published "08930553" next
# to it). A damaged document is reported on stderr with its location,
# and the exit status says so.
set -eu
: "${IPL_BUILDDIR:?}" "${IPL_SHARED_DATA:?IPL_SHARED_DATA must name the shared data}" "${PYTHON3:?}"

ipledge="$IPL_BUILDDIR/examples/ipledge"
grants="$IPL_SHARED_DATA/records/uspto-grant"
for f in US08930553-v45-2014.xml US07057742-v41-2005.xml \
         ipgb20230404-bulk-subset-3docs.xml; do
    [ -f "$grants/$f" ] || { echo "FAIL: $grants/$f is missing"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$ipledge" parse "$grants/US08930553-v45-2014.xml" > "$tmp/one.jsonl"
"$PYTHON3" - "$tmp/one.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 1, rows
r = rows[0]
want = {"format": "uspto-grant", "office": "US", "type": "invention",
        "application_number": "13648029", "publication_number": "US8930553",
        "publication_number_published": "08930553",
        "kind": "B2", "filing_date": "2012-10-09",
        "publication_date": "2015-01-06", "grant_date": "2015-01-06",
        "expiry_date": "2033-02-15", "claims_count": 8,
        "independent_claims_count": 2, "citations_count": 21,
        "ipc": ["G06F 15/16"], "owners": ["International Business Machines Corporation"]}
for k, v in want.items():
    assert r.get(k) == v, (k, r.get(k), v)
assert r["source"]["index"] == 0 and r["source"]["file"].endswith("US08930553-v45-2014.xml")
assert r["title"].startswith("Managing mid-dialog session initiation protocol")
assert len(r["inventors"]) == 3
assert "registration_date" not in r     # absent fields are absent
PY

status=0
"$ipledge" parse "$grants/US07057742-v41-2005.xml" \
    "$grants/ipgb20230404-bulk-subset-3docs.xml" > "$tmp/two.jsonl" \
    2> "$tmp/err.txt" || status=$?
[ $status -eq 1 ] || { echo "FAIL: a skipped document gave status $status"; exit 1; }
grep -q "US07057742-v41-2005.xml:880:[0-9]*: document 1 (byte 0): " "$tmp/err.txt" ||
    { echo "FAIL: no location in:"; cat "$tmp/err.txt"; exit 1; }
grep -q "1 documents, 0 records, 1 skipped" "$tmp/err.txt"
[ "$(wc -l < "$tmp/two.jsonl")" -eq 3 ] || { echo "FAIL: expected 3 records"; exit 1; }
"$PYTHON3" - "$tmp/two.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert [r["publication_number"] for r in rows] == ["USD982278", "USD982279", "US11617590"]
assert [r["publication_number_published"] for r in rows] == ["D0982278", "D0982279", "11617590"]
assert [r["source"]["index"] for r in rows] == [0, 1, 2]
assert rows[0]["type"] == "design" and rows[0]["locarno"] == ["2-01"]
PY

status=0
"$ipledge" parse 2> /dev/null || status=$?
[ $status -eq 64 ] || { echo "FAIL: no file gave status $status"; exit 1; }
echo "PASS: ipledge parse prints the records and reports the damaged one"
