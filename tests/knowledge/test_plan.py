"""What a plan says it used, in the words of the 解釈 line."""

from __future__ import annotations

from knowledge.answers import Scope
from knowledge.plan import Pick, Selection, Side
from knowledge.quantities import AmountRange

SORACHI = Scope(
    kind="subprefecture", name="空知", full_name="空知総合振興局", area="道央広域連携地域"
)
ISHIKARI = Scope(kind="subprefecture", name="石狩", full_name="石狩振興局", area="道央広域連携地域")
DOO = Scope(kind="area", name="道央広域連携地域", full_name="道央広域連携地域")


def test_every_filter_is_named():
    selection = Selection(
        regions=[SORACHI, ISHIKARI],
        excluded=[DOO],
        topic="エゾシカ",
        any_topics=["移住", "定住"],
        name="食",
        project="空知の魅力発信プロジェクト",
        measure="空知地域エゾシカ肉有効活用需要喚起事業",
        budget=AmountRange(minimum_yen=5_000_000),
    )
    assert selection.describe() == (
        "空知総合振興局・石狩振興局 ・ 道央広域連携地域以外 ・ 「空知の魅力発信プロジェクト」 ・ "
        "【空知地域エゾシカ肉有効活用需要喚起事業】 ・ 名前に「食」 ・ 「エゾシカ」 ・ "
        "「移住」または「定住」 ・ 予算5,000千円以上"
    )
    assert Selection().describe() == "全道"
    assert Selection().empty
    assert not Selection(name="食").empty
    assert not Selection(any_topics=["移住"]).empty


def test_merged_filters_take_the_others_where_set():
    shared = Selection(topic="エゾシカ", name="肉", budget=AmountRange(maximum_yen=1))
    side = Selection(regions=[SORACHI], any_topics=["ニシン"])
    merged = shared.merged(side)
    assert (merged.regions, merged.topic, merged.any_topics, merged.name) == (
        [SORACHI],
        "エゾシカ",
        ["ニシン"],
        "肉",
    )
    assert merged.budget == shared.budget
    assert Selection(name="a").merged(Selection(name="b")).name == "b"


def test_picks_and_sides_say_what_they_are():
    assert Pick(unit="subprefecture").describe() == "一番大きい振興局"
    assert (
        Pick(
            unit="measure", order="smallest", rank=2, within=Selection(regions=[SORACHI])
        ).describe()
        == "空知総合振興局で2番目に小さい施策"
    )
    assert Side(pick=Pick(unit="project")).describe() == "一番大きいプロジェクト"
    assert Side(selection=Selection(regions=[ISHIKARI])).describe() == "石狩振興局"
    assert Side().describe() == "全道"
