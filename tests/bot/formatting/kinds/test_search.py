"""/search as a person reads it: hits with their amounts and places, marked where they matched."""

from __future__ import annotations

import re

from bot.formatting.embeds import embed_pages
from bot.formatting.kinds.search import marked, snippet
from bot.formatting.text import render_text
from knowledge.answers import Highlight, Hit, SearchAnswer
from knowledge.models import MeasureRow
from knowledge.quantities import AmountRange
from tests.bot.formatting.expect import FOOTER, K, amount, fields
from tests.source_table import ROWS

EZOSHIKA = [r for r in ROWS if "エゾシカ" in r.measure]


def marked_name(measure: str, word: str, opening: str, closing: str) -> str:
    return measure.replace(word, f"{opening}{word}{closing}", 1)


def test_hits_in_text():
    lines = render_text(K.search("えぞしか"), K.source).splitlines()
    total = sum(r.budget for r in EZOSHIKA)
    assert lines[0] == f"「えぞしか」の検索結果: {len(EZOSHIKA)}件 ・ 合計 {amount(total)}"
    expected = []
    for rank, row in enumerate(EZOSHIKA, start=1):
        name = marked_name(row.measure, "エゾシカ", "［", "］")
        expected += [
            f"{rank}. 【{name}】 {amount(row.budget)}",
            f"   {row.subprefecture} ・ {row.project}",
        ]
    assert lines[1:-2] == expected
    assert lines[-2:] == ["", FOOTER]


def test_hits_in_discord():
    [page] = embed_pages(K.search("えぞしか"), K.source)
    total = sum(r.budget for r in EZOSHIKA)
    assert page.title == "「えぞしか」の検索結果"
    assert (
        page.description == f"「えぞしか」の検索結果: {len(EZOSHIKA)}件 ・ 合計 **{amount(total)}**"
    )
    assert fields(page) == {
        f"{rank}. 【{marked_name(r.measure, 'エゾシカ', '**', '**')}】": (
            f"{amount(r.budget)}\n{r.subprefecture} ・ {r.project}"
        )
        for rank, r in enumerate(EZOSHIKA, start=1)
    }
    assert page.colour is not None
    assert page.colour.value == 0x2E9E5B  # green: a sure answer
    assert page.footer.text == FOOTER


def test_a_region_name_lists_its_measures():
    sorachi = [r for r in ROWS if r.subprefecture == "空知"]
    lines = render_text(K.search("そらち"), K.source).splitlines()
    total = sum(r.budget for r in sorachi)
    assert lines[0] == (
        f"「そらち」は地域名です: 空知総合振興局の施策 {len(sorachi)}件 ・ 合計 {amount(total)}"
    )
    assert lines[1] == f"1. 【{sorachi[0].measure}】 {amount(sorachi[0].budget)}"


def test_more_than_ten_hits_say_how_many_more():
    answer = K.search("観光")
    many = answer.model_copy(update={"results": answer.results * 2, "count": answer.count * 2})
    lines = render_text(many, K.source).splitlines()
    assert [int(m[1]) for line in lines if (m := re.match(r"(\d+)\. 【", line))] == list(
        range(1, 11)
    )
    assert lines[-3] == f"…ほか {answer.count * 2 - 10}件"
    pages = embed_pages(many, K.source)
    assert sum(len(page.fields) for page in pages) == answer.count * 2  # Discord pages them all
    assert len(pages) == -(-answer.count * 2 // 6)


def test_maybe_and_nothing():
    maybe = K.search("エゾシガ")
    lines = render_text(maybe, K.source).splitlines()
    assert lines[0] == "「エゾシガ」にぴったり一致する施策はありません。もしかして:"
    [page] = embed_pages(maybe, K.source)
    assert page.colour is not None
    assert page.colour.value == 0xD9A41E  # gold: candidates, not the answer
    nothing = SearchAnswer(query="xyz*", count=0, confidence="none")
    assert render_text(nothing, K.source).splitlines()[:2] == [
        "「xyz*」に一致する施策は見つかりませんでした。",
        "別の言葉（例: エゾシカ、ニシン、観光）や地域名で試してください。",
    ]
    [page] = embed_pages(nothing, K.source)
    assert page.title == "検索結果なし"
    assert page.description == (
        "「xyz\\*」に一致する施策は見つかりませんでした。\n"
        "別の言葉（例: エゾシカ、ニシン、観光）や地域名で試してください。"
    )
    assert page.footer.text == FOOTER


def test_marking_merges_overlaps_and_escapes_between():
    assert marked("abcdef", [(3, 5), (1, 2), (2, 4)], "[", "]") == "a[bcde]f"
    assert marked("a*b*c", [(2, 3)], "**", "**", lambda t: t.replace("*", "\\*")) == "a\\***b**\\*c"
    assert marked("abc", [], "[", "]") == "abc"


def test_a_snippet_is_cut_around_the_match():
    text = "あ" * 30 + "エゾシカ" + "い" * 30
    assert (
        snippet(text, [(30, 34)], "［", "］") == "…" + "あ" * 24 + "［エゾシカ］" + "い" * 24 + "…"
    )
    assert snippet("短いエゾシカ", [(2, 6)], "［", "］") == "短い［エゾシカ］"
    assert snippet("x" * 60, [], "［", "］") == "x" * 48 + "…"
    assert snippet("x" * 48, [], "［", "］") == "x" * 48
    assert snippet(text, [(30, 34), (0, 1)], "［", "］").startswith("［あ］")


def hit(row: MeasureRow, *spans: tuple[str, int, int]) -> Hit:
    return Hit(
        **row.model_dump(),
        score=90.0,
        matched="project",
        highlights=[Highlight(field=f, start=s, end=e) for f, s, e in spans],
    )


def test_matches_in_the_project_and_the_description_are_marked_too():
    row = K.listing("空知").results[0]
    start = row.description.index("炭鉄港")
    found = hit(row, ("project", 0, 3), ("description", start, start + 3))
    answer = SearchAnswer(query="そらち 炭鉄港", count=1, results=[found])
    lines = render_text(answer, K.source).splitlines()
    assert lines[2] == f"   {row.subprefecture} ・ ［{row.project[:3]}］{row.project[3:]}"
    assert lines[3].startswith(f"   {row.description[:start]}［炭鉄港］")
    [page] = embed_pages(answer, K.source)
    value = page.fields[0].value or ""
    assert value.split("\n") == [
        amount(row.budget_thousand_yen),
        f"{row.subprefecture} ・ **{row.project[:3]}**{row.project[3:]}",
        f"> {row.description[:start]}**炭鉄港**{row.description[start + 3 : start + 3 + 24]}…",
    ]


def test_exactly_ten_hits_need_no_more_line_and_two_suggestions_are_listed():
    rows = K.listing().results[:10]
    ten = SearchAnswer(query="x", count=10, results=rows)
    assert not render_text(ten, K.source).splitlines()[-3].startswith("…ほか")
    nothing = SearchAnswer(query="x", count=0, confidence="none", suggestions=["甲", "乙"])
    assert render_text(nothing, K.source).splitlines()[1] == "もしかして: 甲、乙"


def test_a_snippet_escapes_between_its_marks():
    text = "a*" * 40 + "ZZ" + "b*" * 40
    spans = [(80, 82), (0, 2), (159, 162)]
    shown = snippet(text, spans, "[", "]", lambda t: t.replace("*", "\\*"))
    assert shown.startswith("[a\\*]")
    assert "[ZZ]" in shown
    assert shown == marked(text, spans, "[", "]", lambda t: t.replace("*", "\\*"))


def test_hits_in_a_budget_range_in_text_and_discord():
    kept = [r for r in EZOSHIKA if r.budget >= 2000]
    answer = K.search("エゾシカ", budget=AmountRange(minimum_yen=2_000_000))
    lines = render_text(answer, K.source).splitlines()
    total = sum(r.budget for r in kept)
    assert lines[0] == (
        f"「エゾシカ」の検索結果（予算2,000千円以上）: {len(kept)}件 ・ 合計 {amount(total)}"
    )
    assert [line for line in lines if line[:1].isdigit()] == [
        f"{rank}. 【{marked_name(r.measure, 'エゾシカ', '［', '］')}】 {amount(r.budget)}"
        for rank, r in enumerate(kept, start=1)
    ]
    [page] = embed_pages(answer, K.source)
    assert page.title == "「エゾシカ」の検索結果（予算2,000千円以上）"
    assert list(fields(page)) == [
        f"{rank}. 【{marked_name(r.measure, 'エゾシカ', '**', '**')}】"
        for rank, r in enumerate(kept, start=1)
    ]


def test_matches_all_outside_the_range_are_not_called_missing():
    answer = K.search("エゾシカ", budget=AmountRange(maximum_yen=500_000))
    assert all(r.budget > 500 for r in EZOSHIKA)
    lines = render_text(answer, K.source).splitlines()
    assert lines[:2] == [
        "「エゾシカ」に一致する施策のうち、予算500千円以下のものはありません。",
        "下限・上限を広げるか外して、もう一度お試しください。",
    ]


def test_a_region_query_in_a_range():
    kept = [r for r in ROWS if r.subprefecture == "空知" and r.budget >= 2000]
    answer = K.search("そらち", budget=AmountRange(minimum_yen=2_000_000))
    assert render_text(answer, K.source).splitlines()[0] == (
        f"「そらち」は地域名です: 空知総合振興局の施策（予算2,000千円以上） {len(kept)}件"
        f" ・ 合計 {amount(sum(r.budget for r in kept))}"
    )
