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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from rapidfuzz import fuzz, process

from knowledge.answers import Highlight, Hit
from knowledge.models import MeasureRow
from knowledge.normalize import fold, fold_mapped, fold_romaji, is_kana, is_latin, reading_variants
from knowledge.quantities import AmountRange
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
COMPOUND_PART = 4
"""Kana this long found at one end of a kana word is a part of a compound the reader did not
split (ジオツーリズム): as good as a word of its own. Shorter kana inside words are the trap of
ブリ in イブリ and シカ in イシカリ."""
MIN_LENGTH: dict[MatchKind, int] = {"surface": 1, "reading": 2, "romaji": 4, "typo": 3}
TYPO_CUTOFF = 70.0
SURE = 85.0
"""At or above: the answer. Keyword totals add up only these."""
MAYBE = 60.0
"""At or above (and below SURE): offered as もしかして candidates."""
MAYBE_SHOWN = 5
HOMOPHONE = 0.8
"""A reading match of kanji onto different kanji keeps this much of its score: below SURE."""
AMBIGUOUS_KANA = 2
"""A query of this many kana or fewer (ぶり, カニ) is never answered as sure."""
MAX_QUERY_CHARS = 200
MIN_PART = 2
"""Reader words shorter than this are not searched on their own (品 of 加工品)."""
PARTIAL_PENALTY = 0.4
"""A measure matching only some of the words keeps part of its score: never sure, but still
offered when the words it has match well (ジビエ料理 finds the ジビエ measure)."""
MAX_HITS = 50
"""Hits built into an answer; its count and totals still cover every hit."""
TYPO_CANDIDATES = 200
"""Texts sharing the most letter pairs with a typo'd word, reranked with rapidfuzz."""
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
class _Match:
    score: float
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
    """The band's hits (at most MAX_HITS built), how sure they are, and which measures are
    sure enough to be added up in a keyword total (indexes into the rows)."""

    hits: list[Hit]
    confidence: Confidence
    count: int
    sure: tuple[int, ...]
    sure_total: int
    """The budgets of the sure rows, added up."""


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


def index_text(text: str, reader: Reader) -> tuple[_Channel, ...]:
    """A text in every channel, as written and for each way of reading it (炭鉱(やま))."""
    identity = tuple(range(len(text)))
    channels: list[_Channel] = []
    for variant, origin in [(text, identity), *reading_variants(text)]:
        starts = {word.start for word in reader.morphemes(variant)}
        channels.append(_surface_channel(variant, origin, starts))
        channels.extend(_reading_channels(variant, origin, reader))
    return tuple(channels)


class SearchIndex:
    """Every distinct field text indexed once, in every channel, with a gram index over them.

    Measures share texts (a project runs in several 振興局, names repeat across years), so the
    work and the memory grow with the distinct texts, not with the rows. A query looks up
    candidate texts through the grams of its words, scores only those, and spreads the scores
    to the rows with numpy.
    """

    def __init__(self, rows: list[MeasureRow], reader: Reader) -> None:
        self.reader = reader
        self._rows = rows
        self._texts: list[str] = []
        self._entries: list[tuple[_Channel, ...]] = []
        ids: dict[str, int] = {}
        columns: dict[Field, list[int]] = {field: [] for field in FIELD_WEIGHT}
        for row in rows:
            for field, text in (
                ("measure", row.measure),
                ("project", row.project),
                ("description", row.description),
            ):
                entry = ids.get(text)
                if entry is None:
                    entry = ids[text] = len(self._texts)
                    self._texts.append(text)
                    self._entries.append(index_text(text, reader))
                columns[field].append(entry)  # type: ignore[index]
        self._columns = {
            field: np.array(values, dtype=np.int32) for field, values in columns.items()
        }
        self._grams: dict[ChannelKind, dict[str, np.ndarray]] = {}
        for kind in ("surface", "reading", "romaji"):
            grams: dict[str, set[int]] = {}
            for entry, channels in enumerate(self._entries):
                for channel in channels:
                    if channel.kind == kind:
                        for gram in _grams(channel.text):
                            grams.setdefault(gram, set()).add(entry)
            self._grams[kind] = {
                g: np.fromiter(sorted(e), dtype=np.int32) for g, e in grams.items()
            }
        name_entries = {*self._columns["measure"].tolist(), *self._columns["project"].tolist()}
        self._vocabulary = sorted(
            {
                text[m.start : m.end]
                for text in (self._texts[e] for e in name_entries)
                for m in reader.morphemes(text)
                if m.end - m.start >= 2 and not text[m.start : m.end].isascii()
            }
        )
        self._budgets = np.array([row.budget_thousand_yen for row in rows], dtype=np.int64)
        self._areas = _codes([row.area for row in rows])
        self._subprefectures = _codes([row.subprefecture for row in rows])

    def word(self, text: str) -> QueryWord:
        surface = fold(text).replace(" ", "")
        romaji = fold_romaji(text) if is_latin(text) else self.reader.romaji(text)
        return QueryWord(text, surface, self.reader.reading(text), romaji)

    def search(
        self,
        query: str,
        *,
        within: Sequence[tuple[str, str]] = (),
        budget: AmountRange | None = None,
    ) -> SearchResult:
        """Rows matching the query's words, best first, with the confidence band.

        `within` narrows to regions: ("area", name) or ("subprefecture", name) pairs. `budget`
        keeps only the band's rows in that range, after the band is chosen: a range never turns
        weak candidates into an answer, and count and sure total are over the rows kept.
        """
        words = self._words(query[:MAX_QUERY_CHARS])
        if not words:
            return SearchResult([], "none", 0, (), 0)
        size = len(self._rows)
        total = np.zeros(size)
        matched = np.zeros(size, dtype=np.int32)
        best: list[tuple[np.ndarray, np.ndarray, dict[int, _Match]]] = []
        for word in words:
            matches = self._entry_matches(word)
            scores = np.zeros(len(self._entries))
            for entry, match in matches.items():
                scores[entry] = match.score
            per_field = np.stack([scores[self._columns[f]] * FIELD_WEIGHT[f] for f in FIELD_WEIGHT])
            word_best = per_field.max(axis=0)
            best.append((word_best, per_field, matches))
            total += word_best
            matched += word_best > 0
        with np.errstate(invalid="ignore", divide="ignore"):
            score = np.where(matched > 0, total / np.maximum(matched, 1), 0.0)
        score *= 1.0 - PARTIAL_PENALTY * (len(words) - matched) / len(words)
        keep = score >= MAYBE
        if within:
            keep &= self._region_mask(within)
        found = np.flatnonzero(keep)
        if not len(found):
            return SearchResult([], "none", 0, (), 0)
        ranked = found[np.lexsort((found, -score[found]))]
        sure = ranked[score[ranked] >= SURE]
        shown, confidence = _band(ranked, sure, query)
        if confidence == "maybe" and _katakana(query):
            # ブリ typed in katakana and written so in a measure: that measure, not いぶり
            literal = np.array([i for i in ranked if query in self._row_text(int(i))], dtype=int)
            if len(literal):
                shown, sure, confidence = literal, literal, "sure"
        if budget is not None:
            shown, sure = self._within(shown, budget), self._within(sure, budget)
        hits = [self._hit(int(i), float(score[i]), best) for i in shown[:MAX_HITS]]
        sure_total = int(self._budgets[sure].sum())
        return SearchResult(hits, confidence, len(shown), tuple(sure.tolist()), sure_total)

    def _row_text(self, i: int) -> str:
        row = self._rows[i]
        return f"{row.measure}\n{row.project}\n{row.description}"

    def _within(self, rows: np.ndarray, budget: AmountRange) -> np.ndarray:
        """The rows (in their order) whose budget meets the condition; AmountRange.contains is
        the one definition of a range, and it is asked only about the rows matched."""
        keep = [budget.contains(int(self._budgets[i])) for i in rows]
        return rows[np.array(keep, dtype=bool)] if len(rows) else rows

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

    def _words(self, query: str) -> list[QueryWord]:
        """The query's words; a word found nowhere as typed is split into the reader's words
        when some of those are found (ジビエ料理 -> ジビエ 料理, 加工品 -> 加工)."""
        words: list[QueryWord] = []
        for text in query.split():
            if not fold(text):
                continue
            word = self.word(text)
            if self._exact_entries(word):
                words.append(word)
                continue
            parts = [
                self.word(text[m.start : m.end])
                for m in self.reader.morphemes(text)
                if m.end - m.start >= MIN_PART and not text[m.start : m.end].isspace()
            ]
            if len(parts) > 1 and any(self._exact_entries(p) for p in parts):
                words.extend(parts)
            else:
                words.append(word)
        return words

    def _candidates(self, kind: ChannelKind, needle: str) -> np.ndarray:
        """Entries whose `kind` channel holds every gram of the needle (a superset of matches)."""
        index = self._grams[kind]
        postings = [index.get(gram) for gram in _grams(needle)]
        if any(p is None for p in postings):
            return np.empty(0, dtype=np.int32)
        ordered = sorted((p for p in postings if p is not None), key=len)
        result = ordered[0]
        for posting in ordered[1:]:
            result = np.intersect1d(result, posting, assume_unique=True)
            if not len(result):
                break
        return result

    def _exact_entries(self, word: QueryWord) -> dict[int, _Match]:
        matches: dict[int, _Match] = {}
        kinds: tuple[ChannelKind, ...] = ("surface", "reading", "romaji")
        kanji = any(_script(c) == "kanji" for c in word.text)  # only kanji can be a homophone
        for kind in kinds:
            needle = word.channel(kind)
            if len(needle) < MIN_LENGTH[kind]:
                continue
            for entry in self._candidates(kind, needle).tolist():
                for channel in self._entries[entry]:
                    if channel.kind == kind:
                        match = _exact(channel, needle)
                        if match and kind != "surface" and kanji:
                            match = self._unless_homophone(word, entry, match)
                        if match and (entry not in matches or match.score > matches[entry].score):
                            matches[entry] = match
        return matches

    def written(self, text: str) -> bool:
        """Whether some field text holds these letters as written (kana and width folded),
        looked up through the letter-pair index, not by reading every text."""
        needle = self.word(text).surface
        return bool(needle) and any(
            needle in channel.text
            for entry in self._candidates("surface", needle).tolist()
            for channel in self._entries[entry]
            if channel.kind == "surface"
        )

    def _unless_homophone(self, word: QueryWord, entry: int, match: _Match) -> _Match:
        """A reading match of kanji onto other kanji (会議用 read かいぎよう, 開業 かいぎょう) is
        a homophone: offered, never sure. Kanji onto kana (鰊 onto ニシン) stays a match."""
        text = self._texts[entry]
        written = {c for first, last in match.spans for c in text[first:last]}
        if {c for c in written if _script(c) == "kanji"} - set(word.text):
            return _Match(match.score * HOMOPHONE, match.kind, match.spans)
        return match

    def _entry_matches(self, word: QueryWord) -> dict[int, _Match]:
        """The best match of the word in each entry: exact in any channel, else a typo."""
        matches = self._exact_entries(word)
        if matches or len(word.surface) < MIN_LENGTH["typo"]:
            return matches
        counts: dict[int, int] = {}
        for gram in _grams(word.surface, sizes=(2,)):
            for entry in self._grams["surface"].get(gram, np.empty(0, dtype=np.int32)).tolist():
                counts[entry] = counts.get(entry, 0) + 1
        for entry in sorted(counts, key=lambda e: -counts[e])[:TYPO_CANDIDATES]:
            for channel in self._entries[entry]:
                if channel.kind != "surface":
                    continue
                aligned = fuzz.partial_ratio_alignment(
                    word.surface, channel.text, score_cutoff=TYPO_CUTOFF
                )
                if aligned is not None and aligned.dest_end > aligned.dest_start:
                    score = aligned.score * MATCH_WEIGHT["typo"]
                    if entry not in matches or score > matches[entry].score:
                        spans = _span(channel, aligned.dest_start, aligned.dest_end)
                        matches[entry] = _Match(score, "typo", spans)
        return matches

    def _region_mask(self, within: Sequence[tuple[str, str]]) -> np.ndarray:
        mask = np.zeros(len(self._rows), dtype=bool)
        for kind, name in within:
            codes, names = self._areas if kind == "area" else self._subprefectures
            if name in names:
                mask |= codes == names[name]
        return mask

    def _hit(
        self, row: int, score: float, best: list[tuple[np.ndarray, np.ndarray, dict[int, _Match]]]
    ) -> Hit:
        fields = list(FIELD_WEIGHT)
        highlights: list[Highlight] = []
        first: tuple[Field, MatchKind] | None = None
        for word_best, per_field, matches in best:
            if word_best[row] <= 0:
                continue
            field = fields[int(per_field[:, row].argmax())]
            match = matches[int(self._columns[field][row])]
            first = first or (field, match.kind)
            highlights += [Highlight(field=field, start=a, end=b) for a, b in match.spans]
        field, kind = first or ("measure", "surface")
        return Hit.model_construct(  # our own rows and spans: nothing to validate again
            **vars(self._rows[row]),
            score=round(score, 1),
            matched=field,
            channel=kind,
            highlights=highlights,
        )


def _grams(text: str, sizes: tuple[int, ...] = (1, 2)) -> set[str]:
    """Single characters for one-letter needles, pairs for the rest (what candidates need)."""
    if len(text) == 1:
        return {text}
    return {text[i : i + 2] for i in range(len(text) - 1)} if 2 in sizes else set(text)


def _codes(names: list[str]) -> tuple[np.ndarray, dict[str, int]]:
    table: dict[str, int] = {}
    codes = np.fromiter((table.setdefault(name, len(table)) for name in names), dtype=np.int32)
    return codes, table


def _exact(channel: _Channel, needle: str) -> _Match | None:
    """The best occurrence of the needle in a channel: word edges and the channel decide."""
    best: _Match | None = None
    position = channel.text.find(needle)
    compound = len(needle) >= COMPOUND_PART and all(is_kana(c) for c in needle)
    while position >= 0:
        end = position + len(needle)
        edges = (position in channel.bounds) + (end in channel.bounds)
        if compound and edges == 1 and _inside_kana(channel.text, position, end):
            edges = 2  # ジオ|ツーリズム: the reader keeps a kana compound as one word
        score = 100 * MATCH_WEIGHT[channel.kind] * EDGE_WEIGHT[edges]
        if best is None or score > best.score:
            best = _Match(score, channel.kind, _span(channel, position, end))
        position = channel.text.find(needle, position + 1)
    return best


def _inside_kana(text: str, start: int, end: int) -> bool:
    """The edge that is not a word boundary falls between two kana: the head or tail of a
    kana compound (オロロンライン|ツーリズム), not a piece of a word in kanji."""
    inner = start if start not in (0, len(text)) and is_kana(text[start - 1]) else end
    return 0 < inner < len(text) and is_kana(text[inner - 1]) and is_kana(text[inner])


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


def _katakana(query: str) -> bool:
    text = query.strip()
    return bool(text) and all("\u30a1" <= c <= "\u30fa" or c == "ー" for c in text)


def _band(ranked: np.ndarray, sure: np.ndarray, query: str) -> tuple[np.ndarray, Confidence]:
    """Sure answers, or up to MAYBE_SHOWN candidates: one- and two-kana queries are never sure."""
    letters = [c for c in fold(query) if not c.isspace()]
    ambiguous = len(letters) <= AMBIGUOUS_KANA and all(is_kana(c) for c in letters)
    if len(sure) and not ambiguous:
        return sure, "sure"
    return ranked[:MAYBE_SHOWN], "maybe"
