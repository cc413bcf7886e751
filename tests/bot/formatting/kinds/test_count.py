"""A count as a person reads it: which count it is (names, entries in the table, the number the
document's text gives), then the items with their amounts."""

from __future__ import annotations

from bot.formatting.embeds import embed_pages
from bot.formatting.text import render_text
from knowledge.answers import CountAnswer
from knowledge.router import ask
from tests.bot.formatting.expect import (
    AREA_OF,
    DECLARED_PROJECTS,
    FOOTER,
    FULL_NAME,
    K,
    columns,
    cut,
    ends,
    fields,
    yen,
)
from tests.source_table import AREA_TOTALS, ROWS, SUBPREFECTURE_TOTALS, Row

SEVERAL = "同じプロジェクトが複数の振興局で行われているため、項目の数は名前の数より多くなります。"
DECLARED = "本文によると地域プロジェクトは全{n}件で、表はその主なものです。"


def body(question: str) -> tuple[CountAnswer, list[str]]:
    """The answer to a question and its reply's lines after what was understood."""
    answer = ask(K, question)
    assert isinstance(answer, CountAnswer)
    lines = render_text(answer, K.source).splitlines()
    assert lines[0].startswith("▶ ")
    assert lines[-2:] == ["", FOOTER]
    return answer, lines[1:-2]


def projects(rows: list[Row]) -> dict[str, tuple[int, str]]:
    """Each project name: its total over its 振興局, and those 振興局 (document order)."""
    names = dict.fromkeys(r.project for r in rows)
    return {
        name: (
            sum(r.budget for r in rows if r.project == name),
            "・".join(dict.fromkeys(r.subprefecture for r in rows if r.project == name)),
        )
        for name in names
    }


def test_projects_distinct_names_entries_and_the_documents_own_number():
    names = projects(ROWS)
    entries = len({(r.subprefecture, r.project) for r in ROWS})
    assert (len(names), entries, DECLARED_PROJECTS) == (21, 26, 51)
    _, lines = body("プロジェクトはいくつ？")
    lead = f"プロジェクトは {len(names)}種類（表の項目としては {entries}件）"
    note = f"※ {SEVERAL} {DECLARED.format(n=DECLARED_PROJECTS)}"
    assert lines[:3] == [lead, note, ""]
    assert [columns(line) for line in lines[3:]] == [
        [cut(name), yen(total), subs] for name, (total, subs) in names.items()
    ]
    assert len(ends(lines[3:], r"千円")) == 1  # amounts right-aligned


def test_projects_in_discord():
    names = projects(ROWS)
    entries = len({(r.subprefecture, r.project) for r in ROWS})
    pages = embed_pages(ask(K, "プロジェクトはいくつ？"), K.source)
    lead = f"プロジェクトは {len(names)}種類（表の項目としては {entries}件）"
    note = f"※ {SEVERAL} {DECLARED.format(n=DECLARED_PROJECTS)}"
    assert len(pages) == -(-len(names) // 6)
    for number, page in enumerate(pages, start=1):
        assert page.title == lead
        assert page.description == f"## {lead}\n{note}"
        assert page.footer.text == f"{FOOTER} ・ {number}/{len(pages)}ページ"
    shown = [(f.name, f.value) for page in pages for f in page.fields]
    assert shown == [(name, f"{yen(total)} ・ {subs}") for name, (total, subs) in names.items()]


def test_subprefectures_fourteen_with_their_measures():
    count = {s: sum(r.subprefecture == s for r in ROWS) for s in SUBPREFECTURE_TOTALS}
    assert len(SUBPREFECTURE_TOTALS) == 14
    answer, lines = body("振興局はいくつ？")
    assert lines[:2] == [f"振興局は {len(SUBPREFECTURE_TOTALS)}か所", ""]  # no note
    assert [columns(line) for line in lines[2:]] == [
        [FULL_NAME[s], yen(total), f"施策 {count[s]}件"]
        for s, total in SUBPREFECTURE_TOTALS.items()
    ]
    pages = embed_pages(answer, K.source)
    for page in pages:
        assert page.title == f"振興局は {len(SUBPREFECTURE_TOTALS)}か所"
        assert page.description is not None
        assert page.description.splitlines() == [f"## 振興局は {len(SUBPREFECTURE_TOTALS)}か所"]
    shown = [(f.name, f.value) for page in pages for f in page.fields]
    assert shown == [
        (FULL_NAME[s], f"{yen(total)} ・ 施策 {count[s]}件")
        for s, total in SUBPREFECTURE_TOTALS.items()
    ]
    assert [p.footer.text for p in pages] == [
        f"{FOOTER} ・ {n}/{len(pages)}ページ" for n in range(1, len(pages) + 1)
    ]


def test_areas():
    count = {a: sum(r.area == a for r in ROWS) for a in AREA_TOTALS}
    _, lines = body("連携地域はいくつ？")
    assert lines[:2] == [f"連携地域は {len(AREA_TOTALS)}地域", ""]
    assert [columns(line) for line in lines[2:]] == [
        [area, yen(total), f"施策 {count[area]}件"] for area, total in AREA_TOTALS.items()
    ]


def test_the_projects_of_an_area_all_run_in_one_subprefecture():
    doo = [r for r in ROWS if AREA_OF[r.subprefecture] == "道央広域連携地域"]
    names = projects(doo)
    assert len(names) == len({(r.subprefecture, r.project) for r in doo})
    answer, lines = body("道央のプロジェクトはいくつ？")
    assert lines[:2] == [f"道央広域連携地域のプロジェクトは {len(names)}件", ""]  # no note
    assert [columns(line) for line in lines[2:]] == [
        [cut(name), yen(total), subs] for name, (total, subs) in names.items()
    ]
    [first, *_] = embed_pages(answer, K.source)
    assert first.description is not None
    assert first.description.splitlines() == [f"## 道央広域連携地域のプロジェクトは {len(names)}件"]


def test_each_part_of_the_note_stands_alone():
    answer = ask(K, "プロジェクトはいくつ？")
    assert isinstance(answer, CountAnswer)
    declared_only = answer.model_copy(update={"entries": answer.count})
    lines = render_text(declared_only, K.source).splitlines()
    assert lines[1:3] == [
        f"プロジェクトは {answer.count}件",
        f"※ {DECLARED.format(n=DECLARED_PROJECTS)}",
    ]
    entries_only = answer.model_copy(update={"declared": None})
    assert render_text(entries_only, K.source).splitlines()[2] == f"※ {SEVERAL}"
    [page, *_] = embed_pages(entries_only, K.source)
    assert page.description is not None
    assert page.description.splitlines()[1] == f"※ {SEVERAL}"
    no_entries = answer.model_copy(update={"entries": None, "declared": None})
    assert render_text(no_entries, K.source).splitlines()[1:3] == [
        f"プロジェクトは {answer.count}件",
        "",
    ]


def test_a_project_without_its_subprefecture_says_nothing_of_it():
    answer = ask(K, "プロジェクトはいくつ？")
    assert isinstance(answer, CountAnswer)
    first = answer.groups[0].model_copy(update={"parent": None})
    unplaced = answer.model_copy(update={"groups": [first]})
    name, (total, _) = next(iter(projects(ROWS).items()))
    assert first.name == name
    assert columns(render_text(unplaced, K.source).splitlines()[4]) == [cut(name), yen(total)]
    [page] = embed_pages(unplaced, K.source)
    assert fields(page) == {name: f"{yen(total)} ・ "}


def _measure_counts(key: str, within: str | None = None) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in ROWS:
        if within is None or row.area == within:
            counts[getattr(row, key)] = counts.get(getattr(row, key), 0) + 1
    return counts


def test_the_subprefecture_with_the_most_measures_names_every_tie():
    counts = _measure_counts("subprefecture")
    most = max(counts.values())
    tied = [s for s in counts if counts[s] == most]
    answer, lines = body("施策数が一番多い振興局は？")
    assert lines[0] == f"施策の数が一番多い振興局は {'・'.join(tied)}（各{most}件）"
    listed = [columns(line) for line in lines[2:] if line.strip()]
    assert [row[-1] for row in listed] == [
        f"施策 {n}件" for n in sorted(counts.values(), reverse=True)
    ]
    assert [row[0] for row in listed[: len(tied)]] == [FULL_NAME[s] for s in tied]
    pages = embed_pages(answer, K.source)
    assert pages[0].title == lines[0]


def test_the_fewest_measures_within_an_area():
    counts = _measure_counts("subprefecture", within="道央広域連携地域")
    fewest = min(counts.values())
    tied = [s for s in counts if counts[s] == fewest]
    _, lines = body("道央で施策が一番少ない振興局")
    assert lines[0] == (
        f"道央広域連携地域の施策の数が一番少ない振興局は {'・'.join(tied)}（各{fewest}件）"
    )


def test_the_area_with_the_most_measures():
    counts = _measure_counts("area")
    (most,) = [a for a in counts if counts[a] == max(counts.values())]
    _, lines = body("事業が一番多い連携地域")
    assert lines[0] == f"施策の数が一番多い連携地域は {most}（{counts[most]}件）"
