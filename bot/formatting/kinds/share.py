"""A share: what part of a whole a selection is (胆振は全道の 8.7%)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.formatting import cards, phrases
from bot.formatting.kinds.base import AnswerKind
from knowledge.amounts import amount_text, percent_of
from knowledge.answers import ShareAnswer

if TYPE_CHECKING:
    import discord


def percent(answer: ShareAnswer) -> str:
    """The part of the whole to one decimal, rounded half up from the two amounts (as the
    headline and Japanese documents round: 1 of 16 is 6.3%, where formatting a float says 6.2%)."""
    if not answer.whole_thousand_yen:
        return "-"
    return f"{percent_of(answer.total_thousand_yen, answer.whole_thousand_yen)}%"


def lead(answer: ShareAnswer) -> str:
    """胆振総合振興局（道央広域連携地域）は全道の 8.7%."""
    part, whole = phrases.scope_title(answer.part), phrases.whole_title(answer.whole)
    return f"{part}は{whole}の {percent(answer)}"


def detail(answer: ShareAnswer) -> str:
    return (
        f"{amount_text(answer.total_thousand_yen)}（施策 {answer.count}件） ／ "
        f"{phrases.whole_title(answer.whole)} {amount_text(answer.whole_thousand_yen)}"
    )


def text(answer: ShareAnswer) -> list[str]:
    bar = phrases.bar(answer.total_thousand_yen, answer.whole_thousand_yen)
    return [lead(answer), detail(answer), *([bar] if bar else [])]


def embeds(answer: ShareAnswer) -> list[discord.Embed]:
    bar = cards.bar(answer.total_thousand_yen, answer.whole_thousand_yen)
    description = f"## {percent(answer)}\n{detail(answer)}\n{bar}"
    return [cards.embed(cards.escape(lead(answer)), description, cards.BLUE)]


KIND = AnswerKind(
    model=ShareAnswer, text=text, embeds=embeds, files=None, footer=True, view="pages"
)
