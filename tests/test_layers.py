"""The layers: which package may import which, no cycles, and small functions."""

from __future__ import annotations

import ast
from pathlib import Path

import strainscore

SRC = Path(strainscore.__file__).parent


def _imports(path: Path) -> set[str]:
    """Every strainscore module `path` imports, at the top or inside a function."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return {m for m in out if m.startswith("strainscore")}


def _package_files(package: str) -> list[Path]:
    return sorted((SRC / package).rglob("*.py"))


def test_formats_never_load_the_reference() -> None:
    for path in _package_files("formats"):
        assert not any(m.startswith("strainscore.reference") for m in _imports(path)), path


def test_text_imports_no_other_strainscore_package() -> None:
    for path in _package_files("text"):
        assert all(m.startswith("strainscore.text") for m in _imports(path)), path
