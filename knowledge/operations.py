"""The operations a query plan can ask for, each one unit: its cue words, when a question
asks for it, what the 解釈 line calls it, and how it runs.

The question reader (knowledge/question.py) finds each operation's cue words; the planner
(knowledge/understand.py) asks the rules below, in the order of their precedence, which
operation the pieces ask for; the router runs it. Adding an operation is adding one entry to
OPERATIONS (a test fails when a plan's operation has none).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass

from knowledge.answers import (
    Answer,
    CompareAnswer,
    CountAnswer,
    Group,
    ListAnswer,
    PickAnswer,
    RankAnswer,
    Scope,
    ShareAnswer,
    StatsAnswer,
    TotalAnswer,
    WhereAnswer,
)
from knowledge.engine import DEFAULT_TOP, Knowledge
from knowledge.errors import InvalidQueryError
from knowledge.models import MeasureRow, largest_first
from knowledge.plan import UNIT_LABEL, OperationName, Pick, QueryPlan, Selection, Side, Unit

Runner = Callable[[Knowledge, QueryPlan], Answer]


@dataclass(frozen=True)
class Evidence:
    """What the reader found in a question, as the operations' rules read it."""

    has: Callable[[str], bool]
    """Whether a cue word of this name was said."""
    data_scoped: bool
    """A region, project, measure or budget range was named, or a topic the table has (このbot
    のベースは？ names none)."""
    help_phrases: int
    """How many different help phrases were said (使い方 and どんな質問: surely a help question)."""
    any_cue: bool
    regions: int
    topics: int
    named: int
    """Projects and parts of names said."""
    superlatives: int
    ordinals: int
    counts: int
    counted_items: bool
    """A number of items was asked for (予算が小さい振興局を3つ)."""
    budget: bool
    project: bool
    asks_total: bool
    """A total cue that is not the subject of a budget condition, or one measure named."""
    units_said: bool
    ends_on_place: bool
    """The question ends on 振興局 or 連携地域 after a filter (移住の施策がある振興局は？)."""
    name_marked: bool
    asks_amount: bool = False
    """An amount is asked for (いくら, 合計, how much), not only the word 予算 said."""
    relative: bool = False
    """A region is followed by より (or と比べて)."""
    asks_kind: bool = False
    """The only list cues are どんな, どのような: what kind of thing (どんな項目がある?)."""
    contains_only: bool = False
    """The only list cues are 入って or 含まれ: a condition on names, not a request to list."""
    handed_only: bool = False
    """The only list cues are 出して, 見せて, あげて: how the answer is asked for (合計出して is
    a total, handed over), not a list."""
    proportion_only: bool = False
    """The only share cue is 比率, with no whole said: of two regions, their ratio."""
    list_inside_about: bool = False
    """Every list cue is inside an about phrase (データの中身: what the data holds)."""
    shared: bool = False
    """Only the projects of several 振興局 are asked about (複数の振興局にまたがる)."""
    exists_only: bool = False
    """The only list cues ask whether there is any (anything, のはある): with how much, a total."""

    def said(self, *names: str) -> bool:
        return any(self.has(name) for name in names)


Rule = Callable[[Evidence], bool]


@dataclass(frozen=True)
class Operation:
    """An operation: its cue words, its rules (precedence, condition), what the 解釈 line calls
    it, and how it answers a plan."""

    name: OperationName
    label: str
    run: Runner
    cues: tuple[str, str] | None = None
    """(cue name, "phrase | phrase | …"): the words that ask for it, Japanese and English."""
    rules: tuple[tuple[int, Rule], ...] = ()
    """(precedence, condition): the first rule to hold, lowest precedence first, wins."""


def _stats(rows: list[MeasureRow]) -> dict[str, float | None]:
    budgets = [r.budget_thousand_yen for r in rows]
    return {
        "mean_thousand_yen": statistics.fmean(budgets) if budgets else None,
        "median_thousand_yen": float(statistics.median(budgets)) if budgets else None,
    }


def _breakdown_unit(scope: Scope) -> Unit:
    return {"all": "area", "area": "subprefecture"}.get(scope.kind, "project")  # type: ignore[return-value]


def _found(k: Knowledge, selection: Selection) -> list[MeasureRow]:
    """The measures a side of a comparison or a share's part is of. What is named must exist: a
    topic found in no region, a project's ポストコロナじゃない方 when it has only that one, is
    said to be nothing, never added up to 0千円 (another question's figure). A region without
    the topic is a real 0 (観光で上川と宗谷どっちが多い: 上川 has none)."""
    rows = k.select(selection)
    anywhere = selection.model_copy(update={"regions": [], "excluded": []})
    if not rows and not selection.empty and not k.select(anywhere):
        raise InvalidQueryError(f"{selection.describe()}に当たる施策がありません。")
    return rows


def total(k: Knowledge, plan: QueryPlan) -> Answer:
    rows = k.select(plan.selection)
    scope = k.scope_of(plan.selection)
    by = plan.by or _breakdown_unit(scope)
    if scope.kind == "project" and not plan.by:
        by = "subprefecture"
    groups = k.items(by, rows)
    return TotalAnswer(
        scope=scope,
        total_thousand_yen=sum(r.budget_thousand_yen for r in rows),
        count=len(rows),
        groups=groups,
        results=rows,
        focus="breakdown" if plan.operation == "breakdown" else "total",
        **_stats(rows),
    )


def _side(k: Knowledge, side: Side, shared: Selection) -> tuple[Group, list[MeasureRow]]:
    """One side's subtotal and measures: a selection (with the plan's shared filters) or the
    item a pick names."""
    if side.pick is not None:
        pick = side.pick.model_copy(update={"within": shared.merged(side.pick.within)})
        group, rows = _picked(k, pick)
        return group, rows
    selection = shared.merged(side.selection or Selection())
    rows = _found(k, selection)
    scope = k.scope_of(selection)
    name, full_name = scope.name, scope.full_name
    if selection.excluded and not selection.regions:
        # 道央以外: named by what is left, as a person reads it
        left = list(dict.fromkeys(r.area for r in rows))
        name = "・".join(left)
        full_name = f"{name}（{'・'.join(r.full_name for r in selection.excluded)}以外）"
    elif len(rows) == 1 and (selection.topic or selection.name or selection.measure):
        # エゾシカとニシン: a topic found once is named by its measure, and by its region when
        # the side is a region's (宗谷 ・ てっぺん宗谷de…)
        name = full_name = rows[0].measure
        if selection.regions:
            full_name = " ・ ".join([*(r.full_name for r in selection.regions), name])
    kind = scope.kind if scope.kind in ("area", "subprefecture", "project") else "selection"
    group = Group(
        kind=kind,
        name=name,
        full_name=full_name,
        total_thousand_yen=sum(r.budget_thousand_yen for r in rows),
        count=len(rows),
        share=sum(r.budget_thousand_yen for r in rows) / k.grand_total if k.grand_total else 0.0,
    )
    return group, rows


def _ranked(k: Knowledge, unit: Unit, order: str, rows: list[MeasureRow]) -> list[Group]:
    items = k.items(unit, rows)
    return sorted(
        items, key=lambda g: -g.total_thousand_yen if order == "largest" else g.total_thousand_yen
    )


def _picked(k: Knowledge, pick: Pick) -> tuple[Group, list[MeasureRow]]:
    rows = k.select(pick.within)
    ranked = _ranked(k, pick.unit, pick.order, rows)
    if not ranked:
        raise InvalidQueryError(f"{pick.within.describe()}に当たる施策がありません。")
    if pick.rank > len(ranked):
        raise InvalidQueryError(
            f"{pick.within.describe()}の{UNIT_LABEL[pick.unit]}は{len(ranked)}件しかありません。"
        )
    group = ranked[pick.rank - 1]
    return group, [r for r in rows if _belongs(r, pick.unit, group.name)]


def _belongs(row: MeasureRow, unit: Unit, name: str) -> bool:
    return {
        "measure": row.measure,
        "project": row.project,
        "subprefecture": row.subprefecture,
        "area": row.area,
    }[unit] == name


def sum_of(k: Knowledge, plan: QueryPlan) -> Answer:
    sides = [_side(k, side, plan.selection) for side in plan.sides]
    rows = [r for _, side_rows in sides for r in side_rows]
    names = "・".join(group.full_name for group, _ in sides)
    return TotalAnswer(
        scope=Scope(kind="selection", name=names, full_name=names),
        total_thousand_yen=sum(group.total_thousand_yen for group, _ in sides),
        count=len(rows),
        groups=[group for group, _ in sides],
        results=rows,
        focus="sum",
        **_stats(rows),
    )


def compare(k: Knowledge, plan: QueryPlan) -> Answer:
    sides = [_side(k, side, plan.selection) for side in plan.sides]
    groups = [group for group, _ in sides]
    first, second = groups[0].total_thousand_yen, groups[1].total_thousand_yen
    two = len(groups) == 2
    focus = {"difference": "difference", "ratio": "ratio"}.get(plan.operation, "compare")
    return CompareAnswer(
        regions=[_scope_of_group(g) for g in groups],
        groups=groups,
        results=largest_first(rows for _, rows in sides),
        group_results=[largest_first([rows]) for _, rows in sides],
        difference_thousand_yen=first - second if two else None,
        ratio=first / second if two and second else None,
        focus=focus,
        order=plan.order,
    )


def _scope_of_group(group: Group) -> Scope:
    kind = group.kind if group.kind in ("area", "subprefecture", "project") else "selection"
    return Scope(kind=kind, name=group.name, full_name=group.full_name)


def count(k: Knowledge, plan: QueryPlan) -> Answer:
    rows = k.select(plan.selection)
    scope = k.scope_of(plan.selection)
    if plan.unit == "measure":
        return _stats_answer(k, "count", plan)
    groups = k.items(plan.unit, rows)
    most: list[str] = []
    if plan.most_measures and groups:
        # 施策数が一番多い振興局: ordered by their number of measures, the most (or fewest) first
        groups = sorted(groups, key=lambda g: g.count, reverse=plan.order == "largest")
        most = [g.name for g in groups if g.count == groups[0].count]
    entries = len({(r.subprefecture, r.project) for r in rows}) if plan.unit == "project" else None
    declared = (
        k.about().declared_projects if plan.unit == "project" and plan.selection.empty else None
    )
    return CountAnswer(
        scope=scope,
        unit=plan.unit,
        count=len(groups),
        entries=entries,
        declared=declared,
        groups=groups,
        total_thousand_yen=sum(r.budget_thousand_yen for r in rows),
        most=most,
        order=plan.order,
        per_group=plan.by is not None,
    )


def _stats_answer(k: Knowledge, focus: str, plan: QueryPlan) -> StatsAnswer:
    """A count, mean or median of measures; a mean or median per 振興局, 連携地域 or project
    (1振興局あたり) is over their totals, never the measures'."""
    rows = k.select(plan.selection)
    unit = plan.unit if focus != "count" else "measure"
    if unit == "measure":
        budgets = [r.budget_thousand_yen for r in rows]
    else:
        budgets = [g.total_thousand_yen for g in k.items(unit, rows)]
    scope = k.scope_of(plan.selection)
    return StatsAnswer(
        focus=focus,
        scope=scope,
        unit=unit,
        total_thousand_yen=sum(budgets),
        count=len(budgets),
        smallest_thousand_yen=min(budgets, default=None),
        largest_thousand_yen=max(budgets, default=None),
        groups=k.items(_breakdown_unit(scope), rows),
        results=rows,
        mean_thousand_yen=statistics.fmean(budgets) if budgets else None,
        median_thousand_yen=float(statistics.median(budgets)) if budgets else None,
    )


def pick(k: Knowledge, plan: QueryPlan) -> Answer:
    chosen = Pick(unit=plan.unit, order=plan.order, rank=plan.rank, within=plan.selection)
    rows = k.select(plan.selection)
    ranked = _ranked(k, plan.unit, plan.order, rows)
    group, members = _picked(k, chosen)
    tied = sum(1 for g in ranked if g.total_thousand_yen == group.total_thousand_yen) - 1
    shown = ranked[: max(plan.rank + 2, 3)]
    places = list(dict.fromkeys(r.subprefecture for r in members))
    return PickAnswer(
        scope=k.scope_of(plan.selection),
        by=plan.unit,
        order=plan.order,
        rank=plan.rank,
        name=group.name,
        full_name=group.full_name,
        total_thousand_yen=group.total_thousand_yen,
        available=len(ranked),
        tied=tied,
        places=places,
        groups=shown,
        results=members,
    )


def rank(k: Knowledge, plan: QueryPlan) -> Answer:
    rows = k.select(plan.selection)
    ranked = _ranked(k, plan.unit, plan.order, rows)
    n = plan.n or min(DEFAULT_TOP, len(ranked)) or DEFAULT_TOP
    amounts = [g.total_thousand_yen for g in ranked]
    tied = 0
    if n < len(amounts):
        tied = sum(1 for a in amounts[n:] if a == amounts[n - 1])
    scope = k.scope_of(plan.selection)
    common = {
        "by": plan.unit,
        "order": plan.order,
        "n": n,
        "scope": scope,
        "available": len(ranked),
        "tied_beyond": tied,
    }
    if plan.unit == "measure":
        ordered = sorted(
            rows,
            key=lambda r: (
                -r.budget_thousand_yen if plan.order == "largest" else r.budget_thousand_yen
            ),
        )
        return RankAnswer(**common, results=ordered[:n])
    return RankAnswer(**common, groups=ranked[:n])


def share(k: Knowledge, plan: QueryPlan) -> Answer:
    whole = plan.whole or Selection()
    part_selection = (
        plan.selection.merged(Selection()) if plan.whole is None else whole.merged(plan.selection)
    )
    if plan.sides:
        part_rows = [r for side in plan.sides for r in _side(k, side, plan.selection)[1]]
        names = "・".join(side.describe() for side in plan.sides)
        part_scope = Scope(kind="selection", name=names, full_name=names)
    else:
        # a whole of nothing has no share at all (its headline says none)
        part_rows = _found(k, part_selection) if k.select(whole) else []
        part_scope = k.scope_of(plan.selection)
    whole_rows = k.select(whole)
    whole_total = sum(r.budget_thousand_yen for r in whole_rows)
    part_total = sum(r.budget_thousand_yen for r in part_rows)
    return ShareAnswer(
        part=part_scope,
        whole=k.scope_of(whole),
        total_thousand_yen=part_total,
        whole_thousand_yen=whole_total,
        count=len(part_rows),
        share=part_total / whole_total if whole_total else 0.0,
        results=part_rows,
    )


def listing(k: Knowledge, plan: QueryPlan) -> Answer:
    rows = k.select(plan.selection)
    scope = k.scope_of(plan.selection)
    if plan.unit == "measure":
        groups = k.items("project", rows) if scope.kind != "all" else k.items("area", rows)
    else:
        groups = k.items(plan.unit, rows)
    return ListAnswer(
        scope=scope,
        total_thousand_yen=sum(r.budget_thousand_yen for r in rows),
        count=len(rows),
        groups=groups,
        results=rows,
        unit=plan.unit,
    )


def where(k: Knowledge, plan: QueryPlan) -> Answer:
    rows = k.select(plan.selection)
    unit: Unit = "area" if plan.unit == "area" else "subprefecture"
    return WhereAnswer(
        scope=k.scope_of(plan.selection),
        total_thousand_yen=sum(r.budget_thousand_yen for r in rows),
        count=len(rows),
        groups=k.items(unit, rows),
        results=rows,
    )


def search(k: Knowledge, plan: QueryPlan) -> Answer:
    words = " ".join(
        [
            plan.selection.topic or plan.selection.name or "",
            *(r.full_name for r in plan.selection.regions),
        ]
    ).strip()
    return k.search(words)


_ASKS_SOMETHING = ("share", "ratio", "difference", "which", "count", "superlative", "rank", "total")
_ABOUT_BLOCKERS = (
    "count", "superlative", "rank", "mean", "median", "share", "which", "breakdown",
)  # fmt: skip

OPERATIONS: dict[OperationName, Operation] = {
    op.name: op
    for op in (
        Operation(
            "help",
            "使い方",
            lambda k, _: k.help(),
            (
                "help",
                "help | ヘルプ | 使い方 | つかいかた | 何ができる | なにができる | 何できる | "
                "なにできる | こんにちは | how do i use | how to use | 質問例 | 質問の例 | "
                "どんな質問 | どのような質問 | 質問ができる | 質問できる | どう聞けば | "
                "どう聞いたら | どんなふうに聞 | どうやって聞 | 聞き方 | 使いかた | つかい方 | "
                "例ある | 例あったら | 利用方法 | ご利用方法 | 利用の仕方 | 使用方法 | "
                "聞ける | 聞けるの | 何が聞け | 質問できること | "
                "例を教え | 例を見せ | 例ちょうだい | what kinds of questions | what questions | "
                "what can i ask | what kind of questions | example questions | usage | "
                "コマンド | command | commands | 質問のformat | 質問のexample | 質問の仕方 | "
                "questionの仕方 | how do i ask | example question | questions can i ask | "
                "example queries | sample questions | how am i supposed to ask | "
                "how should i ask | how do i query | how should i phrase | how do i phrase | "
                "phrase my question | phrase questions | word my question | 質問すれば | "
                "質問したら | どう質問 | 質問の形式 | 形式で質問 | 質問の仕方 | ローマ字で | "
                "英語で聞 | 英語でも | 通じる | 打っても | 書き方でも | どういう機能 | romaji | "
                "どんな機能 | 機能がある | 機能は",
            ),
            (
                (7, lambda e: e.has("asking")),
                # Can I use romaji names like Shiribeshi?: one place, said as an example
                (8, lambda e: e.help_phrases >= 2 and e.regions <= 1 and not e.asks_amount),
                (9, lambda e: e.has("help") and e.has("bot") and not e.data_scoped),
                (10, lambda e: e.has("help") and not e.data_scoped and not e.any_cue),
                (
                    11,
                    lambda e: e.has("help") and not e.data_scoped and not e.said(*_ASKS_SOMETHING),
                ),
                (999, lambda _: True),
            ),
        ),
        Operation(
            "about",
            "データの概要",
            lambda k, _: k.about(),
            (
                "about",
                "このデータ | データについて | 出典 | 概要 | 何のデータ | 資料 | 単位 | 何年度 | "
                "いつの | "
                "about the data | dataset | source | columns | unit | データ | 何の表 | "
                "どこの資料 | 項目 | 各列 | 列 | 何年の | 対象年度 | this data | the data | "
                "units | these data | "
                "fiscal year | which year | what year | 令和何年度 | 令和何年 | based on | "
                "what unit | which unit | column | 元ネタ | 出どころ | 出所 | 元データ | "
                "元の資料 | 原典 | ソース | data source | source data | come from | comes from | "
                "what data | which data | working from | based off | データの中身 | データの内容 | "
                "でーたの中身 | のことで合って | のことであって | って意味 | 計画に基づ | "
                "どういう計画 | 何に基づ",
            ),
            (
                (6, lambda e: e.has("about_table") and not e.has("asking")),
                (15, lambda e: e.has("about") and e.has("bot") and not e.data_scoped),
                (
                    20,
                    lambda e: (
                        e.has("about")
                        and not e.data_scoped
                        and not e.asks_amount
                        and not e.said(*_ABOUT_BLOCKERS)
                        and (
                            not e.has("list")
                            or e.list_inside_about
                            or (e.asks_kind and not e.units_said)
                        )
                    ),
                ),
                (998, lambda e: e.has("about")),
            ),
        ),
        Operation(
            "share",
            "割合",
            share,
            (
                "share",
                "何% | 何パーセント | 何ぱーせんと | パーセント | % | 割合 | 構成比 | シェア | "
                "何パー | なんパー | "
                "比率 | 全道比 | 全体比 | "
                "占める | 占め | 占有 | 何割 | share | percent | percentage | proportion | "
                "what fraction",
            ),
            ((30, lambda e: e.has("share")),),
        ),
        Operation(
            "ratio",
            "倍率",
            compare,
            (
                "ratio",
                "何倍 | なんばい | 倍率 | 倍 | ratio | times bigger | times larger | times more | "
                "times as | how many times | 何 times | 何times | what multiple | multiple of | "
                "divided by | 割ると | 割った | ÷",
            ),
            (
                # 根室 / 釧路 予算 比率: the ratio of the two, not each one's share of the whole
                (29, lambda e: e.proportion_only and e.regions == 2),
                (40, lambda e: e.has("ratio")),
            ),
        ),
        Operation(
            "difference",
            "差額",
            compare,
            (
                "difference",
                "差額 | 差 | diff | ギャップ | いくら多い | いくら少ない | どれだけ多い | "
                "どれだけ少ない | "
                "どれくらい多い | "
                "どのくらい多い | どれくらい少ない | 開き | いくら違 | どれだけの差 | difference | "
                "how much more | how much less | gap | more than the | 差は | どのくらい違 | "
                "どれくらい違 | どんくらい違 | どんだけ違 | どれだけ違 | how different | "
                "how much bigger | how much larger | how much smaller | なんぼ多い | "
                "なんぼ少ない | なんぼ違 | minus | subtract | subtracted | 引くと | 引いた | "
                "引いたら | 何円違 | 何円ちが | 何千円違 | 何千円ちが | 何万円違 | 何万円ちが | "
                "何億円違 | 何億円ちが | いくらちが | どれくらいちが | どのくらいちが | "
                "どんくらいちが | どんだけちが | どれだけちが | なんぼちが",
            ),
            ((50, lambda e: e.has("difference")),),
        ),
        Operation(
            "compare",
            "比較",
            compare,
            (
                "which",
                "どっち | どちら | いずれの | いずれが | 比べ | 比較 | くらべ | vs | versus | "
                "compare | "
                "which is bigger | "
                "which is larger | which is more | which gets more | which has more | bigger | "
                "larger than | より多い | より少ない | より大きい | より小さい | より上 | が上 | "
                "上回って | 下回って | のが上 | 違い | ちがい | larger | more money | gets more | "
                "compared to | compared with | compared | against",
            ),
            (
                (60, lambda e: e.has("which")),
                # とかちってオホーツクより予算多い: one region measured against another
                (65, lambda e: e.relative and e.regions >= 2 and e.said("largest", "smallest")),
                # 空知と石狩で予算が多いのはどこ: the larger of the two
                (78, lambda e: e.has("where") and e.said("largest", "smallest") and e.regions >= 2),
                # 空知と石狩 with no other cue: side by side
                (150, lambda e: e.regions >= 2 and not e.said("total", "list", "sum")),
            ),
        ),
        Operation(
            "sum",
            "合算",
            sum_of,
            (
                "sum",
                "合わせ | あわせ | 足す | 足し | 足した | 足し上げた | 足しあげた | たす | 合算 | "
                "総計 | 両方 | + | ＋ | "
                "combined | together | add up | sum of | in total | both | plus | 合計 | 総額 | "
                "トータル | "
                "total | sum | 全部で | 計",
            ),
            (
                (
                    70,
                    lambda e: (
                        e.has("sum")
                        and not e.said("count", "mean", "median")
                        and (
                            e.regions >= 2
                            or e.topics >= 2
                            or e.superlatives >= 2
                            or e.ordinals >= 2
                            or e.named >= 2
                            or e.regions + e.named >= 2
                        )
                    ),
                ),
            ),
        ),
        Operation(
            "where",
            "どこ",
            where,
            (
                "where",
                "どこ | どの振興局 | どの連携地域 | どちらの連携地域 | どの地域 | どの管内 | "
                "何処 | どこの | どちらの振興局 | どのsub | which sub | "
                "どちらの管内 | どちらの地域 | どこの局 | どの局 | which bureau | which bureaus | "
                "where | "
                "which subprefecture | which subprefectures | which region | which regions | "
                "which area | what subprefecture | which subprefs | which subpref | "
                "which 振興局 | which 連携地域 | what 振興局",
            ),
            (
                # 国定公園の施策を実施している振興局はどちら: which 振興局, with nothing to weigh
                (
                    59,
                    lambda e: (
                        e.has("which")
                        and e.ends_on_place
                        and e.regions < 2
                        and not e.said("largest", "smallest", "superlative", "rank")
                        and not e.ordinals
                    ),
                ),
                (
                    80,
                    lambda e: (
                        e.has("where")
                        and not e.superlatives
                        and not e.ordinals
                        and not (e.has("rank") and e.counts)
                    ),  # トップ3ってどこ: a ranking
                ),
                (180, lambda e: e.ends_on_place),
            ),
        ),
        Operation(
            "count",
            "件数",
            count,
            (
                "count",
                "何件 | なんけん | いくつ | 幾つ | 何個 | なんこ | 何本 | 件数 | 施策数 | 事業数 | "
                "カウント | measure数 | measures数 | project数 | projects数 | なんぼある | "
                "なんぼあん | "
                "プロジェクト数 | 振興局数 | 何箇所 | 何カ所 | 何か所 | 何ヶ所 | の数 | 数は | "
                "何種類 | なんしゅるい | "
                "how many | number of | count",
            ),
            (
                (
                    90,
                    lambda e: (
                        e.has("count") and not e.ordinals and not (e.has("rank") and e.counts)
                    ),
                ),
            ),
        ),
        Operation(
            "rank",
            "ランキング",
            rank,
            (
                "rank",
                "上位 | 下位 | トップ | ベスト | ワースト | ランキング | 順位 | 多い順 | "
                "大きい順 | 高い順 | "
                "少ない順 | 小さい順 | 低い順 | 安い順 | でかい順 | 順に | 並べ | ならべ | top | "
                "bottom | "
                "worst | best | ranking | rank | in order | largest first | biggest first | "
                "smallest first | highest first | lowest first",
            ),
            (
                (
                    100,
                    lambda e: (
                        # ランキング、2位はどこ: one place of the ranking is asked for
                        (
                            e.has("rank")
                            and bool(e.counts or not e.superlatives)
                            and not (e.ordinals and e.said("where", "which"))
                        )
                        or (
                            bool(e.superlatives or e.said("largest", "smallest"))
                            and e.counted_items
                            and not e.ordinals
                        )
                    ),
                ),
            ),
        ),
        Operation(
            "pick",
            "順位",
            pick,
            (
                "superlative",
                "一番 | いちばん | いっちばん | 1番 | 最も | もっとも | 最大 | 最小 | 最高 | "
                "最低 | 最多 | 最安 | "
                "最少 | "
                "most | least | largest | biggest | smallest | highest | lowest | single biggest | "
                "cheapest | costliest | priciest | "
                "the top | the bottom | トップの | topの | ナンバーワンの | no.1の | no.1 | no1 | "
                "最下位 | 最上位 | ビリ",
            ),
            (
                # 予算が多いのはどの振興局: the one with the most, said without 一番
                (
                    79,
                    lambda e: (
                        e.has("where")
                        and e.said("largest", "smallest")
                        and e.regions < 2
                        and not e.said("rank", "count", "which")
                        and not e.counts
                    ),
                ),
                (110, lambda e: bool(e.superlatives or e.ordinals)),
            ),
        ),
        Operation(
            "mean",
            "平均",
            lambda k, p: _stats_answer(k, "average", p),
            (
                "mean",
                "平均 | へいきん | average | mean | 1個あたり | 一件あたり | 1件あたり | "
                "一施策あたり | "
                "per measure | average size | avg | on average",
            ),
            # the median per measure is a median
            ((120, lambda e: e.has("mean") and not e.has("median")),),
        ),
        Operation(
            "median",
            "中央値",
            lambda k, p: _stats_answer(k, "median", p),
            (
                "median",
                "中央値 | ちゅうおうち | 真ん中の金額 | 真ん中 | メジアン | メディアン | median",
            ),
            (
                # 全部の施策並べたときの真ん中: lined up to find the middle, no ranking asked
                (95, lambda e: e.has("median") and e.has("rank") and not e.counts),
                (130, lambda e: e.has("median")),
            ),
        ),
        Operation(
            "breakdown",
            "内訳",
            total,
            (
                "breakdown",
                "内訳 | うちわけ | 別 | ごと | 毎 | ブレイクダウン | ブレークダウン | 単位で | "
                "breakdown | break down | by subprefecture | "
                "by area | by cooperation area | per subprefecture | split | break | "
                "broken down | by project | per project | by measure | per measure",
            ),
            ((140, lambda e: e.has("breakdown")),),
        ),
        Operation(
            "list",
            "一覧",
            listing,
            (
                "list",
                "一覧 | いちらん | 全部 | ぜんぶ | すべて | 全て | 見せて | みせて | リスト | "
                "出して | "
                "だして | 挙げて | あげて | 列挙 | どんな | どういう | どのような | 何がある | "
                "なにがある | "
                "list | show | what are | which measures | which projects | any measures | "
                "anything | "
                "どれ | どの施策 | どの事業 | 含まれ | 入って | 入ってる | のある | ってある | "
                "中身 | のはある | 名前も | 名前は | ピックアップ",
            ),
            (
                # 名前に食って入ってる施策ぜんぶでいくら: a condition on names, and a total
                (
                    160,
                    lambda e: (
                        e.has("list")
                        and not ((e.contains_only or e.exists_only) and e.asks_amount)
                        and not (e.handed_only and e.has("sum"))
                    ),
                ),
                (
                    190,
                    lambda e: (
                        e.units_said and (bool(e.regions) or e.project or e.budget or e.shared)
                    ),
                ),
                (210, lambda e: e.budget),
            ),
        ),
        Operation(
            "total",
            "合計",
            total,
            (
                "total",
                "合計 | ごうけい | 予算 | よさん | いくら | 幾ら | なんぼ | どのくらい | "
                "どのぐらい | "
                "どれくらい | どれぐらい | どんくらい | 総額 | 金額 | トータル | total | "
                "budget | sum | "
                "cost | how much | how big | how large | money | おいくら | 事業費 | 経費 | 費用 | "
                "予算額",
            ),
            (
                (170, lambda e: e.asks_total),
                # What do the Ezoshika measures add up to? one side to add up: its total
                (175, lambda e: e.has("sum")),
                (200, lambda e: bool(e.regions and not e.topics) or e.project),
            ),
        ),
        Operation(
            "search",
            "検索",
            search,
            None,
            ((220, lambda e: bool(e.topics) or e.has("name")),),
        ),
    )
}


def choose(evidence: Evidence) -> OperationName:
    """The operation whose first holding rule comes first (help when none holds)."""
    rules = sorted(
        (
            (precedence, name, rule)
            for name, op in OPERATIONS.items()
            for precedence, rule in op.rules
        ),
        key=lambda item: item[0],
    )
    return next((name for _, name, rule in rules if rule(evidence)), "help")


def operation_cues() -> dict[str, str]:
    """Each operation's cue words by cue name, for the question reader."""
    return {op.cues[0]: op.cues[1] for op in OPERATIONS.values() if op.cues is not None}
