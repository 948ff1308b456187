"""docs/python-api.md stays true: its examples run, in order, from the repository's root."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
DOC = ROOT / "docs" / "python-api.md"


def _examples() -> list[str]:
    return re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def test_the_page_has_examples() -> None:
    assert len(_examples()) >= 6


def test_the_examples_run(capsys: pytest.CaptureFixture[str]) -> None:
    namespace: dict[str, object] = {}
    with contextlib.chdir(ROOT):
        for i, code in enumerate(_examples(), 1):
            exec(compile(code, f"{DOC.name} example {i}", "exec"), namespace)
    out = capsys.readouterr().out
    assert "Studies held for this strain" in out  # the lookup example printed its text
