"""One item by rank: the largest measure, the 2nd largest 振興局, the smallest project."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.formatting import cards, phrases
from bot.formatting.kinds.base import AnswerKind
from bot.formatting.lines import NAME_CELLS
from bot.formatting.width import table, truncate
from knowledge.amounts import amount_text, thousand_yen
from knowledge.answers import PickAnswer

if TYPE_CHECKING:
    import discord


def title(answer: PickAnswer) -> str:
    """釧路総合振興局で2番目に予算が大きい施策."""
    within = "" if answer.scope.kind == "all" else f"{phrases.scope_title(answer.scope)}で"
    nth = "一番" if answer.rank == 1 else f"{answer.rank}番目に"
    size = "大きい" if answer.order == "largest" else "小さい"
    across = "（実施する振興局の合計）" if answer.by == "project" else ""
    return f"{within}{nth}予算が{size}{phrases.UNIT_LABEL[answer.by]}{across}"


def label(by: str, name: str) -> str:
    return f"【{name}】" if by == "measure" else name


def item(answer: PickAnswer) -> str:
    return f"{label(answer.by, answer.full_name)} {amount_text(answer.total_thousand_yen)}"


def places(answer: PickAnswer) -> str | None:
    if answer.by not in ("measure", "project") or not answer.places:
        return None
    return "実施: " + "、".join(answer.places)


def context(answer: PickAnswer) -> str:
    size = "大きい" if answer.order == "largest" else "小さい"
    return f"予算が{size}順（全{answer.available}件）"


def tie_note(answer: PickAnswer) -> str | None:
    """Another item has the very same amount: say so, and which one was named."""
    if not answer.tied:
        return None
    return (
        f"※ {thousand_yen(answer.total_thousand_yen)}の{phrases.UNIT_LABEL[answer.by]}は"
        f"ほかに{answer.tied}件あります（同額。表の順で先のものを挙げています）。"
    )


def text(answer: PickAnswer) -> list[str]:
    lines = [title(answer), item(answer)]
    if where := places(answer):
        lines.append(f"  {where}")
    rows = [
        (
            f"{index}.",
            thousand_yen(group.total_thousand_yen),
            truncate(label(answer.by, group.name), NAME_CELLS),
            "◀" if group.name == answer.name else "",
        )
        for index, group in enumerate(answer.groups, start=1)
    ]
    lines += ["", context(answer), *table(rows, right=frozenset({0, 1}))]
    if note := tie_note(answer):
        lines.append(note)
    return lines


def embeds(answer: PickAnswer) -> list[discord.Embed]:
    lines = [f"## {cards.escape(label(answer.by, answer.full_name))}"]
    lines.append(f"**{amount_text(answer.total_thousand_yen)}**")
    if where := places(answer):
        lines.append(cards.escape(where))
    lines += ["", context(answer)]
    for index, group in enumerate(answer.groups, start=1):
        name = cards.escape(label(answer.by, group.name))
        mark = " ◀" if group.name == answer.name else ""
        lines.append(f"{index}. {thousand_yen(group.total_thousand_yen)} {name}{mark}")
    if note := tie_note(answer):
        lines.append(note)
    return [cards.embed(cards.escape(title(answer)), "\n".join(lines), cards.GOLD)]


KIND = AnswerKind(model=PickAnswer, text=text, embeds=embeds, files=None, footer=True, view="pages")
