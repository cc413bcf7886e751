"""A burst of slash commands through the fake Discord of the tests: the real discord.py client
and the real bot, 200 commands from 20 users at once, on 127.0.0.1 only."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from typing import Any

from bot.discord_app.client import BudgetBot
from bot.discord_app.cooldown import UserCooldown
from bot.errors import INTERNAL_MESSAGE
from bot.settings import Settings
from knowledge import load_knowledge
from tests.fake_discord import FakeDiscord
from tests.fake_discord.models import FakeMember, FakeUser

ERROR_TITLE = "お答えできませんでした"
COMMANDS = (
    ("total", {"region": "空知"}),
    ("search", {"query": "エゾシカ"}),
    ("top", {"n": 3}),
    ("ask", {"question": "釧根っていくら？"}),
)


async def burst(commands: int = 200, users: int = 20) -> dict[str, Any]:
    async with FakeDiscord() as fake:
        with fake.redirect_discord():
            people = [
                FakeUser(fake.state.ids.next(), f"user{i}", f"User {i}") for i in range(users)
            ]
            for person in people:  # members of the test guild, as people in a team's server are
                fake.state.users[person.id] = person
                fake.state.guild.members.append(FakeMember(person, [], dt.datetime.now(dt.UTC)))
            settings = Settings(_env_file=None, discord_token=fake.token)
            bot = BudgetBot(
                settings,
                load_knowledge(),
                message_content=False,
                guild_ready_timeout=0.05,
                cooldown=UserCooldown(
                    rate=commands
                ),  # the burst measures answers, not the cooldown
            )
            async with fake.running(bot):

                async def one(index: int) -> float:
                    name, options = COMMANDS[index % len(COMMANDS)]
                    started = time.perf_counter()
                    handle = await fake.slash(name, options, user=people[index % users])
                    await handle.response(timeout=10)
                    return (time.perf_counter() - started) * 1000

                latencies = sorted(await asyncio.gather(*(one(i) for i in range(commands))))
                answered = [len(i.callbacks) for i in fake.interactions]
                failed = sum(
                    1
                    for i in fake.interactions
                    for c in i.callbacks
                    if any(e.get("title") == ERROR_TITLE for e in c.embeds)
                    or INTERNAL_MESSAGE in c.content
                )
    return {
        "commands": commands,
        "users": users,
        "ack_ms": {
            "p50": round(latencies[len(latencies) // 2], 2),
            "p99": round(latencies[int(len(latencies) * 0.99) - 1], 2),
        },
        "answered_exactly_once": sum(1 for n in answered if n == 1),
        "lost": sum(1 for n in answered if n == 0),
        "answered_twice_or_more": sum(1 for n in answered if n > 1),
        "answered_with_an_error": failed,
    }
