"""docs/error-codes.md covers every registered code, with its title and its advice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from strainscore.errors import all_codes, lookup

DOC = Path(__file__).resolve().parents[2] / "docs" / "error-codes.md"


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("code", [c.code for c in all_codes()])
def test_every_code_is_documented(code: str) -> None:
    doc = _flat(DOC.read_text(encoding="utf-8"))
    entry = lookup(code)
    heading = f"### `{code}`: {entry.title}"
    assert heading in doc, f"{heading!r} missing from {DOC}"
    section = doc.split(heading, 1)[1].split("### ", 1)[0]
    assert "**When:**" in section
    assert f"**What to do:** {_flat(entry.hint)}" in section


def test_no_unknown_codes_documented() -> None:
    documented = set(re.findall(r"^### `([a-z0-9-]+)`", DOC.read_text(encoding="utf-8"), re.M))
    assert documented == {c.code for c in all_codes()}
