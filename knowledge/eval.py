"""Search quality on the evaluation set: `python -m knowledge.eval [--json] [FILE]`.

recall@k is the share of answerable queries whose expected measures all stand among the first
k results (k grown to the number of expected measures when that is larger); a query with no
answer counts as right when the search says nothing matched. Misses are listed with what the
search returned instead, so a change to the search can be measured before it lands.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from pydantic import BaseModel

from knowledge.engine import Knowledge, load_knowledge

EVAL_SET = Path(__file__).parent / "data" / "search_eval.tsv"
SEPARATOR = " | "


class Case(BaseModel):
    category: str
    query: str
    expected: list[str]
    line: int


class Outcome(BaseModel):
    case: Case
    found: list[str]
    confidence: str
    right_at_1: bool
    right_at_3: bool


class Report(BaseModel):
    cases: int
    index_build_ms: float
    search_ms_p50: float
    search_ms_p99: float
    answerable: int
    recall_at_1: float
    recall_at_3: float
    no_answer_right: float
    misses: list[Outcome]
    by_category: dict[str, float]


def load_cases(path: Path = EVAL_SET) -> list[Case]:
    """The evaluation set; refuses a line it cannot read, naming it."""
    cases = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if len(cells) != 3 or not cells[1].strip():
            raise ValueError(f"{path}:{number}: expected category, query, expected measures")
        expected = [name.strip() for name in cells[2].split(SEPARATOR) if name.strip()]
        cases.append(Case(category=cells[0], query=cells[1], expected=expected, line=number))
    return cases


def _within(expected: list[str], found: list[str], k: int) -> bool:
    return set(expected) <= set(found[: max(k, len(expected))])


def evaluate(knowledge: Knowledge, cases: list[Case]) -> Report:
    started = time.perf_counter()
    knowledge.prepare()
    build_ms = (time.perf_counter() - started) * 1000
    names = {row.measure for row in knowledge.rows}
    outcomes = []
    timings: list[float] = []
    for case in cases:
        unknown = [name for name in case.expected if name not in names]
        if unknown:
            raise ValueError(f"line {case.line}: no measure named {unknown[0]!r} in the data")
        started = time.perf_counter()
        answer = knowledge.search(case.query)
        timings.append((time.perf_counter() - started) * 1000)
        found = [row.measure for row in answer.results]
        if case.expected:
            at_1, at_3 = _within(case.expected, found, 1), _within(case.expected, found, 3)
        else:
            at_1 = at_3 = not found
        outcomes.append(
            Outcome(
                case=case,
                found=found[:5],
                confidence=answer.confidence,
                right_at_1=at_1,
                right_at_3=at_3,
            )
        )
    answerable = [o for o in outcomes if o.case.expected]
    unanswerable = [o for o in outcomes if not o.case.expected]
    categories = sorted({o.case.category for o in outcomes})
    timings.sort()
    return Report(
        cases=len(outcomes),
        index_build_ms=build_ms,
        search_ms_p50=timings[len(timings) // 2] if timings else 0.0,
        search_ms_p99=timings[min(len(timings) - 1, int(len(timings) * 0.99))] if timings else 0.0,
        answerable=len(answerable),
        recall_at_1=_share(o.right_at_1 for o in answerable),
        recall_at_3=_share(o.right_at_3 for o in answerable),
        no_answer_right=_share(o.right_at_1 for o in unanswerable),
        misses=[o for o in outcomes if not (o.right_at_1 and o.right_at_3)],
        by_category={
            c: _share(o.right_at_1 for o in outcomes if o.case.category == c) for c in categories
        },
    )


def _share(values: object) -> float:
    flags = list(values)  # type: ignore[call-overload]
    return sum(flags) / len(flags) if flags else 1.0


def render(report: Report) -> str:
    lines = [
        f"queries: {report.cases} ({report.answerable} with an answer)",
        f"recall@1: {report.recall_at_1:.3f}",
        f"recall@3: {report.recall_at_3:.3f}",
        f"no-answer queries answered 'nothing matched': {report.no_answer_right:.3f}",
        f"index build: {report.index_build_ms:.1f} ms; "
        f"search: p50 {report.search_ms_p50:.2f} ms, p99 {report.search_ms_p99:.2f} ms",
        "",
        "right at 1, by category:",
        *(f"  {category:24} {share:.3f}" for category, share in report.by_category.items()),
        "",
        f"misses: {len(report.misses)}",
    ]
    for miss in report.misses:
        expected = SEPARATOR.join(miss.case.expected) or "(nothing)"
        lines += [
            f"  [{miss.case.category}] {miss.case.query} ({miss.confidence})",
            f"    expected: {expected}",
            f"    found:    {SEPARATOR.join(miss.found) or '(nothing)'}",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge.eval", description=__doc__)
    parser.add_argument("file", nargs="?", type=Path, default=EVAL_SET)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    report = evaluate(load_knowledge(), load_cases(args.file))
    sys.stdout.write((report.model_dump_json(indent=2) if args.json else render(report)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
