"""The one way answers leave the bot: embeds paged and fitted, nobody pinged.

Every message, interaction response and reply goes through here, so Discord's size limits and
allowed_mentions are applied in one place whatever the data or the user typed.
"""

from __future__ import annotations

import discord

from bot.discord_app import limits
from bot.discord_app.views import TIMEOUT_SECONDS, AnswerView
from bot.formatting.embeds import embed_pages
from knowledge.answers import Answer, ErrorAnswer, Source

NO_PINGS = discord.AllowedMentions.none()


def _view(
    pages: list[discord.Embed], owner_id: int, *, shareable: bool, timeout: float
) -> AnswerView | None:
    if len(pages) <= 1 and not shareable:
        return None
    return AnswerView(pages, owner_id=owner_id, shareable=shareable, timeout=timeout)


async def respond(
    interaction: discord.Interaction,
    answer: Answer,
    source: Source,
    *,
    private: bool,
    timeout: float = TIMEOUT_SECONDS,
) -> None:
    """Answer a slash command (or finish a deferred one); errors are always private."""
    private = private or isinstance(answer, ErrorAnswer)
    pages = [limits.fit_embed(page) for page in embed_pages(answer, source)]
    shareable = private and not isinstance(answer, ErrorAnswer)
    view = _view(pages, interaction.user.id, shareable=shareable, timeout=timeout)
    if view is not None:

        async def refresh(v: AnswerView) -> None:
            await interaction.edit_original_response(embed=v.current, view=limits.fit_view(v))

        view.refresh = refresh
    shown = limits.fit_view(view) if view is not None else discord.utils.MISSING
    if interaction.response.is_done():  # deferred: the answer replaces the "thinking" message
        await interaction.edit_original_response(
            embed=pages[0], view=shown, allowed_mentions=NO_PINGS
        )
    else:
        await interaction.response.send_message(
            embed=pages[0], view=shown, ephemeral=private, allowed_mentions=NO_PINGS
        )


async def send_notice(interaction: discord.Interaction, text: str) -> None:
    """A short private message (cooldowns, errors outside an answer)."""
    text = limits.content(text) or ""
    if interaction.response.is_done():
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_PINGS)
    else:
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)


async def reply(
    message: discord.Message, answer: Answer, source: Source, *, timeout: float = TIMEOUT_SECONDS
) -> discord.Message:
    """Answer a chat message with a reply to it (no ping, not even of its author)."""
    pages = [limits.fit_embed(page) for page in embed_pages(answer, source)]
    view = _view(pages, message.author.id, shareable=False, timeout=timeout)
    sent = await message.reply(
        embed=pages[0],
        view=limits.fit_view(view) if view else discord.utils.MISSING,
        mention_author=False,
        allowed_mentions=NO_PINGS,
    )
    if view is not None:

        async def refresh(v: AnswerView) -> None:
            await sent.edit(embed=v.current, view=limits.fit_view(v), allowed_mentions=NO_PINGS)

        view.refresh = refresh
    return sent


async def reply_text(message: discord.Message, text: str) -> discord.Message:
    return await message.reply(
        limits.content(text), mention_author=False, allowed_mentions=NO_PINGS
    )
