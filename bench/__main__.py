"""`python -m bench`: how the bot scales, against the obvious alternatives.

For each table size (synthetic, see bench/corpus.py) a child process measures index build,
peak memory, our search and two baselines (bench/size.py); then the command line's cold start
against a bare interpreter, and a burst of slash commands through the fake Discord. Prints a
table and writes the numbers as JSON (bench/results/latest.json, or --out).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.burst import burst

RESULTS = Path(__file__).parent / "results" / "latest.json"
SIZES = (1_000, 10_000, 100_000)
COLD_RUNS = 7


def cold_start(argv: list[str]) -> float:
    """Median wall time of a fresh interpreter running `argv` (ms)."""
    times = []
    for _ in range(COLD_RUNS):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, *argv], capture_output=True, check=True, stdin=subprocess.DEVNULL
        )
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _pair(timing: dict[str, float], digits: int) -> str:
    return f"{timing['p50']:.{digits}f}/{timing['p99']:.{digits}f}"


def table(sizes: list[dict[str, Any]]) -> str:
    head = (
        f"{'measures':>9} {'build s':>8} {'RSS MB':>7} {'ours p50/p99 ms':>16} {'agree':>6} "
        f"{'rapidfuzz p50/p99':>18} {'agree':>6} {'FTS5 p50/p99':>14} {'agree':>6} "
        f"{'totals ms':>9} {'ranks ms':>9}"
    )
    rows = [
        f"{s['measures']:>9,} {s['build_s']:>8.2f} {s['peak_rss_mb']:>7.0f} "
        f"{_pair(s['search_ms'], 2):>16} {s['search_top3_agreement']:>6.3f} "
        f"{_pair(s['rapidfuzz_extract_ms'], 1):>18} {s['rapidfuzz_top3_agreement']:>6.3f} "
        f"{_pair(s['fts5_trigram_ms'], 2):>14} {s['fts5_top3_agreement']:>6.3f} "
        f"{s['totals_ms_p50']:>9.3f} {s['ranking_ms_p50']:>9.3f}"
        for s in sizes
    ]
    return "\n".join([head, "-" * len(head), *rows])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    sizes = []
    for size in args.sizes:
        sys.stderr.write(f"measuring {size:,} measures…\n")
        done = subprocess.run(
            [sys.executable, "-m", "bench.size", str(size)],
            capture_output=True,
            text=True,
            check=True,
            timeout=600,
        )
        sizes.append(json.loads(done.stdout))
    sys.stderr.write("cold start and burst…\n")
    cold = {
        "bot_total_json_ms": round(cold_start(["-m", "bot", "total", "空知", "--json"]), 1),
        "bare_python_ms": round(cold_start(["-c", "pass"]), 1),
    }
    burst_result = asyncio.run(burst())
    report = {"sizes": sizes, "cold_start": cold, "burst": burst_result}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    sys.stdout.write(table(sizes) + "\n\n")
    sys.stdout.write(
        f"cold start: python -m bot total 空知 --json {cold['bot_total_json_ms']} ms "
        f"(bare python -c pass {cold['bare_python_ms']} ms)\n"
    )
    b = burst_result
    sys.stdout.write(
        f"burst: {b['commands']} slash commands from {b['users']} users at once: acknowledge "
        f"p50 {b['ack_ms']['p50']} ms, p99 {b['ack_ms']['p99']} ms; answered exactly once "
        f"{b['answered_exactly_once']}, lost {b['lost']}, twice {b['answered_twice_or_more']}, "
        f"with an error {b['answered_with_an_error']}\n"
        f"JSON: {args.out}\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
