"""Japanese typed in romaji: cue words and particles become kana, everything else stays."""

from __future__ import annotations

import statistics

from bot.formatting.text import render_text
from knowledge import load_knowledge
from knowledge.romaji import as_kana
from knowledge.router import ask
from tests.source_table import AREA_TOTALS, ROWS, SUBPREFECTURE_TOTALS

K = load_knowledge().prepare()


def test_cue_words_and_particles_become_kana_and_names_stay() -> None:
    # written as Japanese is, without spaces between the words that became Japanese; a word
    # left in Latin keeps its spaces, so that it is still a word
    # a word the reader knows in kanji is written in kanji (幾ら is a cue word as much as いくら)
    assert as_kana("Sorachi no yosan, total de ikura?") == "Sorachi の予算, total で幾ら?"
    assert as_kana("Oshima wa Hiyama no nanbai?") == "Oshima は Hiyama の何倍?"
    assert as_kana("Okhotsk vs Kamikawa, dotchi ga ooi?") == "Okhotsk vs Kamikawa, どっちが多い?"


def test_words_the_reader_knows_in_kanji_become_kanji() -> None:
    assert as_kana("yosan 700 man-en ijou no jigyou wa dore?") == "予算 700 万円以上の事業はどれ?"
    assert as_kana("Kushiro no chuuouchi to wariai") == "Kushiro の中央値と割合"
    # a known stem and its ending
    converted = as_kana("Ishikari to Iburi, awasete ikura ni naru?")
    assert converted == "Ishikari と Iburi, 併せて幾らになる?"
    # a romaji word in a question typed in Japanese script
    assert as_kana("7,000千円以上の jigyou って何件？") == "7,000千円以上の事業って何件？"


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
    at_least = [r.budget for r in ROWS if r.budget >= 7000]
    reply = render_text(ask(K, "yosan 700 man-en ijou no jigyou wa nanken?"), K.source)
    assert f"{len(at_least)}件" in reply
    most = max(AREA_TOTALS, key=lambda a: AREA_TOTALS[a])
    reply = render_text(ask(K, "ichiban yosan ga ooi renkei chiiki wa doko?"), K.source)
    assert most in reply


def test_spellings_without_long_vowels_or_with_nn_are_the_same_word() -> None:
    assert as_kana("Hidaka no measure list chodai").endswith("ちようだい")  # ちょうだい, folded
    assert as_kana("Project tanni de ichiban ookii no wa?").startswith("Project 単位で")
    assert as_kana("Yosan ga 500-man-en ijou no measure wa?").startswith("予算が 500万円以上の")


def test_region_names_and_english_loanwords_stay_as_typed() -> None:
    # dou is also 同, median and total are also メジアン and トータル: names and English win
    assert as_kana("Dou-ou no median wa?") == "Dou-ou の median は?"
    assert as_kana("Doo-kouiki no total wa?") == "Doo-kouiki の total は?"
    median = statistics.median(r.budget for r in ROWS if r.area == "道央広域連携地域")
    reply = render_text(ask(K, "Doo-kouiki no median, 千円で"), K.source)
    assert f"{median:,.0f}千円" in reply


def test_verbs_of_asking_in_polite_romaji_are_read_past() -> None:
    places = {"空知", "根室"}  # the two measures about エゾシカ (checked below)
    assert {r.subprefecture for r in ROWS if "エゾシカ" in r.measure} == places
    reply = render_text(ask(K, "Ezoshika no jigyou wa doko de yatte imasu ka?"), K.source)
    assert all(p in reply for p in places)


def test_japanese_with_an_english_word_or_two_is_still_read() -> None:
    nemuro, area = SUBPREFECTURE_TOTALS["根室"], AREA_TOTALS["釧路・根室連携地域"]
    reply = render_text(ask(K, "Nemuro no share in 釧根 area、percent de oshiete"), K.source)
    assert f"{100 * nemuro / area:.1f}%" in reply
