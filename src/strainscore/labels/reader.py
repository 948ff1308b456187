"""Reading a label spreadsheet (.xlsx/.xlsm, .csv/.tsv, or '-' for stdin) into a ``LabelSheet``.

The steps: read the bytes once, read-only; tell what they are (sniff); open them as sheets
(workbook or delimited text, each behind its own checks); pick the sheet and find its header;
validate every row (validate). Unusable input raises ``InputFileError``, never a traceback.
"""

from __future__ import annotations

import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from strainscore.errors import InputFileError
from strainscore.labels.files.sniff import WORKBOOK_SUFFIXES, sniff, suffix_of
from strainscore.labels.limits import DEFAULT_MAX_ROWS, Limits
from strainscore.labels.problems import display_name, file_error
from strainscore.labels.rows.cells import cell_text, column_letter
from strainscore.labels.table.find import Header, RawSheet, scan_header
from strainscore.models import InputIssue, LabelSheet
from strainscore.text.clean import printable

if TYPE_CHECKING:
    from strainscore.labels.files.xlsxparts import SheetPart

__all__ = [
    "DEFAULT_MAX_ROWS",
    "cell_text",
    "column_letter",
    "read_label",
    "read_label_stream",
]

_HEADER_HINT = "Add a header row with at least 'product' and 'strain' columns."


def read_label(
    path: str | Path,
    *,
    sheet: str | int | None = None,
    max_rows: int = DEFAULT_MAX_ROWS,
) -> LabelSheet:
    """Read and validate a label spreadsheet ('-' reads standard input).

    Raises ``InputFileError`` when the file is unusable."""
    source = printable(str(path))  # for messages and the report: no controls, bytes as \xNN
    limits = Limits(max_rows=max_rows)
    if source != "-" and Path(path).is_dir() and any(Path(path).rglob("*.json")):
        from strainscore.labels.dsld import read_dsld

        return read_dsld(path, limits=limits)  # a folder of DSLD records (the bulk download)
    data = _read_stdin(limits) if source == "-" else _read_file(Path(path), source, limits)
    return read_label_stream(data, source, sheet=sheet, max_rows=max_rows)


def read_label_stream(
    data: bytes,
    name: str = "-",
    *,
    sheet: str | int | None = None,
    max_rows: int = DEFAULT_MAX_ROWS,
) -> LabelSheet:
    """Read label bytes (an .xlsx or delimited text, told apart by content); `name` is used in
    messages and for its extension."""
    limits = Limits(max_rows=max_rows)
    if len(data) > limits.max_file_bytes:
        raise _too_big(name, len(data), limits)
    if sniff(data, name) == "zip":
        return _read_workbook(data, name, sheet, limits)
    from strainscore.labels.dsld import looks_like_json, read_dsld_bytes

    if looks_like_json(data) or suffix_of(name) == ".json":  # DSLD records, not a sheet
        return read_dsld_bytes(data, name, limits=limits)
    from strainscore.labels.files.delimited import read_delimited

    raw, issues, notices = read_delimited(data, name, limits)
    if sheet is not None and str(sheet) not in ("1", raw.name or "1"):
        raise file_error(
            name,
            "sheet-not-found",
            f"there is no sheet {sheet!r}: a CSV file has one sheet",
            advice="Leave out the sheet option for a CSV file.",
        )
    header = _header_or_error(name, raw)
    return _validate(name, raw, header, limits, notices, issues)


def _read_file(p: Path, source: str, limits: Limits) -> bytes:
    try:
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            if p.suffix.lower() == ".numbers":
                raise file_error(
                    source,
                    "unsupported-format",
                    "this is an Apple Numbers document, which strainscore does not read",
                    advice="In Numbers use File > Export To > Excel, or CSV, and try again.",
                )
            raise file_error(source, "not-a-file", "this is a folder, not a file")
        if not (stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
            raise file_error(source, "not-a-file", "this is a device or socket, not a file")
        if st.st_size > limits.max_file_bytes:
            raise _too_big(source, st.st_size, limits)
        with p.open("rb") as f:  # read-only, read once: the file is never changed or locked
            data = read_capped(f, limits.max_file_bytes + 1)
    except FileNotFoundError:
        raise file_error(source, "file-not-found", "the file does not exist") from None
    except IsADirectoryError:
        raise file_error(source, "not-a-file", "this is a folder, not a file") from None
    except PermissionError:
        raise file_error(
            source, "unreadable-file", "permission to read the file was refused"
        ) from None
    except OSError as exc:
        raise file_error(
            source, "unreadable-file", f"the file cannot be read ({exc.strerror or exc})"
        ) from None
    if len(data) > limits.max_file_bytes:
        raise _too_big(source, len(data), limits)
    return data


def _read_stdin(limits: Limits) -> bytes:
    try:
        data = read_capped(sys.stdin.buffer, limits.max_file_bytes + 1)
    except (OSError, ValueError, AttributeError) as exc:
        raise file_error("-", "unreadable-file", f"standard input cannot be read ({exc})") from None
    if not data:
        raise file_error("-", "empty-file", "nothing was given on standard input")
    return data


def read_capped(f: BinaryIO, cap: int) -> bytes:
    """At most `cap` bytes, read in chunks: ``f.read(cap)`` reserves all of `cap` at once, and a
    limit raised with --max-rows (30 GB for 3e7 rows) would then fail on a tiny file."""
    chunks: list[bytes] = []
    size = 0
    while size < cap:
        chunk = f.read(min(_CHUNK, cap - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


_CHUNK = 16 * 1024 * 1024


def _too_big(source: str, size: int, limits: Limits) -> InputFileError:
    return file_error(
        source,
        "file-too-large",
        f"the file is {size / 1048576:,.0f} MB; the limit is "
        f"{limits.max_file_bytes / 1048576:,.0f} MB for {limits.max_rows:,} rows",
    )


def _read_workbook(data: bytes, source: str, sheet: str | int | None, limits: Limits) -> LabelSheet:
    from strainscore.labels.files.workbook import Workbook

    book = Workbook(data, source, limits)
    notices: list[str] = []
    if suffix_of(source) not in WORKBOOK_SUFFIXES and source != "-":
        notices.append(f"{display_name(source)} is an Excel workbook and was read as one")
    if book.has_macros:
        notices.append("the workbook holds macros; they were not run")
    worksheets = [p for p in book.sheets if p.kind == "worksheet"]
    if not worksheets:
        raise file_error(
            source, "no-sheet-with-columns", "the workbook has no worksheets", advice=_HEADER_HINT
        )
    if sheet is not None:
        part = _named_sheet(source, book.sheets, sheet)
        if part.kind != "worksheet":
            raise file_error(
                source,
                "sheet-not-found",
                f"sheet {part.name!r} is a {part.kind.replace('sheet', ' sheet')}, not a table",
            )
        raw = book.load(part)
        if part.hidden:
            notices.append(f"sheet {part.name!r} is hidden; it was read because it was asked for")
        return _validate(source, raw, _header_or_error(source, raw), limits, notices, [])
    partial: tuple[RawSheet, Header] | None = None
    for part in (p for p in worksheets if not p.hidden):
        raw = book.load(part)
        header = scan_header(raw.rows)
        if header is not None and header.complete:
            hidden = [p.name for p in worksheets if p.hidden]
            if hidden:
                listed = ", ".join(repr(n) for n in hidden)
                notices.append(f"hidden sheets were not read: {listed} (name one to read it)")
            if len(book.sheets) > 1:
                notices.append(
                    f"read sheet {part.name!r} (the first with product and strain columns)"
                )
            return _validate(source, raw, header, limits, notices, [])
        if header is not None and partial is None:
            partial = (raw, header)
    if partial is not None:
        raise _missing_columns(source, *partial)
    for part in (p for p in worksheets if p.hidden):
        header = scan_header(book.load(part).rows)
        if header is not None and header.complete:
            raise file_error(
                source,
                "no-sheet-with-columns",
                f"only the hidden sheet {part.name!r} has product and strain columns",
                advice=f"Unhide it, or name it with the sheet option (--sheet {part.name!r}).",
            )
    listed = ", ".join(repr(p.name) for p in worksheets)
    raise file_error(
        source,
        "no-sheet-with-columns",
        f"no sheet has a header row with product and strain columns (sheets: {listed})",
    )


def _named_sheet(source: str, parts: Sequence[SheetPart], sheet: str | int) -> SheetPart:
    names = [p.name for p in parts]
    for p in parts:
        if p.name == sheet:
            return p
    if isinstance(sheet, int) or str(sheet).strip().isdigit():
        i = int(sheet)
        if 1 <= i <= len(parts):
            return parts[i - 1]
    for p in parts:
        if p.name.strip().casefold() == str(sheet).strip().casefold():
            return p
    listed = ", ".join(repr(n) for n in names)
    raise file_error(
        source,
        "sheet-not-found",
        f"there is no sheet {sheet!r}; the sheets are {listed} (or their number from 1)",
    )


def _header_or_error(source: str, raw: RawSheet) -> Header:
    header = scan_header(raw.rows)
    if header is None:
        where = "the file" if raw.name is None else f"sheet {raw.name!r}"
        raise file_error(
            source,
            "no-sheet-with-columns",
            f"{where} has no header row with product and strain columns",
            sheet=raw.name,
        )
    if not header.complete:
        raise _missing_columns(source, raw, header)
    return header


# The header each field is named by when nothing was guessed.
_PLAIN_HEADERS = {
    "product": "product",
    "strain": "strain",
    "brand": "brand",
    "cfu_per_serving": "cfuperserving",
    "servings_per_day": "servingsperday",
    "claims": "claims",
}


def column_notice(header: Header) -> str | None:
    """Which header was read as which field, when any was matched by a synonym or a split
    species column (so a wrong guess can be seen); None when every header is the field's name."""
    from strainscore.labels.rows.row import FIELD_NAMES
    from strainscore.labels.table.headers import header_key

    pairs = [(f, cols[0]) for f, cols in header.fields.items()]
    if all(_PLAIN_HEADERS.get(f) == header_key(header.headers[c]) for f, c in pairs):
        return None
    pairs.sort(key=lambda p: p[1])
    listed = "; ".join(
        f"{header.headers[c]!r} (column {column_letter(c)}) as {FIELD_NAMES[f]}" for f, c in pairs
    )
    note = f"columns read: {listed}"
    if "species" in header.fields:
        note += " (the species and strain cells are joined into one strain name)"
    return note


def _missing_columns(source: str, raw: RawSheet, header: Header) -> InputFileError:
    missing = " and ".join(header.missing)
    seen = ", ".join(repr(h) for h in header.headers if h) or "none"
    return file_error(
        source,
        "missing-column",
        f"the header row has no {missing} column (headers seen: {seen})",
        sheet=raw.name,
        row=header.row + 1,
    )


def _validate(
    source: str,
    raw: RawSheet,
    header: Header,
    limits: Limits,
    notices: list[str],
    issues: list[InputIssue],
) -> LabelSheet:
    from strainscore.labels.rows.validate import validate_sheet

    if header.row > 0:
        notices.append(f"the header is on row {header.row + 1}")
    read_as = column_notice(header)
    if read_as:
        notices.append(read_as)
    unused = [
        h
        for c, h in enumerate(header.headers)
        if h and not any(c in cols for cols in header.fields.values())
    ]
    if unused:
        notices.append("columns kept but not checked: " + ", ".join(unused))
    return validate_sheet(source, raw, header, limits=limits, notices=notices, issues=issues)
