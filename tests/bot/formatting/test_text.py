"""The text formatter on answer models built by hand (no engine involved)."""

from __future__ import annotations

from bot.formatting.text import render_text
from bot.formatting.width import width
from knowledge.answers import (
    CompareAnswer,
    ErrorAnswer,
    Group,
    Highlight,
    Hit,
    RankAnswer,
    Scope,
    SearchAnswer,
    TotalAnswer,
)
from knowledge.models import MeasureRow
from tests.bot.formatting.samples import SORACHI, SOURCE, sorachi_total


def row(measure: str, budget: int, sub: str = "空知") -> MeasureRow:
    return MeasureRow(
        area="道央広域連携地域",
        subprefecture=sub,
        project="Pプロジェクト",
        measure=measure,
        description="説明",
        budget_thousand_yen=budget,
        line=1,
    )


def group(name: str, total: int, kind: str = "project") -> Group:
    return Group(kind=kind, name=name, full_name=name, total_thousand_yen=total, count=1, share=0.5)


def test_total_reply():
    answer = sorachi_total(
        groups=[group("炭鉱プロジェクト", 5715), group("魅力発信", 900)],
    )
    text = render_text(answer, SOURCE)
    lines = text.splitlines()
    assert lines[0] == "空知総合振興局（道央広域連携地域）の予算合計"
    assert lines[1] == "6,615千円（約662万円） ・ 施策 2件"
    breakdown = [line for line in lines if "プロジェクト" in line or "魅力発信" in line][1:]
    assert (
        len({width(line[: line.index("千円") + 2]) for line in breakdown}) == 1
    )  # amounts line up
    assert breakdown[0].endswith("█" * 10)  # the largest gets the full bar
    assert "86.4%" in text  # 5715 / 6615
    assert "平均 3,307.5千円" in text
    assert lines[-1] == "出典: テストの表（令和3年度予算・単位 千円）"


def test_keyword_total_names_the_measures_it_summed():
    answer = TotalAnswer(
        scope=Scope(kind="keyword", name="鹿", full_name="「鹿」"),
        total_thousand_yen=30,
        count=2,
        mean_thousand_yen=15,
        median_thousand_yen=15,
        results=[row("鹿A", 10), row("鹿B", 20, "根室")],
    )
    text = render_text(answer, SOURCE)
    assert "「鹿」に一致する施策の予算合計" in text
    assert "【鹿A】" in text
    assert "【鹿B】" in text


def test_empty_keyword_total_says_nothing_matched():
    answer = TotalAnswer(
        scope=Scope(kind="keyword", name="x", full_name="「x」"),
        total_thousand_yen=0,
        count=0,
        mean_thousand_yen=None,
        median_thousand_yen=None,
    )
    assert "見つかりませんでした" in render_text(answer, SOURCE)


def test_rank_reply_mentions_a_tie_at_the_cut():
    answer = RankAnswer(
        scope=Scope(kind="all", name="全道", full_name="全道"),
        by="measure",
        order="largest",
        n=1,
        available=3,
        results=[row("A", 7000)],
        tied_beyond=2,
    )
    text = render_text(answer, SOURCE)
    assert text.startswith("予算が大きい施策 上位1件")
    assert "7,000千円の施策はほかに2件" in text


def test_compare_reply_says_difference_and_ratio():
    answer = CompareAnswer(
        regions=[SORACHI, SORACHI],
        groups=[
            group("空知総合振興局", 6615, "subprefecture"),
            group("石狩振興局", 24232, "subprefecture"),
        ],
        difference_thousand_yen=6615 - 24232,
    )
    text = render_text(answer, SOURCE)
    assert "差額: 石狩振興局が 17,617千円（約1,762万円） 多い" in text
    assert f"約{24232 / 6615:.2f}倍" in text


def test_search_without_hits():
    text = render_text(SearchAnswer(query="xyz", count=0), SOURCE)
    assert "「xyz」に一致する施策は見つかりませんでした。" in text


def test_error_reply_is_just_the_message():
    assert render_text(ErrorAnswer(error="x", message="だめです"), SOURCE) == "だめです"


def hit(measure: str, spans: list[tuple[str, int, int]]) -> Hit:
    return Hit(
        area="道央広域連携地域",
        subprefecture="空知",
        project="Pプロジェクト",
        measure=measure,
        description="エゾシカ肉を使う長い説明" * 5,
        budget_thousand_yen=900,
        line=13,
        score=100.0,
        matched="measure",
        highlights=[Highlight(field=f, start=s, end=e) for f, s, e in spans],
    )


def test_search_reply_marks_where_each_hit_matched():
    answer = SearchAnswer(
        query="えぞしか",
        count=1,
        results=[hit("空知地域エゾシカ肉事業", [("measure", 4, 8), ("description", 0, 4)])],
    )
    text = render_text(answer, SOURCE)
    assert "1. 【空知地域［エゾシカ］肉事業】 900千円（90万円）" in text
    assert "［エゾシカ］肉を使う長い説明" in text


def test_maybe_band_offers_candidates():
    answer = SearchAnswer(
        query="エゾシガ",
        count=1,
        confidence="maybe",
        results=[hit("空知地域エゾシカ肉事業", [("measure", 4, 8)])],
    )
    assert render_text(answer, SOURCE).startswith(
        "「エゾシガ」にぴったり一致する施策はありません。もしかして:"
    )


def test_no_answer_suggests_words():
    answer = SearchAnswer(query="エゾシカカ", count=0, confidence="none", suggestions=["エゾシカ"])
    assert "もしかして: エゾシカ" in render_text(answer, SOURCE)
