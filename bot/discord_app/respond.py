"""The one way answers leave the bot: embeds paged and fitted, nobody pinged.

Every message, interaction response and reply goes through here, so Discord's size limits and
allowed_mentions are applied in one place whatever the data or the user typed.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import cast

import discord

from bot.discord_app import limits
from bot.discord_app.browse import Mode, browse_view
from bot.discord_app.views import TIMEOUT_SECONDS, AnswerView, ChoiceView, OwnedView
from bot.files import comes_with_files, files_for
from bot.formatting.embeds import embed_pages
from bot.formatting.kinds import kind_of
from knowledge.answers import Answer, BrowseAnswer, Choice, ClarifyAnswer, ErrorAnswer, Source

NO_PINGS = discord.AllowedMentions.none()

Edit = Callable[..., Awaitable[object]]


@dataclass(frozen=True)
class Delivery:
    """What every reply needs besides the answer: the source line, how long its buttons live,
    and how to answer a choice picked from an unclear question."""

    source: Source
    timeout: float = TIMEOUT_SECONDS
    follow_up: Callable[[str], Awaitable[Answer]] | None = None
    browse_mode: Mode = "edit"
    """A pinned panel ("panel") opens each level privately instead of changing itself."""
    track: Callable[[OwnedView], None] | None = None
    """Told of every answer with live buttons, to bound how many are kept."""


def _pages(answer: Answer, delivery: Delivery) -> list[discord.Embed]:
    return [limits.fit_embed(page) for page in embed_pages(answer, delivery.source)]


def _view(
    answer: Answer,
    pages: list[discord.Embed],
    owner_id: int,
    delivery: Delivery,
    *,
    shareable: bool,
) -> discord.ui.View | None:
    """The view the answer's kind asks for: browse menus, choice buttons, or pager and share
    buttons (none for a single page that stays where it is)."""
    wanted = kind_of(answer).view
    if wanted == "browse":
        return browse_view(cast(BrowseAnswer, answer), delivery.browse_mode)
    if wanted == "choices" and delivery.follow_up is not None:
        follow_up = delivery.follow_up

        async def pick(interaction: discord.Interaction, choice: Choice) -> None:
            picked = await follow_up(choice.question)
            edit = interaction.edit_original_response
            await _show(
                interaction.response.edit_message,
                edit,
                picked,
                owner_id,
                delivery,
                attach="attachments",
            )

        choices = cast(ClarifyAnswer, answer).choices
        return ChoiceView(choices, owner_id=owner_id, pick=pick, timeout=delivery.timeout)
    if len(pages) <= 1 and not shareable:
        return None
    return AnswerView(pages, owner_id=owner_id, shareable=shareable, timeout=delivery.timeout)


async def _show(
    send: Edit,
    edit_later: Edit,
    answer: Answer,
    owner_id: int,
    delivery: Delivery,
    *,
    shareable: bool = False,
    attach: str = "files",
    **extra: object,
) -> None:
    """Send an answer with `send`, with its files (`attach` names the keyword `send` takes
    them by); its buttons re-render themselves with `edit_later`."""
    pages = _pages(answer, delivery)
    files = (
        await asyncio.to_thread(files_for, answer, delivery.source)  # a chart takes a moment
        if comes_with_files(answer)
        else []
    )
    view = _view(answer, pages, owner_id, delivery, shareable=shareable)
    if isinstance(view, OwnedView):
        owned = view

        async def refresh() -> None:
            current = owned.current if isinstance(owned, AnswerView) else pages[0]
            await edit_later(embed=current, view=limits.fit_view(owned), allowed_mentions=NO_PINGS)

        owned.refresh = refresh
    shown = limits.fit_view(view) if view is not None else discord.utils.MISSING
    if files:
        extra[attach] = [
            discord.File(io.BytesIO(content), filename=name) for name, content in files
        ]
    await send(embed=pages[0], view=shown, allowed_mentions=NO_PINGS, **extra)
    if isinstance(view, OwnedView) and delivery.track is not None:
        delivery.track(view)
    elif view is not None:
        view.stop()  # browse menus are answered through their custom_id templates, not stored


async def respond(
    interaction: discord.Interaction, answer: Answer, delivery: Delivery, *, private: bool
) -> None:
    """Answer a slash command (or finish a deferred one); errors are always private."""
    private = private or isinstance(answer, ErrorAnswer)
    shareable = private and not isinstance(answer, ErrorAnswer)
    owner = interaction.user.id
    edit = interaction.edit_original_response
    if interaction.response.is_done():  # deferred: the answer replaces the "thinking" message
        await _show(edit, edit, answer, owner, delivery, shareable=shareable, attach="attachments")
    else:
        send = interaction.response.send_message
        await _show(send, edit, answer, owner, delivery, shareable=shareable, ephemeral=private)


async def send_notice(interaction: discord.Interaction, text: str) -> None:
    """A short private message (cooldowns, errors outside an answer)."""
    text = limits.content(text) or ""
    if interaction.response.is_done():
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_PINGS)
    else:
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)


async def reply(message: discord.Message, answer: Answer, delivery: Delivery) -> None:
    """Answer a chat message with a reply to it (no ping, not even of its author)."""
    sent: list[discord.Message] = []

    async def send(**kwargs: object) -> None:
        sent.append(await message.reply(mention_author=False, **kwargs))  # type: ignore[call-overload]

    async def edit_later(**kwargs: object) -> None:
        await sent[0].edit(**kwargs)  # type: ignore[arg-type]

    await _show(send, edit_later, answer, message.author.id, delivery)


async def reply_text(message: discord.Message, text: str) -> discord.Message:
    return await message.reply(
        limits.content(text), mention_author=False, allowed_mentions=NO_PINGS
    )
