"""A file checked part by part gives the CSV a whole-file check gives, byte for byte."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from strainscore.formats.csv_format import SHAPES, CsvWriter
from strainscore.models import Report
from strainscore.workflows.check import check_label
from strainscore.workflows.chunked import BatchCounts, check_in_chunks

HEAD = "product,brand,strain,cfu_per_serving,servings_per_day,claims\n"
BODY = (
    "Calm {k},Acme,Lactobacillus rhamnosus HN001,10 billion,1,calm; supports mood\n"
    ",,Bifidobacterium lactis HN019,5e9,,\n"
    "Gut {k},Acme,LGG; BB-12,10B,2,digestion\n"
    "Gut {k},Acme,Lactobacillus acidophilus NCFM,see label,1,\n"
    "Bad {k},,,10 billion,1,\n"
    "Yeast {k},Other,Saccharomyces boulardii CNCM I-745,5 billion,x,\n"
)


def _file(tmp_path: Path, products: int = 12, tail: str = "") -> Path:
    path = tmp_path / "labels.csv"
    path.write_text(HEAD + "".join(BODY.format(k=k) for k in range(products)) + tail)
    return path


class Collect:
    def __init__(self, shape: str) -> None:
        self.fh = io.BytesIO()
        self.writer = CsvWriter(self.fh, shape)
        self.parts = 0
        self.restarts = 0

    def write(self, report: Report) -> None:
        self.parts += 1
        self.writer.write(report)

    def restart(self) -> None:
        self.restarts += 1
        self.writer.restart()


def _whole(path: Path, shape: str) -> tuple[bytes, Report]:
    report = check_label(path)
    fh = io.BytesIO()
    CsvWriter(fh, shape).write(report)
    return fh.getvalue(), report


def _chunked(path: Path, shape: str) -> tuple[Collect, BatchCounts]:
    out = Collect(shape)
    counts = check_in_chunks(path, write=out.write, restart=out.restart, chunk_rows=4, min_bytes=0)
    return out, counts


@pytest.mark.parametrize("shape", SHAPES)
def test_parts_give_the_whole_files_csv(tmp_path: Path, shape: str) -> None:
    path = _file(tmp_path)
    expected, report = _whole(path, shape)
    out, counts = _chunked(path, shape)
    assert out.parts > 3 and out.restarts == 0
    assert out.fh.getvalue() == expected
    assert counts.products == len(report.products)
    assert counts.issues == len(report.issues)
    assert counts.has_errors == report.has_errors
    lacking = [p.product for p in report.products if p.strains_with_evidence == 0]
    assert counts.missing == len(lacking) and counts.missing_names == lacking[:5]


def test_a_product_whose_rows_are_apart_is_checked_whole(tmp_path: Path) -> None:
    """Whole-file checking groups a product's rows wherever they are: so does this."""
    path = _file(tmp_path, tail="Calm 0,Acme,B. longum 1714,1e9,1,\n")
    expected, report = _whole(path, "evidence")
    out, counts = _chunked(path, "evidence")
    assert out.restarts == 1
    assert out.fh.getvalue() == expected
    assert counts.products == len(report.products) and counts.parts == 1


def test_a_file_the_chunked_reader_refuses_is_checked_whole(tmp_path: Path) -> None:
    path = _file(tmp_path)
    path.write_bytes(path.read_bytes().replace(b"Calm 3", b"Caf\xe9 3"))  # Windows-1252
    expected, _ = _whole(path, "lines")
    out, _ = _chunked(path, "lines")
    assert out.restarts == 1 and out.fh.getvalue() == expected


@pytest.mark.parametrize("shape", SHAPES)
def test_the_command_writes_the_shape_asked_for(tmp_path: Path, run_cli, shape: str) -> None:
    path = _file(tmp_path)
    out = tmp_path / "report.csv"
    result = run_cli("check", str(path), "--format", "csv", "--csv-shape", shape, "-o", str(out))
    assert out.read_bytes() == _whole(path, shape)[0]
    assert "input problem(s) are listed in the report" in result.stderr
    assert f"checked {len(check_label(path).products)} products" in result.stderr
    again = run_cli("check", str(path), "--csv-shape", shape, "--format", "csv")
    assert again.stdout_bytes == out.read_bytes()


def test_a_small_file_is_judged_before_the_output_as_by_a_whole_file_check(
    tmp_path: Path, run_cli
) -> None:
    out = tmp_path / "report.csv"
    out.write_text("an earlier report")
    missing = tmp_path / "missing.csv"
    result = run_cli("check", str(missing), "--format", "csv", "-o", str(out), expect=2)
    assert "[file-not-found]" in result.stderr
    assert out.read_text() == "an earlier report"
    result = run_cli("check", str(_file(tmp_path)), "--format", "csv", "-o", str(out), expect=2)
    assert "[output-exists]" in result.stderr
