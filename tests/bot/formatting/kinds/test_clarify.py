"""An unclear question: its readings as numbered choices in text, and as a list over buttons."""

from __future__ import annotations

from bot.formatting.embeds import embed_pages
from bot.formatting.text import render_text
from knowledge.answers import Choice, ClarifyAnswer
from knowledge.router import ask
from tests.bot.formatting.expect import K
from tests.source_table import ROWS

ANSWER = ClarifyAnswer(
    message="どれですか *本当に*？",
    choices=[Choice(label="A_1", question="Aの予算合計は？"), Choice(label="B", question="B？")],
)


def test_numbered_choices_in_text_without_footer():
    assert render_text(ANSWER, K.source).splitlines() == [
        "どれですか *本当に*？",
        "  1. A_1",
        "     → Aの予算合計は？",
        "  2. B",
        "     → B？",
        "番号か質問を入力してください。",
    ]


def test_choices_in_discord_escaped_without_footer():
    [page] = embed_pages(ANSWER, K.source)
    assert page.title == "確認させてください"
    assert page.description == (
        "どれですか \\*本当に\\*？\n1. A\\_1\n2. B\n下のボタンで選んでください。"
    )
    assert page.footer.text is None
    assert page.colour is not None
    assert page.colour.value == 0xD9A41E


def test_a_question_that_fits_several_projects_offers_them_without_the_understood_line():
    answer = ask(K, "観光プロジェクトの予算")
    projects = list(dict.fromkeys(r.project for r in ROWS if "観光" in r.project))
    lines = render_text(answer, K.source).splitlines()
    assert lines[0] == "どのプロジェクトのことですか？"
    assert lines[1::2][: len(projects)] == [f"  {n}. {p}" for n, p in enumerate(projects, 1)]
    [page] = embed_pages(answer, K.source)
    assert page.author.name is None


def test_an_ask_back_without_choices_asks_for_no_number():
    said = render_text(ask(K, "宗谷の人数は？"), K.source).splitlines()
    assert said[0] == "この表は令和3年度予算（千円）の表で、人数の数字はありません。"
    assert "番号か質問を入力してください。" not in said
