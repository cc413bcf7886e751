"""/export: the measures as CSV (for Excel) and JSON files, with a line saying what is in them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.formatting import cards, phrases
from bot.formatting.export import file_stem, to_csv, to_json
from bot.formatting.kinds.base import AnswerKind
from knowledge.amounts import amount_text
from knowledge.answers import ExportAnswer, Source

if TYPE_CHECKING:
    import discord


def export_lead(answer: ExportAnswer) -> str:
    title = phrases.scope_title(answer.scope) if answer.scope.kind != "all" else "全道"
    return f"{title}の施策 {answer.count}件 ・ 合計 {amount_text(answer.total_thousand_yen)}"


def text(answer: ExportAnswer) -> list[str]:
    return [
        f"{export_lead(answer)}",
        "CSV（Excel でそのまま開けます）と JSON で書き出しました。",
    ]


def embeds(answer: ExportAnswer) -> list[discord.Embed]:
    description = f"{export_lead(answer)}\nCSV（Excel でそのまま開けます）と JSON を添付しました。"
    return [cards.embed("書き出し", description, cards.GREEN)]


def files(answer: ExportAnswer, source: Source) -> list[tuple[str, bytes]]:
    stem = file_stem(answer, source)
    return [(f"{stem}.csv", to_csv(answer)), (f"{stem}.json", to_json(answer, source))]


KIND = AnswerKind(
    model=ExportAnswer, text=text, embeds=embeds, files=files, footer=True, view="pages"
)
