"""What an answer kind is made of: everything a front end needs to show one kind of answer.

One AnswerKind per answer model, declared in that kind's own module and registered in the one
table of bot/formatting/kinds/__init__.py; the renderers, the files and the Discord views read
that table instead of keeping lists of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Literal, TypeVar

from knowledge.answers import Answer, Source

if TYPE_CHECKING:
    import discord

A = TypeVar("A", bound=Answer)

View = Literal["pages", "choices", "browse"]
"""The Discord view a reply gets: pager and share buttons, a clarify's choice buttons, or the
browse menus."""


@dataclass(frozen=True, kw_only=True)
class AnswerKind(Generic[A]):
    """One answer kind as a unit: its text, its embeds, its files and how Discord shows it."""

    model: type[A]
    text: Callable[[A], list[str]]
    """The reply's lines, without what was understood and the source footer (added around)."""
    embeds: Callable[[A], list[discord.Embed]]
    """The reply as embed pages, without author, footer and page numbers (added around)."""
    files: Callable[[A, Source], list[tuple[str, bytes]]] | None
    """(file name, content) of the files the answer comes with; None: it comes with none."""
    footer: bool
    """Whether the reply ends with the source: not for replies without figures of the table,
    or that say where they come from themselves."""
    view: View
    summary: bool = True
    """Whether the reply starts with what was understood (▶ 対象: …): not where the reply
    itself asks or teaches how to ask."""
    present: Callable[[A], A] | None = None
    """Fills the answer's presentational fields (a chart's title, help's examples): wording
    belongs to the formatting side, while the engine computes only from data."""
