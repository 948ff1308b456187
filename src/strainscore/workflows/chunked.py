"""A big label file checked part by part, each part's report handed on as soon as it is made.

``check_in_chunks`` reads the file with ``labels.chunks.read_label_chunks`` (parts of about
50,000 rows that end where a product ends), judges each part against one reference, resolving
each distinct strain text once for the whole file, and gives each part's ``Report`` to `write`
before reading the next part, so memory holds one part, whatever the file's size. The reports,
one after another, hold exactly the products a whole-file check gives, in the same order, with
the same verdicts and the same sheet rows.

When the file needs the whole-file reader (labels/chunks.py says when), or a product's rows are
not together in the file (whole-file checking groups a product's rows wherever they are), it
calls `restart` (the writer throws away what it wrote) and checks the file whole, handing on one
report. Either way it returns the counts the command's closing lines need.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol

from strainscore.models import Report, Resolution
from strainscore.reference import Reference, load_reference
from strainscore.workflows.ranking import without_strain_evidence

# Resolutions kept between parts; past this the memo starts again (each is a few hundred bytes).
RESOLVED_LIMIT = 200_000
SHOWN_MISSING = 5  # products without strain-level evidence named in the closing line


@dataclass
class BatchCounts:
    """What the closing lines of a check say, counted over every part."""

    products: int = 0
    missing: int = 0  # products without strain-level evidence
    missing_names: list[str] = field(default_factory=list)  # the first SHOWN_MISSING of them
    issues: int = 0
    has_errors: bool = False
    parts: int = 0  # reports handed on (1 when the file was checked whole)

    def add(self, report: Report) -> None:
        self.parts += 1
        self.products += len(report.products)
        missing = without_strain_evidence(report.products)
        self.missing += len(missing)
        room = SHOWN_MISSING - len(self.missing_names)
        self.missing_names.extend(p.product for p in missing[: max(room, 0)])
        self.issues += len(report.issues)
        self.has_errors = self.has_errors or report.has_errors


class PartWriter(Protocol):
    """Writes reports one after another into one file (formats.csv_format.CsvWriter)."""

    def write(self, report: Report) -> None: ...

    def restart(self) -> None: ...


def write_in_chunks(
    path: str | Path,
    out: Path,
    make_writer: Callable[[BinaryIO], PartWriter],
    *,
    force: bool = False,
    reference: Reference | str | Path | None = None,
    population: str | None = None,
    max_rows: int | None = None,
) -> BatchCounts:
    """Check `path` part by part into the file `out`, written whole or not at all (output.py).

    A file too small to be read in parts (or not a regular file) is checked first and written
    after, as a whole-file check does, so its problems are found in the same order (the label,
    the reference, then the output)."""
    from strainscore.labels.chunks import might_stream
    from strainscore.output import write_stream
    from strainscore.workflows.check import check_label

    counts: list[BatchCounts] = []
    if not might_stream(path):
        report = check_label(path, reference=reference, population=population, max_rows=max_rows)
        counts.append(BatchCounts())
        counts[0].add(report)
        write_stream(
            out, lambda fh: make_writer(fh).write(report), inputs=(Path(path),), force=force
        )
        return counts[0]

    def fill(fh: BinaryIO) -> None:
        writer = make_writer(fh)
        counts.append(
            check_in_chunks(
                path,
                write=writer.write,
                restart=writer.restart,
                reference=reference,
                population=population,
                max_rows=max_rows,
            )
        )

    write_stream(out, fill, inputs=(Path(path),), force=force)
    return counts[0]


class _Scattered(Exception):
    """A product's rows are in two parts: the file is checked whole instead."""


def check_in_chunks(
    path: str | Path,
    *,
    write: Callable[[Report], None],
    restart: Callable[[], None],
    reference: Reference | str | Path | None = None,
    population: str | None = None,
    max_rows: int | None = None,
    chunk_rows: int | None = None,
    min_bytes: int | None = None,
) -> BatchCounts:
    """Check `path` part by part, handing each part's report to `write` (see the module)."""
    from strainscore.labels.chunks import NotStreamable
    from strainscore.workflows.check import check_label

    ref = reference if isinstance(reference, Reference) else load_reference(reference)
    try:
        return _parts(path, write, ref, population, max_rows, chunk_rows, min_bytes)
    except (NotStreamable, _Scattered):
        restart()
    report = check_label(path, reference=ref, population=population, max_rows=max_rows)
    counts = BatchCounts()
    counts.add(report)
    write(report)
    return counts


def _parts(
    path: str | Path,
    write: Callable[[Report], None],
    ref: Reference,
    population: str | None,
    max_rows: int | None,
    chunk_rows: int | None,
    min_bytes: int | None,
) -> BatchCounts:
    from strainscore.labels.chunks import read_label_chunks
    from strainscore.workflows.check import check_sheet

    options: dict[str, int] = {}
    for name, value in (("max_rows", max_rows), ("chunk_rows", chunk_rows)):
        if value is not None:
            options[name] = value
    if min_bytes is not None:
        options["min_bytes"] = min_bytes
    counts = BatchCounts()
    earlier: set[int] = set()  # hashes of the (product, brand) of earlier parts
    resolved: dict[str, Resolution] = {}
    for sheet in read_label_chunks(path, **options):
        keys = {hash((ln.product, ln.brand)) for ln in sheet.lines}
        keys |= {hash((product, brand)) for product, brand, _ in sheet.left_out}
        if keys & earlier:
            raise _Scattered  # (a hash collision only costs the whole-file check)
        earlier |= keys
        if len(resolved) > RESOLVED_LIMIT:
            resolved.clear()
        report = check_sheet(sheet, reference=ref, population=population, resolved=resolved)
        counts.add(report)
        write(report)
    return counts
