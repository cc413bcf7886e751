"""Questions become plans that compose: filters, unit, operation, sides, the whole of a share.

Figures are computed here from the document's rows (tests/source_table.py).
"""

from __future__ import annotations

import statistics

import pytest

from bot.formatting.text import render_text
from knowledge import load_knowledge
from knowledge.answers import ClarifyAnswer, CompareAnswer, PickAnswer, ShareAnswer, TotalAnswer
from knowledge.operations import OPERATIONS
from knowledge.plan import OperationName, Unplaced
from knowledge.question import read
from knowledge.router import ask
from knowledge.understand import _english_forms, _left_words, understand
from tests.source_table import AREA_TOTALS, ROWS, SUBPREFECTURE_TOTALS, Row

K = load_knowledge()


def plan(question: str):
    return understand(question, K)[0]


def test_every_operation_a_plan_can_name_is_registered():
    assert set(OperationName.__args__) == set(OPERATIONS)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("question", "operation", "unit"),
    [
        ("道南の観光関連で一番大きい施策", "pick", "measure"),
        ("500万円以上の施策は何件？", "count", "measure"),
        ("釧路と根室と十勝の合計", "sum", "measure"),
        ("一番多い振興局と一番少ない振興局の差", "difference", "subprefecture"),
        ("道北で移住に関係する施策の予算", "total", "measure"),
        ("予算が一番多いプロジェクトは？", "pick", "project"),
        ("プロジェクトって全部で何個あるの？", "count", "project"),
        ("エゾシカの事業はどこ？", "where", "subprefecture"),
        ("石狩は空知の何倍？", "ratio", "measure"),
        ("道央の内訳", "breakdown", "measure"),
        ("What share of the total is Iburi?", "share", "measure"),
        ("Which is bigger, Sorachi or Hidaka?", "compare", "measure"),
        ("そらちの予算なんぼ？", "total", "measure"),
    ],
)
def test_the_operation_and_unit(question: str, operation: str, unit: str):
    found = plan(question)
    assert (found.operation, found.unit) == (operation, unit)
    assert found.unplaced == []


def test_filters_compose():
    found = plan("道南の観光関連で一番大きい施策")
    assert [r.name for r in found.selection.regions] == ["道南連携地域"]
    assert found.selection.topic == "観光"
    answer = ask(K, "道南の観光関連で一番大きい施策")
    assert isinstance(answer, PickAnswer)
    inside = [
        r
        for r in ROWS
        if r.area == "道南連携地域" and "観光" in r.project + r.measure + r.description
    ]
    largest = max(inside, key=lambda r: r.budget)
    assert (answer.name, answer.total_thousand_yen) == (largest.measure, largest.budget)


def test_a_range_condition_with_a_count():
    headline = ask(K, "300万円以上500万円未満の施策は何件？").headline()
    assert headline is not None
    assert headline.values == [float(sum(1 for r in ROWS if 3000 <= r.budget < 5000))]


def test_the_whole_of_a_share_is_said_with_noutchi():
    found = plan("道北のうち上川は何％？")
    assert found.whole is not None
    assert [r.name for r in found.whole.regions] == ["道北連携地域"]
    answer = ask(K, "道北のうち上川は何％？")
    assert isinstance(answer, ShareAnswer)
    whole = sum(r.budget for r in ROWS if r.area == "道北連携地域")
    assert answer.share == pytest.approx(SUBPREFECTURE_TOTALS["上川"] / whole)


def test_sides_can_be_picked_items():
    answer = ask(K, "一番多い振興局と一番少ない振興局の差")
    assert isinstance(answer, CompareAnswer)
    totals = SUBPREFECTURE_TOTALS.values()
    assert abs(answer.difference_thousand_yen or 0) == max(totals) - min(totals)


def test_a_region_and_the_rest():
    answer = ask(K, "道央と、道央以外ぜんぶ足したのってどっちがでかい？")
    assert isinstance(answer, CompareAnswer)
    doo = sum(r.budget for r in ROWS if r.area == "道央広域連携地域")
    assert [g.total_thousand_yen for g in answer.groups] == [doo, sum(r.budget for r in ROWS) - doo]


def test_a_sum_of_several_regions():
    answer = ask(K, "上川と宗谷を合わせると？")
    assert isinstance(answer, TotalAnswer)
    assert answer.total_thousand_yen == SUBPREFECTURE_TOTALS["上川"] + SUBPREFECTURE_TOTALS["宗谷"]


def test_a_measure_named_like_a_project_is_a_measure():
    answer = ask(K, "釧路で2番目に大きい施策は？")
    assert isinstance(answer, PickAnswer)
    second = sorted((r for r in ROWS if r.subprefecture == "釧路"), key=lambda r: -r.budget)[1]
    assert (answer.name, answer.total_thousand_yen) == (second.measure, second.budget)


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("令和4年度の予算は？", "year"),
        ("ラーメンの予算は？", "topic"),
        ("予算500以上の施策は？", "unit"),
        ("51の地域プロジェクトすべてを合わせた予算総額は？", "number"),
        ("どの施策がいちばん効果あった？", "superlative"),
    ],
)
def test_what_the_plan_cannot_use_is_asked_back(question: str, reason: str):
    found = plan(question)
    assert reason in [u.reason for u in found.unplaced]
    assert ask(K, question).headline() is None


def test_a_bare_number_offers_both_units():
    answer = ask(K, "予算500以上の施策は？")
    assert isinstance(answer, ClarifyAnswer)
    headlines = [ask(K, choice.question).headline() for choice in answer.choices]
    assert [h.items for h in headlines if h is not None] == [
        [r.measure for r in ROWS if r.budget >= 500],
        [r.measure for r in ROWS if r.budget >= 5000],
    ]


ASKED_BY = {
    "total": "空知の予算は？",
    "breakdown": "道央の内訳",
    "sum": "上川と宗谷を合わせると？",
    "count": "施策は全部で何件？",
    "mean": "道南の平均は？",
    "median": "道南の中央値は？",
    "pick": "一番大きい施策は？",
    "rank": "上位3件の施策",
    "share": "胆振は全体の何％？",
    "compare": "空知と日高、どっちが多い？",
    "difference": "空知と日高の差額は？",
    "ratio": "石狩は空知の何倍？",
    "list": "空知の施策一覧",
    "where": "エゾシカの事業はどこ？",
    "search": "エゾシカ",
    "about": "このデータの出典は？",
    "help": "使い方",
}


def test_every_operation_is_one_unit_that_some_question_reaches():
    """Each registered operation has its rules and a question that reaches it: a new one
    without them fails here."""
    assert set(ASKED_BY) == set(OPERATIONS)
    for name, question in ASKED_BY.items():
        assert OPERATIONS[name].rules, name  # type: ignore[index]
        assert plan(question).operation == name, question


@pytest.mark.parametrize(
    ("question", "said", "choice"),
    [
        (
            "令和4年度の空知の予算は？",
            "この表にあるのは令和3年度の予算だけです。「令和4年度」",
            "令和3年度の空知の予算は？",
        ),
        ("予算500以上の施策は？", "「500以上」の単位が分かりません", "予算500千円以上の施策は？"),
        (
            "51の地域プロジェクトの予算総額は？",
            "「51」が何の数か分かりませんでした",
            "の地域プロジェクトの予算総額は？",
        ),
        (
            "どの施策がいちばん効果あった？",
            "この表で比べられるのは予算額だけです",
            "予算が一番大きい施策は？",
        ),
        ("観光プロジェクトの予算", "どのプロジェクトのことですか？", None),
        ("差額はいくら？", "何と何を比べる（足す）のか分かりませんでした", None),
        ("名前に入ってる施策は？", "名前にどんな言葉が入っている施策ですか？", None),
    ],
)
def test_what_is_asked_back_reads_right(question: str, said: str, choice: str | None):
    answer = ask(K, question)
    assert isinstance(answer, ClarifyAnswer)
    assert said in answer.message
    if choice is not None:
        assert choice in [c.question for c in answer.choices]


def test_a_project_choice_names_it_in_full():
    answer = ask(K, "観光プロジェクトの予算")
    assert isinstance(answer, ClarifyAnswer)
    names = {r.project for r in ROWS if "観光" in r.project}
    assert {c.label for c in answer.choices} == names
    assert all(f"「{c.label}」" in c.question for c in answer.choices)


def test_a_question_too_long_is_asked_to_be_shorter():
    answer = ask(K, "空知" * 300)
    assert answer.headline() is None
    assert answer.question == "空知" * 300


def test_a_question_of_exactly_the_longest_length_is_still_read():
    question = "空知の予算は？" + "。" * 493
    assert len(question) == 500
    assert ask(K, question).total_thousand_yen == SUBPREFECTURE_TOTALS["空知"]


def test_a_bare_number_with_commas_offers_both_units():
    answer = ask(K, "予算1,000以上の施策")
    assert isinstance(answer, ClarifyAnswer)
    assert [c.question for c in answer.choices] == [
        "予算1,000千円以上の施策",
        "予算1,000万円以上の施策",
    ]


def test_an_unknown_topic_offers_close_words_and_regions():
    typo = ask(K, "エゾシガの予算")
    assert isinstance(typo, ClarifyAnswer)
    assert "「エゾシガ」にぴったり当てはまる地域や施策はありません" in typo.message
    assert any("エゾシカ" in c.question and "エゾシガ" not in c.question for c in typo.choices)
    region = ask(K, "空地の予算")
    assert isinstance(region, ClarifyAnswer)
    assert "空知総合振興局の予算合計は？" in [c.question for c in region.choices]


def test_a_stray_number_offers_the_question_without_it():
    answer = ask(K, "51の地域プロジェクトの予算総額は？")
    assert isinstance(answer, ClarifyAnswer)
    assert [c.label for c in answer.choices] == ["「51」を除いて聞く"]


def test_hokkaido_means_everything_not_a_topic():
    headline = ask(K, "how many measures does Hokkaido have over 5 million yen?").headline()
    assert headline is not None
    assert headline.values == [float(sum(1 for r in ROWS if r.budget > 5000))]


def test_a_condition_relative_to_another_region_is_asked_back():
    answer = ask(K, "日高より予算が多い振興局いくつある？")
    assert isinstance(answer, ClarifyAnswer)
    assert "「日高より」" in answer.message


def rows_where(**conditions: str) -> list[Row]:
    return [r for r in ROWS if all(getattr(r, k) == v for k, v in conditions.items())]


DONAN = [r for r in ROWS if r.area == "道南連携地域"]
BUDGETS = sorted(r.budget for r in ROWS)


@pytest.mark.parametrize(
    ("question", "values", "items"),
    [
        # words of the asking are not topics (fall, size, 担当, ご説明, 両)
        (
            "How many measures fall between 2 and 3 million yen?",
            [sum(1 for r in ROWS if 2000 <= r.budget <= 3000)],
            [],
        ),
        ("宇宙産業に関する事業は、どこの振興局が担当していますか。", [], ["十勝"]),
        (
            "道南と道北の両連携地域で、予算が300万円以下の施策は何件ありますか。",
            [
                sum(
                    1
                    for r in ROWS
                    if r.area in ("道南連携地域", "道北連携地域") and r.budget <= 3000
                )
            ],
            [],
        ),
        # a homophone typed for a cue word (一欄 for 一覧), and 一覧で
        (
            "オホーツクでやってること一欄",
            [],
            [r.measure for r in rows_where(subprefecture="オホーツク")],
        ),
        (
            "桧山振興局の施策を一覧で教えていただけますか。",
            [],
            [r.measure for r in rows_where(subprefecture="檜山")],
        ),
        # smaller and larger in the words people use, and counting from the bottom
        ("道南で一番ちっちゃいやつは？", [min(r.budget for r in DONAN)], None),
        ("下から2番目の施策は？", [BUDGETS[1]], None),
        ("一番でかい施策って一番ちっちゃいのの何倍", [round(BUDGETS[-1] / BUDGETS[0], 2)], []),
        # an English gloss of two words before the Japanese the table has
        (
            "Which measures deal with heritage sites (遺産)?",
            [],
            [
                r.measure
                for r in ROWS
                if "遺産" in r.measure or "遺産" in r.project or "遺産" in r.description
            ],
        ),
        # どちらの振興局 asks where
        ("ブリの活用に関する事業は、どちらの振興局の施策でしょうか。", [], ["渡島"]),
        # 入ってる is the name's condition; いくら asks the total
        (
            "名前に食って入ってる施策ぜんぶでいくら",
            [sum(r.budget for r in ROWS if "食" in r.measure)],
            [],
        ),
        (
            "資料によると、令和3年度の地域プロジェクトの予算は全道でいくらになりますか。",
            [sum(r.budget for r in ROWS)],
            [],
        ),
        (
            "100万未満の施策ぜんぶ足しても全体の何パー？",
            [
                round(
                    sum(r.budget for r in ROWS if r.budget < 1000)
                    / sum(r.budget for r in ROWS)
                    * 100,
                    1,
                )
            ],
            [],
        ),
        (
            "Median budget per measure in the Doou (central Hokkaido) area?",
            [float(statistics.median(r.budget for r in ROWS if r.area == "道央広域連携地域"))],
            [],
        ),
        (
            "道央で700万超えてるのある？",
            [],
            [r.measure for r in ROWS if r.area == "道央広域連携地域" and r.budget > 7000],
        ),
        (
            "空知・石狩・後志の3総合振興局の予算を合計していただけますか。",
            [sum(SUBPREFECTURE_TOTALS[s] for s in ("空知", "石狩", "後志"))],
            [],
        ),
    ],
)
def test_questions_as_people_type_them(question: str, values: list[float], items: list[str] | None):
    headline = ask(K, question).headline()
    assert headline is not None, question
    assert headline.values == pytest.approx(values)
    if items is not None:
        assert sorted(headline.items) == sorted(items)


def test_regions_added_up_before_a_sum_cue_are_one_side():
    answer = ask(
        K,
        "オホーツクと十勝の両連携地域を合わせた額と、釧路・根室連携地域とでは、"
        "どちらが大きいでしょうか。",
    )
    assert isinstance(answer, CompareAnswer)
    first = sum(r.budget for r in ROWS if r.area in ("オホーツク連携地域", "十勝連携地域"))
    second = sum(r.budget for r in ROWS if r.area == "釧路・根室連携地域")
    assert [g.total_thousand_yen for g in answer.groups] == [first, second]


def test_each_region_keeps_what_is_said_after_it():
    answer = ask(K, "石狩でいちばん高い施策と渡島の縄文のやつ、どっちが上")
    assert isinstance(answer, CompareAnswer)
    largest = max(rows_where(subprefecture="石狩"), key=lambda r: r.budget)
    jomon = [r for r in rows_where(subprefecture="渡島") if "縄文" in r.description + r.measure]
    assert [g.total_thousand_yen for g in answer.groups] == [
        largest.budget,
        sum(r.budget for r in jomon),
    ]
    assert answer.groups[0].name == largest.measure


@pytest.mark.parametrize(
    "question",
    [
        "この資料には、どのような項目が掲載されていますか。",
        "What is this data about?",
        "Which fiscal year are these budgets for?",
        "この表の各列は何を表しているのか、ご説明いただけますか。",
    ],
)
def test_questions_about_the_table_itself(question: str):
    assert ask(K, question).kind == "about"


def test_a_kanji_topic_the_table_has_is_not_read_as_a_homophone():
    found = plan("移住の施策の一覧")
    assert found.selection.topic == "移住"
    assert found.operation == "list"


def test_a_letter_inside_other_words_is_asked_back_not_totalled():
    national = ask(K, "国の予算は？")  # 国 only inside 国定公園: not a topic of the table
    assert isinstance(national, ClarifyAnswer)
    assert "「国」" in national.message
    food = plan("食の施策の合計は？")  # 食 is a word of 食と観光
    assert food.selection.topic == "食"
    assert food.unplaced == []


def test_a_breakdown_by_something_the_table_lacks_is_asked_back():
    answer = ask(K, "市町村ごとの予算は？")
    assert isinstance(answer, ClarifyAnswer)
    assert "「市町村」ごとの内訳はこの表にありません" in answer.message
    assert [c.question for c in answer.choices] == [
        "振興局ごとの予算は？",
        "プロジェクトごとの予算は？",
    ]


def _headline(question: str) -> tuple[str, list[float], list[str]]:
    headline = ask(K, question).headline()
    assert headline is not None, question
    return headline.type, headline.values, headline.items


def _area(name: str) -> int:
    return sum(r.budget for r in ROWS if r.area == name)


def _containing(word: str) -> list[Row]:
    return [r for r in ROWS if word in r.project + r.measure + r.description]


def test_a_share_of_a_budget_range_in_english_yen():
    grand = sum(r.budget for r in ROWS)
    large = sum(r.budget for r in ROWS if r.budget >= 5000)
    assert _headline("5 million yen以上の施策は全体の何％？") == (
        "percent",
        [round(100 * large / grand, 1)],
        [],
    )


def test_within_an_area_said_with_nai():
    within = 100 * SUBPREFECTURE_TOTALS["胆振"] / _area("道央広域連携地域")
    assert _headline("胆振は道央内で何％？") == ("percent", [round(within, 1)], [])


@pytest.mark.parametrize("question", ["いっちばん安い施策は？", "最安の施策は？"])
def test_the_cheapest_measure(question: str):
    cheapest = min(ROWS, key=lambda r: r.budget)
    assert _headline(question) == ("amount", [float(cheapest.budget)], [cheapest.measure])


def test_a_generic_word_beside_a_topic_does_not_narrow_it():
    """促進 is in many measures' texts: 移住の促進 asks about 移住."""
    assert len([r for r in ROWS if "促進" in r.project + r.measure + r.description]) > len(ROWS) / 4
    assert _headline("移住の促進に関する施策は何件？") == (
        "count",
        [float(len(_containing("移住")))],
        [],
    )


def test_what_multiple_of_a_is_b_divides_b_by_a():
    ratio = SUBPREFECTURE_TOTALS["釧路"] / SUBPREFECTURE_TOTALS["空知"]
    assert _headline("What multiple of Sorachi's is Kushiro's?") == ("ratio", [round(ratio, 2)], [])


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("全道の予算は道北の何倍？", "whole"),
        ("How many times Kamikawa is the whole of Hokkaido?", "上川"),
    ],
)
def test_one_region_against_the_whole_table(question: str, first: str):
    """Not two of the region's own measures, which is what a ratio of one region fell back to."""
    grand = sum(r.budget for r in ROWS)
    if first == "whole":
        expected = grand / _area("道北連携地域")
    else:
        expected = SUBPREFECTURE_TOTALS["上川"] / grand
    assert _headline(question) == ("ratio", [round(expected, 2)], [])
    understood = ask(K, question).understood
    assert understood is not None
    assert "全道" in understood.summary


def test_the_six_areas_from_largest_to_smallest():
    areas = sorted({r.area for r in ROWS}, key=lambda a: -_area(a))
    assert len(areas) == 6
    assert _headline("Rank the six areas from largest to smallest") == (
        "amount",
        [float(_area(a)) for a in areas],
        areas,
    )


def test_each_subprefectures_budget_is_a_breakdown():
    names = list(dict.fromkeys(r.subprefecture for r in ROWS))
    assert _headline("14振興局それぞれの予算一覧") == (
        "amount",
        [float(SUBPREFECTURE_TOTALS[n]) for n in names],
        names,
    )


def test_what_a_project_holds_are_its_measures():
    project = next(r.project for r in ROWS if "次世代先進産業" in r.project)
    assert _headline("次世代先進産業PJの中身") == (
        "items",
        [],
        [r.measure for r in ROWS if r.project == project],
    )


def test_more_than_another_region_in_hiragana():
    tokachi, okhotsk = SUBPREFECTURE_TOTALS["十勝"], SUBPREFECTURE_TOTALS["オホーツク"]
    larger = "十勝" if tokachi > okhotsk else "オホーツク"
    assert _headline("とかちってオホーツクより予算多い？") == (
        "amount",
        [float(tokachi), float(okhotsk)],
        [larger],
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Which bureau handles the Oronron Line tourism measure?",
            ("items", [], sorted({r.subprefecture for r in _containing("オロロンライン")})),
        ),
        (
            "Add up the Ezoshika measures",
            ("amount", [float(sum(r.budget for r in _containing("エゾシカ")))], []),
        ),
    ],
)
def test_english_names_of_things_in_the_table(
    question: str, expected: tuple[str, list[float], list[str]]
):
    assert _headline(question) == expected


@pytest.mark.parametrize(
    "question",
    [
        "道央の施作なんこある？",  # 作 for 策: the same sound, another kanji
        "道央の施策なんこある？",
    ],
)
def test_a_unit_word_typed_with_a_same_sounding_kanji(question: str):
    count = float(len([r for r in ROWS if r.area == "道央広域連携地域"]))
    assert _headline(question) == ("count", [count], [])


@pytest.mark.parametrize(
    "question",
    [
        "プロジェクトっていくつあるの？名前同じのは1つで数えて",
        "表に掲載されているプロジェクトは、名称で数えるといくつありますでしょうか。",
    ],
)
def test_counting_projects_by_their_names(question: str):
    names = {r.project for r in ROWS}
    entries = {(r.subprefecture, r.project) for r in ROWS}
    kind, values, items = _headline(question)
    assert (kind, values) == ("count", [float(len(names)), float(len(entries))])
    assert sorted(items) == sorted(names)


@pytest.mark.parametrize(
    "question",
    [
        "How many measures fall in the 3-million-yen bracket?",
        "How many measures fall in the 3-million-yen bracket (3.0 up to just under 4 million)?",
        "How many measures from 3 up to just under 4 million yen?",
    ],
)
def test_an_english_bracket_of_amounts(question: str):
    count = float(len([r for r in ROWS if 3000 <= r.budget < 4000]))
    assert _headline(question) == ("count", [count], [])


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("このボットって何ができるの？", "help"),
        ("How do I use this bot?", "help"),
        ("データの出典は？", "about"),
    ],
)
def test_questions_about_the_bot_or_the_table(question: str, kind: str):
    assert ask(K, question).kind == kind


@pytest.mark.parametrize(
    ("question", "sides", "shared"),
    [
        ("道北の観光で上川と宗谷どっちが多い", ["上川", "宗谷"], (["道北連携地域"], "観光")),
        ("道北の上川と宗谷を合わせると", ["上川", "宗谷"], (["道北連携地域"], None)),
        ("道央の空知と石狩と後志の合計", ["空知", "石狩", "後志"], (["道央広域連携地域"], None)),
        # an area and one of its own 振興局 are two sides
        ("道北と上川どっちが多い", ["道北連携地域", "上川"], ([], None)),
    ],
)
def test_an_area_holding_the_regions_compared_is_where_they_are(
    question: str, sides: list[str], shared: tuple[list[str], str | None]
):
    found = plan(question)
    assert [s.selection.regions[0].name for s in found.sides if s.selection] == sides
    assert ([r.name for r in found.selection.regions], found.selection.topic) == shared
    assert found.unplaced == []


def test_regions_compared_inside_their_area_add_up_to_their_own_rows():
    answer = ask(K, "道北の観光で上川と宗谷どっちが多い")
    assert isinstance(answer, CompareAnswer)
    tourism = [r for r in ROWS if "観光" in r.measure + r.project + r.description]
    assert [g.total_thousand_yen for g in answer.groups] == [
        sum(r.budget for r in tourism if r.subprefecture == s) for s in ("上川", "宗谷")
    ]


# The 解釈 line, word for word: what a person reads to check the bot understood them.
@pytest.mark.parametrize(
    ("question", "summary"),
    [
        ("空知の予算は？", "対象: 空知総合振興局 ・ 集計: 合計"),
        ("釧路で2番目に大きい施策は？", "対象: 釧路総合振興局 ・ 集計: 2番目に大きい施策"),
        ("下から3番目の施策", "対象: 全道 ・ 集計: 3番目に小さい施策"),
        ("一番小さいプロジェクトは？", "対象: 全道 ・ 集計: 一番小さいプロジェクト"),
        ("予算が一番多い振興局は？", "対象: 全道 ・ 集計: 一番大きい振興局"),
        ("道北で一番少ない施策", "対象: 道北連携地域 ・ 集計: 一番小さい施策"),
        ("空知で最大の施策", "対象: 空知総合振興局 ・ 集計: 一番大きい施策"),
        ("空知で最小の施策", "対象: 空知総合振興局 ・ 集計: 一番小さい施策"),
        ("空知で最高の施策", "対象: 空知総合振興局 ・ 集計: 一番大きい施策"),
        ("空知で最低の事業は？", "対象: 空知総合振興局 ・ 集計: 一番小さい施策"),
        ("空知で最多の施策", "対象: 空知総合振興局 ・ 集計: 一番大きい施策"),
        ("十勝の施策を多い順に", "対象: 十勝総合振興局 ・ 集計: 施策の大きい順"),
        ("施策の少ない順に上位3件", "対象: 全道 ・ 集計: 施策の小さい順（上位3件）"),
        ("上位5つの施策", "対象: 全道 ・ 集計: 施策の大きい順（上位5件）"),
        ("プロジェクトの大きい順", "対象: 全道 ・ 集計: プロジェクトの大きい順"),
        ("プロジェクトは何件？", "対象: 全道 ・ 集計: プロジェクトの件数"),
        ("連携地域はいくつ？", "対象: 全道 ・ 集計: 連携地域の件数"),
        ("振興局は何個？", "対象: 全道 ・ 集計: 振興局の件数"),
        ("空知の施策の件数", "対象: 空知総合振興局 ・ 集計: 件数"),
        ("振興局の一覧", "対象: 全道 ・ 集計: 振興局の一覧"),
        ("道南の振興局の一覧", "対象: 道南連携地域 ・ 集計: 振興局の一覧"),
        ("連携地域の一覧", "対象: 全道 ・ 集計: 連携地域の一覧"),
        ("空知の施策を全部", "対象: 空知総合振興局 ・ 集計: 一覧"),
        (
            "1000万円超のプロジェクト",
            "対象: 予算合計10,000千円超のプロジェクト ・ 集計: プロジェクトの大きい順",
        ),
        ("道央の内訳", "対象: 道央広域連携地域 ・ 集計: 内訳"),
        ("道央の振興局別の内訳", "対象: 道央広域連携地域 ・ 集計: 振興局別の内訳"),
        ("道央の振興局の内訳", "対象: 道央広域連携地域 ・ 集計: 振興局別の内訳"),
        ("道央の内訳、振興局で", "対象: 道央広域連携地域 ・ 集計: 振興局別の内訳"),
        ("道央の内訳 振興局", "対象: 道央広域連携地域 ・ 集計: 振興局別の内訳"),
        ("道央の内訳を施策ごとに", "対象: 道央広域連携地域 ・ 集計: 施策別の内訳"),
        ("プロジェクト別の内訳", "対象: 全道 ・ 集計: プロジェクト別の内訳"),
        ("連携地域ごとの合計", "対象: 全道 ・ 集計: 連携地域別の内訳"),
        ("空知と日高、どっちが多い？", "対象: 空知総合振興局 と 日高振興局 ・ 集計: 比較"),
        (
            "観光で上川と宗谷どっちが多い",
            "対象: 上川総合振興局 と 宗谷総合振興局（「観光」） ・ 集計: 比較",
        ),
        ("エゾシカとニシンどっちが多い", "対象: 「エゾシカ」 と 「ニシン」 ・ 集計: 比較"),
        (
            "道央と道央以外どっちが多い",
            "対象: 道央広域連携地域 と 道央広域連携地域以外 ・ 集計: 比較",
        ),
        ("空知とそれ以外の差", "対象: 空知総合振興局 と 空知総合振興局以外 ・ 集計: 差額"),
        ("石狩と全体の差", "対象: 石狩振興局 と 全道 ・ 集計: 差額"),
        ("全道は道北の何倍", "対象: 全道 と 道北連携地域 ・ 集計: 倍率"),
        ("石狩は空知の何倍？", "対象: 石狩振興局 と 空知総合振興局 ・ 集計: 倍率"),
        ("上川と宗谷を合わせると？", "対象: 上川総合振興局 と 宗谷総合振興局 ・ 集計: 合算"),
        (
            "釧路と根室と十勝の合計",
            "対象: 釧路総合振興局 と 根室振興局 と 十勝総合振興局 ・ 集計: 合算",
        ),
        (
            "最大の振興局と最小の振興局の差",
            "対象: 一番大きい振興局 と 一番小さい振興局 ・ 集計: 差額",
        ),
        (
            "最高の振興局と最低の振興局の差は？",
            "対象: 一番大きい振興局 と 一番小さい振興局 ・ 集計: 差額",
        ),
        (
            "最多の振興局と最少の振興局の差は？",
            "対象: 一番大きい振興局 と 一番小さい振興局 ・ 集計: 差額",
        ),
        (
            "difference between the largest and the smallest subprefecture",
            "対象: 一番大きい振興局 と 一番小さい振興局 ・ 集計: 差額",
        ),
        (
            "difference between the biggest subprefecture and the lowest",
            "対象: 一番大きい振興局 と 一番小さい振興局 ・ 集計: 差額",
        ),
        (
            "difference between the highest subprefecture and the least",
            "対象: 一番大きい振興局 と 一番小さい振興局 ・ 集計: 差額",
        ),
        ("胆振は全体の何％？", "対象: 胆振総合振興局 ・ 全体: 全道 ・ 集計: 割合"),
        ("道北のうち上川は何％？", "対象: 上川総合振興局 ・ 全体: 道北連携地域 ・ 集計: 割合"),
        (
            "What percentage of Dohoku's budget is Kamikawa?",
            "対象: 上川総合振興局 ・ 全体: 道北連携地域 ・ 集計: 割合",
        ),
        (
            "What share of Hokkaido does Oshima have?",
            "対象: 渡島総合振興局 ・ 全体: 全道 ・ 集計: 割合",
        ),
        ("エゾシカの事業はどこ？", "対象: 「エゾシカ」 ・ 集計: どの振興局か"),
        ("移住の施策はどこの振興局？", "対象: 「移住」 ・ 集計: どの振興局か"),
        ("エゾシカはどの連携地域？", "対象: 「エゾシカ」 ・ 集計: どの連携地域か"),
        ("移住の施策はどちらの連携地域ですか", "対象: 「移住」 ・ 集計: どの連携地域か"),
        ("300万円以下の施策は何件？", "対象: 予算3,000千円以下 ・ 集計: 件数"),
        ("200万円台の施策は？", "対象: 予算2,000千円以上3,000千円未満 ・ 集計: 一覧"),
        (
            "道南の観光関連で一番大きい施策",
            "対象: 道南連携地域 ・ 「観光」 ・ 集計: 一番大きい施策",
        ),
        ("道北で移住に関係する施策の予算", "対象: 道北連携地域 ・ 「移住」 ・ 集計: 合計"),
        ("石狩以外の合計", "対象: 石狩振興局以外 ・ 集計: 合計"),
        ("施策の平均は？", "対象: 全道 ・ 集計: 平均"),
        ("道南の中央値", "対象: 道南連携地域 ・ 集計: 中央値"),
        ("エゾシカ", "対象: 「エゾシカ」 ・ 集計: 検索"),
        (
            "「きた北海道」プロジェクトの施策を全部見せて",
            "対象: 「魅力ある地域資源を活かした「きた北海道」への来訪促進プロジェクト」"
            " ・ 集計: 一覧",
        ),
    ],
)
def test_the_summary_line_word_for_word(question: str, summary: str):
    found, understood = understand(question, K)
    assert understood.summary == summary
    assert found.unplaced == []


@pytest.mark.parametrize(
    ("question", "unplaced"),
    [
        ("空知で最も効果があった施策", [("最も", "superlative")]),
        ("空知で一番効果があった施策", [("一番", "superlative")]),
        ("令和4年度の予算は？", [("令和4年度", "year")]),
    ],
)
def test_what_the_plan_could_not_use_is_named(question: str, unplaced: list[tuple[str, str]]):
    assert [(u.text, u.reason) for u in plan(question).unplaced] == unplaced


def understood(question: str) -> dict[str, object]:
    fields = understand(question, K)[1].model_dump(exclude={"plan", "summary"})
    return {**fields, "regions": [r["name"] for r in fields["regions"]]}


NOTHING: dict[str, object] = {
    "keyword": None,
    "project": None,
    "n": None,
    "by": None,
    "order": None,
    "project_candidates": [],
    "unplaced": [],
}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # the share's whole and every side's regions are among the regions understood
        ("道北のうち上川は何％？", {"intent": "share", "regions": ["上川", "道北連携地域"]}),
        ("空知と日高、どっちが多い？", {"intent": "compare", "regions": ["空知", "日高"]}),
        (
            "道北の観光で上川と宗谷どっちが多い",
            {"intent": "compare", "regions": ["道北連携地域", "上川", "宗谷"], "keyword": "観光"},
        ),
        ("一番多い振興局と一番少ない振興局の差", {"intent": "difference", "regions": []}),
        # a pick is the n-th of a ranking, in its unit and order
        (
            "釧路で2番目に大きい施策は？",
            {"intent": "rank", "regions": ["釧路"], "n": 2, "by": "measure", "order": "largest"},
        ),
        (
            "一番小さいプロジェクトは？",
            {"intent": "rank", "regions": [], "n": 1, "by": "project", "order": "smallest"},
        ),
        (
            "施策の少ない順に上位3件",
            {"intent": "rank", "regions": [], "n": 3, "by": "measure", "order": "smallest"},
        ),
        ("名前に食が入ってる施策", {"intent": "list", "regions": [], "keyword": "食"}),
        (
            "「きた北海道」プロジェクトの施策を全部見せて",
            {
                "intent": "list",
                "regions": [],
                "project": "魅力ある地域資源を活かした「きた北海道」への来訪促進プロジェクト",
            },
        ),
        ("令和4年度の予算は？", {"intent": "total", "regions": [], "unplaced": ["令和4年度"]}),
        (
            "観光プロジェクトの予算",
            {
                "intent": "total",
                "regions": [],
                "unplaced": ["観光"],
                "project_candidates": [
                    p for p in dict.fromkeys(r.project for r in ROWS) if "観光" in p
                ],
            },
        ),
    ],
)
def test_what_was_understood_field_by_field(question: str, expected: dict[str, object]):
    assert understood(question) == {**NOTHING, **expected}


SUBPREFECTURES = len({r.subprefecture for r in ROWS})
AREAS = len({r.area for r in ROWS})
PROJECTS = len({r.project for r in ROWS})


@pytest.mark.parametrize(
    ("question", "unplaced"),
    [
        # a count that restates how many there are is harmless
        (f"{SUBPREFECTURES}の振興局で一番大きいのは？", []),
        (f"{AREAS}つの連携地域の内訳", []),
        (f"{PROJECTS}の地域プロジェクトで一番大きいのは？", []),
        (f"道南の{len({r.subprefecture for r in DONAN})}つの振興局の合計", []),
        (f"道央とそれ以外の{AREAS - 1}つの連携地域の差", []),
        ("1施策あたりの平均", []),
        ("1振興局あたりの平均", []),
        ("空知と石狩の2つ、どっちが多い", []),
        ("空知と石狩の2つの差", []),
        ("空知と石狩、2個合わせると", []),
        # one that does not is asked about, never read past
        ("3つの施策の合計", ["3つ"]),
        ("1つの振興局の予算", ["1つ"]),
        ("道南の3つの振興局の合計", ["3つ"]),
        ("2つで数えてプロジェクトは何件", ["2つ"]),
        ("空知の3つ", ["3つ"]),
    ],
)
def test_a_count_that_restates_the_data_is_harmless(question: str, unplaced: list[str]):
    assert [u.text for u in plan(question).unplaced if u.reason == "number"] == unplaced


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        # a mean is over what the unit word is tied to by あたり, ごと, per or each
        ("1振興局あたりの平均予算は？", "subprefecture"),
        ("1つの振興局あたりの平均", "subprefecture"),
        ("振興局ごとの予算の中央値", "subprefecture"),
        ("連携地域ごとの平均", "area"),
        ("プロジェクトひとつ当たりの予算の中央値", "project"),
        ("プロジェクト一つあたりの平均は", "project"),
        ("average budget per subprefecture", "subprefecture"),
        ("What is the mean budget of each area?", "area"),
        # a unit word said otherwise leaves the mean over measures
        ("Median budget per measure in the Doou (central Hokkaido) area?", "measure"),
        ("道北の施策の平均予算", "measure"),
        ("振興局の平均", "measure"),
        ("1施策あたりの平均予算", "measure"),
    ],
)
def test_a_mean_is_over_the_unit_it_is_taken_per(question: str, unit: str):
    found = plan(question)
    assert (found.operation in ("mean", "median"), found.unit, found.unplaced) == (True, unit, [])


@pytest.mark.parametrize(
    ("question", "n"),
    [("上位みっつの施策", 3), ("上位ふたつの振興局", 2), ("トップいつつのプロジェクト", 5)],
)
def test_counts_said_in_kana(question: str, n: int):
    assert (plan(question).operation, plan(question).n) == ("rank", n)


@pytest.mark.parametrize(
    "question",
    ["宇宙産業のやつってどこの管内？", "見ていいつつ上位の施策", "エゾシカをやっつける事業"],
)
def test_kana_that_only_look_like_a_count(question: str):
    read = plan(question)
    assert read.n is None
    assert not read.unplaced


@pytest.mark.parametrize(
    ("question", "summary"),
    [
        # English superlatives are superlatives (the cheapest: one measure, not a list)
        ("What's the cheapest measure Ishikari runs?", "対象: 石狩振興局 ・ 集計: 一番小さい施策"),
        # by subprefecture says its own unit, though an area was said just before it
        (
            "Break down the Dohoku area by subprefecture",
            "対象: 道北連携地域 ・ 集計: 振興局別の内訳",
        ),
        # いくつかある is "some", and the question is the total
        (
            "道北で移住に触れている施策がいくつかあるかと思いますが、それらの予算を合計するといくらになりますか。",
            "対象: 道北連携地域 ・ 「移住」 ・ 集計: 合計",
        ),
        (
            "釧路と根室の予算ってどんくらい違うの",
            "対象: 釧路総合振興局 と 根室振興局 ・ 集計: 差額",
        ),
        ("釧路と根室の違いは？", "対象: 釧路総合振興局 と 根室振興局 ・ 集計: 比較"),
        ("よさんが一番すくない振興局どこ？", "対象: 全道 ・ 集計: 一番小さい振興局"),
        # a bracket with grammar in it is an aside, not a gloss of the English before it
        ("最小の project (振興局をまたいで合算) は?", "対象: 全道 ・ 集計: 一番小さいプロジェクト"),
        ("deer (エゾシカ) の予算", "対象: 「エゾシカ」 ・ 集計: 合計"),
        # 5振興局 restates 道央; 3つ is the number asked
        (
            "道央広域連携地域の5振興局のうち、予算の少ない順に3つ教えていただけますか。",
            "対象: 道央広域連携地域 ・ 集計: 振興局の小さい順（上位3件）",
        ),
        (
            "道央の5振興局のランキング",
            "対象: 道央広域連携地域 ・ 集計: 振興局の大きい順（上位5件）",
        ),
        # a region's share of itself is no question: with nothing else, it is the part
        ("道央 area の全体に占める割合 %?", "対象: 道央広域連携地域 ・ 全体: 全道 ・ 集計: 割合"),
        # where, of nothing in particular, is the list of the unit said
        ("連携地域ってどことどこがあんの？", "対象: 全道 ・ 集計: 連携地域の一覧"),
        ("振興局はどこがある？", "対象: 全道 ・ 集計: 振興局の一覧"),
        ("エゾシカの事業はどこ？", "対象: 「エゾシカ」 ・ 集計: どの振興局か"),
        ("どんなふうに聞いたらいい？例あったらちょうだい", "対象: 全道 ・ 集計: 使い方"),
        ("このボットでは、どのような質問ができるのでしょうか。", "対象: 全道 ・ 集計: 使い方"),
        ("What kinds of questions can I ask you?", "対象: 全道 ・ 集計: 使い方"),
        # two ranks are two sides
        (
            "予算1位の振興局と2位の振興局、合計するとなんぼ？",
            "対象: 一番大きい振興局 と 2番目に大きい振興局 ・ 集計: 合算",
        ),
        (
            "2番目と3番目に大きい施策の合計",
            "対象: 2番目に大きい施策 と 3番目に大きい施策 ・ 集計: 合算",
        ),
        # R3 is the data's own year, whatever comes before it
        ("道北のR3予算の総額しりたい", "対象: 道北連携地域 ・ 集計: 合計"),
        (
            "In the Doo area, how many measures exceed 7,000,000 yen?",
            "対象: 道央広域連携地域 ・ 予算7,000千円超 ・ 集計: 件数",
        ),
        ("道南の予算、メジアンでいうとなんぼ？", "対象: 道南連携地域 ・ 集計: 中央値"),
        ("十勝 全道比 %", "対象: 十勝総合振興局 ・ 全体: 全道 ・ 集計: 割合"),
        ("石狩 対 道南全体 どっちが上", "対象: 石狩振興局 と 道南連携地域 ・ 集計: 比較"),
        (
            "What do the Okhotsk and Tokachi areas come to together?",
            "対象: オホーツク連携地域 と 十勝連携地域 ・ 集計: 合算",
        ),
        (
            "How many distinct project names are listed in the tables?",
            "対象: 全道 ・ 集計: プロジェクトの件数",
        ),
        (
            "予算総額が3番目に多い振興局はどちらになりますか。",
            "対象: 全道 ・ 集計: 3番目に大きい振興局",
        ),
        # a unit in an aside in brackets is not the unit ranked
        (
            "project ランキング top 5 (振興局またぎは合算で)",
            "対象: 全道 ・ 集計: プロジェクトの大きい順（上位5件）",
        ),
        (
            "Sorachi's share within the Doo area, in %?",
            "対象: 空知総合振興局 ・ 全体: 道央広域連携地域 ・ 集計: 割合",
        ),
        ("Iburi share?", "対象: 胆振総合振興局 ・ 全体: 全道 ・ 集計: 割合"),
        ("一番予算多い施作ってどれ？", "対象: 全道 ・ 集計: 一番大きい施策"),
        (
            "十勝とオホーツク、それに宗谷の3つの振興局の予算を足し上げた額はいくらになりますでしょうか。",
            "対象: 十勝総合振興局 と オホーツク総合振興局 と 宗谷総合振興局 ・ 集計: 合算",
        ),
        # share after its subjects is a verb
        (
            "Combined budget of the environmental conservation project that Kushiro and Nemuro"
            " share",
            "対象: 釧路総合振興局 と 根室振興局（「環境保全」） ・ 集計: 合算",
        ),
        # one measure named, against a region and words said apart from it
        (
            "ポストコロナいしかり地域戦略推進プロジェクトの予算は、釧路の担い手確保・人材育成の事業の何倍でしょうか。",
            "対象: 【ポストコロナいしかり地域戦略推進プロジェクト】 と 釧路総合振興局 ・ "
            "「担い手 確保・人材育成」 ・ 集計: 倍率",
        ),
        (
            "空知と宇宙産業理解促進事業を合わせると？",
            "対象: 空知総合振興局 と 【宇宙産業理解促進事業】 ・ 集計: 合算",
        ),
        # a measure that is a side is not also the scope of both
        (
            "宇宙産業理解促進事業とブリの活用連携促進事業はどっちが多い？",
            "対象: 【宇宙産業理解促進事業】 と 【ブリの活用連携促進事業】 ・ 集計: 比較",
        ),
        # nothing between them: the region says where the project is
        (
            "交流人口の拡大 project (釧路・根室) の合計",
            "対象: 釧路・根室連携地域 ・ 「地域の強みを活かした交流人口の拡大プロジェクト」"
            " ・ 集計: 合計",
        ),
    ],
)
def test_questions_a_new_teammate_typed(question: str, summary: str):
    found, understood = understand(question, K)
    assert understood.summary == summary
    assert found.unplaced == []


@pytest.mark.parametrize(
    ("question", "summary"),
    [
        # 最小, 最低, 最少 and their English kin order each side on their own
        ("最小の施策と最大の施策の差", "対象: 一番小さい施策 と 一番大きい施策 ・ 集計: 差額"),
        ("最低の施策と最高の施策の差", "対象: 一番小さい施策 と 一番大きい施策 ・ 集計: 差額"),
        (
            "最多の振興局と最少の振興局、何倍？",
            "対象: 一番大きい振興局 と 一番小さい振興局 ・ 集計: 倍率",
        ),
        (
            "the biggest and the least measure, difference",
            "対象: 一番大きい施策 と 一番小さい施策 ・ 集計: 差額",
        ),
        (
            "highest vs smallest subprefecture ratio",
            "対象: 一番大きい振興局 と 一番小さい振興局 ・ 集計: 倍率",
        ),
        (
            "lowest and largest measure difference",
            "対象: 一番小さい施策 と 一番大きい施策 ・ 集計: 差額",
        ),
        (
            "the smallest and the highest area, how many times",
            "対象: 一番小さい連携地域 と 一番大きい連携地域 ・ 集計: 倍率",
        ),
        # 最低, 最少, 最小 alone are superlatives of the budget
        ("最低の施策は？", "対象: 全道 ・ 集計: 一番小さい施策"),
        ("最少の振興局は？", "対象: 全道 ・ 集計: 一番小さい振興局"),
        ("最小の施策は？", "対象: 全道 ・ 集計: 一番小さい施策"),
        ("予算が一番の振興局は？", "対象: 全道 ・ 集計: 一番大きい振興局"),
        # which of a few: three measures are few, one is no choice
        ("石狩の施策で大きいのはどっち？", "対象: 石狩振興局 ・ 集計: 一番大きい施策"),
        ("縄文の事業で大きいのはどっち？", "対象: 「縄文」 ・ 集計: 合計"),
        # kanji the input method chose wrongly: the same reading (試作), one kanji of the same
        # sound (合産, 日率)
        ("空知の試作は？", "対象: 空知総合振興局 ・ 集計: 一覧"),
        ("空知と石狩の合産は？", "対象: 空知総合振興局 と 石狩振興局 ・ 集計: 合算"),
        ("石狩の全道日率は？", "対象: 石狩振興局 ・ 全体: 全道 ・ 集計: 割合"),
        # a count that restates what the region holds (small kana fold: ぷろじえくと)
        ("釧根の3つの地域プロジェクトの合計は？", "対象: 釧路・根室連携地域 ・ 集計: 合計"),
        ("石狩の2つのプロジェクトの合計", "対象: 石狩振興局 ・ 集計: 合計"),
        # one named measure or project against a topic or a region
        (
            "宇宙産業理解促進事業とエゾシカの事業、どっちが多い？",
            "対象: 【宇宙産業理解促進事業】 と 「エゾシカ」 ・ 集計: 比較",
        ),
        (
            "エゾシカの事業と宇宙産業理解促進事業の差は？",
            "対象: 「エゾシカ」 と 【宇宙産業理解促進事業】 ・ 集計: 差額",
        ),
        (
            "「きた北海道」プロジェクトと石狩、どっちが多い？",
            "対象: 「魅力ある地域資源を活かした「きた北海道」への来訪促進プロジェクト」 と "
            "石狩振興局 ・ 集計: 比較",
        ),
        (
            "石狩と新幹線開業を活かした交流人口拡大プロジェクトの差は？",
            "対象: 石狩振興局 と 「新幹線開業を活かした交流人口拡大プロジェクト」 ・ 集計: 差額",
        ),
        # what multiple of A is B: A is the denominator
        (
            "what multiple of Tokachi is Ishikari?",
            "対象: 石狩振興局 と 十勝総合振興局 ・ 集計: 倍率",
        ),
        (
            "How many times Tokachi is Ishikari?",
            "対象: 十勝総合振興局 と 石狩振興局 ・ 集計: 倍率",
        ),
        # a count of the two there are is no question of its own
        (
            "エゾシカの事業2つ、何倍？",
            "対象: 【空知地域エゾシカ肉有効活用需要喚起事業】 ・ 「エゾシカ」 と "
            "【根室地域産エゾシカ肉「根室ディア」普及促進事業】 ・ 「エゾシカ」 ・ 集計: 倍率",
        ),
        # each region with its own topic, said in the same order (respectively)
        (
            "空知と後志のワインとニシンの事業、どっちが多い？",
            "対象: 空知総合振興局 ・ 「ワイン」 と 後志総合振興局 ・ 「ニシン」 ・ 集計: 比較",
        ),
        (
            "石狩と渡島の一番大きい施策と一番小さい施策の差は？",
            "対象: 石狩振興局で一番大きい施策 と 渡島総合振興局で一番小さい施策 ・ 集計: 差額",
        ),
        # what is said right after each region is that side's own
        (
            "石狩で一番小さい施策と渡島の縄文の差",
            "対象: 石狩振興局で一番小さい施策 と 渡島総合振興局 ・ 「縄文」 ・ 集計: 差額",
        ),
        (
            "石狩観光と渡島縄文、どっちが多い？",
            "対象: 石狩振興局 ・ 「観光」 と 渡島総合振興局 ・ 「縄文」 ・ 集計: 比較",
        ),
        # a plus joins the regions it stands between into one side
        (
            "空知+石狩合計 vs 胆振 差",
            "対象: 空知総合振興局・石狩振興局 と 胆振総合振興局 ・ 集計: 差額",
        ),
        (
            "Sorachi plus Ishikari combined vs Iburi, difference",
            "対象: 空知総合振興局・石狩振興局 と 胆振総合振興局 ・ 集計: 差額",
        ),
        (
            "十勝+釧路+根室 合計",
            "対象: 十勝総合振興局 と 釧路総合振興局 と 根室振興局 ・ 集計: 合算",
        ),
        # a katakana word one letter off a cue word is that cue
        ("予算ランキンク", "対象: 全道 ・ 集計: 施策の大きい順"),
        ("プロジャクトの数は？", "対象: 全道 ・ 集計: プロジェクトの件数"),
        ("空知と石狩のトーダル", "対象: 空知総合振興局 と 石狩振興局 ・ 集計: 合算"),
        # a long hiragana ending is grammar
        ("空知の予算はいくらですかねー", "対象: 空知総合振興局 ・ 集計: 合計"),
        # the 連携地域 a 振興局 belongs to; two 振興局 stay two
        ("釧路の連携地域の予算", "対象: 釧路・根室連携地域 ・ 集計: 合計"),
        ("空知が属する連携地域の施策数", "対象: 道央広域連携地域 ・ 集計: 件数"),
        ("Kushiro's area total", "対象: 釧路・根室連携地域 ・ 集計: 合計"),
        ("十勝の連携地域", "対象: 十勝連携地域 ・ 集計: 連携地域の一覧"),
        ("釧路と根室の連携地域の合計", "対象: 釧路総合振興局 と 根室振興局 ・ 集計: 合算"),
        # topics as sides stay within the region said
        (
            "道央のエゾシカとニシンの合計",
            "対象: 道央広域連携地域 ・ 「エゾシカ」 と 道央広域連携地域 ・ 「ニシン」"
            " ・ 集計: 合算",
        ),
        (
            "少ない方から2番目と3番目の振興局の差",
            "対象: 2番目に小さい振興局 と 3番目に小さい振興局 ・ 集計: 差額",
        ),
        # the longest cue a homophone sounds like (全対比 is 全体比, not 全体 and 比)
        ("石狩の全対比は？", "対象: 石狩振興局 ・ 全体: 全道 ・ 集計: 割合"),
        # the rest of a word around a homophone stays a word
        ("石狩の観光一欄", "対象: 石狩振興局 ・ 「観光」 ・ 集計: 一覧"),
        # where, of nothing, lists the unit said (振興局 when none is)
        ("振興局ってどこがあるの？", "対象: 全道 ・ 集計: 振興局の一覧"),
        ("どこがある？", "対象: 全道 ・ 集計: 振興局の一覧"),
        # comparing a few asks for them side by side; which one asks for the larger
        ("石狩の施策を比較して", "対象: 石狩振興局 ・ 集計: 施策の大きい順"),
        ("compare Ishikari's measures", "対象: 石狩振興局 ・ 集計: 施策の大きい順"),
        # a multiple of A: A is the denominator, whichever comes first
        (
            "As a multiple of Tokachi, how big is Ishikari?",
            "対象: 石狩振興局 と 十勝総合振興局 ・ 集計: 倍率",
        ),
        ("How big is the Doo area?", "対象: 道央広域連携地域 ・ 集計: 合計"),
        # the unit said next to 内訳, before or after it
        ("道央の内訳を振興局で", "対象: 道央広域連携地域 ・ 集計: 振興局別の内訳"),
        ("道央の振興局での内訳", "対象: 道央広域連携地域 ・ 集計: 振興局別の内訳"),
        ("施策ごとの石狩の予算", "対象: 石狩振興局 ・ 集計: 施策別の内訳"),
        # a share of nothing in particular is each one's part of the whole
        ("連携地域の構成比は？", "対象: 全道 ・ 集計: 連携地域別の内訳"),
        ("振興局の割合", "対象: 全道 ・ 集計: 振興局別の内訳"),
        ("道央以外の全体に占める割合", "対象: 道央広域連携地域以外 ・ 全体: 全道 ・ 集計: 割合"),
        # the largest three: a rank of three
        ("一番大きい施策を3つ教えて", "対象: 全道 ・ 集計: 施策の大きい順（上位3件）"),
        # an area, then one of its own 振興局: only where the 振興局 is
        ("道央のうち空知の予算", "対象: 空知総合振興局 ・ 集計: 合計"),
        ("道央の中の空知の合計", "対象: 空知総合振興局 ・ 集計: 合計"),
        ("道北の上川の観光", "対象: 上川総合振興局 ・ 「観光」 ・ 集計: 検索"),
        ("道央と空知の比較", "対象: 道央広域連携地域 と 空知総合振興局 ・ 集計: 比較"),
        # the order starts from what から follows
        (
            "予算の少ないほうから多いほうへ振興局を並べて",
            "対象: 全道 ・ 集計: 振興局の小さい順（上位14件）",
        ),
        (
            "予算の多いほうから少ないほうへ振興局を並べて",
            "対象: 全道 ・ 集計: 振興局の大きい順（上位14件）",
        ),
        ("小さい順から大きい順に施策を並べて", "対象: 全道 ・ 集計: 施策の小さい順（上位31件）"),
        # both said: the one next to 一番 is the order
        ("多い施策の中で一番少ないのは？", "対象: 全道 ・ 集計: 一番小さい施策"),
        ("少ない振興局の中で一番多いのは？", "対象: 全道 ・ 集計: 一番大きい振興局"),
        # an amount that says which measures is that very amount
        ("700万円ぴったりの施策", "対象: 予算7,000千円ちょうど ・ 集計: 一覧"),
        ("exactly 7 million yen measures", "対象: 予算7,000千円ちょうど ・ 集計: 一覧"),
        ("予算が700万円の施策", "対象: 予算7,000千円ちょうど ・ 集計: 一覧"),
        # the measures counted per 振興局, not their budgets summed
        ("施策数が一番多い振興局は？", "対象: 全道 ・ 集計: 施策の数が一番多い振興局"),
        (
            "which subprefecture has the most measures?",
            "対象: 全道 ・ 集計: 施策の数が一番多い振興局",
        ),
        (
            "道央で施策が一番少ない振興局",
            "対象: 道央広域連携地域 ・ 集計: 施策の数が一番少ない振興局",
        ),
        ("振興局ごとの施策数", "対象: 全道 ・ 集計: 振興局別の施策数"),
        # a statistic asked of measures is their topic
        ("上川の人口に関する施策は？", "対象: 上川総合振興局 ・ 「人口」 ・ 集計: 一覧"),
        ("エゾシカはどの連携地域？", "対象: 「エゾシカ」 ・ 集計: どの連携地域か"),
        # romaji with long-vowel marks
        ("Dōnan area total", "対象: 道南連携地域 ・ 集計: 合計"),
        # of X's budget: X is the whole
        (
            "道北のbudgetのうち、ツーリズム系measureのshareって何%？",
            "対象: 「ツーリズム」 ・ 全体: 道北連携地域 ・ 集計: 割合",
        ),
        # by project, by measure
        (
            "Break down the Kushiro-Nemuro budget by project.",
            "対象: 釧路・根室連携地域 ・ 集計: プロジェクト別の内訳",
        ),
        ("break down Ishikari by measure", "対象: 石狩振興局 ・ 集計: 施策別の内訳"),
        # a remark about the answer is no condition
        ("全部で1億超えてるらしいけど、正確にはなんぼ？", "対象: 全道 ・ 集計: 合計"),
        # romaji 振興局, keyword, working: grammar of the question
        (
            "budgetがちょうど700万円の施策があるのはどこのshinkokyoku？",
            "対象: 予算7,000千円ちょうど ・ 集計: どの振興局か",
        ),
        (
            "Which subprefecture is working on herring (ニシン)?",
            "対象: 「ニシン」 ・ 集計: どの振興局か",
        ),
        (
            "「人材」がkeywordで予算300万円以上のmeasureやってる振興局はどこ？",
            "対象: 「人材」 ・ 予算3,000千円以上 ・ 集計: どの振興局か",
        ),
        # the subject marked by って is one side
        (
            "ブリの事業ってニシンの事業の何倍のbudget？",
            "対象: 「ブリ」 と 「ニシン」 ・ 集計: 倍率",
        ),
        # two budget conditions said apart are two sides
        (
            "道央広域連携地域で、500万円以上の施策の合計と500万円未満の施策の合計の差はいくらですか。",
            "対象: 予算5,000千円以上 と 予算5,000千円未満（道央広域連携地域） ・ 集計: 差額",
        ),
        # all of them added up
        (
            "きた北海道プロジェクト、全部の振興局合わせてなんぼ？",
            "対象: 「魅力ある地域資源を活かした「きた北海道」への来訪促進プロジェクト」"
            " ・ 集計: 合計",
        ),
        # a ranking of 連携地域 or 振興局 shows them all
        (
            "連携地域をbudgetの大きい順にrankingして",
            "対象: 全道 ・ 集計: 連携地域の大きい順（上位6件）",
        ),
        # help and about, as people ask them
        (
            "How do I use this bot? Give me a couple of example questions.",
            "対象: 全道 ・ 集計: 使い方",
        ),
        ("質問のformatとかexampleってある？", "対象: 全道 ・ 集計: 使い方"),
        (
            "What is this table based on, and what unit are the amounts in?",
            "対象: 全道 ・ 集計: データの概要",
        ),
        ("このデータっていつの予算なん？令和何年度のやつ？", "対象: 全道 ・ 集計: データの概要"),
        # largest first orders a ranking
        (
            "Rank the Dōhoku measures over 3 million yen, largest first.",
            "対象: 道北連携地域 ・ 予算3,000千円超 ・ 集計: 施策の大きい順",
        ),
        # how much bigger, なんぼ多い: a difference
        (
            "How much bigger is the largest measure than the smallest one?",
            "対象: 一番大きい施策 と 一番小さい施策 ・ 集計: 差額",
        ),
        # the ratio of A to B is A over B
        (
            "What's the ratio of Oshima's budget to Hiyama's?",
            "対象: 渡島総合振興局 と 檜山振興局 ・ 集計: 倍率",
        ),
        # the next region with nothing of its own: the same said again of it
        (
            "ねむろのエゾシカ肉の事業って、そらちのやつよりなんぼ多いの？",
            "対象: 根室振興局 ・ 「エゾシカ肉」 と 空知総合振興局 ・ 「エゾシカ肉」 ・ 集計: 差額",
        ),
        (
            "Which is bigger: Kamikawa's ツーリズム measure or Rumoi's?",
            "対象: 上川総合振興局 ・ 「ツーリズム」 と 留萌振興局 ・ 「ツーリズム」 ・ 集計: 比較",
        ),
        (
            "石狩で一番高い施策と渡島の、どっちが高い？",
            "対象: 石狩振興局で一番大きい施策 と 渡島総合振興局で一番大きい施策 ・ 集計: 比較",
        ),
        # a region says where the first topic is when the second is not there
        (
            "空知のエゾシカのmeasureと「根室ディア」、どっちがbudget上？",
            "対象: 空知総合振興局 ・ 「エゾシカ」 と 「「根室ディア」」 ・ 集計: 比較",
        ),
        ("botの使い方教えて、commandとかある？", "対象: 全道 ・ 集計: 使い方"),
        ('What does the "R3 予算額" column mean?', "対象: 全道 ・ 集計: データの概要"),
    ],
)
def test_each_piece_reads_as_meant(question: str, summary: str):
    found, understood = understand(question, K)
    assert understood.summary == summary
    assert found.unplaced == []


def test_the_two_projects_of_a_region_are_the_sides_of_a_difference():
    totals: dict[str, int] = {}
    for row in ROWS:
        if row.subprefecture == "石狩":
            totals[row.project] = totals.get(row.project, 0) + row.budget
    first, second = totals.values()
    answer = ask(K, "石狩の2つのプロジェクトの差は？")
    assert isinstance(answer, CompareAnswer)
    assert abs(answer.difference_thousand_yen or 0) == abs(first - second)
    assert f"{abs(first - second):,}千円" in render_text(answer, K.source)


def test_two_regions_joined_by_a_plus_are_one_side_of_the_difference():
    joined = SUBPREFECTURE_TOTALS["空知"] + SUBPREFECTURE_TOTALS["石狩"]
    said = render_text(ask(K, "空知+石狩合計 vs 胆振 差"), K.source)
    assert f"{joined:,}千円" in said
    assert f"{joined - SUBPREFECTURE_TOTALS['胆振']:,}千円" in said


def test_a_two_letter_word_the_table_lacks_is_asked_back():
    found, _ = understand("JRの事業は？", K)
    assert [(u.text, u.reason) for u in found.unplaced] == [("JR", "topic")]


def _budgets(**where: str) -> list[int]:
    return sorted(
        (r.budget for r in ROWS if all(getattr(r, f) == v for f, v in where.items())),
        reverse=True,
    )


_DOUO_SUBS = sorted(
    (t for s, t in SUBPREFECTURE_TOTALS.items() if s in {"空知", "石狩", "後志", "胆振", "日高"}),
    reverse=True,
)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        # the picks are within the region said, not across the whole table
        (
            "道央で一番大きい施策と一番小さい施策の差",
            _budgets(area="道央広域連携地域")[0] - _budgets(area="道央広域連携地域")[-1],
        ),
        ("道央で2番目と3番目の振興局の差", _DOUO_SUBS[1] - _DOUO_SUBS[2]),
        (
            "少ない方から2番目と3番目の振興局の差",
            sorted(SUBPREFECTURE_TOTALS.values())[2] - sorted(SUBPREFECTURE_TOTALS.values())[1],
        ),
        # topics as sides within the region: 空知's エゾシカ and 後志's ニシン, not 根室's
        (
            "道央のエゾシカとニシンの合計",
            sum(
                r.budget
                for r in ROWS
                if r.area == "道央広域連携地域"
                and ("エゾシカ" in r.measure or "ニシン" in r.measure)
            ),
        ),
        ("Kushiro's area total", sum(r.budget for r in ROWS if r.area == "釧路・根室連携地域")),
    ],
)
def test_sides_and_scopes_give_the_figure_asked(question: str, figure: int):
    assert f"{figure:,}千円" in render_text(ask(K, question), K.source)


@pytest.mark.parametrize(
    ("question", "unplaced"),
    [
        ("名前に入ってるのは？", [Unplaced(text="名前", reason="name")]),
        (
            "石狩の施策の差は？",
            [
                Unplaced(
                    text="",
                    reason="sides",
                    suggestions=[
                        "石狩振興局の一番大きい施策と一番小さい施策の差",
                        "石狩振興局の施策を大きい順に",
                    ],
                )
            ],
        ),
        # a figure guessed at is no condition on measures (it found none and said 0千円)
        ("空知の予算は500万円くらい？", [Unplaced(text="500万円", reason="amount")]),
        ("石狩は2400万円で合ってる？", [Unplaced(text="2400万円", reason="amount")]),
        # a project named in part that fits two: both offered in full
        (
            "「来訪促進」の予算",
            [
                Unplaced(
                    text="来訪促進",
                    reason="project",
                    suggestions=[
                        "魅力ある地域資源を活かした「きた北海道」への来訪促進プロジェクト",
                        "地域資源を活かしたオホーツク地域への来訪促進プロジェクト",
                    ],
                )
            ],
        ),
        (
            "上川の人口",
            [Unplaced(text="人口", reason="statistic", suggestions=["上川の人口に関する施策"])],
        ),
        # how many people: a statistic the table lacks, whichever words ask it
        (
            "釧路管内の人口は何人ですか？",
            [Unplaced(text="人口", reason="statistic", suggestions=["釧路の人口に関する施策"])],
        ),
        ("宗谷の人数は？", [Unplaced(text="人数", reason="statistic", suggestions=[])]),
        # two topics no measure has together: each is offered
        (
            "ニシンの縄文の事業は？",
            [Unplaced(text="ニシン 縄文", reason="together", suggestions=["ニシン", "縄文"])],
        ),
    ],
)
def test_what_is_missing_is_named_exactly(question: str, unplaced: list[Unplaced]):
    assert understand(question, K)[0].unplaced == unplaced


@pytest.mark.parametrize(
    ("question", "headline"),
    [
        ("道央のうち空知の予算", f"{SUBPREFECTURE_TOTALS['空知']:,}千円"),
        ("道央の中の空知の合計", f"{SUBPREFECTURE_TOTALS['空知']:,}千円"),
        ("道央のなかで空知の施策数", f"{sum(1 for r in ROWS if r.subprefecture == '空知')}件"),
    ],
)
def test_an_area_then_its_own_subprefecture_counts_it_once(question: str, headline: str):
    reply = render_text(ask(K, question), K.source).splitlines()
    assert "空知総合振興局" in reply[1]
    assert headline in "\n".join(reply[1:3])
    assert f"{AREA_TOTALS['道央広域連携地域']:,}" not in "\n".join(reply)


def test_the_plan_keeps_the_fiscal_year_said():
    assert plan("令和3年度の空知の予算").fiscal_year == "令和3年度"
    assert plan("空知の予算").fiscal_year is None


def test_the_understood_plan_is_the_plan_as_json():
    found, understood = understand("エゾシカはどこ？", K)
    assert found.unit == "subprefecture"
    assert understood.plan == found.model_dump(mode="json")
    assert understood.plan["operation"] == "where"


def test_a_quote_split_into_parts_of_names_is_the_one_measure_it_names():
    hiyama = [r for r in ROWS if r.subprefecture == "檜山"]
    food = next(r for r in hiyama if "食と観光" in r.measure)
    other = next(r for r in hiyama if r is not food)
    said = render_text(
        ask(
            K,
            "檜山の2つの施策（「食と観光 ひやまの魅力」と関係人口創出事業）では、"
            "どちらの予算が多いですか。",
        ),
        K.source,
    )
    assert f"{food.budget:,}千円" in said
    assert f"{other.budget:,}千円" in said
    assert f"{food.budget - other.budget:,}千円" in said


def test_the_same_measure_of_two_regions_gives_both_figures():
    def ezo(sub: str) -> int:
        return sum(r.budget for r in ROWS if r.subprefecture == sub and "エゾシカ" in r.measure)

    said = render_text(
        ask(K, "ねむろのエゾシカ肉の事業って、そらちのやつよりなんぼ多いの？"), K.source
    )
    assert f"{ezo('根室') - ezo('空知'):,}千円" in said


@pytest.mark.parametrize(
    "question",
    [
        "How much more does the largest measure get than the second largest?",
        "一番大きい施策と2番目に大きい施策の差",
        "最大の施策と2番目の施策の差",
    ],
)
def test_the_largest_and_the_second_are_two_sides(question: str):
    first, second = sorted((r.budget for r in ROWS), reverse=True)[:2]
    found = plan(question)
    assert [s.pick.rank for s in found.sides if s.pick] == [1, 2]
    assert found.unplaced == []
    assert f"{first - second:,}千円" in render_text(ask(K, question), K.source)


@pytest.mark.parametrize("joined_by", ["と", "/", "／"])
def test_two_conditions_side_by_side_are_two_sides(joined_by: str):
    kushiro_nemuro = [r for r in ROWS if r.area == "釧路・根室連携地域"]
    big = sum(r.budget for r in kushiro_nemuro if r.budget >= 5000)
    small = sum(r.budget for r in kushiro_nemuro if r.budget < 5000)
    question = f"釧根 500万以上{joined_by}500万未満 何倍"
    assert plan(question).unplaced == []
    assert f"{big / small:.2f}倍" in render_text(ask(K, question), K.source)


def test_a_range_with_both_bounds_is_still_one_range():
    found = plan("300万以上、500万未満の施策")
    assert found.selection.budget is not None
    assert (found.selection.budget.minimum_yen, found.selection.budget.maximum_yen) == (
        3_000_000,
        5_000_000,
    )


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("移住relatedのmeasureで200万円以上のやつある？", "移住"),
        ("宇宙industryのmeasureやってる振興局どこ？", "宇宙"),
    ],
)
def test_an_english_word_glued_to_a_topic_is_a_word_of_its_own(question: str, topic: str):
    found = plan(question)
    assert found.selection.topic == topic
    assert found.unplaced == []


@pytest.mark.parametrize(
    "question",
    [
        "全道 合計 何億円",
        "道南で関係人口がらみの事業って、平均したらなんぼ？",
        "How much does the 環境保全と地域資源の有効利用推進プロジェクト get in Nemuro alone?",
        "「交流人口の拡大」projectのmeasureを全部list upして",
    ],
)
def test_words_of_the_asking_are_not_topics(question: str):
    assert plan(question).unplaced == []


def test_which_bureaus_asks_where():
    question = "In the きた北海道 project, which bureaus have a measure of 3 million yen or more?"
    subs = {r.subprefecture for r in ROWS if "きた北海道" in r.project and r.budget >= 3000}
    found = plan(question)
    assert found.operation == "where"
    said = render_text(ask(K, question), K.source)
    assert all(sub in said for sub in subs)


@pytest.mark.parametrize(
    ("question", "operation"),
    [
        (
            "このボットが参照している資料について、対象年度と金額の単位を教えていただけますか。",
            "about",
        ),
        ("What data is this bot based on, and which fiscal year does it cover?", "about"),
        ("このボットって何のデータ入ってんの？", "about"),
        ("What dataset does this bot answer questions from?", "about"),
        ("このボットの使い方を教えてください。どのような質問に対応していますか。", "help"),
        ("質問の仕方のexampleをいくつか見せて", "help"),
    ],
)
def test_a_question_about_the_bot_is_about_or_help(question: str, operation: str):
    assert plan(question).operation == operation


@pytest.mark.parametrize(("question", "operation"), [("このボットで石狩の予算わかる？", "total")])
def test_the_bot_named_with_a_region_still_answers(question: str, operation: str):
    assert plan(question).operation == operation


@pytest.mark.parametrize(
    ("question", "counts"),
    [("施策はいくつか？", True), ("施策はいくつかな", True), ("事業をいくつか見せて", False)],
)
def test_ikutsuka_is_some_unless_it_asks(question: str, counts: bool):
    assert (plan(question).operation == "count") is counts


def test_an_english_plural_is_the_glossary_word():
    found = plan("Are there any measures involving geoparks?")
    assert found.selection.topic == "ジオパーク"
    said = render_text(ask(K, "Are there any measures involving geoparks?"), K.source)
    assert all(r.measure in said for r in ROWS if "ジオパーク" in r.measure + r.description)


def test_the_unit_summed_across_is_not_the_unit_asked():
    question = "Which project has the largest combined budget across all bureaus?"
    totals: dict[str, int] = {}
    for r in ROWS:
        totals[r.project] = totals.get(r.project, 0) + r.budget
    name, amount = max(totals.items(), key=lambda item: item[1])
    assert plan(question).unit == "project"
    said = render_text(ask(K, question), K.source)
    assert name in said
    assert f"{amount:,}千円" in said


@pytest.mark.parametrize(
    ("question", "low", "high"),
    [
        ("100万円いかない施策ってどれ？", None, 1000),
        ("予算300万円を切る施策", None, 3000),
        ("How many measures have a budget between ¥3,000,000 and ¥5,000,000?", 3000, 5000),
    ],
)
def test_more_ways_to_say_a_budget_range(question: str, low: int | None, high: int):
    budget = plan(question).selection.budget
    assert budget is not None
    assert budget.minimum_yen == (low * 1000 if low else None)
    assert budget.maximum_yen == high * 1000


def test_a_list_with_its_budgets_is_a_breakdown():
    question = "ワーケーション関連のmeasureってある？budgetもあわせて"
    found = plan(question)
    assert (found.operation, found.by) == ("breakdown", "measure")
    said = render_text(ask(K, question), K.source)
    for r in ROWS:
        if "ワーケーション" in r.measure + r.description + r.project:
            assert r.measure[:20] in said
            assert f"{r.budget:,}千円" in said


def test_each_subprefectures_number_of_measures_is_the_headline():
    said = render_text(ask(K, "振興局ごとの施策数"), K.source).splitlines()
    subs = {r.subprefecture for r in ROWS}
    assert said[1] == f"振興局ごとの施策数（{len(subs)}振興局 ・ 施策 計{len(ROWS)}件）"
    ishikari = sum(1 for r in ROWS if r.subprefecture == "石狩")
    assert any(line.startswith("  石狩振興局") and f"施策 {ishikari}件" in line for line in said)


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("石狩の施策の差", "石狩振興局の一番大きい施策と一番小さい施策の差"),
        ("渡島の施策の何倍", "渡島総合振興局の一番大きい施策は一番小さい施策の何倍"),
    ],
)
def test_sides_left_unsaid_offer_the_readings_of_the_scope(question: str, first: str):
    answer = ask(K, question)
    assert isinstance(answer, ClarifyAnswer)
    assert answer.choices[0].question == first
    chosen = render_text(ask(K, first), K.source)
    budgets = [r.budget for r in ROWS if r.subprefecture == question[:2]]
    figure = (
        f"{max(budgets) - min(budgets):,}千円"
        if first.endswith("差")
        else f"{max(budgets) / min(budgets):.2f}倍"
    )
    assert figure in chosen


@pytest.mark.parametrize(
    "question",
    [
        "このデータの出どころは？",
        "このbotの元データって何年のもの？",
        "この数字のソースは？",
        "Where does this data come from?",
    ],
)
def test_where_the_data_comes_from_is_about(question: str):
    assert plan(question).operation == "about"


def test_a_figure_is_not_a_count():
    assert plan("石狩の数字").operation == "total"


def said(question: str) -> str:
    return render_text(ask(K, question), K.source)


def figure(question: str) -> str:
    """The reply's headline figure, on the line after its title."""
    return said(question).splitlines()[2]


def total_of(rows: list[Row]) -> str:
    return f"{sum(r.budget for r in rows):,}千円"


def about(word: str) -> list[Row]:
    return [r for r in ROWS if word in r.measure + r.project + r.description]


@pytest.mark.parametrize(
    ("question", "operation"),
    [
        ("このbotのdataって何の資料がベース？いつの年度のやつ？", "about"),
        (
            "Sorry, quick one before we start — what data is this bot actually working from?",
            "about",
        ),
        ("このbotのsourceって道のどの資料？振興局のプロジェクトのやつ？", "about"),
        ("えっと、これどうやって使えばいいのかな？聞き方のコツとかある？", "help"),
        # 利用 is in the table (ニシン利用拡大), yet three help phrases say what is asked
        (
            "初めて利用いたしますので、どのような質問ができるのか、使い方を教えていただけますでしょうか。",
            "help",
        ),
        (
            "Sorry, how am I supposed to ask this bot things? "
            "Could you give me a few example queries?",
            "help",
        ),
    ],
)
def test_a_question_about_the_bot_is_not_lost_on_its_other_words(question: str, operation: str):
    found = plan(question)
    assert (found.operation, found.unplaced, found.selection.topic) == (operation, [], None)
    assert not isinstance(ask(K, question), ClarifyAnswer)


def test_a_leading_clause_says_why_it_is_asked():
    assert figure("会議用に確認なんだけど、全道のtotal budgetっていくら？").startswith(
        total_of(ROWS)
    )
    # a word of that clause the table has is still the topic
    reply = said("エゾシカについてなんだけど、予算は？")
    assert total_of(about("エゾシカ")) in reply


@pytest.mark.parametrize(
    "question",
    [
        "来週の会議で使うので道北の合計を教えてください",
        "今度の打ち合わせ用なんですが、道北の予算は？",
    ],
)
def test_a_meeting_said_as_the_reason_is_no_topic_and_no_sum(question: str):
    found = plan(question)
    assert (found.operation, found.unplaced, found.sides) == ("total", [], [])
    assert figure(question).startswith(f"{AREA_TOTALS['道北連携地域']:,}千円")


@pytest.mark.parametrize(
    "question", ["オオカミなんだけど、空知でいくら？", "オオカミについてですが、空知の予算は？"]
)
def test_the_word_a_leading_clause_is_about_is_asked_back_not_dropped(question: str):
    assert not about("オオカミ")
    assert [u.text for u in plan(question).unplaced] == ["オオカミ"]
    assert isinstance(ask(K, question), ClarifyAnswer)


def test_a_gloss_after_a_word_explains_it():
    reply = said(
        "Which bureaus run measures on 関係人口, people who keep a connection to the area?"
    )
    subs = {r.subprefecture for r in about("関係人口")}
    assert len(subs) >= 2
    assert all(sub in reply for sub in subs)
    assert "わかりません" not in reply


def test_a_measure_name_said_half_in_english_is_a_name_condition():
    found = plan("measure名に「ツーリズム」って入ってるの何個？")
    assert (found.operation, found.selection.name) == ("count", "ツーリズム")
    named = [r for r in ROWS if "ツーリズム" in r.measure]
    assert len(named) < len(about("ツーリズム"))  # descriptions say ツーリズム more often
    assert f"{len(named)}件" in said("measure名に「ツーリズム」って入ってるの何個？")


def test_break_down_by_bureau_is_per_subprefecture():
    found = plan("Can you break down the Kushiro–Nemuro area budget by bureau?")
    assert (found.operation, found.by) == ("breakdown", "subprefecture")
    reply = said("Can you break down the Kushiro–Nemuro area budget by bureau?")
    for sub in ("釧路", "根室"):
        assert total_of([r for r in ROWS if r.subprefecture == sub]) in reply


def test_is_there_any_and_how_much_is_the_total():
    question = "Is anything budgeted for the Jomon archaeological sites? How much?"
    assert plan(question).operation == "total"
    assert figure(question).startswith(total_of(about("縄文")))


def test_a_ratio_word_between_two_regions_is_their_ratio():
    found = plan("根室 / 釧路 予算 比率")
    assert found.operation == "ratio"
    nemuro, kushiro = (
        sum(r.budget for r in ROWS if r.subprefecture == s) for s in ("根室", "釧路")
    )
    assert f"{nemuro / kushiro:.2f}倍" in said("根室 / 釧路 予算 比率")


def test_dochira_of_a_place_with_nothing_to_weigh_is_where():
    question = "国定公園に関連する施策を実施している振興局はどちらでしょうか。"
    assert plan(question).operation == "where"
    reply = said(question)
    assert all(r.subprefecture in reply for r in about("国定公園"))
    # with a size said, it is the larger one
    assert plan("エゾシカの事業で予算が多い振興局はどっち？").operation == "pick"


def test_taking_part_in_a_project_is_no_topic():
    question = "「きた北海道」のプロジェクト、参加してる振興局はどこ？全部list upして"
    found = plan(question)
    assert (found.operation, found.selection.topic) == ("where", None)
    subs = {r.subprefecture for r in ROWS if "きた北海道" in r.project}
    assert all(sub in said(question) for sub in subs)


def test_a_project_added_up_over_the_regions_it_runs_in_is_counted_once():
    question = (
        "「環境保全と地域資源の有効利用推進プロジェクト」の総予算額は、"
        "釧路・根室合わせていくらでございますか。"
    )
    found = plan(question)
    assert (found.operation, found.sides) == ("total", [])
    project = [r for r in ROWS if r.project.startswith("環境保全と地域資源")]
    assert {r.area for r in project} == {"釧路・根室連携地域"}
    assert figure(question).startswith(total_of(project))


@pytest.mark.parametrize(
    "question",
    [
        # the part said second
        "釧路・根室と「環境保全と地域資源の有効利用推進プロジェクト」を合わせていくら",
        "宇宙産業理解促進事業と宇宙の施策を合わせていくら",  # the same measures, said twice
    ],
)
def test_a_side_within_the_other_is_added_once(question: str):
    found = plan(question)
    assert (found.operation, found.sides) == ("total", [])
    word = "環境保全" if "環境保全" in question else "宇宙"
    assert figure(question).startswith(total_of(about(word)))


def test_an_empty_side_adds_nothing_and_keeps_the_other():
    question = "空知の観光と石狩の観光を合わせると？"
    assert plan(question).operation == "sum"
    ishikari = [r for r in about("観光") if r.subprefecture == "石狩"]
    assert not [r for r in about("観光") if r.subprefecture == "空知"]
    assert figure(question).startswith(total_of(ishikari))


def test_regions_in_brackets_say_where_a_side_is():
    question = "エゾシカ肉の事業（空知と根室の2つ合わせて）とブリの事業、どっちのbudgetがbigger？"
    assert isinstance(ask(K, question), CompareAnswer)
    venison = total_of(about("エゾシカ肉"))
    buri = total_of([r for r in ROWS if "ブリの" in r.measure + r.description])
    reply = said(question)
    assert venison in reply
    assert buri in reply
    assert reply.index(venison) < reply.index(buri)


def test_a_number_with_a_thousands_comma_is_no_count():
    question = "釧根で4,000千円超のmeasureは何件？ちょうど4,000のは除いて"
    assert plan(question).unplaced == []
    kept = [r for r in ROWS if r.area == "釧路・根室連携地域" and r.budget > 4000]
    assert f"{len(kept)}件" in said(question)


def test_than_divides_the_two_sides_of_an_english_comparison():
    question = (
        "How much more does Iburi's tourism and school-trip measure get than its food-brand "
        "measure?"
    )
    iburi = [r for r in ROWS if r.subprefecture == "胆振"]
    tourism = next(r for r in iburi if "教育旅行" in r.measure)
    food = next(r for r in iburi if "ブランド" in r.measure)
    assert f"{tourism.budget - food.budget:,}千円" in said(question)
    # the topic said before a region is that region's, not the next one's
    found = plan("How much more does tourism in Ishikari get than deer in Nemuro?")
    assert [(s.selection.topic, s.selection.regions[0].name) for s in found.sides] == [
        ("観光", "石狩"),
        ("エゾシカ", "根室"),
    ]


def test_top_three_and_where_is_a_ranking():
    found = plan("予算多い振興局、トップ3ってどこかな？")
    assert (found.operation, found.n, found.unit) == ("rank", 3, "subprefecture")
    top = sorted(SUBPREFECTURE_TOTALS.items(), key=lambda item: -item[1])[:3]
    reply = said("予算多い振興局、トップ3ってどこかな？")
    assert all(f"{total:,}千円" in reply for _, total in top)


@pytest.mark.parametrize(
    "question", ["予算が多いのはどの振興局？", "予算が多いのはどこ？", "予算が多い振興局はどこ"]
)
def test_the_place_with_more_said_without_ichiban_is_the_largest(question: str):
    largest, total = max(SUBPREFECTURE_TOTALS.items(), key=lambda item: item[1])
    assert (plan(question).operation, plan(question).unit) == ("pick", "subprefecture")
    assert said(question).splitlines()[2].startswith(f"{largest}")
    assert f"{total:,}千円" in said(question).splitlines()[2]


def test_of_two_places_the_one_with_more_is_a_comparison():
    question = "空知と石狩で予算が多いのはどこ？"
    assert plan(question).operation == "compare"
    sorachi, ishikari = SUBPREFECTURE_TOTALS["空知"], SUBPREFECTURE_TOTALS["石狩"]
    assert f"{abs(sorachi - ishikari):,}千円" in said(question)


def test_minus_is_a_difference():
    question = "What is Hidaka's budget minus Hiyama's?"
    assert plan(question).operation == "difference"
    hidaka, hiyama = SUBPREFECTURE_TOTALS["日高"], SUBPREFECTURE_TOTALS["檜山"]
    assert f"{abs(hidaka - hiyama):,}千円" in said(question)


@pytest.mark.parametrize(
    "question",
    [
        "ひやまとおしまって何万円ちがう？",
        "檜山と渡島は何千円違うの",
        "How much is Hiyama minus Oshima?",
    ],
)
def test_how_many_yen_apart_is_a_difference(question: str):
    assert plan(question).operation == "difference"
    apart = abs(SUBPREFECTURE_TOTALS["檜山"] - SUBPREFECTURE_TOTALS["渡島"])
    assert f"{apart:,}千円" in said(question)


@pytest.mark.parametrize(
    ("question", "operation"),
    [
        ("Which bureau spends the least?", "pick"),
        ("How much is allocated to Sorachi?", "total"),
        ("画面に出てる表で、おほーつくの合計っていくら？", "total"),
        ("石狩の予算って何億？", "total"),
        ("Hey, what's the total for the whole of Hokkaido?", "total"),
        ("Roughly what percent of the total is Oshima?", "share"),
        ("what's the avg budget per measure in Dohoku", "mean"),
        ("エゾシカに関する施策を実施している振興局をご教示ください。", "where"),
    ],
)
def test_inflections_screens_and_units_asked_for_are_no_topics(question: str, operation: str):
    found = plan(question)
    assert (found.operation, found.unplaced) == (operation, [])
    assert found.selection.topic in (None, "エゾシカ")


@pytest.mark.parametrize(
    "question", ["How should I phrase questions to you?", "使える質問の例をいくつか"]
)
def test_asking_how_to_ask_is_help(question: str):
    assert plan(question).operation == "help"
    assert not any(f"{len(ROWS)}件" in line for line in said(question).splitlines())


def test_ikutsuka_at_the_end_still_asks_how_many():
    assert f"{len(ROWS)}件" in said("施策はいくつか？")


@pytest.mark.parametrize(
    ("question", "figure_line"),
    [
        ("For the meeting: Sorachi total?", f"{SUBPREFECTURE_TOTALS['空知']:,}千円"),
        ("List every measure under the Shinkansen project", None),
        (
            "Out of Hokkaido's total, how much is Kushiro's slice in percent?",
            f"{SUBPREFECTURE_TOTALS['釧路'] / sum(SUBPREFECTURE_TOTALS.values()) * 100:.1f}%",
        ),
    ],
)
def test_english_lead_ins_and_plain_words_are_no_topics(question: str, figure_line: str | None):
    found = plan(question)
    assert found.unplaced == []
    if figure_line:
        assert figure_line in figure(question) + said(question).splitlines()[1]


def test_an_english_lead_in_that_names_something_is_asked_back():
    assert [u.text for u in plan("Wolves: how much in Sorachi?").unplaced] == ["Wolves"]


def test_jigyouhi_is_the_budget():
    assert figure("JOMONの事業費は？").startswith(
        total_of([r for r in ROWS if "JOMON" in r.measure])
    )
    assert plan("事業費の単位は？").operation == "about"


@pytest.mark.parametrize(
    "question",
    [
        "Ishikari's tourism gets how much more than Nemuro's deer?",
        "Tourism in Ishikari gets how much more than deer in Nemuro?",
    ],
)
def test_than_keeps_what_is_said_first_on_the_first_side(question: str):
    found = plan(question)
    assert [(s.selection.topic, s.selection.regions[0].name) for s in found.sides] == [
        ("観光", "石狩"),
        ("エゾシカ", "根室"),
    ]
    tourism = sum(r.budget for r in about("観光") if r.subprefecture == "石狩")
    deer = sum(r.budget for r in about("エゾシカ") if r.subprefecture == "根室")
    assert f"{tourism - deer:,}千円" in said(question)


def test_than_between_two_names_of_the_same_measures_is_no_comparison():
    found = plan("How much more does Jomon get than JOMON?")
    assert found.sides == []
    assert [u.reason for u in found.unplaced] == ["sides"]


def test_each_english_word_left_over_keeps_its_own_place():
    question = "Zorgle-blarf *wibble* vs 'snark' 移住related"
    reading = read(question, K.regions, projects=K.project_names, measures=K.measure_names)
    words = _left_words(reading, K)
    assert [question[w.start : w.end] for w in words] == [w.text for w in words]
    assert [w.text for w in words] == ["Zorgle", "blarf", "wibble", "snark", "移住"]


def test_nanshurui_counts_the_projects_by_name():
    assert (
        said("プロジェクトは全部で何種類？")
        .splitlines()[1]
        .startswith(f"プロジェクトは {len({r.project for r in ROWS})}種類")
    )


def largest_in(sub: str, smallest: bool = False) -> int:
    budgets = [r.budget for r in ROWS if r.subprefecture == sub]
    return min(budgets) if smallest else max(budgets)


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        (
            "largest measure in Okhotsk vs largest in Tokachi",
            ("オホーツク", False),
            ("十勝", False),
        ),
        (
            "Compare the biggest measure in Ishikari with the smallest in Sorachi",
            ("石狩", False),
            ("空知", True),
        ),
        (
            "difference between the largest measure in Ishikari and the smallest in Sorachi",
            ("石狩", False),
            ("空知", True),
        ),
    ],
)
def test_an_english_side_is_picked_where_it_says(
    question: str, first: tuple[str, bool], second: tuple[str, bool]
):
    found = plan(question)
    assert [(s.pick.within.regions[0].name, s.pick.order) for s in found.sides if s.pick] == [
        (first[0], "smallest" if first[1] else "largest"),
        (second[0], "smallest" if second[1] else "largest"),
    ]
    reply = said(question)
    assert f"{largest_in(*first):,}千円" in reply
    assert f"{largest_in(*second):,}千円" in reply


def test_a_count_before_cheapest_is_how_many():
    budgets = sorted(r.budget for r in ROWS)[:3]
    reply = said("What are the three cheapest measures?")
    assert all(f"{b:,}千円" in reply for b in budgets)
    assert plan("What are the three cheapest measures?").n == 3


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("spends", "spend"),
        ("matches", "match"),
        ("companies", "company"),
        ("allocated", "allocat"),
        ("allocated", "allocate"),
        ("funding", "fund"),
        ("pricing", "price"),
    ],
)
def test_an_english_word_is_looked_up_by_its_stems(word: str, stem: str):
    forms = _english_forms(word)
    assert forms[0] == word
    assert stem in forms


@pytest.mark.parametrize("word", ["gets", "移住related", "ツーリズムes"])
def test_short_or_japanese_words_are_not_stemmed(word: str):
    assert _english_forms(word) == [word]


def test_a_superlative_on_one_english_side_picks_there_only():
    found = plan("How much more does the largest tourism measure get than deer?")
    first, second = found.sides
    assert first.pick is not None
    assert first.pick.within.topic == "観光"
    assert second.selection is not None
    assert second.selection.topic == "エゾシカ"
    tourism = max(r.budget for r in about("観光"))
    deer = sum(r.budget for r in about("エゾシカ"))
    assert f"{abs(tourism - deer):,}千円" in said(
        "How much more does the largest tourism measure get than deer?"
    )


@pytest.mark.parametrize("question", ["そうや の 施策 の 数", "宗谷　の　施策数", "宗谷の施策の数"])
def test_a_cue_typed_with_spaces_between_its_words_is_the_same_cue(question: str):
    assert plan(question).operation == "count"
    assert f"{sum(r.subprefecture == '宗谷' for r in ROWS)}件" in said(question).splitlines()[1]


@pytest.mark.parametrize(
    ("question", "unit", "low"),
    [
        ("予算が1,000万円以上の振興局はどこ？", "subprefecture", 10000),
        ("合計が1,000万円を超える振興局", "subprefecture", 10001),
        ("予算が2,000万円以上の連携地域は？", "area", 20000),
    ],
)
def test_a_budget_said_of_places_holds_for_their_totals(question: str, unit: str, low: int):
    found = plan(question)
    assert (found.selection.budget_of, found.operation) == (unit, "rank")
    totals = SUBPREFECTURE_TOTALS if unit == "subprefecture" else AREA_TOTALS
    kept = {name: total for name, total in totals.items() if total >= low}
    assert kept
    reply = said(question)
    assert all(f"{total:,}千円" in reply for total in kept.values())
    assert not any(f"{t:,}千円" in reply for n, t in totals.items() if n not in kept)


def test_places_counted_by_their_totals():
    kept = [s for s, total in SUBPREFECTURE_TOTALS.items() if total >= 10000]
    lead = said("予算1,000万円以上の振興局は何か所？").splitlines()[1]
    assert lead == f"予算合計10,000千円以上の振興局は {len(kept)}か所"


def test_a_budget_said_of_measures_of_places_stays_per_measure():
    found = plan("500万円以上の施策がある振興局はどこ")
    assert (found.selection.budget_of, found.operation) == ("measure", "where")


def test_than_inside_a_budget_range_divides_no_sides():
    found = plan("Compare tourism measures costing more than 3 million yen vs deer")
    assert [s.selection.topic for s in found.sides if s.selection] == ["観光", "エゾシカ"]


def test_a_clause_of_reason_says_nothing_that_is_asked():
    # 比べ and 振興局 in the reason would make it a comparison
    question = "他の振興局と比べたいので、まず釧路の施策の平均予算額を教えてください。"
    assert plan(question).operation == "mean"
    kushiro = [r.budget for r in ROWS if r.subprefecture == "釧路"]
    assert f"{statistics.fmean(kushiro):,.1f}".removesuffix(".0") in said(question)
    assert plan("道央の振興局でbudget少ないほうからbottom 2は？").unit == "subprefecture"  # から


@pytest.mark.parametrize(
    "question",
    [
        "道北の中での配分を説明する資料を作っているので、上川が道北連携地域の合計に占める割合を知りたいです。",
        "上川が道北連携地域の合計に占める割合は？",
    ],
)
def test_the_area_a_share_is_of_is_the_whole_not_the_part(question: str):
    found = plan(question)
    assert [r.name for r in found.selection.regions] == ["上川"]
    share = SUBPREFECTURE_TOTALS["上川"] / AREA_TOTALS["道北連携地域"] * 100
    assert f"{share:.1f}%" in said(question)


def test_what_the_data_holds_is_about_and_what_can_be_asked_is_help():
    assert plan("ﾃﾞｰﾀの中身ってなに？").operation == "about"
    assert (
        plan(
            "チームの新人に紹介したいので、このボットでどんなことが聞けるのか教えてください。"
        ).operation
        == "help"
    )


def test_not_iburi_takes_iburi_out():
    reply = said("ブリの事業やってるのってどこの振興局？いぶりじゃないよね？")
    buri = {r.subprefecture for r in ROWS if "ブリの" in r.measure + r.description}
    assert buri == {"渡島"}
    assert "渡島総合振興局" in reply.splitlines()[1]


def test_the_region_before_no_nanbai_is_what_the_other_is_measured_by():
    question = "そらちのエゾシカ肉の事業と、ねむろのエゾシカ肉の事業、ねむろのほうはそらちの何倍？"
    nemuro, sorachi = (
        sum(r.budget for r in about("エゾシカ肉") if r.subprefecture == s) for s in ("根室", "空知")
    )
    assert f"{nemuro / sorachi:.2f}倍" in said(question)


def test_or_between_topics_is_either_even_when_one_measure_has_both():
    question = "Are there any measures about geoparks or 国定公園?"
    assert plan(question).selection.any_topics == ["ジオパーク", "国定公園"]
    reply = said(question)
    assert all(r.measure[:15] in reply for r in about("ジオパーク") + about("国定公園"))


def test_names_and_amounts_asked_is_a_breakdown_by_measure():
    question = (
        "恐れ入りますが、「宇宙」に関連する施策がございましたら、施策名と予算額をお教えください。"
    )
    assert (plan(question).operation, plan(question).by) == ("breakdown", "measure")
    assert plan("石狩の予算も教えて").operation == "total"


def test_a_clause_of_reason_that_holds_the_subject_is_read_with_it():
    question = (
        "エゾシカ肉の事業が空知と根室の両方にあると聞いたのですが、"
        "予算が多いのはどちらの事業ですか？"
    )
    reply = said(question)
    venison = sorted(about("エゾシカ肉"), key=lambda r: -r.budget)
    assert [r.subprefecture for r in venison] == ["根室", "空知"]
    assert f"{venison[0].budget:,}千円" in reply
    assert f"{venison[1].budget:,}千円" in reply


def test_a_short_kana_word_the_table_writes_alone_is_a_topic_not_the_letters_of_iburi():
    question = "ぶりの事業が入ってるプロジェクト、全体の予算いくら？"
    (project,) = {r.project for r in ROWS if "ブリ" in r.measure + r.description}
    total = sum(r.budget for r in ROWS if r.project == project)
    assert plan(question).selection.project == project
    assert f"{total:,}千円" in said(question)
    assert "胆振" not in said("ぶりの事業は？")


def test_a_letter_inside_a_longer_word_is_no_cue():
    # 内 of 内容 and 案内 is not のうち, 別 of 特別 not a breakdown
    question = "事業の名称または内容に「ポストコロナ」を含む施策にはどのようなものがあるか、教えて"
    assert plan(question).unplaced == []
    assert plan("本ボットにはどのような形式で質問すればよいか、ご案内いただけますか").operation == (
        "help"
    )
    assert plan("振興局別の予算").operation == "breakdown"


def test_a_loanword_typed_in_hiragana_is_one_word():
    reply = said("わーけーしょん関連の事業は？")
    hits = [r for r in ROWS if "ワーケーション" in r.measure + r.description]
    assert hits
    assert all(r.measure in reply for r in hits)
    assert plan("道北の施策の真ん中の値おしえてー").unplaced == []


def test_a_compound_of_filler_words_is_filler():
    count = sum(1 for r in ROWS if r.area.startswith("道北"))
    assert f"{count}件" in said("いま画面に出てる道北の表、施策は何件ある？")
    assert plan("施策ひとつあたりの平均予算っていくら？").operation == "mean"


def test_the_budget_a_range_is_of_is_no_total_asked_for():
    question = "予算7,000千円ちょうど 施策 振興局"
    places = {r.subprefecture for r in ROWS if r.budget == 7000}
    assert len(places) == 3
    assert plan(question).operation == "where"
    reply = said(question)
    assert "7,000千円ちょうど" in reply
    assert all(p in reply for p in places)


def test_divided_by_is_a_ratio():
    nemuro, kushiro = SUBPREFECTURE_TOTALS["根室"], SUBPREFECTURE_TOTALS["釧路"]
    assert f"{nemuro / kushiro:.2f}倍" in said("What is Nemuro's budget divided by Kushiro's?")


def test_a_leading_clause_whose_noun_is_marked_with_wa_is_the_subject_not_an_aside():
    question = "オオカミ対策の事業はいま会議で議論しているんだけどいくらくらいなのか知りたいんです"
    reply = said(question)
    assert "オオカミ対策" in reply
    assert f"{sum(r.budget for r in ROWS):,}千円" not in reply
    assert plan("来週の会議で使うので、石狩の予算を教えて").unplaced == []


def test_a_topic_before_janai_or_igai_is_taken_out():
    tourism = about("観光")
    rest = [r for r in ROWS if r not in tourism]
    assert f"{len(rest)}件" in said("観光じゃない施策の数は？")
    north = [r for r in ROWS if r.area.startswith("道北") and r not in about("食")]
    assert plan("道北で食を除いた施策の平均").selection.regions[0].name == "道北連携地域"
    assert f"{sum(r.budget for r in north):,}千円" in said("道北で食を除いた施策の平均")
    assert "オオカミ" in said("オオカミ以外の事業の合計")


def test_a_comma_is_never_inside_a_region_name():
    # …じゃない、ブリ is not いぶり
    buri = {r.subprefecture for r in ROWS if "ブリの" in r.measure}
    reply = said("いぶりじゃない、ブリの事業はどこ？")
    assert all(f"{place}総合振興局" in reply for place in buri)
    assert "1か所" in reply


def test_a_count_said_to_check_is_what_the_count_answers():
    over = sum(1 for r in ROWS if r.budget > 3000)
    reply = said("300万円超えてる施策って10件以上ある？")
    assert f"{over}件" in reply
    assert plan("上位3件ある？").operation == "rank"


def test_an_amount_said_of_the_answer_is_checked_not_a_condition():
    okhotsk = SUBPREFECTURE_TOTALS["オホーツク"]
    reply = said("ｵﾎｰﾂｸ総合振興局の予算額って800万円超えてる？")
    assert f"はい、{okhotsk:,}千円で「8,000千円超」に当てはまります。" in reply
    north = statistics.median(r.budget for r in ROWS if r.area.startswith("道北"))
    reply = said("道北の施策の中央値って300万円台？")
    assert f"いいえ、{north:,.0f}千円で" in reply
    three = sum(SUBPREFECTURE_TOTALS[s] for s in ("釧路", "根室", "十勝"))
    assert three < 30000
    reply = said("釧路と根室と十勝、合わせて三千万円いく？")
    assert f"{three:,}千円" in reply
    assert reply.splitlines()[1].startswith("いいえ")
    assert plan("300万円以上の施策は？").check is None


def test_a_place_said_of_the_answer_is_checked_not_the_scope():
    reply = said("ジオパークの事業って日高だよね？")
    assert "はい、日高振興局です。" in reply
    assert "いいえ、胆振総合振興局ではありません。" in said("ブリの事業って胆振だっけ？")
    largest = max(ROWS, key=lambda r: r.budget)
    assert f"はい、{largest.subprefecture}振興局です。" in said("最大の施策って石狩？")


def test_a_share_or_ratio_said_to_check_is_the_share_or_ratio():
    assert plan("道央広域連携地域で全体の4割超えてる？").operation == "share"
    doo, donan = AREA_TOTALS["道央広域連携地域"], AREA_TOTALS["道南連携地域"]
    assert f"{doo / donan:.2f}倍" in said("道央広域は道南の2倍以上ある？")


def test_a_budget_range_taken_out_leaves_the_rest():
    left = [r for r in ROWS if r.area.startswith("道南") and r.budget >= 3000]
    assert f"{len(left)}件" in said("道南で300万円未満を除くと何件残る？")
    under = sum(r.budget for r in ROWS if r.budget < 5000)
    assert f"{under:,}千円" in said("500万円以上の施策以外の合計")


def test_regions_listed_before_nozoku_are_all_taken_out():
    rest = [r for r in ROWS if not r.area.startswith(("道央", "道南"))]
    largest = max(rest, key=lambda r: r.budget)
    assert [r.budget for r in rest].count(largest.budget) == 1
    assert largest.measure in said("道央と道南を除くと一番大きい施策は？")


def test_the_whole_of_a_share_is_what_is_left_after_a_region_is_taken_out():
    rest = sum(v for a, v in AREA_TOTALS.items() if not a.startswith("道央"))
    share = AREA_TOTALS["釧路・根室連携地域"] / rest * 100
    assert f"{share:.1f}%" in said("道央を除いた地域の中で、釧根が占める割合は？")


def test_what_a_measure_achieved_is_not_in_a_budget_table():
    assert "効果の数字はありません" in said("この事業の効果は？")
    assert plan("効果を高める事業は？").operation == "search"


def test_sentences_said_before_the_question_are_asides_unless_they_hold_it():
    mekong = "道南の資料を作ってる。渡島の施策名を全部並べてくれる？"
    reply = said(mekong)
    assert all(r.measure in reply for r in ROWS if r.subprefecture == "渡島")
    assert "檜山" not in reply
    largest = max(ROWS, key=lambda r: r.budget)
    assert largest.measure in said("予算の一番大きい施策を資料に載せたい。どの施策でいくら？")
    mean = sum(r.budget for r in ROWS) / len(ROWS)
    shown = f"{mean:,.1f}".removesuffix(".0")
    assert f"平均: 約{shown}千円" in said("平均値をメモしておきたい。全施策の平均予算はいくら？")


def test_a_figure_heard_is_checked_as_that_figure():
    (jomon,) = [r for r in ROWS if "JOMON" in r.measure]
    reply = said("JOMONの事業は7百万円って聞いたけど、合ってる？")
    assert reply.splitlines()[1] == (
        f"はい、{jomon.budget:,}千円で「{jomon.budget:,}千円ちょうど」に当てはまります。"
    )
    both = SUBPREFECTURE_TOTALS["上川"] + SUBPREFECTURE_TOTALS["宗谷"]
    assert f"{both:,}千円" in said("上川と宗谷の合計は？1千万円は超えてる？")


def test_a_cue_inside_a_longer_word_is_no_cue():
    (place,) = {
        r.subprefecture for r in about("ワイン") if "エゾシカ肉" in r.measure + r.description
    }
    reply = said("ワインとエゾシカ肉を組み合わせた取り組みは、どこの管内？")
    assert f"{place}総合振興局" in reply.splitlines()[1]


def test_a_budget_said_of_projects_is_each_projects_total():
    totals: dict[str, int] = {}
    for r in ROWS:
        totals[r.project] = totals.get(r.project, 0) + r.budget
    over = sorted((v for v in totals.values() if v > 10000), reverse=True)
    reply = said("局をまたいで合算したとき、1,000万円を超えるプロジェクトを多い順に全部")
    assert f"{len(over)}件" in reply
    assert all(f"{v:,}千円" in reply for v in over)


def test_the_top_of_each_region_is_a_pick_per_side():
    tops = [
        max((r for r in ROWS if r.subprefecture == s), key=lambda r: r.budget)
        for s in ("石狩", "胆振")
    ]
    reply = said("石狩のトップの事業と胆振のトップの事業、額を足すといくら？")
    assert f"{sum(r.budget for r in tops):,}千円" in reply
    assert plan("トップの施策は？").operation == "pick"


def test_a_subprefecture_taken_out_of_the_area_said_after_it():
    north = sum(r.budget for r in ROWS if r.area.startswith("道北") and r.subprefecture != "上川")
    both = north + SUBPREFECTURE_TOTALS["オホーツク"]
    assert f"{both:,}千円" in said("上川以外の道北と、オホーツクを合わせた額")


def test_a_breakdown_of_a_keyword_shows_the_subtotals():
    reply = said("きた北海道のやつ、振興局ごとにいくら？")
    rows = [r for r in ROWS if "きた北海道" in r.project]
    for place in {r.subprefecture for r in rows}:
        subtotal = sum(r.budget for r in rows if r.subprefecture == place)
        assert any(place in line and f"{subtotal:,}千円" in line for line in reply.splitlines())


def test_a_total_handed_over_is_a_total_not_a_list():
    assert f"{AREA_TOTALS['道南連携地域']:,}千円" in figure("道南の予算合計出して")
    assert plan("道南の施策を出して").operation == "list"


def test_a_wrong_kanji_before_kyoku_is_the_shinkokyoku_it_sounds_like():
    assert plan("いしかり進行局の合計っていくら？").unplaced == []
    assert plan("進行局を予算の多い順に3つ並べて").operation == "rank"


def test_a_subprefecture_suffix_typed_apart_is_no_unit_asked_for():
    reply = said("What 施策 does Soya 振興局 have?")
    assert all(r.measure in reply for r in ROWS if r.subprefecture == "宗谷")


def test_a_measure_and_a_region_said_apart_are_two_sides():
    (deer,) = [r for r in ROWS if "根室ディア" in r.measure]
    both = deer.budget + SUBPREFECTURE_TOTALS["十勝"]
    assert f"{both:,}千円" in said("根室ディアの事業と十勝総合振興局全体を足すといくら？")


def test_a_region_and_the_nth_are_two_sides():
    second = sorted(SUBPREFECTURE_TOTALS.values(), reverse=True)[1]
    gap = SUBPREFECTURE_TOTALS["石狩"] - second
    question = "石狩がトップなのは分かった。じゃあ2位の振興局とはどれくらい差があるの？"
    assert f"{gap:,}千円" in said(question)


def test_a_word_the_name_ends_with_may_be_the_word_project():
    named = [r for r in ROWS if "プロジェクト" in r.measure]
    question = "プロジェクトじゃなくて施策の方で、名前がプロジェクトで終わってるのは何件？"
    assert f"{len(named)}件" in said(question)


def test_an_area_broken_down_is_not_weighed_against_its_own_subprefecture():
    reply = said("釧路・根室の振興局別の額、根室の方が上だっけ？")
    assert f"{SUBPREFECTURE_TOTALS['釧路']:,}千円" in reply
    assert f"{SUBPREFECTURE_TOTALS['根室']:,}千円" in reply


def test_a_range_and_the_rest_are_two_sides():
    over = sum(r.budget for r in ROWS if r.budget >= 5000)
    under = sum(r.budget for r in ROWS if r.budget < 5000)
    reply = said("5,000,000円以上の施策の合計は、それ未満の施策の合計の何倍？")
    assert f"{over / under:.2f}倍" in reply


def test_a_figure_in_brackets_is_a_note_and_a_quoted_word_is_read_whole():
    question = (
        "留萌のオロロンラインの事業（5百万ちょっと）と、根室の「食と観光」の事業、予算が多いのは？"
    )
    nemuro = max((r for r in ROWS if r.subprefecture == "根室"), key=lambda r: r.budget)
    assert "食と観光" in nemuro.measure
    assert f"{nemuro.budget:,}千円" in said(question)


def test_an_amount_that_says_which_measures_is_no_check():
    question = "移住に関わる事業で、予算が300万円以上のものは？"
    assert plan(question).check is None
    assert plan(question).operation == "list"


def test_the_first_number_of_a_range_takes_the_unit_the_second_is_written_in():
    band = [r for r in ROWS if 2000 <= r.budget <= 3000]
    reply = said("予算2,000〜3,000千円レンジの施策をピックアップして")
    assert f"施策 {len(band)}件" in reply
    assert all(r.measure[:12] in reply for r in band)


def test_the_top_n_added_up_is_a_sum_of_the_first_n():
    first, second = sorted(SUBPREFECTURE_TOTALS.values(), reverse=True)[:2]
    assert f"{first + second:,}千円" in said("予算上位2つの振興局を足すといくらになる？")


def test_two_groups_of_words_joined_by_to_are_two_sides():
    question = "炭鉱の記憶を活かす事業と宇宙の理解を広める事業、どっちが予算多い？"
    (coal,) = [r for r in ROWS if "炭鉄港" in r.measure]
    (space,) = [r for r in ROWS if "宇宙" in r.measure]
    reply = said(question)
    assert f"{coal.budget:,}千円" in reply
    assert f"{space.budget:,}千円" in reply


def test_which_ones_and_how_many_is_a_list_that_says_how_many():
    band = [r for r in ROWS if 6000 <= r.budget < 7000]
    reply = said("6,000千円以上7,000千円未満の施策はどれ？全部で何件？")
    assert f"施策 {len(band)}件" in reply
    assert all(r.measure[:12] in reply for r in band)


def test_an_area_suffix_typed_after_it_asks_for_no_unit():
    south = max((r for r in ROWS if r.area.startswith("道南")), key=lambda r: r.budget)
    assert south.measure in said("道南エリアでNo.1の施策は？")
    assert plan("道央 振興局 一覧").unit == "subprefecture"


def test_a_breakdown_asked_with_which_is_larger_is_the_breakdown():
    reply = said("道南を振興局別に内訳出して、どっちが多いかも")
    assert f"{SUBPREFECTURE_TOTALS['渡島']:,}千円" in reply
    assert f"{SUBPREFECTURE_TOTALS['檜山']:,}千円" in reply


def test_regions_said_in_a_sentence_before_the_question_are_what_it_refers_to():
    question = (
        "お疲れ様です。道南と道北の合同会議の準備を進めております。"
        "両連携地域の予算額を合算した金額を教えていただけますでしょうか。"
    )
    both = AREA_TOTALS["道南連携地域"] + AREA_TOTALS["道北連携地域"]
    assert f"{both:,}千円" in said(question)
    median = statistics.median(r.budget for r in ROWS)
    reply = said("平均だと石狩に引っ張られる気がする。全体の中央値はいくら？")
    assert f"{median:,.0f}千円" in reply


def test_a_second_thought_after_the_question_leaves_the_question_answered():
    okhotsk = sum(1 for r in ROWS if r.subprefecture == "オホーツク")
    assert f"{okhotsk}件" in said("オホーツクの施策は何件？十勝と同じ数？")
    mean = statistics.mean(r.budget for r in ROWS)
    reply = said("全道の施策1件あたりの平均予算額をご教示いただけますか。千円単位で結構です。")
    assert f"{mean:,.1f}".removesuffix(".0") in reply
    ishikari = SUBPREFECTURE_TOTALS["石狩"] - SUBPREFECTURE_TOTALS["釧路"]
    reply = said("あのー石狩と釧路の差っていくらぐらいあるのかなちなみに千円単位でいいよ")
    assert f"{ishikari:,}千円" in reply


def test_a_remark_after_the_question_changes_nothing():
    both = SUBPREFECTURE_TOTALS["十勝"] + SUBPREFECTURE_TOTALS["オホーツク"]
    reply = said("十勝とオホーツク合わせたらなんぼ？めっちゃ少なそうやけど")
    assert f"{both:,}千円" in reply
    assert "宗谷" not in reply  # the そうや of 少なそうやけど is no region
    median = statistics.median(r.budget for r in ROWS)
    reply = said("全部の施策の予算、真ん中の値ってなんぼ？平均やと石狩に引っ張られそうやし中央値で")
    assert f"{median:,.0f}千円" in reply


def test_a_sentence_after_the_question_is_never_read_as_its_reason():
    question = (
        "恐縮ですが、道央広域連携地域の施策を予算額の大きい順に上位５件ご教示いただけますでしょうか。"
        "会議で読み上げますので金額もお願いします。"
    )
    top = sorted((r for r in ROWS if r.area.startswith("道央")), key=lambda r: -r.budget)[:5]
    reply = said(question)
    assert all(f"{r.budget:,}千円" in reply for r in top)


def test_romaji_slips_and_kunrei_spellings_name_the_region():
    assert f"{SUBPREFECTURE_TOTALS['釧路']:,}千円" in said("What is the total budget for Kusiro?")
    both = SUBPREFECTURE_TOTALS["十勝"] + SUBPREFECTURE_TOTALS["日高"]
    assert f"{both:,}千円" in said("If you add Tokati's budget and Hidakka's budget together?")
    assert f"{SUBPREFECTURE_TOTALS['石狩']:,}千円" in said("Ishkari budget")


def test_a_kanji_numeral_after_top_is_how_many():
    reply = said("振興局の予算トップ三、教えてー")
    fourth = sorted(SUBPREFECTURE_TOTALS.values(), reverse=True)[3]
    assert f"{fourth:,}千円" not in reply
    assert plan("振興局の予算トップ三、教えてー").n == 3


def test_a_total_checked_after_sum_it_up_is_a_check_not_a_condition():
    total = sum(r.budget for r in ROWS)
    reply = said("打合せ用に数字ほしいんやけど、全道で合計すると１億円超えてるん？なんぼか教えて")
    assert f"{total:,}千円" in reply
    assert "はい" in reply


@pytest.mark.parametrize(
    ("question", "operation"),
    [
        ("どう聞けばいいの？ 振興局ごとの金額が知りたいときは", "help"),
        ("施策と振興局を比べたいときって、どういう聞き方をすればいい？", "help"),
        ("初めて使うんですけど、どんなことを聞けば答えてくれるんですか？", "help"),
        ("炭鉱の記憶とかニシンの事業とか載ってるけど、この表っていつの年度の予算？", "about"),
        ("根室ディアの事業も十勝のプロジェクトも並んでるこの表、金額の単位って何？", "about"),
        ("このデータ 道内の地域プロジェクト全部載ってる？ 主なものだけ？", "about"),
    ],
)
def test_a_question_about_asking_or_the_table_is_that_whatever_it_names(
    question: str, operation: str
):
    assert plan(question).operation == operation
    assert ask(K, question).kind == operation


def test_a_unit_typed_apart_from_its_number_is_the_amount():
    band = [r for r in ROWS if 3000 <= r.budget <= 3500]
    reply = said("Which 施策 have budgets between 3,000 and 3,500 千円?")
    assert band
    assert all(r.measure[:12] in reply for r in band)


def test_number_one_and_number_two_are_the_first_and_the_second():
    first, second = sorted(SUBPREFECTURE_TOTALS.values(), reverse=True)[:2]
    assert f"{first / second:.2f}倍" in said("No.1振興局はNo.2振興局の何倍？")
    gap = first - min(SUBPREFECTURE_TOTALS.values())
    assert f"{gap:,}千円" in said("No.1の振興局と最下位の振興局のギャップは？")


def test_polite_ways_of_asking_which_and_how_many():
    iburi, nemuro = SUBPREFECTURE_TOTALS["胆振"], SUBPREFECTURE_TOTALS["根室"]
    reply = said(
        "胆振総合振興局と根室振興局では、いずれの予算額が多いかご教示いただけますでしょうか。"
    )
    assert f"{iburi:,}千円" in reply
    assert f"{nemuro:,}千円" in reply
    tied = sum(1 for r in ROWS if r.budget == 7000)
    assert f"{tied}件" in said("予算がぴったり7,000千円の施策ってなんぼあるん？")


def test_a_clause_of_purpose_and_asking_leave_are_not_the_question():
    kushiro = [r.budget for r in ROWS if r.subprefecture == "釧路"]
    question = (
        "お疲れ様です。分析資料の作成にあたり、"
        "釧路総合振興局の施策1件あたりの平均予算額を教えていただけますでしょうか。"
    )
    assert f"{statistics.mean(kushiro):,.1f}".removesuffix(".0") in said(question)
    question = (
        "お疲れ様です。資料の注記に記載するため確認させてください。"
        "この表に予算が掲載されている振興局は全部でいくつありますか。"
    )
    assert f"{len(SUBPREFECTURE_TOTALS)}" in said(question)


def test_topics_listed_with_ya_name_the_measures_of_either_counted_once():
    either = [
        r
        for r in ROWS
        if any(t in f"{r.measure}{r.project}{r.description}" for t in ("移住", "関係人口"))
    ]
    assert f"{sum(r.budget for r in either):,}千円" in said("移住や関係人口の施策の合計")


def test_sub_is_what_the_team_calls_a_subprefecture():
    runs = sorted({r.subprefecture for r in ROWS if r.project.startswith("環境保全")})
    reply = said("環境保全と地域資源の有効利用推進プロジェクト、どのsubでやってる？")
    assert all(name in reply for name in runs)


@pytest.mark.parametrize(
    "question", ["じゃあその中で道北のは？", "その内訳は？", "そのうち一番大きいのは？"]
)
def test_a_question_pointing_back_with_nothing_before_it_is_asked_back(question: str):
    answer = ask(K, question)
    assert isinstance(answer, ClarifyAnswer)
    reply = said(question)
    assert "前の答えがありません" in reply
    assert "千円" not in reply


def test_words_that_only_look_like_pointing_back_are_read_as_usual():
    assert (
        not plan("その他の事業は？").unplaced
        or plan("その他の事業は？").unplaced[0].reason != "earlier"
    )
    assert f"{sum(r.budget for r in ROWS):,}千円" in said("それぞれの振興局の予算は？")


def test_the_middle_of_the_measures_lined_up_is_the_median():
    median = statistics.median(r.budget for r in ROWS)
    assert f"{median:,.0f}千円" in said("全部の施策並べたときの真ん中っていくら？")
    reply = said("全部の施策の中央値ってなんぼ？平均だと石狩に引っ張られそうだからさ")
    assert f"{median:,.0f}千円" in reply
    assert "石狩振興局" not in reply


def test_the_question_offered_without_the_pointing_words_starts_with_what_is_asked():
    answer = ask(K, "それを金額の大きい順にして")
    assert isinstance(answer, ClarifyAnswer)
    assert [c.question for c in answer.choices] == ["金額の大きい順にして"]


@pytest.mark.parametrize(
    "preamble",
    [
        "お疲れ様です。資料作成中でして、",
        "恐れ入ります、会議資料を取りまとめておりまして。",
        "分析資料を作成しておりまして、",
    ],
)
def test_what_the_asker_is_doing_is_not_what_is_asked(preamble: str):
    # 資料, 作成, 取りまとめ are about the asker's work, not words a measure has
    rows = [r for r in ROWS if r.area == "道北連携地域"]
    median = statistics.median(r.budget for r in rows)
    question = f"{preamble}道北連携地域の施策予算額の中央値をご教示いただけますでしょうか。"
    assert plan(question).unplaced == []
    assert f"中央値 {median:,.0f}千円" in render_text(ask(K, question), K.source)


def test_how_many_of_a_money_unit_asks_an_amount_not_a_count():
    grand = sum(r.budget for r in ROWS)
    reply = render_text(ask(K, "Roughly how many 億円 do all the measures add up to?"), K.source)
    assert f"{grand:,}千円" in reply
    assert plan("how many measures does Tokachi have?").operation == "count"


def test_coverage_asks_what_the_table_holds():
    assert plan("What's the coverage of this table?").operation == "about"


def test_inclusive_and_both_ends_are_how_a_range_is_said():
    budgets = [r.budget for r in ROWS if 3000 <= r.budget <= 5000]
    for question in (
        "What's the combined budget of measures between 3 and 5 million yen, inclusive?",
        "Total of the measures between 3 and 5 million yen, both ends included?",
    ):
        assert plan(question).unplaced == []
        assert f"{sum(budgets):,}千円" in render_text(ask(K, question), K.source)


def test_which_single_measure_is_the_unit_not_the_area_it_is_in():
    rows = [r for r in ROWS if r.area == "釧路・根室連携地域"]
    top = max(rows, key=lambda r: r.budget)
    question = "Which single measure has the largest budget in the Kushiro-Nemuro cooperation area?"
    reply = render_text(ask(K, question), K.source)
    assert top.measure in reply
    assert f"{top.budget:,}千円" in reply
    assert plan("Within the Dohoku area, which project is the largest?").unit == "project"


def test_a_romaji_name_with_its_kind_in_brackets_is_still_a_region():
    sides = plan("Kushiro to Nemuro (振興局), dotchi ga ooi?").sides
    assert [s.selection.regions[0].name for s in sides if s.selection] == ["釧路", "根室"]


def test_name_or_description_is_anywhere_and_which_shinkokyoku_asks_where():
    places = {
        r.subprefecture for r in ROWS if "ツーリズム" in r.measure + r.project + r.description
    }
    question = "Which 振興局 have a measure that mentions ツーリズム in its name or description?"
    answer = ask(K, question)
    assert answer.kind == "where"
    headline = answer.headline()
    assert headline is not None
    assert set(headline.items) == places


def test_not_only_that_region_is_a_remark_not_a_filter():
    kita = next(r.project for r in ROWS if "きた北海道" in r.project)
    places = {r.subprefecture for r in ROWS if r.project == kita}
    assert len(places) > 1
    headline = ask(
        K, "「きた北海道」のプロジェクトってどこの振興局？上川だけじゃないっしょ"
    ).headline()
    assert headline is not None
    assert set(headline.items) == places


def test_the_closing_of_a_message_is_no_request_of_its_own():
    both = SUBPREFECTURE_TOTALS["宗谷"] + SUBPREFECTURE_TOTALS["根室"]
    question = "宗谷と根室の予算額を合算した金額をお知らせください。よろしくお願いいたします。"
    assert f"{both:,}千円" in render_text(ask(K, question), K.source)


def test_exactly_an_amount_in_english_is_that_budget():
    exact = {r.measure for r in ROWS if r.budget == 7000}
    assert len(exact) > 1
    answer = ask(K, "List the measures budgeted at exactly ¥7,000,000.")
    headline = answer.headline()
    assert headline is not None
    assert set(headline.items) == exact


@pytest.mark.parametrize(
    "question",
    [
        "複数の振興局にまたがるプロジェクトは？",
        "複数振興局 実施 プロジェクト 一覧",
        "Which projects run in more than one subprefecture?",
    ],
)
def test_projects_of_several_subprefectures_are_only_those(question: str):
    places: dict[str, set[str]] = {}
    for r in ROWS:
        places.setdefault(r.project, set()).add(r.subprefecture)
    shared = {p for p, where in places.items() if len(where) > 1}
    assert 1 < len(shared) < len(places)
    headline = ask(K, question).headline()
    assert headline is not None
    assert set(headline.items) == shared
    reply = render_text(ask(K, question), K.source)
    assert "複数振興局実施分" in reply


def test_a_project_counted_once_across_subprefectures_is_no_filter():
    question = "予算の大きいプロジェクトを上位3件。複数の振興局で実施されているものは合算で"
    assert not plan(question).selection.shared
    assert not plan(
        "the largest project, summing one that runs in several subprefectures"
    ).selection.shared


def test_an_example_said_after_the_question_is_a_remark():
    deer = {r.measure for r in ROWS if "エゾシカ" in r.measure + r.description}
    assert len(deer) == 2
    reply = render_text(ask(K, "エゾシカ関係の施策って何がある？ジビエとか"), K.source)
    assert all(m in reply for m in deer)


@pytest.mark.parametrize(
    ("question", "area", "left_out"),
    [
        ("total of Doo excluding Iburi", "道央広域連携地域", "胆振"),
        ("What's the Douhoku total except Kamikawa?", "道北連携地域", "上川"),
        ("道央の胆振以外の合計", "道央広域連携地域", "胆振"),
    ],
)
def test_english_says_what_it_leaves_out_after_the_word(question: str, area: str, left_out: str):
    # excluding Iburi leaves out 胆振, never the 道央 said before the word
    rest = sum(r.budget for r in ROWS if r.area == area and r.subprefecture != left_out)
    assert f"{rest:,}千円" in render_text(ask(K, question), K.source)


def test_english_is_it_over_checks_the_answer_not_the_measures():
    grand = sum(r.budget for r in ROWS)
    assert grand > 100_000
    question = "What's the grand total for all of Hokkaido — is it over 100 million yen?"
    reply = render_text(ask(K, question), K.source)
    assert reply.splitlines()[1] == f"はい、{grand:,}千円で「100,000千円超」に当てはまります。"


def test_a_budget_left_out_of_the_measures_is_its_complement():
    budgets = sorted(r.budget for r in ROWS if r.budget >= 1000)
    question = "100万円未満のmeasureを除いた、つまり1,000千円以上のやつだけでmedianは？"
    assert f"中央値 {statistics.median(budgets):,.0f}千円" in render_text(
        ask(K, question), K.source
    )


@pytest.mark.parametrize(
    "question",
    ["道央の振興局ランキング、2位はどこ？", "Douo no shinkoukyoku ranking, 2-i wa doko?"],
)
def test_one_place_of_a_ranking_is_that_place(question: str):
    douo = sorted(
        (
            (t, s)
            for s, t in SUBPREFECTURE_TOTALS.items()
            if any(r.subprefecture == s and r.area == "道央広域連携地域" for r in ROWS)
        ),
        reverse=True,
    )
    second_total, second = douo[1]
    answer = ask(K, question)
    assert answer.kind == "pick"
    reply = render_text(answer, K.source)
    assert second in reply
    assert f"{second_total:,}千円" in reply


def test_a_project_word_said_with_a_region_is_the_one_that_region_runs():
    tourism = {r.project for r in ROWS if "観光" in r.project}
    hidaka = {r.project for r in ROWS if r.subprefecture == "日高"} & tourism
    assert len(tourism) > 1
    assert len(hidaka) == 1
    [project] = hidaka
    part = sum(r.budget for r in ROWS if r.project == project and r.subprefecture == "日高")
    share = 100 * part / SUBPREFECTURE_TOTALS["日高"]
    reply = render_text(ask(K, "Hidakaのbudgetのうち、観光projectのshareって何%？"), K.source)
    assert f"{share:.1f}%" in reply


def test_measures_then_their_budget_total_is_one_total():
    # 事業、予算合計: the measures' total, not each measure with its budget
    deer = sum(r.budget for r in ROWS if "エゾシカ" in r.measure)
    answer = ask(K, "エゾシカ肉関連の事業、予算合計いくら？")
    assert answer.kind == "total"
    assert f"{deer:,}千円" in render_text(answer, K.source)
