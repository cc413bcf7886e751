"""/top: the largest or smallest measures, 振興局 or areas, with a tie at the cut pointed out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.formatting import cards, phrases
from bot.formatting.kinds.base import AnswerKind
from bot.formatting.lines import NAME_CELLS, measure_label
from bot.formatting.width import table, truncate
from knowledge.amounts import thousand_yen
from knowledge.answers import RankAnswer

if TYPE_CHECKING:
    import discord

RANK_PAGE_SIZE = 10


def rank_title(answer: RankAnswer) -> str:
    """What was ranked; a budget condition is said in the title, and for 振興局 or areas that
    it chose the measures summed (not the subtotals)."""
    direction = "大きい" if answer.order == "largest" else "小さい"
    shown = len(answer.results) or len(answer.groups)
    within = "" if answer.scope.kind == "all" else f"{answer.scope.full_name}で"
    label = phrases.UNIT_LABEL[answer.by]
    title = f"{within}予算が{direction}{label}"
    if shown:  # none at all is said by empty_note, not by "上位0件（全0件）"
        title += f" 上位{shown}件"
    if within.endswith(f"の{label}で"):
        # 予算合計10,000千円以上の振興局: the scope names what is ranked itself
        title = f"{answer.scope.full_name}（予算が{direction}順）" + (
            f" {shown}件" if shown else ""
        )
    notes = [f"全{answer.available}件"] if shown and answer.n > answer.available else []
    if answer.budget is not None:
        condition = phrases.budget_condition(answer.budget)
        notes.append(condition if answer.by == "measure" else f"{condition}の施策の合計")
    if notes:
        title += f"（{'・'.join(notes)}）"
    return title


def empty_note(answer: RankAnswer) -> str | None:
    """Nothing to rank (only a budget condition can leave nothing): say so, not a bare title."""
    if answer.results or answer.groups:
        return None
    if answer.budget is not None:
        return f"{phrases.budget_condition(answer.budget)}の施策はありません。"
    return "該当する施策はありません。"


def tie_note(answer: RankAnswer) -> str | None:
    """The cut at n went through a tie: say how many more share the last amount."""
    if not answer.tied_beyond:
        return None
    last = (
        answer.results[-1].budget_thousand_yen
        if answer.results
        else answer.groups[-1].total_thousand_yen
    )
    label = phrases.UNIT_LABEL[answer.by]
    return f"※ {thousand_yen(last)}の{label}はほかに{answer.tied_beyond}件あります（同額）。"


def text(answer: RankAnswer) -> list[str]:
    if answer.by == "measure":
        rows = [
            (
                f"{i}.",
                thousand_yen(r.budget_thousand_yen),
                truncate(measure_label(r), NAME_CELLS),
                r.subprefecture,
            )
            for i, r in enumerate(answer.results, start=1)
        ]
        right = frozenset({0, 1})
    else:
        rows = [
            (f"{i}.", thousand_yen(g.total_thousand_yen), g.full_name, f"{g.count}件")
            for i, g in enumerate(answer.groups, start=1)
        ]
        right = frozenset({0, 1, 3})
    lines = [rank_title(answer), *table(rows, right=right)]
    if note := tie_note(answer) or empty_note(answer):
        lines.append(note)
    return lines


def embeds(answer: RankAnswer) -> list[discord.Embed]:
    if answer.by == "measure":
        lines = [
            f"{i}. **{thousand_yen(r.budget_thousand_yen)}** 【{r.measure}】 {r.subprefecture}"
            for i, r in enumerate(answer.results, start=1)
        ]
    else:
        lines = [
            f"{i}. **{thousand_yen(g.total_thousand_yen)}** {g.full_name}（施策 {g.count}件）"
            for i, g in enumerate(answer.groups, start=1)
        ]
    note = tie_note(answer) or empty_note(answer)
    return [
        cards.embed(rank_title(answer), "\n".join([*chunk, *([note] if note else [])]), cards.GOLD)
        for chunk in cards.chunks(lines, RANK_PAGE_SIZE)
    ]


KIND = AnswerKind(model=RankAnswer, text=text, embeds=embeds, files=None, footer=True, view="pages")
