"""Plain-text building blocks several answer kinds share: measure labels and subtotal tables."""

from __future__ import annotations

from bot.formatting import phrases
from bot.formatting.width import table, truncate
from knowledge.amounts import thousand_yen
from knowledge.answers import Group
from knowledge.models import MeasureRow

NAME_CELLS = 48
"""Longest name shown in a column before it is cut with …"""


def group_rows(groups: list[Group], whole: int, *, of_all: bool = False) -> list[str]:
    """Name, amount, share (of `whole`, or of the whole table with of_all), count and a bar."""
    largest = max((g.total_thousand_yen for g in groups), default=0)
    return table(
        [
            (
                truncate(g.full_name, NAME_CELLS),
                thousand_yen(g.total_thousand_yen),
                f"{g.share * 100:.1f}%" if of_all else phrases.percent(g.total_thousand_yen, whole),
                f"{g.count}件",
                phrases.bar(g.total_thousand_yen, largest),
            )
            for g in groups
        ],
        right=frozenset({1, 2, 3}),
    )


def measure_label(row: MeasureRow) -> str:
    return f"【{row.measure}】"
