"""Label words per language (reference/label_words.csv), applied to a label text before it is read.

Two passes, both data-driven:
- ``translate`` rewrites words in Japanese, Chinese and Korean script (which have no spaces) as the
  Latin they stand for, longest word first: 嗜酸乳杆菌 -> "Lactobacillus acidophilus",
  L.カゼイ -> "L. casei", ビフィズス菌 -> "Bifidobacterium"; words that name nothing (乳酸菌, 株,
  の) become spaces, and pinyin in parentheses after a character (凝結(jié)) is dropped.
- ``drop`` takes out Latin-script words that name no organism ("Stamm", "ceppi", "auch",
  "lyophilisée", "di", "live cultures"), reads rank words ("variedad" -> "var.") and market
  names of a species ("Lactic acid bacillus", India's name for Bacillus coagulans); a count
  of strains before a strain word ("4 ceppi") goes with it.
Every rewrite is reported, so a note can say what was read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from strainscore.reference.model import LabelWord
from strainscore.text.scripts import CJK as _CJK

_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# "凝結(jié)", "長(zhǎng)": a pinyin reading in parentheses right after a Chinese character.
_PINYIN = re.compile(
    rf"(?<=[\u3400-\u9fff])\s*[(（]\s*[a-zü{_TONES}\s]*[{_TONES}][a-zü{_TONES}\s]*[)）]"
)
_SUPERSCRIPTS = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]")
_LATIN_END = re.compile(r"(?:^|[\s(\[（])([A-Z][a-z]{0,5}\.|[A-Z][a-z]+)\s*$")
_DROPPED = frozenset(("strain", "lactic-acid-bacteria", "spores", "live-cultures", "filler"))
# Letters of alphabets other than Latin and CJK that label words are written in: Greek,
# Cyrillic, Hebrew, Arabic, Thai.
_OTHER_SCRIPT = re.compile(r"[\u0370-\u03ff\u0400-\u052f\u0590-\u06ff\u0e00-\u0e7f]")
LANGUAGES = {
    "ru": "Russian",
    "uk": "Ukrainian",
    "ja": "Japanese",
    "zh": "Chinese",
    "zh-Hans": "Chinese",
    "zh-Hant": "Chinese",
    "ko": "Korean",
}


@dataclass(frozen=True)
class _Word:
    word: str
    kind: str
    means: str
    species: str
    language: str


class LabelWords:
    """The label words of one reference, compiled once."""

    def __init__(self, words: tuple[LabelWord, ...]) -> None:
        cjk: dict[str, _Word] = {}
        script: dict[str, _Word] = {}
        latin: dict[str, _Word] = {}
        for w in words:
            if w.kind in ("scale", "and", "blend", "ingredient"):
                continue  # read by the amount grammar (text/amounts.py), the splitter, --text
            entry = _Word(w.word, w.kind, w.means, w.species, w.language)
            if _CJK.search(w.word):
                cjk.setdefault(w.word, entry)
            elif _OTHER_SCRIPT.search(w.word):
                script.setdefault(" ".join(w.word.lower().split()), entry)
            else:
                latin.setdefault(" ".join(w.word.lower().split()), entry)
        self._cjk = cjk
        self._script = script
        self._latin = latin
        # Words of alphabets with spaces match whole words only: "лактобактерии", not inside
        # a longer word.
        self._script_re = (
            re.compile(rf"(?<!\w)(?:{_alternation(script).pattern})(?!\w)", re.I)
            if script
            else None
        )
        self.strain_words = frozenset(
            k.rstrip(".") for k, e in latin.items() if e.kind == "strain" and " " not in k
        )
        self._cjk_re = _alternation(cjk) if cjk else None
        # The first word of every Latin entry: a text holding none of them needs no regex pass.
        self._first = frozenset(k.split()[0].rstrip(".") for k in latin)
        latin_words = sorted(latin, key=lambda k: (-len(k), k))
        strain = "|".join(re.escape(k) for k in latin_words if latin[k].kind == "strain")
        alt = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in latin_words)
        self._latin_re = (
            re.compile(rf"(?<![\w.-])(?:\d{{1,2}}\s+(?={strain}))?(?:{alt})(?![\w-])", re.I)
            if latin
            else None
        )

    def translate(self, text: str) -> tuple[str, tuple[str, ...]]:
        """(the text with label words of other scripts read as Latin, notes saying what was
        read): Cyrillic, Greek, Thai, Arabic or Hebrew words first (whole words only), then CJK
        words (which have no spaces to bound them)."""
        if text.isascii():
            return text, ()
        notes: tuple[str, ...] = ()
        if self._script_re is not None and _OTHER_SCRIPT.search(text):
            text, notes = self._rewrite(text, self._script_re, self._script, lower=True)
        if self._cjk_re is None or not _CJK.search(text):
            return text, notes
        if not _SUPERSCRIPTS.search(text):  # NFKC would make "10⁹" "109": keep exponents
            text = unicodedata.normalize("NFKC", text)
        text = _PINYIN.sub("", text)
        # The katakana middle dot parts the words of a transliterated Latin name
        # ("ビフィドバクテリウム・ロンガム" is "Bifidobacterium longum"): read it as a space.
        text = text.replace("・", " ").replace("･", " ").translate(_CJK_BRACKETS)
        text, cjk_notes = self._rewrite(text, self._cjk_re, self._cjk, lower=False)
        return text, notes + cjk_notes

    def _rewrite(
        self, text: str, pattern: re.Pattern[str], table: dict[str, _Word], *, lower: bool
    ) -> tuple[str, tuple[str, ...]]:
        out: list[str] = []
        notes: list[str] = []
        pos = 0
        for m in pattern.finditer(text):
            out.append(text[pos : m.start()])
            w = table[m.group(0).lower() if lower else m.group(0)]
            latin = self._latin_for(w, "".join(out))
            if latin and _writes_out(latin, text[m.end() :]):
                latin = ""  # "ビフィズス菌 Bifidobacterium longum": the Latin name follows
            out.append(f" {latin} " if latin else " ")
            if latin:
                lang = LANGUAGES.get(w.language, w.language)
                notes.append(f"read the {lang} '{m.group(0)}' as '{latin}'")
            pos = m.end()
        out.append(text[pos:])
        return re.sub(r"\s+", " ", "".join(out)).strip(), tuple(notes)

    @staticmethod
    def _latin_for(w: _Word, before: str) -> str:
        if w.kind in ("species", "genus", "bifidobacteria", "designation"):
            return w.means
        if w.kind == "epithet":
            after_genus = _LATIN_END.search(before) is not None
            return w.means if after_genus or not w.species else w.species
        return ""

    def drop(self, text: str) -> str:
        """The text without Latin-script words that name nothing; rank words read as ranks."""
        if self._latin_re is None or self._first.isdisjoint(
            [w.strip(".,;:()[]") for w in text.lower().split()]
        ):
            return text

        def sub(m: re.Match[str]) -> str:
            k = " ".join(re.sub(r"^\d+\s+", "", m.group(0)).lower().split())
            w = self._latin.get(k)
            if w is None:
                return m.group(0)
            if w.kind == "rank":
                return f" {w.means} "
            if w.kind in ("bifidobacteria", "genus") and _writes_out(w.means, m.string[m.end() :]):
                return " "  # "bifidobacteria Bifidobacterium animalis": a heading
            if w.kind in ("bifidobacteria", "species", "genus"):  # "Lactic acid bacillus"
                return f" {w.means} "
            if w.kind == "epithet":  # "acidofilne LA-5": the species; after a genus, its epithet
                return f" {self._latin_for(w, m.string[: m.start()])} "
            return " " if w.kind in _DROPPED else m.group(0)

        return re.sub(r"\s+", " ", self._latin_re.sub(sub, text)).strip()


_OPENERS = " \t(（[［「『【〔:："


def _writes_out(latin: str, after: str) -> bool:
    """True when the text after a genus word writes that genus in Latin itself: in full anywhere
    after it ("ビフィズス菌（Bifidobacterium longum）", "ビフィズス菌末18mg→Bifidobacterium
    bifidum", "bifidobacteria Bifidobacterium animalis"), or abbreviated right after it ("乳酸菌
    L. casei"). The word is then a heading; read as the genus too, the genus is written twice.
    A species word is a heading only when its whole Latin name follows."""
    if re.search(rf"(?<![A-Za-z]){re.escape(latin)}(?![a-z])", after, re.I):
        return True  # "嗜酸乳杆菌* Lactobacillus acidophilus NCFM": a species word's heading too
    if " " in latin:  # a species word ("嗜酸乳杆菌") says more than an abbreviation after it
        return False
    rest = after.lstrip(_OPENERS)
    return bool(re.match(rf"{re.escape(latin[0])}[a-z]{{0,3}}\.", rest))


# Brackets of CJK text that NFKC leaves alone: read as parentheses ("ビフィズス菌〔... (G9-1)〕").
_CJK_BRACKETS = str.maketrans({"〔": "(", "〕": ")", "【": "(", "】": ")", "〖": "(", "〗": ")"})


def _alternation(words: dict[str, _Word]) -> re.Pattern[str]:
    ordered = sorted(words, key=lambda k: (-len(k), k))
    return re.compile("|".join(re.escape(k) for k in ordered))
