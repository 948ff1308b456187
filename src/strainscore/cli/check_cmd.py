"""``strainscore check``: options -> core call -> format -> write -> exit code."""

from __future__ import annotations

import gc
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from strainscore.cli import run
from strainscore.cli.options import debug_option, reference_option
from strainscore.formats import CSV_SHAPES, FORMATS, Format
from strainscore.reference.vocab import POPULATIONS

FAIL_ON = ("no-evidence", "issues")
_RUN = "label text dsld claims sheet population reference max_rows"  # what run_check takes


@dataclass(frozen=True)
class CheckOptions:
    label: str | None
    text: str | None
    claims: str
    output: str | None
    fmt: str | None
    sheet: str | None
    population: str | None
    reference: str | None
    max_rows: int | None
    strict: bool
    fail_on: tuple[str, ...]
    force: bool
    outcome: str | None = None
    open_report: bool = False
    dsld: tuple[str, ...] = ()
    csv_shape: str = CSV_SHAPES[0]


_CHECK_OPTIONS = (
    click.argument("label", required=False, type=str),
    click.option(
        "--text",
        "text",
        metavar="LIST",
        help="Check a pasted ingredient list as one product (counts as printed; fillers set "
        'aside), e.g. "L. rhamnosus GG 10 billion CFU, B. lactis BB-12".',
    ),
    click.option("--claims", default="", metavar="TEXT", help="With --text: the label's claims."),
    click.option("--dsld", multiple=True, metavar="ID", help="Check DSLD label ID (repeatable)."),
    click.option(
        "-o",
        "--output",
        metavar="PATH",
        help="Write here (a file, or a folder for HTML with many products). Default: stdout.",
    ),
    click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(tuple(FORMATS)),
        help="Output format. Default: from the -o suffix (.html .json .csv .xlsx .pdf), else text.",
    ),
    click.option(
        "--sheet", metavar="NAME|N", help="Workbook sheet to read (name or number from 1)."
    ),
    click.option(
        "--population",
        type=click.Choice(POPULATIONS),
        help="Who will take the product; evidence from other age groups is rated down.",
    ),
    click.option(
        "--max-rows", type=click.IntRange(min=1), help="Refuse files with more data rows than this."
    ),
    click.option("--strict", is_flag=True, help="Stop (exit 2) if any row has a problem."),
    click.option(
        "--fail-on",
        type=click.Choice(FAIL_ON),
        multiple=True,
        help="Exit 1 when a product has no strain-level evidence (no-evidence) or the input had "
        "problems (issues). For screening lists in scripts.",
    ),
    click.option("--force", is_flag=True, help="Replace an output that already exists."),
    click.option(
        "--outcome",
        metavar="ID",
        help="Rank the products by their strain-level evidence for this outcome (an id from "
        "reference/outcomes.csv, e.g. anxiety): a table on stdout, or a 'ranking' key in JSON. "
        "With --fail-on no-evidence, only this outcome counts.",
    ),
    click.option("--open", "open_report", is_flag=True, help="Open the HTML report written (-o)."),
    click.option(
        "--csv-shape",
        type=click.Choice(CSV_SHAPES),
        default=CSV_SHAPES[0],
        show_default=True,
        help="CSV rows: one per label line and body of evidence, or one per label line (lines: "
        "a quarter of the bytes, for big files).",
    ),
)


def check_options(fn: Any) -> Any:
    """The options of `check`, in the order --help lists them."""
    for option in reversed(_CHECK_OPTIONS):
        fn = option(fn)
    return fn


@click.command()
@check_options
@reference_option
@debug_option
def check(debug: bool, **kwargs: Any) -> None:
    """Check the strains on probiotic labels against strain-specific evidence.

    LABEL is a .xlsx or .csv sheet with one row per strain per product (columns 'product' and
    'strain'; optional 'brand', 'cfu_per_serving', 'servings_per_day', 'claims'), or '-' for
    standard input; or DSLD label records (.json or a folder). Or give --text with the strains
    from a bottle, or --dsld with DSLD label numbers.

    \b
    Examples:
      strainscore check --text "Lactobacillus rhamnosus HN001, B. lactis HN019"
      strainscore check labels.xlsx -o report.html
      strainscore check catalogue.xlsx -o reports/ --format html
      strainscore check labels.csv --format json > result.json
      strainscore check catalogue.xlsx --outcome anxiety -o reports/ --open
      strainscore check --dsld 264116 -o report.html

    Exit codes: 0 checked; 1 a --fail-on condition was met; 2 unusable input or options;
    3 internal error (a bug: please report it).
    """
    opts = CheckOptions(**kwargs)
    # The cyclic GC only rescans a check's millions of live objects (a third of a catalogue
    # run): paused for this run only, so a Python caller of this command gets it back.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        code = run(execute, opts, debug=debug)
    finally:
        if was_enabled:
            gc.enable()
    sys.exit(code)


def execute(opts: CheckOptions) -> int:
    """Run one check as the options say; returns the exit code."""
    from strainscore.errors import EXIT_BAD_INPUT, UsageError
    from strainscore.formats import format_for
    from strainscore.formats.ranking_format import batch_summary
    from strainscore.workflows.check import run_check
    from strainscore.workflows.ranking import lacks_evidence

    fmt = format_for(opts.fmt, opts.output)
    if fmt.binary and not opts.output:
        raise UsageError(f"--format {fmt.name} needs -o FILE{fmt.suffixes[0]} (it is not text)")
    fmt.preflight()  # the PDF's optional extra: say how to add it before checking anything
    if opts.open_report and not (fmt.folder and opts.output):
        raise UsageError("--open needs an HTML report written to a file: -o FILE.html or -o FOLDER")
    parts = fmt.name == "csv" and opts.output and opts.label not in (None, "-")
    if parts and not opts.strict and opts.outcome is None:  # a big file: read, checked in parts
        return _csv_in_parts(opts)
    progress, names = _progress_bar() if opts.label else None, _RUN.split()
    run_ = run_check(**_core(opts, *names), outcome=opts.outcome, on_progress=progress)
    report = run_.report
    if opts.strict and report.has_errors:
        _echo_issues(report)
        click.echo("strainscore: stopped: the input has problems (--strict)", err=True)
        return EXIT_BAD_INPUT
    fmt.refuse_too_big(opts.output, len(report.products))
    _write(report, fmt, opts, run_.ranking)
    if opts.label is not None and len(report.products) > 1:
        click.echo(batch_summary(report, opts.outcome), err=True)
    return _exit(opts, bool(report.issues), bool(lacks_evidence(report, opts.outcome)))


def _core(opts: CheckOptions, *names: str) -> dict[str, Any]:
    return {name: getattr(opts, name) for name in names}


def _exit(opts: CheckOptions, issues: bool, no_evidence: bool) -> int:
    from strainscore.errors import EXIT_FINDINGS, EXIT_OK

    found = ("issues" in opts.fail_on and issues) or ("no-evidence" in opts.fail_on and no_evidence)
    return EXIT_FINDINGS if found else EXIT_OK


def _write(report: Any, fmt: Format, opts: CheckOptions, ranking: dict[str, Any] | None) -> None:
    from strainscore.formats.ranking_format import add_ranking, ranking_text
    from strainscore.output import write_folder, write_stream

    inputs = (Path(opts.label),) if opts.label else ()  # never overwritten

    def data() -> bytes:
        out = fmt.render(report)
        return add_ranking(out, ranking) if ranking and fmt.name == "json" else out

    # JSON carries the ranking inside; every other format gets it as a table on stdout.
    table = ranking_text(ranking) if ranking and fmt.name != "json" else ""
    options = {"shape": opts.csv_shape} if fmt.name == "csv" else {}
    stream = None if ranking and fmt.name == "json" else fmt.writer(**options)
    put = stream or (lambda report, fh: fh.write(data()))  # streamed, or rendered whole
    if opts.output is None:
        put(report, sys.stdout.buffer)
        sys.stdout.flush()
        if table:
            click.echo("\n" + table, nl=False)
        return
    out = Path(opts.output)
    as_folder = fmt.to_folder(opts.output)
    if as_folder:
        write_folder(out, lambda tmp: fmt.fill_folder(report, tmp), inputs=inputs, force=opts.force)
        click.echo(f"wrote {len(report.products)} product pages and index.html to {out}/", err=True)
    else:
        write_stream(out, lambda fh: put(report, fh), inputs=inputs, force=opts.force)
        click.echo(f"wrote {out}", err=True)
    if report.issues:
        click.echo(f"{len(report.issues)} input problem(s) are listed in the report", err=True)
    if table:
        click.echo(table, nl=False)
    if opts.open_report:
        click.launch(str(out / "index.html" if as_folder else out))


def _csv_in_parts(opts: CheckOptions) -> int:
    from strainscore.formats.csv_format import CsvWriter
    from strainscore.formats.ranking_format import summary_line
    from strainscore.workflows.chunked import write_in_chunks

    out, core = Path(str(opts.output)), _core(opts, "force", "reference", "population", "max_rows")
    n = write_in_chunks(str(opts.label), out, lambda fh: CsvWriter(fh, opts.csv_shape), **core)
    problems = f"\n{n.issues} input problem(s) are listed in the report" if n.issues else ""
    click.echo(f"wrote {out}{problems}", err=True)
    if n.products > 1:
        click.echo(summary_line(n.products, n.missing, n.missing_names, n.issues), err=True)
    return _exit(opts, n.issues > 0, n.missing > 0)


def _echo_issues(report: Any) -> None:
    from strainscore.text.clean import printable

    for issue in report.issues:
        click.echo(printable(f"{issue.location}: {issue.message} [{issue.code}]"), err=True)


def _progress_bar() -> Any:
    """A progress callback drawing click's bar on stderr, only on a terminal and for batches."""
    if not sys.stderr.isatty():
        return None
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if total < 20:
            return
        bar = state.get("bar")
        if bar is None:
            bar = state["bar"] = click.progressbar(
                length=total, label="Checking products", file=sys.stderr
            )
            bar.__enter__()
        bar.update(1)
        if done == total:
            bar.__exit__(None, None, None)

    return update
