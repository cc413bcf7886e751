"""The interactive console: the bot without Discord, for newcomers and for meetings offline.

A line is a registry command (total 空知, 合計 空知, top 3 ...) or a plain question
(空知の予算は？), answered with the same replies as everywhere else.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from bot.cli import UsageError, answer, arguments_from, build_parser, render, save_files
from bot.commands import find_command
from bot.settings import Settings
from knowledge.amounts import amount_text
from knowledge.answers import Answer, Choice, ClarifyAnswer, ErrorAnswer
from knowledge.engine import Knowledge, load_knowledge
from knowledge.errors import KnowledgeError
from knowledge.router import ask

PROMPT = "予算> "
QUIT_WORDS = {"quit", "exit", "q", "終了", "おわり", "bye", ":q"}


def banner(knowledge: Knowledge) -> str:
    about = knowledge.about()
    year = f"{about.fiscal_year} " if about.fiscal_year else ""
    return (
        f"{about.title}\n"
        f"{year}予算: 振興局 {about.subprefectures} ・ 施策 {about.measures}件 ・ "
        f"総額 {amount_text(about.total_thousand_yen)}\n"
        "質問（例: 空知の予算は？ / エゾシカ）かコマンド（total 空知 / top 3 / help）を入力。"
        "終了は quit"
    )


class Session:
    """One console conversation: remembers the last choices offered, so typing 1 picks one."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.choices: list[Choice] = []

    def reply(self, line: str) -> str:
        number = unicodedata.normalize("NFKC", line).strip()
        if number.isdigit() and 1 <= int(number) <= len(self.choices):
            line = self.choices[int(number) - 1].question
        text, answered = reply_and_answer(self.knowledge, line)
        self.choices = answered.choices if isinstance(answered, ClarifyAnswer) else []
        return text


def reply(knowledge: Knowledge, line: str) -> str:
    """The reply to a console line: a registry command when it starts with one, else a question."""
    return reply_and_answer(knowledge, line)[0]


def reply_and_answer(knowledge: Knowledge, line: str) -> tuple[str, Answer | None]:
    words = line.split()
    command = find_command(unicodedata.normalize("NFKC", words[0]).casefold()) if words else None
    if command is None:
        answered = ask(knowledge, line)
        return render(answered, knowledge, as_json=False), answered
    try:
        namespace = build_parser().parse_args([command.name, *words[1:]])
    except UsageError as exc:
        return f"{exc}\n使い方: {command.usage}", None
    result = answer(knowledge, command, arguments_from(command, namespace), line)
    written: list[Path] = []
    if command.writes_files and not isinstance(result, ErrorAnswer):
        try:
            written = save_files(result, knowledge, getattr(namespace, "out", None))
        except (KnowledgeError, OSError) as exc:
            return str(exc), None
    return render(result, knowledge, as_json=namespace.json, files=written), result


def _read(stdin: TextIO, stdout: TextIO, *, interactive: bool) -> Iterator[str]:
    if not interactive:
        yield from (raw.strip() for raw in stdin)
        return
    import readline  # noqa: F401, PLC0415 - line editing and history for input(), terminal only

    while True:
        try:
            yield input(PROMPT).strip()
        except EOFError:
            stdout.write("\n")
            return
        except KeyboardInterrupt:
            stdout.write("\n")
            continue


def run_console(knowledge: Knowledge, *, stdin: TextIO, stdout: TextIO, interactive: bool) -> int:
    stdout.write(banner(knowledge) + "\n\n")
    session = Session(knowledge)
    for line in _read(stdin, stdout, interactive=interactive):
        if not line:
            continue
        if line.casefold() in QUIT_WORDS:
            break
        stdout.write(session.reply(line) + "\n\n")
        stdout.flush()
    stdout.write("終了します。\n")
    return 0


def main(settings: Settings, *, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    try:
        knowledge = load_knowledge(settings.data_path)
    except KnowledgeError as exc:
        stderr.write(f"{exc}\n")
        return 3
    return run_console(knowledge.prepare(), stdin=stdin, stdout=stdout, interactive=stdin.isatty())
