"""The files an answer comes with: a chart's PNG, an export's CSV and JSON.

The command line and the console write them to disk; Discord attaches them. Drawing a chart
takes a noticeable fraction of a second, so the bot calls this off the event loop. Which files
a kind makes is said in its module (bot/formatting/kinds/).
"""

from __future__ import annotations

from bot.formatting.kinds import kind_of, present
from knowledge.answers import Answer, Source


def comes_with_files(answer: Answer) -> bool:
    return kind_of(answer).files is not None


def files_for(answer: Answer, source: Source) -> list[tuple[str, bytes]]:
    """(file name, content) for each file the answer comes with; none for other answers."""
    answer = present(answer)
    make = kind_of(answer).files
    return make(answer, source) if make is not None else []
