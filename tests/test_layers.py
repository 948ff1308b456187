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


# Each package may import only packages of its own layer or one below (never above).
LAYERS = [
    {"text", "vocab", "verdict", "models", "errors", "resources", "output"},
    {"labels", "names", "reference"},
    {"evidence"},
    {"workflows"},
    {"formats"},
    {"cli"},
]
RANK = {pkg: i for i, layer in enumerate(LAYERS) for pkg in layer}


def _package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        package = path.relative_to(SRC).parts[0].removesuffix(".py")
        if package in ("__init__", "__main__"):
            continue
        for module in _imports(path):
            parts = module.split(".")
            if len(parts) > 1 and parts[1] != package and parts[1] in RANK:
                graph.setdefault(package, set()).add(parts[1])
    return graph


def test_every_package_has_a_layer() -> None:
    packages = {p.name.removesuffix(".py") for p in SRC.iterdir() if p.name != "py.typed"}
    packages -= {"__init__", "__main__", "__pycache__"}
    assert packages <= RANK.keys(), packages - RANK.keys()


def test_dependencies_point_down_the_layers() -> None:
    for package, targets in _package_graph().items():
        for target in targets:
            assert RANK[target] <= RANK[package], f"{package} imports {target}, a higher layer"


def test_the_packages_have_no_cycle() -> None:
    graph = _package_graph()
    done: set[str] = set()

    def visit(node: str, path: tuple[str, ...]) -> None:
        assert node not in path, " -> ".join((*path, node))
        if node in done:
            return
        for target in sorted(graph.get(node, ())):
            visit(target, (*path, node))
        done.add(node)

    for package in sorted(graph):
        visit(package, ())


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_at_load(path: Path, modules: set[str]) -> set[str]:
    """The strainscore modules `path` imports when it is loaded: its top-level imports, not
    those inside functions or under ``if TYPE_CHECKING``."""
    out: set[str] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            if isinstance(node, ast.If | ast.Try):
                visit(node.body + node.orelse)
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                submodules = {f"{node.module}.{a.name}" for a in node.names} & modules
                out.update(submodules or {node.module})
            elif isinstance(node, ast.Import):
                out.update(a.name for a in node.names)

    visit(ast.parse(path.read_text(encoding="utf-8")).body)
    return out & modules


def test_the_modules_have_no_import_cycle() -> None:
    """No module imports, as it loads, one that (through others) imports it back: such a cycle
    breaks as soon as an import moves. A package's own __init__ is loaded before its modules
    anyway, so an import of it from inside is not an edge."""
    paths = {_module_name(p): p for p in SRC.rglob("*.py")}
    graph = {
        name: {t for t in _imported_at_load(path, set(paths)) if not name.startswith(t + ".")}
        for name, path in paths.items()
    }
    assert sum(len(v) for v in graph.values()) > 200  # the imports were read
    done: set[str] = set()

    def visit(node: str, path: tuple[str, ...]) -> None:
        assert node not in path, " -> ".join((*path[path.index(node) :], node))
        if node in done:
            return
        for target in sorted(graph[node]):
            visit(target, (*path, node))
        done.add(node)

    for name in sorted(graph):
        visit(name, ())


MAX_FUNCTION_LINES = 80
MAX_CLI_LINES = 700


def _function_lengths() -> list[tuple[int, str]]:
    """(lines, where) of every function, counted from its first decorator to its last line."""
    out = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                start = min([d.lineno for d in node.decorator_list] + [node.lineno])
                end = node.end_lineno or node.lineno
                out.append((end - start + 1, f"{path.relative_to(SRC)}:{node.lineno} {node.name}"))
    return out


def test_no_function_is_over_80_lines() -> None:
    lengths = _function_lengths()
    assert len(lengths) > 500  # every module was read
    too_long = sorted(x for x in lengths if x[0] > MAX_FUNCTION_LINES)
    assert not too_long, too_long


def test_the_cli_is_under_700_lines() -> None:
    total = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in _package_files("cli"))
    assert total < MAX_CLI_LINES, total


UNIT = Path(__file__).parent / "unit"


def _modules_of(package: Path) -> set[str]:
    """The names a test file in the package's mirror may start with: each module (a leading
    underscore dropped), each subpackage, and the package itself (its __init__)."""
    names = {p.stem.lstrip("_") for p in package.glob("*.py") if p.stem != "__init__"}
    names |= {p.name for p in package.iterdir() if (p / "__init__.py").is_file()}
    return names | ({package.name} if package != SRC else set())


def test_unit_tests_mirror_the_source() -> None:
    """tests/unit/<package>/test_<module>.py, or test_<module>_<aspect>.py for a module whose
    tests are split; tests of the whole pipeline live in tests/acceptance."""
    tests = sorted(UNIT.rglob("test_*.py"))
    assert len(tests) > 50
    astray = []
    for path in tests:
        package = SRC.joinpath(*path.parent.relative_to(UNIT).parts)
        name = path.stem.removeprefix("test_")
        modules = _modules_of(package) if package.is_dir() else set()
        if not any(name == m or name.startswith(f"{m}_") for m in modules):
            astray.append(str(path.relative_to(UNIT)))
    assert astray == []
