"""/help, and questions the bot cannot place: example questions and the commands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.formatting import cards
from bot.formatting.kinds.base import AnswerKind
from knowledge.answers import HelpAnswer

if TYPE_CHECKING:
    import discord

HELP_LEAD = "こんなふうに聞いてください:"
HELP_EXAMPLES = ["空知の予算合計は？", "エゾシカ関連の事業は？", "予算が一番大きい事業は？"]


def present(answer: HelpAnswer) -> HelpAnswer:
    """The example questions, unless the answer brings its own."""
    if answer.examples:
        return answer
    return answer.model_copy(update={"examples": list(HELP_EXAMPLES)})


def text(answer: HelpAnswer) -> list[str]:
    lines = [answer.message] if answer.message else []
    lines += [HELP_LEAD, *(f"  ・{example}" for example in answer.examples)]
    if answer.commands:
        lines += ["", "コマンド（日本語名でも使えます）:"]
        for command in answer.commands:
            lines += [f"  {command.usage}", f"      {command.ja_name}: {command.description}"]
    return lines


def embeds(answer: HelpAnswer) -> list[discord.Embed]:
    lines = [answer.message] if answer.message else []
    lines += [HELP_LEAD, *(f"・{example}" for example in answer.examples)]
    lines.append("ボットにメンションして質問することもできます。")
    page = cards.embed("使い方", "\n".join(lines), cards.GREY)
    for command in answer.commands:
        name = f"/{command.ja_name}（/{command.name}）"
        page.add_field(name=name, value=command.description, inline=False)
    return [page]


KIND = AnswerKind(
    model=HelpAnswer,
    text=text,
    embeds=embeds,
    files=None,
    footer=False,
    view="pages",
    summary=False,
    present=present,
)
"""No footer and no "understood" line: help carries no figures and teaches how to ask."""
