"""Splitting one label cell that lists several strains into one text per strain.

Separators (outside parentheses): new lines, ';', ',', '+', '&', ' / ', bullets and list numbers,
the full-width and ideographic commas of Chinese and Japanese ('、', '，', '；'), and the word for
'and' in every label language (label_words.csv, kind ``and``: 'and', 'plus', 'und', 'et', 'i',
'og', 'と', '和', '및', ...). Not separators: the comma in "1,000,000" or "GBI-30,6086", anything
in parentheses.
After splitting, pieces that cannot stand alone are joined back to the piece before them:
- an amount ("L. rhamnosus GG, 10 billion CFU");
- a number alone ("Bacillus coagulans GBI-30, 6086");
- a parenthesis ("L. rhamnosus GG" / "(ATCC 53103)" on the next line);
- a bare designation after a species with none ("Bifidobacterium animalis subsp. lactis, BB-12").
A bare designation of the same family as the one before it (the same first three characters)
takes that piece's species: "L. rhamnosus 573/1, 573 L/2 and 573L3" is three strains of
*L. rhamnosus*.
What a cell writes before its first strain, in a piece that names no organism, belongs to the
strains: a count joins the one strain after it, or goes after the last of several (the cell's
total); other words join the strain after them; an ingredient or a weight alone stays apart.
A blend title with its strains in parentheses ("Probiotic blend (L. acidophilus, B. lactis)") gives
the strains; a title before a colon ("Probiotic cultures: ...") is dropped. The blend's total
amount is not copied onto each strain.
"""

from __future__ import annotations

import re

from strainscore.names.parse import count_in, find_amount, is_amount, split_asides
from strainscore.text.amounts import CFU_WORDS
from strainscore.text.scripts import CJK, HIRAGANA
from strainscore.text.shipped import shipped_genera, shipped_label_words


def _and_words(words: tuple[str, ...]) -> str:
    """The alternation of the 'and' words, each with the guard its script needs.

    - A word of three letters or more ('and', 'und', 'och', 'oraz') splits wherever it stands as a
      whole word, in any case.
    - A word of one or two letters ('e', 'y', 'i', 'a', 'og', 'et', 'en', 'ja') could be part of a
      name or a designation, so it splits only in lower case, between spaces, before a capital
      letter or a digit (the next strain, or a sibling designation: "573/1 i 573L3"), and not
      after one lone capitalised word ("Contains a Lactobacillus": the English article).
    - A word in a script without spaces ('と', '和', '및') splits wherever it stands; the reference
      check holds that it is part of no other label word, and a kana one must not touch other
      kana ('と' inside 'ひとつ').
    """
    long_words, short_words, cjk_words = [], [], []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        if CJK.search(w):
            kana = re.fullmatch(f"[{HIRAGANA}]+", w) is not None
            guard = (rf"(?<![{HIRAGANA}])", rf"(?![{HIRAGANA}])") if kana else ("", "")
            cjk_words.append(guard[0] + re.escape(w) + guard[1])
        elif len(w) <= 2:
            short_words.append(re.escape(w))
        else:
            long_words.append(re.escape(w))
    parts = []
    if long_words:
        parts.append(r"(?<![\w/])(?:" + "|".join(long_words) + r")(?![\w/])")
    if short_words:
        parts.append(r"(?-i:(?<=\s)(?:" + "|".join(short_words) + r")(?=\s+[A-Z0-9À-ÖØ-Þ]))")
    parts.extend(cjk_words)
    return "|".join(parts)


_AND = _and_words(tuple(word for word, _ in shipped_label_words("and")))
_SEP = re.compile(
    r"\s*(?:\r\n|\r|\n|;|,|[、，；]|(?<![eE^])[+＋]|\s[&＆]\s|[&＆](?=\s*[A-Z])|\s/\s|"
    + (_AND + "|" if _AND else "")
    + r"[•●▪◦‣∙]|\s·\s)\s*",
    re.I,
)
_BULLET = re.compile(r"^(?:[-*–·]\s+|\(?\d{1,2}[.)]\s+)")
# Words that title a list of strains ("Probiotic blend (...)", "Bakterienkulturen (...)",
# "Zutaten: ...", "ferments lactiques : ...", "原材料名：..."): label_words.csv kinds blend,
# live-cultures, lactic-acid-bacteria and bifidobacteria, in every label language.
_TITLE_KINDS = ("blend", "live-cultures", "lactic-acid-bacteria", "bifidobacteria")


def _title_words(words: tuple[str, ...]) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    latin = [re.escape(w).replace(r"\ ", r"\s+") for w in ordered if not CJK.search(w)]
    cjk = [re.escape(w) for w in ordered if CJK.search(w)]
    return "|".join([r"(?<!\w)(?:" + "|".join(latin) + r")(?!\w)"] * bool(latin) + cjk)


_BLEND = re.compile(
    _title_words(tuple(w for kind in _TITLE_KINDS for w, _ in shipped_label_words(kind))) or "(?!)",
    re.I,
)
_EDGE_START = " \t.,;:-–•*·"
_EDGE_END = " \t,;:-–•*·"


def _top_level(text: str) -> list[str]:
    """Split on separators that are not inside parentheses or brackets."""
    pieces: list[str] = []
    depth = 0
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = _SEP.match(text, i)
            if m and m.end() > i and _is_separator(text, m):
                pieces.append(text[start:i])
                start = i = m.end()
                continue
        i += 1
    pieces.append(text[start:])
    return pieces


def _is_separator(text: str, m: re.Match[str]) -> bool:
    # A comma between digits with no space is part of a number or designation ("1,000").
    if m.group(0) == ",":
        return not (
            text[m.start() - 1 : m.start()].isdigit() and text[m.end() : m.end() + 1].isdigit()
        )
    word = m.group(0).strip()
    if len(word) <= 2 and word.isalpha() and word.islower():
        # A short 'and' ends a strain ("Rosell-52 i ...", "rhamnosus a ...", "Shirota y ..."),
        # never a lone word before it ("Contains a Lactobacillus ...": the English article).
        before = text[: m.start()].split()
        lone_word = len(before) == 1 and before[0].isalpha() and not before[0].isupper()
        return bool(before) and not lone_word
    return True


def _drop_title(text: str) -> str:
    """'Probiotic blend (10 billion CFU): L. acidophilus, ...' -> 'L. acidophilus, ...'."""
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch in "([") - (ch in ")])")
        if ch in ":：" and depth <= 0:  # the full-width colon of Chinese and Japanese
            title, rest = split_asides(text[:i])[0], text[i + 1 :]
            # "L. rhamnosus GG: 10 billion CFU" is a strain and its amount, not a title.
            if _BLEND.search(title) and any(c.isalpha() for c in rest) and not is_amount(rest):
                return rest
            return text
    return text


# A genus and a species word written out ("Bacillus clausii"): the brackets of such a text list
# that species' designations, not a blend's strains ("4 ceppi (SIN, O/C, T, N/R) di spore di
# Bacillus clausii").
_BINOMIAL = re.compile(r"\b[A-Z][a-z]{2,}\s+[a-z]{3,}\b")


def _expand_blend(piece: str) -> list[str]:
    """'Probiotic blend (L. acidophilus, B. lactis) 5 billion CFU' -> the two strains."""
    main, asides = split_asides(piece)
    if len(asides) != 1 or not _BLEND.search(main) or _BINOMIAL.search(_BLEND.sub(" ", main)):
        return [piece]
    inner = split_strains(asides[0])
    return inner if len(inner) >= 2 else [piece]


def _clean(piece: str) -> str:
    # A closing dot stays ("Lactobacillus sp."); the resolver ignores it where it means nothing.
    p = piece.lstrip(_EDGE_START).rstrip(_EDGE_END)
    return _BULLET.sub("", p).lstrip(_EDGE_START).rstrip(_EDGE_END)


def _code_shaped(word: str) -> bool:
    """'BB-12', 'HN001', 'LGG', '6086': a digit, or two or more letters, all capitals."""
    letters = [c for c in word if c.isalpha()]
    has_digit = any(c.isdigit() for c in word)
    return has_digit or (len(letters) >= 2 and all(c.isupper() for c in letters))


def _bare_designation(piece: str) -> bool:
    first = piece.split()[0] if piece.split() else ""
    if len(piece.split()) > 3 or first.endswith("."):
        return False
    return _code_shaped(first)


def _ends_with_epithet(piece: str) -> bool:
    main, _ = split_asides(piece)
    words = main.split()
    return len(words) >= 2 and words[-1].isalpha() and words[-1].islower()


# The word for strain in every label language (label_words.csv kind ``strain``): "Saccharomyces
# boulardii, stammen CNCM I-745" is one strain, its designation after a comma and that word.
_STRAIN_WORDS = frozenset(
    w.lower().rstrip(".") for w, _ in shipped_label_words("strain") if not CJK.search(w)
)


def _strain_word_then_designation(piece: str) -> bool:
    words = piece.split(None, 1)
    return (
        len(words) == 2
        and words[0].lower().rstrip(".:") in _STRAIN_WORDS
        and _bare_designation(words[1])
    )


# Words that name nothing (label_words.csv kind ``filler``: "gefriergetrocknet", "frystorkad"):
# "frystorkad 250 mg" after a strain is its amount.
_FILLERS = frozenset(w.lower() for w, _ in shipped_label_words("filler") if not CJK.search(w))


def _amount_with_fillers(piece: str) -> bool:
    """'frystorkad 250 mg', 'non meno di 75 milioni.', '755 x 109 mikrobů v 1 tobolce': a count
    with words around it in the label's language, and no word that could be a name (a capitalised
    word, or an abbreviated genus)."""
    kept = [w for w in piece.split() if w.lower().strip(".,;:") not in _FILLERS]
    if kept and len(kept) < len(piece.split()) and is_amount(" ".join(kept)):
        return True
    return find_amount(piece) is not None and not _NAME_LIKE.search(piece)


_NAME_LIKE = re.compile(r"\b[A-Z][a-z]{2,}|\b[A-Z][a-z]{0,3}\.")


def _joins_previous(prev: str, piece: str) -> bool:
    if piece.startswith(("(", "[")) or is_amount(piece) or _amount_with_fillers(piece):
        return True
    if re.sub(r"[\W_]", "", piece).isdigit():  # "6086" or "6086®" after "GBI-30,"
        return True
    designation = _bare_designation(piece) or _strain_word_then_designation(piece)
    return designation and _ends_with_epithet(prev)


def _stem(text: str) -> str:
    return re.sub(r"[\W_]", "", text).lower()[:3]


def _species_of_sibling(prev: str, piece: str) -> str | None:
    """'L. rhamnosus' when `piece` ('573 L/2') is a designation of the family of `prev`'s
    ('L. rhamnosus 573/1'); None otherwise."""
    if not _bare_designation(piece):
        return None
    words = split_asides(prev)[0].split()
    for i, w in enumerate(words):
        if any(c.isdigit() for c in w):
            name, designation = words[:i], " ".join(words[i:])
            break
    else:
        return None
    if len(name) < 2 or not _ends_with_epithet(" ".join(name)):
        return None
    stem = _stem(designation)
    return " ".join(name) if len(stem) == 3 and _stem(piece) == stem else None


_ABBREVIATED = re.compile(r"\b[A-Z][a-z]{0,3}\.\s?[a-z]{3,}")  # "L. rhamnosus", "Lb.casei"
_TOKEN = re.compile(r"[^\W_]+(?:[-/.][^\W_]+)*")


def _code_like(token: str) -> bool:
    """'LGG', 'BB-12', 'HN001': a designation may name the strain alone. A CFU word ('KBE')
    or a count ('10B') is none."""
    if token.lower() in CFU_WORDS or is_amount(token):
        return False
    return any(c.isalpha() for c in token) and _code_shaped(token)


def _names_organism(piece: str) -> bool:
    """A genus of the shipped taxonomy, an abbreviated genus, a designation-like word, or any
    CJK text (whose names the splitter cannot tell from other words: such a piece is taken to
    name one)."""
    if CJK.search(piece) or _ABBREVIATED.search(piece):
        return True
    genera = shipped_genera()
    tokens = _TOKEN.findall(piece)
    return any(t.lower() in genera or _code_like(t) for t in tokens)


def _place_lead(out: list[str]) -> list[str]:
    """What a cell writes before its first strain belongs to the strains, not to a strain of its
    own. A count is joined to the one strain after it or, before several, moved after the last
    (where a count is the cell's total: evidence/dose.py reads it so). Words that name nothing
    ("žive liofilizirane mliječne bakterije, acidofilne LA-5"; "négy törzset tartalmazó, ...
    Bacillus clausii") are joined to the strain after them, whose reading sets them aside; an
    ingredient ("Maltodextrin") stays a piece of its own, for --text to set aside."""
    if len(out) < 2 or _names_organism(out[0]) or not _names_organism(out[1]):
        return out
    lead, rest = out[0], out[1:]
    if count_in(lead) is not None:
        if len(rest) == 1:
            return [f"{lead}, {rest[0]}"]
        return [*rest[:-1], f"{rest[-1]}, {lead}"]
    if find_amount(lead) is not None or is_ingredient(lead):
        return out
    return [f"{lead}, {rest[0]}", *rest[1:]]


# The ingredient words of the shipped label_words.csv (kind ``ingredient``), lower case.
_INGREDIENTS = frozenset(w.lower() for w, _ in shipped_label_words("ingredient"))
_WORDS = re.compile(r"[^\W\d_][^\W\d_-]*(?:-[^\W\d_]+)*")


def is_ingredient(piece: str) -> bool:
    """Every word of `piece` names an ingredient that is no organism ('Maltodextrin',
    'Kapselhülle: Hydroxypropylmethylcellulose'); a piece with one other word is kept."""
    words = [w.lower() for w in _WORDS.findall(piece) if len(w) > 1]
    return bool(words) and all(w in _INGREDIENTS for w in words)


def split_strains(cell: str) -> list[str]:
    """['L. rhamnosus GG', 'B. lactis BB-12'] from 'L. rhamnosus GG, B. lactis BB-12'."""
    if not isinstance(cell, str):
        return []
    text = _drop_title(cell.strip())
    out: list[str] = []
    for raw in _top_level(text):
        for piece in _expand_blend(_clean(raw)):
            if not any(c.isalnum() for c in piece):
                continue
            if out and _joins_previous(out[-1], piece):
                glue = " " if piece.startswith(("(", "[")) else ", "
                out[-1] = out[-1] + glue + piece
            elif out and (name := _species_of_sibling(out[-1], piece)):
                out.append(f"{name} {piece}")
            else:
                out.append(piece)
    return _place_lead(out)
