"""Loading the bad-input generator and its manifest (tests/data/bad_inputs)."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

CASES_DIR = Path(__file__).resolve().parents[2] / "data" / "bad_inputs"


def load_make_cases() -> ModuleType:
    if "make_cases" in sys.modules:
        return sys.modules["make_cases"]
    sys.path.insert(0, str(CASES_DIR))  # make_cases imports its sibling rawxlsx
    spec = importlib.util.spec_from_file_location("make_cases", CASES_DIR / "make_cases.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_cases"] = module
    spec.loader.exec_module(module)
    return module


def manifest() -> list[dict[str, str]]:
    with (CASES_DIR / "cases.csv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def load_rawxlsx() -> ModuleType:
    """The minimal .xlsx writer the cases use (for tests that build their own workbooks)."""
    load_make_cases()
    return sys.modules["rawxlsx"]
