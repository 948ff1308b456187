"""Reading .xlsx/.xlsm sheets into grids with calamine, after the zip and each sheet are checked.

calamine is ~12x faster than openpyxl but reports neither formulas nor number formats, and it
aborts the process on a huge used area; sheetscan reads those facts from the sheet XML first.
Merged ranges also come from the XML (calamine >= 0.3 reports them too, but the XML is already
in hand and this keeps one path for every calamine version the package allows).
"""

from __future__ import annotations

import io
import zipfile

from strainscore.errors import InputFileError
from strainscore.labels.files.sheetscan import (
    EXCEL_COLUMNS,
    EXCEL_ROWS,
    BadReference,
    exact_extent,
    extent,
    formula_cells,
    merged_ranges,
    styled_rows,
)
from strainscore.labels.files.xlsxparts import SheetPart, percent_styles, read_workbook_parts
from strainscore.labels.files.zipguard import open_workbook_zip, read_part
from strainscore.labels.limits import Limits
from strainscore.labels.problems import file_error
from strainscore.labels.table.find import Grid, RawSheet


class Workbook:
    """A checked workbook whose sheets are read one at a time, on demand."""

    def __init__(self, data: bytes, source: str, limits: Limits) -> None:
        self.source = source
        self.limits = limits
        self.zip: zipfile.ZipFile = open_workbook_zip(data, source, limits)
        parts = read_workbook_parts(self.zip, source)
        self.sheets: tuple[SheetPart, ...] = parts.sheets
        _refuse_duplicate_names(self.sheets, source)
        self._styles_part = parts.styles
        self._percent: frozenset[int] | None = None
        self.has_macros = any(n.lower().endswith("vbaproject.bin") for n in self.zip.namelist())
        from python_calamine import CalamineWorkbook

        try:
            self._book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        except BaseException as exc:
            raise _engine_error(exc, source, None) from None

    def load(self, part: SheetPart) -> RawSheet:
        """The sheet's cells, merged values filled in, with its formula and style facts."""
        xml = read_part(self.zip, part.part, self.source)
        self._check_extent(xml, part.name)
        try:
            # By position, so the sheet read is the sheet whose part was checked above.
            # Names are unique (checked on opening), so by name is the same sheet if the
            # engine lists the sheets otherwise (without chart sheets, say).
            index = self.sheets.index(part)
            if list(self._book.sheet_names)[index : index + 1] == [part.name]:
                sheet = self._book.get_sheet_by_index(index)
            else:
                sheet = self._book.get_sheet_by_name(part.name)
            grid: Grid = sheet.to_python(skip_empty_area=False)
        except BaseException as exc:
            raise _engine_error(exc, self.source, part.name) from None
        _fill_merges(grid, merged_ranges(xml))
        return RawSheet(
            part.name,
            grid,
            formula_cells=formula_cells(xml),
            percent_rows=lambda column: styled_rows(xml, column, self._percent_styles()),
            hidden=part.hidden,
        )

    def _check_extent(self, xml: bytes, sheet: str) -> None:
        try:
            rows, cols = extent(xml, self.limits.max_cells)
            if rows > EXCEL_ROWS or cols > EXCEL_COLUMNS or rows * cols > self.limits.max_cells:
                rows, cols = exact_extent(xml)  # the quick bounds may overstate
        except BadReference as exc:
            raise file_error(
                self.source,
                "corrupt-workbook",
                f"a cell reference is not understood: {exc}",
                sheet=sheet,
            ) from None
        if rows > EXCEL_ROWS or cols > EXCEL_COLUMNS:
            raise file_error(
                self.source,
                "corrupt-workbook",
                f"the sheet refers to row {rows:,} or column {cols:,}, beyond Excel's last cell",
                sheet=sheet,
            )
        if rows * cols > self.limits.max_cells:
            raise file_error(
                self.source,
                "sheet-too-large",
                f"the sheet's used area is {rows:,} rows by {cols:,} columns "
                f"({rows * cols:,} cells; the limit is {self.limits.max_cells:,})",
                sheet=sheet,
            )

    def _percent_styles(self) -> frozenset[int]:
        if self._percent is None:
            self._percent = percent_styles(self.zip, self._styles_part, self.source)
        return self._percent


def _refuse_duplicate_names(sheets: tuple[SheetPart, ...], source: str) -> None:
    """Excel never saves two sheets of one name (ignoring case); a spreadsheet engine asked for
    one by name would read the first, which may be a hidden sheet the check meant to skip."""
    seen: dict[str, str] = {}
    for part in sheets:
        key = part.name.casefold()
        if key in seen:
            raise file_error(
                source,
                "corrupt-workbook",
                f"two sheets are named {seen[key]!r} and {part.name!r} (Excel does not allow "
                "this, so the file was not saved by Excel)",
            )
        seen[key] = part.name


def _fill_merges(grid: Grid, ranges: list[tuple[int, int, int, int]]) -> None:
    """A merged cell's value belongs to every row of its range (a product name merged over its
    strains). Only down its first column: a title merged across columns must not become a strain."""
    for r0, c0, r1, _c1 in ranges:
        if r0 >= len(grid) or c0 >= len(grid[r0]):
            continue
        value = grid[r0][c0]
        for r in range(r0 + 1, min(r1, len(grid) - 1) + 1):
            row = grid[r]
            if c0 < len(row) and row[c0] in ("", None):
                row[c0] = value


def _engine_error(exc: BaseException, source: str, sheet: str | None) -> InputFileError:
    """calamine's errors (and its Rust panics, which are BaseException) as a clear refusal."""
    if isinstance(exc, KeyboardInterrupt | SystemExit | MemoryError):
        raise exc
    text = str(exc).strip() or type(exc).__name__
    name = type(exc).__name__
    if name == "PasswordError":
        return file_error(source, "encrypted-workbook", "the workbook is password-protected")
    if "entity" in text.lower() or "doctype" in text.lower():
        return file_error(
            source,
            "unsafe-workbook",
            f"refused for safety: the XML declares entities ({text})",
            sheet=sheet,
        )
    return file_error(
        source, "corrupt-workbook", f"the workbook cannot be read ({text})", sheet=sheet
    )
