"""Reading a reference folder: check it, hash it, and build the in-memory ``Reference``."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

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
from strainscore.reference.schemas import OPTIONAL_TABLES, TABLES
from strainscore.reference.vocab import split_cell
from strainscore.resources import reference_dir

PACKAGE_FILE = "datapackage.json"


def read_tables(folder: Path) -> tuple[dict[str, pd.DataFrame], list[RefProblem]]:
    """Read every table that exists; a missing or unreadable file is a problem, not a crash."""
    tables: dict[str, pd.DataFrame] = {}
    problems: list[RefProblem] = []
    for fname, schema in TABLES.items():
        path = folder / fname
        if not path.is_file() and fname in OPTIONAL_TABLES:
            tables[fname] = pd.DataFrame({c: pd.Series(dtype=str) for c in schema.columns})
            continue
        if not path.is_file():
            problems.append(RefProblem(fname, 0, "", f"file is missing from {folder}"))
            continue
        try:
            tables[fname] = read_table(path)
        except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
            problems.append(RefProblem(fname, 0, "", f"cannot be read as UTF-8 CSV: {exc}"))
    return tables, problems


def check_reference(folder: Path | str | None = None) -> list[RefProblem]:
    """Every problem in a reference folder (the shipped one by default); [] when it is sound."""
    path = Path(folder) if folder is not None else reference_dir()
    if not path.is_dir():
        return [RefProblem(str(path), 0, "", "is not a folder")]
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


def _package_problems(folder: Path) -> list[RefProblem]:
    try:
        meta = json.loads((folder / PACKAGE_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return [RefProblem(PACKAGE_FILE, 0, "", "file is missing (it carries the version)")]
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return [RefProblem(PACKAGE_FILE, 0, "", f"is not valid JSON: {exc}")]
    missing = [k for k in ("version", "created") if not str(meta.get(k) or "").strip()]
    return [RefProblem(PACKAGE_FILE, 0, k, "must be set") for k in missing]


def table_hash(folder: Path) -> str:
    """sha256 over the tables' bytes in a fixed order: two copies with equal data hash equal."""
    h = hashlib.sha256()
    for fname in TABLES:
        if fname in OPTIONAL_TABLES and not (folder / fname).is_file():
            continue
        h.update(fname.encode())
        h.update(b"\0")
        h.update((folder / fname).read_bytes().replace(b"\r\n", b"\n"))
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
    if not path.is_dir():
        raise ReferenceDataError(f"reference folder not found: {path}", code="reference-missing")
    tables, problems = read_tables(path)
    problems.extend(check_tables(tables))
    problems.extend(_package_problems(path))
    if problems:
        shown = "\n".join(f"  {p}" for p in problems[:30])
        more = f"\n  ... and {len(problems) - 30} more" if len(problems) > 30 else ""
        raise ReferenceDataError(
            f"the reference in {path} does not pass its checks "
            f"(run 'strainscore reference check {path}'):\n{shown}{more}",
            code="reference-invalid",
        )
    meta = json.loads((path / PACKAGE_FILE).read_text(encoding="utf-8"))
    info = ReferenceInfo(
        version=str(meta["version"]),
        date=str(meta["created"]),
        sha256=table_hash(path),
        path=str(path),
    )
    return build_reference(tables, info)


def _num(v: str) -> float | None:
    return float(v) if v else None


def build_reference(t: dict[str, pd.DataFrame], info: ReferenceInfo) -> Reference:
    """Typed rows from checked tables."""
    strains = {
        r["strain_id"]: Strain(
            r["strain_id"], r["genus"], r["species"], r["subspecies"], r["designation"], r["notes"]
        )
        for r in t["strains.csv"].to_dict("records")
    }
    species = {
        r["current_name"]: Species(
            r["current_name"], r["genus"], r["species"], r["subspecies"], r["kind"]
        )
        for r in t["species.csv"].to_dict("records")
    }
    names = tuple(
        NameEntry(r["name"], r["kind"], r["strain_id"], r["current_name"], r["source"])
        for r in t["names.csv"].to_dict("records")
    )
    studies = _studies(t["studies.csv"])
    interventions = _interventions(t["interventions.csv"])
    findings = tuple(
        Finding(r["study_id"], r["arm"], r["outcome"], r["effect"], r["instrument"], r["note"])
        for r in t["findings.csv"].to_dict("records")
    )
    outcomes = {
        r["outcome"]: Outcome(
            r["outcome"],
            r["label"],
            r["category"],
            split_cell(r["phrases"]),
            r["description"],
        )
        for r in t["outcomes.csv"].to_dict("records")
    }
    searches = _searches(t["searches.csv"])
    formulations = _formulations(t["formulations.csv"])
    review_trials = tuple(
        (r["review_id"], r["study_id"]) for r in t["review_trials.csv"].to_dict("records")
    )
    return Reference(
        info,
        strains,
        species,
        names,
        studies,
        interventions,
        findings,
        outcomes,
        searches=searches,
        formulations=formulations,
        review_trials=review_trials,
        label_words=tuple(
            LabelWord(r["word"].strip(), r["language"], r["kind"], r["means"].strip(), r["species"])
            for r in t["label_words.csv"].to_dict("records")
        ),
        claim_phrases=tuple(
            ClaimPhrase(
                r["phrase"],
                r["language"],
                split_cell(r["outcomes"]),
                r["group"],
            )
            for r in t["claim_phrases.csv"].to_dict("records")
        ),
        context_studies={
            r["study_id"]: r["reason"] for r in t["context_studies.csv"].to_dict("records")
        },
    )


def _studies(rows: pd.DataFrame) -> dict[str, Study]:
    studies = {}
    for r in rows.to_dict("records"):
        studies[r["study_id"]] = Study(
            study_id=r["study_id"],
            first_author=r["first_author"],
            year=int(r["year"]),
            title=r["title"],
            journal=r["journal"],
            doi=r["doi"],
            pmid=r["pmid"],
            design=r["design"],
            population=r["population"],
            age_group=r["age_group"],
            n=int(float(r["n"])) if r["n"] else None,
            duration_weeks=_num(r["duration_weeks"]),
            daily_dose_cfu=_num(r["daily_dose_cfu"]),
            source_url=r["source_url"],
            checked_on=r["checked_on"],
            notes=r["notes"],
            parent_study=r.get("parent_study", ""),
        )
    return studies


def _interventions(rows_: pd.DataFrame) -> dict[tuple[str, str], Intervention]:
    grouped: dict[tuple[str, str], list[dict[str, str]]] = {}
    for r in rows_.to_dict("records"):
        grouped.setdefault((str(r["study_id"]), str(r["arm"])), []).append(
            {str(k): str(v) for k, v in r.items()}
        )
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


def _searches(rows: pd.DataFrame) -> tuple[Search, ...]:
    return tuple(
        Search(
            search_id=r["search_id"],
            strain_id=r["strain_id"],
            blend_name=r["blend_name"].strip(),
            searched_on=r["searched_on"],
            where=r["where"],
            query=r["query"],
            records_seen=int(r["records_seen"]) if r["records_seen"] else None,
            included=split_cell(r["included"]),
            excluded=r["excluded"],
            notes=r["notes"],
        )
        for r in rows.to_dict("records")
    )


def _formulations(rows: pd.DataFrame) -> dict[str, Formulation]:
    return {
        r["formulation_id"]: Formulation(
            formulation_id=r["formulation_id"],
            name=r["name"],
            aliases=split_cell(r["aliases"]),
            strain_ids=split_cell(r["strain_ids"]),
            version=r["version"],
            source_url=r["source_url"],
            checked_on=r["checked_on"],
            notes=r["notes"],
        )
        for r in rows.to_dict("records")
    }
