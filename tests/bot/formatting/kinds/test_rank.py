"""/top as a person reads it: ranks, amounts and names against the source table's own order."""

from __future__ import annotations

from bot.formatting.embeds import embed_pages
from bot.formatting.text import render_text
from knowledge.quantities import AmountRange
from tests.bot.formatting.expect import FOOTER, FULL_NAME, K, columns, cut, ends, ranked, yen
from tests.source_table import AREA_TOTALS, ROWS, SUBPREFECTURE_TOTALS


def table_rows(text: str) -> list[list[str]]:
    return [columns(line) for line in text.splitlines()[1:] if line.startswith("  ")]


def test_the_largest_measures_in_text_with_the_tie_at_the_cut():
    top = ranked(ROWS)
    text = render_text(K.top(3), K.source)
    lines = text.splitlines()
    assert lines[0] == "予算が大きい施策 上位3件"
    assert table_rows(text) == [
        [f"{i}.", yen(r.budget), cut(f"【{r.measure}】"), r.subprefecture]
        for i, r in enumerate(top[:3], start=1)
    ]
    tied = sum(r.budget == top[2].budget for r in top[3:])
    assert tied == 2
    assert lines[4] == f"※ {yen(top[2].budget)}の施策はほかに{tied}件あります（同額）。"
    assert lines[-2:] == ["", FOOTER]


def test_the_largest_measures_in_discord():
    top = ranked(ROWS)
    [page] = embed_pages(K.top(5), K.source)
    assert page.title == "予算が大きい施策 上位5件"
    assert page.description is not None
    assert page.description.splitlines() == [
        f"{i}. **{yen(r.budget)}** 【{r.measure}】 {r.subprefecture}"
        for i, r in enumerate(top[:5], start=1)
    ]
    assert page.footer.text == FOOTER


def test_a_tie_note_in_discord():
    [page] = embed_pages(K.top(3), K.source)
    assert page.description is not None
    assert page.description.splitlines()[-1] == "※ 7,000千円の施策はほかに2件あります（同額）。"


def test_subprefectures_ranked_in_text_and_discord():
    top = sorted(SUBPREFECTURE_TOTALS.items(), key=lambda kv: -kv[1])[:4]
    count = {s: sum(r.subprefecture == s for r in ROWS) for s in SUBPREFECTURE_TOTALS}
    text = render_text(K.top(4, by="subprefecture"), K.source)
    assert text.splitlines()[0] == "予算が大きい振興局 上位4件"
    assert table_rows(text) == [
        [f"{i}.", yen(total), FULL_NAME[s], f"{count[s]}件"]
        for i, (s, total) in enumerate(top, start=1)
    ]
    [page] = embed_pages(K.top(4, by="subprefecture"), K.source)
    assert page.description is not None
    assert page.description.splitlines() == [
        f"{i}. **{yen(total)}** {FULL_NAME[s]}（施策 {count[s]}件）"
        for i, (s, total) in enumerate(top, start=1)
    ]


def test_the_smallest_areas():
    bottom = sorted(AREA_TOTALS.items(), key=lambda kv: kv[1])[:2]
    text = render_text(K.top(2, by="area", order="smallest"), K.source)
    assert text.splitlines()[0] == "予算が小さい連携地域 上位2件"
    assert [cells[:3] for cells in table_rows(text)] == [
        [f"{i}.", yen(total), area] for i, (area, total) in enumerate(bottom, start=1)
    ]


def test_within_a_region_and_more_than_there_are():
    inside = ranked([r for r in ROWS if r.subprefecture == "石狩"], largest=False)
    answer = K.top(5, order="smallest", region="石狩")
    text = render_text(answer, K.source)
    assert (
        text.splitlines()[0]
        == f"石狩振興局で予算が小さい施策 上位{len(inside)}件（全{len(inside)}件）"
    )
    assert [cells[1] for cells in table_rows(text)] == [yen(r.budget) for r in inside]
    [page] = embed_pages(answer, K.source)
    assert page.title == text.splitlines()[0]


def test_a_long_ranking_is_paged_by_ten_in_discord():
    top = ranked(ROWS)
    pages = embed_pages(K.top(50), K.source)
    assert len(pages) == 4  # 31 measures
    lines = [line for page in pages for line in (page.description or "").splitlines()]
    assert lines == [
        f"{i}. **{yen(r.budget)}** 【{r.measure}】 {r.subprefecture}"
        for i, r in enumerate(top, start=1)
    ]
    assert [page.footer.text for page in pages] == [f"{FOOTER} ・ {n}/4ページ" for n in range(1, 5)]
    assert pages[0].title == f"予算が大きい施策 上位{len(ROWS)}件（全{len(ROWS)}件）"


def test_the_columns_line_up_past_nine():
    rows = render_text(K.top(12, order="smallest"), K.source).splitlines()[1:13]
    assert len(ends(rows, r"^\s*\d+\.")) == 1  # 1. and 10. end in one column
    assert len(ends(rows, r"千円")) == 1  # 298千円 and 1,283千円 too
    groups = render_text(K.top(14, by="subprefecture"), K.source).splitlines()[1:15]
    assert len(ends(groups, r"^\s*\d+\.")) == 1
    assert len(ends(groups, r"千円")) == 1
    assert len(ends(groups, r"件$")) == 1


def test_all_there_are_says_no_more():
    assert (
        render_text(K.top(len(ROWS)), K.source).splitlines()[0]
        == f"予算が大きい施策 上位{len(ROWS)}件"
    )


def test_a_tie_among_subprefectures():
    answer = K.top(3, by="subprefecture").model_copy(update={"tied_beyond": 3})
    last = sorted(SUBPREFECTURE_TOTALS.values(), reverse=True)[2]
    note = f"※ {yen(last)}の振興局はほかに3件あります（同額）。"
    assert render_text(answer, K.source).splitlines()[4] == note


HUNDRED_TO_FIVE_HUNDRED_MAN = AmountRange(minimum_yen=1_000_000, maximum_yen=5_000_000)
CONDITION = "予算1,000千円以上5,000千円以下"


def test_a_budget_range_is_said_in_the_title_in_text_and_discord():
    inside = ranked([r for r in ROWS if 1000 <= r.budget <= 5000])
    answer = K.top(5, budget=HUNDRED_TO_FIVE_HUNDRED_MAN)
    text = render_text(answer, K.source)
    assert text.splitlines()[0] == f"予算が大きい施策 上位5件（{CONDITION}）"
    assert [cells[1] for cells in table_rows(text)] == [yen(r.budget) for r in inside[:5]]
    [page] = embed_pages(answer, K.source)
    assert page.title == f"予算が大きい施策 上位5件（{CONDITION}）"
    assert page.description is not None
    assert page.description.splitlines() == [
        f"{i}. **{yen(r.budget)}** 【{r.measure}】 {r.subprefecture}"
        for i, r in enumerate(inside[:5], start=1)
    ]


def test_a_budget_range_on_groups_says_it_chose_the_measures_summed():
    totals: dict[str, int] = {}
    for row in ROWS:
        if 1000 <= row.budget <= 5000:
            totals[row.area] = totals.get(row.area, 0) + row.budget
    answer = K.top(10, by="area", budget=HUNDRED_TO_FIVE_HUNDRED_MAN)
    text = render_text(answer, K.source)
    assert text.splitlines()[0] == (
        f"予算が大きい連携地域 上位{len(totals)}件（全{len(totals)}件・{CONDITION}の施策の合計）"
    )
    assert [cells[1:3] for cells in table_rows(text)] == [
        [yen(total), area] for area, total in sorted(totals.items(), key=lambda kv: -kv[1])
    ]


def test_nothing_in_the_range_is_said_plainly():
    answer = K.top(5, budget=AmountRange(minimum_yen=10 * max(r.budget for r in ROWS) * 1000))
    lines = render_text(answer, K.source).splitlines()
    assert lines[0] == f"予算が大きい施策（予算{10 * max(r.budget for r in ROWS):,}千円以上）"
    assert lines[1] == f"予算{10 * max(r.budget for r in ROWS):,}千円以上の施策はありません。"
    [page] = embed_pages(answer, K.source)
    assert page.description == lines[1]
