"""Amounts, ranges, counts and years as people write them in questions."""

from __future__ import annotations

import pytest

from knowledge.normalize import fold
from knowledge.quantities import (
    AmountRange,
    find_counts,
    find_ranges,
    find_years,
    parse_number,
)


def ranges(text: str) -> list[AmountRange]:
    folded = fold(text)
    return [piece.range for piece in find_ranges(folded, [False] * len(folded))[0]]


def one_range(text: str) -> AmountRange:
    [found] = ranges(text)
    return found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5,000", 5000),
        ("五百", 500),
        ("五百万", 5_000_000),
        ("一千万", 10_000_000),
        ("千万", 10_000_000),
        ("1億2000万", 120_000_000),
        ("3百万", 3_000_000),
        ("1.5億", 150_000_000),
        ("二千五百", 2500),
    ],
)
def test_numbers_in_digits_and_kanji(text: str, value: int):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "low", "include_low", "high", "include_high"),
    [
        ("500万円以上", 5_000_000, True, None, True),
        ("300万円以下", None, True, 3_000_000, True),
        ("100万円未満", None, True, 1_000_000, False),
        ("1000万円超", 10_000_000, False, None, True),
        ("七百万円を超える", 7_000_000, False, None, True),
        ("５００万以上", 5_000_000, True, None, True),
        ("五百万円以上", 5_000_000, True, None, True),
        ("5,000千円以上", 5_000_000, True, None, True),
        ("200万円台", 2_000_000, True, 3_000_000, False),
        ("1500万円台", 15_000_000, True, 16_000_000, False),
        ("200〜300万円", 2_000_000, True, 3_000_000, True),
        ("350万〜500万", 3_500_000, True, 5_000_000, True),
        ("300万円以上500万円未満", 3_000_000, True, 5_000_000, False),
        ("over 3 million yen", 3_000_000, False, None, True),
        ("at least 5 million yen", 5_000_000, True, None, True),
        ("under 1 million yen", None, True, 1_000_000, False),
        ("6 million yen or more", 6_000_000, True, None, True),
        ("between 2 and 3 million yen", 2_000_000, True, 3_000_000, True),
        ("1億円以上", 100_000_000, True, None, True),
    ],
)
def test_budget_ranges(text, low, include_low, high, include_high):
    found = one_range(text)
    assert (found.minimum_yen, found.maximum_yen) == (low, high)
    if low is not None:
        assert found.include_minimum is include_low
    if high is not None:
        assert found.include_maximum is include_high


def test_a_range_holds_the_budgets_it_says():
    in_the_200s = one_range("200万円台")
    assert [in_the_200s.contains(b) for b in (1999, 2000, 2999, 3000)] == [
        False,
        True,
        True,
        False,
    ]
    assert in_the_200s.label() == "2,000千円以上3,000千円未満"
    assert one_range("500万円以上").label() == "5,000千円以上"


@pytest.mark.parametrize(
    "text", ["十勝の予算", "一番大きい施策", "五大遺産", "上位3件", "千円単位で"]
)
def test_kanji_numerals_are_money_only_with_a_unit(text: str):
    folded = fold(text)
    found, amounts = find_ranges(folded, [False] * len(folded))
    assert found == []
    assert amounts == []


def test_a_bare_number_with_a_range_word_is_a_bound_of_unknown_unit():
    folded = fold("予算500以上の施策")
    [piece] = find_ranges(folded, [False] * len(folded))[0]
    assert piece.guessed_unit


@pytest.mark.parametrize(
    ("text", "value", "ordinal"),
    [
        ("上位3件", 3, False),
        ("五つ", 5, False),
        ("2番目に大きい", 2, True),
        ("第3位", 3, True),
        ("second largest", 2, True),
        ("the two biggest measures", 2, False),
        ("top 5", 5, False),
    ],
)
def test_counts_and_ordinals(text: str, value: int, ordinal: bool):
    folded = fold(text)
    [found] = find_counts(folded, [False] * len(folded))
    assert (found.value, found.ordinal) == (value, ordinal)


def test_one_ban_is_a_superlative_not_an_ordinal():
    folded = fold("一番大きい")
    assert find_counts(folded, [False] * len(folded)) == []


@pytest.mark.parametrize(
    ("text", "western", "relative"),
    [
        ("令和4年度の予算", 2022, None),
        ("R3の予算", 2021, None),
        ("2022年度", 2022, None),
        ("FY2022", 2022, None),
        ("去年の予算", None, -1),
        ("今年度", None, 0),
    ],
)
def test_fiscal_years(text: str, western: int | None, relative: int | None):
    folded = fold(text)
    [year] = find_years(folded, [False] * len(folded))
    assert (year.western, year.relative) == (western, relative)


@pytest.mark.parametrize(("text", "value"), [("万", 10_000), ("億", 100_000_000), ("十五", 15)])
def test_a_unit_alone_counts_one_of_it(text: str, value: int):
    assert parse_number(text) == value


def test_exclusive_bounds_leave_the_bound_out():
    over = one_range("5,000千円超")
    assert [over.contains(b) for b in (5000, 5001)] == [False, True]
    under = one_range("5,000千円未満")
    assert [under.contains(b) for b in (4999, 5000)] == [True, False]
    at_most = one_range("5,000千円以下")
    assert [at_most.contains(b) for b in (5000, 5001)] == [True, False]
    assert (over.label(), under.label(), at_most.label()) == (
        "5,000千円超",
        "5,000千円未満",
        "5,000千円以下",
    )
    between = one_range("300万円超500万円以下")
    assert between.label() == "3,000千円超5,000千円以下"
    assert AmountRange().label() == ""
    assert AmountRange(minimum_yen=1500).label() == "1,500円以上"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("1.5億円台", 150_000_000, 160_000_000),
        ("50万円台", 500_000, 600_000),
        ("100万円台", 1_000_000, 2_000_000),
    ],
)
def test_the_band_of_an_amount_ends_at_its_next_step(text: str, low: int, high: int):
    found = one_range(text)
    assert (found.minimum_yen, found.maximum_yen, found.include_maximum) == (low, high, False)


@pytest.mark.parametrize(
    ("text", "yen"),
    [
        ("¥3,000,000以上", 3_000_000),
        ("3000000円以上", 3_000_000),
        ("5千円以上", 5_000),
        ("1万以上", 10_000),
        ("十勝で500万円以上の施策", 5_000_000),
        ("一番大きい五百万円以上の施策", 5_000_000),
    ],
)
def test_money_is_found_past_numbers_that_are_not_money(text: str, yen: int):
    assert one_range(text).minimum_yen == yen


def test_an_amount_alone_is_kept_for_the_planner():
    folded = fold("ちょうど700万の施策")
    found, amounts = find_ranges(folded, [False] * len(folded))
    assert found == []
    assert [a.yen for a in amounts] == [7_000_000]


@pytest.mark.parametrize("text", ["5千の施策", "3〜5件の施策"])
def test_counts_written_with_numbers_are_not_money(text: str):
    folded = fold(text)
    found, amounts = find_ranges(folded, [False] * len(folded))
    assert (found, amounts) == ([], [])


def piece_of(text: str):
    folded = fold(text)
    [found] = find_ranges(folded, [False] * len(folded))[0]
    return found


@pytest.mark.parametrize(
    ("text", "low", "include_low", "high", "include_high", "span"),
    [
        ("3 million yen or less", None, True, 3_000_000, True, "3 million yen or less"),
        ("3 million yen or below", None, True, 3_000_000, True, "3 million yen or below"),
        ("5 million yen and above", 5_000_000, True, None, True, "5 million yen and above"),
        ("between 2 and 3 million yen", 2_000_000, True, 3_000_000, True, None),
        ("from 2 to 3 million yen", 2_000_000, True, 3_000_000, True, None),
        ("200〜300万円未満", 2_000_000, True, 3_000_000, False, None),
        ("300万円以内", None, True, 3_000_000, True, "300万円以内"),
        ("500万円オーバー", 5_000_000, False, None, True, None),
        ("500万円を上回る", 5_000_000, False, None, True, None),
        ("500万円を超え", 5_000_000, False, None, True, None),
        ("500万円より多い", 5_000_000, False, None, True, None),
        ("500万円より少ない", None, True, 5_000_000, False, None),
        ("500万円以上1000万円以下", 5_000_000, True, 10_000_000, True, "500万円以上1000万円以下"),
        ("no more than 2 million yen", None, True, 2_000_000, True, "no more than 2 million yen"),
        ("less than 2 million yen", None, True, 2_000_000, False, "less than 2 million yen"),
    ],
)
def test_every_way_of_writing_a_range(text, *, low, include_low, high, include_high, span):
    found = piece_of(text)
    assert (found.range.minimum_yen, found.range.maximum_yen) == (low, high)
    assert (found.range.include_minimum, found.range.include_maximum) == (include_low, include_high)
    assert not found.guessed_unit
    folded = fold(text)
    assert folded[found.span.start : found.span.end] == fold(span or text)
    assert found.range.text == folded[found.span.start : found.span.end]


def test_a_range_of_bare_numbers_has_a_guessed_unit():
    assert piece_of("500以下の施策").guessed_unit
    assert not piece_of("500〜600万円").guessed_unit


@pytest.mark.parametrize(("text", "value"), [("1件", 1), ("12件", 12), ("十件", 10)])
def test_counts_of_one_and_more(text: str, value: int):
    folded = fold(text)
    [found] = find_counts(folded, [False] * len(folded))
    assert found.value == value


def test_zero_is_no_count():
    folded = fold("0件")
    assert find_counts(folded, [False] * len(folded)) == []


@pytest.mark.parametrize(
    ("text", "claimed", "value", "ordinal"),
    [
        ("第3位の施策", "第3位", 3, True),
        ("3件の施策", "3件", 3, False),
        ("3位までの振興局", "3位まで", 3, False),
        ("3か所の振興局", "3か所", 3, False),
        ("SECOND largest", "second", 2, True),
        ("3番目", "3番目", 3, True),
    ],
)
def test_the_span_a_count_claims(text: str, claimed: str, value: int, ordinal: bool):
    folded = fold(text)
    [found] = find_counts(folded, [False] * len(folded))
    assert (folded[found.span.start : found.span.end], found.value, found.ordinal) == (
        fold(claimed),
        value,
        ordinal,
    )


def test_several_counts_in_order_past_taken_text():
    folded = fold("十勝の一番 上位3件のうち2番目")
    taken = [False] * len(folded)
    taken[0:2] = [True, True]  # 十勝, a region already claimed
    found = find_counts(folded, taken)
    assert [(c.value, c.ordinal) for c in found] == [(3, False), (2, True)]


def test_top_three_is_three_not_third():
    folded = fold("上位3位")
    [found] = find_counts(folded, [False] * len(folded))
    assert (found.value, found.ordinal) == (3, False)


@pytest.mark.parametrize(
    ("text", "western"), [("令和元年度", 2019), ("FY22の予算", 2022), ("平成30年度", 2018)]
)
def test_more_fiscal_years(text: str, western: int):
    folded = fold(text)
    [year] = find_years(folded, [False] * len(folded))
    assert (year.western, year.relative) == (western, None)


def test_a_bare_bound_is_read_in_thousand_yen_until_confirmed():
    found = piece_of("予算500以上の施策")
    assert (found.range.minimum_yen, found.guessed_unit) == (500_000, True)
    assert fold("予算500以上の施策")[found.span.start : found.span.end] == "500以上"
    both = piece_of("500以上の施策")
    assert both.range.minimum_yen == 500_000


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("2〜3億円", 200_000_000, 300_000_000), ("200〜300万円", 2_000_000, 3_000_000)],
)
def test_the_first_bound_takes_the_unit_of_the_second(text: str, low: int, high: int):
    found = piece_of(text)
    assert (found.range.minimum_yen, found.range.maximum_yen, found.guessed_unit) == (
        low,
        high,
        False,
    )
    assert found.span.start == 0


def test_a_bare_number_after_money_is_not_read_twice():
    folded = fold("500万円以上で300以下")
    found, _ = find_ranges(folded, [False] * len(folded))
    assert [(p.range.minimum_yen, p.range.maximum_yen, p.guessed_unit) for p in found] == [
        (5_000_000, None, False),
        (None, 300_000, True),
    ]


@pytest.mark.parametrize("inclusive", [True, False])
def test_the_complement_of_a_one_sided_condition_flips_its_edge(inclusive: bool):
    # 300万円以上を除く is 300万円未満 (and 300万円超を除く is 300万円以下): the edge changes side
    at_least = AmountRange(minimum_yen=3_000_000, include_minimum=inclusive)
    below = at_least.complement()
    assert below is not None
    assert (below.minimum_yen, below.maximum_yen) == (None, 3_000_000)
    assert below.include_maximum is not inclusive
    assert below.contains(3000) is not inclusive
    at_most = AmountRange(maximum_yen=3_000_000, include_maximum=inclusive)
    above = at_most.complement()
    assert above is not None
    assert (above.minimum_yen, above.maximum_yen) == (3_000_000, None)
    assert above.include_minimum is not inclusive
    assert above.contains(3000) is not inclusive
    assert AmountRange(minimum_yen=1, maximum_yen=2).complement() is None


def test_two_conditions_join_with_each_bound_and_edge_from_the_one_that_sets_it():
    low = AmountRange(minimum_yen=3_000_000, include_minimum=False, text="300万円超")
    high = AmountRange(maximum_yen=5_000_000, include_maximum=False, text="500万円未満")
    for joined in (low.joined(high), high.joined(low)):
        assert (joined.minimum_yen, joined.maximum_yen) == (3_000_000, 5_000_000)
        assert (joined.include_minimum, joined.include_maximum) == (False, False)
        assert [joined.contains(t) for t in (3000, 4000, 5000)] == [False, True, False]
    assert low.joined(high).text == "300万円超 500万円未満"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        # the second number in kanji: the first takes its unit word (万, 億)
        ("200〜三百万円の施策", 2_000_000, 3_000_000),
        ("1〜二億円", 100_000_000, 200_000_000),
        ("2,000〜3,000千円", 2_000_000, 3_000_000),
        ("2〜3千万円", 20_000_000, 30_000_000),
    ],
)
def test_the_first_number_of_a_span_takes_the_unit_of_the_second(text: str, low: int, high: int):
    [found] = ranges(text)
    assert (found.minimum_yen, found.maximum_yen) == (low, high)
    assert (found.include_minimum, found.include_maximum) == (True, True)


def test_a_bare_number_is_read_in_the_tables_unit_and_marked_as_a_guess():
    [found] = ranges("500以上の施策")
    assert found.minimum_yen == 500_000  # 500千円
    folded = fold("予算500以上")
    [piece] = find_ranges(folded, [False] * len(folded))[0]
    assert piece.guessed_unit is True
