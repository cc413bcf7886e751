"""The files an answer comes with: a chart's PNG, an export's CSV and JSON.

The command line and the console write them to disk; Discord attaches them. Drawing a chart
takes a noticeable fraction of a second, so the bot calls this off the event loop.
"""

from __future__ import annotations

from bot.formatting.export import file_stem, to_csv, to_json
from knowledge.answers import Answer, ChartAnswer, ExportAnswer, Source

CHART_FILE = "chart.png"


def comes_with_files(answer: Answer) -> bool:
    return isinstance(answer, ChartAnswer | ExportAnswer)


def files_for(answer: Answer, source: Source) -> list[tuple[str, bytes]]:
    """(file name, content) for each file the answer comes with; none for other answers."""
    if isinstance(answer, ChartAnswer):
        from bot.formatting.chart import render_chart  # noqa: PLC0415 - matplotlib is heavy

        return [(CHART_FILE, render_chart(answer, source))]
    if isinstance(answer, ExportAnswer):
        stem = file_stem(answer, source)
        return [(f"{stem}.csv", to_csv(answer)), (f"{stem}.json", to_json(answer, source))]
    return []
