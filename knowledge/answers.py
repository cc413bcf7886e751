"""Answer models: what every query returns, before any formatting.

The command line prints them as JSON (plus the rendered "text"), the console and Discord format
them; so their field names are a public interface. Extend them, never rename or drop a field.
Every answer has `kind`, `total_thousand_yen` (an int where the answer is a total, else null),
`results` (measure rows) and `groups` (per-region or per-project subtotals).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from knowledge.models import MeasureRow

ScopeKind = Literal["all", "area", "subprefecture", "project", "keyword"]
GroupKind = Literal["area", "subprefecture", "project"]
RankBy = Literal["measure", "subprefecture", "area"]
RankOrder = Literal["largest", "smallest"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)  # built on first use: a quicker start


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


class Answer(_Model):
    kind: str
    question: str | None = Field(default=None, description="The question, for answers to ask")
    understood: Understanding | None = Field(
        default=None, description="How a question was understood (answers to ask)"
    )
    total_thousand_yen: int | None = None
    results: list[MeasureRow] = Field(default_factory=list)
    groups: list[Group] = Field(default_factory=list)


class TotalAnswer(Answer):
    """A sum over a scope, with its breakdown one level down and simple statistics."""

    kind: Literal["total"] = "total"
    scope: Scope
    total_thousand_yen: int
    count: int
    mean_thousand_yen: float | None
    median_thousand_yen: float | None


class ListAnswer(Answer):
    """The measures of a scope in document order, with subtotals."""

    kind: Literal["list"] = "list"
    scope: Scope
    total_thousand_yen: int
    count: int


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


class CompareAnswer(Answer):
    """Two or more regions side by side (groups in the order asked)."""

    kind: Literal["compare"] = "compare"
    regions: list[Scope]
    difference_thousand_yen: int | None = Field(
        default=None, description="First region minus second, when exactly two are compared"
    )
    ratio: float | None = Field(default=None, description="First region / second, when two")


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
