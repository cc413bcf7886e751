"""The phrases several kinds share: the source line, bars, shares."""

from __future__ import annotations

from bot.formatting import cards, phrases
from bot.formatting.lines import group_rows
from knowledge.answers import Source


def test_the_source_line_with_and_without_a_year():
    source = Source(title="表", fiscal_year="令和3年度", unit="千円", file="t.txt")
    assert phrases.footer(source) == "出典: 表（令和3年度予算・単位 千円）"
    no_year = source.model_copy(update={"fiscal_year": None})
    assert phrases.footer(no_year) == "出典: 表（単位 千円）"


def test_bars_in_eighths_and_nothing_for_nothing():
    assert phrases.bar(1, 1) == "█" * 10
    assert phrases.bar(1, 1000) == "▏"  # too small to see, still shown
    assert phrases.bar(15, 80) == "█▉"  # 15 eighths: one cell and seven eighths
    assert phrases.bar(0, 10) == ""
    assert phrases.bar(5, 0) == ""
    assert phrases.bar(-5, 10) == ""
    assert cards.bar(0, 10) == "`▏`"  # a code span must not be empty in Discord
    assert cards.bar(10, 10) == f"`{'█' * 10}`"


def test_a_share_of_nothing_is_a_dash():
    assert phrases.percent(1, 0) == "-"
    assert phrases.percent(1, 3) == "33.3%"


def test_no_groups_no_rows():
    assert group_rows([], 0) == []
    assert cards.group_fields([], 0) == []
