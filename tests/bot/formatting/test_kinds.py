"""Every answer model is one registered unit, and every unit renders its samples.

A model added to knowledge/answers.py without its module in bot/formatting/kinds/ (or without a
sample here) fails the first two tests, instead of a KeyError in front of a user.
"""

from __future__ import annotations

import operator
import typing

import discord
import pytest

from bot.discord_app import limits
from bot.files import comes_with_files, files_for
from bot.formatting.embeds import embed_pages
from bot.formatting.kinds import ALL, KINDS
from bot.formatting.kinds.base import View
from bot.formatting.text import render_text
from knowledge import answers, load_knowledge
from knowledge.answers import (
    Answer,
    Choice,
    ClarifyAnswer,
    ErrorAnswer,
    HelpAnswer,
)
from knowledge.quantities import AmountRange
from knowledge.router import ask

K = load_knowledge()


def concrete_models(base: type[Answer] = Answer) -> set[type[Answer]]:
    """Every subclass of Answer, at any depth, that fixes its `kind` (a model to show)."""
    found: set[type[Answer]] = set()
    for sub in base.__subclasses__():
        if isinstance(sub.model_fields["kind"].default, str):
            found.add(sub)
        found |= concrete_models(sub)
    return found


MODELS = concrete_models()
NAME = operator.attrgetter("__name__")

SAMPLES: dict[type[Answer], list[Answer]] = {
    answers.TotalAnswer: [
        K.total(),
        K.total("空知"),
        K.total("道央"),
        K.total(project="炭鉱"),
        K.total(keyword="エゾシカ"),
        K.total(keyword="zzzz"),
        ask(K, "空知の予算は？"),
    ],
    answers.ListAnswer: [K.listing(), K.listing("空知"), K.listing("道南")],
    answers.SearchAnswer: [
        K.search("えぞしか"),
        K.search("エゾシガ"),
        K.search("qqqq"),
        K.search("観光"),
        K.search("そらち"),
        K.search("エゾシカ", budget=AmountRange(minimum_yen=2_000_000)),
        K.search("エゾシカ", budget=AmountRange(minimum_yen=100_000_000)),
    ],
    answers.RankAnswer: [
        K.top(),
        K.top(50),
        K.top(3, by="subprefecture"),
        K.top(by="area", order="smallest"),
        K.top(2, region="石狩"),
        K.top(5, budget=AmountRange(minimum_yen=1_000_000, maximum_yen=5_000_000)),
        K.top(by="subprefecture", budget=AmountRange(maximum_yen=2_000_000)),
        K.top(budget=AmountRange(minimum_yen=1_000_000_000)),
    ],
    answers.CompareAnswer: [
        K.compare(["空知", "石狩"]),
        K.compare(["道央", "道南", "全道"]),
    ],
    answers.AboutAnswer: [
        K.about(),
        K.about().model_copy(update={"version": "9.9", "uptime_seconds": 90061.0}),
    ],
    answers.HelpAnswer: [K.help(), K.help("わかりませんでした。"), ask(K, "qqqzzz")],
    answers.StatsAnswer: [
        K.stats("count", "空知"),
        K.stats("average", "道央"),
        K.stats("median"),
        K.stats("average", keyword="zzzz"),
    ],
    answers.ClarifyAnswer: [
        ClarifyAnswer(
            message="どのプロジェクトのことですか？",
            choices=[
                Choice(label="A", question="Aの予算合計は？"),
                Choice(label="B", question="B?"),
            ],
        ),
        ask(K, "観光プロジェクトの予算"),
    ],
    answers.ErrorAnswer: [ErrorAnswer(error="unknown_region", message="地域が見つかりません。")],
    answers.ChartAnswer: [
        K.chart(),
        K.chart("area"),
        K.chart(region="道央"),
        K.chart(keyword="観光"),
    ],
    answers.ExportAnswer: [K.export(), K.export("空知"), K.export("エゾシカ")],
    answers.BrowseAnswer: [K.browse(), K.browse("道南"), K.browse("渡島")],
    answers.ShareAnswer: [ask(K, "胆振は全体の何％？"), ask(K, "道北のうち上川は何％？")],
    answers.PickAnswer: [
        ask(K, "釧路で2番目に大きい施策は？"),
        ask(K, "予算が一番多いプロジェクトは？"),
        ask(K, "一番少ない振興局は？"),
        ask(K, "予算が一番大きい施策は？"),
    ],
    answers.WhereAnswer: [
        ask(K, "エゾシカの事業はどこ？"),
        ask(K, "「きた北海道」プロジェクトはどこで？"),
    ],
    answers.CountAnswer: [ask(K, "プロジェクトはいくつ？"), ask(K, "振興局はいくつ？")],
}
CASES = [
    pytest.param(sample, id=f"{model.__name__}-{number}")
    for model, samples in SAMPLES.items()
    for number, sample in enumerate(samples)
]


def test_the_walk_finds_the_models():
    assert {answers.TotalAnswer, answers.ChartAnswer, HelpAnswer, ErrorAnswer} <= MODELS
    assert Answer not in MODELS


@pytest.mark.parametrize("model", sorted(MODELS, key=NAME), ids=NAME)
def test_every_answer_model_is_registered(model: type[Answer]):
    assert model in KINDS, f"{model.__name__} has no module in bot/formatting/kinds/"
    assert KINDS[model].model is model


@pytest.mark.parametrize("model", sorted(MODELS, key=NAME), ids=NAME)
def test_every_answer_model_has_a_sample_here(model: type[Answer]):
    assert SAMPLES.get(model), f"add a sample {model.__name__} to SAMPLES"
    assert all(type(sample) is model for sample in SAMPLES[model])


def test_the_table_is_the_list_of_units_without_doubles():
    assert len(KINDS) == len(ALL)
    assert set(KINDS) == MODELS
    assert {kind.view for kind in ALL} <= set(typing.get_args(View))


def test_which_kinds_carry_what():
    carries_footer = {kind.model for kind in ALL if kind.footer}
    assert carries_footer == MODELS - {
        answers.AboutAnswer,
        HelpAnswer,
        ErrorAnswer,
        ClarifyAnswer,
    }
    assert {kind.model for kind in ALL if kind.files} == {
        answers.ChartAnswer,
        answers.ExportAnswer,
    }
    assert {kind.model: kind.view for kind in ALL if kind.view != "pages"} == {
        ClarifyAnswer: "choices",
        answers.BrowseAnswer: "browse",
    }
    assert {kind.model for kind in ALL if not kind.summary} == {HelpAnswer, ClarifyAnswer}


@pytest.mark.parametrize("sample", CASES)
def test_each_sample_renders_text_embeds_and_files(sample: Answer):
    text = render_text(sample, K.source)
    assert text.strip()
    pages = embed_pages(sample, K.source)
    assert pages
    for page in pages:
        assert isinstance(page, discord.Embed)
        assert page.title or page.description
        limits.fit_embed(page)
    files = files_for(sample, K.source)
    assert bool(files) == comes_with_files(sample)
    for name, content in files:
        assert name
        assert isinstance(content, bytes)
        assert content
