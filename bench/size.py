"""One table size, measured in a process of its own (so peak memory is that size's alone).

`python -m bench.size 10000` prints one JSON object: build time, peak RSS, latencies of our
search, totals and rankings, and of the two baselines, with each one's top-3 agreement.
"""

from __future__ import annotations

import json
import resource
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial

from rapidfuzz import fuzz, process

from bench.corpus import generate
from knowledge.engine import Knowledge
from knowledge.eval import load_cases
from knowledge.parser import parse_document

ROUNDS = 3


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def timed(
    function: Callable[[], object],
    rounds: int = ROUNDS,
    before: Callable[[], object] = lambda: None,
) -> list[float]:
    times = []
    for _ in range(rounds):
        before()
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return times


def agreement(found: Sequence[int], expected: set[int]) -> bool:
    """Top 3 agree when they all grew from expected measures (none for a no-answer query)."""
    top = list(found[:3])
    if not expected:
        return not top
    return bool(top) and all(line in expected for line in top)


def measure(size: int) -> dict[str, object]:
    corpus = generate(size)
    origins = corpus.origin
    text = corpus.text
    del corpus  # keep only what the bot itself would hold
    started = time.perf_counter()
    knowledge = Knowledge(parse_document(text)).prepare()
    del text
    build_s = time.perf_counter() - started
    rss_after_build = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    origin = {row.line: base for row, base in zip(knowledge.rows, origins, strict=True)}
    real = {name: line for line, name in _real_measures().items()}
    cases = load_cases()
    expected = [{real[name] for name in case.expected} for case in cases]

    ours: list[float] = []
    ours_agree = 0
    for case, wanted in zip(cases, expected, strict=True):
        ours += timed(partial(knowledge.search, case.query), before=knowledge.forget)
        found = [origin[row.line] for row in knowledge.search(case.query).results]
        ours_agree += agreement(found, wanted)

    texts = [f"{row.project} {row.measure} {row.description}" for row in knowledge.rows]
    lines = [row.line for row in knowledge.rows]
    fuzzy: list[float] = []
    fuzzy_agree = 0
    for case, wanted in zip(cases, expected, strict=True):
        fuzzy += timed(
            partial(process.extract, case.query, texts, scorer=fuzz.partial_ratio, limit=3), 1
        )
        found = [
            origin[lines[i]]
            for _, _, i in process.extract(case.query, texts, scorer=fuzz.partial_ratio, limit=3)
        ]
        fuzzy_agree += agreement(found, wanted)

    database = sqlite3.connect(":memory:")
    database.execute("CREATE VIRTUAL TABLE measures USING fts5(text, tokenize='trigram')")
    database.executemany(
        "INSERT INTO measures(rowid, text) VALUES (?, ?)", zip(lines, texts, strict=True)
    )
    fts: list[float] = []
    fts_agree = 0
    for case, wanted in zip(cases, expected, strict=True):
        fts += timed(partial(_fts, database, case.query))
        fts_agree += agreement([origin[line] for line in _fts(database, case.query)], wanted)

    totals = timed(lambda: knowledge.total("空知"), 50) + timed(knowledge.total, 50)
    ranks = timed(knowledge.top, 50) + timed(lambda: knowledge.top(5, by="subprefecture"), 50)
    knowledge.forget()
    first_totals = timed(lambda: knowledge.total("空知"), 1) + timed(knowledge.total, 1)
    first_ranks = timed(knowledge.top, 1) + timed(lambda: knowledge.top(5, by="subprefecture"), 1)
    return {
        "size": size,
        "measures": len(knowledge.rows),
        "build_s": round(build_s, 3),
        "peak_rss_mb": round(rss_after_build, 1),
        "queries": len(cases),
        "search_ms": {
            "p50": round(percentile(ours, 0.5), 3),
            "p99": round(percentile(ours, 0.99), 3),
        },
        "search_top3_agreement": round(ours_agree / len(cases), 3),
        "totals_ms_p50": round(statistics.median(totals), 4),
        "ranking_ms_p50": round(statistics.median(ranks), 4),
        "totals_first_ms_max": round(max(first_totals), 3),
        "ranking_first_ms_max": round(max(first_ranks), 3),
        "rapidfuzz_extract_ms": {
            "p50": round(percentile(fuzzy, 0.5), 3),
            "p99": round(percentile(fuzzy, 0.99), 3),
        },
        "rapidfuzz_top3_agreement": round(fuzzy_agree / len(cases), 3),
        "fts5_trigram_ms": {
            "p50": round(percentile(fts, 0.5), 3),
            "p99": round(percentile(fts, 0.99), 3),
        },
        "fts5_top3_agreement": round(fts_agree / len(cases), 3),
    }


def _fts(database: sqlite3.Connection, query: str) -> list[int]:
    """What a user of SQLite FTS5 with the trigram tokenizer would write: MATCH for three
    characters or more, LIKE below that (trigram cannot MATCH shorter strings)."""
    if len(query) >= 3:
        phrase = '"' + query.replace('"', '""') + '"'
        sql = "SELECT rowid FROM measures WHERE measures MATCH ? ORDER BY rank LIMIT 3"
        return [row[0] for row in database.execute(sql, (phrase,))]
    sql = "SELECT rowid FROM measures WHERE text LIKE ? LIMIT 3"
    return [row[0] for row in database.execute(sql, (f"%{query}%",))]


def _real_measures() -> dict[int, str]:
    from knowledge.parser import load_dataset  # noqa: PLC0415

    return {row.line: row.measure for row in load_dataset().rows()}


if __name__ == "__main__":
    sys.stdout.write(json.dumps(measure(int(sys.argv[1])), ensure_ascii=False) + "\n")
