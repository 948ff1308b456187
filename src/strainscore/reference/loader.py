"""Reading a reference folder: check it, hash it, and build the in-memory ``Reference``."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable, Mapping
from dataclasses import fields
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any

import pandas as pd

from strainscore.errors import ReferenceDataError
from strainscore.models import ReferenceInfo
from strainscore.reference.checks import RefProblem, check_tables, read_table, reference_warnings
from strainscore.reference.model import (
    ClaimPhrase,
    Finding,
    Formulation,
    Intervention,
    LabelWord,
    NameEntry,
    Outcome,
    Reference,
    Search,
    Species,
    Strain,
    Study,
)
from strainscore.reference.tables import BY_FILE, FILES, Column, Grid
from strainscore.reference.vocab import split_cell
from strainscore.resources import reference_dir

PACKAGE_FILE = "datapackage.json"


def read_tables(
    folder: Path, files: Mapping[str, bytes] | None = None
) -> tuple[dict[str, pd.DataFrame], list[RefProblem]]:
    """Read every table that exists; a missing or unreadable file is a problem, not a crash.

    `files` (name -> bytes, as ``read_files`` gives them) are read instead of the folder's
    files, so what is checked is exactly what was hashed."""
    tables: dict[str, pd.DataFrame] = {}
    problems: list[RefProblem] = []
    for fname, table in BY_FILE.items():
        path = folder / fname
        present = fname in files if files is not None else path.is_file()
        if not present and table.optional:
            tables[fname] = pd.DataFrame({c: pd.Series(dtype=str) for c in table.names})
            continue
        if not present:
            problems.append(
                RefProblem(fname, 0, "", f"file is missing from {folder}", "missing-file")
            )
            continue
        try:
            source = io.BytesIO(files[fname]) if files is not None else path
            tables[fname] = read_table(source)
        except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
            problems.append(
                RefProblem(fname, 0, "", f"cannot be read as UTF-8 CSV: {exc}", "unreadable-file")
            )
    return tables, problems


def check_reference(folder: Path | str | None = None) -> list[RefProblem]:
    """Every problem in a reference folder (the shipped one by default); [] when it is sound."""
    path = Path(folder) if folder is not None else reference_dir()
    if not path.is_dir():
        return [RefProblem(str(path), 0, "", "is not a folder", "not-a-folder")]
    tables, problems = read_tables(path)
    problems.extend(check_tables(tables))
    problems.extend(_package_problems(path))
    return sorted(set(problems))


def check_warnings(folder: Path | str | None = None) -> list[RefProblem]:
    """What `reference check` advises fixing without failing: see checks.reference_warnings."""
    path = Path(folder) if folder is not None else reference_dir()
    if not path.is_dir():
        return []
    tables, _ = read_tables(path)
    return reference_warnings(tables)


def _package_problems(folder: Path, files: Mapping[str, bytes] | None = None) -> list[RefProblem]:
    try:
        if files is not None and PACKAGE_FILE not in files:
            raise FileNotFoundError(PACKAGE_FILE)
        raw = files[PACKAGE_FILE] if files is not None else (folder / PACKAGE_FILE).read_bytes()
        meta = json.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        return [
            RefProblem(
                PACKAGE_FILE, 0, "", "file is missing (it carries the version)", "missing-file"
            )
        ]
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return [RefProblem(PACKAGE_FILE, 0, "", f"is not valid JSON: {exc}", "invalid-package")]
    missing = [k for k in ("version", "created") if not str(meta.get(k) or "").strip()]
    return [RefProblem(PACKAGE_FILE, 0, k, "must be set", "package-field-missing") for k in missing]


def table_hash(folder: Path) -> str:
    """sha256 over the tables' bytes in a fixed order: two copies with equal data hash equal."""
    h = hashlib.sha256()
    for fname in FILES:
        if BY_FILE[fname].optional and not (folder / fname).is_file():
            continue
        h.update(fname.encode())
        h.update(b"\0")
        h.update((folder / fname).read_bytes().replace(b"\r\n", b"\n"))
        h.update(b"\0")
    return h.hexdigest()


def read_files(folder: Path) -> dict[str, bytes]:
    """The bytes of every table and ``datapackage.json`` that is a file in `folder`."""
    files = {}
    for fname in (*FILES, PACKAGE_FILE):
        try:
            files[fname] = (folder / fname).read_bytes()
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            continue
    return files


def _hash_of(files: Mapping[str, bytes]) -> str:
    """table_hash over bytes already read."""
    h = hashlib.sha256()
    for fname in FILES:
        if fname not in files:
            continue
        h.update(fname.encode())
        h.update(b"\0")
        h.update(files[fname].replace(b"\r\n", b"\n"))
        h.update(b"\0")
    return h.hexdigest()


def load_reference(folder: Path | str | None = None) -> Reference:
    """Load and check a reference folder (default: the one shipped with strainscore).

    Raises ``ReferenceDataError`` listing every problem when the folder does not pass its checks.
    Loaded once per process and folder.
    """
    path = (Path(folder) if folder is not None else reference_dir()).resolve()
    return _load_cached(path)


@lru_cache(maxsize=8)
def _load_cached(path: Path) -> Reference:
    """A compiled copy when the cache holds one for exactly these bytes; else read, check
    and build, then keep the compiled copy (see compiled.py)."""
    from strainscore.reference import compiled

    if not path.is_dir():
        raise ReferenceDataError(f"reference folder not found: {path}", code="reference-missing")
    try:
        files = read_files(path)
    except OSError:
        files = None  # unreadable files are reported by the normal load below
    key = compiled.cache_key(files) if files is not None else None
    kept = compiled.load(key) if key is not None else None
    if kept is not None:
        info_fields, grids = kept
        info = ReferenceInfo(
            version=info_fields["version"],
            date=info_fields["date"],
            sha256=info_fields["sha256"],
            path=str(path),
        )
        return build_from_grids(grids, info)
    tables, info = _checked_tables(path, files)
    grids = {name: _grid(df) for name, df in tables.items()}
    if key is not None:
        fields = {"version": info.version, "date": info.date, "sha256": info.sha256}
        compiled.store(key, fields, grids)
    return build_from_grids(grids, info)


def _checked_tables(
    path: Path, files: Mapping[str, bytes] | None
) -> tuple[dict[str, pd.DataFrame], ReferenceInfo]:
    """The tables of a reference that passes its checks, and its info; else ReferenceDataError."""
    tables, problems = read_tables(path, files)
    problems.extend(check_tables(tables))
    problems.extend(_package_problems(path, files))
    if problems:
        shown = "\n".join(f"  {p}" for p in problems[:30])
        more = f"\n  ... and {len(problems) - 30} more" if len(problems) > 30 else ""
        raise ReferenceDataError(
            f"the reference in {path} does not pass its checks "
            f"(run 'strainscore reference check {path}'):\n{shown}{more}",
            code="reference-invalid",
        )
    raw = files[PACKAGE_FILE] if files is not None else (path / PACKAGE_FILE).read_bytes()
    meta = json.loads(raw.decode("utf-8"))
    info = ReferenceInfo(
        version=str(meta["version"]),
        date=str(meta["created"]),
        sha256=_hash_of(files) if files is not None else table_hash(path),
        path=str(path),
    )
    return tables, info


def build_reference(t: dict[str, pd.DataFrame], info: ReferenceInfo) -> Reference:
    """Typed rows from checked tables."""
    return build_from_grids({name: _grid(df) for name, df in t.items()}, info)


def _grid(df: pd.DataFrame) -> Grid:
    """A table read as text (read_table): its column names and its rows of text."""
    columns = tuple(str(c) for c in df.columns)
    return columns, [[str(v) for v in row] for row in df.itertuples(index=False, name=None)]


def _dicts(grid: Grid) -> list[dict[str, str]]:
    """The rows of a grid as column -> text dicts (for the few tables read by name)."""
    columns, rows = grid
    return [dict(zip(columns, row, strict=True)) for row in rows]


def _reader(column: Column) -> Callable[[str], Any] | None:
    """How a checked cell of `column` is read: a list, a whole number, a number, trimmed
    text, or (None) the text as it is."""
    if column.split:
        return split_cell
    if column.dtype == "integer":
        return lambda v: int(float(v)) if v else None
    if column.dtype == "number":
        return lambda v: float(v) if v else None
    return str.strip if column.trim else None


# The row type each table is read into, one row each (interventions are grouped by arm).
ROW_TYPES: dict[str, type] = {
    "strains.csv": Strain,
    "species.csv": Species,
    "names.csv": NameEntry,
    "studies.csv": Study,
    "findings.csv": Finding,
    "outcomes.csv": Outcome,
    "searches.csv": Search,
    "formulations.csv": Formulation,
    "label_words.csv": LabelWord,
    "claim_phrases.csv": ClaimPhrase,
}


def typed_rows(fname: str, grid: Grid) -> list[Any]:
    """The rows of a checked table as its row type, whose fields are columns of the table
    (a test holds them to it), each read as its column says. A column an older file lacks
    (``in_every_file=False``) reads as empty."""
    table, row_type = BY_FILE[fname], ROW_TYPES[fname]
    columns, rows = grid
    at = {name: i for i, name in enumerate(columns)}
    names = [f.name for f in fields(row_type)]
    if any(n not in at for n in names):  # only a column added later may be missing
        at.update({n: len(columns) for n in names if n not in at})
        rows = [[*r, ""] for r in rows]
    pick = itemgetter(*[at[n] for n in names])
    readers = [(k, r) for k, n in enumerate(names) if (r := _reader(table.column(n)))]
    out = []
    for row in rows:
        values = list(pick(row)) if len(names) > 1 else [pick(row)]
        for k, read in readers:
            values[k] = read(values[k])
        out.append(row_type(*values))
    return out


def build_from_grids(t: Mapping[str, Grid], info: ReferenceInfo) -> Reference:
    """Typed rows from the grids (column names, rows of text) of checked tables."""
    rows = {fname: typed_rows(fname, t[fname]) for fname in ROW_TYPES}
    return Reference(
        info,
        {s.strain_id: s for s in rows["strains.csv"]},
        {s.current_name: s for s in rows["species.csv"]},
        tuple(rows["names.csv"]),
        {s.study_id: s for s in rows["studies.csv"]},
        _interventions(_dicts(t["interventions.csv"])),
        tuple(rows["findings.csv"]),
        {o.outcome: o for o in rows["outcomes.csv"]},
        searches=tuple(rows["searches.csv"]),
        formulations={f.formulation_id: f for f in rows["formulations.csv"]},
        review_trials=tuple(
            (r["review_id"], r["study_id"]) for r in _dicts(t["review_trials.csv"])
        ),
        label_words=tuple(rows["label_words.csv"]),
        claim_phrases=tuple(rows["claim_phrases.csv"]),
        context_studies={r["study_id"]: r["reason"] for r in _dicts(t["context_studies.csv"])},
    )


def _interventions(rows_: list[dict[str, str]]) -> dict[tuple[str, str], Intervention]:
    """One intervention per study arm: the strains given together, and their own doses."""
    grouped: dict[tuple[str, str], list[dict[str, str]]] = {}
    for r in rows_:
        grouped.setdefault((r["study_id"], r["arm"]), []).append(r)
    interventions = {
        key: Intervention(
            study_id=key[0],
            arm=key[1],
            strain_ids=frozenset(r["strain_id"] for r in rows),
            blend_name=rows[0]["blend_name"],
            doses=tuple(
                (r["strain_id"], float(r["daily_dose_cfu"])) for r in rows if r["daily_dose_cfu"]
            ),
        )
        for key, rows in grouped.items()
    }
    return interventions
