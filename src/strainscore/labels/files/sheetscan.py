"""Cheap byte scans of one sheet's XML: what calamine does not tell, or must not be left to find.

- extent: calamine allocates rows x columns of the used area at once, and aborts the whole process
  (not an exception) when that fails: a 1 KB sheet with a cell at XFD1048576 asks for 512 GB.
- merged ranges, formulas without a saved value, error cells, cells styled as percentages.
Scans work on bytes with regular expressions (tens of ms for 50,000 rows); the odd file that
writes cells without an `r` attribute takes a slower exact walk.
"""

from __future__ import annotations

import re

from strainscore.labels.rows.cells import column_index, column_letter

_P = rb"(?:[A-Za-z_][\w.-]*:)?"  # an optional namespace prefix ("x:c")
_PREFIX = re.compile(rb"<([A-Za-z_][\w.-]*:)?worksheet\b")
_BAD_R = re.compile(rb' r="(?![A-Za-z]{0,3}\d{0,7}")')
_REF = re.compile(rb' r="([A-Za-z]{0,3})(\d{0,7})"')
_TAG = re.compile(rb"<" + _P + rb"(c|row)(?=[\s/>])([^>]*)>")
# A cell or row tag not followed by ' r="': positions then need the exact walk.
_PREFIXED_TAG = re.compile(rb":(?:c[\s/>]|row[\s/>])")
_PLAIN_TAG = re.compile(rb'<(?:c|row)(?! r="|[\w.:-])')
_ANY_TAG = re.compile(rb"<" + _P + rb'(?:c|row)(?! r="|[\w.:-])')
_ATTR_R = re.compile(rb"""\sr\s*=\s*["']([^"']*)["']""")
_ATTR_S = re.compile(rb"""\ss\s*=\s*["'](\d+)["']""")
_ATTR_T = re.compile(rb"""\st\s*=\s*["'](\w+)["']""")
_CELL_REF = re.compile(r"^([A-Za-z]{1,3})(\d{1,7})$")
_MERGE = re.compile(
    rb"<" + _P + rb"""mergeCell\s[^>]*?ref\s*=\s*["']([A-Za-z]+\d+)(?::([A-Za-z]+\d+))?["']"""
)
_V = re.compile(rb"<" + _P + rb"v>([^<]*)</")
_F = re.compile(rb"<" + _P + rb"f(?:\s[^>]*)?>([^<]*)</")
_ERROR_TYPE = (b' t="e"', b" t='e'")

EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384


class BadReference(ValueError):
    """A cell reference that is not letters then digits."""


def extent(xml: bytes, max_cells: int) -> tuple[int, int]:
    """Upper bounds (rows, columns) of the grid calamine will build for this sheet."""
    if not _simple(xml):
        return _walk(xml)
    # One search bounds a normal sheet: every reference is letters then digits (no "&#49;"
    # hiding a digit), no column past Z, no row number longer than the limit allows.
    # Otherwise the longest names decide, or an exact pass.
    quick = max((k for k in range(1, 8) if 10**k * 26 <= max_cells), default=0)
    unusual = rb'(?:[A-Za-z]{2}|[A-Za-z]?\d{%d}|(?![A-Za-z]?\d{0,%d}"))' % (quick + 1, quick)
    if quick and not _has_ref(xml, unusual):
        return 10**quick, 26
    _check_refs(xml)
    letters = next((k for k in (3, 2) if _has_ref(xml, rb"[A-Za-z]{%d}" % k)), 1)
    cols = (26, 702, 18_278)[letters - 1]
    digits = max((k for k in range(1, 8) if 10**k * cols <= max_cells), default=0)
    if digits and not _has_ref(xml, rb"[A-Za-z]{0,3}\d{%d}" % (digits + 1)):
        return 10**digits, cols
    return exact_extent(xml)


def exact_extent(xml: bytes) -> tuple[int, int]:
    """The last used (row, column) exactly, for when the quick bounds of ``extent`` are too big
    to tell (a note in column AAA bounds the columns at ZZZ, beyond Excel's last column)."""
    if not _simple(xml):
        return _walk(xml)
    _check_refs(xml)
    max_row = max_col = 0
    for col, row in _REF.findall(xml):
        if row:
            max_row = max(max_row, int(row))
        if col:
            max_col = max(max_col, column_index(col.decode()) + 1)
    return max_row, max_col


def _check_refs(xml: bytes) -> None:
    bad = _BAD_R.search(xml)
    if bad:
        raise BadReference(_quoted(xml, bad.start()))


def _quoted(xml: bytes, at: int) -> str:
    """The attribute ' r="..."' starting at `at`, for a message."""
    end = xml.find(b'"', at + 4)
    return xml[at + 1 : min(end + 1 if end > 0 else at + 40, at + 40)].decode("ascii", "replace")


def _simple(xml: bytes) -> bool:
    """Every cell and row tag is written `<c r="..."` / `<row r="..."` (as Excel writes them):
    then searching for ' r="' finds every position calamine will use."""
    prefixed = _prefix(xml) or _PREFIXED_TAG.search(xml)
    return (_ANY_TAG if prefixed else _PLAIN_TAG).search(xml) is None


def _has_ref(xml: bytes, body: bytes) -> bool:
    return re.search(rb' r="' + body, xml) is not None


def _walk(xml: bytes) -> tuple[int, int]:
    """Exact extent for files that leave `r` out or write it oddly: place cells as Excel does."""
    row = col = max_row = max_col = 0
    for m in _TAG.finditer(xml):
        ref = _ATTR_R.search(m.group(2))
        if m.group(1) == b"row":
            row = int(ref.group(1)) if ref and ref.group(1).isdigit() else row + 1
            col = 0
        else:
            if ref:
                r, c = parse_ref(ref.group(1).decode("ascii", "replace"))
                row, col = r + 1, c + 1
            else:
                col += 1
            max_col = max(max_col, col)
        max_row = max(max_row, row)
    return max_row, max_col


def parse_ref(ref: str) -> tuple[int, int]:
    """'B3' -> (2, 1): 0-based row and column. Raises ``BadReference``."""
    m = _CELL_REF.match(ref)
    if not m:
        raise BadReference(ref[:40])
    return int(m.group(2)) - 1, column_index(m.group(1))


def merged_ranges(xml: bytes) -> list[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column), 0-based, of each merged range."""
    tail = xml[max(0, xml.rfind(b"sheetData>")) :]  # merges follow the cell data
    out = []
    for m in _MERGE.finditer(tail):
        try:
            r0, c0 = parse_ref(m.group(1).decode())
            r1, c1 = parse_ref((m.group(2) or m.group(1)).decode())
        except BadReference:
            continue
        out.append((min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1)))
    return out


def formula_cells(xml: bytes) -> dict[tuple[int, int], tuple[str, str]]:
    """(row, column) -> ('formula-no-value', formula) or ('formula-error', '#N/A'), 0-based."""
    p = _prefix(xml)
    # Only the cell data: formulas in conditional formats or validations are not cells.
    lo = max(0, xml.find(b"sheetData"))
    hi = xml.rfind(b"sheetData>")
    hi = hi if hi > lo else len(xml)
    starts = [m.start() for m in re.finditer(re.escape(b"<" + p + b"f") + rb"[\s/>]", xml)]
    for marker in _ERROR_TYPE:
        i = xml.find(marker, lo, hi)
        while i >= 0:
            starts.append(i)
            i = xml.find(marker, i + 1, hi)
    out: dict[tuple[int, int], tuple[str, str]] = {}
    seen_end = -1
    for pos in sorted(x for x in starts if lo <= x < hi):
        if pos < seen_end:
            continue
        start = xml.rfind(b"<" + p + b"c ", lo, pos + 1)
        end = xml.find(b"</" + p + b"c>", pos)
        if start < 0 or end < 0:
            continue
        seen_end = end
        found = _formula_cell(xml[start:end])
        if found is not None:
            out[found[0]] = found[1]
    return out


def _formula_cell(cell: bytes) -> tuple[tuple[int, int], tuple[str, str]] | None:
    tag = cell[: cell.find(b">") + 1]
    ref = _ATTR_R.search(tag)
    if not ref:
        return None  # no position to report it at
    try:
        pos = parse_ref(ref.group(1).decode("ascii", "replace"))
    except BadReference:
        return None
    t = _ATTR_T.search(tag)
    kind = t.group(1) if t else b"n"
    v = _V.search(cell)
    value = v.group(1).strip() if v else b""
    if kind == b"e":
        return pos, ("formula-error", value.decode("utf-8", "replace") or "#VALUE!")
    if not value and (kind != b"str" or v is None):  # a text formula with no <v> never ran
        f = _F.search(cell)
        formula = f.group(1).decode("utf-8", "replace") if f else ""
        return pos, ("formula-no-value", "=" + formula)
    return None


def styled_rows(xml: bytes, column: int, styles: frozenset[int]) -> frozenset[int]:
    """0-based rows whose cell in `column` uses one of the cell formats in `styles`."""
    if not styles:
        return frozenset()
    letters = column_letter(column).encode()
    if _simple(xml):  # a literal start makes this a fast search
        pattern = re.escape(b"<" + _prefix(xml) + b'c r="' + letters) + rb"\d+\"([^>]*)>"
    else:
        pattern = rb"<" + _P + rb"c\s([^>]*\br\s*=\s*[\"']" + letters + rb"\d+[\"'][^>]*)>"
    rows = set()
    for m in re.finditer(pattern, xml):
        tag = m.group(0)
        s = _ATTR_S.search(tag)
        r = _ATTR_R.search(tag)
        if s and r and int(s.group(1)) in styles:
            rows.add(parse_ref(r.group(1).decode("ascii", "replace"))[0])
    return frozenset(rows)


def _prefix(xml: bytes) -> bytes:
    m = _PREFIX.search(xml[:4096])
    return (m.group(1) or b"") if m else b""
