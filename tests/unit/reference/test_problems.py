"""Reference problems carry stable, registered codes, each made where the problem is found,
and docs/error-codes.md lists them all."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

import strainscore.reference
from refkit import base_tables, write_reference
from strainscore.reference import check_reference, check_warnings
from strainscore.reference.checks import RefProblem
from strainscore.reference.problems import REFERENCE_PROBLEMS

CODES = {k.code for k in REFERENCE_PROBLEMS}
REFERENCE_CODE = Path(strainscore.reference.__file__).parent
DOC = Path(__file__).parents[3] / "docs" / "error-codes.md"
Tables = dict[str, list[dict[str, str]]]


def test_codes_are_unique_and_kebab_case() -> None:
    assert len(CODES) == len(REFERENCE_PROBLEMS)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", c) for c in CODES)


def _codes_in_the_source() -> list[tuple[str, str | None]]:
    """(where, code) of every RefProblem made in the reference code; None for a code that is
    not written there as a string (so that no test could tell which it is)."""
    out = []
    for path in sorted(REFERENCE_CODE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "RefProblem":
                code = node.args[4] if len(node.args) > 4 else None
                code = next((k.value for k in node.keywords if k.arg == "code"), code)
                literal = code.value if isinstance(code, ast.Constant) else None
                out.append((f"{path.name}:{node.lineno}", literal))
    return out


def test_every_problem_is_made_with_a_registered_code_and_every_code_is_used() -> None:
    made = _codes_in_the_source()
    assert len(made) > 50  # every check was read
    assert [(where, code) for where, code in made if code not in CODES] == []
    assert {code for _, code in made} == CODES  # no kind registered that nothing finds


def test_a_problem_with_an_unregistered_code_is_refused() -> None:
    with pytest.raises(ValueError, match=r"not in problems\.py"):
        RefProblem("names.csv", 2, "name", "something new", "something-new")


def test_error_codes_md_lists_every_code_once_with_its_title() -> None:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Problems in the reference tables", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z-]+)` \| (.+) \|$", section, flags=re.M)
    assert rows == [(k.code, k.title) for k in REFERENCE_PROBLEMS]


_LW = {"word": "w", "language": "en", "kind": "strain", "means": "", "species": "", "source": "x"}


def _label_word(**cells: str) -> Callable[[Tables], None]:
    return lambda t: t["label_words.csv"].append({**_LW, **cells})


@pytest.mark.parametrize(
    ("change", "where", "code"),
    [
        (
            _label_word(word="Stamm", language="de"),
            "label_words.csv:3: word",
            "duplicate-label-word",
        ),
        (_label_word(kind="genus"), "label_words.csv:3: means", "label-word-meaning"),
        (_label_word(kind="scale", means="12"), "label_words.csv:3: means", "scale-factor"),
        (
            # a name may have two rows (two sources), but not the same row twice
            lambda t: t["names.csv"].append(dict(t["names.csv"][0])),
            f"names.csv:{len(base_tables()['names.csv']) + 2}: name",
            "repeated-row",
        ),
        (
            # a CJK 'and' splits wherever it stands, so it must be part of no other word
            lambda t: t["label_words.csv"].extend(
                [
                    {**_LW, "word": "和田菌", "language": "ja", "kind": "filler"},
                    {**_LW, "word": "和", "language": "zh", "kind": "and"},
                ]
            ),
            "label_words.csv:4: word",
            "and-inside-word",
        ),
        (
            _label_word(kind="epithet", means="x", species="Nobody nowhere"),
            "label_words.csv:3: species",
            "unknown-species",
        ),
        (
            _label_word(kind="species", means="x"),
            "label_words.csv:3: species",
            "label-word-species",
        ),
        (
            lambda t: t["searches.csv"][0].update(blend_name="Duo Blend"),
            "searches.csv:2: strain_id",
            "search-target",
        ),
        (
            lambda t: t["searches.csv"][0].update(strain_id="nobody-x1"),
            "searches.csv:2: strain_id",
            "unknown-strain",
        ),
        (
            lambda t: t["strains.csv"].append(dict(t["strains.csv"][0])),
            "strains.csv:6: strain_id",
            "not-unique",
        ),
    ],
)
def test_the_label_word_and_search_rules_have_their_codes(
    change: Callable[[Tables], None], where: str, code: str, tmp_path: Path
) -> None:
    tables = base_tables()
    change(tables)
    problems = check_reference(write_reference(tmp_path / "ref", tables))
    assert code in {p.code for p in problems if str(p).startswith(where)}, problems


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
