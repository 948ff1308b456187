"""Writing outputs whole or not at all, and never over the user's input.

Rule for existing outputs: they are replaced only with ``--force`` (a report made earlier is not
recognised by content: one simple rule is easier to trust than a guess).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from strainscore.errors import OutputError


def guard_output(out: Path, *, inputs: tuple[Path, ...] = (), force: bool = False) -> None:
    """Refuse an output that is an input, or that exists (without force), or has no folder."""
    for inp in inputs:
        if out.resolve() == inp.resolve():
            raise OutputError(f"{out}: refusing to write the report over the input file")
    if out.exists() and not force:
        raise OutputError(f"{out}: already exists; add --force to replace it", code="output-exists")
    if not out.parent.is_dir():
        raise OutputError(f"{out.parent}: folder does not exist", code="output-folder-missing")


def write_file(
    out: Path, data: bytes, *, inputs: tuple[Path, ...] = (), force: bool = False
) -> None:
    """Write bytes to a temporary file beside `out`, then rename it into place."""
    write_stream(out, lambda fh: fh.write(data), inputs=inputs, force=force)


def write_stream(
    out: Path,
    fill: Callable[[BinaryIO], object],
    *,
    inputs: tuple[Path, ...] = (),
    force: bool = False,
) -> None:
    """Let `fill` write into a temporary file beside `out`, then rename it into place.

    A big report streams its rows straight to disk instead of holding them in memory; if
    `fill` fails half-way, the temporary file is removed and `out` is left as it was."""
    guard_output(out, inputs=inputs, force=force)
    if out.is_dir():
        raise OutputError(f"{out}: is a folder; give a file name", code="output-is-folder")
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fill(fh)
        Path(tmp).replace(out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_folder(
    out: Path,
    fill: Callable[[Path], None],
    *,
    inputs: tuple[Path, ...] = (),
    force: bool = False,
) -> None:
    """Build a folder of files in a temporary folder beside `out`, then move it into place."""
    guard_output(out, inputs=inputs, force=force)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder", code="output-not-folder")
    for inp in inputs:
        if out.resolve() in inp.resolve().parents:
            raise OutputError(f"{out}: holds the input file; choose another folder")
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        fill(tmp)
        if out.exists():
            old = out.with_name(f".{out.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            out.replace(old)
            Path(tmp).replace(out)
            shutil.rmtree(old, ignore_errors=True)
        else:
            Path(tmp).replace(out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
