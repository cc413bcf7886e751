"""/chart: the title worded here from what the engine computed, and the bars as text."""

from __future__ import annotations

import pytest

from bot.formatting.embeds import embed_pages
from bot.formatting.kinds import present
from bot.formatting.kinds.chart import chart_title
from bot.formatting.text import render_text
from knowledge import load_knowledge
from knowledge.answers import ChartAnswer

K = load_knowledge()


@pytest.mark.parametrize(
    ("answer", "title"),
    [
        (K.chart(), "振興局別の予算"),
        (K.chart("area"), "連携地域別の予算"),
        (K.chart(region="空知"), "空知総合振興局の施策別予算"),
        (K.chart(region="道央"), "道央広域連携地域の施策別予算"),
        (K.chart(keyword="観光"), "「観光」に一致する施策の予算"),
        (K.chart(keyword="観光", region="道央"), "道央広域連携地域の「観光」に一致する施策の予算"),
    ],
)
def test_the_title_is_worded_from_what_was_charted(answer: ChartAnswer, title: str):
    assert answer.title == ""  # the engine computes, the formatting side words
    assert chart_title(answer) == title
    presented = present(answer)
    assert presented.title == title
    assert present(presented) == presented
    assert render_text(answer, K.source).startswith(f"{title} ・ 合計 ")
    assert embed_pages(answer, K.source)[0].title == title


def test_a_title_given_is_kept():
    answer = K.chart().model_copy(update={"title": "私の題"})
    assert present(answer).title == "私の題"
