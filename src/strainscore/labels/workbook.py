"""Reading .xlsx workbooks into grids, one per visible sheet, with calamine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from strainscore.errors import InputFileError, lookup


def read_workbook_grids(path: Path) -> dict[str | None, list[list[Any]]]:
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_path(str(path))
        grids: dict[str | None, list[list[Any]]] = {}
        for name in wb.sheet_names:
            grids[name] = wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except Exception as exc:  # calamine raises several types for damaged files
        raise InputFileError(
            f"{path}: cannot be read as an Excel workbook ({exc}). " + lookup("corrupt-workbook").hint,
            code="corrupt-workbook",
        ) from None
    return grids
