"""reference diff on copies of the fixture: rows by key, field changes, grades that move."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from refkit import base_tables, study, write_reference
from strainscore.errors import ReferenceDataError
from strainscore.workflows.reference_diff import diff_folders, diff_references, opened

Tables = dict[str, list[dict[str, str]]]


def _pair(
    tmp_path: Path, change: Callable[[Tables], None], version: str | None = "9.9.10"
) -> tuple[Path, Path]:
    old = write_reference(tmp_path / "old")
    tables = base_tables()
    change(tables)
    new = write_reference(tmp_path / "new", tables)
    if version:
        meta = json.loads((new / "datapackage.json").read_text())
        (new / "datapackage.json").write_text(json.dumps({**meta, "version": version}))
    return old, new


def _finding(t: Tables, study_id: str, outcome: str) -> dict[str, str]:
    return next(
        f for f in t["findings.csv"] if (f["study_id"], f["outcome"]) == (study_id, outcome)
    )


def test_same_tables_no_changes(tmp_path: Path) -> None:
    old, new = _pair(tmp_path, lambda t: None, version=None)
    d = diff_folders(old, new)
    assert d.rows == () and d.grades == () and d.notes == ()


def test_changed_effect_is_a_field_change_and_moves_the_grade(tmp_path: Path) -> None:
    old, new = _pair(
        tmp_path, lambda t: _finding(t, "beta2021", "anxiety").update(effect="benefit")
    )
    d = diff_folders(old, new)
    (row,) = d.rows
    assert (row.table, row.key, row.kind) == (
        "findings.csv",
        ("beta2021", "A", "anxiety"),
        "changed",
    )
    assert row.fields == (("effect", "no-effect", "benefit"),)
    (g,) = [g for g in d.grades if g.moved]
    assert (g.basis, g.strain_ids, g.outcome) == ("strain", ("texemplaris-t1",), "anxiety")
    assert g.subject == "Testibacillus exemplaris T1"
    assert (g.old and g.old.grade, g.old and g.old.direction) == ("moderate", "conflicting")
    assert (g.new and g.new.grade, g.new and g.new.direction) == ("high", "supports")
    assert g.studies_added == () and g.studies_removed == ()


def test_blend_bodies_are_compared_as_one_formulation(tmp_path: Path) -> None:
    old, new = _pair(
        tmp_path, lambda t: _finding(t, "delta2023", "mood").update(effect="no-effect")
    )
    (g,) = diff_folders(old, new).grades
    assert (g.basis, g.subject, g.outcome) == ("formulation", "Duo Blend", "mood")
    assert g.strain_ids == ("texemplaris-t2", "tsecundus-s9")
    assert g.old is not None and g.new is not None
    assert (g.old.direction, g.new.direction) == ("supports", "no-effect")


def test_added_study_rows_and_a_new_graded_body(tmp_path: Path) -> None:
    def add(t: Tables) -> None:
        t["studies.csv"].append(study("omega2025", n="500"))
        t["interventions.csv"].append(
            {
                "study_id": "omega2025",
                "arm": "A",
                "strain_id": "texemplaris-t3",
                "blend_name": "",
                "daily_dose_cfu": "",
            }
        )
        t["findings.csv"].append(
            {
                "study_id": "omega2025",
                "arm": "A",
                "outcome": "colic",
                "effect": "benefit",
                "instrument": "",
                "note": "",
            }
        )

    old, new = _pair(tmp_path, add)
    d = diff_folders(old, new)
    assert [(r.table, r.kind, r.key_text) for r in d.rows] == [
        ("studies.csv", "added", "omega2025"),
        ("interventions.csv", "added", "omega2025 / A / texemplaris-t3"),
        ("findings.csv", "added", "omega2025 / A / colic"),
    ]
    assert dict(d.rows[0].row)["n"] == "500"
    (g,) = d.grades
    assert g.old is None and g.new is not None and g.new.grade == "moderate"
    assert g.studies_added == ("omega2025",) and g.moved
    assert d.count("studies.csv", "added") == 1


def test_removed_study_takes_its_bodies_and_unmoved_bodies_are_listed(tmp_path: Path) -> None:
    def remove(t: Tables) -> None:
        for name in ("studies.csv", "interventions.csv", "findings.csv", "review_trials.csv"):
            t[name] = [r for r in t[name] if r["study_id"] != "alpha2020"]
        for r in t["searches.csv"]:
            r["included"] = r["included"].replace("alpha2020; ", "")

    old, new = _pair(tmp_path, remove)
    d = diff_folders(old, new)
    assert {(r.table, r.kind) for r in d.rows} == {
        ("studies.csv", "removed"),
        ("interventions.csv", "removed"),
        ("findings.csv", "removed"),
        ("searches.csv", "changed"),
        ("review_trials.csv", "removed"),
    }
    by_outcome = {g.outcome: g for g in d.grades}
    assert by_outcome["mood"].new is None and by_outcome["mood"].studies_removed == ("alpha2020",)
    anxiety = by_outcome["anxiety"]
    assert anxiety.new is not None and anxiety.new.direction == "no-effect"


def test_version_not_bumped_is_noted(tmp_path: Path) -> None:
    old, new = _pair(tmp_path, lambda t: t["studies.csv"][0].update(n="260"), version=None)
    d = diff_folders(old, new)
    assert d.rows[0].fields == (("n", "250", "260"),)
    assert any("bump it" in n for n in d.notes)
    json.dumps(d.to_dict())  # serialisable as the json format prints it


def test_a_side_failing_its_checks_still_gets_row_changes(tmp_path: Path) -> None:
    old, new = _pair(tmp_path, lambda t: t["studies.csv"][0].update(design="trial"))
    d = diff_folders(old, new, new_spec="broken")
    assert d.rows[0].fields == (("design", "rct", "trial"),)
    assert d.grades == ()
    assert any(n.startswith("broken does not pass") for n in d.notes)
    assert d.new.version == "9.9.10"


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    write_reference(repo / "reference")
    _git(repo, "init", "-q")
    _git(repo, "add", "reference")
    _git(repo, "commit", "-q", "-m", "first")
    tables = base_tables()
    tables["studies.csv"][1]["n"] = "210"
    write_reference(repo / "reference", tables)
    _git(repo, "commit", "-q", "-am", "second")
    return repo


def test_git_revisions_are_read_from_the_repository(repo: Path) -> None:
    for old, new in (("HEAD~1", "HEAD"), ("HEAD~1:reference", "reference")):
        d = diff_references(old, new, cwd=repo)
        assert [(r.key_text, r.fields) for r in d.rows] == [("beta2021", (("n", "200", "210"),))]
        assert d.old.spec == old
    with opened("HEAD", cwd=repo) as folder:
        assert (folder / "studies.csv").is_file() and folder != repo / "reference"
    assert not folder.exists()  # the temporary copy is gone


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("no-such-rev", "neither a folder nor a git revision"),
        ("--output=x", "neither a folder nor a git revision"),
        ("HEAD:elsewhere", "no reference tables"),
    ],
)
def test_bad_revisions_are_named(repo: Path, spec: str, message: str) -> None:
    with pytest.raises(ReferenceDataError, match=message):
        diff_references(spec, "reference", cwd=repo)


def test_a_folder_edited_between_two_diffs_is_read_again(tmp_path: Path) -> None:
    old, new = _pair(tmp_path, lambda t: None)
    assert diff_folders(old, new).grades == ()
    tables = base_tables()
    _finding(tables, "beta2021", "anxiety").update(effect="benefit")
    write_reference(new, tables)
    assert [g.outcome for g in diff_folders(old, new).grades] == ["anxiety"]


def _second_row_of_every_table(t: Tables) -> None:
    """A copy of the first row of each table with its key's first cell changed: one added row
    per table (a row added to a table the diff did not know used to crash the text report)."""
    from strainscore.reference.tables import TABLES

    for table in TABLES:
        row = dict(t[table.file][0])
        row[table.key[0]] = "zz-" + row[table.key[0]]
        t[table.file].append(row)


def test_a_row_added_to_any_table_is_listed_and_rendered(tmp_path: Path) -> None:
    from strainscore.formats.reference_format import diff_markdown, diff_text
    from strainscore.reference.tables import FILES

    old, new = _pair(tmp_path, _second_row_of_every_table)
    d = diff_folders(old, new)
    assert [(r.table, r.kind) for r in d.rows] == [(f, "added") for f in FILES]
    text, markdown = diff_text(d), diff_markdown(d)
    for fname in FILES:
        assert f"{fname}: 1 added, 0 removed, 0 changed" in text
        assert fname in markdown
    search = next(r for r in d.rows if r.table == "searches.csv")
    assert ("where", "fixture index") in search.shown
    assert (
        "+ zz-fixture-1: strain_id texemplaris-t1, blend_name" not in text
    )  # empty cells left out
    assert "+ zz-fixture-1: strain_id texemplaris-t1, searched_on 2026-11-30" in text
