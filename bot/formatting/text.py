"""Answers as plain text, for the console, the command line and the JSON "text" field.

Japanese-first: amounts as 6,615千円（約662万円）, regions by their full names, columns aligned
by display width, and the source and unit said once at the foot.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.formatting import phrases
from bot.formatting.plan import text as plan_text
from bot.formatting.width import table, truncate
from knowledge.amounts import amount_text, thousand_yen
from knowledge.answers import (
    AboutAnswer,
    Answer,
    BrowseAnswer,
    ChartAnswer,
    ClarifyAnswer,
    CompareAnswer,
    CountAnswer,
    ErrorAnswer,
    ExportAnswer,
    Group,
    HelpAnswer,
    Hit,
    ListAnswer,
    PickAnswer,
    RankAnswer,
    SearchAnswer,
    ShareAnswer,
    Source,
    StatsAnswer,
    TotalAnswer,
    WhereAnswer,
)
from knowledge.models import MeasureRow

NAME_CELLS = 48
"""Longest name shown in a column before it is cut with …"""
SEARCH_SHOWN = 10
"""Search hits shown in text; the JSON carries all of them."""
MARKS = ("［", "］")
"""Where a search matched, in plain text: 【空知地域［エゾシカ］肉有効活用需要喚起事業】."""


def group_rows(groups: list[Group], whole: int, *, of_all: bool = False) -> list[str]:
    """Name, amount, share (of `whole`, or of the whole table with of_all), count and a bar."""
    largest = max((g.total_thousand_yen for g in groups), default=0)
    return table(
        [
            (
                truncate(g.full_name, NAME_CELLS),
                thousand_yen(g.total_thousand_yen),
                f"{g.share * 100:.1f}%" if of_all else phrases.percent(g.total_thousand_yen, whole),
                f"{g.count}件",
                phrases.bar(g.total_thousand_yen, largest),
            )
            for g in groups
        ],
        right=frozenset({1, 2, 3}),
    )


def measure_label(row: MeasureRow) -> str:
    return f"【{row.measure}】"


def _total(answer: TotalAnswer) -> list[str]:
    if answer.scope.kind == "keyword" and not answer.count:
        return [
            phrases.no_keyword_match(answer),
            "search で近い言葉を探せます（例: search エゾシカ）。",
        ]
    lines = [
        f"{phrases.scope_title(answer.scope)}の予算合計",
        f"{amount_text(answer.total_thousand_yen)} ・ 施策 {answer.count}件",
    ]
    if answer.scope.kind == "keyword":
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
        lines += ["", f"{phrases.GROUP_LABEL[answer.groups[0].kind]}別の内訳（構成比）"]
        lines += group_rows(answer.groups, answer.total_thousand_yen)
    if statistics := phrases.statistics(answer):
        lines += ["", f"施策1件あたり {statistics}"]
    return lines


def _list(answer: ListAnswer) -> list[str]:
    if answer.unit != "measure":
        title = phrases.scope_title(answer.scope) if answer.scope.kind != "all" else "全道"
        label = phrases.GROUP_LABEL[answer.unit]
        return [
            f"{title}の{label}一覧（{len(answer.groups)}件）",
            *group_rows(answer.groups, answer.total_thousand_yen),
        ]
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


def _search(answer: SearchAnswer) -> list[str]:
    if not answer.results:
        return phrases.search_empty(answer)
    lead = phrases.search_lead(answer)
    if answer.total_thousand_yen:
        lead += f" ・ 合計 {amount_text(answer.total_thousand_yen)}"
    lines = [lead]
    for rank, row in enumerate(answer.results[:SEARCH_SHOWN], start=1):
        hit = row if isinstance(row, Hit) else None
        name = phrases.marked(row.measure, phrases.spans_in(hit, "measure") if hit else [], *MARKS)
        project = phrases.marked(
            row.project, phrases.spans_in(hit, "project") if hit else [], *MARKS
        )
        lines.append(f"{rank}. 【{name}】 {amount_text(row.budget_thousand_yen)}")
        lines.append(f"   {row.subprefecture} ・ {project}")
        if hit is not None and (spans := phrases.spans_in(hit, "description")):
            lines.append(f"   {phrases.snippet(row.description, spans, *MARKS)}")
    if answer.count > SEARCH_SHOWN:
        lines.append(f"…ほか {answer.count - SEARCH_SHOWN}件")
    return lines


def _rank(answer: RankAnswer) -> list[str]:
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
    lines = [phrases.rank_title(answer), *table(rows, right=right)]
    if note := phrases.tie_note(answer):
        lines.append(note)
    return lines


def _compare(answer: CompareAnswer) -> list[str]:
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
    lines = [phrases.compare_title(answer), *table(rows, right=frozenset({1, 2}))]
    lines += [f"{label}: {sentence}" for label, sentence in phrases.compare_verdict(answer)]
    lines += ["", "それぞれの大きな施策"]
    for group in answer.groups:
        tops = phrases.largest_measures(answer, group)
        listed = "、".join(
            f"{measure_label(r)} {thousand_yen(r.budget_thousand_yen)}" for r in tops
        )
        lines.append(f"  {group.full_name}: {listed}")
    return lines


def _about(answer: AboutAnswer) -> list[str]:
    running = phrases.about_bot(answer)
    return [
        answer.title,
        *phrases.about_lines(answer),
        "",
        "連携地域別（構成比）",
        *group_rows(answer.groups, answer.total_thousand_yen),
        "",
        phrases.about_note(answer),
        *([running] if running else []),
    ]


def _chart(answer: ChartAnswer) -> list[str]:
    largest = max((b.value_thousand_yen for b in answer.bars), default=0)
    rows = [
        (
            truncate(b.label, NAME_CELLS),
            thousand_yen(b.value_thousand_yen),
            phrases.bar(b.value_thousand_yen, largest),
        )
        for b in answer.bars
    ]
    return [phrases.chart_lead(answer), *table(rows, right=frozenset({1}))]


def _export(answer: ExportAnswer) -> list[str]:
    return [
        f"{phrases.export_lead(answer)}",
        "CSV（Excel でそのまま開けます）と JSON で書き出しました。",
    ]


def _browse(answer: BrowseAnswer) -> list[str]:
    lines = [phrases.browse_title(answer), f"合計 {amount_text(answer.total_thousand_yen)}"]
    if answer.level == "subprefecture":
        current = None
        for row in answer.results:
            if row.project != current:
                current = row.project
                lines += ["", f"■ {row.project}"]
            lines.append(f"  {measure_label(row)} {amount_text(row.budget_thousand_yen)}")
    else:
        lines += ["", "（構成比は全道に対する割合）"]
        lines += group_rows(answer.groups, answer.total_thousand_yen, of_all=True)
        lines += ["", f"一段下を見るには: browse {answer.groups[0].name}"]
    if answer.parent is not None:
        above = "" if answer.parent.kind == "all" else f" {answer.parent.name}"
        lines.append(f"一段上に戻るには: browse{above}")
    return lines


def _help(answer: HelpAnswer) -> list[str]:
    lines = [answer.message] if answer.message else []
    lines += [phrases.HELP_LEAD, *(f"  ・{example}" for example in answer.examples)]
    if answer.commands:
        lines += ["", "コマンド（日本語名でも使えます）:"]
        for command in answer.commands:
            lines += [f"  {command.usage}", f"      {command.ja_name}: {command.description}"]
    return lines


def _error(answer: ErrorAnswer) -> list[str]:
    return [answer.message]


def _stats(answer: StatsAnswer) -> list[str]:
    return [phrases.stats_lead(answer), *phrases.stats_details(answer)]


def _clarify(answer: ClarifyAnswer) -> list[str]:
    lines = [answer.message]
    for number, choice in enumerate(answer.choices, start=1):  # the console takes the number
        lines += [f"  {number}. {choice.label}", f"     → {choice.question}"]
    return [*lines, "番号か質問を入力してください。"]


_RENDERERS: dict[type[Answer], Callable[[Any], list[str]]] = {
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
_RENDERERS.update(
    {
        ShareAnswer: plan_text.share,
        PickAnswer: plan_text.pick,
        WhereAnswer: plan_text.where,
        CountAnswer: plan_text.count,
    }
)
_NO_FOOTER = (AboutAnswer, HelpAnswer, ErrorAnswer, ClarifyAnswer)


def render_text(answer: Answer, source: Source) -> str:
    """The reply as a person reads it."""
    lines = _RENDERERS[type(answer)](answer)
    if summary := phrases.understood(answer):
        lines.insert(0, f"▶ {summary}")
    if not isinstance(answer, _NO_FOOTER):
        lines += ["", phrases.footer(source)]
    return "\n".join(lines)
