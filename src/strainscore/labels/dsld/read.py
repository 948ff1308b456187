"""DSLD label records (the NIH Dietary Supplement Label Database's JSON) as a label source.

The record shape, as real records have it (the API's ``/dsld/v9/label/<id>`` and the bulk
download, one JSON object per label): ``id``, ``fullName``, ``brandName``, ``upcSku``,
``servingSizes`` (``minDailyServings``, ``maxDailyServings``), ``statements`` (``type``,
``notes``) and ``ingredientRows``. A row has ``name``, ``category`` ("bacteria", "blend",
"vitamin"...), ``ingredientGroup``, ``notes`` (often where the count is: "1.25 billion CFU"),
``quantity`` (``quantity``, ``unit`` such as "Billion CFU", or "NP" when not present), ``forms``,
``alternateNames`` and ``nestedRows`` (the rows inside a blend).

Records become the rows of a sheet and are then read by the same rules and checks as a sheet:
a bacteria or yeast row is a strain row; a blend's strains share one row whose count is the
blend's (the product total), as a sheet row naming several strains is read; a nested strain with
its own count gets its own row. Everything else on the panel is counted and said, never silently
dropped.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeGuard

from strainscore.labels.limits import Limits
from strainscore.labels.problems import display_name, fatal, file_error, issue
from strainscore.labels.table.find import Header, RawSheet
from strainscore.models import Amount, InputIssue, LabelSheet
from strainscore.text.clean import printable

# The sheet the records become; the headers say which record field each column came from.
HEADERS = (
    "product (fullName)",
    "brand (brandName)",
    "strain (ingredient name and forms)",
    "cfu per serving (quantity or notes)",
    "servings per day (servingSizes)",
    "claims (statements)",
    "DSLD id",
    "DSLD row",
)
_FIELDS = ("product", "brand", "strain", "cfu_per_serving", "servings_per_day", "claims")
_HEADER = Header(0, {f: [i] for i, f in enumerate(_FIELDS)}, list(HEADERS))

MICROBE_CATEGORIES = frozenset({"bacteria", "probiotic", "probiotics", "yeast", "fungus"})
# Genera whose rows are strain rows whatever their category (yeasts are filed under several).
MICROBE_GENERA = frozenset(
    (
        "lactobacillus",
        "bifidobacterium",
        "streptococcus",
        "lactococcus",
        "saccharomyces",
        "bacillus",
        "enterococcus",
        "pediococcus",
        "leuconostoc",
        "escherichia",
        "clostridium",
        "akkermansia",
        "weissella",
        "propionibacterium",
        "heyndrickxia",
        "shouchella",
        "alkalihalobacillus",
        "lacticaseibacillus",
        "lactiplantibacillus",
        "limosilactobacillus",
        "ligilactobacillus",
        "levilactobacillus",
        "latilactobacillus",
        "lentilactobacillus",
        "bacteroides",
        "faecalibacterium",
        "kluyveromyces",
    )
)
# Statement types that never carry a claim (warnings, storage, trademarks, directions...).
_NOT_CLAIMS = (
    "precautions",
    "storage",
    "brand ip",
    "fda disclaimer",
    "fda statement of identity",
    "suggested",
    "seals",
    "formulation re: does not contain",
    "formulation re: vegetarian",
    "general statements: all other",
)
_CLAIM_WORDS = re.compile(
    r"\b(support|promot|help|maintain|reliev|reduc|improv|boost|balanc|restor|ease|comfort|"
    r"calm|mood|stress|sleep|immun|digest|regular)",
    re.I,
)
_NO_COUNT = frozenset({"", "np", "not present"})
MAX_FILES = 200_000  # labels in one folder (DSLD holds a few hundred thousand in all)


class _Origin(NamedTuple):
    """Where a row of the built sheet came from, and the label's claims kept whole."""

    file: str
    label: str  # "label 264116", the sheet its issues are located in
    line: int  # the strain line's place on the label, from 1
    path: str  # "ingredientRows[0].nestedRows[1]"
    claims: tuple[str, ...]


@dataclass
class _Grid:
    """The sheet being built, with where each of its rows came from."""

    rows: list[list[Any]] = field(default_factory=lambda: [list(HEADERS)])
    origin: dict[int, _Origin] = field(default_factory=dict)  # built sheet's row -> where
    issues: list[InputIssue] = field(default_factory=list)
    skipped_rows: int = 0
    labels: int = 0


def read_dsld(path: str | Path, *, limits: Limits | None = None) -> LabelSheet:
    """Read a DSLD record file (one label, or a JSON list of labels) or a folder of them (the
    bulk download). Raises ``InputFileError`` when nothing in it can be used."""
    limits = limits or Limits()
    p = Path(path)
    source = printable(str(path))
    if p.is_dir():
        files = sorted(_json_files(p, source))
        if not files:
            raise file_error(source, "not-dsld-record", "the folder holds no .json files")
        grid = _Grid()
        for f in files:
            name = printable(str(f))
            try:
                data = _read_bytes(f, name, limits)
                _add_records(grid, _parse(data, name), name)
            except _RecordFileError as exc:
                grid.issues.extend(exc.issues)
        return _sheet(grid, source, limits)
    from strainscore.labels.reader import _read_file

    return read_dsld_bytes(_read_file(p, source, limits), source, limits=limits)


def read_dsld_bytes(data: bytes, name: str, *, limits: Limits | None = None) -> LabelSheet:
    """Read one file's bytes of DSLD JSON (`name` is used in messages)."""
    return read_dsld_documents([(name, data)], name, limits=limits)


def read_dsld_documents(
    docs: Sequence[tuple[str, bytes]], source: str, *, limits: Limits | None = None
) -> LabelSheet:
    """Read several documents of DSLD JSON (name, bytes) as one label source, e.g. the labels
    fetched by id. One unusable document is an error for all: the user named each of them."""
    grid = _Grid()
    for name, data in docs:
        try:
            _add_records(grid, _parse(data, name), name)
        except _RecordFileError as exc:
            raise fatal(exc.issues) from None
    return _sheet(grid, source, limits or Limits())


def looks_like_json(data: bytes) -> bool:
    """Whether bytes are JSON rather than a sheet (a CSV never starts with '{' or '[')."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")


class _RecordFileError(Exception):
    def __init__(self, issues: list[InputIssue]) -> None:
        self.issues = issues


def _json_files(folder: Path, source: str) -> Iterator[Path]:
    for n, f in enumerate(folder.rglob("*.json")):
        if n >= MAX_FILES:
            raise file_error(source, "too-many-rows", f"the folder holds over {MAX_FILES:,} files")
        if f.is_file():
            yield f


def _read_bytes(f: Path, name: str, limits: Limits) -> bytes:
    from strainscore.errors import InputFileError
    from strainscore.labels.reader import _read_file

    try:
        return _read_file(f, name, limits)
    except InputFileError as exc:
        raise _RecordFileError(list(exc.issues)) from None


def _problem(name: str, code: str, detail: str, *, sheet: str | None = None) -> _RecordFileError:
    return _RecordFileError([issue(code, detail, source=name, sheet=sheet)])


def _parse(data: bytes, name: str) -> list[tuple[str, dict[str, Any]]]:
    """The label records in a file, each with where it is ('record 3' in a list)."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _problem(
            name, "bad-encoding", "the file is not UTF-8 text, as JSON must be"
        ) from None
    except json.JSONDecodeError as exc:
        raise _problem(
            name,
            "not-dsld-record",
            f"this is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
        ) from None
    except RecursionError:
        raise _problem(
            name, "not-dsld-record", "the JSON is nested too deeply to be a label"
        ) from None
    if isinstance(doc, dict) and isinstance(doc.get("data"), dict) and "id" in doc["data"]:
        doc = doc["data"]  # the API's envelope
    if isinstance(doc, dict) and "hits" in doc and "ingredientRows" not in doc:
        raise _problem(
            name,
            "not-dsld-record",
            "this is a DSLD search result (a list of hits), not label records; fetch the labels "
            "by id (strainscore check --dsld ID) or download them",
        )
    if isinstance(doc, dict):
        if "ingredientRows" not in doc and "id" not in doc:
            keys = ", ".join(sorted(str(k) for k in doc)[:8]) or "none"
            raise _problem(
                name,
                "not-dsld-record",
                f"this JSON is not a DSLD label record: it has no 'id' and no 'ingredientRows' "
                f"(keys seen: {printable(keys)})",
            )
        return [("", doc)]
    if isinstance(doc, list):
        return [(f"record {i}", r) for i, r in enumerate(doc, 1)]
    raise _problem(
        name, "not-dsld-record", "this JSON is not a DSLD label record or a list of them"
    )


def _add_records(grid: _Grid, records: list[tuple[str, dict[str, Any]]], name: str) -> None:
    for where, record in records:
        problems = record_problems(record)
        label = _label_name(record, where)
        if problems:
            grid.issues.extend(
                issue("bad-dsld-field", p, source=name, sheet=label) for p in problems
            )
            continue
        grid.labels += 1
        _add_label(grid, record, name, label)


def _label_name(record: Any, where: str) -> str:
    rid = record.get("id") if isinstance(record, dict) else None
    shown = f"label {printable(str(rid))}" if rid is not None else "a label with no id"
    return f"{where}: {shown}" if where else shown


def record_problems(record: Any) -> list[str]:
    """What makes a record unreadable as a DSLD label (wrong types where real records have
    fixed ones); an empty list for a usable record."""
    if not isinstance(record, dict):
        return [f"a label record must be a JSON object, not {_kind(record)}"]
    out: list[str] = []
    rid = record.get("id")
    if not (isinstance(rid, int) and not isinstance(rid, bool)) and not (
        isinstance(rid, str) and rid.strip().isdigit()
    ):
        out.append(f"'id' must be the label's number, not {_kind(rid)}")
    for key in ("fullName", "brandName", "upcSku"):
        if record.get(key) is not None and not isinstance(record[key], str):
            out.append(f"'{key}' must be text, not {_kind(record[key])}")
    rows = record.get("ingredientRows")
    if not isinstance(rows, list):
        out.append(f"'ingredientRows' must be a list, not {_kind(rows)}")
    else:
        for i, row in enumerate(rows):
            out.extend(_row_problems(row, f"ingredientRows[{i}]", depth=0))
    for key, inner in (("servingSizes", ()), ("statements", ("type", "notes"))):
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            out.append(f"'{key}' must be a list of objects, not {_kind(value)}")
            continue
        for i, v in enumerate(value):
            for k in inner:
                if v.get(k) is not None and not isinstance(v[k], str):
                    out.append(f"'{key}[{i}].{k}' must be text, not {_kind(v[k])}")
    return out


def _row_problems(row: Any, path: str, depth: int) -> list[str]:
    if not isinstance(row, dict):
        return [f"'{path}' must be an object, not {_kind(row)}"]
    if depth > 4:
        return [f"'{path}' nests blends more than five deep"]
    out = []
    for key in ("name", "category", "ingredientGroup", "notes"):
        if row.get(key) is not None and not isinstance(row[key], str):
            out.append(f"'{path}.{key}' must be text, not {_kind(row[key])}")
    for key in ("quantity", "forms", "nestedRows", "alternateNames"):
        value = row.get(key)
        if value is not None and not isinstance(value, list):
            out.append(f"'{path}.{key}' must be a list, not {_kind(value)}")
    for i, q in enumerate(row.get("quantity") or ()):
        if not isinstance(q, dict):
            out.append(f"'{path}.quantity[{i}]' must be an object, not {_kind(q)}")
        elif not _is_number(q.get("quantity")) and q.get("quantity") is not None:
            out.append(
                f"'{path}.quantity[{i}].quantity' must be a number, not {_kind(q['quantity'])}"
            )
    for i, f in enumerate(row.get("forms") or ()):
        if not isinstance(f, dict) or not isinstance(f.get("name", ""), str | None):
            out.append(f"'{path}.forms[{i}]' must be an object with a text 'name'")
    for i, nested in enumerate(row.get("nestedRows") or ()):
        out.extend(_row_problems(nested, f"{path}.nestedRows[{i}]", depth + 1))
    return out


def _is_number(v: Any) -> TypeGuard[int | float]:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _kind(v: Any) -> str:
    if v is None:
        return "missing"
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false"}
    return names.get(type(v), "a number" if _is_number(v) else type(v).__name__)


def _add_label(grid: _Grid, record: dict[str, Any], name: str, label: str) -> None:
    rid = str(record["id"]).strip()
    product = f"{_text(record.get('fullName')) or 'DSLD label'} (DSLD {rid})"
    brand = _text(record.get("brandName"))
    servings = _servings(record.get("servingSizes") or [])
    claim_list = tuple(_claims(record.get("statements") or []))
    claims = "; ".join(claim_list)  # checked as a sheet's are; kept whole (_relocate)
    lines = 0
    for path, strains, count in _strain_rows(record["ingredientRows"], "ingredientRows"):
        lines += 1
        grid.origin[len(grid.rows) + 1] = _Origin(name, label, lines, path, claim_list)
        grid.rows.append([product, brand, "; ".join(strains), count, servings, claims, rid, path])
    if not lines:
        grid.issues.append(
            issue(
                "no-microbe-rows",
                f"{product} lists no bacteria or yeast on its panel, so it was not checked",
                source=name,
                sheet=label,
                severity="warning",
            )
        )
    grid.skipped_rows += _not_microbes(record["ingredientRows"])


def _strain_rows(rows: list[dict[str, Any]], base: str) -> Iterator[tuple[str, list[str], str]]:
    """(path, strain texts, count text) per sheet row the panel gives."""
    for i, row in enumerate(rows):
        path = f"{base}[{i}]"
        nested = [(f"{path}.nestedRows[{j}]", n) for j, n in enumerate(row.get("nestedRows") or ())]
        microbes = [(p, n) for p, n in _flatten(nested) if _is_microbe(n)]
        if microbes:
            counts = [_count(n) for _, n in microbes]
            if any(counts):  # nested strains that state their own counts are rows of their own
                for (p, n), c in zip(microbes, counts, strict=True):
                    yield p, [_strain_text(n)], c
            else:  # the blend's strains share its count: the product total, as on a sheet
                yield path, [_strain_text(n) for _, n in microbes], _count(row)
        elif _is_microbe(row):
            yield path, [_strain_text(row)], _count(row)


def _flatten(rows: list[tuple[str, dict[str, Any]]]) -> Iterator[tuple[str, dict[str, Any]]]:
    for path, row in rows:
        inner = row.get("nestedRows") or []
        if inner and not _is_microbe(row):
            yield from _flatten([(f"{path}.nestedRows[{j}]", n) for j, n in enumerate(inner)])
        else:
            yield path, row


def _is_microbe(row: dict[str, Any]) -> bool:
    if _text(row.get("category")).lower() in MICROBE_CATEGORIES:
        return True
    for key in ("name", "ingredientGroup"):
        words = _text(row.get(key)).lower().replace(".", " ").split()
        if words and words[0] in MICROBE_GENERA:
            return True
    return False


def _not_microbes(rows: list[dict[str, Any]]) -> int:
    """Rows of the panel, nested ones included, that are not bacteria or yeast."""
    return sum((not _is_microbe(r)) + _not_microbes(r.get("nestedRows") or []) for r in rows)


def _strain_text(row: dict[str, Any]) -> str:
    """The ingredient's name, with its forms and other names in parentheses when they add to it
    (real records put a designation in ``forms``: "Lactobacillus acidophilus" + "DDS-1")."""
    name = _text(row.get("name")) or _text(row.get("ingredientGroup"))
    extra = [_text(f.get("name")) for f in row.get("forms") or () if isinstance(f, dict)]
    extra += [_text(a) for a in row.get("alternateNames") or () if isinstance(a, str)]
    seen = name.casefold()
    asides = []
    for e in extra:
        if e and e.casefold() not in seen:
            asides.append(e)
            seen += " " + e.casefold()
    return f"{name} ({', '.join(asides)})" if asides else name


def _count(row: dict[str, Any]) -> str:
    """The count as the record gives it: a quantity in a CFU unit, else a CFU count in the notes,
    else another quantity (a weight, reported as not a count), else nothing."""
    from strainscore.labels.rows.cfu import parse_amount

    given = ""
    for q in row.get("quantity") or ():
        unit = _text(q.get("unit"))
        if _is_number(q.get("quantity")) and q["quantity"] > 0 and unit.lower() not in _NO_COUNT:
            given = f"{q['quantity']:g} {unit}"
            break
    if given and _is_cfu(parse_amount(given)):
        return given
    notes = _text(row.get("notes"))
    if notes and _is_cfu(parse_amount(notes)):
        return notes
    return given


def _is_cfu(amount: Amount | None) -> bool:
    return amount is not None and amount.cfu is not None


def _servings(sizes: list[dict[str, Any]]) -> str:
    if not sizes:
        return ""
    # The fewest servings a day the label directs (a dose check should not assume the most).
    for key in ("minDailyServings", "maxDailyServings"):
        value = sizes[0].get(key)
        if _is_number(value) and value > 0:
            return f"{value:g}"
    return ""


def _claims(statements: list[dict[str, Any]]) -> list[str]:
    """Sentences of the label's statements that make a claim (not warnings or directions)."""
    out = []
    for s in statements:
        kind = _text(s.get("type")).lower()
        if any(kind.startswith(k) for k in _NOT_CLAIMS):
            continue
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", _text(s.get("notes"))):
            sentence = sentence.strip().rstrip(".")
            if sentence and _CLAIM_WORDS.search(sentence) and len(sentence) <= 300:
                out.append(sentence)
    return out


def _text(v: Any) -> str:
    return printable(v).strip() if isinstance(v, str) else ""


def _sheet(grid: _Grid, source: str, limits: Limits) -> LabelSheet:
    from strainscore.labels.rows.validate import validate_sheet

    notices = [f"read {grid.labels:,} DSLD label record(s)"]
    if grid.skipped_rows:
        notices.append(
            f"{grid.skipped_rows:,} ingredient row(s) that are not bacteria or yeast (vitamins, "
            "fibres, blend headings...) were not read"
        )
    if len(grid.rows) == 1:  # no strain row in any record
        raise fatal(grid.issues or [issue("not-dsld-record", "no label record", source=source)])
    raw = RawSheet(None, grid.rows)
    sheet = validate_sheet(source, raw, _HEADER, limits=limits, notices=notices)
    return _relocate(sheet, grid)


def _relocate(sheet: LabelSheet, grid: _Grid) -> LabelSheet:
    """Issues and lines located by label and ingredient row, not by the built sheet's rows."""
    issues = list(grid.issues)
    for i in sheet.issues:
        where = grid.origin.get(i.row or 0)
        if where is None:
            issues.append(i)
            continue
        issues.append(
            dataclasses.replace(
                i,
                file=display_name(where.file),
                sheet=where.label,
                row=where.line,
                message=f"{i.message} (at {where.path})",
            )
        )
    lines = tuple(
        dataclasses.replace(ln, sheet=where.label, claims=where.claims)
        if (where := grid.origin.get(ln.row))
        else ln
        for ln in sheet.lines
    )
    return dataclasses.replace(sheet, lines=lines, issues=tuple(issues), sheet=None)
