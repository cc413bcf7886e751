"""Expected figures for the formatter tests, computed here from tests/source_table.py.

Nothing in this module calls the formatting code: amounts, shares, bars, means and the source
line are worked out independently, so a formatter that shows a wrong figure fails its test
instead of agreeing with itself.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

import discord

from knowledge import load_knowledge
from tests.source_table import DATA_FILE, ROWS, Row

K = load_knowledge()

TITLE = next(line for line in DATA_FILE.read_text(encoding="utf-8").splitlines() if line.strip())
FOOTER = f"出典: {TITLE}（令和3年度予算・単位 千円）"
_DECLARED = re.search(r"(\d+)の地域プロジェクト", DATA_FILE.read_text(encoding="utf-8"))
assert _DECLARED is not None
DECLARED_PROJECTS = int(_DECLARED[1])
"""What the preamble says: 51の地域プロジェクトを展開する."""

FULL_NAME = {
    "空知": "空知総合振興局",
    "石狩": "石狩振興局",
    "後志": "後志総合振興局",
    "胆振": "胆振総合振興局",
    "日高": "日高振興局",
    "渡島": "渡島総合振興局",
    "檜山": "檜山振興局",
    "上川": "上川総合振興局",
    "留萌": "留萌振興局",
    "宗谷": "宗谷総合振興局",
    "オホーツク": "オホーツク総合振興局",
    "十勝": "十勝総合振興局",
    "釧路": "釧路総合振興局",
    "根室": "根室振興局",
}
AREA_OF = {row.subprefecture: row.area for row in ROWS}
BLOCKS = "▏▎▍▌▋▊▉"


def cells(text: str) -> int:
    """Terminal cells: two for wide (kanji, kana, full-width) characters."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def cut(text: str, limit: int = 48) -> str:
    """The text as a column shows it: cut to `limit` cells with … when longer."""
    if cells(text) <= limit:
        return text
    kept = ""
    for char in text:
        if cells(kept + char) > limit - 1:
            break
        kept += char
    return kept + "…"


def yen(value: int) -> str:
    """5715 -> 5,715千円."""
    return f"{value:,}千円"


def _half_up(value: Decimal, step: str = "1") -> Decimal:
    return value.quantize(Decimal(step), rounding=ROUND_HALF_UP)


def amount(value: int) -> str:
    """6615 -> 6,615千円（約662万円）; 900 -> 900千円（90万円）; 115135 -> …（約1億1,514万円）."""
    if value < 10:
        return yen(value)
    man = int(_half_up(Decimal(value) / 10))
    oku, rest = divmod(man, 10_000)
    words = (f"{oku:,}億" if oku else "") + (f"{rest:,}万円" if rest else "円")
    return f"{yen(value)}（{'' if value % 10 == 0 else '約'}{words}）"


def decimal(value: float) -> str:
    """Means and medians to one decimal place, 約 when rounded: 3307.5 -> 3,307.5千円."""
    exact = Decimal(str(value))
    rounded = _half_up(exact, "0.1")
    prefix = "" if rounded == exact else "約"
    if rounded == int(rounded):
        return f"{prefix}{int(rounded):,}千円"
    return f"{prefix}{rounded:,}千円"


def share(part: int, whole: int) -> str:
    return f"{Decimal(part * 100) / Decimal(whole):.1f}%"


def percent(part: int, whole: int) -> str:
    """A share to one decimal, rounded half up as the document rounds: 1 of 16 -> 6.3%."""
    return f"{_half_up(Decimal(part * 100) / Decimal(whole), '0.1')}%"


def bar_eighths(text: str) -> int:
    """How long a drawn bar is, in eighths of a cell (█ = 8, ▏ = 1 …)."""
    text = text.strip("`")
    return 8 * text.count("█") + sum(BLOCKS.index(c) + 1 for c in text if c in BLOCKS)


def eighths(value: int, largest: int) -> int:
    """The length a bar of `value` must have against the largest (10 cells), at least one."""
    return max(int(_half_up(Decimal(value * 80) / Decimal(largest))), 1)


def bar(value: int, largest: int) -> str:
    """The text bar a value must get against the largest: full blocks, then an eighth block."""
    length = eighths(value, largest)
    return "█" * (length // 8) + (BLOCKS[length % 8 - 1] if length % 8 else "")


def budgets(rows: list[Row]) -> list[int]:
    return [row.budget for row in rows]


def mean(rows: list[Row]) -> float:
    return statistics.fmean(budgets(rows))


def median(rows: list[Row]) -> float:
    return float(statistics.median(budgets(rows)))


def ranked(rows: list[Row], *, largest: bool = True) -> list[Row]:
    """By budget, ties in document order."""
    return sorted(rows, key=lambda r: -r.budget if largest else r.budget)


def columns(line: str) -> list[str]:
    """The cells of an aligned text row (cells are two or more spaces apart)."""
    return re.split(r"\s{2,}", line.strip())


def fields(page: discord.Embed) -> dict[str, str]:
    return {str(f.name): str(f.value) for f in page.fields}


def everything_on(page: discord.Embed) -> str:
    """All the text of an embed page, for "is it there at all" checks."""
    parts = [page.title or "", page.description or "", page.footer.text or ""]
    parts += [page.author.name or ""]
    parts += [f"{f.name}\n{f.value}" for f in page.fields]
    return "\n".join(parts)


def ends(lines: list[str], pattern: str) -> set[int]:
    """Where (in cells) the first match of `pattern` ends on each line: one value when the
    column is right-aligned."""
    found = [re.search(pattern, line) for line in lines]
    assert all(found), lines
    return {cells(line[: m.end()]) for line, m in zip(lines, found, strict=True) if m}


def starts(lines: list[str], pattern: str) -> set[int]:
    """Where (in cells) the first match of `pattern` starts: one value when left-aligned."""
    found = [re.search(pattern, line) for line in lines]
    assert all(found), lines
    return {cells(line[: m.start()]) for line, m in zip(lines, found, strict=True) if m}
