"""The one command registry: Discord, the console and the command line are built from it.

A command is declared once here (names and descriptions in Japanese and English, parameters)
with a thin body that calls the knowledge core. Front ends only turn their input into the
declared parameters and format the answer; none of them holds a command's logic.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from bot import STARTED, __version__
from knowledge.answers import Answer, CommandHelp, HelpAnswer
from knowledge.engine import DEFAULT_TOP, Knowledge
from knowledge.errors import InvalidQueryError
from knowledge.quantities import AmountRange
from knowledge.router import ask

ParamKind = Literal["region", "text", "int", "choice"]

MAX_TOP = 50
YEN_PER_MAN = 10_000
MAX_MAN_YEN = 100_000_000
"""The largest budget bound accepted, in 万円 (1兆円): far above any plan, well inside
Discord's integer range."""
_LINE_SEPARATORS = re.compile(r"[\s,、，]+|(?:と|vs\.?|VS)(?=\S)")


@dataclass(frozen=True)
class Choice:
    value: str
    ja_name: str
    name: str


BY_SUBPREFECTURE = Choice("subprefecture", "振興局", "subprefectures")
BY_AREA = Choice("area", "連携地域", "areas")
"""What /top ranks and what /chart draws bars for, named alike in both."""


@dataclass(frozen=True)
class Param:
    """One parameter. `option` ones are named (--by) on the command line, others positional."""

    name: str
    ja_name: str
    description: str
    description_en: str
    kind: ParamKind
    required: bool = False
    default: Any = None
    min_value: int | None = None
    max_value: int | None = None
    choices: tuple[Choice, ...] = ()
    option: bool = False
    label: str = ""
    """What a message about a wrong value calls it, when the description is too long to."""

    def convert(self, text: str) -> object:
        """A typed value from text (a batch line, a console word); InvalidQueryError if unfit."""
        if self.kind != "int":
            return text
        try:
            value = int(text)
        except ValueError:
            raise InvalidQueryError(f"{self.what}は整数で指定してください: {text}") from None
        low = 1 if self.min_value is None else self.min_value
        high = value if self.max_value is None else self.max_value
        if not low <= value <= high:
            raise InvalidQueryError(f"{self.what}は{low:,}〜{high:,}で指定してください: {value}")
        return value

    @property
    def what(self) -> str:
        return self.label or self.description


@dataclass(frozen=True)
class Command:
    """A command: what it is called, what it takes and the body that answers it."""

    name: str
    ja_name: str
    description: str
    description_en: str
    params: tuple[Param, ...]
    body: Callable[[Knowledge, Mapping[str, Any]], Answer]
    usage: str
    writes_files: bool = False
    """The answer comes with files (a chart, an export): --out on the command line."""

    @property
    def positional(self) -> tuple[Param, ...]:
        return tuple(p for p in self.params if not p.option)

    def run(self, knowledge: Knowledge, arguments: Mapping[str, Any]) -> Answer:
        """Answer with these arguments; one left out, or None, takes the parameter's default."""
        values = {
            p.name: p.default if arguments.get(p.name) is None else arguments[p.name]
            for p in self.params
        }
        return self.body(knowledge, values)

    def arguments_from_line(self, line: str, base: Mapping[str, Any]) -> dict[str, Any]:
        """The arguments one line of a piped batch stands for.

        The whole line fills a single positional parameter (a question, a region); with several
        (compare's regions) the line is split on spaces, commas, 、 and と.
        """
        positional = self.positional
        if len(positional) == 1:
            return {**base, positional[0].name: positional[0].convert(line.strip())}
        words = [w for w in _LINE_SEPARATORS.split(line) if w]
        if len(words) > len(positional):
            raise InvalidQueryError(
                f"{self.ja_name}に指定できるのは{len(positional)}個までです: {line}"
            )
        values = dict(base)
        for param, word in zip(positional, words, strict=False):
            values[param.name] = param.convert(word)
        return values


def _help(_: Knowledge, __: Mapping[str, Any]) -> HelpAnswer:
    return HelpAnswer(
        message="地域の予算合計、キーワード検索、ランキング、比較に答えます。普通の文章で質問もできます。",
        examples=[],  # worded by the help kind (bot/formatting/kinds/help.py)
        commands=[
            CommandHelp(name=c.name, ja_name=c.ja_name, usage=c.usage, description=c.description)
            for c in COMMANDS
        ],
    )


def _about(knowledge: Knowledge) -> Answer:
    """The dataset, and which bot answers: its version and how long it has been up."""
    return knowledge.about().model_copy(
        update={"version": __version__, "uptime_seconds": time.monotonic() - STARTED}
    )


def _region(name: str = "region", ja_name: str = "地域", *, required: bool = False) -> Param:
    return Param(
        name,
        ja_name,
        "地域名（空知・そらち・Sorachi・道央・釧根 など）"
        + ("" if required else "。省略すると全道"),
        "Region: 空知, そらち, Sorachi, 道央, 釧根 ..."
        + ("" if required else " (all of Hokkaido if omitted)"),
        "region",
        required=required,
    )


def _budget_params(grouped: bool = False) -> tuple[Param, Param]:
    """--min / --max in 万円, both inclusive: people think of budgets in 万円, while the table
    and the replies count in 千円. `grouped`: the command also ranks 振興局 and areas, whose
    totals are summed from the measures in range (said in the description)."""
    summed = "。振興局・連携地域は範囲内の施策だけを合計" if grouped else ""
    summed_en = "; subprefectures and areas sum only measures in range" if grouped else ""
    return (
        Param(
            "min",
            "下限万円",
            f"予算の下限（万円・この額を含む）{summed}",
            f"Smallest budget in 万円 (10,000 yen), inclusive{summed_en}",
            "int",
            min_value=0,
            max_value=MAX_MAN_YEN,
            option=True,
            label="予算の下限（万円）",
        ),
        Param(
            "max",
            "上限万円",
            f"予算の上限（万円・この額を含む）{summed}",
            f"Largest budget in 万円 (10,000 yen), inclusive{summed_en}",
            "int",
            min_value=0,
            max_value=MAX_MAN_YEN,
            option=True,
            label="予算の上限（万円）",
        ),
    )


def _budget(arguments: Mapping[str, Any]) -> AmountRange | None:
    """The budget condition of --min / --max (万円, inclusive) in yen, as the core takes it;
    None when neither is given, so such calls are exactly what they were before."""
    low: int | None = arguments.get("min")
    high: int | None = arguments.get("max")
    if low is None and high is None:
        return None
    words = [f"{low:,}万円以上"] if low is not None else []
    words += [f"{high:,}万円以下"] if high is not None else []
    return AmountRange(
        minimum_yen=None if low is None else low * YEN_PER_MAN,
        maximum_yen=None if high is None else high * YEN_PER_MAN,
        text="".join(words),
    )


def _compare(knowledge: Knowledge, a: Mapping[str, Any]) -> Answer:
    return knowledge.compare([a[name] for name in ("a", "b", "c", "d") if a[name]])


COMMANDS: tuple[Command, ...] = (
    Command(
        name="total",
        ja_name="合計",
        description="予算の合計（全道・連携地域・振興局・プロジェクト・キーワード別）",
        description_en="Budget total of Hokkaido, an area, a subprefecture, a project or a keyword",
        params=(
            _region(),
            Param(
                "project",
                "プロジェクト",
                "プロジェクト名（一部でも可。実施する全振興局の合計）",
                "Project name, in full or in part (total across its subprefectures)",
                "text",
                option=True,
            ),
            Param(
                "keyword",
                "キーワード",
                "キーワード（一致する施策の合計）",
                "Keyword (total of the matching measures)",
                "text",
                option=True,
            ),
        ),
        body=lambda k, a: k.total(a["region"], project=a["project"], keyword=a["keyword"]),
        usage="total [地域] [--project 名前] [--keyword 言葉]",
    ),
    Command(
        name="search",
        ja_name="検索",
        description="施策をキーワードであいまい検索（施策名・プロジェクト名・説明）",
        description_en="Fuzzy search of the measures (names, projects, descriptions)",
        params=(
            Param(
                "query",
                "キーワード",
                "探す言葉（エゾシカ、ニシン、観光 など）",
                "What to look for (エゾシカ, ニシン, 観光 ...)",
                "text",
                required=True,
            ),
            *_budget_params(),
        ),
        body=lambda k, a: k.search(a["query"] or "", budget=_budget(a)),
        usage="search 言葉 [--min 万円] [--max 万円]",
    ),
    Command(
        name="list",
        ja_name="一覧",
        description="地域の施策の一覧（振興局・プロジェクトごと）",
        description_en="The measures of a region, by subprefecture and project",
        params=(_region(),),
        body=lambda k, a: k.listing(a["region"]),
        usage="list [地域]",
    ),
    Command(
        name="top",
        ja_name="上位",
        description="予算の大きい（小さい）施策・振興局・連携地域のランキング",
        description_en="Ranking of the largest (or smallest) measures, subprefectures or areas",
        params=(
            Param(
                "n",
                "件数",
                "件数",
                "How many",
                "int",
                default=DEFAULT_TOP,
                min_value=1,
                max_value=MAX_TOP,
            ),
            Param(
                "by",
                "対象",
                "何を並べるか",
                "What to rank",
                "choice",
                default="measure",
                choices=(
                    Choice("measure", "施策", "measures"),
                    BY_SUBPREFECTURE,
                    BY_AREA,
                ),
                option=True,
            ),
            Param(
                "order",
                "順番",
                "大きい順か小さい順か",
                "Largest or smallest first",
                "choice",
                default="largest",
                choices=(
                    Choice("largest", "大きい順", "largest first"),
                    Choice("smallest", "小さい順", "smallest first"),
                ),
                option=True,
            ),
            Param(
                "region",
                "地域",
                "この地域の中で並べる（省略すると全道）",
                "Rank within this region (all of Hokkaido if omitted)",
                "region",
                option=True,
            ),
            *_budget_params(grouped=True),
        ),
        body=lambda k, a: k.top(
            a["n"], by=a["by"], order=a["order"], region=a["region"], budget=_budget(a)
        ),
        usage="top [件数] [--by measure|subprefecture|area] [--order largest|smallest] "
        "[--region 地域] [--min 万円] [--max 万円]",
    ),
    Command(
        name="compare",
        ja_name="比較",
        description="2〜4つの地域の予算を並べて比較",
        description_en="Compare the budgets of two to four regions",
        params=(
            _region("a", "地域1", required=True),
            _region("b", "地域2", required=True),
            _region("c", "地域3"),
            _region("d", "地域4"),
        ),
        body=_compare,
        usage="compare 地域 地域 [地域] [地域]",
    ),
    Command(
        name="ask",
        ja_name="質問",
        description="普通の文章で質問（例: 空知の予算は？）",
        description_en="Ask in plain words (e.g. 空知の予算は？)",
        params=(
            Param(
                "question",
                "質問",
                "質問文（例: エゾシカ関連の事業は？）",
                "Your question",
                "text",
                required=True,
            ),
        ),
        body=lambda k, a: ask(k, a["question"] or ""),
        usage="ask 質問",
    ),
    Command(
        name="about",
        ja_name="概要",
        description="データの出典・年度・単位・件数・総額",
        description_en="The dataset: source, fiscal year, unit, counts, grand total",
        params=(),
        body=lambda k, _: _about(k),
        usage="about",
    ),
    Command(
        name="chart",
        ja_name="グラフ",
        description="予算の棒グラフ（画像）: 振興局別・連携地域別・地域やキーワードの施策別",
        description_en="Bar chart (image) per subprefecture or area, or of some measures",
        params=(
            Param(
                "by",
                "対象",
                "何ごとの棒にするか（地域・キーワード指定時は施策ごと）",
                "Bars per subprefecture or per area (per measure with a region or keyword)",
                "choice",
                default="subprefecture",
                choices=(
                    BY_SUBPREFECTURE,
                    BY_AREA,
                ),
                option=True,
            ),
            Param(
                "region",
                "地域",
                "この地域の施策のグラフにする",
                "Chart the measures of this region",
                "region",
                option=True,
            ),
            Param(
                "keyword",
                "キーワード",
                "このキーワードに一致する施策のグラフにする",
                "Chart the measures matching this keyword",
                "text",
                option=True,
            ),
        ),
        body=lambda k, a: k.chart(a["by"], region=a["region"], keyword=a["keyword"]),
        usage="chart [--by subprefecture|area] [--region 地域] [--keyword 言葉] [--out x.png]",
        writes_files=True,
    ),
    Command(
        name="export",
        ja_name="書き出し",
        description="施策の一覧を CSV（Excel 用）と JSON で書き出す（地域・キーワード・全部）",
        description_en="Export measures as CSV (for Excel) and JSON: a region, a keyword, or all",
        params=(
            Param(
                "query",
                "対象",
                "地域名かキーワード（省略すると全部）",
                "A region or a keyword (everything if omitted)",
                "text",
            ),
        ),
        body=lambda k, a: k.export(a["query"]),
        usage="export [地域かキーワード] [--out ファイル.csv|.json]",
        writes_files=True,
    ),
    Command(
        name="browse",
        ja_name="たどる",
        description="連携地域 → 振興局 → 施策 の順にたどって見る",
        description_en="Browse from areas to subprefectures to measures",
        params=(_region(),),
        body=lambda k, a: k.browse(a["region"]),
        usage="browse [地域]",
    ),
    Command(
        name="help",
        ja_name="ヘルプ",
        description="使い方と質問の例",
        description_en="How to use the bot, with example questions",
        params=(),
        body=_help,
        usage="help",
    ),
)

BY_NAME: dict[str, Command] = {
    name: command for command in COMMANDS for name in (command.name, command.ja_name)
}


def find_command(name: str) -> Command | None:
    """A command by its English or Japanese name (case-insensitive)."""
    return BY_NAME.get(name.casefold()) or BY_NAME.get(name)
