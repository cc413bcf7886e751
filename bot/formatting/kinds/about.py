"""/about: the dataset itself (title, year, unit, counts, totals by area) and the bot's version."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.formatting import cards
from bot.formatting.kinds.base import AnswerKind
from bot.formatting.lines import group_rows
from bot.formatting.phrases import Emphasis, plain
from knowledge.amounts import amount_text
from knowledge.answers import AboutAnswer

if TYPE_CHECKING:
    import discord


def uptime(seconds: float) -> str:
    minutes = int(seconds // 60)
    days, minutes = divmod(minutes, 60 * 24)
    hours, minutes = divmod(minutes, 60)
    if days:
        return f"{days}日{hours}時間"
    return f"{hours}時間{minutes}分" if hours else f"{minutes}分"


def about_bot(answer: AboutAnswer) -> str | None:
    """The bot's version and uptime, when the answer comes from a running bot."""
    if answer.version is None:
        return None
    running = (
        f" ・ 稼働 {uptime(answer.uptime_seconds)}" if answer.uptime_seconds is not None else ""
    )
    return f"ボット v{answer.version}{running}"


def about_lines(answer: AboutAnswer, strong: Emphasis = plain) -> list[str]:
    """Year and unit, counts, grand total."""
    year = (
        f"{answer.fiscal_year}（{answer.fiscal_year_western}年度）予算"
        if answer.fiscal_year
        else "予算"
    )
    return [
        f"{year} ・ 単位 {answer.unit} ・ ファイル {answer.source}",
        f"連携地域 {answer.areas} ・ 振興局 {answer.subprefectures} ・ "
        f"プロジェクト {answer.project_entries}件（{answer.distinct_projects}種類） ・ "
        f"施策 {answer.measures}件",
        f"予算総額 {strong(amount_text(answer.total_thousand_yen))}",
    ]


def about_note(answer: AboutAnswer) -> str:
    """The table lists the main projects only; the preamble's own count says how many there are."""
    note = "※ 表は主なプロジェクトと施策の抜粋です"
    if answer.declared_projects:
        note += (
            f"（本文によると地域プロジェクトは全{answer.declared_projects}件。"
            f"表のプロジェクトは{answer.project_entries}件）"
        )
    return note + "。"


def text(answer: AboutAnswer) -> list[str]:
    running = about_bot(answer)
    return [
        answer.title,
        *about_lines(answer),
        "",
        "連携地域別（構成比）",
        *group_rows(answer.groups, answer.total_thousand_yen),
        "",
        about_note(answer),
        *([running] if running else []),
    ]


def embeds(answer: AboutAnswer) -> list[discord.Embed]:
    running = about_bot(answer)
    lines = [*about_lines(answer, cards.strong), about_note(answer)]
    page = cards.embed(answer.title, "\n".join(lines), cards.GREY)
    for name, value in cards.group_fields(answer.groups, answer.total_thousand_yen):
        page.add_field(name=name, value=value, inline=True)
    if running:
        page.set_footer(text=running)
    return [page]


KIND = AnswerKind(
    model=AboutAnswer, text=text, embeds=embeds, files=None, footer=False, view="pages"
)
"""No source footer: the reply names its source itself."""
