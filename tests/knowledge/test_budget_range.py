"""Rankings and searches within a budget range: expected figures from the document's rows
(tests/source_table.py), never from the code under test."""

from __future__ import annotations

from collections import defaultdict

import pytest

from knowledge import load_knowledge
from knowledge.errors import InvalidQueryError
from knowledge.quantities import AmountRange
from tests.source_table import ROWS, Row

K = load_knowledge()
MAN = 10_000
"""Yen in one 万円."""


def between(low_man: int | None = None, high_man: int | None = None) -> AmountRange:
    """Both bounds inclusive, in 万円, as /top and /search take them."""
    return AmountRange(
        minimum_yen=None if low_man is None else low_man * MAN,
        maximum_yen=None if high_man is None else high_man * MAN,
    )


def in_range(row: Row, low_man: int | None, high_man: int | None) -> bool:
    """Compared in 千円: 1万円 is 10千円."""
    return (low_man is None or row.budget >= low_man * 10) and (
        high_man is None or row.budget <= high_man * 10
    )


def largest_first(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=lambda r: -r.budget)  # stable: ties in document order


@pytest.mark.parametrize(
    ("low", "high", "n"),
    [(100, 500, 5), (300, None, 3), (None, 150, 10), (0, 50, 5), (500, 700, 50), (210, 215, 5)],
)
def test_top_measures_rank_only_the_measures_in_range(low: int | None, high: int | None, n: int):
    kept = largest_first([r for r in ROWS if in_range(r, low, high)])
    answer = K.top(n, budget=between(low, high))
    assert [(r.line, r.budget_thousand_yen) for r in answer.results] == [
        (r.line, r.budget) for r in kept[:n]
    ]
    assert answer.available == len(kept)
    assert answer.budget == between(low, high)


def test_top_100_to_500_man_yen_is_the_measures_from_1000_to_5000_thousand():
    answer = K.top(50, budget=between(100, 500))
    expected = sorted((r.budget for r in ROWS if 1000 <= r.budget <= 5000), reverse=True)
    assert [r.budget_thousand_yen for r in answer.results] == expected
    assert expected[0] == 4000  # the 5,013千円 and 5,715千円 measures fall outside
    assert min(expected) == 1283  # and the 900千円 one


def test_smallest_first_within_a_range():
    kept = sorted((r for r in ROWS if in_range(r, 100, None)), key=lambda r: r.budget)
    answer = K.top(3, order="smallest", budget=between(100))
    assert [r.budget_thousand_yen for r in answer.results] == [r.budget for r in kept[:3]]


def test_both_bounds_are_inclusive():
    """9,515千円 is the largest measure and 298千円 the smallest: a bound on each keeps it."""
    largest = max(r.budget for r in ROWS)
    smallest = min(r.budget for r in ROWS)
    exact = AmountRange(minimum_yen=largest * 1000, maximum_yen=largest * 1000)
    assert [r.budget_thousand_yen for r in K.top(5, budget=exact).results] == [largest]
    lowest = K.top(5, order="smallest", budget=AmountRange(maximum_yen=smallest * 1000))
    assert [r.budget_thousand_yen for r in lowest.results] == [smallest]


def test_an_exclusive_bound_leaves_its_own_amount_out():
    largest = max(r.budget for r in ROWS)
    below = AmountRange(maximum_yen=largest * 1000, include_maximum=False)
    assert (
        K.top(1, budget=below).results[0].budget_thousand_yen == sorted(r.budget for r in ROWS)[-2]
    )


def test_a_tie_at_the_cut_is_still_pointed_out_in_range():
    sevens = [r for r in ROWS if r.budget == 7000]
    assert len(sevens) == 3
    answer = K.top(1, budget=between(None, 700))
    assert [r.line for r in answer.results] == [sevens[0].line]
    assert answer.tied_beyond == 2


@pytest.mark.parametrize("by", ["subprefecture", "area"])
def test_groups_sum_only_the_measures_in_range(by: str):
    totals: dict[str, int] = defaultdict(int)
    counts: dict[str, int] = defaultdict(int)
    for row in ROWS:
        if in_range(row, 100, 500):
            totals[getattr(row, by)] += row.budget
            counts[getattr(row, by)] += 1
    expected = sorted(totals.items(), key=lambda item: -item[1])
    answer = K.top(50, by=by, budget=between(100, 500))  # type: ignore[arg-type]
    assert [(g.name, g.total_thousand_yen) for g in answer.groups] == expected
    assert {g.name: g.count for g in answer.groups} == counts
    assert answer.available == len(totals)


def test_a_range_within_a_region():
    kept = largest_first([r for r in ROWS if r.area == "道南連携地域" and in_range(r, 200, None)])
    assert kept
    answer = K.top(10, region="道南", budget=between(200))
    assert [r.line for r in answer.results] == [r.line for r in kept]
    assert answer.available == len(kept)


def test_nothing_in_range_is_an_empty_ranking():
    answer = K.top(5, budget=between(2000))
    assert answer.results == []
    assert answer.available == 0


def test_search_keeps_only_the_hits_in_range():
    matching = [r for r in ROWS if "エゾシカ" in r.measure]
    assert len(matching) == 2
    kept = [r for r in matching if in_range(r, 200, None)]
    answer = K.search("エゾシカ", budget=between(200))
    assert [(r.measure, r.budget_thousand_yen) for r in answer.results] == [
        (r.measure, r.budget) for r in kept
    ]
    assert answer.count == len(kept) == 1
    assert answer.total_thousand_yen == sum(r.budget for r in kept) == 2243
    assert answer.confidence == "sure"
    assert answer.budget == between(200)


def test_search_range_below():
    kept = [r for r in ROWS if "エゾシカ" in r.measure and in_range(r, None, 100)]
    answer = K.search("えぞしか", budget=between(None, 100))
    assert [r.line for r in answer.results] == [r.line for r in kept]
    assert answer.total_thousand_yen == sum(r.budget for r in kept) == 900


def test_a_region_named_as_the_query_lists_its_measures_in_range():
    kept = [r for r in ROWS if r.subprefecture == "空知" and in_range(r, 200, None)]
    answer = K.search("空知", budget=between(200))
    assert [r.line for r in answer.results] == [r.line for r in kept]
    assert answer.count == len(kept)
    assert answer.total_thousand_yen == sum(r.budget for r in kept)


def test_search_with_no_hit_in_range_keeps_its_band_but_no_results():
    answer = K.search("エゾシカ", budget=between(1000))
    assert (answer.results, answer.count, answer.confidence) == ([], 0, "sure")
    assert answer.total_thousand_yen == 0
    assert answer.headline() is None


def test_memoized_answers_are_keyed_on_the_range():
    plain_top = K.top(5)
    ranged_top = K.top(5, budget=between(100, 500))
    assert K.top(5) == plain_top
    assert K.top(5).budget is None
    assert K.top(5, budget=between(100, 500)) == ranged_top != plain_top
    assert K.top(5, budget=between(300, 500)) != ranged_top
    plain = K.search("エゾシカ")
    assert K.search("エゾシカ", budget=between(200)).count == 1
    assert K.search("エゾシカ") == plain
    assert plain.count == 2
    assert plain.budget is None


def test_a_range_without_bounds_is_no_condition():
    assert K.top(5, budget=AmountRange()) == K.top(5)
    assert K.search("ニシン", budget=AmountRange()) == K.search("ニシン")


@pytest.mark.parametrize(
    "budget",
    [
        between(500, 100),
        AmountRange(minimum_yen=MAN, maximum_yen=MAN, include_maximum=False),
    ],
)
def test_a_minimum_above_the_maximum_is_a_clear_mistake(budget: AmountRange):
    with pytest.raises(InvalidQueryError, match="下限が上限を上回っています"):
        K.top(5, budget=budget)
    with pytest.raises(InvalidQueryError, match="下限は上限以下にしてください"):
        K.search("エゾシカ", budget=budget)
    assert K.top(5) == K.top(5, budget=None)  # nothing else changes


def test_impossible_is_only_an_empty_interval():
    assert not between(100, 100).impossible
    assert not between(None, 100).impossible
    assert between(101, 100).impossible
    assert AmountRange(minimum_yen=5, maximum_yen=5, include_minimum=False).impossible
