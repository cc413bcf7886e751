"""Synthetic tables of any size in the document's own format, for the benchmark.

Deterministic (seeded): measures are the real ones recombined — a real measure name with a
varied suffix, its project with a varied suffix, its description with its own clauses repeated
in another order, the real 振興局 and areas, budgets in the real range — so text length and
vocabulary stay what the search meets in practice. A measure keeps the words of the real one it
grew from (and no other's), so the expected answers of the search evaluation set carry over.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from knowledge.models import MeasureRow
from knowledge.parser import load_dataset

SUFFIXES = (
    "",
    "（第2期）",
    "（拡充）",
    "（広域版）",
    "（モデル事業）",
    "（推進枠）",
    "（重点）",
    "（継続）",
    "・強化",
    "・発信",
    "・連携",
    "・実証",
    "（令和版）",
    "（地域枠）",
    "（特別枠）",
    "（調査）",
)
PROJECT_SUFFIXES = ("", "（第二次）", "（重点）", "（広域）", "（推進）", "（地域連携）")
HEADER = "地域区分\t主なプロジェクト\t主な施策\tR3 予算額"


@dataclass(frozen=True)
class Corpus:
    text: str
    origin: list[int]
    """For each synthetic measure, in document order, the source line of the real one."""


def _clauses(text: str) -> list[str]:
    return [c for c in re.split(r"(?<=、)", text) if c]


def generate(size: int, seed: int = 2021) -> Corpus:
    """A table of `size` measures in the format of the shipped document."""
    rows = load_dataset().rows()
    rng = random.Random(seed)
    by_area: dict[str, dict[str, list[tuple[str, str, int]]]] = {}
    for area in dict.fromkeys(r.area for r in rows):
        by_area[area] = {
            sub: [] for sub in dict.fromkeys(r.subprefecture for r in rows if r.area == area)
        }
    for number in range(size):
        base: MeasureRow = rows[number % len(rows)] if number < len(rows) else rng.choice(rows)
        suffix = SUFFIXES[rng.randrange(len(SUFFIXES))] if number >= len(rows) else ""
        project = base.project + (rng.choice(PROJECT_SUFFIXES) if number >= len(rows) else "")
        own = _clauses(base.description)
        extra = (
            "".join(rng.sample(own, k=min(len(own), rng.randint(0, 2))))
            if number >= len(rows)
            else ""
        )
        description = (base.description.rstrip("。") + "。" + extra).rstrip("、")
        cell = f"【{base.measure}{suffix}】 {description}"
        by_area[base.area][base.subprefecture].append((project, cell, base.line))
    lines = [
        "合成した地域プロジェクトの表（ベンチマーク用）",
        "",
        "51の地域プロジェクトを展開する。",
        "",
    ]
    origin: list[int] = []
    for area, subs in by_area.items():
        lines += [area, "", "(単位：千円)", "", HEADER]
        for sub, measures in subs.items():
            previous_project = None
            for index, (project, cell, line) in enumerate(sorted(measures)):
                budget = rng.randint(100, 10_000)
                first_cell = sub if index == 0 else ""
                project_cell = "" if project == previous_project else project
                lines.append(f"{first_cell}\t{project_cell}\t{cell}\t{budget:,}")
                origin.append(line)
                previous_project = project
        lines.append("")
    return Corpus("\n".join(lines) + "\n", origin)
