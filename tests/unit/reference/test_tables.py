"""The one description of the reference tables (reference/tables.py) and what is made from it:
the shipped files, the pandera schemas, datapackage.json, the row dataclasses and the test kit."""

from __future__ import annotations

import csv
import dataclasses
import json
from pathlib import Path

import pytest

import refkit
from strainscore.reference import model
from strainscore.reference.loader import ROW_TYPES, read_tables
from strainscore.reference.schemas import OPTIONAL_TABLES
from strainscore.reference.schemas import TABLES as SCHEMAS
from strainscore.reference.tables import BY_FILE, FILES, TABLES, Column

REF = Path(__file__).parents[3] / "reference"
PACKAGE = json.loads((REF / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["path"]: r for r in PACKAGE["resources"]}

# Columns checked but not kept on the row dataclass (the reviewer's record of where it was read).
NOT_KEPT = {
    ("strains.csv", "source_url"),
    ("species.csv", "source"),
    ("label_words.csv", "source"),
}
# The type annotation of a dataclass field read from a column of each type.
FIELD_TYPES = {"string": "str", "integer": "int", "number": "float", "date": "str"}


def _header(fname: str) -> list[str]:
    with (REF / fname).open(encoding="utf-8") as fh:
        return next(csv.reader(fh))


@pytest.mark.parametrize("fname", FILES)
def test_the_shipped_file_has_the_described_columns_in_order(fname: str) -> None:
    assert _header(fname) == list(BY_FILE[fname].names)


def test_every_table_is_described_once_and_every_key_is_a_column() -> None:
    assert len(FILES) == len(set(FILES)) == 13
    assert sorted(FILES) == sorted(p.name for p in REF.glob("*.csv"))
    for table in TABLES:
        assert len(table.names) == len(set(table.names)), table.file
        assert set(table.key) <= set(table.names) and table.key, table.file
        assert set(table.shown) <= set(table.names) - set(table.key), table.file


@pytest.mark.parametrize("fname", FILES)
def test_the_schema_is_made_from_the_description(fname: str) -> None:
    table, schema = BY_FILE[fname], SCHEMAS[fname]
    assert list(schema.columns) == list(table.names)
    for c in table.columns:
        pa_column = schema.columns[c.name]
        assert len(pa_column.checks) == len(c.rules)
        assert (pa_column.unique, pa_column.required) == (c.unique, c.in_every_file)
    assert (fname in OPTIONAL_TABLES) == table.optional


@pytest.mark.parametrize("fname", FILES)
def test_datapackage_says_what_the_description_says(fname: str) -> None:
    table, schema = BY_FILE[fname], RESOURCES[fname]["schema"]
    assert [f["name"] for f in schema["fields"]] == list(table.names)
    for f in schema["fields"]:
        c = table.column(f["name"])
        constraints = f.get("constraints", {})
        assert f["type"] == c.dtype, c.name
        assert constraints.get("required", False) == c.required, c.name
        assert tuple(constraints.get("enum", ())) == c.vocabulary, c.name
        assert constraints.get("unique", False) == c.unique, c.name
        assert bool(constraints.get("pattern")) == bool(c.pattern), c.name
    # names.csv has no primary key (a name may be listed twice for one target).
    assert schema.get("primaryKey", list(table.key)) == list(table.key)


def _annotation(column: Column) -> str:
    if column.split:
        return "tuple[str, ...]"
    base = FIELD_TYPES[column.dtype]
    return base if base == "str" or column.required else f"{base} | None"


@pytest.mark.parametrize("fname", sorted(ROW_TYPES))
def test_each_row_dataclass_has_a_field_for_each_column_of_its_table(fname: str) -> None:
    """Adding a column to the description but not to the dataclass (or the other way) fails."""
    table = BY_FILE[fname]
    fields = {f.name: f.type for f in dataclasses.fields(ROW_TYPES[fname])}
    kept = [c for c in table.columns if (fname, c.name) not in NOT_KEPT]
    assert list(fields) == [c.name for c in kept]
    for c in kept:
        assert fields[c.name] == _annotation(c), (fname, c.name)


def test_interventions_and_the_link_tables_agree_with_the_model() -> None:
    """An arm groups its rows: strain_id and daily_dose_cfu become strain_ids and doses."""
    arm = {f.name for f in dataclasses.fields(model.Intervention)}
    assert arm == {"study_id", "arm", "blend_name", "strain_ids", "doses"}
    assert BY_FILE["interventions.csv"].names == (
        "study_id",
        "arm",
        "strain_id",
        "blend_name",
        "daily_dose_cfu",
    )
    assert BY_FILE["review_trials.csv"].names == ("review_id", "study_id")
    assert BY_FILE["context_studies.csv"].names == ("study_id", "reason")
    # Every table is read into the Reference, one way or the other.
    assert set(ROW_TYPES) | {"interventions.csv", "review_trials.csv", "context_studies.csv"} == (
        set(FILES)
    )


def test_the_test_kit_writes_the_described_headers(tmp_path: Path) -> None:
    folder = refkit.write_reference(tmp_path / "ref")
    for fname in FILES:
        assert (folder / fname).read_text(encoding="utf-8").splitlines()[0] == (
            BY_FILE[fname].header
        )


def test_a_missing_optional_table_reads_as_its_empty_columns(tmp_path: Path) -> None:
    folder = refkit.write_reference(tmp_path / "ref")
    (folder / "searches.csv").unlink()
    tables, problems = read_tables(folder)
    assert problems == []
    assert list(tables["searches.csv"].columns) == list(BY_FILE["searches.csv"].names)
    assert tables["searches.csv"].empty
