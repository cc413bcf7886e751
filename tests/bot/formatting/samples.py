"""Hand-made pieces of answers shared by the formatter tests (no engine involved)."""

from __future__ import annotations

from knowledge.answers import Scope, Source

SOURCE = Source(title="テストの表", fiscal_year="令和3年度", unit="千円", file="t.txt")
SORACHI = Scope(
    kind="subprefecture", name="空知", full_name="空知総合振興局", area="道央広域連携地域"
)
