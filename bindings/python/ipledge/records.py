"""Office records (patents, trademarks, designs) read from XML files.

A :class:`Reader` is an iterator of :class:`Record` and a context manager;
it reads one document, a bulk file (concatenated or wrapped documents) or
a stream, in any of the office formats the library knows (format
"auto" detects it)::

    with ipledge.records.open("ipg240102.xml") as rd:
        for rec in rd:
            print(rec.number("publication"), rec.title())

A malformed document raises :class:`~ipledge.IplParseError` (with file,
line and column) from ``next()``; the reader stays usable and the next
``next()`` continues with the following document.  ``errors="skip"``
skips them instead and counts them in :attr:`Reader.stats`.
"""

import datetime
from dataclasses import dataclass
from typing import IO, Dict, Iterator, List, Optional

from ._lowlevel import (IplParseError, call, check, enum_name, enum_value,
                        ffi, from_date, lib, new_error, new_object,
                        opt_string, string, to_date)
from .ident import Ident, from_c as ident_from_c

DATES = ("filing", "priority", "publication", "grant", "registration", "expiry", "status")
NUMBERS = ("application", "publication", "registration", "pct_application", "pct_publication")


@dataclass(frozen=True)
class Item:
    """One entry of a record's list (a title, an applicant, a class, a
    citation, an event …); absent parts are None or 0."""

    text: Optional[str]
    lang: Optional[str]
    country: Optional[str]
    code: Optional[str]
    date: Optional[datetime.date]
    value: int


@dataclass(frozen=True)
class Stats:
    """What a reader has seen so far."""

    documents: int
    skipped: int
    records: int
    document: int
    offset: int


class Record:
    """One office record: immutable, with accessors."""

    def __init__(self, handle):
        self._r = handle

    @property
    def office(self) -> str:
        """The office code ("CN", "US", "EP", "EM", …)."""
        return string(lib.ipl_record_office(self._r))

    @property
    def right_type(self) -> str:
        """"invention", "utility_model", "design", "trademark", …"""
        return enum_name("ipl_right_type", lib.ipl_record_right_type(self._r))

    @property
    def document_type(self) -> str:
        """"application", "grant", "status", "register", …"""
        return enum_name("ipl_record_document", lib.ipl_record_document_type(self._r))

    @property
    def format(self) -> str:
        """The format the record was read from ("uspto-grant", …)."""
        return string(lib.ipl_record_format_name(self._r))

    def number(self, kind: str = "application") -> Optional[str]:
        """The number of ``kind`` ("application", "publication",
        "registration", "pct_application", "pct_publication") as the office
        wrote it, or None."""
        return opt_string(lib.ipl_record_number(
            self._r, enum_value("ipl_record_number_kind", kind, "kind")))

    def ident(self, kind: str = "application") -> Ident:
        """The number of ``kind`` parsed as an identifier."""
        out = ffi.new("ipl_ident *")
        call(lib.ipl_record_ident, out, self._r,
             enum_value("ipl_record_number_kind", kind, "kind"))
        return ident_from_c(out)

    @property
    def numbers(self) -> Dict[str, str]:
        """Every number the record has, by kind."""
        return {k: v for k in NUMBERS for v in [self.number(k)] if v is not None}

    @property
    def kind_code(self) -> Optional[str]:
        """The WIPO ST.16 kind code ("B2", "A1"), or None."""
        return opt_string(lib.ipl_record_kind_code(self._r))

    @property
    def status(self) -> Optional[str]:
        """The legal status as the office states it, or None."""
        return opt_string(lib.ipl_record_status(self._r))

    def date(self, kind: str) -> Optional[datetime.date]:
        """The date of ``kind`` (see :data:`DATES`), or None."""
        out = ffi.new("ipl_date *")
        if lib.ipl_record_date(out, self._r, enum_value("ipl_record_date_kind", kind, "kind")):
            return to_date(out)
        return None

    @property
    def dates(self) -> Dict[str, datetime.date]:
        """Every date the record has, by kind."""
        return {k: v for k in DATES for v in [self.date(k)] if v is not None}

    def items(self, list_name: str) -> List[Item]:
        """The entries of a list: "titles", "applicants", "owners",
        "inventors", "ipc", "cpc", "nice", "claims", "citations", "events" …"""
        which = enum_value("ipl_record_list", list_name, "list")
        out = []
        for i in range(lib.ipl_record_count(self._r, which)):
            it = lib.ipl_record_row(self._r, which, i)
            out.append(Item(opt_string(it.text), opt_string(it.lang), opt_string(it.country),
                            opt_string(it.code), to_date(it.date) if it.have_date else None,
                            it.value))
        return out

    def count(self, list_name: str) -> int:
        """The number of entries of a list."""
        return lib.ipl_record_count(self._r, enum_value("ipl_record_list", list_name, "list"))

    def title(self, lang: Optional[str] = None) -> Optional[str]:
        """The title in ``lang`` (None: the record's first title)."""
        return opt_string(lib.ipl_record_title(self._r, lang.encode() if lang else ffi.NULL))

    @property
    def claims_count(self) -> int:
        """Number of claims (from the text, or as the office states it)."""
        return lib.ipl_record_claims_count(self._r)

    @property
    def independent_claims_count(self) -> int:
        """Number of independent claims; 0 without claim text."""
        return lib.ipl_record_independent_claims_count(self._r)

    @property
    def term_extension(self) -> Optional[int]:
        """Days of patent term extension or adjustment, or None."""
        days = ffi.new("int64_t *")
        return days[0] if lib.ipl_record_term_extension(days, self._r) else None

    @property
    def expiry(self) -> datetime.date:
        """The expiry date, stated or computed from the office's term
        rules; IplValueError when it cannot be known."""
        out = ffi.new("ipl_date *")
        call(lib.ipl_record_expiry, out, self._r)
        return to_date(out)

    def remaining_life(self, on: datetime.date) -> int:
        """Days from ``on`` to the expiry (negative once expired)."""
        days = ffi.new("int64_t *")
        call(lib.ipl_record_remaining_life, days, self._r, from_date(on))
        return days[0]

    def __repr__(self) -> str:
        return f"<Record {self.office} {self.right_type} {self.number() or self.number('publication')}>"


def _options(fmt: str):
    opts = ffi.new("ipl_parse_options *")
    lib.ipl_parse_options_init(opts, lib.IPL_PARSE_OPTIONS_VERSION)
    opts.format = enum_value("ipl_parse_format", fmt.replace("-", "_"), "format")
    return opts


class Reader:
    """An iterator of records over one input.  Use :func:`open`,
    :func:`from_bytes` or :func:`from_stream` to make one."""

    def __init__(self, handle, errors: str = "raise", keep=None):
        if errors not in ("raise", "skip"):
            raise ValueError("errors must be 'raise' or 'skip'")
        self._rd, self._errors, self._keep = handle, errors, keep

    def __iter__(self) -> Iterator[Record]:
        return self

    def __next__(self) -> Record:
        if self._rd is None:
            raise ValueError("the reader is closed")
        while True:
            out, err = ffi.new("ipl_record **"), new_error()
            rc = lib.ipl_parse_reader_next(out, self._rd, err)
            self._reraise()
            if rc == 1:
                return Record(ffi.gc(out[0], lib.ipl_record_free))
            if rc == 0:
                raise StopIteration
            try:
                check(rc, err)
            except IplParseError:
                if self._errors == "raise":
                    raise

    def _reraise(self) -> None:
        """An exception the stream's read() raised inside the callback."""
        if self._keep is not None and self._keep.error is not None:
            error, self._keep.error = self._keep.error, None
            raise error

    @property
    def stats(self) -> Stats:
        """Documents, skipped documents and records so far."""
        out = ffi.new("ipl_parse_stats *")
        lib.ipl_parse_reader_stats(out, self._rd)
        return Stats(out.documents, out.skipped, out.records, out.document, out.offset)

    def close(self) -> None:
        """Free the reader now (iteration stops)."""
        if self._rd is not None:
            ffi.release(self._rd)
            self._rd = None

    def __enter__(self) -> "Reader":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open(path: str, format: str = "auto", errors: str = "raise") -> Reader:
    """A reader over the file at ``path`` (one document or a bulk file)."""
    return Reader(new_object("ipl_reader", lib.ipl_parse_reader_new_file,
                             lib.ipl_parse_reader_free, path.encode(), _options(format)),
                  errors)


def from_bytes(data: bytes, name: str = "memory", format: str = "auto",
               errors: str = "raise") -> Reader:
    """A reader over ``data`` (copied by the library); errors name ``name``."""
    return Reader(new_object("ipl_reader", lib.ipl_parse_reader_new_memory,
                             lib.ipl_parse_reader_free, data, len(data), name.encode(),
                             _options(format)), errors)


class _Stream:
    """The callback's state: the file object and what its read() raised."""

    def __init__(self, stream: IO[bytes]):
        self.stream, self.error = stream, None
        self.callback = ffi.callback("ipl_parse_read_fn", self._read)

    def _read(self, ctx, buf, size):
        try:
            data = self.stream.read(size)
        except Exception as e:  # reported by Reader.__next__
            self.error = e
            return -1
        ffi.memmove(buf, data, len(data))
        return len(data)


def from_stream(stream: IO[bytes], name: str = "stream", format: str = "auto",
                errors: str = "raise") -> Reader:
    """A reader pulling bytes from a binary file object (a pipe, a
    decompressor, an HTTP body) as it goes."""
    state = _Stream(stream)
    return Reader(new_object("ipl_reader", lib.ipl_parse_reader_new_callback,
                             lib.ipl_parse_reader_free, state.callback, ffi.NULL,
                             name.encode(), _options(format)), errors, state)


def detect(data: bytes) -> str:
    """The format of a document's first bytes ("uspto-grant", …)."""
    out = ffi.new("ipl_parse_format *")
    call(lib.ipl_parse_detect, out, data, len(data))
    return string(lib.ipl_parse_format_name(out[0]))


def format_names() -> List[str]:
    """The names of every format the reader knows."""
    return [string(lib.ipl_parse_format_name(i)) for i in range(1, lib.IPL_FORMAT_COUNT)]


__all__ = ["Item", "Record", "Reader", "Stats", "open", "from_bytes", "from_stream",
           "detect", "format_names"]
