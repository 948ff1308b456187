"""Which characters belong to the scripts written without spaces between words.

Japanese (kana and kanji), Chinese and Korean hangul: the label-word reader rewrites their words
wherever they stand, the splitter cuts a cell at their 'and' wherever it stands, and the reference
check makes sure such an 'and' is never part of another word.
"""

from __future__ import annotations

import re

# Hiragana and katakana, CJK ideographs (extension A, unified, compatibility), hangul syllables and
# half-width katakana.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af\uff66-\uff9f]")
# Hiragana, as a character-class range: the kana a Japanese 'and' (と) must not touch.
HIRAGANA = "\u3041-\u309f"
