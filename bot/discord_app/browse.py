"""Drill-down browsing with select menus: areas → 振興局 → projects and measures.

The components are discord.py DynamicItems: their custom_ids carry all the state they need
(hb:browse:pick:edit, hb:browse:back:panel:道南連携地域), and the bot registers their templates
at start-up, so a pinned panel keeps working after a restart. On an ordinary answer a pick
changes the message in place; on a panel it opens the next level privately, leaving the panel
as it is for everyone else.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Literal

import discord

from bot.discord_app import limits
from bot.formatting.embeds import embed_pages
from knowledge.answers import BrowseAnswer

if TYPE_CHECKING:
    from bot.discord_app.client import BudgetBot

Mode = Literal["edit", "panel"]
PREFIX = "hb:browse"


def _mode(text: str) -> Mode:
    return "panel" if text == "panel" else "edit"


class BrowsePick(
    discord.ui.DynamicItem[discord.ui.Select[Any]], template=r"hb:browse:pick:(?P<mode>edit|panel)"
):
    """The menu of the next level down."""

    def __init__(self, mode: Mode, options: list[discord.SelectOption] | None = None) -> None:
        super().__init__(
            discord.ui.Select(
                custom_id=f"{PREFIX}:pick:{mode}",
                placeholder="選んでください",
                options=options or [discord.SelectOption(label="…")],
            )
        )
        self.mode = mode

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction,  # noqa: ARG003 - the signature discord.py calls
        item: discord.ui.Item[Any],  # noqa: ARG003
        match: re.Match[str],
        /,
    ) -> BrowsePick:
        return cls(_mode(match["mode"]))

    async def callback(self, interaction: discord.Interaction) -> None:
        values = self.item.values  # filled from the interaction by discord.py before this call
        await show_level(interaction, values[0] if values else None, mode=self.mode)


class BrowseBack(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"hb:browse:back:(?P<mode>edit|panel):(?P<target>.*)",
):
    """Back up one level (target empty: the areas)."""

    def __init__(self, mode: Mode, target: str) -> None:
        super().__init__(
            discord.ui.Button(
                label="◀ 戻る",
                style=discord.ButtonStyle.secondary,
                custom_id=limits.custom_id(f"{PREFIX}:back:{mode}:{target}"),
            )
        )
        self.mode, self.target = mode, target

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction,  # noqa: ARG003 - the signature discord.py calls
        item: discord.ui.Item[Any],  # noqa: ARG003
        match: re.Match[str],
        /,
    ) -> BrowseBack:
        return cls(_mode(match["mode"]), match["target"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await show_level(interaction, self.target or None, mode=self.mode)


def browse_view(answer: BrowseAnswer, mode: Mode) -> discord.ui.View:
    """The menu of the level below (at most 25 entries, Discord's limit) and a back button."""
    view = discord.ui.View(timeout=None)
    if answer.level != "subprefecture" and answer.groups:
        options = [
            discord.SelectOption(
                label=limits.clip(group.full_name, limits.CHOICE_NAME),
                value=limits.clip(group.name, limits.CHOICE_VALUE),
                description=limits.clip(
                    f"{group.total_thousand_yen:,}千円 ・ 全道の{group.share * 100:.1f}%",
                    limits.CHOICE_NAME,
                ),
            )
            for group in answer.groups[: limits.CHOICES]
        ]
        view.add_item(BrowsePick(mode, options))
    if answer.parent is not None:
        view.add_item(BrowseBack(mode, "" if answer.parent.kind == "all" else answer.parent.name))
    return view


async def show_level(interaction: discord.Interaction, region: str | None, *, mode: Mode) -> None:
    """Answer a pick or a back press with that level: in place, or privately from a panel."""
    bot: BudgetBot = interaction.client  # type: ignore[assignment]
    knowledge = bot.knowledge  # the level and its source line come from the same data
    answer = await bot.compute(lambda data: data.browse(region), knowledge)
    pages = [limits.fit_embed(page) for page in embed_pages(answer, knowledge.source)]
    if not isinstance(answer, BrowseAnswer):  # an error answer: said privately
        await interaction.response.send_message(embed=pages[0], ephemeral=True)
        return
    view = limits.fit_view(browse_view(answer, "edit"))
    no_pings = discord.AllowedMentions.none()
    if mode == "panel":
        await interaction.response.send_message(
            embed=pages[0], view=view, ephemeral=True, allowed_mentions=no_pings
        )
    else:
        await interaction.response.edit_message(
            embed=pages[0], view=view, allowed_mentions=no_pings
        )
