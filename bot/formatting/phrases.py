"""The Japanese sentences every reply shares, whether it is drawn as text or as an embed.

Both formatters take their titles, notes and verdicts from here, so a reply reads the same in
the console, on the command line and in Discord.
"""

from __future__ import annotations

from collections.abc import Callable

from knowledge.amounts import amount_text, decimal_thousand_yen, thousand_yen
from knowledge.answers import (
    AboutAnswer,
    Answer,
    BrowseAnswer,
    ChartAnswer,
    ClarifyAnswer,
    CompareAnswer,
    CountAnswer,
    ExportAnswer,
    Group,
    HelpAnswer,
    Hit,
    PickAnswer,
    RankAnswer,
    Scope,
    SearchAnswer,
    ShareAnswer,
    Source,
    StatsAnswer,
    TotalAnswer,
    WhereAnswer,
)
from knowledge.models import MeasureRow

GROUP_LABEL = {
    "area": "連携地域",
    "subprefecture": "振興局",
    "project": "プロジェクト",
    "measure": "施策",
    "selection": "対象",
}
RANK_LABEL = {"measure": "施策", "subprefecture": "振興局", "area": "連携地域", "project": "プロジェクト"}
TRY_OTHER_WORDS = "別の言葉（例: エゾシカ、ニシン、観光）や地域名で試してください。"

Emphasis = Callable[[str], str]


def plain(text: str) -> str:
    return text


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


BAR_CELLS = 10
_PARTIAL_BLOCKS = "▏▎▍▌▋▊▉"


def bar(value: int, largest: int, cells: int = BAR_CELLS) -> str:
    """A bar of █ in eighths, as long against `largest` as the value is: the split at a glance."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = max(round(value / largest * cells * 8), 1)
    full, part = divmod(eighths, 8)
    return "█" * full + (_PARTIAL_BLOCKS[part - 1] if part else "")


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


def largest_measures(answer: CompareAnswer, group: Group, count: int = 2) -> list[MeasureRow]:
    """A compared region's largest measures (the answer's results are ranked already)."""
    inside = [
        row
        for row in answer.results
        if group.name in (row.area, row.subprefecture)
        or (group.kind == "area" and group.name == "全道")
    ]
    return inside[:count]


def chart_lead(answer: ChartAnswer) -> str:
    return f"{answer.title} ・ 合計 {amount_text(answer.total_thousand_yen)}"


def export_lead(answer: ExportAnswer) -> str:
    title = scope_title(answer.scope) if answer.scope.kind != "all" else "全道"
    return f"{title}の施策 {answer.count}件 ・ 合計 {amount_text(answer.total_thousand_yen)}"


def browse_title(answer: BrowseAnswer) -> str:
    if answer.level == "areas":
        return "連携地域から選んでください"
    if answer.level == "area":
        return f"{answer.scope.full_name}の振興局"
    return f"{scope_title(answer.scope)}の施策"


def percent(part: int, whole: int) -> str:
    return f"{part / whole * 100:.1f}%" if whole else "-"


def understood(answer: Answer) -> str | None:
    """What the bot took a question to ask (対象: … ・ 集計: …), where a misreading matters."""
    if answer.understood is None or isinstance(answer, HelpAnswer | ClarifyAnswer):
        return None
    return answer.understood.summary


def stats_lead(answer: StatsAnswer) -> str:
    """The figure a count, average or median question asked for, first."""
    title = scope_title(answer.scope)
    if answer.focus == "count":
        return f"{title}の施策は {answer.count}件"
    value = answer.mean_thousand_yen if answer.focus == "average" else answer.median_thousand_yen
    label = "平均" if answer.focus == "average" else "中央値"
    figure = decimal_thousand_yen(value) if value is not None else "（施策なし）"
    return f"{title}の施策1件あたりの{label}: {figure}"


def stats_details(answer: StatsAnswer) -> list[str]:
    lines = [f"施策 {answer.count}件 ・ 合計 {amount_text(answer.total_thousand_yen)}"]
    if (
        answer.count > 1
        and answer.mean_thousand_yen is not None
        and answer.median_thousand_yen is not None
    ):
        lines.append(
            f"平均 {decimal_thousand_yen(answer.mean_thousand_yen)} ・ "
            f"中央値 {decimal_thousand_yen(answer.median_thousand_yen)}"
        )
    if answer.smallest_thousand_yen is not None and answer.largest_thousand_yen is not None:
        lines.append(
            f"最小 {thousand_yen(answer.smallest_thousand_yen)} ・ "
            f"最大 {thousand_yen(answer.largest_thousand_yen)}"
        )
    return lines


def no_keyword_match(answer: TotalAnswer) -> str:
    return f"{scope_title(answer.scope)}は見つかりませんでした。"


def statistics(answer: TotalAnswer) -> str | None:
    """平均 … ・ 中央値 …, for totals over more than one measure."""
    if answer.count < 2 or answer.mean_thousand_yen is None or answer.median_thousand_yen is None:
        return None
    mean = decimal_thousand_yen(answer.mean_thousand_yen)
    return f"平均 {mean} ・ 中央値 {decimal_thousand_yen(answer.median_thousand_yen)}"


def search_title(answer: SearchAnswer) -> str:
    return f"「{answer.query}」の検索結果"


def search_empty(answer: SearchAnswer) -> list[str]:
    """Nothing matched: say so plainly, with close words or regions to try instead."""
    lines = [f"「{answer.query}」に一致する施策は見つかりませんでした。"]
    if answer.suggestions:
        lines.append(f"もしかして: {'、'.join(answer.suggestions)}")
    else:
        lines.append(TRY_OTHER_WORDS)
    return lines


def rank_title(answer: RankAnswer) -> str:
    direction = "大きい" if answer.order == "largest" else "小さい"
    shown = len(answer.results) or len(answer.groups)
    within = "" if answer.scope.kind == "all" else f"{answer.scope.full_name}で"
    title = f"{within}予算が{direction}{RANK_LABEL[answer.by]} 上位{shown}件"
    if answer.n > answer.available:
        title += f"（全{answer.available}件）"
    return title


def tie_note(answer: RankAnswer) -> str | None:
    """The cut at n went through a tie: say how many more share the last amount."""
    if not answer.tied_beyond:
        return None
    last = (
        answer.results[-1].budget_thousand_yen
        if answer.results
        else answer.groups[-1].total_thousand_yen
    )
    label = RANK_LABEL[answer.by]
    return f"※ {thousand_yen(last)}の{label}はほかに{answer.tied_beyond}件あります（同額）。"


def compare_title(answer: CompareAnswer) -> str:
    return f"比較: {' と '.join(g.full_name for g in answer.groups)}"


def compare_verdict(answer: CompareAnswer, strong: Emphasis = plain) -> list[tuple[str, str]]:
    """(label, sentence) pairs: the difference and ratio of two regions, or the largest of more."""
    if answer.difference_thousand_yen is None:
        largest = max(answer.groups, key=lambda g: g.total_thousand_yen)
        return [("最大", largest.full_name)]
    first, second = answer.groups[0], answer.groups[1]
    difference = answer.difference_thousand_yen
    if difference == 0:
        return [("差額", "なし（同額）")]
    more, less = (first, second) if difference > 0 else (second, first)
    verdict = [("差額", f"{more.full_name}が {strong(amount_text(abs(difference)))} 多い")]
    if less.total_thousand_yen:
        ratio = more.total_thousand_yen / less.total_thousand_yen
        verdict.append(("倍率", f"{more.full_name}は{less.full_name}の約{ratio:.2f}倍"))
    return verdict


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


HELP_LEAD = "こんなふうに聞いてください:"
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


def search_lead(answer: SearchAnswer) -> str:
    """The first line of a search reply, by confidence band."""
    if answer.region is not None and answer.results and not answer.terms:
        return f"「{answer.query}」は地域名です: {answer.region.full_name}の施策 {answer.count}件"
    if answer.confidence == "maybe":
        return f"「{answer.query}」にぴったり一致する施策はありません。もしかして:"
    return f"{search_title(answer)}: {answer.count}件"


# -- the query plan's answers -----------------------------------------------------------------

UNIT_LABEL = {"measure": "施策", "project": "プロジェクト", "subprefecture": "振興局", "area": "連携地域"}


def whole_title(scope: Scope) -> str:
    return "全道" if scope.kind == "all" else scope.full_name


def share_lead(answer: ShareAnswer) -> str:
    """胆振総合振興局は全道の 8.7%."""
    percent = f"{answer.share * 100:.1f}%" if answer.whole_thousand_yen else "-"
    return f"{scope_title(answer.part)}は{whole_title(answer.whole)}の {percent}"


def item_label(unit: str, name: str) -> str:
    return f"【{name}】" if unit == "measure" else name


def pick_title(answer: PickAnswer) -> str:
    """釧路総合振興局で2番目に予算が大きい施策."""
    within = "" if answer.scope.kind == "all" else f"{scope_title(answer.scope)}で"
    nth = "一番" if answer.rank == 1 else f"{answer.rank}番目に"
    size = "大きい" if answer.order == "largest" else "小さい"
    extra = "（実施する振興局の合計）" if answer.by == "project" else ""
    return f"{within}{nth}予算が{size}{UNIT_LABEL[answer.by]}{extra}"


def pick_item(answer: PickAnswer) -> str:
    return f"{item_label(answer.by, answer.full_name)} {amount_text(answer.total_thousand_yen)}"


def pick_where(answer: PickAnswer) -> str:
    return "実施: " + "、".join(answer.places)


def pick_context(answer: PickAnswer) -> str:
    size = "大きい" if answer.order == "largest" else "小さい"
    return f"予算が{size}順（全{answer.available}件）"


def pick_tie_note(answer: PickAnswer) -> str | None:
    if not answer.tied:
        return None
    return (
        f"※ {thousand_yen(answer.total_thousand_yen)}の{UNIT_LABEL[answer.by]}は"
        f"ほかに{answer.tied}件あります（同額。表の順で先のものを挙げています）。"
    )


def where_lead(answer: WhereAnswer) -> str:
    names = "、".join(g.full_name for g in answer.groups)
    what = scope_title(answer.scope)
    return f"{what}の施策があるのは {len(answer.groups)}か所: {names}"


def count_lead(answer: CountAnswer) -> str:
    unit = UNIT_LABEL[answer.unit]
    within = "" if answer.scope.kind == "all" else f"{scope_title(answer.scope)}の"
    if answer.unit == "project" and answer.entries is not None and answer.entries != answer.count:
        return f"{within}{unit}は {answer.count}種類（表の項目としては {answer.entries}件）"
    return f"{within}{unit}は {answer.count}"


def count_note(answer: CountAnswer) -> str | None:
    notes = []
    if answer.unit == "project" and answer.entries is not None and answer.entries != answer.count:
        notes.append("同じプロジェクトが複数の振興局で行われているため、項目の数は名前の数より多くなります。")
    if answer.declared:
        notes.append(f"本文によると地域プロジェクトは全{answer.declared}件で、表はその主なものです。")
    return "※ " + " ".join(notes) if notes else None
