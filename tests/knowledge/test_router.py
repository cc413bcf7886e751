"""The first question router: questions as people write them reach the right query and figure."""

from __future__ import annotations

import pytest

from knowledge import load_knowledge
from knowledge.answers import (
    CompareAnswer,
    HelpAnswer,
    ListAnswer,
    PickAnswer,
    RankAnswer,
    SearchAnswer,
    TotalAnswer,
)
from knowledge.router import ask
from knowledge.words import content_words
from tests.source_table import AREA_TOTALS, GRAND_TOTAL, ROWS, SUBPREFECTURE_TOTALS

K = load_knowledge()


@pytest.mark.parametrize(
    ("question", "total"),
    [
        ("空知の予算は？", SUBPREFECTURE_TOTALS["空知"]),
        ("後志の予算合計は？", SUBPREFECTURE_TOTALS["後志"]),
        ("しりべしの合計", SUBPREFECTURE_TOTALS["後志"]),
        ("釧根っていくら？", AREA_TOTALS["釧路・根室連携地域"]),
        ("十勝連携地域の予算", AREA_TOTALS["十勝連携地域"]),
        ("そらち", SUBPREFECTURE_TOTALS["空知"]),
        ("total for Sorachi", SUBPREFECTURE_TOTALS["空知"]),
        ("全道の予算は？", GRAND_TOTAL),
        ("予算の合計は？", GRAND_TOTAL),
    ],
)
def test_region_totals(question: str, total: int):
    answer = ask(K, question)
    assert isinstance(answer, TotalAnswer)
    assert answer.total_thousand_yen == total
    assert answer.question == question


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("ニシン関連の予算はいくら？", "ニシン"),
        ("エゾシカの事業っていくら？", "エゾシカ"),
        ("ジビエ関連の予算", "ジビエ"),
    ],
)
def test_keyword_totals(question: str, word: str):
    answer = ask(K, question)
    assert isinstance(answer, TotalAnswer)
    assert answer.scope.kind == "keyword"
    rows = [r for r in ROWS if word in r.measure or word in r.project]
    rows += [r for r in ROWS if r not in rows and word in _description(r.line)]
    assert answer.total_thousand_yen == sum(r.budget for r in rows)


def _description(line: int) -> str:
    return next(r.description for r in K.rows if r.line == line)


def test_comparison():
    answer = ask(K, "空知と石狩を比べて")
    assert isinstance(answer, CompareAnswer)
    assert [g.total_thousand_yen for g in answer.groups] == [
        SUBPREFECTURE_TOTALS["空知"],
        SUBPREFECTURE_TOTALS["石狩"],
    ]
    english = ask(K, "compare Kushiro and Nemuro")
    assert isinstance(english, CompareAnswer)
    assert [g.name for g in english.groups] == ["釧路", "根室"]


def test_largest_measure():
    answer = ask(K, "予算が一番大きい事業は？")
    assert isinstance(answer, PickAnswer)
    largest = max(ROWS, key=lambda r: r.budget)
    assert (answer.name, answer.total_thousand_yen) == (largest.measure, largest.budget)


def test_ranking_with_a_number_and_a_kind():
    answer = ask(K, "予算が小さい振興局を3つ")
    assert isinstance(answer, RankAnswer)
    assert (answer.by, answer.order) == ("subprefecture", "smallest")
    assert [g.total_thousand_yen for g in answer.groups] == sorted(SUBPREFECTURE_TOTALS.values())[
        :3
    ]


def test_list():
    answer = ask(K, "胆振の事業を全部見せて")
    assert isinstance(answer, ListAnswer)
    assert [r.line for r in answer.results] == [r.line for r in ROWS if r.subprefecture == "胆振"]


def test_search_question():
    answer = ask(K, "エゾシカ関連の事業は？")
    assert isinstance(answer, SearchAnswer)
    assert {r.measure for r in answer.results[:2]} == {
        r.measure for r in ROWS if "エゾシカ" in r.measure
    }


@pytest.mark.parametrize("question", ["", "   ", "？", "help", "こんにちは", "qqqzzz"])
def test_questions_it_cannot_place_get_help(question: str):
    answer = ask(K, question)
    assert isinstance(answer, HelpAnswer)
    # its example questions are worded by the formatting side (formatting/kinds/test_help.py)


@pytest.mark.parametrize(
    ("question", "keywords"),
    [
        ("エゾシカ関連の事業は？", "エゾシカ"),
        ("ニシンについて教えて", "ニシン"),
        ("にしんの予算", "にしん"),
        ("ワーケーションに関する施策はありますか", "ワーケーション"),
    ],
)
def test_content_words_of_a_question(question: str, keywords: str):
    assert content_words(question) == keywords
