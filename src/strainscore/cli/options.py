"""Option bundles shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def reference_option(fn: F) -> F:
    return click.option(
        "--reference",
        "reference",
        type=click.Path(file_okay=False, path_type=str),
        default=None,
        help="Use this reference folder instead of the shipped one (e.g. a clinic copy).",
    )(fn)


def debug_option(fn: F) -> F:
    return click.option(
        "--debug", is_flag=True, help="Show the full traceback when something goes wrong."
    )(fn)


def format_option(help_text: str, *choices: str) -> Callable[[F], F]:
    """-f/--format with the given choices (default: the first), into the parameter `fmt`."""
    choices = choices or ("text", "json")

    def decorate(fn: F) -> F:
        return click.option(
            "-f",
            "--format",
            "fmt",
            type=click.Choice(choices),
            default=choices[0],
            show_default=True,
            help=help_text,
        )(fn)

    return decorate
