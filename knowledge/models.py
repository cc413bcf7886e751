"""Typed models of the document: 連携地域 (area) > 振興局 (subprefecture) > project > measure.

Every model is frozen: the data is read once at start-up and shared by every answer.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, PositiveInt


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Measure(_Frozen):
    """主な施策: one budgeted measure, with the line it was read from."""

    name: str = Field(description="施策名 (the text inside 【】)")
    description: str
    budget_thousand_yen: NonNegativeInt
    line: PositiveInt = Field(description="1-based line number in the source document")


class Project(_Frozen):
    """主なプロジェクト as it runs in one 振興局 (a 'project entry')."""

    name: str
    line: PositiveInt
    measures: tuple[Measure, ...]

    @property
    def total_thousand_yen(self) -> int:
        return sum(m.budget_thousand_yen for m in self.measures)


class Subprefecture(_Frozen):
    """地域区分: one of the 振興局, named as the table names it (空知, 檜山, ...)."""

    name: str
    line: PositiveInt
    projects: tuple[Project, ...]

    @property
    def measures(self) -> tuple[Measure, ...]:
        return tuple(m for p in self.projects for m in p.measures)

    @property
    def total_thousand_yen(self) -> int:
        return sum(p.total_thousand_yen for p in self.projects)


class Area(_Frozen):
    """連携地域: a section of the document, headed by its name."""

    name: str
    line: PositiveInt
    subprefectures: tuple[Subprefecture, ...]

    @property
    def measures(self) -> tuple[Measure, ...]:
        return tuple(m for s in self.subprefectures for m in s.measures)

    @property
    def total_thousand_yen(self) -> int:
        return sum(s.total_thousand_yen for s in self.subprefectures)


class FiscalYear(_Frozen):
    """The fiscal year named in the budget column header (R3 予算額 -> 令和3年度, FY2021)."""

    era: str = Field(description="元号, e.g. 令和")
    era_year: PositiveInt
    western_year: PositiveInt

    @property
    def label(self) -> str:
        return f"{self.era}{self.era_year}年度"


class MeasureRow(_Frozen):
    """A measure with its place in the hierarchy: the row shape of every answer's results."""

    area: str
    subprefecture: str
    project: str
    measure: str
    description: str
    budget_thousand_yen: int
    line: int


def largest_first(groups: Iterable[Iterable[MeasureRow]]) -> list[MeasureRow]:
    """Rows of several groups, each row once (groups may overlap: 道北 and 上川), largest
    first."""
    distinct = {row.line: row for rows in groups for row in rows}
    return sorted(distinct.values(), key=lambda r: -r.budget_thousand_yen)


ROW_FIELDS = set(MeasureRow.model_fields)  # shared by every row, and never changed: rows are frozen


class Dataset(_Frozen):
    """The whole document."""

    title: str
    summary: str = ""
    declared_project_count: int | None = Field(
        default=None, description="Number of regional projects the preamble says are run in all"
    )
    fiscal_year: FiscalYear | None
    budget_label: str = Field(description="Header of the budget column, e.g. 'R3 予算額'")
    unit: str = "千円"
    source: str = Field(description="File name the data was read from")
    areas: tuple[Area, ...]

    @property
    def subprefectures(self) -> tuple[Subprefecture, ...]:
        return tuple(s for a in self.areas for s in a.subprefectures)

    @property
    def total_thousand_yen(self) -> int:
        return sum(a.total_thousand_yen for a in self.areas)

    def rows(self) -> list[MeasureRow]:
        """Every measure in document order, flattened with its area, 振興局 and project.

        Built without validating again (every value comes from this validated tree) and with
        one shared set of field names: at 100,000 measures that is tens of megabytes.
        """
        return [
            MeasureRow.model_construct(
                ROW_FIELDS,
                area=area.name,
                subprefecture=sub.name,
                project=project.name,
                measure=m.name,
                description=m.description,
                budget_thousand_yen=m.budget_thousand_yen,
                line=m.line,
            )
            for area in self.areas
            for sub in area.subprefectures
            for project in sub.projects
            for m in project.measures
        ]
