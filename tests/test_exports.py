"""Every name a module's __all__ promises exists there."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import strainscore

SRC = Path(strainscore.__file__).parent


def _all_of(path: Path) -> list[str]:
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            return [e.value for e in node.value.elts]  # type: ignore[attr-defined]
    return []


def test_every_name_in_all_is_defined() -> None:
    checked = 0
    for path in sorted(SRC.rglob("*.py")):
        names = _all_of(path)
        if not names:
            continue
        parts = path.with_suffix("").relative_to(SRC.parent).parts
        module = importlib.import_module(".".join(parts).removesuffix(".__init__"))
        missing = [n for n in names if not hasattr(module, n)]
        assert not missing, f"{path}: __all__ names {missing}"
        checked += 1
    assert checked >= 5


def test_every_exception_code_is_registered() -> None:
    import re

    from strainscore.errors import all_codes

    registered = {c.code for c in all_codes()}
    used = set()
    for path in SRC.rglob("*.py"):
        used |= set(re.findall(r'\bcode="([a-z0-9-]+)"', path.read_text(encoding="utf-8")))
    assert used >= {"output-exists", "reference-missing", "reference-invalid"}
    assert used <= registered, used - registered


def test_an_unregistered_exception_code_is_refused() -> None:
    import pytest

    from strainscore.errors import OutputError

    assert OutputError("x", code="output-exists").code == "output-exists"
    with pytest.raises(KeyError):
        OutputError("x", code="no-such-code")


def test_every_module_level_function_and_class_is_used() -> None:
    """No dead code: each top-level def or class in the package is named somewhere else in the
    code, the tests, the benchmarks or the templates (a click command is used by its decorator)."""
    import os
    import re
    from collections import Counter

    root = SRC.parent.parent
    words: Counter[str] = Counter()
    for folder in ("src", "tests", "benchmarks", "templates"):
        for here, dirs, files in os.walk(root / folder):
            dirs[:] = [d for d in dirs if d not in ("node_modules", ".data", "__pycache__")]
            for name in files:
                if name.endswith((".py", ".html")):
                    text = (Path(here) / name).read_text(encoding="utf-8")
                    words.update(re.findall(r"\w+", text))
    unused = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.FunctionDef | ast.ClassDef):
                continue
            if any("command" in ast.unparse(d) for d in node.decorator_list):
                continue
            if words[node.name] < 2:
                unused.append(f"{path.relative_to(SRC)}:{node.name}")
    assert not unused
