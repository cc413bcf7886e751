"""A question as a query plan: what to select, at which level, and what to do with it.

Questions compose — a region AND a topic AND a budget range AND an operation — so the plan
does too: a Selection of measures (any combination of filters), a unit to count or rank them
by (measure, project, 振興局, 連携地域), an operation, and for operations over several things
(sums, comparisons, differences, ratios) the sides, each a selection or one picked item
("the largest 振興局"). The plan says in one line what it used (the reply's 解釈 line), and
lists what it could not place, so nothing a person asked is dropped in silence.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from knowledge.answers import Scope
from knowledge.quantities import AmountRange

Unit = Literal["measure", "project", "subprefecture", "area"]
Order = Literal["largest", "smallest"]
OperationName = Literal[
    "total",
    "sum",
    "count",
    "mean",
    "median",
    "pick",
    "rank",
    "share",
    "compare",
    "difference",
    "ratio",
    "list",
    "where",
    "breakdown",
    "search",
    "about",
    "help",
]
UNIT_LABEL: dict[Unit, str] = {
    "measure": "施策",
    "project": "プロジェクト",
    "subprefecture": "振興局",
    "area": "連携地域",
}


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class Selection(_Model):
    """Which measures: every filter holds (regions are alternatives: 空知 or 石狩)."""

    regions: list[Scope] = Field(default_factory=list)
    excluded: list[Scope] = Field(default_factory=list, description="Regions taken out (道央以外)")
    topic: str | None = Field(
        default=None, description="Words the measure, its project or description is about"
    )
    any_topics: list[str] = Field(
        default_factory=list, description="Alternative topics: a measure about any one of them"
    )
    excluded_topics: list[str] = Field(
        default_factory=list, description="Topics taken out (観光じゃない施策, 観光以外)"
    )
    name: str | None = Field(default=None, description="Words in the measure's own name")
    project: str | None = Field(default=None, description="A project, by its full name")
    measure: str | None = Field(default=None, description="One measure, by its full name")
    budget: AmountRange | None = None
    shared: bool = Field(
        default=False,
        description="Only the projects run in more than one 振興局 (複数の振興局にまたがる)",
    )
    budget_of: Literal["measure", "project", "subprefecture", "area"] = Field(
        default="measure",
        description="What the budget range holds for: each measure, or the total of each "
        "project, 振興局 or 連携地域 (予算が1,000万円以上の振興局)",
    )

    @property
    def empty(self) -> bool:
        """No filter at all: every measure of the table."""
        return not (
            self.regions
            or self.excluded
            or self.topic
            or self.any_topics
            or self.excluded_topics
            or self.name
            or self.project
            or self.measure
            or self.budget
            or self.shared
        )

    def merged(self, other: Selection) -> Selection:
        """Both selections' filters (the other's win where both set one)."""
        return Selection(
            regions=other.regions or self.regions,
            excluded=[*self.excluded, *other.excluded],
            topic=other.topic or self.topic,
            any_topics=other.any_topics or self.any_topics,
            excluded_topics=[*self.excluded_topics, *other.excluded_topics],
            name=other.name or self.name,
            project=other.project or self.project,
            measure=other.measure or self.measure,
            budget=other.budget or self.budget,
            shared=other.shared or self.shared,
        )

    def describe(self) -> str:
        """空知総合振興局 ・ 「エゾシカ」 ・ 5,000千円以上 — each filter, as used."""
        parts = ["・".join(r.full_name for r in self.regions)] if self.regions else []
        parts += [f"{r.full_name}以外" for r in self.excluded]
        if self.project:
            parts.append(f"「{self.project}」")
        if self.measure:
            parts.append(f"【{self.measure}】")
        if self.name:
            parts.append(f"名前に「{self.name}」")
        if self.topic:
            parts.append(f"「{self.topic}」")
        if self.any_topics:
            parts.append("または".join(f"「{t}」" for t in self.any_topics))
        parts += [f"「{t}」以外" for t in self.excluded_topics]
        if self.shared:
            parts.append("複数振興局実施分")
        if self.budget and self.budget_of != "measure":
            parts.append(f"予算合計{self.budget.label()}の{UNIT_LABEL[self.budget_of]}")
        elif self.budget:
            parts.append(f"予算{self.budget.label()}")
        return " ・ ".join(p for p in parts if p) or "全道"


class Pick(_Model):
    """One item picked by rank within a selection: the 2nd largest measure of 釧路."""

    unit: Unit
    order: Order = "largest"
    rank: int = 1
    within: Selection = Field(default_factory=Selection)

    def describe(self) -> str:
        place = "" if self.within.empty else f"{self.within.describe()}で"
        nth = "一番" if self.rank == 1 else f"{self.rank}番目に"
        size = "大きい" if self.order == "largest" else "小さい"
        return f"{place}{nth}{size}{UNIT_LABEL[self.unit]}"


class Side(_Model):
    """One side of a sum, comparison, difference or ratio: a selection, or a picked item."""

    selection: Selection | None = None
    pick: Pick | None = None

    def describe(self) -> str:
        if self.pick is not None:
            return self.pick.describe()
        return self.selection.describe() if self.selection is not None else "全道"


UnplacedReason = Literal[
    "amount",
    "by",
    "earlier",
    "measure",
    "name",
    "number",
    "project",
    "relative",
    "sides",
    "statistic",
    "superlative",
    "together",
    "topic",
    "unit",
    "year",
]
"""Why a part could not be used; each has its way of asking back (router._ASK_BACK)."""


class Unplaced(_Model):
    """A part of the question the plan could not use, and what it might have meant."""

    text: str
    reason: UnplacedReason
    suggestions: list[str] = Field(default_factory=list)


class QueryPlan(_Model):
    """What a question asks, ready to run: the JSON "understood.plan" of an answer."""

    operation: OperationName
    unit: Unit = "measure"
    selection: Selection = Field(default_factory=Selection)
    sides: list[Side] = Field(default_factory=list)
    whole: Selection | None = Field(
        default=None, description="What a share is taken of (None: everything)"
    )
    n: int | None = Field(default=None, description="How many to rank (None: the default)")
    rank: int = Field(default=1, description="Which one to pick: 1 the first, 2 the second")
    order: Order = "largest"
    by: Unit | None = Field(
        default=None,
        description="What a breakdown splits by; for a count, the unit whose number of measures "
        "each is asked (振興局ごとの施策数)",
    )
    most_measures: bool = Field(
        default=False,
        description="A count per 振興局 or 連携地域 that asks which has the most (order: or the "
        "fewest) measures (施策数が一番多い振興局)",
    )
    check: AmountRange | None = Field(
        default=None,
        description="A figure the question checks its answer against (予算って800万円超えてる？): "
        "said with the answer, never a condition on the measures",
    )
    check_region: Scope | None = Field(
        default=None,
        description="A place the question checks its answer against "
        "(ジオパークの事業って日高だよね？): said with the answer, not the scope",
    )
    unplaced: list[Unplaced] = Field(default_factory=list)
    fiscal_year: str | None = Field(
        default=None, description="A fiscal year the question named, as it named it"
    )
