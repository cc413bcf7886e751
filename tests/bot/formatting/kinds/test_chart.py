"""/chart: the title worded here from what the engine computed, and the bars as text."""

from __future__ import annotations

from typing import cast

import pytest
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex
from matplotlib.patches import Patch, Rectangle
from matplotlib.text import Text

from bot.formatting import chart
from bot.formatting.chart import bars_to_draw, chart_figure
from bot.formatting.embeds import embed_pages
from bot.formatting.kinds import present
from bot.formatting.kinds.chart import chart_title
from bot.formatting.text import render_text
from knowledge import load_knowledge
from knowledge.answers import ChartAnswer
from tests.bot.formatting.expect import AREA_OF, FOOTER, amount, bar, columns, ends, starts, yen
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


def test_the_figure_is_laid_out_for_reading_in_a_small_preview():
    """What a reader relies on: bars in the legend's colours, amounts right of the bars and in
    view, the unit, the source, largest on top, sizes readable in Discord's 400 px preview."""
    answer = present(K.chart(region="道央"))
    drawn = bars_to_draw(answer)
    figure = chart_figure(answer, K.source)
    [axes] = figure.axes
    assert isinstance(figure.canvas, FigureCanvasAgg)
    assert figure.dpi == chart.DPI
    assert [to_hex(p.get_facecolor()) for p in axes.patches] == [b.colour.lower() for b in drawn]
    peak = max(b.value for b in drawn)
    assert axes.get_xlim() == (0, peak * 1.18)  # room on the right for the amounts
    assert axes.yaxis_inverted()  # largest on top
    for text, bar_ in zip(axes.texts, drawn, strict=True):
        x, _ = text.get_position()
        assert bar_.value < x < bar_.value + peak * 0.05
        assert text.get_verticalalignment() == "center"
        assert text.get_fontsize() == 12
    assert axes.xaxis.get_major_formatter()(12345, 0) == "12,345"
    assert axes.get_xlabel() == "予算額（千円）"
    assert axes.xaxis.label.get_fontsize() == 12
    assert all(t.get_fontsize() == 12 for t in axes.get_xticklabels())
    assert all(t.get_fontsize() == 13 for t in axes.get_yticklabels())
    [title] = [t for t in axes.findobj(Text) if t.get_text() == axes.get_title(loc="left")]
    assert title.get_fontsize() == 16
    assert not axes.spines["top"].get_visible()
    assert not axes.spines["right"].get_visible()
    assert axes.get_axisbelow() is True
    assert all(line.get_visible() for line in axes.xaxis.get_gridlines())
    assert {to_hex(line.get_color()) for line in axes.xaxis.get_gridlines()} == {"#dddddd"}
    legend = axes.get_legend()
    assert legend is not None
    groups = list(dict.fromkeys(r.subprefecture for r in ROWS if r.area == "道央広域連携地域"))
    assert [t.get_text() for t in legend.get_texts()] == groups
    assert all(t.get_fontsize() == 11 for t in legend.get_texts())
    assert [to_hex(cast(Patch, h).get_facecolor()) for h in legend.legend_handles] == [
        to_hex(c) for c in chart.PALETTE[: len(groups)]
    ]
    figure.canvas.draw()  # type: ignore[no-untyped-call]
    placed, frame = legend.get_window_extent(), axes.get_window_extent()
    assert placed.x0 > (frame.x0 + frame.x1) / 2  # lower right, under the shortest bars
    assert placed.y1 < (frame.y0 + frame.y1) / 2
    assert not legend.get_frame_on()
    [source] = figure.texts
    assert source.get_text() == FOOTER
    assert source.get_position() == (0.01, 0.01)
    assert source.get_fontsize() == 10
    assert to_hex(source.get_color()) == "#555555"


def test_a_legend_only_where_colours_need_telling_apart():
    by_area = chart_figure(present(K.chart("area")), K.source).axes[0]
    assert by_area.get_legend() is None  # each bar is its own area
    one_area = chart_figure(present(K.chart(region="空知")), K.source).axes[0]
    assert one_area.get_legend() is None  # one colour only
    by_subprefecture = chart_figure(present(K.chart()), K.source).axes[0]
    legend = by_subprefecture.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == list(AREA_TOTALS)


def test_no_bars_still_draws_an_empty_chart():
    empty = present(K.chart()).model_copy(update={"bars": [], "results": []})
    axes = chart_figure(empty, K.source).axes[0]
    assert axes.get_xlim() == (0, 1.18)
    assert (
        render_text(empty, K.source).splitlines()[0]
        == "振興局別の予算 ・ 合計 115,135千円（約1億1,514万円）"
    )


def test_the_amounts_in_text_line_up():
    lines = render_text(K.chart(), K.source).splitlines()[1:15]
    assert len(ends(lines, r"千円")) == 1
    assert len(starts(lines, r"[█▏▎▍▌▋▊▉]")) == 1
