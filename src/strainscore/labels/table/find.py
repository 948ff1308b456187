"""Finding the header row of a grid and mapping its columns to fields."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from strainscore.labels.rows.cells import cell_text
from strainscore.labels.table.headers import REQUIRED, header_field, header_key
from strainscore.text.clean import strip_invisible

HEADER_SEARCH_ROWS = 30  # non-blank rows searched for the header
HEADER_SEARCH_LIMIT = 1_000  # physical rows searched at most

Grid = list[list[Any]]


@dataclass
class RawSheet:
    """One sheet as read from the file, before the header is known."""

    name: str | None  # None for CSV
    rows: Grid
    # (row, column) 0-based -> (issue code, text) for formulas with no value and error cells
    formula_cells: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)
    # column -> 0-based rows whose cell is formatted as a percentage
    percent_rows: Callable[[int], frozenset[int]] = lambda column: frozenset()
    ragged_is_error: bool = False  # CSV: a row longer than the header would shift the table
    hidden: bool = False


@dataclass(frozen=True)
class Header:
    """A header row: its fields (a list longer than one means the field is given twice)."""

    row: int  # 0-based
    fields: dict[str, list[int]]
    headers: list[str]
    scale: float = 1.0  # a bare number in the CFU column is multiplied by this

    @property
    def complete(self) -> bool:
        return all(f in self.fields for f in REQUIRED)

    @property
    def missing(self) -> list[str]:
        return [f for f in REQUIRED if f not in self.fields]


def read_header(grid: Grid, r: int) -> Header:
    fields: dict[str, list[int]] = {}
    scale = 1.0
    headers = [strip_invisible(cell_text(v))[0] for v in grid[r]]
    for c, text in enumerate(headers):
        f, s = header_field(text)
        if f:
            fields.setdefault(f, []).append(c)
            if f == "cfu_per_serving" and len(fields[f]) == 1:
                scale = s
    _split_species(fields, headers)
    return Header(r, fields, headers, scale)


# Headers of a column holding only the species when another column holds the strain designation.
SPECIES_HEADERS = frozenset({"species", "organism", "organisms", "bacteria", "genusspecies"})


def _split_species(fields: dict[str, list[int]], headers: list[str]) -> None:
    """'Species' + 'Strain' columns (a common layout) are one strain name in two cells: the
    species column becomes the 'species' field, joined before the strain when rows are read."""
    cols = fields.get("strain", [])
    if len(cols) != 2:
        return
    species = [c for c in cols if header_key(headers[c]) in SPECIES_HEADERS]
    if len(species) == 1:
        fields["species"] = species
        fields["strain"] = [c for c in cols if c != species[0]]


def scan_header(grid: Grid) -> Header | None:
    """The first row naming every required field; else the first row that looks like a header
    with some fields missing (so the error can name them); else None."""
    partial: Header | None = None
    seen = 0
    for r, row in enumerate(grid[:HEADER_SEARCH_LIMIT]):
        if not any(cell_text(v) for v in row):
            continue
        header = read_header(grid, r)
        if header.complete:
            return header
        # Two known fields, or one in the first non-blank row, make a header with gaps.
        if partial is None and (len(header.fields) >= 2 or (seen == 0 and header.fields)):
            partial = header
        seen += 1
        if seen >= HEADER_SEARCH_ROWS:
            break
    return partial
