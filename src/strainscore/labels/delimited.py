"""Reading CSV/TSV text into a grid of strings, strictly (no guessed values, no silent shifts)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from strainscore.errors import InputFileError, lookup


def read_delimited_grid(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    if not data.strip():
        raise InputFileError(f"{path}: the file is empty. " + lookup("empty-file").hint, code="empty-file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(
            f"{path}: not UTF-8 text (byte {exc.start}). " + lookup("bad-encoding").hint,
            code="bad-encoding",
        ) from None
    sample = text[:20000]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel_tab if path.suffix.lower() == ".tsv" else csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)]
