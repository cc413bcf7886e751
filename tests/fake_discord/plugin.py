"""pytest fixtures for the fake Discord server (loaded via ``pytest_plugins`` in conftest)."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Callable

import discord
import pytest

from .server import FakeDiscord

log = logging.getLogger(__name__)


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A started FakeDiscord with discord.py pointed at it; restored and stopped afterwards.

    Teardown fails the test if the client called a route the fake does not know or a fake
    handler crashed (set ``fake.allow_unknown_routes = True`` to tolerate unknown routes).
    """
    fake = FakeDiscord()
    await fake.start()
    try:
        with fake.redirect_discord():
            yield fake
    finally:
        await fake.stop()
    fake.assert_clean()


@pytest.fixture
def run_client(
    fake_discord: FakeDiscord,
) -> Callable[..., contextlib.AbstractAsyncContextManager[discord.Client]]:
    """``async with run_client(bot) as bot:`` logs ``bot`` in, waits for READY, closes it after."""
    return fake_discord.running
