"""An independent reading of the shipped document, for expected values in tests.

Deliberately simpler than knowledge.parser and sharing no code with it: a data row is any line
with exactly three tabs whose first cell is not the header; an area is the last tab-free line
ending in 連携地域. Tests compare the engine's figures with sums computed from these rows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

DATA_FILE = Path(__file__).parent.parent / "knowledge" / "data" / "r3_regional_projects.txt"
SEED_FILE = Path(__file__).parent.parent.parent / "shared" / "seeds" / "000_4db2e1b683a3f48b.txt"


@dataclass(frozen=True)
class Row:
    line: int
    area: str
    subprefecture: str
    project: str
    measure: str
    budget: int
    description: str = ""


def read_rows(path: Path = DATA_FILE) -> list[Row]:
    rows: list[Row] = []
    area = sub = project = ""
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if "\t" not in line:
            if line.strip().endswith("連携地域"):
                area = line.strip()
            continue
        cells = line.split("\t")
        if len(cells) != 4 or cells[0] == "地域区分":
            continue
        sub = cells[0] or sub
        project = cells[1] or project
        measure = cells[2][cells[2].index("【") + 1 : cells[2].index("】")]
        description = cells[2][cells[2].index("】") + 1 :].strip()
        budget = int(cells[3].replace(",", ""))
        rows.append(Row(number, area, sub, project, measure, budget, description))
    return rows


ROWS = read_rows()


def total_by(attribute: str) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for row in ROWS:
        totals[getattr(row, attribute)] += row.budget
    return dict(totals)


GRAND_TOTAL = sum(row.budget for row in ROWS)
AREA_TOTALS = total_by("area")
SUBPREFECTURE_TOTALS = total_by("subprefecture")
