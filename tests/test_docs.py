"""The docs keep up with the code: every command and option documented, vocabularies in step."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from strainscore.cli import main
from strainscore.reference.schemas import (
    AGE_GROUPS,
    DESIGNS,
    EFFECTS,
    NAME_KINDS,
    ORGANISM_KINDS,
    OUTCOME_CATEGORIES,
    TABLES,
)

ROOT = Path(__file__).parents[1]
DOCS = ROOT / "docs"
CLI_MD = (DOCS / "cli.md").read_text(encoding="utf-8")


def commands(
    cmd: click.Command = main, path: str = "strainscore"
) -> Iterator[tuple[str, click.Command]]:
    """Every command in the tree, loading lazy groups as `strainscore --help` does."""
    yield path, cmd
    if isinstance(cmd, click.Group):
        ctx = click.Context(cmd, info_name=path)
        for name in cmd.list_commands(ctx):
            sub = cmd.get_command(ctx, name)
            assert sub is not None, f"{path} {name} is listed but does not load"
            yield from commands(sub, f"{path} {name}")


ALL = list(commands())


def test_the_tree_is_walked() -> None:
    paths = {p for p, _ in ALL}
    assert {"strainscore check", "strainscore reference diff", "strainscore template"} <= paths


@pytest.mark.parametrize(("path", "cmd"), ALL, ids=[p for p, _ in ALL])
def test_command_has_help_and_a_section(path: str, cmd: click.Command) -> None:
    assert (cmd.help or "").strip(), f"{path} has no help text"
    assert f"## {path}\n" in CLI_MD, f"docs/cli.md has no '## {path}' section"


@pytest.mark.parametrize(("path", "cmd"), ALL, ids=[p for p, _ in ALL])
def test_every_option_has_help_and_is_in_cli_md(path: str, cmd: click.Command) -> None:
    section = CLI_MD.split(f"## {path}\n", 1)[-1].split("\n## ", 1)[0]
    common = CLI_MD.split("\n## ", 1)[0]
    for param in cmd.params:
        if not isinstance(param, click.Option):
            continue
        assert (param.help or "").strip(), f"{path} {param.opts} has no help text"
        for name in param.opts + param.secondary_opts:
            if name.startswith("--"):
                assert f"`{name}" in section or f"`{name}" in common, (
                    f"{path} {name} is not in its section of docs/cli.md"
                )


def _links(text: str) -> list[str]:
    return [t for t in re.findall(r"\]\(([^)#\s]+)", text) if "://" not in t]


def test_links_between_docs_resolve() -> None:
    pages = [*DOCS.glob("*.md"), ROOT / "CONTRIBUTING.md", ROOT / "README.md"]
    broken = [
        f"{page.name} -> {target}"
        for page in pages
        for target in _links(page.read_text(encoding="utf-8"))
        if not (page.parent / target).exists()
    ]
    assert broken == []


def test_the_guides_and_faq_exist_and_link_to_the_method() -> None:
    for name in ("guide-consumer.md", "guide-dietitian.md", "guide-reviewer.md", "faq.md"):
        text = (DOCS / name).read_text(encoding="utf-8")
        assert "grading.md" in text, name


REF_DOC = (DOCS / "reference-data.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("fname", list(TABLES))
def test_reference_data_documents_every_column(fname: str) -> None:
    section = REF_DOC.split(f"## {fname}\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.M)
    assert rows == list(TABLES[fname].columns)


@pytest.mark.parametrize(
    "words", [DESIGNS, EFFECTS, AGE_GROUPS, NAME_KINDS, OUTCOME_CATEGORIES, ORGANISM_KINDS]
)
def test_reference_data_lists_each_vocabulary_in_full(words: tuple[str, ...]) -> None:
    assert ", ".join(f"`{w}`" for w in words) in REF_DOC


def test_readmes_name_no_machine_paths() -> None:
    root = Path(__file__).parents[1]
    for name in ("benchmarks/README.md", "tests/golden/README.md", "README.md", "CONTRIBUTING.md"):
        text = (root / name).read_text(encoding="utf-8")
        found = re.findall(r"(?<![\w.])/(?:work|tmp|home|Users|root)/\S*", text)
        assert not found, f"{name}: {found}"


def test_ci_gates_coverage_at_95_percent() -> None:
    import tomllib

    root = Path(__file__).parents[1]
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    gate = re.search(r"--cov-fail-under=(\d+)", ci)
    assert gate and int(gate.group(1)) >= 95
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert any(
        d.startswith("pytest-cov") for d in project["project"]["optional-dependencies"]["test"]
    )


def test_example_reports_are_marked_generated() -> None:
    from fnmatch import fnmatch

    root = Path(__file__).parents[1]
    rules = [
        line.split()[0]
        for line in (root / ".gitattributes").read_text(encoding="utf-8").splitlines()
        if "linguist-generated=true" in line
    ]
    reports = sorted((root / "examples").glob("*.report.*"))
    assert reports
    for report in reports:
        assert any(fnmatch(f"examples/{report.name}", rule) for rule in rules), report
    assert not any(fnmatch("examples/gut-labels.xlsx", rule) for rule in rules)
