"""What a file really is, from its first bytes and its name: a zip (maybe .xlsx), text, or neither.

The content decides first (a renamed file is what its bytes say); the name decides for formats we
do not read even when the bytes are damaged. Every refusal says what to save the file as.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Literal

from strainscore.errors import InputFileError
from strainscore.labels.problems import file_error

Kind = Literal["zip", "text"]

SAVE_XLSX = "Open it and save it as an Excel workbook (.xlsx) or as 'CSV UTF-8', then try again."
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm"}
TEXT_SUFFIXES = {".csv", ".tsv", ".txt", ".tab", ""}
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_XLS_STREAMS = ("Workbook".encode("utf-16-le"), "Book".encode("utf-16-le"))

_MAGIC: tuple[tuple[bytes, int, str, str], ...] = (
    # (bytes, offset, what it is, what to do)
    (b"%PDF-", 0, "a PDF document", "Type the label into a sheet, or paste its text with --text."),
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image", "Type the label into a sheet, or use --text."),
    (b"\xff\xd8\xff", 0, "a JPEG image", "Type the label into a sheet, or use --text."),
    (b"GIF87a", 0, "a GIF image", "Type the label into a sheet, or use --text."),
    (b"GIF89a", 0, "a GIF image", "Type the label into a sheet, or use --text."),
    (b"II*\x00", 0, "a TIFF image", "Type the label into a sheet, or use --text."),
    (b"MM\x00*", 0, "a TIFF image", "Type the label into a sheet, or use --text."),
    (b"WEBP", 8, "a WebP image", "Type the label into a sheet, or use --text."),
    (b"ftypheic", 4, "a HEIC photo", "Type the label into a sheet, or use --text."),
    (b"\x1f\x8b", 0, "a gzip archive", "Unpack it first."),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive", "Unpack it first."),
    (b"Rar!", 0, "a RAR archive", "Unpack it first."),
    (b"BZh", 0, "a bzip2 archive", "Unpack it first."),
    (b"{\\rtf", 0, "a Rich Text document", SAVE_XLSX),
    (b"\x00\x00\x02\x00\x06\x04\x06\x00", 0, "a Lotus 1-2-3 file", SAVE_XLSX),
)
_SUFFIXES: dict[str, str] = {
    ".xls": "an Excel 97-2003 workbook (.xls)",
    ".xlsb": "an Excel binary workbook (.xlsb)",
    ".xlt": "an Excel 97-2003 template (.xlt)",
    ".xltx": "an Excel template (.xltx)",
    ".ods": "an OpenDocument spreadsheet (.ods)",
    ".fods": "an OpenDocument spreadsheet (.fods)",
    ".numbers": "an Apple Numbers document",
    ".pdf": "a PDF document",
    ".png": "an image",
    ".jpg": "an image",
    ".jpeg": "an image",
    ".gif": "an image",
    ".heic": "an image",
    ".webp": "an image",
    ".tif": "an image",
    ".tiff": "an image",
    ".bmp": "an image",
    ".doc": "a Word document",
    ".docx": "a Word document",
    ".rtf": "a Rich Text document",
    ".xml": "an XML file",
    ".html": "a web page",
    ".htm": "a web page",
    ".zip": "a zip archive",
    ".gz": "a gzip archive",
}


def suffix_of(source: str) -> str:
    return "" if source == "-" else PurePath(source).suffix.lower()


def sniff(data: bytes, source: str) -> Kind:
    """'zip' or 'text'; raises ``InputFileError`` for anything strainscore does not read."""
    if not data:
        raise file_error(source, "empty-file", "the file is empty (0 bytes)")
    suffix = suffix_of(source)
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return "zip"
    if data.startswith(OLE2):
        raise _ole2_error(data, source, suffix)
    for magic, offset, what, todo in _MAGIC:
        if data[offset : offset + len(magic)] == magic:
            raise _unsupported(source, what, todo)
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<table")):
        # Web shops often export an HTML table named .xls.
        raise _unsupported(source, "a web page (an HTML table)", SAVE_XLSX)
    if head.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in head:
        raise _unsupported(source, "an Excel 2003 XML spreadsheet", SAVE_XLSX)
    if suffix in _SUFFIXES:
        raise _unsupported(source, _SUFFIXES[suffix], SAVE_XLSX)
    if suffix in WORKBOOK_SUFFIXES:
        raise file_error(
            source,
            "corrupt-workbook",
            f"this {suffix} file is not a zip file, which every {suffix} workbook is: it is "
            "damaged, or another kind of file renamed",
        )
    return "text"


def _ole2_error(data: bytes, source: str, suffix: str) -> InputFileError:
    """OLE2 holds both password-protected .xlsx files and old .xls workbooks: tell them apart."""
    if _ENCRYPTED_STREAM in data:
        return file_error(source, "encrypted-workbook", "the workbook is password-protected")
    is_xls = any(name in data for name in _XLS_STREAMS)
    if suffix in WORKBOOK_SUFFIXES and not is_xls:
        # Excel writes an .xlsx as OLE2 only when it encrypts it.
        return file_error(
            source, "encrypted-workbook", "the workbook is password-protected (encrypted)"
        )
    what = "an Excel 97-2003 workbook (.xls)" if is_xls or suffix == ".xls" else "an Office file"
    return _unsupported(source, what, SAVE_XLSX)


def _unsupported(source: str, what: str, todo: str) -> InputFileError:
    return file_error(
        source,
        "unsupported-format",
        f"this is {what}, which strainscore does not read",
        advice=todo,
    )
