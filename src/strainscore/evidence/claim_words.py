"""Which outcomes a label claim speaks of: the phrases of outcomes.csv and claim_phrases.csv."""

from __future__ import annotations

import re
import unicodedata

from strainscore.reference.model import Reference

# Each outcome with its phrases, as padded words.
PhraseTable = tuple[tuple[str, tuple[str, ...]], ...]


def words(text: str) -> str:
    """Lower case, accents dropped ("santé" -> "sante"), words padded with spaces."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c)).replace("ß", "ss")
    return " " + re.sub(r"[^a-z0-9]+", " ", plain).strip() + " "


def phrase_table(reference: Reference) -> PhraseTable:
    """Each outcome with its phrases as padded words."""
    phrases: dict[str, list[str]] = {
        o.outcome: [
            words(p) for p in (o.outcome.replace("-", " "), o.label, *o.phrases) if p.strip()
        ]
        for o in reference.outcomes.values()
    }
    # The claim vocabulary (claim_phrases.csv): bottles' phrases, groups of outcomes.
    for cp in reference.claim_phrases:
        for o in cp.outcomes:
            phrases.setdefault(o, []).append(words(cp.phrase))
    return tuple((o, tuple(dict.fromkeys(p))) for o, p in phrases.items())


def outcomes_named(claim: str, table: PhraseTable) -> tuple[str, ...]:
    """The outcome ids whose phrases the claim's words hold."""
    padded = words(claim)
    return tuple(o for o, phrases in table if any(p in padded for p in phrases))
