"""The console, driven through stdin as a person would type into it."""

from __future__ import annotations

import io

from bot.console import reply, run_console
from knowledge import load_knowledge
from tests.bot.conftest import RunBot
from tests.source_table import AREA_TOTALS, SUBPREFECTURE_TOTALS

K = load_knowledge()


def test_console_through_the_real_entry_point(run_bot: RunBot):
    done = run_bot(stdin="total 空知\n空知の予算は？\nエゾシカ\n合計 道南\nquit\n")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.count("6,615千円（約662万円）") == 2
    assert "【空知地域［エゾシカ］肉有効活用需要喚起事業】" in out  # where the search matched
    assert f"{AREA_TOTALS['道南連携地域']:,}千円" in out
    assert out.rstrip().endswith("終了します。")


def test_console_ends_at_end_of_input():
    out = io.StringIO()
    assert run_console(K, stdin=io.StringIO("about\n"), stdout=out, interactive=False) == 0
    assert "振興局 14" in out.getvalue()
    assert out.getvalue().rstrip().endswith("終了します。")


def test_commands_and_questions_give_the_same_reply():
    question = reply(K, "石狩の予算は？")
    assert question.startswith("▶ 対象: 石狩振興局 ・ 集計: 合計\n")  # what was understood
    assert reply(K, "total 石狩") == question.split("\n", 1)[1] == reply(K, "ｔｏｔａｌ　石狩")
    assert f"{SUBPREFECTURE_TOTALS['石狩']:,}千円" in reply(K, "total 石狩")


def test_console_command_errors_are_messages_not_tracebacks():
    assert "件数は整数で" in reply(K, "top abc")
    assert "使い方: top" in reply(K, "top abc")
    assert "もしかして" in reply(K, "total 空地")


def test_console_help_lists_every_command():
    text = reply(K, "help")
    for name in ("total", "search", "list", "top", "compare", "ask", "about"):
        assert f"\n  {name}" in text


def test_console_json_on_request():
    assert reply(K, "total 空知 --json").startswith('{"kind": "total"')


def test_a_question_it_cannot_place_gets_the_example_questions():
    text = reply(K, "qqqzzz")
    assert "こんなふうに聞いてください:" in text
    assert "  ・空知の予算合計は？" in text


def test_console_takes_the_budget_range_options():
    text = reply(K, "上位 3 --min 100 --max 500")
    assert text.splitlines()[0] == "予算が大きい施策 上位3件（予算1,000千円以上5,000千円以下）"
    assert "予算の下限（万円）は整数で" in reply(K, "search エゾシカ --min x")
