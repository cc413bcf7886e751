"""Buttons under an answer: pages for long answers, and Share for private ones.

Only the person who asked can press them; they stop after a timeout.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence

import discord

from bot.discord_app import limits
from knowledge.answers import Choice

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 300.0
NOT_YOURS = "このボタンは質問した人だけが使えます。"


class OwnedView(discord.ui.View):
    """Buttons only the person who asked can press; they stop after a timeout."""

    def __init__(self, *, owner_id: int, timeout: float) -> None:
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self.refresh: Callable[[], Awaitable[None]] | None = None
        """Re-shows this view on its message (set by the sender, which knows the message)."""

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await interaction.response.send_message(
            NOT_YOURS, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
        )
        return False

    async def on_timeout(self) -> None:
        for item in self.children:
            if isinstance(item, discord.ui.Button):
                item.disabled = True
        if self.refresh is not None:
            try:
                await self.refresh()
            except discord.HTTPException:
                log.info("could not disable the buttons of an expired answer", exc_info=True)


class ChoiceView(OwnedView):
    """One button per reading of an unclear question; pressing one answers that reading."""

    def __init__(
        self,
        choices: Sequence[Choice],
        *,
        owner_id: int,
        pick: Callable[[discord.Interaction, Choice], Awaitable[None]],
        timeout: float = TIMEOUT_SECONDS,
    ) -> None:
        super().__init__(owner_id=owner_id, timeout=timeout)
        for number, choice in enumerate(choices, start=1):
            button: discord.ui.Button[ChoiceView] = discord.ui.Button(
                label=limits.clip(f"{number}. {choice.label}", limits.BUTTON_LABEL),
                style=discord.ButtonStyle.primary if number == 1 else discord.ButtonStyle.secondary,
            )
            button.callback = self._picker(choice, pick)  # type: ignore[assignment, method-assign]
            self.add_item(button)

    def _picker(
        self, choice: Choice, pick: Callable[[discord.Interaction, Choice], Awaitable[None]]
    ) -> Callable[[discord.Interaction], Awaitable[None]]:
        async def picked(interaction: discord.Interaction) -> None:
            self.stop()
            await pick(interaction, choice)

        return picked


class AnswerView(OwnedView):
    """◀ / ▶ between the pages of one answer, and チャンネルに共有 for a private answer."""

    def __init__(
        self,
        pages: Sequence[discord.Embed],
        *,
        owner_id: int,
        shareable: bool,
        timeout: float = TIMEOUT_SECONDS,
    ) -> None:
        super().__init__(owner_id=owner_id, timeout=timeout)
        self.pages = list(pages)
        self.index = 0
        if len(self.pages) <= 1:
            for item in (self.previous, self.position, self.next):
                self.remove_item(item)
        if not shareable:
            self.remove_item(self.share)
        self._sync()

    @property
    def current(self) -> discord.Embed:
        return self.pages[self.index]

    def _sync(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1
        self.position.label = f"{self.index + 1} / {len(self.pages)}"

    async def _turn(self, interaction: discord.Interaction, step: int) -> None:
        self.index = max(0, min(self.index + step, len(self.pages) - 1))
        self._sync()
        await interaction.response.edit_message(embed=self.current, view=limits.fit_view(self))

    @discord.ui.button(label="◀ 前へ", style=discord.ButtonStyle.secondary)
    async def previous(
        self, interaction: discord.Interaction, _: discord.ui.Button[AnswerView]
    ) -> None:
        await self._turn(interaction, -1)

    @discord.ui.button(label="1 / 1", style=discord.ButtonStyle.secondary, disabled=True)
    async def position(
        self, interaction: discord.Interaction, _: discord.ui.Button[AnswerView]
    ) -> None:
        await interaction.response.defer()  # a label, never enabled

    @discord.ui.button(label="次へ ▶", style=discord.ButtonStyle.secondary)
    async def next(
        self, interaction: discord.Interaction, _: discord.ui.Button[AnswerView]
    ) -> None:
        await self._turn(interaction, 1)

    @discord.ui.button(label="チャンネルに共有", style=discord.ButtonStyle.primary)
    async def share(
        self, interaction: discord.Interaction, button: discord.ui.Button[AnswerView]
    ) -> None:
        """Post the page being read where the whole channel sees it."""
        button.disabled = True
        shared = self.current.copy()
        shared.set_author(name=f"{interaction.user.display_name} さんが共有")
        await interaction.response.send_message(
            embed=limits.fit_embed(shared), allowed_mentions=discord.AllowedMentions.none()
        )
        if self.refresh is not None:
            await self.refresh()
