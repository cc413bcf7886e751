"""A pick as a person reads it: the n-th item, its amount, where it runs, the ranking around it
with ◀ on its own line, and a note when another item has the very same amount."""

from __future__ import annotations

from bot.formatting.embeds import embed_pages
from bot.formatting.text import render_text
from knowledge.answers import Group, PickAnswer, Scope
from knowledge.router import ask
from tests.bot.formatting.expect import (
    FOOTER,
    FULL_NAME,
    K,
    amount,
    columns,
    cut,
    ends,
    ranked,
    starts,
    yen,
)
from tests.source_table import AREA_TOTALS, ROWS, SUBPREFECTURE_TOTALS, Row

MARK = "◀"
NOTE = "※ {amount}の{unit}はほかに{n}件あります（同額。表の順で先のものを挙げています）。"


def body(question: str) -> tuple[PickAnswer, list[str]]:
    """The answer to a question and its reply's lines after what was understood."""
    answer = ask(K, question)
    assert isinstance(answer, PickAnswer)
    lines = render_text(answer, K.source).splitlines()
    assert lines[0].startswith("▶ ")
    assert lines[-2:] == ["", FOOTER]
    return answer, lines[1:-2]


def ranking(lines: list[str], heading: str) -> list[list[str]]:
    """The ranking's rows under its heading, as cells."""
    start = lines.index(heading) + 1
    return [columns(line) for line in lines[start:] if line.startswith("  ")]


def description(answer: PickAnswer) -> list[str]:
    [page] = embed_pages(answer, K.source)
    assert page.footer.text == FOOTER
    assert page.description is not None
    return page.description.splitlines()


def by_project() -> list[tuple[str, int]]:
    """Projects by their total over every 振興局 running them, ties in document order."""
    totals: dict[str, int] = {}
    for row in ROWS:
        totals[row.project] = totals.get(row.project, 0) + row.budget
    return sorted(totals.items(), key=lambda kv: -kv[1])


def test_the_second_largest_measure_of_a_subprefecture_in_text():
    kushiro = ranked([r for r in ROWS if r.subprefecture == "釧路"])
    second = kushiro[1]
    assert kushiro[0].budget != second.budget  # so the first shown for the second is caught
    _, lines = body("釧路で2番目に大きい施策は？")
    assert lines[:4] == [
        "釧路総合振興局（釧路・根室連携地域）で2番目に予算が大きい施策",
        f"【{second.measure}】 {amount(second.budget)}",
        f"  実施: {second.subprefecture}",
        "",
    ]
    assert ranking(lines, f"予算が大きい順（全{len(kushiro)}件）") == [
        [f"{i}.", yen(r.budget), cut(f"【{r.measure}】"), *([MARK] if i == 2 else [])]
        for i, r in enumerate(kushiro, start=1)
    ]
    assert not any(line.startswith("※") for line in lines)  # no tie


def test_the_second_largest_measure_of_a_subprefecture_in_discord():
    kushiro = ranked([r for r in ROWS if r.subprefecture == "釧路"])
    second = kushiro[1]
    answer, _ = body("釧路で2番目に大きい施策は？")
    [page] = embed_pages(answer, K.source)
    assert page.title == "釧路総合振興局（釧路・根室連携地域）で2番目に予算が大きい施策"
    assert description(answer) == [
        f"## 【{second.measure}】",
        f"**{amount(second.budget)}**",
        f"実施: {second.subprefecture}",
        "",
        f"予算が大きい順（全{len(kushiro)}件）",
        *(
            f"{i}. {yen(r.budget)} 【{r.measure}】{' ◀' if i == 2 else ''}"
            for i, r in enumerate(kushiro, start=1)
        ),
    ]


def test_the_largest_project_over_all_its_subprefectures():
    projects = by_project()
    (name, total), runner_up = projects[0], projects[1]
    assert total != runner_up[1]
    places = list(dict.fromkeys(r.subprefecture for r in ROWS if r.project == name))
    answer, lines = body("予算が一番多いプロジェクトは？")
    assert lines[:3] == [
        "一番予算が大きいプロジェクト（実施する振興局の合計）",
        f"{name} {amount(total)}",
        f"  実施: {'、'.join(places)}",
    ]
    assert ranking(lines, f"予算が大きい順（全{len(projects)}件）") == [
        [f"{i}.", yen(t), cut(n), *([MARK] if i == 1 else [])]
        for i, (n, t) in enumerate(projects[:3], start=1)
    ]
    [page] = embed_pages(answer, K.source)
    assert page.title == "一番予算が大きいプロジェクト（実施する振興局の合計）"
    assert description(answer)[:3] == [f"## {name}", f"**{amount(total)}**", f"実施: {places[0]}"]
    assert description(answer)[5:] == [
        f"{i}. {yen(t)} {n}{' ◀' if i == 1 else ''}"
        for i, (n, t) in enumerate(projects[:3], start=1)
    ]


def test_a_project_run_in_several_subprefectures_names_them_all():
    name = next(p for p, _ in by_project() if "きた北海道" in p)
    rows = [r for r in ROWS if r.project == name]
    places = list(dict.fromkeys(r.subprefecture for r in rows))
    assert len(places) == 3
    rank = [p for p, _ in by_project()].index(name) + 1
    assert rank == 2
    _, lines = body("予算が2番目に多いプロジェクトは？")
    assert lines[:3] == [
        "2番目に予算が大きいプロジェクト（実施する振興局の合計）",
        f"{name} {amount(sum(r.budget for r in rows))}",
        f"  実施: {'、'.join(places)}",
    ]


def test_the_smallest_subprefecture_without_places():
    smallest = sorted(SUBPREFECTURE_TOTALS.items(), key=lambda kv: kv[1])
    name, total = smallest[0]
    answer, lines = body("一番少ない振興局は？")
    assert lines[:3] == ["一番予算が小さい振興局", f"{FULL_NAME[name]} {amount(total)}", ""]
    assert ranking(lines, f"予算が小さい順（全{len(SUBPREFECTURE_TOTALS)}件）") == [
        [f"{i}.", yen(t), s, *([MARK] if i == 1 else [])]
        for i, (s, t) in enumerate(smallest[:3], start=1)
    ]
    assert not any("実施" in line for line in lines)
    assert description(answer)[:4] == [
        f"## {FULL_NAME[name]}",
        f"**{amount(total)}**",
        "",
        f"予算が小さい順（全{len(SUBPREFECTURE_TOTALS)}件）",
    ]


def test_the_largest_and_smallest_area():
    areas = sorted(AREA_TOTALS.items(), key=lambda kv: -kv[1])
    for question, (name, total), size in (
        ("一番大きい連携地域は？", areas[0], "大きい"),
        ("一番小さい連携地域は？", areas[-1], "小さい"),
    ):
        _, lines = body(question)
        assert lines[:3] == [f"一番予算が{size}連携地域", f"{name} {amount(total)}", ""]
        assert lines[3] == f"予算が{size}順（全{len(AREA_TOTALS)}件）"


def test_the_smallest_measure_has_no_tie_note():
    smallest = ranked(ROWS, largest=False)
    assert smallest[0].budget < smallest[1].budget
    answer, lines = body("一番小さい施策は？")
    assert lines[:3] == [
        "一番予算が小さい施策",
        f"【{smallest[0].measure}】 {amount(smallest[0].budget)}",
        f"  実施: {smallest[0].subprefecture}",
    ]
    assert lines[-1].startswith("  3.")  # the ranking ends the reply: no note
    assert not description(answer)[-1].startswith("※")


def tied_with(row: Row) -> int:
    return sum(r.budget == row.budget for r in ROWS) - 1


def test_three_measures_of_the_same_amount_say_so():
    top = ranked(ROWS)
    third = top[2]
    assert tied_with(third) == 2  # 3rd, 4th and 5th: three measures of 7,000千円
    answer, lines = body("3番目に大きい施策は？")
    assert lines[1] == f"【{third.measure}】 {amount(third.budget)}"
    rows = ranking(lines, f"予算が大きい順（全{len(ROWS)}件）")
    assert rows == [
        [f"{i}.", yen(r.budget), cut(f"【{r.measure}】"), *([MARK] if i == 3 else [])]
        for i, r in enumerate(top[:5], start=1)
    ]  # ◀ on the 3rd line alone, not on the other two of the same amount
    note = NOTE.format(amount=yen(third.budget), unit="施策", n=2)
    assert lines[-1] == note
    said = description(answer)
    assert said[-1] == note
    assert [line for line in said if line.endswith(" ◀")] == [
        f"3. {yen(third.budget)} 【{third.measure}】 ◀"
    ]


def test_the_fourth_is_the_next_of_the_tied_in_table_order():
    top = ranked(ROWS)
    _, lines = body("4番目に大きい施策は？")
    assert lines[1] == f"【{top[3].measure}】 {amount(top[3].budget)}"
    marked = [line for line in lines if line.endswith(MARK)]
    assert [columns(line)[:3] for line in marked] == [
        ["4.", yen(top[3].budget), cut(f"【{top[3].measure}】")]
    ]
    assert len(ranking(lines, f"予算が大きい順（全{len(ROWS)}件）")) == 6  # two beyond it
    assert lines[-1] == NOTE.format(amount=yen(top[3].budget), unit="施策", n=tied_with(top[3]))


def group(name: str, total: int) -> Group:
    return Group(
        kind="subprefecture",
        name=name,
        full_name=FULL_NAME[name],
        total_thousand_yen=total,
        count=2,
        share=0,
    )


def test_two_subprefectures_of_the_same_amount():
    # no two 振興局 tie in the table: make the runner-up as large as the largest
    (first, largest), (second, _), (third, other) = sorted(
        SUBPREFECTURE_TOTALS.items(), key=lambda kv: -kv[1]
    )[:3]
    groups = [group(first, largest), group(second, largest), group(third, other)]
    tied = sum(g.total_thousand_yen == largest for g in groups) - 1
    answer = PickAnswer(
        scope=Scope(kind="all", name="全道", full_name="北海道全体（全道）"),
        by="subprefecture",
        order="largest",
        rank=1,
        name=first,
        full_name=FULL_NAME[first],
        total_thousand_yen=largest,
        available=len(SUBPREFECTURE_TOTALS),
        tied=tied,
        groups=groups,
    )
    lines = render_text(answer, K.source).splitlines()
    note = NOTE.format(amount=yen(largest), unit="振興局", n=1)
    assert lines[:2] == ["一番予算が大きい振興局", f"{FULL_NAME[first]} {amount(largest)}"]
    assert [columns(line) for line in lines[4:7]] == [
        ["1.", yen(largest), first, MARK],
        ["2.", yen(largest), second],
        ["3.", yen(other), third],
    ]
    assert lines[7:] == [note, "", FOOTER]
    assert description(answer)[-1] == note


def test_the_ranking_columns_line_up_past_nine():
    smallest = ranked(ROWS, largest=False)
    tenth = smallest[9]
    _, lines = body("10番目に小さい施策は？")
    assert lines[:2] == ["10番目に予算が小さい施策", f"【{tenth.measure}】 {amount(tenth.budget)}"]
    heading = lines.index(f"予算が小さい順（全{len(ROWS)}件）")
    rows = lines[heading + 1 :]
    assert [columns(line)[:3] for line in rows] == [
        [f"{i}.", yen(r.budget), cut(f"【{r.measure}】")] for i, r in enumerate(smallest[:12], 1)
    ]
    assert [line.endswith(MARK) for line in rows] == [i == 10 for i in range(1, 13)]
    assert len(ends(rows, r"^\s*\d+\.")) == 1  # 1. and 10. right-aligned
    assert len(ends(rows, r"千円")) == 1  # 298千円 and 1,970千円 right-aligned
    assert len(starts(rows, r"【")) == 1  # names left-aligned
    assert len(starts(rows, r"\d")) > 1  # so the numbers really differ in width
