"""reference/datapackage.json describes the tables as the pandera schemas and checks do.

The Frictionless constraints are derived here from the schemas' own checks (their error texts say
what they test), so adding a column, a vocabulary word or a pattern without updating
datapackage.json fails this test.
"""

from __future__ import annotations

import copy
import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest

from refkit import base_tables, write_reference
from strainscore.reference import check_reference, load_reference
from strainscore.reference.checks import read_table
from strainscore.reference.schemas import (
    AGE_GROUPS,
    CLAIM_LANGUAGES,
    DESIGNS,
    EFFECTS,
    LABEL_WORD_KINDS,
    NAME_KINDS,
    ORGANISM_KINDS,
    OUTCOME_CATEGORIES,
    TABLES,
)

REF = Path(__file__).parents[3] / "reference"
PACKAGE = json.loads((REF / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["path"]: r for r in PACKAGE["resources"]}


def _fields(fname: str) -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in RESOURCES[fname]["schema"]["fields"]}


def _pattern(p: str) -> str:
    """Table Schema patterns are XML Schema regexes: anchored already, no '(?:' groups."""
    return p.removeprefix("^").removesuffix("$").replace("(?:", "(")


def expected_field(column: Any) -> tuple[str, dict[str, Any]]:
    """(type, constraints) a pandera column's checks amount to."""
    kind, c = "string", {}
    for check in column.checks:
        e = check.error or ""
        if e == "must not be empty":
            c["required"] = True
        elif e.startswith("must be one of: "):
            words = e.removeprefix("must be one of: ")
            c["enum"] = words.removesuffix(" (or empty)").split(", ")
            if not words.endswith(" (or empty)"):
                c["required"] = True
        elif e.startswith("must match "):
            c |= {"required": True, "pattern": _pattern(e.removeprefix("must match "))}
        elif e.startswith("must be empty or match "):
            c["pattern"] = _pattern(e.removeprefix("must be empty or match "))
        elif m := re.match(r"must be empty or (a whole number|a number) from (\S+) to (\S+)$", e):
            kind = "integer" if m[1] == "a whole number" else "number"
            cast = int if kind == "integer" else float
            c |= {"minimum": cast(float(m[2])), "maximum": cast(float(m[3]))}
        elif e.startswith("must be a year from 1900"):
            kind, c = "integer", c | {"required": True, "minimum": 1900}
        elif e == "must be a date written YYYY-MM-DD":
            kind, c = "date", c | {"required": True}
        else:
            pytest.fail(f"a check this test does not know: {e!r}; describe it here")
    if column.unique:
        c["unique"] = True
    return kind, c


def test_package_keeps_what_the_loader_reads() -> None:
    assert PACKAGE["name"] == "strainscore-reference"
    assert PACKAGE["profile"] == "tabular-data-package"
    info = load_reference(REF).info
    assert (info.version, info.date) == (PACKAGE["version"], PACKAGE["created"])


def test_every_table_is_a_resource_with_its_columns_in_file_order() -> None:
    assert sorted(RESOURCES) == sorted(TABLES)
    for fname, schema in TABLES.items():
        res = RESOURCES[fname]
        assert res["name"] == fname.removesuffix(".csv")
        assert res["profile"] == "tabular-data-resource" and res["encoding"] == "utf-8"
        with (REF / fname).open(encoding="utf-8") as fh:
            header = next(csv.reader(fh))
        assert [f["name"] for f in res["schema"]["fields"]] == header
        assert set(header) == set(schema.columns)
        assert res["schema"]["missingValues"] == [""]


@pytest.mark.parametrize("fname", list(TABLES))
def test_types_and_constraints_follow_the_pandera_checks(fname: str) -> None:
    fields = _fields(fname)
    for name, column in TABLES[fname].columns.items():
        kind, constraints = expected_field(column)
        assert fields[name]["type"] == kind, name
        assert fields[name].get("constraints", {}) == constraints, name
        assert fields[name]["description"].strip(), name


def test_enums_are_the_vocabularies() -> None:
    enums = {
        ("studies.csv", "design"): DESIGNS,
        ("studies.csv", "age_group"): AGE_GROUPS,
        ("findings.csv", "effect"): EFFECTS,
        ("names.csv", "kind"): NAME_KINDS,
        ("outcomes.csv", "category"): OUTCOME_CATEGORIES,
        ("species.csv", "kind"): ORGANISM_KINDS,
        ("label_words.csv", "kind"): LABEL_WORD_KINDS,
        ("claim_phrases.csv", "language"): CLAIM_LANGUAGES,
    }
    found = {
        (fname, f["name"]): tuple(f["constraints"]["enum"])
        for fname, r in RESOURCES.items()
        for f in r["schema"]["fields"]
        if "enum" in f.get("constraints", {})
    }
    assert found == enums


def test_shipped_values_match_the_patterns() -> None:
    for fname, res in RESOURCES.items():
        rows = read_table(REF / fname).to_dict("records")
        for f in res["schema"]["fields"]:
            pattern = f.get("constraints", {}).get("pattern")
            if pattern:
                bad = [
                    r[f["name"]]
                    for r in rows
                    if r[f["name"]] and not re.fullmatch(pattern, r[f["name"]])
                ]
                assert bad == [], (fname, f["name"])


def test_foreign_keys_point_at_real_fields_and_resolve() -> None:
    for fname, res in RESOURCES.items():
        rows = read_table(REF / fname).to_dict("records")
        for fk in res["schema"].get("foreignKeys", []):
            target = RESOURCES[fk["reference"]["resource"] + ".csv"]
            target_fields = [f["name"] for f in target["schema"]["fields"]]
            assert set(fk["reference"]["fields"]) <= set(target_fields)
            keys = {
                tuple(r[c] for c in fk["reference"]["fields"])
                for r in read_table(REF / target["path"]).to_dict("records")
            }
            for r in rows:
                value = tuple(r[c] for c in fk["fields"])
                if value[0]:  # an empty key is a missing value, as Table Schema has it
                    assert value in keys, (fname, value)


@pytest.mark.parametrize("fname", [f for f in TABLES if "primaryKey" in RESOURCES[f]["schema"]])
def test_primary_keys_are_unique_by_the_checks(fname: str, tmp_path: Path) -> None:
    key = RESOURCES[fname]["schema"]["primaryKey"]
    rows = read_table(REF / fname).to_dict("records")
    assert len({tuple(r[c] for c in key) for r in rows}) == len(rows)
    # A duplicated key in the fixture is a problem 'reference check' reports.
    tables = base_tables()
    tables[fname].append(copy.deepcopy(tables[fname][0]))
    folder = write_reference(tmp_path / "dup", tables)
    assert any(
        p.file == fname and p.line == len(tables[fname]) + 1 for p in check_reference(folder)
    )


def test_names_has_no_primary_key_because_repeats_are_allowed(tmp_path: Path) -> None:
    # The same name may be listed twice for the same strain (say, from two sources); only a name
    # that leads to two places is a problem, which no Table Schema key can express.
    assert "primaryKey" not in RESOURCES["names.csv"]["schema"]
    tables = base_tables()
    tables["names.csv"].append({**tables["names.csv"][1], "source": "https://example.org/other"})
    assert check_reference(write_reference(tmp_path / "twice", tables)) == []
