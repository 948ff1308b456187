"""The resolver's shortcuts give exactly what the plain loops give (issue 17, speed)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from strainscore.names.designation import _longest, _longest_ascii
from strainscore.names.index import Target
from strainscore.names.normalise import key
from strainscore.names.resolver import Resolver
from strainscore.names.suggest import LIMIT, THRESHOLD, _dice, _pairs
from strainscore.reference import load_reference

RESOLVER = Resolver(load_reference())
IX = RESOLVER.index
HELD = sorted({h.written for hits in IX.ids.values() for h in hits if h.written.isascii()})
PIECES = st.one_of(
    st.sampled_from(HELD).flatmap(lambda d: st.sampled_from([*d.split(), d + "TM", d.lower()])),
    st.sampled_from(["and", "culture", "HANSEN", "B.", "x", "1", "TM", "-", "l0"]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=6), st.integers(0, 5))
def test_a_span_grown_token_by_token_is_the_longest_held_span(toks: list[str], i: int) -> None:
    tokens = tuple(toks)
    i = i % len(tokens)
    assert _longest_ascii(IX, tokens, [key(t) for t in tokens], i) == _longest(IX, tokens, i)


def _near_by_brute_force(text: str, genus_keys: tuple[str, ...]) -> list[str]:
    """Suggester.near scoring every name, as written before its pair indexes."""
    words = [w for w in (key(w) for w in text.split()) if w]
    if not words or sum(map(len, words)) < 4:
        return []
    first, rest = _pairs(words[0]), _pairs("".join(words[1:3]))
    best: dict[str, float] = {}
    for genus, epithet, name, g in RESOLVER.suggester._names:
        if genus_keys:
            if g not in genus_keys:
                continue
            score = _dice(rest, epithet)
        elif rest:
            score = min(_dice(first, genus), _dice(rest, epithet))
        elif words[0][0] == name.split()[1][0].lower():
            score = _dice(first, epithet)
        else:
            continue
        if score >= THRESHOLD and score > best.get(name, 0.0):
            best[name] = score
    return [n for n, _ in sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))][:LIMIT]


WORDS = st.sampled_from(
    ["Lactobacilus", "rhamnosis", "Bifidobacteriun", "longhum", "Lactobacillus", "sakei",
     "caseii", "Bacilus", "coagulants", "Streptococus", "salivarius", "plantarun", "L.", "x"]
)  # fmt: skip
GENERA = st.sampled_from(
    [(), ("lactobacillus",), ("bifidobacterium",), ("bacillus", "lactobacillus")]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=3), GENERA)
def test_suggestions_from_the_pair_indexes_are_those_of_scoring_every_name(
    words: list[str], genus_keys: tuple[str, ...]
) -> None:
    text = " ".join(words)
    assert RESOLVER.suggester.near(text, genus_keys) == _near_by_brute_force(text, genus_keys)


def _near_misses_by_brute_force(
    resolver: Resolver, target: Target | None, written: str
) -> set[str]:
    """Every held designation or names.csv name one edit from `written`, compared one by one."""
    from strainscore.names.fuzzy import distance
    from strainscore.names.normalise import key
    from strainscore.names.strains import gs

    k = key(written)
    if len(k) < (4 if target is not None else 6) or k.isalpha():
        return set()
    pairs = set(resolver._held_keys)
    return {
        s.display
        for held, s in pairs
        if (target is None or gs(s) == target.gs) and distance(held, k, 1) == 1
    }


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_near_misses_are_the_ones_a_comparison_with_every_name_finds(data: st.DataObject) -> None:
    """The ends test and the deletion index skip comparisons, never a near miss: misprints of
    held names (one character changed, added or left out) and random codes, with and without a
    species."""
    from strainscore.names.outcome import Outcome

    resolver = RESOLVER
    held = sorted({h for h, _ in resolver._held_keys})
    base = data.draw(st.sampled_from(held))
    pos = data.draw(st.integers(0, len(base)))
    ch = data.draw(st.sampled_from("0123456789abcdefxyz"))
    edit = data.draw(st.sampled_from(["sub", "add", "del", "random"]))
    if edit == "sub" and pos < len(base):
        written = base[:pos] + ch + base[pos + 1 :]
    elif edit == "del" and pos < len(base):
        written = base[:pos] + base[pos + 1 :]
    elif edit == "random":
        written = data.draw(st.text("ABCDEFGHKLMNPRSTXYZ0123456789-", min_size=3, max_size=10))
    else:
        written = base[:pos] + ch + base[pos:]
    names = sorted(resolver.index.targets)
    target = resolver.index.targets[data.draw(st.sampled_from(names))]
    target = data.draw(st.sampled_from([target, None]))
    o = resolver._near_misses(Outcome(), target, written)
    assert set(o.suggestions) == _near_misses_by_brute_force(resolver, target, written)
