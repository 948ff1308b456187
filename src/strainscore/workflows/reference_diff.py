"""Two versions of the reference compared: rows added, removed, changed, and the grades that move.

OLD and NEW are folders, or git revisions of the reference folder ("HEAD", "HEAD~1",
"v0.2.0:reference"): a revision is copied out of git into a temporary folder first. Grades are
recomputed on both sides with the same code ``check`` uses (``assess_line``), so a reviewer sees
every strain x outcome whose grade or direction an edit changes before it ships.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from strainscore.errors import ReferenceDataError
from strainscore.models import ReferenceInfo
from strainscore.reference.loader import (
    PACKAGE_FILE,
    build_reference,
    check_reference,
    read_tables,
    table_hash,
)
from strainscore.reference.model import Reference
from strainscore.reference.tables import BY_FILE, FILES, TABLES

# The columns that identify a row (tables.py); a row whose key is unchanged but whose other
# cells differ is "changed", field by field. Names point at one target, so the target is part
# of their key.
KEYS: dict[str, tuple[str, ...]] = {t.file: t.key for t in TABLES}
DEFAULT_PATH = "reference"
Kind = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class RowChange:
    table: str
    key: tuple[str, ...]
    kind: Kind
    fields: tuple[tuple[str, str, str], ...] = ()  # (column, old, new) for a changed row
    row: tuple[tuple[str, str], ...] = ()  # the row added or removed, for display

    @property
    def key_text(self) -> str:
        return " / ".join(k for k in self.key if k)

    @property
    def shown(self) -> tuple[tuple[str, str], ...]:
        """The cells a one-line summary shows of a row added or removed (the table's `shown`
        columns that are not empty)."""
        cells = dict(self.row)
        return tuple((c, cells[c]) for c in BY_FILE[self.table].shown if cells.get(c))

    def to_dict(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "key": dict(zip(KEYS[self.table], self.key, strict=True)),
            "change": self.kind,
            "fields": [{"column": c, "old": o, "new": n} for c, o, n in self.fields],
            "row": dict(self.row),
        }


@dataclass(frozen=True)
class Body:
    """A graded body of evidence: one strain (or studied blend) x one outcome."""

    grade: str | None
    direction: str | None
    study_ids: tuple[str, ...]


@dataclass(frozen=True)
class GradeChange:
    basis: str  # strain or formulation
    subject: str  # the strain's name, or the blend's
    strain_ids: tuple[str, ...]
    outcome: str
    old: Body | None  # None: no graded body before
    new: Body | None  # None: no graded body after

    @property
    def moved(self) -> bool:
        """True when the grade or direction differs (False: only the studies behind it did)."""
        o, n = self.old, self.new
        return o is None or n is None or (o.grade, o.direction) != (n.grade, n.direction)

    @property
    def studies_added(self) -> tuple[str, ...]:
        before = set(self.old.study_ids) if self.old else set()
        return tuple(s for s in (self.new.study_ids if self.new else ()) if s not in before)

    @property
    def studies_removed(self) -> tuple[str, ...]:
        after = set(self.new.study_ids) if self.new else set()
        return tuple(s for s in (self.old.study_ids if self.old else ()) if s not in after)

    def to_dict(self) -> dict[str, Any]:
        def side(b: Body | None) -> dict[str, Any] | None:
            if b is None:
                return None
            return {"grade": b.grade, "direction": b.direction, "study_ids": list(b.study_ids)}

        return {
            "basis": self.basis,
            "subject": self.subject,
            "strain_ids": list(self.strain_ids),
            "outcome": self.outcome,
            "moved": self.moved,
            "old": side(self.old),
            "new": side(self.new),
            "studies_added": list(self.studies_added),
            "studies_removed": list(self.studies_removed),
        }


@dataclass(frozen=True)
class Side:
    spec: str  # as the user gave it
    version: str
    created: str


@dataclass(frozen=True)
class ReferenceDiff:
    old: Side
    new: Side
    rows: tuple[RowChange, ...]
    grades: tuple[GradeChange, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def count(self, table: str, kind: Kind) -> int:
        return sum(1 for r in self.rows if r.table == table and r.kind == kind)

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": self.old.__dict__,
            "new": self.new.__dict__,
            "rows": [r.to_dict() for r in self.rows],
            "grade_changes": [g.to_dict() for g in self.grades],
            "notes": list(self.notes),
        }


@contextmanager
def opened(spec: str, *, cwd: Path | None = None) -> Iterator[Path]:
    """The reference folder `spec` names: itself, or a temporary copy of a git revision.

    A folder wins over a revision of the same name; both are looked up from `cwd`.
    """
    folder = (cwd or Path.cwd()) / spec
    if folder.is_dir():
        yield folder
        return
    with tempfile.TemporaryDirectory(prefix="strainscore-ref-") as tmp:
        yield export_revision(spec, Path(tmp), cwd=cwd)


def export_revision(spec: str, dest: Path, *, cwd: Path | None = None) -> Path:
    """Write the reference files of git revision `spec` ("REV" or "REV:path") into `dest`."""
    rev, colon, path = spec.partition(":")
    path = path.strip("/") if colon else DEFAULT_PATH
    if not rev or rev.startswith("-"):  # never let a user value be read as a git option
        raise ReferenceDataError(f"{spec!r} is neither a folder nor a git revision")
    _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], spec, cwd)
    found = 0
    for fname in (*FILES, PACKAGE_FILE):
        blob = f"{rev}:{path}/{fname}" if path else f"{rev}:{fname}"
        try:
            data = _git(["cat-file", "blob", blob], spec, cwd)
        except ReferenceDataError:
            continue  # a missing table is reported by the loader, like in a folder
        (dest / fname).write_bytes(data)
        found += 1
    if not found:
        where = f"folder {path!r}" if path else "its top folder"
        raise ReferenceDataError(
            f"{spec!r}: revision {rev} has no reference tables in {where} "
            "(give REV:path, e.g. HEAD:reference)",
            code="reference-missing",
        )
    return dest


def _git(args: list[str], spec: str, cwd: Path | None) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise ReferenceDataError(
            f"{spec!r} is not a folder, and git is not installed to read it as a revision",
            code="reference-missing",
        ) from None
    if done.returncode != 0:
        raise ReferenceDataError(
            f"{spec!r} is neither a folder nor a git revision of this repository",
            code="reference-missing",
        )
    return done.stdout


def diff_references(old_spec: str, new_spec: str, *, cwd: Path | None = None) -> ReferenceDiff:
    """Compare two references given as folders or git revisions."""
    with opened(old_spec, cwd=cwd) as old_dir, opened(new_spec, cwd=cwd) as new_dir:
        return diff_folders(old_dir, new_dir, old_spec=old_spec, new_spec=new_spec)


def diff_folders(
    old_dir: Path, new_dir: Path, *, old_spec: str = "OLD", new_spec: str = "NEW"
) -> ReferenceDiff:
    old_tables, _ = read_tables(old_dir)
    new_tables, _ = read_tables(new_dir)
    rows = diff_tables(old_tables, new_tables)
    notes: list[str] = []
    old_side, new_side = _side(old_spec, old_dir), _side(new_spec, new_dir)
    refs: list[Reference] = []
    for side, folder, tables in ((old_side, old_dir, old_tables), (new_side, new_dir, new_tables)):
        # Not load_reference: it caches by path, and reviewers diff a folder they are editing.
        if check_reference(folder):
            notes.append(
                f"{side.spec} does not pass 'strainscore reference check': "
                "grade changes not computed"
            )
            continue
        info = ReferenceInfo(side.version, side.created, table_hash(folder), str(folder))
        refs.append(build_reference(tables, info))
    grades = diff_grades(refs[0], refs[1]) if len(refs) == 2 else ()
    if rows and old_side.version == new_side.version:
        notes.append(
            f"the tables changed but datapackage.json keeps version {new_side.version}: "
            "bump it (patch for corrections, minor for added studies; see CONTRIBUTING.md)"
        )
    return ReferenceDiff(old_side, new_side, tuple(rows), grades, tuple(notes))


def _side(spec: str, folder: Path) -> Side:
    # Read directly, so a side that fails its checks still shows its version.
    try:
        meta = json.loads((folder / PACKAGE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        meta = {}
    if not isinstance(meta, dict):
        meta = {}
    return Side(spec, str(meta.get("version") or "?"), str(meta.get("created") or "?"))


def diff_tables(old: dict[str, pd.DataFrame], new: dict[str, pd.DataFrame]) -> list[RowChange]:
    """Rows added, removed and changed, table by table in the order the tables are checked."""
    out: list[RowChange] = []
    for fname, key_cols in KEYS.items():
        before = _keyed(old.get(fname), key_cols)
        after = _keyed(new.get(fname), key_cols)
        for key in sorted(after.keys() - before.keys()):
            out.append(RowChange(fname, key, "added", row=tuple(after[key].items())))
        for key in sorted(before.keys() - after.keys()):
            out.append(RowChange(fname, key, "removed", row=tuple(before[key].items())))
        for key in sorted(before.keys() & after.keys()):
            o, n = before[key], after[key]
            cols = list(dict.fromkeys([*o, *n]))
            fields = tuple(
                (c, o.get(c, ""), n.get(c, "")) for c in cols if o.get(c, "") != n.get(c, "")
            )
            if fields:
                out.append(RowChange(fname, key, "changed", fields))
    return out


def _keyed(
    df: pd.DataFrame | None, key_cols: tuple[str, ...]
) -> dict[tuple[str, ...], dict[str, str]]:
    if df is None:
        return {}
    rows: dict[tuple[str, ...], dict[str, str]] = {}
    for rec in df.to_dict("records"):
        r = {str(k): str(v) for k, v in rec.items()}
        rows.setdefault(tuple(r.get(c, "") for c in key_cols), r)  # duplicates: the check says so
    return rows


def graded_bodies(ref: Reference) -> dict[tuple[str, str, str], tuple[str, Body]]:
    """(basis, subject key, outcome) -> (subject name, body) for every graded body of evidence.

    Each strain is assessed alone, and once inside each studied blend that holds it (as a
    product listing the whole blend would be), so formulation bodies are graded too.
    """
    from strainscore.evidence import assess_line
    from strainscore.evidence.assess import blend_label
    from strainscore.models import Resolution

    blends: dict[str, list[frozenset[str]]] = {}
    for arm in ref.interventions.values():
        if arm.is_blend:
            for sid in arm.strain_ids:
                if arm.strain_ids not in blends.setdefault(sid, []):
                    blends[sid].append(arm.strain_ids)
    labels = {
        arm.strain_ids: blend_label(arm, ref) for arm in ref.interventions.values() if arm.is_blend
    }
    out: dict[tuple[str, str, str], tuple[str, Body]] = {}
    for sid, strain in sorted(ref.strains.items()):
        res = Resolution(
            label_text=strain.display,
            match="strain",
            name=strain.species_name,
            genus=strain.genus,
            species=strain.species,
            subspecies=strain.subspecies or None,
            strain=strain.designation,
            strain_id=sid,
        )
        for held in [frozenset({sid}), *sorted(blends.get(sid, []), key=sorted)]:
            for e in assess_line(res, ref, product_strain_ids=held):
                body = Body(e.grade, e.direction, e.study_ids)
                if e.basis == "strain":
                    out[("strain", sid, e.outcome)] = (strain.display, body)
                elif e.basis == "formulation" and len(held) > 1 and e.blend == labels[held]:
                    out[("formulation", "+".join(sorted(held)), e.outcome)] = (labels[held], body)
    return out


def diff_grades(old: Reference, new: Reference) -> tuple[GradeChange, ...]:
    """Every graded body that appears, disappears, or changes grade, direction or studies."""
    before, after = graded_bodies(old), graded_bodies(new)
    out = []
    for key in before.keys() | after.keys():
        o, n = before.get(key), after.get(key)
        ob, nb = (o[1] if o else None), (n[1] if n else None)
        if ob == nb:
            continue
        basis, subject_key, outcome = key
        subject = (n or o or ("", None))[0]
        out.append(GradeChange(basis, subject, tuple(subject_key.split("+")), outcome, ob, nb))
    return tuple(sorted(out, key=lambda g: (not g.moved, g.subject.lower(), g.outcome, g.basis)))
