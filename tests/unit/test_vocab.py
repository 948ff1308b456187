"""The one order of evidence, the verdict ladder's: graded first, then what was found
(direction), then how sure (certainty), then the closer basis; across products the same
without the basis."""

from __future__ import annotations

from pathlib import Path

import strainscore
from strainscore.vocab import (
    BASIS_ORDER,
    GRADE_ORDER,
    best_evidence_key,
    grade_rank,
    strength_key,
)


def test_direction_before_certainty_before_basis() -> None:
    # A supporting body of very low certainty beats a null body of high certainty.
    assert best_evidence_key("supports", "very-low") < best_evidence_key("no-effect", "high")
    # Of one direction, the higher certainty wins, whatever the basis.
    assert best_evidence_key("supports", "high", "formulation") < best_evidence_key(
        "supports", "low", "strain"
    )
    # Equal direction and certainty: the closer basis.
    assert best_evidence_key("supports", "low", "strain") < best_evidence_key(
        "supports", "low", "formulation"
    )


def test_graded_before_not_graded() -> None:
    assert best_evidence_key("harm-signal", "very-low") < best_evidence_key(None, None, "component")
    # A basis that is never graded ranks as not graded, whatever it carries.
    assert best_evidence_key("supports", "high", "species") > best_evidence_key(
        "harm-signal", "very-low", "strain"
    )
    assert best_evidence_key(None, None, "mechanistic") < best_evidence_key(None, None, "species")


def test_across_products_direction_then_certainty() -> None:
    assert strength_key("moderate", "supports") < strength_key("high", "no-effect")
    assert strength_key("high", "supports") < strength_key("low", "supports")
    assert strength_key(None, None) > strength_key("very-low", "harm-signal")


def test_ranks() -> None:
    assert [grade_rank(g) for g in (*GRADE_ORDER, None)] == [0, 1, 2, 3, 4]
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
        assert '("supports", "conflicting", "no-effect", "harm-signal")' not in text, path
