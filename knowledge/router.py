"""A first, simple router from a plain question to one of the engine's queries.

Deterministic and explainable: it looks for region names (any spelling the resolver accepts)
and a few cue words. A region with 合計/予算/いくら (or alone) is a total; two regions are a
comparison; 一番/上位 is a ranking; 一覧/全部 a list; anything else is a keyword search.
A question it cannot place gets help, never an invented answer.
"""

from __future__ import annotations

import re
import unicodedata

from knowledge.answers import Answer, RankBy, RankOrder
from knowledge.engine import DEFAULT_TOP, Knowledge
from knowledge.normalize import fold
from knowledge.regions import Region
from knowledge.words import content_words

HELP_WORDS = set("help ヘルプ へるぷ 使い方 つかいかた ? ？ はじめに".split())
ABOUT_WORDS = ("このデータ", "データについて", "出典", "about")
COMPARE_WORDS = tuple("比較 比べ くらべ 違い vs compare versus difference".split())
RANK_WORDS = tuple(
    "一番 いちばん 最も 最大 最小 上位 下位 ランキング らんきんぐ 大きい 小さい 多い 少ない "
    "top largest smallest biggest most least".split()
)
SMALLEST_WORDS = tuple("最小 小さい 少ない 下位 smallest least lowest".split())
LIST_WORDS = tuple("一覧 全部 すべて 全て りすと 見せて list show".split())
TOTAL_WORDS = (*"合計 予算 いくら 幾ら 総額 金額 total budget sum".split(), "how much")
_NUMBER = re.compile(r"\d+")


def _has(text: str, words: tuple[str, ...]) -> bool:
    return any(fold(word) in text for word in words)


def _rank_request(text: str) -> tuple[int, RankBy, RankOrder]:
    number = _NUMBER.search(unicodedata.normalize("NFKC", text))
    n = (
        int(number.group())
        if number
        else (1 if _has(text, ("一番", "いちばん", "最も")) else DEFAULT_TOP)
    )
    by: RankBy = "measure"
    if _has(text, ("連携地域", "area")):
        by = "area"
    elif _has(text, ("振興局", "地域", "subprefecture", "region")):
        by = "subprefecture"
    order: RankOrder = "smallest" if _has(text, SMALLEST_WORDS) else "largest"
    return max(n, 1), by, order


def _without_regions(knowledge: Knowledge, question: str) -> str:
    text = question
    for region in [*knowledge.regions.regions, knowledge.regions.everything]:
        for name in {region.name, region.full_name}:
            text = text.replace(name, " ")
    return text


def ask(knowledge: Knowledge, question: str) -> Answer:
    """Route a question to a query and answer it; help when the question cannot be placed."""
    text = fold(question)
    if not text or text in {fold(w) for w in HELP_WORDS}:
        return knowledge.help().model_copy(update={"question": question})
    mentions = knowledge.regions.find_in(question)
    regions: list[Region] = []
    for mention in mentions:
        if mention.region.kind != "all" and mention.region not in regions:
            regions.append(mention.region)
    answer: Answer
    if len(regions) >= 2:
        answer = knowledge.compare([r.full_name for r in regions])
    elif _has(text, RANK_WORDS):
        n, by, order = _rank_request(text)
        within = regions[0].full_name if regions else None
        answer = knowledge.top(n, by=by, order=order, region=within)
    elif regions and _has(text, LIST_WORDS):
        answer = knowledge.listing(regions[0].full_name)
    elif regions:
        answer = knowledge.total(regions[0].full_name)
    elif _has(text, ABOUT_WORDS):
        answer = knowledge.about()
    else:
        answer = _by_keyword(knowledge, question, text)
    return answer.model_copy(update={"question": question})


def _by_keyword(knowledge: Knowledge, question: str, text: str) -> Answer:
    keyword = content_words(_without_regions(knowledge, question))
    everything = any(m.region.kind == "all" for m in knowledge.regions.find_in(question))
    if not keyword:
        if everything or _has(text, TOTAL_WORDS):
            return knowledge.total()
        if _has(text, LIST_WORDS):
            return knowledge.listing()
        return knowledge.help("質問の対象（地域名やキーワード）が見つかりませんでした。")
    if _has(text, TOTAL_WORDS):
        total = knowledge.total(keyword=keyword)
        if total.count:
            return total
    found = knowledge.search(keyword)
    if found.count:
        return found
    return knowledge.help(f"「{keyword}」に当てはまる地域や施策は見つかりませんでした。")
