"""Question understanding: what a teammate asks in chat, as an explainable structure.

Deterministic: it looks for region names (every spelling the resolver accepts, several in one
question), a project named in 「」 or with プロジェクト, cue words for the intent (合計, 一覧,
何件, 一番, 比べ, 平均 ... and their English counterparts), a number (上位3件, top 5), and keeps
what is left as the topic keyword. Particles, polite endings, punctuation, width and kana
script do not change the result. The result says what it understood in one line, so a reader
can catch a misunderstanding.
"""

from __future__ import annotations

import re
import unicodedata

from knowledge.answers import Intent, RankBy, RankOrder, Scope, Understanding
from knowledge.normalize import fold, fold_mapped
from knowledge.regions import Region, RegionResolver
from knowledge.words import content_words, without_markup

INTENT_LABEL: dict[str, str] = {
    "total": "合計",
    "breakdown": "内訳",
    "list": "一覧",
    "count": "件数",
    "rank": "ランキング",
    "compare": "比較",
    "average": "平均",
    "median": "中央値",
    "search": "検索",
    "about": "データの概要",
    "help": "使い方",
}


def _cues(words: str, *phrases: str) -> tuple[str, ...]:
    """Cue words, folded like the questions they are looked for in; phrases keep their spaces."""
    return tuple(fold(w) for w in (*words.split(), *phrases))


HELP = _cues("help ヘルプ 使い方 つかいかた はじめに 何ができる なにができる")
ABOUT = _cues("このデータ データについて 出典 概要 about dataset")
COMPARE = _cues("比較 比べ くらべ 違い ちがい 差 vs compare versus difference")
RANK = _cues(
    "一番 いちばん 最も もっとも 最大 最小 上位 下位 ランキング 大きい 小さい 多い 少ない "
    "高い 低い トップ top largest smallest biggest most least highest lowest"
)
SMALLEST = _cues("最小 小さい 少ない 下位 低い smallest least lowest")
AVERAGE = _cues("平均 へいきん average mean")
MEDIAN = _cues("中央値 ちゅうおうち median")
COUNT = _cues("何件 なんけん いくつ 件数 施策数 事業数 何個 幾つ 何本 数は count", "how many")
LIST = _cues("一覧 いちらん 全部 ぜんぶ すべて 全て リスト 見せて みせて list show")
BREAKDOWN = _cues("内訳 うちわけ 振興局別 振興局ごと 地域別 地域ごと breakdown", "by region")
TOTAL = _cues(
    "合計 ごうけい 予算 よさん いくら 幾ら 総額 金額 費用 total budget sum cost yosan gokei ikura",
    "how much",
)
PROJECT = _cues("プロジェクト project")
BY_AREA = _cues("連携地域 area areas")
BY_SUBPREFECTURE = _cues("振興局 subprefecture subprefectures 地域 region regions")
BY_MEASURE = _cues("施策 事業 measure measures")
ONE = _cues("一番 いちばん 最も もっとも 最大 最小")

ENGLISH_STOP = frozenset(
    "what whats is are the a an of for in on at to and or with show me list all total budget "
    "budgets measures measure projects project compare between vs versus top largest smallest "
    "biggest most least highest lowest average mean median count how much many please tell "
    "about which where give do does there any by region regions area areas subprefecture "
    "subprefectures per each from than more less no wa ha".split()
)
REGION_SUFFIXES = frozenset("管内 振興局 総合振興局 地域 連携地域 広域 地方 エリア".split())
"""What is left of 空知管内 or 十勝地域 once the region's name is cut out."""
SINGULAR = _cues("largest biggest smallest highest lowest")
PLURALS = re.compile(r"\b(?:measures|subprefectures|areas|regions|projects)\b")
_NUMBER = re.compile(r"(?<!\d)\d{1,3}(?!\d)")
_QUOTED = re.compile(r"「([^」]+)」")
_KANJI_NUMBERS = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_KANJI_COUNT = re.compile(r"([一二三四五六七八九十])(?:つ|件|個|位|番)")


def _has(text: str, cues: tuple[str, ...]) -> bool:
    return any(cue in text for cue in cues)


def _number(question: str) -> int | None:
    """上位3件, top 5, 五つ: a count asked for (at most three digits, so no id or year)."""
    text = unicodedata.normalize("NFKC", without_markup(question))
    if match := _NUMBER.search(text):
        return int(match.group())
    if match := _KANJI_COUNT.search(text):
        return _KANJI_NUMBERS[match.group(1)]
    return None


def _singular(text: str) -> bool:
    """English "largest subprefecture" asks for one; "largest areas" or "top" for several."""
    return _has(text, SINGULAR) and "top" not in text and not PLURALS.search(text)


def _rank_kind(text: str) -> RankBy:
    if _has(text, BY_AREA):
        return "area"
    if _has(text, BY_MEASURE):
        return "measure"
    if _has(text, BY_SUBPREFECTURE):
        return "subprefecture"
    return "measure"


def _scope(region: Region) -> Scope:
    return Scope(kind=region.kind, name=region.name, full_name=region.full_name, area=region.area)


def _without_region_names(question: str, resolver: RegionResolver) -> str:
    """The question with the regions' own names taken out, so they are not read as topics."""
    text = question
    for region in [*resolver.regions, resolver.everything]:
        for name in sorted({region.name, region.full_name}, key=len, reverse=True):
            text = text.replace(name, " ")
    return text


_ALL_CUES = tuple(
    sorted(
        {
            *RANK,
            *COUNT,
            *LIST,
            *BREAKDOWN,
            *AVERAGE,
            *MEDIAN,
            *COMPARE,
            *TOTAL,
            *HELP,
            *ABOUT,
            *BY_AREA,
            *BY_SUBPREFECTURE,
            *BY_MEASURE,
        },
        key=len,
        reverse=True,
    )
)
_COUNTER = re.compile(r"^[\d一二三四五六七八九十]*(?:つ|件|個|位|番|件目|番目|本)?$")
_LEFTOVER = re.compile(r"^[\u3041-\u3096]{1,2}$|^[\u3041-\u3096]*(?:い|な|て|た|で|る)$|^[順数]$")


def _strip(word: str, needles: list[str]) -> str:
    """The word without the cue words and region names inside it (一番大きい -> '',
    そらちの -> 'の'), found in its folded form and cut from the word as written."""
    folded = fold_mapped(word)
    drop = [False] * len(word)
    for needle in needles:
        for match in re.finditer(re.escape(needle), folded.text):
            for index in folded.origin[match.start() : match.end()]:
                drop[index] = True
    return "".join(c for c, gone in zip(word, drop, strict=True) if not gone).strip()


def topic_words(question: str, resolver: RegionResolver) -> str:
    """The content words of a question once region names, cue words and English filler go."""
    text = _QUOTED.sub(" ", _without_region_names(question, resolver))
    needles = sorted({*_ALL_CUES, *resolver.surfaces()}, key=len, reverse=True)
    words = []
    for raw in content_words(text).split():
        if fold(raw).isascii() and fold(raw) in ENGLISH_STOP:
            continue
        if resolver.try_resolve(raw) is not None:
            continue
        word = _strip(raw, needles)
        if (
            not word
            or _COUNTER.match(unicodedata.normalize("NFKC", word))
            or _LEFTOVER.match(word)
            or word in REGION_SUFFIXES
        ):
            continue
        words.append(word)
    return " ".join(words)


def _summary(u: Understanding) -> str:
    """対象: 空知総合振興局 ・ 集計: 合計 — what was understood, in one line."""
    targets = [r.full_name for r in u.regions]
    if u.project:
        targets.append(f"「{u.project}」")
    if u.keyword:
        targets.append(f"キーワード「{u.keyword}」")
    target = "・".join(targets) or "全道"
    label = INTENT_LABEL[u.intent]
    if u.intent == "rank" and u.by and u.order:
        what = {"measure": "施策", "subprefecture": "振興局", "area": "連携地域"}[u.by]
        direction = "大きい順" if u.order == "largest" else "小さい順"
        label = f"{what}の{direction}（上位{u.n}件）" if u.n else f"{what}の{direction}"
    return f"対象: {target} ・ 集計: {label}"


def _intent(
    text: str, *, regions: list[Scope], keyword: str | None, named: bool, mentioned: bool
) -> Intent:
    """The intent from the cue words; the first rule that fits wins."""
    asks_about_data = not regions and not keyword
    rules: list[tuple[bool, Intent]] = [
        (not text.strip() or (_has(text, HELP) and asks_about_data), "help"),
        (_has(text, ABOUT) and asks_about_data, "about"),
        (len(regions) >= 2 and not _has(text, RANK), "compare"),
        (_has(text, RANK), "rank"),
        (_has(text, MEDIAN), "median"),
        (_has(text, AVERAGE), "average"),
        (_has(text, COUNT), "count"),
        (_has(text, LIST), "list"),
        (_has(text, BREAKDOWN), "breakdown"),
        (bool(keyword) and not _has(text, TOTAL) and not named, "search"),
        (bool(regions or named or keyword) or _has(text, TOTAL) or mentioned, "total"),
    ]
    return next((intent for fits, intent in rules if fits), "help")


def understand(question: str, resolver: RegionResolver, projects: list[str]) -> Understanding:
    """The intent, regions, project, keyword and numbers of a question."""
    text = fold(question)
    mentions = resolver.find_in(question)
    regions: list[Scope] = []
    for mention in mentions:
        scope = _scope(mention.region)
        if mention.region.kind != "all" and scope not in regions:
            regions.append(scope)
    keyword = topic_words(question, resolver) or None
    named = _projects(question, text, keyword, projects)
    project = named[0] if len(named) == 1 else None
    if named:
        keyword = None
    n = _number(question)
    intent = _intent(
        text, regions=regions, keyword=keyword, named=bool(named), mentioned=bool(mentions)
    )
    by: RankBy | None = None
    order: RankOrder | None = None
    if intent == "rank":
        by, order = _rank_kind(text), ("smallest" if _has(text, SMALLEST) else "largest")
        n = n or (1 if _has(text, ONE) or _singular(text) else None)
    understood = Understanding(
        intent=intent,
        regions=regions,
        keyword=keyword,
        project=project,
        n=n,
        by=by,
        order=order,
        project_candidates=named if len(named) > 1 else [],
    )
    return understood.model_copy(update={"summary": _summary(understood)})


def _projects(question: str, text: str, keyword: str | None, projects: list[str]) -> list[str]:
    """Projects named in 「」, or by part of their name next to the word プロジェクト."""
    candidates = [m.group(1) for m in _QUOTED.finditer(question)]
    if _has(text, PROJECT) and keyword:
        candidates.append(keyword)
    for candidate in candidates:
        wanted = fold(candidate)
        matching = list(dict.fromkeys(name for name in projects if wanted and wanted in fold(name)))
        if matching:
            return matching
    return []
