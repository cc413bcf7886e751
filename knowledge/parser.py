"""Parser for the regional-projects document as it is published.

Layout (shared/domain.md): a preamble, then per 連携地域 a heading line, the unit line
`(単位：千円)`, a tab-separated header row and data rows whose empty first or second cell
continues the row above. Every problem is reported with its line number; a file with any
problem is refused whole, so no answer is ever computed from a half-read table.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.errors import DataFileMissingError, DataFormatError, DataIssue
from knowledge.models import Area, Dataset, FiscalYear, Measure, Project, Subprefecture

SHIPPED_DATA = Path(__file__).parent / "data" / "r3_regional_projects.txt"

EXPECTED_UNIT = "千円"
HEADER_LABELS = ("地域区分", "主なプロジェクト", "主な施策")
COLUMNS = 4

_UNIT_RE = re.compile(r"^\(\s*単位\s*:\s*(?P<unit>[^)]*?)\s*\)$")
_MEASURE_RE = re.compile(r"^【(?P<name>[^【】]*)】\s*(?P<description>.*)$", re.DOTALL)
_BUDGET_RE = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)$")
_FISCAL_RE = re.compile(r"^(?P<era>R|H|令和|平成)\s*(?P<year>\d{1,2})\s*(?:年度)?\s*予算")
_DECLARED_RE = re.compile(r"(?P<count>\d+)\s*の地域プロジェクト")
_ERAS = {"R": ("令和", 2018), "令和": ("令和", 2018), "H": ("平成", 1988), "平成": ("平成", 1988)}


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def unit_of(line: str) -> str | None:
    """The unit named by a `(単位：千円)` line, in any width, or None if it is no unit line."""
    match = _UNIT_RE.match(_nfkc(line))
    return match.group("unit") if match else None


def parse_budget(cell: str) -> int:
    """'5,715' -> 5715. Raises ValueError with a reason a person can act on."""
    text = _nfkc(cell)
    if not text:
        raise ValueError("予算額が空です")
    if not _BUDGET_RE.match(text):
        raise ValueError(f"予算額「{cell.strip()}」が数値ではありません（例: 5,715）")
    return int(text.replace(",", ""))


def parse_fiscal_year(label: str) -> FiscalYear | None:
    """'R3 予算額' -> 令和3年度 (2021); None when the label names no year."""
    match = _FISCAL_RE.match(_nfkc(label))
    if not match:
        return None
    era, offset = _ERAS[match.group("era")]
    year = int(match.group("year"))
    return FiscalYear(era=era, era_year=year, western_year=offset + year)


@dataclass
class _ProjectDraft:
    name: str
    line: int
    measures: list[Measure] = field(default_factory=list)


@dataclass
class _SubDraft:
    name: str
    line: int
    projects: dict[str, _ProjectDraft] = field(default_factory=dict)


@dataclass
class _AreaDraft:
    name: str
    line: int
    unit: str | None = None
    header_seen: bool = False
    subs: dict[str, _SubDraft] = field(default_factory=dict)
    current_sub: _SubDraft | None = None
    current_project: _ProjectDraft | None = None


@dataclass
class _State:
    """Everything the parser has read so far; turned into frozen models at the end."""

    issues: list[DataIssue] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    areas: list[_AreaDraft] = field(default_factory=list)
    sub_home: dict[str, tuple[str, int]] = field(default_factory=dict)
    budget_label: str | None = None
    budget_label_line: int = 0

    texts: dict[str, str] = field(default_factory=dict)

    def shared(self, text: str) -> str:
        """One string object per distinct text: long tables repeat their names and descriptions."""
        return self.texts.setdefault(text, text)

    def fail(self, line: int, reason: str) -> None:
        self.issues.append(DataIssue(line, reason))

    @property
    def area(self) -> _AreaDraft | None:
        return self.areas[-1] if self.areas else None


def parse_document(text: str, source: str = "<text>") -> Dataset:
    """Parse the whole document; raises DataFormatError listing every bad line."""
    lines = text.removeprefix("\ufeff").splitlines()
    content = [(number, line) for number, line in enumerate(lines, start=1) if line.strip()]
    state = _State()
    for index, (number, line) in enumerate(content):
        following = content[index + 1][1] if index + 1 < len(content) else ""
        _read_line(state, number, line, following)
    dataset = _finish(state, source)
    if state.issues:
        raise DataFormatError(source, state.issues)
    assert dataset is not None  # _finish returns None only after recording an issue
    return dataset


def load_dataset(path: Path | None = None) -> Dataset:
    """Read and parse a data file (the shipped R3 table when path is None)."""
    path = path or SHIPPED_DATA
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise DataFileMissingError(path, "ファイルがありません") from exc
    except OSError as exc:
        raise DataFileMissingError(path, exc.strerror or str(exc)) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        issue = DataIssue(
            line, "UTF-8 として読めない文字があります（文字コードを UTF-8 にしてください）"
        )
        raise DataFormatError(path, [issue]) from exc
    return parse_document(text, source=str(path))


def _read_line(state: _State, number: int, line: str, following: str) -> None:
    unit = unit_of(line)
    if unit is not None:
        _read_unit(state, number, unit)
    elif "\t" not in line:
        _read_text_line(state, number, line, following)
    elif state.area is None:
        state.fail(number, "連携地域の見出しより前に表の行があります")
    else:
        _read_row(state, state.area, number, line.split("\t"))


def _read_unit(state: _State, number: int, unit: str) -> None:
    area = state.area
    if area is None or area.unit is not None or area.header_seen:
        state.fail(number, "単位の行の前に連携地域の見出しがありません")
        return
    area.unit = unit
    if unit != EXPECTED_UNIT:
        state.fail(number, f"単位が「{unit}」です（{EXPECTED_UNIT}の表だけを読めます）")


def _read_text_line(state: _State, number: int, line: str, following: str) -> None:
    text = line.strip()
    if unit_of(following) is not None:
        _start_area(state, number, text)
    elif state.area is None:
        state.preamble.append(text)
    elif text.endswith("地域"):
        state.fail(number, f"見出し「{text}」の次に単位の行 (単位：千円) がありません")
    else:
        state.fail(
            number,
            f"表の行として読めません（タブ区切りの {COLUMNS} 列になっていません）: {text[:40]}",
        )


def _start_area(state: _State, number: int, name: str) -> None:
    for area in state.areas:
        if area.name == name:
            state.fail(number, f"連携地域「{name}」が2回出てきます（最初は {area.line} 行目）")
    state.areas.append(_AreaDraft(name=name, line=number))


def _read_row(state: _State, area: _AreaDraft, number: int, cells: list[str]) -> None:
    if cells[0].strip() == HEADER_LABELS[0]:
        _read_header(state, area, number, cells)
        return
    if not area.header_seen:
        state.fail(
            number, "表の見出し行（地域区分 / 主なプロジェクト / …）より前にデータ行があります"
        )
        return
    if len(cells) != COLUMNS:
        state.fail(number, f"列の数が {len(cells)} です（タブ区切りで {COLUMNS} 列のはずです）")
        return
    sub_cell, project_cell, measure_cell, budget_cell = (cell.strip() for cell in cells)
    problems: list[str] = []
    sub = _row_subprefecture(state, area, number, sub_cell, problems)
    project = _row_project(
        area, sub, sub_cell=sub_cell, name=project_cell, number=number, problems=problems
    )
    measure_match = _MEASURE_RE.match(measure_cell)
    if not measure_match:
        problems.append(f"施策の欄が【施策名】で始まっていません: {measure_cell[:40] or '(空)'}")
    elif not measure_match.group("name").strip():
        problems.append("施策名が空です（【】の中）")
    try:
        budget = parse_budget(budget_cell)
    except ValueError as exc:
        problems.append(str(exc))
        budget = None
    for reason in problems:
        state.fail(number, reason)
    if problems or project is None or measure_match is None or budget is None:
        return
    project.measures.append(
        Measure(
            name=state.shared(measure_match.group("name").strip()),
            description=state.shared(measure_match.group("description").strip()),
            budget_thousand_yen=budget,
            line=number,
        )
    )


def _read_header(state: _State, area: _AreaDraft, number: int, cells: list[str]) -> None:
    labels = [cell.strip() for cell in cells]
    if area.unit is None:
        state.fail(number, "見出し行の前に単位の行 (単位：千円) がありません")
    if len(labels) != COLUMNS or tuple(labels[:3]) != HEADER_LABELS or "予算" not in labels[3]:
        expected = " / ".join((*HEADER_LABELS, "R3 予算額"))
        state.fail(number, f"表の見出し行が想定と違います（{expected} のはずです）")
        return
    if area.header_seen:
        return  # a repeated header inside a table changes nothing
    area.header_seen = True
    if state.budget_label is None:
        state.budget_label, state.budget_label_line = labels[3], number
    elif _nfkc(labels[3]) != _nfkc(state.budget_label):
        state.fail(
            number,
            f"予算額の列見出し「{labels[3]}」が {state.budget_label_line} 行目の"
            f"「{state.budget_label}」と違います（年度の違う表が混ざっています）",
        )


def _row_subprefecture(
    state: _State, area: _AreaDraft, number: int, name: str, problems: list[str]
) -> _SubDraft | None:
    if not name:
        if area.current_sub is None:
            problems.append("地域区分が空です（この表の最初の行なので引き継げません）")
        return area.current_sub
    home = state.sub_home.setdefault(name, (area.name, number))
    if home[0] != area.name:
        problems.append(
            f"地域区分「{name}」が別の連携地域「{home[0]}」にもあります（{home[1]} 行目）"
        )
        return None
    sub = area.subs.get(name)
    if sub is None:
        sub = area.subs[name] = _SubDraft(name=name, line=number)
    area.current_sub = sub
    return sub


def _row_project(
    area: _AreaDraft,
    sub: _SubDraft | None,
    *,
    sub_cell: str,
    name: str,
    number: int,
    problems: list[str],
) -> _ProjectDraft | None:
    if sub is None:
        return None
    if not name:
        if sub_cell or area.current_project is None:
            problems.append("主なプロジェクトが空です（引き継ぐ前の行がありません）")
            return None
        return area.current_project
    project = sub.projects.get(name)
    if project is None:
        project = sub.projects[name] = _ProjectDraft(name=name, line=number)
    area.current_project = project
    return project


def _finish(state: _State, source: str) -> Dataset | None:
    if not state.areas:
        state.fail(
            1, "連携地域の見出し（例: 道央広域連携地域 の次の行に (単位：千円)）が1つもありません"
        )
        return None
    if state.issues:
        return None  # an empty section below would only echo the problems already named
    for area in state.areas:
        if not any(p.measures for s in area.subs.values() for p in s.projects.values()):
            state.fail(area.line, f"連携地域「{area.name}」に施策の行がありません")
    if state.issues:
        return None
    title = state.preamble[0] if state.preamble else Path(source).stem
    summary = "\n".join(state.preamble[1:])
    declared = _DECLARED_RE.search(_nfkc(summary))
    label = state.budget_label or ""
    return Dataset(
        title=title,
        summary=summary,
        declared_project_count=int(declared.group("count")) if declared else None,
        fiscal_year=parse_fiscal_year(label),
        budget_label=label,
        unit=EXPECTED_UNIT,
        source=Path(source).name,
        areas=tuple(
            Area(
                name=area.name,
                line=area.line,
                subprefectures=tuple(
                    Subprefecture(
                        name=sub.name,
                        line=sub.line,
                        projects=tuple(
                            Project(name=p.name, line=p.line, measures=tuple(p.measures))
                            for p in sub.projects.values()
                        ),
                    )
                    for sub in area.subs.values()
                ),
            )
            for area in state.areas
        ),
    )
