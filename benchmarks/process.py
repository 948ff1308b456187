"""Running one command as a measured process: wall time, peak memory, exit code, limits."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class Run:
    seconds: float
    peak_mb: float
    returncode: int
    stopped: str = ""  # "timeout" or "memory" when the watchdog stopped the process
    output_bytes: int = 0
    stderr_tail: str = ""


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def _group_rss_mb(pid: int) -> float:
    """Resident memory of `pid` and its children (GNU time and the command it runs)."""
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        kids = []
    return _rss_mb(pid) + sum(_rss_mb(int(k)) for k in kids)


def _maxrss_mb(usage: Any) -> float:
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    return float(usage.ru_maxrss) / (2**20 if sys.platform == "darwin" else 1024)


def gnu_time() -> str | None:
    """GNU time, when installed: it reports the peak memory of the command alone.

    Without it the peak comes from wait4's ru_maxrss, which on Linux also counts the pages the
    child shared with this runner before exec (a floor of this runner's own size).
    """
    path = shutil.which("time", path="/usr/bin:/bin")
    if path is None:
        return None
    probe = subprocess.run(
        [path, "-f", "%M", "-o", os.devnull, "true"], capture_output=True, check=False
    )
    return path if probe.returncode == 0 else None


GNU_TIME = gnu_time()


def measure(
    cmd: list[str],
    *,
    stdout: Path | None = None,
    timeout: float | None = None,
    memory_cap_mb: float | None = None,
) -> Run:
    """Run `cmd` once: wall time, peak resident memory, exit code.

    The command runs in its own process group under GNU time (when installed) so its peak memory
    is its own. A watchdog thread kills the group when the command passes `timeout` seconds or
    `memory_cap_mb`; the child is waited for without being reaped first, so the watchdog can
    never signal a process group that has gone and whose id was reused.
    """
    out = stdout.open("wb") if stdout else subprocess.DEVNULL
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile() as mem:
        full = [GNU_TIME, "-f", "%M", "-o", mem.name, *cmd] if GNU_TIME else cmd
        started = time.perf_counter()
        proc = subprocess.Popen(
            full, stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True
        )
        done = threading.Event()
        stopped: list[str] = []
        seen_mb = [0.0]  # the largest resident size the watchdog saw

        def watch() -> None:
            while not done.wait(0.05):
                reason = ""
                rss = _group_rss_mb(proc.pid)
                seen_mb[0] = max(seen_mb[0], rss)
                if timeout is not None and time.perf_counter() - started > timeout:
                    reason = "timeout"
                elif memory_cap_mb is not None and rss > memory_cap_mb:
                    reason = "memory"
                if reason:
                    stopped.append(reason)
                    os.killpg(proc.pid, signal.SIGKILL)
                    return

        watchdog = threading.Thread(target=watch, daemon=True)
        watchdog.start()
        os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)
        seconds = time.perf_counter() - started
        done.set()
        watchdog.join()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if stdout:
            out.close()  # type: ignore[union-attr]
        peak = _maxrss_mb(usage)
        reported = Path(mem.name).read_text().split()
        if GNU_TIME and reported and reported[-1].isdigit():
            peak = int(reported[-1]) / 1024
        elif stopped:  # GNU time was killed with the command: use what the watchdog saw
            peak = seen_mb[0]
        err.seek(0)
        tail = err.read().decode("utf-8", "replace").strip().splitlines()[-6:]
    if stopped and proc.returncode == 0:
        proc.returncode = -signal.SIGKILL
    return Run(
        round(seconds, 4),
        round(peak, 1),
        proc.returncode,
        stopped[0] if stopped else "",
        stderr_tail="\n".join(tail),
    )


def tree_bytes(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return 0


def import_times(cmd: list[str]) -> tuple[int, dict[str, int]]:
    """(exit code, module -> self import time in microseconds) of ``python -X importtime CMD``.

    `cmd` is what follows ``python``: a script and its arguments, or ``-c CODE``.
    """
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", *cmd], capture_output=True, text=True, check=False
    )
    times: dict[str, int] = {}
    for line in proc.stderr.splitlines():
        parts = line.split("|")
        if line.startswith("import time:") and len(parts) == 3:
            us = parts[0].split(":")[1].strip()
            if us.isdigit():
                times[parts[2].strip()] = int(us)
    return proc.returncode, times
