"""Answers as Discord embeds: a list of pages, each a discord.Embed.

Pure functions of the answer model (no client, no network), so they are tested on plain data.
Long answers (many search hits, a full list) become several pages; the sender pages them with
buttons and enforces Discord's size limits in one place (bot/discord_app/limits.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import discord

from bot.files import CHART_FILE
from bot.formatting import phrases
from knowledge.amounts import amount_text, thousand_yen
from knowledge.answers import (
    AboutAnswer,
    Answer,
    BrowseAnswer,
    ChartAnswer,
    ClarifyAnswer,
    CompareAnswer,
    ErrorAnswer,
    ExportAnswer,
    Group,
    HelpAnswer,
    Hit,
    ListAnswer,
    RankAnswer,
    SearchAnswer,
    Source,
    StatsAnswer,
    TotalAnswer,
)
from knowledge.models import MeasureRow

PAGE_SIZE = 6
"""Measures per page: enough to scan in a meeting, short enough to read without scrolling."""
RANK_PAGE_SIZE = 10
BOLD = ("**", "**", discord.utils.escape_markdown)
"""Where a search matched, in Discord: 【空知地域**エゾシカ**肉有効活用需要喚起事業】."""

BLUE = discord.Colour.from_rgb(0x1E, 0x6F, 0xD9)
GREEN = discord.Colour.from_rgb(0x2E, 0x9E, 0x5B)
GOLD = discord.Colour.from_rgb(0xD9, 0xA4, 0x1E)
PURPLE = discord.Colour.from_rgb(0x7B, 0x4F, 0xD1)
GREY = discord.Colour.from_rgb(0x80, 0x86, 0x8F)
RED = discord.Colour.from_rgb(0xD9, 0x3B, 0x3B)


def escape(text: str) -> str:
    """What people typed, shown as typed (no accidental bold, links or mentions markup)."""
    return discord.utils.escape_markdown(text)


def _chunks(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [items]


def _measure_field(row: MeasureRow, *, rank: int | None = None) -> tuple[str, str]:
    prefix = f"{rank}. " if rank is not None else ""
    return (
        f"{prefix}【{row.measure}】",
        f"**{amount_text(row.budget_thousand_yen)}**\n{row.subprefecture} ・ {row.project}",
    )


def _bar(value: int, largest: int) -> str:
    """A text bar in a code span, so Discord draws its blocks at full width."""
    return f"`{phrases.bar(value, largest) or '▏'}`"


def _group_field(
    group: Group, whole: int, largest: int, *, of_all: bool = False
) -> tuple[str, str]:
    """A subtotal with its share and a text bar, so the split shows even with images off."""
    share = (
        f"{group.share * 100:.1f}%" if of_all else phrases.percent(group.total_thousand_yen, whole)
    )
    return (
        group.full_name,
        f"{amount_text(group.total_thousand_yen)}\n"
        f"{_bar(group.total_thousand_yen, largest)} {share} ・ 施策 {group.count}件",
    )


def _group_fields(
    groups: Sequence[Group], whole: int, *, of_all: bool = False
) -> list[tuple[str, str]]:
    largest = max((g.total_thousand_yen for g in groups), default=0)
    return [_group_field(g, whole, largest, of_all=of_all) for g in groups]


def _pages(
    title: str,
    description: str,
    colour: discord.Colour,
    fields: Sequence[tuple[str, str]],
    *,
    inline: bool = False,
    size: int = PAGE_SIZE,
) -> list[discord.Embed]:
    pages = []
    for chunk in _chunks(fields, size):
        embed = discord.Embed(title=title, description=description, colour=colour)
        for name, value in chunk:
            embed.add_field(name=name, value=value, inline=inline)
        pages.append(embed)
    return pages


def _strong(text: str) -> str:
    return f"**{text}**"


def _total(answer: TotalAnswer) -> list[discord.Embed]:
    title = f"{phrases.scope_title(answer.scope)}の予算合計"
    if answer.scope.kind == "keyword" and not answer.count:
        text = f"{phrases.no_keyword_match(answer)}\n`/search` で近い言葉を探せます。"
        return [discord.Embed(title=title, description=text, colour=GREY)]
    lines = [f"## {amount_text(answer.total_thousand_yen)}", f"施策 {answer.count}件"]
    if statistics := phrases.statistics(answer):
        lines[-1] += f" ・ {statistics}"
    if answer.scope.kind == "keyword":
        lines.append("合計した施策:")
        fields = [_measure_field(row) for row in answer.results]
        return _pages(title, "\n".join(lines), BLUE, fields)
    fields = _group_fields(answer.groups, answer.total_thousand_yen)
    inline = bool(answer.groups) and answer.groups[0].kind != "project"
    return _pages(title, "\n".join(lines), BLUE, fields, inline=inline, size=24)


def _list(answer: ListAnswer) -> list[discord.Embed]:
    title = f"{phrases.scope_title(answer.scope)}の施策一覧"
    description = f"施策 {answer.count}件 ・ 合計 **{amount_text(answer.total_thousand_yen)}**"
    return _pages(title, description, BLUE, [_measure_field(row) for row in answer.results])


def _search(answer: SearchAnswer) -> list[discord.Embed]:
    if not answer.results:
        text = "\n".join(phrases.search_empty(answer))
        return [discord.Embed(title="検索結果なし", description=escape(text), colour=GREY)]
    description = escape(phrases.search_lead(answer))
    if answer.total_thousand_yen:
        description += f" ・ 合計 **{amount_text(answer.total_thousand_yen)}**"
    fields = []
    for rank, row in enumerate(answer.results, start=1):
        hit = row if isinstance(row, Hit) else None
        name = phrases.marked(row.measure, phrases.spans_in(hit, "measure") if hit else [], *BOLD)
        project = phrases.marked(
            row.project, phrases.spans_in(hit, "project") if hit else [], *BOLD
        )
        value = f"{amount_text(row.budget_thousand_yen)}\n{row.subprefecture} ・ {project}"
        if hit is not None and (spans := phrases.spans_in(hit, "description")):
            value += f"\n> {phrases.snippet(row.description, spans, *BOLD)}"
        fields.append((f"{rank}. 【{name}】", value))
    colour = GREEN if answer.confidence == "sure" else GOLD
    return _pages(escape(phrases.search_title(answer)), description, colour, fields)


def _rank(answer: RankAnswer) -> list[discord.Embed]:
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
    note = phrases.tie_note(answer)
    return [
        discord.Embed(
            title=phrases.rank_title(answer),
            description="\n".join([*chunk, *([note] if note else [])]),
            colour=GOLD,
        )
        for chunk in _chunks(lines, RANK_PAGE_SIZE)
    ]


def _compare(answer: CompareAnswer) -> list[discord.Embed]:
    embed = discord.Embed(title=phrases.compare_title(answer), colour=PURPLE)
    largest = max((g.total_thousand_yen for g in answer.groups), default=0)
    for group in answer.groups:
        tops = "\n".join(
            f"・{escape(r.measure)} {thousand_yen(r.budget_thousand_yen)}"
            for r in phrases.largest_measures(answer, group)
        )
        value = (
            f"**{amount_text(group.total_thousand_yen)}**\n"
            f"{_bar(group.total_thousand_yen, largest)} 施策 {group.count}件\n{tops}"
        )
        embed.add_field(name=group.full_name, value=value, inline=True)
    for label, sentence in phrases.compare_verdict(answer, _strong):
        embed.add_field(name=label, value=sentence, inline=False)
    return [embed]


def _about(answer: AboutAnswer) -> list[discord.Embed]:
    running = phrases.about_bot(answer)
    lines = [*phrases.about_lines(answer, _strong), phrases.about_note(answer)]
    embed = discord.Embed(title=answer.title, description="\n".join(lines), colour=GREY)
    for name, value in _group_fields(answer.groups, answer.total_thousand_yen):
        embed.add_field(name=name, value=value, inline=True)
    if running:
        embed.set_footer(text=running)
    return [embed]


def _chart(answer: ChartAnswer) -> list[discord.Embed]:
    embed = discord.Embed(
        title=escape(answer.title), description=phrases.chart_lead(answer), colour=BLUE
    )
    embed.set_image(url=f"attachment://{CHART_FILE}")
    return [embed]


def _export(answer: ExportAnswer) -> list[discord.Embed]:
    text = f"{phrases.export_lead(answer)}\nCSV（Excel でそのまま開けます）と JSON を添付しました。"
    return [discord.Embed(title="書き出し", description=text, colour=GREEN)]


def _browse(answer: BrowseAnswer) -> list[discord.Embed]:
    title = phrases.browse_title(answer)
    description = f"合計 **{amount_text(answer.total_thousand_yen)}**"
    if answer.level == "subprefecture":
        return _pages(title, description, BLUE, [_measure_field(row) for row in answer.results])
    description += "\n構成比は全道に対する割合です。下のメニューで選んでください。"
    fields = _group_fields(answer.groups, answer.total_thousand_yen, of_all=True)
    return _pages(title, description, BLUE, fields, inline=True, size=24)


def _help(answer: HelpAnswer) -> list[discord.Embed]:
    lines = [answer.message] if answer.message else []
    lines += [phrases.HELP_LEAD, *(f"・{example}" for example in answer.examples)]
    lines.append("ボットにメンションして質問することもできます。")
    embed = discord.Embed(title="使い方", description="\n".join(lines), colour=GREY)
    for command in answer.commands:
        name = f"/{command.ja_name}（/{command.name}）"
        embed.add_field(name=name, value=command.description, inline=False)
    return [embed]


def _stats(answer: StatsAnswer) -> list[discord.Embed]:
    lead = phrases.stats_lead(answer)
    description = "\n".join([f"## {escape(lead)}", *phrases.stats_details(answer)])
    return [discord.Embed(title=escape(lead), description=description, colour=BLUE)]


def _clarify(answer: ClarifyAnswer) -> list[discord.Embed]:
    lines = [escape(answer.message)]
    lines += [f"{n}. {escape(c.label)}" for n, c in enumerate(answer.choices, start=1)]
    lines.append("下のボタンで選んでください。")
    return [discord.Embed(title="確認させてください", description="\n".join(lines), colour=GOLD)]


def _error(answer: ErrorAnswer) -> list[discord.Embed]:
    return [discord.Embed(title="お答えできませんでした", description=answer.message, colour=RED)]


_BUILDERS: dict[type[Answer], Callable[[Any], list[discord.Embed]]] = {
    TotalAnswer: _total,
    ListAnswer: _list,
    SearchAnswer: _search,
    RankAnswer: _rank,
    CompareAnswer: _compare,
    AboutAnswer: _about,
    HelpAnswer: _help,
    ErrorAnswer: _error,
    StatsAnswer: _stats,
    ClarifyAnswer: _clarify,
    ChartAnswer: _chart,
    ExportAnswer: _export,
    BrowseAnswer: _browse,
}
_NO_SOURCE = (AboutAnswer, HelpAnswer, ErrorAnswer, ClarifyAnswer)
"""These carry no figures of the table, or say where they come from themselves."""


def embed_pages(answer: Answer, source: Source) -> list[discord.Embed]:
    """The answer as one or more embed pages, each with the source and its page number."""
    pages = _BUILDERS[type(answer)](answer)
    summary = phrases.understood(answer)
    for number, page in enumerate(pages, start=1):
        if summary:
            page.set_author(name=summary)
        parts = [] if isinstance(answer, _NO_SOURCE) else [phrases.footer(source)]
        if len(pages) > 1:
            parts.append(f"{number}/{len(pages)}ページ")
        if parts:
            page.set_footer(text=" ・ ".join(parts))
    return pages
