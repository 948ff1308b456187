"""The console script as a real process: ``entry`` skips interpreter teardown (os._exit), so
it must still flush everything and keep every exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).parents[2] / "examples"


def strainscore(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    code = "import sys; from strainscore.cli import entry; sys.argv[0] = 'strainscore'; entry()"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=120,
    )


def test_big_stdout_arrives_whole_and_exit_0(tmp_path: Path) -> None:
    label = next(EXAMPLE.glob("*.xlsx"))
    proc = strainscore("check", str(label), "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)  # the whole document arrived
    assert data["products"]


@pytest.mark.parametrize("suffix", [".json", ".csv", ".txt"])  # streamed and whole formats
def test_file_output_is_complete_before_exit(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"r{suffix}"
    proc = strainscore("check", "--text", "L. rhamnosus GG", "-o", str(out), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    if suffix == ".json":
        assert json.loads(text)["products"]
    else:
        assert "rhamnosus" in text
    assert f"wrote {out}" in proc.stderr


@pytest.mark.parametrize(
    ("args", "code", "stderr"),
    [
        (("check", "missing.xlsx"), 2, "does not exist"),
        (("check", "--text", "Bacillus nonsensicus", "--fail-on", "no-evidence"), 1, ""),
        (("no-such-command",), 2, "No such command"),
        (("--version",), 0, ""),
    ],
)
def test_exit_codes_survive(tmp_path: Path, args: tuple[str, ...], code: int, stderr: str) -> None:
    proc = strainscore(*args, cwd=tmp_path)
    assert proc.returncode == code, proc.stderr
    assert stderr in proc.stderr
    assert "Traceback" not in proc.stderr
