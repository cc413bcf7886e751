"""Japanese-aware search: the right measure however a teammate writes it.

Expected measures are read off the document's rows (tests/source_table.py), never taken from
the search's own output.
"""

from __future__ import annotations

import pytest

from knowledge import load_knowledge
from knowledge.answers import Hit
from knowledge.errors import InvalidQueryError
from knowledge.eval import evaluate, load_cases
from tests.source_table import ROWS, Row

K = load_knowledge().prepare()


def lines_with(word: str) -> list[int]:
    return [r.line for r in ROWS if word in r.measure]


def measure(line: int) -> Row:
    return next(r for r in ROWS if r.line == line)


def first_lines(query: str, n: int) -> list[int]:
    return [r.line for r in K.search(query).results[:n]]


@pytest.mark.parametrize(
    ("query", "word"),
    [
        ("エゾシカ", "エゾシカ"),
        ("えぞしか", "エゾシカ"),
        ("ｴｿﾞｼｶ", "エゾシカ"),
        ("エゾ鹿", "エゾシカ"),
        ("鹿肉", "エゾシカ"),
        ("にしん", "ニシン"),
        ("鰊", "ニシン"),
        ("鰤", "ブリ"),
        ("jomon", "JOMON"),
        ("ワーケーシヨン", "てっぺん宗谷"),  # ワーケーション is in its description
        ("やまの記憶", "炭鉄港"),  # そらち「炭鉱(やま)の記憶」の推進プロジェクト
        ("炭鉱の記憶", "炭鉄港"),
        ("エゾシガ", "エゾシカ"),
        ("ジオパク", "ジオパーク"),
        ("うちゅう", "宇宙"),
        ("uchu", "宇宙"),
    ],
)
def test_every_way_of_writing_finds_the_measure_first(query: str, word: str):
    expected = lines_with(word)
    assert sorted(first_lines(query, len(expected))) == expected


def test_buri_the_fish_ranks_above_the_buri_inside_iburi():
    answer = K.search("ブリ")
    assert answer.results[0].line == lines_with("ブリ")[0]
    assert {r.subprefecture for r in answer.results[1:]} <= {"胆振"}  # いぶり, further down


def test_one_and_two_kana_queries_are_offered_not_asserted():
    assert K.search("ぶり").confidence == "maybe"  # ブリ, or the ぶり of いぶり
    assert K.search("ニシン").confidence == "sure"


def test_short_katakana_written_so_in_a_measure_is_that_measure():
    answer = K.search("ブリ")
    assert answer.confidence == "sure"
    assert [r.line for r in answer.results] == lines_with("ブリ")


def test_a_query_with_no_answer_says_so_instead_of_listing_measures():
    for query in ("ラーメン", "qqqzzz", "半導体"):
        answer = K.search(query)
        assert (answer.confidence, answer.results, answer.total_thousand_yen) == ("none", [], None)


def test_no_answer_suggests_a_close_word():
    answer = K.search("エゾシカカ肉肉")
    assert answer.confidence in {"maybe", "none"}
    assert K.search("ﾅﾅｲﾛﾋﾀﾞｶﾞ").results  # a half-width typo still gets candidates


def test_typos_are_candidates_not_answers():
    answer = K.search("エゾシガ")
    assert answer.confidence == "maybe"
    assert {r.line for r in answer.results[:2]} == set(lines_with("エゾシカ"))


def test_surface_matches_beat_reading_matches():
    typed = K.search("ニシン").results[0]
    read = K.search("鰊").results[0]
    assert isinstance(typed, Hit)
    assert isinstance(read, Hit)
    assert (typed.channel, read.channel) == ("surface", "reading")
    assert typed.score > read.score


def test_measure_names_beat_descriptions():
    found = [r.line for r in K.search("人材").results]
    in_name = [r.line for r in ROWS if "人材" in r.measure]
    assert len(found) > len(in_name)  # descriptions mention 人材 too
    assert sorted(found[: len(in_name)]) == in_name


def test_several_words_combine():
    assert first_lines("ニシン 加工", 1) == lines_with("ニシン")
    assert [r.line for r in K.search("エゾシカ 根室").results] == [
        r.line for r in ROWS if "エゾシカ" in r.measure and r.subprefecture == "根室"
    ]


def test_a_whole_question_is_reduced_to_its_content_words():
    answer = K.search("エゾシカ関連の事業は？")
    assert answer.terms == ["エゾシカ"]
    assert sorted(r.line for r in answer.results) == lines_with("エゾシカ")


@pytest.mark.parametrize(
    ("query", "name"),
    [("sorachi", "空知"), ("そらち", "空知"), ("十勝", "十勝"), ("空知振興局", "空知")],
)
def test_a_region_typed_as_a_search_returns_its_measures(query: str, name: str):
    answer = K.search(query)
    assert answer.region is not None
    assert answer.region.name == name
    assert [r.line for r in answer.results] == [r.line for r in ROWS if r.subprefecture == name]


def test_highlights_mark_the_match_also_through_a_reading():
    hit = K.search("鹿肉").results[0]
    assert isinstance(hit, Hit)
    [highlight] = hit.highlights
    assert highlight.field == "measure"
    assert hit.measure[highlight.start : highlight.end] == "エゾシカ肉"
    variant = K.search("やまの記憶").results[0]
    assert isinstance(variant, Hit)
    assert ["".join(variant.project[h.start : h.end] for h in variant.highlights)] == ["やまの記憶"]


def test_an_empty_query_is_refused():
    with pytest.raises(InvalidQueryError):
        K.search("  ")


def test_the_sure_hits_total_is_their_sum():
    answer = K.search("エゾシカ")
    assert answer.total_thousand_yen == sum(r.budget for r in ROWS if "エゾシカ" in r.measure)


def test_a_very_long_query_is_answered():
    assert K.search("エゾシカ " * 10_000).confidence in {"sure", "maybe", "none"}


def test_recall_on_the_evaluation_set_stays_at_the_level_reached():
    """Measured with `python -m knowledge.eval`: recall@1 1.000, recall@3 1.000, no-answer 1.000."""
    report = evaluate(K, load_cases())
    assert report.cases >= 80
    assert report.recall_at_3 == 1.0, report.misses
    assert report.recall_at_1 >= 0.99, report.misses
    assert report.no_answer_right == 1.0, report.misses


def test_kanji_read_onto_other_kanji_is_a_homophone_offered_not_asserted():
    # 会議用 is read かいぎよう, 開業 (新幹線［開業］) かいぎょう: the same sound, another word
    assert not [r for r in ROWS if "会議" in r.measure + r.project + r.description]
    assert K.search("会議用").confidence != "sure"
    answer = K.search("鰊")  # kanji onto the katakana the table writes: the herring measure
    assert answer.confidence == "sure"
    assert [r.line for r in answer.results] == [r.line for r in ROWS if "ニシン" in r.measure]


def test_a_word_the_table_writes_is_not_cut_by_a_stop_word_inside_it():
    # 関係 alone is a stop word (観光関係の施策), but 関係人口 is the table's own word
    answer = K.search("関係人口")
    want = {r.line for r in ROWS if "関係人口" in r.measure + r.project + r.description}
    assert {r.line for r in answer.results} == want
    assert answer.total_thousand_yen == sum(r.budget for r in ROWS if r.line in want)
    assert {r.line for r in K.search("観光関係").results} == {
        r.line for r in ROWS if "観光" in r.measure + r.project + r.description
    }


def test_a_katakana_word_inside_a_compound_the_reader_keeps_whole_is_found():
    # オロロンラインツーリズム and ジオツーリズム are one word each to the reader; ツーリズム is
    # still a word of theirs, while ブリ inside イブリ (胆振) is not one
    every = {r.line for r in ROWS if "ツーリズム" in r.measure + r.project + r.description}
    compounds = {r.line for r in ROWS if "ジオツーリズム" in r.description}
    compounds |= {r.line for r in ROWS if "オロロンラインツーリズム" in r.measure}
    assert len(compounds) == 2
    assert compounds <= every
    result = K.search("ツーリズム")
    assert result.confidence == "sure"
    assert {r.line for r in result.results} == every
