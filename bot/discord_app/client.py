"""The Discord client: intents, command sync, the one error handler and the answer path."""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app import limits
from bot.discord_app.admin import AdminCommands
from bot.discord_app.browse import BrowseBack, BrowsePick
from bot.discord_app.chat import ChatQuestions
from bot.discord_app.cooldown import CHANNEL_PER_SECONDS, CHANNEL_RATE, UserCooldown
from bot.discord_app.respond import Delivery, respond, send_notice
from bot.discord_app.slash import SlashCommands
from bot.discord_app.translator import RegistryTranslator
from bot.discord_app.views import TIMEOUT_SECONDS, OwnedView
from bot.errors import INTERNAL_MESSAGE, error_answer
from bot.settings import Settings
from knowledge.answers import Answer
from knowledge.engine import Knowledge, load_knowledge
from knowledge.errors import KnowledgeError
from knowledge.parser import SHIPPED_DATA
from knowledge.router import ask

log = logging.getLogger(__name__)

WATCH_SECONDS = 5.0
MAX_LIVE_VIEWS = 1_000
"""Answers whose buttons still work; older ones are stopped, so memory stays bounded."""
DEFER_AFTER_SECONDS = 1.0
"""Answers slower than this are deferred ("thinking…"), well inside Discord's 3 seconds."""


def _modified(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def intents(*, message_content: bool) -> discord.Intents:
    """The least the bot needs: guild and DM messages (mentions carry their content anyway)."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    wanted.guild_messages = True
    wanted.dm_messages = True
    wanted.message_content = message_content
    return wanted


class BudgetBot(commands.Bot):
    def __init__(
        self,
        settings: Settings,
        knowledge: Knowledge,
        *,
        message_content: bool,
        defer_after: float = DEFER_AFTER_SECONDS,
        cooldown: UserCooldown | None = None,
        view_timeout: float = TIMEOUT_SECONDS,
        max_live_views: int = MAX_LIVE_VIEWS,
        watch_every: float = WATCH_SECONDS,
        **options: Any,  # noqa: ANN401 - passed through to discord.py unchanged
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents(message_content=message_content),
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),
            owner_ids=set(settings.owner_ids) or None,
            **options,
        )
        self._watcher: asyncio.Task[None] | None = None
        self.watch_every = watch_every
        self.settings = settings
        self.knowledge = knowledge
        self.defer_after = defer_after
        self.view_timeout = view_timeout
        self.cooldown = UserCooldown() if cooldown is None else cooldown
        self.channel_cooldown = UserCooldown(CHANNEL_RATE, CHANNEL_PER_SECONDS)
        self.live_views: deque[OwnedView] = deque()
        self.max_live_views = max_live_views
        self.tree.error(self.on_app_command_error)

    async def setup_hook(self) -> None:
        await asyncio.to_thread(self.knowledge.prepare)  # indexes now, not at the first question
        await self.tree.set_translator(RegistryTranslator())
        await self.add_cog(SlashCommands(self))
        await self.add_cog(ChatQuestions(self))
        await self.add_cog(AdminCommands(self))
        self.add_dynamic_items(BrowsePick, BrowseBack)  # pinned browse panels survive restarts
        await self.sync_commands()
        if self.settings.watch_data:
            self._watcher = asyncio.create_task(
                self.watch_data(self.watch_every), name="watch-data"
            )

    async def sync_commands(self) -> None:
        """To the configured guild (shown at once), else globally."""
        if self.settings.discord_guild_id is not None:
            guild = discord.Object(id=self.settings.discord_guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to guild %s", len(synced), guild.id)
        else:
            synced = await self.tree.sync()
            log.info("synced %d global commands", len(synced))

    async def close(self) -> None:
        if self._watcher is not None:
            self._watcher.cancel()
        await super().close()

    async def on_ready(self) -> None:
        log.info("ready as %s in %d guilds", self.user, len(self.guilds))

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: chat questions are handled by the ChatQuestions cog."""

    async def compute(
        self, question: Callable[[Knowledge], Answer], knowledge: Knowledge | None = None
    ) -> Answer:
        """Run a query off the event loop on one version of the data (a reload swaps versions
        between answers, never inside one); errors become error answers."""
        data = knowledge or self.knowledge

        def run() -> Answer:
            try:
                return question(data)
            except Exception as exc:  # the one error handler decides what the user sees
                return error_answer(exc)

        return await asyncio.to_thread(run)

    async def answer_interaction(
        self,
        interaction: discord.Interaction,
        question: Callable[[Knowledge], Answer],
        *,
        private: bool,
        panel: bool = False,
    ) -> None:
        """Answer at once when quick; defer first when the answer takes longer than a moment."""
        knowledge = self.knowledge  # the answer and its source line come from the same data
        task = asyncio.ensure_future(self.compute(question, knowledge))
        done, _ = await asyncio.wait({task}, timeout=self.defer_after)
        if not done:
            await interaction.response.defer(ephemeral=private, thinking=True)
        delivery = self.delivery_for(knowledge)
        if panel:
            delivery = replace(delivery, browse_mode="panel")
        await respond(interaction, await task, delivery, private=private)

    async def reload_data(self) -> str:
        """Read the data file again; swap it in only once parsed, validated and indexed whole.

        A file with a problem leaves the current data answering and says which line and why.
        """
        path = self.settings.data_path
        try:
            fresh = await asyncio.to_thread(lambda: load_knowledge(path).prepare())
        except KnowledgeError as exc:
            log.warning("reload refused, the current data stays: %s", exc)
            return f"再読み込みできませんでした。今のデータのまま答え続けます。\n{exc}"
        self.knowledge = fresh  # one assignment: each answer reads one version or the other
        about = fresh.about()
        log.info(
            "data reloaded: %d measures, %d thousand yen", about.measures, about.total_thousand_yen
        )
        return (
            f"再読み込みしました: {about.title}（{about.fiscal_year or '年度不明'}）"
            f" 施策 {about.measures}件 ・ 合計 {about.total_thousand_yen:,}千円"
        )

    async def watch_data(self, every: float = WATCH_SECONDS) -> None:
        """Reload when the data file changes; tell the owners when the new file is refused."""
        path = self.settings.data_path or SHIPPED_DATA
        seen = _modified(path)
        while not self.is_closed():
            await asyncio.sleep(every)
            current = _modified(path)
            if current == seen:
                continue
            seen = current
            outcome = await self.reload_data()
            if outcome.startswith("再読み込みできません"):
                await self.tell_owners(outcome)

    async def tell_owners(self, text: str) -> None:
        """A direct message to each owner (from OWNER_IDS, else the application's owner)."""
        owners = set(self.settings.owner_ids)
        if not owners:
            info = await self.application_info()
            owners = {m.id for m in info.team.members} if info.team else {info.owner.id}
        for owner in owners:
            try:
                user = await self.fetch_user(owner)
                await user.send(
                    limits.content(text) or "", allowed_mentions=discord.AllowedMentions.none()
                )
            except discord.HTTPException:
                log.warning(
                    "could not tell owner %s about the refused data file", owner, exc_info=True
                )

    @property
    def delivery(self) -> Delivery:
        return self.delivery_for(self.knowledge)

    def delivery_for(self, knowledge: Knowledge) -> Delivery:
        """How replies are sent: source line, button lifetime, and what a picked choice asks."""
        return Delivery(knowledge.source, self.view_timeout, self.ask, track=self.track)

    def track(self, view: OwnedView) -> None:
        """Keep at most max_live_views answers' buttons alive: the oldest stop working first."""
        self.live_views.append(view)
        while len(self.live_views) > self.max_live_views:
            self.live_views.popleft().stop()
        while self.live_views and self.live_views[0].is_finished():
            self.live_views.popleft()

    async def ask(self, question: str) -> Answer:
        """The /ask engine, for chat questions and for choices picked from an unclear question."""
        return await self.compute(lambda knowledge: ask(knowledge, question))

    async def on_app_command_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        log.error(
            "slash command failed: %s",
            interaction.command and interaction.command.name,
            exc_info=error,
        )
        try:
            await send_notice(interaction, INTERNAL_MESSAGE)
        except discord.HTTPException:
            log.warning("could not tell the user about the failure", exc_info=True)


class ShardedBudgetBot(BudgetBot, commands.AutoShardedBot):
    """The same bot on several gateway connections: Discord's own sharding, for many servers."""


def make_bot(
    settings: Settings,
    knowledge: Knowledge,
    *,
    message_content: bool,
    **options: Any,  # noqa: ANN401 - passed through to discord.py unchanged
) -> BudgetBot:
    """A BudgetBot, or an auto-sharded one when SHARD_COUNT asks for it (a number, or auto)."""
    if settings.shard_count is None:
        return BudgetBot(settings, knowledge, message_content=message_content, **options)
    count = None if settings.shard_count == "auto" else settings.shard_count
    log.info("running sharded: %s shard(s)", count or "auto")
    return ShardedBudgetBot(
        settings, knowledge, message_content=message_content, shard_count=count, **options
    )
