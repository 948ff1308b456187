"""Writing outputs whole or not at all, never over the user's input, never over the user's files.

Rules:

- An existing output is replaced only with ``--force``. A dangling symbolic link counts as
  existing. A new output is created exclusively: when two runs write the same new name, the second
  fails (``output-exists``) instead of silently replacing the first.
- The input is never written: an output that is the input file (the same file by any path, a
  symbolic link or a hard link to it, or standard input redirected from it) is refused, even with
  ``--force``.
- A folder output holds a manifest (``MANIFEST``) of the files strainscore wrote there. ``--force``
  replaces a folder only when every file in it is listed in its manifest; a non-empty folder without
  one, or with files strainscore did not write, is refused even with ``--force``. An empty folder is
  filled without ``--force``.
- Temporary files and folders are created beside the output with short names, and removed on any
  failure (a full disk, a file-size limit, an interrupt). The output gets the permissions the
  user's umask gives a new file (or folder).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from strainscore.errors import OutputError

MANIFEST = ".strainscore-manifest"
_MANIFEST_HEAD = "# strainscore report folder: --force replaces it while it holds only these files"
_TMP_PREFIX = ".strainscore-"


def guard_output(out: Path, *, inputs: tuple[Path, ...] = (), force: bool = False) -> None:
    """Refuse an output that is an input, that exists (without force), or has no folder."""
    shown = _shown(out)
    try:
        lst = os.lstat(out)
    except FileNotFoundError:
        lst = None
    except OSError as exc:
        raise unwritable(out, exc) from None
    if lst is not None:
        same = _same_as_input(out, inputs)
        if same is not None:
            raise OutputError(
                f"{shown}: is the input file {_shown(same)}; refusing to write the report over "
                "it (choose another name)",
                code="output-is-input",
            )
        if stat.S_ISLNK(lst.st_mode) and not out.exists() and not force:
            raise OutputError(
                f"{shown}: is a symbolic link to {_shown(out.readlink())}, which does not "
                "exist; add --force to replace the link",
                code="output-exists",
            )
        if (out.exists() and not _is_regular_or_folder(out)) or _is_system_path(out):
            raise OutputError(
                f"{shown}: is a device or pipe, not a file; leave out -o to write to standard "
                "output",
                code="output-not-regular",
            )
        if not force and not (out.is_dir() and not any(out.iterdir())):
            raise OutputError(
                f"{shown}: already exists; add --force to replace it", code="output-exists"
            )
    if not out.parent.is_dir():
        raise OutputError(
            f"{_shown(out.parent)}: folder does not exist", code="output-folder-missing"
        )


def write_file(
    out: Path, data: bytes, *, inputs: tuple[Path, ...] = (), force: bool = False
) -> None:
    """Write bytes to a temporary file beside `out`, then move it into place."""
    write_stream(out, lambda fh: fh.write(data), inputs=inputs, force=force)


def write_stream(
    out: Path,
    fill: Callable[[BinaryIO], object],
    *,
    inputs: tuple[Path, ...] = (),
    force: bool = False,
) -> None:
    """Let `fill` write into a temporary file beside `out`, then move it into place.

    A big report streams its rows straight to disk instead of holding them in memory; if
    `fill` fails half-way (or the disk fills, or the run is interrupted), the temporary file is
    removed and `out` is left as it was."""
    guard_output(out, inputs=inputs, force=force)
    if out.is_dir():
        raise OutputError(f"{_shown(out)}: is a folder; give a file name", code="output-is-folder")
    replace = os.path.lexists(out)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=_TMP_PREFIX, suffix=".tmp", dir=out.parent)
    except OSError as exc:
        raise unwritable(out, exc) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fill(fh)
        tmp.chmod(0o666 & ~_umask())
        if replace:
            tmp.replace(out)
        else:
            _place_new_file(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise unwritable(out, exc) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
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
    if os.path.lexists(out) and not out.is_dir():
        raise OutputError(
            f"{_shown(out)}: exists and is not a folder; give a folder name",
            code="output-not-folder",
        )
    if out.is_dir():
        for inp in inputs:
            if str(inp) != "-" and out.resolve() in inp.resolve().parents:
                raise OutputError(
                    f"{_shown(out)}: holds the input file; choose another folder",
                    code="output-is-input",
                )
        _check_ours(out, inputs)
    replacing = force and os.path.lexists(out)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=_TMP_PREFIX, dir=out.parent))
    except OSError as exc:
        raise unwritable(out, exc) from None
    old: Path | None = None
    try:
        fill(tmp)
        names = sorted(p.name for p in tmp.iterdir())
        (tmp / MANIFEST).write_text("\n".join([_MANIFEST_HEAD, *names]) + "\n", encoding="utf-8")
        mask = _umask()
        for p in tmp.iterdir():
            p.chmod(0o666 & ~mask)
        tmp.chmod(0o777 & ~mask)
        if replacing and out.is_dir() and any(out.iterdir()):
            _check_ours(out, inputs)  # again: it may have changed while the report was built
            old = Path(tempfile.mkdtemp(prefix=_TMP_PREFIX, dir=out.parent))
            out.replace(old / "old")  # set aside until the new one is in
        try:
            tmp.rename(out)  # fails if another run put a non-empty folder there meanwhile
        except OSError as exc:
            if old is not None:
                (old / "old").replace(out)
            if exc.errno in (errno.EEXIST, errno.ENOTEMPTY):
                raise OutputError(
                    f"{_shown(out)}: was created by another run while this one was writing; "
                    "nothing was replaced",
                    code="output-exists",
                ) from None
            raise
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise unwritable(out, exc) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and (old / "old").exists() and not os.path.lexists(out):
            (old / "old").replace(out)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def manifest_names(folder: Path) -> set[str] | None:
    """The file names strainscore listed in `folder`'s manifest; None when it has none."""
    try:
        text = (folder / MANIFEST).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if not text.startswith(_MANIFEST_HEAD):
        return None
    return {line for line in text.splitlines()[1:] if line} | {MANIFEST}


def unwritable(out: Path, exc: OSError) -> OutputError:
    """One clear line for an operating-system refusal to write `out`; nothing is left behind."""
    shown = _shown(out)
    reasons = {
        errno.EROFS: "the disk or folder is read-only",
        errno.EACCES: f"permission to write in {_shown(out.parent)} was refused",
        errno.EPERM: f"permission to write in {_shown(out.parent)} was refused",
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EFBIG: "the report is larger than the file-size limit allows",
        errno.ENAMETOOLONG: "the file name is too long for this file system",
        errno.ENOENT: f"the folder {_shown(out.parent)} does not exist",
        errno.ENOTDIR: f"{_shown(out.parent)} is not a folder",
    }
    reason = reasons.get(exc.errno or 0, exc.strerror or str(exc))
    return OutputError(
        f"{shown}: cannot be written: {reason}; nothing was written", code="output-unwritable"
    )


def _place_new_file(tmp: Path, out: Path) -> None:
    """Move `tmp` to `out` only if `out` still does not exist (a hard link is exclusive)."""
    try:
        out.hardlink_to(tmp)
    except FileExistsError:
        raise OutputError(
            f"{_shown(out)}: was created by another run while this one was writing; nothing "
            "was replaced",
            code="output-exists",
        ) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        # A file system without hard links: claim the name first, then move over the claim.
        try:
            os.close(os.open(out, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            raise OutputError(
                f"{_shown(out)}: was created by another run while this one was writing; "
                "nothing was replaced",
                code="output-exists",
            ) from None
        tmp.replace(out)
        return
    tmp.unlink()


def _check_ours(out: Path, inputs: tuple[Path, ...]) -> None:
    """A non-empty folder is replaced only when strainscore wrote everything in it."""
    present = {p.name for p in out.iterdir()}
    if not present:
        return
    ours = manifest_names(out)
    if ours is None:
        raise OutputError(
            f"{_shown(out)}: is a folder that strainscore did not write (it has no "
            f"{MANIFEST}); its files are kept and nothing was written, even with --force. "
            "Give a new or empty folder",
            code="output-folder-not-ours",
        )
    others = sorted(present - ours)
    if others:
        listed = ", ".join(_shown(Path(n)) for n in others[:5])
        more = f" and {len(others) - 5} more" if len(others) > 5 else ""
        raise OutputError(
            f"{_shown(out)}: holds files strainscore did not write ({listed}{more}); they are "
            "kept and nothing was written, even with --force. Move them, or give another folder",
            code="output-folder-not-ours",
        )
    for p in out.iterdir():
        if _same_as_input(p, inputs) is not None:
            raise OutputError(
                f"{_shown(out)}: holds the input file; choose another folder",
                code="output-is-input",
            )


def _same_as_input(out: Path, inputs: Iterable[Path]) -> Path | None:
    """The input `out` is the same file as (by any path or link), or None."""
    target = _identity(out)
    if target is None:
        return None
    for inp in inputs:
        if _identity(inp) == target:
            return inp
    return None


def _identity(p: Path) -> tuple[int, int] | None:
    try:
        st = os.fstat(0) if str(p) == "-" else p.stat()
    except (OSError, ValueError):
        return None
    if str(p) == "-" and not stat.S_ISREG(st.st_mode):
        return None  # a pipe or a terminal is not a file that could be overwritten
    return (st.st_dev, st.st_ino)


def _is_regular_or_folder(p: Path) -> bool:
    try:
        mode = p.stat().st_mode
    except OSError:
        return True
    return stat.S_ISREG(mode) or stat.S_ISDIR(mode)


def _is_system_path(p: Path) -> bool:
    """/dev/stdout, /proc/self/fd/1 and the like: never replaced by a file, even with --force."""
    try:
        resolved = p.resolve()
    except OSError:
        return False
    return resolved.parts[1:2] in (("dev",), ("proc",)) or p.absolute().parts[1:2] == ("dev",)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _shown(p: Path) -> str:
    from strainscore.text.clean import printable

    return "standard input" if str(p) == "-" else printable(str(p))


class Interrupted(BaseException):
    """A termination signal, raised where the process is so that temporary outputs are removed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        import signal

        self.name = signal.Signals(signum).name


@contextlib.contextmanager
def signals_as_exceptions() -> Iterator[None]:
    """SIGTERM and SIGHUP raise ``Interrupted`` (their default ends the process with no cleanup);
    SIGXFSZ is ignored so a file-size limit is an error on write, not a silent kill."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def _raise(signum: int, frame: object) -> None:
        raise Interrupted(signum)

    wanted = {signal.SIGTERM: _raise, signal.SIGHUP: _raise, signal.SIGXFSZ: signal.SIG_IGN}
    before = {s: signal.signal(s, h) for s, h in wanted.items()}  # type: ignore[arg-type]
    try:
        yield
    finally:
        for s, h in before.items():
            signal.signal(s, h)
