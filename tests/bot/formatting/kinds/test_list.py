"""/list as a person reads it: every measure of the region with its amount, by project."""

from __future__ import annotations

from bot.formatting.embeds import embed_pages
from bot.formatting.text import render_text
from knowledge.router import ask
from tests.bot.formatting.expect import (
    AREA_OF,
    FOOTER,
    FULL_NAME,
    K,
    amount,
    bar,
    bar_eighths,
    columns,
    cut,
    eighths,
    fields,
    share,
    yen,
)
from tests.source_table import AREA_TOTALS, ROWS, SUBPREFECTURE_TOTALS


def test_a_subprefecture_in_text_by_project_with_descriptions():
    sorachi = [r for r in ROWS if r.subprefecture == "空知"]
    answer = K.listing("空知")
    lines = render_text(answer, K.source).splitlines()
    assert lines[:2] == [
        "空知総合振興局（道央広域連携地域）の施策一覧",
        f"施策 {len(sorachi)}件 ・ 合計 {amount(SUBPREFECTURE_TOTALS['空知'])}",
    ]
    expected = []
    for row, shown in zip(sorachi, answer.results, strict=True):
        expected += [
            "",
            f"■ {row.project}",
            f"  【{row.measure}】 {amount(row.budget)}",
            f"    {cut(shown.description, 96)}",  # descriptions are not in the source table
        ]
    assert lines[2:-2] == expected
    assert lines[-2:] == ["", FOOTER]


def test_an_area_names_the_subprefecture_of_each_project():
    donan = [r for r in ROWS if r.area == "道南連携地域"]
    lines = render_text(K.listing("道南"), K.source).splitlines()
    assert lines[1] == f"施策 {len(donan)}件 ・ 合計 {amount(AREA_TOTALS['道南連携地域'])}"
    headings = [line for line in lines if line.startswith("■ ")]
    assert headings == [
        f"■ {sub} ・ {project}"
        for sub, project in dict.fromkeys((r.subprefecture, r.project) for r in donan)
    ]
    assert [line for line in lines if line.startswith("  【")] == [
        f"  【{r.measure}】 {amount(r.budget)}" for r in donan
    ]
    assert not [line for line in lines if line.startswith("    ")]  # no descriptions


def test_discord_pages_every_measure_six_at_a_time():
    pages = embed_pages(K.listing(), K.source)
    assert len(pages) == -(-len(ROWS) // 6)
    shown = [(f.name, f.value) for page in pages for f in page.fields]
    assert shown == [
        (f"【{r.measure}】", f"**{amount(r.budget)}**\n{r.subprefecture} ・ {r.project}")
        for r in ROWS
    ]
    total = sum(r.budget for r in ROWS)
    for number, page in enumerate(pages, start=1):
        assert page.title == "北海道全体（全道）の施策一覧"
        assert page.description == f"施策 {len(ROWS)}件 ・ 合計 **{amount(total)}**"
        assert page.footer.text == f"{FOOTER} ・ {number}/{len(pages)}ページ"
    [one] = embed_pages(K.listing("空知"), K.source)
    assert one.footer.text == FOOTER
    assert len(fields(one)) == 2


def test_measures_one_per_line_and_two_pages_numbered():
    pages = embed_pages(K.listing("道央"), K.source)  # 11 measures: two pages
    assert len(pages) == 2
    assert [p.footer.text for p in pages] == [f"{FOOTER} ・ 1/2ページ", f"{FOOTER} ・ 2/2ページ"]
    assert not any(f.inline for p in pages for f in p.fields)


def test_the_subprefectures_of_an_area_listed_with_their_amounts():
    donan = {s: t for s, t in SUBPREFECTURE_TOTALS.items() if AREA_OF[s] == "道南連携地域"}
    whole = AREA_TOTALS["道南連携地域"]
    largest = max(donan.values())
    count = {s: sum(r.subprefecture == s for r in ROWS) for s in donan}
    answer = ask(K, "道南の振興局の一覧")
    lines = render_text(answer, K.source).splitlines()
    assert lines[0].startswith("▶ ")
    assert lines[1] == f"道南連携地域の振興局一覧（{len(donan)}件）"
    rows = [columns(line) for line in lines[2:-2]]
    assert [cells[:4] for cells in rows] == [
        [FULL_NAME[s], yen(total), share(total, whole), f"{count[s]}件"]
        for s, total in donan.items()
    ]
    assert [bar_eighths(cells[4]) for cells in rows] == [
        eighths(total, largest) for total in donan.values()
    ]
    assert lines[-2:] == ["", FOOTER]
    [page] = embed_pages(answer, K.source)
    assert page.title == lines[1]
    assert fields(page) == {
        FULL_NAME[s]: f"{amount(total)}\n`{bar(total, largest)}` {share(total, whole)} ・ "
        f"施策 {count[s]}件"
        for s, total in donan.items()
    }
    assert page.footer.text == FOOTER


def test_the_projects_of_a_subprefecture_listed():
    sorachi = [r for r in ROWS if r.subprefecture == "空知"]
    whole = SUBPREFECTURE_TOTALS["空知"]
    lines = render_text(ask(K, "空知のプロジェクトの一覧"), K.source).splitlines()
    assert lines[1] == f"空知総合振興局のプロジェクト一覧（{len(sorachi)}件）"
    assert [columns(line)[:4] for line in lines[2:-2]] == [
        [r.project, yen(r.budget), share(r.budget, whole), "1件"] for r in sorachi
    ]
