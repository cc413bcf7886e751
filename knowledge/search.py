"""Japanese-aware search over measure names, project names and descriptions.

Every field is indexed once, at start-up, in three channels: its folded surface (width, case,
kana script, small kana, long-vowel marks and variant kanji folded), its reading in hiragana and
its romaji (from data/regions.toml for place names, SudachiPy for the rest). A query word is
looked for in each channel as an exact substring, scored by

- the channel: surface over reading over romaji (a match as typed beats one through a reading);
- word boundaries: a match that starts and ends on a word edge beats one buried inside another
  word (ブリ the fish over the ぶり inside いぶり);
- the field: the measure's own name over its project's name over its description.

A word found as typed nowhere is split into the reader's words when some of those are found
(ジビエ料理 -> ジビエ 料理); failing that it is tried for typos, with rapidfuzz on the surface
channel (エゾシガ, マウンテンバイグ): readings are too alike (so many end in よう) to align
by chance. Words of one query combine: a measure's score is the mean of its matched words'
best scores, lowered by the share of words it does not match. Scores fall in bands: SURE
answers directly, MAYBE offers candidates (もしかして), below that nothing matched.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

from knowledge.answers import Highlight, Hit
from knowledge.models import MeasureRow
from knowledge.normalize import fold, fold_mapped, fold_romaji, is_kana, is_latin, reading_variants
from knowledge.reading import Reader

Field = Literal["measure", "project", "description"]
ChannelKind = Literal["surface", "reading", "romaji"]
MatchKind = Literal["surface", "reading", "romaji", "typo"]
Confidence = Literal["sure", "maybe", "none"]

FIELD_WEIGHT: dict[Field, float] = {"measure": 1.0, "project": 0.92, "description": 0.85}
MATCH_WEIGHT: dict[MatchKind, float] = {
    "surface": 1.0,
    "reading": 0.94,
    "romaji": 0.9,
    "typo": 0.85,
}
EDGE_WEIGHT = {2: 1.0, 1: 0.82, 0: 0.7}
"""By how many of its two ends a match sits on a word boundary."""
MIN_LENGTH: dict[MatchKind, int] = {"surface": 1, "reading": 2, "romaji": 4, "typo": 3}
TYPO_CUTOFF = 70.0
SURE = 85.0
"""At or above: the answer. Keyword totals add up only these."""
MAYBE = 60.0
"""At or above (and below SURE): offered as もしかして candidates."""
MAYBE_SHOWN = 5
AMBIGUOUS_KANA = 2
"""A query of this many kana or fewer (ぶり, カニ) is never answered as sure."""
MAX_QUERY_CHARS = 200
MIN_PART = 2
"""Reader words shorter than this are not searched on their own (品 of 加工品)."""
PARTIAL_PENALTY = 0.4
SUGGEST_WORD_CUTOFF = 60.0


@dataclass(frozen=True)
class _Channel:
    kind: ChannelKind
    text: str
    spans: tuple[tuple[int, int], ...]
    """For each character of `text`, the span of the original field text it stands for."""
    bounds: frozenset[int]
    """Positions in `text` where a word starts or ends."""


@dataclass(frozen=True)
class _Field:
    name: Field
    channels: tuple[_Channel, ...]


@dataclass(frozen=True)
class _Document:
    order: int
    row: MeasureRow
    fields: tuple[_Field, ...]


@dataclass(frozen=True)
class _Match:
    score: float
    field: Field
    kind: MatchKind
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class QueryWord:
    """One word of a query in the three channels."""

    text: str
    surface: str
    reading: str
    romaji: str

    def channel(self, kind: ChannelKind) -> str:
        return {"surface": self.surface, "reading": self.reading, "romaji": self.romaji}[kind]


@dataclass(frozen=True)
class SearchResult:
    """What to show (the band's hits), how sure it is, and every hit above MAYBE."""

    hits: list[Hit]
    confidence: Confidence
    ranked: list[Hit]

    @property
    def sure_hits(self) -> list[Hit]:
        """The hits certain enough to be added up in a keyword total."""
        return [hit for hit in self.ranked if hit.score >= SURE]


def _script(char: str) -> str:
    if is_kana(char):
        return "katakana" if "\u30a0" <= char <= "\u30ff" else "hiragana"
    if char.isascii():
        return "digit" if char.isdigit() else ("latin" if char.isalpha() else "symbol")
    name = unicodedata.name(char, "")
    return "kanji" if name.startswith("CJK") else "other"


def _surface_channel(text: str, origin: tuple[int, ...], word_starts: set[int]) -> _Channel:
    """The folded text; boundaries at the reader's word edges and wherever the script changes."""
    folded = fold_mapped(text)
    bounds = {0, len(folded.text)}
    for i in range(1, len(folded.text)):
        before, here = folded.origin[i - 1], folded.origin[i]
        if here != before and (here in word_starts or _script(text[before]) != _script(text[here])):
            bounds.add(i)
    spans = tuple((origin[o], origin[o] + 1) for o in folded.origin)
    return _Channel("surface", folded.text, spans, frozenset(bounds))


def _reading_channels(text: str, origin: tuple[int, ...], reader: Reader) -> list[_Channel]:
    channels = []
    for kind in ("reading", "romaji"):
        chars: list[str] = []
        spans: list[tuple[int, int]] = []
        bounds = {0}
        for word in reader.morphemes(text):
            piece = word.reading if kind == "reading" else word.romaji
            span = (origin[word.start], origin[word.end - 1] + 1)
            chars.append(piece)
            spans.extend([span] * len(piece))
            bounds.add(len(spans))
        channels.append(_Channel(kind, "".join(chars), tuple(spans), frozenset(bounds)))
    return channels


def index_field(name: Field, text: str, reader: Reader) -> _Field:
    """A field in every channel, for the text as written and for each way of reading it."""
    identity = tuple(range(len(text)))
    channels: list[_Channel] = []
    for variant, origin in [(text, identity), *reading_variants(text)]:
        starts = {word.start for word in reader.morphemes(variant)}
        channels.append(_surface_channel(variant, origin, starts))
        channels.extend(_reading_channels(variant, origin, reader))
    return _Field(name, tuple(channels))


class SearchIndex:
    """Every measure indexed once; a query only reads its own words."""

    def __init__(self, rows: list[MeasureRow], reader: Reader) -> None:
        self.reader = reader
        self._documents = [
            _Document(
                order=order,
                row=row,
                fields=(
                    index_field("measure", row.measure, reader),
                    index_field("project", row.project, reader),
                    index_field("description", row.description, reader),
                ),
            )
            for order, row in enumerate(rows)
        ]
        self._vocabulary = sorted(
            {
                text[m.start : m.end]
                for row in rows
                for text in (row.measure, row.project)
                for m in reader.morphemes(text)
                if m.end - m.start >= 2 and not text[m.start : m.end].isascii()
            }
        )

    def word(self, text: str) -> QueryWord:
        surface = fold(text).replace(" ", "")
        romaji = fold_romaji(text) if is_latin(text) else self.reader.romaji(text)
        return QueryWord(text, surface, self.reader.reading(text), romaji)

    def search(
        self, query: str, *, where: Callable[[MeasureRow], bool] | None = None
    ) -> SearchResult:
        """Measures matching the query's words, best first, with the confidence band."""
        documents = [d for d in self._documents if where is None or where(d.row)]
        words = self._words(query[:MAX_QUERY_CHARS], documents)
        if not words:
            return SearchResult([], "none", [])
        typos = [not any(self._exact(w, d) for d in documents) for w in words]
        hits: list[tuple[float, int, Hit]] = []
        for document in documents:
            matches = [
                self._best(w, document, typo=typo) for w, typo in zip(words, typos, strict=True)
            ]
            found = [m for m in matches if m is not None]
            if not found:
                continue
            score = sum(m.score for m in found) / len(found) * _coverage(len(found), len(words))
            if score < MAYBE:
                continue
            first = found[0]
            hit = Hit(
                **document.row.model_dump(),
                score=round(score, 1),
                matched=first.field,
                channel=first.kind,
                highlights=[
                    Highlight(field=m.field, start=start, end=end)
                    for m in found
                    for start, end in m.spans
                ],
            )
            hits.append((-score, document.order, hit))
        hits.sort(key=lambda item: item[:2])
        ranked = [hit for _, _, hit in hits]
        shown, confidence = _band(ranked, query)
        return SearchResult(shown, confidence, ranked)

    def _words(self, query: str, documents: list[_Document]) -> list[QueryWord]:
        """The query's words; a word found nowhere as typed is split into the reader's words
        when some of those are found (ジビエ料理 -> ジビエ 料理, 加工品 -> 加工)."""
        words: list[QueryWord] = []
        for text in query.split():
            if not fold(text):
                continue
            word = self.word(text)
            if any(self._exact(word, d) for d in documents):
                words.append(word)
                continue
            parts = [
                self.word(text[m.start : m.end])
                for m in self.reader.morphemes(text)
                if m.end - m.start >= MIN_PART and not text[m.start : m.end].isspace()
            ]
            if len(parts) > 1 and any(self._exact(p, d) for p in parts for d in documents):
                words.extend(parts)
            else:
                words.append(word)
        return words

    def suggest_words(self, query: str, limit: int = 3) -> list[str]:
        """Words of the measure and project names closest to the query (for "did you mean")."""
        wanted = fold(query)
        found = process.extract(
            wanted,
            [fold(w) for w in self._vocabulary],
            scorer=fuzz.ratio,
            limit=limit,
            score_cutoff=SUGGEST_WORD_CUTOFF,
        )
        return [self._vocabulary[index] for _, _, index in found]

    def _exact(self, word: QueryWord, document: _Document) -> bool:
        return any(
            len(word.channel(c.kind)) >= MIN_LENGTH[c.kind] and word.channel(c.kind) in c.text
            for f in document.fields
            for c in f.channels
        )

    def _best(self, word: QueryWord, document: _Document, *, typo: bool) -> _Match | None:
        best: _Match | None = None
        for field in document.fields:
            for match in self._matches(word, field, typo=typo):
                if best is None or match.score > best.score:
                    best = match
        return best

    @staticmethod
    def _matches(word: QueryWord, field: _Field, *, typo: bool) -> Iterable[_Match]:
        weight = FIELD_WEIGHT[field.name]
        for channel in field.channels:
            needle = word.channel(channel.kind)
            if len(needle) < MIN_LENGTH[channel.kind]:
                continue
            position = channel.text.find(needle)
            while position >= 0:
                end = position + len(needle)
                edges = (position in channel.bounds) + (end in channel.bounds)
                score = 100 * MATCH_WEIGHT[channel.kind] * EDGE_WEIGHT[edges] * weight
                yield _Match(score, field.name, channel.kind, _span(channel, position, end))
                position = channel.text.find(needle, position + 1)
            if typo and len(needle) >= MIN_LENGTH["typo"] and channel.kind == "surface":
                aligned = fuzz.partial_ratio_alignment(
                    needle, channel.text, score_cutoff=TYPO_CUTOFF
                )
                if aligned is not None and aligned.dest_end > aligned.dest_start:
                    score = aligned.score * MATCH_WEIGHT["typo"] * weight
                    span = _span(channel, aligned.dest_start, aligned.dest_end)
                    yield _Match(score, field.name, "typo", span)


def _span(channel: _Channel, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The original text matched by text[start:end], as contiguous runs (a reading variant
    such as やまの記憶 stands for two runs of 炭鉱(やま)の記憶)."""
    runs: list[tuple[int, int]] = []
    for first, last in sorted(set(channel.spans[start:end])):
        if runs and first <= runs[-1][1]:
            runs[-1] = (runs[-1][0], max(last, runs[-1][1]))
        else:
            runs.append((first, last))
    return tuple(runs)


def _coverage(found: int, words: int) -> float:
    """A measure matching only some of the words keeps part of its score: never sure, but
    still offered when the words it has match well (ジビエ料理 finds the ジビエ measure)."""
    return 1.0 - PARTIAL_PENALTY * (words - found) / words


def _band(hits: list[Hit], query: str) -> tuple[list[Hit], Confidence]:
    """Sure answers, or up to MAYBE_SHOWN candidates, or nothing."""
    if not hits:
        return [], "none"
    letters = [c for c in fold(query) if not c.isspace()]
    ambiguous = len(letters) <= AMBIGUOUS_KANA and all(is_kana(c) for c in letters)
    sure = [hit for hit in hits if hit.score >= SURE]
    if sure and not ambiguous:
        return sure, "sure"
    return hits[:MAYBE_SHOWN], "maybe"
