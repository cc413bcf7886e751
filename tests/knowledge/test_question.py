"""The reader (knowledge/question.py): which piece claims which part of a question.

Names are taken from the document's rows (tests/source_table.py), never from the reader.
"""

from __future__ import annotations

import pytest

from knowledge import load_knowledge
from knowledge.question import Reading, read
from tests.source_table import ROWS

K = load_knowledge()
PROJECTS = list(dict.fromkeys(r.project for r in ROWS))
MEASURES = [r.measure for r in ROWS]


def reading(question: str) -> Reading:
    return read(question, K.regions, projects=K.project_names, measures=K.measure_names)


def pieces(question: str) -> list[tuple[str, str, str | None, tuple[int, int]]]:
    """Every piece but cue words: kind, text, full name, span."""
    return [
        (p.kind, p.text, p.name, (p.span.start, p.span.end))
        for p in reading(question).pieces
        if p.kind != "cue"
    ]


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
