"""A minimal .xlsx writer with full control of the XML, for hostile and odd test workbooks.

openpyxl cannot write cached formula values, error cells, cells without an `r` attribute, a
DOCTYPE, or a cell at XFD1048576 without building the whole grid; this can.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
# Cell formats: 0 general, 1 date (numFmt 14), 2 percent (numFmt 9).
DATE, PERCENT = 1, 2
STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
    '<xf numFmtId="9" applyNumberFormat="1"/></cellXfs></styleSheet>'
)


@dataclass(frozen=True)
class Raw:
    """A cell written exactly: attributes after r, and the inner XML."""

    attrs: str = ""
    inner: str = ""


@dataclass
class Sheet:
    name: str
    rows: list[list[object]]
    state: str = "visible"
    merges: tuple[str, ...] = ()
    prolog: str = ""  # XML between the declaration and the root element
    extra_rows: str = ""  # raw <row> elements appended to sheetData
    write_r: bool = True  # False: cells and rows without `r` (positions implied by order)


@dataclass
class Book:
    sheets: list[Sheet]
    extra_parts: dict[str, bytes] = field(default_factory=dict)
    workbook_prolog: str = ""


def col_letter(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def _cell(ref: str, value: object, write_r: bool) -> str:
    r = f' r="{ref}"' if write_r else ""
    if value is None:
        return ""
    if isinstance(value, Raw):
        return f"<c{r}{value.attrs}>{value.inner}</c>"
    if isinstance(value, bool):
        return f'<c{r} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f"<c{r}><v>{value}</v></c>"
    text = escape(str(value))
    return f'<c{r} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def sheet_xml(sheet: Sheet) -> str:
    rows = []
    for i, row in enumerate(sheet.rows, 1):
        cells = "".join(_cell(f"{col_letter(c)}{i}", v, sheet.write_r) for c, v in enumerate(row))
        rows.append(f'<row r="{i}">{cells}</row>' if sheet.write_r else f"<row>{cells}</row>")
    merges = ""
    if sheet.merges:
        refs = "".join(f'<mergeCell ref="{m}"/>' for m in sheet.merges)
        merges = f'<mergeCells count="{len(sheet.merges)}">{refs}</mergeCells>'
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{sheet.prolog}'
        f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetData>{"".join(rows)}'
        f"{sheet.extra_rows}</sheetData>{merges}</worksheet>"
    )


def build(book: Book) -> bytes:
    n = len(book.sheets)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, n + 1)
    )
    sheets = "".join(
        f'<sheet name={quoteattr(s.name)} sheetId="{i}"'
        + ("" if s.state == "visible" else f' state="{s.state}"')
        + f' r:id="rId{i}"/>'
        for i, s in enumerate(book.sheets, 1)
    )
    rels = (
        "".join(
            f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, n + 1)
        )
        + f'<Relationship Id="rId{n + 1}" Type="{REL}/styles" Target="styles.xml"/>'
    )
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org'
            '/package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f"{overrides}</Types>"
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?>{book.workbook_prolog}'
            f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{sheets}</sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">{rels}'
            "</Relationships>"
        ),
        "xl/styles.xml": STYLES,
    }
    for i, s in enumerate(book.sheets, 1):
        parts[f"xl/worksheets/sheet{i}.xml"] = sheet_xml(s)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(name, text)
        for name, data in book.extra_parts.items():
            z.writestr(name, data)
    return out.getvalue()


def simple(rows: list[list[object]], name: str = "Labels", **kw: object) -> bytes:
    return build(Book([Sheet(name, rows, **kw)]))  # type: ignore[arg-type]
