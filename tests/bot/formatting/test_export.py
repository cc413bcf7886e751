"""Exports: CSV that Excel on a Japanese PC opens as it is, and JSON, with every measure."""

from __future__ import annotations

import csv
import io
import json

from bot.formatting.export import CSV_HEADER, file_stem, to_csv, to_json
from knowledge import load_knowledge
from tests.source_table import GRAND_TOTAL, ROWS, SUBPREFECTURE_TOTALS

K = load_knowledge()


def read_csv(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text, newline="")))


def test_everything_round_trips_to_the_same_rows_and_total():
    header, *rows = read_csv(to_csv(K.export()))
    assert tuple(header) == CSV_HEADER
    assert len(rows) == len(ROWS) == 31
    assert [(r[1], r[3], int(r[5]), int(r[6])) for r in rows] == [
        (x.subprefecture, x.measure, x.budget, x.line) for x in ROWS
    ]
    assert sum(int(r[5]) for r in rows) == GRAND_TOTAL == 115_135


def test_a_region_and_a_keyword():
    region = K.export("空知")
    assert region.total_thousand_yen == SUBPREFECTURE_TOTALS["空知"]
    _, *rows = read_csv(to_csv(region))
    assert {r[1] for r in rows} == {"空知"}
    keyword = K.export("エゾシカ")
    assert sorted(r.line for r in keyword.results) == [
        x.line for x in ROWS if "エゾシカ" in x.measure
    ]


def test_commas_quotes_and_newlines_in_the_data_survive():
    answer = K.export("空知")
    tricky = answer.model_copy(
        update={
            "results": [
                answer.results[0].model_copy(update={"description": '説明, "引用"\n二行目'})
            ]
        }
    )
    _, row = read_csv(to_csv(tricky))
    assert row[4] == '説明, "引用"\n二行目'


def test_json_export():
    data = json.loads(to_json(K.export(), K.source))
    assert data["total_thousand_yen"] == GRAND_TOTAL
    assert len(data["measures"]) == len(ROWS)
    assert data["source"]["fiscal_year"] == "令和3年度"


def test_json_export_is_readable_japanese_indented_and_ends_with_a_newline():
    raw = to_json(K.export("空知"), K.source)
    text = raw.decode("utf-8")
    assert '"subprefecture": "空知"' in text  # not \\u escapes
    assert text.endswith("}\n")
    assert '\n  "scope": {\n    "kind": "subprefecture",' in text  # indented by two


def test_file_stems_say_what_is_inside_without_slashes_or_spaces():
    no_year = K.source.model_copy(update={"fiscal_year": None})
    assert file_stem(K.export("空知"), no_year) == "予算_空知"
    assert file_stem(K.export(), no_year) == "予算"
    odd = K.export("空知").model_copy(
        update={"scope": K.export("空知").scope.model_copy(update={"name": "a/b c"})}
    )
    assert file_stem(odd, K.source) == "予算_令和3年度_a_b_c"
