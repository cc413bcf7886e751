"""Answer models: what every query returns, before any formatting.

The command line prints them as JSON (plus the rendered "text"), the console and Discord format
them; so their field names are a public interface. Extend them, never rename or drop a field.
Every answer has `kind`, `total_thousand_yen` (an int where the answer is a total, else null),
`results` (measure rows) and `groups` (per-region or per-project subtotals).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from knowledge.amounts import percent_of, tenth
from knowledge.models import MeasureRow
from knowledge.quantities import AmountRange

ScopeKind = Literal["all", "area", "subprefecture", "project", "keyword", "selection"]
GroupKind = Literal["area", "subprefecture", "project", "measure", "selection"]
RankBy = Literal["measure", "subprefecture", "area", "project"]
HeadlineType = Literal[
    "amount", "count", "yen", "percent", "ratio", "items", "about", "help", "refuse"
]
"""refuse: only in the evaluation tables, for questions the table cannot answer."""
RankOrder = Literal["largest", "smallest"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)  # built on first use: a quicker start


class Headline(_Model):
    """What an answer states as the answer: its figures and the items it names first. The
    evaluation checks it (and that the reply shows it); answers that only ask or explain
    have none."""

    type: HeadlineType
    values: list[float] = Field(default_factory=list)
    items: list[str] = Field(default_factory=list)
    ordered: bool = False


class Scope(_Model):
    """What an answer is about: everything, a region, a project or a keyword."""

    kind: ScopeKind
    name: str
    full_name: str
    area: str | None = Field(default=None, description="The 連携地域 of a 振興局")


class Group(_Model):
    """A subtotal: one area, 振興局 or project, with its share of the whole table."""

    kind: GroupKind
    name: str
    full_name: str
    parent: str | None = None
    total_thousand_yen: int
    count: int = Field(description="Number of measures")
    share: float = Field(description="Share of the grand total, 0..1")


class Highlight(_Model):
    """Where a query word matched: a span of the original text of one field (end exclusive)."""

    field: Literal["measure", "project", "description"]
    start: int
    end: int


class Hit(MeasureRow):
    """A measure found by a search, with how well and where it matched."""

    score: float
    matched: Literal["measure", "project", "description"]
    channel: Literal["surface", "reading", "romaji", "typo", "region"] = Field(
        default="surface",
        description="How the first word matched: as typed, through a reading, romaji, a typo, "
        "or because the query named the measure's region",
    )
    highlights: list[Highlight] = Field(default_factory=list)


Intent = Literal[
    "total",
    "breakdown",
    "list",
    "count",
    "rank",
    "compare",
    "average",
    "median",
    "search",
    "about",
    "help",
    "sum",
    "pick",
    "share",
    "difference",
    "ratio",
    "where",
]


class Understanding(_Model):
    """What a question asks, as the bot understood it (shown with the answer)."""

    intent: Intent
    regions: list[Scope] = Field(default_factory=list)
    keyword: str | None = None
    project: str | None = None
    n: int | None = None
    by: RankBy | None = None
    order: RankOrder | None = None
    project_candidates: list[str] = Field(
        default_factory=list, description="Projects the question could mean, when not one"
    )
    summary: str = Field(
        default="", description="What was understood, for the reply: 対象: … ・ 集計: …"
    )
    plan: dict[str, object] | None = Field(
        default=None, description="The query plan the question became (knowledge.plan)"
    )
    unplaced: list[str] = Field(
        default_factory=list, description="Parts of the question the plan could not use"
    )


class Answer(_Model):
    kind: str
    question: str | None = Field(default=None, description="The question, for answers to ask")
    understood: Understanding | None = Field(
        default=None, description="How a question was understood (answers to ask)"
    )
    total_thousand_yen: int | None = None
    results: list[MeasureRow] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)
    verdict: str | None = Field(
        default=None,
        description="The answer to a check the question made (800万円超えてる？): はい／いいえ "
        "with the figure it was checked on",
    )

    def headline(self) -> Headline | None:
        """What this answer states as the answer (None: it asks, explains or failed)."""
        return None


def _amount(value: int | float) -> Headline:
    return Headline(type="amount", values=[float(value)])


def _named(groups: list[Group], *, ordered: bool) -> Headline:
    return Headline(
        type="amount",
        values=[float(g.total_thousand_yen) for g in groups],
        items=[g.name for g in groups],
        ordered=ordered,
    )


class TotalAnswer(Answer):
    """A sum over a scope, with its breakdown one level down and simple statistics."""

    kind: Literal["total"] = "total"
    scope: Scope
    total_thousand_yen: int
    count: int
    mean_thousand_yen: float | None
    median_thousand_yen: float | None
    focus: Literal["total", "breakdown", "sum"] = Field(
        default="total",
        description="total: the sum; breakdown: the subtotals are the answer; sum: of several "
        "scopes (groups are the scopes)",
    )

    def headline(self) -> Headline | None:
        if not self.count:
            return None  # said as "no measure matches", never as a budget of 0千円
        if self.focus == "breakdown":
            return _named(self.groups, ordered=False)
        if self.count == 1 and len(self.results) == 1:
            # ブリ 予算: the total of one measure is that measure's budget, and names it
            return Headline(
                type="amount",
                values=[float(self.total_thousand_yen)],
                items=[self.results[0].measure],
            )
        return _amount(self.total_thousand_yen)


class ListAnswer(Answer):
    """The measures of a scope in document order, with subtotals."""

    kind: Literal["list"] = "list"
    scope: Scope
    total_thousand_yen: int
    count: int
    unit: Literal["measure", "project", "subprefecture", "area"] = Field(
        default="measure", description="What is listed: measures, or the groups"
    )

    def headline(self) -> Headline | None:
        if self.unit == "measure":
            return Headline(type="items", items=[r.measure for r in self.results])
        return Headline(type="items", items=[g.name for g in self.groups])


class SearchAnswer(Answer):
    """Measures ranked by how well they match a query."""

    kind: Literal["search"] = "search"
    query: str
    results: list[MeasureRow | Hit] = Field(default_factory=list)
    count: int
    suggestions: list[str] = Field(default_factory=list)
    confidence: Literal["sure", "maybe", "none"] = Field(
        default="sure",
        description="sure: the answer; maybe: candidates (もしかして); none: nothing matched",
    )
    terms: list[str] = Field(default_factory=list, description="The content words searched for")
    region: Scope | None = Field(default=None, description="The region the query named, if any")
    budget: AmountRange | None = Field(
        default=None,
        description="The budget condition the hits were kept by (count and total are over "
        "the kept hits); None: no condition",
    )

    def headline(self) -> Headline | None:
        if self.confidence != "sure" or not self.results:
            return None
        return Headline(type="items", items=[r.measure for r in self.results])


class RankAnswer(Answer):
    """The largest or smallest measures, 振興局 or areas."""

    kind: Literal["rank"] = "rank"
    scope: Scope = Field(description="What was ranked within (everything, or one region)")
    by: RankBy
    order: RankOrder
    n: int
    available: int = Field(description="How many items could be ranked")
    tied_beyond: int = Field(
        default=0, description="Items past the n shown with the same amount as the last one shown"
    )
    budget: AmountRange | None = Field(
        default=None,
        description="The budget condition on the measures ranked (by 振興局 or area: on the "
        "measures before they are summed); None: no condition",
    )

    def headline(self) -> Headline | None:
        if self.results:
            return Headline(
                type="amount",
                values=[float(r.budget_thousand_yen) for r in self.results],
                items=[r.measure for r in self.results],
                ordered=True,
            )
        return _named(self.groups, ordered=True)


class CompareAnswer(Answer):
    """Two or more regions side by side (groups in the order asked)."""

    kind: Literal["compare"] = "compare"
    regions: list[Scope]
    difference_thousand_yen: int | None = Field(
        default=None, description="First region minus second, when exactly two are compared"
    )
    ratio: float | None = Field(default=None, description="First region / second, when two")
    focus: Literal["compare", "difference", "ratio"] = Field(
        default="compare", description="What the question asked of the comparison"
    )
    order: Literal["largest", "smallest"] = Field(
        default="largest",
        description="Which side was asked for: the larger (どっちが多い) or the smaller (少ない)",
    )
    group_results: list[list[MeasureRow]] = Field(
        default_factory=list,
        description="Each group's own measures, largest first, in the order of groups "
        "(results holds each measure once, though groups may overlap)",
    )

    def headline(self) -> Headline | None:
        if self.focus == "difference" and self.difference_thousand_yen is not None:
            return _amount(abs(self.difference_thousand_yen))
        if self.focus == "ratio" and self.ratio is not None:
            return Headline(type="ratio", values=[round(self.ratio, 2)])
        winner = max(self.groups, key=lambda g: g.total_thousand_yen)
        return Headline(
            type="amount",
            values=[float(g.total_thousand_yen) for g in self.groups],
            items=[winner.name],
            ordered=True,
        )


class AboutAnswer(Answer):
    """The dataset itself: what it is, its counts and totals."""

    kind: Literal["about"] = "about"
    title: str
    fiscal_year: str | None
    fiscal_year_western: int | None
    unit: str
    source: str
    areas: int
    subprefectures: int
    project_entries: int
    distinct_projects: int
    measures: int
    declared_projects: int | None
    total_thousand_yen: int
    version: str | None = Field(default=None, description="The bot's version")
    uptime_seconds: float | None = Field(default=None, description="Since the bot started")

    def headline(self) -> Headline | None:
        return Headline(type="about")


class Bar(_Model):
    """One bar of a chart: what it stands for, its amount and the group that colours it."""

    label: str
    value_thousand_yen: int
    group: str


class ChartAnswer(Answer):
    """The data of a bar chart (drawn by bot/formatting/chart.py), largest first."""

    kind: Literal["chart"] = "chart"
    by: Literal["subprefecture", "area", "measure"]
    scope: Scope
    title: str
    bars: list[Bar]
    total_thousand_yen: int


class ExportAnswer(Answer):
    """Measures to take away as CSV or JSON, in document order."""

    kind: Literal["export"] = "export"
    scope: Scope
    count: int
    total_thousand_yen: int


class BrowseAnswer(Answer):
    """One level of drill-down: the areas, an area's 振興局, or a 振興局's projects and measures."""

    kind: Literal["browse"] = "browse"
    level: Literal["areas", "area", "subprefecture"]
    scope: Scope
    parent: Scope | None = Field(default=None, description="The level above, for going back")
    total_thousand_yen: int


class CommandHelp(_Model):
    """One command as the help lists it."""

    name: str
    ja_name: str
    usage: str
    description: str


class HelpAnswer(Answer):
    """What to ask, for a question the bot cannot place (never an invented answer)."""

    kind: Literal["help"] = "help"
    message: str
    examples: list[str]
    commands: list[CommandHelp] = Field(default_factory=list)

    def headline(self) -> Headline | None:
        return None if self.message else Headline(type="help")


class StatsAnswer(Answer):
    """How many measures a scope has, and their mean and median budget."""

    kind: Literal["stats"] = "stats"
    focus: Literal["count", "average", "median"]
    scope: Scope
    total_thousand_yen: int
    count: int
    mean_thousand_yen: float | None
    median_thousand_yen: float | None
    smallest_thousand_yen: int | None
    largest_thousand_yen: int | None
    unit: Literal["measure", "project", "subprefecture", "area"] = Field(
        default="measure",
        description="What the count, mean and median are over: measures, or the totals of "
        "each project, 振興局 or 連携地域 (1振興局あたり)",
    )

    def headline(self) -> Headline | None:
        if self.focus == "count":
            return Headline(type="count", values=[float(self.count)])
        value = self.mean_thousand_yen if self.focus == "average" else self.median_thousand_yen
        return None if value is None else Headline(type="yen", values=[float(tenth(value))])


class Choice(_Model):
    """One way to read an unclear question: a label, and the clear question it stands for."""

    label: str
    question: str


class ClarifyAnswer(Answer):
    """An unclear question: the closest readings offered as choices, never a guess."""

    kind: Literal["clarify"] = "clarify"
    message: str
    choices: list[Choice]


class ErrorAnswer(Answer):
    """A request that could not be answered, with what to do instead."""

    kind: Literal["error"] = "error"
    error: str = Field(description="Stable code: unknown_region, invalid_query, ...")
    message: str
    suggestions: list[str] = Field(default_factory=list)
    input: str | None = Field(default=None, description="The batch line that caused it")


class Source(_Model):
    """Where the figures come from: said once at the foot of every reply."""

    title: str
    fiscal_year: str | None
    unit: str
    file: str


class ShareAnswer(Answer):
    """What part of a whole a selection is: 胆振 is 8.7% of everything."""

    kind: Literal["share"] = "share"
    part: Scope
    whole: Scope
    total_thousand_yen: int = Field(description="The part's total")
    whole_thousand_yen: int
    count: int = Field(description="Measures in the part")
    share: float = Field(description="part / whole, 0..1")

    def headline(self) -> Headline | None:
        if not self.whole_thousand_yen:
            return None
        percent = percent_of(self.total_thousand_yen, self.whole_thousand_yen)
        return Headline(type="percent", values=[float(percent)])


class PickAnswer(Answer):
    """One item by rank: the largest measure, the 2nd largest 振興局, the smallest project.

    `groups` holds the item (and its neighbours in the ranking) for 振興局, areas and projects;
    `results` holds the measures."""

    kind: Literal["pick"] = "pick"
    scope: Scope = Field(description="What the item was picked within")
    by: RankBy
    order: RankOrder
    rank: int
    name: str = Field(description="The picked item's name")
    full_name: str
    total_thousand_yen: int = Field(description="The picked item's amount")
    available: int = Field(description="How many items there were to pick from")
    tied: int = Field(default=0, description="Other items with exactly the same amount")
    places: list[str] = Field(
        default_factory=list, description="The 振興局 the item is in (for measures and projects)"
    )

    def headline(self) -> Headline | None:
        return Headline(type="amount", values=[float(self.total_thousand_yen)], items=[self.name])


class WhereAnswer(Answer):
    """Where a selection's measures are: the 振興局 (groups), then the measures (results)."""

    kind: Literal["where"] = "where"
    scope: Scope
    total_thousand_yen: int
    count: int

    def headline(self) -> Headline | None:
        return Headline(type="items", items=[g.name for g in self.groups])


class CountAnswer(Answer):
    """How many projects, 振興局 or 連携地域 a selection has (measures: StatsAnswer).

    For projects it says which count: distinct names, entries in the table (a project runs in
    several 振興局) and, for the whole table, the number the document's own text gives."""

    kind: Literal["count"] = "count"
    scope: Scope
    unit: Literal["project", "subprefecture", "area"]
    count: int = Field(description="Distinct names")
    entries: int | None = Field(default=None, description="Project entries (振興局 x project)")
    declared: int | None = Field(
        default=None, description="Projects the document's text says are run in all"
    )
    most: list[str] = Field(
        default_factory=list,
        description="When the question asked which has the most (order: fewest) measures: "
        "those that have that many (ties all named); groups are then in that order",
    )
    order: Literal["largest", "smallest"] = "largest"
    per_group: bool = Field(
        default=False,
        description="Each group's number of measures was asked (振興局ごとの施策数)",
    )

    def headline(self) -> Headline | None:
        if self.per_group:
            return Headline(
                type="count",
                values=[float(g.count) for g in self.groups],
                items=[g.name for g in self.groups],
            )
        if self.most:
            return Headline(type="count", values=[float(self.groups[0].count)], items=self.most)
        values = [float(self.count)]
        if self.entries is not None:
            values.append(float(self.entries))
        return Headline(type="count", values=values, items=[g.name for g in self.groups])
