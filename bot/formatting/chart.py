"""Charts as PNG images, drawn off-screen with matplotlib's Agg backend.

Japanese is drawn with IPAexGothic, which the matplotlib-fontja package ships, so a fresh
machine needs no system fonts and no label turns into tofu boxes. Sizes are chosen to stay
readable in Discord's preview (about 400 px wide): large labels, amounts on the bars.
matplotlib is imported here only, and only when a chart is drawn.
"""

from __future__ import annotations

import io
import logging

from bot.formatting.phrases import footer
from bot.formatting.width import truncate
from knowledge.answers import ChartAnswer, Source

log = logging.getLogger(__name__)

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")
"""Okabe-Ito colours: told apart also by colour-blind readers; one per 連携地域."""
LABEL_CELLS = 30
WIDTH_INCHES = 10.0
INCHES_PER_BAR = 0.42
MARGIN_INCHES = 1.9
DPI = 110


def render_chart(answer: ChartAnswer, source: Source) -> bytes:
    """The chart of an answer as PNG bytes: sorted bars, amounts, title, unit and source."""
    import matplotlib as mpl  # noqa: PLC0415 - heavy: only when a chart is drawn
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: PLC0415
    from matplotlib.figure import Figure  # noqa: PLC0415
    from matplotlib_fontja import matplotlib_fontja  # noqa: PLC0415 - registers IPAexGothic

    with mpl.rc_context({"font.family": matplotlib_fontja.FONT_NAME, "font.size": 12}):
        bars = answer.bars
        # colours follow the areas' order in the document, the same in every chart
        seen = [name for row in answer.results for name in (row.area, row.subprefecture)]
        groups = list(dict.fromkeys([*seen, *(bar.group for bar in bars)]))
        groups = [group for group in groups if any(bar.group == group for bar in bars)]
        colours = {group: PALETTE[i % len(PALETTE)] for i, group in enumerate(groups)}
        figure = Figure(figsize=(WIDTH_INCHES, MARGIN_INCHES + INCHES_PER_BAR * len(bars)), dpi=DPI)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        positions = range(len(bars))
        values = [bar.value_thousand_yen for bar in bars]
        axes.barh(positions, values, color=[colours[bar.group] for bar in bars])
        axes.set_yticks(
            list(positions), [truncate(bar.label, LABEL_CELLS) for bar in bars], fontsize=13
        )
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
        if answer.by != "area" and len(groups) > 1:
            handles = [mpl.patches.Patch(color=colours[g], label=g) for g in groups]
            axes.legend(handles=handles, loc="lower right", fontsize=11, frameon=False)
        figure.text(0.01, 0.01, footer(source), fontsize=10, color="#555555")
        figure.tight_layout(rect=(0, 0.03, 1, 1))
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
    return buffer.getvalue()
