"""Stopping the bot: SIGTERM closes the gateway and the process exits 0 within seconds."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).parent.parent.parent.parent


def test_sigterm_stops_the_bot_cleanly():
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "tests.bot.discord_app.shutdown_probe"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout.strip()) == (0, "exit 0"), done.stderr[-2000:]
    assert time.perf_counter() - started < 30
    assert "Traceback" not in done.stderr
