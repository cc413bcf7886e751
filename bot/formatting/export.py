"""Measures to take away: CSV that Excel on a Japanese Windows PC opens as it is, and JSON.

The CSV is UTF-8 with a byte-order mark (without it Excel reads UTF-8 as Shift_JIS and shows
mojibake), CRLF line ends, a header row and one measure per row.
"""

from __future__ import annotations

import csv
import io
import json

from knowledge.answers import ExportAnswer, Source

CSV_HEADER = (
    "連携地域",
    "振興局",
    "プロジェクト",
    "施策",
    "説明",
    "予算額（千円）",
    "元データの行",
)
BOM = "\ufeff"


def to_csv(answer: ExportAnswer) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for row in answer.results:
        writer.writerow(
            (
                row.area,
                row.subprefecture,
                row.project,
                row.measure,
                row.description,
                row.budget_thousand_yen,
                row.line,
            )
        )
    return (BOM + buffer.getvalue()).encode("utf-8")


def to_json(answer: ExportAnswer, source: Source) -> bytes:
    payload = {
        "source": source.model_dump(),
        "scope": answer.scope.model_dump(),
        "count": answer.count,
        "total_thousand_yen": answer.total_thousand_yen,
        "measures": [row.model_dump() for row in answer.results],
    }
    return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def file_stem(answer: ExportAnswer, source: Source) -> str:
    """budget_r3_空知 and the like: says what is inside when it lands in a Downloads folder."""
    year = f"_{source.fiscal_year}" if source.fiscal_year else ""
    scope = "" if answer.scope.kind == "all" else f"_{answer.scope.name}"
    return f"予算{year}{scope}".replace("/", "_").replace(" ", "_")
