"""The workflows around the check, as users run them: template, ranking, --open, reviewers' diff."""

from __future__ import annotations

import json
from pathlib import Path

import click
import openpyxl
import pytest

from refkit import base_tables, write_reference

LABELS = """product,brand,strain
Solo,Fixture Co,Testibacillus exemplaris T1
Duo,Fixture Co,"Testibacillus exemplaris T2, Testibacillus secundus S9"
Plain,,Testibacillus exemplaris
"""


@pytest.fixture
def labels(tmp_path: Path) -> Path:
    p = tmp_path / "labels.csv"
    p.write_text(LABELS, encoding="utf-8")
    return p


# Dietitians: the template.


def test_template_is_written_once_and_checks_cleanly(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "labels.xlsx"
    r = run_cli("template", str(out))
    assert "strainscore check" in r.stderr and r.stdout == ""
    assert "--force" in run_cli("template", str(out), expect=2).stderr
    run_cli("template", str(out), "--force")
    r = run_cli("check", str(out), "--fail-on", "issues", "--format", "json")
    data = json.loads(r.stdout)
    assert data["issues"] == [] and data["sheet"] == "Labels"
    assert data["products"][0]["strains_with_evidence"] >= 1


def test_template_options(run_cli, tmp_path: Path, small_ref_dir: Path) -> None:
    assert ".xlsx" in run_cli("template", str(tmp_path / "labels.csv"), expect=2).stderr
    out = tmp_path / "mine.xlsx"
    run_cli("template", str(out), "--reference", str(small_ref_dir))
    names = [r[0] for r in openpyxl.load_workbook(out)["Strains"].iter_rows(values_only=True)]
    assert "Testibacillus exemplaris" in names
    run_cli("template", str(tmp_path / "bare.xlsx"), "--no-strains")
    assert "Strains" not in openpyxl.load_workbook(tmp_path / "bare.xlsx").sheetnames


# Dietitians: ranking a batch for one outcome.


def test_outcome_ranking_in_text(run_cli, labels: Path, small_ref_dir: Path) -> None:
    r = run_cli("check", str(labels), "--reference", str(small_ref_dir), "--outcome", "mood")
    tail = r.stdout[r.stdout.index("Products with strain-level evidence for Mood") :]
    rows = tail.splitlines()
    assert rows[2].split()[:3] == ["1", "Solo", "(Fixture"]
    assert "Duo Blend (the studied blend)" in rows[3]
    assert rows[-1] == "No strain-level evidence for mood: Plain"
    assert r.stderr.startswith("checked 3 products: 2 with strain-level evidence for mood")


def test_outcome_ranking_in_json_adds_one_key(run_cli, labels: Path, small_ref_dir: Path) -> None:
    ref = ("--reference", str(small_ref_dir), "--format", "json")
    plain = json.loads(run_cli("check", str(labels), *ref).stdout)
    ranked = json.loads(run_cli("check", str(labels), *ref, "--outcome", "anxiety").stdout)
    assert set(ranked) - set(plain) == {"ranking"}
    assert ranked["products"] == plain["products"]
    assert ranked["ranking"]["outcome"] == "anxiety"
    assert [(p["rank"], p["product"]) for p in ranked["ranking"]["products"]] == [
        (1, "Solo"),
        (None, "Duo"),
        (None, "Plain"),
    ]


def test_outcome_with_a_file_output_prints_the_table(
    run_cli, labels: Path, small_ref_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r.json"
    ref = ("--reference", str(small_ref_dir))
    r = run_cli("check", str(labels), *ref, "--outcome", "mood", "-o", str(out))
    assert r.stdout == "" and json.loads(out.read_text())["ranking"]["outcome"] == "mood"
    r = run_cli(
        "check", str(labels), *ref, "--outcome", "mood", "-f", "csv", "-o", str(tmp_path / "r.csv")
    )
    assert r.stdout.startswith("Products with strain-level evidence for Mood")


def test_unknown_outcome_is_a_usage_error_listing_the_valid_ones(
    run_cli, labels: Path, small_ref_dir: Path
) -> None:
    r = run_cli(
        "check", str(labels), "--reference", str(small_ref_dir), "--outcome", "calm", expect=2
    )
    assert "'calm'" in r.stderr and "anxiety, colic, mood" in r.stderr
    assert r.stdout == ""


def test_fail_on_no_evidence_considers_only_the_outcome(
    run_cli, tmp_path: Path, small_ref_dir: Path
) -> None:
    labels = tmp_path / "two.csv"
    labels.write_text(
        "product,strain\nSolo,Testibacillus exemplaris T1\n"
        'Duo,"Testibacillus exemplaris T2, Testibacillus secundus S9"\n',
        encoding="utf-8",
    )
    base = ("check", str(labels), "--reference", str(small_ref_dir), "--fail-on", "no-evidence")
    run_cli(*base, expect=0)  # both hold strain-level evidence for something
    run_cli(*base, "--outcome", "mood", expect=0)  # both for mood
    run_cli(*base, "--outcome", "anxiety", expect=1)  # Duo has none for anxiety


# Consumers: --open.


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    monkeypatch.setattr(click, "launch", lambda url, **_: calls.append(url) or 0)
    return calls


def test_open_launches_the_written_html(run_cli, tmp_path: Path, launched: list[str]) -> None:
    page = tmp_path / "report.html"
    run_cli("check", "--text", "L. reuteri DSM 17938", "-o", str(page), "--open")
    assert launched == [str(page)] and page.is_file()
    folder = tmp_path / "reports"
    run_cli("check", "--text", "L. reuteri DSM 17938", "-o", str(folder), "--open")
    assert launched[-1] == str(folder / "index.html") and (folder / "index.html").is_file()


def test_open_needs_an_html_file(run_cli, tmp_path: Path, launched: list[str]) -> None:
    r = run_cli("check", "--text", "LGG", "--open", expect=2)
    assert "-o FILE.html" in r.stderr
    run_cli("check", "--text", "LGG", "--open", "-o", str(tmp_path / "r.json"), expect=2)
    assert launched == [] and not (tmp_path / "r.json").exists()


def test_one_product_has_no_batch_summary(run_cli) -> None:
    assert run_cli("check", "--text", "LGG").stderr == ""


# Reviewers: diff and stats.


@pytest.fixture
def two_refs(tmp_path: Path) -> tuple[Path, Path]:
    old = write_reference(tmp_path / "old")
    tables = base_tables()
    next(f for f in tables["findings.csv"] if f["study_id"] == "beta2021")["effect"] = "benefit"
    new = write_reference(tmp_path / "new", tables)
    return old, new


def test_reference_diff_text(run_cli, two_refs: tuple[Path, Path]) -> None:
    old, new = two_refs
    out = run_cli("reference", "diff", str(old), str(new)).stdout
    assert "findings.csv: 0 added, 0 removed, 1 changed" in out
    assert (
        "Testibacillus exemplaris T1 [strain] anxiety: moderate (conflicting) -> high (supports)"
        in out
    )
    assert "effect: 'no-effect' -> 'benefit'" in out
    assert "bump it" in out  # the fixture keeps its version


def test_reference_diff_markdown_and_json(run_cli, two_refs: tuple[Path, Path]) -> None:
    old, new = two_refs
    md = run_cli("reference", "diff", str(old), str(new), "-f", "markdown").stdout
    cells = ("Testibacillus exemplaris T1", "strain", "anxiety", "moderate (conflicting)")
    assert "| " + " | ".join(cells) + " | high (supports) |" in md
    assert "### findings.csv" in md and "- **changed** `beta2021 / A / anxiety`" in md
    data = json.loads(run_cli("reference", "diff", str(old), str(new), "-f", "json").stdout)
    assert data["grade_changes"][0]["new"]["grade"] == "high"
    assert data["rows"][0]["key"] == {"study_id": "beta2021", "arm": "A", "outcome": "anxiety"}


def test_reference_diff_new_defaults_to_reference_option(
    run_cli, two_refs: tuple[Path, Path]
) -> None:
    old, new = two_refs
    out = run_cli("reference", "diff", str(old), "--reference", str(new)).stdout
    assert f"-> {new} (" in out
    r = run_cli("reference", "diff", str(old), str(new), "--reference", str(old), expect=2)
    assert "not both" in r.stderr


def test_reference_diff_bad_side(run_cli, two_refs: tuple[Path, Path], tmp_path: Path) -> None:
    r = run_cli("reference", "diff", str(tmp_path / "nothing-here"), str(two_refs[1]), expect=2)
    assert "neither a folder nor a git revision" in r.stderr and "Traceback" not in r.stderr


def test_reference_stats(run_cli, small_ref_dir: Path, tmp_path: Path) -> None:
    out = run_cli("reference", "stats", str(small_ref_dir)).stdout
    assert "Studies by design:" in out and "Reference 9.9.9" in out
    data = json.loads(
        run_cli("reference", "stats", "--reference", str(small_ref_dir), "-f", "json").stdout
    )
    assert data["totals"]["studies"] == 5
    shipped = json.loads(run_cli("reference", "stats", "-f", "json", "--oldest", "3").stdout)
    assert len(shipped["oldest_checked"]) == 3
    r = run_cli("reference", "stats", str(small_ref_dir), "--reference", str(tmp_path), expect=2)
    assert "not both" in r.stderr
    tables = base_tables()
    tables["studies.csv"][0]["design"] = "trial"
    broken = write_reference(tmp_path / "broken", tables)
    assert "reference check" in run_cli("reference", "stats", str(broken), expect=2).stderr


# The examples: fictional products, said so in the file, each with its report beside it.

EXAMPLES = Path(__file__).parents[2] / "examples"
BOOKS = sorted(p for p in EXAMPLES.glob("*.xlsx") if not p.name.endswith(".report.xlsx"))


def _generator():  # type: ignore[no-untyped-def]
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_examples", EXAMPLES / "make_examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_examples_are_many_and_say_they_are_fictional() -> None:
    assert len(BOOKS) >= 5
    for book in BOOKS:
        wb = openpyxl.load_workbook(book)
        assert "Fictional products" in wb["About"]["A1"].value, book.name
        assert "Fictional" in wb["Labels"]["A1"].comment.text, book.name


def test_committed_workbooks_are_what_the_generator_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from strainscore.labels import read_label

    gen = _generator()
    monkeypatch.setattr(gen, "HERE", tmp_path)
    assert sorted(gen.EXAMPLES) == [b.name for b in BOOKS]
    for book in BOOKS:
        fresh = read_label(gen.build(book.name, gen.EXAMPLES[book.name]))
        committed = read_label(book)
        strip = lambda s: [(ln.product, ln.strain_text, ln.claims) for ln in s.lines]  # noqa: E731
        assert strip(fresh) == strip(committed), book.name


@pytest.mark.parametrize("book", BOOKS, ids=[b.name for b in BOOKS])
def test_each_example_has_its_report(run_cli, book: Path) -> None:
    committed = json.loads(book.with_suffix(".report.json").read_text(encoding="utf-8"))
    assert committed["source"] == book.name
    assert book.with_suffix(".report.txt").is_file()
    fresh = json.loads(run_cli("check", str(book), "-f", "json").stdout)
    assert [p["product"] for p in committed["products"]] == [
        p["product"] for p in fresh["products"]
    ]
