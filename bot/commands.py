"""The one command registry: Discord, the console and the command line are built from it.

A command is declared once here (name, Japanese name, description, parameters) with a thin
body that calls the knowledge core. Front ends only parse input into the declared parameters
and format the answer; none of them holds a command's logic.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from knowledge.answers import Answer, CommandHelp, HelpAnswer
from knowledge.engine import DEFAULT_TOP, HELP_EXAMPLES, Knowledge
from knowledge.router import ask

ParamKind = Literal["region", "text", "int", "choice", "regions"]

MAX_TOP = 50


@dataclass(frozen=True)
class Param:
    """One parameter; `option` ones are named (--by) on the command line, others positional."""

    name: str
    description: str
    kind: ParamKind
    required: bool = False
    default: Any = None
    min_value: int | None = None
    max_value: int | None = None
    choices: tuple[tuple[str, str], ...] = ()
    option: bool = False


@dataclass(frozen=True)
class Command:
    """A command: what it is called, what it takes and the body that answers it."""

    name: str
    ja_name: str
    description: str
    params: tuple[Param, ...]
    body: Callable[[Knowledge, Mapping[str, Any]], Answer]
    usage: str

    @property
    def batch_param(self) -> Param | None:
        """The parameter a line of piped stdin stands for (the first positional one)."""
        return next((p for p in self.params if not p.option), None)

    def run(self, knowledge: Knowledge, arguments: Mapping[str, Any]) -> Answer:
        values = {p.name: arguments.get(p.name, p.default) for p in self.params}
        return self.body(knowledge, values)


def _help(_: Knowledge, __: Mapping[str, Any]) -> HelpAnswer:
    return HelpAnswer(
        message="地域の予算合計、キーワード検索、ランキング、比較に答えます。普通の文章で質問もできます。",
        examples=HELP_EXAMPLES,
        commands=[
            CommandHelp(name=c.name, ja_name=c.ja_name, usage=c.usage, description=c.description)
            for c in COMMANDS
        ],
    )


_REGION_HELP = "地域名（空知・そらち・Sorachi・道央・釧根 など。省略すると全道）"

COMMANDS: tuple[Command, ...] = (
    Command(
        name="total",
        ja_name="合計",
        description="予算の合計（全道・連携地域・振興局・プロジェクト・キーワード別）",
        params=(
            Param("region", _REGION_HELP, "region"),
            Param("project", "プロジェクト名（一部でも可。全振興局の合計）", "text", option=True),
            Param("keyword", "キーワード（一致する施策の合計）", "text", option=True),
        ),
        body=lambda k, a: k.total(a["region"], project=a["project"], keyword=a["keyword"]),
        usage="total [地域] [--project 名前] [--keyword 言葉]",
    ),
    Command(
        name="search",
        ja_name="検索",
        description="施策をキーワードであいまい検索（施策名・プロジェクト名・説明）",
        params=(Param("query", "探す言葉（エゾシカ、ニシン、観光 など）", "text", required=True),),
        body=lambda k, a: k.search(a["query"] or ""),
        usage="search 言葉",
    ),
    Command(
        name="list",
        ja_name="一覧",
        description="地域の施策の一覧（振興局・プロジェクトごと）",
        params=(Param("region", _REGION_HELP, "region"),),
        body=lambda k, a: k.listing(a["region"]),
        usage="list [地域]",
    ),
    Command(
        name="top",
        ja_name="上位",
        description="予算の大きい（小さい）施策・振興局・連携地域のランキング",
        params=(
            Param("n", "件数", "int", default=DEFAULT_TOP, min_value=1, max_value=MAX_TOP),
            Param(
                "by",
                "何を並べるか",
                "choice",
                default="measure",
                choices=(("measure", "施策"), ("subprefecture", "振興局"), ("area", "連携地域")),
                option=True,
            ),
            Param(
                "order",
                "大きい順か小さい順か",
                "choice",
                default="largest",
                choices=(("largest", "大きい順"), ("smallest", "小さい順")),
                option=True,
            ),
            Param("region", "この地域の中で並べる（省略すると全道）", "region", option=True),
        ),
        body=lambda k, a: k.top(a["n"], by=a["by"], order=a["order"], region=a["region"]),
        usage="top [件数] [--by measure|subprefecture|area] [--order largest|smallest] "
        "[--region 地域]",
    ),
    Command(
        name="compare",
        ja_name="比較",
        description="2つ以上の地域の予算を並べて比較",
        params=(Param("regions", "比べる地域（2つ以上）", "regions", required=True),),
        body=lambda k, a: k.compare(a["regions"] or []),
        usage="compare 地域 地域 [地域…]",
    ),
    Command(
        name="ask",
        ja_name="質問",
        description="普通の文章で質問（例: 空知の予算は？）",
        params=(Param("question", "質問文", "text", required=True),),
        body=lambda k, a: ask(k, a["question"] or ""),
        usage="ask 質問",
    ),
    Command(
        name="about",
        ja_name="概要",
        description="データの出典・年度・単位・件数・総額",
        params=(),
        body=lambda k, _: k.about(),
        usage="about",
    ),
    Command(
        name="help",
        ja_name="ヘルプ",
        description="使い方と質問の例",
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
