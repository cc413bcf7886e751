"""The embed formatter on answer models built by hand."""

from __future__ import annotations

from bot.discord_app import limits
from bot.formatting.embeds import PAGE_SIZE, embed_pages
from knowledge.answers import (
    CompareAnswer,
    ErrorAnswer,
    Group,
    Highlight,
    Hit,
    ListAnswer,
    SearchAnswer,
)
from knowledge.models import MeasureRow
from tests.bot.discord_app.test_limits import within_limits
from tests.bot.formatting.samples import SORACHI, SOURCE, sorachi_total


def row(i: int, budget: int = 100, description: str = "説明") -> MeasureRow:
    return MeasureRow(
        area="道央広域連携地域",
        subprefecture="空知",
        project="Pプロジェクト",
        measure=f"施策{i}",
        description=description,
        budget_thousand_yen=budget,
        line=i + 1,
    )


def test_total_embed_has_title_amount_breakdown_and_footer():
    answer = sorachi_total(
        groups=[
            Group(
                kind="project",
                name="A",
                full_name="A",
                total_thousand_yen=5715,
                count=1,
                share=0.05,
            ),
            Group(
                kind="project", name="B", full_name="B", total_thousand_yen=900, count=1, share=0.01
            ),
        ],
    )
    [page] = embed_pages(answer, SOURCE)
    data = page.to_dict()
    assert data["title"] == "空知総合振興局（道央広域連携地域）の予算合計"
    assert "6,615千円（約662万円）" in data["description"]
    assert [f["name"] for f in data["fields"]] == ["A", "B"]
    assert "86.4%" in data["fields"][0]["value"]
    assert data["footer"]["text"] == "出典: テストの表（令和3年度予算・単位 千円）"


def test_a_long_list_is_paged_with_page_numbers():
    rows = [row(i) for i in range(PAGE_SIZE * 2 + 1)]
    answer = ListAnswer(
        scope=SORACHI, total_thousand_yen=100 * len(rows), count=len(rows), results=rows
    )
    pages = embed_pages(answer, SOURCE)
    assert len(pages) == 3
    assert [len(p.fields) for p in pages] == [PAGE_SIZE, PAGE_SIZE, 1]
    assert pages[2].footer.text is not None
    assert pages[2].footer.text.endswith("3/3ページ")


def test_search_pages_and_no_hits():
    hits = SearchAnswer(
        query="施策", count=PAGE_SIZE + 1, results=[row(i) for i in range(PAGE_SIZE + 1)]
    )
    assert len(embed_pages(hits, SOURCE)) == 2
    [none] = embed_pages(SearchAnswer(query="xyz", count=0), SOURCE)
    assert none.description is not None
    assert "「xyz」に一致する施策は見つかりませんでした" in none.description


def test_compare_embed_has_the_difference():
    answer = CompareAnswer(
        regions=[SORACHI, SORACHI],
        groups=[
            Group(
                kind="subprefecture",
                name="空知",
                full_name="空知総合振興局",
                total_thousand_yen=6615,
                count=2,
                share=0.1,
            ),
            Group(
                kind="subprefecture",
                name="石狩",
                full_name="石狩振興局",
                total_thousand_yen=24232,
                count=3,
                share=0.2,
            ),
        ],
        difference_thousand_yen=-17617,
    )
    [page] = embed_pages(answer, SOURCE)
    verdict = {field.name: field.value for field in page.fields[2:]}
    assert verdict["差額"] == "石狩振興局が **17,617千円（約1,762万円）** 多い"
    assert verdict["倍率"] == f"石狩振興局は空知総合振興局の約{24232 / 6615:.2f}倍"


def test_error_embed_is_just_the_message():
    [page] = embed_pages(ErrorAnswer(error="x", message="だめです"), SOURCE)
    assert (page.title, page.description, page.footer.text) == (
        "お答えできませんでした",
        "だめです",
        None,
    )


def test_data_that_is_too_long_still_fits_after_fitting():
    long_text = "長" * 5000
    rows = [row(i, description=long_text) for i in range(3)]
    rows = [r.model_copy(update={"measure": long_text, "project": long_text}) for r in rows]
    answer = ListAnswer(scope=SORACHI, total_thousand_yen=300, count=3, results=rows)
    for page in embed_pages(answer, SOURCE):
        assert within_limits(limits.fit_embed(page))


def test_search_embed_bolds_the_match_and_escapes_markdown_in_the_data():
    hit = Hit(
        **row(1).model_dump() | {"measure": "空知*エゾシカ*肉"},
        score=100.0,
        matched="measure",
        highlights=[Highlight(field="measure", start=3, end=7)],
    )
    [page] = embed_pages(SearchAnswer(query="エゾシカ", count=1, results=[hit]), SOURCE)
    assert page.fields[0].name == "1. 【空知\\***エゾシカ**\\*肉】"


def test_the_answer_to_a_check_leads_the_first_page():
    answer = sorachi_total(
        results=[row(1, 5000), row(2, 1615)],
        verdict="いいえ、6,615千円で「8,000千円超」には当てはまりません。",
    )
    (page,) = embed_pages(answer, SOURCE)
    assert page.description is not None
    first, *rest = page.description.splitlines()
    assert first == "**いいえ、6,615千円で「8,000千円超」には当てはまりません。**"
    assert any("6,615千円" in line for line in rest) or "6,615千円" in str(page.fields)
