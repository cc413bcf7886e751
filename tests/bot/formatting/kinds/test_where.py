"""Where as a person reads it: every 振興局 named first, then each measure under its own only."""

from __future__ import annotations

from bot.formatting.embeds import embed_pages
from bot.formatting.text import render_text
from knowledge.answers import Group, WhereAnswer
from knowledge.router import ask
from tests.bot.formatting.expect import AREA_OF, FOOTER, FULL_NAME, K, fields, yen
from tests.source_table import ROWS, Row

EZOSHIKA = [r for r in ROWS if "エゾシカ" in r.measure]


def body(question: str) -> tuple[WhereAnswer, list[str]]:
    """The answer to a question and its reply's lines after what was understood."""
    answer = ask(K, question)
    assert isinstance(answer, WhereAnswer)
    lines = render_text(answer, K.source).splitlines()
    assert lines[0].startswith("▶ ")
    assert lines[-2:] == ["", FOOTER]
    return answer, lines[1:-2]


def places(rows: list[Row]) -> list[str]:
    return list(dict.fromkeys(r.subprefecture for r in rows))


def sections(rows: list[Row]) -> list[str]:
    """Each 振興局 with its subtotal, then its own measures (and no other's)."""
    lines = []
    for sub in places(rows):
        mine = [r for r in rows if r.subprefecture == sub]
        total = sum(r.budget for r in mine)
        lines += ["", f"■ {FULL_NAME[sub]}  {yen(total)}（{len(mine)}件）"]
        lines += [f"  【{r.measure}】 {yen(r.budget)}" for r in mine]
    return lines


def project(word: str) -> list[Row]:
    return [r for r in ROWS if word in r.project]


def test_a_keyword_in_text():
    assert len(places(EZOSHIKA)) == 2
    names = "、".join(FULL_NAME[s] for s in places(EZOSHIKA))
    _, lines = body("エゾシカの事業はどこ？")
    assert lines[0] == f"「エゾシカ」に一致する施策があるのは 2か所: {names}"
    assert lines[1:] == sections(EZOSHIKA)


def test_a_project_in_three_subprefectures_in_text():
    rows = project("きた北海道")
    subs = places(rows)
    assert len(subs) == 3
    assert len(rows) > len(subs)  # one 振興局 has two measures
    _, lines = body("「きた北海道」プロジェクトはどこで？")
    assert lines[0] == (
        f"「{rows[0].project}」の施策があるのは {len(subs)}か所: "
        + "、".join(FULL_NAME[s] for s in subs)
    )
    assert lines[1:] == sections(rows)
    for row in rows:  # each measure once, under its own 振興局
        assert sum(f"【{row.measure}】" in line for line in lines) == 1


def test_a_project_in_discord():
    rows = project("きた北海道")
    subs = places(rows)
    answer = ask(K, "「きた北海道」プロジェクトはどこで？")
    [page] = embed_pages(answer, K.source)
    lead = render_text(answer, K.source).splitlines()[1]
    assert page.title == lead
    assert lead.endswith("、".join(FULL_NAME[s] for s in subs))
    assert fields(page) == {
        FULL_NAME[s]: "\n".join(
            f"【{r.measure}】 {yen(r.budget)}" for r in rows if r.subprefecture == s
        )
        for s in subs
    }
    assert list(fields(page)) == [FULL_NAME[s] for s in subs]  # in document order
    assert not page.description  # the lead is the title
    assert not any(f.inline for f in page.fields)
    assert page.footer.text == FOOTER


def test_a_keyword_in_discord():
    [page] = embed_pages(ask(K, "エゾシカの事業はどこ？"), K.source)
    assert fields(page) == {
        FULL_NAME[r.subprefecture]: f"【{r.measure}】 {yen(r.budget)}" for r in EZOSHIKA
    }
    assert page.footer.text == FOOTER


def test_by_area_the_measures_go_under_their_area():
    answer = ask(K, "「きた北海道」プロジェクトはどこで？")
    rows = project("きた北海道")
    areas = list(dict.fromkeys(AREA_OF[r.subprefecture] for r in rows))
    assert len(areas) == 1
    area = areas[0]
    by_area = answer.model_copy(
        update={
            "groups": [
                Group(
                    kind="area",
                    name=area,
                    full_name=area,
                    total_thousand_yen=sum(r.budget for r in rows),
                    count=len(rows),
                    share=0,
                )
            ]
        }
    )
    lines = render_text(by_area, K.source).splitlines()[1:-2]
    assert lines[0].endswith(f"の施策があるのは 1か所: {area}")
    assert lines[1:] == [
        "",
        f"■ {area}  {yen(sum(r.budget for r in rows))}（{len(rows)}件）",
        *(f"  【{r.measure}】 {yen(r.budget)}" for r in rows),
    ]
