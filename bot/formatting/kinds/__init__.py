"""The answer kinds, registered in one table: model class -> everything needed to show it.

A kind is one module (its text, its embeds, its files, its footer and its Discord view); adding
one means writing that module and adding its KIND to ALL below. The text renderer, the embed
pages, the files and the Discord views all read KINDS, and a test fails for an answer model
that has no entry here.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, TypeVar

from bot.formatting.kinds.about import KIND as ABOUT
from bot.formatting.kinds.base import AnswerKind
from bot.formatting.kinds.browse import KIND as BROWSE
from bot.formatting.kinds.chart import KIND as CHART
from bot.formatting.kinds.clarify import KIND as CLARIFY
from bot.formatting.kinds.compare import KIND as COMPARE
from bot.formatting.kinds.count import KIND as COUNT
from bot.formatting.kinds.error import KIND as ERROR
from bot.formatting.kinds.export import KIND as EXPORT
from bot.formatting.kinds.help import KIND as HELP
from bot.formatting.kinds.list import KIND as LIST
from bot.formatting.kinds.pick import KIND as PICK
from bot.formatting.kinds.rank import KIND as RANK
from bot.formatting.kinds.search import KIND as SEARCH
from bot.formatting.kinds.share import KIND as SHARE
from bot.formatting.kinds.stats import KIND as STATS
from bot.formatting.kinds.total import KIND as TOTAL
from bot.formatting.kinds.where import KIND as WHERE
from knowledge.answers import Answer

__all__ = ["ALL", "KINDS", "AnswerKind", "kind_of", "present"]

A = TypeVar("A", bound=Answer)

ALL: tuple[AnswerKind[Any], ...] = (
    TOTAL,
    LIST,
    SEARCH,
    RANK,
    COMPARE,
    ABOUT,
    HELP,
    ERROR,
    STATS,
    CLARIFY,
    CHART,
    EXPORT,
    BROWSE,
    SHARE,
    PICK,
    WHERE,
    COUNT,
)
KINDS: Mapping[type[Answer], AnswerKind[Any]] = MappingProxyType({k.model: k for k in ALL})


def kind_of(answer: Answer) -> AnswerKind[Any]:
    """The unit that shows this answer (by its exact model class)."""
    return KINDS[type(answer)]


def present(answer: A) -> A:
    """The answer with its presentational fields filled (a chart's title, help's examples).

    The one place presentation hooks run: every renderer (text, embeds, files, the command
    line's JSON) passes its answer through here first. Running it twice changes nothing.
    """
    hook = kind_of(answer).present
    return hook(answer) if hook is not None else answer
