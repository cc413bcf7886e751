"""Japanese typed in romaji: cue words and particles become kana, everything else stays."""

from __future__ import annotations

from bot.formatting.text import render_text
from knowledge import load_knowledge
from knowledge.romaji import as_kana
from knowledge.router import ask
from tests.source_table import AREA_TOTALS, SUBPREFECTURE_TOTALS

K = load_knowledge().prepare()


def test_cue_words_and_particles_become_kana_and_names_stay() -> None:
    assert as_kana("Sorachi no yosan, total de ikura?") == "Sorachi の よさん, total で いくら?"
    assert as_kana("Oshima wa Hiyama no nanbai?") == "Oshima は Hiyama の なんばい?"


def test_unknown_words_stay_as_typed_so_they_are_not_skipped() -> None:
    converted = as_kana("Kushiro no jisseki (jissai ni tsukatta gaku) wa ikura datta?")
    assert "jisseki" in converted
    assert "tsukatta" in converted
    assert "datta" in converted


def test_english_and_no_1_are_left_alone() -> None:
    for question in ("Which is bigger, Rumoi or Souya?", "No.1の振興局は？", "What is the total?"):
        assert as_kana(question) == question


def test_romaji_questions_are_answered_with_the_documents_figures() -> None:
    assert f"{SUBPREFECTURE_TOTALS['空知']:,}千円" in render_text(
        ask(K, "Sorachi no yosan, total de ikura?"), K.source
    )
    ratio = SUBPREFECTURE_TOTALS["渡島"] / SUBPREFECTURE_TOTALS["檜山"]
    assert f"{ratio:.2f}倍" in render_text(ask(K, "Oshima wa Hiyama no nanbai?"), K.source)
    most = max(AREA_TOTALS, key=lambda a: AREA_TOTALS[a])
    reply = render_text(ask(K, "ichiban yosan ga ooi renkei chiiki wa doko?"), K.source)
    assert most in reply
