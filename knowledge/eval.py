"""Quality on the evaluation sets: `python -m knowledge.eval [search|questions] [--json]`.

Search (data/search_eval.tsv): recall@k is the share of answerable queries whose expected
measures all stand among the first k results (k grown to the number of expected measures when
that is larger); a query with no answer counts as right when the search says nothing matched.

Questions (data/questions/tuned.tsv and held_out.tsv): a question is right when its answer
states the figure (total, count, mean, median, share, ratio, ranked or compared amounts) and
names the items that tests/question_oracle.py computes from the document's rows, and the reply
shows them; a figure that answers another question is counted as confidently wrong. The
held-out part is for the end of a piece of work: `--part tuned` scores only the part the code
may be tuned on. `--part open` scores the questions seen and still missed (open.tsv), the
reader's to-do list: never held out, never required to pass.

Misses are listed with what came back instead, so a change can be measured before it lands.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from pydantic import BaseModel, Field

from knowledge.answers import Answer, ErrorAnswer, Headline
from knowledge.engine import Knowledge, load_knowledge
from knowledge.normalize import fold
from knowledge.router import ask

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


QUESTION_DIR = Path(__file__).parent / "data" / "questions"
PARTS = {
    "tuned": QUESTION_DIR / "tuned.tsv",
    "held-out": QUESTION_DIR / "held_out.tsv",
    "open": QUESTION_DIR / "open.tsv",
}
TOLERANCE = {"amount": 0.5, "count": 0.5, "yen": 0.051, "percent": 0.051, "ratio": 0.0051}


class Question(BaseModel):
    """One row of a question table: what is asked, and the answer the oracle computed."""

    category: str
    question: str
    spec: str
    expected: Headline
    line: int

    @property
    def operation(self) -> str:
        return self.category.partition(":")[0]


class QuestionOutcome(BaseModel):
    case: Question
    kind: str
    got: Headline | None
    summary: str | None
    right: bool
    confident_wrong: bool
    shown: bool = Field(description="Every expected figure and item is in the rendered reply")


class PartReport(BaseModel):
    part: str
    questions: int
    accuracy: float
    confident_wrong: int
    by_category: dict[str, tuple[float, int]]
    misses: list[QuestionOutcome]


class QuestionReport(BaseModel):
    parts: list[PartReport]


def load_questions(path: Path = PARTS["tuned"]) -> list[Question]:
    """A question table (category, question, spec, expected JSON); refuses a bad line."""
    questions = []
    for number, cells in _rows(path, "category, question, spec, expected"):
        questions.append(
            Question(
                category=cells[0],
                question=cells[1],
                spec=cells[2],
                expected=Headline.model_validate_json(cells[3]),
                line=number,
            )
        )
    return questions


def _same_values(expected: Headline, got: Headline) -> bool:
    """The same figures: in order, or for an unordered answer (a breakdown) as pairs of item
    and figure in any order."""
    tolerance = TOLERANCE.get(expected.type, 0.5)
    want, have = expected.values, got.values
    if not expected.ordered and expected.items and len(expected.items) == len(want):
        pairs = sorted(zip([fold(i) for i in expected.items], want, strict=True))
        theirs = sorted(zip([fold(i) for i in got.items], have, strict=False))
        want, have = [v for _, v in pairs], [v for _, v in theirs]
    return len(want) == len(have) and all(
        abs(a - b) <= tolerance for a, b in zip(want, have, strict=True)
    )


def _same_items(expected: Headline, got: Headline) -> bool:
    if not expected.items:
        return True
    want = [fold(i) for i in expected.items]
    have = [fold(i) for i in got.items]
    return want == have if expected.ordered else sorted(want) == sorted(have)


def matches(expected: Headline, got: Headline | None) -> bool:
    """Whether an answer's headline is the expected answer (see the module docstring)."""
    if expected.type == "refuse":
        return got is None
    if got is None:
        return False
    if expected.type in ("about", "help"):
        return got.type == expected.type
    if expected.type == "items":
        return _same_items(expected, got)
    return got.type == expected.type and _same_values(expected, got) and _same_items(expected, got)


def confidently_wrong(expected: Headline, got: Headline | None) -> bool:
    """A figure or item stated as the answer that is not the answer to the question asked."""
    if got is None or got.type in ("about", "help"):
        return expected.type == "refuse" and got is not None and got.type != "help"
    return not matches(expected, got)


def _formatted(kind: str, value: float) -> str:
    if kind == "amount":
        return f"{round(value):,}千円"
    if kind == "percent":
        return f"{value:.1f}%"
    if kind == "ratio":
        return f"{value:.2f}倍"
    if kind == "yen":
        return f"{value:,.1f}".removesuffix(".0")
    return f"{round(value):,}"


def shown_in(expected: Headline, text: str) -> bool:
    """Every expected figure, and the start of every expected item, is in the reply's text."""
    folded = fold(text).replace("[", "").replace("]", "")
    for value in expected.values:
        if _formatted(expected.type, value) not in text:
            return False
    return all(fold(item)[:12] in folded for item in expected.items)


def evaluate_questions(
    knowledge: Knowledge, questions: list[Question], render: Callable[[Answer], str], part: str
) -> PartReport:
    outcomes = []
    for case in questions:
        try:
            answer = ask(knowledge, case.question)
        except Exception as exc:
            answer = ErrorAnswer(error="internal", message=f"{type(exc).__name__}: {exc}")
        got = answer.headline()
        right = matches(case.expected, got)
        shown = shown_in(case.expected, render(answer)) if right else False
        outcomes.append(
            QuestionOutcome(
                case=case,
                kind=answer.kind,
                got=got,
                summary=answer.understood.summary if answer.understood else None,
                right=right and shown,
                confident_wrong=confidently_wrong(case.expected, got),
                shown=shown,
            )
        )
    categories = sorted({o.case.operation for o in outcomes})
    return PartReport(
        part=part,
        questions=len(outcomes),
        accuracy=_share(o.right for o in outcomes),
        confident_wrong=sum(o.confident_wrong for o in outcomes),
        by_category={
            c: (
                _share(o.right for o in outcomes if o.case.operation == c),
                sum(1 for o in outcomes if o.case.operation == c),
            )
            for c in categories
        },
        misses=[o for o in outcomes if not o.right],
    )


def render_questions(report: QuestionReport, *, misses: bool = True) -> str:
    lines = [f"{'part':10} {'questions':>9} {'right':>6} {'confident wrong':>16}"]
    lines += [
        f"{p.part:10} {p.questions:>9} {p.accuracy:>6.3f} {p.confident_wrong:>16}"
        for p in report.parts
    ]
    categories = sorted({c for p in report.parts for c in p.by_category})
    lines += ["", "right by category: " + " / ".join(p.part for p in report.parts)]
    for category in categories:
        cells = []
        for p in report.parts:
            share, count = p.by_category.get(category, (1.0, 0))
            cells.append(f"{share:.3f} ({count:>2})" if count else "   -      ")
        lines.append(f"  {category:14} " + "   ".join(cells))
    if misses:
        for p in report.parts:
            lines += ["", f"misses ({p.part}): {len(p.misses)}"]
            for miss in p.misses:
                flag = "  CONFIDENTLY WRONG" if miss.confident_wrong else ""
                got = miss.got.model_dump() if miss.got else None
                lines += [
                    f"  [{miss.case.category}] {miss.case.question}{flag}",
                    f"    expected: {miss.case.spec} -> {miss.case.expected.model_dump()}",
                    f"    got:      {miss.kind} {got} ({miss.summary})"
                    + (
                        ""
                        if miss.shown or not matches(miss.case.expected, miss.got)
                        else " [not in the reply]"
                    ),
                ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge.eval", description=__doc__)
    parser.add_argument("set", nargs="?", choices=["search", "questions", "all"], default="all")
    parser.add_argument(
        "--part",
        choices=[*PARTS, "both"],
        default="both",
        help="which question table: the tuned part, the held-out part (score it only at the end)",
    )
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
        from bot.formatting.text import render_text  # noqa: PLC0415 - scored on the reply too

        parts = ["tuned", "held-out"] if args.part == "both" else [args.part]
        questions = QuestionReport(
            parts=[
                evaluate_questions(
                    knowledge,
                    load_questions(PARTS[part]),
                    lambda answer: render_text(answer, knowledge.source),
                    part,
                )
                for part in parts
            ]
        )
        reports.append(questions)
        texts.append("== questions ==\n" + render_questions(questions))
    if args.json:
        sys.stdout.write("\n".join(r.model_dump_json() for r in reports) + "\n")
    else:
        sys.stdout.write("\n\n".join(texts) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
