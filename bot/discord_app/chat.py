"""Questions in chat: a message that mentions the bot (or any message in an ask channel, or a DM)
is answered by the same engine as /ask, as a reply to that message.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from bot.discord_app.respond import reply, reply_text
from knowledge.answers import HelpAnswer
from knowledge.router import ask

if TYPE_CHECKING:
    from bot.discord_app.client import BudgetBot

log = logging.getLogger(__name__)

CHAT_NOTICE = "質問が続いているので、少し間をあけてからもう一度どうぞ。"
"""Said once when a person or a channel asks too fast; then nothing until the limit resets."""


def strip_mention(content: str, user_id: int) -> str:
    """The question without the bot's own <@id> / <@!id> mention."""
    return re.sub(rf"<@!?{user_id}>", " ", content).strip()


class ChatQuestions(commands.Cog):
    def __init__(self, bot: BudgetBot) -> None:
        self.bot = bot

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        me = self.bot.user
        if me is None or message.author.bot:
            return
        mentioned = any(user.id == me.id for user in message.mentions)
        direct = message.guild is None
        in_ask_channel = message.channel.id in self.bot.settings.ask_channel_ids
        if not (mentioned or direct or in_ask_channel):
            return
        question = strip_mention(message.content, me.id)
        if not question and not mentioned:
            return  # no content (no message_content intent), nothing to answer
        verdicts = {
            self.bot.cooldown.verdict(message.author.id),
            self.bot.channel_cooldown.verdict(message.channel.id),
        }
        if "silent" in verdicts:
            return
        if "notice" in verdicts:
            await reply_text(message, CHAT_NOTICE)
            return
        knowledge = self.bot.knowledge  # the answer and its source line from one version
        answer = await self.bot.compute(lambda k: ask(k, question), knowledge)
        if isinstance(answer, HelpAnswer) and not (mentioned or direct):
            return  # chatter in an ask channel: stay quiet rather than answer every message
        log.info("chat question from %s answered as %s", message.author.id, answer.kind)
        await reply(message, answer, self.bot.delivery_for(knowledge))
