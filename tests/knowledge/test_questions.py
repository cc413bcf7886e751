"""Questions as people write them: each understood as a plan and answered with the document's
figure, shown in the reply.

The tables are knowledge/data/questions/{tuned,held_out}.tsv. Every expected answer in them is
recomputed here by tests/question_oracle.py from the document's rows (tests/source_table.py),
never by the code under test, so neither the tables nor the bot can drift unnoticed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.formatting.text import render_text
from knowledge import load_knowledge
from knowledge.answers import ClarifyAnswer, HelpAnswer, TotalAnswer
from knowledge.eval import PARTS, evaluate_questions, load_questions
from knowledge.router import ask
from tests.question_oracle import expected
from tests.source_table import AREA_TOTALS, GRAND_TOTAL, ROWS, SUBPREFECTURE_TOTALS, Row

K = load_knowledge().prepare()
TUNED = load_questions(PARTS["tuned"])
HELD_OUT = load_questions(PARTS["held-out"])
OPEN = load_questions(PARTS["open"])
TUNED_ACCURACY = 1.0
"""Every tuned question answered right, and shown in the reply."""


def text(question: str) -> str:
    return render_text(ask(K, question), K.source)


def test_the_tables_are_large_and_cover_every_category():
    assert len(TUNED) + len(HELD_OUT) >= 400
    assert len(HELD_OUT) >= 150
    categories = {
        "total", "sum", "count", "mean", "median", "extreme", "ranking", "share", "compare",
        "diff", "ratio", "range", "list", "where", "breakdown", "project", "search",
        "unanswerable", "about",
    }  # fmt: skip
    for part in (TUNED, HELD_OUT):
        assert {q.operation for q in part} >= categories
    styles = {q.category.partition(":")[2] for q in TUNED}
    assert styles >= {"polite", "casual", "en", "mixed"}


@pytest.mark.parametrize(
    "q",
    TUNED + HELD_OUT + OPEN,
    ids=[f"{q.line}:{q.question}" for q in TUNED + HELD_OUT + OPEN],
)
def test_every_expected_answer_is_the_oracles(q):
    computed = expected(q.spec)
    assert q.expected.type == computed.type
    assert q.expected.values == pytest.approx(computed.values)
    assert q.expected.items == computed.items
    assert q.expected.ordered == computed.ordered


TUNED_SLICES = 8
"""The tuned part is scored in slices, so that the test workers share it."""


@pytest.mark.parametrize("part", range(TUNED_SLICES))
def test_the_tuned_part_is_answered_right_with_few_confident_errors(part: int):
    chosen = TUNED[part::TUNED_SLICES]
    report = evaluate_questions(K, chosen, lambda a: render_text(a, K.source), "tuned")
    assert report.accuracy >= TUNED_ACCURACY, [m.case.question for m in report.misses]
    assert report.confident_wrong == 0, [
        m.case.question for m in report.misses if m.confident_wrong
    ]


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        ("胆振は全体の何％？", [f"{SUBPREFECTURE_TOTALS['胆振'] / GRAND_TOTAL * 100:.1f}%"]),
        (
            "道北のうち上川は何％？",
            [f"{SUBPREFECTURE_TOTALS['上川'] / AREA_TOTALS['道北連携地域'] * 100:.1f}%"],
        ),
        (
            "空知と日高、どっちが多い？",
            [
                f"{SUBPREFECTURE_TOTALS['空知']:,}千円",
                f"{SUBPREFECTURE_TOTALS['日高']:,}千円",
                f"{SUBPREFECTURE_TOTALS['空知'] - SUBPREFECTURE_TOTALS['日高']:,}千円",
            ],
        ),
        (
            "上川と宗谷を合わせると？",
            [f"{SUBPREFECTURE_TOTALS['上川'] + SUBPREFECTURE_TOTALS['宗谷']:,}千円"],
        ),
    ],
)
def test_the_issues_examples_read_right(question, figures):
    reply = text(question)
    for figure in figures:
        assert figure in reply, reply


def test_kushiro_nemuro_total():
    reply = text("釧根っていくら？")
    assert f"{AREA_TOTALS['釧路・根室連携地域']:,}千円" in reply
    assert "▶ 対象: 釧路・根室連携地域 ・ 集計: 合計" in reply


def test_a_comparison_shows_both_totals_and_the_difference():
    reply = text("空知と石狩を比べて")
    sorachi, ishikari = SUBPREFECTURE_TOTALS["空知"], SUBPREFECTURE_TOTALS["石狩"]
    assert f"{sorachi:,}千円" in reply
    assert f"{ishikari:,}千円" in reply
    assert f"{ishikari - sorachi:,}千円" in reply


@pytest.mark.parametrize(
    "question", ["大阪の予算は？", "空地の予算", "ラーメンの予算はいくら", "エゾシガの予算"]
)
def test_an_unknown_region_or_topic_says_so_and_never_totals_zero(question: str):
    answer = ask(K, question)
    assert not isinstance(answer, TotalAnswer)
    assert isinstance(answer, ClarifyAnswer | HelpAnswer)
    reply = render_text(answer, K.source)
    assert "0千円" not in reply
    assert "ありません" in reply or "もしかして" in reply


def test_an_unclear_question_offers_choices_that_answer_it():
    answer = ask(K, "空地の予算")
    assert isinstance(answer, ClarifyAnswer)
    picked = [ask(K, choice.question) for choice in answer.choices]
    assert SUBPREFECTURE_TOTALS["空知"] in [a.total_thousand_yen for a in picked]


def test_another_fiscal_year_is_said_to_be_missing():
    answer = ask(K, "令和4年度の予算は？")
    assert isinstance(answer, ClarifyAnswer)
    assert "令和3年度" in answer.message
    assert "令和4年度" in answer.message


def test_a_number_that_fits_nowhere_is_asked_about():
    answer = ask(K, "51の地域プロジェクトすべてを合わせた予算総額はいくらになりますか")
    assert answer.headline() is None


def test_a_keyword_total_names_the_measures_it_summed():
    assert "【ShiriBeshi ニシン利用拡大推進事業】" in text("ニシン関連の予算はいくら？")


def test_width_and_particles_do_not_change_the_answer():
    totals = {
        ask(K, q).total_thousand_yen
        for q in ("空知の予算は？", "空知の予算は?", "空知 予算", "ｿﾗﾁの予算", "空知、予算。")
    }
    assert totals == {SUBPREFECTURE_TOTALS["空知"]}


def test_the_readme_counts_the_tables_as_they_are():
    """The README says how many questions each part holds; it must match the tables."""
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    said = re.search(r"tuned\.tsv` \((\d+) questions\) and `held_out\.tsv`\s+\((\d+)\)", readme)
    assert said is not None
    assert (int(said.group(1)), int(said.group(2))) == (len(TUNED), len(HELD_OUT))
    still = re.search(r"`open\.tsv`\s+\((\d+)\)", readme)
    assert still is not None
    assert int(still.group(1)) == len(OPEN)


def _ranked(totals: dict[str, int]) -> list[int]:
    return sorted(totals.values(), reverse=True)


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        (
            "予算1位の振興局と2位の振興局、合計するとなんぼ？",
            [f"{_ranked(SUBPREFECTURE_TOTALS)[0] + _ranked(SUBPREFECTURE_TOTALS)[1]:,}千円"],
        ),
        (
            "道央 area の全体に占める割合 %?",
            [f"{AREA_TOTALS['道央広域連携地域'] / GRAND_TOTAL * 100:.1f}%"],
        ),
        (
            "釧路と根室の予算ってどんくらい違うの",
            [f"{abs(SUBPREFECTURE_TOTALS['釧路'] - SUBPREFECTURE_TOTALS['根室']):,}千円"],
        ),
        (
            "道央広域連携地域の5振興局のうち、予算の少ない順に3つ教えていただけますか。",
            # the three smallest of 道央's five, and not the fourth
            [
                f"{t:,}千円"
                for t in sorted(
                    SUBPREFECTURE_TOTALS[s] for s in ("空知", "石狩", "後志", "胆振", "日高")
                )[:3]
            ],
        ),
    ],
)
def test_new_teammates_questions_read_right(question: str, figures: list[str]):
    reply = text(question)
    for figure in figures:
        assert figure in reply, reply


def test_each_regions_own_budget_is_a_breakdown_not_their_sum():
    """石狩と空知それぞれ: each one's total is shown, broken down by 振興局."""
    reply = text("石狩と空知それぞれの予算は？")
    for name in ("石狩", "空知"):
        assert f"{SUBPREFECTURE_TOTALS[name]:,}千円" in reply, reply
    assert "振興局別の内訳" in reply, reply


def test_the_last_of_an_order_is_its_smallest():
    """多い順に並べて最下位: the smallest area, never the largest."""
    smallest = min(AREA_TOTALS, key=AREA_TOTALS.__getitem__)
    reply = text("連携地域を予算の多い順に並べて、最下位はどこ？")
    assert smallest in "\n".join(reply.splitlines()[1:3]), reply
    assert f"{AREA_TOTALS[smallest]:,}千円" in reply, reply


def test_a_word_that_tells_two_named_measures_apart_narrows_neither():
    """ポストコロナが付かない方の「いしかり地域戦略…」: the two measures' difference."""
    budgets = {r.measure: r.budget for r in ROWS}
    plain, post = "いしかり地域戦略推進プロジェクト", "ポストコロナいしかり地域戦略推進プロジェクト"
    reply = text(f"「{post}」と、ポストコロナが付かない方の「{plain}」、予算の差は？")
    assert f"{abs(budgets[post] - budgets[plain]):,}千円" in reply, reply
    alone = text(f"「{plain}」っていくらついてる？ポストコロナの方じゃないやつね")
    assert f"{budgets[plain]:,}千円" in alone.splitlines()[1] + alone.splitlines()[2], alone


def test_the_three_smallest_stop_at_three():
    reply = text("道央広域連携地域の5振興局のうち、予算の少ない順に3つ教えていただけますか。")
    fourth = sorted(SUBPREFECTURE_TOTALS[s] for s in ("空知", "石狩", "後志", "胆振", "日高"))[3]
    assert f"{fourth:,}千円" not in reply


def test_a_project_two_subprefectures_share_is_summed_over_both():
    question = (
        "Combined budget of the environmental conservation project that Kushiro and Nemuro share"
    )
    project = [r for r in ROWS if "環境保全" in r.project]
    assert {r.subprefecture for r in project} == {"釧路", "根室"}
    assert f"{sum(r.budget for r in project):,}千円" in text(question)


def _measure(part: str) -> Row:
    (row,) = [r for r in ROWS if part in r.measure]
    return row


def test_one_measure_against_a_region_and_words():
    question = (
        "ポストコロナいしかり地域戦略推進プロジェクトの予算は、"
        "釧路の担い手確保・人材育成の事業の何倍でしょうか。"
    )
    ishikari, kushiro = _measure("ポストコロナいしかり"), _measure("担い手")
    assert kushiro.subprefecture == "釧路"
    assert f"約{ishikari.budget / kushiro.budget:.2f}倍" in text(question)


def test_a_region_and_a_measure_added_up():
    space = _measure("宇宙産業")
    assert space.subprefecture != "空知"
    expected = SUBPREFECTURE_TOTALS["空知"] + space.budget
    assert f"{expected:,}千円" in text("空知と宇宙産業理解促進事業を合わせると？")
