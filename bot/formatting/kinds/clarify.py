"""An unclear question: its closest readings as choices (numbers in text, buttons in Discord)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.formatting import cards
from bot.formatting.kinds.base import AnswerKind
from knowledge.answers import ClarifyAnswer

if TYPE_CHECKING:
    import discord


def text(answer: ClarifyAnswer) -> list[str]:
    lines = [answer.message]
    for number, choice in enumerate(answer.choices, start=1):  # the console takes the number
        lines += [f"  {number}. {choice.label}", f"     → {choice.question}"]
    if not answer.choices:
        return lines  # no number to give: the message says what to ask instead
    return [*lines, "番号か質問を入力してください。"]


def embeds(answer: ClarifyAnswer) -> list[discord.Embed]:
    lines = [cards.escape(answer.message)]
    lines += [f"{n}. {cards.escape(c.label)}" for n, c in enumerate(answer.choices, start=1)]
    lines.append("下のボタンで選んでください。")
    return [cards.embed("確認させてください", "\n".join(lines), cards.GOLD)]


KIND = AnswerKind(
    model=ClarifyAnswer,
    text=text,
    embeds=embeds,
    files=None,
    footer=False,
    view="choices",
    summary=False,
)
"""No footer and no "understood" line: the reply is a question back, not an answer."""
