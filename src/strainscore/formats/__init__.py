"""Output formats. Each module renders a ``Report``; none reads files or knows about click.

``FORMATS`` is the one registry: the CLI offers its names as choices, infers a format from an
output suffix with ``format_for``, and renders through ``Format.render`` (or streams through
``Format.writer`` when the format can write as it goes, so a huge report is never held whole).
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import BinaryIO

from strainscore.models import Report


@dataclass(frozen=True)
class Format:
    """One output format: its module has ``render(report) -> bytes`` (and maybe ``write``)."""

    name: str
    module: str
    suffixes: tuple[str, ...]
    streams: bool = False  # the module has write(report, fh), writing as it goes
    binary: bool = False  # not text: needs an output file, never stdout
    folder: bool = False  # can fill a folder (index + one page per product)

    def _load(self) -> ModuleType:
        return importlib.import_module(self.module)

    def render(self, report: Report) -> bytes:
        """The report in this format, as bytes ready to write."""
        fn: Callable[[Report], bytes] = self._load().render
        return fn(report)

    def writer(self, **options: str) -> Callable[[Report, BinaryIO], None] | None:
        """The streaming writer, or None when the format renders whole; `options` are the
        writer's (the CSV's shape)."""
        if not self.streams:
            return None
        fn: Callable[..., None] = self._load().write
        return functools.partial(fn, **options) if options else fn

    def to_folder(self, output: str | None) -> bool:
        """Whether ``-o output`` makes a folder of pages: a folder format, to a folder or a
        name without a suffix."""
        return (
            self.folder
            and output is not None
            and (Path(output).is_dir() or not Path(output).suffix)
        )

    def preflight(self) -> None:
        """What the format needs before anything is checked: the PDF's optional extra (exit 2
        with how to add it)."""
        if self.name == "pdf":
            self._load().weasyprint()

    def refuse_too_big(self, output: str | None, products: int) -> None:
        """One HTML or PDF file holds at most ``html_format.ONE_PAGE_MAX`` products (exit 2)."""
        if self.name in ("html", "pdf") and not self.to_folder(output):
            from strainscore.formats.html_format import refuse_one_file

            refuse_one_file(products, self.name)

    def fill_folder(self, report: Report, folder: Path) -> None:
        """Write the report as a folder of pages (only for a ``folder`` format)."""
        fn: Callable[[Report, Path], None] = self._load().fill_folder
        fn(report, folder)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("text", "strainscore.formats.text_format", (".txt",)),
        Format("json", "strainscore.formats.json_format", (".json",), streams=True),
        Format("html", "strainscore.formats.html_format", (".html", ".htm"), folder=True),
        Format("csv", "strainscore.formats.csv_format", (".csv",), streams=True),
        Format("xlsx", "strainscore.formats.xlsx_format", (".xlsx",), binary=True),
        Format("pdf", "strainscore.formats.pdf_format", (".pdf",), binary=True),
    )
}
SUFFIXES = {suffix: f.name for f in FORMATS.values() for suffix in f.suffixes}
# The CSV's shapes (csv_format): per line and body of evidence (the default), or per label line.
CSV_SHAPES = ("evidence", "lines")


def format_for(fmt: str | None, output: str | None) -> Format:
    """The format asked for; else the one the output's suffix names; else html to a path, text."""
    if fmt is None and output is not None:
        suffix = Path(output).suffix.lower()
        unknown = suffix and suffix not in SUFFIXES
        if unknown and not Path(output).is_dir():
            from strainscore.errors import UsageError

            known = " ".join(sorted(SUFFIXES))
            raise UsageError(
                f"-o {output}: the suffix {suffix!r} names no format strainscore writes "
                f"({known}); give one of those, a folder name, or --format",
                code="unknown-output-suffix",
            )
        fmt = SUFFIXES.get(suffix, "html")
    return FORMATS[fmt or "text"]


def render(report: Report, fmt: str) -> bytes:
    """The report in one format, as bytes ready to write."""
    return FORMATS[fmt].render(report)
