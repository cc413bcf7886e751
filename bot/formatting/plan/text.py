"""The plan's answer kinds as plain text (console, command line, JSON "text")."""

from __future__ import annotations

from bot.formatting import phrases
from bot.formatting.width import table, truncate
from knowledge.amounts import amount_text, thousand_yen
from knowledge.answers import CountAnswer, PickAnswer, ShareAnswer, WhereAnswer

NAME_CELLS = 48


def share(answer: ShareAnswer) -> list[str]:
    return [
        phrases.share_lead(answer),
        f"{phrases.scope_title(answer.part)} {amount_text(answer.total_thousand_yen)}"
        f"（施策 {answer.count}件） ／ {phrases.whole_title(answer.whole)} "
        f"{amount_text(answer.whole_thousand_yen)}",
        phrases.bar(answer.total_thousand_yen, answer.whole_thousand_yen),
    ]


def pick(answer: PickAnswer) -> list[str]:
    lines = [phrases.pick_title(answer), phrases.pick_item(answer)]
    if answer.places and answer.by in ("measure", "project"):
        lines.append(f"  {phrases.pick_where(answer)}")
    rows = [
        (
            f"{index}.",
            thousand_yen(group.total_thousand_yen),
            truncate(phrases.item_label(answer.by, group.name), NAME_CELLS),
            "◀" if group.name == answer.name else "",
        )
        for index, group in enumerate(answer.groups, start=1)
    ]
    lines += ["", phrases.pick_context(answer), *table(rows, right=frozenset({0, 1}))]
    if note := phrases.pick_tie_note(answer):
        lines.append(note)
    return lines


def where(answer: WhereAnswer) -> list[str]:
    lines = [phrases.where_lead(answer)]
    for group in answer.groups:
        lines += ["", f"■ {group.full_name}  {thousand_yen(group.total_thousand_yen)}（{group.count}件）"]
        lines += [
            f"  【{row.measure}】 {thousand_yen(row.budget_thousand_yen)}"
            for row in answer.results
            if group.name in (row.subprefecture, row.area)
        ]
    return lines


def count(answer: CountAnswer) -> list[str]:
    lines = [phrases.count_lead(answer)]
    if note := phrases.count_note(answer):
        lines.append(note)
    rows = [
        (
            truncate(group.full_name, NAME_CELLS),
            thousand_yen(group.total_thousand_yen),
            group.parent or "" if answer.unit == "project" else f"施策 {group.count}件",
        )
        for group in answer.groups
    ]
    return [*lines, "", *table(rows, right=frozenset({1}))]
