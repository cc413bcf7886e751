"""The command line: `python -m bot COMMAND [ARGS] [--json]`, built from the command registry.

Every command prints its reply as text, or with --json one JSON object (the answer model plus
"text"). Given no argument and lines on a piped stdin, a command answers one line at a time and
prints JSON Lines, so a batch of lookups costs one process. Discord is never imported here.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NoReturn, TextIO

from bot.commands import COMMANDS, MAX_TOP, Command, Param, find_command
from bot.errors import error_answer
from bot.formatting.text import render_text
from bot.settings import Settings
from knowledge.answers import Answer, ErrorAnswer
from knowledge.engine import Knowledge, load_knowledge
from knowledge.errors import InvalidQueryError, KnowledgeError

EXIT_OK, EXIT_ANSWER_ERROR, EXIT_USAGE, EXIT_DATA = 0, 1, 2, 3
_REGION_SEPARATORS = re.compile(r"[\s,、，]+|(?:と|vs\.?|VS)(?=\S)")


class UsageError(Exception):
    """Arguments that do not fit a command; raised instead of argparse's exit."""

    def __init__(self, message: str, usage: str) -> None:
        super().__init__(message)
        self.usage = usage


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message, self.format_usage())


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"件数は整数で指定してください: {text}") from None
    if not 1 <= value <= MAX_TOP:
        raise argparse.ArgumentTypeError(f"件数は1〜{MAX_TOP}で指定してください: {value}")
    return value


def _add_param(parser: argparse.ArgumentParser, param: Param) -> None:
    help_text = param.description
    if param.option:
        choices = [value for value, _ in param.choices] or None
        parser.add_argument(
            f"--{param.name}", choices=choices, default=param.default, help=help_text
        )
    elif param.kind == "int":
        parser.add_argument(param.name, nargs="?", type=_count, default=None, help=help_text)
    elif param.kind == "region":
        parser.add_argument(param.name, nargs="?", default=None, help=help_text)
    else:
        parser.add_argument(param.name, nargs="*", default=[], help=help_text)


def build_parser() -> argparse.ArgumentParser:
    """One parser for the command line and the console, made from the registry."""
    parser = _Parser(
        prog="python -m bot",
        description="北海道の地域プロジェクト予算（連携地域・振興局・施策）に答えます。"
        "引数なしで起動するとコンソールが開きます。",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in COMMANDS:
        sub = subparsers.add_parser(
            command.name,
            aliases=[command.ja_name],
            help=command.description,
            description=command.description,
        )
        for param in command.params:
            _add_param(sub, param)
        sub.add_argument("--json", action="store_true", help="JSON で出力（1行に1オブジェクト）")
        sub.set_defaults(command_name=command.name)
    return parser


def arguments_from(command: Command, namespace: argparse.Namespace) -> dict[str, Any]:
    """Parsed values keyed by parameter name; missing positionals become None."""
    values: dict[str, Any] = {}
    for param in command.params:
        value = getattr(namespace, param.name)
        if isinstance(value, list):
            joined = " ".join(value).strip()
            value = (split_regions(joined) if param.kind == "regions" else joined) or None
        values[param.name] = value
    return values


def split_regions(text: str) -> list[str]:
    """'空知 石狩', '空知、石狩', '空知と石狩' -> ['空知', '石狩']."""
    return [part for part in _REGION_SEPARATORS.split(text) if part]


def batch_arguments(param: Param, line: str, base: Mapping[str, Any]) -> dict[str, Any]:
    """The arguments for one line of a piped batch."""
    value: Any = line
    if param.kind == "regions":
        value = split_regions(line)
    elif param.kind == "int":
        try:
            value = _count(line)
        except argparse.ArgumentTypeError as exc:
            raise InvalidQueryError(str(exc)) from exc
    return {**base, param.name: value}


def answer(
    knowledge: Knowledge, command: Command, arguments: Mapping[str, Any], line: str | None = None
) -> Answer:
    """Run a command; failures come back as an ErrorAnswer, never as a traceback."""
    try:
        return command.run(knowledge, arguments)
    except Exception as exc:  # the one error handler decides what the user sees
        return error_answer(exc, input_line=line)


def render(result: Answer, knowledge: Knowledge, *, as_json: bool) -> str:
    """Text for people, or one compact JSON object (the answer plus its text) for scripts."""
    text = render_text(result, knowledge.source)
    if not as_json:
        return text
    payload = result.model_dump(mode="json")
    payload["text"] = text
    return json.dumps(payload, ensure_ascii=False)


def _lines(stream: TextIO) -> Iterable[str]:
    for raw in stream:
        line = raw.strip()
        if line:
            yield line


def main(
    argv: Sequence[str], settings: Settings, *, stdin: TextIO, stdout: TextIO, stderr: TextIO
) -> int:
    """Run one command line; returns the process exit code."""
    parser = build_parser()
    try:
        namespace = parser.parse_args(list(argv))
    except UsageError as exc:
        stderr.write(f"{exc.usage}エラー: {exc}\n")
        return EXIT_USAGE
    command = find_command(namespace.command_name) if "command_name" in namespace else None
    if command is None:
        parser.print_help(stdout)
        return EXIT_USAGE
    try:
        knowledge = load_knowledge(settings.data_path)
    except KnowledgeError as exc:
        stderr.write(f"{exc}\n")
        return EXIT_DATA
    arguments = arguments_from(command, namespace)
    batch = command.batch_param
    failed = False
    if batch is not None and arguments[batch.name] is None and not stdin.isatty():
        ran = False
        for line in _lines(stdin):
            ran = True
            try:
                result = answer(knowledge, command, batch_arguments(batch, line, arguments), line)
            except KnowledgeError as exc:
                result = error_answer(exc, input_line=line)
            failed |= isinstance(result, ErrorAnswer)
            stdout.write(
                render(result, knowledge, as_json=namespace.json)
                + ("\n" if namespace.json else "\n\n")
            )
            stdout.flush()
        if ran:
            return EXIT_ANSWER_ERROR if failed else EXIT_OK
    result = answer(knowledge, command, arguments)
    stdout.write(render(result, knowledge, as_json=namespace.json) + "\n")
    return EXIT_ANSWER_ERROR if isinstance(result, ErrorAnswer) else EXIT_OK
