"""A synthetic reference N times the shipped one, for measuring a grown reference.

Every row of the strain, name, study, arm, finding, search, formulation and species tables is
copied N-1 times under new ids (``lrhamnosus-hn001`` -> ``lrhamnosus-hn001-x2``, ``HN001`` ->
``HN001X2``, DOIs and PMIDs made unique), so the copy passes ``strainscore reference check`` and
the resolver and the grader see N times the rows. The vocabularies (outcomes, claim phrases,
label words) are kept as they are: they are words, not data that grows. Written outside the
repository's reference/ (default ``benchmarks/.data/reference-xN``); reused while the shipped
tables are unchanged.

    python benchmarks/grow_reference.py --times 5 -o benchmarks/.data/reference-x5
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHIPPED = HERE.parent / "reference"
Row = dict[str, str]


def _read(folder: Path, name: str) -> tuple[list[str], list[Row]]:
    with (folder / name).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _write(folder: Path, name: str, fields: list[str], rows: list[Row]) -> None:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (folder / name).write_text(buf.getvalue(), encoding="utf-8")


def _ids(cell: str, k: int) -> str:
    """'a; b' -> 'a-xK; b-xK' (a ';'-separated list of ids)."""
    parts = [p.strip() for p in cell.split(";") if p.strip()]
    return "; ".join(f"{p}-x{k}" for p in parts)


def _tag(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:6]


def _copy(row: Row, k: int, **changes: Callable[[str], str]) -> Row:
    out = dict(row)
    for col, change in changes.items():
        if out.get(col):
            out[col] = change(out[col])
    return out


def _copies(k: int) -> dict[str, dict[str, Callable[[str], str]]]:
    sid = lambda v: f"{v}-x{k}"  # noqa: E731
    return {
        "strains.csv": {"strain_id": sid, "designation": lambda v: f"{v}X{k}"},
        # a name of no Latin letters (ラブレ菌) keys on its Latin part only: give each its own
        "names.csv": {"strain_id": sid, "name": lambda v: f"{v} X{k}{_tag(v)}"},
        "studies.csv": {
            "study_id": sid,
            "parent_study": sid,
            "doi": lambda v: f"{v}.x{k}",
            "pmid": lambda v: str(int(v) + k * 40_000_000) if v.isdigit() else v,
        },
        "interventions.csv": {
            "study_id": sid,
            "strain_id": sid,
            "blend_name": lambda v: f"{v} X{k}",
        },
        "findings.csv": {"study_id": sid},
        "searches.csv": {
            "search_id": sid,
            "strain_id": sid,
            "included": lambda v: _ids(v, k),
        },
        "formulations.csv": {
            "formulation_id": sid,
            "name": lambda v: f"{v} X{k}",
            "aliases": lambda v: "; ".join(f"{a.strip()} X{k}" for a in v.split(";") if a.strip()),
            "strain_ids": lambda v: _ids(v, k),
        },
        "context_studies.csv": {"study_id": sid},
    }


def _species_copies(rows: list[Row], times: int) -> list[Row]:
    """Made-up species beside the real ones ('rhamnosus' -> 'rhamnosusb'), unused by strains."""
    out = list(rows)
    for k in range(2, times + 1):
        letter = "abcdefghijklmnopqrstuvwxyz"[k % 26]
        for r in rows:
            if r["subspecies"]:
                continue
            copy = dict(r, species=r["species"] + letter)
            copy["current_name"] = f"{copy['genus']} {copy['species']}"
            out.append(copy)
    return out


def grow(times: int, out: Path, source: Path = SHIPPED) -> Path:
    """Write the grown copy of `source` into `out` (replaced); returns `out`."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(source, out)
    for name in _copies(2):
        fields, rows = _read(source, name)
        grown = list(rows)
        for k in range(2, times + 1):
            grown += [_copy(r, k, **_copies(k)[name]) for r in rows]
        _write(out, name, fields, grown)
    fields, rows = _read(source, "species.csv")
    _write(out, "species.csv", fields, _species_copies(rows, times))
    return out


def source_hash(source: Path = SHIPPED) -> str:
    h = hashlib.sha256(Path(__file__).read_bytes())
    for p in sorted(source.glob("*")):
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:10]


def grown_reference(times: int, data_dir: Path) -> Path:
    """The grown copy for these shipped tables, made when missing or stale."""
    out = data_dir / f"reference-x{times}"
    stamp = out / ".source"
    key = source_hash()
    if stamp.is_file() and stamp.read_text() == key:
        return out
    grow(times, out)
    stamp.write_text(key)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--times", type=int, default=5)
    ap.add_argument("-o", "--output", type=Path)
    args = ap.parse_args(argv)
    out = args.output or HERE / ".data" / f"reference-x{args.times}"
    grow(args.times, out)
    sizes = {p.name: p.stat().st_size for p in out.glob("*.csv")}
    print(json.dumps({"folder": str(out), "bytes": sum(sizes.values())}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
