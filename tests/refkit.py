"""A small, clearly fictional reference for tests (never shipped): write it, break it, load it.

Species "Testibacillus exemplaris" and the studies here do not exist; DOIs use the 10.5555 test
prefix. Tests copy the tables, change one thing, and check what strainscore makes of it.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from strainscore.reference.tables import TABLES

# The header of each table, from the one description of the tables.
HEADERS = {t.file: t.header for t in TABLES}
SRC = "https://example.org/fixture"


def study(
    sid: str,
    design: str = "rct",
    n: str = "100",
    age: str = "adult",
    dose: str = "1e9",
    doi: str | None = None,
    pmid: str = "",
) -> dict[str, str]:
    return {
        "study_id": sid,
        "first_author": sid.rstrip("0123456789").title(),
        "year": "2020",
        "title": f"Fixture study {sid}",
        "journal": "Journal of Fixtures",
        "doi": doi if doi is not None else f"10.5555/{sid}",
        "pmid": pmid,
        "design": design,
        "population": "fixture people" if design not in ("animal", "in-vitro") else "mice",
        "age_group": age if design not in ("animal", "in-vitro") else "",
        "n": n,
        "duration_weeks": "8",
        "daily_dose_cfu": dose,
        "source_url": SRC,
        "checked_on": "2026-11-24",
        "notes": "",
    }


def base_tables() -> dict[str, list[dict[str, str]]]:
    sp = {"genus": "Testibacillus", "kind": "bacterium", "source": SRC, "subspecies": ""}
    return {
        "outcomes.csv": [
            {"outcome": o, "label": o.title(), "category": c, "phrases": p, "description": ""}
            for o, c, p in (
                ("anxiety", "mental-health", "calm;anxiety"),
                ("mood", "mental-health", "mood support;happy"),
                ("colic", "gastrointestinal", "colic;crying"),
            )
        ],
        "species.csv": [
            {**sp, "current_name": "Testibacillus exemplaris", "species": "exemplaris"},
            {**sp, "current_name": "Testibacillus secundus", "species": "secundus"},
        ],
        "strains.csv": [
            {
                "strain_id": sid,
                "genus": "Testibacillus",
                "species": spc,
                "subspecies": "",
                "designation": des,
                "source_url": SRC,
                "notes": "",
            }
            for sid, spc, des in (
                ("texemplaris-t1", "exemplaris", "T1"),
                ("texemplaris-t2", "exemplaris", "T2"),
                ("tsecundus-s9", "secundus", "S9"),
                ("texemplaris-t3", "exemplaris", "T3"),
            )
        ],
        "names.csv": [
            {
                "name": "Oldbacillus exemplaris",
                "kind": "old-name",
                "strain_id": "",
                "current_name": "Testibacillus exemplaris",
                "source": SRC,
            },
            {
                "name": "TX-1",
                "kind": "alias",
                "strain_id": "texemplaris-t1",
                "current_name": "",
                "source": SRC,
            },
            {
                "name": "FCC 1001",
                "kind": "deposit",
                "strain_id": "texemplaris-t1",
                "current_name": "",
                "source": SRC,
            },
        ],
        "studies.csv": [
            study("alpha2020", n="250"),
            study("beta2021", n="200"),
            study("gamma2022", design="animal", n=""),
            study("delta2023", n="120"),
            study("pooled2024", design="meta-analysis", n="2000"),
        ],
        "interventions.csv": [
            {
                "study_id": "alpha2020",
                "arm": "A",
                "strain_id": "texemplaris-t1",
                "blend_name": "",
                "daily_dose_cfu": "",
            },
            {
                "study_id": "beta2021",
                "arm": "A",
                "strain_id": "texemplaris-t1",
                "blend_name": "",
                "daily_dose_cfu": "",
            },
            {
                "study_id": "gamma2022",
                "arm": "A",
                "strain_id": "texemplaris-t2",
                "blend_name": "",
                "daily_dose_cfu": "",
            },
            {
                "study_id": "delta2023",
                "arm": "A",
                "strain_id": "texemplaris-t2",
                "blend_name": "Duo Blend",
                "daily_dose_cfu": "",
            },
            {
                "study_id": "delta2023",
                "arm": "A",
                "strain_id": "tsecundus-s9",
                "blend_name": "Duo Blend",
                "daily_dose_cfu": "",
            },
        ],
        "findings.csv": [
            {"study_id": s, "arm": "A", "outcome": o, "effect": e, "instrument": "", "note": ""}
            for s, o, e in (
                ("alpha2020", "anxiety", "benefit"),
                ("beta2021", "anxiety", "no-effect"),
                ("alpha2020", "mood", "benefit"),
                ("gamma2022", "anxiety", "benefit"),
                ("delta2023", "mood", "benefit"),
                ("pooled2024", "anxiety", "benefit"),
            )
        ],
        "searches.csv": [
            {
                "search_id": "fixture-1",
                "strain_id": "texemplaris-t1",
                "blend_name": "",
                "searched_on": "2026-11-30",
                "where": "fixture index",
                "query": '"Testibacillus exemplaris T1"',
                "records_seen": "3",
                "included": "alpha2020; beta2021",
                "excluded": "a mouse study (animal)",
                "notes": "",
            },
            {
                "search_id": "fixture-2",
                "strain_id": "texemplaris-t3",
                "blend_name": "",
                "searched_on": "2026-11-30",
                "where": "fixture index",
                "query": '"T3" exemplaris',
                "records_seen": "0",
                "included": "",
                "excluded": "",
                "notes": "no human trials found",
            },
        ],
        "review_trials.csv": [{"review_id": "pooled2024", "study_id": "alpha2020"}],
        "label_words.csv": [
            {
                "word": "Stamm",
                "language": "de",
                "kind": "strain",
                "means": "",
                "species": "",
                "source": "the word for strain in German",
            },
        ],
        "context_studies.csv": [
            {"study_id": "pooled2024", "reason": "a review of many strains, no single strain"}
        ],
        "claim_phrases.csv": [
            {
                "phrase": "supports mood",
                "language": "en",
                "outcomes": "mood;anxiety",
                "group": "mood",
            },
            {"phrase": "Stimmung", "language": "de", "outcomes": "mood;anxiety", "group": "mood"},
        ],
        "formulations.csv": [
            {
                "formulation_id": "duo-blend",
                "name": "Duo Blend",
                "aliases": "DuoMax; Duo Classic",
                "strain_ids": "texemplaris-t2; tsecundus-s9",
                "version": "",
                "source_url": SRC,
                "checked_on": "2026-11-30",
                "notes": "",
            },
            {
                "formulation_id": "duo-classic-2019",
                "name": "Duo Classic",
                "aliases": "",
                "strain_ids": "texemplaris-t1; tsecundus-s9",
                "version": "since 2019",
                "source_url": SRC,
                "checked_on": "2026-11-30",
                "notes": "",
            },
        ],
    }


def write_reference(folder: Path, tables: dict[str, list[dict[str, str]]] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    tables = tables if tables is not None else base_tables()
    for name, header in HEADERS.items():
        cols = header.split(",")
        with (folder / name).open("w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, cols, lineterminator="\n")
            w.writeheader()
            w.writerows(tables.get(name, []))
    (folder / "datapackage.json").write_text(
        json.dumps({"name": "fixture", "version": "9.9.9", "created": "2026-11-24"})
    )
    return folder
