"""Questions as people write them: each understood and answered with the document's figure.

The table is knowledge/data/question_eval.tsv. Every figure in it is recomputed here from the
document's rows (tests/source_table.py), so neither the table nor the bot can drift unnoticed.
"""

from __future__ import annotations

import statistics

import pytest

from bot.formatting.text import render_text
from knowledge import load_knowledge
from knowledge.answers import ClarifyAnswer, HelpAnswer, TotalAnswer
from knowledge.eval import FIGURE_TOLERANCE, Question, evaluate_questions, figure_of, load_questions
from knowledge.router import ask
from tests.source_table import AREA_TOTALS, DATA_FILE, ROWS, SUBPREFECTURE_TOTALS, Row

K = load_knowledge().prepare()
QUESTIONS = load_questions()
_LINES = DATA_FILE.read_text(encoding="utf-8").split("\n")
TEXT = {r.line: r.project + _LINES[r.line - 1].split("\t")[2] for r in ROWS}


def rows_for(target: str) -> list[Row]:
    kind, _, value = target.partition(":")
    if kind == "all":
        return list(ROWS)
    if kind == "area":
        return [r for r in ROWS if r.area == value]
    if kind == "sub":
        return [r for r in ROWS if r.subprefecture == value]
    if kind == "keyword":
        word, _, within = value.partition("@")
        found = [r for r in ROWS if word in TEXT[r.line]]
        return [r for r in found if not within or within in (r.subprefecture, r.area)]
    if kind == "project":
        return [r for r in ROWS if value in r.project]
    raise AssertionError(f"unknown target {target}")


def expected_figure(q: Question) -> list[float]:
    if q.kind in ("help", "clarify"):
        return []
    if q.kind == "compare":
        return [float(sum(r.budget for r in rows_for(t))) for t in q.target.split("|")]
    if q.kind == "rank":
        by, order, n, *within = q.target.split(":", 3)
        rows = rows_for(within[0]) if within else list(ROWS)
        if by == "measure":
            values = [r.budget for r in rows]
        else:
            totals: dict[str, int] = {}
            for r in rows:
                key = r.area if by == "area" else r.subprefecture
                totals[key] = totals.get(key, 0) + r.budget
            values = list(totals.values())
        return [float(v) for v in sorted(values, reverse=order == "largest")[: int(n)]]
    budgets = [r.budget for r in rows_for(q.target)]
    if q.intent == "count":
        return [float(len(budgets))]
    if q.intent == "average":
        return [statistics.fmean(budgets)]
    if q.intent == "median":
        return [float(statistics.median(budgets))]
    return [float(sum(budgets))]


def test_the_table_is_large_and_covers_every_intent_and_region():
    assert len(QUESTIONS) >= 80
    assert {q.intent for q in QUESTIONS} >= {
        "total",
        "breakdown",
        "list",
        "count",
        "rank",
        "compare",
        "average",
        "median",
        "search",
        "help",
    }
    named = {
        q.target.partition(":")[2] for q in QUESTIONS if q.target.startswith(("sub:", "area:"))
    }
    assert named >= set(SUBPREFECTURE_TOTALS) | set(AREA_TOTALS)


@pytest.mark.parametrize("q", QUESTIONS, ids=[q.question for q in QUESTIONS])
def test_the_tables_figures_come_from_the_document(q: Question):
    assert q.figure == pytest.approx(expected_figure(q), abs=FIGURE_TOLERANCE)


@pytest.mark.parametrize("q", QUESTIONS, ids=[q.question for q in QUESTIONS])
def test_each_question_is_understood_and_answered_exactly(q: Question):
    answer = ask(K, q.question)
    assert answer.understood is not None
    assert (answer.understood.intent, answer.kind) == (q.intent, q.kind), answer.understood.summary
    if q.figure:
        assert figure_of(answer) == pytest.approx(expected_figure(q), abs=FIGURE_TOLERANCE)


def test_the_eval_script_agrees():
    report = evaluate_questions(K, QUESTIONS)
    assert report.accuracy == 1.0, report.misses


def test_kushiro_nemuro_total():
    text = render_text(ask(K, "釧根っていくら？"), K.source)
    assert "20,376千円" in text
    assert "▶ 対象: 釧路・根室連携地域 ・ 集計: 合計" in text


def test_a_comparison_shows_both_totals_and_the_difference():
    text = render_text(ask(K, "空知と石狩を比べて"), K.source)
    sorachi, ishikari = SUBPREFECTURE_TOTALS["空知"], SUBPREFECTURE_TOTALS["石狩"]
    assert f"{sorachi:,}千円" in text
    assert f"{ishikari:,}千円" in text
    assert f"{ishikari - sorachi:,}千円" in text


@pytest.mark.parametrize(
    "question", ["大阪の予算は？", "空地の予算", "ラーメンの予算はいくら", "エゾシガの予算"]
)
def test_an_unknown_region_or_topic_says_so_and_never_totals_zero(question: str):
    answer = ask(K, question)
    assert not isinstance(answer, TotalAnswer)
    assert isinstance(answer, ClarifyAnswer | HelpAnswer)
    text = render_text(answer, K.source)
    assert "0千円" not in text
    assert "見つかりませんでした" in text or "もしかして" in text


def test_an_unclear_question_offers_choices_that_answer_it():
    answer = ask(K, "空地の予算")
    assert isinstance(answer, ClarifyAnswer)
    [choice] = answer.choices
    picked = ask(K, choice.question)
    assert picked.total_thousand_yen == SUBPREFECTURE_TOTALS["空知"]


def test_a_project_named_in_part_that_fits_several_gets_choices():
    answer = ask(K, "観光プロジェクトの予算")
    assert isinstance(answer, ClarifyAnswer)
    assert all("観光" in c.label for c in answer.choices)


def test_a_keyword_total_names_the_measures_it_summed():
    answer = ask(K, "ニシン関連の予算はいくら？")
    text = render_text(answer, K.source)
    assert "【ShiriBeshi ニシン利用拡大推進事業】" in text


def test_width_and_particles_do_not_change_the_answer():
    figures = {
        figure_of(ask(K, q))[0]
        for q in ("空知の予算は？", "空知の予算は?", "空知 予算", "ｿﾗﾁの予算", "空知、予算。")
    }
    assert figures == {float(SUBPREFECTURE_TOTALS["空知"])}
