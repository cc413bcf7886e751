"""Question understanding: a question becomes a query plan (knowledge/plan.py).

The reader (knowledge/question.py) finds the pieces; this module decides what they mean
together: which operation the cue words ask for (a share before a ratio before a difference
before a comparison …), what the filters are, which regions are the sides of a comparison or
the whole of a share (道北のうち上川), whether the sides are picked items (一番多い振興局と一番
少ない振興局), and the unit (施策, プロジェクト, 振興局, 連携地域). Whatever the plan cannot use —
a topic the table does not have, a number that fits nowhere, another fiscal year — is listed
as unplaced, and the router asks rather than answering another question.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import jaconv

from knowledge.answers import Scope, Understanding
from knowledge.engine import Knowledge
from knowledge.normalize import fold, is_hiragana
from knowledge.operations import Evidence, choose
from knowledge.plan import (
    UNIT_LABEL,
    OperationName,
    Order,
    Pick,
    QueryPlan,
    Selection,
    Side,
    Unit,
    Unplaced,
)
from knowledge.quantities import AmountRange, Span
from knowledge.question import BUDGET_WORDS, CUES, Piece, Reading, read
from knowledge.regions import Region
from knowledge.romaji import as_kana

if TYPE_CHECKING:
    from knowledge.reading import Reader

INTENT_OF: dict[str, str] = {
    "total": "total",
    "breakdown": "breakdown",
    "sum": "sum",
    "count": "count",
    "mean": "average",
    "median": "median",
    "pick": "rank",
    "rank": "rank",
    "share": "share",
    "compare": "compare",
    "difference": "difference",
    "ratio": "ratio",
    "list": "list",
    "where": "where",
    "search": "search",
    "about": "about",
    "help": "help",
}
"""The legacy `intent` of the JSON "understood" for each operation."""

FILLER = frozenset(
    fold(w)
    for w in (
        "確認ですが 確認 資料によると 資料 こちら この その あの これ それ どれ 何 なに なん "
        "主な 掲載 載って 載ってる 掲載されて 表 表に 中 各 額 分 方 ほう もの やつ こと 場合 "
        "実施 展開 取り組み 取組 関係 関連 関する 関わる 関連した 関係する 対象 ちなみに "
        "参加 参画 関与 携わって 携わる 道 "
        "ちなみ ざっくり だいたい 大体 約 ほど 程度 くらい ぐらい 位 ねえ ねぇ あと それぞれ 各々 "
        "それ以外 全 合計額 予算額 金額 値 数字 数値 総 計上 計上されて 規模 お金 金 かけてる "
        "かけて 使って 使ってる ついて 付いて 付いてる つい 予算規模 千円単位 万円単位 単位で "
        "教えていただけますか いただけますか いただけますでしょうか でしょうか ますか ですか "
        "ください 下さい お願い お願いします おねがい 知りたい 教えて おしえて 頂けますか "
        "ちょうだい ほしい 欲しい 見たい なってますか なっていますか なりますか なる なります "
        "いる ある あります ありますか あるの ある? する します してる している されている "
        "されて れる られる 的 ところ ところで ぜひ 一応 just please tell me can could you "
        "would i want to know what whats what's is are the a an of for in on at to and or with "
        "me list all give do does there any by from than no about which how it its this that "
        "these those be been get gets got has have had much many each per show let see us we "
        "our your my ok okay hi hello thanks thank yen budget budgets spend spent spending "
        "money figure figures amount amounts value values table data listed included including "
        "in total overall number numbers one ones item items entries entry will but also only "
        "just than then so if when who whom whose cost costs costing mention mentions "
        "mentioned involve involves involving related relate relating regarding concerning run "
        "runs running held counting count counted across all its their there's theres get got "
        "gotten receive receives received goes go going allocated allocation assigned spent "
        "measure's project's one's between combined together more less overall altogether each "
        "single 総合 ほか 他 以上の 比べると 比べて 対して 場合は ぜんぶで 全部で 合わせて"
    ).split()
)
FILLER |= frozenset(
    fold(w)
    for w in (
        "額 方 字 表 資料 テーマ 複数 分 名 主 お金 ぜんぶ 全部 年度 言及 あたり 当たり aimed aim "
        "mentioning deal deals dealing target targeting targeted focused focus grand related mean "
        "account accounts accounted "
        "means meaning 円 千円 万円 億円 単位 ぴったり 丁度 ちょうど exactly alone "
        "何円 何千円 何万円 何億円 なん円 なん千円 なん万円 なん億円 がらみ 絡み 付き つき 込み "
        "何億 何万 何千 なんおく なんまん なんぜん ひとつあたり 一つあたり 1つあたり 一件あたり "
        "1件あたり"
    ).split()
)
QUESTION_WORDS = frozenset(
    fold(w)
    for w in (
        # words about the asking or the table, never what the table is about
        "説明 ご説明 解説 確認 担当 担当して 言葉 英語 日本語 用 両 両方の 資料用 単独 簡単 "
        "簡単に キーワード 質問 質問例 例 話 bot ボット "
        # English verbs and nouns of a question
        "fall falls lie lies sit sits size sized plus as summing summed adding added sort "
        "sorted order ordered down break compared compare split rank ranked put puts "
        "show shows showing tell tells please kindly overall grand give gives belong "
        "belongs belonging handle handles handled use using distinct separately site sites "
        "example examples question questions only targets targeting come comes 対 vs versus "
        "names listed big large format formats couple keyword keywords "
        "working work works among 正確 正確に 間 ざっくり few things thing "
        "またぎ 跨ぎ またいで 跨いで 参照 参照して 対応 対応して 入って 入ってる "
        "cover covers covered answer answers answering pattern patterns different "
        "separately counts up industry industries sector sectors field fields stuff "
        "sorry quick before start started actually fine multiple involved add adds adding "
        "original allocate fund 画面 スクリーン モニター 共有 表示 out slice portion phrase "
        "should every under hey roughly approximately approx around search find look they them "
        "説明文 感じ かんじ 億 億円単位 円単位 ご教示 教示 お示し 示して お教え 伺え 伺いたい "
        "内容 形式 案内 ご案内 description descriptions anywhere called named everything "
        "everywhere document documents six like 条件 条件で pls plz thx 配分 配分額 枠 予算枠 "
        "みたい らしい 書き方 レンジ 恐縮 恐れ入り 恐れ入ります お手数 手数 相当 相当する "
        "相当します 念のため 念の為 併せて あわせて 結構 構いません 差し支え 差し支えなければ 幸い "
        "使い道 つかいみち 分けて わけて 分けた join joins joined participate participates "
        "use uses used once even several entire whole 順 系 inclusive ends become becomes "
        "taken bother need needs slide slides deck level plain opposite 集計 集計した際 際 "
        "単体 同名 重複なし 重複 ベース"
    ).split()
)
"""Words a person uses to ask (担当していますか, ご説明いただけますか, sits in, summing): never
a topic, so never the reason to ask back."""
_ONLY_FILLER = re.compile(
    r"^[\u3041-\u3096ー]{1,2}$|^[\u3041-\u3096ー]*(?:い|な|て|た|で|る|か|ね|よ|の|う|す|け|さ|ろ|ら|ば|と|も|わ|ぞ|や|に|は|が|を|ど|し|だ|ず|き|く|れ|せ|ち|つ|じ)$"
)
_COUNTER = re.compile(r"^[\d一二三四五六七八九十]*(?:つ|件|個|位|番|件目|番目|本|ヶ所|か所)?$")
_WORD_SPLIT = re.compile(r"[\s、。，．,.!！?？「」『』()（）・:：/／~〜\-+＝=]+")
SUFFIXES = (
    "局",
    "管内",
    "振興局",
    "総合振興局",
    "地域",
    "連携地域",
    "広域",
    "地方",
    "エリア",
    "area",
)


@dataclass(frozen=True)
class Word:
    """A word no piece claimed: a topic to look for, or part of a name."""

    text: str
    start: int
    end: int


def _left_words(reading: Reading, k: Knowledge) -> list[Word]:
    """The content words no piece claimed (nouns, in the script they were typed in), without
    filler; the verbs, particles and polite endings around them are grammar, not topics."""
    words: list[Word] = []
    left = "".join(" " if t else c for c, t in zip(reading.text, reading.taken, strict=True))
    for chunk in re.finditer(r"[^\s、。，．,!！?？「」『』（）()・:：/／]+", left):
        for begin, end in _runs(chunk.group()):
            raw = chunk.group()[begin:end]
            for script in _SCRIPTS.finditer(raw):
                pieces = (
                    _ASCII_PIECE.finditer(script.group())
                    if script.group().isascii()
                    else [re.match(r".+", script.group())]
                )
                for piece in pieces:
                    assert piece is not None
                    text = piece.group()
                    word = _trimmed(text.strip(_EDGE_PUNCTUATION))
                    if not word or _is_filler(word, k) or _all_filler(word, k):
                        continue
                    if len(word) <= 2 and fold(word) in k.short_kana_words:
                        word = jaconv.hira2kata(word)  # ぶり is the ブリ the table has
                    edge = len(text) - len(text.lstrip(_EDGE_PUNCTUATION))
                    start = chunk.start() + begin + script.start() + piece.start() + edge
                    words.append(Word(word, start, start + len(word)))
    return words


def _all_filler(word: str, k: Knowledge) -> bool:
    """いま画面: a compound of words that are each filler is filler (a word all in hiragana
    is judged whole: おつゆ is a word, not お and つゆ)."""
    from knowledge.reading import CONTENT_WORDS  # noqa: PLC0415 - the reader loads a dictionary

    if is_hiragana(word):
        return False
    parts = CONTENT_WORDS.words(word)
    return len(parts) > 1 and all(_is_filler(word[b:e], k) for b, e in parts)


_SCRIPTS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")
"""移住related: a Latin word glued to a Japanese one is a word of its own (English filler
then stays filler, the Japanese the topic)."""
_ASCII_PIECE = re.compile(r"[^\s\-—–_+=*/'’`\"]+")
_EDGE_PUNCTUATION = "-—–_'’`\"*~〜ー:;.,"


def _runs(text: str) -> list[tuple[int, int]]:
    """Runs of content words; Latin words one by one (Sudachi keeps ASCII as it is)."""
    from knowledge.reading import CONTENT_WORDS  # noqa: PLC0415 - the reader loads a dictionary

    return CONTENT_WORDS.spans(text)


TYPO_CUE_CHARS = 4


def _typo_cues(reading: Reading, words: list[Word], k: Knowledge) -> list[Word]:
    """ランキンク, プロジャクト: a katakana word the table does not have that is one letter off a
    cue word is that cue."""
    from rapidfuzz.distance import Levenshtein  # noqa: PLC0415 - only for unknown katakana

    kept: list[Word] = []
    for word in words:
        key = fold(word.text)
        katakana = all("\u30a0" <= c <= "\u30ff" for c in word.text)
        matched = None
        if katakana and len(key) >= TYPO_CUE_CHARS and not k.topic_rows(word.text):
            matched = next(
                (
                    (phrase, name)
                    for name, phrases in CUES.items()
                    for phrase in phrases
                    if len(phrase) >= TYPO_CUE_CHARS and Levenshtein.distance(key, phrase) <= 1
                ),
                None,
            )
        if matched is None:
            kept.append(word)
            continue
        reading.claim(Piece("cue", Span(word.start, word.end), matched[0], name=matched[1]))
    return kept


_KANJI = re.compile(r"^[\u4e00-\u9fff々]+$")


@functools.cache
def _cue_readings() -> dict[tuple[int, str], tuple[str, str]]:
    """(length, reading) -> (phrase, cue name) of the cue words written in kanji."""
    from knowledge.reading import Reader  # noqa: PLC0415 - the reader loads a dictionary

    reader = Reader()
    readings: dict[tuple[int, str], tuple[str, str]] = {}
    for name, phrases in CUES.items():
        for phrase in phrases:
            if len(phrase) >= 2 and _KANJI.match(phrase):
                readings.setdefault((len(phrase), reader.reading(phrase)), (phrase, name))
    return readings


def _sounding_cue(
    part: str, readings: dict[tuple[int, str], tuple[str, str]], reader: Reader
) -> tuple[str, str] | None:
    """The cue word that kanji sound like: the same reading (一欄 for 一覧), or one kanji
    swapped for another of the same sound (施作 for 施策, though the reader says せさく)."""
    cue = readings.get((len(part), reader.reading(part)))
    if cue is not None and cue[0] != part:
        return cue
    for phrase, name in readings.values():
        if len(phrase) != len(part) or phrase == part:
            continue
        differ = [i for i, (a, b) in enumerate(zip(phrase, part, strict=True)) if a != b]
        if len(differ) == 1 and reader.reading(phrase[differ[0]]) == reader.reading(
            part[differ[0]]
        ):
            return phrase, name
    return None


def _homophone_cues(reading: Reading, words: list[Word], k: Knowledge) -> list[Word]:
    """一欄, 中央地: kanji the table does not have, typed for a cue word that sounds the same
    (the input method's wrong choice) are that cue; the rest of the word stays a word."""
    from knowledge.reading import Reader  # noqa: PLC0415 - the reader loads a dictionary

    readings = _cue_readings()
    lengths = sorted({length for length, _ in readings}, reverse=True)
    reader = Reader()
    kept: list[Word] = []
    for word in words:
        found = None
        # 進行局: a wrong kanji before the 局 already read as a cue is part of one word
        suffix = next(
            (
                p.text
                for p in reading.of("cue")
                if p.span.start == word.end and p.span.end - p.span.start == 1
            ),
            "",
        )
        typed = word.text + suffix
        if not k.topic_rows(word.text):
            found = next(
                (
                    (i, length, cue)
                    for length in lengths
                    for i in range(len(typed) - length + 1)
                    if _KANJI.match(part := typed[i : i + length])
                    and (cue := _sounding_cue(part, readings, reader)) is not None
                ),
                None,
            )
        if found is None:
            kept.append(word)
            continue
        i, length, (phrase, name) = found
        start = word.start + i
        reading.claim(Piece("cue", Span(start, start + length), phrase, name=name))
        for begin, end in ((word.start, start), (start + length, word.end)):
            rest = reading.text[begin:end]
            if rest and not _is_filler(rest, k):
                kept.append(Word(rest, begin, end))
    return kept


def _english_forms(key: str) -> list[str]:
    """An English word and its stems (spends -> spend, allocated -> allocate): one entry in the
    word lists serves every inflection."""
    forms = [key]
    if key.isascii() and len(key) > 4:
        for ending, stem in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                             ("ing", ""), ("ing", "e")):  # fmt: skip
            if key.endswith(ending):
                forms.append(key[: -len(ending)] + stem)
    return forms


def _is_filler(word: str, k: Knowledge) -> bool:
    """Particles, endings, polite phrases, question words; a hiragana word only when the
    table does not have it (えぞしか is a topic, ですかね is not)."""
    key = fold(word)
    if (
        any(form in FILLER or form in QUESTION_WORDS for form in _english_forms(key))
        or bool(_COUNTER.match(unicodedata.normalize("NFKC", key)))
        or key in SUFFIXES
        or (key.isascii() and len(key) <= 1)
    ):
        return True
    if not is_hiragana(word):
        return False
    if len(key) <= 2:
        return key not in k.short_kana_words
    return (
        bool(_ONLY_FILLER.match(key))
        and not k.name_rows(word)
        and k.search(word).confidence != "sure"
    )


_TRAILING_FILLER = re.compile(
    r"(?:のやつ|やつ|のもの|のこと|がらみ|絡み|関係|関連|系|まわり|周り|っぽい|みたいな|的な|とか|など|等"
    r"|ぜんぶ|全部|すべて|全て|の話|話)+$"
)


def _trimmed(word: str) -> str:
    """移住がらみ -> 移住, 教育旅行のやつ -> 教育旅行: the topic without what hangs on it."""
    trimmed = _TRAILING_FILLER.sub("", word) or word
    return trimmed.removesuffix("の") or trimmed


_PREAMBLE = re.compile(
    r"(?:ん|の|な)?(?:だけど|だけれど|ですけど|ですけれど|ですが|けど|けれど|ので|から|が)"
    r"(?:さ|ね|も)?\s*[、,，]"
    r"|(?:んだけど|んですけど|んですが|のですが|ので(?!しょう|す))(?:さ|ね)?\s*"
)
"""会議用に確認なんだけど、…: the clause before the question says why it is asked."""


_APPOSITIVE = re.compile(
    r"[,、]\s*(?:[a-z]+\s+)?(?:who|which|that|i\.e\.|meaning|namely)\b[^,.?？!！]*"
    r"|(?<=[^\s(])\([^()]{1,12}\)"
)
"""関係人口, people who keep a connection to the area; ブリ（魚の）: a clause or a bracket that
explains a word."""


def _past_asides(
    reading: Reading, words: list[Word], k: Knowledge, *, said_before: int = 0
) -> list[Word]:
    """The words, without those of an aside that the table does not have: a leading clause
    that says why it is asked (来週の会議で使うので、), a gloss that says what a word means.
    A word of an aside the table has (エゾシカについてなんだけど、) stays a topic, and so does
    the word the leading clause is about (オオカミなんだけど、: asked back, never dropped)."""
    asides = [m.span() for m in _APPOSITIVE.finditer(reading.folded)]
    if said_before:
        asides.append((0, said_before))  # the sentences said before the question
    found = _PREAMBLE.search(reading.text)
    if found is not None and _TOPIC_MARKED.search(reading.text[: found.start()]):
        found = None  # オオカミ対策の事業はいま議論しているんだけど: the subject, not an aside
    if found is not None and reading.text[found.end() :].strip():
        asides.append((0, found.start()))
    lead = _ENGLISH_LEAD.match(reading.folded)
    if lead is not None and reading.folded[lead.end() :].strip():
        asides.append(lead.span())  # For the meeting: Sorachi total?
    return [
        w
        for w in words
        if not any(start <= w.start < end for start, end in asides)
        or (found is not None and _SUBJECT.fullmatch(reading.text[w.end : found.start()]))
        or k.topic_rows(w.text)
        or k.name_rows(w.text)
    ]


_ENGLISH_LEAD = re.compile(
    r"\s*(?:for|before|after|during|in|at|quick|sorry|ok|okay|so|hi|hello|hey)\b[^:：—]{0,40}[:：—]"
)
"""For the meeting: / Quick one — : an English lead-in that says when or why it is asked."""
_SUBJECT = re.compile(
    r"\s*(?:について|に関して|に関する|のこと|の件|の話|って|は)?\s*(?:な|です|だ)?\s*"
)
"""What follows the word a leading clause is about, up to its なんだけど or ですが."""


_TOPIC_MARKED = re.compile(r"[\u4e00-\u9fff\u30a1-\u30faー々A-Za-z0-9]は")
"""オオカミ対策の事業は…: a clause whose noun is marked with は holds what the question is about
(the は of こんにちは or ではない is not that marker)."""
_REASON = re.compile(
    r"([^。．!！?？]{2,80}?[たるいうくすつぬむぶぐ])(?:ので|のですが|んですが|んだけど|のだけど)(?!しょう|す)"
    r"\s*[、,，]?\s*(?=\S)"
)
"""他の振興局と比べたいので、 / 問い合わせが来たのですが、: a clause ending on a verb that says why
the question is asked; what it says (比べ, 振興局, 資料) is not what is asked."""


_PURPOSE = re.compile(
    r"[^。．!！?？]{2,40}?(?:にあたり|にあたって|に当たり|に当たって|のために|のため|に向けて"
    r"|にむけて)\s*[、,，]\s*(?=\S)"
)
"""分析資料の作成にあたり、: what the answer is for, not what is asked."""


_SITUATION = re.compile(
    r"[^。．!！?？]{2,40}?(?:でして|ておりまして|ていまして|しておりまして|しておりますが|中です|中でして)"
    r"\s*[、,，。]\s*(?=\S)"
)
"""資料作成中でして、 / 分析資料を作成しておりまして、: what the asker is doing, not what is
asked."""


_CLOSING = re.compile(
    r"(?<=[。．!！?？\s])\s*(?:何卒|なにとぞ)?\s*(?:どうぞ)?\s*(?:よろしく|宜しく)\s*(?:お願い|おねがい)"
    r"(?:いた|致)?(?:します|申し上げます)?[。．!！\s]*$"
)
"""…助かります。よろしくお願いいたします。: the closing of a message, not a request of its own."""


def _blanked(question: str) -> str:
    """The question with what is said before it blanked out (sentences, then a reason) and
    the closing after it."""
    closing = _CLOSING.search(question)
    if closing is not None:
        question = question[: closing.start()] + " " * (closing.end() - closing.start())
    return _without_reason(_without_statements(question))


def _without_reason(question: str) -> str:
    """The question with a leading clause of reason or purpose blanked out (spaces keep every
    place)."""
    start = len(question) - len(question.lstrip(" "))
    for clause in (_PURPOSE, _SITUATION):
        found = clause.match(question, start)
        if found is not None:
            return " " * found.end() + question[found.end() :]
    found = _REASON.match(question, start)
    if found is None or _TOPIC_MARKED.search(found.group(1)):
        return question
    return " " * found.end() + question[found.end() :]


def understand(question: str, knowledge: Knowledge) -> tuple[QueryPlan, Understanding]:
    """The plan of a question, and what was understood (for the reply and the JSON)."""
    question = as_kana(question)
    blanked = _blanked(question)
    reading = _reading(blanked, knowledge)
    plan = _plan(reading, knowledge)
    aside = question[: _aside_end(blanked)]
    said_nothing = _says_nothing_of_the_data(plan) and not reading.has("whole")  # 全体の中央値
    if blanked != question and ((said_nothing and _names_data(aside, knowledge)) or plan.unplaced):
        # エゾシカ肉の事業が空知と根室にあると聞いたのですが、多いのはどちら, 石狩がトップなのは
        # 分かった。じゃあ2位とは: what was said first holds what the question is about, so
        # it is read with it (unless that reads worse: words it has that the table lacks)
        whole = _plan(_reading(question, knowledge), knowledge, said_before=len(aside))
        if len(whole.unplaced) < len(plan.unplaced) or not (whole.unplaced or plan.unplaced):
            plan = whole
    for cut in _after_the_question(question):
        rest = question[cut:]
        remark = _REMARK.search(rest.strip()) is not None
        if not plan.unplaced and not remark:
            continue
        # オホーツクの施策は何件？十勝と同じ数？ / …どちらでしょうか。千円単位で結構です。 /
        # …どっちが多いん？いぶりの方がでかいイメージやけど: a second thought, a request on the
        # form or a remark after the question, which the plan cannot place or which would
        # change it, leaves the question itself to be answered
        first = question[:cut] + " " * len(rest)
        alone = _plan(_reading(_blanked(first), knowledge), knowledge)
        if not alone.unplaced and (
            remark or not _says_nothing_of_the_data(alone) or not _names_data(rest, knowledge)
        ):
            plan = alone
            break
    return plan, _understanding(plan)


_NEXT_SENTENCE = re.compile(r"(?<=[?？。．!！])\s*(?=[^\s?？。．!！])|\s*ちなみに")
"""…何件？十勝と同じ数？ / …あるのかなちなみに千円単位でいいよ: where what follows the
question begins."""
_REMARK = re.compile(
    r"(?:けど|けれど|けども|やし|だし|らしい|みたい|っぽい|そう|かも)(?:な|ね|よ|やな|だな|けど)*"
    r"[。．!！…w笑]*$|そう(?:やし|だし|やけど|だけど)|気がする|気がします|イメージ|と思う"
    r"|と思います|って聞いた|そうだから|そうやから|だけ(?:じゃ|では)ない(?:っしょ|でしょ|よね|よな)"
    r"|^[^?？。]{1,12}とか[?？。!！]*$"
)
"""…めっちゃ少なそうやけど / 3つやった気がするけど / 上川だけじゃないっしょ / ジビエとか (an
example of what was asked): a remark, not part of what is asked."""


def _after_the_question(question: str) -> list[int]:
    """Where each sentence after a question begins, the last first: the longest question is
    tried first (a sentence said before the question, お疲れ様です。, is never the question)."""
    cuts = []
    for found in _NEXT_SENTENCE.finditer(question):
        aside = found.group().strip() == "ちなみに"
        cut = found.start() if aside else found.end()
        said = question[:cut].rstrip(" 。．!！")
        if found.start() > 0 and (aside or said.endswith(("?", "？")) or _ASKS.search(said)):
            cuts.append(cut)
    return sorted(cuts, reverse=True)


_STATEMENTS = re.compile(r"^[^?？]{2,160}[。．!！]+\s*(?=[^\s。．!！?？])")
"""道南の資料を作ってる。渡島の施策名を全部並べて: what is said before the question, in
sentences of its own (never one that asks)."""


_ASKS = re.compile(
    r"(?:か|かな|ください|下さい|(?<!まし)(?<!でし)て|ませ|願います|願いします|何|いくら|どこ|どれ)$"
)
"""…上位3つ教えていただけますか。: a first sentence that asks is the question itself (…教えて
asks; 取りまとめておりまして, 作成中でして say what the asker is doing)."""


_LEAVE = re.compile(
    r"(?:させて|させていただきたく)(?:ください|下さい|ほしい|いただけますか|もらえますか)?$"
)
"""…確認させてください。: asking leave to ask, which the next sentence does."""


def _without_statements(question: str) -> str:
    """The question with the sentences said before it blanked out (spaces keep every place)."""
    found = _STATEMENTS.match(question)
    said = question[: found.end()].rstrip(" 。．!！") if found is not None else ""
    if (
        found is None
        or not question[found.end() :].strip()
        or (_ASKS.search(said) and not _LEAVE.search(said))
    ):
        return question
    return " " * found.end() + question[found.end() :]


_ASKING_CUES = frozenset(
    {"superlative", "rank", "share", "ratio", "difference", "compare", "which", "count", "mean"}
    | {"median", "breakdown", "sum", "where", "except"}
)
"""Cues that say what is asked: an aside with one (予算の一番大きい施策を資料に載せたい) holds
the question."""


def _aside_end(blanked: str) -> int:
    return len(blanked) - len(blanked.lstrip(" "))


def _names_data(text: str, k: Knowledge) -> bool:
    """Whether an aside names something of the table: a region, a project or measure, or a
    word the measures have (資料を作ってる names nothing; 石狩がトップなのは does)."""
    if not text.strip():
        return False
    reading = _reading(text, k)
    named = ("region", "project", "partial", "measure", "quoted", "range", "amount", "ordinal")
    return any(
        p.kind in named or (p.kind == "cue" and p.name in _ASKING_CUES) for p in reading.pieces
    ) or any(k.topic_rows(w.text) for w in _left_words(reading, k))


def _reading(question: str, knowledge: Knowledge) -> Reading:
    return read(
        question,
        knowledge.regions,
        projects=knowledge.project_names,
        measures=knowledge.measure_names,
    )


def _says_nothing_of_the_data(plan: QueryPlan) -> bool:
    """No scope, no sides, and a question of figures: what it is about was said elsewhere."""
    return plan.selection.empty and not plan.sides and plan.operation not in ("about", "help")


# -- the plan ---------------------------------------------------------------------------------


_POINTS_BACK = re.compile(
    r"\s*(?:じゃあ|じゃ|では|それでは|それじゃ|それで|で|あと|ほんで|ほな)?[、,\s]*"
    r"(その中で|その中の|そのなかで|その中|そのうち|それらの|それら|その(?!他|ほか)|それ(?!ぞれ)"
    r"|そこ(?!そこ)|さっきの|前の)"
)
"""A question that begins by pointing back at an earlier answer (その内訳は？, じゃあその中で…)."""
_PARTICLE_FIRST = re.compile(r"^(?:を|は|が|って|で|も|に|の)\s*")
"""それを金額の大きい順に -> 金額の大きい順に: the question offered starts with what is asked."""


def _plan(  # noqa: PLR0912, PLR0915 - one reading, step by step
    reading: Reading, k: Knowledge, *, said_before: int = 0
) -> QueryPlan:
    unplaced: list[Unplaced] = []
    check = _check(reading)
    check_region = _checked_region(reading)
    for note in [*reading.of("amount"), *reading.of("range")]:
        opened = reading.folded[max(note.span.start - 1, 0) : note.span.start] == "("
        if opened and _NOTED.match(reading.folded, note.span.end):
            # オロロンラインの事業（5百万ちょっと）: a figure in brackets is a note, no condition
            reading.pieces.remove(note)
    pointer = _POINTS_BACK.match(reading.text)
    if pointer is not None:
        # じゃあその中で道北のは？: a follow-up, with no earlier answer to point back to
        alone = _PARTICLE_FIRST.sub("", reading.text[pointer.end() :].strip())
        unplaced.append(Unplaced(text=pointer.group(1), reason="earlier", suggestions=[alone]))
    year = _year(reading, k, unplaced)
    words = _homophone_cues(reading, _typo_cues(reading, _left_words(reading, k), k), k)
    rest = [m.span() for m in _THE_REST.finditer(reading.folded)] if reading.of("range") else []
    words = [w for w in words if not any(a <= w.start < b for a, b in rest)]  # それ未満
    selection, topic_words = _names_and_projects(reading, k, words, unplaced)
    topic_words = _past_asides(reading, topic_words, k, said_before=said_before)
    regions = [_as_area_if_said(reading, p, k) for p in reading.of("region")]
    whole_regions = [p for p in regions if _marks_whole(reading, p)]
    excluded = [p for p in regions if _excluded(reading, p)]
    plain = _distinct([p for p in regions if p not in whole_regions and p not in excluded])
    plain = [p for p in plain if not _glosses_a_region(reading, p, regions)]
    nested = set(map(id, _nesting(reading, plain))) - set(map(id, _containers(plain)))
    plain = [p for p in plain if id(p) not in nested]
    ranges = reading.of("range")
    budget = _budget(reading, ranges, unplaced)
    counts = reading.of("count")
    ordinals = reading.of("ordinal")
    superlatives = [  # largest first is an order of a ranking, no superlative
        c
        for c in reading.cues("superlative")
        if not any(r.span.start <= c.span.start < r.span.end for r in reading.cues("rank"))
    ]
    order = _order(reading)
    op = _operation(
        reading,
        k,
        regions=plain,
        topics=topic_words,
        selection=selection,
        budget=budget,
        superlatives=superlatives,
        ordinals=ordinals,
        counts=counts,
    )
    if check_region is not None and op not in ("pick", "rank"):
        op = "where"  # ジオパークの事業って日高だよね？: where it is, said against 日高
    if check is not None and op in ("list", "search", "where"):
        op = "total"  # 「きた北海道」って全体で1,400万円超え？: the figure checked is a total
    containers = [
        p
        for p in plain
        if p.region is not None
        and p.region.kind == "area"
        and any(q.region is not None and q.region.area == p.region.name for q in plain)
    ]
    if op in ("compare", "difference", "ratio") and reading.has("breakdown") and containers:
        # 釧路・根室の振興局別の額、根室の方が上だっけ: the area broken down, not weighed against
        # a 振興局 of its own
        op, plain = "breakdown", containers
    if op in ("pick", "compare") and any(c.text == fold("内訳") for c in reading.cues("breakdown")):
        op = "breakdown"  # 道南を振興局別に内訳出して、どっちが多いかも: the breakdown shows it
    topic_words = _not_dimensions(reading, topic_words, unplaced)
    topic_words, topics_out = _topics_taken_out(reading, topic_words, k, unplaced)
    name_marked = _name_marked(reading)
    if name_marked and not topic_words:
        topic_words = _named_by_pattern(reading)
    topic, name, apart = _topics(topic_words, k, unplaced, name_marked=name_marked)
    if op in ("about", "help"):
        # このbotって何のデータがベース？: a question about the bot has no topic; the words
        # the table does not have (ベース, コツ, 幸い) are how it was asked
        topic, name, apart = None, None, []
        unplaced = [u for u in unplaced if u.reason != "topic"]
    if (topic and " " in topic and _OR.search(reading.folded)) or (
        op in _OF_EITHER and _joined_by_ya(reading, topic_words)
    ):
        # geoparks or 国定公園, 移住や関係人口に関連する施策: either one, though one measure
        # has both (counted once, never added twice)
        either = _alternatives(reading, topic_words, k)
        if either:
            topic, selection = None, selection.model_copy(update={"any_topics": either})
            op = "total" if op == "sum" else op
    if name_marked and not name and not topic and not apart:
        unplaced.append(Unplaced(text="名前", reason="name"))
    selection = selection.model_copy(
        update={
            "topic": topic,
            "name": name,
            "budget": budget,
            "excluded_topics": topics_out,
            "shared": _asks_shared(reading),
        }
    )
    unit = _unit(reading, op)
    if (
        op == "count"
        and reading.has("list")
        and any(c.text[:1].isdigit() for c in reading.cues("count"))
    ):
        op = "list"  # 十勝のプロジェクトって2つだけ？名前も: the ones there are, by name
    if op == "count" and any(c.text in _WHICH_ONES for c in reading.cues("list")):
        op = "list"  # 6,000千円以上7,000千円未満の施策はどれ？全部で何件？: the list says how many
    if name and _name_is_a_unit(reading):
        unit = "measure"  # 名前がプロジェクトで終わる施策: measures, by the word in their names
    places = [p for p in reading.of("cue") if p.name in ("unit_subprefecture", "unit_area")]
    most_measures = False
    count_by: Unit | None = None
    if places and _counts_measures(reading):
        # 施策数が一番多い振興局, 振興局ごとの施策数: the number of measures of each, which
        # the count lists (never the budget's largest, never the one total of 31)
        op, unit = "count", _UNIT_CUES[places[-1].name or ""]
        most_measures = not reading.has("breakdown")
        count_by = None if most_measures else unit
    if op == "where" and selection.empty and not plain and not whole_regions:
        # 連携地域ってどことどこがあるの: where, of nothing in particular, lists the unit said
        said = [p for p in reading.of("cue") if p.name in ("unit_area", "unit_subprefecture")]
        op, unit = "list", _UNIT_CUES[said[-1].name or ""] if said else "subprefecture"
    sides: list[Side] = []
    whole: Selection | None = None
    n: int | None = None
    rank = 1
    by: Unit | None = count_by
    shared_regions = [_scope(p.region) for p in plain if p.region is not None]
    excluded_scopes = [_scope(p.region) for p in excluded if p.region is not None]
    if op in ("sum", "compare", "difference", "ratio"):
        containers = _containers(plain)
        sides = _sides(
            reading,
            plain=[p for p in plain if p not in containers],
            excluded=excluded,
            topics=topic_words,
            unit=unit,
            k=k,
        )
        if len(sides) < 2:
            sides = _range_sides(reading, ranges, selection)
            if sides:
                selection = selection.model_copy(update={"budget": None})
        if len(sides) < 2 and op != "sum":
            sides = _against_whole(reading, plain)
        if len(sides) < 2:
            scoped = selection.model_copy(update={"regions": shared_regions})
            few = _few_items(k, scoped, unit)
            if op == "compare" and reading.has("which") and few:
                # エゾシカの事業で大きいのはどっち: the larger of the few there are; 石狩の施策を
                # 比較して asks for no winner: all of them, in order
                side_by_side = all(c.text in _SIDE_BY_SIDE for c in reading.cues("which"))
                op = "rank" if side_by_side and not superlatives else "pick"
            elif op == "sum":
                op = "total"
            else:
                two = _two_items(k, scoped, unit)
                if two:
                    sides = two
                elif op == "compare":
                    # 3番目に多い振興局はどちら: which one, the n-th
                    op = "pick" if superlatives or ordinals else "total"
                else:
                    readings = _side_readings(k, scoped, unit, op)
                    unplaced.append(Unplaced(text="", reason="sides", suggestions=readings))
        if sides:
            has_region_sides = len(plain) >= 2 or any(
                s.selection is not None and s.selection.regions for s in sides
            )
            within = [_scope(p.region) for p in containers if p.region is not None]
            selection = selection.model_copy(
                update={
                    "regions": within if has_region_sides else shared_regions,
                    "topic": None if _topic_sides(sides) else _unnamed(selection.topic, sides),
                    # ポストコロナいしかり…と、ポストコロナが付かない方の「いしかり…」: a word
                    # of a named side's own name tells the two apart; it narrows neither
                    "excluded_topics": [t for t in selection.excluded_topics if _unnamed(t, sides)],
                    # a measure or project that is a side is not also the scope of both
                    "measure": None if _named_sides(sides, "measure") else selection.measure,
                    "project": None if _named_sides(sides, "project") else selection.project,
                }
            )
    narrower = _part_of_the_other(k, selection, sides) if op == "sum" else None
    if narrower is not None:
        # 「環境保全…プロジェクト」を釧路・根室合わせて: the project within the regions it runs
        # in, said once; adding a part to the whole it is in would count it twice
        op, sides, selection = "total", [], narrower
    if (
        op == "ratio"
        and len(sides) == 2
        and (_denominator_first(reading) or _said_first_is_of(reading, sides))
    ):
        sides = sides[::-1]  # what multiple of Sorachi's is Kushiro's: Kushiro ÷ Sorachi
    if (
        apart
        and not _topic_sides(sides)
        and not any(s.pick is not None and s.pick.within.topic for s in sides)
    ):
        alternatives = _alternatives(reading, topic_words, k)
        if alternatives:
            selection = selection.model_copy(update={"any_topics": alternatives})
        else:
            unplaced.append(Unplaced(text=" ".join(apart), reason="together", suggestions=apart))
    if op == "share":
        if whole_regions and not shared_regions and selection.empty:
            # 道央 area の全体に占める割合: with nothing else to be the part, the region is the
            # part and the whole is Hokkaido's (a region's share of itself is no question)
            shared_regions = [_scope(p.region) for p in whole_regions if p.region]
        elif whole_regions:
            whole = Selection(regions=[_scope(p.region) for p in whole_regions if p.region])
        if whole is not None:
            # the Dōō area's budget … to Iburi: the whole is not also the part
            shared_regions = [r for r in shared_regions if r not in whole.regions] or shared_regions
        container = _container_of(shared_regions)
        if whole is None and container is not None:
            # 上川が道北連携地域の合計に占める割合: the area the others are in is the whole
            whole = Selection(regions=[container])
            shared_regions = [r for r in shared_regions if r != container]
        selection = selection.model_copy(
            update={"regions": shared_regions, "excluded": excluded_scopes}
        )
        if whole is None and excluded_scopes and (shared_regions or selection.topic):
            # 道央を除いた地域の中で釧根が占める割合: the whole is what is left, not all
            whole = Selection(excluded=excluded_scopes)
            if shared_regions:  # 釧根 is already outside 道央: said once, of the whole
                selection = selection.model_copy(update={"excluded": []})
        if selection.empty and whole is None:
            op, by = "breakdown", unit if unit != "measure" else None
    elif not sides:
        regions_used = shared_regions + [_scope(p.region) for p in whole_regions if p.region]
        selection = selection.model_copy(
            update={"regions": regions_used, "excluded": excluded_scopes}
        )
    budget_of = _budget_of(reading, selection, op)
    if budget_of is not None:
        # 予算が1,000万円以上の振興局は: each 振興局's total is in range, not a measure's; the
        # ones that are, with their totals
        selection = selection.model_copy(update={"budget_of": budget_of})
        unit = budget_of
        if op in ("where", "list", "total", "search"):
            op = "rank"
    # 道央の5振興局のうち少ない順に3つ: the count that restates the data is not the one asked
    asked = [c for c in counts if not _harmless_count(reading, c, "rank", k)] or counts
    if op == "pick":
        if ordinals:
            rank = ordinals[0].number or 1
        elif _counts_items(reading, counts, k):
            op, n = "rank", asked[0].number
        if not _about_budget(reading, superlatives):
            unplaced.append(
                Unplaced(text=superlatives[0].text if superlatives else "", reason="superlative")
            )
    if op == "rank":
        n = n or (asked[0].number if asked else None)
        if n is None and (
            reading.has("list")
            or any(w in reading.folded for w in ("並べ", "ならべ"))
            or unit in ("area", "subprefecture")  # 6 連携地域, 14 振興局: a ranking shows them all
        ):
            n = len(k.items(unit, k.select(selection))) or None
        if n and n <= MAX_SUMMED_RANKS and _TOP_ADDED.search(reading.folded):
            # 予算上位2つの振興局を足すと: the first n items added up
            op, sides = (
                "sum",
                [
                    Side(pick=Pick(unit=unit, order=order, rank=r, within=selection))
                    for r in range(1, n + 1)
                ],
            )
            selection = Selection()
    if op == "list" and unit == "project" and selection.project:
        unit = "measure"  # 次世代先進産業PJの中身: the project's measures
    elif op == "list" and unit != "measure" and reading.has("total"):
        # 振興局それぞれの予算一覧: each one's budget; 全部の振興局合わせて: all of them added up
        op, by = ("total", None) if reading.has("sum") else ("breakdown", unit)
    elif (op == "list" and _WITH_AMOUNTS.search(reading.folded)) or (
        op in ("list", "total", "search")
        and (_NAMES_AND_AMOUNTS.search(reading.folded) or _EACH.search(reading.folded))
    ):
        # ワーケーション関連の施策、予算もあわせて: each one with its budget
        op, by = "breakdown", unit
    if op == "breakdown":
        by = _breakdown_by(reading) or by
        if by == "measure" and _EACH.search(reading.folded) and len(selection.regions) > 1:
            # 石狩と空知それぞれの予算: each region's own
            by = "area" if selection.regions[0].kind == "area" else "subprefecture"
    used_counts = (
        (op == "rank" and counts)
        or (op == "sum" and counts and len(sides) == n and all(s.pick for s in sides))
        or (op == "pick" and ordinals)
        or (ordinals and {o.number or 1 for o in ordinals} <= _side_ranks(sides))
    )
    unplaced += [
        Unplaced(text=piece.text, reason="number")
        for piece in (*counts, *ordinals)
        if not used_counts and not _harmless_count(reading, piece, op, k)
    ]
    unplaced += [Unplaced(text=piece.text, reason="amount") for piece in reading.of("amount")]
    if _asks_statistic(reading, selection, op):
        # 人口は何人: the statistic is 人口, however many people are asked for
        people = [w for w in ("人口", "人数") if w in reading.folded]
        statistic = people[0] if people else selection.topic or ""
        where = "・".join(r.name for r in selection.regions)
        instead = f"{where}の{statistic}に関する施策" if where else f"{statistic}に関する施策"
        unplaced.append(
            Unplaced(
                text=statistic,
                reason="statistic",
                suggestions=[instead] if k.topic_rows(statistic) else [],
            )
        )
    if op not in ("compare", "difference", "ratio"):
        unplaced += [
            Unplaced(text=f"{p.text}より", reason="relative")
            for p in regions
            if _RELATIVE.match(reading.folded[p.span.end :])
        ]
        # …の方が、…より250万以上多い？: an amount more than something else, no budget range
        unplaced += [
            Unplaced(text=f"より{p.text}", reason="relative")
            for p in ranges
            if _MORE_THAN.match(reading.folded, p.span.end)
            and "より" in reading.folded[: p.span.start]
        ]
    if op in ("about", "help") and (reading.has("about") or reading.has("help")):
        # 5,715って571万5千円って読めばいい？: figures said as examples of how to ask
        unplaced = [u for u in unplaced if u.reason not in ("topic", "amount", "number", "unit")]
    return QueryPlan(
        operation=op,
        unit=unit,
        selection=selection,
        sides=sides,
        whole=whole,
        n=n,
        rank=rank,
        order=order,
        by=by,
        most_measures=most_measures,
        check=check,
        check_region=_scope(check_region.region) if check_region else None,
        unplaced=unplaced,
        fiscal_year=year,
    )


_WHICH_ONES = frozenset(fold(w) for w in ("どれ", "一覧", "どの施策", "どの事業"))
MAX_SUMMED_RANKS = 5
_TOP_ADDED = re.compile(fold(r"足す|足し|(?:つ|件|位)を?(?:合わせ|あわせ)|added up|\bplus\b"))
"""上位2つを足すと: the ranked items added up (合計 alone, the total of each, is the ranking)."""
_MORE_THAN = re.compile(fold(r"\s*も?\s*(?:多|少な|大き|小さ|高|安)"))
_RELATIVE = re.compile(r"^\s*(?:全体)?(?:の予算)?(?:より|よりも|と比べて|に比べて)")
"""日高より予算が多い振興局: a condition relative to another region's total, which a plan
cannot express yet; asked back rather than read as a question about 日高."""


_SIDE_BY_SIDE = frozenset(
    fold(w) for w in ("比較", "比べ", "くらべ", "compare", "compared", "versus", "vs", "違い")
)
"""Comparison cues that ask for things side by side, not for the larger one."""


def _distinct(pieces: list[Piece]) -> list[Piece]:
    """Each region once (石狩と石狩 is one region), at its first mention."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for piece in pieces:
        assert piece.region is not None
        key = (piece.region.kind, piece.region.name)
        if key not in seen:
            seen.add(key)
            kept.append(piece)
    return kept


_NESTED = re.compile(
    fold(r"\s*(?:の|のうち|の中の|の中で|のなかの|のなかで|内の|内で|で|にある|における)\s*")
)


def _nesting(reading: Reading, plain: list[Piece]) -> list[Piece]:
    """道央の中の空知, 道北のうち上川の観光: an area followed by one of its own 振興局 only
    says where that 振興局 is; as a scope or a side of its own it would count the 振興局 twice
    (道央と空知の比較 keeps both; an area holding two of them is where they are compared)."""
    return [
        area
        for area, inner in itertools.pairwise(plain)
        if area.region is not None
        and area.region.kind == "area"
        and inner.region is not None
        and inner.region.area == area.region.name
        and _NESTED.fullmatch(reading.folded[area.span.end : inner.span.start])
    ]


def _containers(plain: list[Piece]) -> list[Piece]:
    """道北の観光で上川と宗谷どっちが多い: an area that holds two or more of the other regions
    said is where they are compared, not one more side."""
    areas = [p.region.area for p in plain if p.region is not None and p.region.area]
    return [
        p
        for p in plain
        if p.region is not None and p.region.kind == "area" and areas.count(p.region.name) >= 2
    ]


_BELONGS_TO = re.compile(
    fold(
        r"\s*(?:の|が属する|が属してる|が属している|の属する|のある|がある|が入ってる|が入っている|'s)\s*"
    )
)
"""釧路の連携地域, 空知が属する連携地域, Kushiro's area: the 振興局's own 連携地域."""


def _as_area_if_said(reading: Reading, piece: Piece, k: Knowledge) -> Piece:
    """十勝 and オホーツク are both an area and a 振興局: the area when the question talks
    of areas (which area is bigger?); 釧路の連携地域 is the area 釧路 belongs to."""
    region = piece.region
    if region is None or region.kind != "subprefecture" or not reading.cues("unit_area"):
        return piece
    belongs = (
        len(reading.of("region")) == 1
        and any(  # 釧路と根室の連携地域: both, not 釧根
            _BELONGS_TO.fullmatch(reading.folded[piece.span.end : cue.span.start])
            for cue in reading.cues("unit_area")
        )
    )
    area = next(
        (
            r
            for r in k.regions.regions
            if r.kind == "area"
            and (r.name == region.area if belongs else r.name.startswith(region.name))
        ),
        None,
    )
    if area is None or (not belongs and area.name.removesuffix("連携地域") != region.name):
        return piece
    replaced = Piece(piece.kind, piece.span, piece.text, region=area)
    reading.pieces[reading.pieces.index(piece)] = replaced
    return replaced


def _scope(region: Region | None) -> Scope:
    assert region is not None
    return Scope(kind=region.kind, name=region.name, full_name=region.full_name, area=region.area)


_TOTAL_OF_PLACE_OPS = frozenset({"where", "list", "total", "search", "rank", "count"})
"""Not a breakdown: 道南 300万以上 振興局別 breaks the measures in range down by 振興局."""


def _budget_of(
    reading: Reading, selection: Selection, op: OperationName
) -> Literal["project", "subprefecture", "area"] | None:
    """予算が1,000万円以上の振興局, 1,000万円を超えるプロジェクト: a budget range said of
    振興局, 連携地域 or projects, with no measure said, holds for each one's total
    (500万円以上の施策がある振興局 is of measures)."""
    if selection.budget is None or op not in _TOTAL_OF_PLACE_OPS:
        return None
    units = [p for p in reading.of("cue") if p.name in _UNIT_CUES]
    if not units or any(p.name == "unit_measure" for p in units):
        return None
    if selection.measure or selection.project or selection.topic or selection.name:
        return None
    if units[-1].name == "unit_project":
        return "project"  # 局をまたいで合算して1,000万円を超えるプロジェクト: the project said last
    if any(p.name == "unit_project" for p in units):
        return None
    return "area" if units[-1].name == "unit_area" else "subprefecture"


def _container_of(scopes: list[Scope]) -> Scope | None:
    """The 連携地域 among the scopes that holds every other one (道北 of 上川・道北)."""
    areas = [s for s in scopes if s.kind == "area"]
    others = [s for s in scopes if s.kind == "subprefecture"]
    if len(areas) != 1 or not others or len(others) + 1 != len(scopes):
        return None
    return areas[0] if all(s.area == areas[0].full_name for s in others) else None


def _year(reading: Reading, k: Knowledge, unplaced: list[Unplaced]) -> str | None:
    """A fiscal year named: the data's own is fine; any other cannot be answered."""
    data_year = k.fiscal_year_western
    named = None
    for piece in reading.of("year"):
        assert piece.year is not None
        named = piece.text
        same = piece.year.relative == 0 or (
            piece.year.western is not None and piece.year.western == data_year
        )
        if not same:
            unplaced.append(Unplaced(text=piece.text, reason="year"))
    return named


def _marks_whole(reading: Reading, piece: Piece) -> bool:
    """道北のうち, 釧根の中で, 道北連携地域全体に占める, of Oshima's budget: a share's whole."""
    if not (reading.has("share")):
        return False
    after = reading.folded[piece.span.end : piece.span.end + 14]
    for cue in reading.cues("within"):
        if piece.span.end <= cue.span.start <= piece.span.end + 12:
            between = reading.folded[piece.span.end : cue.span.start]
            if re.fullmatch(
                r"(?:[\sのでに'’s]|えりあ|全体|予算|よさん|budget|連携地域|area)*", between
            ):
                return True
    before = reading.folded[max(piece.span.start - 12, 0) : piece.span.start]
    return bool(re.search(r"\b(?:of|within)\s*(?:the\s*)?$", before)) and "share" not in after


def _topics_taken_out(
    reading: Reading, words: list[Word], k: Knowledge, unplaced: list[Unplaced]
) -> tuple[list[Word], list[str]]:
    """観光じゃない施策, 観光以外, 食を除いた: the topics a question takes out, not asks for; one
    the table does not have is asked back (nothing would be taken out)."""
    kept: list[Word] = []
    out: list[str] = []
    for word in words:
        if not _taken_out(reading, word.start, word.end):
            kept.append(word)
        elif k.topic_rows(word.text):
            out.append(word.text)
        else:
            unplaced.append(Unplaced(text=word.text, reason="topic"))
    return kept, out


def _excluded(reading: Reading, piece: Piece) -> bool:
    """道央以外: a region right before 以外 (or 除く) is taken out, and so is each one listed
    with it (道央と道南を除くと), unless the two are weighed (石狩と道央以外どっちが多い)."""
    if _taken_out(reading, piece.span.start, piece.span.end):
        return True
    following = [p for p in reading.of("region") if p.span.start >= piece.span.end]
    weighed = any(reading.has(c) for c in ("which", "compare", "difference", "ratio", "sum"))
    return bool(
        following
        and not weighed
        and re.fullmatch(
            r"\s*(?:と|・|、|,|や|and|&)\s*",
            reading.folded[piece.span.end : following[0].span.start],
        )
        and _excluded(reading, following[0])
    )


_EXCEPT_GAP = re.compile(fold(r"(?:の\s*(?:方|ほう))?[\sはがものを、,]{0,2}"))
"""ポストコロナの方じゃない: the one said is the one taken out."""
_EXCEPT_GAP_OF_MEASURES = re.compile(
    fold(r"(?:の\s*(?:施策|事業|measures?|もの|やつ))?[\sはがものを、,]{0,2}")
)


def _taken_out(reading: Reading, start: int, end: int, *, measures: bool = False) -> bool:
    """Only a particle between a word and 以外, じゃない or を除く (道北で食を除いた takes out 食,
    not 道北); with `measures`, also the measures it says (500万円以上の施策以外). English says
    it first: excluding Iburi, other than the Sorachi one takes out the word after it."""
    gap = _EXCEPT_GAP_OF_MEASURES if measures else _EXCEPT_GAP
    for cue in reading.cues("except"):
        if cue.text.isascii():
            if cue.span.end <= start and _ENGLISH_EXCEPT_GAP.fullmatch(
                reading.folded[cue.span.end : start]
            ):
                return True
        elif cue.span.start >= end and gap.fullmatch(reading.folded[end : cue.span.start]):
            return True
    return False


_ENGLISH_EXCEPT_GAP = re.compile(r"\s*(?:the\s+|for\s+|of\s+)?")


def _budget(reading: Reading, ranges: list[Piece], unplaced: list[Unplaced]) -> AmountRange | None:
    """The budget condition (two conditions on one amount join: 300万円以上で500万円未満)."""
    chosen: AmountRange | None = None
    for piece in ranges:
        assert piece.range is not None
        if _HEARSAY.match(reading.folded[piece.span.end :]):
            continue  # 全部で1億超えてるらしいけど: a remark about the answer, no condition
        if piece.guessed_unit:
            unplaced.append(Unplaced(text=piece.text, reason="unit"))
            continue
        said: AmountRange | None = piece.range
        if _taken_out(reading, piece.span.start, piece.span.end, measures=True):
            # 300万円未満を除くと: the budgets left, 300万円以上
            said = piece.range.complement()
        if said is None:
            unplaced.append(Unplaced(text=piece.text, reason="topic"))
            continue
        chosen = said if chosen is None else chosen.joined(said)
    for piece in reading.of("amount"):
        assert piece.amount is not None
        # an amount alone (ちょうど700万の施策) is a condition of that very amount; 予算は
        # 500万円くらい？ is a guess at a figure, no condition on measures
        if chosen is None and piece.amount.explicit_unit and _of_measures(reading, piece):
            chosen = AmountRange(
                minimum_yen=piece.amount.yen, maximum_yen=piece.amount.yen, text=piece.text
            )
            reading.pieces.remove(piece)
    return chosen


_HEARSAY = re.compile(
    fold(r"\s*(?:てる|ている|てます|る)?\s*(?:らしい|って聞|と聞|そうだけど|みたいだけど)")
)
_EXACTLY = re.compile(fold(r"(?:ちょうど|丁度|ぴったり|exactly|just)\s*$"))
_MEASURE_AFTER = re.compile(
    fold(
        r"\s*(?:ぴったり|ちょうど|丁度)?\s*(?:の|で|な)?\s*"
        r"(?:施策|事業|もの|やつ|measure|project|プロジェクト|予算の施策)"
    )
)


_CHECK_BEFORE = re.compile(
    fold(
        r"(?:って|は|が|も|全体で|合計で|全部で|ぜんぶで|合わせて|あわせて|足すと|足して"
        r"|すると|したら|すれば|だと|[?？。])"
        r"\s*$"
    )
)
_CHECK_AFTER = re.compile(r"(?![のな])[\u3041-\u3096ー\s]{0,10}(?:[?？!！]|$)")
"""…超えてる？ ends the question; …以上のものは？ says which measures (の, な: a noun follows)."""
_HEARD = re.compile(
    fold(
        r"\s*(?:って|と)(?:聞いた|聞いて|言われた|書いてあった|思ってた|思った)(?:ん)?(?:けど|が|ですが)?"
        r"\s*[、,]?\s*(?:合ってる|あってる|合っています|本当|ほんと|正しい)?[\u3041-\u3096ー\s]*"
        r"[?？]*\s*$"
    )
)
_PASSED = re.compile(r"\s*[はを]?\s*(?:超え|こえ|上回)")
_APPROXIMATE = re.compile(r"\s*(?:くらい|ぐらい|程度|位)")


_PLACE_CHECKED = re.compile(
    fold(
        r"\s*(?:だよね|だよな|だっけ|で合ってる|であってる|で合って(?:い)?ますか|でしょ|ですよね"
        r"|ですか|だよ|かな|なの|でいい)?\s*[?？]+\s*$"
    )
)


def _checked_region(reading: Reading) -> Piece | None:
    """ジオパークの事業って日高だよね？: a place said last, of something else the question names,
    is what the answer (where it is) is checked against; the piece leaves the reading."""
    regions = reading.of("region")
    if len(regions) != 1:
        return None
    piece = regions[0]
    before = reading.folded[max(piece.span.start - 3, 0) : piece.span.start]
    said_first = reading.folded[: piece.span.start]
    if not (
        re.search(fold(r"(?:って|は)\s*$"), before)
        and _PLACE_CHECKED.match(reading.folded[piece.span.end :])
        and re.search(fold(r"[^\sってはのがも]{2}"), said_first)
    ):
        return None
    reading.pieces.remove(piece)
    return piece


_NOTED = re.compile(fold(r"\s*(?:ちょっと|ちょい|くらい|ぐらい|程度|弱|強|ほど|位)?\s*\)"))


_ENGLISH_CHECK = re.compile(
    r"\b(?:is|does|will|did)\s+(?:it|that|this|the (?:grand )?total|the sum)\s+(?:go\s+|come\s+)?$"
)
"""…— is it over 100 million yen?: English checks the answer against an amount at its end."""


def _check(reading: Reading) -> AmountRange | None:
    """予算額って800万円超えてる？, 合わせて三千万円いく？: an amount said of the answer at the end
    of the question is what the answer is checked against, not which measures count; the
    piece leaves the reading (an amount alone is reached: 100万円いってる？)."""
    for piece in [*reading.of("range"), *reading.of("amount")]:
        before = reading.folded[max(piece.span.start - 6, 0) : piece.span.start]
        after = reading.folded[piece.span.end :]
        heard = bool(_HEARD.match(after)) and piece.amount is not None
        checked = _CHECK_BEFORE.search(before) and _CHECK_AFTER.match(
            _PASSED.sub("", after, count=1)
        )
        asked = _ENGLISH_CHECK.search(
            reading.folded[max(piece.span.start - 24, 0) : piece.span.start]
        )
        checked = checked or (asked and re.match(r"\s*[?？.!]*\s*$", after))
        if not (heard or checked):
            continue
        if piece.range is None and (piece.amount is None or _APPROXIMATE.match(after)):
            continue  # 500万円くらい？: a guess at the figure (asked back as before)
        reading.pieces.remove(piece)
        if piece.range is not None:
            return piece.range
        assert piece.amount is not None
        yen = piece.amount.yen
        if heard:  # 7百万円って聞いたけど合ってる？: that very figure
            return AmountRange(minimum_yen=yen, maximum_yen=yen, text=piece.text)
        return AmountRange(
            minimum_yen=yen, include_minimum=not _PASSED.match(after), text=piece.text
        )
    return None


def _of_measures(reading: Reading, piece: Piece) -> bool:
    """700万円の施策, ちょうど700万: the amount says which measures; 予算は500万円？ does not."""
    before = reading.folded[max(piece.span.start - 12, 0) : piece.span.start]
    return bool(_EXACTLY.search(before) or _MEASURE_AFTER.match(reading.folded[piece.span.end :]))


_COUNT_OF_MEASURES = re.compile(
    fold(
        r"(?:施策|事業)(?:の)?(?:数|件数)(?:が|の|で)?|(?:施策|事業)が\s*(?:一番|最も|いちばん)?\s*"
        r"(?:多|少|おお|すく)|number of (?:measures|projects)|most measures|fewest measures"
    )
)


def _counts_measures(reading: Reading) -> bool:
    """施策数が多い, 事業が一番多い, the most measures: the measures are counted, not their
    budgets summed."""
    return _COUNT_OF_MEASURES.search(reading.folded) is not None and (
        reading.has("superlative")
        or reading.has("largest")
        or reading.has("smallest")
        or reading.has("breakdown")
    )


_STARTS_FROM = re.compile(fold(r"\s*(?:い|く)?\s*(?:ほう|方|順|もの|の)?\s*から"))


def _order(reading: Reading) -> Order:
    """Smallest when the words near the superlative, rank or which cue say so."""
    anchors = [
        p for p in reading.of("cue") if p.name in ("superlative", "rank", "which")
    ]  # in the order said
    small = reading.cues("smallest")
    large = reading.cues("largest")
    if not small:
        return "largest"
    if not large:
        return "smallest"
    if any(p.text in _LAST_BY_ITSELF for p in small):
        return "smallest"  # 多い順に並べて最下位: the last of the order asked for
    starts = [p for p in (*small, *large) if _STARTS_FROM.match(reading.folded[p.span.end :])]
    if starts:  # 少ないほうから多いほうへ: the order starts from what から follows
        return "smallest" if starts[0] in small else "largest"
    if not anchors:
        return "smallest" if small[0].span.start < large[0].span.start else "largest"
    anchor = anchors[0].span.start
    nearest = min([*small, *large], key=lambda p: abs(p.span.start - anchor))
    return "smallest" if nearest in small else "largest"


def _operation(
    reading: Reading,
    k: Knowledge,
    *,
    regions: list[Piece],
    topics: list[Word],
    selection: Selection,
    budget: AmountRange | None,
    superlatives: list[Piece],
    ordinals: list[Piece],
    counts: list[Piece],
) -> OperationName:
    """The operation the pieces ask for: the evidence, read by each operation's own rules."""
    units = [p for p in reading.of("cue") if p.name in _UNIT_CUES]
    last_unit = max(units, key=lambda p: p.span.start, default=None)
    filtered = bool(topics or selection.project or budget or selection.measure)
    shared = _asks_shared(reading)
    evidence = Evidence(
        has=reading.has,
        data_scoped=bool(selection.project or selection.measure or budget or reading.of("region"))
        or any(k.topic_rows(w.text) for w in topics)
        or shared,
        shared=shared,
        help_phrases=len({c.text for c in reading.cues("help")}),
        any_cue=bool(reading.of("cue")),
        regions=len(regions),
        topics=len(topics),
        named=len([p for p in reading.pieces if p.kind in ("project", "partial", "measure")]),
        superlatives=len(superlatives),
        ordinals=len(ordinals),
        counts=len(counts),
        counted_items=_counts_items(reading, counts, k),
        budget=budget is not None,
        project=selection.project is not None,
        asks_total=_asks_total(reading) or selection.measure is not None,
        units_said=bool(units),
        ends_on_place=last_unit is not None
        and last_unit.name in ("unit_subprefecture", "unit_area")
        and filtered,
        name_marked=_name_marked(reading),
        asks_amount=any(c.text not in BUDGET_WORDS for c in reading.cues("total")),
        contains_only=bool(reading.cues("list"))
        and all(c.text in _CONTAINS for c in reading.cues("list")),
        handed_only=bool(reading.cues("list"))
        and all(c.text in _HANDED for c in reading.cues("list")),
        proportion_only=bool(reading.cues("share"))
        and all(c.text == fold("比率") for c in reading.cues("share"))
        and not reading.has("whole"),
        list_inside_about=bool(reading.cues("list"))
        and all(
            any(a.span.start <= c.span.start < a.span.end for a in reading.cues("about"))
            for c in reading.cues("list")
        ),
        exists_only=bool(reading.cues("list"))
        and all(c.text in _EXISTS for c in reading.cues("list")),
        relative=any(_RELATIVE.match(reading.folded[p.span.end :]) for p in regions),
        asks_kind=bool(reading.cues("list"))
        and all(c.text in _WHAT_KIND for c in reading.cues("list")),
    )
    return choose(evidence)


_WHAT_KIND = frozenset(fold(w) for w in "どんな どういう どのような what are".split())
_CONTAINS = frozenset(fold(w) for w in "含まれ 入って 入ってる".split())
_EXISTS = frozenset(
    fold(w) for w in "anything のある ってある のはある 何がある なにがある".split()
)


_HANDED = frozenset(fold(w) for w in "出して だして 見せて みせて 挙げて あげて".split())


def _asks_total(reading: Reading) -> bool:
    """A total cue that is not the subject of a budget condition (予算が300万円以上の…)."""
    ranges = reading.of("range")
    return any(
        cue.text not in BUDGET_WORDS
        or not any(
            -4 <= r.span.start - cue.span.end <= 3 or -3 <= cue.span.start - r.span.end <= 3
            for r in ranges
        )
        for cue in reading.cues("total")
    )


_UNIT_CUES: dict[str, Unit] = {
    "unit_measure": "measure",
    "unit_project": "project",
    "unit_subprefecture": "subprefecture",
    "unit_area": "area",
}


_WHICH_BEFORE = re.compile(r"\b(?:which|what)\s+(?:(?:single|one|individual|top)\s+)?$")
"""Which single measure, what project: the unit English asks for, whatever follows."""


def _suffix_of_region(reading: Reading, unit: Piece) -> bool:
    return any(
        re.fullmatch(r"\s*", reading.folded[r.span.end : unit.span.start])
        for r in reading.of("region")
        if r.span.end <= unit.span.start
    )


def _unit(reading: Reading, op: OperationName) -> Unit:
    """The unit the operation counts, ranks or lists: the unit word nearest after its cue
    (予算が一番多い【プロジェクト】), else the last one said; where defaults to 振興局."""
    units = [p for p in reading.of("cue") if p.name in _UNIT_CUES]
    # project ランキング (振興局またぎは合算で): a unit in an aside in brackets is not the one
    units = [p for p in units if not _in_brackets(reading, p)] or units
    # the largest project across all bureaus, 振興局をまたいで: what is summed across, not the unit
    units = [p for p in units if not _across(reading, p)] or units
    # the Kushiro-Nemuro cooperation area, Tokachi subprefecture: a region's own suffix
    units = [p for p in units if not _suffix_of_region(reading, p)] or units
    asked = [p for p in units if _WHICH_BEFORE.search(reading.folded[: p.span.start])]
    if asked and op in ("pick", "rank", "list"):
        units = asked[:1]  # which single measure … the largest: the one asked for
    if not units:
        # 予算が多いのはどこ: a place is asked for, the 振興局
        place = op == "where" or (op == "pick" and reading.has("where"))
        return "subprefecture" if place else "measure"
    anchors = {
        "pick": ("superlative",),
        "rank": ("rank", "superlative"),
        "count": ("count",),
        "list": ("list",),
    }.get(op, ())
    cue_positions = [p.span.start for p in reading.of("cue") if p.name in anchors]
    if op == "count":
        # プロジェクトは何種類、振興局ごとに数えると: what is counted per 振興局 is the unit
        units = [p for p in units if not _per_unit(reading, p)] or units
    if op in ("mean", "median"):
        # 1振興局あたり, 振興局ごとの平均, per area: a mean over their totals; an area said as a
        # region's suffix or per measure keeps the mean over measures
        per = [p for p in units if _per_unit(reading, p)]
        return _UNIT_CUES[per[0].name or ""] if per else "measure"
    if op == "where":
        # どの振興局 / which area say it themselves
        wheres = reading.cues("where")
        said_area = any(
            p.name == "unit_area"
            and any(w.span.start <= p.span.start <= w.span.end + 1 for w in wheres)
            for p in units
        )
        return "area" if said_area else "subprefecture"
    if cue_positions:
        anchor = cue_positions[0]
        sentence = [p for p in units if not _SENTENCE_END.search(_between(reading, anchor, p))]
        after = [p for p in sentence if p.span.start >= anchor]
        if after:
            return _UNIT_CUES[after[0].name or ""]
        if sentence:
            return _UNIT_CUES[sentence[-1].name or ""]
    return _UNIT_CUES[units[-1].name or ""]


_ACROSS_BEFORE = re.compile(
    fold(
        r"(?:\bacross(?:\s+(?:all|the|every|each|its|their|several|multiple))*|複数の|いくつもの)"
        r"\s*$"
    )
)
_ACROSS_AFTER = re.compile(fold(r"^\s*を?(?:またいで|またぎ|跨いで|跨ぎ|横断)"))


_SHARED = re.compile(
    fold(
        r"(?:複数|2つ以上|二つ以上|ふたつ以上|いくつか|いくつも)の?\s*(?:総合)?(?:振興局|局|管内)"
        r"\s*(?:に|で|を|が)?\s*(?:またが|跨が|またい|跨い|実施|やって|展開|行われ|取り組|共同)"
        r"|(?:振興局|局)を?(?:またいで|跨いで)(?:実施|やって|展開|行われ)"
        r"|\b(?:in|across|by)\s+(?:more than one|several|multiple|two or more)\s+"
        r"(?:subprefectures?|bureaus?|振興局)"
        r"|\bshared by (?:several|multiple|two or more)"
        r"|\bspan(?:s|ning)?\s+(?:several|multiple|more)"
    )
)
"""複数の振興局にまたがるプロジェクト, run in more than one subprefecture: only those projects."""
_COMBINED = re.compile(
    fold(
        r"合算|合わせ|あわせ|まとめ|足し|1件として|一つとして|ひとつとして|1つとして|同名"
        r"|\bonce\b|combined|\badd|together|\bsum|\btotal|counting|count them"
    )
)
"""…複数の振興局で実施されているものは合算で: how to count a project, no filter on them."""


def _asks_shared(reading: Reading) -> bool:
    return bool(_SHARED.search(reading.folded)) and not _COMBINED.search(reading.folded)


def _across(reading: Reading, piece: Piece) -> bool:
    return bool(
        _ACROSS_BEFORE.search(reading.folded[: piece.span.start])
        or _ACROSS_AFTER.match(reading.folded[piece.span.end :])
    )


_WITH_AMOUNTS = re.compile(
    fold(
        r"(?:予算|金額|予算額|budget|budgets|amount|amounts)\s*(?:も|付き|つき|込み|込|と一緒)"
        r"|\bwith\s+(?:their\s+|the\s+|its\s+)?(?:budgets?|amounts?)\b"
    )
)
_EACH = re.compile(
    fold(
        r"それぞれ|各々|おのおの|別々|べつべつ|ひとつずつ|一つずつ|1つずつ|いくらずつ|ずつの"
        r"|どの(?:施策|事業|取組|取り組み)で(?:いくら|どれだけ|どのくらい)"
        r"|\beach\s+(?:of\s+)?(?!other\b)[a-z]|\b(?:respectively|individually|separately)\b"
    )
)
"""石狩と空知それぞれの予算, どの施策でいくら, each subprefecture: every item's own amount, not
their sum (measures of 2 to 5 million yen each is a condition on each)."""
_NAMES_AND_AMOUNTS = re.compile(
    fold(
        r"(?:施策名|事業名|名前|名称)\s*(?:と|や|,|、)\s*(?:予算|金額|予算額)"
        r"|(?:施策|事業|measures?)\s*と\s*(?:その|それぞれの)?\s*(?:予算|金額|予算額)(?!\s*(?:合計|総額))"
        r"|(?:予算|金額|予算額)\s*(?:と|も)\s*(?:併せて|あわせて|合わせて|ともに|共に|一緒に)"
        r"|names and (?:budgets|amounts)|measures? and (?:their|its) (?:budgets?|amounts?)"
    )
)
"""施策名と予算額を, 施策とその予算額, 予算額と併せて: each measure's name and amount, whatever
else the question asks."""
"""予算も, budgetも, 予算付きで, with their budgets: a list that asks for each item's amount."""


def _glosses_a_region(reading: Reading, piece: Piece, regions: list[Piece]) -> bool:
    """道北（留萌＋宗谷）, 道南（渡島・檜山）: regions in brackets right after a region say what
    it holds; they are no scope or side of their own."""
    if not _in_brackets(reading, piece):
        return False
    opened = reading.folded.rfind("(", 0, piece.span.start)
    return any(0 <= opened - r.span.end <= 2 for r in regions if r is not piece)


def _in_brackets(reading: Reading, piece: Piece) -> bool:
    before = reading.folded[: piece.span.start]
    return before.rfind("(") > before.rfind(")")


def _per_unit(reading: Reading, piece: Piece) -> bool:
    """振興局あたり, 1振興局, 振興局ごと, per subprefecture, each area: the unit word is what a
    mean is taken over."""
    before = reading.folded[max(0, piece.span.start - 6) : piece.span.start]
    after = reading.folded[piece.span.end : piece.span.end + 8]
    return bool(
        re.search(r"(?:\bper|\beach|\bevery|\b(?:1|one|a)|1つの?|一つの?|1)\s*$", before)
        or re.match(r"\s*(?:(?:1|一|ひと)つ?)?\s*(?:あたり|当たり|ごと|毎|単位)", after)
    )


_SENTENCE_END = re.compile(r"[。.!！?？\n]")


def _between(reading: Reading, position: int, piece: Piece) -> str:
    low, high = sorted((position, piece.span.start))
    return reading.folded[low:high]


_BY = re.compile(r"\b(?:by|per|for each|each)\s+$")


def _breakdown_by(reading: Reading) -> Unit | None:
    """振興局別, 施策ごと, by area: the unit right before 別 or ごと (or after by, per)."""
    for cue in reading.cues("breakdown"):
        for unit in reading.of("cue"):
            if unit.name in _UNIT_CUES and _BY.search(reading.folded[: unit.span.start]):
                return _UNIT_CUES[unit.name or ""]  # break down … by bureau
        own = [
            p
            for p in reading.of("cue")
            if p.name in _UNIT_CUES and cue.span.start <= p.span.start < cue.span.end
        ]
        if own:  # by subprefecture says its unit itself
            return _UNIT_CUES[own[0].name or ""]
        units = [
            p
            for p in reading.of("cue")
            if p.name in _UNIT_CUES and 0 <= cue.span.start - p.span.end <= 2
        ]
        if units:
            return _UNIT_CUES[units[-1].name or ""]
        following = [
            p
            for p in reading.of("cue")
            if p.name in _UNIT_CUES and 0 <= p.span.start - cue.span.end <= 2
        ]
        if following:
            return _UNIT_CUES[following[0].name or ""]
    return None


def _not_dimensions(reading: Reading, words: list[Word], unplaced: list[Unplaced]) -> list[Word]:
    """市町村ごと, 年齢別: a word right before ごと or 別 is what to break down by, not a topic;
    the table breaks down only by its own units, so it is asked back."""
    cues = reading.cues("breakdown")
    kept = []
    for word in words:
        if any(0 <= cue.span.start - word.end <= 1 for cue in cues):
            unplaced.append(Unplaced(text=word.text, reason="by"))
        else:
            kept.append(word)
    return kept


def _counts_items(reading: Reading, counts: list[Piece], k: Knowledge) -> bool:
    """予算が小さい振興局を3つ, the 3 largest: a number of items asked for."""
    return any(
        c.number is not None and c.number > 1 and not _harmless_count(reading, c, "rank", k)
        for c in counts
    )


_BUDGET_SUPERLATIVES = frozenset(
    fold(w) for w in ("最大", "最小", "最高", "最低", "最多", "最少", "トップの", "topの", "no.1の")
)
"""Superlatives that in a budget table can only mean the budget (トップの施策)."""


def _about_budget(reading: Reading, superlatives: list[Piece]) -> bool:
    """一番大きい, 最も多い, 最大: a superlative of the budget. 一番効果があった is not one: the
    table has no such measure, and answering with the largest budget would answer another
    question."""
    if not superlatives:
        return True
    if any(p.text in _BUDGET_SUPERLATIVES for p in superlatives):
        return True
    return reading.has("largest") or reading.has("smallest") or reading.has("total")


_PROJECT_WORD = fold("プロジェクト")
"""How プロジェクト reads folded (ぷろじえくと: small kana are folded too)."""

_UNIT_WORDS = {
    "施策": "measure",
    "事業": "measure",
    "振興局": "subprefecture",
    "管内": "subprefecture",
    "連携地域": "area",
    "地域": "subprefecture",
    _PROJECT_WORD: "project",
}


def _harmless_count(reading: Reading, piece: Piece, op: OperationName, k: Knowledge) -> bool:
    """2つの施策のうち, 6つの連携地域, 3つ合計: a count that restates what the data has, as many
    as the regions said hold (51の地域プロジェクト is not what this table holds, and 3つの施策の
    合計 asks about three measures, not all of them)."""
    after = reading.folded[piece.span.end : piece.span.end + 12]
    if re.match(r"^\s*(?:あたり|当たり|平均)", after) or (
        piece.number == 1 and re.match(r"^\s*(?:つ|個)?\s*(?:と|で|として)\s*数え", after)
    ):
        return True
    named = re.match(
        rf"^\s*(?:つ|個)?\s*の?\s*(?:総合)?(連携地域|施策|事業|振興局|管内|地域|{_PROJECT_WORD})",
        after,
    )
    if named:
        unit = _UNIT_WORDS[named.group(1)]
        if _PROJECT_WORD in after and unit == "subprefecture":
            unit = "project"
        said = [_scope(p.region) for p in reading.of("region") if p.region is not None]
        there = len(k.items(unit, k.select(Selection(regions=said))))
        if piece.number == 1:  # 1施策あたり; 1つの振興局の予算 is no question this can answer
            return bool(re.search(r"あたり|当たり|平均", after))
        rest = len(k.items(unit, k.rows)) - there if said else None  # それ以外の5つの連携地域
        # オホーツク・十勝・釧根の3地域: as many as the places said
        places = len(said) if unit in ("subprefecture", "area") else None
        return piece.number in (there, rest, places)
    return piece.text.strip().endswith(("つ", "個")) and op in (
        "sum",
        "compare",
        "difference",
        "ratio",
        "pick",
    )


def _names_and_projects(
    reading: Reading, k: Knowledge, words: list[Word], unplaced: list[Unplaced]
) -> tuple[Selection, list[Word]]:
    """Projects and measures named (in full, in 「」, or in part before プロジェクト), and
    the words left as topics."""
    project: str | None = None
    measure: str | None = None
    for piece in reading.of("project"):
        names = (piece.name or "").split("\n")
        if len(names) == 1:
            project = names[0]
        else:
            unplaced.append(Unplaced(text=piece.text, reason="project", suggestions=names))
    for piece in reading.of("measure"):
        measure = piece.name  # a measure is named only when one fits (question._quoted)
    topics: list[Word] = []
    project_cues = reading.cues("unit_project")
    for word in words:
        before_project = any(0 <= cue.span.start - word.end <= 2 for cue in project_cues)
        matching = (
            [n for n in k.project_names if fold(word.text) in fold(n)] if before_project else []
        )
        if project is None and not matching and _CONTAINING.match(reading.text, word.end):
            matching = sorted({k.rows[i].project for i in k.topic_rows(word.text)})
        if len(matching) > 1 and reading.of("region"):
            # 日高の観光プロジェクト: of the projects with 観光, the one the region runs
            said = [_scope(p.region) for p in reading.of("region") if p.region is not None]
            run_there = {r.project for r in k.select(Selection(regions=said))}
            matching = [n for n in matching if n in run_there] or matching
        if matching and project is None:
            if len(matching) == 1:
                project = matching[0]
            else:
                unplaced.append(Unplaced(text=word.text, reason="project", suggestions=matching))
            continue
        topics.append(word)
    for piece in [*reading.of("quoted"), *reading.of("partial")]:
        # 「〜プロジェクト」: the wave says "ends with"; the word is what is quoted
        start = piece.span.start + len(piece.text) - len(piece.text.lstrip("〜~"))
        end = piece.span.end - (len(piece.text) - len(piece.text.rstrip("〜~")))
        # the span, not the text's length: (post-corona) is read as ポストコロナ
        topics.append(Word(piece.text.strip("〜~"), start, end))
    topics.sort(key=lambda w: w.start)
    if len([p for p in reading.of("project") if "\n" not in (p.name or "")]) > 1:
        project = None  # several projects: the sides of a comparison or sum
    return Selection(project=project, measure=measure), topics


_CONTAINING = re.compile(
    r"(?:の(?:事業|施策))?(?:が|を)?(?:入って(?:る|いる)|含む|含んだ|含まれる|含まれている|ある)の?"
    r"(?:プロジェクト|ぷろじぇくと|PJ|project)",
    re.IGNORECASE,
)
"""ブリの事業が入ってるプロジェクト: the project a measure about the word belongs to."""
_NAME_WORDS = r"(?:名前|施策名|事業名|名称|measure\s*名|measure\s*name)"
"""A measure's own name (measure名に: the writers mix English into Japanese)."""
_NAME_MARKER = re.compile(
    fold(
        _NAME_WORDS + r"(?:に|が|で)|(?:って|という|と言う|との)\s*名前"
        r"|named|in (?:the|its|their) names?(?!\s*or\s+(?:its\s+|their\s+|the\s+)?description)"
    )
)


def _name_marked(reading: Reading) -> bool:
    """名前に「食」, ツーリズムって名前の: words in a measure's own name are asked for; 施策名を
    教えて only asks for the names."""
    if _COUNTED_BY_NAME.search(reading.folded):
        return False  # 名称で数えると, 名前同じのは1つで: how to count, not a name to look for
    return _NAME_MARKER.search(reading.folded) is not None


_COUNTED_BY_NAME = re.compile(fold(r"(?:名前|名称)(?:が|の)?\s*(?:で数え|同じ|ごとに数え)"))


_NAMED = re.compile(
    r"([^\s、。「」]{1,12}?)(?:って|という|と言う|との)\s*(?:名前|言葉|字|文字)"
    r"|" + _NAME_WORDS + r"(?:に|が)\s*「?[〜~]?([^」\s、。〜~]{1,12}?)」?\s*"
    r"(?:って|が|を|の|で)?\s*(?:入|含|つ|付|終わ|おわ|なって)"
)


def _named_by_pattern(reading: Reading) -> list[Word]:
    """食って名前に入ってる: the word quoted by って before 名前, which a word splitter can take
    for a verb (食う)."""
    match = _NAMED.search(reading.text)
    if match is None:
        return []
    group = 1 if match.group(1) else 2
    return [Word(match.group(group), match.start(group), match.end(group))]


def _name_is_a_unit(reading: Reading) -> bool:
    """名前がプロジェクトで終わる施策: the word in the name is プロジェクト, said as a unit cue."""
    found = _NAMED.search(reading.text)
    return found is not None and fold(found.group(2) or "") == _PROJECT_WORD


_OR = re.compile(r"\bor\b|または|もしくは|あるいは")


_OF_EITHER = frozenset({"sum", "total", "count", "list", "search", "mean", "median", "where"})
_YA = re.compile(r"\s*や\s*")


def _joined_by_ya(reading: Reading, words: list[Word]) -> bool:
    """移住や関係人口: topic words listed with や, which names the measures of either."""
    return any(
        _YA.fullmatch(reading.folded[before.end : word.start])
        for before, word in itertools.pairwise(words)
    )


def _alternatives(reading: Reading, words: list[Word], k: Knowledge) -> list[str]:
    """移住者の増加や移住定住対策, エゾシカかニシン: topics joined by や, か, or, と are
    alternatives (each group's words hold together); none when a group finds nothing."""
    groups: list[list[str]] = [[]]
    for before, word in zip([None, *words], words, strict=False):
        if before is not None and _SIDE_SEPARATOR.search(reading.folded[before.end : word.start]):
            groups.append([])
        groups[-1].append(word.text)
    joined = [" ".join(group) for group in groups if group]
    if len(joined) < 2 or not all(k.topic_rows(group) for group in joined):
        return []
    return joined


def _topics(
    words: list[Word], k: Knowledge, unplaced: list[Unplaced], *, name_marked: bool
) -> tuple[str | None, str | None, list[str]]:
    """The topic words (or, after 名前に, the name words) that the table has; the others are
    unplaced with the closest words it does have."""
    found: list[str] = []
    for word in words:
        if name_marked and k.name_rows(word.text):
            found.append(word.text)
            continue
        head = _without_action(word.text, k)
        if head is not None:
            found.append(head)
            continue
        if k.topic_rows(word.text):
            found.append(word.text)
            continue
        if fold(word.text) in STATISTICS | OUTCOMES:
            # 宗谷の面積は: a figure a budget table does not have, said as such
            unplaced.append(Unplaced(text=word.text, reason="statistic"))
            continue
        suggestions = k.index.suggest_words(word.text)
        unplaced.append(Unplaced(text=word.text, reason="topic", suggestions=suggestions))
    if not found:
        return None, None, []
    found = _specific(found, k)
    joined = " ".join(dict.fromkeys(found))
    if name_marked and all(k.name_rows(w) for w in found):
        return None, joined, []
    if not k.topic_rows(joined):
        # words that each name something but nothing together: the sides of a comparison or
        # sum, as the planner decides, or else a question to ask back
        return None, None, found
    return joined, None, []


ACTIONS = frozenset(
    "促進 推進 振興 対策 活用 支援 強化 拡大 創出 普及 発信 育成 整備 関連 関係 系".split()
)
"""What is done about a topic (移住促進, 観光振興, エゾシカ対策): how, not what."""


def _without_action(text: str, k: Knowledge) -> str | None:
    """移住促進 → 移住: a topic said with what is done about it is about the topic, and finds
    the measures about it that say it otherwise (移住者の増加); None when nothing is gained."""
    from knowledge.reading import CONTENT_WORDS  # noqa: PLC0415 - the reader loads a dictionary

    spans = CONTENT_WORDS.words(text)
    if len(spans) < 2 or text[spans[-1][0] : spans[-1][1]] not in ACTIONS:
        return None
    head = text[: spans[-1][0]]
    rows, whole = set(k.topic_rows(head)), set(k.topic_rows(text))
    return head if rows > whole else None


STATISTICS = frozenset(
    fold(w)
    for w in (
        "人口 何人 人数 住民数 人口密度 面積 世帯 世帯数 税収 失業率 観光客数 入込客数 出生率 "
        "高齢化率 所得 "
        "population area size households unemployment"
    ).split()
)
"""What a region has that a budget table does not: 上川 人口 asks for a number, not for the
measures whose names mention 人口 (関係人口)."""


def _asks_statistic(reading: Reading, selection: Selection, op: OperationName) -> bool:
    """A statistic alone as the topic, with nothing saying it is measures that are wanted."""
    if selection.topic is None:
        return False
    counted_people = fold(selection.topic) == "人" and "人数" in reading.folded  # 人 + 数
    if fold(selection.topic) not in STATISTICS | OUTCOMES and not counted_people:
        return False
    measures_wanted = any(
        p.name in ("unit_measure", "unit_project", "list", "about") for p in reading.of("cue")
    )
    outcome_asked = fold(selection.topic) in OUTCOMES and bool(
        re.search(f"の{re.escape(fold(selection.topic))}(?:は|って|を|が|[?？]|$)", reading.folded)
    )
    return outcome_asked or (
        fold(selection.topic) not in OUTCOMES
        and op in ("search", "total", "where", "count", "pick")
        and not measures_wanted
    )


OUTCOMES = frozenset(fold(w) for w in "効果 成果 実績 評価 達成度 達成状況 進捗 進捗状況".split())
"""What a measure achieved, which a budget table does not say: この事業の効果は asks for it,
whatever words for measures the question has (効果のある事業 asks for measures)."""


GENERIC_SHARE = 0.25
"""A word found in more than this share of the measures (促進, 推進, 活用) says how, not what."""


def _specific(words: list[str], k: Knowledge) -> list[str]:
    """移住の促進: with a word that says what (移住), the generic ones (促進) go; ANDed, they
    would drop measures about 移住 that do not say 促進."""
    if len(words) < 2 or not k.rows:
        return words
    specific = [w for w in words if len(k.topic_rows(w)) <= GENERIC_SHARE * len(k.rows)]
    return specific or words


def _topic_and_region_sides(
    reading: Reading, plain: list[Piece], topics: list[Word], k: Knowledge
) -> list[Side]:
    """根室ディアの事業と十勝総合振興局全体: a measure (or topic) and a region said apart, with
    none of the one inside the other, are two sides (together they would hold nothing)."""
    if len(plain) != 1 or len(topics) != 1 or plain[0].region is None:
        return []
    place, topic = plain[0], topics[0]
    first_end, second_start = (
        (place.span.end, topic.start)
        if place.span.start < topic.start
        else (topic.end, place.span.start)
    )
    region = Selection(regions=[_scope(place.region)])
    whole = re.match(  # ねむろ振興局全体: the suffix of a region read by its sound first
        fold(r"\s*(?:(?:総合)?振興局|エリア)?\s*(?:全体|ぜんたい|全部)"),
        reading.folded[place.span.end :],
    )
    if not _SIDE_SEPARATOR.search(reading.folded[first_end:second_start]) or (
        not whole and k.select(region.model_copy(update={"topic": topic.text}))
    ):
        return []
    sides = [Side(selection=region), Side(selection=Selection(topic=topic.text))]
    return sides if place.span.start < topic.start else sides[::-1]


def _region_and_ranked_sides(
    reading: Reading, plain: list[Piece], topics: list[Word], unit: Unit
) -> list[Side]:
    """石狩と2位の振興局の差: a region and the n-th 振興局 (or 連携地域), in the order said."""
    ordinals = reading.of("ordinal")
    if len(plain) != 1 or plain[0].region is None or len(ordinals) != 1 or topics:
        return []
    if unit not in ("subprefecture", "area"):
        return []
    place, ranked = plain[0], ordinals[0]
    sides = [
        Side(selection=Selection(regions=[_scope(place.region)])),
        Side(pick=Pick(unit=unit, order=_order(reading), rank=ranked.number or 1)),
    ]
    return sides if place.span.start < ranked.span.start else sides[::-1]


def _host_of(excluded: Piece, plain: list[Piece]) -> Piece | None:
    """上川以外の道北: the 連携地域 said right after a 振興局 taken out, which it is taken out
    of."""
    after = [p for p in plain if 0 <= p.span.start - excluded.span.end <= 5]
    host = after[0] if after else None
    if host is None or excluded.region is None or host.region is None:
        return None
    inside = excluded.region.kind == "subprefecture" and host.region.kind == "area"
    return host if inside and excluded.region.area == host.region.full_name else None


def _sides(  # noqa: PLR0911, PLR0912 - one return per shape of sides
    reading: Reading,
    *,
    plain: list[Piece],
    excluded: list[Piece],
    topics: list[Word],
    unit: Unit,
    k: Knowledge,
) -> list[Side]:
    """The things a sum, comparison, difference or ratio is over, in the order said."""
    superlatives = reading.cues("superlative")
    orders = [_order_near(reading, p) for p in superlatives]
    region_scopes = list(dict.fromkeys(_scope(p.region) for p in plain if p.region is not None))
    sides: list[Side] = []
    if excluded:
        # 道央と道央以外: the region and the rest; 上川以外の道北とオホーツク: 道北 without 上川
        hosts = {id(e): _host_of(e, plain) for e in excluded}
        said = [p for p in plain if not _in_brackets(reading, p)]
        if any(hosts.values()) and len(said) >= 1:
            plain = said  # 上川以外の道北（留萌＋宗谷）と石狩: what the brackets say is the side
        for piece in plain:
            out = [_scope(e.region) for e in excluded if hosts[id(e)] is piece]
            sides.append(Side(selection=Selection(regions=[_scope(piece.region)], excluded=out)))
        rest = [_scope(e.region) for e in excluded if hosts[id(e)] is None]
        if rest:
            sides.append(Side(selection=Selection(excluded=rest)))
        return sides if len(sides) >= 2 else []
    if reading.folded.find("それ以外") != -1 and len(plain) == 1:
        return [
            Side(selection=Selection(regions=region_scopes)),
            Side(selection=Selection(excluded=region_scopes)),
        ]
    found_topics = [w for w in topics if k.topic_rows(w.text)]
    topic_texts = [w.text for w in found_topics]
    separated = all(
        # エゾシカとニシン; ブリの事業ってニシンの事業の何倍: the first marked as the subject
        _SIDE_SEPARATOR.search(between := reading.folded[a.end : b.start])
        or _SUBJECT_MARK.search(between)
        for a, b in itertools.pairwise(found_topics)
    )
    said_apart = (
        _english_sides(reading, found_topics, unit, k)
        or _topic_and_region_sides(reading, plain, found_topics, k)
        or _region_and_ranked_sides(reading, plain, found_topics, unit)
    )
    if said_apart:
        return said_apart
    # エゾシカ肉の事業（空知と根室の2つ合わせて）とブリの事業: regions in brackets say where
    # a topic is, they are no sides of their own
    noted = len(topic_texts) >= 2 and all(_in_brackets(reading, p) for p in plain)
    if len(region_scopes) >= 2 and not noted:
        shaped = _grouped_sides(reading, plain) or _parallel_sides(
            reading, plain, found_topics, unit
        )
        if shaped:
            return shaped
        paired = len(topic_texts) == len(region_scopes) and len(set(topic_texts)) > 1
        for index, region in enumerate(region_scopes):
            within = Selection(regions=[region])
            if paired:
                within = within.model_copy(update={"topic": topic_texts[index]})
            if superlatives:
                order = orders[index] if len(orders) == len(region_scopes) else orders[0]
                sides.append(Side(pick=Pick(unit=unit, order=order, within=within)))
            else:
                sides.append(Side(selection=within))
        return sides
    ordinals = reading.of("ordinal")
    ranked = _ranked_marks(superlatives, ordinals)
    if len(ranked) >= 2:
        # 一番大きい施策と2番目に大きい施策の差, the largest … than the second largest
        within = Selection(regions=region_scopes)
        return [
            Side(pick=Pick(unit=unit, order=_order_near(reading, p), rank=rank, within=within))
            for p, rank in ranked
        ]
    if len(ordinals) >= 2:
        # 1位の振興局と2位の振興局の合計: the items at those ranks
        within = Selection(regions=region_scopes)
        order = _order(reading)
        return [
            Side(pick=Pick(unit=unit, order=order, rank=o.number or 1, within=within))
            for o in ordinals
        ]
    if len(topic_texts) >= 2 and separated:
        # 道央のエゾシカとニシン: both within 道央; 空知のエゾシカと「根室ディア」: the region
        # says where the first is, for the second is not there; regions in brackets that
        # narrow nothing (エゾシカ肉 is only in 空知 and 根室) are left out of the side's name
        sides = []
        for text in topic_texts:
            alone, scoped = Selection(topic=text), Selection(topic=text, regions=region_scopes)
            narrowed = k.select(scoped)
            narrows = bool(narrowed) and not (noted and narrowed == k.select(alone))
            sides.append(Side(selection=scoped if narrows else alone))
        return sides
    grouped = _alternatives(reading, found_topics, k) if not separated else []
    if len(grouped) == 2:
        # 炭鉱の記憶を活かす事業と宇宙の理解を広める事業: two groups of words, one side each
        return [Side(selection=Selection(topic=g, regions=region_scopes)) for g in grouped]
    return _sides_by_name(reading, plain, found_topics)


def _sides_by_name(reading: Reading, plain: list[Piece], topics: list[Word]) -> list[Side]:
    """Projects and measures named: each one a side, or the one named and the rest."""
    named = _named_pieces(reading)
    if len(named) >= 2:
        return [
            Side(
                selection=Selection(project=p.name)
                if p.kind == "project"
                else Selection(measure=p.name)
            )
            for p in sorted(named, key=lambda p: p.span.start)
        ]
    return _named_and_rest(reading, named[0], plain, topics) if named else []


_ENGLISH_SIDES = re.compile(r"\b(?:than|vs|versus|compared (?:to|with)|against)\b")
_ENGLISH_PICKS = re.compile(r"\b(?:and|with)\b")


def _english_sides(reading: Reading, topics: list[Word], unit: Unit, k: Knowledge) -> list[Side]:
    """How much more does the post-COVID Ishikari strategy measure get than the Olympics one,
    the largest measure in Okhotsk vs the largest in Tokachi: English says what a side is
    before its region, so what is said before "than" or "vs" is one side and what is said
    after it the other (its topic words together, within its regions; a superlative makes
    it the item picked there)."""
    ranges = reading.of("range")

    def cuts(pattern: re.Pattern[str]) -> list[int]:
        return [
            m.start()
            for m in pattern.finditer(reading.folded)
            if not any(r.span.start <= m.start() < r.span.end for r in ranges)  # more than 3M
        ]

    def marks(cut: int) -> list[list[Piece]]:
        return [
            [c for c in reading.cues("superlative") if start <= c.span.start < end]
            for start, end in ((0, cut), (cut, len(reading.folded)))
        ]

    strong = cuts(_ENGLISH_SIDES)
    # the largest in Ishikari and the smallest in Sorachi: and, with join two picked items
    weak = [c for c in cuts(_ENGLISH_PICKS) if all(marks(c))]
    if len(strong) == 1:
        cut = strong[0]
    elif not strong and len(weak) == 1:
        cut = weak[0]
    else:
        return []
    parts = ((0, cut), (cut, len(reading.folded)))
    superlatives = marks(cut)
    sides = []
    for (start, end), picked in zip(parts, superlatives, strict=True):
        words = [w.text for w in topics if start <= w.start < end]
        regions = [
            _scope(p.region)
            for p in _distinct(reading.of("region"))
            if p.region is not None and start <= p.span.start < end
        ]
        if not words and not picked:
            return []
        sides.append(Selection(topic=" ".join(dict.fromkeys(words)) or None, regions=regions))
    for index, selection in enumerate(sides):
        other = sides[1 - index].regions
        inherited = selection.model_copy(update={"regions": other})
        if not selection.regions and other and k.select(inherited):
            # Iburi's tourism measure … than its food-brand one: the same region, as said once
            sides[index] = inherited
    if not any(superlatives) and k.select(sides[0]) == k.select(sides[1]):
        return []  # two names of the same measures: no comparison
    ordinals = reading.of("ordinal")
    return [
        Side(
            pick=Pick(
                unit=unit,
                order=_order_near(reading, picked[0]),
                # the largest … than the second largest
                rank=next((o.number or 1 for o in ordinals if start <= o.span.start < end), 1),
                within=side,
            )
        )
        if picked
        else Side(selection=side)
        for side, picked, (start, end) in zip(sides, superlatives, parts, strict=True)
    ]


def _part_of_the_other(k: Knowledge, shared: Selection, sides: list[Side]) -> Selection | None:
    """Of two sides to add up, the one whose measures are all among the other's."""
    if len(sides) != 2 or any(s.selection is None or s.pick is not None for s in sides):
        return None
    scopes = [shared.merged(s.selection or Selection()) for s in sides]
    first, second = ({id(r) for r in k.select(scope)} for scope in scopes)
    if not first or not second:
        return None
    if first <= second:
        return scopes[0]
    return scopes[1] if second < first else None


def _side_ranks(sides: list[Side]) -> set[int]:
    return {s.pick.rank for s in sides if s.pick is not None}


ORDINAL_REACH = 2
"""How far a superlative may stand after an ordinal and belong to it (second largest)."""


def _ranked_marks(superlatives: list[Piece], ordinals: list[Piece]) -> list[tuple[Piece, int]]:
    """The items a comparison is between when they are said by rank: 最大 or the largest is
    the first, 2番目 or the second its own rank (the largest after second is the second's)."""
    if not superlatives:
        return []
    marks = [(o, o.number or 1) for o in ordinals]
    marks += [
        (s, 1)
        for s in superlatives
        if not any(0 <= s.span.start - o.span.end <= ORDINAL_REACH for o in ordinals)
    ]
    return sorted(marks, key=lambda mark: mark[0].span.start)


def _named_pieces(reading: Reading) -> list[Piece]:
    """The measures and projects named, each one name (not a partial name fitting several)."""
    return [
        p
        for p in reading.pieces
        if p.kind in ("project", "measure") and p.name and "\n" not in p.name
    ]


def _named_and_rest(
    reading: Reading, one: Piece, plain: list[Piece], topics: list[Word]
) -> list[Side]:
    """ポストコロナいしかり…の予算は、釧路の担い手確保の事業の何倍: the one named, and the
    regions and words said apart from its name (never words of the name itself), when
    something stands between them (交流人口の拡大 project (釧路・根室) is one project)."""
    name = fold(one.name or "")
    apart = [w for w in topics if fold(w.text) not in name]
    regions = list(dict.fromkeys(_scope(p.region) for p in plain if p.region is not None))
    if not regions and not apart:
        return []
    side = Side(
        selection=Selection(project=one.name)
        if one.kind == "project"
        else Selection(measure=one.name)
    )
    topic = " ".join(w.text for w in apart) or None
    rest = Side(selection=Selection(regions=regions, topic=topic))
    # where the rest is said: its words (檜山の2つの施策（「食と観光…」と関係人口創出事業）: the
    # region says where both are), or else its regions
    starts = [w.start for w in apart] or [p.span.start for p in plain]
    ends = [w.end for w in apart] or [p.span.end for p in plain]
    first = one.span.start < min(starts)
    between = (
        reading.folded[one.span.end : min(starts)]
        if first
        else reading.folded[max(ends) : one.span.start]
    )
    if not _SIDE_SEPARATOR.search(between):
        return []
    return [side, rest] if first else [rest, side]


_THE_REST = re.compile(fold(r"それ(?:未満|以下|以上|より(?:下|上|少な|多)|を超え|超え|以外)"))


def _range_sides(reading: Reading, ranges: list[Piece], selection: Selection) -> list[Side]:
    """500万円以上の施策の合計と500万円未満の施策の合計の差: two budget conditions said apart
    are two sides (joined they would hold no measure)."""
    if any(p.guessed_unit or p.range is None for p in ranges):
        return []
    rest = _THE_REST.search(reading.folded)
    if len(ranges) == 1 and rest is not None and rest.start() > ranges[0].span.end:
        # 500万円以上の施策の合計は、それ未満の施策の合計の何倍: the range and the rest
        assert ranges[0].range is not None
        other = ranges[0].range.complement()
        if other is None:
            return []
        return [
            Side(selection=Selection(topic=selection.topic, budget=b))
            for b in (ranges[0].range, other)
        ]
    if len(ranges) != 2:
        return []
    first, second = sorted(ranges, key=lambda p: p.span.start)
    if not _SIDE_SEPARATOR.search(reading.folded[first.span.end : second.span.start]):
        return []
    return [
        Side(selection=Selection(topic=selection.topic, budget=p.range)) for p in (first, second)
    ]


def _against_whole(reading: Reading, plain: list[Piece]) -> list[Side]:
    """全道は道北の何倍, 全体と石狩の差: one region against the whole table, in the order said
    (never two of the region's own measures)."""
    wholes = reading.cues("whole")
    if len(plain) != 1 or plain[0].region is None or not wholes:
        return []
    region = Side(selection=Selection(regions=[_scope(plain[0].region)]))
    whole = Side(selection=Selection())
    return [whole, region] if wholes[0].span.start < plain[0].span.start else [region, whole]


def _said_first_is_of(reading: Reading, sides: list[Side]) -> bool:
    """そらちの…と、ねむろの…、ねむろのほうはそらちの何倍: the region right before の何倍 is
    what the other is measured by; when it is the first side's, the sides turn round."""
    cues = reading.cues("ratio")
    if not cues:
        return False
    before = [
        p
        for p in reading.of("region")
        if p.span.end <= cues[0].span.start
        and re.fullmatch(
            r"\s*の\s*(?:予算\s*の\s*)?", reading.folded[p.span.end : cues[0].span.start]
        )
    ]
    first = sides[0].selection or (sides[0].pick.within if sides[0].pick else None)
    if not before or before[-1].region is None or first is None:
        return False
    return first.regions == [_scope(before[-1].region)]


def _denominator_first(reading: Reading) -> bool:
    """What multiple of A is B: the ratio's cue, before any region, is followed by of A."""
    regions = reading.of("region")
    return any(
        regions
        and cue.span.end <= regions[0].span.start
        and (cue.text.endswith(" of") or re.match(r"\s*of\b", reading.folded[cue.span.end :]))
        and cue.text != "ratio"  # the ratio of A to B is A over B
        for cue in reading.cues("ratio")
    )


_JOINS = ("+", "plus")


def _grouped_sides(reading: Reading, plain: list[Piece]) -> list[Side]:
    """オホーツクと十勝を合わせた額と釧根: regions added up before a sum cue form one side
    (空知+石狩合計 vs 胆振: a plus or a "plus" joins the regions it stands between)."""
    cues = [c.span.start for c in reading.cues("sum") if c.text not in _JOINS]
    groups: list[list[Piece]] = [[]]
    for index, piece in enumerate(plain):
        groups[-1].append(piece)
        following = plain[index + 1].span.start if index + 1 < len(plain) else None
        if following is not None and any(piece.span.end <= c < following for c in cues):
            groups.append([])
    groups = [g for g in groups if g]
    if len(groups) < 2 or all(len(g) == 1 for g in groups):
        return []
    return [
        Side(selection=Selection(regions=[_scope(p.region) for p in group if p.region]))
        for group in groups
    ]


def _parallel_sides(
    reading: Reading, plain: list[Piece], topics: list[Word], unit: Unit
) -> list[Side]:
    """石狩でいちばん高い施策と渡島の縄文のやつ: each region with what is said after it (a
    superlative, a topic) is one side, when what is said differs from side to side."""
    ends = [p.span.start for p in plain[1:]] + [len(reading.folded)]
    segments = [(p.span.end, end) for p, end in zip(plain, ends, strict=True)]
    superlatives = reading.cues("superlative")

    def inside(span: Span, segment: tuple[int, int]) -> bool:
        return segment[0] <= span.start < segment[1]

    named = _named_pieces(reading)

    def own(segment: tuple[int, int]) -> bool:
        return (
            any(inside(c.span, segment) for c in superlatives)
            or any(inside(Span(w.start, w.end), segment) for w in topics)
            or any(inside(p.span, segment) for p in named)
        )

    if not any(own(segment) for segment in segments[:-1]):
        return []
    sides: list[Side] = []
    for piece, segment in zip(plain, segments, strict=True):
        said = " ".join(w.text for w in topics if inside(Span(w.start, w.end), segment))
        if sides and not own(segment) and _ELLIPSIS.match(reading.folded[segment[0] :]):
            # 上川のツーリズムの施策と留萌の, Kamikawa's ツーリズム measure or Rumoi's: the
            # same said again of the next region
            before = sides[-1].pick.within if sides[-1].pick else sides[-1].selection
            region = Selection(regions=[_scope(piece.region)])
            same = (before or Selection()).model_copy(update={"regions": region.regions})
            previous = sides[-1].pick
            sides.append(
                Side(pick=previous.model_copy(update={"within": same}))
                if previous
                else Side(selection=same)
            )
            continue
        within = Selection(regions=[_scope(piece.region)], topic=said or None)
        for name in (p for p in named if inside(p.span, segment)):  # 桧山の「…ひやまの魅力」の事業
            field = "project" if name.kind == "project" else "measure"
            within = within.model_copy(update={field: name.name})
        superlative = next((c for c in superlatives if inside(c.span, segment)), None)
        if superlative is not None:
            order = _order_near(reading, superlative)
            sides.append(Side(pick=Pick(unit=unit, order=order, within=within)))
        else:
            sides.append(Side(selection=within))
    return sides


_ELLIPSIS = re.compile(
    fold(
        r"(?:'s|’s|の(?:やつ|ほう|方|もの|分)?)\s*"
        r"(?:$|[?？、,。!！]|より|と|って|は|で|どっち|どちら|or\b|and\b)"
    )
)
"""Rumoi's?, そらちのやつより: a region said with nothing of its own after it."""

_SIDE_SEPARATOR = re.compile(r"と|や|か|、|,|\+|＋|\band\b|\bor\b|\bvs\b|対|/|／")
"""What stands between two things compared or added up (エゾシカとニシン); 移住の促進 is one
topic."""


_SUBJECT_MARK = re.compile(fold("って|は|が"))


def _unnamed(topic: str | None, sides: list[Side]) -> str | None:
    """The shared topic, unless it is part of a side's own measure or project name."""
    names = [
        fold(name)
        for s in sides
        if s.selection is not None
        for name in (s.selection.measure, s.selection.project)
        if name
    ]
    return None if topic and any(fold(topic) in n for n in names) else topic


def _named_sides(sides: list[Side], field: Literal["measure", "project"]) -> bool:
    return any(s.selection is not None and getattr(s.selection, field) for s in sides)


def _topic_sides(sides: list[Side]) -> bool:
    return any(s.selection is not None and s.selection.topic for s in sides)


_LARGEST_BY_ITSELF = frozenset(
    fold(w)
    for w in "最大 最高 最多 largest biggest highest no.1 no.1の no1 最上位 トップの topの".split()
)
_LAST_BY_ITSELF = frozenset(fold(w) for w in "最下位 ビリ".split())
"""The last of a ranking, whichever way it is ordered (多い順で最下位)."""
_SMALLEST_BY_ITSELF = _LAST_BY_ITSELF | frozenset(
    fold(w) for w in "最小 最低 最少 smallest lowest least".split()
)
"""Superlatives that say their direction themselves (No.1の振興局と最下位の振興局)."""


def _order_near(reading: Reading, anchor: Piece) -> Order:
    candidates = [*reading.cues("smallest"), *reading.cues("largest")]
    if anchor.text in _SMALLEST_BY_ITSELF:
        return "smallest"
    if anchor.text in _LARGEST_BY_ITSELF:
        return "largest"
    following = [p for p in candidates if p.span.start >= anchor.span.start]
    if not following:
        return "largest"
    nearest = min(following, key=lambda p: p.span.start)
    return "smallest" if nearest.name == "smallest" else "largest"


WHICH_OF_FEW = 3


def _few_items(k: Knowledge, selection: Selection, unit: Unit) -> bool:
    """A "which" question over one scope picks among its items only when there are few
    (the two エゾシカ measures); over a whole region it is a comparison with a side missing."""
    if selection.empty:
        return False
    return 1 < len(k.items(unit, k.select(selection))) <= WHICH_OF_FEW


_EXTREMES_READING = {
    "difference": "{scope}の一番大きい{unit}と一番小さい{unit}の差",
    "ratio": "{scope}の一番大きい{unit}は一番小さい{unit}の何倍",
    "compare": "{scope}の一番大きい{unit}と一番小さい{unit}の比較",
}
"""The reading offered first when a scope's own items are compared without saying which."""


def _side_readings(k: Knowledge, selection: Selection, unit: Unit, op: OperationName) -> list[str]:
    """石狩の施策の差 (three measures): what it could mean, the largest against the smallest
    or all of them in order, as questions to choose from; nothing to offer without a scope."""
    unit = unit if unit in ("measure", "project") else "measure"
    if selection.empty or op not in _EXTREMES_READING:
        return []
    if len(k.items(unit, k.select(selection))) < 2:
        return []
    scope, label = selection.describe(), UNIT_LABEL[unit]
    return [
        _EXTREMES_READING[op].format(scope=scope, unit=label),
        f"{scope}の{label}を大きい順に",
    ]


def _two_items(k: Knowledge, selection: Selection, unit: Unit) -> list[Side]:
    """胆振の2つの施策の差, 石狩の2つのプロジェクト: a scope with exactly two measures or
    projects has them as its sides."""
    items = k.items(unit, k.select(selection)) if not selection.empty else []
    if len(items) != 2 or unit not in ("measure", "project"):
        return []
    return [Side(selection=selection.model_copy(update={unit: g.name})) for g in items]


# -- what was understood ----------------------------------------------------------------------


def describe(plan: QueryPlan) -> str:
    """対象: 空知総合振興局 ・ 集計: 合計 — every piece of the plan that was used, in one line."""
    from knowledge.operations import OPERATIONS  # noqa: PLC0415 - operations import the engine

    label = OPERATIONS[plan.operation].label
    unit = UNIT_LABEL[plan.unit]
    size = "大きい" if plan.order == "largest" else "小さい"
    if plan.operation == "pick":
        nth = "一番" if plan.rank == 1 else f"{plan.rank}番目に"
        label = f"{nth}{size}{unit}"
    elif plan.operation == "rank":
        label = f"{unit}の{size}順" + (f"（上位{plan.n}件）" if plan.n else "")
    elif plan.most_measures:
        label = f"施策の数が一番{'多い' if plan.order == 'largest' else '少ない'}{unit}"
    elif plan.operation == "count" and plan.by:
        label = f"{UNIT_LABEL[plan.by]}別の施策数"
    elif plan.operation in ("count", "list", "mean", "median") and plan.unit != "measure":
        label = f"{unit}の{label}"
    elif plan.operation == "breakdown" and plan.by:
        label = f"{UNIT_LABEL[plan.by]}別の内訳"
    if plan.sides:
        target = " と ".join(side.describe() for side in plan.sides)
        if not plan.selection.empty:
            target += f"（{plan.selection.describe()}）"
    else:
        target = plan.selection.describe()
    checked = f" ・ 確認: {plan.check.label()}か" if plan.check else ""
    if plan.check_region:
        checked += f" ・ 確認: {plan.check_region.full_name}か"
    if plan.operation == "share":
        whole = plan.whole.describe() if plan.whole else "全道"
        return f"対象: {target} ・ 全体: {whole} ・ 集計: {label}{checked}"
    if plan.operation == "where":
        label = f"どの{unit if plan.unit != 'measure' else '振興局'}か"
    return f"対象: {target} ・ 集計: {label}{checked}"


def _understanding(plan: QueryPlan) -> Understanding:
    regions = list(plan.selection.regions)
    for side in plan.sides:
        if side.selection is not None:
            regions += [r for r in side.selection.regions if r not in regions]
    if plan.whole is not None:
        regions += [r for r in plan.whole.regions if r not in regions]
    return Understanding(
        intent=INTENT_OF[plan.operation],
        regions=regions,
        keyword=plan.selection.topic or plan.selection.name,
        project=plan.selection.project,
        n=plan.n if plan.operation == "rank" else (plan.rank if plan.operation == "pick" else None),
        by=plan.unit if plan.operation in ("pick", "rank") else None,
        order=plan.order if plan.operation in ("pick", "rank") else None,
        project_candidates=[
            s for u in plan.unplaced if u.reason == "project" for s in u.suggestions
        ],
        summary=describe(plan),
        plan=plan.model_dump(mode="json"),
        unplaced=[u.text for u in plan.unplaced if u.text],
    )
