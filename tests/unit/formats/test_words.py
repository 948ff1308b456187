"""One home for the words: lookup and the reports say the same thing for the same step."""

from __future__ import annotations

from pathlib import Path

from strainscore.formats import words

SRC = Path(words.__file__).parents[1]


def test_lookup_and_the_report_use_the_same_words_for_a_former_name(run_cli) -> None:  # type: ignore[no-untyped-def]
    looked_up = run_cli("lookup", "Lactobacillus rhamnosus GG").stdout
    checked = run_cli("check", "--text", "Lactobacillus rhamnosus GG").stdout
    said = words.VIA_WORDS["old-name"]
    assert f"Read as: {said}" in looked_up
    assert f"(via {said}" in checked
    assert "former name" not in looked_up.split("\n  - ")[0]


def test_lookup_names_designs_in_the_reports_short_words(run_cli) -> None:  # type: ignore[no-untyped-def]
    out = run_cli("lookup", "Lactobacillus rhamnosus GG").stdout
    assert f"    benefit    {words.DESIGN_SHORT['rct']}, " in out
    assert f"    harm       {words.DESIGN_SHORT['observational']}, Yelin 2019" in out
    assert words.NOT_ADVICE in out


def test_no_other_module_spells_the_word_tables() -> None:
    tables = ("VIA_WORDS", "BASIS_WORDS", "DIRECTION_WORDS", "DESIGN_WORDS", "DESIGN_SHORT")
    for path in SRC.rglob("*.py"):
        if path.name == "words.py":
            continue
        text = path.read_text(encoding="utf-8")
        for name in tables:
            assert f"{name} = " not in text, f"{path} defines {name}"
        assert '"old-name": "' not in text, f"{path} spells the via words"
        assert '"crossover-rct": "' not in text, f"{path} spells the design words"
