"""The reader (knowledge/question.py): which piece claims which part of a question.

Names are taken from the document's rows (tests/source_table.py), never from the reader.
"""

from __future__ import annotations

import pytest

from knowledge import load_knowledge
from knowledge.normalize import fold
from knowledge.question import (
    PARTIAL_NAME_LIMIT,
    Reading,
    _cues,
    _partial_shape,
    normalised,
    read,
)
from tests.source_table import ROWS

K = load_knowledge()
PROJECTS = list(dict.fromkeys(r.project for r in ROWS))
MEASURES = [r.measure for r in ROWS]


def reading(question: str) -> Reading:
    return read(question, K.regions, projects=K.project_names, measures=K.measure_names)


def pieces(question: str) -> list[tuple[str, str, str | None, tuple[int, int]]]:
    """Every piece but cue words, in the order of the question: kind, text, full name, span."""
    found = sorted(reading(question).pieces, key=lambda p: p.span.start)
    return [(p.kind, p.text, p.name, (p.span.start, p.span.end)) for p in found if p.kind != "cue"]


def _with(word: str, names: list[str]) -> list[str]:
    return [n for n in names if word in n]


def test_a_quoted_part_of_one_measure_names_that_measure():
    assert len(_with("宇宙", MEASURES)) == 1
    assert _with("宇宙", PROJECTS) == []
    assert pieces("「宇宙」の予算") == [("measure", "宇宙", _with("宇宙", MEASURES)[0], (0, 4))]


def test_a_quoted_part_of_several_projects_names_them_all_as_choices():
    projects = _with("来訪促進", PROJECTS)
    assert len(projects) == 2
    assert pieces("「来訪促進」の予算") == [("project", "来訪促進", "\n".join(projects), (0, 6))]


def test_a_quoted_part_of_one_project_names_it():
    assert len(_with("炭鉱", PROJECTS)) == 1
    assert pieces("「炭鉱」の予算") == [("project", "炭鉱", _with("炭鉱", PROJECTS)[0], (0, 4))]


@pytest.mark.parametrize(
    ("question", "text", "span"),
    [
        ("「ツーリズム」の予算", "ツーリズム", (0, 7)),  # in several measures: words to look for
        ("「 ツーリズム 」の予算", "ツーリズム", (0, 9)),
        ("「ラーメン」の予算", "ラーメン", (0, 6)),  # in nothing: asked back later
        ("「ＰＲ」の予算", "PR", (0, 4)),  # as typed, after NFKC
        ("「ｴｿﾞｼｶ」の予算", "エゾシカ", (0, 6)),
        ("名前に「農林水産業」", "農林水産業", (3, 10)),  # a name asked for: never a project
        ("施策名に「宇宙」", "宇宙", (4, 8)),
        ("name 「食」", "食", (5, 8)),
    ],
)
def test_other_quoted_words_are_words_to_look_for(question: str, text: str, span: tuple[int, int]):
    assert len(_with("ツーリズム", MEASURES)) > 1
    assert len(_with("農林水産業", PROJECTS)) > 1
    assert pieces(question) == [("quoted", text, None, span)]


@pytest.mark.parametrize("question", ["「」の予算", "「　」の予算"])
def test_empty_quotes_are_nothing(question: str):
    assert pieces(question) == []


def test_quotes_around_a_region_leave_the_region():
    assert [p[0] for p in pieces("「空知」の予算")] == ["region"]


def test_cue_phrases_are_folded_deduplicated_and_longest_first():
    assert _cues(" 上 | 上から |ウエ| 上 || うえから ") == ("うえから", "上から", "うえ", "上")


def cue_words(question: str) -> list[tuple[str, str | None, tuple[int, int]]]:
    return [(p.text, p.name, (p.span.start, p.span.end)) for p in reading(question).of("cue")]


@pytest.mark.parametrize(
    ("question", "cues"),
    [
        # a shorter cue inside a longer one of the same meaning is not read twice
        ("上から3つ", [("上から", "largest", (0, 3))]),
        ("道北のうち上川は何％？", [("のうち", "within", (2, 5)), ("何%", "share", (8, 10))]),
        ("空知は石狩の何倍？", [("の何", "within", (5, 7)), ("何倍", "ratio", (6, 8))]),
        # うちゅう (宇宙) is not のうち, and a うち after it still is
        ("うちゅうと観光、道北うちでは？", [("うち", "within", (10, 12))]),
        # a "mean" that ends a sentence asks what; a later one is an average
        (
            "what do the columns mean? and the mean of sorachi",
            [("columns", "about", (12, 19)), ("mean", "mean", (34, 38))],
        ),
        # 全部で is "in all"; a later 全部 still asks for the list
        (
            "全部で何件、全部見せて",
            [
                ("全部で", "sum", (0, 3)),
                ("全部で", "whole", (0, 3)),
                ("何件", "count", (3, 5)),
                ("全部", "list", (6, 8)),
                ("見せて", "list", (8, 11)),
            ],
        ),
    ],
)
def test_cue_words_where_they_are(question: str, cues: list[tuple[str, str, tuple[int, int]]]):
    assert cue_words(question) == cues


def test_filler_phrases_and_glosses_are_claimed_as_filler():
    assert pieces("in the table, ニシン (herring) の予算") == [
        ("filler", "in the table", None, (0, 12)),
        ("filler", " (herring)", None, (17, 27)),
    ]
    # the English before a Japanese gloss goes; the Japanese is the word the table has
    assert pieces("students (学生) in this table") == [
        ("filler", "students", None, (0, 10)),
        ("filler", "in this table", None, (14, 27)),
    ]
    assert pieces("宇宙産業理解促進事業の students (学生)") == [
        ("measure", "宇宙産業理解促進事業", "宇宙産業理解促進事業", (0, 10)),
        ("filler", "students", None, (12, 22)),
    ]


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("space industryの予算は？", [("quoted", "宇宙産業", None, (0, 14))]),
        ("Kita-Hokkaidoの予算", [("quoted", "きた北海道", None, (0, 13))]),
    ],
)
def test_english_words_inside_a_japanese_question_are_the_tables_words(
    question: str, found: list[tuple[str, str, str | None, tuple[int, int]]]
):
    assert pieces(question) == found


def test_the_folded_text_keeps_one_letter_for_each_letter_typed():
    # ß folds to two letters: the rest is still folded (ソラチ = そらち) and spans still line up
    assert pieces("Straßeのソラチ") == [("region", "そらち", None, (7, 10))]


def test_chat_markup_becomes_one_space():
    assert normalised("<@123>空知の予算") == " 空知の予算"
    assert reading("<@123>空知").question == "<@123>空知"


def read_with(
    question: str, measures: list[str], projects: tuple[str, ...] | list[str] = ()
) -> list[tuple[str, str, str | None, tuple[int, int]]]:
    found = read(question, K.regions, projects=list(projects), measures=measures).pieces
    return [(p.kind, p.text, p.name, (p.span.start, p.span.end)) for p in found if p.kind != "cue"]


def test_full_names_are_found_longest_first_every_time_they_appear():
    # bcde sorts after abcde: it is the length that decides, so abcde is read whole
    assert read_with("abcdeとbcde", ["bcde", "abcde"]) == [
        ("measure", "abcde", "abcde", (0, 5)),
        ("measure", "bcde", "bcde", (6, 10)),
    ]
    assert read_with(
        "観光振興と観光振興プランと観光振興と観光振興", ["観光振興", "観光振興プラン"]
    ) == [
        ("measure", "観光振興ぷらん", "観光振興プラン", (5, 12)),
        ("measure", "観光振興", "観光振興", (0, 4)),
        ("measure", "観光振興", "観光振興", (13, 17)),
        ("measure", "観光振興", "観光振興", (18, 22)),
    ]


def test_no_names_no_parts_of_names():
    assert read_with("かみかわツーリズムの予算", []) == [("region", "かみかわ", None, (0, 4))]


def test_parts_of_names_are_looked_for_only_up_to_a_limit():
    measures = ["かみかわツーリズム誘客促進事業"] + [f"施策{i}" for i in range(2500)]
    projects = [f"プロジェクト{i}" for i in range(PARTIAL_NAME_LIMIT - len(measures))]
    kinds = [p[0] for p in read_with("かみかわツーリズムの予算", measures, projects)]
    assert kinds == ["partial"]
    projects.append("もう一つのプロジェクト")
    kinds = [p[0] for p in read_with("かみかわツーリズムの予算", measures, projects)]
    assert kinds == ["region"]


@pytest.mark.parametrize(
    ("question", "found"),
    [
        # a region at the end of a part of a name is inside the part
        (
            "ナナイロひだかの予算",
            [("partial", "ナナイロひだか", "ナナイロひだか人材確保事業", (0, 7))],
        ),
        # a region with two letters more is the region, wherever it is
        ("かみかわツーの予算", [("region", "かみかわ", None, (0, 4))]),
        ("予算 かみかわツー", [("region", "かみかわ", None, (3, 7))]),
        # six letters of one project's name are that project, even away from プロジェクト
        (
            "国際観光リゾの予算",
            [("project", "国際観光リゾ", _with("国際観光リゾ", PROJECTS)[0], (0, 6))],
        ),
    ],
)
def test_parts_of_names(question: str, found: list[tuple[str, str, str | None, tuple[int, int]]]):
    assert pieces(question) == found


@pytest.mark.parametrize(
    ("part", "shape"),
    [
        ("一二三", True),  # three kanji
        ("かみかわ", True),  # four letters
        ("かみか", False),
        ("かみ かわ", False),
        ("かみかわの", False),  # ends on a particle
        ("首都圏からの", True),  # long enough to end on one
        ("観光予算案", False),
        ("エリア", False),
    ],
)
def test_the_shape_of_a_part_of_a_name(part: str, shape: bool):
    assert _partial_shape(fold(part)) is shape


@pytest.mark.parametrize(
    ("question", "found"),
    [
        # a quote is read wherever it is, among other pieces
        (
            "道北の「宇宙」は100万円以上？",
            [
                ("region", "道北", None, (0, 2)),
                ("measure", "宇宙", _with("宇宙", MEASURES)[0], (3, 7)),
                ("range", "100万円以上", None, (8, 15)),
            ],
        ),
        ("「 」と「宇宙」", [("measure", "宇宙", _with("宇宙", MEASURES)[0], (4, 8))]),
        # in one project (and in measures too): the project
        ("「人材」の予算", [("project", "人材", _with("人材", PROJECTS)[0], (0, 4))]),
        # a name asked about, in any of its words: words to look for in names
        ("name 「宇宙」", [("quoted", "宇宙", None, (5, 9))]),
        ("事業名に「宇宙」", [("quoted", "宇宙", None, (4, 8))]),
        ("名称に「宇宙」", [("quoted", "宇宙", None, (3, 7))]),
    ],
)
def test_quoted_names_among_other_pieces(
    question: str, found: list[tuple[str, str, str | None, tuple[int, int]]]
):
    assert pieces(question) == found
