"""Quality on the evaluation sets: `python -m knowledge.eval [search|questions] [--json]`.

Search (data/search_eval.tsv): recall@k is the share of answerable queries whose expected
measures all stand among the first k results (k grown to the number of expected measures when
that is larger); a query with no answer counts as right when the search says nothing matched.

Questions (data/question_eval.tsv): a question is right when it is understood with the
expected intent, answered with the expected kind of answer, and its figure (total, count,
mean, median, ranked amounts or compared totals) is the one computed from the document.

Misses are listed with what came back instead, so a change can be measured before it lands.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from knowledge.answers import Answer, CompareAnswer, RankAnswer, StatsAnswer
from knowledge.engine import Knowledge, load_knowledge
from knowledge.router import ask

EVAL_SET = Path(__file__).parent / "data" / "search_eval.tsv"
QUESTION_SET = Path(__file__).parent / "data" / "question_eval.tsv"
FIGURE_TOLERANCE = 1e-3
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


def _rows(path: Path, columns: str) -> Iterator[tuple[int, list[str]]]:
    """The numbered tab-separated rows of an evaluation set (blank and # lines skipped);
    a row without one cell per column is refused, naming its line and the columns."""
    width = len(columns.split(", "))
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if len(cells) != width or not cells[1].strip():
            raise ValueError(f"{path}:{number}: expected {columns}")
        yield number, cells


def load_cases(path: Path = EVAL_SET) -> list[Case]:
    """The evaluation set; refuses a line it cannot read, naming it."""
    return [
        Case(
            category=cells[0],
            query=cells[1],
            expected=[name.strip() for name in cells[2].split(SEPARATOR) if name.strip()],
            line=number,
        )
        for number, cells in _rows(path, "category, query, expected measures")
    ]


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


class Question(BaseModel):
    question: str
    intent: str
    kind: str
    target: str
    figure: list[float]
    line: int


class QuestionOutcome(BaseModel):
    case: Question
    intent: str | None
    kind: str
    figure: list[float]
    summary: str | None
    right: bool


class QuestionReport(BaseModel):
    questions: int
    accuracy: float
    intent_accuracy: float
    misses: list[QuestionOutcome]


def load_questions(path: Path = QUESTION_SET) -> list[Question]:
    questions = []
    for number, cells in _rows(path, "question, intent, kind, target, figure"):
        figure = [] if cells[4] == "-" else [float(value) for value in cells[4].split(",")]
        questions.append(
            Question(
                question=cells[0],
                intent=cells[1],
                kind=cells[2],
                target=cells[3],
                figure=figure,
                line=number,
            )
        )
    return questions


def figure_of(answer: Answer) -> list[float]:
    """The figure an answer gives: what a question about it is checked against."""
    if isinstance(answer, StatsAnswer):
        value = {
            "count": answer.count,
            "average": answer.mean_thousand_yen,
            "median": answer.median_thousand_yen,
        }[answer.focus]
        return [] if value is None else [float(value)]
    if isinstance(answer, RankAnswer):
        return [float(r.budget_thousand_yen) for r in answer.results] or [
            float(g.total_thousand_yen) for g in answer.groups
        ]
    if isinstance(answer, CompareAnswer):
        return [float(g.total_thousand_yen) for g in answer.groups]
    return [] if answer.total_thousand_yen is None else [float(answer.total_thousand_yen)]


def evaluate_questions(knowledge: Knowledge, questions: list[Question]) -> QuestionReport:
    outcomes = []
    for case in questions:
        answer = ask(knowledge, case.question)
        figure = figure_of(answer)
        intent = answer.understood.intent if answer.understood else None
        same_figure = len(figure) == len(case.figure) and all(
            abs(a - b) <= FIGURE_TOLERANCE for a, b in zip(figure, case.figure, strict=True)
        )
        outcomes.append(
            QuestionOutcome(
                case=case,
                intent=intent,
                kind=answer.kind,
                figure=figure,
                summary=answer.understood.summary if answer.understood else None,
                right=intent == case.intent
                and answer.kind == case.kind
                and (same_figure or not case.figure),
            )
        )
    return QuestionReport(
        questions=len(outcomes),
        accuracy=_share(o.right for o in outcomes),
        intent_accuracy=_share(o.intent == o.case.intent for o in outcomes),
        misses=[o for o in outcomes if not o.right],
    )


def render_questions(report: QuestionReport) -> str:
    lines = [
        f"questions: {report.questions}",
        f"right (intent, kind of answer and figure): {report.accuracy:.3f}",
        f"intent understood: {report.intent_accuracy:.3f}",
        f"misses: {len(report.misses)}",
    ]
    for miss in report.misses:
        expected = ",".join(f"{v:g}" for v in miss.case.figure) or "-"
        found = ",".join(f"{v:g}" for v in miss.figure) or "-"
        lines += [
            f"  {miss.case.question}",
            f"    expected: {miss.case.intent} / {miss.case.kind} / {expected}",
            f"    got:      {miss.intent} / {miss.kind} / {found}   ({miss.summary})",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge.eval", description=__doc__)
    parser.add_argument("set", nargs="?", choices=["search", "questions", "all"], default="all")
    parser.add_argument("--json", action="store_true", help="print the reports as JSON")
    args = parser.parse_args(argv)
    knowledge = load_knowledge()
    reports: list[BaseModel] = []
    texts = []
    if args.set in ("search", "all"):
        search = evaluate(knowledge, load_cases())
        reports.append(search)
        texts.append("== search ==\n" + render(search))
    if args.set in ("questions", "all"):
        questions = evaluate_questions(knowledge, load_questions())
        reports.append(questions)
        texts.append("== questions ==\n" + render_questions(questions))
    if args.json:
        sys.stdout.write("\n".join(r.model_dump_json() for r in reports) + "\n")
    else:
        sys.stdout.write("\n\n".join(texts) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
