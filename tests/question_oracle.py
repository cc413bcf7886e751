"""The expected answers of the question tables, computed from the document's rows alone.

Independent of the code under test: it reads rows through tests/source_table.py (which shares
nothing with knowledge.parser) and evaluates a small spec language that says what a question
asks. A question table row carries its spec and the answer computed here; a test recomputes
every row, so neither the table nor the bot can drift.

Spec language (one line; ops and filters separated by spaces):

    SEL     := FILTER*            (all filters hold; none means every measure)
    FILTER  := sub=NAME[,NAME]    振興局 as the table names them (空知, 檜山, オホーツク ...)
             | area=NAME[,NAME]   連携地域: 道央 道南 道北 オホーツク 十勝 釧根 (or full names)
             | project~TEXT       the project's name contains TEXT
             | measure~TEXT       the measure's name contains TEXT
             | topic~TEXT[,TEXT]  the measure's name, project or description contains a TEXT
                                  (width, case and katakana/hiragana folded)
             | budget>=N | budget>N | budget<=N | budget<N     (千円)
    SIDE    := SEL | ( pick UNIT ORDER RANK SEL )
    UNIT    := measure | project | sub | area       (project: summed by name across 振興局)
    ORDER   := max | min

    total SEL                  the sum (千円)
    count SEL                  the number of measures
    count_projects SEL         distinct project names and project entries (振興局 x project)
    count_subs SEL             the number of 振興局 with a selected measure
    mean SEL | median SEL      per measure (千円)
    pick UNIT ORDER RANK SEL   the RANK-th largest (max) or smallest (min) item and its amount
    top UNIT ORDER N SEL       the first N items and their amounts, in order
    share SEL of SEL           the first's total as a percentage of the second's (1 decimal)
    sum SIDE ; SIDE [; SIDE]   the totals added up
    compare SIDE ; SIDE        both totals in order; the item is the larger side's name
    diff SIDE ; SIDE           the absolute difference of the two totals
    ratio SIDE ; SIDE          the first total divided by the second (2 decimals)
    list UNIT SEL              the items (in document order; a set)
    where SEL                  the 振興局 of the selected measures (a set)
    breakdown UNIT SEL         per item totals (a set of item and amount)
    refuse                     the table cannot answer: no figure may be given
    about | help               the dataset itself / how to use the bot (no figure)

`python -m tests.question_oracle FILE...` prints each row's computed answer; `--fill` writes
the expected column of each table in place.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from tests.source_table import ROWS, Row

AREAS = {
    "道央": "道央広域連携地域",
    "道南": "道南連携地域",
    "道北": "道北連携地域",
    "オホーツク": "オホーツク連携地域",
    "十勝": "十勝連携地域",
    "釧根": "釧路・根室連携地域",
    "釧路根室": "釧路・根室連携地域",
}
SUBPREFECTURES = {row.subprefecture for row in ROWS}
UNITS = ("measure", "project", "sub", "area")
TYPES = ("amount", "count", "yen", "percent", "ratio", "items", "refuse", "about", "help")


class SpecError(ValueError):
    """A spec the oracle cannot read: the message says which part."""


@dataclass(frozen=True)
class Expected:
    """What a right answer states: its values (typed) and the items it names."""

    type: str
    values: list[float] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    ordered: bool = False

    def to_json(self) -> str:
        return json.dumps(
            {
                "type": self.type,
                "values": self.values,
                "items": self.items,
                "ordered": self.ordered,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> Expected:
        data = json.loads(text)
        return cls(data["type"], data["values"], data["items"], data["ordered"])


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


def _half_up(value: float, places: int) -> float:
    quantum = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


_BUDGET = re.compile(r"budget(>=|<=|>|<)(\d+)")
_COMPARE: dict[str, Callable[[int, int], bool]] = {
    ">=": lambda a, b: a >= b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    "<": lambda a, b: a < b,
}


def _filter(token: str) -> Callable[[Row], bool]:
    if match := _BUDGET.fullmatch(token):
        test, bound = _COMPARE[match.group(1)], int(match.group(2))
        return lambda r: test(r.budget, bound)
    if "=" in token:
        key, _, value = token.partition("=")
        names = value.split(",")
        if key == "sub":
            unknown = [n for n in names if n not in SUBPREFECTURES]
            if unknown:
                raise SpecError(f"no 振興局 named {unknown[0]!r}")
            return lambda r: r.subprefecture in names
        if key == "area":
            full = [AREAS.get(n, n) for n in names]
            if not set(full) <= {r.area for r in ROWS}:
                raise SpecError(f"no 連携地域 among {names}")
            return lambda r: r.area in full
    if "~" in token:
        key, _, value = token.partition("~")
        words = [fold(w) for w in value.split(",")]
        fields: dict[str, Callable[[Row], str]] = {
            "project": lambda r: r.project,
            "measure": lambda r: r.measure,
            "topic": lambda r: f"{r.measure}\n{r.project}\n{r.description}",
        }
        if key in fields:
            read = fields[key]
            return lambda r: any(w in fold(read(r)) for w in words)
    raise SpecError(f"unknown filter {token!r}")


def select(tokens: list[str]) -> list[Row]:
    tests = [_filter(t) for t in tokens if t != "all"]
    rows = [r for r in ROWS if all(test(r) for test in tests)]
    if not rows:
        raise SpecError(f"no measure fits {' '.join(tokens) or 'all'}")
    return rows


def _key(unit: str, row: Row) -> str:
    return {
        "measure": row.measure,
        "project": row.project,
        "sub": row.subprefecture,
        "area": row.area,
    }[unit]


def totals(unit: str, rows: list[Row]) -> dict[str, int]:
    """Item -> total, in document order (a project summed across its 振興局)."""
    if unit not in UNITS:
        raise SpecError(f"unknown unit {unit!r}")
    result: dict[str, int] = {}
    for row in rows:
        result[_key(unit, row)] = result.get(_key(unit, row), 0) + row.budget
    return result


def ranked(unit: str, order: str, rows: list[Row]) -> list[tuple[str, int]]:
    if order not in ("max", "min"):
        raise SpecError(f"unknown order {order!r}")
    items = list(totals(unit, rows).items())
    return sorted(items, key=lambda item: -item[1] if order == "max" else item[1])


def _pick(args: list[str]) -> tuple[str, int]:
    unit, order, rank, *sel = args
    items = ranked(unit, order, select(sel))
    if not rank.isdigit() or not 1 <= int(rank) <= len(items):
        raise SpecError(f"rank {rank} out of 1..{len(items)}")
    return items[int(rank) - 1]


def _label(tokens: list[str]) -> str:
    """A side's name: its one measure, else its project, region(s) or topic as the table names
    them (道南,道北 -> 道南連携地域・道北連携地域)."""
    rows = select(tokens)
    if (
        len(rows) == 1
        and any(t.startswith(("measure~", "topic~")) for t in tokens)
        and len(tokens) > 1
    ):
        return rows[0].measure
    if len(tokens) != 1:
        return " ".join(tokens)
    key, value = re.split(r"[=~]", tokens[0], maxsplit=1)
    if key == "area":
        return "・".join(AREAS.get(name, name) for name in value.split(","))
    if key in ("project", "measure"):
        names = {r.project if key == "project" else r.measure for r in rows}
        return names.pop() if len(names) == 1 else value
    return value


def _side(text: str) -> tuple[str, int]:
    """(name, total) of one side of a sum, comparison, difference or ratio."""
    text = text.strip()
    if text.startswith("(") and text.endswith(")"):
        inner = text[1:-1].split()
        if not inner or inner[0] != "pick":
            raise SpecError(f"a bracketed side must be a pick: {text}")
        return _pick(inner[1:])
    tokens = text.split()
    return _label(tokens), sum(r.budget for r in select(tokens))


def _sides(text: str) -> list[tuple[str, int]]:
    sides = [_side(part) for part in text.split(";")]
    if len(sides) < 2:
        raise SpecError("two or more sides, separated by ;")
    return sides


def expected(spec: str) -> Expected:  # noqa: PLR0912 - one branch per operation
    op, _, rest = spec.strip().partition(" ")
    args = rest.split()
    if op in ("refuse", "about", "help"):
        return Expected(op)
    if op == "total":
        return Expected("amount", [sum(r.budget for r in select(args))])
    if op == "count":
        return Expected("count", [len(select(args))])
    if op == "count_projects":
        rows = select(args)
        entries = {(r.subprefecture, r.project) for r in rows}
        return Expected("count", [len({r.project for r in rows}), len(entries)])
    if op == "count_subs":
        return Expected("count", [len({r.subprefecture for r in select(args)})])
    if op in ("mean", "median"):
        budgets = [r.budget for r in select(args)]
        value = statistics.fmean(budgets) if op == "mean" else statistics.median(budgets)
        return Expected("yen", [_half_up(float(value), 1)])
    if op == "pick":
        name, value = _pick(args)
        return Expected("amount", [value], [name])
    if op == "top":
        unit, order, n, *sel = args
        items = ranked(unit, order, select(sel))[: int(n)]
        return Expected("amount", [v for _, v in items], [k for k, _ in items], ordered=True)
    if op == "share":
        part, _, whole = rest.partition(" of ")
        if not whole:
            raise SpecError("share SEL of SEL")
        numerator = sum(r.budget for r in select(part.split()))
        denominator = sum(r.budget for r in select(whole.split()))
        return Expected("percent", [_half_up(numerator / denominator * 100, 1)])
    if op == "sum":
        return Expected("amount", [sum(v for _, v in _sides(rest))])
    if op == "compare":
        sides = _sides(rest)
        winner = max(sides, key=lambda side: side[1])
        return Expected("amount", [v for _, v in sides], [winner[0]], ordered=True)
    if op == "diff":
        (_, a), (_, b), *more = _sides(rest)
        if more:
            raise SpecError("diff takes two sides")
        return Expected("amount", [abs(a - b)])
    if op == "ratio":
        (_, a), (_, b), *more = _sides(rest)
        if more or not b:
            raise SpecError("ratio takes two sides, the second not zero")
        return Expected("ratio", [_half_up(a / b, 2)])
    if op == "list":
        unit, *sel = args
        return Expected("items", [], list(totals(unit, select(sel))))
    if op == "where":
        return Expected("items", [], list(totals("sub", select(args))))
    if op == "breakdown":
        unit, *sel = args
        items = ranked(unit, "max", select(sel))
        return Expected("amount", [v for _, v in items], [k for k, _ in items])
    raise SpecError(f"unknown operation {op!r}")


@dataclass(frozen=True)
class TableRow:
    """One question of a table: where it is, its category, the question, its spec and answer."""

    path: Path
    line: int
    category: str
    question: str
    spec: str
    answer: str


COLUMNS = ("category", "question", "spec", "expected")


def read_table(path: Path) -> Iterator[TableRow]:
    """The rows of a question table (tab-separated; blank lines and # comments skipped)."""
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = raw.split("\t")
        if len(cells) not in (3, 4) or not cells[1].strip():
            raise SpecError(f"{path}:{number}: expected columns {', '.join(COLUMNS)}")
        yield TableRow(
            path, number, cells[0], cells[1], cells[2], cells[3] if len(cells) > 3 else ""
        )


def fill(path: Path) -> int:
    """Write each row's computed answer into its expected column; returns the rows filled."""
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = list(read_table(path))
    for row in rows:
        answer = expected(row.spec).to_json()
        lines[row.line - 1] = "\t".join((row.category, row.question, row.spec, answer))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv if a != "--fill"]
    failed = 0
    for path in paths:
        for row in read_table(path):
            try:
                answer = expected(row.spec)
            except (SpecError, ValueError) as exc:
                failed += 1
                sys.stdout.write(f"{path}:{row.line}: {row.question}\n    ERROR {exc}\n")
                continue
            values = ", ".join(f"{v:,g}" for v in answer.values)
            sys.stdout.write(
                f"{path}:{row.line}: [{row.category}] {row.question}\n"
                f"    {row.spec}\n    -> {answer.type} {values} {' | '.join(answer.items)}\n"
            )
        if "--fill" in argv and not failed:
            fill(path)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
