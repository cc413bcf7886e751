from __future__ import annotations

from bot.formatting.width import table, truncate, width


def test_width_counts_cells_not_characters():
    assert width("空知") == 4
    assert width("ｿﾗﾁ") == 3
    assert width("abc") == 3
    assert width("a\x00b") == 2


def test_columns_line_up_by_display_width():
    lines = table(
        [("空知総合振興局", "6,615千円"), ("石狩振興局", "24,232千円"), ("abc", "1千円")],
        right=frozenset({1}),
    )
    assert len({width(line) for line in lines}) == 1
    assert len({len(line) for line in lines}) > 1  # len() would have misaligned them


def test_truncate_by_width():
    cut = truncate("いしかり・ライフスタイル魅力発信・若者定着促進事業", 20)
    assert width(cut) <= 20
    assert cut.endswith("…")
    assert truncate("短い", 20) == "短い"
