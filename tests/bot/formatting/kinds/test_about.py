"""/about as a person reads it: every figure of the dataset, counted here from the source."""

from __future__ import annotations

from bot.formatting.embeds import embed_pages
from bot.formatting.kinds.about import uptime
from bot.formatting.text import render_text
from tests.bot.formatting.expect import (
    DECLARED_PROJECTS,
    TITLE,
    K,
    amount,
    bar,
    columns,
    fields,
    share,
    yen,
)
from tests.source_table import AREA_TOTALS, GRAND_TOTAL, ROWS, SUBPREFECTURE_TOTALS

ENTRIES = len({(r.subprefecture, r.project) for r in ROWS})
PROJECTS = len({r.project for r in ROWS})
COUNTS = (
    f"連携地域 {len(AREA_TOTALS)} ・ 振興局 {len(SUBPREFECTURE_TOTALS)} ・ "
    f"プロジェクト {ENTRIES}件（{PROJECTS}種類） ・ 施策 {len(ROWS)}件"
)
YEAR = "令和3年度（2021年度）予算 ・ 単位 千円 ・ ファイル r3_regional_projects.txt"
NOTE = (
    "※ 表は主なプロジェクトと施策の抜粋です"
    f"（本文によると地域プロジェクトは全{DECLARED_PROJECTS}件。"
    f"表のプロジェクトは{ENTRIES}件）。"
)
RUNNING = K.about().model_copy(update={"version": "1.2.3", "uptime_seconds": 2 * 86400 + 3 * 3600})


def test_every_field_in_text():
    lines = render_text(RUNNING, K.source).splitlines()
    assert lines[:6] == [
        TITLE,
        YEAR,
        COUNTS,
        f"予算総額 {amount(GRAND_TOTAL)}",
        "",
        "連携地域別（構成比）",
    ]
    rows = [columns(line) for line in lines[6 : 6 + len(AREA_TOTALS)]]
    largest = max(AREA_TOTALS.values())
    assert rows == [
        [area, yen(total), share(total, GRAND_TOTAL), f"{sum(r.area == area for r in ROWS)}件"]
        + ([bar(total, largest)] if bar(total, largest) else [])
        for area, total in AREA_TOTALS.items()
    ]
    assert lines[6 + len(AREA_TOTALS) :] == ["", NOTE, "ボット v1.2.3 ・ 稼働 2日3時間"]


def test_every_field_in_discord():
    [page] = embed_pages(RUNNING, K.source)
    assert page.title == TITLE
    assert page.description == "\n".join(
        [YEAR, COUNTS, f"予算総額 **{amount(GRAND_TOTAL)}**", NOTE]
    )
    largest = max(AREA_TOTALS.values())
    assert fields(page) == {
        area: f"{amount(total)}\n`{bar(total, largest)}` {share(total, GRAND_TOTAL)} ・ "
        f"施策 {sum(r.area == area for r in ROWS)}件"
        for area, total in AREA_TOTALS.items()
    }
    assert page.footer.text == "ボット v1.2.3 ・ 稼働 2日3時間"  # its own line, not the source


def test_without_a_running_bot_nothing_about_it():
    text = render_text(K.about(), K.source)
    assert text.splitlines()[-1] == NOTE
    [page] = embed_pages(K.about(), K.source)
    assert page.footer.text is None


def test_uptime_reads_in_days_hours_and_minutes():
    assert uptime(59) == "0分"
    assert uptime(61) == "1分"
    assert uptime(3600 + 120) == "1時間2分"
    assert uptime(86400 + 3600 + 60) == "1日1時間"
    running = K.about().model_copy(update={"version": "1", "uptime_seconds": None})
    assert render_text(running, K.source).splitlines()[-1] == "ボット v1"


def test_areas_side_by_side_in_discord():
    [page] = embed_pages(K.about(), K.source)
    assert [f.inline for f in page.fields] == [True] * len(AREA_TOTALS)


def test_a_table_without_a_year_or_a_declared_count():
    plain = K.about().model_copy(update={"fiscal_year": None, "declared_projects": None})
    lines = render_text(plain, K.source).splitlines()
    assert lines[1] == "予算 ・ 単位 千円 ・ ファイル r3_regional_projects.txt"
    assert lines[-1] == "※ 表は主なプロジェクトと施策の抜粋です。"
