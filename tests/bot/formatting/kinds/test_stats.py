"""Count, average and median questions: the figure asked for first, then count, total, min, max."""

from __future__ import annotations

import statistics

import pytest

from bot.formatting.embeds import embed_pages
from bot.formatting.text import render_text
from knowledge.router import ask
from tests.bot.formatting.expect import FOOTER, K, amount, decimal, mean, median, yen
from tests.source_table import AREA_TOTALS, ROWS

DOO = [r for r in ROWS if r.area == "道央広域連携地域"]
TITLE = "道央広域連携地域"


def details() -> list[str]:
    budgets = [r.budget for r in DOO]
    return [
        f"施策 {len(DOO)}件 ・ 合計 {amount(AREA_TOTALS[TITLE])}",
        f"平均 {decimal(mean(DOO))} ・ 中央値 {decimal(median(DOO))}",
        f"最小 {yen(min(budgets))} ・ 最大 {yen(max(budgets))}",
    ]


@pytest.mark.parametrize(
    ("focus", "lead"),
    [
        ("count", f"{TITLE}の施策は {len(DOO)}件"),
        ("average", f"{TITLE}の施策1件あたりの平均: {decimal(mean(DOO))}"),
        ("median", f"{TITLE}の施策1件あたりの中央値: {decimal(median(DOO))}"),
    ],
)
def test_the_figure_asked_for_first_in_text_and_discord(focus, lead):
    assert mean(DOO) != median(DOO)  # so that one shown for the other is caught
    answer = K.stats(focus, "道央")
    assert render_text(answer, K.source).splitlines() == [lead, *details(), "", FOOTER]
    [page] = embed_pages(answer, K.source)
    assert page.title == lead
    assert page.description == "\n".join([f"## {lead}", *details()])
    assert page.footer.text == FOOTER


def test_one_measure_has_no_mean_and_median_line_and_none_has_no_figure():
    [row] = [r for r in ROWS if "宇宙" in r.measure]
    text = render_text(K.stats("average", keyword="宇宙"), K.source)
    assert text.splitlines()[1:3] == [
        f"施策 1件 ・ 合計 {amount(row.budget)}",
        f"最小 {yen(row.budget)} ・ 最大 {yen(row.budget)}",
    ]
    empty = render_text(K.stats("median", keyword="zzzz"), K.source)
    assert empty.splitlines()[:2] == [
        "「zzzz」に一致する施策の施策1件あたりの中央値: （施策なし）",
        "施策 0件 ・ 合計 0千円",
    ]
    assert "最小" not in empty


def test_two_measures_have_their_mean_and_median():
    sorachi = [r.budget for r in ROWS if r.subprefecture == "空知"]
    assert len(sorachi) == 2
    lines = render_text(K.stats("count", "空知"), K.source).splitlines()
    assert lines[2] == f"平均 {decimal(sum(sorachi) / 2)} ・ 中央値 {decimal(sum(sorachi) / 2)}"
    assert lines[3] == f"最小 {yen(min(sorachi))} ・ 最大 {yen(max(sorachi))}"


@pytest.mark.parametrize(
    ("question", "unit", "key", "counter"),
    [
        ("1振興局あたりの平均は？", "振興局", "subprefecture", "か所"),
        ("連携地域ごとの予算の中央値", "連携地域", "area", "か所"),
        ("プロジェクト1つあたりの平均予算", "プロジェクト", "project", "件"),
    ],
)
def test_a_mean_or_median_per_region_or_project_is_over_their_totals(
    question: str, unit: str, key: str, counter: str
):
    totals: dict[str, int] = {}
    for row in ROWS:
        totals[getattr(row, key)] = totals.get(getattr(row, key), 0) + row.budget
    values = list(totals.values())
    figure = statistics.fmean(values) if "平均" in question else statistics.median(values)
    label = "平均" if "平均" in question else "中央値"
    lines = render_text(ask(K, question), K.source).splitlines()
    assert lines[:5] == [
        f"▶ 対象: 全道 ・ 集計: {unit}の{label}",
        f"北海道全体（全道）の{unit}1つあたりの{label}: {decimal(figure)}",
        f"{unit} {len(values)}{counter} ・ 合計 {amount(sum(values))}",
        f"平均 {decimal(statistics.fmean(values))} ・ "
        f"中央値 {decimal(float(statistics.median(values)))}",
        f"最小 {yen(min(values))} ・ 最大 {yen(max(values))}",
    ]
