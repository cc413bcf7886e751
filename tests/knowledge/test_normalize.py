from __future__ import annotations

import pytest

from knowledge.normalize import fold, fold_mapped, fold_romaji, is_latin, reading_variants


@pytest.mark.parametrize("typed", ["エゾシカ", "えぞしか", "ｴｿﾞｼｶ", "エゾシカ "])
def test_width_and_kana_script_fold_together(typed: str):
    assert fold(typed) == fold("エゾシカ")


@pytest.mark.parametrize(
    "typed", ["ワーケーション", "ワｰケｰション", "ワ‐ケ‐ション", "ワ~ケ~ション"]
)
def test_long_vowel_marks_are_repaired(typed: str):
    assert fold(typed) == fold("ワーケーション")


def test_latin_is_case_and_width_folded():
    assert fold("ＳｈｉｒｉＢｅｓｈｉ") == "shiribeshi"


@pytest.mark.parametrize(
    ("typed", "folded"),
    [("Sōya", "soya"), ("Souya", "soya"), ("JOUMON", "jomon"), ("Kushiro-Nemuro", "kushironemuro")],
)
def test_romaji_long_vowels_fold(typed: str, folded: str):
    assert fold_romaji(typed) == folded


def test_is_latin():
    assert is_latin("Sōya")
    assert is_latin("sorachi 2")
    assert not is_latin("空知")
    assert not is_latin("123")


def test_small_kana_and_variant_kanji_fold():
    assert fold("ワーケーシヨン") == fold("ワーケーション")
    assert fold("桧山") == fold("檜山")


def test_folding_keeps_the_origin_of_every_character():
    folded = fold_mapped("ｴｿﾞｼｶ肉")
    assert folded.text == "えぞしか肉"
    assert folded.origin == (0, 1, 3, 4, 5)  # ｿﾞ is two characters that fold into one


def test_a_reading_in_parentheses_is_indexed_both_ways():
    text = "そらち「炭鉱(やま)の記憶」"
    variants = dict(reading_variants(text))
    assert set(variants) == {"そらち「炭鉱の記憶」", "そらち「やまの記憶」"}
    origin = variants["そらち「やまの記憶」"]
    assert "".join(text[i] for i in origin) == "そらち「やまの記憶」"
    assert reading_variants("括弧のない文") == []
