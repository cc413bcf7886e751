"""Every figure checked against sums computed from the document's rows (tests/source_table.py)."""

from __future__ import annotations

import statistics

import pytest

from knowledge import load_knowledge
from knowledge.errors import (
    AmbiguousProjectError,
    InvalidQueryError,
    UnknownProjectError,
    UnknownRegionError,
)
from tests.source_table import AREA_TOTALS, GRAND_TOTAL, ROWS, SUBPREFECTURE_TOTALS

K = load_knowledge()


def test_total_of_everything():
    answer = K.total()
    assert answer.total_thousand_yen == GRAND_TOTAL
    assert answer.count == len(ROWS)
    assert [(g.name, g.total_thousand_yen) for g in answer.groups] == list(AREA_TOTALS.items())
    assert sum(g.share for g in answer.groups) == pytest.approx(1.0)


@pytest.mark.parametrize(("area", "total"), AREA_TOTALS.items())
def test_area_totals_and_their_breakdown(area: str, total: int):
    answer = K.total(area)
    assert (answer.scope.kind, answer.total_thousand_yen) == ("area", total)
    expected = {
        s: t
        for s, t in SUBPREFECTURE_TOTALS.items()
        if any(r.area == area and r.subprefecture == s for r in ROWS)
    }
    assert {g.name: g.total_thousand_yen for g in answer.groups} == expected


@pytest.mark.parametrize(("name", "total"), SUBPREFECTURE_TOTALS.items())
def test_subprefecture_totals(name: str, total: int):
    answer = K.total(name)
    assert answer.total_thousand_yen == total
    budgets = [r.budget for r in ROWS if r.subprefecture == name]
    assert answer.count == len(budgets)
    assert answer.mean_thousand_yen == pytest.approx(statistics.fmean(budgets))
    assert answer.median_thousand_yen == pytest.approx(statistics.median(budgets))
    assert [r.measure for r in answer.results] == [
        r.measure for r in ROWS if r.subprefecture == name
    ]


def test_sorachi_is_6615():
    assert K.total("そらち").total_thousand_yen == 6615 == SUBPREFECTURE_TOTALS["空知"]


def test_mean_and_median_of_everything():
    budgets = [r.budget for r in ROWS]
    answer = K.total()
    assert answer.mean_thousand_yen == pytest.approx(sum(budgets) / len(budgets))
    assert answer.median_thousand_yen == statistics.median(budgets)


def test_project_total_across_its_subprefectures():
    answer = K.total(project="きた北海道")
    rows = [r for r in ROWS if "「きた北海道」" in r.project]
    assert answer.total_thousand_yen == sum(r.budget for r in rows)
    assert [g.name for g in answer.groups] == ["上川", "留萌", "宗谷"]
    assert answer.count == len(rows)


def test_project_total_by_full_name():
    name = "新幹線開業を活かした交流人口拡大プロジェクト"
    answer = K.total(project=name)
    assert answer.total_thousand_yen == sum(r.budget for r in ROWS if r.project == name)
    assert {g.name for g in answer.groups} == {"渡島", "檜山"}


def test_ambiguous_and_unknown_projects():
    with pytest.raises(AmbiguousProjectError) as caught:
        K.total(project="観光")
    assert len(caught.value.candidates) > 1
    with pytest.raises(UnknownProjectError):
        K.total(project="月面基地")


def test_keyword_total_names_its_measures():
    answer = K.total(keyword="エゾシカ")
    rows = [r for r in ROWS if "エゾシカ" in r.measure]
    assert answer.total_thousand_yen == sum(r.budget for r in rows) == 900 + 2243
    assert [r.measure for r in answer.results] == [r.measure for r in rows]


def test_keyword_total_with_no_match_is_zero_not_a_guess():
    answer = K.total(keyword="月面基地")
    assert (answer.total_thousand_yen, answer.count, answer.results) == (0, 0, [])


def test_list_of_an_area_is_in_document_order():
    answer = K.listing("道南")
    rows = [r for r in ROWS if r.area == "道南連携地域"]
    assert [r.line for r in answer.results] == [r.line for r in rows]
    assert answer.total_thousand_yen == AREA_TOTALS["道南連携地域"]


def test_top_measures_and_smallest():
    by_budget = sorted(ROWS, key=lambda r: -r.budget)
    answer = K.top(3)
    assert [r.budget_thousand_yen for r in answer.results] == [r.budget for r in by_budget[:3]]
    assert answer.tied_beyond == sum(1 for r in by_budget[3:] if r.budget == by_budget[2].budget)
    smallest = K.top(2, order="smallest")
    assert [r.budget_thousand_yen for r in smallest.results] == sorted(r.budget for r in ROWS)[:2]


def test_rank_subprefectures_and_areas():
    subs = K.top(14, by="subprefecture")
    assert [g.total_thousand_yen for g in subs.groups] == sorted(
        SUBPREFECTURE_TOTALS.values(), reverse=True
    )
    areas = K.top(1, by="area", order="smallest")
    assert [(g.name, g.total_thousand_yen) for g in areas.groups] == [
        min(AREA_TOTALS.items(), key=lambda kv: kv[1])
    ]


def test_top_beyond_the_available_count_shows_all():
    answer = K.top(50, by="area")
    assert (len(answer.groups), answer.available) == (6, 6)


def test_top_needs_a_positive_count():
    with pytest.raises(InvalidQueryError):
        K.top(0)


def test_compare_two_regions():
    answer = K.compare(["空知", "いしかり"])
    sorachi, ishikari = SUBPREFECTURE_TOTALS["空知"], SUBPREFECTURE_TOTALS["石狩"]
    assert [g.total_thousand_yen for g in answer.groups] == [sorachi, ishikari]
    assert answer.difference_thousand_yen == sorachi - ishikari
    assert answer.ratio == pytest.approx(sorachi / ishikari)


def test_compare_areas_and_more_than_two():
    answer = K.compare(["道央", "道南", "釧根"])
    assert [g.total_thousand_yen for g in answer.groups] == [
        AREA_TOTALS["道央広域連携地域"],
        AREA_TOTALS["道南連携地域"],
        AREA_TOTALS["釧路・根室連携地域"],
    ]
    assert answer.difference_thousand_yen is None


def test_compare_needs_two_distinct_known_regions():
    with pytest.raises(InvalidQueryError):
        K.compare(["空知"])
    with pytest.raises(InvalidQueryError):
        K.compare(["空知", "そらち"])
    with pytest.raises(UnknownRegionError):
        K.compare(["空知", "東京"])


def test_unknown_region_total_is_an_error_not_zero():
    with pytest.raises(UnknownRegionError) as caught:
        K.total("空地")
    assert "空知総合振興局" in caught.value.suggestions


def test_about_counts():
    about = K.about()
    assert (
        about.areas,
        about.subprefectures,
        about.project_entries,
        about.distinct_projects,
        about.measures,
    ) == (
        len(AREA_TOTALS),
        len(SUBPREFECTURE_TOTALS),
        len({(r.subprefecture, r.project) for r in ROWS}),
        len({r.project for r in ROWS}),
        len(ROWS),
    )
    assert about.total_thousand_yen == GRAND_TOTAL
    assert (about.fiscal_year, about.declared_projects, about.unit) == ("令和3年度", 51, "千円")


def test_browsing_reaches_every_measure_and_subtotals_add_up():
    top = K.browse()
    assert top.level == "areas"
    assert sum(g.total_thousand_yen for g in top.groups) == top.total_thousand_yen == GRAND_TOTAL
    reached = []
    for area in top.groups:
        level = K.browse(area.name)
        assert (level.level, level.total_thousand_yen) == ("area", area.total_thousand_yen)
        assert sum(g.total_thousand_yen for g in level.groups) == area.total_thousand_yen
        assert level.parent is not None
        assert level.parent.kind == "all"
        assert len(level.groups) <= 25
        for sub in level.groups:
            leaf = K.browse(sub.name)
            assert leaf.level == "subprefecture"
            assert (
                leaf.total_thousand_yen == sub.total_thousand_yen == SUBPREFECTURE_TOTALS[sub.name]
            )
            assert sum(r.budget_thousand_yen for r in leaf.results) == sub.total_thousand_yen
            assert leaf.parent is not None
            assert leaf.parent.name == area.name
            reached += [r.line for r in leaf.results]
    assert sorted(reached) == [r.line for r in ROWS]


def test_export_of_everything_sums_to_the_grand_total():
    answer = K.export()
    assert (answer.count, answer.total_thousand_yen) == (31, GRAND_TOTAL)
