"""Build every bad-input case file into a folder: `python make_cases.py OUTDIR`.

Only this script and `cases.csv` (what each case must give) are committed; the tests call
`build_all(tmp_path)`. A case is named by its file name; `missing.csv` is deliberately not built.
"""

from __future__ import annotations

import io
import struct
import sys
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from rawxlsx import DATE, PERCENT, Book, Raw, Sheet, build, simple

HEADER = ["Product", "Strain", "CFU per serving", "Servings per day"]
GOOD = [
    ["Calm Gut", "Lactobacillus rhamnosus GG", "10 billion", 1],
    ["Calm Gut", "Bifidobacterium animalis subsp. lactis BB-12", "5 billion", 1],
]
CSV_GOOD = "Product,Strain,CFU per serving\nCalm Gut,L. rhamnosus GG,10 billion\n"
BUILDERS: dict[str, Callable[[Path], None]] = {}


def case(name: str) -> Callable[[Callable[[Path], None]], Callable[[Path], None]]:
    def register(fn: Callable[[Path], None]) -> Callable[[Path], None]:
        BUILDERS[name] = fn
        return fn

    return register


def text(name: str, content: str, encoding: str = "utf-8") -> None:
    BUILDERS[name] = lambda p: p.write_bytes(content.encode(encoding))


def raw(name: str, data: bytes) -> None:
    BUILDERS[name] = lambda p: p.write_bytes(data)


def xlsx(name: str, make: Callable[[], bytes]) -> None:
    BUILDERS[name] = lambda p: p.write_bytes(make())


def csv_of(rows: list[list[object]], sep: str = ",") -> str:
    return "\n".join(sep.join(str(v) for v in r) for r in rows) + "\n"


def ole2(*streams: str) -> bytes:
    """An OLE2 compound file header with directory names: enough to be recognised."""
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + struct.pack("<HH", 0x3E, 3)
    head = head.ljust(512, b"\x00")
    names = b"".join(s.encode("utf-16-le").ljust(128, b"\x00") for s in ("Root Entry", *streams))
    return head + names.ljust(1024, b"\x00")


def patch_sizes(data: bytes, member: str, size: int) -> bytes:
    """Rewrite a member's declared uncompressed size in its local and central headers."""
    buf = bytearray(data)
    name = member.encode()
    for sig, name_len_at, size_at, name_at in (
        (b"PK\x03\x04", 26, 22, 30),
        (b"PK\x01\x02", 28, 24, 46),
    ):
        i = buf.find(sig)
        while i >= 0:
            (n,) = struct.unpack_from("<H", buf, i + name_len_at)
            if bytes(buf[i + name_at : i + name_at + n]) == name:
                struct.pack_into("<I", buf, i + size_at, size)
            i = buf.find(sig, i + 4)
    return bytes(buf)


def zip_of(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are the point of one case
        with zipfile.ZipFile(out, "w", method) as z:
            for name, data in members.items():
                z.writestr(name.split("#")[0], data)
    return out.getvalue()


# --- whole-file problems -------------------------------------------------------------------
raw("empty.csv", b"")
raw("zero_bytes.xlsx", b"")
text("blank_lines.csv", "\n\n   \n\r\n")
text("header_only.csv", "Product,Strain,CFU per serving\n")
xlsx("header_only.xlsx", lambda: simple([HEADER]))
xlsx("truncated.xlsx", lambda: simple([HEADER, *GOOD])[:700])
text("text_renamed.xlsx", CSV_GOOD)
raw("encrypted.xlsx", ole2("EncryptionInfo", "EncryptedPackage"))
raw("ole2_header_only.xlsx", ole2())
raw("old_excel.xls", ole2("Workbook", "SummaryInformation"))
raw("old_excel_named.csv", ole2("Workbook"))
raw("text_named.ods", CSV_GOOD.encode())
raw(
    "real.ods",
    zip_of(
        {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"},
        zipfile.ZIP_STORED,
    ),
)
raw("real.numbers", zip_of({"Index/Document.iwa": b"\x00" * 10, "Metadata/x.plist": b""}))
raw("word.docx", zip_of({"word/document.xml": b"<x/>", "[Content_Types].xml": b"<x/>"}))
raw("plain.zip", zip_of({"labels.csv": CSV_GOOD.encode()}))
raw("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
raw("pdf_named.csv", b"%PDF-1.4\n")
raw("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
raw("photo_named.xlsx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
raw("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
raw("labels.csv.gz", b"\x1f\x8b\x08\x00" + b"\x00" * 20)
text("shop_export.xls", "<html><body><table><tr><td>Product</td></tr></table></body></html>")
raw("binary_junk.csv", bytes(range(0, 32)) * 64)
raw("bad_encoding.csv", b"Product,Strain\nCaf\x81,L. GG\n")
raw("utf16_no_bom.csv", "Product,Strain\nP,L. GG\n".encode("utf-16-le"))
text("unclosed_quote.csv", 'Product,Strain\nP,"L. GG\nQ,B. lactis\n')
text("duplicate_header.csv", "Product,Strain,Strain name\nP,L. GG,GG\n")
text("missing_strain_column.csv", "Product,Brand,CFU per serving\nP,B,10 billion\n")
xlsx("missing_strain_column.xlsx", lambda: simple([["Product", "Brand", "CFU"], ["P", "B", 1e9]]))
text("no_header.csv", "Calm Gut,L. rhamnosus GG\nCalm Gut,B. lactis BB-12\n")
text("too_many_rows.csv", "Product,Strain\n" + "P,L. GG\n" * 20)
text("one_sheet_only.csv", CSV_GOOD)
xlsx("sheet_not_found.xlsx", lambda: simple([HEADER, *GOOD]))
xlsx(
    "only_hidden_sheet_has_table.xlsx",
    lambda: build(Book([Sheet("Notes", [["read me"]]), Sheet("Data", [HEADER, *GOOD], "hidden")])),
)


@case("a_folder")
def _folder(p: Path) -> None:
    p.mkdir()


@case("bundle.numbers")
def _bundle(p: Path) -> None:
    (p / "Index").mkdir(parents=True)


@case("unreadable.csv")
def _unreadable(p: Path) -> None:
    p.write_text(CSV_GOOD)
    p.chmod(0)


# --- hostile workbooks ---------------------------------------------------------------------
LOL = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
BILLION_LAUGHS = f'<!DOCTYPE lolz [<!ENTITY lol0 "lol">{LOL}]>'
xlsx(
    "billion_laughs.xlsx",
    lambda: simple(
        [HEADER, ["P", Raw(' t="inlineStr"', "<is><t>&lol9;</t></is>")]], prolog=BILLION_LAUGHS
    ),
)
xlsx(
    "entity_in_workbook.xlsx",
    lambda: build(
        Book(
            [Sheet("Labels", [HEADER, *GOOD])],
            workbook_prolog='<!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        )
    ),
)
xlsx(
    "zip_bomb.xlsx",
    lambda: build(
        Book(
            [Sheet("Labels", [HEADER, *GOOD])],
            extra_parts={"xl/media/zeros.bin": bytes(50 * 1024 * 1024)},
        )
    ),
)
xlsx(
    "declared_huge.xlsx",
    lambda: patch_sizes(simple([HEADER, *GOOD]), "xl/worksheets/sheet1.xml", 0xFFFF0000),
)
xlsx(
    "far_cell.xlsx",
    lambda: simple(
        [HEADER, *GOOD], extra_rows='<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    ),
)
xlsx(
    "too_many_parts.xlsx",
    lambda: build(
        Book(
            [Sheet("Labels", [HEADER, *GOOD])],
            extra_parts={f"xl/media/p{i}.bin": b"" for i in range(10_001)},
        )
    ),
)


xlsx(
    "shared_strings_count.xlsx",
    lambda: build(
        Book(
            [Sheet("Labels", [HEADER, ["P", Raw(' t="s"', "<v>0</v>")]])],
            extra_parts={
                "xl/sharedStrings.xml": b'<sst xmlns="http://schemas.openxmlformats.org/'
                b'spreadsheetml/2006/main" uniqueCount="4000000000"><si><t>L. GG</t></si></sst>'
            },
        )
    ),
)


@case("duplicate_part.xlsx")
def _duplicate_part(p: Path) -> None:
    good = zipfile.ZipFile(io.BytesIO(simple([HEADER, *GOOD])))
    members = {i.filename: good.read(i) for i in good.infolist()}
    members["xl/worksheets/sheet1.xml#2"] = b"<worksheet/>"
    p.write_bytes(zip_of(members))


# --- usable files with problems in some rows -----------------------------------------------
text("semicolon.csv", csv_of([HEADER, *GOOD], ";"))
text("tabs.tsv", csv_of([HEADER, *GOOD], "\t"))
text("pipes.csv", csv_of([HEADER, *GOOD], "|"))
text("cp1252.csv", "Product,Strain\nCafé Flore,L. rhamnosus GG\nNaïve,B. lactis BB-12\n", "cp1252")
text("utf16.csv", "Product\tStrain\nCafé\tL. rhamnosus GG\nNaïve\tB. lactis BB-12\n", "utf-16")
text("utf8_bom.csv", "\ufeffProduct,Strain\nCafé,L. rhamnosus GG\nNaïve,B. lactis BB-12\n")
text("crlf.csv", "Product,Strain\r\nP,L. rhamnosus GG\r\nQ,B. lactis BB-12\r\n")
text(
    "ragged_rows.csv", "Product,Strain,CFU\nP,L. GG,10 billion\nQ,B. lactis,10,5 billion\nR,X,1e9\n"
)
text("trailing_separators.csv", "Product,Strain,,\nP,L. GG,,\nQ,B. lactis,,\n")
text("text_stays_text.csv", "Product,Strain,Brand\n007,L. GG,NA\nNone,B. lactis,n/a\n")
text("long_strain_cell.csv", f"Product,Strain\nP,{'L' * 1000}\nQ,B. lactis BB-12\n")
text("control_characters.csv", "Product,Strain\nP,L. rhamnosus\x07 GG\x00\nQ,B. lactis\n")
text("only_control_characters.csv", "Product,Strain\nP,\x01\x02\x03\nQ,B. lactis BB-12\n")
text("bidi_override.csv", "Product,Strain\nP,L. rhamnosus \u202eGG\nQ,B. lactis\n")
text("right_to_left.csv", "Product,Strain\nפרוביוטיקה,L. rhamnosus GG\nبروبيوتيك,B. lactis\n")
text("emoji.csv", "Product,Strain\nHappy Gut 😀🦠,L. rhamnosus GG 👍\n👨‍👩‍👧 Family,B. lactis\n")
text("header_on_row4.csv", "My labels\nexported 2026\n\nProduct,Strain\nP,L. GG\nQ,B. lactis\n")
text("date_text_in_cfu.csv", "Product,Strain,CFU\nP,L. GG,2024-01-05\nQ,B. lactis,10 billion\n")
text("percent_text_in_cfu.csv", "Product,Strain,CFU\nP,L. GG,5%\nQ,B. lactis,10 billion\n")
text("missing_value.csv", "Product,Strain\nP,\nQ,B. lactis BB-12\n")
text("invalid_cfu.csv", "Product,Strain,CFU\nP,L. GG,lots\nQ,B. lactis,10B\n")
text("invalid_servings.csv", "Product,Strain,Servings/day\nP,L. GG,often\nQ,B. lactis,2\n")
text("mg_unit.csv", "Product,Strain,CFU\nP,L. GG,100 mg\nQ,B. lactis,10 billion\n")
text("at_manufacture.csv", "Product,Strain,CFU\nP,L. GG,10 billion at time of manufacture\n")
text("extra_columns.csv", "Product,Notes,Strain,Price\nP,keep me,L. GG,9.99\n")
text(
    "synonyms.csv",
    "PRODUCT NAME,Organism,CFU per capsule,Servings/day,Health claims\n"
    "P,L. rhamnosus GG,1 x 10^9,2,mood\n",
)
text("cfu_in_billions_header.csv", "Product,Strain,CFU (billions)\nP,L. GG,10\n")
text("all_rows_bad.csv", "Product,Strain\nP,\nQ,\n")
text("excel_sep_line.csv", "sep=;\r\nProduct;Strain\r\nP;L. GG, B. lactis\r\n")
text("long_cfu_text.csv", f"Product,Strain,CFU\nP,L. GG,{'1' * 100_000}\nQ,B. lactis,10B\n")
xlsx(
    "header_on_row4.xlsx",
    lambda: simple([["Label audit"], [], ["exported 2026"], HEADER, *GOOD]),
)
xlsx(
    "merged_product.xlsx",
    lambda: simple(
        [
            HEADER,
            ["Calm Gut", "L. rhamnosus GG", "10 billion", 1],
            [None, "B. lactis BB-12"],
            [None, "L. acidophilus NCFM"],
        ],
        merges=("A2:A4",),
    ),
)
xlsx(
    "formula_cached.xlsx",
    lambda: simple(
        [
            HEADER,
            ["P", "L. GG", "10 billion", Raw("", "<f>1+1</f><v>2</v>")],
            ["P", Raw(' t="str"', '<f>"B. lac"&amp;"tis"</f><v>B. lactis</v>')],
        ]
    ),
)
xlsx(
    "formula_no_value.xlsx",
    lambda: simple([HEADER, ["P", Raw("", "<f>B3</f><v/>"), "10 billion"], GOOD[1]]),
)
xlsx(
    "formula_error.xlsx",
    lambda: simple([HEADER, ["P", "L. GG", Raw(' t="e"', "<f>NA()</f><v>#N/A</v>")], GOOD[1]]),
)
xlsx(
    "date_in_cfu.xlsx",
    lambda: simple([HEADER, ["P", "L. GG", Raw(f' s="{DATE}"', "<v>45296</v>")], GOOD[1]]),
)
xlsx(
    "percent_in_cfu.xlsx",
    lambda: simple([HEADER, ["P", "L. GG", Raw(f' s="{PERCENT}"', "<v>0.05</v>")], GOOD[1]]),
)
xlsx(
    "hidden_first_sheet.xlsx",
    lambda: build(
        Book([Sheet("Old", [HEADER, ["X", "Y"]], "hidden"), Sheet("Labels", [HEADER, *GOOD])])
    ),
)
xlsx(
    "second_sheet_has_table.xlsx",
    lambda: build(
        Book([Sheet("Read me", [["How to fill this in"]]), Sheet("Labels", [HEADER, *GOOD])])
    ),
)
xlsx(
    "numbers_as_text.xlsx",
    lambda: simple(
        [HEADER, ["P", "L. GG", "1000000000", "2"], ["Q", "B. lactis", "2,000,000,000", "1"]]
    ),
)
xlsx(
    "blank_rows_and_columns.xlsx",
    lambda: simple(
        [
            [],
            [None, "Product", None, "Strain"],
            [],
            [None, "P", None, "L. GG"],
            [],
            [None, "Q", None, "B. lactis"],
        ]
    ),
)
xlsx("cells_without_r.xlsx", lambda: simple([HEADER, *GOOD], write_r=False))
xlsx("excel_number_cfu.xlsx", lambda: simple([HEADER, ["P", "L. GG", 10000000000.0, 1.0]]))
xlsx(
    "macros.xlsm",
    lambda: build(
        Book(
            [Sheet("Labels", [HEADER, *GOOD])],
            extra_parts={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro"},
        )
    ),
)
xlsx("workbook_named.csv", lambda: simple([HEADER, *GOOD]))
xlsx(
    "hidden_sheet_asked_for.xlsx",
    lambda: build(
        Book([Sheet("Labels", [HEADER, GOOD[0]]), Sheet("Old", [HEADER, *GOOD], "hidden")])
    ),
)
xlsx(
    "rtl_and_emoji.xlsx", lambda: simple([HEADER, ["بروبيوتيك 😀", "L. rhamnosus GG 🦠", "10B", 1]])
)


# --- from issue 18: real and hostile sheets that lost data or changed a number ---------------
for _name, _count in (
    ("negative_cfu.csv", "-5 billion"),
    ("unicode_minus_cfu.csv", "\u22125 billion"),
    ("negative_e_cfu.csv", "-1e9"),
    ("huge_exponent_cfu.csv", "1e999"),
    ("power_tower_cfu.csv", "10^10^10"),
    ("nan_cfu.csv", "NaN"),
    ("infinity_cfu.csv", "Infinity"),
    ("near_float_limit_cfu.csv", "1.7e308"),
):
    text(_name, f"Product,Strain,CFU,Servings per day\nP,L. GG,{_count},10\nQ,B. lactis,10B,1\n")
xlsx("negative_number_cfu.xlsx", lambda: simple([HEADER, ["P", "L. GG", -5e9, 1], GOOD[1]]))
xlsx("huge_number_cfu.xlsx", lambda: simple([HEADER, ["P", "L. GG", 1.7e308, 10], GOOD[1]]))
text(
    "product_on_first_row_only.csv",
    "Product,Strain\nCalm Gut,L. rhamnosus GG\n,B. lactis BB-12\nFocus,L. reuteri DSM 17938\n",
)
text(
    "product_blank_after_blank_row.csv",
    "Product,Strain\nCalm Gut,L. rhamnosus GG\n\n,B. lactis BB-12\nFocus,L. reuteri\n",
)
text(
    "product_blank_other_brand.csv",
    "Product,Brand,Strain\nCalm Gut,A,L. rhamnosus GG\n,B,B. lactis BB-12\nFocus,A,L. reuteri\n",
)
xlsx(
    "hidden_duplicate_sheet_name.xlsx",
    lambda: build(
        Book([Sheet("Labels", [HEADER, ["Old", "X"]], "hidden"), Sheet("Labels", [HEADER, *GOOD])])
    ),
)
xlsx(
    "hidden_duplicate_with_far_cell.xlsx",
    lambda: build(
        Book(
            [
                Sheet(
                    "Labels",
                    [HEADER],
                    "hidden",
                    extra_rows='<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
                ),
                Sheet("labels", [HEADER, *GOOD]),
            ]
        )
    ),
)
xlsx(
    "note_in_column_aaa.xlsx",
    lambda: simple(
        [HEADER, *GOOD],
        extra_rows='<row r="5"><c r="AAA5" t="inlineStr"><is><t>checked by J.</t></is></c></row>',
    ),
)
text(
    "overflowing_daily_count.csv",
    f"Product,Strain,CFU,Servings per day\nP,L. GG,1e15,1{'0' * 300}\nQ,B. lactis,10B,1\n",
)
text("megabyte_strain_cell.csv", f"Product,Strain\nP,{'L' * 1_048_576}\nQ,B. lactis BB-12\n")
xlsx(
    "text_formula_no_value.xlsx",
    lambda: simple([HEADER, ["P", Raw(' t="str"', "<f>B3</f>"), "10 billion"], GOOD[1]]),
)
text(
    "species_and_strain_columns.csv",
    "Product,Species,Strain\nP,Lacticaseibacillus rhamnosus,GG\nP,Bifidobacterium lactis,BB-12\n",
)
text("guessed_columns.csv", "Item,Organism,Potency\nP,L. rhamnosus GG,10 billion\n")
text(
    "escapes_in_cells.csv",
    "Product,Strain\nP\x1b[2J\x1b]0;owned\x07,L. rhamnosus GG\x1b[31m\nQ,B. lactis\n",
)


def build_all(folder: Path) -> dict[str, Path]:
    """Write every case into `folder`; name -> path (plus the path of the missing file)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, make in BUILDERS.items():
        path = folder / name
        make(path)
        paths[name] = path
    paths["missing.csv"] = folder / "missing.csv"
    return paths


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "bad_inputs_out")
    for name, path in build_all(out).items():
        print(name, path.stat().st_size if path.is_file() else "-", sep="\t")
