"""Help: the example questions and the commands, in text and in Discord."""

from __future__ import annotations

import pytest

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
