"""Answers as plain text, for the console, the command line and the JSON "text" field.

Japanese-first: amounts as 6,615千円（約662万円）, regions by their full names, columns aligned
by display width, and the source and unit said once at the foot.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.formatting.width import table, truncate
from knowledge.amounts import amount_text, decimal_thousand_yen, thousand_yen
from knowledge.answers import (
    AboutAnswer,
    Answer,
    CompareAnswer,
    ErrorAnswer,
    Group,
    HelpAnswer,
    Hit,
    ListAnswer,
    RankAnswer,
    Scope,
    SearchAnswer,
    Source,
    TotalAnswer,
)
from knowledge.models import MeasureRow

NAME_CELLS = 48
"""Longest name shown in a column before it is cut with …"""
SEARCH_SHOWN = 10
"""Search hits shown in text; the JSON carries all of them."""

_GROUP_LABEL = {"area": "連携地域", "subprefecture": "振興局", "project": "プロジェクト"}
RANK_LABEL = {"measure": "施策", "subprefecture": "振興局", "area": "連携地域"}


def footer(source: Source) -> str:
    year = f"{source.fiscal_year}予算・" if source.fiscal_year else ""
    return f"出典: {source.title}（{year}単位 {source.unit}）"


def scope_title(scope: Scope) -> str:
    """空知総合振興局（道央広域連携地域）, 「エゾシカ」に一致する施策, ..."""
    if scope.kind == "keyword":
        return f"{scope.full_name}に一致する施策"
    if scope.kind == "project":
        return f"「{scope.full_name}」"
    if scope.area:
        return f"{scope.full_name}（{scope.area}）"
    return scope.full_name


def percent(part: int, whole: int) -> str:
    return f"{part / whole * 100:.1f}%" if whole else "-"


def group_rows(groups: list[Group], whole: int) -> list[str]:
    return table(
        [
            (
                truncate(g.full_name, NAME_CELLS),
                thousand_yen(g.total_thousand_yen),
                percent(g.total_thousand_yen, whole),
                f"{g.count}件",
            )
            for g in groups
        ],
        right=frozenset({1, 2, 3}),
    )


def measure_label(row: MeasureRow) -> str:
    return f"【{row.measure}】"


def _total(answer: TotalAnswer) -> list[str]:
    title = scope_title(answer.scope)
    if answer.scope.kind == "keyword" and not answer.count:
        return [
            f"{title}は見つかりませんでした。",
            "search で近い言葉を探せます（例: search エゾシカ）。",
        ]
    lines = [
        f"{title}の予算合計",
        f"{amount_text(answer.total_thousand_yen)} ・ 施策 {answer.count}件",
    ]
    if answer.scope.kind == "keyword":
        lines += ["", "合計した施策"]
        lines += table(
            [
                (
                    truncate(measure_label(r), NAME_CELLS),
                    r.subprefecture,
                    thousand_yen(r.budget_thousand_yen),
                )
                for r in answer.results
            ],
            right=frozenset({2}),
        )
    elif answer.groups:
        label = _GROUP_LABEL[answer.groups[0].kind]
        lines += ["", f"{label}別の内訳（構成比）"]
        lines += group_rows(answer.groups, answer.total_thousand_yen)
    if (
        answer.mean_thousand_yen is not None
        and answer.median_thousand_yen is not None
        and answer.count > 1
    ):
        lines += [
            "",
            f"施策1件あたり 平均 {decimal_thousand_yen(answer.mean_thousand_yen)} ・ "
            f"中央値 {decimal_thousand_yen(answer.median_thousand_yen)}",
        ]
    return lines


def _list(answer: ListAnswer) -> list[str]:
    lines = [
        f"{scope_title(answer.scope)}の施策一覧",
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
        lines = [f"「{answer.query}」に一致する施策は見つかりませんでした。"]
        if answer.suggestions:
            lines.append(
                f"地域名なら: {'、'.join(answer.suggestions)}（例: list {answer.suggestions[0]}）"
            )
        else:
            lines.append("別の言葉（例: エゾシカ、ニシン、観光）や地域名で試してください。")
        return lines
    header = f"「{answer.query}」の検索結果: {answer.count}件"
    if answer.total_thousand_yen:
        header += f" ・ 合計 {amount_text(answer.total_thousand_yen)}"
    lines = [header]
    if answer.suggestions:
        lines.append(
            f"※ 地域「{answer.suggestions[0]}」の施策は list {answer.query} で一覧できます。"
        )
    for rank, row in enumerate(answer.results[:SEARCH_SHOWN], start=1):
        lines.append(f"{rank}. {measure_label(row)} {amount_text(row.budget_thousand_yen)}")
        lines.append(f"   {row.subprefecture} ・ {truncate(row.project, NAME_CELLS)}")
        if isinstance(row, Hit) and row.matched == "description":
            lines.append(f"   {truncate(row.description, 2 * NAME_CELLS)}")
    if answer.count > SEARCH_SHOWN:
        lines.append(f"…ほか {answer.count - SEARCH_SHOWN}件")
    return lines


def _rank(answer: RankAnswer) -> list[str]:
    direction = "大きい" if answer.order == "largest" else "小さい"
    shown = len(answer.results) or len(answer.groups)
    within = "" if answer.scope.kind == "all" else f"{answer.scope.full_name}で"
    lines = [f"{within}予算が{direction}{RANK_LABEL[answer.by]} 上位{shown}件"]
    if answer.n > answer.available:
        lines[0] += f"（全{answer.available}件）"
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
    else:
        rows = [
            (f"{i}.", thousand_yen(g.total_thousand_yen), g.full_name, f"{g.count}件")
            for i, g in enumerate(answer.groups, start=1)
        ]
    lines += table(rows, right=frozenset({0, 1, 3} if answer.by != "measure" else {0, 1}))
    if answer.tied_beyond:
        last = (
            answer.results[-1].budget_thousand_yen
            if answer.results
            else answer.groups[-1].total_thousand_yen
        )
        label = RANK_LABEL[answer.by]
        lines.append(
            f"※ {thousand_yen(last)}の{label}はほかに{answer.tied_beyond}件あります（同額）。"
        )
    return lines


def _compare(answer: CompareAnswer) -> list[str]:
    names = [g.full_name for g in answer.groups]
    lines = [f"比較: {' と '.join(names)}"]
    lines += table(
        [
            (g.full_name, thousand_yen(g.total_thousand_yen), f"施策 {g.count}件")
            for g in answer.groups
        ],
        right=frozenset({1, 2}),
    )
    if answer.difference_thousand_yen is not None:
        first, second = answer.groups[0], answer.groups[1]
        diff = answer.difference_thousand_yen
        if diff == 0:
            lines.append("差額: なし（同額）")
        else:
            more, less = (first, second) if diff > 0 else (second, first)
            lines.append(f"差額: {more.full_name}が {amount_text(abs(diff))} 多い")
            if less.total_thousand_yen:
                lines.append(
                    f"倍率: {more.full_name}は{less.full_name}の約"
                    f"{more.total_thousand_yen / less.total_thousand_yen:.2f}倍"
                )
    else:
        largest = max(answer.groups, key=lambda g: g.total_thousand_yen)
        lines.append(f"最大: {largest.full_name}")
    return lines


def _about(answer: AboutAnswer) -> list[str]:
    year = (
        f"{answer.fiscal_year}（{answer.fiscal_year_western}年度）予算"
        if answer.fiscal_year
        else "予算"
    )
    lines = [
        answer.title,
        f"{year} ・ 単位 {answer.unit} ・ ファイル {answer.source}",
        f"連携地域 {answer.areas} ・ 振興局 {answer.subprefectures} ・ "
        f"プロジェクト {answer.project_entries}件（{answer.distinct_projects}種類） ・ "
        f"施策 {answer.measures}件",
        f"予算総額 {amount_text(answer.total_thousand_yen)}",
        "",
        "連携地域別（構成比）",
        *group_rows(answer.groups, answer.total_thousand_yen),
    ]
    note = "※ 表は主なプロジェクトと施策の抜粋です"
    if answer.declared_projects:
        note += (
            f"（本文によると地域プロジェクトは全{answer.declared_projects}件。"
            f"表のプロジェクトは{answer.project_entries}件）"
        )
    return [*lines, "", note + "。"]


def _help(answer: HelpAnswer) -> list[str]:
    lines = [answer.message] if answer.message else []
    lines += ["こんなふうに聞いてください:", *(f"  ・{example}" for example in answer.examples)]
    if answer.commands:
        lines += ["", "コマンド（日本語名でも使えます）:"]
        for command in answer.commands:
            lines += [f"  {command.usage}", f"      {command.ja_name}: {command.description}"]
    return lines


def _error(answer: ErrorAnswer) -> list[str]:
    return [answer.message]


_RENDERERS: dict[type[Answer], Callable[[Any], list[str]]] = {
    TotalAnswer: _total,
    ListAnswer: _list,
    SearchAnswer: _search,
    RankAnswer: _rank,
    CompareAnswer: _compare,
    AboutAnswer: _about,
    HelpAnswer: _help,
    ErrorAnswer: _error,
}
_NO_FOOTER = (AboutAnswer, HelpAnswer, ErrorAnswer)


def render_text(answer: Answer, source: Source) -> str:
    """The reply as a person reads it."""
    lines = _RENDERERS[type(answer)](answer)
    if not isinstance(answer, _NO_FOOTER):
        lines += ["", footer(source)]
    return "\n".join(lines)
