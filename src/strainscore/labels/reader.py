"""Reading a label spreadsheet (.csv or .xlsx) into a ``LabelSheet``.

The steps: open the file as a grid of cells, find the header row and the fields, parse amounts,
validate with pandera (every problem at once), and turn good rows into ``LabelLine`` values.
Rows with problems are reported and left out; the other rows are still checked.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from strainscore.errors import InputFileError, lookup
from strainscore.labels.cfu import parse_amount
from strainscore.labels.headers import FIELDS, REQUIRED, match_header
from strainscore.labels.schema import failures
from strainscore.models import Amount, InputIssue, LabelLine, LabelSheet
from strainscore.names.split import split_strains

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm"}
TEXT_SUFFIXES = {".csv", ".tsv", ".txt"}
DEFAULT_MAX_ROWS = 1_000_000
HEADER_SEARCH_ROWS = 30

Grid = list[list[Any]]


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_text(value: Any) -> str:
    """A cell as the user sees it: whole floats without '.0', empty for blanks."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
    return str(value).strip()


def read_label(
    path: str | Path,
    *,
    sheet: str | int | None = None,
    max_rows: int = DEFAULT_MAX_ROWS,
) -> LabelSheet:
    """Read and validate a label spreadsheet. Raises ``InputFileError`` when it is unusable."""
    p = Path(path)
    source = str(path)
    if not p.exists():
        raise InputFileError(f"{source}: file not found", code="file-not-found")
    if p.is_dir():
        raise InputFileError(f"{source}: is a folder, not a file", code="not-a-file")
    suffix = p.suffix.lower()
    if suffix in SPREADSHEET_SUFFIXES:
        from strainscore.labels.workbook import read_workbook_grids

        grids = read_workbook_grids(p)
    elif suffix in TEXT_SUFFIXES:
        from strainscore.labels.delimited import read_delimited_grid

        grids = {None: read_delimited_grid(p)}
    else:
        raise InputFileError(
            f"{source}: {suffix or 'this'} files cannot be read. "
            + lookup("unsupported-format").hint,
            code="unsupported-format",
        )
    return grids_to_sheet(source, grids, sheet=sheet, max_rows=max_rows)


def grids_to_sheet(
    source: str,
    grids: dict[str | None, Grid],
    *,
    sheet: str | int | None = None,
    max_rows: int = DEFAULT_MAX_ROWS,
) -> LabelSheet:
    """Pick the sheet, find its header and validate it."""
    names = list(grids)
    if sheet is not None:
        chosen = _choose_sheet(source, names, sheet)
        found = find_header(grids[chosen])
        if found is None:
            raise InputFileError(
                f"{source}: sheet {chosen!r} has no header row with 'product' and 'strain' "
                "columns. " + lookup("no-sheet-with-columns").hint,
                code="no-sheet-with-columns",
            )
    else:
        chosen, found = None, None
        for name in names:
            found = find_header(grids[name])
            if found is not None:
                chosen = name
                break
        if found is None:
            raise InputFileError(
                f"{source}: no sheet has a header row with 'product' and 'strain' columns. "
                + lookup("no-sheet-with-columns").hint,
                code="no-sheet-with-columns",
            )
    header_row, fields = found
    notices = []
    if chosen is not None and len(names) > 1 and sheet is None:
        notices.append(f"read sheet {chosen!r} (the first with product and strain columns)")
    return validate_grid(
        source, chosen, grids[chosen], header_row, fields, max_rows=max_rows, notices=notices
    )


def _choose_sheet(source: str, names: list[str | None], sheet: str | int) -> str | None:
    if isinstance(sheet, int) or (isinstance(sheet, str) and sheet.isdigit()):
        i = int(sheet)
        if 1 <= i <= len(names):
            return names[i - 1]
    elif sheet in names:
        return sheet
    listed = ", ".join(repr(n) for n in names if n is not None) or "(a CSV has one sheet)"
    raise InputFileError(
        f"{source}: sheet {sheet!r} not found; sheets are {listed} (or their number from 1)",
        code="sheet-not-found",
    )


def find_header(grid: Grid) -> tuple[int, dict[str, list[int]]] | None:
    """(row index, field -> column indexes) of the first row naming every required field."""
    for r, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        fields: dict[str, list[int]] = {}
        for c, value in enumerate(row):
            f = match_header(cell_text(value))
            if f:
                fields.setdefault(f, []).append(c)
        if all(f in fields for f in REQUIRED):
            return r, fields
    return None


def validate_grid(
    source: str,
    sheet: str | None,
    grid: Grid,
    header_row: int,
    fields: dict[str, list[int]],
    *,
    max_rows: int = DEFAULT_MAX_ROWS,
    notices: Sequence[str] = (),
) -> LabelSheet:
    headers = [cell_text(v) for v in grid[header_row]]
    issues: list[InputIssue] = []
    for f, cols in fields.items():
        if len(cols) > 1:
            listed = ", ".join(f"{column_letter(c)} ({headers[c]})" for c in cols)
            issues.append(
                InputIssue(
                    "duplicate-column",
                    f"the {f} field is given by {len(cols)} columns: {listed}. "
                    + lookup("duplicate-column").hint,
                    file=source,
                    sheet=sheet,
                    row=header_row + 1,
                    column=column_letter(cols[1]),
                    header=headers[cols[1]],
                )
            )
    if issues:
        raise _fatal(source, issues)
    col = {f: cols[0] for f, cols in fields.items()}
    body = [
        (header_row + 2 + i, row)
        for i, row in enumerate(grid[header_row + 1 :])
        if any(cell_text(v) for v in row)
    ]
    if len(body) > max_rows:
        raise InputFileError(
            f"{source}: {len(body):,} rows is more than the limit of {max_rows:,}. "
            + lookup("too-many-rows").hint,
            code="too-many-rows",
        )
    if not body:
        raise InputFileError(
            f"{source}: no data rows under the header. " + lookup("no-data-rows").hint,
            code="no-data-rows",
        )

    def get(row: list[Any], f: str) -> Any:
        c = col.get(f)
        return row[c] if c is not None and c < len(row) else None

    amounts = [parse_amount(get(row, "cfu_per_serving")) for _, row in body]
    servings = [_servings(get(row, "servings_per_day")) for _, row in body]
    frame = pd.DataFrame(
        {
            "product": [cell_text(get(row, "product")) for _, row in body],
            "strain": [cell_text(get(row, "strain")) for _, row in body],
            "cfu_ok": [a is None or a.value is not None for a in amounts],
            "servings_ok": [s is not False for s in servings],
        }
    )
    bad_rows: set[int] = set()
    for idx, fname, code in failures(frame):
        excel_row, row = body[idx]
        field_name = {"cfu_ok": "cfu_per_serving", "servings_ok": "servings_per_day"}.get(
            fname, fname
        )
        c = col[field_name]
        value = cell_text(row[c]) if c < len(row) else ""
        issues.append(
            InputIssue(
                code,
                _cell_message(code, field_name, value),
                file=source,
                sheet=sheet,
                row=excel_row,
                column=column_letter(c),
                header=headers[c],
                value=value or None,
            )
        )
        bad_rows.add(idx)
    lines: list[LabelLine] = []
    for idx, (excel_row, row) in enumerate(body):
        amount = amounts[idx]
        if amount is not None and amount.unit not in ("cfu", None) and amount.value is not None:
            issues.append(_amount_issue("non-cfu-unit", source, sheet, excel_row, col, headers, amount))
        if amount is not None and amount.at_manufacture:
            issues.append(_amount_issue("at-manufacture", source, sheet, excel_row, col, headers, amount))
        if idx in bad_rows:
            continue
        serv = servings[idx]
        cell = cell_text(get(row, "strain"))
        claims = tuple(c.strip() for c in cell_text(get(row, "claims")).replace(";", ",").split(",") if c.strip())
        for piece in split_strains(cell):
            lines.append(
                LabelLine(
                    row=excel_row,
                    product=cell_text(get(row, "product")),
                    strain_text=piece,
                    brand=cell_text(get(row, "brand")),
                    cell_text=cell,
                    cfu_per_serving=amount,
                    servings_per_day=serv if isinstance(serv, float) else None,
                    claims=claims,
                    sheet=sheet,
                )
            )
    return LabelSheet(source, tuple(lines), tuple(issues), sheet, tuple(notices))


def _servings(value: Any) -> float | None | bool:
    """A positive number, None for empty, False for something that is not one."""
    text = cell_text(value)
    if not text:
        return None
    try:
        x = float(text.replace(",", "."))
    except ValueError:
        return False
    return x if x > 0 and math.isfinite(x) else False


def _cell_message(code: str, field: str, value: str) -> str:
    hint = lookup(code).hint
    if code == "missing-value":
        return f"the {field} cell is empty; this row was not checked. {hint}"
    return f"{value!r} is not understood as {field.replace('_', ' ')}; this row was not checked. {hint}"


def _amount_issue(
    code: str,
    source: str,
    sheet: str | None,
    row: int,
    col: dict[str, int],
    headers: list[str],
    amount: Amount,
) -> InputIssue:
    c = col["cfu_per_serving"]
    if code == "non-cfu-unit":
        msg = f"{amount.text!r} is given in {amount.unit}, not CFU, so the dose cannot be compared"
    else:
        msg = (
            f"{amount.text!r} is counted at time of manufacture; the count at the end of shelf "
            "life is usually lower"
        )
    return InputIssue(
        code, msg, "warning", source, sheet, row, column_letter(c), headers[c], amount.text
    )


def _fatal(source: str, issues: list[InputIssue]) -> InputFileError:
    text = "; ".join(f"{i.location}: {i.message}" for i in issues)
    err = InputFileError(text, code=issues[0].code)
    err.issues = tuple(issues)  # type: ignore[attr-defined]
    return err
