"""Commands for the bot's owners, not for questions: /reload.

Deliberately outside the command registry: they manage the running bot (there is nothing to
reload in a one-shot command line), and only owners may use them.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app import limits
from bot.discord_app.translator import ja

if TYPE_CHECKING:
    from bot.discord_app.client import BudgetBot

log = logging.getLogger(__name__)

NOT_OWNER = "このコマンドはボットの管理者だけが使えます。"


class AdminCommands(commands.Cog):
    def __init__(self, bot: BudgetBot) -> None:
        self.bot = bot

    @app_commands.command(
        name=ja("reload", "再読み込み"),
        description=ja(
            "Owners only: read the data file again (a bad file leaves the current data)",
            "管理者のみ: データファイルを読み直す（問題があれば今のデータのまま）",
        ),
    )
    async def reload(self, interaction: discord.Interaction) -> None:
        if not await self.bot.is_owner(interaction.user):
            log.info("reload refused for %s: not an owner", interaction.user.id)
            await interaction.response.send_message(
                NOT_OWNER, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
            )
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        outcome = await self.bot.reload_data()
        await interaction.edit_original_response(
            content=limits.content(outcome), allowed_mentions=discord.AllowedMentions.none()
        )
