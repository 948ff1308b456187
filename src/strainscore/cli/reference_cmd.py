"""``strainscore reference ...``: the reviewer's commands for the reference tables."""

from __future__ import annotations

import json
import sys

import click

from strainscore.cli import run
from strainscore.cli.options import debug_option


@click.group()
def reference() -> None:
    """Check and inspect the reference tables of strains, names and studies.

    The shipped reference is used unless a folder is given.
    """


@reference.command("check")
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=str))
@click.option(
    "-f", "--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True
)
@debug_option
def check_cmd(folder: str | None, fmt: str, debug: bool) -> None:
    """Check a reference FOLDER (default: the shipped one) against every rule.

    Column rules (ids, DOI and PMID forms, years, sizes, vocabularies) and cross-table rules
    (every id resolves, no name points at two strains, no study twice, source_url present) are
    all checked; every problem is printed as file:line: column: message.

    Exit codes: 0 the reference passes; 2 it has problems.
    """
    from strainscore.reference import check_reference

    problems = run(check_reference, folder, debug=debug)
    where = folder or "the shipped reference"
    if fmt == "json":
        click.echo(json.dumps({"folder": where, "problems": [p.__dict__ for p in problems]}))
    else:
        for p in problems:
            click.echo(str(p))
        if problems:
            click.echo(f"{len(problems)} problem(s) in {where}", err=True)
        else:
            click.echo(f"{where}: all checks pass", err=True)
    sys.exit(2 if problems else 0)
