"""Reference problems carry stable, registered codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from refkit import base_tables, write_reference
from strainscore.reference import check_reference, check_warnings
from strainscore.reference.problems import REFERENCE_PROBLEMS, UNREGISTERED, code_for

CODES = {k.code for k in REFERENCE_PROBLEMS}


def test_codes_are_unique_and_kebab_case() -> None:
    assert len(CODES) == len(REFERENCE_PROBLEMS)
    assert all(c == c.lower() and " " not in c for c in CODES)
    assert UNREGISTERED not in CODES


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("file is missing from /x", "missing-file"),
        ("unknown study 'x'", "unknown-study"),
        ("listed twice in arm", "duplicate-arm-strain"),
        ("listed twice", "duplicate-review-trial"),
        ("'ghostus' is not in species.csv", "unknown-species"),
        ("something new", UNREGISTERED),
    ],
)
def test_code_for(message: str, code: str) -> None:
    assert code_for(message) == code


def _broken(tmp_path: Path) -> Path:
    tables = base_tables()
    tables["studies.csv"][0]["doi"] = "nope"
    tables["findings.csv"][0]["effect"] = "great"
    tables["strains.csv"][0]["species"] = "ghostus"
    tables["findings.csv"][0]["study_id"] = "nobody2020"
    return write_reference(tmp_path / "ref", tables)


def test_every_problem_found_has_a_registered_code(tmp_path: Path) -> None:
    problems = check_reference(_broken(tmp_path))
    codes = {p.code for p in problems}
    assert {"unknown-study", "unknown-species", "column-rule"} <= codes, problems
    assert codes <= CODES, [p for p in problems if p.code not in CODES]


def test_a_missing_file_has_its_code(tmp_path: Path) -> None:
    folder = write_reference(tmp_path / "ref")
    (folder / "names.csv").unlink()
    assert [p.code for p in check_reference(folder)] == ["missing-file"]


def test_warnings_have_codes(small_ref_dir: Path) -> None:
    assert {w.code for w in check_warnings(small_ref_dir)} <= CODES


def test_json_gives_each_problem_its_code(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = run_cli("reference", "check", str(_broken(tmp_path)), "--format", "json", expect=2)
    problems = json.loads(out.stdout)["problems"]
    assert problems and all(p["code"] in CODES for p in problems)
    assert list(problems[0]) == ["file", "line", "column", "message", "code"]
