"""The parser on the shipped document, on tiny variants, and on every kind of bad data."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from knowledge.errors import DataFileMissingError, DataFormatError
from knowledge.parser import SHIPPED_DATA, load_dataset, parse_budget, parse_document
from tests.source_table import AREA_TOTALS, GRAND_TOTAL, ROWS, SEED_FILE, SUBPREFECTURE_TOTALS

FIXTURES = Path(__file__).parent / "fixtures"


SHIPPED_SHA256 = "32334b539d437494f2e91d9b2f3398cdab73dcbecc781d75b6f9ae55b184e1be"


def test_shipped_file_is_the_source_document_unchanged():
    shipped = SHIPPED_DATA.read_bytes()
    assert hashlib.sha256(shipped).hexdigest() == SHIPPED_SHA256
    if SEED_FILE.exists():  # shared/ lies beside the checkout on the team's machines and in CI
        assert shipped == SEED_FILE.read_bytes()


def test_shipped_document_counts():
    dataset = load_dataset()
    assert len(dataset.areas) == 6
    assert len(dataset.subprefectures) == 14
    assert sum(len(s.projects) for s in dataset.subprefectures) == 26
    assert len({p.name for s in dataset.subprefectures for p in s.projects}) == 21
    assert len(dataset.rows()) == 31 == len(ROWS)
    assert dataset.total_thousand_yen == GRAND_TOTAL == 115_135


def test_shipped_document_totals_match_the_rows():
    dataset = load_dataset()
    assert {a.name: a.total_thousand_yen for a in dataset.areas} == AREA_TOTALS
    assert {s.name: s.total_thousand_yen for s in dataset.subprefectures} == SUBPREFECTURE_TOTALS


def test_every_measure_keeps_its_source_line_and_budget():
    rows = load_dataset().rows()
    assert [
        (r.line, r.subprefecture, r.project, r.measure, r.budget_thousand_yen) for r in rows
    ] == [(r.line, r.subprefecture, r.project, r.measure, r.budget) for r in ROWS]


def test_metadata_comes_from_the_document():
    dataset = load_dataset()
    assert dataset.title == "連携地域別政策展開方針に基づく地域プロジェクトの推進"
    assert dataset.fiscal_year is not None
    assert (dataset.fiscal_year.label, dataset.fiscal_year.western_year) == ("令和3年度", 2021)
    assert dataset.declared_project_count == 51
    assert dataset.unit == "千円"


def test_measure_cell_is_split_into_name_and_description():
    measure = load_dataset().areas[0].subprefectures[0].projects[0].measures[0]
    assert measure.name == "日本遺産「炭鉄港」広域連携推進事業"
    assert measure.description.startswith("日本遺産「炭鉄港」を活用した")
    assert measure.budget_thousand_yen == 5715
    assert measure.line == 12


def test_small_valid_file_with_continuations_and_full_width_digits():
    dataset = load_dataset(FIXTURES / "valid_small.txt")
    assert [a.name for a in dataset.areas] == ["道央広域連携地域", "道南連携地域"]
    sorachi = dataset.areas[0].subprefectures[0]
    assert [(p.name, [m.name for m in p.measures]) for p in sorachi.projects] == [
        ("Aプロジェクト", ["施策あ"]),
        ("Bプロジェクト", ["施策い", "施策う"]),
    ]
    assert sorachi.total_thousand_yen == 1000 + 2500 + 500
    assert dataset.total_thousand_yen == 1000 + 2500 + 500 + 12 + 7
    assert dataset.fiscal_year is not None
    assert dataset.fiscal_year.label == "令和4年度"
    assert dataset.declared_project_count == 3
    assert dataset.areas[0].subprefectures[1].projects[0].measures[0].description == ""


def test_crlf_and_bom_are_read_like_plain_lines():
    text = (FIXTURES / "valid_small.txt").read_text(encoding="utf-8")
    plain = parse_document(text)
    windows = parse_document("\ufeff" + text.replace("\n", "\r\n"))
    assert windows.rows() == plain.rows()


@pytest.mark.parametrize(
    ("fixture", "line", "reason"),
    [
        ("bad_budget.txt", 7, "予算額「abc」が数値ではありません"),
        ("row_before_heading.txt", 2, "連携地域の見出しより前に表の行があります"),
        ("wrong_columns.txt", 7, "列の数が 3 です"),
        ("no_brackets.txt", 6, "【施策名】で始まっていません"),
        ("bad_unit.txt", 3, "単位が「円」です"),
        ("empty_first_subprefecture.txt", 6, "地域区分が空です"),
        ("missing_header.txt", 5, "見出し行"),
        ("no_tables.txt", 1, "連携地域の見出し"),
    ],
)
def test_bad_data_is_refused_with_file_line_and_reason(fixture: str, line: int, reason: str):
    path = FIXTURES / fixture
    with pytest.raises(DataFormatError) as caught:
        load_dataset(path)
    first = caught.value.issues[0]
    assert (first.line, reason in first.reason) == (line, True), first
    assert f"{path}:{line}: " in str(caught.value)


def test_every_problem_of_a_file_is_reported_not_just_the_first():
    with pytest.raises(DataFormatError) as caught:
        load_dataset(FIXTURES / "several_problems.txt")
    assert [(i.line, i.reason.split("（")[0]) for i in caught.value.issues] == [
        (7, "予算額「5,00」が数値ではありません"),
        (8, "主なプロジェクトが空です"),
        (8, "予算額が空です"),
    ]


def _shipped_with(line_number: int, new_line: str) -> str:
    lines = SHIPPED_DATA.read_text(encoding="utf-8").split("\n")
    lines[line_number - 1] = new_line
    return "\n".join(lines)


def test_one_bad_row_in_the_real_document_refuses_the_whole_file():
    text = _shipped_with(13, "\t空知の魅力発信プロジェクト\t【空知地域エゾシカ肉】 説明\t9OO")
    with pytest.raises(DataFormatError) as caught:
        parse_document(text, source="r3.txt")
    assert [(i.line, "9OO" in i.reason) for i in caught.value.issues] == [(13, True)]


def test_a_section_without_its_unit_line_is_named():
    text = _shipped_with(26, "")  # 道南連携地域 loses its (単位：千円)
    with pytest.raises(DataFormatError) as caught:
        parse_document(text)
    assert caught.value.issues[0].line == 24
    assert "単位の行" in caught.value.issues[0].reason


def test_a_second_section_with_another_year_is_refused():
    text = _shipped_with(28, "地域区分\t主なプロジェクト\t主な施策\tR4 予算額")
    with pytest.raises(DataFormatError) as caught:
        parse_document(text)
    assert caught.value.issues[0].line == 28
    assert "R4 予算額" in caught.value.issues[0].reason


def test_a_subprefecture_under_two_areas_is_refused():
    text = _shipped_with(
        29, "空知\t新幹線開業を活かした交流人口拡大プロジェクト\t【施策】 説明\t7,000"
    )
    with pytest.raises(DataFormatError) as caught:
        parse_document(text)
    assert caught.value.issues[0].line == 29
    assert "道央広域連携地域" in caught.value.issues[0].reason


def test_a_file_that_is_not_utf8_names_the_line(tmp_path: Path):
    path = tmp_path / "sjis.txt"
    path.write_bytes((FIXTURES / "valid_small.txt").read_text(encoding="utf-8").encode("shift_jis"))
    with pytest.raises(DataFormatError) as caught:
        load_dataset(path)
    assert caught.value.issues[0].line == 1
    assert "UTF-8" in caught.value.issues[0].reason


def test_a_missing_file_is_a_clear_error(tmp_path: Path):
    with pytest.raises(DataFileMissingError, match="ありません"):
        load_dataset(tmp_path / "nothing.txt")


@pytest.mark.parametrize(
    ("cell", "value"), [("5,715", 5715), ("900", 900), ("１，２３４", 1234), (" 0 ", 0)]
)
def test_budgets(cell: str, value: int):
    assert parse_budget(cell) == value


@pytest.mark.parametrize("cell", ["", "abc", "5,71", "-5", "5.7", "1,2345", "△100"])
def test_budgets_that_are_not_numbers(cell: str):
    with pytest.raises(ValueError, match="予算額"):
        parse_budget(cell)
