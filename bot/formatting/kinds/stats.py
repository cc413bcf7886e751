"""How many measures, or their average or median: the figure asked for first, then the rest."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.formatting import cards, phrases
from bot.formatting.kinds.base import AnswerKind
from knowledge.amounts import amount_text, decimal_thousand_yen, thousand_yen
from knowledge.answers import StatsAnswer
from knowledge.plan import UNIT_LABEL

if TYPE_CHECKING:
    import discord


def stats_lead(answer: StatsAnswer) -> str:
    """The figure a count, average or median question asked for, first."""
    title = phrases.scope_title(answer.scope)
    if answer.focus == "count":
        return f"{title}の施策は {answer.count}件"
    value = answer.mean_thousand_yen if answer.focus == "average" else answer.median_thousand_yen
    label = "平均" if answer.focus == "average" else "中央値"
    figure = decimal_thousand_yen(value) if value is not None else "（施策なし）"
    each = "施策1件" if answer.unit == "measure" else f"{UNIT_LABEL[answer.unit]}1つ"
    return f"{title}の{each}あたりの{label}: {figure}"


def stats_details(answer: StatsAnswer) -> list[str]:
    counter = "件" if answer.unit in ("measure", "project") else "か所"
    lines = [
        f"{UNIT_LABEL[answer.unit]} {answer.count}{counter} ・ "
        f"合計 {amount_text(answer.total_thousand_yen)}"
    ]
    if (
        answer.count > 1
        and answer.mean_thousand_yen is not None
        and answer.median_thousand_yen is not None
    ):
        lines.append(
            f"平均 {decimal_thousand_yen(answer.mean_thousand_yen)} ・ "
            f"中央値 {decimal_thousand_yen(answer.median_thousand_yen)}"
        )
    if answer.smallest_thousand_yen is not None and answer.largest_thousand_yen is not None:
        lines.append(
            f"最小 {thousand_yen(answer.smallest_thousand_yen)} ・ "
            f"最大 {thousand_yen(answer.largest_thousand_yen)}"
        )
    return lines


def text(answer: StatsAnswer) -> list[str]:
    return [stats_lead(answer), *stats_details(answer)]


def embeds(answer: StatsAnswer) -> list[discord.Embed]:
    lead = stats_lead(answer)
    description = "\n".join([f"## {cards.escape(lead)}", *stats_details(answer)])
    return [cards.embed(cards.escape(lead), description, cards.BLUE)]


KIND = AnswerKind(
    model=StatsAnswer, text=text, embeds=embeds, files=None, footer=True, view="pages"
)
