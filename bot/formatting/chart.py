"""Charts as PNG images, drawn off-screen with matplotlib's Agg backend.

Japanese is drawn with IPAexGothic, which the matplotlib-fontja package ships, so a fresh
machine needs no system fonts and no label turns into tofu boxes. Sizes are chosen to stay
readable in Discord's preview (about 400 px wide): large labels, amounts on the bars.
matplotlib is imported here only, and only when a chart is drawn.
"""

from __future__ import annotations

import io
import logging
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.formatting.phrases import footer
from bot.formatting.width import truncate
from knowledge.answers import ChartAnswer, Source

if TYPE_CHECKING:
    from matplotlib.figure import Figure

log = logging.getLogger(__name__)

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")
"""Okabe-Ito colours: told apart also by colour-blind readers; one per 連携地域."""
LABEL_CELLS = 30
WIDTH_INCHES = 10.0
INCHES_PER_BAR = 0.42
MARGIN_INCHES = 1.9
DPI = 110


@dataclass(frozen=True)
class DrawnBar:
    """One bar as drawn: its label on the axis, its length and its colour."""

    label: str
    value: int
    colour: str


def legend(answer: ChartAnswer) -> dict[str, str]:
    """Colour of each group with bars, in the areas' order in the document (the same in every
    chart), then any group the rows do not name."""
    seen = [name for row in answer.results for name in (row.area, row.subprefecture)]
    groups = list(dict.fromkeys([*seen, *(bar.group for bar in answer.bars)]))
    groups = [group for group in groups if any(bar.group == group for bar in answer.bars)]
    return {group: PALETTE[i % len(PALETTE)] for i, group in enumerate(groups)}


def bars_to_draw(answer: ChartAnswer) -> list[DrawnBar]:
    """The bars in drawing order (top first), as long as their amounts: pure, so tested."""
    colours = legend(answer)
    return [
        DrawnBar(truncate(bar.label, LABEL_CELLS), bar.value_thousand_yen, colours[bar.group])
        for bar in answer.bars
    ]


def _styled() -> AbstractContextManager[None]:
    """Japanese glyphs and readable sizes, for laying out and for drawing alike."""
    import matplotlib as mpl  # noqa: PLC0415 - heavy: only when a chart is drawn
    from matplotlib_fontja import matplotlib_fontja  # noqa: PLC0415 - registers IPAexGothic

    return mpl.rc_context({"font.family": matplotlib_fontja.FONT_NAME, "font.size": 12})


def chart_figure(answer: ChartAnswer, source: Source) -> Figure:
    """The chart as a matplotlib Figure: sorted bars, amounts, title, unit and source."""
    import matplotlib as mpl  # noqa: PLC0415 - heavy: only when a chart is drawn
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415
    from matplotlib.figure import Figure  # noqa: PLC0415

    with _styled():
        drawn = bars_to_draw(answer)
        colours = legend(answer)
        figure = Figure(
            figsize=(WIDTH_INCHES, MARGIN_INCHES + INCHES_PER_BAR * len(drawn)), dpi=DPI
        )
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        positions = range(len(drawn))
        values = [bar.value for bar in drawn]
        axes.barh(positions, values, color=[bar.colour for bar in drawn])
        axes.set_yticks(list(positions), [bar.label for bar in drawn], fontsize=13)
        axes.invert_yaxis()  # largest on top
        peak = max(values, default=0) or 1
        for position, value in zip(positions, values, strict=True):
            axes.text(value + peak * 0.01, position, f"{value:,}", va="center", fontsize=12)
        axes.set_xlim(0, peak * 1.18)
        axes.xaxis.set_major_formatter(mpl.ticker.StrMethodFormatter("{x:,.0f}"))
        axes.set_xlabel("予算額（千円）", fontsize=12)
        axes.set_title(
            f"{answer.title}（合計 {answer.total_thousand_yen:,}千円）", fontsize=16, loc="left"
        )
        axes.spines[["top", "right"]].set_visible(False)
        axes.xaxis.grid(visible=True, color="#dddddd")
        axes.set_axisbelow(True)
        if answer.by != "area" and len(colours) > 1:
            handles = [mpl.patches.Patch(color=c, label=g) for g, c in colours.items()]
            axes.legend(handles=handles, loc="lower right", fontsize=11, frameon=False)
        figure.text(0.01, 0.01, footer(source), fontsize=10, color="#555555")
        figure.tight_layout(rect=(0, 0.03, 1, 1))
    return figure


def render_chart(answer: ChartAnswer, source: Source) -> bytes:
    """The chart of an answer as PNG bytes (drawn in the same style it was laid out in)."""
    with _styled():
        figure = chart_figure(answer, source)
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
    return buffer.getvalue()
