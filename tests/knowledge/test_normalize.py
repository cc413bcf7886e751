from __future__ import annotations

import pytest

from knowledge.normalize import fold, fold_romaji, is_latin


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
