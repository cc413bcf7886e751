"""Japanese typed in romaji (Sorachi no yosan, total de ikura?) read as the kana it spells.

Teammates type Japanese in romaji when their input method is off. The reader knows romaji
region names but not romaji cue words or particles, so such a question is turned into kana
first: only a question with romaji particles and no English function words, and only the
words that spell, cleanly (jaconv, there and back), a particle or a cue word the reader knows
in kana. Every other word stays as typed: names (the resolver reads them in romaji), English
cue words, and unknown words, which are then reported as not understood.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import jaconv

_WORD = re.compile(r"[A-Za-z\u00c0-\u017f]+(?:-[A-Za-z\u00c0-\u017f]+)*")
_PARTICLES = frozenset("wa ga wo no tte de ni mo ka".split())
"""Words that make a question Japanese in romaji."""
_ENGLISH = frozenset(
    "the of is are was were what which who how why when where does do did in on for and or "
    "with by from this that these those there much many me my you your it its be can could "
    "please show tell give than between vs versus if an i we our".split()
)
"""Words that make it English, whose words are left as typed."""
_LONG = {"ā": "aa", "ī": "ii", "ū": "uu", "ē": "ee", "ō": "ou", "â": "aa", "î": "ii", "û": "uu"}
_LONG |= {"ê": "ee", "ô": "ou"}
_GRAMMAR = frozenset("の が で に も か と って は を へ や".split())


@functools.cache
def _cue_kana() -> frozenset[str]:
    """Cue phrases written in kana (いくら, どっち, へいきん): what a romaji word may become."""
    from knowledge.question import CUES  # noqa: PLC0415 - the cue table imports this module's users

    return frozenset(p for ps in CUES.values() for p in ps if re.fullmatch(r"[ぁ-ゖー]+", p))


def _spelled(part: str) -> str | None:
    """The kana a romaji word spells, or None when it spells none (olympic, okhotsk)."""
    kana = jaconv.alphabet2kana(part)
    if re.search(r"[a-z]", kana) or kana.endswith("っ") or "ー" in kana:
        return None
    if jaconv.alphabet2kana(jaconv.kana2alphabet(kana)) != kana:
        return None
    # only a word the reader knows as a cue or a particle: an unknown word stays as typed, so
    # that it is reported as not understood, never skipped as if it were grammar
    return kana if kana in _cue_kana() or kana in _GRAMMAR else None


_PARTICLE_KANA = {"wa": "は", "wo": "を", "he": "へ"}
"""Particles are written as said, not as spelled: Sorachi wa is そらちは."""


def _word(word: str) -> str:
    if word.lower() in _PARTICLE_KANA:
        return _PARTICLE_KANA[word.lower()]
    plain = "".join(_LONG.get(c, c) for c in word.lower())
    plain = unicodedata.normalize("NFKC", plain)
    parts = plain.split("-")
    spelled = [_spelled(p) for p in parts]
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
    if not any(_particle(m) for m in matches) or any(w in _ENGLISH for w in words):
        return question
    # No.1, a sentence-initial English No: a capitalised particle is not one
    return _WORD.sub(
        lambda m: (
            m.group()
            if m.group()[:1].isupper() and m.group().lower() in _PARTICLES
            else _word(m.group())
        ),
        question,
    )
