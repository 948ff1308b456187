"""Checking every data row of a sheet and turning the good ones into ``LabelLine`` values.

Every problem comes back at once, located by sheet, row, column letter and header; a row with an
error is left out and the others are still checked. Warnings and notices keep the row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from strainscore.labels.limits import Limits
from strainscore.labels.problems import fatal, file_error, issue
from strainscore.labels.rows.cells import MAX_NAME_CHARS, cell_text, column_index, column_letter
from strainscore.labels.rows.row import FIELD_NAMES, Row, RowReader
from strainscore.labels.rows.schema import failures_of
from strainscore.labels.table.find import Header, RawSheet
from strainscore.models import InputIssue, LabelLine, LabelSheet


def validate_sheet(
    source: str,
    raw: RawSheet,
    header: Header,
    *,
    limits: Limits,
    notices: Sequence[str] = (),
    issues: Sequence[InputIssue] = (),
    body: list[tuple[int, list[Any]]] | None = None,
) -> LabelSheet:
    """Validate the rows under `header`; raise ``InputFileError`` when none can be used.

    `body`: the non-blank (0-based sheet row, cells) to validate instead of every row of `raw`
    under the header (a part of a sheet read in chunks, labels/chunks.py)."""
    _check_columns(source, raw, header)
    if body is None:
        body = [
            (r, cells)
            for r, cells in enumerate(raw.rows[header.row + 1 :], start=header.row + 1)
            if any(cell_text(v) for v in cells)
        ]
    body, notes_only = _without_note_rows(header, body)
    if notes_only:
        shown = ", ".join(str(r + 1) for r in notes_only[:10])
        more = f" and {len(notes_only) - 10} more" if len(notes_only) > 10 else ""
        notices = (
            *notices,
            f"{len(notes_only)} row(s) with no product and no strain were skipped (rows "
            f"{shown}{more}): they hold only other cells, such as notes",
        )
    if len(body) > limits.max_rows:
        raise file_error(
            source,
            "too-many-rows",
            f"{len(body):,} rows is more than the limit of {limits.max_rows:,}",
            sheet=raw.name,
        )
    if not body:
        raise file_error(
            source,
            "no-data-rows",
            "there are no data rows under the header",
            sheet=raw.name,
            row=header.row + 1,
        )
    check = RowReader(source, raw, header)
    rows = [check.read_row(r, cells) for r, cells in body]
    continued = _continue_products(check, [r for r, _ in body], rows)
    _run_schema(check, rows)
    lines = _lines(check, rows)
    found = sorted(check.issues, key=_issue_order)
    if continued:
        notices = (*notices, _continued_notice(continued))
    columns = tuple((f, header.headers[cols[0]]) for f, cols in header.fields.items())
    left_out = tuple(
        (row.texts["product"], row.texts["brand"], row.excel_row)
        for row in rows
        if row.excel_row in check.bad and row.texts["product"]
    )
    return LabelSheet(
        source,
        tuple(lines),
        (*issues, *found),
        raw.name,
        tuple(notices),
        columns=columns,
        left_out=left_out,
    )


def _without_note_rows(
    header: Header, body: list[tuple[int, list[Any]]]
) -> tuple[list[tuple[int, list[Any]]], list[int]]:
    """Rows whose product and strain cells are both empty hold only notes or stray cells; they are
    not label rows. A row with a strain and no product is kept (and continued or reported)."""
    keys = [cols[0] for f, cols in header.fields.items() if f in ("product", "strain", "species")]
    kept, skipped = [], []
    for r, cells in body:
        if any(c < len(cells) and cell_text(cells[c]) for c in keys):
            kept.append((r, cells))
        else:
            skipped.append(r)
    return kept, skipped


def _continue_products(check: RowReader, indexes: list[int], rows: list[Row]) -> list[int]:
    """A blank product cell under a product continues it, as people type a product's name on its
    first row only. Only the row right below a product row (or a continued one) continues it,
    and only when its brand is blank or the same; any other blank product cell below a product
    is ambiguous and refused with its location. Returns the Excel rows continued."""
    continued: list[int] = []
    above: tuple[int, str, str] | None = None  # (sheet row, product, brand)
    for r, row in zip(indexes, rows, strict=True):
        product, brand = row.texts["product"], row.texts["brand"]
        if product:
            above = (r, product, brand)
            continue
        if not row.texts["strain"] or above is None:
            above = None
            continue
        r_above, product_above, brand_above = above
        if r_above == r - 1 and brand in ("", brand_above):
            row.texts["product"], row.texts["brand"] = product_above, brand_above
            continued.append(row.excel_row)
            above = (r, product_above, brand_above)
            continue
        why = (
            f"its brand {brand!r} differs from {brand_above!r} on row {r_above + 1}"
            if r_above == r - 1
            else f"a blank row separates it from {product_above!r} on row {r_above + 1}"
        )
        check.flagged.add((row.excel_row, "product"))
        check.add(
            "product-ambiguous",
            f"the product cell is empty and {why}, so it is not clear which product this row "
            "belongs to; it was not checked",
            row.excel_row,
            check.col["product"],
            value=row.texts["strain"][:80],
        )
        above = None
    return continued


def _continued_notice(rows: list[int]) -> str:
    shown = ", ".join(str(r) for r in rows[:10]) + (
        f" and {len(rows) - 10} more" if len(rows) > 10 else ""
    )
    return (
        f"the product cell was empty on {len(rows)} row(s) ({shown}); each was read as the "
        "product of the row above it"
    )


def _check_columns(source: str, raw: RawSheet, header: Header) -> None:
    problems = []
    for f, cols in header.fields.items():
        if len(cols) > 1:
            listed = ", ".join(f"{column_letter(c)} ({header.headers[c]})" for c in cols)
            problems.append(
                issue(
                    "duplicate-column",
                    f"the {FIELD_NAMES[f]} field is given by {len(cols)} columns: {listed}",
                    source=source,
                    sheet=raw.name,
                    row=header.row + 1,
                    column=column_letter(cols[1]),
                    header=header.headers[cols[1]],
                )
            )
    if problems:
        raise fatal(problems)


def _run_schema(check: RowReader, rows: list[Row]) -> None:
    columns: dict[str, list[Any]] = {
        "product": [row.texts["product"] for row in rows],
        "strain": [row.texts["strain"] for row in rows],
        "brand": [row.texts["brand"] for row in rows],
        "cfu_ok": [
            row.cfu_problem is None and (row.amount is None or row.amount.value is not None)
            for row in rows
        ],
        "servings_ok": [row.servings is not False for row in rows],
    }
    field_of = {"cfu_ok": "cfu_per_serving", "servings_ok": "servings_per_day"}
    for idx, column, code in failures_of(columns):
        row = rows[idx]
        f = field_of.get(column, column)
        if (row.excel_row, f) in check.flagged:
            continue  # a formula problem already explains this cell
        c = check.col[f]
        value = row.texts[f] if f in row.texts else cell_text(check.get(row.cells, f))
        if f == "cfu_per_serving" and row.amount is not None:
            value = row.amount.text
        check.add(code, _message(code, f, value, row), row.excel_row, c, value=value[:200])


def _message(code: str, f: str, value: str, row: Row) -> str:
    name = FIELD_NAMES[f]
    if code == "missing-value":
        return f"the {name} cell is empty, so this row was not checked"
    if code == "cell-too-long":
        return (
            f"the {name} cell has {len(row.texts[f]):,} characters (the limit is "
            f"{MAX_NAME_CHARS}), so this row was not checked"
        )
    if code == "invalid-cfu" and row.cfu_problem:
        return f"{value!r} {row.cfu_problem}; this row was not checked"
    return f"{value!r} is not understood as {name}; this row was not checked"


def _lines(check: RowReader, rows: list[Row]) -> list[LabelLine]:
    header, col, sheet = check.header, check.col, check.raw.name
    used = set(col.values())
    lines: list[LabelLine] = []
    for row in rows:
        amount = row.amount
        c = col.get("cfu_per_serving")
        if amount is not None and amount.value is not None and c is not None:
            if amount.unit not in ("cfu", None):
                check.add(
                    "non-cfu-unit",
                    f"{amount.text!r} is given in {amount.unit}, not CFU, so the dose cannot be "
                    "compared",
                    row.excel_row,
                    c,
                    value=amount.text,
                    severity="warning",
                )
            if amount.at_manufacture:
                check.add(
                    "at-manufacture",
                    f"{amount.text!r} is counted at time of manufacture; the count at the end "
                    "of shelf life is usually lower",
                    row.excel_row,
                    c,
                    value=amount.text,
                    severity="warning",
                )
        if row.excel_row in check.bad:
            continue
        pieces = check.split(row.texts["strain"])
        if not pieces:
            check.add(
                "missing-value",
                "the strain cell names no strain, so this row was not checked",
                row.excel_row,
                col["strain"],
                value=row.texts["strain"],
            )
            continue
        claims = check.claims(row.texts["claims"])
        extra = _extra(header, row.cells, used)
        servings = row.servings if isinstance(row.servings, float) else None
        for piece in pieces:
            lines.append(
                LabelLine(
                    row=row.excel_row,
                    product=row.texts["product"],
                    strain_text=piece,
                    brand=row.texts["brand"],
                    cell_text=row.texts["strain"],
                    cfu_per_serving=amount,
                    servings_per_day=servings,
                    claims=claims,
                    sheet=sheet,
                    extra=extra,
                )
            )
    return lines


def _extra(header: Header, cells: list[Any], used: set[int]) -> tuple[tuple[str, str], ...]:
    """Columns the check does not read, kept as written (headed ones always, so every line of a
    sheet has the same extras; unheaded ones when they hold something)."""
    out = []
    for c in range(max(len(header.headers), len(cells))):
        if c in used:
            continue
        name = header.headers[c] if c < len(header.headers) else ""
        value = cell_text(cells[c]) if c < len(cells) else ""
        if name or value:
            out.append((name or f"column {column_letter(c)}", value))
    return tuple(out)


def _issue_order(i: InputIssue) -> tuple[int, int]:
    return (i.row or 0, column_index(i.column) if i.column else -1)
