"""Japanese typed in romaji (Sorachi no yosan, total de ikura?) read as the Japanese it spells.

Teammates type Japanese in romaji when their input method is off. The reader knows romaji
region names but not romaji cue words or particles, so such a question is written in Japanese
first: only a question whose romaji particles outnumber its English function words (or one in
Japanese script with a romaji word), and only the words that are a particle, a word the reader
knows in kanji (yosan is 予算, jigyou 事業, man-en 万円), a word it knows in kana (いくら, ある,
ちょうだい however its long vowels are spelled) or a known stem with its ending (awasete).
Every other word stays as typed: region names (the resolver reads them in romaji), English
cue words, and unknown words, which are then reported as not understood.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata

import jaconv

from knowledge.normalize import fold, fold_romaji
from knowledge.regions import REGION_TABLE

_WORD = re.compile(r"[A-Za-z\u00c0-\u017f]+(?:-[A-Za-z\u00c0-\u017f]+)*")
_PARTICLES = frozenset("wa ga wo no tte de ni mo ka".split())
"""Words that make a question Japanese in romaji."""
_ENGLISH = frozenset(
    "the of is are was were what which who how why when where does do did in on for and or "
    "with by from this that these those there much many me my you your it its be can could "
    "please show tell give than between if an we our".split()
)
"""Words that make it English, whose words are left as typed."""
_LONG = {"ā": "aa", "ī": "ii", "ū": "uu", "ē": "ee", "ō": "ou", "â": "aa", "î": "ii", "û": "uu"}
_LONG |= {"ê": "ee", "ô": "ou"}
_IN_JAPANESE = re.compile(r"[ぁ-ゖァ-ヺ\u4e00-\u9fff]")
"""A question in Japanese script with a word in romaji (7,000千円以上の jigyou って何件？)."""
_GRAMMAR = frozenset("の が で に も か と って は を へ や".split())


_ASKING = frozenset(
    "やってる やっている やってます はいってる はいっている はいってます もってる もっている "
    "もってます もらえる もらえます だして して しって です でした ます します しますか "
    "ですか でしょう なに なん それぞれ この その あの これ それ だけ くれ くれる ある "
    "あります いる います したら すると したい やって はいって もって いて おります "
    "ありますか いますか なりますか".split()
)
"""The verbs and endings of asking typed in romaji (yatteru, haitteru, desu, shite): grammar
the reader reads past in Japanese script too, never a topic."""
_ENDINGS = frozenset("て た たら たり ます ました れば る てる ている ない".split())
"""What follows a verb's stem: awase-te is 合わせて, tashi-tara 足したら."""


@functools.cache
def _cue_kana() -> frozenset[str]:
    """Words written in kana that the reader knows (いくら, どっち, へいきん, ある, して): cue
    phrases, the words a question may leave out and the words of asking, folded."""
    from knowledge.question import CUES  # noqa: PLC0415 - the cue table imports this module's users
    from knowledge.understand import FILLER, QUESTION_WORDS  # noqa: PLC0415 - it imports this

    words = {p for ps in CUES.values() for p in ps} | FILLER | QUESTION_WORDS
    words |= {fold(w) for w in _ASKING}
    return frozenset(p for p in words if re.fullmatch(r"[ぁ-ゖー]+", p))


_AMOUNT_WORDS = "以上 以下 未満 超 台 円 千円 万円 億円 万 千 億".split()
"""The amount and range words of knowledge/quantities.py (700 man-en ijou is 700万円以上)."""
_JAPANESE = re.compile(r"^[ぁ-ゖー\u4e00-\u9fff々]*[\u4e00-\u9fff々][ぁ-ゖー\u4e00-\u9fff々]*$")


@functools.cache
def _kanji_words() -> dict[str, str]:
    """Folded romaji -> the word in kanji, for the cue words, the words a question may leave out
    and the amount words: what a romaji word may become when it is not written in kana."""
    from knowledge.question import CUES  # noqa: PLC0415 - the cue table imports this module's users
    from knowledge.reading import Reader  # noqa: PLC0415 - the reader loads a dictionary
    from knowledge.understand import FILLER, QUESTION_WORDS  # noqa: PLC0415 - it imports this

    reader = Reader()
    words: dict[str, str] = {}
    phrases = {p for ps in CUES.values() for p in ps} | FILLER | QUESTION_WORDS
    phrases |= set(_AMOUNT_WORDS)
    for phrase in sorted(phrases, key=lambda p: (len(p), p)):
        if _JAPANESE.match(phrase):
            words.setdefault(fold_romaji(reader.romaji(phrase)), phrase)
    return words


def _spelled(part: str) -> str | None:
    """The kana a romaji word spells, or None when it spells none (olympic, okhotsk)."""
    kana = jaconv.alphabet2kana(part)
    if re.search(r"[a-z]", kana) or kana.endswith("っ") or "ー" in kana:
        return None
    if jaconv.alphabet2kana(jaconv.kana2alphabet(kana)) != kana:
        return None
    # only a word the reader knows as a cue or a particle: an unknown word stays as typed, so
    # that it is reported as not understood, never skipped as if it were grammar
    return kana if fold(kana) in _cue_kana() or kana in _GRAMMAR else None


@functools.cache
def _kana_words() -> dict[str, str]:
    """Folded romaji -> the kana word the reader knows: chodai (long vowel left out) is
    ちょうだい."""
    words: dict[str, str] = {}
    for kana in sorted(_cue_kana()):
        words.setdefault(_kana_key(kana), kana)
    return words


def _kana_key(folded: str) -> str:
    """Folded kana (small kana made large, as the cue table keeps them) as folded romaji."""
    return fold_romaji(jaconv.kana2alphabet(folded))


def _word_of(part: str) -> str | None:
    """The word a romaji word reads as, however its long vowels and ん are spelled (tanni and
    tani are 単位, chodai ちょうだい): in kanji when the reader knows it so, else in kana."""
    for key in dict.fromkeys((fold_romaji(part), fold_romaji(part.replace("nn", "n")))):
        found = _kanji_words().get(key)
        if found is not None:
            return found
    kana = jaconv.alphabet2kana(part)
    if re.fullmatch(r"[ぁ-ゖー]+", kana) and jaconv.kana2alphabet(kana) == part:
        found = _kana_words().get(_kana_key(fold(kana)))  # total is no とーたる
        return kana if found == fold(kana) else found  # じゃない as typed, not folded
    return None


def _known(part: str) -> str | None:
    """The word a romaji word is: a particle, a word in kanji (yosan is 予算, as a person would
    have written it), kana the reader knows, or a known stem and its ending (awasete is
    合わせて)."""
    spelled = _spelled(part)
    if spelled in _GRAMMAR:
        return spelled
    known = _word_of(part) or spelled
    if known is not None:
        return known
    for cut in range(len(part) - 1, 1, -1):
        ending = jaconv.alphabet2kana(part[cut:])
        if ending in _ENDINGS and jaconv.kana2alphabet(ending) == part[cut:]:
            stem = _word_of(part[:cut]) or _spelled(part[:cut])
            if stem is not None:
                return stem + ending
    return None


_PARTICLE_KANA = {"wa": "は", "wo": "を", "he": "へ"}
"""Particles are written as said, not as spelled: Sorachi wa is そらちは."""


@functools.cache
def _region_romaji() -> frozenset[str]:
    """The romaji of every region name (dou, douou, kamikawa): names are never cue words, so
    Dou-ou stays 道央, not 同 and a stray ou."""
    table = tomllib.loads(REGION_TABLE.read_text(encoding="utf-8"))
    keys: set[str] = set()
    for entry in [*table.get("area", []), *table.get("subprefecture", [])]:
        keys.update(fold_romaji(r) for r in entry.get("romaji", []))
        keys.update(_kana_key(fold(k)) for k in entry.get("kana", []))
    return frozenset(keys)


def _word(word: str) -> str:
    if word.lower() in _PARTICLE_KANA:
        return _PARTICLE_KANA[word.lower()]
    plain = "".join(_LONG.get(c, c) for c in word.lower())
    plain = unicodedata.normalize("NFKC", plain)
    if {fold_romaji(plain), *map(fold_romaji, plain.split("-"))} & _region_romaji():
        return word
    whole = _kanji_words().get(fold_romaji(plain)) if "-" in plain else None
    if whole is not None:
        return whole  # man-en, sen-en: one word (万円, 千円), the hyphen parting n from a vowel
    parts = plain.split("-")
    spelled = [_known(p) for p in parts]
    if all(s is None for s in spelled):
        return word
    out = spelled[0] or parts[0]
    for before, after, kana in zip(parts, parts[1:], spelled[1:], strict=False):
        # sen-en is せんえん (the hyphen only parts n from a vowel); Kushiro-Nemuro two names
        joined = kana is not None and before.endswith("n") and after[:1] in "aiueo"
        out += ("" if joined else "・" if kana else "-") + (kana or after)
    return out


def _particle(match: re.Match[str]) -> bool:
    """no, wa, ga as particles: lower case, and not No.1."""
    word = match.group()
    return word in _PARTICLES and not re.match(r"\.?\s*\d", match.string[match.end() :])


def as_kana(question: str) -> str:
    """The question with its romaji Japanese written in kana; other questions as they are."""
    matches = list(_WORD.finditer(question))
    words = [m.group().lower() for m in matches]
    particles = sum(1 for m in matches if _particle(m))
    english = sum(1 for w in words if w in _ENGLISH)
    # Nemuro no share in 釧根 area, percent de oshiete: Japanese with an English word or two
    japanese = particles > english or (not english and _IN_JAPANESE.search(question))
    if not japanese:
        return question
    question = _COUNTER.sub(lambda m: m.group(1) + _COUNTERS[m.group(2).lower()], question)
    written = _WORD.sub(_written, question)
    # Japanese is written without spaces: goukei shitara ikura is 合計したら幾ら, so that the
    # words read together as they would have in Japanese script
    return _SPACED.sub("", written).replace(_MARK, "")


def _written(match: re.Match[str]) -> str:
    """A romaji word as Japanese, marked so that the spaces around it can go; No.1, a
    sentence-initial English No: a capitalised particle is not one."""
    word = match.group()
    if word[:1].isupper() and word.lower() in _PARTICLES:
        return word
    japanese = _word(word)
    return word if japanese == word else _MARK + japanese + _MARK


_COUNTERS = {"i": "位", "ban": "番", "banme": "番目", "tsu": "つ", "ken": "件", "ko": "個"}
_COUNTER = re.compile(r"(\d+)\s*-?\s*(banme|ban|tsu|ken|ko|i)\b", re.IGNORECASE)
"""2-i, 2-banme, 3-tsu: a number and its counter (2位, 2番目, 3つ)."""
_MARK = "\x00"
_JA = "ぁ-ゖァ-ヺー\u4e00-\u9fff々"
_SPACED = re.compile(rf"(?<=\x00)[ \t]+(?=[\x00{_JA}])|(?<=[{_JA}])[ \t]+(?=\x00)|(?<=\d)-(?=\x00)")
"""Spaces between words made Japanese and Japanese script, and the hyphen of 500-man-en
(500万円); a space beside a word left in Latin stays, so that it is still a word (Nemuro)."""
