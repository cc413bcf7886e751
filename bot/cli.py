"""The command line: `python -m bot COMMAND [ARGS] [--json]`, built from the command registry.

Every command prints its reply as text, or with --json one JSON object (the answer model plus
"text"). Given no argument and lines on a piped stdin, a command answers one line at a time and
prints JSON Lines, so a batch of lookups costs one process. Discord is never imported here.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from bot.commands import COMMANDS, Command, Param, find_command
from bot.errors import error_answer
from bot.files import files_for
from bot.formatting.export import BOM, to_csv
from bot.formatting.kinds import present
from bot.formatting.text import render_text
from bot.settings import Settings
from knowledge.answers import Answer, ErrorAnswer, ExportAnswer
from knowledge.engine import Knowledge, load_knowledge
from knowledge.errors import InvalidQueryError, KnowledgeError
from knowledge.normalize import without_surrogates

EXIT_OK, EXIT_ANSWER_ERROR, EXIT_USAGE, EXIT_DATA = 0, 1, 2, 3


class UsageError(Exception):
    """Arguments that do not fit a command; raised instead of argparse's exit."""

    def __init__(self, message: str, usage: str) -> None:
        super().__init__(message)
        self.usage = usage


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message, self.format_usage())


def _typed(param: Param) -> Callable[[str], object]:
    """argparse type for a parameter, with the registry's own Japanese messages."""

    def convert(text: str) -> object:
        try:
            return param.convert(text)
        except InvalidQueryError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return convert


def _add_param(parser: argparse.ArgumentParser, param: Param) -> None:
    if param.option:
        choices = [choice.value for choice in param.choices] or None
        parser.add_argument(
            f"--{param.name}",
            choices=choices,
            type=_typed(param),
            default=param.default,
            help=param.description,
        )
    elif param.kind == "text":
        parser.add_argument(param.name, nargs="*", default=[], help=param.description)
    else:
        parser.add_argument(
            param.name, nargs="?", type=_typed(param), default=None, help=param.description
        )


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
        if command.writes_files:
            sub.add_argument("--out", type=Path, default=None, help="書き出すファイル")
        sub.set_defaults(command_name=command.name)
    return parser


def arguments_from(command: Command, namespace: argparse.Namespace) -> dict[str, Any]:
    """Parsed values keyed by parameter name; missing positionals become None."""
    values: dict[str, Any] = {}
    for param in command.params:
        value = getattr(namespace, param.name)
        if isinstance(value, list):
            value = " ".join(value).strip() or None
        values[param.name] = value
    return values


def answer(
    knowledge: Knowledge, command: Command, arguments: Mapping[str, Any], line: str | None = None
) -> Answer:
    """Run a command; failures come back as an ErrorAnswer, never as a traceback."""
    try:
        return command.run(knowledge, arguments)
    except Exception as exc:  # the one error handler decides what the user sees
        return error_answer(exc, input_line=line)


def render(
    result: Answer, knowledge: Knowledge, *, as_json: bool, files: Sequence[Path] = ()
) -> str:
    """Text for people, or one compact JSON object (the answer plus its text) for scripts."""
    result = present(result)  # the JSON carries the worded fields too (a chart's title ...)
    text = render_text(result, knowledge.source)
    if files:
        text += "\n" + "\n".join(f"書き出したファイル: {path}" for path in files)
    if not as_json:
        return text
    payload = result.model_dump(mode="json")
    payload["text"] = text
    if files:
        payload["files"] = [str(path) for path in files]
    return json.dumps(payload, ensure_ascii=False)


def save_files(result: Answer, knowledge: Knowledge, out: Path | None) -> list[Path]:
    """Write the files an answer comes with: to `out` when given (its extension chooses among
    an export's CSV and JSON), else under their own names in the current folder."""
    files = files_for(result, knowledge.source)
    if out is not None and files:
        chosen = [content for name, content in files if Path(name).suffix == out.suffix]
        if not chosen:
            kinds = "、".join(sorted({Path(name).suffix for name, _ in files}))
            raise InvalidQueryError(f"--out のファイル名は {kinds} で終えてください: {out}")
        out.write_bytes(chosen[0])
        return [out]
    written = []
    for name, content in files:
        path = Path(name)
        path.write_bytes(content)
        written.append(path)
    return written


def _lines(stream: TextIO) -> Iterable[str]:
    for raw in stream:
        line = without_surrogates(raw).strip()
        if line:
            yield line


def _batch(
    knowledge: Knowledge,
    command: Command,
    base: Mapping[str, Any],
    stdin: TextIO,
    stdout: TextIO,
    *,
    as_json: bool,
) -> int | None:
    """Answer each line of stdin; None when stdin had no lines (the caller answers once)."""
    ran = failed = False
    for line in _lines(stdin):
        ran = True
        try:
            arguments = command.arguments_from_line(line, base)
        except KnowledgeError as exc:
            result: Answer = error_answer(exc, input_line=line)
        else:
            result = answer(knowledge, command, arguments, line)
        failed |= isinstance(result, ErrorAnswer)
        stdout.write(render(result, knowledge, as_json=as_json) + ("\n" if as_json else "\n\n"))
        stdout.flush()
    if not ran:
        return None
    return EXIT_ANSWER_ERROR if failed else EXIT_OK


def main(
    argv: Sequence[str], settings: Settings, *, stdin: TextIO, stdout: TextIO, stderr: TextIO
) -> int:
    """Run one command line; returns the process exit code."""
    parser = build_parser()
    try:
        namespace = parser.parse_args([without_surrogates(arg) for arg in argv])
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
    positional = command.positional
    if positional and all(arguments[p.name] is None for p in positional) and not stdin.isatty():
        code = _batch(knowledge, command, arguments, stdin, stdout, as_json=namespace.json)
        if code is not None:
            return code
    result = answer(knowledge, command, arguments)
    out: Path | None = getattr(namespace, "out", None)
    if isinstance(result, ExportAnswer) and out is None and not namespace.json:
        stdout.write(to_csv(result).decode("utf-8").removeprefix(BOM))  # to a pipe: no BOM
        return EXIT_OK
    written: list[Path] = []
    exporting_to_stdout = isinstance(result, ExportAnswer) and out is None  # --json: no files
    if command.writes_files and not isinstance(result, ErrorAnswer) and not exporting_to_stdout:
        try:
            written = save_files(result, knowledge, out)
        except (KnowledgeError, OSError) as exc:
            result = error_answer(
                exc if isinstance(exc, KnowledgeError) else InvalidQueryError(str(exc))
            )
    stdout.write(render(result, knowledge, as_json=namespace.json, files=written) + "\n")
    return EXIT_ANSWER_ERROR if isinstance(result, ErrorAnswer) else EXIT_OK
