"""A big delimited label file read in parts of about ``CHUNK_ROWS`` rows, never held whole.

``read_label_chunks`` yields one ``LabelSheet`` per part, each as ``read_label`` would give
those rows: the same lines, issues, sheet rows and left-out rows, so judging the parts one after
another gives the products of the whole file, in its order. A part ends only where a new product
starts (a non-blank product cell that differs from the row above), so no product and no
continued product cell is split between two parts.

Only a plain case is read this way: a regular file of at least ``STREAM_MIN_BYTES``, UTF-8
(with or without a byte-order mark), a header with product and strain columns among its first
rows, no ``sep=`` line. Whenever the whole-file reader would decide something (another encoding,
a byte that is not UTF-8, a row that cannot be split, more rows than the limit, a missing or
doubled column, a part with no data rows), ``NotStreamable`` is raised, possibly after some parts
were given; the caller then starts again with ``read_label``, which gives its usual answer or
error. Whether each product's rows are together in the file is for the caller to check (the
judged products say it: labels does not group).
"""

from __future__ import annotations

import codecs
import csv
import io
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from strainscore.errors import InputFileError
from strainscore.labels.files.delimited import SEPARATORS, _check_is_text, choose_separator
from strainscore.labels.files.sniff import sniff
from strainscore.labels.limits import DEFAULT_MAX_ROWS, Limits
from strainscore.labels.rows.cells import cell_text
from strainscore.labels.table.find import (
    HEADER_SEARCH_LIMIT,
    HEADER_SEARCH_ROWS,
    RawSheet,
    scan_header,
)
from strainscore.models import LabelSheet
from strainscore.text.clean import strip_invisible

CHUNK_ROWS = 50_000
STREAM_MIN_BYTES = 8 * 1024 * 1024  # a smaller file is read whole: it fits in memory anyway
_HEAD_BYTES = 512 * 1024


class NotStreamable(Exception):
    """The file needs the whole-file reader (read_label) to decide; start again with it."""


Body = list[tuple[int, list[Any]]]


def might_stream(path: str | Path, min_bytes: int = STREAM_MIN_BYTES) -> bool:
    """Whether `path` is a regular file big enough to be read in parts (cheap: a stat); the
    content may still send it to the whole-file reader (``NotStreamable``)."""
    if str(path) == "-":
        return False
    try:
        st = Path(path).stat()
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and st.st_size >= min_bytes


def read_label_chunks(
    path: str | Path,
    *,
    max_rows: int = DEFAULT_MAX_ROWS,
    chunk_rows: int = CHUNK_ROWS,
    min_bytes: int = STREAM_MIN_BYTES,
) -> Iterator[LabelSheet]:
    """The file's label sheets, part by part (see the module); raises ``NotStreamable``."""
    from strainscore.labels.rows.validate import validate_sheet
    from strainscore.text.clean import printable

    source = printable(str(path))
    limits = Limits(max_rows=max_rows)
    p = Path(path)
    if source == "-" or source != str(path):
        raise NotStreamable("standard input, or a name that is not printable")
    try:
        st = p.stat()
    except OSError:
        raise NotStreamable("cannot stat") from None
    if not stat.S_ISREG(st.st_mode) or not min_bytes <= st.st_size <= limits.max_file_bytes:
        raise NotStreamable("not a regular file of a streamed size")
    with p.open("rb") as fh:
        encoding, sep = _plain_utf8(fh.read(_HEAD_BYTES), source)
        fh.seek(0)
        text = io.TextIOWrapper(fh, encoding=encoding, errors="strict", newline="")
        before = csv.field_size_limit(min(sys.maxsize, max(st.st_size, 131_072) + 1))
        try:
            parts = _parts(csv.reader(text, delimiter=sep, strict=True), limits, chunk_rows)
            header, prefix = next(parts)
            raw = RawSheet(None, prefix, ragged_is_error=True)
            for body in parts:
                try:
                    yield validate_sheet(source, raw, header, limits=limits, body=body)
                except InputFileError:
                    raise NotStreamable("a part the whole-file reader must judge") from None
        except _TooManyRows:
            raise _too_many_rows(p, source, limits) from None
        except (csv.Error, UnicodeDecodeError, ValueError):
            raise NotStreamable("a row or byte the whole-file reader must judge") from None
        finally:
            csv.field_size_limit(before)


class _TooManyRows(Exception):
    """More filled rows than the whole-file reader reads before it refuses the file."""


def _too_many_rows(p: Path, source: str, limits: Limits) -> Exception:
    """The whole-file reader's answer to a file with too many rows, given without reading the
    file whole: it decodes all of it first (a byte that is not UTF-8 makes it Windows-1252, or
    an encoding error), then refuses the file at the same row this reader reached."""
    from strainscore.labels.problems import file_error

    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with p.open("rb") as fh:
            while block := fh.read(_HEAD_BYTES * 32):
                decoder.decode(block)
            decoder.decode(b"", final=True)
    except (OSError, UnicodeDecodeError):
        return NotStreamable("the whole-file reader decides the encoding first")
    return file_error(source, "too-many-rows", f"the file has more than {limits.max_rows:,} rows")


def _plain_utf8(head: bytes, source: str) -> tuple[str, str]:
    """(codec, separator) of a plain UTF-8 text file, judged from its first bytes."""
    try:
        if sniff(head, source) != "text":
            raise NotStreamable("a workbook")
    except InputFileError:
        raise NotStreamable("not a file read as text") from None
    bom = head.startswith(codecs.BOM_UTF8)
    if not bom and head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        raise NotStreamable("UTF-16 or UTF-32")
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(head[3:] if bom else head)
    except UnicodeDecodeError:
        raise NotStreamable("not UTF-8") from None
    if text.startswith("\ufeff") or not text.strip() or "\x00" in text:
        raise NotStreamable("not plain text")
    try:
        _check_is_text(text, source)
    except InputFileError:
        raise NotStreamable("control bytes") from None
    first = text.partition("\n")[0].strip("\r")
    if first.startswith("sep=") and len(first) == 5:
        raise NotStreamable("a sep= line")
    sep = choose_separator(text, source)
    if sep not in SEPARATORS:
        raise NotStreamable("no separator")
    return ("utf-8-sig" if bom else "utf-8"), sep


def _parts(reader: Iterator[list[str]], limits: Limits, chunk_rows: int) -> Iterator[Any]:
    """First (header, rows up to it), then each part's body (see the module)."""
    first: list[list[Any]] = []
    for record in reader:
        first.append(list(record))
        if (
            len(first) >= HEADER_SEARCH_LIMIT
            or sum(1 for r in first if any(r)) > HEADER_SEARCH_ROWS
        ):
            break
    header = scan_header(first)
    if header is None or not header.complete:
        raise NotStreamable("no complete header")
    yield header, first[: header.row + 1]
    product = header.fields["product"][0]
    cap = limits.max_rows + HEADER_SEARCH_ROWS + 1
    filled = sum(1 for r in first[: header.row + 1] if any(r))
    body: Body = []
    last = ""
    given = False
    rows = enumerate(first[header.row + 1 :], start=header.row + 1)
    kept = 0
    for r, cells in _chain(rows, reader, len(first)):
        if any(cells):
            filled += 1
            if filled > cap:
                raise _TooManyRows
        if not any(cell_text(v) for v in cells):
            continue
        kept += 1
        if kept > limits.max_rows:  # no more parts: is it more than the whole-file cap?
            continue
        name = strip_invisible(cell_text(cells[product]))[0] if product < len(cells) else ""
        if len(body) >= chunk_rows and name and name != last:
            yield body
            body, given = [], True
        if name:
            last = name
        body.append((r, cells))
    if kept > limits.max_rows:  # the whole-file reader counts the data rows and says how many
        raise NotStreamable("more data rows than the limit")
    if not body and not given:
        raise NotStreamable("no data rows")
    if body:
        yield body


def _chain(
    first: Iterator[tuple[int, list[Any]]], reader: Iterator[list[str]], start: int
) -> Iterator[tuple[int, list[Any]]]:
    yield from first
    for r, record in enumerate(reader, start=start):
        yield r, list(record)
