"""The Japanese phrases several answer kinds share, whether drawn as text or as an embed.

Both formats of every kind take their scope titles, bars, shares and the source footer from
here, so a reply reads the same in the console, on the command line and in Discord. Phrases of
one kind only live in that kind's module (bot/formatting/kinds/).
"""

from __future__ import annotations

from collections.abc import Callable

from knowledge.answers import Answer, Scope, Source
from knowledge.quantities import AmountRange

Emphasis = Callable[[str], str]


def plain(text: str) -> str:
    return text


def footer(source: Source) -> str:
    year = f"{source.fiscal_year}予算・" if source.fiscal_year else ""
    return f"出典: {source.title}（{year}単位 {source.unit}）"


def scope_title(scope: Scope) -> str:
    """空知総合振興局（道央広域連携地域）, 「エゾシカ」に一致する施策, ..."""
    if scope.kind == "keyword":
        return f"{scope.full_name}に一致する施策"
    if scope.kind == "project":
        return f"「{scope.full_name}」"
    if scope.area:
        return f"{scope.full_name}（{scope.area}）"
    return scope.full_name


def budget_condition(budget: AmountRange) -> str:
    """予算1,000千円以上5,000千円以下: a budget range in the table's unit, so the reader can
    check every amount shown against it (the same words as a question's 解釈 line)."""
    return f"予算{budget.label()}"


UNIT_LABEL = {
    "measure": "施策",
    "project": "プロジェクト",
    "subprefecture": "振興局",
    "area": "連携地域",
    "selection": "対象",
}
"""What a group, a ranking or a count is of, as the replies name it."""
COUNTER = {
    "measure": "件",
    "project": "件",
    "subprefecture": "か所",
    "area": "地域",
    "selection": "件",
}
"""The counter a number of each takes in Japanese (プロジェクトは 3件, 振興局は 3か所)."""


def whole_title(scope: Scope) -> str:
    """全道 for everything, else the scope's full name."""
    return "全道" if scope.kind == "all" else scope.full_name


BAR_CELLS = 10
_PARTIAL_BLOCKS = "▏▎▍▌▋▊▉"


def bar(value: int, largest: int, cells: int = BAR_CELLS) -> str:
    """A bar of █ in eighths, as long against `largest` as the value is: the split at a glance."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = max(round(value / largest * cells * 8), 1)
    full, part = divmod(eighths, 8)
    return "█" * full + (_PARTIAL_BLOCKS[part - 1] if part else "")


def percent(part: int, whole: int) -> str:
    return f"{part / whole * 100:.1f}%" if whole else "-"


def understood(answer: Answer) -> str | None:
    """What the bot took a question to ask (対象: … ・ 集計: …), where a misreading matters."""
    if answer.understood is None:
        return None
    return answer.understood.summary
