"""Office records: every shared sample against tests/vectors/records/
expected.tsv (written from Python's own XML parser by make-expected.py,
as check_parse uses it), streams, and malformed documents."""

import datetime
import io
import itertools

import pytest

from conftest import read_csv
from ipledge import IplParseError, records

LISTS = {"applicants": "applicants", "owners": "owners", "inventors": "inventors",
         "ipc": "ipc", "cpc": "cpc", "citations": "citations", "priorities": "priorities"}
JOINED = {"ipc_subclasses": "ipc_subclasses", "locarno": "locarno"}
DATES = {"filing": "filing", "published": "publication", "granted": "grant",
         "registered": "registration"}


def _check(rec, row):
    where = f"{row['file']} [{row['index']}]"
    assert rec.format == row["format"], where
    assert rec.office == row["office"], where
    assert rec.right_type == row["type"].replace("-", "_"), where
    for kind in ("application", "publication", "registration"):
        assert (rec.number(kind) or "") == row[kind], (where, kind)
    assert (rec.kind_code or "") == row["kind"], where
    for col, kind in DATES.items():
        d = rec.date(kind)
        assert (d.isoformat() if d else "") == row[col], (where, col)
    assert (rec.title("en") or "")[:16] == row["title"], where
    for col, name in LISTS.items():
        assert rec.count(name) == int(row[col] or 0), (where, col)
        assert len(rec.items(name)) == int(row[col] or 0), (where, col)
    for col, name in JOINED.items():
        assert ";".join(i.text for i in rec.items(name)) == row[col], (where, col)
    assert ";".join(str(i.value) for i in rec.items("nice")) == row["nice"], where
    assert rec.claims_count == int(row["claims"] or 0), where


def test_every_sample_file(vectors, shared_data):
    rows = read_csv(vectors("records", "expected.tsv"), delimiter="\t")
    assert len(rows) >= 90
    files = 0
    for name, group in itertools.groupby(rows, key=lambda r: r["file"]):
        group, files = list(group), files + 1
        path = shared_data("records", name)
        with records.open(path) as rd:
            for row in group:
                if row["format"] == "ERROR":
                    with pytest.raises(IplParseError) as e:
                        next(rd)
                    assert e.value.file == path
                    assert e.value.line == int(row["error_line"])
                    continue
                _check(next(rd), row)
            with pytest.raises(StopIteration):
                next(rd)
            skipped = sum(r["format"] == "ERROR" for r in group)
            assert rd.stats.records == len(group) - skipped
            assert rd.stats.skipped == skipped
    assert files == 60


BULK = "uspto-grant/ipg080101-bulk-subset-25docs.xml"


def test_bulk_file_from_a_stream_and_from_bytes(shared_data):
    path = shared_data("records", BULK)
    with records.open(path) as rd:
        want = [r.number("publication") for r in rd]
    assert len(want) == 25
    with open(path, "rb") as f:
        data = f.read()
    # a stream that hands out a few bytes at a time
    stream = io.BufferedReader(io.BytesIO(data), buffer_size=7)
    assert [r.number("publication") for r in records.from_stream(stream, "pipe")] == want
    assert [r.number("publication") for r in records.from_bytes(data)] == want
    assert records.detect(data) == "uspto-grant"


def test_stream_errors_propagate():
    class Broken(io.RawIOBase):
        def read(self, size=-1):
            raise OSError("disk on fire")
    with pytest.raises(OSError, match="disk on fire"):
        next(records.from_stream(Broken()))


def test_skip_malformed_documents():
    data = b"<?xml version='1.0'?>\n<a><b></a>"
    rd = records.from_bytes(data, "bad.xml", errors="skip")
    assert list(rd) == []
    assert rd.stats.skipped == 1


def test_record_accessors(shared_data):
    path = shared_data("records", "cnipa", "CN104223352A-old-cn-patent-document-bom.xml")
    rec = next(records.open(path))
    assert rec.numbers == {"application": "201410408762.5", "publication": "104223352"}
    assert rec.ident("application").canonical == "201410408762.5"
    # a Chinese invention patent runs 20 years from filing (2014-08-19)
    assert rec.expiry.isoformat() == "2034-08-19"
    assert rec.remaining_life(rec.expiry) == 0
    assert rec.dates["filing"].isoformat() == "2014-08-19"


def test_closed_reader():
    rd = records.from_bytes(b"<a/>")
    rd.close()
    with pytest.raises(ValueError):
        next(rd)


def test_indicator_facts_from_a_record(shared_data):
    # CN113783949A: filed 2021-08-26, expires 2041-08-26; on 2024-01-01
    # 6,447 days remain of 20 x 365.25; IPC subclasses H04L, G06Q, G06F.
    from ipledge import indicators
    path = shared_data("records", "cnipa", "CN113783949A-new-sipo-business.xml")
    rec = next(records.open(path))
    facts = {f.id: f for f in indicators.from_record(rec, datetime.date(2024, 1, 1))}
    assert set(facts) == {"legal.remaining_life", "legal.scope",
                          "legal.ownership", "technical.field"}
    assert facts["legal.remaining_life"].score == pytest.approx(6447 / (20 * 365.25), abs=1e-12)
    assert facts["technical.field"].score == 0.75
    assert facts["legal.ownership"].score == 1.0
    tree = indicators.Tree.default()
    leaves = [i.id for i in tree.indicators
              if not any(j.parent == i.id for j in tree.indicators)]
    total, _ = tree.score({leaf: facts[leaf].score if leaf in facts else 0.5
                           for leaf in leaves})
    assert 0 < total < 1
