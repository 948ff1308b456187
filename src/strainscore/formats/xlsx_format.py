"""An annotated workbook: the user's label rows with the findings beside them.

Sheets: Labels (one row per strain line, the user's columns first), Summary (one row per
product), Issues (every input problem with sheet, row and column), About (reference version,
sha256, source, date). Every text cell is written as a string cell (data type "s") and passed
through ``neutralise``, so a label text starting with "=" can neither be nor become a formula.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from strainscore import __version__
from strainscore.errors import OutputError
from strainscore.formats._rows import Table, Value, issue_table, label_table, summary_table
from strainscore.formats._safe import cell_text
from strainscore.formats._studies import sources_for
from strainscore.formats.words import GRADE_LEGEND, NOT_ADVICE, population_note
from strainscore.models import Report

MIN_WIDTH = 8
MAX_WIDTH = 60
WIDTH_SAMPLE = 500  # rows looked at to size the columns
BOLD = Font(bold=True)


EXCEL_ROWS = 1_048_576  # a sheet's rows, the header row included
EXCEL_COLUMNS = 16_384
_OURS = ("Summary", "Issues", "About")


def render(report: Report) -> bytes:
    """The annotated workbook. Raises ``OutputError`` when Excel could not open it (too many
    columns) or strainscore could not read it back (beyond its own unpacked-size guard)."""
    src = sources_for(report)
    labels = label_table(report, src, own_headers=True)
    widest = max(len(labels.headers), 1)
    if widest > EXCEL_COLUMNS:
        raise OutputError(
            f"the annotated workbook would need {widest:,} columns; Excel allows {EXCEL_COLUMNS:,} "
            "a sheet. Write CSV or JSON instead (-o report.csv)",
            code="output-too-large",
        )
    wb = Workbook(write_only=True)
    title = _label_sheet_title(report.sheet)
    for i, part in enumerate(_pieces(labels), start=1):
        _sheet(wb, title if i == 1 else f"{title[:26]} ({i})", part)
    for name, table in (("Summary", summary_table(report, src)), ("Issues", issue_table(report))):
        for i, part in enumerate(_pieces(table), start=1):
            _sheet(wb, name if i == 1 else f"{name} ({i})", part)
    _sheet(wb, "About", _about(report), filter_=False)
    buf = io.BytesIO()
    wb.save(buf)
    data = buf.getvalue()
    _check_readable(data)
    return data


def _label_sheet_title(sheet: str | None) -> str:
    """The user's sheet name (a sheet read from a workbook keeps it), else 'Labels'."""
    taken = {name.casefold() for name in _OURS}
    if (
        not sheet
        or sheet.casefold() in taken
        or len(sheet) > 31
        or any(c in sheet for c in "[]:*?/\\")
    ):
        return "Labels"
    return sheet


def _pieces(table: Table, per: int = EXCEL_ROWS - 1) -> list[Table]:
    """The table in sheets of at most Excel's rows (each with the header row)."""
    if len(table.rows) <= per:
        return [table]
    return [Table(table.headers, table.rows[i : i + per]) for i in range(0, len(table.rows), per)]


def _check_readable(data: bytes) -> None:
    """strainscore reads its own output back with the default limits (the unpacked-size guard)."""
    import zipfile

    from strainscore.labels.limits import Limits

    limit = Limits().max_unpacked_bytes
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        unpacked = sum(i.file_size for i in z.infolist())
    if unpacked > limit:
        raise OutputError(
            f"the annotated workbook would unpack to {unpacked / 1048576:,.0f} MB, more than "
            f"the {limit / 1048576:,.0f} MB strainscore reads back; write CSV (-o report.csv) "
            "or check the catalogue in parts",
            code="output-too-large",
        )


def _about(report: Report) -> Table:
    ref = report.reference
    rows: list[list[Value]] = [
        ["input file", report.source],
        ["sheet", report.sheet or ""],
        ["checked", report.created],
        ["reference version", f"{ref.version} of {ref.date}"],
        ["reference sha256", ref.sha256],
        ["made by", f"strainscore {__version__}"],
        ["grades", GRADE_LEGEND],
        ["population", population_note(report) if report.population else "not given"],
        ["formulas", "Texts that started with = + - @ or a tab were given a leading apostrophe."],
        ["not medical advice", NOT_ADVICE],
    ]
    return Table(["item", "value"], rows)


def _cell(ws: Any, value: Value, *, header: bool = False) -> WriteOnlyCell:
    if value == "":
        cell = WriteOnlyCell(ws, value=None)
    elif isinstance(value, str):
        cell = WriteOnlyCell(ws, value=cell_text(value))
        cell.data_type = "s"  # never a formula, whatever the text
    else:
        cell = WriteOnlyCell(ws, value=value)
    if header:
        cell.font = BOLD
    return cell


def _widths(table: Table) -> list[float]:
    widths = [float(max(MIN_WIDTH, len(h) + 2)) for h in table.headers]
    for row in table.rows[:WIDTH_SAMPLE]:
        for i, v in enumerate(row):
            if v is not None:
                widths[i] = max(widths[i], min(MAX_WIDTH, len(str(v)) + 2))
    return [min(w, MAX_WIDTH) for w in widths]


def _sheet(wb: Workbook, title: str, table: Table, *, filter_: bool = True) -> None:
    ws = wb.create_sheet(title)
    for i, width in enumerate(_widths(table), start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    last = get_column_letter(max(1, len(table.headers)))
    if filter_ and table.rows:
        ws.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"
    ws.append([_cell(ws, h, header=True) for h in table.headers])
    for row in table.rows:
        ws.append(_row(ws, row))


def _row(ws: Any, row: Sequence[Value]) -> list[WriteOnlyCell]:
    return [_cell(ws, v) for v in row]
