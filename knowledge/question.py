"""Reading a question into pieces, each with the span it came from.

A question is folded once (width, case, kana script: ｿﾗﾁ = ソラチ = そらち), then each kind of
piece claims its part of the text in turn: names of measures and projects, quoted names,
fiscal years, budget ranges and amounts, regions, counts and ordinals, cue words (operations,
units, order, markers such as のうち or 以外). What no piece claims is split into words; filler
(particles, polite endings, question words) goes, and the rest are topic words. So every part
of a question is accounted for: used by a piece, dropped as filler, or a topic to look for.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from knowledge.normalize import fold, is_hiragana
from knowledge.operations import operation_cues
from knowledge.quantities import (
    Amount,
    AmountRange,
    RangePiece,
    Span,
    YearPiece,
    find_counts,
    find_ranges,
    find_years,
)
from knowledge.regions import Region, RegionResolver
from knowledge.words import CHAT_MARKUP

PieceKind = Literal[
    "filler",
    "region",
    "measure",
    "project",
    "partial",
    "quoted",
    "range",
    "amount",
    "count",
    "ordinal",
    "year",
    "cue",
]


@dataclass(frozen=True)
class Piece:
    """A recognised part of the question: what it is, where, and its value."""

    kind: PieceKind
    span: Span
    text: str
    region: Region | None = None
    name: str | None = None
    """The full name of a measure or project, or a cue's name."""
    range: AmountRange | None = None
    guessed_unit: bool = False
    number: int | None = None
    year: YearPiece | None = None
    amount: Amount | None = None


def _cues(phrases: str) -> tuple[str, ...]:
    """Cue phrases separated by |, folded as the questions they are looked for in."""
    return tuple(
        sorted({fold(p.strip()) for p in phrases.split("|") if p.strip()}, key=len, reverse=True)
    )


# Cue words, by what they signal.
CUES: dict[str, tuple[str, ...]] = {
    # each operation's own cue words (knowledge/operations.py), then the words for direction,
    # unit and the markers every operation shares
    **{name: _cues(phrases) for name, phrases in operation_cues().items()},
    # directions
    "largest": _cues(
        "多い | 大きい | 高い | でかい | でっかい | 上 | 上から | 大きめ | 多め | 高め | 高額 | "
        "多額 | かかって | かかってる | おおきい | おおい | たかい | largest | biggest | most | "
        "highest | top | bigger | larger | more | max | expensive | costliest"
    ),
    "smallest": _cues(
        "少ない | 小さい | ちいさい | ちっちゃい | ちっさい | 低い | しょぼい | 安い | 下位 | "
        "最下位 | ビリ | ワースト | 最小 | 最低 | 最少 | 最安 | 下から | 小さめ | 少なめ | 低め | "
        "少額 | "
        "低額 | すくない | ひくい | "
        "smallest | least | lowest | bottom | worst | less | min | fewest | cheapest | smaller | "
        "lower | fewer | cheaper"
    ),
    # units
    # 施作: a typo; メニュー, 取り組み: what a team calls its measures
    "unit_measure": _cues("施策 | 事業 | 施作 | measure | measures | item | メニュー"),
    "unit_project": _cues("プロジェクト | project | projects | ぷろじゃくと | PJ"),
    "unit_subprefecture": _cues(
        "振興局 | 局 | 管内 | subprefecture | subprefectures | どの地域 | region | regions | "
        "bureau | bureaus | offices | shinkokyoku | shinkoukyoku | subprefectural bureaus | "
        "subprefectural bureau | subprefectural | subpref | subprefs | sub | subs"
    ),
    "unit_area": _cues(
        "連携地域 | れんけいちいき | renkei chiiki | renkeichiiki | cooperation area | "
        "cooperation areas | area | areas | エリア"
    ),
    # markers (the whole of a share, an exclusion, a name)
    "whole": _cues(
        "全体 | 全道 | 北海道全体 | 北海道 | 道内 | the total | overall | all of hokkaido | "
        "hokkaido | whole | 全部で"
    ),
    "within": _cues(
        "のうち | の中で | のなかで | の中 | のなか | 内で | 内 | に占める | における | の何 | "
        "うち | within"
    ),
    "except": _cues(
        "以外 | を除く | を除いた | を除いて | except | excluding | other than | "
        "outside | apart from | aside from | じゃない | じゃなく | ではない | ではなく | "
        "付かない | つかない | 付いてない | "
        "ついてない | 付いていない | ついていない"
    ),
    "name": _cues("名前 | 施策名 | 事業名 | 名称 | name | named | 名前に"),
    "bot": _cues(
        "このボット | こちらのボット | ボット | このbot | bot | this bot | the bot | chatbot"
    ),
    # how to ask: a question about asking, whatever it names (振興局ごとの金額はどう聞けば？)
    "asking": _cues(
        "どう聞け | どう聞い | どうやって聞 | どんなふうに聞 | 聞き方 | 聞けばいい | "
        "聞いたらいい | 聞けば答え | どんなことを聞 | どんなこと聞 | 何を聞けば | なにを聞けば | "
        "どう質問 | "
        "質問の仕方 | 質問すれば | 質問したら | 聞くこともできる | 聞くことはできる | "
        "聞くことができる | 聞くことってできる | 条件をつけて聞 | 条件付きで聞 | how can i use | "
        "how do i use | how to use | what kind of question | what kinds of question | "
        "how should i ask | how do i ask | what can i ask"
    ),
    # what the table is: its year, its unit, what it holds, whatever it names (炭鉱の記憶とか載って
    # るけど、この表っていつの年度の予算？)
    "about_table": _cues(
        "いつの年度 | 何年度の予算 | 何年度のデータ | 単位って何 | 単位はなに | 単位は何 | "
        "単位ってなに | 金額の単位 | 全部載って | 全部のって | 主なものだけ | 同じ意味 | "
        "どういう意味 | って読めばいい | と読めばいい | 読み方 | which fiscal year | "
        "what fiscal year | what unit | coverage | 網羅 | 全部入って | 全部はいって"
    ),
}
_IN_ALL = frozenset(fold(w) for w in "全部 ぜんぶ すべて 全て".split())
"""List cues that also mean "in all" (全部で, すべて合計); 一覧で still asks for a list."""
_IN_ALL_AFTER = re.compile(r"\s?(?:で|込|こみ|を?(?:合計|合わせ|あわせ|足))")
"""What follows them when they mean "in all": 全部で, 全部込み, すべて合計."""
_MONEY_AFTER = re.compile(
    fold(r"\s*(?:億円|億|万円|千円|円|(?:yen|million|billion|thousand|oku|man)\b)")
)
_SOME = frozenset(fold(w) for w in "いくつ 幾つ".split())
_SOME_AFTER = re.compile(r"か(?!な|ね|しら|\s*[?？。.]|\s*$)")
"""いくつかある, いくつか見せて: "some", not "how many" (いくつかな？, いくつか？ still ask)."""
_SHARE_VERB = re.compile(r"\b(?:and\s+[a-z]+|they|both|we|all)\s*\|(?!\s*(?:of|in|within|for)\b)")
"""the project that Kushiro and Nemuro share: a verb after its subjects, not a share of."""
_LATIN = re.compile(r"^[a-z0-9 %+.'-]+$")


@dataclass
class Reading:
    """A question as read: its folded text, what claimed which part, and what is left."""

    question: str
    text: str
    """The question, NFKC, without chat markup."""
    folded: str
    taken: list[bool]
    pieces: list[Piece] = field(default_factory=list)
    named: list[bool] = field(default_factory=list)
    """Claimed by anything but a cue word: cue words may overlap each other (少ない順 is a
    ranking and says which way), never a name or a number."""

    def claim(self, piece: Piece) -> None:
        if not self.named:
            self.named = [False] * len(self.taken)
        for index in range(piece.span.start, piece.span.end):
            self.taken[index] = True
            if piece.kind != "cue":
                self.named[index] = True
        self.pieces.append(piece)

    def free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def free_of_names(self, start: int, end: int) -> bool:
        return not self.named or not any(self.named[start:end])

    def of(self, kind: PieceKind) -> list[Piece]:
        return sorted((p for p in self.pieces if p.kind == kind), key=lambda p: p.span.start)

    def cues(self, name: str) -> list[Piece]:
        return [p for p in self.of("cue") if p.name == name]

    def has(self, name: str) -> bool:
        return any(p.name == name for p in self.pieces if p.kind == "cue")


def normalised(question: str) -> str:
    return CHAT_MARKUP.sub(" ", unicodedata.normalize("NFKC", question))


def read(
    question: str,
    resolver: RegionResolver,
    *,
    projects: list[str],
    measures: list[str],
) -> Reading:
    """The pieces of a question (see the module's docstring for the order they claim in)."""
    text = normalised(question)
    folded = fold(text)
    if len(folded) != len(text):  # ß -> ss: fold letter by letter, keeping one for one
        folded = "".join(f if len(f := fold(c)) == 1 else c for c in text)
    reading = Reading(question, text, folded, [False] * len(folded))
    _names(reading, measures, "measure")
    _names(reading, projects, "project")
    _fillers(reading)
    _english_words(reading)
    for year in find_years(reading.folded, reading.taken):
        reading.claim(Piece("year", year.span, year.text, year=year))
    ranges, amounts = find_ranges(reading.folded, reading.taken)
    for found in ranges:
        reading.claim(_range_piece(reading, found))
    for amount in amounts:
        reading.claim(
            Piece(
                "amount",
                amount.span,
                reading.folded[amount.span.start : amount.span.end],
                amount=amount,
            )
        )
    _regions(reading, resolver)
    _partial_names(reading, measures, projects)
    _quoted(reading, projects, measures)
    for checked in _PROPORTION_CHECK.finditer(reading.folded):
        # 全体の4割超えてる？, 道南の2倍以上ある？: a share or ratio checked, which the share or
        # ratio answers (the number is no count and no condition on measures)
        at = Span(checked.start(), checked.end())
        if reading.free(at.start, at.end):
            name = "ratio" if checked.group(1) == "倍" else "share"
            reading.claim(Piece("cue", at, checked.group(), name=name))
    for count in find_counts(reading.folded, reading.taken):
        if _ORDER_FIRST.search(reading.folded[: count.span.start]) and count.value == 1:
            continue  # largest first: an order, not the first one
        count_check = _COUNT_CHECK.match(reading.folded, count.span.end)
        if (
            count_check is not None
            and not count.ordinal
            and not _RANK_BEFORE.search(reading.folded[: count.span.start])
        ):
            # 10件以上ある？: a check of how many there are, which the count answers
            end = count_check.end()
            span = Span(count.span.start, end)
            reading.claim(Piece("cue", span, reading.folded[span.start : end], name="count"))
            continue
        kind: PieceKind = "ordinal" if count.ordinal else "count"
        reading.claim(
            Piece(
                kind,
                count.span,
                reading.folded[count.span.start : count.span.end],
                number=count.value,
            )
        )
    _cue_words(reading)
    return reading


_ORDER_FIRST = re.compile(r"\b(?:largest|biggest|smallest|highest|lowest)\s*$")


def _range_piece(reading: Reading, found: RangePiece) -> Piece:
    return Piece(
        "range",
        found.span,
        reading.folded[found.span.start : found.span.end],
        range=found.range,
        guessed_unit=found.guessed_unit,
    )


_QUOTES = re.compile(r"[「『\"“]([^」』\"”]+)[」』\"”]")


def _quoted(reading: Reading, projects: list[str], measures: list[str]) -> None:
    """「きた北海道」: a project or a measure named in part, or else words to look for."""
    name_said = any(
        fold(cue) in reading.folded
        for cue in ("名前", "施策名", "事業名", "名称", "name", "keyword", "キーワード", "言葉")
    )  # 「人材」がkeywordで: words to look for, though a project's name holds 「多様な人材…」
    for match in _QUOTES.finditer(reading.folded):
        inner = match.group(1).strip()
        # a quote split into several parts of names (「食と観光 | ひやまの魅力」) is one name
        split = [
            p
            for p in reading.of("partial")
            if match.start() <= p.span.start and p.span.end <= match.end()
        ]
        if len(split) < 2 or not _free_but(reading, split, match.start(), match.end()):
            split = []
        if not inner or not (split or reading.free(match.start(), match.end())):
            continue
        for piece in split:
            _release(reading, piece)
        span = Span(match.start(), match.end())
        in_measures = _named(inner, measures)
        in_projects = _named(inner, projects)
        inner = reading.text[span.start + 1 : span.end - 1].strip()
        if name_said:
            reading.claim(Piece("quoted", span, inner))
        elif len(in_measures) == 1 and not in_projects:
            reading.claim(Piece("measure", span, inner, name=in_measures[0]))
        elif in_projects and (len(in_projects) == 1 or not in_measures):
            # several projects fit: the planner offers them as choices
            reading.claim(
                Piece(
                    "project",
                    span,
                    reading.text[span.start + 1 : span.end - 1],
                    name="\n".join(in_projects),
                )
            )
        else:
            reading.claim(Piece("quoted", span, inner))


def _named(part: str, names: list[str]) -> list[str]:
    wanted = fold(part)
    exact = [n for n in names if fold(n) == wanted]
    return exact or [n for n in names if wanted in fold(n)]


def _names(reading: Reading, names: list[str], kind: PieceKind) -> None:
    """Full measure and project names typed as they are in the table."""
    for name in sorted(set(names), key=len, reverse=True):
        key = fold(name)
        if len(key) < 4:
            continue
        start = reading.folded.find(key)
        while start != -1:
            end = start + len(key)
            if reading.free(start, end):
                reading.claim(Piece(kind, Span(start, end), key, name=name))
            start = reading.folded.find(key, end)


PARTIAL_NAME_CHARS = 3
PROJECT_PART_CHARS = 6
"""A shorter part of a project's name (首都圏) is that project only next to プロジェクト."""
_BEFORE_PROJECT = re.compile(rf"^\W?の?\s*(?:{fold('プロジェクト')}|project)")
PARTIAL_NAME_LIMIT = 5000
"""Looking for parts of names costs time with the number of names: beyond this many, only
full names and quoted parts are recognised."""


def _quoted_apart(text: str, start: int, keys: list[tuple[str, str, str]]) -> bool:
    """根室の「食と観光」: a quotation that opens here and, brackets and all, is in no name."""
    if text[start : start + 1] not in ("「", "『"):
        return False
    closing = text.find("」" if text[start] == "「" else "』", start)
    quoted = text[start : closing + 1]
    return closing > 0 and not any(quoted in key for key, _, _ in keys)


_SUFFIX_APART = re.compile(fold(r"\s*(?:総合)?振興局(?!ごと|別|単位)|\s*エリア(?!ごと|別)"))
"""Soya 振興局, ねむろ振興局, 道南エリア: the region's own suffix, typed apart or after a name
read by its sound, asks for no unit."""
_AREA_SUFFIX = re.compile(fold(r"\s*エリア(?!ごと|別)"))
"""道央 振興局 is the 振興局 of 道央, not its suffix; 道南エリア is 道南."""


def _partial_names(reading: Reading, measures: list[str], projects: list[str]) -> None:
    """かみかわツーリズム, オロロンライン, きた北海道: a part of exactly one measure's name (or
    one project's), at least three letters, that may hold a region's name inside it. A project
    so named is that project; a measure's part is kept as words to look for ("partial")."""
    if len(measures) + len(projects) > PARTIAL_NAME_LIMIT:
        return
    keys = [(fold(m), m, "measure") for m in measures] + [(fold(p), p, "project") for p in projects]
    longest = max((len(key) for key, _, _ in keys), default=0)
    text = reading.folded
    regions = reading.of("region")
    start = 0
    while start < len(text):
        best: tuple[int, str, PieceKind] | None = None
        # 根室の「食と観光」の事業: a quoted word is read as one, not as a name's start
        ends = (
            ()
            if _quoted_apart(text, start, keys)
            else range(min(len(text), start + longest), start + PARTIAL_NAME_CHARS - 1, -1)
        )
        for end in ends:
            if not _free_but(reading, regions, start, end):
                continue
            part = text[start:end]
            if not _partial_shape(part) or _cuts_a_word(text, start, end):
                continue
            owners = [(name, kind) for key, name, kind in keys if part in key]
            measures_of = [n for n, k in owners if k == "measure"]
            projects_of = [n for n, k in owners if k == "project"]
            if len(measures_of) == 1 and not projects_of:
                best = (end, measures_of[0], "measure")
            elif len(projects_of) == 1 and not measures_of:
                best = (end, projects_of[0], "project")
            if owners:
                break
        inside = [p for p in regions if best and start <= p.span.start and p.span.end <= best[0]]
        covered = sum(p.span.end - p.span.start for p in inside)
        if best is not None and best[0] - start - covered >= PARTIAL_NAME_CHARS:
            end, name, kind = best
            shorter = text[start : end - 1]
            if (
                reading.text[end - 1] in "のをがはとで"
                and len(shorter) - covered >= PARTIAL_NAME_CHARS
                and [n for key, n, _ in keys if shorter in key] == [name]
            ):
                end -= 1  # ジオパークの事業: the name's part without the particle after it
            for piece in inside:
                _release(reading, piece)
            project = kind == "project" and (
                end - start >= PROJECT_PART_CHARS
                or _BEFORE_PROJECT.match(text[end : end + 10]) is not None
            )
            found: PieceKind = "project" if project else "partial"
            reading.claim(Piece(found, Span(start, end), reading.text[start:end], name=name))
            start = end
        else:
            start += 1


_PARTIAL_EDGES = tuple("のをはがにでともやへ")
_NOT_PARTS = frozenset(
    fold(w) for w in "エリア 地域 管内 振興局 予算 合計 事業 施策 プロジェクト".split()
)


def _cuts_a_word(text: str, start: int, end: int) -> bool:
    """orma of format is no part of New Normal: a Latin part begins and ends on word edges."""

    def latin(index: int) -> bool:
        return 0 <= index < len(text) and text[index].isascii() and text[index].isalnum()

    return (latin(start) and latin(start - 1)) or (latin(end - 1) and latin(end))


def _partial_shape(part: str) -> bool:
    """A part of a name worth reading as one: three kanji or four letters, no spaces or
    punctuation, not starting or ending on a particle, not a generic word (エリア, 予算)."""
    if re.search(r"[\s、。？?!！,.]", part) or part.startswith(_PARTIAL_EDGES):
        return False
    if (part.endswith(_PARTIAL_EDGES) and len(part) < PROJECT_PART_CHARS) or part in _NOT_PARTS:
        return False
    if "予算" in part:
        return False
    kanji = all("\u4e00" <= c <= "\u9fff" for c in part)
    return len(part) >= (PARTIAL_NAME_CHARS if kanji else PARTIAL_NAME_CHARS + 1)


def _free_but(reading: Reading, regions: list[Piece], start: int, end: int) -> bool:
    """Free, or taken only by the given pieces (region names, parts of names) inside the span."""
    for index in range(start, end):
        if reading.taken[index] and not any(
            start <= p.span.start and p.span.end <= end and p.span.start <= index < p.span.end
            for p in regions
        ):
            return False
    return True


def _release(reading: Reading, piece: Piece) -> None:
    reading.pieces.remove(piece)
    for index in range(piece.span.start, piece.span.end):
        reading.taken[index] = False
        reading.named[index] = False


_FILLER_PHRASES = tuple(
    fold(p)
    for p in sorted(
        (
            "at least one", "at least 1", "one of", "any of", "each of", "all of the", "which one",
            "is budgeted", "budgeted", "in this table", "in the table",
            "this table", "the table", "in the tables", "in these tables", "the tables",
            "in this data", "according to", "千円単位", "万円単位",
            "円単位", "単位で", "in thousand yen", "in thousands of yen",
            "打ち合わせ", "打合せ", "打ち合せ", "うちあわせ",  # a meeting: no 合わせ of a sum
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
_GLOSS = re.compile(r"(?<=[^\x00-\x7f])\s*\(([\x00-\x7f]+)\)")
"""ニシン (herring): an English gloss after a Japanese word says nothing more."""
_JAPANESE_GLOSS = re.compile(r"([a-z][a-z\-]*(?:\s+[a-z][a-z\-]*)?)\s*\(([^\x00-\x7f]{1,12})\)")
"""students (学生): the Japanese in brackets is the word the table has; the English goes. A
bracket with hiragana as typed (project (振興局をまたいで合算)) is an aside, not a gloss."""
_HIRAGANA = re.compile(r"[\u3040-\u309f]")
_UNIT_GLOSSES = frozenset(fold(w) for w in "振興局 総合振興局 連携地域 管内 地域 エリア".split())


def _fillers(reading: Reading) -> None:
    """Phrases that carry no question (at least one, in this table) and glosses in brackets
    (ニシン (herring), ramen (ラーメン)): claimed so that nothing reads them as a cue or topic."""
    for phrase in _FILLER_PHRASES:
        for match in re.finditer(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", reading.folded):
            if reading.free(*match.span()):
                reading.claim(Piece("filler", Span(*match.span()), match.group()))
    for match in _GLOSS.finditer(reading.folded):
        if reading.free(*match.span()):
            reading.claim(Piece("filler", Span(*match.span()), match.group()))
    for match in _JAPANESE_GLOSS.finditer(reading.folded):
        english = Span(match.start(1), match.start(2))
        inside = reading.text[match.start(2) : match.end(2)]
        if _HIRAGANA.search(inside) or fold(inside) in _UNIT_GLOSSES:
            continue  # Nemuro (振興局): the kind of place named, not its translation
        if reading.free(english.start, english.end):
            reading.claim(Piece("filler", english, match.group(1)))


GLOSSARY = Path(__file__).parent / "data" / "glossary.toml"


@functools.cache
def _glossary() -> tuple[tuple[re.Pattern[str], str], ...]:
    """English phrases (data/glossary.toml), longest first, with the Japanese they stand for
    (a plural as the word: geoparks)."""
    words: dict[str, str] = tomllib.loads(GLOSSARY.read_text(encoding="utf-8"))["words"]
    return tuple(
        (re.compile(rf"(?<![a-z]){re.escape(fold(english))}(?:s|es)?(?![a-z])"), japanese)
        for english, japanese in sorted(words.items(), key=lambda item: -len(item[0]))
    )


def _english_words(reading: Reading) -> None:
    """Kita-Hokkaido, the space industry, herring: English for the table's own words, kept as
    those words to look for (a quoted piece whose text is the Japanese)."""
    if not reading.folded.isascii() and not re.search(r"[a-z]{3}", reading.folded):
        return
    for pattern, japanese in _glossary():
        for match in pattern.finditer(reading.folded):
            if reading.free(*match.span()):
                reading.claim(Piece("quoted", Span(*match.span()), japanese))


_WORD_BEFORE = re.compile(r"[\u3041-\u3096]")
_PARTICLE_BEFORE = frozenset("のとやはがにでもをへかつ")
_ENDING_AFTER = re.compile(r"(?:けど|けれど|な|ね|ん|ろ|わ|し|か(?!ら))")


def _inside_a_phrase(reading: Reading, start: int, end: int) -> bool:
    """少なそうやけど, 差ありそうやな: a name typed in hiragana that is the end of another word
    (そう of 少なそう) followed by a sentence ending is no region."""
    before = reading.text[start - 1 : start]
    return (
        is_hiragana(reading.text[start:end])
        and bool(_WORD_BEFORE.fullmatch(before))
        and before not in _PARTICLE_BEFORE
        and _ENDING_AFTER.match(reading.text, end) is not None
    )


def _regions(reading: Reading, resolver: RegionResolver) -> None:
    for start, end, region in resolver.spans_in(reading.folded):
        if reading.free(start, end) and not _inside_a_phrase(reading, start, end):
            reading.claim(
                Piece("region", Span(start, end), reading.folded[start:end], region=region)
            )
            apart = _SUFFIX_APART if region.kind == "subprefecture" else _AREA_SUFFIX
            suffix = apart.match(reading.folded, end) if region.kind != "all" else None
            if suffix is not None and suffix.end() > end:
                # Soya 振興局: the name's own suffix, typed apart, is no unit asked for
                reading.claim(Piece("filler", Span(end, suffix.end()), suffix.group()))


_PROPORTION_CHECK = re.compile(
    r"[\d.]+\s*(割|%|パーセント|倍)\s*(?:以上|以下|未満|超え?|近く)?\s*"
    r"(?:ある|あり|いく|いって|超え|こえ|行く|行って|てる|ている|も)"
)
_COUNT_CHECK = re.compile(
    r"\s*(?:以上|以下|未満|超え?|より(?:多|少な)く|も|くらい|ぐらい|ほど)?\s*"
    r"(?:ある|あり|いく|いって|超え|こえ|行く|行って|だけ|しかない)"
)
"""300万円超えの施策って10件以上ある？: the number is what the count is checked against."""
_TOP = frozenset({fold("トップ"), "top"})
_RANK_BEFORE = re.compile(r"(?:上位|下位|トップ|top|ベスト|best|ワースト|worst)\s*$")
BUDGET_WORDS = frozenset(
    fold(w) for w in "予算 よさん 金額 予算額 事業費 経費 費用 budget money cost".split()
)
"""Total cues that name the budget without asking for an amount (予算の単位は？, 予算7,000千円)."""
_ONE_KANJI = re.compile(r"[\u4e00-\u9fff]")


def _inside_words(text: str) -> tuple[set[int], set[int]]:
    """Offsets of letters inside a longer word of `text` with a kanji in it: every letter (the
    内 of 内容, the 別 of 特別), and every one but the first (the 合わせ of 組み合わせた)."""
    from knowledge.reading import CONTENT_WORDS  # noqa: PLC0415 - the reader loads a dictionary

    words = [(b, e) for b, e in CONTENT_WORDS.words(text) if e - b > 1]
    every = {i for b, e in words for i in range(b, e)}
    later = {i for b, e in words if _ONE_KANJI.search(text[b:e]) for i in range(b + 1, e)}
    return every, later


@functools.cache
def _cue_patterns() -> tuple[tuple[str, str, bool, re.Pattern[str]], ...]:
    """Every cue phrase with its name and pattern, longest first, compiled once: there are more
    of them than re's own cache holds, so compiling per question cost most of its reading."""
    every = sorted(
        ((phrase, name) for name, phrases in CUES.items() for phrase in phrases),
        key=lambda item: len(item[0]),
        reverse=True,
    )
    compiled = []
    for phrase, name in every:
        latin = bool(_LATIN.match(phrase))
        pattern = (
            re.compile(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])")
            if latin
            # そうや の 施策 の 数: typed with spaces between the words, the same cue
            else re.compile(r"[ \u3000]?".join(map(re.escape, phrase)))
        )
        compiled.append((phrase, name, latin, pattern))
    return tuple(compiled)


def _says_something_else(reading: Reading, name: str, phrase: str, start: int, end: int) -> bool:
    """A cue phrase that, where it stands, is part of something else."""
    before, after = reading.folded[:start], reading.folded[end:]
    return bool(
        # トップの施策: the one at the top, not a ranking
        (name == "rank" and phrase in _TOP and after[:1] == "の")
        # うちゅう (宇宙) is not のうち
        or (phrase == "うち" and after[:2] == "ゆう")
        # この数字のソース: 数字 is a figure, not a count
        or (phrase == "の数" and after[:1] in ("字", "値"))
        # いくつかある, 例をいくつか: "some", not "how many"
        or (
            phrase in _SOME
            and (_SOME_AFTER.match(after) or (after[:1] == "か" and before[-1:] == "を"))
        )
        # how many 億円, how many million yen: an amount, not a count
        or (phrase == "how many" and _MONEY_AFTER.match(after))
        # what do the columns mean? asks what, not an average
        or (phrase == "mean" and re.match(r"\s*(?:[?？.]|$)", after))
        # 全部で, すべて合計, 全部込み: "in all", not "list them all"
        or (name == "list" and phrase in _IN_ALL and _IN_ALL_AFTER.match(after[:5]))
    )


def _cue_words(reading: Reading) -> None:
    """Cue words, longest first, each where nothing else claimed it (Latin ones as words)."""
    inside, later = _inside_words(reading.text)
    for phrase, name, latin, pattern in _cue_patterns():
        for match in pattern.finditer(reading.folded):
            start, end = match.span()
            inside_same = any(
                p.name == name and p.span.start <= start and end <= p.span.end
                for p in reading.pieces
                if p.kind == "cue"
            )
            if start in (inside if _ONE_KANJI.fullmatch(phrase) else later) and not latin:
                continue  # 内容, 案内, 特別, 組み合わせ: the letters are part of another word
            if phrase == "share" and _SHARE_VERB.search(
                f"{reading.folded[max(0, start - 16) : start]}|{reading.folded[end : end + 8]}"
            ):
                reading.claim(Piece("filler", Span(start, end), phrase))
                continue
            if _says_something_else(reading, name, phrase, start, end):
                continue
            if reading.free_of_names(start, end) and not inside_same:
                reading.claim(Piece("cue", Span(start, end), phrase, name=name))
    amounts = {p.span.start for p in reading.pieces if p.kind in ("amount", "range")}
    reading.pieces = [
        p
        for p in reading.pieces
        if not (
            p.kind == "cue"
            and p.name == "total"
            and p.text in BUDGET_WORDS
            and any(
                re.fullmatch(r"[\s:：がはの]?", reading.folded[p.span.end : start])
                for start in amounts
                if start >= p.span.end
            )
        )
    ]  # 予算7,000千円ちょうどの施策: the budget the range is of, not a total asked for
    for place in [p for p in reading.pieces if p.kind == "cue" and p.name == "where"]:
        # どちらの振興局 asks where, not which of two
        reading.pieces = [
            p
            for p in reading.pieces
            if not (
                p.kind == "cue"
                and p.name == "which"
                and place.span.start <= p.span.start
                and p.span.end <= place.span.end
            )
        ]
