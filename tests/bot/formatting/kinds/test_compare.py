"""/compare as a person reads it: totals, bars, difference, ratio and each side's largest."""

from __future__ import annotations

import pytest

from bot.formatting.embeds import embed_pages
from bot.formatting.text import render_text
from knowledge.answers import CompareAnswer, Group
from knowledge.router import ask
from tests.bot.formatting.expect import (
    FOOTER,
    K,
    amount,
    bar,
    bar_eighths,
    columns,
    eighths,
    ends,
    fields,
    ranked,
    starts,
    yen,
)
from tests.source_table import AREA_TOTALS, ROWS, SUBPREFECTURE_TOTALS

SORACHI, ISHIKARI = SUBPREFECTURE_TOTALS["空知"], SUBPREFECTURE_TOTALS["石狩"]


def tops(subprefecture: str) -> list[str]:
    return [r.measure for r in ranked([r for r in ROWS if r.subprefecture == subprefecture])[:2]]


def count(subprefecture: str) -> int:
    return sum(r.subprefecture == subprefecture for r in ROWS)


def test_two_subprefectures_in_text():
    text = render_text(K.compare(["空知", "石狩"]), K.source)
    lines = text.splitlines()
    assert lines[0] == "比較: 空知総合振興局 と 石狩振興局"
    rows = [columns(line) for line in lines[1:3]]
    assert [cells[:3] for cells in rows] == [
        ["空知総合振興局", yen(SORACHI), f"施策 {count('空知')}件"],
        ["石狩振興局", yen(ISHIKARI), f"施策 {count('石狩')}件"],
    ]
    assert [bar_eighths(cells[3]) for cells in rows] == [eighths(SORACHI, ISHIKARI), 80]
    assert lines[3] == f"差額: 石狩振興局が {amount(ISHIKARI - SORACHI)} 多い"
    assert lines[4] == f"倍率: 石狩振興局は空知総合振興局の約{ISHIKARI / SORACHI:.2f}倍"
    budget = {r.measure: r.budget for r in ROWS}
    for name, sub in (("空知総合振興局", "空知"), ("石狩振興局", "石狩")):
        listed = "、".join(f"【{m}】 {yen(budget[m])}" for m in tops(sub))
        assert f"  {name}: {listed}" in lines
    assert lines[-2:] == ["", FOOTER]


def test_two_subprefectures_in_discord():
    [page] = embed_pages(K.compare(["空知", "石狩"]), K.source)
    assert page.title == "比較: 空知総合振興局 と 石狩振興局"
    budget = {r.measure: r.budget for r in ROWS}
    shown = fields(page)
    for name, sub, total in (("空知総合振興局", "空知", SORACHI), ("石狩振興局", "石狩", ISHIKARI)):
        assert shown[name] == "\n".join(
            [
                f"**{amount(total)}**",
                f"`{bar(total, ISHIKARI)}` 施策 {count(sub)}件",
                *(f"・{m} {yen(budget[m])}" for m in tops(sub)),
            ]
        )
    assert shown["差額"] == f"石狩振興局が **{amount(ISHIKARI - SORACHI)}** 多い"
    assert shown["倍率"] == f"石狩振興局は空知総合振興局の約{ISHIKARI / SORACHI:.2f}倍"
    assert [f.inline for f in page.fields] == [True, True, False, False]
    assert page.footer.text == FOOTER


def test_the_first_larger_and_three_areas():
    text = render_text(K.compare(["石狩", "空知"]), K.source)
    assert f"差額: 石狩振興局が {amount(ISHIKARI - SORACHI)} 多い" in text
    areas = ["道央広域連携地域", "道南連携地域", "道北連携地域"]
    answer = K.compare(areas)
    largest = max(areas, key=lambda a: AREA_TOTALS[a])
    assert f"最大: {largest}" in render_text(answer, K.source).splitlines()
    [page] = embed_pages(answer, K.source)
    shown = fields(page)
    assert shown["最大"] == largest
    for area in areas:
        assert shown[area].startswith(f"**{amount(AREA_TOTALS[area])}**\n")


def test_the_text_columns_line_up():
    lines = render_text(K.compare(["道央", "空知", "道南"]), K.source).splitlines()[1:4]
    assert len(ends(lines, r"千円")) == 1  # amounts right-aligned
    assert len(ends(lines, r"件")) == 1  # counts right-aligned: 11件 and 2件
    assert len(starts(lines, r"\d")) > 1  # so the amounts really differ in width
    text = render_text(K.compare(["空知", "石狩"]), K.source).splitlines()
    assert text[5:7] == ["", "それぞれの大きな施策"]


def test_the_whole_table_against_a_part():
    answer = K.compare(["道南", "全道"])
    largest_overall = ranked(ROWS)[0]
    largest_donan = ranked([r for r in ROWS if r.area == "道南連携地域"])[0]
    lines = render_text(answer, K.source).splitlines()
    donan = next(line for line in lines if line.startswith("  道南連携地域: "))
    whole = next(line for line in lines if line.startswith("  北海道全体（全道）: "))
    assert donan.startswith(
        f"  道南連携地域: 【{largest_donan.measure}】 {yen(largest_donan.budget)}"
    )
    assert whole.startswith(
        f"  北海道全体（全道）: 【{largest_overall.measure}】 {yen(largest_overall.budget)}"
    )
    shown = fields(embed_pages(answer, K.source)[0])
    assert (
        shown["道南連携地域"].split("\n")[2]
        == f"・{largest_donan.measure} {yen(largest_donan.budget)}"
    )
    assert shown["北海道全体（全道）"].split("\n")[2] == (
        f"・{largest_overall.measure} {yen(largest_overall.budget)}"
    )


def group(name: str, total: int) -> Group:
    return Group(
        kind="subprefecture", name=name, full_name=name, total_thousand_yen=total, count=1, share=0
    )


def test_equal_totals_a_difference_of_one_and_nothing_to_divide_by():
    def compared(a: int, b: int) -> list[str]:
        answer = CompareAnswer(
            regions=[], groups=[group("甲", a), group("乙", b)], difference_thousand_yen=a - b
        )
        return [
            line
            for line in render_text(answer, K.source).splitlines()
            if line.startswith(("差額", "倍率"))
        ]

    assert compared(100, 100) == ["差額: なし（同額）"]
    assert compared(101, 100) == [
        "差額: 甲が 1千円 多い",
        f"倍率: 甲は乙の約{101 / 100:.2f}倍",
    ]
    assert compared(100, 101) == ["差額: 乙が 1千円 多い", f"倍率: 乙は甲の約{101 / 100:.2f}倍"]
    assert compared(5, 0) == ["差額: 甲が 5千円 多い"]  # no ratio to nothing


def test_a_ratio_is_said_the_way_it_was_asked():
    for question, (first, a), (second, b) in (
        ("空知は石狩の何倍？", ("空知総合振興局", SORACHI), ("石狩振興局", ISHIKARI)),
        ("石狩は空知の何倍？", ("石狩振興局", ISHIKARI), ("空知総合振興局", SORACHI)),
    ):
        answer = ask(K, question)
        ratio = f"{first}は{second}の約{a / b:.2f}倍"
        lines = render_text(answer, K.source).splitlines()
        assert lines[0].startswith("▶ ")
        assert lines[4:6] == [
            f"差額: 石狩振興局が {amount(ISHIKARI - SORACHI)} 多い",
            f"倍率: {ratio}",
        ]
        shown = fields(embed_pages(answer, K.source)[0])
        assert shown["倍率"] == ratio
        assert shown["差額"] == f"石狩振興局が **{amount(ISHIKARI - SORACHI)}** 多い"
    assert f"{SORACHI / ISHIKARI:.2f}" == "0.27"  # the smaller first: less than one


def test_a_ratio_asked_of_nothing_is_not_divided():
    def verdict(a: int, b: int) -> list[str]:
        asked = CompareAnswer(
            regions=[],
            groups=[group("甲", a), group("乙", b)],
            difference_thousand_yen=a - b,
            focus="ratio",
        )
        lines = render_text(asked, K.source).splitlines()
        return [line for line in lines if line.startswith(("差額", "倍率"))]

    assert verdict(5, 0) == ["差額: 甲が 5千円 多い"]  # no ratio to nothing
    assert verdict(0, 5) == ["差額: 乙が 5千円 多い", "倍率: 甲は乙の約0.00倍"]  # as asked
    assert verdict(8, 5) == ["差額: 甲が 3千円 多い", f"倍率: 甲は乙の約{8 / 5:.2f}倍"]
    assert verdict(5, 8) == ["差額: 乙が 3千円 多い", f"倍率: 甲は乙の約{5 / 8:.2f}倍"]


def test_an_area_and_its_own_subprefecture_each_list_their_own_measures():
    # 道北 holds 上川: the area's rows include the 振興局's, and no measure is listed twice
    answer = K.compare(["道北", "上川"])
    assert len(answer.results) == len({r.line for r in answer.results})
    assert len(answer.results) == sum(r.area == "道北連携地域" for r in ROWS)
    lines = render_text(answer, K.source).splitlines()
    budget = {r.measure: r.budget for r in ROWS}
    hokkaido_north = ranked([r for r in ROWS if r.area == "道北連携地域"])[:2]
    listed = "、".join(f"【{r.measure}】 {yen(budget[r.measure])}" for r in hokkaido_north)
    assert f"  道北連携地域: {listed}" in lines
    listed = "、".join(f"【{m}】 {yen(budget[m])}" for m in tops("上川"))
    assert f"  上川総合振興局: {listed}" in lines


def test_a_side_with_no_measures_says_so():
    # 上川 has no measure that mentions 観光; 宗谷 has one, named with its region
    tourism = [r for r in ROWS if "観光" in r.measure + r.project + r.description]
    souya = [r for r in tourism if r.subprefecture == "宗谷"]
    assert not [r for r in tourism if r.subprefecture == "上川"]
    assert len(souya) == 1
    answer = ask(K, "観光で上川と宗谷どっちが多い？")
    lines = render_text(answer, K.source).splitlines()
    assert "  上川総合振興局 ・ 「観光」: 該当する施策なし" in lines
    side = f"宗谷総合振興局 ・ {souya[0].measure}"
    assert f"  {side}: 【{souya[0].measure}】 {yen(souya[0].budget)}" in lines
    assert f"差額: {side}が {amount(souya[0].budget)} 多い" in lines
    shown = fields(embed_pages(answer, K.source)[0])
    assert shown["上川総合振興局 ・ 「観光」"].endswith("施策 0件\n該当する施策なし")


@pytest.mark.parametrize(
    "question", ["日高と檜山、どっちが少ない？", "Which is smaller, Hidaka or Hiyama?"]
)
def test_which_is_smaller_says_the_smaller_side_first(question: str):
    hidaka, hiyama = SUBPREFECTURE_TOTALS["日高"], SUBPREFECTURE_TOTALS["檜山"]
    assert hidaka < hiyama
    lines = render_text(ask(K, question), K.source).splitlines()
    assert f"差額: 日高振興局が {amount(hiyama - hidaka)} 少ない" in lines
