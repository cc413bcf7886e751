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


def test_control_characters_take_no_cell():
    assert width("a\x07b") == 2  # wcswidth gives up on BEL: counted one by one
    assert width("空\x1b知") == 4
    assert width("") == 0


def test_truncate_keeps_as_much_as_fits_with_the_ellipsis():
    assert truncate("あいうえお", 7) == "あいう…"  # 6 cells and the … in 1
    assert truncate("あいうえお", 6) == "あい…"
    assert truncate("a\x07" * 8, 5) == "a\x07a\x07a\x07a\x07…"
    assert width(truncate("あいうえお", 7)) == 7


def test_table_aligns_left_by_default_and_takes_ragged_rows():
    assert table([("ab", "1"), ("c", "22")], right=frozenset({1})) == ["  ab   1", "  c   22"]
    assert table([("ab", "x"), ("c",)]) == ["  ab  x", "  c"]
    assert table([]) == []
