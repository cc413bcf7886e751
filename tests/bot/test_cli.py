"""The command line through the real entry point: figures, the JSON contract, batch mode, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.bot.conftest import RunBot
from tests.source_table import AREA_TOTALS, DATA_FILE, GRAND_TOTAL, ROWS, SUBPREFECTURE_TOTALS

FIXTURES = Path(__file__).parent.parent / "knowledge" / "fixtures"
CONTRACT = {"kind", "total_thousand_yen", "results", "groups", "text"}
ROW_FIELDS = {"area", "subprefecture", "project", "measure", "budget_thousand_yen"}


def one_json(run: RunBot, *args: str, stdin: str | None = None) -> dict[str, Any]:
    done = run(*args, "--json", stdin=stdin)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1, done.stdout
    answer: dict[str, Any] = json.loads(lines[0])
    return answer


def test_total_of_sorachi(run_bot: RunBot):
    answer = one_json(run_bot, "total", "空知")
    assert answer["total_thousand_yen"] == 6615 == SUBPREFECTURE_TOTALS["空知"]
    assert answer.keys() >= CONTRACT
    assert answer["kind"] == "total"
    assert "6,615千円（約662万円）" in answer["text"]


def test_total_of_everything(run_bot: RunBot):
    answer = one_json(run_bot, "total")
    assert answer["total_thousand_yen"] == 115135 == GRAND_TOTAL
    assert [(g["name"], g["total_thousand_yen"]) for g in answer["groups"]] == list(
        AREA_TOTALS.items()
    )
    assert len(answer["results"]) == len(ROWS)
    assert all(row.keys() >= ROW_FIELDS for row in answer["results"])


def test_every_area_and_subprefecture_total_in_one_batch(run_bot: RunBot):
    names = [*AREA_TOTALS, *SUBPREFECTURE_TOTALS]
    done = run_bot("total", "--json", stdin="\n".join(names) + "\n")
    assert done.returncode == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    expected = [*AREA_TOTALS.values(), *SUBPREFECTURE_TOTALS.values()]
    assert [a["total_thousand_yen"] for a in answers] == expected
    assert [a["scope"]["name"] for a in answers] == names


def test_search_ranks_both_ezoshika_measures_first(run_bot: RunBot):
    answer = one_json(run_bot, "search", "エゾシカ")
    assert [r["measure"] for r in answer["results"][:2]] == [
        "空知地域エゾシカ肉有効活用需要喚起事業",
        "根室地域産エゾシカ肉「根室ディア」普及促進事業",
    ]
    assert answer["kind"] == "search"


@pytest.mark.parametrize(
    ("args", "kind"),
    [
        (("list", "十勝"), "list"),
        (("top", "3"), "rank"),
        (("compare", "空知", "石狩"), "compare"),
        (("ask", "空知の予算は？"), "total"),
        (("about",), "about"),
        (("help",), "help"),
        (("合計", "空知"), "total"),
    ],
)
def test_every_command_prints_one_json_object_with_the_contract(
    run_bot: RunBot, args: tuple[str, ...], kind: str
):
    answer = one_json(run_bot, *args)
    assert answer["kind"] == kind
    assert answer.keys() >= CONTRACT
    assert answer["text"]


def test_top_and_compare_figures(run_bot: RunBot):
    top = one_json(run_bot, "top", "2")
    assert [r["budget_thousand_yen"] for r in top["results"]] == sorted(
        (r.budget for r in ROWS), reverse=True
    )[:2]
    compare = one_json(run_bot, "compare", "道央", "道南")
    assert [g["total_thousand_yen"] for g in compare["groups"]] == [
        AREA_TOTALS["道央広域連携地域"],
        AREA_TOTALS["道南連携地域"],
    ]
    assert (
        compare["difference_thousand_yen"]
        == AREA_TOTALS["道央広域連携地域"] - AREA_TOTALS["道南連携地域"]
    )


def test_batch_of_questions_is_json_lines(run_bot: RunBot):
    done = run_bot("ask", "--json", stdin="空知の予算は？\n\nエゾシカ\n予算が一番大きい事業は？\n")
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a["kind"] for a in answers] == ["total", "search", "pick"]
    assert [a["question"] for a in answers] == [
        "空知の予算は？",
        "エゾシカ",
        "予算が一番大きい事業は？",
    ]


def test_batch_compare_and_top_lines(run_bot: RunBot):
    done = run_bot("compare", "--json", stdin="空知 石狩\n道央、道南、釧根\n")
    assert [len(json.loads(line)["groups"]) for line in done.stdout.splitlines()] == [2, 3]
    done = run_bot("top", "--json", stdin="1\n3\n")
    assert [len(json.loads(line)["results"]) for line in done.stdout.splitlines()] == [1, 3]


def test_a_bad_line_in_a_batch_is_reported_and_the_rest_answered(run_bot: RunBot):
    done = run_bot("total", "--json", stdin="空知\n空地\n石狩\n")
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a["kind"] for a in answers] == ["total", "error", "total"]
    assert answers[1]["error"] == "unknown_region"
    assert answers[1]["input"] == "空地"
    assert "空知総合振興局" in answers[1]["suggestions"]
    assert done.returncode == 1


def test_without_json_a_batch_prints_the_replies(run_bot: RunBot):
    done = run_bot("total", stdin="空知\n石狩\n")
    assert done.stdout.count("の予算合計") == 2


def test_unknown_region_gets_did_you_mean(run_bot: RunBot):
    done = run_bot("total", "空地")
    assert done.returncode == 1
    assert "もしかして: 空知総合振興局" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_usage_errors_exit_2_with_a_message(run_bot: RunBot):
    done = run_bot("top", "abc")
    assert done.returncode == 2
    assert "件数は整数で" in done.stderr
    assert "Traceback" not in done.stderr


def test_data_path_points_every_command_at_another_file(run_bot: RunBot):
    done = run_bot("total", "--json", env={"DATA_PATH": str(FIXTURES / "valid_small.txt")})
    assert json.loads(done.stdout)["total_thousand_yen"] == 1000 + 2500 + 500 + 12 + 7
    done = run_bot("about", "--json", env={"DATA_PATH": str(FIXTURES / "valid_small.txt")})
    assert json.loads(done.stdout)["fiscal_year"] == "令和4年度"


def test_data_path_is_read_from_dotenv(run_bot: RunBot, tmp_path: Path):
    (tmp_path / ".env").write_text(f"DATA_PATH={FIXTURES / 'valid_small.txt'}\n", encoding="utf-8")
    done = run_bot("total", "檜山", "--json")
    assert json.loads(done.stdout)["total_thousand_yen"] == 7


def test_bad_data_is_refused_with_its_line_number(run_bot: RunBot):
    bad = FIXTURES / "bad_budget.txt"
    done = run_bot("total", env={"DATA_PATH": str(bad)})
    assert done.returncode == 3
    assert f"{bad}:7: 予算額「abc」が数値ではありません" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_missing_data_file(run_bot: RunBot, tmp_path: Path):
    done = run_bot("total", env={"DATA_PATH": str(tmp_path / "none.txt")})
    assert done.returncode == 3
    assert "none.txt" in done.stderr


def test_the_shipped_data_is_found_from_any_folder(run_bot: RunBot):
    assert DATA_FILE.exists()
    assert one_json(run_bot, "total", "根室")["total_thousand_yen"] == SUBPREFECTURE_TOTALS["根室"]


def test_the_command_line_does_not_import_discord():
    probe = (
        "import io, sys; from bot.cli import main; from bot.settings import Settings; "
        "main(['total', '空知'], Settings(_env_file=None), stdin=io.StringIO(), "
        "stdout=io.StringIO(), stderr=sys.stderr); print('discord' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_ask_json_keeps_the_contract_and_adds_what_was_understood(run_bot: RunBot):
    answer = one_json(run_bot, "ask", "根室のエゾシカの予算は？")
    assert answer.keys() >= CONTRACT
    understood = answer["understood"]
    assert understood["intent"] == "total"
    assert [r["name"] for r in understood["regions"]] == ["根室"]
    assert (understood["keyword"], understood["project"]) == ("エゾシカ", None)
    expected = sum(r.budget for r in ROWS if "エゾシカ" in r.measure and r.subprefecture == "根室")
    assert answer["total_thousand_yen"] == expected
    assert understood["summary"] in answer["text"]


def test_chart_writes_a_png(run_bot: RunBot, tmp_path: Path):
    out = tmp_path / "budget.png"
    done = run_bot("chart", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"書き出したファイル: {out}" in done.stdout
    answer = one_json(run_bot, "chart", "--by", "area", "--out", str(tmp_path / "areas.png"))
    assert answer["files"] == [str(tmp_path / "areas.png")]
    assert [b["value_thousand_yen"] for b in answer["bars"]] == sorted(
        AREA_TOTALS.values(), reverse=True
    )


def test_export_to_csv_json_and_stdout(run_bot: RunBot, tmp_path: Path):
    done = run_bot("export", "--out", str(tmp_path / "all.csv"))
    assert done.returncode == 0, done.stderr
    data = (tmp_path / "all.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert len(data.decode("utf-8-sig").strip().split("\r\n")) == len(ROWS) + 1
    run_bot("export", "空知", "--out", str(tmp_path / "sorachi.json"))
    exported = json.loads((tmp_path / "sorachi.json").read_text(encoding="utf-8"))
    assert exported["total_thousand_yen"] == SUBPREFECTURE_TOTALS["空知"]
    piped = run_bot("export", "エゾシカ")
    assert piped.stdout.startswith("連携地域,振興局")
    assert len(piped.stdout.strip().splitlines()) == 1 + 2
    wrong = run_bot("export", "--out", str(tmp_path / "x.xlsx"))
    assert wrong.returncode == 1
    assert ".csv" in wrong.stdout


def test_export_json_without_out_writes_no_file(run_bot: RunBot, tmp_path: Path):
    answer = one_json(run_bot, "export", "空知")
    assert answer["total_thousand_yen"] == SUBPREFECTURE_TOTALS["空知"]
    assert "files" not in answer
    assert list(tmp_path.iterdir()) == []  # run_bot runs in tmp_path: nothing was written there


@pytest.mark.parametrize(
    ("args", "title"),
    [
        ((), "振興局別の予算"),
        (("--by", "area"), "連携地域別の予算"),
        (("--region", "空知"), "空知総合振興局の施策別予算"),
        (("--keyword", "観光"), "「観光」に一致する施策の予算"),
    ],
)
def test_chart_json_keeps_its_title(run_bot: RunBot, tmp_path: Path, args: tuple[str, ...], title):
    """Worded by the formatting side since the engine stopped wording it: same JSON as before."""
    answer = one_json(run_bot, "chart", *args, "--out", str(tmp_path / "c.png"))
    assert answer["title"] == title
    assert answer["text"].startswith(f"{title} ・ 合計 ")


def test_help_json_keeps_its_examples(run_bot: RunBot):
    examples = ["空知の予算合計は？", "エゾシカ関連の事業は？", "予算が一番大きい事業は？"]
    assert one_json(run_bot, "help")["examples"] == examples
    assert one_json(run_bot, "ask", "qqqzzz")["examples"] == examples


def test_top_within_a_budget_range_in_man_yen(run_bot: RunBot):
    """--min 300 is 3,000千円, inclusive; available counts the measures in range."""
    kept = sorted((r for r in ROWS if r.budget >= 3000), key=lambda r: -r.budget)
    answer = one_json(run_bot, "top", "--min", "300")
    assert [(r["line"], r["budget_thousand_yen"]) for r in answer["results"]] == [
        (r.line, r.budget) for r in kept[:5]
    ]
    assert answer["available"] == len(kept)
    assert answer["budget"]["minimum_yen"] == 3_000_000
    assert answer["budget"]["maximum_yen"] is None
    assert answer["text"].splitlines()[0] == "予算が大きい施策 上位5件（予算3,000千円以上）"


def test_top_by_subprefecture_sums_only_the_measures_in_range(run_bot: RunBot):
    totals: dict[str, int] = {}
    for row in ROWS:
        if 1000 <= row.budget <= 5000:
            totals[row.subprefecture] = totals.get(row.subprefecture, 0) + row.budget
    answer = one_json(run_bot, "上位", "3", "--by", "subprefecture", "--min", "100", "--max", "500")
    assert [(g["name"], g["total_thousand_yen"]) for g in answer["groups"]] == sorted(
        totals.items(), key=lambda kv: -kv[1]
    )[:3]
    assert "予算1,000千円以上5,000千円以下の施策の合計" in answer["text"].splitlines()[0]


def test_search_with_a_minimum_and_a_batch_keeping_it(run_bot: RunBot):
    kept = [r for r in ROWS if "エゾシカ" in r.measure and r.budget >= 2000]
    answer = one_json(run_bot, "search", "エゾシカ", "--min", "200")
    assert [r["measure"] for r in answer["results"]] == [r.measure for r in kept]
    assert (answer["count"], answer["total_thousand_yen"]) == (1, 2243)
    assert answer["budget"]["text"] == "200万円以上"
    done = run_bot("search", "--max", "100", "--json", stdin="エゾシカ\nえぞしか\n")
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    low = [r for r in ROWS if "エゾシカ" in r.measure and r.budget <= 1000]
    assert [[r["line"] for r in a["results"]] for a in answers] == [[r.line for r in low]] * 2


def test_without_min_and_max_the_json_is_as_before_plus_a_null_budget(run_bot: RunBot):
    answer = one_json(run_bot, "top", "3")
    assert answer["budget"] is None
    assert answer["available"] == len(ROWS)
    assert one_json(run_bot, "search", "エゾシカ")["budget"] is None


def test_budget_range_mistakes(run_bot: RunBot):
    done = run_bot("top", "--min", "500", "--max", "100")
    assert done.returncode == 1
    assert "予算の下限が上限を上回っています（500万円以上100万円以下）" in done.stdout
    done = run_bot("search", "エゾシカ", "--min", "-1")
    assert done.returncode == 2
    assert "予算の下限（万円）は0〜100,000,000で指定してください: -1" in done.stderr
    done = run_bot("top", "--max", "多い")
    assert done.returncode == 2
    assert "予算の上限（万円）は整数で指定してください" in done.stderr
