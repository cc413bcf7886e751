"""A question reduced to its content words: エゾシカ関連の事業は？ -> エゾシカ.

Questions carry particles, polite endings and the domain's own words (事業, 施策, 予算, 関連,
プロジェクト) that match everything and mean nothing to a search, so they are taken out first.
"""

from __future__ import annotations

import re
import unicodedata

STOP_PHRASES = tuple(
    "を教えてください を教えて 教えてください 教えて についての について に関する に関して "
    "ってどれくらい ってどのくらい はいくらですか はいくら っていくら いくら "
    "ですか ますか でしょうか はありますか ありますか ってある ある ください 知りたい "
    "関連の 関連 関係の 関係 の事業 事業 施策 ぷろじぇくと プロジェクト 取り組み 取組み 取組 "
    "予算額 予算 合計 総額 金額 何 なに どれ どんな 検索 探して さがして 見せて "
    "search find for about the measures measure projects project".split()
)
_PARTICLES = "(?:は|の|を|が|も|で|に|と|って|や|から|まで)"
_LEADING_PARTICLES = re.compile(rf"^{_PARTICLES}+(?=[^ぁ-ゖ])")
_TRAILING_PARTICLES = re.compile(rf"(?<=..){_PARTICLES}+$")
_ONLY_PARTICLES = re.compile(rf"{_PARTICLES}+|[かよねな]")
_INNER_PARTICLE = re.compile(
    r"(?<=[^\u3041-\u3096])(?:の|を|が|は|に|で|と|も|や)(?=[^\u3041-\u3096])"
)
"""A particle between two non-hiragana words separates them: ニシンの加工品, 旭川空港を活用した."""
_PUNCTUATION = re.compile(r"[\s、。，．,.!！?？「」『』()（）・:：]+")


CHAT_MARKUP = re.compile(r"<[@#][!&]?\d+>|<a?:\w+:\d+>|@everyone|@here|https?://\S+", re.IGNORECASE)
"""Mentions, channel links, custom emoji and URLs: never part of a question's topic."""


def without_markup(text: str) -> str:
    """The text, width-folded (＠everyone is @everyone), without chat markup."""
    return CHAT_MARKUP.sub(" ", unicodedata.normalize("NFKC", text))


def content_words(question: str) -> str:
    """The content words left once cue words, particles and punctuation are taken out.

    Works on the NFKC text, not the kana-folded one, so that a katakana word (ニシン) is not
    mistaken for particles (に) the way its hiragana fold (にしん) would be.
    """
    text = unicodedata.normalize("NFKC", without_markup(question)).casefold()
    for phrase in sorted(STOP_PHRASES, key=len, reverse=True):
        text = text.replace(phrase, " ")
    words = [
        _TRAILING_PARTICLES.sub("", _LEADING_PARTICLES.sub("", word))
        for piece in _PUNCTUATION.split(text)
        for word in _INNER_PARTICLE.split(piece)
    ]
    return " ".join(w for w in words if w and not _ONLY_PARTICLES.fullmatch(w))
