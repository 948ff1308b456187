"""The benchmarks still work: the generator at a tiny size, and one quick round of every target.

No timing is asserted here (shared machines are too noisy); benchmarks/run.py judges the targets.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

BENCHMARKS = Path(__file__).parents[1] / "benchmarks"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it runs
    spec.loader.exec_module(module)
    return module


def test_generator_is_seeded_and_realistic(tmp_path: Path) -> None:
    generate = _load("generate")
    rows = list(generate.LabelGenerator(seed=3).rows(products=300))
    assert rows == list(generate.LabelGenerator(seed=3).rows(products=300))
    assert len({r[0] for r in rows}) == 300
    strains = [r[2] for r in rows]
    assert any(s.startswith("Lactobacillus rhamnosus") for s in strains)  # old name
    assert any(s.startswith("Lacticaseibacillus") for s in strains)  # current name
    assert any(s.startswith("L. ") or s.startswith("B. ") for s in strains)  # abbreviated
    assert "Bifidobacterium bifidum" in strains or "Lactobacillus acidophilus" in strains
    counts = [str(r[3]) for r in rows]
    assert any("billion" in c.lower() for c in counts)
    assert any("x 10" in c for c in counts)
    assert any("manufacture" in c for c in counts)

    path = tmp_path / "labels.csv"
    assert generate.write(path, rows=25, seed=3) == 25
    with path.open(encoding="utf-8", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0] == list(generate.HEADER)
    assert len(table) == 26

    book = tmp_path / "labels.xlsx"
    assert generate.write(book, products=5, strains=4) == 20
    assert book.stat().st_size > 0


def test_quick_run_writes_results(tmp_path: Path) -> None:
    results, readme = tmp_path / "results.json", tmp_path / "README.md"
    proc = subprocess.run(
        [
            sys.executable,
            str(BENCHMARKS / "run.py"),
            "--quick",
            "--data-dir",
            str(tmp_path / "data"),
            "--results",
            str(results),
            "--readme",
            str(readme),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    r = json.loads(results.read_text(encoding="utf-8"))
    assert r["mode"] == "quick"
    ids = {c["id"] for c in r["cases"]}
    assert {"startup-help", "one-product", "catalogue-json", "big-csv"} <= ids
    for case in r["cases"]:
        assert case["status"] in ("pass", "fail", "skipped"), (case["id"], case["note"])
    # Not a timing: --help and --version must not import pandas, pandera, openpyxl or jinja2.
    for check in r["import_check"]:
        assert check["ok"], check
    assert "verdicts" in r["instrumentation"], r["instrumentation"]
    assert r["profile"]["top_cumulative"], r["profile"]
    text = readme.read_text(encoding="utf-8")
    assert "benchmark-results:start" in text and "| Target |" in text
