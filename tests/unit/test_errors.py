"""The registry of issue and exception codes (errors.py): every code the package uses is in it,
once, and an unregistered code is refused where it is raised."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import strainscore
from strainscore.errors import OutputError, StrainscoreError, all_codes, lookup, register

SRC = Path(strainscore.__file__).parent
REGISTERED = {c.code for c in all_codes()}
# Where a code is the nth positional argument: issue(code, ...), file_error(source, code, ...).
CODE_ARGUMENT = {"issue": 0, "file_error": 1}


def _codes_used() -> list[tuple[str, str]]:
    """(where, code) for each code written as a string where a problem is made: `code=` of
    any call, and the code argument of issue() and file_error(). (A RefProblem's code is a
    reference problem, registered in reference/problems.py and tested with it.)"""
    out = []
    for path in sorted(SRC.rglob("*.py")):
        where = path.relative_to(SRC)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            args = [k.value for k in node.keywords if k.arg == "code"]
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in CODE_ARGUMENT and len(node.args) > CODE_ARGUMENT[name]:
                args.append(node.args[CODE_ARGUMENT[name]])
            out += [
                (f"{where}:{node.lineno}", a.value)
                for a in args
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            ]
    return out


def test_every_code_written_in_the_package_is_registered() -> None:
    used = _codes_used()
    assert len(used) > 60  # every module was read
    assert [(w, c) for w, c in used if c not in REGISTERED] == []


def test_a_code_is_registered_once() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        register("output-exists", "Output already exists", "Another wording of the advice.")
    assert lookup("output-exists").hint == "Add --force to replace it, or choose another name."


def test_an_exception_with_an_unregistered_code_is_refused() -> None:
    with pytest.raises(KeyError):
        OutputError("cannot write", code="no-such-code")
    assert StrainscoreError("something went wrong").code == "error"
