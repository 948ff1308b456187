"""Reading behaviour beyond the case table: values kept as written, locations, stdin, sheets."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest
from label_cases import load_rawxlsx

from strainscore.errors import InputFileError
from strainscore.labels import label_from_text, read_label, read_label_stream, reader
from strainscore.labels.reader import cell_text, column_letter

rx = load_rawxlsx()
HEADER = ["Product", "Strain", "CFU per serving", "Servings per day"]


def csv_sheet(text: str, name: str = "labels.csv"):  # type: ignore[no-untyped-def]
    return read_label_stream(text.encode("utf-8"), name)


def test_text_stays_text() -> None:
    sheet = csv_sheet("Product,Strain,Brand\n007,L. GG,NA\nNone,B. lactis,n/a\n")
    assert [(x.product, x.brand) for x in sheet.lines] == [("007", "NA"), ("None", "n/a")]


def test_extra_columns_are_kept_in_order() -> None:
    sheet = csv_sheet("Product,Notes,Strain,Price\nP,keep me,L. GG,9.99\n")
    assert sheet.lines[0].extra == (("Notes", "keep me"), ("Price", "9.99"))
    assert "columns kept but not checked: Notes, Price" in sheet.notices


def test_ragged_row_is_reported_never_shifted() -> None:
    sheet = csv_sheet("Product,Strain,CFU\nP,L. GG,10 billion\nQ,B. lactis,10,5 billion\nR,X,1e9\n")
    assert [(x.row, x.product, x.cfu_per_serving.value) for x in sheet.lines] == [  # type: ignore[union-attr]
        (2, "P", 1e10),
        (4, "R", 1e9),
    ]
    (ragged,) = sheet.issues
    assert (ragged.code, ragged.row, ragged.column, ragged.value) == (
        "ragged-row",
        3,
        "D",
        "5 billion",
    )


def test_header_scale_multiplies_bare_numbers_only() -> None:
    sheet = csv_sheet("Product,Strain,CFU (billions)\nP,L. GG,10\nQ,B. lactis,5 billion\n")
    assert [x.cfu_per_serving.value for x in sheet.lines] == [1e10, 5e9]  # type: ignore[union-attr]


def test_control_characters_are_stripped_with_a_warning() -> None:
    sheet = csv_sheet("Product,Strain\nP,L. rhamnosus\x07 GG\u200b\n")
    assert sheet.lines[0].strain_text == "L. rhamnosus GG"
    (warning,) = sheet.issues
    assert warning.severity == "warning" and "U+0007 U+200B" in warning.message


def test_right_to_left_and_emoji_survive_unchanged() -> None:
    product = "بروبيوتيك 😀 👨‍👩‍👧"
    sheet = csv_sheet(f"Product,Strain\n{product},L. rhamnosus GG 🦠\n")
    assert sheet.lines[0].product == product
    assert sheet.issues == ()


def test_cell_location_in_a_workbook() -> None:
    data = rx.simple([["Title"], HEADER, ["P", "L. GG", "lots", 1]], name="My labels")
    sheet = read_label_stream(data, "w.xlsx")
    (problem,) = sheet.issues
    assert (problem.code, problem.sheet, problem.row, problem.column, problem.header) == (
        "invalid-cfu",
        "My labels",
        3,
        "C",
        "CFU per serving",
    )
    assert problem.value == "lots"
    assert problem.location == "w.xlsx, sheet 'My labels', row 3, column C (CFU per serving)"


def test_merged_product_fills_its_rows_and_cached_formulas_are_used() -> None:
    data = rx.simple(
        [
            HEADER,
            ["Calm Gut", "L. GG", "10 billion", rx.Raw("", "<f>1+1</f><v>2</v>")],
            [None, rx.Raw(' t="str"', "<f>X</f><v>B. lactis</v>")],
            [None, "L. acidophilus NCFM"],
        ],
        merges=("A2:A4",),
    )
    sheet = read_label_stream(data, "w.xlsx")
    assert [(x.product, x.strain_text) for x in sheet.lines] == [
        ("Calm Gut", "L. GG"),
        ("Calm Gut", "B. lactis"),
        ("Calm Gut", "L. acidophilus NCFM"),
    ]
    assert sheet.lines[0].servings_per_day == 2.0


def test_title_merged_across_columns_is_not_a_strain() -> None:
    data = rx.simple([HEADER, ["Section A"], ["P", "L. GG"]], merges=("A2:D2",))
    sheet = read_label_stream(data, "w.xlsx")
    assert [x.strain_text for x in sheet.lines] == ["L. GG"]
    assert [i.code for i in sheet.issues] == ["missing-value"]


def test_excel_number_in_cfu_keeps_its_written_form() -> None:
    sheet = read_label_stream(rx.simple([HEADER, ["P", "L. GG", 10000000000.0, 2.0]]), "w.xlsx")
    amount = sheet.lines[0].cfu_per_serving
    assert amount is not None and (amount.text, amount.value) == ("10000000000", 1e10)


@pytest.mark.parametrize("choice", [2, "2", "labels", "Labels", " LABELS "])
def test_sheet_by_number_or_name(choice: object) -> None:
    book = rx.Book([rx.Sheet("Notes", [["x"]]), rx.Sheet("Labels", [HEADER, ["P", "L. GG"]])])
    sheet = read_label_stream(rx.build(book), "w.xlsx", sheet=choice)  # type: ignore[arg-type]
    assert sheet.sheet == "Labels" and len(sheet.lines) == 1


def test_stdin_text_and_workbook(monkeypatch: pytest.MonkeyPatch) -> None:
    for data in (b"Product,Strain\nP,L. GG\n", rx.simple([HEADER, ["P", "L. GG"]])):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        sheet = read_label("-")
        assert sheet.source == "-" and [x.strain_text for x in sheet.lines] == ["L. GG"]


def test_stdin_problems_name_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Product,Strain\nP,\n")))
    (issue,) = read_label("-").issues
    assert issue.file == "standard input"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    with pytest.raises(InputFileError, match="standard input") as info:
        read_label("-")
    assert info.value.code == "empty-file"


def test_permission_denied_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "labels.csv"
    path.write_text("Product,Strain\nP,L. GG\n")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputFileError) as info:
        read_label(path)
    assert info.value.code == "unreadable-file" and str(path) in info.value.message


def test_errors_carry_their_issues() -> None:
    with pytest.raises(InputFileError) as info:
        csv_sheet("Product,Brand\nP,B\n")
    (issue,) = info.value.issues  # type: ignore[attr-defined]
    assert (issue.code, issue.row) == ("missing-column", 1)


def test_max_rows_applies_to_workbooks() -> None:
    data = rx.simple([HEADER] + [["P", "L. GG"]] * 5)
    assert len(read_label_stream(data, "w.xlsx", max_rows=5).lines) == 5
    with pytest.raises(InputFileError) as info:
        read_label_stream(data, "w.xlsx", max_rows=4)
    assert info.value.code == "too-many-rows"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (1.0, "1"),
        (2.5, "2.5"),
        (float("nan"), ""),
        (" x ", "x"),
        (7, "7"),
        (1e20, "1e+20"),
    ],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 701, 702, 16383)] == [
        "A",
        "Z",
        "AA",
        "ZZ",
        "AAA",
        "XFD",
    ]


def test_label_from_text_still_works() -> None:
    sheet = label_from_text("L. rhamnosus GG, B. lactis BB-12", claims="mood; gut")
    assert [x.strain_text for x in sheet.lines] == ["L. rhamnosus GG", "B. lactis BB-12"]
    assert sheet.lines[0].claims == ("mood", "gut")


def _with_chart_sheet() -> bytes:
    """Two sheets, the second turned into a chart sheet in the workbook's relationships."""
    book = rx.build(rx.Book([rx.Sheet("Labels", [HEADER, ["P", "L. GG"]]), rx.Sheet("Chart", [])]))
    src = zipfile.ZipFile(io.BytesIO(book))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b'/worksheet" Target="worksheets/sheet2.xml"',
                    b'/chartsheet" Target="chartsheets/sheet1.xml"',
                )
            z.writestr(info, data)
    return out.getvalue()


def test_chart_sheets_are_not_tables() -> None:
    data = _with_chart_sheet()
    assert read_label_stream(data, "w.xlsx").sheet == "Labels"
    with pytest.raises(InputFileError) as info:
        read_label_stream(data, "w.xlsx", sheet="Chart")
    assert info.value.code == "sheet-not-found" and "chart sheet" in info.value.message


def test_file_size_limit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    class Small(reader.Limits):
        @property
        def max_file_bytes(self) -> int:
            return 10

    monkeypatch.setattr(reader, "Limits", Small)
    path = tmp_path / "labels.csv"
    path.write_text("Product,Strain\nP,L. GG\n")
    for call in (lambda: read_label(path), lambda: read_label_stream(path.read_bytes(), "x.csv")):
        with pytest.raises(InputFileError) as info:
            call()
        assert info.value.code == "file-too-large"


def test_engine_error_names_the_sheet() -> None:
    good = zipfile.ZipFile(io.BytesIO(rx.simple([HEADER, ["P", "L. GG"]], name="Labels")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in good.infolist():
            data = good.read(info)
            if info.filename.endswith("sheet1.xml"):
                data = data.replace(b"</sheetData>", b"<row r='2'><c r='A2'")
            z.writestr(info, data)
    with pytest.raises(InputFileError) as err:
        read_label_stream(out.getvalue(), "w.xlsx")
    assert err.value.code == "corrupt-workbook" and "sheet 'Labels'" in err.value.message


def test_formula_problem_outside_the_checked_columns_is_a_warning() -> None:
    data = rx.simple(
        [[*HEADER, "Notes"], ["P", "L. GG", "10B", 1, rx.Raw(' t="e"', "<v>#REF!</v>")]]
    )
    sheet = read_label_stream(data, "w.xlsx")
    (warning,) = sheet.issues
    assert (warning.code, warning.severity, warning.column) == ("formula-error", "warning", "E")
    assert len(sheet.lines) == 1
