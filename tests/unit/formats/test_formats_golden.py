"""Text and JSON output of a small fixed label sheet, compared with tests/golden/expected.*

After an intended change, regenerate and review the diff of tests/golden/:
    STRAINSCORE_UPDATE_GOLDEN=1 pytest tests/unit/formats/test_formats_golden.py
"""

from __future__ import annotations

import json
import os

import pytest
from report_fixtures import GOLDEN, PINNED

from strainscore.formats import render
from strainscore.models import Report

UPDATE = os.environ.get("STRAINSCORE_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize(("fmt", "name"), [("text", "expected.txt"), ("json", "expected.json")])
def test_output_matches_golden(golden_report: Report, fmt: str, name: str) -> None:
    got = render(golden_report, fmt).decode("utf-8")
    path = GOLDEN / name
    if UPDATE:
        path.write_text(got, encoding="utf-8", newline="\n")
    expected = path.read_text(encoding="utf-8")
    assert got == expected, f"{name} differs; see the module docstring to regenerate"


def test_golden_json_is_pinned_and_portable() -> None:
    data = json.loads((GOLDEN / "expected.json").read_text(encoding="utf-8"))
    assert data["created"] == PINNED
    assert data["source"] == "labels.csv"
    assert "/" not in json.dumps(data["reference"])  # no machine path in the golden
