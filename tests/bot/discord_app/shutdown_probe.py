"""Run by test_shutdown: the real start-up path against the fake Discord, then SIGTERM.

Prints the exit status app.main returned; the process exits with it.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys

from bot.discord_app import app
from bot.settings import Settings
from knowledge import load_knowledge
from tests.fake_discord import FakeDiscord


async def probe() -> int:
    async with FakeDiscord() as fake:
        with fake.redirect_discord():
            settings = Settings(_env_file=None, discord_token=fake.token)
            running = asyncio.create_task(app.main(settings, load_knowledge()))
            await fake.wait_for_commands()
            await fake.wait_until(lambda: fake.identifies or None, "an IDENTIFY")
            os.kill(os.getpid(), signal.SIGTERM)
            return await asyncio.wait_for(running, timeout=5)


if __name__ == "__main__":
    code = asyncio.run(probe())
    sys.stdout.write(f"exit {code}\n")
    sys.exit(code)
