"""In-process checks of how often strainscore repeats work, and a reader for cProfile output.

``python benchmarks/instrument.py LABEL [--again OTHER_LABEL] [--format json]`` runs, in this
one process: read_label -> check_sheet -> render(json) on LABEL, timing each stage and noting
memory, then check_text, resolve and (with --again) a second check_label, and prints JSON with:

- how many times the reference tables were read, validated (the reviewer's rules) and built;
- how many times a name resolver was built and ``Resolver.resolve`` ran, against the number of
  distinct strain texts in LABEL (the goal: once per process, and once per distinct text);
- seconds, time in the cyclic garbage collector, and memory per stage.

Counting works by wrapping functions in their modules before the first call; a hook whose target
is missing (the code moved) is reported as missing instead of failing.
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib
import json
import os
import pstats
import resource
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

# name -> (module, attribute path) of the functions counted.
HOOKS = {
    "reference_reads": ("strainscore.reference.loader", "read_tables"),
    "reference_validations": ("strainscore.reference.loader", "check_tables"),
    "reference_builds": ("strainscore.reference.loader", "build_from_grids"),
    "pandas_read_csv": ("pandas", "read_csv"),
    "pandera_validations": ("pandera.pandas", "DataFrameSchema.validate"),
    "resolver_builds": ("strainscore.names.resolver", "Resolver.__init__"),
    "resolve_calls": ("strainscore.names.resolver", "Resolver.resolve"),
    "resolve_many_calls": ("strainscore.names", "resolve_many"),
    "assess_product_calls": ("strainscore.evidence", "assess_product"),
}

calls: Counter[str] = Counter()
seconds: dict[str, float] = defaultdict(float)
gc_time = [0.0, 0.0]  # total seconds in the cyclic garbage collector; start of the current pass


def _gc_timer(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        gc_time[1] = time.perf_counter()
    else:
        gc_time[0] += time.perf_counter() - gc_time[1]


def _wrap(name: str, fn: Any) -> Any:
    @functools.wraps(fn)
    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[name] += 1
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            seconds[name] += time.perf_counter() - t0

    return counted


def install_hooks() -> list[str]:
    """Wrap every hooked function; returns the hooks whose target was not found."""
    missing = []
    for name, (module_name, path) in HOOKS.items():
        try:
            owner: Any = importlib.import_module(module_name)
            *parents, attr = path.split(".")
            for p in parents:
                owner = getattr(owner, p)
            setattr(owner, attr, _wrap(name, getattr(owner, attr)))
        except (ImportError, AttributeError):
            missing.append(name)
    return missing


def rss_mb() -> float:
    """Resident memory now, from /proc (0 where there is no /proc)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except OSError:
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(
    label: Path, again: Path | None, fmt: str = "json", *, gc_off: bool = False
) -> dict[str, Any]:
    t0 = time.perf_counter()
    gc.callbacks.append(_gc_timer)
    missing = install_hooks()  # imports pandas and pandera: the imports stage
    from strainscore.formats import render
    from strainscore.labels import read_label
    from strainscore.names import resolve
    from strainscore.workflows.check import check_label, check_sheet, check_text

    stages: list[dict[str, Any]] = []

    gc_before = [0.0]

    def stage(name: str, started: float) -> None:
        stages.append(
            {
                "stage": name,
                "seconds": round(time.perf_counter() - started, 3),
                "gc_seconds": round(gc_time[0] - gc_before[0], 3),
                "rss_mb": round(rss_mb(), 1),
                "peak_mb": round(peak_mb(), 1),
            }
        )
        gc_before[0] = gc_time[0]

    stage("import strainscore, pandas, pandera", t0)
    if gc_off:  # what-if: the cyclic collector off, as a batch CLI may choose
        gc.freeze()
        gc.disable()
    t = time.perf_counter()
    sheet = read_label(label)
    stage("read_label (file -> LabelSheet)", t)
    distinct = len({ln.strain_text for ln in sheet.lines})
    t = time.perf_counter()
    report = check_sheet(sheet)
    stage("check_sheet (reference, resolve, assess)", t)
    first = dict(calls)
    t = time.perf_counter()
    size = len(render(report, fmt))
    stage(f"render {fmt}", t)

    t = time.perf_counter()
    check_text("Lactobacillus rhamnosus GG, B. lactis BB-12, Bifidobacterium bifidum")
    resolve("LGG")
    if again is not None:
        check_label(again)
    stage("check_text + resolve + second check_label", t)
    return {
        "label": str(label),
        "rows_read": len({ln.row for ln in sheet.lines}),
        "lines": len(sheet.lines),
        "products": len(report.products),
        "distinct_strain_texts": distinct,
        "format": fmt,
        "gc_off": gc_off,
        "output_bytes": size,
        "first_check": first,
        "whole_process": dict(calls),
        "hook_seconds": {k: round(v, 3) for k, v in seconds.items()},
        "missing_hooks": missing,
        "stages": stages,
    }


def verdicts(counts: dict[str, Any]) -> list[dict[str, Any]]:
    """The once-only rules, judged from ``run``'s counts."""
    whole, first = counts["whole_process"], counts["first_check"]
    distinct = counts["distinct_strain_texts"]
    rules = [
        ("reference tables read once per process", whole.get("reference_reads"), 1),
        ("reference validated once per process", whole.get("reference_validations"), 1),
        ("reference built once per process", whole.get("reference_builds"), 1),
        ("resolver indexes built once per process", whole.get("resolver_builds"), 1),
        (
            "one resolution per distinct strain text (first check)",
            first.get("resolve_calls"),
            distinct,
        ),
    ]
    missing = set(counts.get("missing_hooks", ()))
    hooks = ("reference_reads", "reference_validations", "reference_builds", "resolver_builds")
    return [
        {
            "rule": rule,
            "measured": got,
            "expected": want,
            # A hook whose function moved counts nothing: say so instead of failing.
            "ok": None if hook in missing else got == want,
        }
        for (rule, got, want), hook in zip(rules, (*hooks, "resolve_calls"), strict=True)
    ]


# --- reading a cProfile dump --------------------------------------------------------------------


def _area(filename: str) -> str:
    """Which part of the code a function belongs to, for the time-by-area table."""
    f = filename.replace("\\", "/")
    if "/strainscore/" in f:
        part = f.split("/strainscore/", 1)[1]
        return "strainscore." + part.split("/")[0].removesuffix(".py")
    for lib in ("pandera", "pandas", "numpy", "python_calamine", "openpyxl", "jinja2", "click"):
        if f"/{lib}/" in f:
            return lib
    if "/json/" in f:
        return "json (stdlib)"
    if "/templates/" in f:
        return "templates (jinja2)"
    if f in ("~",) or f.startswith("<"):
        return "builtins"
    if "/lib/python3" in f:
        return "stdlib"
    return "other"


def _name(func: tuple[str, int, str]) -> str:
    filename, line, name = func
    f = filename.replace("\\", "/")
    if "/strainscore/" in f:
        f = "strainscore/" + f.split("/strainscore/", 1)[1]
    elif "/site-packages/" in f:
        f = f.split("/site-packages/", 1)[1]
    elif "/lib/python3" in f:
        f = f.split("/lib/python3", 1)[1].split("/", 1)[-1]
    return f"{f}:{line}({name})" if line else name


def _importing(function: str) -> bool:
    """Import machinery and module bodies: start-up cost, not work per row."""
    return (
        "importlib" in function
        or "(<module>)" in function
        or any(f"method {b}" in function for b in ("marshal.loads", "builtins.compile"))
        or "builtins.__import__" in function
        or "builtins.__build_class__" in function
    )


def _wrapper(function: str) -> bool:
    """Frames that wrap the whole run (exec, runpy, click, the CLI layer) or import modules."""
    wrappers = ("builtins.exec", "runpy", "click/", "__main__", "strainscore/cli/", "<string>")
    return _importing(function) or any(w in function for w in wrappers)


def summarise_profile(path: Path, rows: int, top: int = 25) -> dict[str, Any]:
    """Top functions by cumulative time, self time by area, functions run once per row or more."""
    stats = pstats.Stats(str(path))
    table: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = stats.total_tt  # type: ignore[attr-defined]
    entries = [
        {
            "function": _name(func),
            "area": _area(func[0]),
            "calls": nc,
            "self_s": tt,
            "cumulative_s": ct,
        }
        for func, (_cc, nc, tt, ct, _callers) in table.items()
    ]
    by_cumulative = [
        e for e in sorted(entries, key=lambda e: -e["cumulative_s"]) if not _wrapper(e["function"])
    ]
    imports = max(
        (e["cumulative_s"] for e in entries if e["function"].endswith("(_find_and_load)")),
        default=0.0,
    )
    areas: Counter[str] = Counter()
    for e in entries:
        areas[e["area"]] += e["self_s"]
    per_row = sorted(
        (e for e in entries if rows and e["calls"] >= rows and not _importing(e["function"])),
        key=lambda e: -e["self_s"],
    )

    def rounded(e: dict[str, Any]) -> dict[str, Any]:
        return {
            **e,
            "self_s": round(e["self_s"], 3),
            "cumulative_s": round(e["cumulative_s"], 3),
            "calls_per_row": round(e["calls"] / rows, 1) if rows else None,
        }

    return {
        "total_s": round(total, 3),
        "imports_s": round(imports, 3),
        "rows": rows,
        "top_cumulative": [rounded(e) for e in by_cumulative[:top]],
        "self_by_area": {k: round(v, 3) for k, v in areas.most_common()},
        "per_row_functions": [rounded(e) for e in per_row[:top]],
        "per_row_self_s": round(sum(e["self_s"] for e in per_row), 3),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("label", type=Path)
    parser.add_argument("--again", type=Path, help="a second label checked in the same process")
    parser.add_argument("--format", default="json", help="the output rendered (default: json)")
    parser.add_argument(
        "--gc-off", action="store_true", help="what-if: run with the cyclic garbage collector off"
    )
    args = parser.parse_args(argv)
    # The rules count the reference being read, checked and built: a compiled copy from the
    # cache (reference/compiled.py) would skip all three, so it is not used here.
    os.environ["STRAINSCORE_NO_CACHE"] = "1"
    counts = run(args.label, args.again, args.format, gc_off=args.gc_off)
    counts["verdicts"] = verdicts(counts)
    json.dump(counts, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
