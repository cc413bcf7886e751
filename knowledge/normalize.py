"""One text normalisation for documents and queries alike.

Width (ｴｿﾞｼｶ, ＳｈｉｒｉＢｅｓｈｉ), case, kana script (えぞしか / エゾシカ), small kana
(ワーケーシヨン), long-vowel marks typed as dashes (ワ‐ケ‐ション) and variant kanji (桧 / 檜)
must not change what matches, so every string is compared through `fold`. `fold_mapped` also
says which input character each folded character came from, so a match can be highlighted in
the original text.
Romaji gets its own folding because people type long vowels in many ways (Sōya, Souya, Soya).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_KATAKANA_START, _KATAKANA_END = 0x30A1, 0x30F6  # ァ .. ヶ; ー and ・ are left as they are
_HIRAGANA_OFFSET = 0x60
_KANA_TO_HIRAGANA = {
    code: code - _HIRAGANA_OFFSET for code in range(_KATAKANA_START, _KATAKANA_END + 1)
}
_SMALL_KANA = str.maketrans("ぁぃぅぇぉっゃゅょゎゕゖ", "あいうえおつやゆよわかけ")
VARIANT_KANJI = str.maketrans({"桧": "檜", "﨑": "崎", "髙": "高", "邊": "辺", "邉": "辺"})
"""Variant forms that name the same thing in this domain (桧山 = 檜山)."""
_PLAIN_LATIN = str.maketrans(
    {c: unicodedata.normalize("NFKD", c)[0] for c in "āáàâäãōóòôöõūúùûüēéèêëīíìîïñç"}
)
"""Dōnan, Sōya, Tōkachi: romaji with long-vowel marks or accents reads as plain letters."""
_DASHES = frozenset("-‐‑‒–—―−~〜")
_JOINERS = frozenset("\uff9e\uff9f\u3099\u309a")  # half-width and combining (semi-)voiced marks
_SPACES = re.compile(r"\s+")
_ROMAJI_OU_OH = re.compile(r"(?<=o)(?:u|h(?![aiueo]))")
_ROMAJI_DOUBLED = re.compile(r"([aiueo])\1+")
_PARENTHESISED_READING = re.compile(r"([\u4e00-\u9fff々]{1,12})[(（]([\u3041-\u30ffー]{1,24})[)）]")
_DASH_AFTER_KANA = re.compile(r"(?<=[\u3041-\u30ff])[-‐‑‒–—―−~〜]")


_SURROGATES = re.compile(r"[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """Lone surrogates (undecodable bytes read from a pipe) as U+FFFD, keeping every offset:
    the reader and the terminal cannot encode them."""
    return _SURROGATES.sub("\ufffd", text)


def is_hiragana(text: str) -> bool:
    """Whether every letter is hiragana (or the long-vowel mark): えぞしか, ですかね."""
    return all("\u3041" <= c <= "\u3096" or c == "ー" for c in text)


def is_kana(char: str) -> bool:
    return "\u3041" <= char <= "\u30ff" and char not in "・゠"


@dataclass(frozen=True)
class Folded:
    """Folded text, and for each of its characters the index of the input character it came from."""

    text: str
    origin: tuple[int, ...]


def _units(text: str) -> list[tuple[int, str]]:
    """Characters with the voiced marks and combining marks that belong to them."""
    units: list[tuple[int, str]] = []
    for index, char in enumerate(text):
        if units and (char in _JOINERS or unicodedata.combining(char)):
            start, unit = units[-1]
            units[-1] = (start, unit + char)
        else:
            units.append((index, char))
    return units


def _fold_chars(text: str) -> str:
    folded = text.casefold().translate(VARIANT_KANJI).translate(_PLAIN_LATIN)
    folded = folded.translate(_KANA_TO_HIRAGANA)
    return _DASH_AFTER_KANA.sub("ー", folded.translate(_SMALL_KANA))


def fold_mapped(text: str) -> Folded:
    """NFKC, case, variant kanji, small kana, dashes after kana -> ー, katakana -> hiragana."""
    if unicodedata.is_normalized("NFKC", text):
        folded = _fold_chars(text)
        if len(folded) == len(text):  # one character for one: the common, fast case
            return Folded(folded, tuple(range(len(text))))
    chars: list[str] = []
    origin: list[int] = []
    for index, unit in _units(text):
        folded = unicodedata.normalize("NFKC", unit).casefold().translate(VARIANT_KANJI)
        folded = folded.translate(_PLAIN_LATIN)
        folded = folded.translate(_KANA_TO_HIRAGANA).translate(_SMALL_KANA)
        if folded in _DASHES and chars and is_kana(chars[-1]):
            folded = "ー"
        for char in folded:
            chars.append(char)
            origin.append(index)
    return Folded("".join(chars), tuple(origin))


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The folded text with runs of white space made one space (see fold_mapped)."""
    return _SPACES.sub(" ", fold_mapped(text).text).strip()


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


def reading_variants(text: str) -> list[tuple[str, tuple[int, ...]]]:
    """Both ways of reading a reading written in parentheses: 炭鉱(やま)の記憶 gives
    炭鉱の記憶 and やまの記憶, each with the index in `text` of every character kept.
    """
    if "(" not in text and "（" not in text:
        return []
    matches = list(_PARENTHESISED_READING.finditer(text))
    if not matches:
        return []
    variants = []
    for keep in ("kanji", "reading"):
        chars: list[str] = []
        origin: list[int] = []
        position = 0
        for match in matches:
            chars.extend(text[position : match.start()])
            origin.extend(range(position, match.start()))
            group = 1 if keep == "kanji" else 2
            chars.extend(match.group(group))
            origin.extend(range(match.start(group), match.end(group)))
            position = match.end()
        chars.extend(text[position:])
        origin.extend(range(position, len(text)))
        variants.append(("".join(chars), tuple(origin)))
    return variants
