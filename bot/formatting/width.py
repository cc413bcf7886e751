"""Column alignment by display width: a kanji or kana takes two terminal cells, not one."""

from __future__ import annotations

from collections.abc import Sequence

from wcwidth import wcswidth, wcwidth

ELLIPSIS = "…"


def width(text: str) -> int:
    """Cells the text takes in a terminal (control characters count as zero)."""
    total = wcswidth(text)
    if total >= 0:
        return total
    return sum(max(wcwidth(char), 0) for char in text)


def truncate(text: str, limit: int) -> str:
    """Cut the text to at most `limit` cells, marking the cut with …."""
    if width(text) <= limit:
        return text
    kept, used = [], 0
    for char in text:
        cells = max(wcwidth(char), 0)
        if used + cells > limit - width(ELLIPSIS):
            break
        kept.append(char)
        used += cells
    return "".join(kept) + ELLIPSIS


def ljust(text: str, cells: int) -> str:
    return text + " " * max(cells - width(text), 0)


def rjust(text: str, cells: int) -> str:
    return " " * max(cells - width(text), 0) + text


def table(
    rows: Sequence[tuple[str, ...]], *, right: frozenset[int] = frozenset(), indent: str = "  "
) -> list[str]:
    """Rows aligned in columns; column indexes in `right` are right-aligned (amounts)."""
    if not rows:
        return []
    columns = max(len(row) for row in rows)
    widths = [max(width(row[i]) for row in rows if i < len(row)) for i in range(columns)]
    lines = []
    for row in rows:
        cells = [(rjust if i in right else ljust)(cell, widths[i]) for i, cell in enumerate(row)]
        lines.append((indent + "  ".join(cells)).rstrip())
    return lines
