"""First fuzzy search over measure names, project names and descriptions.

Texts are folded once at start-up (NFKC, case, kana script), so ｴｿﾞｼｶ, えぞしか and エゾシカ meet
the same text; rapidfuzz's partial_ratio scores each query word against each field, and a match
in a measure's own name counts more than one in its project or its description.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from knowledge.answers import Hit
from knowledge.models import MeasureRow
from knowledge.normalize import fold

Field = Literal["measure", "project", "description"]

FIELD_WEIGHTS: dict[Field, float] = {"measure": 1.0, "project": 0.9, "description": 0.85}
LIST_CUTOFF = 60.0
"""Hits below this are not shown at all."""
STRONG_CUTOFF = 85.0
"""Hits at or above this are sure enough to be summed into a keyword total."""


@dataclass(frozen=True)
class _Document:
    row: MeasureRow
    fields: tuple[tuple[Field, str], ...]


class SearchIndex:
    """The folded texts of every measure, built once; queries only fold themselves."""

    def __init__(self, rows: list[MeasureRow]) -> None:
        self._documents = [
            _Document(
                row=row,
                fields=(
                    ("measure", fold(row.measure)),
                    ("project", fold(row.project)),
                    ("description", fold(row.description)),
                ),
            )
            for row in rows
        ]

    def search(self, query: str, *, cutoff: float = LIST_CUTOFF) -> list[Hit]:
        """Measures matching every word of the query, best first (ties keep document order)."""
        words = fold(query).split()
        if not words:
            return []
        hits: list[Hit] = []
        for document in self._documents:
            scores = [self._score_word(word, document) for word in words]
            score = sum(s for s, _ in scores) / len(scores)
            if score >= cutoff:
                best_field = max(scores, key=lambda s: s[0])[1]
                hits.append(
                    Hit(**document.row.model_dump(), score=round(score, 1), matched=best_field)
                )
        hits.sort(key=lambda hit: -hit.score)
        return hits

    @staticmethod
    def _score_word(word: str, document: _Document) -> tuple[float, Field]:
        best: tuple[float, Field] = (0.0, "measure")
        for field, text in document.fields:
            score = fuzz.partial_ratio(word, text) * FIELD_WEIGHTS[field]
            if score > best[0]:
                best = (score, field)
        return best
