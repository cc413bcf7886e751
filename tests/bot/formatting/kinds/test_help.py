"""Help: the example questions and the commands, in text and in Discord."""

from __future__ import annotations

import pytest

from bot.commands import COMMANDS, find_command
from bot.formatting.embeds import embed_pages
from bot.formatting.kinds import present
from bot.formatting.kinds.help import HELP_EXAMPLES
from bot.formatting.text import render_text
from knowledge import load_knowledge
from knowledge.answers import HelpAnswer
from knowledge.router import ask

K = load_knowledge()


@pytest.mark.parametrize("question", ["", "   ", "？", "help", "こんにちは", "qqqzzz"])
def test_questions_it_cannot_place_get_help(question: str):
    """Moved from tests/knowledge/test_router.py with the examples (now worded here)."""
    answer = present(ask(K, question))
    assert isinstance(answer, HelpAnswer)
    assert len(answer.examples) == 3


def test_the_examples_are_in_text_and_embed_and_own_ones_are_kept():
    answer = K.help("わかりませんでした。")
    assert answer.examples == []  # worded by the formatting side
    text = render_text(answer, K.source)
    [page] = embed_pages(answer, K.source)
    for example in HELP_EXAMPLES:
        assert f"  ・{example}" in text
        assert f"・{example}" in (page.description or "")
    own = answer.model_copy(update={"examples": ["これだけ"]})
    assert present(own).examples == ["これだけ"]


def test_the_commands_in_text_and_discord_without_footer():
    answer = find_command("help").run(K, {})  # type: ignore[union-attr]
    lines = render_text(answer, K.source).splitlines()
    assert lines[:5] == [
        "地域の予算合計、キーワード検索、ランキング、比較に答えます。普通の文章で質問もできます。",
        "こんなふうに聞いてください:",
        *(f"  ・{example}" for example in HELP_EXAMPLES),
    ]
    assert lines[5:7] == ["", "コマンド（日本語名でも使えます）:"]
    listed = [
        line
        for pair in ((f"  {c.usage}", f"      {c.ja_name}: {c.description}") for c in COMMANDS)
        for line in pair
    ]
    assert lines[7:] == listed
    [page] = embed_pages(answer, K.source)
    assert page.title == "使い方"
    assert page.description == "\n".join(
        [
            lines[0],
            "こんなふうに聞いてください:",
            *(f"・{example}" for example in HELP_EXAMPLES),
            "ボットにメンションして質問することもできます。",
        ]
    )
    assert [(f.name, f.value) for f in page.fields] == [
        (f"/{c.ja_name}（/{c.name}）", c.description) for c in COMMANDS
    ]
    assert page.footer.text is None
    assert page.author.name is None
    asked = ask(K, "help")
    assert not render_text(asked, K.source).startswith("▶")
    assert embed_pages(asked, K.source)[0].author.name is None


def test_without_a_message_it_starts_with_the_examples():
    assert render_text(K.help(), K.source).splitlines()[0] == "こんなふうに聞いてください:"
    [page] = embed_pages(K.help(), K.source)
    assert (page.description or "").splitlines()[0] == "こんなふうに聞いてください:"


def test_each_command_on_a_line_of_its_own_in_discord():
    answer = find_command("help").run(K, {})  # type: ignore[union-attr]
    assert [f.inline for f in embed_pages(answer, K.source)[0].fields] == [False] * len(COMMANDS)
