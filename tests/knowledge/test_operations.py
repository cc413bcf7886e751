"""The operations a plan runs (knowledge/operations.py): each one's figures, what it groups them
by, how it names the sides it compares or adds, and what it says when nothing is selected.

Questions are asked where a question reaches the path; plans are run directly where none does
(a side that is a picked item with the plan's own filters, a share of named sides, an empty
whole). Every expected figure is summed from the document's rows (tests/source_table.py).
"""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest

from bot.formatting.text import render_text
from knowledge import load_knowledge
from knowledge.answers import (
    Answer,
    CompareAnswer,
    CountAnswer,
    ListAnswer,
    PickAnswer,
    RankAnswer,
    Scope,
    SearchAnswer,
    ShareAnswer,
    StatsAnswer,
    TotalAnswer,
    WhereAnswer,
)
from knowledge.errors import InvalidQueryError
from knowledge.operations import OPERATIONS, operation_cues
from knowledge.plan import Pick, QueryPlan, Selection, Side
from knowledge.router import ask
from knowledge.understand import understand
from tests.source_table import AREA_TOTALS, DATA_FILE, GRAND_TOTAL, ROWS, SUBPREFECTURE_TOTALS

K = load_knowledge()
ABSENT = "ラーメン"
"""A word in no measure's name, project or description."""
KITA = next(r.project for r in ROWS if "きた北海道" in r.project)


def _region(name: str) -> Scope:
    region = K.resolve_region(name)
    return Scope(kind=region.kind, name=region.name, full_name=region.full_name, area=region.area)


def _run(plan: QueryPlan) -> Answer:
    return OPERATIONS[plan.operation].run(K, plan)


def _lines(subprefecture: str) -> list[int]:
    return [r.line for r in ROWS if r.subprefecture == subprefecture]


def test_the_absent_word_is_absent():
    assert not [r for r in ROWS if ABSENT in r.measure + r.project + r.description]


# -- totals and statistics ---------------------------------------------------------------


def test_a_project_total_is_broken_down_by_its_subprefectures():
    answer = ask(K, "「きた北海道」の予算は？")
    assert isinstance(answer, TotalAnswer)
    rows = [r for r in ROWS if r.project == KITA]
    places = list(dict.fromkeys(r.subprefecture for r in rows))
    assert len(places) > 1
    assert [(g.kind, g.name, g.total_thousand_yen) for g in answer.groups] == [
        ("subprefecture", p, sum(r.budget for r in rows if r.subprefecture == p)) for p in places
    ]


@pytest.mark.parametrize("operation", ["total", "mean", "median"])
def test_nothing_selected_has_no_mean_median_or_extremes(operation: str):
    plan = QueryPlan.model_validate({"operation": operation, "selection": {"name": ABSENT}})
    answer = _run(plan)
    assert isinstance(answer, TotalAnswer | StatsAnswer)
    assert (answer.total_thousand_yen, answer.count) == (0, 0)
    assert (answer.mean_thousand_yen, answer.median_thousand_yen) == (None, None)
    if isinstance(answer, StatsAnswer):
        assert (answer.smallest_thousand_yen, answer.largest_thousand_yen) == (None, None)
        assert answer.headline() is None


def test_the_mean_of_a_subprefecture_with_its_extremes_projects_and_measures():
    answer = ask(K, "釧路の施策の平均は？")
    assert isinstance(answer, StatsAnswer)
    rows = [r for r in ROWS if r.subprefecture == "釧路"]
    budgets = [r.budget for r in rows]
    assert answer.mean_thousand_yen == pytest.approx(statistics.fmean(budgets))
    assert (answer.smallest_thousand_yen, answer.largest_thousand_yen) == (
        min(budgets),
        max(budgets),
    )
    projects = list(dict.fromkeys(r.project for r in rows))
    assert [(g.kind, g.name, g.total_thousand_yen) for g in answer.groups] == [
        ("project", p, sum(r.budget for r in rows if r.project == p)) for p in projects
    ]
    assert [r.line for r in answer.results] == _lines("釧路")


# -- sums and comparisons ------------------------------------------------------------------


def test_a_sum_of_two_subprefectures_names_both_and_keeps_their_measures():
    answer = ask(K, "上川と宗谷を合わせると？")
    assert isinstance(answer, TotalAnswer)
    assert answer.focus == "sum"
    names = f"{_region('上川').full_name}・{_region('宗谷').full_name}"
    assert (answer.scope.kind, answer.scope.name, answer.scope.full_name) == (
        "selection",
        names,
        names,
    )
    assert [g.total_thousand_yen for g in answer.groups] == [
        SUBPREFECTURE_TOTALS["上川"],
        SUBPREFECTURE_TOTALS["宗谷"],
    ]
    assert [r.line for r in answer.results] == _lines("上川") + _lines("宗谷")


def _sides(*selections: Selection) -> list[Side]:
    return [Side(selection=s) for s in selections]


def _projects() -> tuple[str, str]:
    environment = next(r.project for r in ROWS if r.project.startswith("環境保全"))
    return KITA, environment


@pytest.mark.parametrize(
    ("sides", "kind"),
    [
        (
            _sides(Selection(regions=[_region("空知")]), Selection(regions=[_region("石狩")])),
            "subprefecture",
        ),
        (
            _sides(Selection(regions=[_region("道南")]), Selection(regions=[_region("道北")])),
            "area",
        ),
        (_sides(*(Selection(project=p) for p in _projects())), "project"),
    ],
)
def test_compared_sides_keep_what_kind_of_thing_they_are(sides: list[Side], kind: str):
    answer = _run(QueryPlan(operation="compare", sides=sides))
    assert isinstance(answer, CompareAnswer)
    assert [g.kind for g in answer.groups] == [kind, kind]
    assert [s.kind for s in answer.regions] == [kind, kind]


def test_two_subprefectures_compared_by_amount_share_and_measures():
    answer = ask(K, "空知と石狩を比べて")
    assert isinstance(answer, CompareAnswer)
    sorachi, ishikari = SUBPREFECTURE_TOTALS["空知"], SUBPREFECTURE_TOTALS["石狩"]
    assert [g.share for g in answer.groups] == [
        pytest.approx(sorachi / GRAND_TOTAL),
        pytest.approx(ishikari / GRAND_TOTAL),
    ]
    assert answer.difference_thousand_yen == sorachi - ishikari
    assert answer.ratio == pytest.approx(sorachi / ishikari)
    rows = [r for r in ROWS if r.subprefecture in ("空知", "石狩")]
    assert [r.line for r in answer.results] == [
        r.line for r in sorted(rows, key=lambda r: -r.budget)
    ]


def test_sides_of_a_table_of_zero_budgets_have_no_share(tmp_path: Path):
    document = tmp_path / "zero.txt"
    text = DATA_FILE.read_text(encoding="utf-8")
    document.write_text(re.sub(r"\t[0-9,]+$", "\t0", text, flags=re.MULTILINE), encoding="utf-8")
    knowledge = load_knowledge(document)
    assert knowledge.grand_total == 0
    answer = ask(knowledge, "空知と石狩を比べて")
    assert isinstance(answer, CompareAnswer)
    assert [(g.total_thousand_yen, g.share) for g in answer.groups] == [(0, 0.0), (0, 0.0)]
    assert answer.ratio is None


def test_three_sides_have_no_difference_or_ratio():
    answer = ask(K, "空知と石狩と後志を比べて")
    assert isinstance(answer, CompareAnswer)
    assert [g.total_thousand_yen for g in answer.groups] == [
        SUBPREFECTURE_TOTALS[s] for s in ("空知", "石狩", "後志")
    ]
    assert (answer.difference_thousand_yen, answer.ratio) == (None, None)


def test_measures_compared_are_named_by_their_own_names():
    first, second = "ShiriBeshi ニシン利用拡大推進事業", "ブリの活用連携促進事業"
    answer = ask(K, f"「{first}」と「{second}」を比べて")
    assert isinstance(answer, CompareAnswer)
    budget = {r.measure: r.budget for r in ROWS}
    assert [(g.name, g.total_thousand_yen) for g in answer.groups] == [
        (first, budget[first]),
        (second, budget[second]),
    ]


def test_picked_sides_are_picked_within_the_plans_own_region():
    kushiro = Selection(regions=[_region("釧路")])
    plan = QueryPlan(
        operation="difference",
        selection=kushiro,
        sides=[Side(pick=Pick(unit="measure")), Side(pick=Pick(unit="measure", order="smallest"))],
    )
    answer = _run(plan)
    assert isinstance(answer, CompareAnswer)
    rows = [r for r in ROWS if r.subprefecture == "釧路"]
    largest, smallest = max(rows, key=lambda r: r.budget), min(rows, key=lambda r: r.budget)
    assert [(g.name, g.total_thousand_yen) for g in answer.groups] == [
        (largest.measure, largest.budget),
        (smallest.measure, smallest.budget),
    ]
    assert answer.difference_thousand_yen == largest.budget - smallest.budget


def test_a_side_without_two_areas_is_named_by_the_areas_left():
    centre, south = _region("道央"), _region("道南")
    plan = QueryPlan(
        operation="compare",
        sides=_sides(Selection(excluded=[centre, south]), Selection(regions=[_region("釧根")])),
    )
    answer = _run(plan)
    assert isinstance(answer, CompareAnswer)
    left = [a for a in AREA_TOTALS if a not in (centre.name, south.name)]
    rest = answer.groups[0]
    assert rest.name == "・".join(left)
    assert rest.full_name == f"{'・'.join(left)}（{centre.full_name}・{south.full_name}以外）"
    assert rest.total_thousand_yen == sum(AREA_TOTALS[a] for a in left)


# -- counts, picks and rankings ------------------------------------------------------------


def test_counting_the_subprefectures_of_an_area_keeps_its_total():
    answer = ask(K, "道北の振興局の数は？")
    assert isinstance(answer, CountAnswer)
    rows = [r for r in ROWS if r.area == "道北連携地域"]
    assert answer.count == len({r.subprefecture for r in rows})
    assert answer.total_thousand_yen == AREA_TOTALS["道北連携地域"]


def test_the_largest_subprefecture_comes_with_its_measures():
    answer = ask(K, "一番大きい振興局は？")
    assert isinstance(answer, PickAnswer)
    largest = max(SUBPREFECTURE_TOTALS, key=lambda s: SUBPREFECTURE_TOTALS[s])
    assert (answer.name, answer.total_thousand_yen) == (largest, SUBPREFECTURE_TOTALS[largest])
    assert [r.line for r in answer.results] == _lines(largest)


def test_a_ranking_cut_through_a_tie_says_how_many_more_share_the_amount():
    answer = ask(K, "予算が大きい施策を3つ")
    assert isinstance(answer, RankAnswer)
    budgets = sorted((r.budget for r in ROWS), reverse=True)
    last = budgets[2]
    tied = sum(1 for b in budgets[3:] if b == last)
    assert tied  # the document has a tie at this cut
    assert budgets[1] != last
    assert (answer.n, answer.tied_beyond) == (3, tied)
    assert f"※ {last:,}千円の施策はほかに{tied}件あります（同額）。" in render_text(
        answer, K.source
    )


def test_a_ranking_of_fewer_items_than_the_default_shows_them_all():
    answer = ask(K, "道南の振興局を予算が多い順に")
    assert isinstance(answer, RankAnswer)
    places = list(dict.fromkeys(r.subprefecture for r in ROWS if r.area == "道南連携地域"))
    assert len(places) < 5
    assert (answer.n, answer.available, answer.tied_beyond) == (len(places), len(places), 0)
    assert [g.total_thousand_yen for g in answer.groups] == sorted(
        (SUBPREFECTURE_TOTALS[p] for p in places), reverse=True
    )
    assert "※" not in render_text(answer, K.source)


# -- shares --------------------------------------------------------------------------------


def test_a_share_of_a_topic_within_a_region_counts_only_that_regions_measures():
    answer = ask(K, "釧根のうちエゾシカ関連は何％？")
    assert isinstance(answer, ShareAnswer)
    area = "釧路・根室連携地域"
    inside = [r for r in ROWS if r.area == area and "エゾシカ" in r.measure]
    assert [r.line for r in answer.results] == [r.line for r in inside]
    assert answer.total_thousand_yen == sum(r.budget for r in inside)
    assert answer.share == pytest.approx(sum(r.budget for r in inside) / AREA_TOTALS[area])


def test_a_share_of_named_sides_adds_them_and_names_them():
    sorachi, ishikari = _region("空知"), _region("石狩")
    plan = QueryPlan(
        operation="share",
        sides=_sides(Selection(regions=[sorachi]), Selection(regions=[ishikari])),
    )
    answer = _run(plan)
    assert isinstance(answer, ShareAnswer)
    names = f"{sorachi.full_name}・{ishikari.full_name}"
    assert (answer.part.kind, answer.part.name, answer.part.full_name) == (
        "selection",
        names,
        names,
    )
    part = SUBPREFECTURE_TOTALS["空知"] + SUBPREFECTURE_TOTALS["石狩"]
    assert (answer.total_thousand_yen, answer.whole_thousand_yen) == (part, GRAND_TOTAL)
    assert answer.share == pytest.approx(part / GRAND_TOTAL)
    assert [r.line for r in answer.results] == _lines("空知") + _lines("石狩")


def test_a_share_of_an_empty_whole_is_no_share():
    plan = QueryPlan.model_validate(
        {
            "operation": "share",
            "selection": {"regions": [_region("空知").model_dump()]},
            "whole": {"name": ABSENT},
        }
    )
    answer = _run(plan)
    assert isinstance(answer, ShareAnswer)
    assert (answer.whole_thousand_yen, answer.share) == (0, 0.0)
    assert answer.headline() is None


@pytest.mark.parametrize("operation", ["compare", "ratio", "difference", "sum"])
def test_a_side_that_names_nothing_is_said_never_weighed_as_0(operation: str):
    # a side whose words are in no measure anywhere: its figure would answer another question
    plan = QueryPlan.model_validate(
        {
            "operation": operation,
            "sides": [
                {"selection": {"name": ABSENT}},
                {"selection": {"regions": [_region("空知").model_dump()]}},
            ],
        }
    )
    with pytest.raises(InvalidQueryError, match=f"名前に「{ABSENT}」に当たる施策がありません"):
        _run(plan)


def test_a_share_of_nothing_named_is_said_never_0_percent():
    plan = QueryPlan.model_validate({"operation": "share", "selection": {"name": ABSENT}})
    with pytest.raises(InvalidQueryError, match="当たる施策がありません"):
        _run(plan)


def test_a_region_without_the_topic_is_a_real_0_beside_one_with_it():
    # 上川 has no measure that mentions 観光, 宗谷 has: 宗谷 is larger, by its whole budget
    plan, _ = understand("観光で上川と宗谷どっちが多い？", K)
    answer = _run(plan)
    assert isinstance(answer, CompareAnswer)
    souya = sum(
        r.budget
        for r in ROWS
        if r.subprefecture == "宗谷" and "観光" in r.measure + r.project + r.description
    )
    assert [g.total_thousand_yen for g in answer.groups] == [0, souya]


# -- lists, places and searches ------------------------------------------------------------


def test_the_whole_list_is_grouped_by_area():
    answer = ask(K, "全部の施策を見せて")
    assert isinstance(answer, ListAnswer)
    assert [(g.kind, g.name, g.total_thousand_yen) for g in answer.groups] == [
        ("area", a, t) for a, t in AREA_TOTALS.items()
    ]
    assert [r.line for r in answer.results] == [r.line for r in ROWS]


def test_a_subprefectures_list_is_grouped_by_project():
    answer = ask(K, "渡島の事業を全部見せて")
    assert isinstance(answer, ListAnswer)
    rows = [r for r in ROWS if r.subprefecture == "渡島"]
    projects = list(dict.fromkeys(r.project for r in rows))
    assert len(projects) > 1
    assert [(g.kind, g.name, g.total_thousand_yen) for g in answer.groups] == [
        ("project", p, sum(r.budget for r in rows if r.project == p)) for p in projects
    ]


@pytest.mark.parametrize(("unit", "attribute"), [("area", "area"), ("measure", "subprefecture")])
def test_where_names_areas_when_asked_for_areas(unit: str, attribute: str):
    plan = QueryPlan.model_validate(
        {"operation": "where", "unit": unit, "selection": {"topic": "エゾシカ"}}
    )
    answer = _run(plan)
    assert isinstance(answer, WhereAnswer)
    rows = [r for r in ROWS if "エゾシカ" in r.measure + r.project + r.description]
    places = list(dict.fromkeys(getattr(r, attribute) for r in rows))
    assert [g.name for g in answer.groups] == places
    assert answer.total_thousand_yen == sum(r.budget for r in rows)


@pytest.mark.parametrize(
    ("selection", "query"),
    [
        ({"topic": "エゾシカ", "regions": ["根室"]}, "エゾシカ 根室振興局"),
        ({"name": "ニシン"}, "ニシン"),
        ({"regions": ["根室"]}, "根室振興局"),
    ],
)
def test_a_search_looks_for_the_topic_or_name_and_the_regions(
    selection: dict[str, object], query: str
):
    regions = selection.get("regions", [])
    assert isinstance(regions, list)
    plan = QueryPlan(
        operation="search",
        selection=Selection.model_validate({**selection, "regions": [_region(r) for r in regions]}),
    )
    answer = _run(plan)
    assert isinstance(answer, SearchAnswer)
    assert answer.query == query


# -- cue words -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cue", "phrase"),
    [
        ("help", "使い方"),
        ("share", "割合"),
        ("ratio", "何倍"),
        ("difference", "差額"),
        ("which", "比べ"),
        ("sum", "合わせ"),
        ("where", "どこ"),
        ("count", "何件"),
        ("rank", "ランキング"),
        ("superlative", "一番"),
        ("mean", "平均"),
        ("median", "中央値"),
        ("breakdown", "内訳"),
        ("list", "一覧"),
        ("total", "いくら"),
    ],
)
def test_cue_words_reach_the_reader_by_cue_name(cue: str, phrase: str):
    assert phrase in [p.strip() for p in operation_cues()[cue].split("|")]


def test_cue_names_are_names_and_search_has_none():
    cues = operation_cues()
    assert all("|" not in name and "|" in phrases for name, phrases in cues.items())
    assert "search" not in cues
