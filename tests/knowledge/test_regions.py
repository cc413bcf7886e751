"""Region names as people type them resolve to the regions of the data."""

from __future__ import annotations

import pytest

from knowledge.errors import UnknownRegionError
from knowledge.parser import load_dataset
from knowledge.regions import RegionResolver

RESOLVER = RegionResolver(load_dataset())


@pytest.mark.parametrize(
    ("typed", "kind", "name"),
    [
        ("空知", "subprefecture", "空知"),
        ("空知振興局", "subprefecture", "空知"),
        ("空知総合振興局", "subprefecture", "空知"),
        ("空知管内", "subprefecture", "空知"),
        ("空知地域", "subprefecture", "空知"),
        ("そらち", "subprefecture", "空知"),
        ("ソラチ", "subprefecture", "空知"),
        ("ｿﾗﾁ", "subprefecture", "空知"),
        ("sorachi", "subprefecture", "空知"),
        ("Sorachi", "subprefecture", "空知"),
        ("ＳＯＲＡＣＨＩ", "subprefecture", "空知"),
        ("  空知 ", "subprefecture", "空知"),
        ("後志", "subprefecture", "後志"),
        ("しりべし", "subprefecture", "後志"),
        ("Shiribeshi", "subprefecture", "後志"),
        ("ＳｈｉｒｉＢｅｓｈｉ", "subprefecture", "後志"),
        ("おしま", "subprefecture", "渡島"),
        ("るもい", "subprefecture", "留萌"),
        ("桧山", "subprefecture", "檜山"),
        ("檜山振興局", "subprefecture", "檜山"),
        ("ひやま", "subprefecture", "檜山"),
        ("宗谷", "subprefecture", "宗谷"),
        ("Sōya", "subprefecture", "宗谷"),
        ("Souya", "subprefecture", "宗谷"),
        ("soya", "subprefecture", "宗谷"),
        ("いぶり", "subprefecture", "胆振"),
        ("Iburi subprefecture", "subprefecture", "胆振"),
        ("くしろ", "subprefecture", "釧路"),
        ("根室", "subprefecture", "根室"),
        ("十勝", "subprefecture", "十勝"),
        ("オホーツク", "subprefecture", "オホーツク"),
        ("okhotsk", "subprefecture", "オホーツク"),
        ("道央", "area", "道央広域連携地域"),
        ("道央広域", "area", "道央広域連携地域"),
        ("道央広域連携地域", "area", "道央広域連携地域"),
        ("どうなん", "area", "道南連携地域"),
        ("道北", "area", "道北連携地域"),
        ("釧根", "area", "釧路・根室連携地域"),
        ("釧路根室", "area", "釧路・根室連携地域"),
        ("釧路・根室", "area", "釧路・根室連携地域"),
        ("Kushiro-Nemuro", "area", "釧路・根室連携地域"),
        ("十勝連携地域", "area", "十勝連携地域"),
        ("オホーツク連携地域", "area", "オホーツク連携地域"),
        ("全道", "all", "全道"),
        ("北海道全体", "all", "全道"),
        ("全体", "all", "全道"),
    ],
)
def test_spellings_resolve(typed: str, kind: str, name: str):
    region = RESOLVER.resolve(typed)
    assert (region.kind, region.name) == (kind, name)


def test_every_region_of_the_data_resolves_by_its_own_and_its_full_name():
    dataset = load_dataset()
    for area in dataset.areas:
        assert RESOLVER.resolve(area.name).name == area.name
        for sub in area.subprefectures:
            region = RESOLVER.resolve(sub.name)
            assert (region.kind, region.area) == ("subprefecture", area.name)
            assert RESOLVER.resolve(region.full_name) == region


def test_full_names_use_the_official_titles():
    assert RESOLVER.resolve("空知").full_name == "空知総合振興局"
    assert RESOLVER.resolve("石狩").full_name == "石狩振興局"
    assert RESOLVER.resolve("檜山").full_name == "檜山振興局"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("空地", "空知総合振興局"), ("sorachy", "空知総合振興局"), ("とかつ", "十勝総合振興局")],
)
def test_unknown_names_get_the_closest_regions(typed: str, expected: str):
    with pytest.raises(UnknownRegionError) as caught:
        RESOLVER.resolve(typed)
    assert caught.value.suggestions[0] == expected
    assert "もしかして" in str(caught.value)


def test_a_name_close_to_nothing_has_no_invented_suggestion():
    with pytest.raises(UnknownRegionError) as caught:
        RESOLVER.resolve("ニューヨーク")
    assert caught.value.suggestions == []


def test_regions_named_inside_a_question():
    found = RESOLVER.find_in("空知と石狩を比べて")
    assert [m.region.name for m in found] == ["空知", "石狩"]
    found = RESOLVER.find_in("釧路・根室連携地域の予算")
    assert [(m.region.kind, m.region.name) for m in found] == [("area", "釧路・根室連携地域")]
    found = RESOLVER.find_in("compare Kushiro and Nemuro")
    assert [m.region.name for m in found] == ["釧路", "根室"]
