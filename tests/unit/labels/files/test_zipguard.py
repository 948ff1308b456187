"""The checks that run before calamine sees a workbook: zip, XML prologs, sheet extent."""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from label_cases import load_rawxlsx

from strainscore.errors import InputFileError
from strainscore.labels.files.sheetscan import (
    BadReference,
    extent,
    formula_cells,
    merged_ranges,
    parse_ref,
    styled_rows,
)
from strainscore.labels.files.zipguard import check_prolog, open_workbook_zip
from strainscore.labels.limits import Limits

rx = load_rawxlsx()
GOOD = rx.simple([["Product", "Strain"], ["P", "L. GG"]])


def sheet(rows: str, prefix: str = "") -> bytes:
    p = f"{prefix}:" if prefix else ""
    ns = f"xmlns:{prefix}" if prefix else "xmlns"
    return (
        f'<?xml version="1.0"?><{p}worksheet {ns}="{rx.MAIN}"><{p}sheetData>{rows}'
        f"</{p}sheetData></{p}worksheet>"
    ).encode()


class TinyLimits(Limits):
    @property
    def max_unpacked_bytes(self) -> int:
        return 1000


def test_total_declared_size_is_limited() -> None:
    with pytest.raises(InputFileError) as info:
        open_workbook_zip(GOOD, "w.xlsx", TinyLimits())
    assert info.value.code == "unsafe-workbook" and "unpacked" in info.value.message


def test_encrypted_zip_member() -> None:
    data = bytearray(GOOD)
    i = data.find(b"PK\x01\x02")
    data[i + 8] |= 1  # the central directory's "encrypted" flag
    with pytest.raises(InputFileError) as info:
        open_workbook_zip(bytes(data), "w.xlsx", Limits())
    assert info.value.code == "encrypted-workbook"


def test_guard_is_fast_on_a_normal_workbook() -> None:
    start = time.perf_counter()
    for _ in range(20):
        open_workbook_zip(GOOD, "w.xlsx", Limits())
    assert (time.perf_counter() - start) / 20 < 0.05


@pytest.mark.parametrize(
    "head",
    [
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>',
        b'<?xml version="1.0"?>\n<!-- note --><!doctype x><x/>',
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x><x/>'.encode("utf-16"),
        b" " * 70_000,  # no root element in the first 64 KB
    ],
)
def test_prolog_refuses_doctype(head: bytes) -> None:
    with pytest.raises(InputFileError) as info:
        check_prolog(head[:65536], "xl/part.xml", "w.xlsx")
    assert info.value.code == "unsafe-workbook"


def test_prolog_accepts_normal_xml() -> None:
    check_prolog(b'<?xml version="1.0"?><!-- c --><x a="<!DOCTYPE"/>', "p.xml", "w.xlsx")


def test_extent_of_a_normal_sheet_is_small() -> None:
    xml = sheet('<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>1</v></c></row>')
    rows, cols = extent(xml, 2_000_000)
    assert rows * cols <= 2_000_000


@pytest.mark.parametrize(
    "rows",
    [
        '<row r="1"><c r="A1"/></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
        "<row r=\"1\"><c r='XFD1048576'><v>1</v></c></row>",  # single quotes
        '<row r="1"><c s="1" r="XFD1048576"><v>1</v></c></row>',  # r not first
        '<row r="1"><c\nr="XFD1048576"><v>1</v></c></row>',  # newline before r
        '<row r="1048576">' + "<c><v>1</v></c>" * 30 + "</row>",  # positions implied by order
    ],
)
def test_far_cells_are_found_however_written(rows: str) -> None:
    r, c = extent(sheet(rows), 2_000_000)
    assert r * c > 2_000_000


def test_far_cells_with_a_namespace_prefix() -> None:
    xml = sheet('<x:row r="1"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>', prefix="x")
    assert extent(xml, 2_000_000) == (1_048_576, 16_384)


@pytest.mark.parametrize("ref", ["A&#49;", "AAAA1", "A12345678", "1A"])
def test_odd_references_are_refused(ref: str) -> None:
    with pytest.raises(BadReference):
        extent(sheet(f'<row r="1"><c r="{ref}"><v>1</v></c></row>'), 2_000_000)


def test_parse_ref() -> None:
    assert parse_ref("A1") == (0, 0)
    assert parse_ref("XFD1048576") == (1_048_575, 16_383)
    with pytest.raises(BadReference):
        parse_ref("A")


def test_merged_ranges() -> None:
    xml = sheet("") + b'<mergeCells><mergeCell ref="A2:A4"/><mergeCell ref="B3"/></mergeCells>'
    assert merged_ranges(xml) == [(1, 0, 3, 0), (2, 1, 2, 1)]


def test_formula_cells() -> None:
    xml = sheet(
        '<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f>B2</f><v/></c>'
        '<c r="C1" t="e"><f>NA()</f><v>#N/A</v></c><c r="D1" t="str"><f>""</f><v></v></c>'
        '<c r="E1"><f t="shared" si="0"/></c></row>'
    )
    assert formula_cells(xml) == {
        (0, 1): ("formula-no-value", "=B2"),
        (0, 2): ("formula-error", "#N/A"),
        (0, 4): ("formula-no-value", "="),
    }


def test_styled_rows() -> None:
    xml = sheet('<row r="2"><c r="C2" s="2"><v>0.5</v></c><c r="D2" s="2"><v>1</v></c></row>')
    assert styled_rows(xml, 2, frozenset({2})) == frozenset({1})
    assert styled_rows(xml, 2, frozenset({1})) == frozenset()


def test_each_part_name_once() -> None:
    z = zipfile.ZipFile(io.BytesIO(GOOD))
    assert len(z.namelist()) == len(set(z.namelist()))
