"""Domain exceptions: every failure a user or a data file can cause, with a message to show.

The front ends (console, command line, Discord) catch KnowledgeError and show `str(exc)`;
anything else is a bug and is logged with its traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class KnowledgeError(Exception):
    """Base class: the message is meant for the person who asked."""

    code = "error"
    suggestions: list[str] = []  # noqa: RUF012 - read-only default, overridden per instance


@dataclass(frozen=True)
class DataIssue:
    """One problem in a data file, located by its 1-based line number."""

    line: int
    reason: str

    def render(self, source: str) -> str:
        return f"{source}:{self.line}: {self.reason}"


class DataFormatError(KnowledgeError):
    """A data file that does not have the expected layout; names every bad line."""

    code = "data_format"

    def __init__(self, path: Path | str, issues: list[DataIssue]) -> None:
        self.path = Path(path)
        self.issues = list(issues)
        shown = "\n".join(issue.render(str(self.path)) for issue in self.issues[:20])
        more = len(self.issues) - 20
        tail = f"\n…ほか {more} 件" if more > 0 else ""
        super().__init__(
            f"データファイルを読み込めません（{len(self.issues)} 件の問題）:\n{shown}{tail}"
        )


class DataFileMissingError(KnowledgeError):
    """DATA_PATH (or the shipped file) does not exist or cannot be read."""

    code = "data_missing"

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        super().__init__(f"データファイル {path} を開けません: {reason}")


class UnknownRegionError(KnowledgeError):
    """A region name that matches nothing; carries the closest real names."""

    code = "unknown_region"

    def __init__(self, query: str, suggestions: list[str]) -> None:
        self.query = query
        self.suggestions = suggestions
        hint = f" もしかして: {'、'.join(suggestions)}" if suggestions else ""
        super().__init__(f"「{query}」という地域は見つかりません。{hint}")


class UnknownProjectError(KnowledgeError):
    """A project name that matches no project in the data."""

    code = "unknown_project"

    def __init__(self, query: str, suggestions: list[str]) -> None:
        self.query = query
        self.suggestions = suggestions
        hint = f" もしかして: {'、'.join(suggestions)}" if suggestions else ""
        super().__init__(f"「{query}」というプロジェクトは見つかりません。{hint}")


class AmbiguousProjectError(KnowledgeError):
    """A partial project name that fits several projects: the user must pick one."""

    code = "ambiguous_project"

    def __init__(self, query: str, candidates: list[str]) -> None:
        self.query = query
        self.candidates = candidates
        self.suggestions = candidates
        listed = "\n".join(f"・{name}" for name in candidates)
        super().__init__(f"「{query}」に当てはまるプロジェクトが複数あります:\n{listed}")


class InvalidQueryError(KnowledgeError):
    """A request that cannot be answered as asked (empty query, N out of range, ...)."""

    code = "invalid_query"
