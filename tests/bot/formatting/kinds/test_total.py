"""/total as a person reads it, in text and in Discord, against sums of the source table."""

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
    decimal,
    eighths,
    ends,
    fields,
    mean,
    median,
    share,
    starts,
    yen,
)
from tests.source_table import AREA_TOTALS, GRAND_TOTAL, ROWS, SUBPREFECTURE_TOTALS

SORACHI = [r for r in ROWS if r.subprefecture == "空知"]
DOO = [r for r in ROWS if r.area == "道央広域連携地域"]
EZOSHIKA = [r for r in ROWS if "エゾシカ" in r.measure]


def breakdown(text: str, heading: str) -> list[list[str]]:
    """The rows of the breakdown under its heading, as cells."""
    lines = text.splitlines()
    start = lines.index(heading) + 1
    rows = []
    for line in lines[start:]:
        if not line.strip():
            break
        rows.append(columns(line))
    return rows


def test_a_subprefecture_in_text():
    text = render_text(K.total("空知"), K.source)
    lines = text.splitlines()
    total = SUBPREFECTURE_TOTALS["空知"]
    assert lines[0] == "空知総合振興局（道央広域連携地域）の予算合計"
    assert lines[1] == f"{amount(total)} ・ 施策 {len(SORACHI)}件"
    rows = breakdown(text, "プロジェクト別の内訳（構成比）")
    largest = max(r.budget for r in SORACHI)
    assert [cells[:4] for cells in rows] == [
        [r.project, yen(r.budget), share(r.budget, total), "1件"] for r in SORACHI
    ]
    assert [bar_eighths(cells[4]) for cells in rows] == [
        eighths(r.budget, largest) for r in SORACHI
    ]
    assert (
        f"施策1件あたり 平均 {decimal(mean(SORACHI))} ・ 中央値 {decimal(median(SORACHI))}" in lines
    )
    assert lines[-2:] == ["", FOOTER]


def test_an_area_breaks_down_by_subprefecture_with_mean_and_median_apart():
    text = render_text(K.total("道央"), K.source)
    total = AREA_TOTALS["道央広域連携地域"]
    subs = [s for s in SUBPREFECTURE_TOTALS if AREA_OF[s] == "道央広域連携地域"]
    rows = breakdown(text, "振興局別の内訳（構成比）")
    assert [cells[:4] for cells in rows] == [
        [
            FULL_NAME[s],
            yen(SUBPREFECTURE_TOTALS[s]),
            share(SUBPREFECTURE_TOTALS[s], total),
            f"{sum(r.subprefecture == s for r in ROWS)}件",
        ]
        for s in subs
    ]
    assert mean(DOO) != median(DOO)
    assert f"施策1件あたり 平均 {decimal(mean(DOO))} ・ 中央値 {decimal(median(DOO))}" in text


def test_everything_breaks_down_by_area():
    text = render_text(K.total(), K.source)
    assert text.splitlines()[:2] == [
        "北海道全体（全道）の予算合計",
        f"{amount(GRAND_TOTAL)} ・ 施策 {len(ROWS)}件",
    ]
    rows = breakdown(text, "連携地域別の内訳（構成比）")
    largest = max(AREA_TOTALS.values())
    assert [(cells[0], cells[1], cells[2]) for cells in rows] == [
        (area, yen(total), share(total, GRAND_TOTAL)) for area, total in AREA_TOTALS.items()
    ]
    assert [bar_eighths(cells[4]) for cells in rows] == [
        eighths(total, largest) for total in AREA_TOTALS.values()
    ]


def test_a_keyword_names_the_measures_it_summed():
    text = render_text(K.total(keyword="エゾシカ"), K.source)
    lines = text.splitlines()
    assert lines[0] == "「エゾシカ」に一致する施策の予算合計"
    assert lines[1] == f"{amount(sum(r.budget for r in EZOSHIKA))} ・ 施策 {len(EZOSHIKA)}件"
    rows = breakdown(text, "合計した施策")
    assert rows == [[cut(f"【{r.measure}】"), r.subprefecture, yen(r.budget)] for r in EZOSHIKA]
    assert lines[-1] == FOOTER


def test_a_keyword_without_sure_matches_says_so():
    text = render_text(K.total(keyword="zzzz"), K.source)
    assert text.splitlines() == [
        "「zzzz」に一致する施策は見つかりませんでした。",
        "search で近い言葉を探せます（例: search エゾシカ）。",
        "",
        FOOTER,
    ]
    [page] = embed_pages(K.total(keyword="zzzz"), K.source)
    assert page.title == "「zzzz」に一致する施策の予算合計"
    assert page.description == (
        "「zzzz」に一致する施策は見つかりませんでした。\n`/search` で近い言葉を探せます。"
    )
    assert page.footer.text == FOOTER


def test_a_project_across_its_subprefectures():
    name = "魅力ある地域資源を活かした「きた北海道」"
    answer = K.total(project="きた北海道")
    rows_in = [r for r in ROWS if r.project == answer.scope.name]
    assert name in answer.scope.name
    text = render_text(answer, K.source)
    assert text.splitlines()[0] == f"「{answer.scope.name}」の予算合計"
    subs = list(dict.fromkeys(r.subprefecture for r in rows_in))
    rows = breakdown(text, "振興局別の内訳（構成比）")
    whole = sum(r.budget for r in rows_in)
    assert [cells[:3] for cells in rows] == [
        [
            FULL_NAME[s],
            yen(sum(r.budget for r in rows_in if r.subprefecture == s)),
            share(sum(r.budget for r in rows_in if r.subprefecture == s), whole),
        ]
        for s in subs
    ]


def test_one_measure_has_no_mean_and_median():
    answer = K.total(keyword="宇宙")
    text = render_text(answer, K.source)
    assert answer.count == 1
    assert "平均" not in text
    [page] = embed_pages(answer, K.source)
    assert page.description is not None
    assert "平均" not in page.description


def test_a_subprefecture_in_discord():
    [page] = embed_pages(K.total("空知"), K.source)
    total = SUBPREFECTURE_TOTALS["空知"]
    largest = max(r.budget for r in SORACHI)
    assert page.title == "空知総合振興局（道央広域連携地域）の予算合計"
    assert page.description == (
        f"## {amount(total)}\n施策 {len(SORACHI)}件 ・ "
        f"平均 {decimal(mean(SORACHI))} ・ 中央値 {decimal(median(SORACHI))}"
    )
    assert fields(page) == {
        r.project: f"{amount(r.budget)}\n"
        f"`{bar(r.budget, largest)}` {share(r.budget, total)} ・ 施策 1件"
        for r in SORACHI
    }
    assert [f.inline for f in page.fields] == [False, False]  # projects: one per line
    assert page.footer.text == FOOTER


def test_everything_in_discord_shows_each_area_share_of_the_whole():
    [page] = embed_pages(K.total(), K.source)
    shown = fields(page)
    assert list(shown) == list(AREA_TOTALS)
    for area, total in AREA_TOTALS.items():
        first, second = shown[area].split("\n")
        assert first == amount(total)
        bar, rest = second.split(" ", 1)
        assert bar_eighths(bar) == eighths(total, max(AREA_TOTALS.values()))
        count = sum(r.area == area for r in ROWS)
        assert rest == f"{share(total, GRAND_TOTAL)} ・ 施策 {count}件"
    assert all(f.inline for f in page.fields)  # areas and 振興局 side by side
    assert page.footer.text == FOOTER


def test_a_keyword_in_discord_lists_its_measures():
    [page] = embed_pages(K.total(keyword="エゾシカ"), K.source)
    total = sum(r.budget for r in EZOSHIKA)
    assert page.description == (
        f"## {amount(total)}\n施策 {len(EZOSHIKA)}件 ・ 平均 {decimal(mean(EZOSHIKA))} ・ "
        f"中央値 {decimal(median(EZOSHIKA))}\n合計した施策:"
    )
    assert fields(page) == {
        f"【{r.measure}】": f"**{amount(r.budget)}**\n{r.subprefecture} ・ {r.project}"
        for r in EZOSHIKA
    }


def test_a_question_says_what_was_understood_first():
    answer = ask(K, "空知の予算は？")
    assert answer.understood is not None
    summary = answer.understood.summary
    assert summary
    text = render_text(answer, K.source)
    assert text.splitlines()[:2] == [f"▶ {summary}", "空知総合振興局（道央広域連携地域）の予算合計"]
    [page] = embed_pages(answer, K.source)
    assert page.author.name == summary


def test_the_columns_line_up():
    text = render_text(K.total(), K.source).splitlines()
    rows = text[text.index("連携地域別の内訳（構成比）") + 1 :][: len(AREA_TOTALS)]
    for column in (r"千円", r"%", r"件"):
        assert len(ends(rows, column)) == 1
    keyword = render_text(K.total(keyword="エゾシカ"), K.source).splitlines()
    assert keyword[2:4] == ["", "合計した施策"]
    measures = keyword[4 : keyword.index("", 4)]
    assert len(measures) == 2
    assert len(ends(measures, r"千円")) == 1
    assert len(starts(measures, r"[\d,]+千円")) > 1  # so the amounts really differ in width
    doo = render_text(K.total("道央"), K.source).splitlines()
    assert doo[2:4] == ["", "振興局別の内訳（構成比）"]


def test_a_keyword_page_has_its_title_and_many_groups_fit_one_page():
    [page] = embed_pages(K.total(keyword="エゾシカ"), K.source)
    assert page.title == "「エゾシカ」に一致する施策の予算合計"
    assert [f.inline for f in page.fields] == [False, False]
    answer = K.total()
    many = answer.model_copy(update={"groups": answer.groups * 4})  # 24 areas
    assert len(embed_pages(many, K.source)) == 1
    more = answer.model_copy(update={"groups": answer.groups * 5})  # 30
    assert [len(p.fields) for p in embed_pages(more, K.source)] == [24, 6]


def test_a_total_over_no_measure_says_none_matched_not_zero_yen():
    largest = max(r.budget for r in ROWS)
    question = f"予算{largest + 1}千円以上の施策の合計"
    text = render_text(ask(K, question), K.source)
    assert text.splitlines()[1:] == [
        f"予算{largest + 1:,}千円以上に当てはまる施策はありません。",
        "",
        FOOTER,
    ]
    assert "0千円" not in text
    assert ask(K, question).headline() is None  # nor in the JSON's headline, as a 0千円 answer
    [page] = embed_pages(ask(K, question), K.source)
    assert page.description == f"予算{largest + 1:,}千円以上に当てはまる施策はありません。"
