from __future__ import annotations

import pytest

from knowledge.amounts import amount_text, decimal_thousand_yen, thousand_yen, yen_reading


@pytest.mark.parametrize(
    ("amount", "reading"),
    [
        (6615, "約662万円"),  # 6,615,000 yen = 661.5万円, rounded half up
        (900, "90万円"),
        (298, "約30万円"),
        (115135, "約1億1,514万円"),
        (100000, "1億円"),
        (99995, "約1億円"),
        (15, "約2万円"),
        (10, "1万円"),
        (5, ""),
    ],
)
def test_yen_readings(amount: int, reading: str):
    assert yen_reading(amount) == reading


def test_amount_text():
    assert thousand_yen(115135) == "115,135千円"
    assert amount_text(6615) == "6,615千円（約662万円）"
    assert amount_text(5) == "5千円"


@pytest.mark.parametrize(
    ("value", "text"),
    [(3307.5, "3,307.5千円"), (3714.0, "3,714千円"), (115135 / 31, "約3,714千円")],
)
def test_means_and_medians(value: float, text: str):
    assert decimal_thousand_yen(value) == text
