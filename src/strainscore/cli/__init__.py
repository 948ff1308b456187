"""The ``strainscore`` command: a thin click layer over the importable core.

Each command lives in its own module and is imported only when used, so ``strainscore --help``
and ``--version`` load no pandas, pandera, openpyxl or jinja2.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from strainscore import __version__

# command name -> "module:attribute"; modules import heavy libraries inside their functions.
COMMANDS = {
    "check": "strainscore.cli.check_cmd:check",
    "lookup": "strainscore.cli.lookup_cmd:lookup",
    "reference": "strainscore.cli.reference_cmd:reference",
    "template": "strainscore.cli.template_cmd:template",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self._load(cmd_name)

    @staticmethod
    def _load(name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        command: click.Command = getattr(importlib.import_module(module_name), attr)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="strainscore")
def main() -> None:
    """Check the strains on a probiotic label against verified, strain-specific evidence.

    \b
    Consumers, one bottle in hand:
      strainscore check --text "L. rhamnosus GG, B. lactis BB-12"
      strainscore lookup "Lactobacillus rhamnosus HN001"
    Dietitians, a spreadsheet of labels (one row per strain per product):
      strainscore check labels.xlsx -o reports/
    Reviewers of the reference table:
      strainscore reference check

    Evidence is strain-specific: a study of one strain says nothing about another strain of the
    same species. This is not medical advice.
    """


def run(fn: Any, *args: Any, debug: bool = False, **kwargs: Any) -> Any:
    """Call the core; turn known errors into a message and exit code, never a traceback."""
    from strainscore.errors import EXIT_INTERNAL, StrainscoreError, all_codes
    from strainscore.output import Interrupted, signals_as_exceptions
    from strainscore.text.clean import printable

    try:
        with signals_as_exceptions():
            return fn(*args, **kwargs)
    except StrainscoreError as exc:
        if debug:
            raise
        code = f" [{exc.code}]" if exc.code in {c.code for c in all_codes()} else ""
        click.echo(f"strainscore: error: {printable(exc.message)}{code}", err=True)
        raise SystemExit(exc.exit_code) from None
    except Interrupted as exc:
        click.echo(f"strainscore: stopped by {exc.name}; no output was left behind", err=True)
        raise SystemExit(128 + exc.signum) from None
    except KeyboardInterrupt:
        click.echo("strainscore: stopped by SIGINT; no output was left behind", err=True)
        raise SystemExit(130) from None
    except (click.exceptions.Exit, click.ClickException):
        raise
    except Exception as exc:
        if debug:
            raise
        click.echo(
            f"strainscore: internal error: {type(exc).__name__}: {printable(str(exc))}\n"
            "This is a bug in strainscore; please report it with the command you ran "
            "(run again with --debug for details).",
            err=True,
        )
        raise SystemExit(EXIT_INTERNAL) from None


def entry() -> None:
    """The console script: run ``main``, flush, and leave without tearing the interpreter down.

    By the time a command returns, its output is written (files atomically, streams flushed
    here). Freeing every module and every object of a big report one by one at exit only costs
    time: a tenth of a second for one bottle, more for a catalogue, so the process ends at once.
    Under a profiler, a tracer or coverage the normal exit runs, so they still save their data."""
    import os
    import sys

    try:
        main()
        code: Any = 0
    except SystemExit as exc:
        code = exc.code
    if sys.getprofile() or sys.gettrace() or "coverage" in sys.modules:
        sys.exit(code)
    code = 0 if code is None else code
    if not isinstance(code, int):  # sys.exit("message") prints the message, exit status 1
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (| head) or a closed stream
            code = code or 1
    os._exit(code)
