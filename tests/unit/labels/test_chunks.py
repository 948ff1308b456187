"""A big delimited file read in parts: the parts hold exactly what the whole-file read holds."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pytest

from strainscore.errors import InputFileError
from strainscore.labels import read_label
from strainscore.labels.chunks import NotStreamable, read_label_chunks

HEAD = "product,brand,strain,cfu_per_serving,servings_per_day,claims\n"
ROWS = [
    "Calm One,Acme,Lactobacillus rhamnosus HN001,10 billion,1,calm; sleep\n",
    ",,Bifidobacterium lactis HN019,5e9,,\n",  # continues Calm One
    "Gut Two,Acme,LGG; BB-12,10B,2,digestion\n",
    "Gut Two,Acme,Lactobacillus acidophilus NCFM,see label,1,\n",  # an unreadable count
    "\n",
    "Three,,L. plantarum 299v,1 x 10^9,one,\n",
    "Four,Other,,10 billion,1,\n",  # no strain: left out
    "Four,Other,Saccharomyces boulardii CNCM I-745,5 billion,1,\n",
    "Five,Brand\u200b,B. longum 1714,1e9,1,focus\n",  # an invisible character
    ",,B. breve M-16V,1e9,1,\n",
    "Six,,L. reuteri DSM 17938,1e8,1,\n",
]


def _file(tmp_path: Path, rows: list[str], head: str = HEAD, repeat: int = 3) -> Path:
    lines = []
    for k in range(repeat):
        lines += [
            r.replace(",", f" {k},", 1) if r.strip() and not r.startswith(",") else r for r in rows
        ]
    path = tmp_path / "labels.csv"
    path.write_text(head + "".join(lines), encoding="utf-8")
    return path


def _parts(path: Path, chunk_rows: int = 3) -> list:
    return list(read_label_chunks(path, min_bytes=0, chunk_rows=chunk_rows))


@pytest.mark.parametrize("chunk_rows", [1, 2, 5, 1000])
def test_the_parts_together_are_the_whole_file(tmp_path: Path, chunk_rows: int) -> None:
    path = _file(tmp_path, ROWS)
    whole = read_label(path)
    parts = _parts(path, chunk_rows)
    assert len(parts) > 1 or chunk_rows == 1000
    assert tuple(ln for p in parts for ln in p.lines) == whole.lines
    assert tuple(i for p in parts for i in p.issues) == whole.issues
    assert tuple(r for p in parts for r in p.left_out) == whole.left_out
    assert {p.columns for p in parts} == {whole.columns}


def test_a_part_ends_only_where_a_product_ends(tmp_path: Path) -> None:
    path = _file(tmp_path, ROWS)
    parts = _parts(path, chunk_rows=1)
    for before, after in itertools.pairwise(parts):
        if before.lines and after.lines:
            assert before.lines[-1].product != after.lines[0].product
    continued = [ln for p in parts for ln in p.lines if ln.strain_text.startswith("Bifido")]
    assert all(ln.product.startswith("Calm One") for ln in continued)


def test_a_byte_order_mark_and_semicolons_are_read_as_the_whole_file_reads_them(
    tmp_path: Path,
) -> None:
    path = _file(tmp_path, [r.replace(",", ";") for r in ROWS], head=HEAD.replace(",", ";"))
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    whole = read_label(path)
    assert tuple(ln for p in _parts(path) for ln in p.lines) == whole.lines


@pytest.mark.parametrize(
    "make",
    [
        lambda p: p.write_bytes(p.read_bytes().replace(b"Calm One 0", b"Caf\xe9 One 0")),  # cp1252
        lambda p: p.write_text("sep=,\n" + p.read_text()),
        lambda p: p.write_text(p.read_text().replace("product,", "xyzzy,", 1)),  # no header
        lambda p: p.write_text(p.read_text() + 'Seven,,"L. casei Shirota\n'),  # a quote left open
        lambda p: p.write_text(p.read_text().replace("strain,", "strain,strain,", 1)),  # doubled
        lambda p: p.write_text(HEAD + "\n\n"),  # no data rows
    ],
)
def test_what_the_whole_file_reader_must_judge_is_not_streamed(tmp_path: Path, make) -> None:
    path = _file(tmp_path, ROWS)
    make(path)
    with pytest.raises(NotStreamable):
        _parts(path)


def test_small_files_and_standard_input_are_read_whole(tmp_path: Path) -> None:
    path = _file(tmp_path, ROWS)
    with pytest.raises(NotStreamable):
        list(read_label_chunks(path))  # far below STREAM_MIN_BYTES
    with pytest.raises(NotStreamable):
        list(read_label_chunks("-", min_bytes=0))


def test_more_rows_than_the_limit_is_left_to_the_whole_file_reader(tmp_path: Path) -> None:
    path = _file(tmp_path, ROWS)
    with pytest.raises(NotStreamable):
        list(read_label_chunks(path, min_bytes=0, chunk_rows=2, max_rows=5))


def test_a_line_keeps_its_sheet_row(tmp_path: Path) -> None:
    path = _file(tmp_path, ROWS)
    rows = [ln.row for p in _parts(path, chunk_rows=1) for ln in p.lines]
    assert rows == [ln.row for ln in read_label(path).lines]
    assert dataclasses.is_dataclass(read_label(path).lines[0])


def test_far_more_rows_than_the_limit_is_refused_as_the_whole_file_reader_refuses_it(
    tmp_path: Path,
) -> None:
    path = _file(tmp_path, ROWS, repeat=10)
    with pytest.raises(InputFileError) as whole:
        read_label(path, max_rows=5)
    with pytest.raises(InputFileError) as parts:
        list(read_label_chunks(path, min_bytes=0, chunk_rows=2, max_rows=5))
    assert str(parts.value) == str(whole.value)
    assert "more than 5 rows" in str(parts.value)
    path.write_bytes(path.read_bytes() + b"Last,,L. GG \xe9,1e9,1,\n")  # not UTF-8 at the end
    with pytest.raises(NotStreamable):
        list(read_label_chunks(path, min_bytes=0, chunk_rows=2, max_rows=5))
