"""strainscore's speed targets, measured as a user meets them: one new process per run.

    python benchmarks/run.py            # every target (under 10 minutes on 2 cores)
    python benchmarks/run.py --quick    # tiny sizes, one round: checks the benchmarks still work

Each target runs the tool (A) and a baseline process doing the unavoidable part of the work (B)
in alternation, A B A B ..., and reports the median of the per-round ratios A/B and the peak
memory of each process. Ratios from one run on one machine are comparable; absolute seconds on
a shared machine are not. Results go to benchmarks/results.json and into the table between the
markers in benchmarks/README.md; generated label sheets go to benchmarks/.data/ (git-ignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import grow_reference  # noqa: E402
import instrument  # noqa: E402
from process import GNU_TIME, import_times, measure, tree_bytes  # noqa: E402
from report import write_readme  # noqa: E402

PYTHON = sys.executable
# The reference the one-product check is also measured with: the shipped one grown this many times
# (the trials, shelf and names work grow it about fivefold).
GROWN_TIMES = 5
HEAVY = ("pandas", "pandera", "openpyxl", "jinja2", "numpy", "python_calamine")


@dataclass(frozen=True)
class Sizes:
    one_product_strains: int = 6
    catalogue_products: int = 10_000
    big_rows: int = 1_000_000
    startup_rounds: int = 10
    one_rounds: int = 7
    catalogue_rounds: int = 3
    html_rounds: int = 2
    big_rounds: int = 1
    budget_s: float = 570.0  # the whole command stays under 10 minutes
    memory_cap_mb: float = 4096.0  # a tool run above this is stopped (protects the machine)


FULL = Sizes()
QUICK = Sizes(
    catalogue_products=20,
    big_rows=2_000,
    startup_rounds=1,
    one_rounds=1,
    catalogue_rounds=1,
    html_rounds=1,
    big_rounds=1,
    budget_s=120.0,
    memory_cap_mb=2048.0,
)


# --- the commands -------------------------------------------------------------------------------


def strainscore() -> list[str]:
    """The installed console script beside this Python, else ``python -m strainscore``."""
    script = Path(PYTHON).parent / "strainscore"
    return [str(script)] if script.is_file() else [PYTHON, "-m", "strainscore"]


def python_file_cmd() -> list[str]:
    """strainscore as a Python file run by this interpreter (so -X options apply)."""
    script = Path(PYTHON).parent / "strainscore"
    return [PYTHON, str(script)] if script.is_file() else [PYTHON, "-m", "strainscore"]


def baseline_read(path: Path) -> list[str]:
    """Import pandas and pandera and read the sheet as strainscore's platform notes say."""
    if path.suffix == ".xlsx":
        read = "pd.read_excel(sys.argv[1], engine='calamine')"
    else:
        read = "pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)"
    return [PYTHON, "-c", f"import sys, pandas as pd, pandera.pandas; {read}", str(path)]


# A side of a comparison: given a fresh scratch folder, the command and where its stdout goes.
Side = Callable[[Path], tuple[list[str], Path | None]]


def fixed(cmd: list[str]) -> Side:
    return lambda scratch: (cmd, None)


def check_to(label: Path, fmt: str, name: str, *extra: str) -> Side:
    """``strainscore check LABEL --format FMT -o scratch/name`` (a folder when name has no dot)."""
    return lambda scratch: (
        [*strainscore(), "check", str(label), "--format", fmt, "-o", str(scratch / name), *extra],
        None,
    )


def check_stdout(*args: str) -> Side:
    return lambda scratch: ([*strainscore(), "check", *args], scratch / "stdout.txt")


@dataclass
class Case:
    id: str
    title: str
    goal: str
    max_ratio: float
    tool: Side
    baseline: Side
    rounds: int
    max_mb: float | None = None
    timeout: float = 120.0
    requires: str | None = None  # a module that must exist, else the case is skipped


@dataclass
class CaseResult:
    id: str
    title: str
    goal: str
    max_ratio: float
    max_mb: float | None
    status: str  # pass, fail, skipped, error
    note: str = ""
    rounds: list[dict[str, Any]] = field(default_factory=list)
    median_ratio: float | None = None
    tool_median_s: float | None = None
    baseline_median_s: float | None = None
    tool_peak_mb: float | None = None
    baseline_peak_mb: float | None = None
    tool_output_bytes: int | None = None


class Budget:
    def __init__(self, seconds: float) -> None:
        self.deadline = time.perf_counter() + seconds

    @property
    def left(self) -> float:
        return self.deadline - time.perf_counter()


def module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ImportError:
        return False


def run_case(case: Case, scratch_root: Path, budget: Budget, memory_cap_mb: float) -> CaseResult:
    result = CaseResult(case.id, case.title, case.goal, case.max_ratio, case.max_mb, "error")
    if case.requires and not module_exists(case.requires):
        result.status = "skipped"
        result.note = f"{case.requires} is not in this checkout yet"
        return result
    log(f"{case.id}: up to {case.rounds} round(s)")
    for i in range(case.rounds):
        if (
            i
            and budget.left
            < 1.2 * sum(r["tool"]["seconds"] + r["baseline"]["seconds"] for r in result.rounds) / i
        ):
            result.note = f"stopped after {i} round(s) to keep within the time budget"
            break
        pair = {}
        for side, spec, cap in (
            ("tool", case.tool, memory_cap_mb),
            ("baseline", case.baseline, None),
        ):
            scratch = Path(tempfile.mkdtemp(prefix=f"{case.id}-{side}-", dir=scratch_root))
            cmd, stdout = spec(scratch)
            timeout = max(5.0, min(case.timeout, budget.left))
            run = measure(cmd, stdout=stdout, timeout=timeout, memory_cap_mb=cap)
            run.output_bytes = tree_bytes(scratch)
            shutil.rmtree(scratch, ignore_errors=True)
            pair[side] = asdict(run)
            log(
                f"  {side:8} {run.seconds:8.3f} s {run.peak_mb:8.1f} MB exit {run.returncode}"
                + (f" stopped: {run.stopped}" if run.stopped else "")
            )
        tool, base = pair["tool"], pair["baseline"]
        pair["ratio"] = round(tool["seconds"] / base["seconds"], 3)
        result.rounds.append(pair)
        if tool["stopped"] or tool["returncode"] != 0 or base["returncode"] != 0:
            break
    return judge(result, memory_cap_mb)


def judge(result: CaseResult, memory_cap_mb: float) -> CaseResult:
    rounds = result.rounds
    if not rounds:
        result.status = "skipped"
        result.note = result.note or "no round ran"
        return result
    tools = [r["tool"] for r in rounds]
    bases = [r["baseline"] for r in rounds]
    result.median_ratio = round(statistics.median(r["ratio"] for r in rounds), 2)
    result.tool_median_s = round(statistics.median(t["seconds"] for t in tools), 3)
    result.baseline_median_s = round(statistics.median(b["seconds"] for b in bases), 3)
    result.tool_peak_mb = max(t["peak_mb"] for t in tools)
    result.baseline_peak_mb = max(b["peak_mb"] for b in bases)
    result.tool_output_bytes = tools[-1]["output_bytes"]
    last = rounds[-1]
    if last["tool"]["stopped"] == "memory":
        result.status = "fail"
        result.note = (
            f"stopped at the {memory_cap_mb:,.0f} MB memory cap after "
            f"{last['tool']['seconds']:.0f} s; the ratio is a lower bound"
        )
    elif last["tool"]["stopped"] == "timeout":
        result.status = "fail"
        result.note = f"stopped after {last['tool']['seconds']:.0f} s; the ratio is a lower bound"
    elif last["tool"]["returncode"] != 0:
        result.status = "error"
        result.note = f"strainscore exited {last['tool']['returncode']}: " + last["tool"][
            "stderr_tail"
        ].replace("\n", " / ")
    elif last["baseline"]["returncode"] != 0:
        result.status = "error"
        result.note = "the baseline failed: " + last["baseline"]["stderr_tail"].replace("\n", " / ")
    else:
        ok = result.median_ratio <= result.max_ratio
        if result.max_mb is not None and result.tool_peak_mb > result.max_mb:
            ok = False
        result.status = "pass" if ok else "fail"
    return result


# --- the import check ---------------------------------------------------------------------------


def import_check(args: list[str]) -> dict[str, Any]:
    """Which heavy libraries ``strainscore ARGS`` imports (python -X importtime lists them all)."""
    code, times = import_times([*python_file_cmd()[1:], *args])
    heavy = sorted(m for m in times if m.split(".")[0] in HEAVY)
    return {
        "command": "strainscore " + " ".join(args),
        "exit": code,
        "modules_imported": len(times),
        "import_ms": round(sum(times.values()) / 1000, 1),
        "heavy_modules": heavy,
        "ok": code == 0 and not heavy,
    }


def import_gap(label: Path, repeats: int) -> dict[str, Any]:
    """What ``strainscore check LABEL`` imports beyond the baseline, by top-level package.

    Medians over `repeats` runs of each; -X importtime itself adds a little to every module.
    """
    tool_cmd = [*python_file_cmd()[1:], "check", str(label), "--format", "text"]
    base_cmd = baseline_read(label)[1:]

    def median_times(cmd: list[str]) -> dict[str, float]:
        runs = [import_times(cmd)[1] for _ in range(repeats)]
        names = set().union(*runs)
        return {m: statistics.median(r.get(m, 0) for r in runs) for m in names}

    tool, base = median_times(tool_cmd), median_times(base_cmd)
    extra: dict[str, float] = {}
    for module, us in tool.items():
        if module not in base:
            top = module.split(".")[0]
            extra[top] = extra.get(top, 0.0) + us
    ranked = sorted(extra.items(), key=lambda kv: -kv[1])
    return {
        "tool_import_ms": round(sum(tool.values()) / 1000, 1),
        "baseline_import_ms": round(sum(base.values()) / 1000, 1),
        "tool_modules": len(tool),
        "baseline_modules": len(base),
        "extra_ms_by_package": {k: round(v / 1000, 1) for k, v in ranked},
    }


# --- data -----------------------------------------------------------------------------------------


def data_key() -> str:
    """Changes when the generator or the reference tables it reads change."""
    h = hashlib.sha256(Path(generate.__file__).read_bytes())
    for name in ("strains.csv", "names.csv", "species.csv", "outcomes.csv"):
        h.update((generate.REFERENCE / name).read_bytes())
    return h.hexdigest()[:10]


def prepare(data_dir: Path, name: str, **params: Any) -> dict[str, Any]:
    """Generate a label sheet once; later runs reuse it while the generator is unchanged."""
    data_dir.mkdir(parents=True, exist_ok=True)
    ignore = data_dir / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# generated by benchmarks/run.py\n*\n")
    stem, suffix = name.rsplit(".", 1)
    sig = "-".join(f"{k}{v}" for k, v in sorted(params.items()))
    path = data_dir / f"{stem}-{sig}-{data_key()}.{suffix}"
    meta_path = path.with_suffix(path.suffix + ".json")
    if path.exists() and meta_path.exists():
        meta: dict[str, Any] = json.loads(meta_path.read_text())
        return meta
    for old in data_dir.glob(f"{stem}-{sig}-*"):
        old.unlink()
    t0 = time.perf_counter()
    rows = generate.write(path, **params)
    meta = {
        "path": str(path),
        "rows": rows,
        "bytes": path.stat().st_size,
        "generated_s": round(time.perf_counter() - t0, 2),
        **params,
    }
    meta_path.write_text(json.dumps(meta))
    log(f"generated {path.name}: {rows:,} rows in {meta['generated_s']} s")
    return meta


# --- instrumentation and profile -----------------------------------------------------------------


def instrumentation(label: Path, again: Path, timeout: float) -> dict[str, Any]:
    log(f"instrumenting one process on {label.name}")
    proc = subprocess.run(
        [PYTHON, str(HERE / "instrument.py"), str(label), "--again", str(again)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-3:]}
    counts: dict[str, Any] = json.loads(proc.stdout)
    return counts


def profile(
    label: Path, rows: int, data_dir: Path, scratch: Path, timeout: float
) -> dict[str, Any]:
    """cProfile of ``strainscore check LABEL --format json`` in a new process."""
    log(f"profiling strainscore check {label.name} --format json")
    prof = data_dir / f"profile-{label.stem}.prof"
    for old in data_dir.glob(f"profile-{label.stem.rsplit('-', 1)[0]}-*.prof"):
        old.unlink()  # dumps of this size made by an older generator
    cmd = [PYTHON, "-m", "cProfile", "-o", str(prof), "-m", "strainscore", "check", str(label)]
    cmd += ["--format", "json", "-o", str(scratch / "profiled.json")]
    run = measure(cmd, timeout=timeout)
    if run.returncode != 0 or not prof.exists():
        return {"error": run.stderr_tail or f"stopped: {run.stopped}"}
    summary = instrument.summarise_profile(prof, rows)
    summary["profiled_wall_s"] = run.seconds
    summary["dump"] = str(prof)
    return summary


# --- the whole run ------------------------------------------------------------------------------


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def environment() -> dict[str, Any]:
    def version(dist: str) -> str | None:
        try:
            return importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            return None

    def git(*args: str) -> str:
        proc = subprocess.run(
            ["git", "--no-optional-locks", "-C", str(ROOT), *args],
            capture_output=True,
            text=True,
            check=False,
        )
        return proc.stdout.strip()

    return {
        "date": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "commit": git("rev-parse", "--short", "HEAD"),
        "uncommitted_changes": bool(git("status", "--porcelain")),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "peak_memory_from": "GNU time %M" if GNU_TIME else "wait4 ru_maxrss",
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "packages": {
            d: version(d)
            for d in ("strainscore", "pandas", "pandera", "python-calamine", "click", "jinja2")
        },
    }


def build_cases(sizes: Sizes, data: dict[str, dict[str, Any]]) -> list[Case]:
    one = Path(data["one"]["path"])
    grown = data["grown_reference"]
    cat = Path(data["catalogue"]["path"])
    big = Path(data["big"]["path"])
    n_cat = f"{data['catalogue']['products']:,} products, {data['catalogue']['rows']:,} rows"
    import_click = fixed([PYTHON, "-c", "import click"])
    return [
        Case(
            "startup-help",
            "Start-up: `strainscore --help`",
            '≤ 2× `python -c "import click"`',
            2.0,
            fixed([*strainscore(), "--help"]),
            import_click,
            sizes.startup_rounds,
        ),
        Case(
            "startup-version",
            "Start-up: `strainscore --version`",
            '≤ 2× `python -c "import click"`',
            2.0,
            fixed([*strainscore(), "--version"]),
            import_click,
            sizes.startup_rounds,
        ),
        Case(
            "one-product",
            f"One product ({data['one']['rows']} strains, .xlsx) -> text",
            "≤ 1.3× import pandas + pandera, read_excel(calamine)",
            1.3,
            check_stdout(str(one), "--format", "text"),
            fixed(baseline_read(one)),
            sizes.one_rounds,
        ),
        Case(
            "one-product-grown",
            f"One product, reference {grown['times']}× the shipped one "
            f"({grown['bytes'] / 1e6:.1f} MB of tables)",
            "≤ 1.3× import pandas + pandera, read_excel(calamine)",
            1.3,
            check_stdout(str(one), "--format", "text", "--reference", grown["path"]),
            fixed(baseline_read(one)),
            sizes.one_rounds,
        ),
        Case(
            "catalogue-json",
            f"Catalogue ({n_cat}, .xlsx) -> JSON",
            "≤ 1.5× import pandas + pandera, read_excel(calamine)",
            1.5,
            check_to(cat, "json", "report.json"),
            fixed(baseline_read(cat)),
            sizes.catalogue_rounds,
        ),
        Case(
            "catalogue-html",
            f"Catalogue ({n_cat}, .xlsx) -> HTML folder",
            "≤ 2× the same catalogue -> JSON",
            2.0,
            check_to(cat, "html", "reports"),
            check_to(cat, "json", "report.json"),
            sizes.html_rounds,
            requires="strainscore.formats.html_format",
        ),
        Case(
            "big-csv",
            f"{data['big']['rows']:,} rows (.csv) -> CSV, one row per line (`--csv-shape lines`)",
            "≤ 4× import pandas + pandera, read_csv(dtype=str); peak < 1 GB",
            4.0,
            check_to(big, "csv", "report.csv", "--csv-shape", "lines"),
            fixed(baseline_read(big)),
            sizes.big_rounds,
            max_mb=1024.0,
            timeout=420.0,
            requires="strainscore.formats.csv_format",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one round (CI smoke)")
    parser.add_argument("--data-dir", type=Path, default=HERE / ".data")
    parser.add_argument("--results", type=Path, help="default: benchmarks/results.json")
    parser.add_argument(
        "--readme", type=Path, help="README whose results block is rewritten (default: ours)"
    )
    parser.add_argument("--only", nargs="+", metavar="CASE", help="run only these case ids")
    parser.add_argument("--no-profile", action="store_true", help="skip instrumentation/profile")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    quick_dir = args.data_dir / "quick"
    results_path = args.results or (
        quick_dir / "results.json" if args.quick else HERE / "results.json"
    )
    readme_path = args.readme or (quick_dir / "README.md" if args.quick else HERE / "README.md")
    budget = Budget(sizes.budget_s)
    started = time.perf_counter()
    results: dict[str, Any] = {"mode": "quick" if args.quick else "full", "sizes": asdict(sizes)}
    results["environment"] = environment()

    data = {
        "one": prepare(
            args.data_dir, "labels-one.xlsx", products=1, strains=sizes.one_product_strains
        ),
        "catalogue": prepare(
            args.data_dir, "labels-catalogue.xlsx", products=sizes.catalogue_products
        ),
        "big": prepare(args.data_dir, "labels-big.csv", rows=sizes.big_rows),
    }
    grown = grow_reference.grown_reference(GROWN_TIMES, args.data_dir)
    data["grown_reference"] = {
        "path": str(grown),
        "times": GROWN_TIMES,
        "bytes": sum(p.stat().st_size for p in grown.glob("*.csv")),
    }
    results["data"] = data
    results["import_check"] = [
        import_check(a) for a in (["--help"], ["--version"], ["check", "--help"])
    ]
    for c in results["import_check"]:
        log(f"import check {c['command']}: heavy={c['heavy_modules']} ok={c['ok']}")
    results["import_gap"] = import_gap(Path(data["one"]["path"]), 1 if args.quick else 3)

    scratch_root = Path(tempfile.mkdtemp(prefix="strainscore-bench-"))
    try:
        # Warm-up (not measured): compiles changed modules, fills the page cache and the
        # compiled references (as any run after the first finds them).
        measure([*strainscore(), "check", data["one"]["path"], "--format", "text"])
        grown_ref = ["--reference", data["grown_reference"]["path"]]
        measure([*strainscore(), "check", data["one"]["path"], "--format", "text", *grown_ref])
        measure(baseline_read(Path(data["one"]["path"])))
        cases = build_cases(sizes, data)
        if args.only:
            cases = [c for c in cases if c.id in args.only]
        profiled = not args.no_profile and (not args.only or "profile" in args.only)
        results["cases"] = []
        for case in cases:
            if case.id == "big-csv" and profiled:
                results.update(instrument_and_profile(data, scratch_root, budget))
                profiled = False
            res = run_case(case, scratch_root, budget, sizes.memory_cap_mb)
            log(f"{case.id}: {res.status} ratio={res.median_ratio} {res.note}")
            results["cases"].append(asdict(res))
        if profiled:
            results.update(instrument_and_profile(data, scratch_root, budget))
    finally:
        shutil.rmtree(scratch_root, ignore_errors=True)

    results["seconds"] = round(time.perf_counter() - started, 1)
    results_path.parent.mkdir(parents=True, exist_ok=True)
    results_path.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    write_readme(readme_path, results)
    log(f"done in {results['seconds']} s; wrote {results_path} and {readme_path}")
    return 0


def instrument_and_profile(
    data: dict[str, dict[str, Any]], scratch_root: Path, budget: Budget
) -> dict[str, Any]:
    cat = Path(data["catalogue"]["path"])
    out: dict[str, Any] = {}
    try:
        timeout = max(30.0, min(180.0, budget.left - 60))
        out["instrumentation"] = instrumentation(cat, Path(data["one"]["path"]), timeout)
        if "first_check" in out["instrumentation"]:
            out["instrumentation"]["verdicts"] = instrument.verdicts(out["instrumentation"])
    except subprocess.TimeoutExpired:
        out["instrumentation"] = {"error": "timed out"}
    out["profile"] = profile(
        cat,
        data["catalogue"]["rows"],
        Path(data["catalogue"]["path"]).parent,
        scratch_root,
        timeout=max(30.0, min(240.0, budget.left - 60)),
    )
    return out


if __name__ == "__main__":
    raise SystemExit(main())
