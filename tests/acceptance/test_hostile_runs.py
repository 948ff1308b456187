"""The hostile-run corpus (tests/data/bad_inputs/cli_cases.*): every case gives its exit code,
one clear line (no traceback, no 'internal error', no control character) and loses nothing."""

from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from strainscore.errors import all_codes

CASES_DIR = Path(__file__).resolve().parents[1] / "data" / "bad_inputs"


def _module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cli_cases", CASES_DIR / "cli_cases.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["cli_cases"] = module
    spec.loader.exec_module(module)
    return module


CLI = _module()
with (CASES_DIR / "cli_cases.csv").open(newline="", encoding="utf-8") as f:
    MANIFEST = list(csv.DictReader(f))


def test_manifest_and_cases_agree() -> None:
    listed = [row["case"] for row in MANIFEST]
    assert len(listed) == len(set(listed))
    assert set(listed) == set(CLI.CASES)
    codes = {c.code for c in all_codes()}
    assert {row["code"] for row in MANIFEST if row["code"]} <= codes


_ENTRY = """
import sys
sys.argv = ["strainscore", *sys.argv[1:]]
from strainscore.cli import entry
entry()
"""


def _run_process(run, cwd: Path) -> tuple[int, str, str]:
    exe = [str(Path(sys.executable).with_name("strainscore"))]
    if run.prelude:
        exe = [sys.executable, "-c", run.prelude + "\n" + _ENTRY]
    stdin = run.stdin.open("rb") if run.stdin else subprocess.DEVNULL
    try:
        done = subprocess.run(
            [*exe, *run.args],
            stdin=stdin,
            capture_output=True,
            cwd=cwd,
            preexec_fn=run.preexec,
            timeout=120,
            check=False,
        )
    finally:
        if run.stdin:
            stdin.close()
    return done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode()


@pytest.mark.parametrize("row", MANIFEST, ids=[row["case"] for row in MANIFEST])
def test_case(row: dict[str, str], tmp_path: Path, run_cli) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    run = CLI.CASES[row["case"]](folder)
    if run.process:
        code, _out, err = _run_process(run, folder)
    else:
        result = run_cli(*run.args, expect=None)
        code, err = result.exit_code, result.stderr
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
        assert "\nMatch: strain - verified" not in result.stdout  # no line of its own
    assert code == int(row["exit_code"]), err
    assert "Traceback" not in err and "internal error" not in err, err
    assert not any(ord(c) < 32 and c != "\n" for c in err), repr(err)
    if code != 0:
        last = err.strip().splitlines()[-1]
        assert row["message"] in last, err
        if row["code"]:
            assert last.startswith("strainscore: error: ") and last.endswith(f"[{row['code']}]")
    run.after(folder)
