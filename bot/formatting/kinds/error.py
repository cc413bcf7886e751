"""A request that could not be answered: its message, and nothing that looks like a figure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.formatting import cards
from bot.formatting.kinds.base import AnswerKind
from knowledge.answers import ErrorAnswer

if TYPE_CHECKING:
    import discord


def text(answer: ErrorAnswer) -> list[str]:
    return [answer.message]


def embeds(answer: ErrorAnswer) -> list[discord.Embed]:
    return [cards.embed("お答えできませんでした", answer.message, cards.RED)]


KIND = AnswerKind(
    model=ErrorAnswer, text=text, embeds=embeds, files=None, footer=False, view="pages"
)
"""No source footer: an error quotes no figure of the table."""
