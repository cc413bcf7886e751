"""Answers as Discord embeds: a list of pages, each a discord.Embed.

Pure functions of the answer model (no client, no network), so they are tested on plain data.
Long answers (many search hits, a full list) become several pages; the sender pages them with
buttons and enforces Discord's size limits in one place (bot/discord_app/limits.py). Each
kind's own pages come from its module in bot/formatting/kinds/; this adds what every page
shares: what was understood, the source and the page number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.formatting import phrases
from bot.formatting.cards import PAGE_SIZE
from bot.formatting.kinds import kind_of, present
from knowledge.answers import Answer, Source

if TYPE_CHECKING:
    import discord

__all__ = ["PAGE_SIZE", "embed_pages"]


def embed_pages(answer: Answer, source: Source) -> list[discord.Embed]:
    """The answer as one or more embed pages, each with the source and its page number."""
    answer = present(answer)
    kind = kind_of(answer)
    pages = kind.embeds(answer)
    summary = phrases.understood(answer) if kind.summary else None
    if answer.verdict and pages:
        # 800万円超えてる？: the check's answer first, above what it was checked on
        first = pages[0]
        first.description = "\n".join(p for p in (f"**{answer.verdict}**", first.description) if p)
    for number, page in enumerate(pages, start=1):
        if summary:
            page.set_author(name=summary)
        parts = [phrases.footer(source)] if kind.footer else []
        if len(pages) > 1:
            parts.append(f"{number}/{len(pages)}ページ")
        if parts:
            page.set_footer(text=" ・ ".join(parts))
    return pages
