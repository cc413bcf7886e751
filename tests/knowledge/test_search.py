"""The first fuzzy search: width- and kana-blind, best first."""

from __future__ import annotations

import pytest

from knowledge import load_knowledge
from knowledge.errors import InvalidQueryError
from tests.source_table import ROWS

K = load_knowledge()
EZOSHIKA = {r.measure for r in ROWS if "エゾシカ" in r.measure}


@pytest.mark.parametrize("query", ["エゾシカ", "えぞしか", "ｴｿﾞｼｶ"])
def test_both_ezoshika_measures_rank_first(query: str):
    answer = K.search(query)
    assert (
        {r.measure for r in answer.results[:2]}
        == EZOSHIKA
        == {
            "空知地域エゾシカ肉有効活用需要喚起事業",
            "根室地域産エゾシカ肉「根室ディア」普及促進事業",
        }
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ニシン", "ShiriBeshi ニシン利用拡大推進事業"),
        ("jomon", "JOMON渡島ネクストステージ事業2021"),
        ("宇宙", "宇宙産業理解促進事業"),
        ("ワーケーション", "てっぺん宗谷de ポストコロナ観光地づくり推進事業"),
        ("エゾシガ", "空知地域エゾシカ肉有効活用需要喚起事業"),
    ],
)
def test_the_meant_measure_is_among_the_first(query: str, expected: str):
    assert expected in [r.measure for r in K.search(query).results[:2]]


def test_a_description_match_is_found_and_marked():
    hit = K.search("ワーケーション").results[0]
    assert getattr(hit, "matched", None) == "description"


def test_nothing_matches_nonsense():
    answer = K.search("qqqzzz")
    assert (answer.count, answer.results, answer.total_thousand_yen) == (0, [], None)


@pytest.mark.parametrize("query", ["sorachi", "そらち", "十勝", "空知振興局"])
def test_a_region_typed_as_a_search_is_pointed_out(query: str):
    assert K.search(query).suggestions[:1] in (["空知総合振興局"], ["十勝総合振興局"])


def test_an_empty_query_is_refused():
    with pytest.raises(InvalidQueryError):
        K.search("  ")


def test_the_strong_hits_total_is_their_sum():
    answer = K.search("エゾシカ")
    assert answer.total_thousand_yen == sum(r.budget for r in ROWS if r.measure in EZOSHIKA)
