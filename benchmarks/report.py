"""The results block of benchmarks/README.md, rendered from results.json."""

from __future__ import annotations

from pathlib import Path
from typing import Any

MARK_START = "<!-- benchmark-results:start -->"
MARK_END = "<!-- benchmark-results:end -->"


def _ratio(c: dict[str, Any]) -> str:
    if c["median_ratio"] is None:
        return "–"
    rounds = len(c["rounds"])
    prefix = "> " if c["status"] == "fail" and "lower bound" in c["note"] else ""
    return f"{prefix}{c['median_ratio']:.2f}× ({rounds} round{'s' * (rounds != 1)})"


def _mb(x: float | None) -> str:
    return "–" if x is None else f"{x:,.0f}"


def render_results(r: dict[str, Any]) -> str:
    env = r["environment"]
    lines = [
        f"Measured {env['date']} on commit {env['commit']}"
        + (" with uncommitted changes" if env["uncommitted_changes"] else "")
        + f", Python {env['python']}, {env['cpus']} CPUs, load average at start "
        + f"{env['load_average_at_start'][0]}; mode **{r['mode']}**, whole run {r['seconds']} s.",
        "",
        "| Target | Goal | Measured ratio | strainscore (median) | baseline (median) "
        "| Peak memory strainscore / baseline | Result |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in r.get("cases", []):
        t = "–" if c["tool_median_s"] is None else f"{c['tool_median_s']:.3f} s"
        b = "–" if c["baseline_median_s"] is None else f"{c['baseline_median_s']:.3f} s"
        mem = f"{_mb(c['tool_peak_mb'])} / {_mb(c['baseline_peak_mb'])} MB"
        result = f"**{c['status']}**" + (f": {c['note']}" if c["note"] else "")
        lines.append(f"| {c['title']} | {c['goal']} | {_ratio(c)} | {t} | {b} | {mem} | {result} |")
    lines += [
        "",
        "Heavy imports (`python -X importtime`): pandas, pandera, openpyxl, jinja2, numpy, "
        "python_calamine must not load.",
        "",
        "| Command | Modules | Import time | Heavy modules loaded | Result |",
        "|---|---|---|---|---|",
    ]
    for c in r["import_check"]:
        heavy = ", ".join(sorted({m.split(".")[0] for m in c["heavy_modules"]})) or "none"
        lines.append(
            f"| `{c['command']}` | {c['modules_imported']} | {c['import_ms']} ms | {heavy} "
            f"| **{'pass' if c['ok'] else 'fail'}** |"
        )
    gap = r.get("import_gap")
    if gap:
        extra = ", ".join(f"{k} {v} ms" for k, v in list(gap["extra_ms_by_package"].items())[:8])
        lines += [
            "",
            f"Imports of the one-product check (`-X importtime`, median of runs): "
            f"`strainscore check` imported {gap['tool_modules']} modules in "
            f"{gap['tool_import_ms']} ms, the baseline {gap['baseline_modules']} in "
            f"{gap['baseline_import_ms']} ms. Imported only by `strainscore check`, by package: "
            f"{extra}.",
        ]
    lines += _render_instrumentation(r.get("instrumentation"))
    lines += _render_profile(r.get("profile"))
    return "\n".join(lines)


def _render_instrumentation(ins: dict[str, Any] | None) -> list[str]:
    if not ins:
        return []
    if "error" in ins:
        return ["", f"Instrumentation failed: `{ins['error']}`"]
    lines = [
        "",
        f"Work done once? (one process: {ins['products']:,} products, {ins['lines']:,} label "
        f"lines, {ins['distinct_strain_texts']:,} distinct strain texts; then `check_text`, "
        "`resolve` and a second `check_label`)",
        "",
        "| Rule | Measured | Expected | Result |",
        "|---|---|---|---|",
    ]
    for v in ins["verdicts"]:
        verdict = {True: "pass", False: "fail", None: "unknown (hook not found)"}[v["ok"]]
        lines.append(f"| {v['rule']} | {v['measured']} | {v['expected']} | **{verdict}** |")
    whole = ins["whole_process"]
    lines += [
        "",
        f"Whole process: {whole.get('resolve_calls', 0):,} resolutions, "
        f"{whole.get('pandera_validations', 0)} pandera validations, "
        f"{whole.get('pandas_read_csv', 0)} `pandas.read_csv` calls."
        + (f" Hooks not found: {', '.join(ins['missing_hooks'])}." if ins["missing_hooks"] else ""),
        "",
        "| Stage (in-process) | Seconds | of which garbage collector | RSS after | Peak so far |",
        "|---|---|---|---|---|",
    ]
    for s in ins["stages"]:
        lines.append(
            f"| {s['stage']} | {s['seconds']} | {s.get('gc_seconds', '–')} "
            f"| {s['rss_mb']:,.0f} MB | {s['peak_mb']:,.0f} MB |"
        )
    return lines


def _render_profile(p: dict[str, Any] | None) -> list[str]:
    if not p:
        return []
    if "error" in p:
        return ["", f"Profile failed: `{p['error']}`"]
    lines = [
        "",
        f"cProfile of `strainscore check` on the catalogue -> JSON ({p['total_s']} s profiled, "
        f"of which imports {p['imports_s']} s; profiling slows pure-Python code about 2×, so "
        "read shares, not seconds). Top functions by cumulative time (imports and the CLI "
        "wrappers left out):",
        "",
        "| Function | Calls | Self s | Cumulative s |",
        "|---|---|---|---|",
    ]
    for e in p["top_cumulative"][:15]:
        lines.append(
            f"| `{e['function']}` | {e['calls']:,} | {e['self_s']} | {e['cumulative_s']} |"
        )
    areas = ", ".join(f"{k} {v} s" for k, v in list(p["self_by_area"].items())[:8])
    lines += [
        "",
        f"Self time by area: {areas}.",
        "",
        f"Functions run at least once per row ({p['rows']:,} rows): {p['per_row_self_s']} s of "
        f"{p['total_s']} s self time. The heaviest:",
        "",
        "| Function | Calls per row | Self s |",
        "|---|---|---|",
    ]
    for e in p["per_row_functions"][:10]:
        lines.append(f"| `{e['function']}` | {e['calls_per_row']} | {e['self_s']} |")
    return lines


def write_readme(path: Path, results: dict[str, Any]) -> None:
    """Rewrite the block between the markers; create a minimal file if there is none."""
    block = f"{MARK_START}\n{render_results(results)}\n{MARK_END}"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if MARK_START in text and MARK_END in text:
        head, rest = text.split(MARK_START, 1)
        tail = rest.split(MARK_END, 1)[1]
        text = head + block + tail
    else:
        text = (text.rstrip() + "\n\n" if text else "# Benchmark results\n\n") + block + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
