"""An error: the message alone, said plainly, with no source line under it."""

from __future__ import annotations

from bot.formatting.embeds import embed_pages
from bot.formatting.text import render_text
from knowledge.answers import ErrorAnswer
from tests.bot.formatting.expect import K

ANSWER = ErrorAnswer(error="unknown_region", message="「空地」という地域は見つかりません。")


def test_the_message_alone_in_text_and_discord():
    assert render_text(ANSWER, K.source) == "「空地」という地域は見つかりません。"
    [page] = embed_pages(ANSWER, K.source)
    assert (page.title, page.description, page.footer.text) == (
        "お答えできませんでした",
        "「空地」という地域は見つかりません。",
        None,
    )
    assert page.colour is not None
    assert page.colour.value == 0xD93B3B
