"""The registry is the single source of every command's name, options and body."""

from __future__ import annotations

from pathlib import Path

from bot.cli import build_parser
from bot.commands import BY_NAME, COMMANDS, find_command
from knowledge import load_knowledge
from tests.source_table import ROWS

K = load_knowledge()


def test_names_are_unique_in_both_languages():
    names = [c.name for c in COMMANDS] + [c.ja_name for c in COMMANDS]
    assert len(names) == len(set(names)) == len(BY_NAME)


def test_descriptions_fit_discord_limits():
    for command in COMMANDS:
        assert 1 <= len(command.description) <= 100
        assert command.name.isascii()
        assert command.name == command.name.lower()
        assert 1 <= len(command.description_en) <= 100
        for param in command.params:
            assert 1 <= len(param.description) <= 100
            assert 1 <= len(param.description_en) <= 100
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


def test_top_and_search_take_an_inclusive_budget_range_in_man_yen():
    """Declared once: the command line, the console and Discord all read these two."""
    for name in ("top", "search"):
        command = find_command(name)
        assert command is not None
        params = {p.name: p for p in command.params}
        for option, japanese in (("min", "下限万円"), ("max", "上限万円")):
            param = params[option]
            assert (param.kind, param.option, param.min_value) == ("int", True, 0)
            assert param.ja_name == japanese
            assert param.convert("0") == 0
        assert "--min 万円" in command.usage
        assert "--max 万円" in command.usage
    top = find_command("top")
    assert top is not None
    answer = top.run(K, {"min": 100, "max": 500})
    assert answer.kind == "rank"
    expected = sorted((r.budget for r in ROWS if 1000 <= r.budget <= 5000), reverse=True)
    assert [r.budget_thousand_yen for r in answer.results] == expected[:5]
    assert top.run(K, {"min": None, "max": None}) == top.run(K, {}) == K.top()


def test_the_readme_commands_table_lists_every_command_and_option():
    """The README is how people learn the options: a registry option missing there fails."""
    readme = (Path(__file__).parent.parent.parent / "README.md").read_text(encoding="utf-8")
    rows = {
        line.split("`")[1].split()[0]: line.split("`")[1]
        for line in readme.splitlines()
        if line.startswith("| `")
    }
    for command in COMMANDS:
        assert command.name in rows, command.name
        for param in command.params:
            if param.option:
                assert f"--{param.name}" in rows[command.name], (command.name, param.name)
