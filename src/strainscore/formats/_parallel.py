"""Work split over the machine's cores: forked processes that share the parent's memory.

A folder of 10,000 report pages is 10,000 independent renders. ``in_parts`` splits the items into
one contiguous part per core (at least ``MIN_PER_PART`` items each, so a small batch stays in one
process), forks a child per part but the first, does the first part itself, and waits for every
child. A fork copies nothing up front and the report is never pickled: each child reads the
parent's objects and writes its files, then leaves with ``os._exit``. A child that fails, or is
killed, makes ``in_parts`` raise in the parent after every other child has stopped, so the caller
(``output.write_folder``) removes the unfinished folder as for any other failure; an interrupt in
the parent stops the children. Where fork is not the platform's way (Windows, macOS), or the
process has threads, or ``STRAINSCORE_WORKERS=1``, the parts run one after another here.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
MIN_PER_PART = 200  # items below which another process costs more than it saves (~2 ms each)


class WorkerFailed(RuntimeError):
    """A child process did not finish its part."""


def workers(items: int) -> int:
    """How many processes share `items`: one per usable core, each with MIN_PER_PART or more."""
    wanted = os.environ.get("STRAINSCORE_WORKERS", "").strip()
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    if wanted.isdigit() and int(wanted) > 0:
        cores = int(wanted)
    if not _can_fork():
        return 1
    return max(1, min(cores, items // MIN_PER_PART))


def _can_fork() -> bool:
    return sys.platform.startswith("linux") and threading.active_count() == 1


def split(items: Sequence[T], parts: int) -> list[Sequence[T]]:
    """`items` in `parts` contiguous slices of nearly equal length, in order."""
    size, extra = divmod(len(items), parts)
    out, start = [], 0
    for i in range(parts):
        end = start + size + (1 if i < extra else 0)
        out.append(items[start:end])
        start = end
    return out


def in_parts(work: Callable[[Sequence[T]], None], items: Sequence[T]) -> None:
    """Run `work` over `items`, split over forked processes when that pays (see the module)."""
    n = workers(len(items))
    if n == 1:
        work(items)
        return
    parts = split(items, n)
    children: list[int] = []
    try:
        for part in parts[1:]:
            children.append(_fork(work, part))
        work(parts[0])
    except BaseException:
        _stop(children)
        raise
    _wait(children)


def _fork(work: Callable[[Sequence[T]], None], part: Sequence[T]) -> int:
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:  # the child: its part, then out without running the parent's cleanup
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
        work(part)
        code = 0
    except BaseException:
        traceback.print_exc(file=sys.stderr)
        sys.stderr.flush()
    finally:
        os._exit(code)


def _wait(children: list[int]) -> None:
    failed = 0
    try:
        for pid in children:
            _, status = os.waitpid(pid, 0)
            if os.waitstatus_to_exitcode(status) != 0:
                failed += 1
    except BaseException:
        _stop(children)
        raise
    if failed:
        raise WorkerFailed(f"{failed} of {len(children) + 1} processes writing the pages failed")


def _stop(children: list[int]) -> None:
    for pid in children:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    for pid in children:
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
