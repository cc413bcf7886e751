"""The first question router: questions as people write them reach the right query and figure."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import load_knowledge
from knowledge.answers import (
    Choice,
    ClarifyAnswer,
    CompareAnswer,
    HelpAnswer,
    ListAnswer,
    PickAnswer,
    RankAnswer,
    SearchAnswer,
    TotalAnswer,
)
from knowledge.plan import QueryPlan, Unplaced, UnplacedReason
from knowledge.router import _ASK_BACK, _answer, ask
from knowledge.words import content_words
from tests.source_table import AREA_TOTALS, DATA_FILE, GRAND_TOTAL, ROWS, SUBPREFECTURE_TOTALS

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


def _clarify(question: str) -> ClarifyAnswer:
    answer = ask(K, question)
    assert isinstance(answer, ClarifyAnswer)
    return answer


def test_nothing_to_pick_from_is_said_plainly():
    assert not [r for r in ROWS if r.budget >= 100_000]
    answer = _clarify("予算1億円以上の施策で一番大きいのは？")
    assert (answer.message, answer.choices) == ("予算100,000千円以上に当たる施策がありません。", [])


def test_a_rank_beyond_the_last_is_said_plainly():
    measures = len([r for r in ROWS if r.subprefecture == "空知"])
    assert measures < 100
    answer = _clarify("空知で100番目に大きい施策は？")
    assert (answer.message, answer.choices) == (
        f"空知総合振興局の施策は{measures}件しかありません。",
        [],
    )


@pytest.mark.parametrize(
    ("question", "choices"),
    [
        (
            "令和4年度の空知の予算は？",
            [Choice(label="令和3年度で答える", question="令和3年度の空知の予算は？")],
        ),
        ("令和2年度の？", []),  # nothing else was asked: nothing to answer instead
    ],
)
def test_another_fiscal_year_is_not_in_the_table(question: str, choices: list[Choice]):
    answer = _clarify(question)
    year = question[: question.index("度") + 1]
    assert answer.message == (
        f"この表にあるのは令和3年度の予算だけです。「{year}」の予算は載っていません。"
    )
    assert answer.choices == choices


def test_a_table_that_names_no_year_says_it_has_one_year(tmp_path: Path):
    document = tmp_path / "no_year.txt"
    document.write_text(
        DATA_FILE.read_text(encoding="utf-8").replace("R3 予算額", "予算額"), encoding="utf-8"
    )
    knowledge = load_knowledge(document)
    assert knowledge.source.fiscal_year is None
    answer = ask(knowledge, "令和4年度の空知の予算は？")
    assert isinstance(answer, ClarifyAnswer)
    assert answer.message == (
        "この表にあるのは1つの年度の予算だけです。「令和4年度」の予算は載っていません。"
    )
    assert answer.choices == [Choice(label="1つの年度で答える", question="の空知の予算は？")]


def test_a_number_alone_is_asked_back_without_a_choice():
    answer = _clarify("123")
    assert answer.message == "「123」が何の数か分かりませんでした。言い換えてもらえますか？"
    assert answer.choices == []


@pytest.mark.parametrize(
    ("question", "message", "choices"),
    [
        (
            "差額は？",
            "何と何を比べる（足す）のか分かりませんでした。地域や施策を2つ挙げてください"
            "（例: 空知と石狩の差は？）。",
            [],
        ),
        (
            "どの施策がいちばん効果あった？",
            "「いちばん」何が大きいものをお探しですか？この表で比べられるのは予算額だけです。",
            [Choice(label="予算が一番大きい施策", question="予算が一番大きい施策は？")],
        ),
        (
            "名前に入っている施策は？",
            "名前にどんな言葉が入っている施策ですか？"
            "言葉を「」で囲んでください（例: 名前に「食」が入っている施策）。",
            [],
        ),
        (
            "空知より予算が多い振興局は？",
            "「空知より」のように、ほかの地域の予算を基準にした条件にはまだ答えられません。"
            "比べるなら2つを挙げてください。",
            [Choice(label="空知と比べる", question="空知と比べて予算が多いのは？")],
        ),
    ],
)
def test_what_cannot_be_answered_is_asked_back_in_words(
    question: str, message: str, choices: list[Choice]
):
    answer = _clarify(question)
    assert (answer.message, answer.choices) == (message, choices)


def test_a_bare_number_said_twice_gets_its_unit_once():
    answer = _clarify("予算500以上で500件")
    assert answer.choices == [
        Choice(label="500千円として", question="予算500千円以上で500件"),
        Choice(label="500万円として", question="予算500万円以上で500件"),
    ]


def test_a_measure_name_that_fits_several_offers_them():
    # no question reaches this yet: a measure named in part is one measure or a topic
    names = [r.measure for r in ROWS if "推進事業" in r.measure][:2]
    plan = QueryPlan(
        operation="total",
        unplaced=[Unplaced(text="推進事業", reason="measure", suggestions=names)],
    )
    answer = _answer(K, plan, "推進事業の予算は？")
    assert isinstance(answer, ClarifyAnswer)
    assert answer.message == "どの施策のことですか？"
    assert answer.choices == [Choice(label=n, question=f"「{n}」の予算は？") for n in names]


def test_an_unknown_topic_said_twice_is_replaced_once():
    answer = _clarify("ニシソ関連とニシソの予算は？")
    assert answer.choices == [
        Choice(label="「ニシン」で聞く", question="ニシン関連とニシソの予算は？")
    ]


def test_an_unknown_topic_close_to_measures_offers_to_look_at_them():
    answer = _clarify("ワーケションの予算は？")
    assert (
        answer.message == "「ワーケション」にぴったり当てはまる地域や施策はありません。もしかして:"
    )
    assert answer.choices == [
        Choice(label="「ワーケション」に近い施策を見る", question="ワーケション")
    ]


@pytest.mark.parametrize(
    ("question", "keyword"),
    [
        ("一番人気の施策は？", "人気"),
        # three letters, two of them in おほーつく: chance, not オホーツク misspelt
        ("おつゆの予算は？", "おつゆ"),
    ],
)
def test_a_topic_not_in_the_table_is_said_with_the_question(question: str, keyword: str):
    answer = ask(K, question)
    assert isinstance(answer, HelpAnswer)
    assert (
        answer.message
        == f"「{keyword}」はこの表にありません（「{question}」にはお答えできません）。"
    )


def test_a_long_question_is_quoted_back_cut_where_a_word_ends():
    answer = ask(K, "What's the grand total budget for wolves across the region in the document?")
    assert isinstance(answer, HelpAnswer)
    assert "「wolves」" in answer.message
    assert "（「What's the grand total budget for…」にはお答えできません）" in answer.message


@pytest.mark.parametrize(
    ("question", "instead"),
    [("上川 人口", "上川の人口に関する施策"), ("人口は？", "人口に関する施策")],
)
def test_a_statistic_the_table_lacks_is_said_to_be_missing(question: str, instead: str):
    answer = _clarify(question)
    word = "人口"
    assert answer.message == f"この表は令和3年度予算（千円）の表で、{word}の数字はありません。"
    assert answer.choices == [Choice(label=f"「{word}」に触れた施策を見る", question=instead)]


def test_measures_about_a_statistic_are_looked_for():
    answer = ask(K, "上川の人口に関する施策")
    assert isinstance(answer, ListAnswer | SearchAnswer)
    kamikawa = [
        r for r in ROWS if r.subprefecture == "上川" and "人口" in r.measure + r.description
    ]
    assert sorted(r.measure for r in kamikawa) == sorted(i.measure for i in answer.results)


def test_every_reason_a_part_is_unplaced_has_its_way_of_asking_back():
    assert set(_ASK_BACK) == set(UnplacedReason.__args__)  # type: ignore[attr-defined]
