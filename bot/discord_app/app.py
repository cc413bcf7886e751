"""Start-up of the Discord bot: `python -m bot` with DISCORD_TOKEN set."""

from __future__ import annotations

import logging

import discord

from bot.discord_app.client import BudgetBot
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
    async with BudgetBot(settings, knowledge, message_content=message_content) as bot:
        await bot.start(token)


async def main(settings: Settings, knowledge: Knowledge) -> None:
    """Run until stopped; without the privileged content intent, fall back to mentions only."""
    assert settings.discord_token is not None
    token = settings.discord_token.get_secret_value()
    wants_content = bool(settings.ask_channel_ids)
    try:
        await run(settings, knowledge, token, message_content=wants_content)
    except discord.PrivilegedIntentsRequired:
        if not wants_content:
            raise
        log.warning(CONTENT_INTENT_WARNING)
        await run(settings, knowledge, token, message_content=False)
