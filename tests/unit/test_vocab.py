"""The one order of evidence: closer basis first, then higher grade; across products, higher
grade, then supports before null."""

from __future__ import annotations

from pathlib import Path

import strainscore
from strainscore.vocab import (
    BASIS_ORDER,
    GRADE_ORDER,
    best_evidence_key,
    grade_level,
    grade_rank,
    strength_key,
)


def test_a_closer_basis_beats_a_higher_grade() -> None:
    assert best_evidence_key("strain", "low") < best_evidence_key("formulation", "high")
    assert best_evidence_key("strain", "high") < best_evidence_key("strain", "moderate")
    assert best_evidence_key("species", None) > best_evidence_key("mechanistic", None)


def test_across_products_grade_then_direction() -> None:
    assert strength_key("high", "no-effect") < strength_key("moderate", "supports")
    assert strength_key("high", "supports") < strength_key("high", "no-effect")
    assert strength_key(None, None) > strength_key("very-low", "harm-signal")


def test_ranks_and_levels() -> None:
    assert [grade_rank(g) for g in (*GRADE_ORDER, None)] == [0, 1, 2, 3, 4]
    assert [grade_level(g) for g in GRADE_ORDER] == [4, 3, 2, 1]
    assert BASIS_ORDER[0] == "strain"


def test_no_module_spells_its_own_order() -> None:
    src = Path(strainscore.__file__).parent
    for path in src.rglob("*.py"):
        if path.name == "vocab.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert '("high", "moderate", "low", "very-low")' not in text, path
        assert '"strain": 0, "formulation": 1' not in text, path
        assert '("strain", "formulation", "component", "mechanistic", "species")' not in text, path
