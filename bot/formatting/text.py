"""Answers as plain text, for the console, the command line and the JSON "text" field.

Japanese-first: amounts as 6,615千円（約662万円）, regions by their full names, columns aligned
by display width, and the source and unit said once at the foot. Each kind's own lines come
from its module in bot/formatting/kinds/; this adds what every reply shares around them.
"""

from __future__ import annotations

from bot.formatting import phrases
from bot.formatting.kinds import kind_of, present
from knowledge.answers import Answer, Source


def render_text(answer: Answer, source: Source) -> str:
    """The reply as a person reads it."""
    answer = present(answer)
    kind = kind_of(answer)
    lines = kind.text(answer)
    if answer.verdict:
        lines.insert(0, answer.verdict)
    if kind.summary and (summary := phrases.understood(answer)):
        lines.insert(0, f"▶ {summary}")
    if kind.footer:
        lines += ["", phrases.footer(source)]
    return "\n".join(lines)
