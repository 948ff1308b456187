"""``strainscore lookup TEXT``: how one strain name resolves, and the studies held for it."""

from __future__ import annotations

import click

from strainscore.cli import run
from strainscore.cli.options import debug_option, format_option, reference_option


@click.command()
@click.argument("text")
@format_option("text for people, json for programs.")
@reference_option
@debug_option
def lookup(text: str, fmt: str, reference: str | None, debug: bool) -> None:
    """Show how one strain name reads and the studies the reference holds for it.

    \b
    Examples:
      strainscore lookup "Lactobacillus rhamnosus GG"
      strainscore lookup "BB-12®" --format json

    The match says how exact the name is: strain, species, genus or unknown. Only a strain match
    has evidence; studies of other strains of the same species never carry over.

    Exit codes: 0 looked up (whatever the match); 2 no text or an unusable reference folder.
    """
    from strainscore.errors import UsageError
    from strainscore.formats.lookup_format import render_json, render_text
    from strainscore.names import split_strains
    from strainscore.workflows.lookup import LookupResult
    from strainscore.workflows.lookup import lookup as look_up

    def _go() -> LookupResult:
        if not text.strip():
            raise UsageError("give the strain name to look up, e.g. 'L. rhamnosus GG'")
        return look_up(text, reference)

    result: LookupResult = run(_go, debug=debug)
    if len(split_strains(text)) > 1:
        click.echo(
            "strainscore: note: this text lists several strains; lookup reads it as one name. "
            'To check each, use: strainscore check --text "..."',
            err=True,
        )
    click.echo(render_json(result) if fmt == "json" else render_text(result))
