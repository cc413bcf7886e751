"""Readings of Japanese text, so kana and romaji reach kanji text and kanji reaches kana.

The reader is SudachiPy with the small SudachiDict (both Apache-2.0): a Rust analyser, about
0.1 ms a sentence here, whose dictionary loads in tens of milliseconds and is memory-mapped.
pykakasi was set aside for its GPL licence and its speed (3-8 ms a sentence), MeCab bindings for
the C build and dictionary download they need. General readers get Hokkaido place names wrong
(Sudachi reads 渡島 alone as トトウ), so names from the region table are read from the table.
Readings are computed once per distinct string and cached.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache

import jaconv
from sudachipy.sudachipy import Dictionary, SplitMode, Tokenizer

from knowledge.normalize import fold, fold_romaji, without_surrogates

MAX_CHUNK = 2000
"""Sudachi refuses very long inputs; longer text is read in chunks of this many characters."""
_SYMBOL_CLASSES = {"補助記号", "空白", "記号"}
_JAPANESE = re.compile(r"[\u3041-\u30ff\u4e00-\u9fff々]")


@dataclass(frozen=True)
class Morpheme:
    """A word of the text: where it stands, and its reading in folded hiragana and in romaji."""

    start: int
    end: int
    reading: str
    romaji: str


@lru_cache(maxsize=1 << 16)
def romaji_of(kana: str) -> str:
    """Hepburn romaji of a kana reading, long vowels folded (ジョウモン -> jomon).

    Takes the reading before folding: small kana matter here (じょ is jo, じよ is jiyo).
    """
    return fold_romaji(jaconv.kana2alphabet(jaconv.kata2hira(kana)))


class Reader:
    """Splits text into words with readings; place names from `overrides` (surface -> kana)."""

    def __init__(self, overrides: Mapping[str, str] | None = None) -> None:
        self._overrides = {fold(k): v for k, v in (overrides or {}).items() if k}
        names = sorted(self._overrides, key=len, reverse=True)
        self._override_pattern = re.compile("|".join(map(re.escape, names))) if names else None
        self._cache: dict[str, tuple[Morpheme, ...]] = {}
        self._lock = threading.Lock()
        """A Sudachi tokenizer must not be used by two threads at once (the bot answers several
        questions at a time, each in a worker thread)."""

    @cached_property
    def _tokenizer(self) -> Tokenizer:
        return Dictionary(dict="small").tokenizer(mode=SplitMode.C)

    def morphemes(self, text: str) -> tuple[Morpheme, ...]:
        """The words of `text` (offsets into `text`), computed once per distinct string."""
        cached = self._cache.get(text)
        if cached is None:
            cached = self._cache[text] = tuple(self._read(text))
        return cached

    def reading(self, text: str) -> str:
        return "".join(m.reading for m in self.morphemes(text))

    def romaji(self, text: str) -> str:
        return "".join(m.romaji for m in self.morphemes(text))

    def _read(self, text: str) -> list[Morpheme]:
        words: list[Morpheme] = []
        position = 0
        folded = fold_for_overrides(text)
        for match in self._override_pattern.finditer(folded) if self._override_pattern else ():
            words += self._analyse(text, position, match.start())
            kana = self._overrides[match.group()]
            words.append(Morpheme(match.start(), match.end(), fold(kana), romaji_of(kana)))
            position = match.end()
        words += self._analyse(text, position, len(text))
        return words

    def _analyse(self, text: str, start: int, end: int) -> list[Morpheme]:
        words = []
        for chunk_start in range(start, end, MAX_CHUNK):
            chunk = text[chunk_start : min(chunk_start + MAX_CHUNK, end)]
            if not chunk.strip():
                continue
            with self._lock:
                tokens = list(self._tokenizer.tokenize(without_surrogates(chunk)))
            for m in tokens:
                surface = m.surface()
                if not surface.strip():
                    continue
                japanese = _JAPANESE.search(surface) is not None
                symbol = m.part_of_speech()[0] in _SYMBOL_CLASSES
                kana = m.reading_form() if japanese and not symbol else ""
                reading = fold(kana or surface)
                words.append(
                    Morpheme(
                        chunk_start + m.begin(),
                        chunk_start + m.end(),
                        reading,
                        romaji_of(kana) if kana else fold_romaji(surface),
                    )
                )
        return words


def fold_for_overrides(text: str) -> str:
    """Text folded character by character (same length), to find place names at their offsets."""
    return "".join(fold(c) or c for c in text)


CONTENT_CLASSES = frozenset({"名詞", "接頭辞", "接尾辞", "形状詞"})
"""What a topic is made of: nouns and what attaches to them, not verbs, particles or endings."""


_LOANWORD_IN_HIRAGANA = re.compile(
    r"(?![あいうえおんぁぃぅぇぉ]ー)[\u3041-\u3096]+ー[\u3041-\u3096][\u3041-\u3096ー]*"
    r"(?<=[\u3041-\u3096ー]{4})"
)
"""わーけーしょん: a word with a long-vowel mark typed in hiragana is a loanword (ワーケーション),
one noun, not the interjections the dictionary reads わー and けー as."""


class ContentWords:
    """The content words of a question's leftover text: runs of nouns (移住定住対策, エゾシカ肉),
    without the verbs, particles and polite endings around them (掲げている, になります)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    @cached_property
    def _tokenizer(self) -> Tokenizer:
        return Dictionary(dict="small").tokenizer(mode=SplitMode.C)

    def _tokens(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, part of speech) of each morpheme, loanwords typed in hiragana read as
        the katakana words they are."""
        if not text.strip():
            return []
        typed = _LOANWORD_IN_HIRAGANA.sub(lambda m: jaconv.hira2kata(m.group()), text)
        with self._lock:
            return [
                (m.begin(), m.end(), m.part_of_speech()[0])
                for m in self._tokenizer.tokenize(without_surrogates(typed[:MAX_CHUNK]))
            ]

    def words(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every morpheme of `text`: where its words begin and end."""
        return [(begin, end) for begin, end, _ in self._tokens(text)]

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each run of content morphemes in `text`."""
        runs: list[tuple[int, int]] = []
        for begin, end, kind in self._tokens(text):
            if kind not in CONTENT_CLASSES or not text[begin:end].strip():
                continue
            if runs and runs[-1][1] == begin:
                runs[-1] = (runs[-1][0], end)
            else:
                runs.append((begin, end))
        return runs


CONTENT_WORDS = ContentWords()
