"""/browse: one level of the drill-down (areas, an area's 振興局, a 振興局's measures)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.formatting import cards, phrases
from bot.formatting.kinds.base import AnswerKind
from bot.formatting.lines import group_rows, measure_label
from knowledge.amounts import amount_text
from knowledge.answers import BrowseAnswer

if TYPE_CHECKING:
    import discord


def browse_title(answer: BrowseAnswer) -> str:
    if answer.level == "areas":
        return "連携地域から選んでください"
    if answer.level == "area":
        return f"{answer.scope.full_name}の振興局"
    return f"{phrases.scope_title(answer.scope)}の施策"


def text(answer: BrowseAnswer) -> list[str]:
    lines = [browse_title(answer), f"合計 {amount_text(answer.total_thousand_yen)}"]
    if answer.level == "subprefecture":
        current = None
        for row in answer.results:
            if row.project != current:
                current = row.project
                lines += ["", f"■ {row.project}"]
            lines.append(f"  {measure_label(row)} {amount_text(row.budget_thousand_yen)}")
    else:
        lines += ["", "（構成比は全道に対する割合）"]
        lines += group_rows(answer.groups, answer.total_thousand_yen, of_all=True)
        lines += ["", f"一段下を見るには: browse {answer.groups[0].name}"]
    if answer.parent is not None:
        above = "" if answer.parent.kind == "all" else f" {answer.parent.name}"
        lines.append(f"一段上に戻るには: browse{above}")
    return lines


def embeds(answer: BrowseAnswer) -> list[discord.Embed]:
    title = browse_title(answer)
    description = f"合計 **{amount_text(answer.total_thousand_yen)}**"
    if answer.level == "subprefecture":
        fields = [cards.measure_field(row) for row in answer.results]
        return cards.pages(title, description, cards.BLUE, fields)
    description += "\n構成比は全道に対する割合です。下のメニューで選んでください。"
    fields = cards.group_fields(answer.groups, answer.total_thousand_yen, of_all=True)
    return cards.pages(title, description, cards.BLUE, fields, inline=True, size=24)


KIND = AnswerKind(
    model=BrowseAnswer, text=text, embeds=embeds, files=None, footer=True, view="browse"
)
