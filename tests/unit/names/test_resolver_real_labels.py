"""The real-label corpus: every line copied from a product page resolves as a careful reader
expects, except the gaps listed (with what goes wrong) in tests/data/real-labels/known-gaps.csv.

A listed gap that starts passing fails too, so the list stays a true account of what is missed.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from strainscore.names import Resolver
from strainscore.reference import load_reference


def _bench() -> ModuleType:
    path = Path(__file__).parents[3] / "benchmarks" / "real_labels.py"
    spec = importlib.util.spec_from_file_location("bench_real_labels", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


BENCH = _bench()
LINES = BENCH.load_corpus()
GAPS = BENCH.known_gaps()


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(load_reference())


def test_the_corpus_is_real_and_broad() -> None:
    products = {ln.product_id for ln in LINES}
    assert len(products) >= 150
    assert len({ln.market for ln in LINES}) >= 10 and len({ln.language for ln in LINES}) >= 8
    assert all(k in {ln.key for ln in LINES} for k in GAPS), "a gap names no corpus line"


@pytest.mark.parametrize("line", LINES, ids=[f"{ln.product_id}:{ln.line_no}" for ln in LINES])
def test_line_resolves_as_expected(resolver: Resolver, line) -> None:  # type: ignore[no-untyped-def]
    problems = BENCH.judge(resolver.resolve(line.read), line)
    if line.key in GAPS:
        assert problems, f"listed in known-gaps.csv ({GAPS[line.key]}) but now passes: remove it"
    else:
        assert problems == [], f"{line.text!r}: {problems}"


def test_no_species_only_line_is_ever_upgraded(resolver: Resolver) -> None:
    upgraded = [
        ln.text
        for ln in LINES
        if not ln.names_strain and resolver.resolve(ln.read).match == "strain"
    ]
    assert upgraded == []
