"""/export as a person reads it and the files they get: every measure, every column."""

from __future__ import annotations

import csv
import io
import json

from bot.files import files_for
from bot.formatting.embeds import embed_pages
from bot.formatting.text import render_text
from tests.bot.formatting.expect import FOOTER, K, amount
from tests.source_table import GRAND_TOTAL, ROWS, SUBPREFECTURE_TOTALS

HEADER = ["連携地域", "振興局", "プロジェクト", "施策", "説明", "予算額（千円）", "元データの行"]
SORACHI = [r for r in ROWS if r.subprefecture == "空知"]


def test_the_reply_says_what_was_exported():
    total = amount(SUBPREFECTURE_TOTALS["空知"])
    lead = f"空知総合振興局（道央広域連携地域）の施策 {len(SORACHI)}件 ・ 合計 {total}"
    assert render_text(K.export("空知"), K.source).splitlines() == [
        lead,
        "CSV（Excel でそのまま開けます）と JSON で書き出しました。",
        "",
        FOOTER,
    ]
    [page] = embed_pages(K.export("空知"), K.source)
    assert page.title == "書き出し"
    assert page.description == f"{lead}\nCSV（Excel でそのまま開けます）と JSON を添付しました。"
    assert page.footer.text == FOOTER
    everything = render_text(K.export(), K.source).splitlines()[0]
    assert everything == f"全道の施策 {len(ROWS)}件 ・ 合計 {amount(GRAND_TOTAL)}"


def test_the_files_hold_every_measure_with_every_column():
    files = dict(files_for(K.export(), K.source))
    assert list(files) == ["予算_令和3年度.csv", "予算_令和3年度.json"]
    raw = files["予算_令和3年度.csv"]
    assert raw.startswith(b"\xef\xbb\xbf")
    header, *rows = csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    assert header == HEADER
    assert [(r[0], r[1], r[2], r[3], int(r[5]), int(r[6])) for r in rows] == [
        (x.area, x.subprefecture, x.project, x.measure, x.budget, x.line) for x in ROWS
    ]
    assert all(len(r) == len(HEADER) and r[4] for r in rows)  # descriptions too
    data = json.loads(files["予算_令和3年度.json"])
    assert data["count"] == len(ROWS)
    assert data["total_thousand_yen"] == GRAND_TOTAL
    assert [(m["measure"], m["budget_thousand_yen"]) for m in data["measures"]] == [
        (x.measure, x.budget) for x in ROWS
    ]
    assert data["scope"]["kind"] == "all"
    assert data["source"]["title"] == K.source.title


def test_a_region_export_is_named_after_it():
    files = dict(files_for(K.export("空知"), K.source))
    assert list(files) == ["予算_令和3年度_空知.csv", "予算_令和3年度_空知.json"]
    assert json.loads(files["予算_令和3年度_空知.json"])["count"] == len(SORACHI)
