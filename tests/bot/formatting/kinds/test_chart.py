"""/chart: the title worded here from what the engine computed, and the bars as text."""

from __future__ import annotations

import pytest
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

from bot.formatting.chart import bars_to_draw, chart_figure
from bot.formatting.embeds import embed_pages
from bot.formatting.kinds import present
from bot.formatting.kinds.chart import chart_title
from bot.formatting.text import render_text
from knowledge import load_knowledge
from knowledge.answers import ChartAnswer
from tests.bot.formatting.expect import AREA_OF, FOOTER, amount, bar, columns, yen
from tests.source_table import AREA_TOTALS, GRAND_TOTAL, ROWS, SUBPREFECTURE_TOTALS

K = load_knowledge()


def widths(axes: Axes) -> list[float]:
    """How long each bar was drawn, top first."""
    return [patch.get_width() for patch in axes.patches if isinstance(patch, Rectangle)]


@pytest.mark.parametrize(
    ("answer", "title"),
    [
        (K.chart(), "振興局別の予算"),
        (K.chart("area"), "連携地域別の予算"),
        (K.chart(region="空知"), "空知総合振興局の施策別予算"),
        (K.chart(region="道央"), "道央広域連携地域の施策別予算"),
        (K.chart(keyword="観光"), "「観光」に一致する施策の予算"),
        (K.chart(keyword="観光", region="道央"), "道央広域連携地域の「観光」に一致する施策の予算"),
    ],
)
def test_the_title_is_worded_from_what_was_charted(answer: ChartAnswer, title: str):
    assert answer.title == ""  # the engine computes, the formatting side words
    assert chart_title(answer) == title
    presented = present(answer)
    assert presented.title == title
    assert present(presented) == presented
    assert render_text(answer, K.source).startswith(f"{title} ・ 合計 ")
    assert embed_pages(answer, K.source)[0].title == title


def test_a_title_given_is_kept():
    answer = K.chart().model_copy(update={"title": "私の題"})
    assert present(answer).title == "私の題"


def test_the_bars_as_text_are_the_totals_largest_first():
    ranked = sorted(SUBPREFECTURE_TOTALS.items(), key=lambda kv: -kv[1])
    lines = render_text(K.chart(), K.source).splitlines()
    assert lines[0] == f"振興局別の予算 ・ 合計 {amount(GRAND_TOTAL)}"
    rows = [columns(line) for line in lines[1 : 1 + len(ranked)]]
    assert rows == [[name, yen(total), bar(total, ranked[0][1])] for name, total in ranked]
    assert lines[-2:] == ["", FOOTER]


def test_the_embed_shows_the_attached_png():
    [page] = embed_pages(K.chart("area"), K.source)
    assert page.title == "連携地域別の予算"
    assert page.description == f"連携地域別の予算 ・ 合計 {amount(GRAND_TOTAL)}"
    assert page.image.url == "attachment://chart.png"
    assert page.footer.text == FOOTER


def test_the_bars_given_to_matplotlib_are_as_long_as_the_totals():
    ranked = sorted(SUBPREFECTURE_TOTALS.items(), key=lambda kv: -kv[1])
    drawn = bars_to_draw(present(K.chart()))
    assert [(b.label, b.value) for b in drawn] == ranked
    colour_of_area: dict[str, str] = {}
    for b in drawn:
        colour_of_area.setdefault(AREA_OF[b.label], b.colour)
        assert b.colour == colour_of_area[AREA_OF[b.label]]  # one colour per 連携地域
    assert len(set(colour_of_area.values())) == len(AREA_TOTALS)
    figure = chart_figure(present(K.chart()), K.source)
    [axes] = figure.axes
    assert widths(axes) == [total for _, total in ranked]
    assert [t.get_text() for t in axes.texts] == [f"{total:,}" for _, total in ranked]
    assert [t.get_text() for t in axes.get_yticklabels()] == [name for name, _ in ranked]
    assert axes.get_title(loc="left") == f"振興局別の予算（合計 {GRAND_TOTAL:,}千円）"
    assert FOOTER in [t.get_text() for t in figure.texts]


def test_a_region_chart_draws_its_measures():
    doo = sorted((r for r in ROWS if r.area == "道央広域連携地域"), key=lambda r: -r.budget)
    figure = chart_figure(present(K.chart(region="道央")), K.source)
    [axes] = figure.axes
    assert widths(axes) == [r.budget for r in doo]
    legend = axes.get_legend()
    assert legend is not None
    assert len(legend.get_texts()) == len({r.subprefecture for r in doo})
