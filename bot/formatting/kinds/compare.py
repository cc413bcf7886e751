"""/compare: regions side by side, with the difference and the ratio for two."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.formatting import cards, phrases
from bot.formatting.kinds.base import AnswerKind
from bot.formatting.lines import measure_label
from bot.formatting.phrases import Emphasis, plain
from bot.formatting.width import table
from knowledge.amounts import amount_text, thousand_yen
from knowledge.answers import CompareAnswer
from knowledge.models import MeasureRow

if TYPE_CHECKING:
    import discord


def largest_measures(answer: CompareAnswer, index: int, count: int = 2) -> list[MeasureRow]:
    """A compared group's largest measures (ranked already); an answer saved before groups
    carried their own measures falls back to the rows named like the group."""
    if answer.group_results:
        return answer.group_results[index][:count]
    group = answer.groups[index]
    inside = [
        row
        for row in answer.results
        if group.name in (row.area, row.subprefecture, row.project, row.measure)
        or (group.kind == "area" and group.name == "全道")
    ]
    return inside[:count]


NONE_THERE = "該当する施策なし"


def compare_title(answer: CompareAnswer) -> str:
    return f"比較: {' と '.join(g.full_name for g in answer.groups)}"


def compare_verdict(answer: CompareAnswer, strong: Emphasis = plain) -> list[tuple[str, str]]:
    """(label, sentence) pairs: the difference and ratio of two regions, or the largest of more."""
    if answer.difference_thousand_yen is None:
        largest = max(answer.groups, key=lambda g: g.total_thousand_yen)
        return [("最大", largest.full_name)]
    first, second = answer.groups[0], answer.groups[1]
    difference = answer.difference_thousand_yen
    if difference == 0:
        return [("差額", "なし（同額）")]
    more, less = (first, second) if difference > 0 else (second, first)
    gap = strong(amount_text(abs(difference)))
    # どっちが少ない: the smaller side is the answer, so it is said first
    said = f"{less.full_name}が {gap} 少ない" if answer.order == "smallest" else None
    verdict = [("差額", said or f"{more.full_name}が {gap} 多い")]
    if answer.focus == "ratio" and second.total_thousand_yen and difference < 0:
        # asked as first / second: say it that way round
        ratio = first.total_thousand_yen / second.total_thousand_yen
        verdict.append(("倍率", f"{first.full_name}は{second.full_name}の約{ratio:.2f}倍"))
    elif less.total_thousand_yen:
        ratio = more.total_thousand_yen / less.total_thousand_yen
        verdict.append(("倍率", f"{more.full_name}は{less.full_name}の約{ratio:.2f}倍"))
    return verdict


def text(answer: CompareAnswer) -> list[str]:
    largest = max((g.total_thousand_yen for g in answer.groups), default=0)
    rows = [
        (
            g.full_name,
            thousand_yen(g.total_thousand_yen),
            f"施策 {g.count}件",
            phrases.bar(g.total_thousand_yen, largest),
        )
        for g in answer.groups
    ]
    lines = [compare_title(answer), *table(rows, right=frozenset({1, 2}))]
    lines += [f"{label}: {sentence}" for label, sentence in compare_verdict(answer)]
    lines += ["", "それぞれの大きな施策"]
    for index, group in enumerate(answer.groups):
        tops = largest_measures(answer, index)
        listed = "、".join(
            f"{measure_label(r)} {thousand_yen(r.budget_thousand_yen)}" for r in tops
        )
        lines.append(f"  {group.full_name}: {listed or NONE_THERE}")
    return lines


def embeds(answer: CompareAnswer) -> list[discord.Embed]:
    page = cards.embed(compare_title(answer), None, cards.PURPLE)
    largest = max((g.total_thousand_yen for g in answer.groups), default=0)
    for index, group in enumerate(answer.groups):
        tops = (
            "\n".join(
                f"・{cards.escape(r.measure)} {thousand_yen(r.budget_thousand_yen)}"
                for r in largest_measures(answer, index)
            )
            or NONE_THERE
        )
        value = (
            f"**{amount_text(group.total_thousand_yen)}**\n"
            f"{cards.bar(group.total_thousand_yen, largest)} 施策 {group.count}件\n{tops}"
        )
        page.add_field(name=group.full_name, value=value, inline=True)
    for label, sentence in compare_verdict(answer, cards.strong):
        page.add_field(name=label, value=sentence, inline=False)
    return [page]


KIND = AnswerKind(
    model=CompareAnswer, text=text, embeds=embeds, files=None, footer=True, view="pages"
)
