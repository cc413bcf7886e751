"""/chart: a bar chart PNG (drawn by bot/formatting/chart.py), with its bars as text too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.formatting import cards, phrases
from bot.formatting.kinds.base import AnswerKind
from bot.formatting.lines import NAME_CELLS
from bot.formatting.width import table, truncate
from knowledge.amounts import amount_text, thousand_yen
from knowledge.answers import ChartAnswer, Source

if TYPE_CHECKING:
    import discord

CHART_FILE = "chart.png"


def chart_title(answer: ChartAnswer) -> str:
    """振興局別の予算, 連携地域別の予算, 空知総合振興局の施策別予算, 「観光」に一致する施策の予算"""
    if answer.by == "subprefecture":
        return "振興局別の予算"
    if answer.by == "area":
        return "連携地域別の予算"
    if answer.scope.kind == "keyword":
        return f"{answer.scope.full_name}に一致する施策の予算"
    return f"{answer.scope.full_name}の施策別予算"


def present(answer: ChartAnswer) -> ChartAnswer:
    """The title, unless the answer brings its own."""
    if answer.title:
        return answer
    return answer.model_copy(update={"title": chart_title(answer)})


def chart_lead(answer: ChartAnswer) -> str:
    return f"{answer.title} ・ 合計 {amount_text(answer.total_thousand_yen)}"


def text(answer: ChartAnswer) -> list[str]:
    largest = max((b.value_thousand_yen for b in answer.bars), default=0)
    rows = [
        (
            truncate(b.label, NAME_CELLS),
            thousand_yen(b.value_thousand_yen),
            phrases.bar(b.value_thousand_yen, largest),
        )
        for b in answer.bars
    ]
    return [chart_lead(answer), *table(rows, right=frozenset({1}))]


def embeds(answer: ChartAnswer) -> list[discord.Embed]:
    page = cards.embed(cards.escape(answer.title), chart_lead(answer), cards.BLUE)
    page.set_image(url=f"attachment://{CHART_FILE}")
    return [page]


def files(answer: ChartAnswer, source: Source) -> list[tuple[str, bytes]]:
    from bot.formatting.chart import render_chart  # noqa: PLC0415 - matplotlib is heavy

    return [(CHART_FILE, render_chart(answer, source))]


KIND = AnswerKind(
    model=ChartAnswer,
    text=text,
    embeds=embeds,
    files=files,
    footer=True,
    view="pages",
    present=present,
)
