"""One text normalisation for documents and queries alike.

Width (ｴｿﾞｼｶ, ＳｈｉｒｉＢｅｓｈｉ), case and kana script (えぞしか / エゾシカ) must not change what
matches, so every string is compared through `fold`. Romaji gets its own folding because people
type long vowels in many ways (Sōya, Souya, Soya).
"""

from __future__ import annotations

import re
import unicodedata

_KATAKANA_START, _KATAKANA_END = 0x30A1, 0x30F6  # ァ .. ヶ; ー and ・ are left as they are
_HIRAGANA_OFFSET = 0x60
_KANA_TO_HIRAGANA = {
    code: code - _HIRAGANA_OFFSET for code in range(_KATAKANA_START, _KATAKANA_END + 1)
}
_SPACES = re.compile(r"\s+")
_LONG_VOWEL_MARKS = re.compile(r"(?<=[ぁ-ゖァ-ヺ])[-‐‑‒–—―−~〜～ｰ]")
_ROMAJI_OU_OH = re.compile(r"(?<=o)(?:u|h(?![aiueo]))")
_ROMAJI_DOUBLED = re.compile(r"([aiueo])\1+")


def fold(text: str) -> str:
    """NFKC, case folding, katakana -> hiragana, dashes after kana -> ー, single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _LONG_VOWEL_MARKS.sub("ー", text)
    text = text.translate(_KANA_TO_HIRAGANA)
    return _SPACES.sub(" ", text).strip()


def fold_romaji(text: str) -> str:
    """Latin text without accents, case, separators or long vowels: Sōya, Souya, soya -> soya."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    letters = re.sub(r"[^a-z0-9]", "", plain)
    return _ROMAJI_DOUBLED.sub(r"\1", _ROMAJI_OU_OH.sub("", letters))


def is_latin(text: str) -> bool:
    """True when the text has letters and all of them are Latin (a romaji or English query)."""
    letters = [c for c in unicodedata.normalize("NFKD", text) if c.isalpha()]
    return bool(letters) and all(c.isascii() for c in letters)
