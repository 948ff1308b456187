"""The small XML parts of an .xlsx, read with defusedxml: sheet list, part paths, number styles."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from strainscore.labels.files.zipguard import read_part
from strainscore.labels.problems import file_error

_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# Built-in number formats that show a percentage (9: 0%, 10: 0.00%).
_PERCENT_IDS = {9, 10}
_QUOTED = re.compile(r'"[^"]*"|\\.')


@dataclass(frozen=True)
class SheetPart:
    name: str
    part: str  # e.g. "xl/worksheets/sheet1.xml"
    hidden: bool
    kind: str  # "worksheet", "chartsheet", "dialogsheet", "macrosheet"


@dataclass(frozen=True)
class WorkbookParts:
    sheets: tuple[SheetPart, ...]
    styles: str | None


def read_workbook_parts(zf: zipfile.ZipFile, source: str) -> WorkbookParts:
    """Sheets in workbook order with their parts, found the way calamine finds them (fixed part
    names, its rule for targets): the part checked here is the part calamine reads."""
    rels = _rels(zf, "xl/_rels/workbook.xml.rels", source)
    root = _parse(zf, "xl/workbook.xml", source)
    sheets: list[SheetPart] = []
    for el in root.iter():
        if _local(el.tag) != "sheet":
            continue
        rid = el.get(f"{_REL_NS}id") or el.get("id") or ""
        typ, target = rels.get(rid, ("", ""))
        if not target:
            raise file_error(
                source, "corrupt-workbook", f"sheet {el.get('name')!r} points to no part"
            )
        kind = typ.rsplit("/", 1)[-1] or "worksheet"
        state = el.get("state", "visible")
        sheets.append(SheetPart(el.get("name", ""), target, state != "visible", kind))
    return WorkbookParts(tuple(sheets), "xl/styles.xml")


def _target(target: str) -> str:
    """calamine's rule: '/xl/a' and 'xl/a' are 'xl/a'; anything else is under 'xl/'."""
    if target.startswith("/xl/"):
        return target[1:]
    return target if target.startswith("xl/") else f"xl/{target}"


def percent_styles(zf: zipfile.ZipFile, part: str | None, source: str) -> frozenset[int]:
    """Indexes of cell formats (the `s` attribute of a cell) that show numbers as percentages."""
    if part is None or part not in zf.namelist():
        return frozenset()
    root = _parse(zf, part, source)
    percent_ids = set(_PERCENT_IDS)
    for el in root.iter():
        if _local(el.tag) == "numFmt" and "%" in _QUOTED.sub("", el.get("formatCode", "")):
            percent_ids.add(_int(el.get("numFmtId")))
    found: set[int] = set()
    for el in root.iter():
        if _local(el.tag) == "cellXfs":
            for i, xf in enumerate(x for x in el if _local(x.tag) == "xf"):
                if _int(xf.get("numFmtId")) in percent_ids:
                    found.add(i)
    return frozenset(found)


def _rels(zf: zipfile.ZipFile, part: str, source: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, target part path)."""
    if part not in zf.namelist():
        return {}
    out: dict[str, tuple[str, str]] = {}
    for el in _parse(zf, part, source).iter():
        if _local(el.tag) == "Relationship" and el.get("TargetMode") != "External":
            out[el.get("Id", "")] = (el.get("Type", ""), _target(el.get("Target", "")))
    return out


def _parse(zf: zipfile.ZipFile, part: str, source: str) -> Any:
    data = read_part(zf, part, source)
    try:
        return SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise file_error(
            source,
            "unsafe-workbook",
            f"refused for safety: {part!r} declares a DOCTYPE/ENTITY (XML entity expansion)",
        ) from None
    except (ParseError, ValueError, LookupError) as exc:  # LookupError: an unknown encoding
        raise file_error(
            source, "corrupt-workbook", f"the part {part!r} is not valid XML ({exc})"
        ) from None


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _int(text: str | None) -> int:
    try:
        return int(text or "")
    except ValueError:
        return -1
