"""Reading CSV/TSV text into a grid of strings, strictly: no guessed values, no silent shifts.

Decoding: UTF-8 (BOM or not), UTF-16/32 with a BOM, then Windows-1252 with a notice; never a
replaced character. The separator is the one of , ; tab | that yields a header row. Every value
stays the text it was ("NA", "None", "007").
"""

from __future__ import annotations

import csv
import io
import re
import sys

from strainscore.errors import InputFileError
from strainscore.labels.files.sniff import suffix_of
from strainscore.labels.limits import Limits
from strainscore.labels.problems import file_error, issue
from strainscore.labels.table.find import HEADER_SEARCH_ROWS, Grid, RawSheet, scan_header
from strainscore.models import InputIssue

SEPARATORS = (",", ";", "\t", "|")
_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
_SNIFF_CHARS = 64 * 1024
_SEP_LINE = re.compile(r"sep=(.)")
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8-sig", "UTF-8"),
    (b"\xff\xfe", "utf-16", "UTF-16"),
    (b"\xfe\xff", "utf-16", "UTF-16"),
)


def read_delimited(
    data: bytes, source: str, limits: Limits
) -> tuple[RawSheet, list[InputIssue], list[str]]:
    """(the grid, notices as issues, notices as sentences)."""
    text, fallback = decode(data, source)
    if not text.strip():
        raise file_error(source, "empty-file", "the file holds only blank lines")
    _check_is_text(text, source)
    issues: list[InputIssue] = []
    notices = []
    first, _, rest = text.partition("\n")
    hint = _SEP_LINE.fullmatch(first.strip("\r"))
    if hint:  # Excel's "sep=;" first line: it names the separator and is not a row
        sep, text = hint.group(1), rest
        notices.append(f"the first line 'sep={sep}' names the separator; it was not read as a row")
    else:
        sep = choose_separator(text, source)
    rows = _parse(text, sep, source, limits)
    if fallback:
        issues.append(fallback)
        notices.append("read as Windows-1252 text (the file is not UTF-8)")
    if sep != ",":
        notices.append(f"values are separated by {_NAMES[sep]}s")
    return RawSheet(None, rows, ragged_is_error=True), issues, notices


def decode(data: bytes, source: str) -> tuple[str, InputIssue | None]:
    """The text, and an 'encoding-fallback' notice when it was read as Windows-1252."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                why = f"it starts with a {name} mark but is not {name}"
                raise _bad_encoding(source, why, exc) from None
            return text.lstrip("\ufeff"), None
    head = data[:400]
    if head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4:
        # ASCII in UTF-16 is valid UTF-8 full of NULs: catch it before it decodes "fine".
        raise _bad_encoding(source, "it looks like UTF-16 without a byte-order mark", None)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise _bad_encoding(
            source, "it is neither UTF-8, UTF-16 nor Windows-1252", utf8_error
        ) from None
    line = data.count(b"\n", 0, utf8_error.start) + 1
    byte = data[utf8_error.start]
    notice = issue(
        "encoding-fallback",
        f"the file is not UTF-8 (byte 0x{byte:02X} on line {line}), so it was read as "
        f"Windows-1252, where that byte is {bytes([byte]).decode('cp1252')!r}",
        source=source,
        severity="notice",
    )
    return text, notice


def _bad_encoding(source: str, why: str, exc: UnicodeDecodeError | None) -> InputFileError:
    where = ""
    if exc is not None:
        obj = bytes(exc.object)
        line = obj.count(b"\n", 0, exc.start) + 1
        where = f" (byte 0x{obj[exc.start]:02X} on line {line})"
    return file_error(source, "bad-encoding", f"the text encoding is not recognised: {why}{where}")


def _check_is_text(text: str, source: str) -> None:
    """A binary file that happens to decode is not a table: say so rather than 'no header'."""
    head = text[:4096]
    controls = sum(1 for ch in head if ord(ch) < 32 and ch not in "\t\r\n\f")
    if controls > max(8, len(head) // 10):
        raise file_error(
            source,
            "unsupported-format",
            "this does not look like a text (CSV) file: it is full of control bytes",
            advice="Give an .xlsx workbook or a CSV file saved as 'CSV UTF-8'.",
        )


def choose_separator(text: str, source: str) -> str:
    """The separator whose reading yields a header row (tab first for .tsv); else the one that
    splits most of the first lines into the same number of fields; else a comma."""
    head = text[:_SNIFF_CHARS]
    if len(text) > _SNIFF_CHARS and "\n" in head:
        head = head[: head.rfind("\n")]
    order = list(SEPARATORS)
    if suffix_of(source) in (".tsv", ".tab"):
        order.remove("\t")
        order.insert(0, "\t")
    grids: dict[str, Grid] = {}
    for sep in order:
        try:
            grids[sep] = [list(r) for r in csv.reader(io.StringIO(head, newline=""), delimiter=sep)]
        except csv.Error:
            continue
        header = scan_header(grids[sep])
        if header is not None and header.complete:
            return sep
    for sep, grid in grids.items():  # a header with a column missing still shows the separator
        header = scan_header(grid)
        if header is not None and len(header.fields) >= 2:
            return sep
    return max(grids, key=lambda s: _consistency(grids[s]), default=",")


def _consistency(grid: Grid) -> int:
    widths = [len(r) for r in grid[:HEADER_SEARCH_ROWS] if any(r)]
    if not widths or max(widths) < 2:
        return 0
    return max(widths.count(w) for w in set(widths) if w > 1)


def _parse(text: str, sep: str, source: str, limits: Limits) -> Grid:
    # A cell as long as the file may be read: a 1 MB strain cell is that row's problem
    # (cell-too-long), not a file that cannot be split. The limit is global, so it is put back.
    before = csv.field_size_limit(min(sys.maxsize, max(len(text), 131_072) + 1))
    try:
        return _parse_rows(text, sep, source, limits)
    finally:
        csv.field_size_limit(before)


def _parse_rows(text: str, sep: str, source: str, limits: Limits) -> Grid:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    rows: Grid = []
    filled = 0
    cap = limits.max_rows + HEADER_SEARCH_ROWS + 1
    try:
        for record in reader:
            rows.append(list(record))
            if any(record):
                filled += 1
                if filled > cap:
                    raise file_error(
                        source,
                        "too-many-rows",
                        f"the file has more than {limits.max_rows:,} rows",
                    )
    except csv.Error as exc:
        row = len(rows) + 1
        if "end of data" in str(exc):
            detail = f"a quote opened in row {row} is never closed (the text ran out at line "
            detail += f"{reader.line_num})"
        else:
            detail = f"row {row} cannot be split into cells near line {reader.line_num} ({exc})"
        raise file_error(source, "bad-csv", detail, row=row) from None
    return rows
