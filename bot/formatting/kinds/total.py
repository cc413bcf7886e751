"""/total: the sum over a scope, its breakdown one level down, and the mean and median."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.formatting import cards, phrases
from bot.formatting.kinds.base import AnswerKind
from bot.formatting.lines import NAME_CELLS, group_rows, measure_label
from bot.formatting.width import table, truncate
from knowledge.amounts import amount_text, decimal_thousand_yen, thousand_yen
from knowledge.answers import TotalAnswer

if TYPE_CHECKING:
    import discord


def no_keyword_match(answer: TotalAnswer) -> str:
    return f"{phrases.scope_title(answer.scope)}は見つかりませんでした。"


def no_measure(answer: TotalAnswer) -> str:
    """A total over no measure is no budget of 0千円: nothing matched what was asked."""
    return f"{phrases.scope_title(answer.scope)}に当てはまる施策はありません。"


def statistics(answer: TotalAnswer) -> str | None:
    """平均 … ・ 中央値 …, for totals over more than one measure."""
    if answer.count < 2 or answer.mean_thousand_yen is None or answer.median_thousand_yen is None:
        return None
    mean = decimal_thousand_yen(answer.mean_thousand_yen)
    return f"平均 {mean} ・ 中央値 {decimal_thousand_yen(answer.median_thousand_yen)}"


def _measures_shown(answer: TotalAnswer) -> bool:
    """The measures summed, not the subtotals: for a keyword (which measures matched is the
    point) or a single measure (the total is its budget, so it is named), unless the
    subtotals are what was asked (きた北海道のやつ、振興局ごとに)."""
    if answer.focus == "breakdown" and answer.groups:
        return False
    return answer.scope.kind == "keyword" or answer.count == 1


def text(answer: TotalAnswer) -> list[str]:
    if answer.scope.kind == "keyword" and not answer.count:
        return [
            no_keyword_match(answer),
            "search で近い言葉を探せます（例: search エゾシカ）。",
        ]
    if not answer.count:
        return [no_measure(answer)]
    lines = [
        f"{phrases.scope_title(answer.scope)}の予算合計",
        f"{amount_text(answer.total_thousand_yen)} ・ 施策 {answer.count}件",
    ]
    if _measures_shown(answer):
        lines += ["", "合計した施策"]
        rows = [
            (
                truncate(measure_label(r), NAME_CELLS),
                r.subprefecture,
                thousand_yen(r.budget_thousand_yen),
            )
            for r in answer.results
        ]
        lines += table(rows, right=frozenset({2}))
    elif answer.groups:
        lines += ["", f"{phrases.UNIT_LABEL[answer.groups[0].kind]}別の内訳（構成比）"]
        lines += group_rows(answer.groups, answer.total_thousand_yen)
    if figures := statistics(answer):
        lines += ["", f"施策1件あたり {figures}"]
    return lines


def embeds(answer: TotalAnswer) -> list[discord.Embed]:
    title = f"{phrases.scope_title(answer.scope)}の予算合計"
    if answer.scope.kind == "keyword" and not answer.count:
        description = f"{no_keyword_match(answer)}\n`/search` で近い言葉を探せます。"
        return [cards.embed(title, description, cards.GREY)]
    if not answer.count:
        return [cards.embed(title, no_measure(answer), cards.GREY)]
    lines = [f"## {amount_text(answer.total_thousand_yen)}", f"施策 {answer.count}件"]
    if figures := statistics(answer):
        lines[-1] += f" ・ {figures}"
    if _measures_shown(answer):
        lines.append("合計した施策:")
        fields = [cards.measure_field(row) for row in answer.results]
        return cards.pages(title, "\n".join(lines), cards.BLUE, fields)
    fields = cards.group_fields(answer.groups, answer.total_thousand_yen)
    inline = bool(answer.groups) and answer.groups[0].kind != "project"
    return cards.pages(title, "\n".join(lines), cards.BLUE, fields, inline=inline, size=24)


KIND = AnswerKind(
    model=TotalAnswer, text=text, embeds=embeds, files=None, footer=True, view="pages"
)
