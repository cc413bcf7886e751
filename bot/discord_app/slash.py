"""Slash commands, generated from the command registry: one app command per registry command.

Names, options, descriptions, choices and ranges all come from bot/commands.py; the only thing
added here is the `private` option (answer only to the person asking, with a Share button).
"""

from __future__ import annotations

import inspect
import logging
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.commands import COMMANDS, Command, Param
from bot.discord_app import limits
from bot.discord_app.respond import send_notice
from bot.discord_app.translator import ja

if TYPE_CHECKING:
    from bot.discord_app.client import BudgetBot

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DisplayOption:
    """A yes/no option about how Discord shows an answer, not about what is asked."""

    name: str
    ja_name: str
    description_en: str
    description: str
    commands: frozenset[str] | None = None
    """The commands that take it; None for every command."""


PRIVATE_OPTION = "private"
PANEL_OPTION = "panel"
DISPLAY_OPTIONS = (
    DisplayOption(
        PRIVATE_OPTION,
        "非公開",
        "Only you see the answer (with a Share button)",
        "自分だけに表示する（共有ボタン付き）",
    ),
    DisplayOption(
        PANEL_OPTION,
        "パネル",
        "Post a panel that stays: each pick opens privately, and it works after restarts",
        "固定できるパネルとして出す（選ぶと本人だけに表示。再起動後も使えます）",
        frozenset({"browse"}),
    ),
)
COOLDOWN_NOTICE = "少し間をあけてからもう一度どうぞ（あと{seconds}秒）。"


def _annotation(param: Param) -> Any:  # noqa: ANN401 - a type object for discord.py to read
    if param.kind == "int":
        low = 1 if param.min_value is None else param.min_value  # 0 is a bound (--min 0)
        high = 1_000_000 if param.max_value is None else param.max_value
        return app_commands.Range[int, low, high]
    return str


def _parameter(param: Param) -> inspect.Parameter:
    annotation = _annotation(param)
    if param.required:
        return inspect.Parameter(param.name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation)
    return inspect.Parameter(
        param.name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation | None, default=None
    )


class SlashCommands(commands.Cog):
    """Every registry command as a slash command; answers go through the bot's one send path."""

    def __init__(self, bot: BudgetBot) -> None:
        self.bot = bot
        self.app_commands = [self._build(command) for command in COMMANDS]

    async def cog_load(self) -> None:
        for command in self.app_commands:
            self.bot.tree.add_command(command)

    async def cog_unload(self) -> None:
        for command in self.app_commands:
            self.bot.tree.remove_command(command.name)

    def region_choices(self, current: str) -> list[app_commands.Choice[str]]:
        """Regions from kanji, kana or romaji input: at most 25, each name under 100 characters."""
        regions = self.bot.knowledge.regions.complete(current, limit=limits.CHOICES)
        return [
            app_commands.Choice(
                name=limits.clip(
                    f"{r.full_name}（{r.kana}）" if r.kana else r.full_name, limits.CHOICE_NAME
                ),
                value=limits.clip(r.full_name, limits.CHOICE_VALUE),
            )
            for r in regions
        ]

    def _build(self, command: Command) -> app_commands.Command[Any, ..., None]:
        async def callback(interaction: discord.Interaction, **values: object) -> None:
            await self.run(interaction, command, values)

        async def complete(
            _interaction: discord.Interaction, current: str
        ) -> list[app_commands.Choice[str]]:
            return self.region_choices(current)

        callback.__name__ = callback.__qualname__ = command.name
        display = [o for o in DISPLAY_OPTIONS if o.commands is None or command.name in o.commands]
        parameters = [
            inspect.Parameter(
                "interaction",
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
                annotation=discord.Interaction,
            ),
            *(_parameter(param) for param in command.params),
            *(
                inspect.Parameter(
                    o.name, inspect.Parameter.KEYWORD_ONLY, annotation=bool, default=False
                )
                for o in display
            ),
        ]
        callback.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
        described = {p.name: ja(p.description_en, p.description) for p in command.params}
        described |= {o.name: ja(o.description_en, o.description) for o in display}
        renamed = {p.name: ja(p.name, p.ja_name) for p in command.params}
        renamed |= {o.name: ja(o.name, o.ja_name) for o in display}
        app_commands.describe(**described)(callback)
        app_commands.rename(**renamed)(callback)
        choices = {
            p.name: [
                app_commands.Choice(name=ja(c.name, c.ja_name), value=c.value) for c in p.choices
            ]
            for p in command.params
            if p.choices
        }
        if choices:
            app_commands.choices(**choices)(callback)
        regions = {p.name: complete for p in command.params if p.kind == "region"}
        if regions:
            app_commands.autocomplete(**regions)(callback)
        return app_commands.Command(
            name=ja(command.name, command.ja_name),
            description=ja(command.description_en, command.description),
            callback=callback,
        )

    async def run(
        self, interaction: discord.Interaction, command: Command, values: dict[str, object]
    ) -> None:
        """Validate (cooldown), call the core, format, respond: nothing else."""
        private = bool(values.pop(PRIVATE_OPTION, False))
        panel = bool(values.pop(PANEL_OPTION, False))
        wait = self.bot.cooldown.retry_after(interaction.user.id)
        if wait is not None:
            await send_notice(interaction, COOLDOWN_NOTICE.format(seconds=math.ceil(wait)))
            return
        arguments = {name: value for name, value in values.items() if value is not None}
        log.info("/%s %s from %s", command.name, arguments, interaction.user.id)
        await self.bot.answer_interaction(
            interaction, lambda k: command.run(k, arguments), private=private, panel=panel
        )
