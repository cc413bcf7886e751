from __future__ import annotations

import pytest

from knowledge.words import content_words


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("エゾシカ関連の事業は？", "エゾシカ"),
        ("ニシンについて教えて", "ニシン"),
        ("にしんの予算", "にしん"),
        ("ワーケーションに関する施策はありますか", "ワーケーション"),
        ("旭川空港を活用した事業は？", "旭川空港 活用した"),
        ("ニシンの加工品", "ニシン 加工品"),
        ("ジビエ関連のプロジェクトは？", "ジビエ"),
        ("", ""),
    ],
)
def test_content_words(question: str, words: str):
    assert content_words(question) == words
