"""``strainscore template``: write a ready-to-fill label workbook."""

from __future__ import annotations

from pathlib import Path

import click

from strainscore.cli import run
from strainscore.cli.options import debug_option, reference_option


@click.command()
@click.argument("output", type=click.Path(dir_okay=False, path_type=str))
@click.option("--force", is_flag=True, help="Replace a file that already exists.")
@click.option(
    "--no-strains",
    is_flag=True,
    help="Leave out the Strains sheet (the strains the reference knows, with their other names).",
)
@reference_option
@debug_option
def template(
    output: str, force: bool, no_strains: bool, reference: str | None, debug: bool
) -> None:
    """Write a label workbook (.xlsx) to fill in and check with 'strainscore check'.

    The Labels sheet has the columns strainscore reads (product, brand, strain,
    cfu_per_serving, servings_per_day, claims), a note on every header, a check that servings
    per day is a positive number, and two example rows of a fictional product. An Instructions
    sheet says how to fill it; a Strains sheet lists the strains the reference knows (from
    --reference, else the shipped reference).

    \b
    Example:
      strainscore template labels.xlsx
      strainscore check labels.xlsx -o report.html

    Exit codes: 0 written; 2 the file exists (use --force) or cannot be written.
    """
    from strainscore.workflows.template import write_template

    options = {"force": force, "strains": not no_strains, "reference": reference}
    run(write_template, Path(output), **options, debug=debug)
    click.echo(f"wrote {output}; fill it in, then run: strainscore check {output}", err=True)
