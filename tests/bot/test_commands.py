"""The registry is the single source of every command's name, options and body."""

from __future__ import annotations

from bot.cli import build_parser
from bot.commands import BY_NAME, COMMANDS, find_command
from knowledge import load_knowledge

K = load_knowledge()


def test_names_are_unique_in_both_languages():
    names = [c.name for c in COMMANDS] + [c.ja_name for c in COMMANDS]
    assert len(names) == len(set(names)) == len(BY_NAME)


def test_descriptions_fit_discord_limits():
    for command in COMMANDS:
        assert 1 <= len(command.description) <= 100
        assert command.name.isascii()
        assert command.name == command.name.lower()
        for param in command.params:
            assert 1 <= len(param.description) <= 100
            assert param.name.isascii()


def test_the_expected_commands_exist():
    names = [c.name for c in COMMANDS]
    assert names == [
        *("total", "search", "list", "top", "compare", "ask", "about"),
        *("chart", "export", "browse", "help"),
    ]
    assert find_command("合計") is find_command("TOTAL") is find_command("total")


def test_the_command_line_is_built_from_the_registry():
    parser = build_parser()
    for command in COMMANDS:
        namespace = parser.parse_args([command.ja_name])
        assert namespace.command_name == command.name


def test_running_a_command_fills_defaults():
    top = find_command("top")
    assert top is not None
    answer = top.run(K, {})
    assert answer.kind == "rank"
    assert len(answer.results) == 5
