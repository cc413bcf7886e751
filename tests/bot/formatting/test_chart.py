"""The chart PNG: a valid image of a readable size, drawn with a font that has Japanese glyphs."""

from __future__ import annotations

import struct
import warnings

from bot.formatting.chart import render_chart
from knowledge import load_knowledge
from knowledge.answers import ChartAnswer
from tests.source_table import AREA_TOTALS, SUBPREFECTURE_TOTALS

K = load_knowledge()
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def draw(answer: ChartAnswer) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns on a glyph missing from the font
        return render_chart(answer, K.source)


def test_default_chart_is_every_subprefecture_largest_first():
    answer = K.chart()
    assert [(b.label, b.value_thousand_yen) for b in answer.bars] == sorted(
        SUBPREFECTURE_TOTALS.items(), key=lambda kv: -kv[1]
    )
    assert {b.group for b in answer.bars} == set(AREA_TOTALS)


def test_the_png_is_valid_readable_and_drawn_in_japanese():
    width, height = png_size(draw(K.chart()))
    assert 900 <= width <= 1400
    assert 600 <= height <= 1400


def test_area_region_and_keyword_charts_render():
    for answer in (K.chart("area"), K.chart(region="道央"), K.chart(keyword="観光")):
        png_size(draw(answer))
    assert [b.value_thousand_yen for b in K.chart("area").bars] == sorted(
        AREA_TOTALS.values(), reverse=True
    )


def test_a_long_name_and_a_big_table_still_render():
    answer = K.chart(region="道央")
    long = answer.model_copy(
        update={"bars": [b.model_copy(update={"label": b.label * 5}) for b in answer.bars * 4]}
    )
    _, height = png_size(draw(long))
    assert height > 1400  # grows with the bars instead of squeezing them
