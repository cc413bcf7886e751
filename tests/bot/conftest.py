"""Helpers to run the real entry point (`python -m bot`) as a newcomer would."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

RunBot = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_bot(tmp_path: Path) -> RunBot:
    """Run `python -m bot ARGS` in an empty folder, with a clean environment and optional stdin."""

    def run(
        *args: str, stdin: str | None = None, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        clean = {
            k: v
            for k, v in os.environ.items()
            if k not in {"DISCORD_TOKEN", "DATA_PATH", "LOG_LEVEL"}
        }
        return subprocess.run(
            [sys.executable, "-m", "bot", *args],
            input=stdin if stdin is not None else "",
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=tmp_path,
            env={**clean, "PYTHONIOENCODING": "utf-8", **(env or {})},
            timeout=60,
            check=False,
        )

    return run
