"""/browse as a person reads it: each level's totals and shares of the whole table."""

from __future__ import annotations

from bot.formatting.embeds import embed_pages
from bot.formatting.text import render_text
from tests.bot.formatting.expect import (
    AREA_OF,
    FOOTER,
    FULL_NAME,
    K,
    amount,
    bar,
    columns,
    fields,
    share,
    yen,
)
from tests.source_table import AREA_TOTALS, GRAND_TOTAL, ROWS, SUBPREFECTURE_TOTALS

DONAN = [s for s in SUBPREFECTURE_TOTALS if AREA_OF[s] == "道南連携地域"]


def count(**where: str) -> int:
    return sum(all(getattr(r, k) == v for k, v in where.items()) for r in ROWS)


def test_the_areas_in_text():
    lines = render_text(K.browse(), K.source).splitlines()
    assert lines[:4] == [
        "連携地域から選んでください",
        f"合計 {amount(GRAND_TOTAL)}",
        "",
        "（構成比は全道に対する割合）",
    ]
    largest = max(AREA_TOTALS.values())
    rows = [columns(line) for line in lines[4 : 4 + len(AREA_TOTALS)]]
    assert rows == [
        [area, yen(total), share(total, GRAND_TOTAL), f"{count(area=area)}件", bar(total, largest)]
        for area, total in AREA_TOTALS.items()
    ]
    assert lines[4 + len(AREA_TOTALS) :] == [
        "",
        f"一段下を見るには: browse {next(iter(AREA_TOTALS))}",
        "",
        FOOTER,
    ]


def test_an_area_in_text_and_discord_shares_of_the_whole_table():
    answer = K.browse("道南")
    lines = render_text(answer, K.source).splitlines()
    assert lines[:2] == ["道南連携地域の振興局", f"合計 {amount(AREA_TOTALS['道南連携地域'])}"]
    rows = [columns(line) for line in lines[4 : 4 + len(DONAN)]]
    assert [cells[:4] for cells in rows] == [
        [
            FULL_NAME[s],
            yen(SUBPREFECTURE_TOTALS[s]),
            share(SUBPREFECTURE_TOTALS[s], GRAND_TOTAL),
            f"{count(subprefecture=s)}件",
        ]
        for s in DONAN
    ]
    assert lines[-4:] == [
        f"一段下を見るには: browse {DONAN[0]}",
        "一段上に戻るには: browse",
        "",
        FOOTER,
    ]
    [page] = embed_pages(answer, K.source)
    assert page.title == "道南連携地域の振興局"
    assert page.description == (
        f"合計 **{amount(AREA_TOTALS['道南連携地域'])}**\n"
        "構成比は全道に対する割合です。下のメニューで選んでください。"
    )
    largest = max(SUBPREFECTURE_TOTALS[s] for s in DONAN)
    assert fields(page) == {
        FULL_NAME[
            s
        ]: f"{amount(SUBPREFECTURE_TOTALS[s])}\n`{bar(SUBPREFECTURE_TOTALS[s], largest)}` "
        f"{share(SUBPREFECTURE_TOTALS[s], GRAND_TOTAL)} ・ 施策 {count(subprefecture=s)}件"
        for s in DONAN
    }
    assert all(f.inline for f in page.fields)
    assert page.footer.text == FOOTER


def test_a_subprefecture_lists_its_measures_by_project():
    oshima = [r for r in ROWS if r.subprefecture == "渡島"]
    answer = K.browse("渡島")
    lines = render_text(answer, K.source).splitlines()
    assert lines[:2] == [
        "渡島総合振興局（道南連携地域）の施策",
        f"合計 {amount(SUBPREFECTURE_TOTALS['渡島'])}",
    ]
    expected: list[str] = []
    for project in dict.fromkeys(r.project for r in oshima):
        expected += ["", f"■ {project}"]
        expected += [
            f"  【{r.measure}】 {amount(r.budget)}" for r in oshima if r.project == project
        ]
    assert lines[2:-3] == expected
    assert lines[-3:] == ["一段上に戻るには: browse 道南連携地域", "", FOOTER]
    [page] = embed_pages(answer, K.source)
    assert page.description == f"合計 **{amount(SUBPREFECTURE_TOTALS['渡島'])}**"
    assert fields(page) == {
        f"【{r.measure}】": f"**{amount(r.budget)}**\n{r.subprefecture} ・ {r.project}"
        for r in oshima
    }


def test_each_level_keeps_its_title_on_every_page():
    [page] = embed_pages(K.browse("渡島"), K.source)
    assert page.title == "渡島総合振興局（道南連携地域）の施策"
    answer = K.browse()
    many = answer.model_copy(update={"groups": answer.groups * 5})  # 30 areas: two pages
    pages = embed_pages(many, K.source)
    assert [len(p.fields) for p in pages] == [24, 6]
    assert {p.title for p in pages} == {"連携地域から選んでください"}
