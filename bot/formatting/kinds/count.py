"""How many projects, 振興局 or 連携地域: saying which count it is (names, entries, the text's)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.formatting import cards, phrases
from bot.formatting.kinds.base import AnswerKind
from bot.formatting.lines import NAME_CELLS
from bot.formatting.width import table, truncate
from knowledge.amounts import thousand_yen
from knowledge.answers import CountAnswer

if TYPE_CHECKING:
    import discord


def lead(answer: CountAnswer) -> str:
    unit = phrases.UNIT_LABEL[answer.unit]
    within = "" if answer.scope.kind == "all" else f"{phrases.scope_title(answer.scope)}の"
    if answer.per_group:
        measures = sum(g.count for g in answer.groups)
        return f"{within}{unit}ごとの施策数（{answer.count}{unit} ・ 施策 計{measures}件）"
    if answer.most:
        most = "多い" if answer.order == "largest" else "少ない"
        names = "・".join(answer.most)
        each = "各" if len(answer.most) > 1 else ""
        return f"{within}施策の数が一番{most}{unit}は {names}（{each}{answer.groups[0].count}件）"
    if answer.entries is not None and answer.entries != answer.count:
        return f"{within}{unit}は {answer.count}種類（表の項目としては {answer.entries}件）"
    if within.endswith(f"の{unit}の"):
        within = within.removesuffix(f"{unit}の")  # 予算合計1,000万円以上の振興局は 3か所
    return f"{within}{unit}は {answer.count}{phrases.COUNTER[answer.unit]}"


def note(answer: CountAnswer) -> str | None:
    notes = []
    if answer.entries is not None and answer.entries != answer.count:
        notes.append(
            "同じプロジェクトが複数の振興局で行われているため、項目の数は名前の数より多くなります。"
        )
    if answer.declared:
        notes.append(
            f"本文によると地域プロジェクトは全{answer.declared}件で、表はその主なものです。"
        )
    return "※ " + " ".join(notes) if notes else None


def detail(answer: CountAnswer, index: int) -> str:
    group = answer.groups[index]
    return group.parent or "" if answer.unit == "project" else f"施策 {group.count}件"


def text(answer: CountAnswer) -> list[str]:
    lines = [lead(answer)]
    if said := note(answer):
        lines.append(said)
    rows = [
        (truncate(g.full_name, NAME_CELLS), thousand_yen(g.total_thousand_yen), detail(answer, i))
        for i, g in enumerate(answer.groups)
    ]
    return [*lines, "", *table(rows, right=frozenset({1}))]


def embeds(answer: CountAnswer) -> list[discord.Embed]:
    description = "\n".join([f"## {cards.escape(lead(answer))}", *([note(answer) or ""])])
    fields = [
        (cards.escape(g.full_name), f"{thousand_yen(g.total_thousand_yen)} ・ {detail(answer, i)}")
        for i, g in enumerate(answer.groups)
    ]
    return cards.pages(cards.escape(lead(answer)), description, cards.BLUE, fields)


KIND = AnswerKind(
    model=CountAnswer, text=text, embeds=embeds, files=None, footer=True, view="pages"
)
