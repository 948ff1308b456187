"""``strainscore reference ...``: the reviewer's commands for the reference tables."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from strainscore.cli import run
from strainscore.cli.options import debug_option, format_option, reference_option

if TYPE_CHECKING:
    from strainscore.workflows.reference_diff import ReferenceDiff
    from strainscore.workflows.reference_stats import ReferenceStats


@click.group()
def reference() -> None:
    """Check and inspect the reference tables of strains, names and studies.

    The shipped reference is used unless a folder is given.

    \b
    Examples:
      strainscore reference check
      strainscore reference diff HEAD:reference reference --format markdown
      strainscore reference stats
    """


@reference.command("check")
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=str))
@format_option("text: one problem per line; json: for scripts.")
@click.option(
    "--warnings/--no-warnings",
    "show_warnings",
    default=True,
    show_default=True,
    help="Also list advice that does not fail the check: source pages that are not primary "
    "(PubMed, PMC, doi.org, a publisher, a registry) and strains with no search logged.",
)
@debug_option
def check_cmd(folder: str | None, fmt: str, show_warnings: bool, debug: bool) -> None:
    """Check a reference FOLDER (default: the shipped one) against every rule.

    Column rules (ids, DOI and PMID forms, years, sizes, vocabularies) and cross-table rules
    (every id resolves, no name points at two strains, no study twice, source_url present,
    searches and review links name real studies) are all checked; every problem is printed as
    file:line: column: message. Warnings (prefixed 'warning:') do not fail the check.

    Exit codes: 0 the reference passes (warnings or not); 2 it has problems.
    """
    from strainscore.reference import check_reference, check_warnings

    problems = run(check_reference, folder, debug=debug)
    warnings = run(check_warnings, folder, debug=debug) if show_warnings else []
    where = folder or "the shipped reference"
    if fmt == "json":
        doc = {"folder": where, "problems": [p.__dict__ for p in problems]}
        click.echo(json.dumps({**doc, "warnings": [w.__dict__ for w in warnings]}))
    else:
        for p in problems:
            click.echo(str(p))
        for w in warnings:
            click.echo(f"warning: {w}")
        tail = f" ({len(warnings)} warning(s))" if warnings else ""
        if problems:
            click.echo(f"{len(problems)} problem(s) in {where}{tail}", err=True)
        else:
            click.echo(f"{where}: all checks pass{tail}", err=True)
    sys.exit(2 if problems else 0)


@reference.command("diff")
@click.argument("old")
@click.argument("new", required=False)
@format_option("markdown pastes into a pull request or review; json is for scripts.", "text",
               "markdown", "json")  # fmt: skip
@reference_option
@debug_option
def diff_cmd(old: str, new: str | None, fmt: str, reference: str | None, debug: bool) -> None:
    """Show what changed between two references, and every grade that moves because of it.

    OLD and NEW are reference folders or git revisions of the reference folder of the repository
    you are in: 'HEAD', 'HEAD~1', 'v0.2.0' (the folder 'reference' in that revision) or
    'REV:path' for another folder. A folder of that name wins over a revision. NEW defaults to
    --reference, else the shipped reference (in a checkout: the working copy of reference/).

    Lists studies, findings and other rows added, removed and changed (field by field), then
    every strain x outcome and studied blend x outcome whose grade or direction differs, with
    the studies that came or went.

    \b
    Examples:
      strainscore reference diff HEAD:reference reference --format markdown
      strainscore reference diff HEAD~1 HEAD
      strainscore reference diff old-copy/ reference/

    Exit codes: 0 compared; 2 a side is neither a folder nor a git revision.
    """
    from strainscore.errors import UsageError
    from strainscore.formats.reference_format import diff_markdown, diff_text
    from strainscore.resources import reference_dir
    from strainscore.workflows.reference_diff import diff_references

    def compare() -> ReferenceDiff:
        if new and reference and new != reference:
            raise UsageError("give the new side as NEW or --reference, not both")
        return diff_references(old, new or reference or str(reference_dir()))

    result = run(compare, debug=debug)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    elif fmt == "markdown":
        click.echo(diff_markdown(result), nl=False)
    else:
        click.echo(diff_text(result), nl=False)


@reference.command("stats")
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=str))
@click.option(
    "--oldest",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    help="How many of the studies checked longest ago (checked_on) to list.",
)
@format_option("text for the terminal; json for scripts.")
@reference_option
@debug_option
def stats_cmd(
    folder: str | None, oldest: int, fmt: str, reference: str | None, debug: bool
) -> None:
    """Count what a reference FOLDER holds (default: --reference, else the shipped one).

    Studies by design, outcome (with findings by effect), strain (alone or in a blend) and
    year, and the studies whose source was checked longest ago: the next ones to re-check.

    Exit codes: 0 counted; 2 the folder does not pass its checks (run 'reference check').
    """
    from strainscore.errors import UsageError
    from strainscore.formats.reference_format import stats_text
    from strainscore.reference import load_reference
    from strainscore.workflows.reference_stats import reference_stats

    def count() -> ReferenceStats:
        if folder and reference and folder != reference:
            raise UsageError("give the folder as FOLDER or --reference, not both")
        return reference_stats(load_reference(folder or reference), oldest=oldest)

    st = run(count, debug=debug)
    if fmt == "json":
        click.echo(json.dumps(st.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(stats_text(st), nl=False)


@reference.command("site")
@click.option("-o", "--output", required=True, metavar="FOLDER", help="The folder to write.")
@click.option("--force", is_flag=True, help="Replace a folder that already exists.")
@reference_option
@debug_option
def site_cmd(output: str, force: bool, reference: str | None, debug: bool) -> None:
    """Write the evidence atlas: an offline site, a page per strain, blend, outcome, study."""
    from strainscore.formats.atlas_format import write_site
    from strainscore.workflows.atlas import build_atlas

    pages = run(lambda: write_site(build_atlas(reference), Path(output), force=force), debug=debug)
    click.echo(f"wrote {pages} pages of the evidence atlas to {output.rstrip('/')}/", err=True)
