"""The Format registry: one list of formats, read by the CLI."""

from __future__ import annotations

import pytest

from strainscore.cli.check_cmd import check
from strainscore.formats import FORMATS, SUFFIXES, format_for, render
from strainscore.models import Report


def test_the_cli_offers_exactly_the_registered_formats() -> None:
    (option,) = [p for p in check.params if p.name == "fmt"]
    assert tuple(option.type.choices) == tuple(FORMATS)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("fmt", "output", "expected"),
    [
        (None, None, "text"),
        (None, "r.JSON", "json"),
        (None, "r.htm", "html"),
        (None, "reports/", "html"),
        (None, "r.xlsx", "xlsx"),
        ("csv", "r.json", "csv"),
        ("json", None, "json"),
    ],
)
def test_format_for_infers_from_the_suffix(
    fmt: str | None, output: str | None, expected: str
) -> None:
    assert format_for(fmt, output).name == expected


def test_every_suffix_names_its_format() -> None:
    for suffix, name in SUFFIXES.items():
        assert suffix in FORMATS[name].suffixes


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_format_renders_and_streams_the_same_bytes(
    name: str, golden_report: Report, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    f = FORMATS[name]
    if name == "pdf":
        pytest.importorskip("weasyprint")  # the optional extra; CI installs it
    data = f.render(golden_report)
    if f.binary:  # a zip (xlsx) or a PDF: both carry the time they were written
        magic = b"%PDF" if name == "pdf" else b"PK"
        assert data.startswith(magic) and render(golden_report, name).startswith(magic)
    else:
        assert data and data == render(golden_report, name)
    writer = f.writer()
    assert (writer is not None) == f.streams
    if writer is not None:
        with (tmp_path / "out").open("wb") as fh:
            writer(golden_report, fh)
        assert (tmp_path / "out").read_bytes() == data


def test_only_html_fills_a_folder_and_only_xlsx_and_pdf_need_a_file() -> None:
    assert [f.name for f in FORMATS.values() if f.folder] == ["html"]
    assert [f.name for f in FORMATS.values() if f.binary] == ["xlsx", "pdf"]
