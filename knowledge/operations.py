"""The operations a query plan can ask for, each one unit: its label and how it runs.

An operation takes the engine and a plan and returns an answer model; the question reader
(knowledge/understand.py) chooses it, the router runs it. Adding an operation is adding one
entry to OPERATIONS (a test fails when a plan's operation has none).
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
from knowledge.models import MeasureRow
from knowledge.plan import UNIT_LABEL, OperationName, Pick, QueryPlan, Selection, Side, Unit

Runner = Callable[[Knowledge, QueryPlan], Answer]


@dataclass(frozen=True)
class Operation:
    """An operation: what the 解釈 line calls it, and how it answers a plan."""

    name: OperationName
    label: str
    run: Runner


def _stats(rows: list[MeasureRow]) -> dict[str, float | None]:
    budgets = [r.budget_thousand_yen for r in rows]
    return {
        "mean_thousand_yen": statistics.fmean(budgets) if budgets else None,
        "median_thousand_yen": float(statistics.median(budgets)) if budgets else None,
    }


def _breakdown_unit(scope: Scope) -> Unit:
    return {"all": "area", "area": "subprefecture"}.get(scope.kind, "project")  # type: ignore[return-value]


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
    rows = k.select(selection)
    scope = k.scope_of(selection)
    name, full_name = scope.name, scope.full_name
    if selection.excluded and not selection.regions:
        # 道央以外: named by what is left, as a person reads it
        left = list(dict.fromkeys(r.area for r in rows))
        name = "・".join(left)
        full_name = f"{name}（{'・'.join(r.full_name for r in selection.excluded)}以外）"
    elif len(rows) == 1 and (selection.topic or selection.name or selection.measure):
        name = full_name = rows[0].measure
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
    results = sorted((r for _, rows in sides for r in rows), key=lambda r: -r.budget_thousand_yen)
    focus = {"difference": "difference", "ratio": "ratio"}.get(plan.operation, "compare")
    return CompareAnswer(
        regions=[_scope_of_group(g) for g in groups],
        groups=groups,
        results=results,
        difference_thousand_yen=first - second if two else None,
        ratio=first / second if two and second else None,
        focus=focus,
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
    )


def _stats_answer(k: Knowledge, focus: str, plan: QueryPlan) -> StatsAnswer:
    rows = k.select(plan.selection)
    budgets = [r.budget_thousand_yen for r in rows]
    scope = k.scope_of(plan.selection)
    return StatsAnswer(
        focus=focus,
        scope=scope,
        total_thousand_yen=sum(budgets),
        count=len(budgets),
        smallest_thousand_yen=min(budgets, default=None),
        largest_thousand_yen=max(budgets, default=None),
        groups=k.items(_breakdown_unit(scope), rows),
        results=rows,
        **_stats(rows),
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
        part_rows = k.select(part_selection)
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


OPERATIONS: dict[OperationName, Operation] = {
    op.name: op
    for op in (
        Operation("total", "合計", total),
        Operation("breakdown", "内訳", total),
        Operation("sum", "合算", sum_of),
        Operation("count", "件数", count),
        Operation("mean", "平均", lambda k, p: _stats_answer(k, "average", p)),
        Operation("median", "中央値", lambda k, p: _stats_answer(k, "median", p)),
        Operation("pick", "順位", pick),
        Operation("rank", "ランキング", rank),
        Operation("share", "割合", share),
        Operation("compare", "比較", compare),
        Operation("difference", "差額", compare),
        Operation("ratio", "倍率", compare),
        Operation("list", "一覧", listing),
        Operation("where", "どこ", where),
        Operation("search", "検索", search),
        Operation("about", "データの概要", lambda k, _: k.about()),
        Operation("help", "使い方", lambda k, _: k.help()),
    )
}
