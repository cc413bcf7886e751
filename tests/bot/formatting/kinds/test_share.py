"""A share as a person reads it: the percentage of the right whole, both amounts and a bar."""

from __future__ import annotations

from bot.formatting.embeds import embed_pages
from bot.formatting.text import render_text
from knowledge.answers import Scope, ShareAnswer
from knowledge.router import ask
from tests.bot.formatting.expect import FOOTER, K, amount, bar, bar_eighths, eighths, percent
from tests.source_table import AREA_TOTALS, GRAND_TOTAL, ROWS, SUBPREFECTURE_TOTALS

IBURI = SUBPREFECTURE_TOTALS["胆振"]
KAMIKAWA = SUBPREFECTURE_TOTALS["上川"]
DOHOKU = AREA_TOTALS["道北連携地域"]


def count(subprefecture: str) -> int:
    return sum(r.subprefecture == subprefecture for r in ROWS)


def body(question: str) -> tuple[ShareAnswer, list[str]]:
    """The answer to a question and its reply's lines after what was understood."""
    answer = ask(K, question)
    assert isinstance(answer, ShareAnswer)
    lines = render_text(answer, K.source).splitlines()
    assert lines[0].startswith("▶ ")
    return answer, lines[1:]


def test_a_subprefecture_of_everything_in_text():
    assert percent(IBURI, GRAND_TOTAL) == "8.7%"  # the example the kind is written for
    _, lines = body("胆振は全体の何％？")
    assert lines == [
        f"胆振総合振興局（道央広域連携地域）は全道の {percent(IBURI, GRAND_TOTAL)}",
        f"{amount(IBURI)}（施策 {count('胆振')}件） ／ 全道 {amount(GRAND_TOTAL)}",
        bar(IBURI, GRAND_TOTAL),
        "",
        FOOTER,
    ]
    assert bar_eighths(lines[2]) == eighths(IBURI, GRAND_TOTAL)


def test_a_subprefecture_of_everything_in_discord():
    [page] = embed_pages(ask(K, "胆振は全体の何％？"), K.source)
    assert page.title == f"胆振総合振興局（道央広域連携地域）は全道の {percent(IBURI, GRAND_TOTAL)}"
    assert page.description == "\n".join(
        [
            f"## {percent(IBURI, GRAND_TOTAL)}",
            f"{amount(IBURI)}（施策 {count('胆振')}件） ／ 全道 {amount(GRAND_TOTAL)}",
            f"`{bar(IBURI, GRAND_TOTAL)}`",
        ]
    )
    assert page.footer.text == FOOTER


def test_of_its_area_the_whole_is_the_area_not_everything():
    assert percent(KAMIKAWA, DOHOKU) != percent(KAMIKAWA, GRAND_TOTAL)
    answer, lines = body("道北のうち上川は何％？")
    headline = answer.headline()  # what the question tables score says the same
    assert headline is not None
    assert headline.values == [float(percent(KAMIKAWA, DOHOKU).rstrip("%"))]
    assert lines[:3] == [
        f"上川総合振興局（道北連携地域）は道北連携地域の {percent(KAMIKAWA, DOHOKU)}",
        f"{amount(KAMIKAWA)}（施策 {count('上川')}件） ／ 道北連携地域 {amount(DOHOKU)}",
        bar(KAMIKAWA, DOHOKU),
    ]
    [page] = embed_pages(ask(K, "道北のうち上川は何％？"), K.source)
    assert page.title == lines[0]
    assert page.description is not None
    assert page.description.splitlines()[:2] == [f"## {percent(KAMIKAWA, DOHOKU)}", lines[1]]
    assert page.footer.text == FOOTER


def made(part: int, whole: int) -> ShareAnswer:
    scope = Scope(kind="subprefecture", name="甲", full_name="甲振興局", area="乙連携地域")
    everything = Scope(kind="all", name="全道", full_name="北海道全体（全道）")
    return ShareAnswer(
        part=scope,
        whole=everything,
        total_thousand_yen=part,
        whole_thousand_yen=whole,
        count=1,
        share=part / whole if whole else 0.0,
    )


def test_rounded_half_up_to_one_decimal():
    for part, whole, shown in ((1, 16, "6.3%"), (3, 16, "18.8%"), (1, 8, "12.5%"), (1, 3, "33.3%")):
        assert percent(part, whole) == shown
        lines = render_text(made(part, whole), K.source).splitlines()
        assert lines[0] == f"甲振興局（乙連携地域）は全道の {shown}"
        [page] = embed_pages(made(part, whole), K.source)
        assert page.title == lines[0]
        assert page.description is not None
        assert page.description.startswith(f"## {shown}\n")


def test_nothing_of_a_whole_and_a_whole_of_nothing():
    lines = render_text(made(0, 500), K.source).splitlines()
    assert lines == [
        "甲振興局（乙連携地域）は全道の 0.0%",
        "0千円（施策 1件） ／ 全道 500千円（50万円）",
        "",
        FOOTER,
    ]  # no bar for nothing
    empty = render_text(made(0, 0), K.source).splitlines()
    assert empty[0] == "甲振興局（乙連携地域）は全道の -"
    assert empty[2:] == ["", FOOTER]
    [page] = embed_pages(made(0, 0), K.source)
    assert page.description is not None
    assert page.description.startswith("## -\n")
