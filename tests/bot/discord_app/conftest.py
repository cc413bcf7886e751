"""The project's bot, running against the fake Discord of tests/fake_discord."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from bot.discord_app.client import BudgetBot
from bot.settings import Settings
from knowledge import load_knowledge
from tests.fake_discord import FakeDiscord

StartBot = Callable[..., AbstractAsyncContextManager[BudgetBot]]


@pytest.fixture
def start_bot(fake_discord: FakeDiscord) -> StartBot:
    """`async with start_bot(...) as bot:` runs a BudgetBot logged in to the fake Discord."""

    @asynccontextmanager
    async def start(
        *,
        data_path: Path | None = None,
        guild: bool = False,
        ask_channels: frozenset[int] = frozenset(),
        message_content: bool = False,
        watch: bool = False,
        **options: Any,
    ) -> AsyncIterator[BudgetBot]:
        settings = Settings(
            _env_file=None,
            discord_token=fake_discord.token,
            discord_guild_id=fake_discord.guild.id if guild else None,
            ask_channel_ids=ask_channels,
            data_path=data_path,
            watch_data=watch,
        )
        bot = BudgetBot(
            settings,
            load_knowledge(data_path),
            message_content=message_content,
            guild_ready_timeout=0.05,
            **options,
        )
        async with fake_discord.running(bot):
            yield bot

    return start
