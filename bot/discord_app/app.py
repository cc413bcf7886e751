"""Start-up of the Discord bot: `python -m bot` with DISCORD_TOKEN set."""

from __future__ import annotations

import asyncio
import logging
import signal

import discord

from bot.discord_app.client import make_bot
from bot.settings import Settings
from knowledge.engine import Knowledge

log = logging.getLogger(__name__)

CONTENT_INTENT_WARNING = (
    "ASK_CHANNEL_IDS is set but the MESSAGE CONTENT INTENT is not enabled for this bot: "
    "enable it in the Developer Portal (Bot > Privileged Gateway Intents). Until then only "
    "mentions, DMs and slash commands are answered."
)


async def run(
    settings: Settings, knowledge: Knowledge, token: str, *, message_content: bool
) -> None:
    async with make_bot(settings, knowledge, message_content=message_content) as bot:
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, _stop, bot, signum)
        try:
            await bot.start(token)
        finally:
            for signum in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(signum)


_closing: set[asyncio.Task[None]] = set()


def _stop(bot: discord.Client, signum: int) -> None:
    """SIGINT or SIGTERM: close the gateway cleanly; start() returns and the process exits 0."""
    log.info("stopping on %s", signal.Signals(signum).name)
    task = asyncio.get_running_loop().create_task(bot.close())
    _closing.add(task)
    task.add_done_callback(_closing.discard)


BAD_TOKEN = (
    "Discord にログインできません: DISCORD_TOKEN が正しくありません"
    "（Developer Portal の Bot > Reset Token で発行し直して .env に設定してください）。"
)


async def main(settings: Settings, knowledge: Knowledge) -> int:
    """Run until stopped and return the exit status.

    Without the privileged content intent the bot falls back to mentions and slash commands; a
    rejected token is one clear line, not a traceback.
    """
    if settings.discord_token is None:
        log.error("DISCORD_TOKEN is not set")
        return 2
    token = settings.discord_token.get_secret_value()
    wants_content = bool(settings.ask_channel_ids)
    try:
        try:
            await run(settings, knowledge, token, message_content=wants_content)
        except discord.PrivilegedIntentsRequired:
            if not wants_content:
                raise
            log.warning(CONTENT_INTENT_WARNING)
            await run(settings, knowledge, token, message_content=False)
    except discord.LoginFailure:
        log.error(BAD_TOKEN)
        return 2
    return 0
