"""Discord embeds from plain data, with discord.py imported on the first embed drawn.

Every answer kind keeps its embed builder next to its text renderer, and the command line
imports all of them without ever drawing an embed: importing discord.py would cost it about
0.2 s of cold start for nothing. So nothing here imports discord until it is called; the
types come in for the type checker only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

from bot.formatting import phrases
from knowledge.amounts import amount_text

if TYPE_CHECKING:
    import discord

    from knowledge.answers import Group
    from knowledge.models import MeasureRow

T = TypeVar("T")

PAGE_SIZE = 6
"""Measures per page: enough to scan in a meeting, short enough to read without scrolling."""

BLUE = 0x1E6FD9
GREEN = 0x2E9E5B
GOLD = 0xD9A41E
PURPLE = 0x7B4FD1
GREY = 0x80868F
RED = 0xD93B3B


def embed(title: str | None, description: str | None, colour: int) -> discord.Embed:
    """An embed page; the one place discord.Embed is made."""
    import discord  # noqa: PLC0415 - the command line never pays for discord.py

    return discord.Embed(title=title, description=description, colour=discord.Colour(colour))


def escape(text: str) -> str:
    """What people typed, shown as typed (no accidental bold, links or mentions markup)."""
    import discord  # noqa: PLC0415 - see embed

    return discord.utils.escape_markdown(text)


BOLD = ("**", "**", escape)
"""Where a search matched, in Discord: 【空知地域**エゾシカ**肉有効活用需要喚起事業】."""


def strong(text: str) -> str:
    return f"**{text}**"


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """The items in runs of `size`; one empty run for no items (a page says "nothing")."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [items]


def measure_field(row: MeasureRow) -> tuple[str, str]:
    return (
        f"【{row.measure}】",
        f"**{amount_text(row.budget_thousand_yen)}**\n{row.subprefecture} ・ {row.project}",
    )


def bar(value: int, largest: int) -> str:
    """A text bar in a code span, so Discord draws its blocks at full width."""
    return f"`{phrases.bar(value, largest) or '▏'}`"


def group_field(group: Group, whole: int, largest: int, *, of_all: bool) -> tuple[str, str]:
    """A subtotal with its share and a text bar, so the split shows even with images off."""
    share = (
        f"{group.share * 100:.1f}%" if of_all else phrases.percent(group.total_thousand_yen, whole)
    )
    return (
        group.full_name,
        f"{amount_text(group.total_thousand_yen)}\n"
        f"{bar(group.total_thousand_yen, largest)} {share} ・ 施策 {group.count}件",
    )


def group_fields(
    groups: Sequence[Group], whole: int, *, of_all: bool = False
) -> list[tuple[str, str]]:
    largest = max((g.total_thousand_yen for g in groups), default=0)
    return [group_field(g, whole, largest, of_all=of_all) for g in groups]


def pages(
    title: str,
    description: str,
    colour: int,
    fields: Sequence[tuple[str, str]],
    *,
    inline: bool = False,
    size: int = PAGE_SIZE,
) -> list[discord.Embed]:
    """Fields spread over as many pages as they need, each with the same title and lead."""
    built = []
    for chunk in chunks(fields, size):
        page = embed(title, description, colour)
        for name, value in chunk:
            page.add_field(name=name, value=value, inline=inline)
        built.append(page)
    return built
