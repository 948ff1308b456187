"""Damaged and hostile variations of good files: always a LabelSheet or an InputFileError."""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from label_cases import load_rawxlsx

from strainscore.errors import InputFileError
from strainscore.labels import read_label_stream

rx = load_rawxlsx()
HEADER = ["Product", "Strain", "CFU per serving", "Servings per day"]
BOOK = rx.build(
    rx.Book(
        [
            rx.Sheet(
                "Labels",
                [
                    HEADER,
                    ["P", "L. GG", "10 billion", 1],
                    [None, "B. lactis", rx.Raw(f' s="{rx.DATE}"', "<v>45000</v>")],
                    ["Q", rx.Raw(' t="e"', "<f>NA()</f><v>#N/A</v>"), rx.Raw("", "<f>1</f>")],
                ],
                merges=("A2:A3",),
            ),
            rx.Sheet("Two", [["x"]], "hidden"),
        ]
    )
)
PARTS = {
    i.filename: zipfile.ZipFile(io.BytesIO(BOOK)).read(i)
    for i in zipfile.ZipFile(io.BytesIO(BOOK)).infolist()
}
TOKENS = [
    b'<c r="XFD1048576"><v>1</v></c>',
    b"<c>",
    b"</c>",
    b'<row r="999999">',
    b' r="ZZ9"',
    b"<f>",
    b' t="e"',
    b"<!DOCTYPE x>",
    b"&#49;",
    b'<mergeCell ref="A1:XFD1048576"/>',
    b"\x00",
    b"\xff",
    b'"',
]
CSV = b'Product,Strain,CFU\nP,"L. GG",10 billion\nQ,B. lactis;x,1e9\n'
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(data: bytes, name: str) -> None:
    try:
        sheet = read_label_stream(data, name)
    except InputFileError as err:
        assert err.code and err.message
    else:
        assert all(i.code and i.message for i in sheet.issues)


@SETTINGS
@given(
    part=st.sampled_from(sorted(PARTS)),
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.sampled_from(TOKENS), st.integers(0, 20)),
        min_size=1,
        max_size=4,
    ),
)
def test_edited_workbook_parts(part: str, edits: list[tuple[float, bytes, int]]) -> None:
    data = bytearray(PARTS[part])
    for where, token, cut in edits:
        pos = int(where * len(data))
        data[pos : pos + cut] = token
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in PARTS.items():
            z.writestr(name, bytes(data) if name == part else content)
    _read(out.getvalue(), "labels.xlsx")


@SETTINGS
@given(st.lists(st.tuples(st.floats(0, 1), st.binary(max_size=8)), min_size=1, max_size=6))
def test_corrupted_bytes(edits: list[tuple[float, bytes]]) -> None:
    for base, name in ((BOOK, "labels.xlsx"), (CSV, "labels.csv")):
        data = bytearray(base)
        for where, blob in edits:
            pos = int(where * len(data))
            data[pos : pos + len(blob)] = blob
        _read(bytes(data), name)


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    for name in ("labels.csv", "labels.xlsx", "-"):
        _read(data, name)


def test_a_part_declaring_an_unknown_encoding_is_a_corrupt_workbook() -> None:
    part = "xl/_rels/workbook.xml.rels"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in PARTS.items():
            bad = content.replace(b'encoding="UTF-8"', b'encoding="TF-8"', 1)
            z.writestr(name, bad if name == part else content)
    try:
        read_label_stream(out.getvalue(), "labels.xlsx")
    except InputFileError as err:
        assert err.code == "corrupt-workbook"
        assert part in err.message
    else:
        raise AssertionError("a part in an unknown encoding was read")
