"""/search: measures ranked by how well they match, each marked where it matched."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.formatting import cards
from bot.formatting.kinds.base import AnswerKind
from bot.formatting.phrases import Emphasis, budget_condition, plain
from knowledge.amounts import amount_text
from knowledge.answers import Hit, SearchAnswer

if TYPE_CHECKING:
    import discord

SEARCH_SHOWN = 10
"""Search hits shown in text; the JSON carries all of them."""
MARKS = ("［", "］")
"""Where a search matched, in plain text: 【空知地域［エゾシカ］肉有効活用需要喚起事業】."""
TRY_OTHER_WORDS = "別の言葉（例: エゾシカ、ニシン、観光）や地域名で試してください。"
WIDEN_RANGE = "下限・上限を広げるか外して、もう一度お試しください。"
SNIPPET_CONTEXT = 24
"""Characters shown on each side of a match inside a long description."""


def marked(
    text: str, spans: list[tuple[int, int]], opening: str, closing: str, escape: Emphasis = plain
) -> str:
    """The text with each matched span wrapped (［エゾシカ］ in text, **エゾシカ** in Discord)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    pieces, position = [], 0
    for start, end in merged:
        pieces += [escape(text[position:start]), opening, escape(text[start:end]), closing]
        position = end
    pieces.append(escape(text[position:]))
    return "".join(pieces)


def spans_in(hit: Hit, field: str) -> list[tuple[int, int]]:
    return [(h.start, h.end) for h in hit.highlights if h.field == field]


def snippet(
    text: str, spans: list[tuple[int, int]], opening: str, closing: str, escape: Emphasis = plain
) -> str:
    """The part of a long text around its first match, marked, with … where it was cut."""
    if not spans:
        return escape(text[: 2 * SNIPPET_CONTEXT]) + (
            "…" if len(text) > 2 * SNIPPET_CONTEXT else ""
        )
    start = max(min(s for s, _ in spans) - SNIPPET_CONTEXT, 0)
    end = min(max(e for _, e in spans) + SNIPPET_CONTEXT, len(text))
    inside = [
        (max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and e > start
    ]
    body = marked(text[start:end], inside, opening, closing, escape)
    return ("…" if start else "") + body + ("…" if end < len(text) else "")


def condition(answer: SearchAnswer) -> str:
    """（予算2,000千円以上）: the budget condition the hits were kept by, or nothing."""
    return f"（{budget_condition(answer.budget)}）" if answer.budget is not None else ""


def search_title(answer: SearchAnswer) -> str:
    return f"「{answer.query}」の検索結果{condition(answer)}"


def search_empty(answer: SearchAnswer) -> list[str]:
    """Nothing matched: say so plainly, with close words or regions to try instead; matches
    that a budget condition left out are said to be outside it, not missing."""
    if answer.budget is not None and answer.confidence != "none":
        return [
            f"「{answer.query}」に一致する施策のうち、"
            f"{budget_condition(answer.budget)}のものはありません。",
            WIDEN_RANGE,
        ]
    lines = [f"「{answer.query}」に一致する施策は見つかりませんでした。"]
    if answer.suggestions:
        lines.append(f"もしかして: {'、'.join(answer.suggestions)}")
    else:
        lines.append(TRY_OTHER_WORDS)
    return lines


def search_lead(answer: SearchAnswer) -> str:
    """The first line of a search reply, by confidence band."""
    if answer.region is not None and answer.results and not answer.terms:
        return (
            f"「{answer.query}」は地域名です: {answer.region.full_name}の施策"
            f"{condition(answer)} {answer.count}件"
        )
    if answer.confidence == "maybe":
        return (
            f"「{answer.query}」にぴったり一致する施策はありません。もしかして{condition(answer)}:"
        )
    return f"{search_title(answer)}: {answer.count}件"


def text(answer: SearchAnswer) -> list[str]:
    if not answer.results:
        return search_empty(answer)
    lead = search_lead(answer)
    if answer.total_thousand_yen:
        lead += f" ・ 合計 {amount_text(answer.total_thousand_yen)}"
    lines = [lead]
    for rank, row in enumerate(answer.results[:SEARCH_SHOWN], start=1):
        hit = row if isinstance(row, Hit) else None
        name = marked(row.measure, spans_in(hit, "measure") if hit else [], *MARKS)
        project = marked(row.project, spans_in(hit, "project") if hit else [], *MARKS)
        lines.append(f"{rank}. 【{name}】 {amount_text(row.budget_thousand_yen)}")
        lines.append(f"   {row.subprefecture} ・ {project}")
        if hit is not None and (spans := spans_in(hit, "description")):
            lines.append(f"   {snippet(row.description, spans, *MARKS)}")
    if answer.count > SEARCH_SHOWN:
        lines.append(f"…ほか {answer.count - SEARCH_SHOWN}件")
    return lines


def embeds(answer: SearchAnswer) -> list[discord.Embed]:
    if not answer.results:
        description = "\n".join(search_empty(answer))
        return [cards.embed("検索結果なし", cards.escape(description), cards.GREY)]
    lead = cards.escape(search_lead(answer))
    if answer.total_thousand_yen:
        lead += f" ・ 合計 **{amount_text(answer.total_thousand_yen)}**"
    fields = []
    for rank, row in enumerate(answer.results, start=1):
        hit = row if isinstance(row, Hit) else None
        name = marked(row.measure, spans_in(hit, "measure") if hit else [], *cards.BOLD)
        project = marked(row.project, spans_in(hit, "project") if hit else [], *cards.BOLD)
        value = f"{amount_text(row.budget_thousand_yen)}\n{row.subprefecture} ・ {project}"
        if hit is not None and (spans := spans_in(hit, "description")):
            value += f"\n> {snippet(row.description, spans, *cards.BOLD)}"
        fields.append((f"{rank}. 【{name}】", value))
    colour = cards.GREEN if answer.confidence == "sure" else cards.GOLD
    return cards.pages(cards.escape(search_title(answer)), lead, colour, fields)


KIND = AnswerKind(
    model=SearchAnswer, text=text, embeds=embeds, files=None, footer=True, view="pages"
)
