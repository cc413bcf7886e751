"""Property-based fuzzing of every entry point that takes what a person types.

Search, the /ask engine, region resolution (and /total on a region), the autocomplete of the
region options and the command line's stdin batch mode are fed arbitrary Unicode (control
characters, NUL, RTL overrides, zero-width characters, combining marks, emoji) and targeted
mixes: regex metacharacters, Markdown, Discord mention syntax, kana and half-width katakana,
numbers and real region names glued to noise, plus a few explicit 100,000-character inputs.

For each input: no exception escapes (domain errors only where a front end shows them as
answers), the reply fits Discord's limits, the reply invents no mention, and the answer is the
same when computed again. Lone surrogates (undecodable bytes read from a pipe) have tests of
their own at the end, with the other regressions this fuzzing found.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
import unicodedata
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, cast

import discord
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from bot.cli import main as cli_main
from bot.commands import COMMANDS
from bot.discord_app import limits
from bot.discord_app.slash import SlashCommands
from bot.formatting.embeds import embed_pages
from bot.formatting.text import render_text
from bot.settings import Settings
from knowledge.answers import Answer, SearchAnswer, TotalAnswer
from knowledge.engine import load_knowledge
from knowledge.errors import InvalidQueryError, UnknownRegionError
from knowledge.normalize import fold
from knowledge.router import ask

if TYPE_CHECKING:
    from bot.discord_app.client import BudgetBot

# Hypothesis caches (Unicode tables, constants) under ./.hypothesis by default: keep the
# project folder as it is
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "hokkaido-budget-bot-hypothesis")

KNOWLEDGE = load_knowledge().prepare()
SOURCE = KNOWLEDGE.source
CLI_SETTINGS = Settings(_env_file=None, data_path=None)
REGION_FULL_NAMES = {r.full_name for r in KNOWLEDGE.regions.regions}
EVERYTHING = KNOWLEDGE.regions.everything
PINGS = ("@everyone", "@here", "<@")
JSON_KEYS = {"kind", "total_thousand_yen", "results", "groups", "text"}
BATCH_COMMANDS = [command.name for command in COMMANDS if command.positional]
"""total and ask, and every other command a line of stdin can fill (search, list, compare...)."""

FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,  # no .hypothesis folder in the project; a failure prints its example
)

# -- strategies ------------------------------------------------------------------------------

ANY_CHAR = st.characters(exclude_categories=["Cs"])
"""Every code point a str holds except lone surrogates (controls, NUL, private use, emoji...)."""

REGION_WORDS = sorted(
    {
        word
        for region in [EVERYTHING, *KNOWLEDGE.regions.regions]
        for word in (region.name, region.full_name, region.kana, region.romaji)
        if word
    }
    | {"釧根", "桧山", "ｿﾗﾁ", "SORACHI", "Sōya", "そらち", "道央", "全道", "北海道"}
)
FRAGMENTS = [
    # direction and zero-width characters
    "\u202e",
    "\u202d",
    "\u200b",
    "\u200d",
    "\ufeff",
    "\u2028",
    "\x00",
    "\x85",
    # regex metacharacters
    ".*",
    "+?",
    "[",
    "]",
    "(",
    ")",
    "{2,}",
    "|",
    "^",
    "$",
    "\\",
    "\\d",
    "(?i)",
    # Markdown
    "**",
    "__",
    "~~",
    "`",
    "```",
    "> ",
    "||",
    "# ",
    "[x](https://example.com)",
    # Discord mention syntax, and look-alikes that NFKC turns into it
    "@everyone",
    "@here",
    "<@123>",
    "<@!123>",
    "<@&456>",
    "<#789>",
    "＠everyone",
    "﹫here",
    "＜＠１２３＞",
    # Japanese: kana, half-width katakana, voiced marks, full-width digits, question words
    "エゾシカ",
    "ｴｿﾞｼｶ",
    "えぞしか",
    "ﾞ",
    "\u3099",
    "\u0301",
    "ワ‐ケ‐ション",
    "１２３",
    "上位",
    "件",
    "予算",
    "合計",
    "は？",
    "いくら",
    "平均",
    "件数",
    "中央値",
    "比較",
    "と",
    "vs",
    "一覧",
    "観光",
    "プロジェクト",
    "一番大きい",
    "小さい順",
    "　",
    "、",
    # numbers
    "0",
    "5",
    "-1",
    "1e400",
    "99999999999999999999",
    "NaN",
]
NUMBERS = st.integers(min_value=-(10**25), max_value=10**25).map(str)
NOISE = st.text(ANY_CHAR, max_size=8)
GLUED = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(REGION_WORDS), NOISE, NUMBERS),
    max_size=8,
).map("".join)
TEXT = st.one_of(st.text(ANY_CHAR, max_size=60), GLUED)
"""Arbitrary text, or targeted fragments, region names and numbers glued to noise."""
LINE = TEXT.map(lambda s: s.replace("\n", " ").replace("\r", " "))
"""One line of a batch: no line break inside (a real stdin also splits at \\r)."""

LONG = ["あ" * 100_000, "空知" * 50_000, "@everyone <@1> **" * 6_250, "ｴｿﾞｼｶ\u202e" * 20_000]
"""A few explicit 100,000-character inputs (too slow to generate, and not worth shrinking)."""


def long_examples(test: Any) -> Any:
    for text in LONG:
        test = example(text)(test)
    return test


# -- checks ----------------------------------------------------------------------------------


def embed_texts(embed: discord.Embed) -> list[str]:
    texts = [embed.title or "", embed.description or "", embed.footer.text or ""]
    texts += [embed.author.name or ""]
    texts += [part for field in embed.fields for part in (field.name or "", field.value or "")]
    return texts


def assert_within_limits(embed: discord.Embed) -> None:
    """Discord's embed limits, counted in UTF-16 units as Discord counts them."""
    assert limits.size(embed.title or "") <= limits.TITLE
    assert limits.size(embed.description or "") <= limits.DESCRIPTION
    assert len(embed.fields) <= limits.FIELDS
    for field in embed.fields:
        assert 0 < limits.size(field.name or "") <= limits.FIELD_NAME
        assert 0 < limits.size(field.value or "") <= limits.FIELD_VALUE
    assert limits.size(embed.footer.text or "") <= limits.FOOTER
    assert limits.size(embed.author.name or "") <= limits.AUTHOR
    assert sum(limits.size(text) for text in embed_texts(embed)) <= limits.EMBED_TOTAL


def may_mention(text: str) -> bool:
    """Whether the input holds an @ or <, also after the compatibility folding the engine does
    (＠ and ﹫ become @, ＜ becomes <): only then may a reply show a mention token."""
    return any(
        mark in unicodedata.normalize(form, text) for form in ("NFKC", "NFKD") for mark in "@<"
    )


def check_reply(answer: Answer, asked: str) -> None:
    """The reply as text and as fitted embed pages: within Discord's limits, no invented mention.

    The bot sends every reply with allowed_mentions=none, so a mention in a reply cannot ping
    anyone whatever it says; what is checked here is that the reply never makes up a mention
    token: for an input without @ or <, neither the text nor any embed contains @everyone,
    @here or <@; inputs with them may be echoed back, and only the other properties are
    checked. "Without" is judged after NFKC (＠ and ﹫ become @): the engine folds what it
    shows of a question, and a look-alike that comes out as a real @everyone is the bug
    recorded by test_mention_lookalikes_are_not_the_topic, kept out of this property so that
    the fuzzing still checks everything else.
    """
    text = render_text(answer, SOURCE)
    pages = [limits.fit_embed(page) for page in embed_pages(answer, SOURCE)]
    assert pages
    for page in pages:
        assert_within_limits(page)
    if not may_mention(asked):
        for output in [text, *(t for page in pages for t in embed_texts(page))]:
            assert not any(ping in output for ping in PINGS), output


# -- search and ask --------------------------------------------------------------------------


@FUZZ
@given(TEXT)
@long_examples
def test_search_answers_any_text(query: str) -> None:
    """Any text gets a search answer; only text that is empty once folded is refused."""
    try:
        answer = KNOWLEDGE.search(query)
    except InvalidQueryError:
        assert not fold(query), "a non-empty query was refused"
        return
    assert isinstance(answer, SearchAnswer)
    assert answer.count >= len(answer.results)
    check_reply(answer, query)


@FUZZ
@given(TEXT)
@long_examples
def test_ask_answers_any_text(question: str) -> None:
    """Any question, empty or not, gets an answer (never an exception) that fits Discord."""
    answer = ask(KNOWLEDGE, question)
    assert isinstance(answer, Answer)
    assert answer.question == question
    check_reply(answer, question)


@FUZZ
@given(TEXT)
@example("空知の予算は？")
@example("エゾシカ関連の事業は？")
@example("空知と石狩を比較")
def test_answers_are_deterministic(text: str) -> None:
    """The same input gives the same answer: memoised, and recomputed from scratch."""
    first = ask(KNOWLEDGE, text).model_dump()
    memoised = ask(KNOWLEDGE, text).model_dump()
    KNOWLEDGE.forget()
    recomputed = ask(KNOWLEDGE, text).model_dump()
    assert first == memoised == recomputed
    if fold(text):
        searched = KNOWLEDGE.search(text).model_dump()
        KNOWLEDGE.forget()
        assert KNOWLEDGE.search(text).model_dump() == searched


# -- regions ---------------------------------------------------------------------------------


@FUZZ
@given(TEXT)
@long_examples
def test_region_resolution_is_consistent(text: str) -> None:
    """resolve and try_resolve agree; a resolved region is a real one and resolves to itself;
    an unknown one suggests only real names."""
    found = KNOWLEDGE.regions.try_resolve(text)
    try:
        resolved = KNOWLEDGE.regions.resolve(text)
    except UnknownRegionError as exc:
        unknown = exc
    else:
        assert resolved == found
        assert resolved == EVERYTHING or resolved in KNOWLEDGE.regions.regions
        assert KNOWLEDGE.regions.resolve(resolved.full_name) == resolved
        return
    assert found is None
    assert set(unknown.suggestions) <= REGION_FULL_NAMES
    assert str(unknown)


@FUZZ
@given(TEXT)
@long_examples
def test_total_of_any_region_text(text: str) -> None:
    """/total region=<anything>: a total that adds up and fits Discord, or UnknownRegionError."""
    try:
        answer = KNOWLEDGE.total(text)
    except UnknownRegionError as exc:
        suggestions = exc.suggestions
    else:
        assert isinstance(answer, TotalAnswer)
        assert answer.total_thousand_yen == sum(r.budget_thousand_yen for r in answer.results)
        assert answer.count == len(answer.results)
        check_reply(answer, text)
        return
    assert text.strip(), "an empty region is the whole table, not an error"
    assert set(suggestions) <= REGION_FULL_NAMES


def slash_commands() -> SlashCommands:
    """The slash-command cog without a client: region_choices only reads bot.knowledge."""
    cog = SlashCommands.__new__(SlashCommands)
    cog.bot = cast("BudgetBot", SimpleNamespace(knowledge=KNOWLEDGE))
    return cog


SLASH = slash_commands()


@FUZZ
@given(TEXT)
@long_examples
@example("")
def test_autocomplete_choices_fit_discord(current: str) -> None:
    """At most 25 choices, each name and value 1..100 UTF-16 units, each value a real region."""
    choices = SLASH.region_choices(current)
    assert len(choices) <= limits.CHOICES
    values = [choice.value for choice in choices]
    assert len(set(values)) == len(values)
    for choice in choices:
        assert 0 < limits.size(choice.name) <= limits.CHOICE_NAME
        assert 0 < limits.size(choice.value) <= limits.CHOICE_VALUE
        assert choice.value in REGION_FULL_NAMES
        assert KNOWLEDGE.regions.resolve(choice.value).full_name == choice.value
    assert len(KNOWLEDGE.regions.complete(current)) <= limits.CHOICES


# -- the command line's batch mode -----------------------------------------------------------


def run_batch(command: str, lines: list[str]) -> tuple[int, list[dict[str, Any]]]:
    """`python -m bot COMMAND --json` with the lines on a piped stdin: exit code and objects."""
    stdout = io.StringIO()
    # in an empty folder, so that no command can leave files in the project
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
        code = cli_main(
            [command, "--json"],
            CLI_SETTINGS,
            stdin=io.StringIO("".join(f"{line}\n" for line in lines)),
            stdout=stdout,
            stderr=io.StringIO(),
        )
    output = stdout.getvalue()
    assert output.endswith("\n")
    # split on \n only: JSON escapes it inside strings, but keeps \u2028 and \x85 as they are
    return code, [json.loads(line) for line in output.split("\n")[:-1]]


@settings(FUZZ, max_examples=100)
@given(st.sampled_from(BATCH_COMMANDS), st.lists(LINE, min_size=1, max_size=6))
@example("ask", ["空知の予算は？", "", "  ", "エゾシカ"])
@example("total", ["空知", "存在しない地域", "\u200b", "ｿﾗﾁ"])
@example("ask", ["あ" * 100_000])
@example("total", ["   ", "\t"])
@example("compare", ["空知と石狩", "空知 石狩 後志 胆振 日高", "空知、空知"])
@example("top", ["3", "0", "abc", "99999999999999999999"])
def test_cli_batch_gives_one_json_object_per_line(command: str, lines: list[str]) -> None:
    """`total --json`, `ask --json` and every other command that takes a line (search, list,
    compare, top, export, browse): one JSON object per non-blank line, in order, with the
    common keys; exit 0 when all were answered, 1 when any was an error, and never an internal
    error (the CLI turns any exception into one, so that is how a crash shows here).

    With only blank lines there is nothing to batch, and the command answers once without
    an argument (the whole table, or the help), as documented in bot/cli.py.
    """
    asked = [line.strip() for line in lines if line.strip()]
    assume(
        asked or command != "top"
    )  # a crash: see test_top_without_a_number_ranks_the_default_five
    code, objects = run_batch(command, lines)
    assert len(objects) == max(len(asked), 1)
    for index, obj in enumerate(objects):
        assert obj.keys() >= JSON_KEYS, obj.keys()
        assert obj.get("error") != "internal", obj
        if not asked:
            continue
        if obj["kind"] == "error":
            assert obj["input"] == asked[index]
        elif command == "ask":
            assert obj["question"] == asked[index]
    failed = any(obj["kind"] == "error" for obj in objects)
    assert code == (1 if failed else 0)


# -- bugs found ------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["\ud800", "空知\udcff", "\udc82\udca0エゾシカ"])
def test_search_survives_a_lone_surrogate(query: str) -> None:
    """Search must answer (or refuse with InvalidQueryError) text holding a lone surrogate."""
    try:
        answer = KNOWLEDGE.search(query)
    except InvalidQueryError:
        assert not fold(query)
    else:
        check_reply(answer, query)


def test_ask_survives_a_lone_surrogate() -> None:
    """The /ask engine must answer a question holding a lone surrogate."""
    check_reply(ask(KNOWLEDGE, "\udc82\udca0空知の予算は？"), "")


def test_cli_batch_survives_undecodable_bytes() -> None:
    """A batch line with bytes that are not UTF-8 is answered, not an internal error."""
    stdin = io.TextIOWrapper(
        io.BytesIO("空知\n".encode("shift_jis") + "エゾシカ\n".encode()),
        encoding="utf-8",
        errors="surrogateescape",
    )
    stdout = io.StringIO()
    cli_main(["ask", "--json"], CLI_SETTINGS, stdin=stdin, stdout=stdout, stderr=io.StringIO())
    first, second = (json.loads(line) for line in stdout.getvalue().split("\n")[:-1])
    assert second["kind"] == "search"
    assert first.get("error") != "internal", first


class Terminal(io.StringIO):
    """A stdin that says it is a terminal: no batch mode."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("stdin", [Terminal, io.StringIO], ids=["tty", "empty-pipe"])
def test_top_without_a_number_ranks_the_default_five(stdin: type[io.StringIO]) -> None:
    """`python -m bot top --json` ranks the default five measures."""
    stdout = io.StringIO()
    code = cli_main(
        ["top", "--json"], CLI_SETTINGS, stdin=stdin(""), stdout=stdout, stderr=io.StringIO()
    )
    ranked = json.loads(stdout.getvalue())
    assert ranked["kind"] == "rank", ranked.get("error")
    assert (ranked["n"], len(ranked["results"]), code) == (5, 5, 0)


MENTIONS = ["@everyone", "@here", "<@123>", "<@!123>", "<@&456>", "<#789>"]
MENTION_LOOKALIKES = ["@EVERYONE", "@Here", "＠everyone", "﹫here", "＜@123＞"]


@pytest.mark.parametrize("mention", MENTIONS)
def test_mentions_are_not_the_topic(mention: str) -> None:
    """A mention in a question is chat markup: the answer is the one without it."""
    plain = ask(KNOWLEDGE, "エゾシカの事業は？")
    marked = ask(KNOWLEDGE, f"{mention} エゾシカの事業は？")
    assert marked.understood is not None
    assert marked.understood.keyword == "エゾシカ"
    assert marked.model_dump(exclude={"question"}) == plain.model_dump(exclude={"question"})


@pytest.mark.parametrize("mention", MENTION_LOOKALIKES)
def test_mention_lookalikes_are_not_the_topic(mention: str) -> None:
    """In another case or width, a mention is not the topic either (nor shown as a mention)."""
    marked = ask(KNOWLEDGE, f"{mention} エゾシカの事業は？")
    assert marked.understood is not None
    assert marked.understood.keyword == "エゾシカ"
    assert not any(ping in render_text(marked, SOURCE) for ping in PINGS)
