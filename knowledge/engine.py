"""The query engine: totals, breakdowns, lists, rankings, comparisons and searches.

Built once from a Dataset at start-up (rows flattened, texts folded, regions indexed); every
method returns an answer model and never formats text.
"""

from __future__ import annotations

import functools
import re
import statistics
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, Literal, ParamSpec, TypeVar

from rapidfuzz import fuzz, process

from knowledge.answers import (
    AboutAnswer,
    Bar,
    BrowseAnswer,
    ChartAnswer,
    CompareAnswer,
    ExportAnswer,
    Group,
    GroupKind,
    HelpAnswer,
    Hit,
    ListAnswer,
    RankAnswer,
    RankBy,
    RankOrder,
    Scope,
    SearchAnswer,
    Source,
    StatsAnswer,
    TotalAnswer,
)
from knowledge.errors import (
    AmbiguousProjectError,
    InvalidQueryError,
    UnknownProjectError,
)
from knowledge.models import Dataset, MeasureRow, largest_first
from knowledge.normalize import fold, without_surrogates
from knowledge.parser import load_dataset
from knowledge.plan import Selection
from knowledge.quantities import AmountRange
from knowledge.regions import Region, RegionResolver
from knowledge.words import content_words

if TYPE_CHECKING:
    from knowledge.search import SearchIndex, SearchResult

T = TypeVar("T")
P = ParamSpec("P")


def _key(value: object) -> Hashable:
    if isinstance(value, list | tuple):
        return tuple(_key(item) for item in value)
    return value  # strings, numbers and None: the arguments here


def memoized(
    method: Callable[Concatenate[Knowledge, P], T],
) -> Callable[Concatenate[Knowledge, P], T]:
    """A query answered once per distinct arguments (see Knowledge._memoized)."""

    @functools.wraps(method)
    def wrapper(self: Knowledge, /, *args: P.args, **kwargs: P.kwargs) -> T:
        key = (method.__name__, _key(args), tuple(sorted((k, _key(v)) for k, v in kwargs.items())))
        return self._memoized(key, lambda: method(self, *args, **kwargs))

    return wrapper


MEMO_SIZE = 512
DEFAULT_TOP = 5
SUGGEST_REGION_CUTOFF = 60.0
"""A search that found nothing suggests only regions this close to what was typed."""


def _tied_beyond(ranked_amounts: list[int], n: int) -> int:
    """How many items after the first n share the n-th amount (a cut through a tie)."""
    if n >= len(ranked_amounts):
        return 0
    last = ranked_amounts[n - 1]
    return sum(1 for amount in ranked_amounts[n:] if amount == last)


def _condition(budget: AmountRange | None) -> AmountRange | None:
    """The budget condition to apply: None when it has no bound (the same as no condition);
    a minimum above the maximum is the asker's slip, said as such rather than answered empty."""
    if budget is None or (budget.minimum_yen is None and budget.maximum_yen is None):
        return None
    if budget.impossible:
        raise InvalidQueryError(
            f"予算の下限が上限を上回っています（{budget.text or budget.label()}）。"
            "下限は上限以下にしてください。"
        )
    return budget


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def load_knowledge(path: Path | None = None) -> Knowledge:
    """Parse a data file (the shipped one when path is None) and index it."""
    return Knowledge(load_dataset(path))


class Knowledge:
    """Everything the bot knows, indexed for instant answers.

    Each public query is memoised (answers are frozen and the data never changes under an
    engine; a reload builds a new one).
    """

    def __init__(self, dataset: Dataset) -> None:
        # the dataset's own tree is not kept: the flat rows and the facts below are all that
        # answers need, and at 100,000 measures the tree is a hundred megabytes
        self.rows = dataset.rows()
        self.regions = RegionResolver(dataset)
        self.grand_total = dataset.total_thousand_yen
        self.project_names = list(dict.fromkeys(row.project for row in self.rows))
        self.measure_names = list(dict.fromkeys(row.measure for row in self.rows))
        self.fiscal_year_western = dataset.fiscal_year.western_year if dataset.fiscal_year else None
        self._region_by_name = {
            r.name: r for r in self.regions.regions if r.kind == "subprefecture"
        }
        self.source = Source(
            title=dataset.title,
            fiscal_year=dataset.fiscal_year.label if dataset.fiscal_year else None,
            unit=dataset.unit,
            file=dataset.source,
        )
        self._scopes: dict[tuple[str, str], list[MeasureRow]] = {}
        self._scope_indexes: dict[tuple[str, str], list[int]] = {}
        for index, row in enumerate(self.rows):
            for key in (("area", row.area), ("subprefecture", row.subprefecture)):
                self._scopes.setdefault(key, []).append(row)
                self._scope_indexes.setdefault(key, []).append(index)
        self._memo: OrderedDict[Hashable, object] = OrderedDict()
        self._memo_lock = threading.Lock()
        self._about = AboutAnswer(
            title=dataset.title,
            fiscal_year=dataset.fiscal_year.label if dataset.fiscal_year else None,
            fiscal_year_western=dataset.fiscal_year.western_year if dataset.fiscal_year else None,
            unit=dataset.unit,
            source=dataset.source,
            areas=len(dataset.areas),
            subprefectures=len(dataset.subprefectures),
            project_entries=sum(len(s.projects) for s in dataset.subprefectures),
            distinct_projects=len(self.project_names),
            measures=len(self.rows),
            declared_projects=dataset.declared_project_count,
            total_thousand_yen=self.grand_total,
            groups=self._groups("area", self.rows),
        )

    # -- scopes ---------------------------------------------------------------------------

    def _scope(self, region: Region) -> Scope:
        return Scope(
            kind=region.kind, name=region.name, full_name=region.full_name, area=region.area
        )

    def _rows_in(self, region: Region) -> list[MeasureRow]:
        """The region's measures in document order (grouped once, when the data was loaded)."""
        if region.kind == "all":
            return self.rows
        return self._scopes.get((region.kind, region.name), [])

    def _ranked(self, region: Region, order: RankOrder) -> list[MeasureRow]:
        """The region's measures by budget (ties in document order), sorted once per region."""
        return self._memoized(
            ("ranked", region.kind, region.name, order),
            lambda: sorted(
                self._rows_in(region),
                key=lambda r: (
                    -r.budget_thousand_yen if order == "largest" else r.budget_thousand_yen
                ),
            ),
        )

    def forget(self) -> None:
        """Drop every memoised answer (benchmarks use it to time the work, not the memory)."""
        with self._memo_lock:
            self._memo.clear()

    def _memoized(self, key: Hashable, compute: Callable[[], T]) -> T:
        """Answers are frozen and the data never changes under an engine: each is computed
        once, and the most recent MEMO_SIZE are kept (the totals of a meeting are instant)."""
        with self._memo_lock:
            if key in self._memo:
                self._memo.move_to_end(key)
                return self._memo[key]  # type: ignore[return-value]
        value = compute()
        with self._memo_lock:
            self._memo[key] = value
            while len(self._memo) > MEMO_SIZE:
                self._memo.popitem(last=False)
        return value

    def _group(self, kind: GroupKind, name: str, rows: Sequence[MeasureRow]) -> Group:
        full_name, parent = name, None
        if kind == "subprefecture":
            full_name = self._region_by_name[name].full_name
            parent = rows[0].area if rows else None
        elif kind == "project":
            parent = rows[0].subprefecture if rows else None
        total = sum(row.budget_thousand_yen for row in rows)
        return Group(
            kind=kind,
            name=name,
            full_name=full_name,
            parent=parent,
            total_thousand_yen=total,
            count=len(rows),
            share=total / self.grand_total if self.grand_total else 0.0,
        )

    def _groups(self, kind: GroupKind, rows: Iterable[MeasureRow]) -> list[Group]:
        """Subtotals by area, 振興局 or project entry (within its 振興局), in document order."""
        buckets: dict[tuple[str, str], list[MeasureRow]] = {}
        for row in rows:
            if kind == "area":
                key = ("", row.area)
            elif kind == "subprefecture":
                key = ("", row.subprefecture)
            else:
                key = (row.subprefecture, row.project)
            buckets.setdefault(key, []).append(row)
        return [self._group(kind, name, members) for (_, name), members in buckets.items()]

    @staticmethod
    def _breakdown_kind(scope_kind: str) -> GroupKind:
        return {"all": "area", "area": "subprefecture"}.get(scope_kind, "project")  # type: ignore[return-value]

    def resolve_region(self, text: str | None) -> Region:
        """Any spelling of a region; None or empty means the whole table."""
        if text is None or not text.strip():
            return self.regions.everything
        return self.regions.resolve(text)

    def resolve_project(self, text: str) -> str:
        """A project named in full or in part (「きた北海道」 -> its full name)."""
        wanted = fold(text).strip("「」 ")
        if not wanted:
            raise InvalidQueryError("プロジェクト名を指定してください。")
        exact = [name for name in self.project_names if fold(name) == wanted]
        if exact:
            return exact[0]
        partial = [name for name in self.project_names if wanted in fold(name)]
        if len(partial) == 1:
            return partial[0]
        if partial:
            raise AmbiguousProjectError(text, partial)
        close = process.extract(
            wanted,
            {name: fold(name) for name in self.project_names},
            scorer=fuzz.partial_ratio,
            limit=3,
            score_cutoff=60,
        )
        raise UnknownProjectError(text, [name for _, _, name in close])

    # -- queries --------------------------------------------------------------------------

    def _selection(
        self, region: str | None, project: str | None, keyword: str | None
    ) -> tuple[Scope, list[MeasureRow], GroupKind]:
        """The measures a total or a statistic is over, what to call them and how to break them
        down: everything, a region, a project across its 振興局, or a keyword's sure matches
        (within a region when one is given too)."""
        if project is not None and (region is not None or keyword is not None):
            raise InvalidQueryError("プロジェクトは地域やキーワードと一緒には指定できません。")
        if project is not None:
            name = self.resolve_project(project)
            rows = [row for row in self.rows if row.project == name]
            return Scope(kind="project", name=name, full_name=name), rows, "subprefecture"
        if keyword is not None:
            if not fold(keyword):
                raise InvalidQueryError("キーワードを指定してください。")
            within = self.resolve_region(region) if region is not None else None
            query = f"{keyword} {within.full_name}" if within and within.kind != "all" else keyword
            rows = [self.rows[i] for i in sorted(self._find(query)[0].sure)]
            word = keyword.strip()
            place = f"{within.full_name}の" if within and within.kind != "all" else ""
            return (
                Scope(kind="keyword", name=word, full_name=f"{place}「{word}」"),
                rows,
                "subprefecture",
            )
        resolved = self.resolve_region(region)
        return self._scope(resolved), self._rows_in(resolved), self._breakdown_kind(resolved.kind)

    @memoized
    def total(
        self, region: str | None = None, *, project: str | None = None, keyword: str | None = None
    ) -> TotalAnswer:
        """Total of everything, a region, a project (across its 振興局) or a keyword's measures."""
        scope, rows, breakdown = self._selection(region, project, keyword)
        budgets = [row.budget_thousand_yen for row in rows]
        return TotalAnswer(
            scope=scope,
            total_thousand_yen=sum(budgets),
            count=len(budgets),
            mean_thousand_yen=statistics.fmean(budgets) if budgets else None,
            median_thousand_yen=float(statistics.median(budgets)) if budgets else None,
            groups=self._groups(breakdown, rows),
            results=rows,
        )

    @memoized
    def stats(
        self,
        focus: Literal["count", "average", "median"] = "count",
        region: str | None = None,
        *,
        project: str | None = None,
        keyword: str | None = None,
    ) -> StatsAnswer:
        """How many measures, and their mean and median budget, over the same selections."""
        scope, rows, breakdown = self._selection(region, project, keyword)
        budgets = [row.budget_thousand_yen for row in rows]
        return StatsAnswer(
            focus=focus,
            scope=scope,
            total_thousand_yen=sum(budgets),
            count=len(budgets),
            mean_thousand_yen=statistics.fmean(budgets) if budgets else None,
            median_thousand_yen=float(statistics.median(budgets)) if budgets else None,
            smallest_thousand_yen=min(budgets, default=None),
            largest_thousand_yen=max(budgets, default=None),
            groups=self._groups(breakdown, rows),
            results=rows,
        )

    @memoized
    def listing(self, region: str | None = None) -> ListAnswer:
        """The measures of a region (everything when None), in document order."""
        resolved = self.resolve_region(region)
        rows = self._rows_in(resolved)
        return ListAnswer(
            scope=self._scope(resolved),
            total_thousand_yen=sum(row.budget_thousand_yen for row in rows),
            count=len(rows),
            groups=self._groups(self._breakdown_kind(resolved.kind), rows),
            results=rows,
        )

    def top(
        self,
        n: int = DEFAULT_TOP,
        *,
        by: RankBy = "measure",
        order: RankOrder = "largest",
        region: str | None = None,
        budget: AmountRange | None = None,
    ) -> RankAnswer:
        """The n largest (or smallest) measures, 振興局 or areas, optionally within a region.

        Ties keep document order; `tied_beyond` says when the cut at n goes through a tie.
        With a budget condition only the measures meeting it are ranked — by 振興局 or area,
        only they are summed — and `available` counts what is left.
        """
        if n < 1:
            raise InvalidQueryError("件数は1以上を指定してください。")
        budget = _condition(budget)
        resolved = self.resolve_region(region)
        key = ("top", n, by, order, resolved.kind, resolved.name, budget)
        return self._memoized(key, lambda: self._top(n, by, order, resolved, budget))

    # -- selections (the query plan's filters) ----------------------------------------------

    @cached_property
    def _folded_fields(self) -> list[tuple[str, str, str]]:
        """Each row's measure name, project and description, folded: topics and names are
        looked for in these as written first."""
        return [(fold(r.measure), fold(r.project), fold(r.description)) for r in self.rows]

    def topic_rows(self, words: str) -> list[int]:
        """Rows about every word: found as written in the measure's name, project or
        description; a word found nowhere as written goes through the search (readings,
        romaji, typos), taking only its sure matches."""
        chosen: set[int] | None = None
        for word in words.split():
            found = self._literal_rows(word)
            if found and _one_kanji(word):
                # 国 is in 国定公園, 市 in 都市: a letter inside other words is no topic
                found = {i for i in found if word in self._one_kanji_words[i]}
                chosen = found if chosen is None else chosen & found
                continue
            if not found:
                result = self._find(word)[0]
                found = set(result.sure) if result.confidence == "sure" else set()
            chosen = found if chosen is None else chosen & found
        return sorted(chosen or ())

    @cached_property
    def _one_kanji_words(self) -> list[frozenset[str]]:
        """Each row's words of one kanji, as the reader splits its texts (食 of 食と観光)."""
        reader = self.index.reader
        return [
            frozenset(
                text[m.start : m.end]
                for text in (r.measure, r.project, r.description)
                for m in reader.morphemes(text)
                if _one_kanji(text[m.start : m.end])
            )
            for r in self.rows
        ]

    @cached_property
    def short_kana_words(self) -> frozenset[str]:
        """Katakana words of one or two letters standing alone in the texts (the ブリ of ブリの
        活用), folded: the only short kana words a question can mean as a topic."""
        return frozenset(
            fold(word)
            for r in self.rows
            for text in (r.measure, r.project, r.description)
            for word in _SHORT_KATAKANA.findall(_plain(text))
        )

    @cached_property
    def _plain_fields(self) -> list[tuple[str, str, str]]:
        """The same fields with width and case folded but kana kept as written."""
        return [(_plain(r.measure), _plain(r.project), _plain(r.description)) for r in self.rows]

    def _literal_rows(self, word: str) -> set[int]:
        """Rows holding a word as written: a katakana word in katakana (ブリ, not the ぶり of
        いぶり), any other word with kana folded (えぞしか finds エゾシカ)."""
        if any("\u30a1" <= c <= "\u30fa" for c in word):
            key, fields = _plain(word), self._plain_fields
        else:
            key, fields = fold(word), self._folded_fields
        return {i for i, row in enumerate(fields) if any(key in f for f in row)}

    def name_rows(self, words: str) -> list[int]:
        """Rows whose measure name holds every word."""
        keys = [fold(w) for w in words.split()]
        return [i for i, f in enumerate(self._folded_fields) if all(k in f[0] for k in keys)]

    def select(self, selection: Selection) -> list[MeasureRow]:
        """The measures a selection keeps, in document order."""
        return self._memoized(
            ("select", selection.model_dump_json()), lambda: self._select(selection)
        )

    @cached_property
    def _shared_project_rows(self) -> frozenset[int]:
        """The measures of projects run in several 振興局 (複数の振興局にまたがるプロジェクト)."""
        places: dict[str, set[str]] = {}
        for row in self.rows:
            places.setdefault(row.project, set()).add(row.subprefecture)
        return frozenset(i for i, row in enumerate(self.rows) if len(places[row.project]) > 1)

    def _select(self, selection: Selection) -> list[MeasureRow]:
        keep = range(len(self.rows))
        chosen = set(keep)
        if selection.regions:
            chosen = (
                {
                    i
                    for r in selection.regions
                    for i in self._scope_indexes.get((r.kind, r.name), [])
                }
                if all(r.kind != "all" for r in selection.regions)
                else chosen
            )
        for region in selection.excluded:
            chosen -= set(self._scope_indexes.get((region.kind, region.name), []))
        if selection.project:
            chosen = {i for i in chosen if self.rows[i].project == selection.project}
        if selection.measure:
            chosen = {i for i in chosen if self.rows[i].measure == selection.measure}
        if selection.name:
            chosen &= set(self.name_rows(selection.name))
        if selection.topic:
            chosen &= set(self.topic_rows(selection.topic))
        if selection.any_topics:
            chosen &= {i for topic in selection.any_topics for i in self.topic_rows(topic)}
        for topic in selection.excluded_topics:
            chosen -= set(self.topic_rows(topic))
        if selection.shared:
            chosen &= self._shared_project_rows
        if selection.budget is not None and selection.budget_of != "measure":
            # 予算が1,000万円以上の振興局: the measures of each 振興局 whose total is in range
            budget, unit = selection.budget, selection.budget_of
            totals: dict[str, int] = {}
            for i in chosen:
                key = getattr(self.rows[i], unit)
                totals[key] = totals.get(key, 0) + self.rows[i].budget_thousand_yen
            chosen = {i for i in chosen if budget.contains(totals[getattr(self.rows[i], unit)])}
        elif selection.budget is not None:
            budget = selection.budget
            chosen = {i for i in chosen if budget.contains(self.rows[i].budget_thousand_yen)}
        return [self.rows[i] for i in sorted(chosen)]

    def scope_of(self, selection: Selection) -> Scope:
        """What a selection is called: the region, the project, or its filters joined."""
        only_regions = selection.model_copy(update={"regions": []}).empty
        if only_regions and len(selection.regions) == 1:
            return selection.regions[0]
        if selection.empty:
            return self._scope(self.regions.everything)
        if selection.project and selection.model_copy(update={"project": None}).empty:
            return Scope(kind="project", name=selection.project, full_name=selection.project)
        if selection.topic and selection.model_copy(update={"topic": None}).empty:
            return Scope(kind="keyword", name=selection.topic, full_name=f"「{selection.topic}」")
        label = selection.describe()
        return Scope(kind="selection", name=label, full_name=label)

    def items(self, unit: str, rows: Sequence[MeasureRow]) -> list[Group]:
        """Subtotals at a unit: measures, projects (each summed across its 振興局), 振興局 or
        areas, in document order."""
        if unit == "measure":
            return [
                Group(
                    kind="measure",
                    name=r.measure,
                    full_name=r.measure,
                    parent=r.subprefecture,
                    total_thousand_yen=r.budget_thousand_yen,
                    count=1,
                    share=r.budget_thousand_yen / self.grand_total if self.grand_total else 0.0,
                )
                for r in rows
            ]
        if unit == "project":
            buckets: dict[str, list[MeasureRow]] = {}
            for row in rows:
                buckets.setdefault(row.project, []).append(row)
            return [
                Group(
                    kind="project",
                    name=name,
                    full_name=name,
                    parent="・".join(dict.fromkeys(r.subprefecture for r in members)),
                    total_thousand_yen=sum(r.budget_thousand_yen for r in members),
                    count=len(members),
                    share=sum(r.budget_thousand_yen for r in members) / self.grand_total
                    if self.grand_total
                    else 0.0,
                )
                for name, members in buckets.items()
            ]
        kind: GroupKind = "area" if unit == "area" else "subprefecture"
        return self._groups(kind, rows)

    def _top(
        self,
        n: int,
        by: RankBy,
        order: RankOrder,
        resolved: Region,
        budget: AmountRange | None,
    ) -> RankAnswer:
        scope_rows = self._rows_in(resolved)
        if budget is not None:
            scope_rows = [r for r in scope_rows if budget.contains(r.budget_thousand_yen)]
        sign = -1 if order == "largest" else 1
        common = {
            "by": by,
            "order": order,
            "n": n,
            "scope": self._scope(resolved),
            "budget": budget,
        }
        if by == "measure":
            rows = self._ranked(resolved, order)
            if budget is not None:
                rows = [r for r in rows if budget.contains(r.budget_thousand_yen)]
            return RankAnswer(
                **common,
                available=len(rows),
                results=rows[:n],
                tied_beyond=_tied_beyond([r.budget_thousand_yen for r in rows], n),
            )
        groups = sorted(self._groups(by, scope_rows), key=lambda g: sign * g.total_thousand_yen)
        return RankAnswer(
            **common,
            available=len(groups),
            groups=groups[:n],
            tied_beyond=_tied_beyond([g.total_thousand_yen for g in groups], n),
        )

    @memoized
    def compare(self, names: Sequence[str]) -> CompareAnswer:
        """Regions side by side, in the order asked."""
        if len(names) < 2:
            raise InvalidQueryError(
                "比較するには地域を2つ以上指定してください（例: compare 空知 石狩）。"
            )
        regions = [self.resolve_region(name) for name in names]
        seen: set[tuple[str, str]] = set()
        for region in regions:
            if (region.kind, region.name) in seen:
                raise InvalidQueryError(f"{region.full_name} が2回指定されています。")
            seen.add((region.kind, region.name))
        groups: list[Group] = []
        for region in regions:
            rows = self._rows_in(region)
            kind: GroupKind = "subprefecture" if region.kind == "subprefecture" else "area"
            group = self._group(kind, region.name, rows) if region.kind != "all" else None
            groups.append(
                group
                or Group(
                    kind="area",
                    name=region.name,
                    full_name=region.full_name,
                    total_thousand_yen=self.grand_total,
                    count=len(rows),
                    share=1.0,
                )
            )
        first, second = groups[0].total_thousand_yen, groups[1].total_thousand_yen
        two = len(groups) == 2
        return CompareAnswer(
            regions=[self._scope(r) for r in regions],
            groups=groups,
            results=largest_first(self._rows_in(region) for region in regions),
            group_results=[largest_first([self._rows_in(region)]) for region in regions],
            difference_thousand_yen=first - second if two else None,
            ratio=first / second if two and second else None,
        )

    @cached_property
    def index(self) -> SearchIndex:
        # imported here: numpy and the reader cost ~0.15 s, which a total on the command line
        # does not need (its cold start is what a script pays per call)
        from knowledge.reading import Reader  # noqa: PLC0415
        from knowledge.search import SearchIndex  # noqa: PLC0415

        """The search index: built on first use, or at start-up through prepare()."""
        return SearchIndex(self.rows, Reader(self.regions.reading_overrides()))

    def prepare(self) -> Knowledge:
        """Build the search index and the totals and rankings of every region now, so that
        the first question of a meeting is as fast as the rest."""
        _ = self.index
        for region in [self.regions.everything, *self.regions.regions]:
            self.total(region.full_name if region.kind != "all" else None)
        self.top()
        return self

    def _find(
        self, query: str, budget: AmountRange | None = None
    ) -> tuple[SearchResult, list[str], list[Region]]:
        from knowledge.search import MAX_HITS, SearchResult  # noqa: PLC0415 - see index

        """Search the content words of a query; region names in it narrow the search.

        A query that is only region names (そらち, sorachi) returns those regions' measures.
        """
        words = [kept for token in query.split() for kept in self._content(token)]
        words = words or query.split()  # only stop words: search them as they are
        regions: list[Region] = []
        terms: list[str] = []
        for word in words:
            region = self.regions.try_resolve(word)
            if region is not None and region.kind != "all":
                regions.append(region)
            else:
                terms.append(word)
        if regions and not terms:
            inside = sorted(
                {i for r in regions for i in self._scope_indexes.get((r.kind, r.name), [])}
            )
            if budget is not None:
                inside = [i for i in inside if budget.contains(self.rows[i].budget_thousand_yen)]
            hits = [
                Hit.model_construct(  # our own rows: nothing to validate again
                    **vars(self.rows[i]), score=100.0, matched="measure", channel="region"
                )
                for i in inside[:MAX_HITS]
            ]
            total = sum(self.rows[i].budget_thousand_yen for i in inside)
            return SearchResult(hits, "sure", len(inside), tuple(inside), total), [], regions
        within = [(r.kind, r.name) for r in regions]
        result = self.index.search(" ".join(terms), within=within, budget=budget)
        return result, terms, regions

    def _content(self, token: str) -> list[str]:
        """A query token's content words; 関係人口 as the table writes it stays one word though
        関係 alone is a stop word (観光関係), and only a token the stop words cut is looked up."""
        words = content_words(token).split()
        if fold("".join(words)) != fold(token) and self.index.written(token):
            return [token]
        return words

    @memoized
    def search(
        self, query: str, *, limit: int | None = None, budget: AmountRange | None = None
    ) -> SearchAnswer:
        """Measures matching a query, best first, in confidence bands (see knowledge.search).

        A budget condition keeps only the hits meeting it; count and the sure total are over
        the hits kept (the band itself is chosen before, from every match).
        """
        query = without_surrogates(query)  # undecodable input read from a pipe
        if not fold(query):
            raise InvalidQueryError("検索する言葉を指定してください（例: search エゾシカ）。")
        budget = _condition(budget)
        result, terms, regions = self._find(query, budget)
        suggestions: list[str] = []
        if result.confidence == "none":
            content = " ".join(terms) or query
            close_regions = self.regions.suggest(content, cutoff=SUGGEST_REGION_CUTOFF)
            suggestions = [*self.index.suggest_words(content), *close_regions][:3]
        shown = result.hits[:limit] if limit else result.hits
        return SearchAnswer(
            query=query.strip(),
            terms=terms,
            region=self._scope(regions[0]) if regions else None,
            results=list(shown),
            count=result.count,
            confidence=result.confidence,
            total_thousand_yen=result.sure_total if result.confidence == "sure" else None,
            suggestions=suggestions,
            budget=budget,
        )

    def about(self) -> AboutAnswer:
        """What the data is: title, year, unit, counts and the per-area totals."""
        return self._about

    @memoized
    def chart(
        self,
        by: Literal["subprefecture", "area"] = "subprefecture",
        *,
        region: str | None = None,
        keyword: str | None = None,
    ) -> ChartAnswer:
        """Bars, largest first: every 振興局 (coloured by area), every area, or the measures of
        a region or of a keyword."""
        if region is not None or keyword is not None:
            scope, rows, _ = self._selection(region, None, keyword)
            if not rows:
                raise InvalidQueryError(
                    f"{scope.full_name}に当たる施策がないため、グラフを描けません。"
                )
            by_sub = scope.kind == "area"  # an area's measures are coloured by their 振興局
            bars = [
                Bar(
                    label=r.measure,
                    value_thousand_yen=r.budget_thousand_yen,
                    group=r.subprefecture if by_sub else r.area,
                )
                for r in rows
            ]
            return self._chart("measure", scope, bars, rows)
        groups = self._groups(by, self.rows)
        bars = [
            Bar(label=g.name, value_thousand_yen=g.total_thousand_yen, group=g.parent or g.name)
            for g in groups
        ]
        return self._chart(by, self._scope(self.regions.everything), bars, self.rows)

    @staticmethod
    def _chart(
        by: Literal["subprefecture", "area", "measure"],
        scope: Scope,
        bars: list[Bar],
        rows: list[MeasureRow],
    ) -> ChartAnswer:
        """The bars largest first; the title is worded by the formatting side (its chart kind)."""
        ranked = sorted(bars, key=lambda bar: -bar.value_thousand_yen)
        return ChartAnswer(
            by=by,
            scope=scope,
            title="",
            bars=ranked,
            total_thousand_yen=sum(bar.value_thousand_yen for bar in bars),
            results=rows,
        )

    @memoized
    def export(self, query: str | None = None) -> ExportAnswer:
        """The measures of a region, or of a keyword when the query names no region, or all."""
        region = (
            self.regions.try_resolve(query) if query and query.strip() else self.regions.everything
        )
        if region is not None:
            scope, rows = self._scope(region), self._rows_in(region)
        else:
            scope, rows, _ = self._selection(None, None, query)
        return ExportAnswer(
            scope=scope,
            count=len(rows),
            total_thousand_yen=sum(row.budget_thousand_yen for row in rows),
            results=rows,
        )

    @memoized
    def browse(self, region: str | None = None) -> BrowseAnswer:
        """One level of the drill-down: the areas; an area's 振興局; a 振興局's measures."""
        resolved = self.resolve_region(region)
        rows = self._rows_in(resolved)
        total = sum(row.budget_thousand_yen for row in rows)
        if resolved.kind == "all":
            return BrowseAnswer(
                level="areas",
                scope=self._scope(resolved),
                total_thousand_yen=total,
                groups=self._groups("area", rows),
            )
        if resolved.kind == "area":
            return BrowseAnswer(
                level="area",
                scope=self._scope(resolved),
                parent=self._scope(self.regions.everything),
                total_thousand_yen=total,
                groups=self._groups("subprefecture", rows),
            )
        area = self.regions.resolve(resolved.area or "")
        return BrowseAnswer(
            level="subprefecture",
            scope=self._scope(resolved),
            parent=self._scope(area),
            total_thousand_yen=total,
            groups=self._groups("project", rows),
            results=rows,
        )

    @staticmethod
    def help(message: str = "") -> HelpAnswer:
        """Help, for when a question cannot be placed; the example questions are worded by the
        formatting side (its help kind)."""
        return HelpAnswer(message=message, examples=[])


_SHORT_KATAKANA = re.compile(r"(?<![ァ-ヺー])[ァ-ヺ][ァ-ヺー]?(?![ァ-ヺー])")


def _one_kanji(word: str) -> bool:
    return len(word) == 1 and ("\u4e00" <= word <= "\u9fff" or word == "々")
