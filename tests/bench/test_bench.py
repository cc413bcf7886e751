"""The benchmark's parts work (speed itself is shown by `python -m bench`, not asserted here)."""

from __future__ import annotations

from bench.corpus import generate
from bench.size import measure
from knowledge.parser import parse_document
from tests.source_table import ROWS


def test_the_synthetic_table_is_deterministic_and_in_the_documents_format():
    first, second = generate(300), generate(300)
    assert first == second
    dataset = parse_document(first.text)
    rows = dataset.rows()
    assert len(rows) == len(first.origin) == 300
    real = {r.line: r for r in ROWS}
    for row, base in zip(rows, first.origin, strict=True):
        assert row.measure.startswith(real[base].measure)  # grown from the real measure
        assert row.subprefecture == real[base].subprefecture


def test_one_size_is_measured_with_both_baselines():
    report = measure(200)
    assert report["measures"] == 200
    assert report["search_top3_agreement"] == 1.0
    for key in ("search_ms", "rapidfuzz_extract_ms", "fts5_trigram_ms"):
        assert set(report[key]) == {"p50", "p99"}  # type: ignore[call-overload]
