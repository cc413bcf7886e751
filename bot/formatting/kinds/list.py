"""/list: the measures of a scope in document order, by 振興局 and project."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.formatting import cards, phrases
from bot.formatting.kinds.base import AnswerKind
from bot.formatting.lines import NAME_CELLS, group_rows, measure_label
from bot.formatting.width import truncate
from knowledge.amounts import amount_text
from knowledge.answers import ListAnswer

if TYPE_CHECKING:
    import discord


def none_found(answer: ListAnswer) -> str:
    """予算10,000千円以上の施策はありません: said plainly, not as a list of nothing."""
    return f"{phrases.scope_title(answer.scope)}に当てはまる施策はありません。"


def groups_title(answer: ListAnswer) -> str:
    """空知総合振興局のプロジェクト一覧（2件）: a list of groups rather than of measures."""
    place = phrases.whole_title(answer.scope)
    return f"{place}の{phrases.UNIT_LABEL[answer.unit]}一覧（{len(answer.groups)}件）"


def text(answer: ListAnswer) -> list[str]:
    if answer.unit != "measure":
        return [groups_title(answer), *group_rows(answer.groups, answer.total_thousand_yen)]
    if not answer.count:
        return [none_found(answer)]
    lines = [
        f"{phrases.scope_title(answer.scope)}の施策一覧",
        f"施策 {answer.count}件 ・ 合計 {amount_text(answer.total_thousand_yen)}",
    ]
    detailed = answer.scope.kind == "subprefecture"
    current: tuple[str, str] | None = None
    for row in answer.results:
        if (row.subprefecture, row.project) != current:
            current = (row.subprefecture, row.project)
            place = "" if detailed else f"{row.subprefecture} ・ "
            lines += ["", f"■ {place}{row.project}"]
        lines.append(f"  {measure_label(row)} {amount_text(row.budget_thousand_yen)}")
        if detailed and row.description:
            lines.append(f"    {truncate(row.description, 2 * NAME_CELLS)}")
    return lines


def embeds(answer: ListAnswer) -> list[discord.Embed]:
    if answer.unit == "measure" and not answer.count:
        return [cards.embed(cards.escape(none_found(answer)), "", cards.GREY)]
    if answer.unit != "measure":
        fields = cards.group_fields(answer.groups, answer.total_thousand_yen)
        return cards.pages(cards.escape(groups_title(answer)), "", cards.BLUE, fields)
    title = f"{phrases.scope_title(answer.scope)}の施策一覧"
    description = f"施策 {answer.count}件 ・ 合計 **{amount_text(answer.total_thousand_yen)}**"
    fields = [cards.measure_field(row) for row in answer.results]
    return cards.pages(title, description, cards.BLUE, fields)


KIND = AnswerKind(model=ListAnswer, text=text, embeds=embeds, files=None, footer=True, view="pages")
