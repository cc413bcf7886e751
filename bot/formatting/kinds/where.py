"""Where: the 振興局 a selection's measures are in, named first, then the measures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.formatting import cards, phrases
from bot.formatting.kinds.base import AnswerKind
from bot.formatting.lines import measure_label
from knowledge.amounts import thousand_yen
from knowledge.answers import Group, WhereAnswer
from knowledge.models import MeasureRow

if TYPE_CHECKING:
    import discord


def lead(answer: WhereAnswer) -> str:
    names = "、".join(g.full_name for g in answer.groups)
    title = phrases.scope_title(answer.scope)
    what = title if answer.scope.kind == "keyword" else f"{title}の施策"  # 〜に一致する施策
    return f"{what}があるのは {len(answer.groups)}か所: {names}"


def measures_of(answer: WhereAnswer, group: Group) -> list[MeasureRow]:
    return [r for r in answer.results if group.name in (r.subprefecture, r.area)]


def text(answer: WhereAnswer) -> list[str]:
    lines = [lead(answer)]
    for group in answer.groups:
        lines += [
            "",
            f"■ {group.full_name}  {thousand_yen(group.total_thousand_yen)}（{group.count}件）",
        ]
        lines += [
            f"  {measure_label(row)} {thousand_yen(row.budget_thousand_yen)}"
            for row in measures_of(answer, group)
        ]
    return lines


def embeds(answer: WhereAnswer) -> list[discord.Embed]:
    fields = [
        (
            group.full_name,
            "\n".join(
                f"{cards.escape(measure_label(row))} {thousand_yen(row.budget_thousand_yen)}"
                for row in measures_of(answer, group)
            ),
        )
        for group in answer.groups
    ]
    return cards.pages(cards.escape(lead(answer)), "", cards.GREEN, fields)


KIND = AnswerKind(
    model=WhereAnswer, text=text, embeds=embeds, files=None, footer=True, view="pages"
)
