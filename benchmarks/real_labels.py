"""The real-label corpus (tests/data/real-labels): how each line resolves against what a careful
reader expects, and the figures the names and shelf issues are judged by.

    python benchmarks/real_labels.py            # figures, and every line that falls short
    python benchmarks/real_labels.py --json     # the same for scripts

The corpus test (tests/unit/names/test_resolver_real_labels.py) uses `judge` line by line; this
script adds up the same judgements, so a figure and a test can never disagree. A printed line that
lists several strains is judged as a check reads it: on its first strain (`split_strains`), which
is the one its annotation names.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "real-labels"


@dataclass(frozen=True)
class Line:
    product_id: str
    line_no: str
    market: str
    language: str
    text: str
    expected_species: str  # current name, "" when the line names no organism the reference has
    names_strain: bool  # the line names a specific strain (designation, deposit, trade name)
    expected_strain_id: str  # the reference strain it names, "" when none
    note: str
    read: str = ""  # what a check resolves: the line's first strain (the whole line if one)

    @property
    def key(self) -> tuple[str, str]:
        return (self.product_id, self.line_no)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_corpus(folder: Path = CORPUS) -> list[Line]:
    """Every label line joined with its expected resolution (a line without one is an error)."""
    from strainscore.names import split_strains

    expected = {(r["product_id"], r["line_no"]): r for r in _read(folder / "expected.csv")}
    out = []
    for r in _read(folder / "labels.csv"):
        e = expected[(r["product_id"], r["line_no"])]
        out.append(
            Line(
                r["product_id"],
                r["line_no"],
                r["market"],
                r["language"],
                r["strain_line"],
                e["expected_species"].strip(),
                e["names_strain"].strip().lower() == "yes",
                e["expected_strain_id"].strip(),
                e.get("note", ""),
                (split_strains(r["strain_line"]) or [r["strain_line"]])[0],
            )
        )
    return out


def known_gaps(folder: Path = CORPUS) -> dict[tuple[str, str], str]:
    """Lines the resolver does not yet read as expected, with what goes wrong."""
    path = folder / "known-gaps.csv"
    if not path.is_file():
        return {}
    return {(r["product_id"], r["line_no"]): r["why"] for r in _read(path)}


def _species_key(name: str) -> tuple[str, ...]:
    words = name.replace("subsp.", "").replace("var.", "").split()
    return tuple(words)


def species_right(resolved: str | None, expected: str) -> bool:
    """Genus and species must agree; a subspecies counts only when both name one."""
    if not expected:
        return True
    if not resolved:
        return False
    got, want = _species_key(resolved), _species_key(expected)
    if got[:2] != want[:2]:
        return False
    return len(got) < 3 or len(want) < 3 or got[2] == want[2]


def judge(resolution: Any, line: Line) -> list[str]:
    """What is wrong with one line's resolution ([] when it reads as expected)."""
    problems = []
    if not species_right(resolution.name, line.expected_species):
        problems.append(f"species: got {resolution.name!r}, want {line.expected_species!r}")
    if line.expected_strain_id and resolution.strain_id != line.expected_strain_id:
        problems.append(f"strain: got {resolution.strain_id!r}, want {line.expected_strain_id!r}")
    if not line.names_strain and resolution.match == "strain":
        problems.append(f"upgraded a species-only line to {resolution.strain_id!r}")
    if line.names_strain and not line.expected_strain_id and resolution.strain_id:
        problems.append(f"named strain not in the reference read as {resolution.strain_id!r}")
    return problems


def figures(lines: list[Line], resolutions: dict[str, Any]) -> dict[str, Any]:
    """The corpus figures: species right, strains found, species-only lines upgraded."""
    with_species = [ln for ln in lines if ln.expected_species]
    strain_lines = [ln for ln in lines if ln.names_strain]
    held = [ln for ln in strain_lines if ln.expected_strain_id]
    species_ok = sum(
        species_right(resolutions[ln.read].name, ln.expected_species) for ln in with_species
    )
    found = sum(resolutions[ln.read].strain_id == ln.expected_strain_id for ln in held)
    upgraded = sum(
        1 for ln in lines if not ln.names_strain and resolutions[ln.read].match == "strain"
    )
    products = {ln.product_id for ln in lines}
    return {
        "products": len(products),
        "lines": len(lines),
        "markets": len({ln.market for ln in lines if ln.market}),
        "languages": len({ln.language for ln in lines if ln.language}),
        "lines_with_a_species": len(with_species),
        "species_right": species_ok,
        "lines_naming_a_strain": len(strain_lines),
        "of_which_held_by_the_reference": len(held),
        "held_strains_found": found,
        "species_only_lines_upgraded": upgraded,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        help="a folder with labels.csv and expected.csv in the corpus's columns (a held-out set)",
    )
    args = parser.parse_args(argv)
    from strainscore.names import resolve_many
    from strainscore.reference import load_reference

    ref = load_reference()
    lines = load_corpus(args.corpus)
    texts = list(dict.fromkeys(ln.read for ln in lines))
    start = time.perf_counter()
    resolutions = resolve_many(texts, ref)
    seconds = time.perf_counter() - start
    fig = figures(lines, resolutions)
    fig["reference"] = ref.info.version
    fig["distinct_strings_per_second"] = round(len(texts) / seconds) if seconds else None
    short = [(ln, judge(resolutions[ln.read], ln)) for ln in lines]
    short = [(ln, p) for ln, p in short if p]
    if args.json:
        fig["falls_short"] = [
            {"product_id": ln.product_id, "line_no": ln.line_no, "text": ln.text, "problems": p}
            for ln, p in short
        ]
        json.dump(fig, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    pct = lambda a, b: f"{a} of {b} ({100 * a / b:.1f}%)" if b else "-"  # noqa: E731
    print(
        f"Real-label corpus: {fig['products']} products, {fig['lines']} lines, "
        f"{fig['markets']} markets, {fig['languages']} languages (reference {fig['reference']})"
    )
    print(f"  species right:           {pct(fig['species_right'], fig['lines_with_a_species'])}")
    print(
        f"  lines naming a strain:   {fig['lines_naming_a_strain']}, of which the reference "
        f"holds {pct(fig['of_which_held_by_the_reference'], fig['lines_naming_a_strain'])}"
    )
    found = pct(fig["held_strains_found"], fig["of_which_held_by_the_reference"])
    print(f"  held strains found:      {found}")
    print(f"  species-only upgraded:   {fig['species_only_lines_upgraded']}")
    print(
        f"  resolution speed:        {fig['distinct_strings_per_second']} distinct strings/s "
        "(one cold pass, includes building the index)"
    )
    print(f"\n{len(short)} lines fall short:")
    for ln, p in short:
        print(f"  {ln.product_id}:{ln.line_no} {ln.text[:70]!r}: {'; '.join(p)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
