"""Hand-made pieces of answers shared by the formatter tests (no engine involved)."""

from __future__ import annotations

from knowledge.answers import Scope, Source, TotalAnswer

SOURCE = Source(title="テストの表", fiscal_year="令和3年度", unit="千円", file="t.txt")
SORACHI = Scope(
    kind="subprefecture", name="空知", full_name="空知総合振興局", area="道央広域連携地域"
)


def sorachi_total(**fields: object) -> TotalAnswer:
    """空知's total of 6,615千円 over two measures, with whatever else a test gives it."""
    return TotalAnswer.model_validate(
        {
            "scope": SORACHI,
            "total_thousand_yen": 6615,
            "count": 2,
            "mean_thousand_yen": 3307.5,
            "median_thousand_yen": 3307.5,
            **fields,
        }
    )
